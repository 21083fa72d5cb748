"""The events behind a number: every event, with its sentence, that a cell of a series counts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import pandas as pd

from .dyads import check_direction
from .periods import check_resolution, parse_period, period_label, to_date
from .sides import Side, as_side
from .source import DYADIC, StoreLike, connection

# Columns shown for each event; those a store lacks are left out.
EVIDENCE_COLUMNS = (
    "period_label", "event_date", "source", "target", "actor1_code", "actor2_code", "event_code",
    "event_root_code", "quad_class", "goldstein_scale", "event_text", "sentence", "doc_id", "event_id", "source_url",
)

_EVIDENCE_SQL = """
SELECT actor1_country_code AS source, actor2_country_code AS target, {columns}
FROM events
WHERE {dyadic}
  AND ($since IS NULL OR event_date >= $since) AND ($until IS NULL OR event_date <= $until)
  AND ((list_contains($a, actor1_country_code) AND list_contains($b, actor2_country_code))
       OR ($both AND list_contains($b, actor1_country_code) AND list_contains($a, actor2_country_code)))
  AND ($quad IS NULL OR quad_class = $quad)
ORDER BY event_date, doc_id, event_id
"""


def evidence(
    store: StoreLike,
    source: str | Side | Sequence[str],
    target: str | Side | Sequence[str],
    *,
    period: str | None = None,
    by: str = "month",
    since: str | date | None = None,
    until: str | date | None = None,
    direction: str = "out",
    quad_class: int | None = None,
    limit: int | None = None,
    groups: Mapping[str, Side] | None = None,
) -> pd.DataFrame:
    """The events of the dyad behind one cell: the period `period` (a label such as 2024-03 or
    2024Q1, or a date, meaning the `by` period that holds it), or everything from `since` to
    `until`. direction as in `dyad_series` ("each" and "both" both give the two directions).
    Columns: EVIDENCE_COLUMNS, `period_label` at resolution `by`."""
    check_resolution(by)
    check_direction(direction)
    a, b = as_side(source, groups), as_side(target, groups)
    if direction == "in":
        a, b = b, a
    since, until = to_date(since), to_date(until)
    if period is not None:
        first, last = parse_period(period, by)
        since, until = max(first, since or first), min(last, until or last)
    with connection(store) as con:
        available = set(con.execute("SELECT * FROM events LIMIT 0").df().columns)
        columns = [c for c in EVIDENCE_COLUMNS if c in available and c not in ("source", "target")]
        frame = con.execute(
            _EVIDENCE_SQL.format(columns=", ".join(columns), dyadic=DYADIC),
            {"a": list(a.codes), "b": list(b.codes), "both": direction in ("both", "each"), "since": since,
             "until": until, "quad": quad_class},
        ).df()
    if limit is not None:
        frame = frame.head(limit)
    frame.insert(0, "period_label", [period_label(to_date(d), by) if to_date(d) else None
                                     for d in frame["event_date"]] if len(frame) else [])
    frame["event_date"] = [to_date(d) for d in frame["event_date"]]
    return frame[[c for c in EVIDENCE_COLUMNS if c in frame.columns]].reset_index(drop=True)
