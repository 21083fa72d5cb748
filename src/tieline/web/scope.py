"""What an analysis request looks at: the event types it keeps and the window it covers.

The analysis functions read the `events` table of the connection they are given. To analyse only
some event types, a request's own cursor gets a temporary view named `events` that shadows the
stored table with the chosen QuadClasses and CAMEO code prefix; nothing is written to the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import duckdb

from ..analysis.periods import period_grid
from ..analysis.source import DYADIC, background_floor, date_range
from ..errors import ConfigError


def restrict_events(con: duckdb.DuckDBPyConnection, quad_class: Sequence[int] = (), code: str | None = None) -> None:
    """Let `events` on this cursor show only events of these QuadClasses and this code prefix."""
    clauses = []
    if quad_class:
        classes = sorted({int(q) for q in quad_class})
        clauses.append(f"quad_class IN ({', '.join(str(q) for q in classes)})")
    if code:
        if not code.isdigit():
            raise ConfigError(f"'{code}' is not a CAMEO code prefix; use digits such as 04 or 163.")
        clauses.append(f"event_code LIKE '{code}%'")
    if not clauses:
        return
    catalog = con.execute("SELECT current_database()").fetchone()[0].replace('"', '""')
    con.execute(f'CREATE OR REPLACE TEMP VIEW events AS SELECT * FROM "{catalog}".main.events '
                f"WHERE {' AND '.join(clauses)}")


def clamp_window(con: duckdb.DuckDBPyConnection, since: date | None, until: date | None,
                 by: str, max_periods: int) -> tuple[date | None, date | None, str | None]:
    """`since`..`until` narrowed to the dates the store has events for, so that a window asked for
    as 0001-01-01..9999-12-31 does not become millions of empty periods. A window that still holds
    more than `max_periods` periods of `by` keeps its most recent `max_periods`, and the note says so."""
    first, last, first_news = con.execute(
        "SELECT min(event_date), max(event_date), "
        "min(event_date) FILTER (WHERE $floor IS NULL OR event_date >= $floor) FROM events",
        {"floor": background_floor(con)}).fetchone()
    if first is None:
        start, end = since, until  # nothing stored of these types: the series is the asked window, all zeros
        if start is None or end is None:
            return since, until, None
    else:
        since = max(since, first) if since else None
        until = min(until, last) if until else None
        start, end = since or first_news or first, until or last
    if start <= end and (end - start).days / _AVERAGE_DAYS[by] > max_periods + 1:
        since = end - timedelta(days=int(max_periods * _AVERAGE_DAYS[by]))
        return since, until, (f"The window was shortened to its last {max_periods:,} periods ({since}..{end} by {by}); "
                              f"use a coarser `by` or a shorter window to see more.")
    return since, until, None


_AVERAGE_DAYS = {"day": 1.0, "week": 7.0, "month": 30.44, "quarter": 91.3, "year": 365.25}


# Shifts are searched with PELT, whose cost grows with the square of a series' length: a search is
# made only while (number of series) × (periods)² stays under this budget (a few seconds on 2 cores).
SHIFT_BUDGET = 500_000


def shift_search_note(series: int, periods: int, by: str) -> str | None:
    """None when shifts may be searched in `series` series of `periods` periods, else why not."""
    if series * periods * periods <= SHIFT_BUDGET:
        return None
    return (f"Shifts were not searched: {series} series of {periods} periods ({by}) is more than the server "
            f"searches per request; use a coarser `by` or a shorter window.")


def partners_and_periods(con: duckdb.DuckDBPyConnection, focus: str, since: date | None, until: date | None,
                         by: str) -> tuple[int, int]:
    """How many partners `focus` has in the window, and how many `by` periods the window spans."""
    first, last = date_range(con, [focus], since, until)
    if first is None or last is None or first > last:
        return 0, 0
    partners = con.execute(
        f"""SELECT count(DISTINCT CASE WHEN actor1_country_code = $focus THEN actor2_country_code
                                       ELSE actor1_country_code END)
            FROM events WHERE {DYADIC} AND event_date BETWEEN $since AND $until
              AND (actor1_country_code = $focus OR actor2_country_code = $focus)""",
        {"focus": focus, "since": first, "until": last},
    ).fetchone()[0]
    return partners, len(period_grid(first, last, by))
