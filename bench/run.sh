#!/usr/bin/env bash
# Portal benchmarks (not part of `dotnet test`): Release build, generated corpus, loopback only, wrk from Debian.
# Prints every figure bench/RESULTS.md reports and keeps the raw output in bench/out/.
# Usage: bench/run.sh            (needs dotnet, python3, wrk, curl, sqlite3)
#        PORT=5189 DURATION=20s bench/run.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/bench/out"
web="$out/web"
port=${PORT:-5189}
duration=${DURATION:-20s}
url="http://127.0.0.1:$port"
article=sending-limits
mkdir -p "$out"
cd "$root"

echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB memory, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "== build (Release)"
dotnet publish src/HelpPortal.Web -c Release -o "$web" > "$out/publish.log"
# The same build compiled ahead of time (ReadyToRun), for the cold-start comparison only.
dotnet publish src/HelpPortal.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$out/web-r2r" > "$out/publish-r2r.log"
dotnet build bench/votes -c Release -o "$out/votes" > "$out/votes-build.log"
python3 bench/portal/corpus.py content "$out/content-2000" 2000
python3 bench/portal/corpus.py content "$out/content-10000" 10000
dotnet "$web/HelpPortal.Web.dll" check-content "$out/content-2000" > "$out/check-content.log"
tail -n 1 "$out/check-content.log"

pid=
stop_portal() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi
}
trap stop_portal EXIT

# start_portal CONTENT_FOLDER DATABASE: starts the published portal and sets startup_ms to the milliseconds until
# the first article answered 200, process start included. (Not in a subshell: pid must reach stop_portal.)
startup_ms=
start_portal() {
    rm -f "$2" "$2"-wal "$2"-shm
    local started
    started=$(date +%s%N)
    (cd "${WEB_FOLDER:-$web}" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$url" Portal__PublicUrl="$url" Content__Path="$1" \
        ConnectionStrings__Portal="Data Source=$2" Feedback__VotesPerClientPerMinute=10000000 \
        Logging__LogLevel__Default=Warning "Logging__LogLevel__HelpPortal.Articles=Error" \
        dotnet HelpPortal.Web.dll >> "$out/portal.log" 2>&1) &
    pid=$!
    until curl -sf -o /dev/null "$url/en/articles/$article"; do
        kill -0 "$pid" 2>/dev/null || { echo "the portal exited; see $out/portal.log" >&2; exit 1; }
        sleep 0.02
    done
    startup_ms=$((($(date +%s%N) - started) / 1000000))
}

# wrk_figures PATH: requests/s and p99 at 32 connections, after a short warm-up.
wrk_figures() {
    wrk -t2 -c32 -d5s "$url$1" > /dev/null
    wrk -t2 -c32 -d"$duration" --latency "$url$1" | tee "$out/wrk$(echo "$1" | tr '/' '_').txt" |
        awk '/Requests\/sec/ {rps=$2} /^ +99%/ {p99=$2} END {print rps, p99}'
}

echo "== the article's HTML as a static file, served by the same Kestrel"
start_portal "$out/content-2000" "$out/static.db"
mkdir -p "$web/wwwroot/bench"
curl -sf "$url/en/articles/$article" -o "$web/wwwroot/bench/article.html"
stop_portal
python3 bench/portal/add_static_page.py "$web" bench/article.html

echo "== cold start, 2,000 generated articles (three runs, fresh database each)"
for run in 1 2 3; do
    start_portal "$out/content-2000" "$out/portal.db"
    echo "cold start run $run: $startup_ms ms"
    [ "$run" = 3 ] || stop_portal
done

echo "== /healthz, 32 connections, $duration"
read -r health_rps health_p99 < <(wrk_figures "/healthz")
echo "healthz: $health_rps req/s, p99 $health_p99"

echo "== article page vs static file, 32 connections, $duration each"
read -r page_rps page_p99 < <(wrk_figures "/en/articles/$article")
read -r static_rps static_p99 < <(wrk_figures "/bench/article.html")
echo "article page: $page_rps req/s, p99 $page_p99"
echo "static file:  $static_rps req/s, p99 $static_p99"
echo "ratio: $(python3 -c "print(f'{$page_rps / $static_rps:.2f}')")"

echo "== votes: 200 visitors x 100 articles"
"$out/votes/VotesBench" "$url" 200 100 generated- | tee "$out/votes.txt"
stored=$(sqlite3 "$out/portal.db" "SELECT count(*) || ' ' || sum(Helpful) || ' ' || (count(*) - sum(Helpful)) FROM Votes")
read -r rows yes no <<< "$stored"
echo "stored_rows=$rows stored_yes=$yes stored_no=$no"
grep -q "expected_rows=$rows expected_yes=$yes expected_no=$no" "$out/votes.txt" \
    && echo "store holds exactly the expected totals" || { echo "STORE TOTALS DIFFER" >&2; exit 1; }
stop_portal

echo "== cold start, 2,000 generated articles, ReadyToRun build (three runs)"
for run in 1 2 3; do
    WEB_FOLDER="$out/web-r2r" start_portal "$out/content-2000" "$out/portal-r2r.db"
    echo "cold start (ReadyToRun) run $run: $startup_ms ms"
    stop_portal
done

echo "== 10,000 generated articles: start and resident memory"
start_portal "$out/content-10000" "$out/portal-10k.db"
echo "first article after: $startup_ms ms"
for query in smtp+port password losenord "send+mail+abroad"; do curl -sf -o /dev/null "$url/en/search?q=$query"; done
for slug in troubleshooting-email generated-00000 generated-00002 generated-09998; do curl -sf -o /dev/null "$url/en/articles/$slug"; done
wrk -t2 -c32 -d5s "$url/en/articles/$article" > /dev/null
sleep 2
echo "resident memory: $(awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$pid/status")"
stop_portal

echo "== search, 10,000 generated articles, in process"
dotnet run -c Release --project bench/search/SearchBench.csproj -- 10000
dotnet run -c Release --project bench/search/SearchBench.csproj -- 10000 --dense
