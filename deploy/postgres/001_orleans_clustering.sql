-- 001: the Orleans query table and ADO.NET clustering (membership) for
-- Microsoft.Orleans.Clustering.AdoNet 10.4.2 with Invariant "Npgsql".
--
-- Written for WabaActors from the provider's C# contract (DbStoredQueries,
-- RelationalOrleansQueries), not copied from the upstream scripts. Applied by
-- WabaActors.Storage.PostgreSql.SchemaMigrator inside one transaction (no BEGIN/COMMIT
-- here); by hand: psql -1 -v ON_ERROR_STOP=1 -f 001_orleans_clustering.sql.
-- Idempotent: re-running it converges on the same objects and query texts.
--
-- Contract, as the 10.4.2 provider uses it:
--  * Every statement Orleans runs comes from orleansquery; the provider reads the whole
--    table at start and refuses to start if a key it declares is missing
--    ("Not all required queries found. Missing are: ...").
--  * Parameters are bound by name (@DeploymentId, ...) with ADO.NET DbTypes; Npgsql
--    rewrites them to $n. Result columns are read by name, case-insensitively.
--  * Times arrive as UTC DateTime and are read back with Kind=Utc, so every instant is
--    timestamptz and "now" is now(): no timestamp without time zone, no AT TIME ZONE.
--  * The membership table version is the optimistic-concurrency token: every write of a
--    silo row must bump it in the same transaction, or fail as a whole.

-- UNIQUE NULLS NOT DISTINCT (002) needs PostgreSQL 15; fail here, before anything is created.
DO $$
BEGIN
    IF current_setting('server_version_num')::integer < 150000 THEN
        RAISE EXCEPTION 'WabaActors needs PostgreSQL 15 or later, this server is %',
            current_setting('server_version');
    END IF;
END
$$;

-- The provider runs "SELECT QueryKey, QueryText FROM OrleansQuery" unquoted, so the name
-- folds to orleansquery. Texts are unbounded (text), unlike upstream's varchar(8000).
CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64) NOT NULL,
    querytext text        NOT NULL,
    CONSTRAINT orleansquery_pk PRIMARY KEY (querykey)
);

-- The next version (ETag) of every versioned row here and in 002/003. Wraps to 1
-- instead of overflowing: a grain state written ~1,000 times a second passes 2^31 in
-- under a month, and "integer out of range" would then stop that grain for good.
-- The providers only compare versions for equality, so the wrap is safe.
CREATE OR REPLACE FUNCTION orleans_next_version(v integer)
RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT CASE WHEN v = 2147483647 THEN 1 ELSE v + 1 END $$;

-- One row per cluster (ClusterId, which the provider calls DeploymentId): the table version.
CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    deploymentid varchar(150) NOT NULL,
    modifiedon   timestamptz  NOT NULL DEFAULT now(),
    version      integer      NOT NULL DEFAULT 0,
    CONSTRAINT orleans_membership_version_pk PRIMARY KEY (deploymentid)
);

-- One row per silo incarnation (address, port, generation).
CREATE TABLE IF NOT EXISTS orleans_membership
(
    deploymentid varchar(150) NOT NULL,
    address      varchar(45)  NOT NULL,  -- IPv4 or IPv6 text form (bound as AnsiString)
    port         integer      NOT NULL,
    generation   integer      NOT NULL,
    siloname     varchar(150) NOT NULL,
    hostname     varchar(150) NOT NULL,
    status       integer      NOT NULL,  -- Orleans SiloStatus: 3 = Active, 6 = Dead
    proxyport    integer      NOT NULL DEFAULT 0,  -- read with GetInt32, so never NULL; 0 = no gateway
    suspecttimes text,                   -- "silo,time|silo,time" as the provider formats it
    starttime    timestamptz  NOT NULL,
    iamalivetime timestamptz  NOT NULL,
    CONSTRAINT orleans_membership_pk PRIMARY KEY (deploymentid, address, port, generation),
    -- Deleting a cluster's version row (DeleteMembershipTableEntriesKey) takes its silos along.
    CONSTRAINT orleans_membership_version_fk FOREIGN KEY (deploymentid)
        REFERENCES orleans_membership_version (deploymentid) ON DELETE CASCADE
);

-- Insert a silo row and bump the table version, both or neither. Upstream relies on
-- ASSERT to roll back, which is a no-op when plpgsql.check_asserts is off; here the
-- exception block is the rollback. Returns 1 on success, 0 on a version or row conflict
-- (the provider then re-reads the table and retries).
CREATE OR REPLACE FUNCTION orleans_membership_insert(
    p_deploymentid varchar, p_address varchar, p_port integer, p_generation integer,
    p_siloname varchar, p_hostname varchar, p_status integer, p_proxyport integer,
    p_starttime timestamptz, p_iamalivetime timestamptz, p_version integer)
