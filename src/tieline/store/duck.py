"""The DuckDB event store: one file, a versioned schema, and the queries the CLI and API share."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path

import duckdb

from .. import __version__
from ..errors import StoreError
from ..models import EVENT_FIELDS, Article, Event, Failure


def _migration_versions() -> list[int]:
    folder = resources.files("tieline.store").joinpath("migrations")
    return sorted(int(p.name.split("_", 1)[0]) for p in folder.iterdir() if p.name.endswith(".sql"))


SCHEMA_VERSION = max(_migration_versions())  # the newest migration this tieline ships
_DOC_COLUMNS = (
    "doc_id", "run_id", "source", "url", "title", "byline", "site_name", "published", "date_source",
    "language", "attributions", "text", "content_hash", "ingested_at", "doc_key",
)
_EVENT_COLUMNS = ("run_id",) + EVENT_FIELDS


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Store:
    """A tieline store in a DuckDB file (or ":memory:")."""

    def __init__(self, path: str | Path = "tieline.duckdb", read_only: bool = False):
        self.path = str(path)
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(
                f"The store '{self.path}' does not exist. Create it with `tieline ingest INPUT --db {self.path}` "
                f"or `tieline demo --db {self.path}`, or give the right path with --db."
            )
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(
                f"Cannot open the store '{self.path}': {exc}. Check the path, or close other programs using it."
            ) from exc
        if not read_only:
            self._migrate()
        elif self.schema_version() == 0:
            raise StoreError(f"'{self.path}' is not a tieline store yet; run `tieline ingest` to create it.")

    # --- schema --------------------------------------------------------------------------

    def schema_version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
        ).fetchone()[0]
        if not exists:
            return 0
        return self.con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]

    def _migrate(self) -> None:
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)"
        )
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"The store '{self.path}' has schema version {current}, newer than this tieline "
                f"({__version__}, schema {SCHEMA_VERSION}). Upgrade tieline to read it."
            )
        folder = resources.files("tieline.store").joinpath("migrations")
        for item in sorted(folder.iterdir(), key=lambda p: p.name):
            if not item.name.endswith(".sql"):
                continue
            version = int(item.name.split("_", 1)[0])
            if version <= current:
                continue
            self.con.execute("BEGIN TRANSACTION")
            try:
                self.con.execute(item.read_text("utf-8"))
                self.con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, item.name, _now()])
                self.con.execute("COMMIT")
            except duckdb.Error:
                self.con.execute("ROLLBACK")
                raise

    # --- runs ----------------------------------------------------------------------------

    def begin_run(self, inputs: Sequence[str], coder: str, dictionary_version: str, model: str = "") -> str:
        run_id = uuid.uuid4().hex[:16]
        self.con.execute(
            "INSERT INTO runs (run_id, started_at, status, tieline_version, coder, dictionary_version, model, inputs) "
            "VALUES (?, ?, 'running', ?, ?, ?, ?, ?)",
            [run_id, _now(), __version__, coder, dictionary_version, model, json.dumps(list(inputs))],
        )
        return run_id

    def finish_run(self, run_id: str, counts: dict) -> None:
        self.con.execute(
            "UPDATE runs SET finished_at = ?, status = 'finished', counts = ? WHERE run_id = ?",
            [_now(), json.dumps(counts, sort_keys=True), run_id],
        )

    # --- writing -------------------------------------------------------------------------

    def known_documents(self, doc_ids: Iterable[str]) -> set[str]:
        ids = list(doc_ids)
        if not ids:
            return set()
        rows = self.con.execute("SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))", [ids]).fetchall()
        return {r[0] for r in rows}

    def identity_status(self, key: str, doc_id: str) -> str | None:
        """"key" if a document with this key is stored (or, stored before keys existed, with this id),
        "id" if the id belongs to another document, None if both are free."""
        if self.con.execute("SELECT 1 FROM documents WHERE doc_key = ? LIMIT 1", [key]).fetchone():
            return "key"
        row = self.con.execute("SELECT doc_key FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
        if row is None:
            return None
        return "key" if row[0] is None else "id"

    def identities(self, keys: Sequence[str], doc_ids: Sequence[str]) -> tuple[set[str], dict[str, str | None]]:
        """For many documents at once: the keys already stored, and the stored key of each id in use."""
        known = {k for (k,) in self.con.execute(
            "SELECT doc_key FROM documents WHERE doc_key IN (SELECT unnest(?))", [list(keys)]).fetchall()} if keys else set()
        taken = dict(self.con.execute(
            "SELECT doc_id, doc_key FROM documents WHERE doc_id IN (SELECT unnest(?))", [list(doc_ids)]).fetchall()
        ) if doc_ids else {}
        return known, taken

    def write_batch(self, run_id: str, coded: Sequence[tuple[Article, list[Event]]]) -> None:
        """Store articles with their events in one transaction: all of a document or none of it."""
        if not coded:
            return
        now = _now()
        doc_rows = [
            (a.doc_id, run_id, a.source, a.url, a.title, a.byline, a.site_name, a.published, a.date_source,
             a.language, json.dumps(a.attributions), a.text, content_hash(a.text), now, a.doc_key)
            for a, _ in coded
        ]
        paragraph_rows = [(a.doc_id, p.position, p.language, p.confidence, p.text)
                          for a, _ in coded for p in a.other_paragraphs]
        event_rows = []
        for _, events in coded:
            for e in events:
                row = asdict(e)
                row["event_date"] = row["event_date"] or None
                event_rows.append((run_id, *[row[f] for f in EVENT_FIELDS]))
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.executemany(
                f"INSERT INTO documents ({', '.join(_DOC_COLUMNS)}) VALUES ({', '.join('?' * len(_DOC_COLUMNS))})",
                doc_rows,
            )
            if paragraph_rows:
                self.con.executemany("INSERT INTO document_paragraphs VALUES (?, ?, ?, ?, ?)", paragraph_rows)
            if event_rows:
                self.con.executemany(
                    f"INSERT OR IGNORE INTO events ({', '.join(_EVENT_COLUMNS)}) "
                    f"VALUES ({', '.join('?' * len(_EVENT_COLUMNS))})",
                    event_rows,
                )
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"Writing to '{self.path}' failed: {exc}.") from exc

    def write_failures(self, run_id: str, failures: Sequence[Failure]) -> None:
        if not failures:
            return
        now = _now()
        self.con.executemany(
            "INSERT INTO failures VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(run_id, f.source, f.stage, f.reason, f.message, f.doc_id, now) for f in failures],
        )

    # --- reading -------------------------------------------------------------------------

    def events(
        self,
        actor: str | None = None,
        target: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        code: str | None = None,
        limit: int | None = None,
    ):
        """Stored events as a pandas DataFrame, newest first. `actor`/`target` match a CAMEO
        actor-code prefix ("PRK" matches "PRKGOV") or an ISO country code."""
        where, params = [], []
        for column, value in (("actor1", actor), ("actor2", target)):
            if value:
                where.append(f"({column}_code LIKE ? OR {column}_country_code = ?)")
                params += [value.upper() + "%", value.upper()]
        if since:
            where.append("event_date >= CAST(? AS DATE)")
            params.append(str(since))
        if until:
            where.append("event_date <= CAST(? AS DATE)")
            params.append(str(until))
        if code:
            where.append("event_code LIKE ?")
            params.append(code + "%")
        sql = "SELECT * EXCLUDE (run_id) FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY event_date DESC NULLS LAST, doc_id, sentence_index, event_id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self.con.execute(sql, params).df()

    def counts(self) -> dict[str, int]:
        return {
            table: self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "events", "failures", "runs")
        }

    def sql(self, query: str, params: Sequence | None = None):
        """Run read-only SQL against the store and return a DataFrame."""
        return self.con.execute(query, params or []).df()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(path: str | Path = "tieline.duckdb", read_only: bool = False) -> Store:
    return Store(path, read_only=read_only)
