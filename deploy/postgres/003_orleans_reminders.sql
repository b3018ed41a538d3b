-- 003: ADO.NET reminders for Microsoft.Orleans.Reminders.AdoNet 10.4.2 with Invariant
-- "Npgsql". Needs orleansquery from 001. Applied in one transaction by SchemaMigrator
-- (by hand: psql -1 -v ON_ERROR_STOP=1 -f ...). Idempotent.
--
-- Contract, as the provider uses it (RelationalOrleansQueries, AdoNetReminderTable):
--  * @GrainId is GrainId.ToString() ("type/key"), @GrainHash is GrainId.GetUniformHashCode()
--    cast to a signed integer, @Period is milliseconds (int, or long past int.MaxValue),
--    @StartTime a UTC DateTime.
--  * Rows are read by name: grainid, remindername, starttime, period (GetInt64, so
--    bigint), version.
--  * version is the reminder's ETag: the upsert returns the new one and the delete only
--    removes the row if the ETag still matches (one column: >0 = deleted).
--  * Each silo owns a slice of the hash ring and re-reads it every refresh period:
--    ReadRangeRows1Key for (begin, end] when begin < end as signed integers,
--    ReadRangeRows2Key for the wrapped slice (begin, max] + [min, end] otherwise.

CREATE TABLE IF NOT EXISTS orleans_reminders
(
    serviceid    varchar(150) NOT NULL,
    -- Upstream's varchar(150) is too short for a GrainId with a long string key; the
    -- limits here keep a primary-key entry of ASCII keys under the ~2.7 kB btree limit.
    grainid      varchar(1024) NOT NULL,
    remindername varchar(512)  NOT NULL,
    starttime    timestamptz   NOT NULL,
    period       bigint        NOT NULL,
    grainhash    integer       NOT NULL,
    version      integer       NOT NULL,
    CONSTRAINT orleans_reminders_pk PRIMARY KEY (serviceid, grainid, remindername)
);

-- Upstream has no index for the range scans, so every silo's refresh is a sequential
-- scan of all reminders of all services. With it, each slice is an index range scan.
CREATE INDEX IF NOT EXISTS orleans_reminders_hash_ix
    ON orleans_reminders (serviceid, grainhash);

-- orleans_next_version() comes from 001 (ETag wrap instead of integer overflow).

INSERT INTO orleansquery (querykey, querytext) VALUES

-- Insert at version 0, or replace the schedule and bump the version. Returns "version".
('UpsertReminderRowKey', '
INSERT INTO orleans_reminders AS r
    (serviceid, grainid, remindername, starttime, period, grainhash, version)
VALUES
    (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT ON CONSTRAINT orleans_reminders_pk DO UPDATE
   SET starttime = excluded.starttime,
       period = excluded.period,
       grainhash = excluded.grainhash,
       version = orleans_next_version(r.version)
RETURNING r.version;'),

('ReadReminderRowsKey', '
SELECT grainid, remindername, starttime, period, version
  FROM orleans_reminders
 WHERE serviceid = @ServiceId AND grainid = @GrainId;'),

('ReadReminderRowKey', '
SELECT grainid, remindername, starttime, period, version
  FROM orleans_reminders
 WHERE serviceid = @ServiceId AND grainid = @GrainId AND remindername = @ReminderName;'),

('ReadRangeRows1Key', '
SELECT grainid, remindername, starttime, period, version
  FROM orleans_reminders
 WHERE serviceid = @ServiceId AND grainhash > @BeginHash AND grainhash <= @EndHash;'),

-- The wrapped slice as two disjoint range scans (begin >= end here), so each half uses
-- orleans_reminders_hash_ix; begin = end (one silo owns the ring) yields every row once.
('ReadRangeRows2Key', '
SELECT grainid, remindername, starttime, period, version
  FROM orleans_reminders
 WHERE serviceid = @ServiceId AND grainhash > @BeginHash
UNION ALL
SELECT grainid, remindername, starttime, period, version
  FROM orleans_reminders
 WHERE serviceid = @ServiceId AND grainhash <= @EndHash;'),

('DeleteReminderRowKey', '
WITH deleted AS (
    DELETE FROM orleans_reminders
     WHERE serviceid = @ServiceId AND grainid = @GrainId
       AND remindername = @ReminderName AND version = @Version
    RETURNING 1)
SELECT count(*)::integer AS rowcount FROM deleted;'),

('DeleteReminderRowsKey', '
DELETE FROM orleans_reminders WHERE serviceid = @ServiceId;')

ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
