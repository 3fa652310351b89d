#!/usr/bin/env bash
# Memory per open mail-tester circuit: N headless Chromium tabs hold the article with the tester widget (the only
# interactive island, so the only page that opens a circuit); the portal's resident memory before and after.
# Then N tabs of a plain article: no circuit may open (counted as WebSocket upgrades in the portal's log).
# Usage: bench/circuits.sh [N]   (after bench/run.sh, which publishes the portal into bench/out/web)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/bench/out"
web="$out/web"
tabs=${1:-20}
port=${PORT:-5189}
debug=${DEBUG_PORT:-9333}
url="http://127.0.0.1:$port"
rm -f "$out/circuits.db" "$out/circuits.log"
(cd "$web" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$url" Portal__PublicUrl="$url" Content__Path="$root/content" \
    ConnectionStrings__Portal="Data Source=$out/circuits.db" \
    Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics=Information \
    dotnet HelpPortal.Web.dll > "$out/circuits.log" 2>&1) &
portal=$!
rm -rf "$out/chromium-profile"
chromium --headless=new --no-sandbox --no-first-run --no-default-browser-check --disable-gpu --remote-debugging-port="$debug" \
    --user-data-dir="$out/chromium-profile" about:blank > "$out/chromium.log" 2>&1 &
browser=$!
trap 'kill $browser $portal 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "$url/en/articles/troubleshooting-email" && curl -sf -o /dev/null "http://127.0.0.1:$debug/json/version"; do
    sleep 0.2
done

rss() { awk '/VmRSS/ {print $2}' "/proc/$portal/status"; }
open_tabs() { # open_tabs COUNT PATH
    for _ in $(seq "$1"); do curl -sf -X PUT "http://127.0.0.1:$debug/json/new?$url$2" > /dev/null; done
    sleep "${SETTLE:-15}"
}
upgrades() { grep -c "/_blazor?id=" "$out/circuits.log" || true; }

# Warm-up: one tab with the widget, so the first circuit's JIT and caches are not counted per circuit.
open_tabs 1 /en/articles/troubleshooting-email
before=$(rss); circuits_before=$(upgrades)
open_tabs "$tabs" /en/articles/troubleshooting-email
after=$(rss); circuits_after=$(upgrades)
echo "tester tabs: $tabs, circuits opened: $((circuits_after - circuits_before))"
echo "resident memory: $((before / 1024)) MB before, $((after / 1024)) MB after, $(((after - before) / tabs)) KB per circuit"

plain_before=$(upgrades)
open_tabs "$tabs" /en/articles/sending-limits
echo "plain article tabs: $tabs, circuits opened: $(($(upgrades) - plain_before))"
