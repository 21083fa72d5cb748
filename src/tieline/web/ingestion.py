"""Coding and storing a document that arrived over HTTP, through `tieline.api.ingest`.

The document is written as one line of a JSON-lines file in a fresh temporary folder and handed
to `api.ingest`, so that a posted document goes through exactly the reading, cleaning, coding and
storing that `tieline ingest` uses (and whatever those stages learn later).
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
from ..store import Store
from .queries import fetch_rows


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


def ingest_document(doc: IncomingDocument, db: str, coder: Coder) -> dict[str, Any]:
    """Code and store one document; returns what happened, as the API reports it."""
    doc_id = doc.resolved_id()
    record = {"id": doc_id, "html" if doc.media_type == "text/html" else "text": doc.content}
    if doc.url:
        record["url"] = doc.url
    if doc.title:
        record["title"] = doc.title
    if doc.published:
        record["published"] = doc.published.isoformat()
    with tempfile.TemporaryDirectory(prefix="tieline-web-") as folder:
        path = Path(folder) / f"web-{_file_name(doc_id)}.jsonl"
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        report = api.ingest([path], db=db, coder=coder)
    with Store(db, read_only=True) as store:
        store.con.execute(
            "SELECT event_id, event_date, actor1_code, actor1_country_code, event_code, actor2_code, "
            "actor2_country_code, quad_class, goldstein_scale, event_text, sentence, sentence_index "
            "FROM events WHERE doc_id = ? ORDER BY sentence_index, event_id",
            [doc_id],
        )
        events = fetch_rows(store.con)
    return {
        "run_id": report.run_id,
        "doc_id": doc_id,
        "documents_read": report.documents_read,
        "documents_stored": report.documents_stored,
        "already_stored": report.already_stored,
        "failed": report.failed,
        "events_coded": report.events_coded,
        "failures": [{"source": f.source, "stage": f.stage, "reason": f.reason, "message": f.message}
                     for f in report.stats.failures],
        "events": events,
    }


def _file_name(doc_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", doc_id)[:80] or "document"
