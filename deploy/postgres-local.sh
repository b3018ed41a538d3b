#!/usr/bin/env bash
# Throwaway local PostgreSQL for tests and development (no Docker needed).
#
#   deploy/postgres-local.sh start   # prints the Npgsql connection string on stdout
#   deploy/postgres-local.sh stop    # stops the server and deletes its data directory
#   deploy/postgres-local.sh kill    # crashes it (pg_ctl -m immediate stop): data and state kept
#   deploy/postgres-local.sh resume  # starts it again on the same data and port (crash recovery)
#
# kill/resume simulate a database outage (docs/operations.md, "Storage outages"); use them only on
# an instance of your own (its own WABA_PG_STATE), never on one other tests share.
#
# State (data dir, port, connection string) goes to $WABA_PG_STATE (default
# /tmp/waba-pg.env); `source` it to get WABA_PG_CONNECTION and
# ConnectionStrings__WabaActors in your shell. Port: $PGPORT_WABA or 55432, or
# the next free one. fsync stays ON: the project measures durable commits.
# Extra server settings: $WABA_PG_OPTIONS (e.g. "-c shared_buffers=1GB"), used by deploy/bench.sh.
# Installs Debian's `postgresql` package if initdb is missing.
set -euo pipefail

STATE=${WABA_PG_STATE:-/tmp/waba-pg.env}
DEFAULT_PORT=${PGPORT_WABA:-55432}
PG_OS_USER=postgres

log() { echo "postgres-local: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Find initdb/pg_ctl/psql; install Debian's server package if they are missing.
find_pgbin() {
  if ! command -v initdb >/dev/null 2>&1; then
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
      [[ -x $d/initdb ]] && { PATH="$d:$PATH"; break; }
    done
  fi
  if ! command -v initdb >/dev/null 2>&1; then
    [[ $(id -u) -eq 0 ]] || die "initdb not found and not root: install 'postgresql' first"
    log "initdb not found, installing postgresql with apt-get..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2 || die "apt-get install postgresql failed"
    local d
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV | head -n1)
    [[ -n $d && -x $d/initdb ]] || die "postgresql installed but initdb still not found"
    PATH="$d:$PATH"
  fi
  # Use the real directory of initdb so pg_ctl/psql come from the same version.
  PGBIN=$(dirname "$(readlink -f "$(command -v initdb)")")
  [[ -x $PGBIN/pg_ctl ]] || PGBIN=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
  PSQL=$PGBIN/psql; [[ -x $PSQL ]] || PSQL=$(command -v psql) || die "psql not found"
}

# The server refuses to run as root: run server commands as the postgres OS user.
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then (cd / && runuser -u "$PG_OS_USER" -- "$@"); else "$@"; fi
}

