-- 009: customers are people (ADR 0020). A customer is a phone or a business-scoped user id (BSUID,
-- US.13491208655302741918); one person named by both is linked in a quota scope (an account, or a
-- portfolio under Meta's rules). Expand only, and nothing moves:
--   * every existing row names a phone, and `customer bigint` keeps meaning the phone's digits, so no
--     row is rewritten, backfilled or locked for longer than the catalog change;
--   * a BSUID row keeps the text in `customer_bsuid` and, in `customer`, a stable 62-bit digest with
--     bit 62 set (never a phone), so `customer` stays NOT NULL and old silos read a BSUID row as a
--     customer nobody asks them about (their quota counts it: over-counting, never an over-grant);
--   * nullable columns without a default change only the catalog (no table rewrite): each ALTER waits
--     for its table's lock and holds it for milliseconds. The file runs in one transaction, so a lock
--     taken stays until the end: lock_timeout bounds how long a blocked ALTER (behind a long transaction)
--     holds the tables before it locked: 1 s, then the file rolls back whole and the migrator tries again
--     (SchemaMigrator, up to 10 times; readers queued meanwhile go on between tries).
SET LOCAL lock_timeout = '1s';

ALTER TABLE waba_window ADD COLUMN IF NOT EXISTS customer_bsuid text NULL;
-- How the customer reached the number with the message that made the change (pricing only):
-- 0 none, 1 click-to-WhatsApp ad, 2 page call-to-action. Null on rows written before 009 (= none).
ALTER TABLE waba_window ADD COLUMN IF NOT EXISTS entry_point smallint NULL;

ALTER TABLE waba_number_grant ADD COLUMN IF NOT EXISTS customer_bsuid text NULL;
-- When messages to this customer on this number stop being free (a free entry point answered in time).
ALTER TABLE waba_number_grant ADD COLUMN IF NOT EXISTS free_until timestamptz NULL;

ALTER TABLE waba_quota_grant ADD COLUMN IF NOT EXISTS customer_bsuid text NULL;

-- Links between two ids of one person, taught to a quota scope's directory: a log with no key (a
-- second row of a pair is harmless; the directory folds on load), read by the scope on activation
-- and deleted by the pruner a link retention after taught_at.
CREATE TABLE IF NOT EXISTS waba_customer_link (
    quota_key  text        NOT NULL,
    customer   text        NOT NULL,
    partner    text        NOT NULL,
    taught_at  timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS waba_customer_link_quota_key ON waba_customer_link (quota_key);
CREATE INDEX IF NOT EXISTS waba_customer_link_taught_at_brin ON waba_customer_link USING brin (taught_at);
