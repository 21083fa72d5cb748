"""The SQL behind the read endpoints: events, documents, runs, failures and countries.

Every function takes an open DuckDB connection (a cursor from `StoreGate.reading`) and returns
plain Python values (dicts of JSON-ready values), so that the routes can write JSON or CSV.
Events are filtered as `Store.events` filters them: an actor matches a CAMEO actor-code prefix
("PRK" matches "PRKGOV") or an ISO country code.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import duckdb

# Sort keys a client may ask for ("-" in front: descending); ties are broken in a fixed order.
EVENT_SORTS = ("event_date", "goldstein_scale", "quad_class", "event_code", "confidence", "actor1_code",
               "actor2_code", "doc_id", "num_mentions", "num_sources", "num_articles", "global_event_id",
               "date_added")
_EVENT_TIEBREAK = "doc_id, sentence_index, event_id"
DOCUMENT_SORTS = ("published", "ingested_at", "title", "doc_id", "events", "mentions")
DOCUMENT_LIST_COLUMNS = ("doc_id", "run_id", "source", "url", "title", "byline", "site_name", "source_name",
                         "published", "date_source", "language", "attributions", "content_hash", "doc_key",
                         "dedup_group", "ingested_at")
# Columns of `documents` that are not for clients: the MinHash signature is bytes for near-duplicate search.
_DOCUMENT_HIDDEN = ("minhash",)
# The tables /api/health counts (those of `Store.counts`).
COUNTED_TABLES = ("documents", "events", "event_mentions", "sentences", "failures", "runs")


def plain(value: Any) -> Any:
    """A JSON-ready value: dates as ISO strings, NaN as None."""
    if isinstance(value, datetime):  # the store keeps UTC times without a zone
        return value.isoformat() + ("Z" if value.tzinfo is None else "")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def fetch_rows(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [{n: plain(v) for n, v in zip(names, row, strict=True)} for row in cursor.fetchall()]


def order_by(sort: str, allowed: Sequence[str], tiebreak: str) -> str:
    """SQL ORDER BY for a sort key such as "-event_date" (the key is checked against `allowed`)."""
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in allowed:
        raise ValueError(f"cannot sort by {key!r}")
    return f"{key} {'DESC' if descending else 'ASC'} NULLS LAST, {tiebreak}"


# --- events ------------------------------------------------------------------------------

@dataclass(frozen=True)
class EventFilter:
    """The filters of `tieline events`, plus the direction, QuadClass and document."""

    actor: str | None = None
    target: str | None = None
    direction: str = "out"  # "out": actor did it to target; "both": either way round
    since: date | None = None
    until: date | None = None
    code: str | None = None
    quad_class: tuple[int, ...] = field(default_factory=tuple)
    doc_id: str | None = None  # events that this document reports (as root mention or not)
    min_mentions: int | None = None
    min_sources: int | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        sides = self._sides(params)
        if sides:
            clauses.append(sides)
        if self.since:
            clauses.append("event_date >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("event_date <= ?")
            params.append(self.until)
        if self.code:
            clauses.append("event_code LIKE ?")
            params.append(self.code + "%")
        if self.quad_class:
            clauses.append("list_contains(?, quad_class)")
            params.append(list(self.quad_class))
        if self.doc_id:
            clauses.append("event_id IN (SELECT event_id FROM event_mentions WHERE doc_id = ?)")
            params.append(self.doc_id)
        if self.min_mentions:
            clauses.append("num_mentions >= ?")
            params.append(self.min_mentions)
        if self.min_sources:
            clauses.append("num_sources >= ?")
            params.append(self.min_sources)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def _sides(self, params: list[Any]) -> str:
        def match(side: int, value: str) -> str:
            params.extend([value.upper() + "%", value.upper()])
            return f"(actor{side}_code LIKE ? OR actor{side}_country_code = ?)"

        actor, target = self.actor, self.target
        if not actor and not target:
            return ""
        if self.direction != "both":
            parts = ([match(1, actor)] if actor else []) + ([match(2, target)] if target else [])
            return " AND ".join(parts)
        if actor and target:
            return f"(({match(1, actor)} AND {match(2, target)}) OR ({match(1, target)} AND {match(2, actor)}))"
        one = actor or target
        return f"({match(1, one)} OR {match(2, one)})"


def list_events(con: duckdb.DuckDBPyConnection, filters: EventFilter, *, sort: str = "-event_date",
                limit: int = 100, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(how many events match, one page of them with every stored column)."""
    where, params = filters.where()
    total = con.execute(f"SELECT count(*) FROM events{where}", params).fetchone()[0]
    if total == 0 or offset >= total:
        return total, []
    # Sort the keys first and fetch the whole rows of one page afterwards: sorting narrow rows
    # is several times faster than sorting every column of a large table.
    keys = con.execute(
        f"SELECT event_id FROM events{where} ORDER BY {order_by(sort, EVENT_SORTS, _EVENT_TIEBREAK)} "
        f"LIMIT {int(limit)} OFFSET {int(offset)}",
        params,
    ).fetchall()
    ids = [k[0] for k in keys]
    if not ids:
        return total, []
    con.execute(f"SELECT * FROM events WHERE event_id IN ({', '.join('?' * len(ids))})", ids)
    by_id = {row["event_id"]: row for row in fetch_rows(con)}
    return total, [by_id[i] for i in ids if i in by_id]


