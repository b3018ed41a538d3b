-- 010: pricing on every allowed decision, and Meta's verdicts on earlier sends (issue 18). Expand only,
-- like 009: one nullable column with no default (the catalog only, no table rewrite) and two new tables.
-- Old silos name their columns and never read the new tables, so a rolling upgrade needs nothing
-- special; their grants carry no price (read back as "no price") and they write no verdicts.
-- The file runs in one transaction; the ALTER holds waba_number_grant's lock until it commits, so a
-- lock not granted in 1 s rolls the file back and the migrator tries again (SchemaMigrator, as 009).
SET LOCAL lock_timeout = '1s';

-- The price of the grant (PermitGranted.PriceCode: the category times 4 plus the free reason), so a
-- replayed decision answers the price it was answered with. Null on rows from before 010 and on
-- grants written without a price (code 0): both read back as "no price".
ALTER TABLE waba_number_grant ADD COLUMN IF NOT EXISTS price smallint NULL;

-- Verdicts on a number's customers (CustomerVerdict): a 131049 hold, a 131050 or user_preferences
-- stop, a resume. Rare beside windows, so a plain table keyed by the verdict itself: writing the same
-- verdict again (a retried commit, a stale duplicate activation) adds nothing. The customer is stored
-- as in the other tables (ADR 0020): a phone's digits, or a BSUID's stable digest with its text.
-- kind: 1 limited, 2 stopped, 3 resumed (VerdictKind). at: Meta's instant. outcome_digest: the
-- (message id, status) digest a redelivered status is recognised by, 0 for a preference.
-- expires_at: until when the verdict matters (a hold's end, a preference's retention), fixed at the
-- write; activation reads the rows before it, the pruner deletes the rows after it.
-- seq numbers the rows in write order, the order activation replays them in.
CREATE TABLE IF NOT EXISTS waba_customer_verdict (
    phone          text        NOT NULL,
    customer       bigint      NOT NULL,
    kind           smallint    NOT NULL,
    at             timestamptz NOT NULL,
    outcome_digest bigint      NOT NULL,
    customer_bsuid text        NULL,
    expires_at     timestamptz NOT NULL,
    seq            bigint      GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (phone, customer, kind, at, outcome_digest)
);
-- Activation reads a number's rows through the key (phone first). The pruner deletes by expires_at: a
-- B-tree, not a BRIN, since the ends of a hold (a day), a resume (a week) and a stop (a year) interleave.
CREATE INDEX IF NOT EXISTS waba_customer_verdict_expires_at ON waba_customer_verdict (expires_at);

-- A number's free service messages this month (ServiceAllowance), flushed now and then: one row per
-- number, an upsert, the latest write wins. month is ServiceAllowance.MonthOf (year * 12 + month - 1).
CREATE TABLE IF NOT EXISTS waba_service_allowance (
    phone text    PRIMARY KEY,
    month integer NOT NULL,
    used  integer NOT NULL
);
