#!/usr/bin/env bash
# The host on PostgreSQL over HTTP (see README "Benchmarks"; run through deploy/bench.sh):
#   deploy/bench.sh http-pg   the production configuration (storage PostgreSql, fsync on) under wrk at
#                             64 connections (HTTP_CONNECTIONS), the mixed load of WrkMixed.lua (inbound
#                             messages, session permits, templates to new recipients, whose grant is
#                             durable before the answer, and to counted ones), HTTP_RUNS (3) runs of
#                             HTTP_SECONDS (15) each: req/s, p50, p99 per run and their medians [min–max]
#                             -> docs/benchmarks/<stamp>-http-pg.md
#   deploy/bench.sh soak      the same host and mix for SOAK_MINUTES (30) at a fixed rate, SOAK_RATE req/s
#                             (default: half the maximum measured first, a SOAK_MAX_SECONDS (20) wrk run at
#                             64 connections), open-loop (`WabaActors.Benchmarks load`, latency from each
#                             request's scheduled instant): requests, errors, p50/p99, the host's GC heap
#                             (its /metrics) and RSS every minute, and a verdict on growth against what
#                             retention explains -> docs/benchmarks/<stamp>-soak.md and <stamp>-soak.svg
# Both: a throwaway PostgreSQL (deploy/postgres-local.sh, WABA_PG_OPTIONS as bench.sh sets them), the
# Release host on it, readied over its API by `http-setup` (HTTP_SETUP overrides the size: default 20
# accounts × 10 numbers, 50 windows per number, 50 counted recipients per account) and `http-limits`
# (every account's template limit raised to TIER_UNLIMITED by Meta's signed webhook, so that templates
# to new recipients are never denied for quota), then a 10 s warm-up with every answer checked.
# SOAK_SESSION_HORIZON (10, minutes): how long the host keeps a session grant, for the verdict (1440 on a
# build that keeps them a day).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
what=${1:?usage: deploy/bench-pg-http.sh http-pg|soak}
[[ $what == http-pg || $what == soak ]] || { echo "usage: deploy/bench-pg-http.sh http-pg|soak" >&2; exit 2; }
stamp=$(date -u +%Y-%m-%dT%H%M%S)
out=docs/benchmarks
mkdir -p "$out"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
export WABA_PG_OPTIONS=${WABA_PG_OPTIONS:--c shared_buffers=1GB -c wal_buffers=64MB -c max_wal_size=8GB -c checkpoint_timeout=30min}
command -v wrk >/dev/null 2>&1 || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq wrk curl >&2; }
dotnet build src/WabaActors.Host -c Release -v q -nologo
dotnet build tests/WabaActors.Benchmarks -c Release -v q -nologo
bench="dotnet tests/WabaActors.Benchmarks/bin/Release/net10.0/WabaActors.Benchmarks.dll"
script=tests/WabaActors.Benchmarks/WrkMixed.lua

work=$(mktemp -d /tmp/waba-pg-http.XXXXXX)
export WABA_PG_STATE=/tmp/waba-pg-bench.$$.env
host=
cleanup() {
  [[ -n $host ]] && { kill "$host" 2>/dev/null; wait "$host" 2>/dev/null || true; }
  deploy/postgres-local.sh stop || true
  rm -rf "$work"
}
trap cleanup EXIT
conn=$(deploy/postgres-local.sh start)
pg_port=$(source "$WABA_PG_STATE"; echo "$WABA_PG_PORT")
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
# The server's committed transactions and rows written so far ("commits rows"; "0 0" if psql cannot tell).
pg_counters() {
  "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d waba -Atc \
    "select xact_commit, tup_inserted + tup_updated + tup_deleted from pg_stat_database where datname = current_database()" 2>/dev/null | tr '|' ' ' || echo "0 0"
}

free_port() { local p=$1; while ss -Hltn "sport = :$p" 2>/dev/null | grep -q .; do p=$((p + 1)); done; echo "$p"; }
port=$(free_port 58090); silo=$(free_port 41131); gateway=$(free_port 43030)
url=http://127.0.0.1:$port
secret=bench-$RANDOM$RANDOM
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  WabaActors__Storage=PostgreSql ConnectionStrings__WabaActors="$conn" WabaActors__Webhooks__AppSecret="$secret" \
  WabaActors__Cluster__SiloPort=$silo WabaActors__Cluster__GatewayPort=$gateway \
  dotnet src/WabaActors.Host/bin/Release/net10.0/WabaActors.Host.dll --urls "$url" >"$work/host.log" 2>&1 &
