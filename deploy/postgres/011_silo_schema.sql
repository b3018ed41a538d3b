-- 011: the schema each running silo knows (ADR 0025). A silo records the highest schema file its build
-- carries when it starts, keyed like its row in orleans_membership (address, port, generation). A contract
-- file (one that drops or changes what an older build uses) is applied only when every live member of
-- orleans_membership has a row here at or above the file's version; a live member without a row runs a
-- build from before 011, which knows no contract file. Expand only: a new table, read by no older build.
CREATE TABLE IF NOT EXISTS waba_silo_schema (
    address        varchar(45) NOT NULL,
    port           integer     NOT NULL,
    generation     integer     NOT NULL,
    schema_version integer     NOT NULL,
    registered_at  timestamptz NOT NULL,
    PRIMARY KEY (address, port, generation)
);
