#!/usr/bin/env python3
# The table of deploy/bench-ab.sh: deploy/bench-ab-summary.py WORK RUNS WHAT A_NAME B_NAME (reads WORK/A1.md … B<RUNS>.md).
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
            # The concurrency probe picks the callers of some scenarios per run: one key for all of them.
            name = re.sub(r", \d+ callers$", ", best callers", row.group(1))
            out[name + ": ops/s"] = int(row.group(2).replace(",", ""))
            out[name + ": p99 ns"] = float(row.group(4).replace(",", ""))
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
    print(f"| {key} | {fmt(ma)} [{fmt(min(a))} – {fmt(max(a))}] | {fmt(mb)} [{fmt(min(b))} – {fmt(max(b))}] | {f'×{mb / ma:.2f}' if ma else '—'} |")
for s in "AB":
    for i in range(1, runs + 1):
        print(f"\n## Run {i}, {s}\n")
        print(open(f"{work}/{s}{i}.md").read())
