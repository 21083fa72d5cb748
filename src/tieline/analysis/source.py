"""Where the analysis reads events from: an open `Store`, the path of a store file, or a DuckDB
connection that has an `events` table with the store's column names.

Every analysis function reads the `events` table, which holds deduplicated events. The columns it
needs: actor1_country_code, actor2_country_code, event_date, quad_class, goldstein_scale,
event_code, event_root_code, sentence, doc_id, event_id, source_url.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import duckdb

from ..store import Store

StoreLike = Store | str | Path | duckdb.DuckDBPyConnection


@contextmanager
def connection(store: StoreLike) -> Iterator[duckdb.DuckDBPyConnection]:
    """The DuckDB connection of `store`; a path is opened read-only and closed afterwards."""
    if isinstance(store, duckdb.DuckDBPyConnection):
        yield store
        return
    if isinstance(store, Store):
        yield store.con
        return
    with Store(store, read_only=True) as opened:
        yield opened.con


# Events that join two different countries (domestic events and events without a target are not dyadic).
DYADIC = (
    "actor1_country_code IS NOT NULL AND actor2_country_code IS NOT NULL "
    "AND actor1_country_code <> actor2_country_code AND event_date IS NOT NULL"
)


def involving(codes_param: str) -> str:
    """SQL: the event names at least one of the countries in the list parameter `codes_param`."""
    return (f"(coalesce(list_contains({codes_param}, actor1_country_code), false) "
            f"OR coalesce(list_contains({codes_param}, actor2_country_code), false))")


# News dates some events long before it was written ("established relations in 1960"). A window
# that is not given reaches back at most this far before the earliest article that reported an event.
BACKGROUND = timedelta(days=365)


def background_floor(con: duckdb.DuckDBPyConnection) -> date | None:
    """The first day a default window covers: a year before the earliest article that reported an
    event; None when the connection has no documents (a bare events table)."""
    try:
        (first_published,) = con.execute(
            "SELECT min(d.published) FROM documents d WHERE d.published IS NOT NULL "
            "AND EXISTS (SELECT 1 FROM event_mentions m WHERE m.doc_id = d.doc_id)"
        ).fetchone()
    except duckdb.CatalogException:
        return None
    return first_published - BACKGROUND if first_published else None


def date_range(con: duckdb.DuckDBPyConnection, codes: list[str], since: date | None,
               until: date | None) -> tuple[date | None, date | None]:
    """The window to analyse: `since`..`until`, each defaulting to the first/last event of these
    countries; without `since`, events dated more than a year before the earliest article that
    reported anything (background) are left out."""
    if since is not None and until is not None:
        return since, until
    floor = background_floor(con) if since is None else None
    first, last = con.execute(
        f"SELECT min(event_date), max(event_date) FROM events WHERE event_date IS NOT NULL AND {involving('$codes')}"
        " AND ($since IS NULL OR event_date >= $since) AND ($until IS NULL OR event_date <= $until)"
        " AND ($floor IS NULL OR event_date >= $floor)",
        {"codes": codes, "since": since, "until": until, "floor": floor},
    ).fetchone()
    return since or first, until or last