# --- one event and its evidence ----------------------------------------------------------

_DOCUMENT_FIELDS = ("doc_id", "url", "title", "byline", "site_name", "source_name", "published", "date_source",
                    "language", "attributions", "dedup_group", "text")
_SPANS = (("evidence", "evidence_start", "evidence_end"), ("event", "event_start", "event_end"),
          ("actor1", "actor1_start", "actor1_end"), ("actor2", "actor2_start", "actor2_end"))


def event_evidence(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """An event with everything that shows where it came from, or None if there is no such event.

    `mentions` lists each report of the (deduplicated) event, root mention first: the document,
    its URL and the sentence, with the character spans of the event phrase and both actors inside
    that sentence; `document` is the root mention's document.
    """
    con.execute("SELECT * FROM events WHERE event_id = ?", [event_id])
    rows = fetch_rows(con)
    if not rows:
        return None
    event = rows[0]
    con.execute("SELECT * FROM event_mentions WHERE event_id = ? ORDER BY mention_id = ? DESC, seq",
                [event_id, event.get("root_mention_id") or ""])
    reports = fetch_rows(con) or [event]
    doc_ids = list(dict.fromkeys(r["doc_id"] for r in reports))
    con.execute(f"SELECT {', '.join(_DOCUMENT_FIELDS)} FROM documents WHERE doc_id IN (SELECT unnest(?))", [doc_ids])
    documents = {d["doc_id"]: d for d in fetch_rows(con)}
    for document in documents.values():
        document["attributions"] = _json_list(document.get("attributions"))
    root = event.get("root_mention_id") or event["event_id"]
    mentions = [_mention(report, documents.get(report["doc_id"]), root) for report in reports]
    return {
        "event": event,
        "document": documents.get(event["doc_id"]),
        "mentions": mentions,
        "sentences": list(dict.fromkeys(m["sentence"] for m in mentions)),
        "urls": list(dict.fromkeys(m["url"] for m in mentions if m["url"])),
    }


def _mention(event: dict[str, Any], document: dict[str, Any] | None, root_mention_id: str) -> dict[str, Any]:
    sentence = event["sentence"]
    start = event.get("sentence_start")
    text = document.get("text") if document else None
    # Spans are offsets into the article text; inside the sentence they are shifted by its start.
    spans = {}
    if start is not None and start >= 0:
        for name, s_key, e_key in _SPANS:
            s, e = event.get(s_key), event.get(e_key)
            if s is not None and e is not None and 0 <= s - start <= e - start <= len(sentence):
                spans[name] = [s - start, e - start]
    return {
        "mention_id": event.get("mention_id") or event["event_id"],
        "root": (event.get("mention_id") or event["event_id"]) == root_mention_id,
        "doc_id": event["doc_id"],
        "url": event.get("source_url") or (document.get("url") if document else None),
        "source_name": event.get("source_name") or (document.get("source_name") if document else None),
        "title": document.get("title") if document else None,
        "published": document.get("published") if document else None,
        "site_name": document.get("site_name") if document else None,
        "event_code": event.get("event_code"),
        "event_date": event.get("event_date"),
        "in_lead": event.get("in_lead"),
        "sentence": sentence,
        "sentence_index": event.get("sentence_index"),
        "sentence_start": start,
        "spans": spans,
        "paragraph": _paragraph(text, start) if text is not None and start is not None else None,
    }


def _paragraph(text: str, offset: int) -> str | None:
    """The paragraph of `text` (blank-line separated) that holds character `offset`."""
    if not 0 <= offset < len(text):
        return None
    begin = text.rfind("\n\n", 0, offset)
    end = text.find("\n\n", offset)
    return text[0 if begin < 0 else begin + 2 : len(text) if end < 0 else end].strip()


def _json_list(value: Any) -> list:
    if isinstance(value, list):
        return value
    try:
        parsed = json.loads(value) if value else []
    except (TypeError, ValueError):
        return [str(value)]
    return parsed if isinstance(parsed, list) else [parsed]


def _json_object(value: Any) -> dict:
    try:
        parsed = json.loads(value) if value else {}
    except (TypeError, ValueError):
        return {}
    return parsed if isinstance(parsed, dict) else {}


# --- documents ---------------------------------------------------------------------------

@dataclass(frozen=True)
class DocumentFilter:
    q: str | None = None  # words in the title or URL
    since: date | None = None  # published on or after
    until: date | None = None
    site: str | None = None  # the site's name, or its host (source_name)
    run_id: str | None = None
    dedup_group: str | None = None  # the near-duplicate story group

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.q:
            clauses.append("(title ILIKE ? ESCAPE '\\' OR url ILIKE ? ESCAPE '\\' OR doc_id ILIKE ? ESCAPE '\\')")
            pattern = "%" + _escape_like(self.q) + "%"
            params += [pattern, pattern, pattern]
        if self.since:
            clauses.append("published >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("published <= ?")
            params.append(self.until)
        if self.site:
            clauses.append("(site_name = ? OR source_name = ?)")
            params += [self.site, self.site]
        if self.run_id:
            clauses.append("run_id = ?")
            params.append(self.run_id)
        if self.dedup_group:
            clauses.append("dedup_group = ?")
            params.append(self.dedup_group)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def list_documents(con: duckdb.DuckDBPyConnection, filters: DocumentFilter, *, sort: str = "-published",
                   limit: int = 100, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(how many documents match, one page of them without their text, with how many events they
    report and how many mentions of events were coded from them)."""
    where, params = filters.where()
    total = con.execute(f"SELECT count(*) FROM documents{where}", params).fetchone()[0]
    con.execute(
        f"""WITH d AS (SELECT {', '.join(DOCUMENT_LIST_COLUMNS)}, length(text) AS characters FROM documents{where}),
                 n AS (SELECT doc_id, count(DISTINCT event_id) AS events, count(*) AS mentions FROM event_mentions
                       WHERE doc_id IN (SELECT doc_id FROM d) GROUP BY doc_id)
            SELECT d.*, coalesce(n.events, 0) AS events, coalesce(n.mentions, 0) AS mentions
            FROM d LEFT JOIN n USING (doc_id)
            ORDER BY {order_by(sort, DOCUMENT_SORTS, 'doc_id')}
            LIMIT {int(limit)} OFFSET {int(offset)}""",
        params,
    )
    rows = fetch_rows(con)
    for row in rows:
        row["attributions"] = _json_list(row.get("attributions"))
    return total, rows


_BRIEF_MENTION_COLUMNS = ("mention_id", "event_date", "actor1_code", "actor1_country_code", "event_code",
                          "actor2_code", "actor2_country_code", "quad_class", "goldstein_scale", "event_text",
                          "sentence", "sentence_index")


def document_events(con: duckdb.DuckDBPyConnection, doc_id: str) -> list[dict[str, Any]]:
    """The events a document reports, one row each, in the order of its sentences: the fields of the
    document's own (first) mention of the event, with how often the event was reported in all and
    the document of its first report (`root_doc_id`)."""
    con.execute(
        f"""SELECT m.event_id, {', '.join('m.' + c for c in _BRIEF_MENTION_COLUMNS)},
                   e.num_mentions, e.num_sources, e.num_articles, e.doc_id AS root_doc_id
            FROM event_mentions m JOIN events e ON e.event_id = m.event_id
            WHERE m.doc_id = ?
            QUALIFY row_number() OVER (PARTITION BY m.event_id ORDER BY m.seq) = 1
            ORDER BY m.sentence_index NULLS LAST, m.seq""",
        [doc_id],
    )
    return fetch_rows(con)


def get_document(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
    """A document with its text, its paragraphs in other languages and the events it reports, or None."""
    con.execute(f"SELECT * EXCLUDE ({', '.join(_DOCUMENT_HIDDEN)}) FROM documents WHERE doc_id = ?", [doc_id])
    rows = fetch_rows(con)
    if not rows:
        return None
    document = rows[0]
    document["attributions"] = _json_list(document.get("attributions"))
    con.execute("SELECT position, language, confidence, text FROM document_paragraphs WHERE doc_id = ? "
                "ORDER BY position", [doc_id])
    document["other_paragraphs"] = fetch_rows(con)
    document["events"] = document_events(con, doc_id)
    return document


def stored_document_id(con: duckdb.DuckDBPyConnection, key: str, run_id: str | None = None) -> str | None:
    """The id of the stored document with identity `key`, else of a document stored by `run_id`."""
    row = con.execute("SELECT doc_id FROM documents WHERE doc_key = ? ORDER BY ingested_at LIMIT 1", [key]).fetchone()
    if row is None and run_id:
        row = con.execute("SELECT doc_id FROM documents WHERE run_id = ? ORDER BY ingested_at, doc_id LIMIT 1",
                          [run_id]).fetchone()
    return row[0] if row else None


# --- runs and failures -------------------------------------------------------------------

def list_runs(con: duckdb.DuckDBPyConnection, *, status: str | None = None, limit: int = 100,
              offset: int = 0) -> tuple[int, list[dict]]:
    """(how many runs, one page of them, newest first, with their counts and failures)."""
    where, params = (" WHERE status = ?", [status]) if status else ("", [])
    total = con.execute(f"SELECT count(*) FROM runs{where}", params).fetchone()[0]
    con.execute(
        f"""SELECT r.*, coalesce(f.failures, 0) AS failures
            FROM (SELECT * FROM runs{where}) r
            LEFT JOIN (SELECT run_id, count(*) AS failures FROM failures GROUP BY run_id) f USING (run_id)
            ORDER BY started_at DESC, run_id LIMIT {int(limit)} OFFSET {int(offset)}""",
        params,
    )
    return total, [_run(row) for row in fetch_rows(con)]


def get_run(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, Any] | None:
    con.execute(
        """SELECT r.*, (SELECT count(*) FROM failures f WHERE f.run_id = r.run_id) AS failures
           FROM runs r WHERE run_id = ?""",
        [run_id],
    )
    rows = fetch_rows(con)
    if not rows:
        return None
    run = _run(rows[0])
    con.execute("SELECT reason, count(*) AS n FROM failures WHERE run_id = ? GROUP BY reason ORDER BY n DESC, reason",
                [run_id])
    run["failure_reasons"] = {r["reason"]: r["n"] for r in fetch_rows(con)}
    one = lambda sql: con.execute(sql, [run_id]).fetchone()[0]  # noqa: E731
    run["documents"] = one("SELECT count(*) FROM documents WHERE run_id = ?")
    run["events"] = one("SELECT count(*) FROM events WHERE run_id = ?")
    run["mentions"] = one("SELECT count(*) FROM event_mentions WHERE run_id = ?")
    return run


def _run(row: dict[str, Any]) -> dict[str, Any]:
    row["inputs"] = [str(i) for i in _json_list(row.get("inputs"))]
    row["counts"] = _json_object(row.get("counts"))
    row["dictionaries"] = _json_object(row.get("dictionaries"))
    return row


def list_failures(con: duckdb.DuckDBPyConnection, *, run_id: str | None = None, reason: str | None = None,
                  limit: int = 100, offset: int = 0) -> tuple[int, list[dict]]:
    clauses, params = [], []
    if run_id:
        clauses.append("run_id = ?")
        params.append(run_id)
    if reason:
        clauses.append("reason = ?")
        params.append(reason)
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    total = con.execute(f"SELECT count(*) FROM failures{where}", params).fetchone()[0]
    con.execute(f"SELECT * FROM failures{where} ORDER BY failed_at DESC, source LIMIT {int(limit)} OFFSET {int(offset)}",
                params)
    return total, fetch_rows(con)


# --- countries and totals ----------------------------------------------------------------

def list_countries(con: duckdb.DuckDBPyConnection, names: dict[str, str], *, since: date | None = None,
                   until: date | None = None) -> list[dict[str, Any]]:
    """Every country named in an event (either side), with its events and partners, most events first."""
    con.execute(
        """WITH ev AS (
               SELECT actor1_country_code AS a, actor2_country_code AS b FROM events
               WHERE ($since IS NULL OR event_date >= $since) AND ($until IS NULL OR event_date <= $until)
           ), sides AS (
               SELECT a AS code, b AS other FROM ev WHERE a IS NOT NULL
               UNION ALL SELECT b AS code, a AS other FROM ev WHERE b IS NOT NULL AND b IS DISTINCT FROM a
           )
           SELECT code, count(*) AS events,
                  count(DISTINCT other) FILTER (WHERE other IS NOT NULL AND other <> code) AS partners
           FROM sides GROUP BY code ORDER BY events DESC, code""",
        {"since": since, "until": until},
    )
    rows = fetch_rows(con)
    for row in rows:
        row["name"] = names.get(row["code"])
    return rows


def totals(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED_TABLES}
    first, last = con.execute("SELECT min(event_date), max(event_date) FROM events").fetchone()
    version = con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]
    return {**counts, "first_event": plain(first), "last_event": plain(last), "schema_version": version}