host=$!
for _ in $(seq 1 600); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "$url/health/ready") == 200 ]] && break
  kill -0 "$host" 2>/dev/null || { cat "$work/host.log" >&2; echo "host exited" >&2; exit 1; }
  sleep 0.2
done
echo "host pid $host on $url (PostgreSQL, silo $silo, gateway $gateway)"
# shellcheck disable=SC2086
$bench http-setup --url "$url" ${HTTP_SETUP:-} --out "$work/numbers.txt"
$bench http-limits --url "$url" --numbers "$work/numbers.txt" --secret "$secret"

commas() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; }
setup_line() {
  echo "Setup over the API (http-setup, http-limits): $(grep -c . "$work/numbers.txt") registered numbers ($(cut -d' ' -f1 "$work/numbers.txt" | sed 's|/numbers/.*||' | sort -u | wc -l) accounts, verified, template limit TIER_UNLIMITED), $(commas "$(awk '{s += $3} END {print s}' "$work/numbers.txt")") open windows, $(commas "$(awk '!seen[$4]++ {s += $5} END {print s}' "$work/numbers.txt")") counted recipients."
}
mix_line="Mix (WrkMixed.lua, LoadMix.cs), by request: 1/4 inbound messages from customers with open windows, 3/8 session permits to them, 1/4 templates to new recipients (counted by the quota, grant durable on PostgreSQL before the answer), 1/8 templates to counted recipients; every request a new messageId."
# wrk_run CONNECTIONS SECONDS [check]: one wrk run of the mix; sets r_rps r_p50 r_p90 r_p99 r_p999 r_max r_errors r_checked.
wrk_run() {
  local result
  result=$(WRK_CHECK=${3:-0} wrk -t2 -c"$1" -d"$2"s --timeout 5s --latency -s "$script" "$url" -- "$work/numbers.txt" | tee -a "$work/wrk.txt" | grep '^RESULT')
  set -- $result
  r_rps=$7 r_p50=$9 r_p90=${11} r_p99=${13} r_p999=${15} r_max=${17} r_errors=$((${20} + ${22} + ${24} + ${26} + ${28}))
  r_checked="$(commas "${30}") allowed, ${32} not allowed"
}
# stats COLUMN FILE FORMAT: "median [min–max]" of a column of numbers, each printed with FORMAT.
stats() { sort -g <(cut -d' ' -f"$1" "$2") | awk -v f="$3" '{v[NR] = $1} END {m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf f " [" f "–" f "]", m, v[1], v[NR]}'; }
pg_line="PostgreSQL $(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1) (deploy/postgres-local.sh) on this machine, fsync and synchronous_commit on, \`$WABA_PG_OPTIONS\`."

connections=${HTTP_CONNECTIONS:-64}
echo "warm-up (10 s, $connections connections, answers checked):"
wrk_run "$connections" 10 1
checked=$r_checked
echo "  $r_rps req/s, $checked"
[[ $checked == *" 0 not allowed" ]] || { echo "warm-up answers not all grants: $checked (see above)" >&2; exit 1; }

if [[ $what == http-pg ]]; then
  seconds=${HTTP_SECONDS:-15} runs=${HTTP_RUNS:-3}
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  rows=()
  : >"$work/runs.txt"
  for r in $(seq 1 "$runs"); do
    read -r c0 w0 <<<"$(pg_counters)"
    wrk_run "$connections" "$seconds"
    read -r c1 w1 <<<"$(pg_counters)"
    commits=$(( (c1 - c0) / seconds )) written=$(( (w1 - w0) / seconds ))
    echo "run $r: $r_rps req/s, p50 $r_p50 ms, p99 $r_p99 ms, errors $r_errors; PostgreSQL $commits commits/s, $written rows/s"
    echo "$r_rps $r_p50 $r_p99" >>"$work/runs.txt"
    rows+=("| $r | $(commas "$r_rps") | $r_p50 | $r_p90 | $r_p99 | $r_p999 | $r_max | $r_errors | $(commas "$commits") | $(commas "$written") |")
  done
  rss=$(ps -o rss= -p "$host" | awk '{printf "%.0f", $1 / 1024}')
  summary="$(commas "$(stats 1 "$work/runs.txt" %d)") req/s, p50 $(stats 2 "$work/runs.txt" %.2f) ms, p99 $(stats 3 "$work/runs.txt" %.2f) ms"
  echo "median [min–max] of $runs: $summary"
  { echo "# The host on PostgreSQL over HTTP: mixed load with durable templates, $connections connections"
    echo
    echo "\`deploy/bench.sh http-pg\`, $stamp UTC; $(nproc) CPUs shared by the host, PostgreSQL and wrk ($(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), 2 threads);"
    echo "host: Release, WabaActors__Storage=PostgreSql (the production configuration), ASPNETCORE_ENVIRONMENT=Production, log level Warning. $pg_line"
    setup_line
    echo "$mix_line"
    echo "Warm-up 10 s with every answer parsed: $checked. Each row is one ${seconds} s wrk run at $connections connections; latency in ms, p99.9 from wrk's histogram;"
    echo "PostgreSQL's committed transactions and rows inserted, updated or deleted per second over the run (\`pg_stat_database\`): a group commit carries many decisions."
    echo "Load average before the runs (after the setup): $load; host RSS after: ${rss} MB."
    echo
    echo "| run | req/s | p50 | p90 | p99 | p99.9 | max | errors | PG commits/s | PG rows written/s |"
    echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    printf '%s\n' "${rows[@]}"
    echo
    echo "**Median [min–max] of $runs runs: $summary.**"
  } >"$out/$stamp-http-pg.md"
  echo "written $out/$stamp-http-pg.md"
