-- tieline store, schema version 3: deduplicated events and the mentions behind them.
--
-- Until version 1, `events` held one row per coded sentence. From here on:
--   event_mentions  one row per event as the coder found it in one sentence of one document
--   events          one row per DEDUPLICATED event (GDELT's event table); its descriptive
--                   columns (actors, code, date, sentence, doc_id, source_url, ...) are those of
--                   its root mention, the first mention that was stored
--   sentences       the sentences that produced mentions
--   document_bands  MinHash LSH band keys of every document, for near-duplicate grouping
--   actors          (view) every actor code and name seen in mentions, with counts and dates
--   event_sources   (view) each event with every document, sentence and URL that reported it
-- Stores made by version 1 keep their events: each old row becomes one mention of its own event.

ALTER TABLE documents ADD COLUMN dedup_group VARCHAR;   -- near-duplicate story group
ALTER TABLE documents ADD COLUMN source_name VARCHAR;   -- the site: URL host, else site name
ALTER TABLE documents ADD COLUMN minhash BLOB;          -- MinHash signature of the text

ALTER TABLE runs ADD COLUMN coder_name VARCHAR;
ALTER TABLE runs ADD COLUMN coder_version VARCHAR;
ALTER TABLE runs ADD COLUMN dictionaries VARCHAR;       -- JSON: data file -> {version, sha256}
ALTER TABLE runs ADD COLUMN dedup VARCHAR;              -- strict, story or none
ALTER TABLE runs ADD COLUMN updated_at TIMESTAMP;       -- time of the run's last committed batch

CREATE TABLE document_bands (
    band_key  BIGINT NOT NULL,
    doc_id    VARCHAR NOT NULL
);

CREATE TABLE sentences (
    doc_id          VARCHAR NOT NULL,
    sentence_index  INTEGER NOT NULL,                  -- 0-based; GDELT's SentenceID is this + 1
    start_char      INTEGER,
    end_char        INTEGER,
    text            VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, sentence_index)
);

