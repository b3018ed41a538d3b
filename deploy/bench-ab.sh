#!/usr/bin/env bash
# Interleaved A/B of one benchmark set, for a change that must not cost speed (README "Benchmarks"):
#   deploy/bench-ab.sh BEFORE_REF [grains|http] [RUNS] [AFTER_REF]      (defaults: grains, 3, the working tree)
# A is BEFORE_REF (checked out in a throwaway worktree under /tmp), B is AFTER_REF likewise, or this
# working tree when none is given (then leave it alone while the runs go: each run builds it). Runs
# deploy/bench.sh WHAT alternately A, B, A, B, … RUNS times each, so that a change of the machine's
# load shows in both sides, and writes docs/benchmarks/<stamp>-ab-WHAT.md: per scenario the median of
# each side with min and max, and B / A of the medians; every run's own table is appended.
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
work=$(mktemp -d /tmp/waba-ab.XXXXXX)
stamp=$(date -u +%Y-%m-%dT%H%M%S)
echo "A = $ref ($sha) in $wt; B = $b_name in $here; $runs runs each of '$what'; logs in $work"
for i in $(seq 1 "$runs"); do
  for side in A B; do
    dir=$here; [[ $side == A ]] && dir=$wt
    mark=$work/mark; touch "$mark"
    (cd "$dir" && deploy/bench.sh "$what") >"$work/$side$i.log" 2>&1 || { tail -30 "$work/$side$i.log" >&2; exit 1; }
    made=$(find "$dir/docs/benchmarks" -name "*-$what.md" -newer "$mark" | head -1)
    mv "$made" "$work/$side$i.md"
    echo "run $i $side: $(grep -m1 -E '^Best:|^\| permit session, 10k' "$work/$side$i.md" | cut -c1-160)"
  done
done
python3 - "$work" "$runs" "$what" "$ref ($sha)" "$b_name" >"docs/benchmarks/$stamp-ab-$what.md" <<'PY'
import re, statistics, sys
work, runs, what, a_name, b_name = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
def figures(path):
    text = open(path).read()
    out = {}
    if what == "http":
        best = re.search(r"permits \*\*([\d,]+) req/s", text)
        live = re.search(r"/health/live ([\d,]+) req/s", text)
        p = int(best.group(1).replace(",", "")); l = int(live.group(1).replace(",", ""))
        out["POST …/permits, best req/s at p99 ≤ 10 ms"] = p
        out["GET /health/live, best req/s"] = l
        out["permits / live (same run)"] = p / l
        for row in re.finditer(r"^\| POST …/permits \| (\d+) \| ([\d,]+) \| [\d.]+ \| [\d.]+ \| ([\d.]+) \|", text, re.M):
            out[f"POST …/permits, {row.group(1)} connections: p99 ms"] = float(row.group(3))
    else:
        for row in re.finditer(r"^\| ([^|]+?) \| ([\d,]+) \| ([\d,.]+) \| ([\d,.]+) \|", text, re.M):
            out[row.group(1) + ": ops/s"] = int(row.group(2).replace(",", ""))
            out[row.group(1) + ": p99 ns"] = float(row.group(4).replace(",", ""))
    return out
sides = {s: [figures(f"{work}/{s}{i}.md") for i in range(1, runs + 1)] for s in "AB"}
def fmt(v): return f"{v:,.2f}" if v < 100 else f"{v:,.0f}"
print(f"# A/B, interleaved: `deploy/bench-ab.sh` {what}, {runs} runs each\n")
print(f"A = {a_name}, B = {b_name}. Order A, B, A, B, …; each cell: median [min – max] of the {runs} runs; B / A of the medians.\n")
print("| figure | A | B | B / A |\n| --- | ---: | ---: | ---: |")
for key in sides["A"][0]:
    a = [r[key] for r in sides["A"] if key in r]; b = [r[key] for r in sides["B"] if key in r]
    if len(a) < runs or len(b) < runs: continue
    ma, mb = statistics.median(a), statistics.median(b)
    print(f"| {key} | {fmt(ma)} [{fmt(min(a))} – {fmt(max(a))}] | {fmt(mb)} [{fmt(min(b))} – {fmt(max(b))}] | ×{mb / ma:.2f} |")
for s in "AB":
    for i in range(1, runs + 1):
        print(f"\n## Run {i}, {s}\n")
        print(open(f"{work}/{s}{i}.md").read())
PY
echo "written docs/benchmarks/$stamp-ab-$what.md"
