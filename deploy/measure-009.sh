#!/usr/bin/env bash
# Measures 009_customers.sql on a large waba_window (issue 17, ADR 0020), as docs/operations.md quotes it:
#   deploy/measure-009.sh [runs]       (default 3; ROWS=10000000 READERS=4 SECONDS_PER_RUN=30 in the environment)
# Builds a database at schema 008 (files 001-008 applied with psql, as the previous release left it) and fills
# it like a loaded service: waba_window gets ROWS rows (10,000 numbers x ROWS/10,000 customers, expiries over
# two days, 5 % closes, an inbound digest on the rest), waba_number_grant and waba_quota_grant ROWS/10 each.
# That database is kept as a template (REFILL=1 rebuilds it). Each run copies it, runs pgbench for SECONDS_PER_RUN:
# READERS clients load a number's windows with the 008 build's own statement, one client inserts windows with
# the 008 build's insert (old silos serving during a rolling upgrade); after a third of the time it applies 009
# in one transaction, as SchemaMigrator does. Reported per run: the migration's wall time; the longest reader
# and writer latency among transactions that overlapped it (the lock wait they saw, plus the query) against
# the longest before it; the longest lock wait of a reader, of the writer and of 009 itself, from the server
# log (log_lock_waits with deadlock_timeout = 1 ms: every wait over 1 ms is logged with its length; needs the
# log of a deploy/postgres-local.sh server); the size and file (relfilenode) of the three tables just before and after it (the
# writer's inserts in between may add a page).
# Uses the server in $WABA_PG_STATE (deploy/postgres-local.sh) if one runs, else starts one and stops it at exit.
# Writes docs/benchmarks/<UTC timestamp>-migration-009.md (or $OUT).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-3}
rows=${ROWS:-10000000}
readers=${READERS:-4}
seconds=${SECONDS_PER_RUN:-30}
stamp=$(date -u +%Y-%m-%dT%H%M%S)
out=${OUT:-docs/benchmarks/$stamp-migration-009.md}
export WABA_PG_STATE=${WABA_PG_STATE:-/tmp/waba-pg-measure.env}
if [[ ! -f $WABA_PG_STATE ]]; then
  # A started server gets deploy/bench.sh's settings (fsync and synchronous_commit stay on).
  WABA_PG_OPTIONS=${WABA_PG_OPTIONS:--c shared_buffers=1GB -c wal_buffers=64MB -c max_wal_size=8GB -c checkpoint_timeout=30min} \
    deploy/postgres-local.sh start >/dev/null
  trap 'deploy/postgres-local.sh stop || true' EXIT
