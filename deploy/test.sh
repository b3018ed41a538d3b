#!/usr/bin/env bash
# The test command (see README): restore, build, start a throwaway PostgreSQL,
# run every tests/**/*.Tests.csproj, and end with one line "N passed, N failed".
#
#   deploy/test.sh                                  # everything
#   deploy/test.sh --filter "FullyQualifiedName~X"  # extra args go to each `dotnet test`
#
# Exit status is non-zero if anything failed, a test project did not run, or no test passed.
# TRX files land in $WABA_TEST_RESULTS (default artifacts/test-results, git-ignored).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
RESULTS=${WABA_TEST_RESULTS:-$ROOT/artifacts/test-results}
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

passed=0 failed=0

# Print the summary line and exit (status 1 on any failure or when nothing passed).
finish() {
  echo "$passed passed, $failed failed"
  if (( failed > 0 || passed == 0 )); then exit 1; fi
  exit 0
}

# --- 0. headless Chromium for the operator-page tests (Debian's package) ------
if ! command -v chromium >/dev/null 2>&1 && [[ -z ${CHROMIUM_PATH:-} ]]; then
  echo "test.sh: chromium not found, installing it with apt-get..." >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >&2 \
    || echo "test.sh: could not install chromium; the operator-page tests will fail" >&2
fi

# --- 0b. the OpenAPI linters, pinned by tests/openapi-lint/package-lock.json ---
# Node.js and npm from Debian if missing; `npm ci` only when the lock file changed since the last install
# (a fresh clone always installs). A failed install does not stop the run: the lint tests then fail, saying why.
LINT=tests/openapi-lint
if ! command -v npm >/dev/null 2>&1; then
  echo "test.sh: npm not found, installing nodejs and npm with apt-get..." >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm; } >&2 \
    || echo "test.sh: could not install npm; the OpenAPI lint tests will fail" >&2
fi
if command -v npm >/dev/null 2>&1 && ! cmp -s "$LINT/package-lock.json" "$LINT/node_modules/.installed-lock" 2>/dev/null; then
  if (cd "$LINT" && NPM_CONFIG_UPDATE_NOTIFIER=false npm ci --no-audit --no-fund --ignore-scripts --loglevel=error) >&2; then
    cp "$LINT/package-lock.json" "$LINT/node_modules/.installed-lock"
  else
    echo "test.sh: npm ci in $LINT failed; the OpenAPI lint tests will fail" >&2
  fi
fi

# --- 0c. local .NET tools (.config/dotnet-tools.json: Kiota, which generates tests/WabaActors.Api.Client) ---
dotnet tool restore >&2 || { echo "test.sh: dotnet tool restore failed" >&2; failed=1; finish; }

# --- 1. restore + build (a build failure still ends with a summary line) ------
dotnet restore WabaActors.sln || { echo "test.sh: restore failed" >&2; failed=1; finish; }
dotnet build WabaActors.sln -c Release --no-restore || { echo "test.sh: build failed" >&2; failed=1; finish; }

# --- 2. throwaway PostgreSQL, stopped on any exit (success, failure, CTRL-C) ---
# A per-run state file, so a developer's own deploy/postgres-local.sh instance is never reused.
export WABA_PG_STATE=/tmp/waba-pg-test.$$.env
pg_started=0
stop_pg() {
  if (( pg_started )); then pg_started=0; deploy/postgres-local.sh stop || true; fi
}
trap stop_pg EXIT
trap 'stop_pg; echo "test.sh: interrupted" >&2; exit 130' INT TERM

pg_started=1
if ! conn=$(deploy/postgres-local.sh start); then
  echo "test.sh: could not start PostgreSQL" >&2; failed=1; stop_pg; finish
fi
export ConnectionStrings__WabaActors=$conn WABA_TEST_POSTGRES=$conn

# --- 3. run each test project, one by one -------------------------------------
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
mapfile -t projects < <(find tests -name '*.Tests.csproj' | sort)
(( ${#projects[@]} > 0 )) || echo "test.sh: no test projects found under tests/" >&2

# Value of attribute $2 in the <Counters .../> element of trx file $1 (0 if absent).
counter() {
  local v
  v=$(grep -o '<Counters [^>]*' "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]\+' | head -n1 || true)
  echo "${v:-0}"
}

for proj in "${projects[@]}"; do
  name=$(basename "$proj" .csproj)
  trx=$RESULTS/$name.trx
  echo "=== $name" >&2
  rc=0
  dotnet test "$proj" -c Release --no-build \
    --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" "$@" || rc=$?
  if [[ -f $trx ]]; then
    p=$(counter "$trx" passed)
    f=$(( $(counter "$trx" failed) + $(counter "$trx" error) + $(counter "$trx" timeout) + $(counter "$trx" aborted) ))
  else
    p=0 f=0
  fi
  # A project that crashed or failed without reporting a failed test counts as 1 failed.
  if (( rc != 0 && f == 0 )); then
    echo "test.sh: $name exited with $rc without a failed-test count (crash/no trx?)" >&2
    f=1
  fi
  echo "=== $name: $p passed, $f failed" >&2
  passed=$((passed + p)) failed=$((failed + f))
done

# --- 4. stop PostgreSQL before the summary so the summary stays the last line --
stop_pg
finish
