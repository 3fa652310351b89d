#!/usr/bin/env bash
# A real authoritative DNS server (NSD) on loopback for the domain check's tests. Run as root after the
# packages in .ci/packages.txt are installed.
#
# It serves the fixture zones kept beside the tests (tests/HelpPortal.Mail.Tests/DomainCheck/Zones, one zone per
# finding) on 127.0.0.1, UDP and TCP, on a fixed high port. NSD answers only for its own zones and never recurses,
# so the tests point the check's resolver straight at it. Everything lives in one state folder outside the
# repository ($HELPPORTAL_DNS, default /var/lib/helpportal-test/dns), including dns.env, which the tests read.
# Running the script again stops this NSD and starts it with the zones copied afresh. The distribution's own nsd
# service (port 53) is stopped and disabled: the tests do not use it and it must not hold ports or files we need.
set -euo pipefail

STATE=${HELPPORTAL_DNS:-/var/lib/helpportal-test/dns}
ADDRESS=127.0.0.1
PORT=${HELPPORTAL_DNS_PORT:-10053}
ZONES_SOURCE="$(cd "$(dirname "$0")/../.." && pwd)/tests/HelpPortal.Mail.Tests/DomainCheck/Zones"
PIDFILE=$STATE/nsd.pid
ENV_FILE=$STATE/dns.env

if [ "$(id -u)" -ne 0 ]; then
  echo "dns.sh must run as root (it starts NSD)" >&2
  exit 1
fi
command -v nsd >/dev/null || { echo "missing nsd: install the packages in .ci/packages.txt" >&2; exit 1; }
[ -d "$ZONES_SOURCE" ] || { echo "no fixture zones at $ZONES_SOURCE" >&2; exit 1; }

# --- the distribution's service: installing nsd may enable (and on a booted system start) it on port 53.
# It is stopped by its own pid file only: stopping "nsd" by name would also end this script's instance. ---
distro_pid=/run/nsd/nsd.pid
if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
  systemctl disable --now nsd >/dev/null 2>&1 || true
else
  command -v update-rc.d >/dev/null && update-rc.d nsd disable >/dev/null 2>&1 || true
  if [ -f "$distro_pid" ] && kill -0 "$(cat "$distro_pid")" 2>/dev/null; then
    kill "$(cat "$distro_pid")" || true
  fi
fi

# --- stop our previous run: by its pid file, and only if that pid is still an NSD (its processes are
# named "nsd: main", "nsd: xfrd"...); after a reboot the number may belong to something else ---
if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
  pid=$(cat "$PIDFILE")
  case "$(cat "/proc/$pid/comm" 2>/dev/null)" in
    nsd*)
      kill "$pid"
      for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      for _ in $(seq 50); do (exec 3<>"/dev/tcp/$ADDRESS/$PORT") 2>/dev/null || break; sleep 0.1; done
      ;;
  esac
fi

# The port must be free now: something else holding it would answer the tests instead of these zones. A TCP
# probe finds a listener; NSD itself refuses to start when the UDP port is taken (its log then says so).
if (exec 3<>"/dev/tcp/$ADDRESS/$PORT") 2>/dev/null; then
  echo "port $PORT on $ADDRESS is in use by another program; set HELPPORTAL_DNS_PORT to a free port" >&2
  exit 1
fi

mkdir -p "$STATE"
: >"$STATE/nsd.log"
chmod 755 "$STATE"
rm -rf "$STATE/zones"
mkdir -p "$STATE/zones"
cp "$ZONES_SOURCE"/*.zone "$STATE/zones/"

{
  cat <<CONF
server:
    ip-address: $ADDRESS@$PORT
    do-ip6: no
    username: ""
    chroot: ""
    zonesdir: "$STATE/zones"
    pidfile: "$PIDFILE"
    database: ""
    zonelistfile: "$STATE/zone.list"
    xfrdfile: "$STATE/xfrd.state"
    xfrdir: "$STATE"
    logfile: "$STATE/nsd.log"
    server-count: 1
    verbosity: 1
    hide-version: yes
remote-control:
    control-enable: no
CONF
  for file in "$STATE"/zones/*.zone; do
    name=$(basename "$file" .zone)
    printf 'zone:\n    name: "%s"\n    zonefile: "%s"\n' "$name" "$(basename "$file")"
  done
} >"$STATE/nsd.conf"

nsd-checkconf "$STATE/nsd.conf"
for file in "$STATE"/zones/*.zone; do
  nsd-checkzone "$(basename "$file" .zone)" "$file" >/dev/null
done
nsd -c "$STATE/nsd.conf"

# Ready when it accepts TCP on the port (it opens UDP and TCP together).
ready=no
for _ in $(seq 50); do
  if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null && (exec 3<>"/dev/tcp/$ADDRESS/$PORT") 2>/dev/null; then
    ready=yes
    break
  fi
  sleep 0.1
done
if [ "$ready" != yes ]; then
  echo "NSD did not start; its log:" >&2
  cat "$STATE/nsd.log" >&2 2>/dev/null || true
  exit 1
fi

cat >"$ENV_FILE" <<ENV
# Written by .ci/services/dns.sh: the loopback NSD serving the domain check's fixture zones.
DNS_ADDRESS=$ADDRESS
DNS_PORT=$PORT
MailService__Dns__Resolver=$ADDRESS:$PORT
MailService__Dns__MxHosts__0=mx1.provider.test
MailService__Dns__MxHosts__1=mx2.provider.test
MailService__Dns__SpfInclude=spf.provider.test
MailService__Dns__DkimSelectors__0=hp
ENV
chmod 644 "$ENV_FILE"
echo "nsd: $ADDRESS:$PORT serving $(ls "$STATE"/zones | wc -l) zones; settings in $ENV_FILE"