# True if something is listening on 127.0.0.1:$1.
port_in_use() {
  if command -v ss >/dev/null 2>&1; then
    ss -Hltn "sport = :$1" 2>/dev/null | grep -q .
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

running() { [[ -n ${WABA_PG_DIR:-} && -d $WABA_PG_DIR/data ]] && as_pg "$PGBIN/pg_ctl" status -D "$WABA_PG_DIR/data" >/dev/null 2>&1; }

cmd_start() {
  find_pgbin
  if [[ -f $STATE ]]; then
    # shellcheck disable=SC1090
    source "$STATE"
    if running; then
      log "already running on port $WABA_PG_PORT (state: $STATE)"
      echo "$WABA_PG_CONNECTION"; return 0
    fi
    log "stale state file $STATE, cleaning up"
    cmd_stop
  fi
  if [[ $(id -u) -eq 0 ]] && ! id "$PG_OS_USER" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /bin/bash "$PG_OS_USER"
  fi

  local dir port tries=0
  dir=$(mktemp -d /tmp/waba-pg.XXXXXX)
  [[ $(id -u) -eq 0 ]] && chown "$PG_OS_USER:" "$dir"
  chmod 700 "$dir"
  log "initdb in $dir/data ($("$PGBIN/initdb" --version))"
  as_pg "$PGBIN/initdb" -D "$dir/data" -A trust -U postgres --no-locale -E UTF8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; die "initdb failed"; }

  # Try the preferred port, then the next ones; a bind race just moves on.
  port=$DEFAULT_PORT
  while :; do
    if (( ++tries > 50 )); then rm -rf "$dir"; die "no free port found from $DEFAULT_PORT"; fi
    if port_in_use "$port"; then port=$((port + 1)); continue; fi
    rm -f "$dir/postgres.log"
    if as_pg "$PGBIN/pg_ctl" start -w -t 60 -D "$dir/data" -l "$dir/postgres.log" \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=on -c max_connections=200 ${WABA_PG_OPTIONS:-}" >/dev/null; then
      break
    fi
    if grep -q 'could not bind\|in use' "$dir/postgres.log" 2>/dev/null; then
      log "port $port taken, trying $((port + 1))"; port=$((port + 1)); continue
    fi
    tail -n 20 "$dir/postgres.log" >&2 || true
    rm -rf "$dir"; die "pg_ctl start failed"
  done

  local conn="Host=127.0.0.1;Port=$port;Username=postgres;Database=waba;Pooling=true"
  { echo "# written by deploy/postgres-local.sh; source me"
    echo "export WABA_PG_DIR='$dir'"
    echo "export WABA_PG_PORT='$port'"
    echo "export WABA_PG_CONNECTION='$conn'"
    echo "export ConnectionStrings__WabaActors='$conn'"
  } >"$STATE"

  "$PSQL" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c 'CREATE DATABASE waba' >&2 || { cmd_stop; die "could not create database waba"; }
  log "running on 127.0.0.1:$port, data in $dir (state: $STATE)"
  echo "$conn"
}

cmd_stop() {
  if [[ ! -f $STATE ]]; then log "not running (no $STATE)"; return 0; fi
  [[ -n ${PGBIN:-} ]] || find_pgbin
  # shellcheck disable=SC1090
  source "$STATE"
  if running; then
    as_pg "$PGBIN/pg_ctl" stop -w -m fast -D "$WABA_PG_DIR/data" >/dev/null || log "pg_ctl stop failed"
    log "stopped server on port $WABA_PG_PORT"
  fi
  # Only ever delete a directory this script created.
  [[ ${WABA_PG_DIR:-} == /tmp/waba-pg.* ]] && rm -rf "$WABA_PG_DIR"
  rm -f "$STATE"
  unset WABA_PG_DIR WABA_PG_PORT WABA_PG_CONNECTION
}

# A crash: no checkpoint, no shutdown of the sessions; the data directory and the state file stay.
cmd_kill() {
  [[ -f $STATE ]] || die "not running (no $STATE)"
  find_pgbin
  # shellcheck disable=SC1090
  source "$STATE"
  if running; then
    as_pg "$PGBIN/pg_ctl" stop -w -m immediate -D "$WABA_PG_DIR/data" >/dev/null || die "pg_ctl stop -m immediate failed"
    log "killed server on port $WABA_PG_PORT (data kept in $WABA_PG_DIR)"
  else
    log "server on port $WABA_PG_PORT already down"
  fi
}

# The same server again after a kill: same data (crash recovery runs), same port and connection string.
cmd_resume() {
  [[ -f $STATE ]] || die "nothing to resume (no $STATE)"
  find_pgbin
  # shellcheck disable=SC1090
  source "$STATE"
  if running; then
    log "already running on port $WABA_PG_PORT"
  else
    as_pg "$PGBIN/pg_ctl" start -w -t 60 -D "$WABA_PG_DIR/data" -l "$WABA_PG_DIR/postgres.log" \
      -o "-c listen_addresses=127.0.0.1 -p $WABA_PG_PORT -k $WABA_PG_DIR -c fsync=on -c max_connections=200 ${WABA_PG_OPTIONS:-}" >/dev/null \
      || { tail -n 20 "$WABA_PG_DIR/postgres.log" >&2 || true; die "pg_ctl start failed"; }
    log "resumed server on port $WABA_PG_PORT"
  fi
  echo "$WABA_PG_CONNECTION"
}

case ${1:-} in
  start)  cmd_start ;;
  stop)   cmd_stop ;;
  kill)   cmd_kill ;;
  resume) cmd_resume ;;
  *) echo "usage: $0 start|stop|kill|resume   (state file: $STATE)" >&2; exit 2 ;;
esac
