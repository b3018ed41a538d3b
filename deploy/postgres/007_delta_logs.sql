-- 007: windows and grants are logs, not keyed rows (ADR 0015). Each change is one plain insert; no
-- unique key is probed before it (INSERT … ON CONFLICT) or written beside it. A customer's window
-- may then have several rows (each message that extended it, a close) and a message id a second
-- grant (a commit retried after an ambiguous failure, or a stale duplicate activation): the silo
-- folds them when it loads, by the same rules the upserts applied (a window's latest message or
-- close stands; an id's first grant within its retention stands). Measured on PostgreSQL 15
-- (pg_stat_statements, `deploy/bench.sh durable`), server time and WAL per row: a window 7.6 µs and
-- 247 bytes with the key, 3.2 µs and 163 bytes without; a template grant 11.7 µs and 345 bytes with
-- it, 6.4–7.3 µs and 261 bytes without. Activation reads a number's or a quota's rows through the
-- plain index below; the pruner keeps the BRIN indexes of 006.
-- Each new index is built before its key is dropped, so loads always have one; on a large table
-- build them in a quiet hour (CREATE INDEX blocks writes to the table while it runs).
CREATE INDEX IF NOT EXISTS waba_window_phone ON waba_window (phone);
ALTER TABLE waba_window DROP CONSTRAINT IF EXISTS waba_window_pkey;

CREATE INDEX IF NOT EXISTS waba_number_grant_phone ON waba_number_grant (phone);
ALTER TABLE waba_number_grant DROP CONSTRAINT IF EXISTS waba_number_grant_pkey;

CREATE INDEX IF NOT EXISTS waba_quota_grant_quota_key ON waba_quota_grant (quota_key);
ALTER TABLE waba_quota_grant DROP CONSTRAINT IF EXISTS waba_quota_grant_pkey;
