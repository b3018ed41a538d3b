-- 008: inbound message ids (ADR 0017). A repeated inbound message id changes nothing, whatever its
-- timestamp, so a number remembers the ids of its customers' messages for at least a service window,
-- across reloads. Expand only: old silos name their columns and ignore the new table, so a rolling
-- upgrade needs nothing special, and rows they write (no digest) are simply not remembered.

-- The 63-bit digest of the id of the inbound message that made a window change (null for a close and
-- for rows written before 008). It rides on the row that is written anyway: no second write per message.
-- A nullable column with no default changes only the catalog (no rewrite); the ALTER waits briefly for
-- the table's lock. Such a row is read for its digest until the pruner's horizon (expires_at + window).
ALTER TABLE waba_window ADD COLUMN IF NOT EXISTS inbound_digest bigint NULL;

-- The id of an inbound message that changed no window (older than the window it would extend, closed by
-- a later 131047, or older than a window): written alone, one plain insert, no key (ADR 0015); a second
-- row of a digest is folded on load. Remembered for a window after recorded_at.
CREATE TABLE IF NOT EXISTS waba_inbound_id (
    phone       text        NOT NULL,
    digest      bigint      NOT NULL,
    recorded_at timestamptz NOT NULL
);
-- Activation reads a number's rows through the phone; the pruner deletes by age through the BRIN (ADR 0007).
CREATE INDEX IF NOT EXISTS waba_inbound_id_phone ON waba_inbound_id (phone);
CREATE INDEX IF NOT EXISTS waba_inbound_id_recorded_at_brin ON waba_inbound_id USING brin (recorded_at);