CREATE TABLE event_mentions (
    mention_id                VARCHAR PRIMARY KEY,     -- the coder's id of this coded sentence
    event_id                  VARCHAR NOT NULL,        -- the deduplicated event it belongs to
    seq                       BIGINT NOT NULL,         -- order in which mentions were stored
    run_id                    VARCHAR NOT NULL,
    doc_id                    VARCHAR NOT NULL,
    source_name               VARCHAR,
    in_lead                   BOOLEAN,                 -- in the article's first paragraph
    doc_len                   INTEGER,
    added_at                  TIMESTAMP NOT NULL,
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

-- Version 1 rows: one mention each, in the order their documents were stored.
INSERT INTO event_mentions
SELECT e.event_id AS mention_id, e.event_id, row_number() OVER (ORDER BY d.ingested_at, e.doc_id, e.sentence_index, e.event_id),
       e.run_id, e.doc_id,
       coalesce(regexp_replace(lower(regexp_extract(d.url, '^[a-zA-Z][a-zA-Z0-9+.-]*://([^/:?#]+)', 1)), '^www\.', ''), d.site_name),
       NULL, length(d.text), d.ingested_at,
       e.event_date, e.date_precision, e.date_text, e.actor1_code, e.actor1_name, e.actor1_country_code,
       e.actor1_known_group_code, e.actor1_sector, e.actor2_code, e.actor2_name, e.actor2_country_code,
       e.actor2_known_group_code, e.actor2_sector, e.event_code, e.event_root_code, e.quad_class,
       e.goldstein_scale, e.plover_event_type, e.plover_mode, e.sentence, e.sentence_index, e.sentence_start,
       e.evidence_start, e.evidence_end, e.event_text, e.event_start, e.event_end, e.actor1_start,
       e.actor1_end, e.actor2_start, e.actor2_end, e.action_geo_full_name, e.action_geo_country_code,
       e.action_geo_fips_code, e.action_geo_adm1_code, e.action_geo_lat, e.action_geo_long,
       e.action_geo_feature_id, e.action_geo_precision, e.source_url, e.coder, e.pattern_id, e.confidence,
       e.dictionary_version
FROM events e LEFT JOIN documents d USING (doc_id);

UPDATE event_mentions SET source_name = nullif(source_name, '');
UPDATE documents SET dedup_group = doc_id,
    source_name = coalesce(nullif(regexp_replace(lower(regexp_extract(url, '^[a-zA-Z][a-zA-Z0-9+.-]*://([^/:?#]+)', 1)), '^www\.', ''), ''), site_name);

INSERT INTO sentences
SELECT doc_id, sentence_index, any_value(sentence_start), any_value(sentence_start) + length(any_value(sentence)),
       any_value(sentence)
FROM event_mentions WHERE sentence_index IS NOT NULL GROUP BY doc_id, sentence_index;

DROP TABLE events;

CREATE TABLE events (
    event_id                  VARCHAR PRIMARY KEY,     -- = the root mention's mention_id
    global_event_id           BIGINT NOT NULL UNIQUE,  -- GDELT's GLOBALEVENTID: 1, 2, 3, ... in order stored
    run_id                    VARCHAR NOT NULL,        -- the run that first saw the event
    doc_id                    VARCHAR NOT NULL,        -- the root mention's document
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
    dictionary_version        VARCHAR,
    num_mentions              INTEGER NOT NULL,        -- GDELT NumMentions: every mention, also several in one document
    num_sources               INTEGER NOT NULL,        -- GDELT NumSources: distinct sites
    num_articles              INTEGER NOT NULL,        -- GDELT NumArticles: distinct documents
    root_mention_id           VARCHAR NOT NULL,
    is_root_event             BOOLEAN,                 -- GDELT IsRootEvent: root mention in the lead paragraph
    date_added                TIMESTAMP NOT NULL,      -- GDELT DATEADDED (UTC)
    dedup                     VARCHAR NOT NULL         -- the rule that grouped its mentions: strict, story, none
);

INSERT INTO events
SELECT m.event_id, m.seq, m.run_id, m.doc_id, m.event_date, m.date_precision, m.date_text, m.actor1_code,
       m.actor1_name, m.actor1_country_code, m.actor1_known_group_code, m.actor1_sector, m.actor2_code,
       m.actor2_name, m.actor2_country_code, m.actor2_known_group_code, m.actor2_sector, m.event_code,
       m.event_root_code, m.quad_class, m.goldstein_scale, m.plover_event_type, m.plover_mode, m.sentence,
       m.sentence_index, m.sentence_start, m.evidence_start, m.evidence_end, m.event_text, m.event_start,
       m.event_end, m.actor1_start, m.actor1_end, m.actor2_start, m.actor2_end, m.action_geo_full_name,
       m.action_geo_country_code, m.action_geo_fips_code, m.action_geo_adm1_code, m.action_geo_lat,
       m.action_geo_long, m.action_geo_feature_id, m.action_geo_precision, m.source_url, m.coder, m.pattern_id,
       m.confidence, m.dictionary_version, 1, 1, 1, m.mention_id, NULL, m.added_at, 'none'
FROM event_mentions m;

CREATE VIEW actors AS
SELECT code AS actor_code, name, country_code, known_group_code, sector,
       count(*) AS mentions, min(event_date) AS first_date, max(event_date) AS last_date
FROM (
    SELECT actor1_code AS code, actor1_name AS name, actor1_country_code AS country_code,
           actor1_known_group_code AS known_group_code, actor1_sector AS sector, event_date
    FROM event_mentions
    UNION ALL
    SELECT actor2_code, actor2_name, actor2_country_code, actor2_known_group_code, actor2_sector, event_date
    FROM event_mentions WHERE actor2_code IS NOT NULL
)
GROUP BY ALL;

CREATE VIEW event_sources AS
SELECT m.event_id, m.mention_id, m.doc_id, coalesce(m.source_url, d.url) AS url, m.source_name,
       m.sentence_index, m.sentence, m.evidence_start, m.evidence_end, m.event_id = m.mention_id AS is_root_mention
FROM event_mentions m LEFT JOIN documents d USING (doc_id);