RETURNS TABLE (rowcount integer)
LANGUAGE plpgsql
AS $$
BEGIN
    BEGIN
        UPDATE orleans_membership_version
           SET version = orleans_next_version(version), modifiedon = now()
         WHERE deploymentid = p_deploymentid AND version = p_version;
        IF NOT FOUND THEN
            RETURN QUERY SELECT 0;
            RETURN;
        END IF;

        INSERT INTO orleans_membership
            (deploymentid, address, port, generation, siloname, hostname, status,
             proxyport, starttime, iamalivetime)
        VALUES
            (p_deploymentid, p_address, p_port, p_generation, p_siloname, p_hostname, p_status,
             coalesce(p_proxyport, 0), p_starttime, p_iamalivetime);
    EXCEPTION WHEN unique_violation THEN
        -- The silo row already exists: the version bump above is undone with the block.
        RETURN QUERY SELECT 0;
        RETURN;
    END;
    RETURN QUERY SELECT 1;
END
$$;

-- Update a silo row (status, suspicions, liveness) and bump the table version, both or
-- neither. Returns 1 on success, 0 on a version conflict or a missing row.
CREATE OR REPLACE FUNCTION orleans_membership_update(
    p_deploymentid varchar, p_address varchar, p_port integer, p_generation integer,
    p_status integer, p_suspecttimes text, p_iamalivetime timestamptz, p_version integer)
RETURNS TABLE (rowcount integer)
LANGUAGE plpgsql
AS $$
BEGIN
    BEGIN
        UPDATE orleans_membership_version
           SET version = orleans_next_version(version), modifiedon = now()
         WHERE deploymentid = p_deploymentid AND version = p_version;
        IF NOT FOUND THEN
            RETURN QUERY SELECT 0;
            RETURN;
        END IF;

        UPDATE orleans_membership
           SET status = p_status, suspecttimes = p_suspecttimes, iamalivetime = p_iamalivetime
         WHERE deploymentid = p_deploymentid AND address = p_address
           AND port = p_port AND generation = p_generation;
        IF NOT FOUND THEN
            RAISE no_data_found;  -- undo the version bump
        END IF;
    EXCEPTION WHEN no_data_found THEN
        RETURN QUERY SELECT 0;
        RETURN;
    END;
    RETURN QUERY SELECT 1;
END
$$;

INSERT INTO orleansquery (querykey, querytext) VALUES

-- Creates the cluster's version row once. One column: >0 = inserted, 0 = already there.
('InsertMembershipVersionKey', '
WITH inserted AS (
    INSERT INTO orleans_membership_version (deploymentid)
    VALUES (@DeploymentId)
    ON CONFLICT ON CONSTRAINT orleans_membership_version_pk DO NOTHING
    RETURNING 1)
SELECT count(*)::integer AS rowcount FROM inserted;'),

('InsertMembershipKey', '
SELECT rowcount FROM orleans_membership_insert(
    @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
    @ProxyPort, @StartTime, @IAmAliveTime, @Version);'),

('UpdateMembershipKey', '
SELECT rowcount FROM orleans_membership_update(
    @DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
    @IAmAliveTime, @Version);'),

-- Liveness heartbeat: deliberately does not bump the table version (the provider
-- ignores the result; other silos read iamalivetime when they suspect).
('UpdateIAmAlivetimeKey', '
UPDATE orleans_membership
   SET iamalivetime = @IAmAliveTime
 WHERE deploymentid = @DeploymentId AND address = @Address
   AND port = @Port AND generation = @Generation;'),

-- The provider takes the table version from the first row and treats a row without
-- starttime as "no silo", so the version row is always returned (LEFT JOIN).
('MembershipReadRowKey', '
SELECT v.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname,
       m.status, m.proxyport, m.suspecttimes, m.starttime, m.iamalivetime, v.version
  FROM orleans_membership_version v
  LEFT JOIN orleans_membership m
         ON m.deploymentid = v.deploymentid
        AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
 WHERE v.deploymentid = @DeploymentId;'),

('MembershipReadAllKey', '
SELECT v.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname,
       m.status, m.proxyport, m.suspecttimes, m.starttime, m.iamalivetime, v.version
  FROM orleans_membership_version v
  LEFT JOIN orleans_membership m ON m.deploymentid = v.deploymentid
 WHERE v.deploymentid = @DeploymentId;'),

-- The silo rows go with the version row (ON DELETE CASCADE).
('DeleteMembershipTableEntriesKey', '
DELETE FROM orleans_membership_version WHERE deploymentid = @DeploymentId;'),

-- Active gateways for clients: @Status is Active (3); proxyport 0 means "not a gateway".
('GatewaysQueryKey', '
SELECT address, proxyport, generation
  FROM orleans_membership
 WHERE deploymentid = @DeploymentId AND status = @Status AND proxyport > 0;'),

-- Missing from the upstream PostgreSQL script until a later migration, and required by
-- 10.4.2 at start. Removes rows of silos that are not Active (3) and have not been alive
-- since @IAmAliveTime; like the other providers it leaves the table version alone.
('CleanupDefunctSiloEntriesKey', '
DELETE FROM orleans_membership
 WHERE deploymentid = @DeploymentId AND status <> 3 AND iamalivetime < @IAmAliveTime;')

ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
