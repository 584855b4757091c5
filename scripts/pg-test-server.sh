#!/usr/bin/env bash
# Start (or stop) a private, throwaway PostgreSQL cluster for the test suite.
#
#   scripts/pg-test-server.sh start [DIR]   initdb into DIR (default: a new temp dir), start the
#                                           server on a free port of 127.0.0.1 and print
#                                           DATABASE_URL=postgres://postgres@127.0.0.1:PORT/postgres
#   scripts/pg-test-server.sh stop DIR      stop the cluster in DIR and delete DIR
#
# The server binaries come from $PG_BIN, else the newest /usr/lib/postgresql/*/bin (Debian:
# `apt-get install -y postgresql`; policy-rc.d keeps the packaged cluster stopped, this one is
# our own). initdb refuses to run as root, so as root the cluster runs as the `postgres` user.
# Authentication is `trust` on 127.0.0.1 only: for tests, never for data you care about.
#
# CI:  eval "$(scripts/pg-test-server.sh start)"; export DATABASE_URL; npm test
set -euo pipefail

die() { echo "pg-test-server: $*" >&2; exit 1; }

pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] || die "no PostgreSQL server binaries (apt-get install -y postgresql, or set PG_BIN)"
  echo "$dir"
}

# Run a command as the cluster owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

start() {
  local bin dir port
  bin=$(pg_bin)
  dir=${1:-$(mktemp -d "${TMPDIR:-/tmp}/fazhi-pg.XXXXXX")}
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root needs a 'postgres' user (the Debian package creates it)"
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  port=$(free_port)
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$dir/server.log" >&2; die "the server did not start"; }
  echo "$dir" >"$dir/.fazhi-pg"
  echo "DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
  echo "FAZHI_PG_DIR=$dir"
}

stop() {
  local dir=${1:-}
  [ -n "$dir" ] || die "usage: $0 stop DIR"
  [ -f "$dir/.fazhi-pg" ] || die "$dir was not made by this script"
  as_owner "$(pg_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) die "usage: $0 start [DIR] | stop DIR" ;;
esac
