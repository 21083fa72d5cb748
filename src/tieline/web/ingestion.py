"""Coding and storing a document that arrived over HTTP, through `tieline.api.ingest`.

The document is written as one line of a JSON-lines file in a fresh temporary folder and handed
to `api.ingest`, so that a posted document goes through exactly the reading, identity check,
cleaning, coding, deduplication and storing that `tieline ingest` uses (and whatever those
stages learn later). A document is the same as a stored one when it has the same key: its
normalised URL, or without a URL the hash of its content (`tieline.ingest.identity`).
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .. import api
from ..coding.base import Coder
from ..ingest import IngestOptions, document_key
from ..ingest.sources import DEFAULT_MAX_BYTES, record_document
from ..pipeline import RunStats
from ..store import DEFAULT_DEDUP, Store
from .queries import document_events, stored_document_id


@dataclass(frozen=True)
class IncomingDocument:
    content: str
    media_type: str  # text/plain or text/html
    doc_id: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None

    def resolved_id(self) -> str:
        if self.doc_id:
            return self.doc_id
        if self.url:
            return self.url
        return "post-" + hashlib.sha256(self.content.encode("utf-8")).hexdigest()[:16]

    def record(self) -> dict[str, Any]:
        """The document as a JSON-lines record of `tieline ingest`."""
        record: dict[str, Any] = {"id": self.resolved_id(),
                                  "html" if self.media_type == "text/html" else "text": self.content}
        if self.url:
            record["url"] = self.url
        if self.title:
            record["title"] = self.title
        if self.published:
            record["published"] = self.published.isoformat()
        return record


def ingest_document(doc: IncomingDocument, db: str, coder: Coder, dedup: str = DEFAULT_DEDUP) -> dict[str, Any]:
    """Code and store one document; returns what happened, as the API reports it."""
    record = doc.record()
    line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    # The request's size is limited by the server; the reader's per-document cap must not cut it again.
    options = IngestOptions(max_bytes=max(DEFAULT_MAX_BYTES, len(line) + 1))
    with tempfile.TemporaryDirectory(prefix="tieline-web-") as folder:
        path = Path(folder) / f"web-{_file_name(record['id'])}.jsonl"
        path.write_bytes(line)
        report = api.ingest([path], db=db, coder=coder, options=options, dedup=dedup)
    with Store(db, read_only=True) as store:
        doc_id = stored_document_id(store.con, _key(record), report.run_id)
        events = document_events(store.con, doc_id) if doc_id else []
    return {
        "run_id": report.run_id,
        "doc_id": doc_id or record["id"],
        "dedup": report.dedup,
        "documents_read": report.documents_read,
        "documents_stored": report.documents_stored,
        "already_stored": report.already_stored,
        "failed": report.failed,
        "events_coded": report.events_coded,
        "events_new": report.new_events,
        "mentions_merged": report.merged_mentions,
        "failures": [{"source": f.source, "stage": f.stage, "reason": f.reason, "message": f.message}
                     for f in report.stats.failures],
        "events": events,
    }


def _key(record: dict[str, Any]) -> str:
    """The identity `tieline ingest` gives this record (read by the same function it reads it with)."""
    document = record_document(record, "web", record["id"], None, RunStats())
    if document is None:  # no text: nothing was stored under any key
        return ""
    return document_key(document)


def _file_name(doc_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", doc_id)[:80] or "document"
