"""Where the analysis reads events from: an open `Store`, the path of a store file, or a DuckDB
connection that has an `events` table with the store's column names.

Every analysis function reads the `events` table, which holds deduplicated events. The columns it
needs: actor1_country_code, actor2_country_code, event_date, quad_class, goldstein_scale,
event_code, event_root_code, sentence, doc_id, event_id, source_url.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
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


def date_range(con: duckdb.DuckDBPyConnection, codes: list[str], since: date | None,
               until: date | None) -> tuple[date | None, date | None]:
    """The window to analyse: `since`..`until`, each defaulting to the first/last event of these countries."""
    if since is not None and until is not None:
        return since, until
    first, last = con.execute(
        f"SELECT min(event_date), max(event_date) FROM events WHERE event_date IS NOT NULL AND {involving('$codes')}"
        " AND ($since IS NULL OR event_date >= $since) AND ($until IS NULL OR event_date <= $until)",
        {"codes": codes, "since": since, "until": until},
    ).fetchone()
    return since or first, until or last
