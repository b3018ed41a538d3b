-- WabaActors' own tables: the hot sets written as deltas (docs/adr/0003-postgresql-storage-and-group-commit.md).
-- Every instant is timestamptz written from the service's clock (a parameter), never now(): the
-- simulated clock and the fake clocks of tests move the rules' time, not the database's.

-- One row per (number, customer): the window's expiry, or the instant a 131047 closed it. An
-- upsert, so the table holds one row per window however many messages extend it.
CREATE TABLE IF NOT EXISTS waba_window (
    phone      text        NOT NULL,
    customer   bigint      NOT NULL,
    expires_at timestamptz NOT NULL,
    closed     boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (phone, customer)
);
-- The pruner deletes by expiry.
CREATE INDEX IF NOT EXISTS waba_window_expires_at ON waba_window (expires_at);

-- Grants answered by a number, kept for idempotent replay (24 h). The key makes a retried
-- message id a no-op.
CREATE TABLE IF NOT EXISTS waba_number_grant (
    phone             text        NOT NULL,
    message_id        text        NOT NULL,
    customer          bigint      NOT NULL,
    message_type      smallint    NOT NULL,
    granted_at        timestamptz NOT NULL,
    window_expires_at timestamptz NULL,
    used              integer     NULL,
    recipient_limit   integer     NULL,
    PRIMARY KEY (phone, message_id)
);
CREATE INDEX IF NOT EXISTS waba_number_grant_granted_at ON waba_number_grant (granted_at);

-- The fence of a template quota: each activation takes the next epoch, and a grant is written
-- only under the current one (checked in the same statement, under a share lock), so a stale
-- duplicate activation can never add a recipient the owner does not see.
CREATE TABLE IF NOT EXISTS waba_quota (
    quota_key text   PRIMARY KEY,
    epoch     bigint NOT NULL
);

-- Recipients counted by a quota, each with the grant (message id) that counted it.
CREATE TABLE IF NOT EXISTS waba_quota_grant (
    quota_key       text        NOT NULL,
    message_id      text        NOT NULL,
    customer        bigint      NOT NULL,
    counted_at      timestamptz NOT NULL,
    used            integer     NOT NULL,
    recipient_limit integer     NOT NULL,
    epoch           bigint      NOT NULL,
    PRIMARY KEY (quota_key, message_id)
);
-- Activation loads the last 24 h of one quota in counting order; the pruner deletes by age.
CREATE INDEX IF NOT EXISTS waba_quota_grant_counted ON waba_quota_grant (quota_key, counted_at);
CREATE INDEX IF NOT EXISTS waba_quota_grant_counted_at ON waba_quota_grant (counted_at);

-- Accounts' histories. Only the account grain appends and it numbers the entries, so (waba, seq)
-- orders a history and makes a re-append a no-op. Kept for good (the audit trail).
CREATE TABLE IF NOT EXISTS waba_event (
    waba   text        NOT NULL,
    seq    bigint      NOT NULL,
    type   text        NOT NULL,
    at     timestamptz NOT NULL,
    phone  text        NULL,
    value  text        NULL,
    reason text        NULL,
    PRIMARY KEY (waba, seq)
);
