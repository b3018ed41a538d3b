#!/usr/bin/env bash
# Three sides in one sitting, interleaved A, B, C, A, B, C, …: a change against the commit before it (A/B)
# and a workload against the same build (B/C), e.g. issue 17's "before/after, phone-only" and "50 % BSUID
# against phone-only":
#   C_ENV=WABA_BENCH_BSUID_PERCENT=50 deploy/bench-abc.sh BEFORE_REF AFTER_REF [grains|http] [RUNS]
# writes docs/benchmarks/<stamp>-ab-WHAT.md (A/B) and <stamp>-bc-WHAT.md (B/C), as deploy/bench-ab.sh does.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
before=${1:?usage: C_ENV="NAME=value" deploy/bench-abc.sh BEFORE_REF AFTER_REF [grains|http] [RUNS]}
after=${2:?after ref}
what=${3:-grains}
runs=${4:-3}
c_env=${C_ENV:?set C_ENV to the variables of side C}
checkout() { local dir=/tmp/waba-ab-$(git rev-parse --short "$1"); [[ -e $dir/.git ]] || git worktree add -f --detach "$dir" "$1" >/dev/null; echo "$dir"; }
a_dir=$(checkout "$before"); b_dir=$(checkout "$after")
work=$(mktemp -d /tmp/waba-abc.XXXXXX); mkdir -p "$work/ab" "$work/bc"
stamp=$(date -u +%Y-%m-%dT%H%M%S)
a_name="$before ($(git rev-parse --short "$before"))"; b_name="$after ($(git rev-parse --short "$after"))"; c_name="$b_name with $c_env"
echo "A = $a_name; B = $b_name; C = $c_name; $runs runs each of '$what'; logs in $work"
run() { # side dir env out
  local mark=$work/mark; touch "$mark"
  # shellcheck disable=SC2086 # $3 is a list of NAME=value words
  (cd "$2" && env $3 deploy/bench.sh "$what") >"$work/$1.log" 2>&1 || { tail -30 "$work/$1.log" >&2; exit 1; }
  mv "$(find "$2/docs/benchmarks" -name "*-$what.md" -newer "$mark" | head -1)" "$4"
  echo "run $1: $(grep -m1 -E '^Best:|^\| permit session, 10k' "$4" | cut -c1-160)"
}
for i in $(seq 1 "$runs"); do
  run "A$i" "$a_dir" "" "$work/ab/A$i.md"
  run "B$i" "$b_dir" "" "$work/ab/B$i.md"; cp "$work/ab/B$i.md" "$work/bc/A$i.md"
  run "C$i" "$b_dir" "$c_env" "$work/bc/B$i.md"
done
python3 deploy/bench-ab-summary.py "$work/ab" "$runs" "$what" "$a_name" "$b_name" >"docs/benchmarks/$stamp-ab-$what.md"
python3 deploy/bench-ab-summary.py "$work/bc" "$runs" "$what" "$b_name" "$c_name" >"docs/benchmarks/$stamp-bc-$what.md"
echo "written docs/benchmarks/$stamp-ab-$what.md and docs/benchmarks/$stamp-bc-$what.md"