fi
# shellcheck disable=SC1090
source "$WABA_PG_STATE"
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
[[ -x ${pgbin:-}/pgbench ]] || pgbin=$(dirname "$(command -v pgbench)")
sql() { "$pgbin/psql" -X -q -h 127.0.0.1 -p "$WABA_PG_PORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }
log() { echo "measure-009: $*" >&2; }
work=$(mktemp -d /tmp/measure-009.XXXXXX)
base=waba_m009_base

if [[ -n ${REFILL:-} ]] || [[ $(sql -d postgres -tAc "SELECT count(*) FROM pg_database WHERE datname = '$base'") != 1 ]] \
   || [[ $(sql -d "$base" -tAc "SELECT rows FROM measure_009" 2>/dev/null) != "$rows" ]]; then
  log "building $base: schema 008 and $rows window rows"
  sql -d postgres -c "DROP DATABASE IF EXISTS $base" -c "CREATE DATABASE $base"
  for f in deploy/postgres/00[1-8]_*.sql; do sql -d "$base" -1 -f "$f"; done
  started=$(date +%s)
  sql -d "$base" -v rows="$rows" <<'SQL'
INSERT INTO waba_window (phone, customer, expires_at, closed, inbound_digest)
SELECT '4206' || lpad((i % 10000)::text, 8, '0'), 420700000000 + i,
       now() - interval '24 hours' + (i % 172800) * interval '1 second', i % 20 = 0,
       CASE WHEN i % 20 = 0 THEN NULL ELSE (i * 2654435761) % 9223372036854775807 END
FROM generate_series(1, :rows) i;
INSERT INTO waba_number_grant (phone, message_id, customer, message_type, granted_at, window_expires_at, used, recipient_limit)
SELECT '4206' || lpad((i % 10000)::text, 8, '0'), 'wamid.' || i, 420700000000 + i, (i % 2)::smallint,
       now() - (i % 86400) * interval '1 second', CASE WHEN i % 2 = 0 THEN now() + interval '12 hours' END,
       CASE WHEN i % 2 = 1 THEN i % 1000 END, CASE WHEN i % 2 = 1 THEN 1000 END
FROM generate_series(1, :rows / 10) i;
INSERT INTO waba_quota (quota_key, epoch) SELECT 'account:waba-' || k, 1 FROM generate_series(0, 9999) k;
INSERT INTO waba_quota_grant (quota_key, message_id, customer, counted_at, used, recipient_limit, epoch)
SELECT 'account:waba-' || (i % 10000), 'wamid.' || i, 420700000000 + i, now() - (i % 86400) * interval '1 second', i % 1000, 1000, 1
FROM generate_series(1, :rows / 10) i;
CREATE TABLE measure_009 AS SELECT :rows::bigint AS rows;
VACUUM ANALYZE;
CHECKPOINT;
SQL
  log "filled in $(( $(date +%s) - started )) s"
fi

# The 008 build's statements (PostgreSqlMessagingStore at 750746d): a number's windows, and a window insert.
cat >"$work/reader.sql" <<'SQL'
\set n random(0, 9999)
SELECT customer, expires_at, closed, inbound_digest FROM waba_window
WHERE phone = '4206' || lpad(:n::text, 8, '0') AND ((NOT closed AND expires_at > now()) OR ((closed OR inbound_digest IS NOT NULL) AND expires_at > now() - interval '24 hours'));
SQL
cat >"$work/writer.sql" <<'SQL'
\set n random(0, 9999)
\set c random(1, 1000000000)
INSERT INTO waba_window (phone, customer, expires_at, closed, inbound_digest)
SELECT * FROM unnest(ARRAY['4206' || lpad(:n::text, 8, '0')], ARRAY[:c::bigint], ARRAY[now() + interval '24 hours'], ARRAY[false], ARRAY[:c::bigint]);
SQL

sizes="SELECT string_agg(relname || '=' || pg_relation_size(oid) || '/' || pg_total_relation_size(oid) || '/' || relfilenode, ' ' ORDER BY relname)
       FROM pg_class WHERE relname IN ('waba_window', 'waba_number_grant', 'waba_quota_grant')"
results=()
for run in $(seq 1 "$runs"); do
  db=waba_m009_run
  sql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db TEMPLATE $base"
  rm -f "$work"/r.* "$work"/w.*
  # Every lock wait over 1 ms is logged with its length when it ends ("acquired ... after N ms"): the exact waits.
  sql -d postgres -c "ALTER DATABASE $db SET log_lock_waits = on" -c "ALTER DATABASE $db SET deadlock_timeout = '1ms'"
  pglog=${WABA_PG_DIR:-}/postgres.log
  logged=$(stat -c %s "$pglog" 2>/dev/null || echo 0)
  bench() { (cd "$work" && "$pgbin/pgbench" -n -h 127.0.0.1 -p "$WABA_PG_PORT" -U postgres -T "$seconds" -l --log-prefix="$1" "${@:2}" "$db" >"$work/pgbench-$1.txt" 2>&1); }
  bench r -c "$readers" -j "$readers" -f reader.sql & readers_pid=$!
  bench w -c 1 -j 1 -f writer.sql & writer_pid=$!
  sleep $(( seconds / 3 ))   # readers and the writer at a steady rate before the migration
  before=$(sql -d "$db" -tAc "$sizes")
  m0=$(date +%s%6N)
  sql -d "$db" -1 -f deploy/postgres/009_customers.sql
  m1=$(date +%s%6N)
  after=$(sql -d "$db" -tAc "$sizes")
  wait "$readers_pid" "$writer_pid"
  if [[ -r $pglog ]]; then tail -c +$((logged + 1)) "$pglog" >"$work/server.log"; else echo unreadable >"$work/server.log"; fi
  line=$(python3 - "$work" "$m0" "$m1" "$before" "$after" <<'PY'
import glob, re, sys
work, m0, m1, before, after = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
def stats(prefix):
    during, prior, n = [], [], 0
    for path in glob.glob(f"{work}/{prefix}.*"):
        for row in open(path):
            f = row.split()
            latency, end = int(f[2]), int(f[4]) * 1_000_000 + int(f[5])
            n += 1
            (during if end - latency < m1 and end > m0 else prior if end <= m0 else []).append(latency)
    return max(during, default=0) / 1000, max(prior, default=0) / 1000, len(during), n
r, w = stats("r"), stats("w")
waits = {"AccessShareLock": [], "RowExclusiveLock": [], "AccessExclusiveLock": []}
server = open(f"{work}/server.log").read()
for mode, ms in re.findall(r"acquired (\w+) on relation \d+ of database \d+ after ([0-9.]+) ms", server):
    waits.setdefault(mode, []).append(float(ms))
lock = "|".join("n/a" if server == "unreadable\n" else f"{max(waits[m], default=0):.1f}" for m in ("AccessShareLock", "RowExclusiveLock", "AccessExclusiveLock"))
same = "yes" if [x.rsplit("/", 1)[1] for x in before.split()] == [x.rsplit("/", 1)[1] for x in after.split()] else "NO"
print(f"{(m1 - m0) / 1000:.1f}|{r[0]:.1f}|{r[1]:.1f}|{r[2]}|{r[3]}|{w[0]:.1f}|{w[1]:.1f}|{w[3]}|{same}|{before}|{after}|{lock}")
PY
)
  log "run $run: $line"
  results+=("$line")
done
sql -d postgres -c "DROP DATABASE IF EXISTS waba_m009_run"

python3 - "$out" "$rows" "$readers" "$seconds" "$(sql -d postgres -tAc 'SHOW server_version')" "$(nproc)" "${results[@]}" <<'PY'
import statistics, sys
out, rows, readers, seconds, version, cores, lines = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6], sys.argv[7:]
runs = [l.split("|") for l in lines]
def agg(i):
    if any(r[i] == "n/a" for r in runs):
        return "n/a (server log unreadable)"
    v = [float(r[i]) for r in runs]
    return f"{statistics.median(v):.1f} ({min(v):.1f}–{max(v):.1f})"