fi

if [[ $what == soak ]]; then
  minutes=${SOAK_MINUTES:-30}
  if [[ -n ${SOAK_RATE:-} ]]; then
    rate=$SOAK_RATE
    rate_line="Rate: SOAK_RATE=$rate req/s (given)."
  else
    wrk_run "$connections" "${SOAK_MAX_SECONDS:-20}"
    rate=$(( r_rps / 2 ))
    echo "maximum: $r_rps req/s closed-loop (p50 $r_p50 ms, p99 $r_p99 ms, errors $r_errors)"
    rate_line="Rate: $(commas "$rate") req/s, half the maximum measured just before: $(commas "$r_rps") req/s closed-loop (wrk, $connections connections, ${SOAK_MAX_SECONDS:-20} s, p50 $r_p50 ms, p99 $r_p99 ms, $r_errors errors)."
  fi
  echo "soak: $rate req/s for $minutes min"
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  { echo "# Soak: the host on PostgreSQL under a fixed rate of mixed load, $minutes min"
    echo
    echo "\`deploy/bench.sh soak\`, $stamp UTC; $(nproc) CPUs shared by the host, PostgreSQL and the load generator."
    echo "host: Release, WabaActors__Storage=PostgreSql, ASPNETCORE_ENVIRONMENT=Production, log level Warning. $pg_line"
    setup_line
    echo "$mix_line"
    echo "Warm-up 10 s (wrk) with every answer parsed: $checked."
    echo "$rate_line Open loop (\`WabaActors.Benchmarks load\`, HttpClient, up to ${SOAK_CONNECTIONS:-256} connections): request i is due at start + i / rate"
    echo "and sent then whatever is in flight; its latency runs from that instant (no coordinated omission). A minute's row holds the requests"
    echo "scheduled in it; errors are transport failures, timeouts (10 s), non-2xx answers and requests not sent because too many were in flight;"
    echo "\"not granted\" a 2xx that was not a grant (a permit not allowed, a window not open). Heap and RSS are sampled at each minute's end."
    echo "Load average before: $load."
  } >"$work/header.md"
  pg_size() { "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d waba -Atc "select pg_database_size(current_database()) / 1048576" 2>/dev/null || echo 0; }
  read -r c0 w0 <<<"$(pg_counters)"; size0=$(pg_size); t0=$(date +%s)
  $bench load --url "$url" --numbers "$work/numbers.txt" --rate "$rate" --minutes "$minutes" --connections "${SOAK_CONNECTIONS:-256}" \
    --pid "$host" --out "$out/$stamp-soak.md" --header "$work/header.md" --session-horizon "${SOAK_SESSION_HORIZON:-10}"
  read -r c1 w1 <<<"$(pg_counters)"; size1=$(pg_size); t1=$(date +%s)
  { echo
    echo "PostgreSQL over the soak (\`pg_stat_database\`): $(commas $(( (c1 - c0) / (t1 - t0) ))) commits/s, $(commas $(( (w1 - w0) / (t1 - t0) ))) rows inserted, updated or deleted/s; database size $(commas "$size0") MB before, $(commas "$size1") MB after."
  } >>"$out/$stamp-soak.md"
  tail -n 12 "$out/$stamp-soak.md"
fi
