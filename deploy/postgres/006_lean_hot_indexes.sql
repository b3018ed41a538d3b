-- 006: one B-tree per hot table (ADR 0007). Every window, grant and counted recipient is a row
-- insert, and each B-tree on the table is one more insert (and WAL record) per change. Measured on
-- PostgreSQL 15 (400 × 500-row unnest upserts, one backend): windows 1.51 s → 1.21 s and quota
-- grants 1.80 s → 1.37 s with only the primary key and a BRIN index. Activation now reads a
-- number's or quota's rows through its primary key (led by the phone / quota key) and orders them
-- in the silo; the pruner finds expired rows through the BRIN index (rows arrive in time order).
DROP INDEX IF EXISTS waba_window_phone_expires_at;
DROP INDEX IF EXISTS waba_window_expires_at;
CREATE INDEX IF NOT EXISTS waba_window_expires_at_brin ON waba_window USING brin (expires_at);

DROP INDEX IF EXISTS waba_number_grant_phone_granted_at;
DROP INDEX IF EXISTS waba_number_grant_granted_at;
CREATE INDEX IF NOT EXISTS waba_number_grant_granted_at_brin ON waba_number_grant USING brin (granted_at);

DROP INDEX IF EXISTS waba_quota_grant_counted;
DROP INDEX IF EXISTS waba_quota_grant_counted_at;
CREATE INDEX IF NOT EXISTS waba_quota_grant_counted_at_brin ON waba_quota_grant USING brin (counted_at);
