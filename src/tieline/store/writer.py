"""Writing one batch of coded articles: documents, sentences, mentions and deduplicated events,
with the run's failures and counts, in a single transaction.

A batch is all or nothing, so a process killed at any moment leaves each document either
stored with everything that belongs to it or not stored at all.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pyarrow as pa

from ..ingest.neardup import Signature, signature_of
from ..models import EVENT_FIELDS, Article, Event, Failure
from .dedup import DedupRule, EventGrouper, MentionKey

if TYPE_CHECKING:
    import duckdb

_MENTION_EXTRA = ("mention_id", "event_id", "seq", "run_id", "source_name", "in_lead", "doc_len", "added_at")
_EVENT_EXTRA = ("num_mentions", "num_sources", "num_articles", "root_mention_id", "is_root_event", "date_added", "dedup")
_DOC_COLUMNS = (
    "doc_id", "run_id", "source", "url", "title", "byline", "site_name", "published", "date_source",
    "language", "attributions", "text", "content_hash", "ingested_at", "dedup_group", "source_name", "minhash",
)


@dataclass
class BatchResult:
    documents: int = 0
    mentions: int = 0
    new_events: int = 0
    merged_mentions: int = 0  # mentions that joined an event seen before
    rejected: list[Failure] = field(default_factory=list)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def source_name_of(url: str | None, site_name: str | None) -> str | None:
    """GDELT's MentionSourceName: the web site (host without "www."), else the site's name."""
    if url:
        try:
            host = urlsplit(url).hostname
        except ValueError:
            host = None
        if host:
            return host[4:] if host.startswith("www.") else host
    return site_name or None


def lead_end(text: str) -> int:
    """Where the article's first paragraph ends."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n\n", start)
    return len(text) if end < 0 else end


def _date(value: Any) -> date | None:
    if not value:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _mention_id(event: Event, index: int) -> str:
    if event.event_id:
        return event.event_id
    key = f"{event.doc_id}|{index}|{event.sentence_start}|{event.actor1_code}|{event.actor2_code}|{event.event_code}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


