#!/usr/bin/env bash
# Portal benchmarks (not part of `dotnet test`): Release build, generated corpus, loopback only, wrk from Debian.
# Prints every figure bench/RESULTS.md reports and keeps the raw output in bench/out/.
# Usage: bench/run.sh            (needs dotnet, python3, curl, sqlite3; installs wrk and nginx-light with apt-get when
#                                 run as root and they are missing)
#        PORT=5189 DURATION=20s bench/run.sh
#        bench/run.sh pages       (only the build, the cold starts and the reader pages against nginx)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/bench/out"
web="$out/web"
port=${PORT:-5189}
duration=${DURATION:-20s}
url="http://127.0.0.1:$port"
article=sending-limits
category=email-clients
only=${1:-all}
mkdir -p "$out"
cd "$root"

# wrk, and nginx as the ceiling for serving a file. Installing Debian's nginx would start its system service on
# port 80; a temporary policy-rc.d stops that (this script only ever runs its own nginx, below).
missing=()
command -v wrk > /dev/null || missing+=(wrk)
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || { echo "missing ${missing[*]}: run as root once, or install them" >&2; exit 1; }
    policy=
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && policy=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" > "$out/apt.log"
    [ -z "$policy" ] || rm -f /usr/sbin/policy-rc.d
fi

echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB memory, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== build (Release, ReadyToRun as published: -r sets PublishReadyToRun in the project)"
dotnet publish src/HelpPortal.Web -c Release -r linux-x64 --self-contained false -o "$web" > "$out/publish.log"
# The same build without ReadyToRun (compiled on first use), for the cold-start comparison only.
dotnet publish src/HelpPortal.Web -c Release -o "$out/web-jit" > "$out/publish-jit.log"
[ "$only" = pages ] || dotnet build bench/votes -c Release -o "$out/votes" > "$out/votes-build.log"
python3 bench/portal/corpus.py content "$out/content-2000" 2000
[ "$only" = pages ] || python3 bench/portal/corpus.py content "$out/content-10000" 10000
dotnet "$web/HelpPortal.Web.dll" check-content "$out/content-2000" > "$out/check-content.log"
tail -n 1 "$out/check-content.log"

pid=
stop_portal() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi
}
nginx_pid=
stop_nginx() {
    if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; nginx_pid=; fi
}
trap 'stop_portal; stop_nginx' EXIT

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
    wrk -t2 -c32 -d"$duration" --latency "$url$1" | tee "$out/wrk$(echo "$url$1" | tr '/:.' '___').txt" |
        awk '/Requests\/sec/ {rps=$2} /^ +99%/ {p99=$2} END {print rps, p99}'
}

echo "== the reader pages' HTML as static files: the same Kestrel, and nginx"
pages=("/en/articles/$article" "/en" "/en/categories/$category")
names=(article home category)
start_portal "$out/content-2000" "$out/static.db"
ngx="$out/nginx"
rm -rf "$ngx" && mkdir -p "$ngx/html/bench" "$ngx/tmp" "$web/wwwroot/bench"
for i in 0 1 2; do
    curl -sf "$url${pages[$i]}" -o "$web/wwwroot/bench/${names[$i]}.html"
    cp "$web/wwwroot/bench/${names[$i]}.html" "$ngx/html/bench/"
done
stop_portal
for name in "${names[@]}"; do python3 bench/portal/add_static_page.py "$web" "bench/$name.html"; done
nginx_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# Two workers for the two cores, no access log (Kestrel keeps none either), sendfile as Debian ships it.
cat > "$ngx/nginx.conf" <<CONF
$([ "$(id -u)" = 0 ] && echo "user root;")
worker_processes 2;
daemon off;
pid $ngx/nginx.pid;
error_log $ngx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    default_type text/html;
    client_body_temp_path $ngx/tmp/body;
    proxy_temp_path $ngx/tmp/proxy;
    fastcgi_temp_path $ngx/tmp/fastcgi;
    uwsgi_temp_path $ngx/tmp/uwsgi;
    scgi_temp_path $ngx/tmp/scgi;
    server {
        listen 127.0.0.1:$nginx_port;
        root $ngx/html;
    }
}
CONF
/usr/sbin/nginx -c "$ngx/nginx.conf" -p "$ngx" &
nginx_pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$nginx_port/bench/article.html"; do sleep 0.05; done

echo "== cold start, 2,000 generated articles, published (ReadyToRun) build (three runs, fresh database each)"
for run in 1 2 3; do
    start_portal "$out/content-2000" "$out/portal.db"
    echo "cold start run $run: $startup_ms ms"
    [ "$run" = 3 ] || stop_portal
done

echo "== /healthz, 32 connections, $duration"
read -r health_rps health_p99 < <(wrk_figures "/healthz")
echo "healthz: $health_rps req/s, p99 $health_p99"

echo "== reader pages vs the same bytes as static files, 32 connections, $duration each (load $(cut -d' ' -f1 /proc/loadavg))"
for i in 0 1 2; do
    read -r page_rps page_p99 < <(wrk_figures "${pages[$i]}")
    read -r static_rps static_p99 < <(wrk_figures "/bench/${names[$i]}.html")
    read -r nginx_rps nginx_p99 < <(url="http://127.0.0.1:$nginx_port" wrk_figures "/bench/${names[$i]}.html")
    echo "${names[$i]} ${pages[$i]}: portal $page_rps req/s (p99 $page_p99), Kestrel static $static_rps (p99 $static_p99), nginx $nginx_rps (p99 $nginx_p99)"
    echo "${names[$i]} ratios: portal/nginx $(python3 -c "print(f'{$page_rps / $nginx_rps:.2f}')"), portal/Kestrel static $(python3 -c "print(f'{$page_rps / $static_rps:.2f}')")"
done
echo "load average after the page runs: $(cut -d' ' -f1-3 /proc/loadavg)"
stop_nginx
if [ "$only" = pages ]; then
    stop_portal
    echo "== cold start, 2,000 generated articles, without ReadyToRun (three runs)"
    for run in 1 2 3; do
        WEB_FOLDER="$out/web-jit" start_portal "$out/content-2000" "$out/portal-jit.db"
        echo "cold start (no ReadyToRun) run $run: $startup_ms ms"
        stop_portal
    done
    exit 0
fi

echo "== votes: 200 visitors x 100 articles"
"$out/votes/VotesBench" "$url" 200 100 generated- | tee "$out/votes.txt"
stored=$(sqlite3 "$out/portal.db" "SELECT count(*) || ' ' || sum(Helpful) || ' ' || (count(*) - sum(Helpful)) FROM Votes")
read -r rows yes no <<< "$stored"
echo "stored_rows=$rows stored_yes=$yes stored_no=$no"
grep -q "expected_rows=$rows expected_yes=$yes expected_no=$no" "$out/votes.txt" \
    && echo "store holds exactly the expected totals" || { echo "STORE TOTALS DIFFER" >&2; exit 1; }
stop_portal

echo "== cold start, 2,000 generated articles, without ReadyToRun (three runs)"
for run in 1 2 3; do
    WEB_FOLDER="$out/web-jit" start_portal "$out/content-2000" "$out/portal-jit.db"
    echo "cold start (no ReadyToRun) run $run: $startup_ms ms"
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
