-- tieline store, schema version 2: document identity, paragraphs in other languages, HTTP validators.

-- The document's identity: "url:<normalised URL>" or "sha256:<content hash>" (tieline.ingest.identity).
-- Re-ingesting a document with a known key adds nothing. NULL for documents stored before version 2.
ALTER TABLE documents ADD COLUMN doc_key VARCHAR;
CREATE INDEX IF NOT EXISTS documents_doc_key ON documents (doc_key);

-- Paragraphs that are not in English: kept with their language, not coded.
CREATE TABLE IF NOT EXISTS document_paragraphs (
    doc_id      VARCHAR NOT NULL,
    position    INTEGER NOT NULL,                -- index among the article's paragraphs
    language    VARCHAR NOT NULL,                -- ISO 639-1 code, "und" when unknown
    confidence  DOUBLE,
    text        VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, position)
);

-- ETag and Last-Modified per URL, for conditional requests on the next crawl.
CREATE TABLE IF NOT EXISTS http_validators (
    url            VARCHAR PRIMARY KEY,          -- normalised URL
    etag           VARCHAR,
    last_modified  VARCHAR,
    checked_at     TIMESTAMP NOT NULL
);
