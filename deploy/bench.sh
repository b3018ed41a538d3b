#!/usr/bin/env bash
# The benchmark command (see README "Benchmarks"; not part of the test command):
#   deploy/bench.sh [domain|durable|all]   (default: all)
# Builds Release, starts a throwaway PostgreSQL (fsync on) for the durable scenarios, runs the
# benchmark program and writes one Markdown table per scenario set to docs/benchmarks/.
# These machines are noisy: run it three times and quote medians with min and max.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
what=${1:-all}
stamp=$(date -u +%Y-%m-%dT%H%M%S)
out=docs/benchmarks
mkdir -p "$out"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet build tests/WabaActors.Benchmarks -c Release -v q -nologo
bench="dotnet tests/WabaActors.Benchmarks/bin/Release/net10.0/WabaActors.Benchmarks.dll"

if [[ $what == domain || $what == all ]]; then
  $bench domain --out "$out/$stamp-domain.md"
fi

if [[ $what == durable || $what == all ]]; then
  export WABA_PG_STATE=/tmp/waba-pg-bench.$$.env
  trap 'deploy/postgres-local.sh stop || true' EXIT
  conn=$(deploy/postgres-local.sh start)
  $bench durable --pg "$conn" --out "$out/$stamp-durable.md"
fi
