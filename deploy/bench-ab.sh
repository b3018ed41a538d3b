#!/usr/bin/env bash
# Interleaved A/B of one benchmark set, for a change that must not cost speed (README "Benchmarks"):
#   deploy/bench-ab.sh BEFORE_REF [grains|http] [RUNS] [AFTER_REF]      (defaults: grains, 3, the working tree)
# A is BEFORE_REF (checked out in a throwaway worktree under /tmp), B is AFTER_REF likewise, or this
# working tree when none is given (then leave it alone while the runs go: each run builds it). Runs
# deploy/bench.sh WHAT alternately A, B, A, B, … RUNS times each, so that a change of the machine's
# load shows in both sides, and writes docs/benchmarks/<stamp>-ab-WHAT.md: per scenario the median of
# each side with min and max, and B / A of the medians; every run's own table is appended.
# AB_B_ENV="NAME=value …" sets variables for the B runs only: the same commit on both sides then compares
# a workload, e.g. AB_B_ENV=WABA_BENCH_BSUID_PERCENT=50 deploy/bench-ab.sh HEAD grains 3 HEAD
# (half the customers named by a BSUID against phones only).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ref=${1:?usage: deploy/bench-ab.sh BEFORE_REF [grains|http] [RUNS]}
what=${2:-grains}
runs=${3:-3}
after=${4:-}
checkout() { local dir=/tmp/waba-ab-$(git rev-parse --short "$1"); [[ -e $dir/.git ]] || git worktree add -f --detach "$dir" "$1" >/dev/null; echo "$dir"; }
sha=$(git rev-parse --short "$ref")
wt=$(checkout "$ref")
here=$PWD; b_name="working tree ($(git rev-parse --short HEAD)$(git diff --quiet || echo ', modified'))"
if [[ -n $after ]]; then here=$(checkout "$after"); b_name="$after ($(git rev-parse --short "$after"))"; fi
[[ -n ${AB_B_ENV:-} ]] && b_name="$b_name with $AB_B_ENV"
work=$(mktemp -d /tmp/waba-ab.XXXXXX)
stamp=$(date -u +%Y-%m-%dT%H%M%S)
echo "A = $ref ($sha) in $wt; B = $b_name in $here; $runs runs each of '$what'; logs in $work"
for i in $(seq 1 "$runs"); do
  for side in A B; do
    dir=$here; side_env=${AB_B_ENV:-}; [[ $side == A ]] && { dir=$wt; side_env=; }
    mark=$work/mark; touch "$mark"
    # shellcheck disable=SC2086 # AB_B_ENV is a list of NAME=value words
    (cd "$dir" && env $side_env deploy/bench.sh "$what") >"$work/$side$i.log" 2>&1 || { tail -30 "$work/$side$i.log" >&2; exit 1; }
    made=$(find "$dir/docs/benchmarks" -name "*-$what.md" -newer "$mark" | head -1)
    mv "$made" "$work/$side$i.md"
    echo "run $i $side: $(grep -m1 -E '^Best:|^\| permit session, 10k' "$work/$side$i.md" | cut -c1-160)"
  done
done
python3 deploy/bench-ab-summary.py "$work" "$runs" "$what" "$ref ($sha)" "$b_name" >"docs/benchmarks/$stamp-ab-$what.md"
echo "written docs/benchmarks/$stamp-ab-$what.md"