def mb(part, table):
    size = dict(x.split("=") for x in part.split())[table].split("/")
    return f"{int(size[0]) / 2**20:,.0f} MB heap, {int(size[1]) / 2**20:,.0f} MB with indexes, file {size[2]}"
text = [f"# Migration 009 (customers) on {rows:,} window rows", "",
        f"`deploy/measure-009.sh {len(runs)}` — PostgreSQL {version}, {cores} cores, fsync on; {readers} reader clients "
        f"(the 008 build's window load, a number's ~{rows // 10000:,} rows) and 1 writer client (the 008 build's window insert) "
        f"for {seconds} s each run; 009 applied in one transaction a third of the way in. "
        f"waba_number_grant and waba_quota_grant hold {rows // 10:,} rows each. Median (min–max) of {len(runs)} runs, milliseconds.", "",
        "| figure | value |", "| --- | --- |",
        f"| 009 wall time (psql -1, connect included) | {agg(0)} |",
        f"| longest reader latency overlapping 009 | {agg(1)} |",
        f"| longest reader latency before 009 (baseline) | {agg(2)} |",
        f"| longest writer latency overlapping 009 | {agg(5)} |",
        f"| longest writer latency before 009 (baseline) | {agg(6)} |",
        f"| longest lock wait of a reader (server log, AccessShareLock) | {agg(11)} |",
        f"| longest lock wait of the writer (server log, RowExclusiveLock) | {agg(12)} |",
        f"| longest lock wait of 009 itself (AccessExclusiveLock) | {agg(13)} |",
        f"| tables rewritten (relfilenode changed) | {'none' if all(r[8] == 'yes' for r in runs) else 'SOME: see below'} |", "",
        "| run | 009 ms | reader max during / before ms | readers during 009 / total | writer max during / before ms | writes | lock waits reader / writer / 009 ms | same files |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |"]
text += [f"| {i + 1} | {r[0]} | {r[1]} / {r[2]} | {r[3]} / {r[4]} | {r[5]} / {r[6]} | {r[7]} | {r[11]} / {r[12]} / {r[13]} | {r[8]} |" for i, r in enumerate(runs)]
text += ["", "Sizes (run 1): before → after", ""]
for table in ("waba_window", "waba_number_grant", "waba_quota_grant"):
    text.append(f"- `{table}`: {mb(runs[0][9], table)} → {mb(runs[0][10], table)}")
open(out, "w").write("\n".join(text) + "\n")
print("\n".join(text))
PY
log "wrote $out"
rm -rf "$work"
