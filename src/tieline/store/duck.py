"""The DuckDB event store: one file, a versioned schema, and the queries the CLI and API share."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path

import duckdb

from .. import __version__
from ..errors import ConfigError, StoreError
from ..ingest.neardup import Signature
from ..models import Article, Event, Failure
from .dedup import DEFAULT_DEDUP, DedupRule, dedup_rule
from .queries import EventFilter
from .writer import BatchResult, BatchWriter, content_hash, write_failures


def _migrations() -> list[tuple[int, str, str]]:
    folder = resources.files("tieline.store").joinpath("migrations")
    found = []
    for item in folder.iterdir():
        if item.name.endswith(".sql"):
            found.append((int(item.name.split("_", 1)[0]), item.name, item.read_text("utf-8")))
    return sorted(found)


SCHEMA_VERSION = max(version for version, _, _ in _migrations())  # the newest migration this tieline ships
_TABLES = ("documents", "events", "event_mentions", "sentences", "failures", "runs")
_FRAMES = ("pandas", "polars")

__all__ = ["SCHEMA_VERSION", "Store", "content_hash", "open_store"]


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


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
        elif self.schema_version() < SCHEMA_VERSION:
            raise StoreError(
                f"The store '{self.path}' has schema version {self.schema_version()}, older than this tieline's "
                f"({SCHEMA_VERSION}). Open it once for writing (e.g. `tieline ingest --db {self.path} ...`) to upgrade it."
            )
        self._writer: BatchWriter | None = None

    # --- schema --------------------------------------------------------------------------

    def schema_version(self) -> int:
        if not self._has_table("schema_migrations"):
            return 0
        return self.con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]

    def _has_table(self, name: str) -> bool:
        return bool(self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
        ).fetchone()[0])

    def _migrate(self) -> None:
        """Apply every migration not yet applied, in order. A migration numbered below one already
        applied (e.g. merged later from another branch) is still applied."""
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)"
        )
        current = self.schema_version()
        known = _migrations()
        if current > max(v for v, _, _ in known):
            raise StoreError(
                f"The store '{self.path}' has schema version {current}, newer than this tieline "
                f"({__version__}, schema {SCHEMA_VERSION}). Upgrade tieline to read it."
            )
        applied = {v for (v,) in self.con.execute("SELECT version FROM schema_migrations").fetchall()}
        for version, name, sql in known:
            if version in applied:
                continue
            self.con.execute("BEGIN TRANSACTION")
            try:
                self.con.execute(sql)
                self.con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, name, _now()])
                self.con.execute("COMMIT")
            except duckdb.Error as exc:
                self.con.execute("ROLLBACK")
                raise StoreError(f"Upgrading '{self.path}' with migration {name} failed: {exc}.") from exc

    def columns(self, table: str) -> list[str]:
        return [r[0] for r in self.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position", [table]
        ).fetchall()]

    # --- runs ----------------------------------------------------------------------------

    def close_interrupted_runs(self) -> list[str]:
        """Mark runs left 'running' by a process that died as 'interrupted', with the counts of
        what they did commit. DuckDB lets one process write a file at a time, so a run still
        'running' when a writer opens the store cannot be alive."""
        ids = [r[0] for r in self.con.execute("SELECT run_id FROM runs WHERE status = 'running'").fetchall()]
        for run_id in ids:
            counts = json.loads(self.con.execute("SELECT coalesce(counts, '{}') FROM runs WHERE run_id = ?",
                                                 [run_id]).fetchone()[0])
            counts["store"] = self._stored_by(run_id)
            self.con.execute(
                "UPDATE runs SET status = 'interrupted', finished_at = coalesce(updated_at, started_at), counts = ? "
                "WHERE run_id = ?", [json.dumps(counts, sort_keys=True), run_id])
        return ids

    def _stored_by(self, run_id: str) -> dict[str, int]:
        one = lambda sql: self.con.execute(sql, [run_id]).fetchone()[0]  # noqa: E731
        return {
            "documents": one("SELECT count(*) FROM documents WHERE run_id = ?"),
            "mentions": one("SELECT count(*) FROM event_mentions WHERE run_id = ?"),
            "events:new": one("SELECT count(*) FROM events WHERE run_id = ?"),
        }

    def begin_run(self, inputs: Sequence[str], coder: str, dictionary_version: str, model: str = "", *,
                  coder_name: str | None = None, coder_version: str | None = None,
                  dictionaries: dict | None = None, dedup: str = DEFAULT_DEDUP) -> str:
        run_id = uuid.uuid4().hex[:16]
        now = _now()
        self.con.execute(
            "INSERT INTO runs (run_id, started_at, status, tieline_version, coder, dictionary_version, model, inputs, "
            "coder_name, coder_version, dictionaries, dedup, updated_at) "
            "VALUES (?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [run_id, now, __version__, coder, dictionary_version, model, json.dumps(list(inputs)),
             coder_name, coder_version, json.dumps(dictionaries or {}, sort_keys=True), dedup, now],
        )
        return run_id

    def finish_run(self, run_id: str, counts: dict, failures: Sequence[Failure] = ()) -> None:
        """Record the run's last failures and its counts, and mark it finished, in one transaction."""
        now = _now()
        self._transaction(lambda: (
            write_failures(self.con, run_id, failures, now),
            self.con.execute(
                "UPDATE runs SET finished_at = ?, updated_at = ?, status = 'finished', counts = ? WHERE run_id = ?",
                [now, now, json.dumps(counts, sort_keys=True), run_id],
            ),
        ))

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

    def near_duplicate_candidates(self, band_keys: list[int]) -> list[tuple[str, str | None, bytes]]:
        """Stored documents sharing a MinHash LSH band with the given keys: (doc_id, group, signature)."""
        return self.con.execute(
            "SELECT d.doc_id, d.dedup_group, d.minhash FROM documents d WHERE d.doc_id IN "
            "(SELECT doc_id FROM document_bands WHERE band_key IN (SELECT unnest(?)))", [band_keys]
        ).fetchall()

    def write_batch(self, run_id: str, coded: Sequence[tuple[Article, list[Event]]],
                    dedup: str | DedupRule = DEFAULT_DEDUP, *, signatures: dict[str, Signature | None] | None = None,
                    failures: Sequence[Failure] = (), counts: dict | None = None) -> BatchResult:
        """Store articles with their events, deduplicated by the rule `dedup`, together with the
        run's failures and counts, in one transaction: all of it or none of it."""
        rule = dedup_rule(dedup)
        if not coded and not failures and counts is None:
            return BatchResult()
        writer = self._writer or BatchWriter(
            self.con, {t: self.columns(t) for t in ("documents", "document_paragraphs", "events", "event_mentions")})
        self._writer = writer
        now = _now()
        return self._transaction(lambda: writer.write(run_id, coded, rule, now, signatures or {}, failures, counts))

    def write_failures(self, run_id: str, failures: Sequence[Failure]) -> None:
        self._transaction(lambda: write_failures(self.con, run_id, failures, _now()))

    def _transaction(self, work):
        self.con.execute("BEGIN TRANSACTION")
        try:
            result = work()
            self.con.execute("COMMIT")
            return result
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"Writing to '{self.path}' failed: {exc}.") from exc
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    # --- reading -------------------------------------------------------------------------

    def events(
        self,
        actor: str | None = None,
        target: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        code: str | None = None,
        limit: int | None = None,
        *,
        frame: str = "pandas",
    ):
        """Deduplicated events, newest first, as a pandas DataFrame (`frame="polars"` for polars).
        `actor`/`target` match a CAMEO actor-code prefix ("PRK" matches "PRKGOV") or an ISO
        country code. Each row is one event; `num_mentions`, `num_sources` and `num_articles`
        say how often it was reported, and `event_mentions` holds every report."""
        sql, params = EventFilter(actor, target, since, until, code, limit).select_events(
            "event_date DESC NULLS LAST, doc_id, sentence_index, event_id", "* EXCLUDE (run_id)")
        return self._frame(sql, params, frame)

    def mentions(self, event_id: str | None = None, *, frame: str = "pandas"):
        """Every report of an event (or of all events): document, sentence, URL and coded fields."""
        sql = "SELECT * EXCLUDE (run_id) FROM event_mentions"
        params: list = []
        if event_id:
            sql += " WHERE event_id = ?"
            params.append(event_id)
        return self._frame(sql + " ORDER BY seq", params, frame)

    def _frame(self, sql: str, params: list, frame: str):
        if frame == "pandas":
            return self.con.execute(sql, params).df()
        if frame == "polars":
            try:
                import polars  # noqa: F401  (DuckDB converts to it)
            except ImportError as exc:
                raise ConfigError("polars is not installed; install it with `pip install 'tieline[polars]'`.") from exc
            with self.con.cursor() as cursor:  # a fresh cursor: the relation API wants no pending result
                return cursor.sql(sql, params=params).pl()
        raise ConfigError(f"'{frame}' is not a frame type; use one of {', '.join(_FRAMES)}.")

    def counts(self) -> dict[str, int]:
        return {table: self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in _TABLES}

    def sql(self, query: str, params: Sequence | None = None):
        """Run SQL against the store and return a pandas DataFrame."""
        return self.con.execute(query, params or []).df()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(path: str | Path = "tieline.duckdb", read_only: bool = False) -> Store:
    return Store(path, read_only=read_only)
