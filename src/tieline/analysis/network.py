"""The network of relations in a window: one edge per directed country pair, with its totals."""

from __future__ import annotations

from datetime import date

import pandas as pd

from .dyads import COUNTS_SELECT, QUAD_COLUMNS
from .periods import to_date
from .source import DYADIC, StoreLike, connection

NETWORK_COLUMNS = ("source", "target", "events", *QUAD_COLUMNS, "goldstein_sum", "goldstein_mean", "coop_share")

_NETWORK_SQL = """
SELECT actor1_country_code AS source, actor2_country_code AS target, {counts}
FROM events
WHERE {dyadic}
  AND ($since IS NULL OR event_date >= $since) AND ($until IS NULL OR event_date <= $until)
GROUP BY ALL
HAVING count(*) >= $min_events
ORDER BY events DESC, source, target
"""


def network(store: StoreLike, *, since: str | date | None = None, until: str | date | None = None,
            min_events: int = 1) -> pd.DataFrame:
    """Directed edges between countries from `since` to `until`; columns NETWORK_COLUMNS."""
    with connection(store) as con:
        frame = con.execute(
            _NETWORK_SQL.format(counts=COUNTS_SELECT, dyadic=DYADIC),
            {"since": to_date(since), "until": to_date(until), "min_events": min_events},
        ).df()
    cooperative = frame[QUAD_COLUMNS[0]] + frame[QUAD_COLUMNS[1]]
    frame["goldstein_mean"] = frame["goldstein_sum"] / frame["events"]
    frame["coop_share"] = cooperative / frame["events"]
    return frame[list(NETWORK_COLUMNS)]
