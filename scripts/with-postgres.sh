#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15: initdb in a temporary folder, a free port on
# 127.0.0.1, JIXIAO_TEST_PG_URL exported, and the server stopped and deleted afterwards, whatever
# the command's outcome.   Usage: scripts/with-postgres.sh npm test
set -Eeuo pipefail

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || true)}
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  echo "PostgreSQL 15 binaries not found (install: apt-get install postgresql-15)" >&2
  exit 1
fi

run_as_pg() {
  # initdb refuses to run as root: run the server as the postgres user then.
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi
}

dir=$(mktemp -d /tmp/jixiao-pg.XXXXXX)
chmod 755 "$dir"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

stop() {
  run_as_pg "$PG_BIN/pg_ctl -D $dir/data -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

run_as_pg "$PG_BIN/initdb -D $dir/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
run_as_pg "$PG_BIN/pg_ctl -D $dir/data -l $dir/server.log -o '-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c max_connections=200 -c fsync=off' -w start" >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)"

export JIXIAO_TEST_PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
"$@"
