"""Streaming the filtered events (and their mentions) out of a store, a few thousand rows at a time."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..store import EventFilter, Store

EXPORT_ORDER = "global_event_id"
_DOC_FIELDS = "d.url AS doc_url, d.source AS doc_source, d.title AS doc_title, d.language AS doc_language, " \
              "d.site_name AS doc_site_name, d.source_name AS doc_source_name"


def _stream(store: Store, sql: str, params: list, batch: int = 2000) -> Iterator[dict[str, Any]]:
    cursor = store.con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    while rows := cursor.fetchmany(batch):
        for row in rows:
            yield dict(zip(names, row, strict=True))


def events_sql(filters: EventFilter) -> tuple[str, list]:
    """The filtered events, oldest first, as a query (for COPY and for streaming)."""
    return filters.select_events(EXPORT_ORDER, "* EXCLUDE (run_id)")


def event_rows(store: Store, filters: EventFilter) -> Iterator[dict[str, Any]]:
    """Each filtered event with its root document's URL, source, title and language."""
    inner, params = events_sql(filters)
    sql = (f"SELECT e.*, {_DOC_FIELDS} FROM ({inner}) AS e LEFT JOIN documents d ON d.doc_id = e.doc_id "
           f"ORDER BY e.{EXPORT_ORDER}")
    return _stream(store, sql, params)


def mention_rows(store: Store, filters: EventFilter) -> Iterator[dict[str, Any]]:
    """Every mention of the filtered events, with its event's global id and time added."""
    inner, params = filters.select_events(EXPORT_ORDER, "event_id, global_event_id, date_added")
    sql = (f"SELECT m.*, e.global_event_id, e.date_added AS event_date_added, {_DOC_FIELDS} "
           f"FROM ({inner}) AS e JOIN event_mentions m ON m.event_id = e.event_id "
           f"LEFT JOIN documents d ON d.doc_id = m.doc_id ORDER BY e.{EXPORT_ORDER}, m.seq")
    return _stream(store, sql, params)
