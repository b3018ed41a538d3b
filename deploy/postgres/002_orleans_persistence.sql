-- 002: ADO.NET grain storage for Microsoft.Orleans.Persistence.AdoNet 10.4.2 with
-- Invariant "Npgsql". Needs orleansquery from 001. Applied in one transaction by
-- SchemaMigrator (by hand: psql -1 -v ON_ERROR_STOP=1 -f ...). Idempotent.
--
-- How the provider addresses a row (AdoNetGrainStorage, AdoGrainKey):
--  * graintypestring is the *state name* of [PersistentState("name", ...)] (generic
--    arity stripped), not the grain class: two grain types using the same state name
--    and key share a row, so state names must be unique per key space.
--  * grainidn0/grainidn1 hold a Guid key's two halves, or 0/long for an integer key;
--    grainidextensionstring holds the key extension, or the whole key of a string-keyed
--    grain, and is NULL for plain Guid/integer keys.
--  * grainidhash/graintypehash are 32-bit hashes (StableHash, the placement hash) of the
--    key bytes and the state name. They are not unique; they only narrow the index.
--  * serviceid is ClusterOptions.ServiceId, so services can share the table.
--
-- Versioning: version is the ETag. The provider sends @GrainStateVersion = NULL when
-- it has never seen a row, otherwise the version it read. A write succeeds only against
-- that exact version and returns the new one; anything else (no row returned, NULL,
-- or the same value) is turned into InconsistentStateException, which deactivates the
-- grain. The payload is the whole state (the silo's IGrainStorageSerializer, JSON by
-- default) rewritten on every WriteStateAsync.

CREATE TABLE IF NOT EXISTS orleans_storage
(
    grainidhash            integer      NOT NULL,
    grainidn0              bigint       NOT NULL,
    grainidn1              bigint       NOT NULL,
    graintypehash          integer      NOT NULL,
    graintypestring        varchar(512) NOT NULL,
    grainidextensionstring varchar(512),
    serviceid              varchar(150) NOT NULL,
    payloadbinary          bytea,  -- NULL after ClearStateAsync (row and version kept)
    modifiedon             timestamptz  NOT NULL DEFAULT now(),
    version                integer      NOT NULL,
    -- Upstream has only a non-unique index on (grainidhash, graintypehash), so two
    -- first writers (say, a duplicate activation after a silo failure) can both insert
    -- and the grain then has two rows. This key makes the second insert a conflict, and
    -- it leads with the hashes so it is also the lookup index. NULLS NOT DISTINCT
    -- (PostgreSQL 15) because grainidextensionstring is NULL for most Guid/integer keys.
    -- The varchar limits keep an entry of ASCII keys well under the ~2.7 kB btree limit.
    CONSTRAINT orleans_storage_grain_uq UNIQUE NULLS NOT DISTINCT
        (grainidhash, graintypehash, serviceid, grainidn0, grainidn1,
         graintypestring, grainidextensionstring)
);

-- orleans_next_version() (the ETag wrap) comes from 001.

-- The write. With a version: update only that version. Without: insert version 1, and
-- on the unique key lose quietly (ON CONFLICT DO NOTHING) so that the provider sees no
-- new version and raises its version conflict - never a second row, never a
-- unique_violation error that would look like a database failure. Returns one row
-- (newgrainstateversion) on success and no row on a conflict.
CREATE OR REPLACE FUNCTION orleans_storage_write(
    p_grainidhash integer, p_grainidn0 bigint, p_grainidn1 bigint,
    p_graintypehash integer, p_graintypestring varchar, p_grainidextensionstring varchar,
    p_serviceid varchar, p_grainstateversion integer, p_payloadbinary bytea)
RETURNS TABLE (newgrainstateversion integer)
LANGUAGE plpgsql
AS $$
BEGIN
    IF p_grainstateversion IS NOT NULL THEN
        RETURN QUERY
        UPDATE orleans_storage s
           SET payloadbinary = p_payloadbinary,
               version = orleans_next_version(s.version),
               modifiedon = now()
         WHERE s.grainidhash = p_grainidhash AND s.graintypehash = p_graintypehash
           AND s.serviceid = p_serviceid
           AND s.grainidn0 = p_grainidn0 AND s.grainidn1 = p_grainidn1
           AND s.graintypestring = p_graintypestring
           AND s.grainidextensionstring IS NOT DISTINCT FROM p_grainidextensionstring
           AND s.version = p_grainstateversion
        RETURNING s.version;
    ELSE
        RETURN QUERY
        INSERT INTO orleans_storage AS s
            (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring,
             grainidextensionstring, serviceid, payloadbinary, modifiedon, version)
        VALUES
            (p_grainidhash, p_grainidn0, p_grainidn1, p_graintypehash, p_graintypestring,
             p_grainidextensionstring, p_serviceid, p_payloadbinary, now(), 1)
        ON CONFLICT ON CONSTRAINT orleans_storage_grain_uq DO NOTHING
        RETURNING s.version;
    END IF;
END
$$;

INSERT INTO orleansquery (querykey, querytext) VALUES

('WriteToStorageKey', '
SELECT newgrainstateversion FROM orleans_storage_write(
    @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
    @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary);'),

-- Read by name: payloadbinary (NULL = no state, RecordExists false) and version (the ETag).
('ReadFromStorageKey', '
SELECT payloadbinary, version
  FROM orleans_storage
 WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
   AND serviceid = @ServiceId
   AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
   AND graintypestring = @GrainTypeString
   AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString;'),

-- ClearStateAsync (DeleteStateOnClear = false): keep the row, drop the payload, bump
-- the version so a stale writer still conflicts. The provider reads column 0.
('ClearStorageKey', '
UPDATE orleans_storage
   SET payloadbinary = NULL, version = orleans_next_version(version), modifiedon = now()
 WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
   AND serviceid = @ServiceId
   AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
   AND graintypestring = @GrainTypeString
   AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version AS newgrainstateversion;'),

-- ClearStateAsync with DeleteStateOnClear = true: delete the row. The provider wants a
-- value different from the ETag it sent to call it a success, hence the next version;
-- it then forgets the ETag, and the next write inserts afresh.
('DeleteStorageKey', '
DELETE FROM orleans_storage
 WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
   AND serviceid = @ServiceId
   AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
   AND graintypestring = @GrainTypeString
   AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING orleans_next_version(version) AS newgrainstateversion;')

ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
