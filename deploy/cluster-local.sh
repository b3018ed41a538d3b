#!/usr/bin/env bash
# A whole cluster on one machine: a throwaway PostgreSQL (deploy/postgres-local.sh) and 3 silos
# (the host, built Release) joined through PostgreSQL membership. No Docker, no Kubernetes.
#
#   deploy/cluster-local.sh start    # build, start PostgreSQL and 3 silos, wait until each is ready, print the URLs
#   deploy/cluster-local.sh status   # each silo's process and /health/ready, and the membership table
#   deploy/cluster-local.sh restart N  # silo N only: SIGTERM (it leaves the cluster), start it again, wait until ready
#   deploy/cluster-local.sh stop     # SIGTERM every silo, wait, SIGKILL what is left; stop and delete PostgreSQL
#
# Silo i (1..N) listens on HTTP 127.0.0.1:$((HTTP_PORT + i - 1)), silo port SILO_PORT + i - 1 and gateway
# port GATEWAY_PORT + i - 1, advertised as 127.0.0.1. Environment (all optional):
#   WABA_CLUSTER_SILOS         number of silos (3)
#   WABA_CLUSTER_HTTP_PORT     first HTTP port (5081)
#   WABA_CLUSTER_SILO_PORT     first silo port (11111)
#   WABA_CLUSTER_GATEWAY_PORT  first gateway port (30001)
#   WABA_CLUSTER_DIR           pids and logs (/tmp/waba-cluster); PostgreSQL's state file lives there too
#   WABA_CLUSTER_NICE          nice level of the silos (0; 19 on a shared machine)
#   WABA_CLUSTER_NO_BUILD=1    skip `dotnet build -c Release` (the build is always nice -n 19)
#   WABA_CLUSTER_TIMEOUT       seconds to wait for each silo to be ready (180)
#   WABA_CLUSTER_STOP_TIMEOUT  seconds between SIGTERM and SIGKILL (40; the host's ShutdownTimeout is 30)
# Anything else in the environment reaches the silos (Auth__ApiKeys__0__Key, WabaActors__Webhooks__AppSecret,
# WabaActors__Rules__Profile, …); storage, connection string and cluster ports are set here.
# Not WabaActors__Clock=Simulated: every silo would have its own simulated clock.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

