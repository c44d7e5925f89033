#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server (loopback, free port, temporary directory) and exports TEST_DATABASE_URL.
# Source it, then call start_temp_postgres; the server stops when the calling shell exits (a caller with an EXIT trap
# of its own, set before, calls stop_temp_postgres from it: this script does not replace it).

pg_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ] && command -v pg_ctl >/dev/null 2>&1; then dir=$(dirname "$(readlink -f "$(command -v pg_ctl)")"); fi
  echo "$dir"
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Runs a command as the postgres user when we are root (initdb refuses to run as root).
as_pg_user() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_temp_postgres() {
  local bin port
  bin=$(pg_bin_dir)
  if [ -z "$bin" ]; then
    echo "PostgreSQL server binaries not found (install the postgresql package)." >&2
    return 1
  fi
  TEMP_PG_BIN="$bin"
  TEMP_PG_DIR=$(mktemp -d /tmp/keyhouse-pg.XXXXXX)
  chmod 755 "$TEMP_PG_DIR"
  if [ "$(id -u)" = "0" ]; then chown postgres "$TEMP_PG_DIR"; fi
  port=$(free_port)
  as_pg_user "$bin/initdb" -D "$TEMP_PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$TEMP_PG_DIR/initdb.log" 2>&1 \
    || { cat "$TEMP_PG_DIR/initdb.log" >&2; return 1; }
  as_pg_user "$bin/pg_ctl" -D "$TEMP_PG_DIR/data" -l "$TEMP_PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$TEMP_PG_DIR -c max_connections=200 -c fsync=off" start >/dev/null \
    || { cat "$TEMP_PG_DIR/server.log" >&2; return 1; }
  if [ -z "$(trap -p EXIT)" ]; then trap stop_temp_postgres EXIT; fi
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') running on 127.0.0.1:$port (temporary)"
}

stop_temp_postgres() {
  if [ -n "${TEMP_PG_DIR:-}" ] && [ -d "$TEMP_PG_DIR/data" ]; then
    as_pg_user "$TEMP_PG_BIN/pg_ctl" -D "$TEMP_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$TEMP_PG_DIR"
  fi
}