class BatchWriter:
    def __init__(self, con: duckdb.DuckDBPyConnection, columns: dict[str, list[str]]):
        self.con = con
        self.mention_fields = [f for f in EVENT_FIELDS if f != "event_id" and f in columns["event_mentions"]]
        self.event_fields = [f for f in EVENT_FIELDS if f != "event_id" and f in columns["events"]]
        # Written when the schema has them (the document identity and paragraphs of migration 002).
        self.doc_columns = _DOC_COLUMNS + (("doc_key",) if "doc_key" in columns["documents"] else ())
        self.paragraphs = bool(columns["document_paragraphs"])

    def write(self, run_id: str, coded: Sequence[tuple[Article, list[Event]]], rule: DedupRule, now: datetime,
              signatures: dict[str, Signature | None], failures: Sequence[Failure], counts: dict | None) -> BatchResult:
        """Everything in one transaction; the caller rolls back on error."""
        result = BatchResult(documents=len(coded))
        docs, bands, sentences, mentions = self._rows(run_id, coded, now, signatures)
        self._insert("documents", self.doc_columns, docs)
        if self.paragraphs:
            self._insert("document_paragraphs", ("doc_id", "position", "language", "confidence", "text"),
                         [(a.doc_id, p.position, p.language, p.confidence, p.text)
                          for a, _ in coded for p in getattr(a, "other_paragraphs", ())])
        self._insert("document_bands", ("band_key", "doc_id"), bands)
        self._insert("sentences", ("doc_id", "sentence_index", "start_char", "end_char", "text"), sentences)
        events, touched = self._assign(mentions, rule, now, run_id)
        mention_columns = (*_MENTION_EXTRA, *self.mention_fields)
        self._insert("event_mentions", mention_columns, [tuple(m[c] for c in mention_columns) for m in mentions])
        event_columns = ("event_id", "global_event_id", "run_id", *self.event_fields, *_EVENT_EXTRA)
        self._insert("events", event_columns, [tuple(e[c] for c in event_columns) for e in events])
        if touched:
            self.con.execute(
                "UPDATE events SET num_mentions = s.n, num_articles = s.a, num_sources = s.s FROM ("
                "  SELECT event_id, count(*) AS n, count(DISTINCT doc_id) AS a,"
                "         count(DISTINCT coalesce(source_name, 'doc:' || doc_id)) AS s"
                "  FROM event_mentions WHERE event_id IN (SELECT unnest(?)) GROUP BY event_id) AS s "
                "WHERE events.event_id = s.event_id",
                [sorted(touched)],
            )
        write_failures(self.con, run_id, failures, now)
        if counts is not None:
            self.con.execute("UPDATE runs SET counts = ?, updated_at = ? WHERE run_id = ?",
                             [json.dumps(counts, sort_keys=True), now, run_id])
        result.mentions = len(mentions)
        result.new_events = len(events)
        result.merged_mentions = len(mentions) - sum(1 for m in mentions if m["event_id"] == m["mention_id"])
        return result

    # --- rows ----------------------------------------------------------------------------

    def _rows(self, run_id, coded, now, signatures):
        docs, bands, sentences, mentions = [], [], {}, []
        seen_mentions: set[str] = set()
        for article, events in coded:
            sig = signatures[article.doc_id] if article.doc_id in signatures else signature_of(article.text)
            source_name = source_name_of(article.url, article.site_name)
            docs.append((
                article.doc_id, run_id, article.source, article.url, article.title, article.byline, article.site_name,
                article.published, article.date_source, article.language, json.dumps(article.attributions),
                article.text, content_hash(article.text), now, article.dedup_group or article.doc_id, source_name,
                sig.to_bytes() if sig is not None else None,
            ) + ((getattr(article, "doc_key", None),) if len(self.doc_columns) > len(_DOC_COLUMNS) else ()))
            if sig is not None:
                bands.extend((key, article.doc_id) for key in sig.band_keys)
            lead = lead_end(article.text)
            for index, event in enumerate(events):
                mention_id = _mention_id(event, index)
                if mention_id in seen_mentions:
                    continue  # the coder reported the same reading twice
                seen_mentions.add(mention_id)
                row = {f: getattr(event, f) for f in self.mention_fields}
                row["doc_id"] = article.doc_id
                row["event_date"] = _date(row.get("event_date"))
                row.update(mention_id=mention_id, run_id=run_id, source_name=source_name, added_at=now,
                           in_lead=0 <= event.sentence_start < lead, doc_len=len(article.text),
                           story=article.dedup_group or article.doc_id)
                mentions.append(row)
                if event.sentence_index >= 0:
                    sentences.setdefault((article.doc_id, event.sentence_index), (
                        article.doc_id, event.sentence_index, event.sentence_start,
                        event.sentence_start + len(event.sentence), event.sentence))
        return docs, bands, list(sentences.values()), mentions

    # --- deduplication -------------------------------------------------------------------

    def _assign(self, mentions: list[dict], rule: DedupRule, now: datetime, run_id: str):
        """Give every mention its event; returns the new events' rows and the ids of stored events
        that gained mentions."""
        seq = self.con.execute("SELECT coalesce(max(seq), 0) FROM event_mentions").fetchone()[0]
        order = self.con.execute("SELECT coalesce(max(global_event_id), 0) FROM events").fetchone()[0]
        grouper = EventGrouper(rule, self._known(mentions, rule))
        new: dict[str, dict] = {}
        members: dict[str, list[dict]] = defaultdict(list)
        touched: set[str] = set()
        for row in mentions:
            seq += 1
            row["seq"] = seq
            key = MentionKey(row["mention_id"], row["actor1_code"], row.get("actor2_code"), row["event_code"],
                             row["event_date"], row["story"], row.get("sentence") or "")
            hit = grouper.match(key)
            if hit is None:
                order += 1
                key.event_id, key.event_order = row["mention_id"], order
                new[key.event_id] = dict(row, event_id=key.event_id, global_event_id=order, root_mention_id=row["mention_id"],
                                         is_root_event=row["in_lead"], date_added=now, dedup=rule.name)
            else:
                key.event_id, key.event_order = hit.event_id, hit.event_order
                if key.event_id not in new:
                    touched.add(key.event_id)
            row["event_id"] = key.event_id
            grouper.add(key)
            members[key.event_id].append(row)
        for event_id, event in new.items():
            rows = members[event_id]
            event["num_mentions"] = len(rows)
            event["num_articles"] = len({r["doc_id"] for r in rows})
            event["num_sources"] = len({r["source_name"] or f"doc:{r['doc_id']}" for r in rows})
            event["run_id"] = run_id
        return list(new.values()), touched

    def _known(self, mentions: list[dict], rule: DedupRule) -> list[MentionKey]:
        """Stored mentions that could report the same events as `mentions`."""
        if not rule.merge or not mentions:
            return []
        blocks = sorted({f"{m['actor1_code']}|{m.get('actor2_code') or ''}|{m['event_code'][:2]}" for m in mentions})
        dates = [m["event_date"] for m in mentions if m["event_date"] is not None]
        low = min(dates).toordinal() - rule.window_days if dates else None
        high = max(dates).toordinal() + rule.window_days if dates else None
        rows = self.con.execute(
            "SELECT m.mention_id, m.event_id, e.global_event_id, m.actor1_code, m.actor2_code, m.event_code, "
            "       m.event_date, coalesce(d.dedup_group, m.doc_id), m.sentence "
            "FROM event_mentions m JOIN events e ON e.event_id = m.event_id "
            "LEFT JOIN documents d ON d.doc_id = m.doc_id "
            "WHERE list_contains(?, m.actor1_code || '|' || coalesce(m.actor2_code, '') || '|' || substr(m.event_code, 1, 2)) "
            "  AND (m.event_date IS NULL OR m.event_date BETWEEN ? AND ?)",
            [blocks, date.fromordinal(low) if low else None, date.fromordinal(high) if high else None],
        ).fetchall()
        return [
            MentionKey(mid, a1, a2, code, _date(day), story, sentence or "", event_id=eid, event_order=order)
            for mid, eid, order, a1, a2, code, day, story, sentence in rows
        ]

    def _insert(self, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
        """Insert rows through an Arrow table, far faster than one INSERT per row. DuckDB finds
        `batch_rows` in this frame by its name (a replacement scan)."""
        if not rows:
            return
        batch_rows = pa.table({c: pa.array([r[i] for r in rows]) for i, c in enumerate(columns)})  # noqa: F841
        names = ", ".join(columns)
        self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM batch_rows")

def write_failures(con, run_id: str, failures: Sequence[Failure], now: datetime) -> None:
    if failures:
        con.executemany(
            "INSERT INTO failures (run_id, source, stage, reason, message, doc_id, failed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(run_id, f.source, f.stage, f.reason, f.message, f.doc_id, now) for f in failures],
        )
