#!/usr/bin/env bash
# A PostgreSQL on loopback for the store's tests and the two-instance test.
# Idempotent: starts the Debian cluster if it is down and makes sure the test role and database exist.
set -euo pipefail

version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
# Loopback only; CI machines have nothing else to listen to.
conf="/etc/postgresql/$version/main/postgresql.conf"
grep -q "^listen_addresses = '127.0.0.1'" "$conf" || echo "listen_addresses = '127.0.0.1'" >> "$conf"
pg_ctlcluster "$version" main start 2>/dev/null || pg_ctlcluster "$version" main status >/dev/null

for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 0.5
done

# Over the local socket: the postgres superuser signs in by peer authentication.
su postgres -c "psql -q -v ON_ERROR_STOP=1 postgres" >/dev/null <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'helpportal') THEN
    CREATE ROLE helpportal LOGIN PASSWORD 'helpportal' CREATEDB;
  END IF;
END $$;
SQL
echo "postgres: 127.0.0.1:5432, role helpportal (CREATEDB)"
