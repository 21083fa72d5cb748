-- tieline store, schema version 1: documents, events, failures and runs.
CREATE TABLE IF NOT EXISTS runs (
    run_id              VARCHAR PRIMARY KEY,
    started_at          TIMESTAMP NOT NULL,
    finished_at         TIMESTAMP,
    status              VARCHAR NOT NULL,          -- running, finished
    tieline_version     VARCHAR NOT NULL,
    coder               VARCHAR NOT NULL,          -- e.g. cameo.rules.v1
    dictionary_version  VARCHAR NOT NULL,
    model               VARCHAR,
    inputs              VARCHAR,                   -- JSON list of the inputs given
    counts              VARCHAR                    -- JSON: per stage, what was kept and dropped
);

CREATE TABLE IF NOT EXISTS documents (
    doc_id        VARCHAR PRIMARY KEY,
    run_id        VARCHAR NOT NULL,
    source        VARCHAR,
    url           VARCHAR,
    title         VARCHAR,
    byline        VARCHAR,
    site_name     VARCHAR,
    published     DATE,
    date_source   VARCHAR,
    language      VARCHAR,
    attributions  VARCHAR,                         -- JSON list
    text          VARCHAR NOT NULL,
    content_hash  VARCHAR NOT NULL,
    ingested_at   TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS events (
    event_id                  VARCHAR PRIMARY KEY,
    run_id                    VARCHAR NOT NULL,
    doc_id                    VARCHAR NOT NULL,
    event_date                DATE,
    date_precision            VARCHAR,
    date_text                 VARCHAR,
    actor1_code               VARCHAR NOT NULL,
    actor1_name               VARCHAR,
    actor1_country_code       VARCHAR,
    actor1_known_group_code   VARCHAR,
    actor1_sector             VARCHAR,
    actor2_code               VARCHAR,
    actor2_name               VARCHAR,
    actor2_country_code       VARCHAR,
    actor2_known_group_code   VARCHAR,
    actor2_sector             VARCHAR,
    event_code                VARCHAR NOT NULL,
    event_root_code           VARCHAR NOT NULL,
    quad_class                INTEGER NOT NULL,
    goldstein_scale           DOUBLE NOT NULL,
    plover_event_type         VARCHAR,
    plover_mode               VARCHAR,
    sentence                  VARCHAR NOT NULL,
    sentence_index            INTEGER,
    sentence_start            INTEGER,
    evidence_start            INTEGER,
    evidence_end              INTEGER,
    event_text                VARCHAR,
    event_start               INTEGER,
    event_end                 INTEGER,
    actor1_start              INTEGER,
    actor1_end                INTEGER,
    actor2_start              INTEGER,
    actor2_end                INTEGER,
    action_geo_full_name      VARCHAR,
    action_geo_country_code   VARCHAR,
    action_geo_fips_code      VARCHAR,
    action_geo_adm1_code      VARCHAR,
    action_geo_lat            DOUBLE,
    action_geo_long           DOUBLE,
    action_geo_feature_id     VARCHAR,
    action_geo_precision      VARCHAR,
    source_url                VARCHAR,
    coder                     VARCHAR NOT NULL,
    pattern_id                VARCHAR,
    confidence                DOUBLE,
    dictionary_version        VARCHAR
);

CREATE TABLE IF NOT EXISTS failures (
    run_id    VARCHAR NOT NULL,
    source    VARCHAR NOT NULL,
    stage     VARCHAR NOT NULL,
    reason    VARCHAR NOT NULL,
    message   VARCHAR NOT NULL,
    doc_id    VARCHAR,
    failed_at TIMESTAMP NOT NULL
);