SILOS=${WABA_CLUSTER_SILOS:-3}
HTTP_PORT=${WABA_CLUSTER_HTTP_PORT:-5081}
SILO_PORT=${WABA_CLUSTER_SILO_PORT:-11111}
GATEWAY_PORT=${WABA_CLUSTER_GATEWAY_PORT:-30001}
DIR=${WABA_CLUSTER_DIR:-/tmp/waba-cluster}
NICE=${WABA_CLUSTER_NICE:-0}
TIMEOUT=${WABA_CLUSTER_TIMEOUT:-180}
STOP_TIMEOUT=${WABA_CLUSTER_STOP_TIMEOUT:-40}
DLL=$ROOT/src/WabaActors.Host/bin/Release/net10.0/WabaActors.Host.dll
export WABA_PG_STATE=$DIR/postgres.env
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { echo "cluster-local: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

http_port() { echo $((HTTP_PORT + $1 - 1)); }
url() { echo "http://127.0.0.1:$(http_port "$1")"; }

# The pid of silo $1 if that process is alive and is our host, else nothing.
silo_pid() {
  local file=$DIR/silo$1.pid pid
  [[ -f $file ]] || return 0
  pid=$(<"$file")
  if [[ -n $pid ]] && tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -q 'WabaActors.Host.dll'; then
    echo "$pid"
  fi
}

ready_code() { curl -s -o /dev/null -m 2 -w '%{http_code}' "$(url "$1")/health/ready" 2>/dev/null || true; }

port_in_use() {
  if command -v ss >/dev/null 2>&1; then
    ss -Hltn "sport = :$1" 2>/dev/null | grep -q .
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

start_silo() {
  local i=$1
  rm -f "$DIR/silo$i.pid"
  # setsid: the silo outlives this script and whatever process group ran it; the inner shell writes
  # its own pid, then becomes the host (exec), so the pid file names the dotnet process.
  WabaActors__Storage=PostgreSql \
  ConnectionStrings__WabaActors=$CONN \
  WabaActors__Cluster__SiloPort=$((SILO_PORT + i - 1)) \
  WabaActors__Cluster__GatewayPort=$((GATEWAY_PORT + i - 1)) \
  WabaActors__Cluster__AdvertisedAddress=127.0.0.1 \
  ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production} \
  ASPNETCORE_URLS=$(url "$i") \
    setsid -f bash -c 'echo $$ >"$1"; exec nice -n "$2" dotnet "$3" >"$4" 2>&1 </dev/null' \
      silo "$DIR/silo$i.pid" "$NICE" "$DLL" "$DIR/silo$i.log"
  local waited=0
  until [[ -s $DIR/silo$i.pid ]]; do
    (( ++waited < 50 )) || die "silo $i did not start"
    sleep 0.1
  done
  log "silo $i started (pid $(<"$DIR/silo$i.pid"), log $DIR/silo$i.log)"
}

wait_ready() {
  local i=$1 deadline=$((SECONDS + TIMEOUT))
  while :; do
    [[ $(ready_code "$i") == 200 ]] && { log "silo $i ready at $(url "$i")"; return 0; }
    if [[ -z $(silo_pid "$i") ]]; then
      log "silo $i exited before it was ready; the end of its log:"
      tail -n 30 "$DIR/silo$i.log" >&2 || true
      return 1
    fi
    if (( SECONDS >= deadline )); then
      log "silo $i not ready after ${TIMEOUT}s; the end of its log:"
      tail -n 30 "$DIR/silo$i.log" >&2 || true
      return 1
    fi
    sleep 1
  done
}

cmd_start() {
  command -v curl >/dev/null || die "curl is needed"
  local i running=0
  for ((i = 1; i <= SILOS; i++)); do [[ -n $(silo_pid "$i") ]] && running=$((running + 1)); done
  if (( running > 0 )); then
    log "already running ($running silo(s)); 'stop' first to start afresh"
    cmd_status; return 0
  fi
  for ((i = 1; i <= SILOS; i++)); do
    local p
    for p in "$(http_port "$i")" $((SILO_PORT + i - 1)) $((GATEWAY_PORT + i - 1)); do
      port_in_use "$p" && die "port $p is in use (set WABA_CLUSTER_HTTP_PORT / _SILO_PORT / _GATEWAY_PORT)"
    done
  done

  if [[ ${WABA_CLUSTER_NO_BUILD:-0} != 1 ]]; then
    log "building the host (Release)"
    nice -n 19 dotnet build src/WabaActors.Host/WabaActors.Host.csproj -c Release -v quiet -nologo >&2 \
      || die "build failed"
  fi
  [[ -f $DLL ]] || die "$DLL not found (build it, or unset WABA_CLUSTER_NO_BUILD)"

  mkdir -p "$DIR"
  rm -f "$DIR"/silo*.pid "$DIR"/silo*.log
  # Anything that fails from here on (set -e, die, CTRL-C) takes down what was started.
  STARTED=0
  trap '(( STARTED )) || { log "start failed, cleaning up"; cmd_stop; }' EXIT
  trap 'exit 130' INT TERM
  CONN=$(deploy/postgres-local.sh start)

  # Silo 1 alone first: it applies the schema (the others would wait on the migrator's lock anyway).
  start_silo 1
  wait_ready 1 || exit 1
  for ((i = 2; i <= SILOS; i++)); do start_silo "$i"; done
  for ((i = 2; i <= SILOS; i++)); do wait_ready "$i" || exit 1; done
  STARTED=1

  echo "PostgreSQL: $CONN"
  for ((i = 1; i <= SILOS; i++)); do
    echo "silo $i: $(url "$i")  (silo port $((SILO_PORT + i - 1)), gateway $((GATEWAY_PORT + i - 1)), log $DIR/silo$i.log)"
  done
}

cmd_status() {
  local i pid code
  for ((i = 1; i <= SILOS; i++)); do
    pid=$(silo_pid "$i")
    if [[ -n $pid ]]; then
      code=$(ready_code "$i")
      echo "silo $i: $(url "$i")  pid $pid  /health/ready ${code:-no answer}"
    else
      echo "silo $i: not running"
    fi
  done
  if [[ -f $WABA_PG_STATE ]]; then
    # shellcheck disable=SC1090
    source "$WABA_PG_STATE"
    echo "PostgreSQL: $WABA_PG_CONNECTION"
    if command -v psql >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/psql >/dev/null 2>&1; then
      local psql
      psql=$(command -v psql || ls -d /usr/lib/postgresql/*/bin/psql | sort -rV | head -n1)
      echo "membership (status 3 = Active, 4 = ShuttingDown, 5 = Stopping, 6 = Dead):"
      "$psql" -X -h 127.0.0.1 -p "$WABA_PG_PORT" -U postgres -d waba -c \
        "SELECT siloname, address || ':' || port AS silo, proxyport AS gateway, generation, status, iamalivetime
           FROM orleans_membership ORDER BY starttime" 2>/dev/null || echo "  (no membership table yet)"
    fi
  else
    echo "PostgreSQL: not running"
  fi
}

# Stop silos "$@" (SIGTERM, wait STOP_TIMEOUT, SIGKILL).
stop_silos() {
  local i pid pids=()
  for i in "$@"; do
    pid=$(silo_pid "$i")
    if [[ -n $pid ]]; then
      kill -TERM "$pid" 2>/dev/null && pids+=("$i:$pid") && log "silo $i: SIGTERM (pid $pid)"
    fi
  done
  local deadline=$((SECONDS + STOP_TIMEOUT)) entry left
  while :; do
    left=()
    for entry in "${pids[@]}"; do
      kill -0 "${entry#*:}" 2>/dev/null && left+=("$entry")
    done
    (( ${#left[@]} == 0 )) && break
    if (( SECONDS >= deadline )); then
      for entry in "${left[@]}"; do
        log "silo ${entry%%:*}: still running after ${STOP_TIMEOUT}s, SIGKILL"
        kill -KILL "${entry#*:}" 2>/dev/null || true
      done
      break
    fi
    sleep 0.5
  done
  for entry in "${pids[@]}"; do
    log "silo ${entry%%:*} stopped"
    rm -f "$DIR/silo${entry%%:*}.pid"
  done
}

cmd_restart() {
  local i=${1:-}
  [[ $i =~ ^[0-9]+$ ]] && (( i >= 1 && i <= SILOS )) || die "usage: $0 restart N (1..$SILOS)"
  [[ -f $WABA_PG_STATE ]] || die "not running ('start' first)"
  # shellcheck disable=SC1090
  source "$WABA_PG_STATE"
  CONN=$WABA_PG_CONNECTION
  stop_silos "$i"
  start_silo "$i"
  wait_ready "$i" || die "silo $i did not come back"
}

cmd_stop() {
  local i all=()
  for ((i = SILOS; i >= 1; i--)); do all+=("$i"); done
  stop_silos "${all[@]}"
  rm -f "$DIR"/silo*.pid
  deploy/postgres-local.sh stop || true
  [[ -d $DIR ]] && log "logs kept in $DIR"
  return 0
}

case ${1:-} in
  start)  cmd_start ;;
  stop)   cmd_stop ;;
  restart) cmd_restart "${2:-}" ;;
  status) cmd_status ;;
  *) echo "usage: $0 start|status|restart N|stop   (state and logs: $DIR)" >&2; exit 2 ;;
esac
