#!/usr/bin/env bash
# Throwaway local Redis for the `redis` benchmark (the peer a team would pick instead, see
# tests/WabaActors.Benchmarks/RedisPeer.cs), configured to be as durable as ours: every write is
# appended to the AOF and fsynced before the reply (--appendonly yes --appendfsync always), no RDB.
#
#   deploy/redis-local.sh start   # prints host:port on stdout
#   deploy/redis-local.sh stop    # stops the server and deletes its data directory
#
# State (dir, port, endpoint) goes to $WABA_REDIS_STATE (default /tmp/waba-redis.env). Port:
# $REDIS_PORT_WABA or 56379, or the next free one. Installs Debian's `redis-server` if missing
# (without leaving the distribution's own service running).
set -euo pipefail

STATE=${WABA_REDIS_STATE:-/tmp/waba-redis.env}
DEFAULT_PORT=${REDIS_PORT_WABA:-56379}

log() { echo "redis-local: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

find_redis() {
  if ! command -v redis-server >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; then
    [[ $(id -u) -eq 0 ]] || die "redis-server not found and not root: install 'redis-server' first"
    log "redis-server not found, installing it with apt-get..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq redis-server >&2 || die "apt-get install redis-server failed"
    # The package may start the distribution's service on 6379; this script runs its own.
    { command -v systemctl >/dev/null 2>&1 && systemctl stop redis-server; } >/dev/null 2>&1 || true
    { command -v service >/dev/null 2>&1 && service redis-server stop; } >/dev/null 2>&1 || true
  fi
  command -v redis-server >/dev/null 2>&1 || die "redis-server installed but still not found"
}

port_in_use() {
  if command -v ss >/dev/null 2>&1; then
    ss -Hltn "sport = :$1" 2>/dev/null | grep -q .
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

running() { [[ -n ${WABA_REDIS_PORT:-} ]] && redis-cli -h 127.0.0.1 -p "$WABA_REDIS_PORT" ping 2>/dev/null | grep -q PONG; }

cmd_start() {
  find_redis
  if [[ -f $STATE ]]; then
    # shellcheck disable=SC1090
    source "$STATE"
    if running; then
      log "already running on port $WABA_REDIS_PORT (state: $STATE)"
      echo "$WABA_REDIS_ENDPOINT"; return 0
    fi
    log "stale state file $STATE, cleaning up"
    cmd_stop
  fi

  local dir port tries=0
  dir=$(mktemp -d /tmp/waba-redis.XXXXXX)
  port=$DEFAULT_PORT
  while :; do
    if (( ++tries > 50 )); then rm -rf "$dir"; die "no free port found from $DEFAULT_PORT"; fi
    if port_in_use "$port"; then port=$((port + 1)); continue; fi
    rm -f "$dir/redis.log"
    redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --daemonize yes \
      --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" \
      --appendonly yes --appendfsync always --save '' >/dev/null
    local wait
    for wait in $(seq 1 100); do
      redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG && break 2
      [[ -f $dir/redis.log ]] && grep -q 'Address already in use' "$dir/redis.log" && break
      sleep 0.1
    done
    if grep -q 'Address already in use' "$dir/redis.log" 2>/dev/null; then
      log "port $port taken, trying $((port + 1))"; port=$((port + 1)); continue
    fi
    tail -n 20 "$dir/redis.log" >&2 || true
    rm -rf "$dir"; die "redis-server did not start"
  done

  { echo "# written by deploy/redis-local.sh; source me"
    echo "export WABA_REDIS_DIR='$dir'"
    echo "export WABA_REDIS_PORT='$port'"
    echo "export WABA_REDIS_ENDPOINT='127.0.0.1:$port'"
  } >"$STATE"
  log "running on 127.0.0.1:$port ($(redis-server --version | cut -d' ' -f3)), appendfsync always, data in $dir (state: $STATE)"
  echo "127.0.0.1:$port"
}

cmd_stop() {
  if [[ ! -f $STATE ]]; then log "not running (no $STATE)"; return 0; fi
  # shellcheck disable=SC1090
  source "$STATE"
  if running; then
    redis-cli -h 127.0.0.1 -p "$WABA_REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    log "stopped server on port $WABA_REDIS_PORT"
  elif [[ -f ${WABA_REDIS_DIR:-}/redis.pid ]]; then
    kill "$(cat "$WABA_REDIS_DIR/redis.pid")" 2>/dev/null || true
  fi
  # Only ever delete a directory this script created.
  [[ ${WABA_REDIS_DIR:-} == /tmp/waba-redis.* ]] && rm -rf "$WABA_REDIS_DIR"
  rm -f "$STATE"
  unset WABA_REDIS_DIR WABA_REDIS_PORT WABA_REDIS_ENDPOINT
}

case ${1:-} in
  start) cmd_start ;;
  stop)  cmd_stop ;;
  *) echo "usage: $0 start|stop   (state file: $STATE)" >&2; exit 2 ;;
esac
