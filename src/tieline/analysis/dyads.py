"""Dyad series: what one country (or bloc) did to another, period by period.

Per period: event counts by QuadClass (1 verbal cooperation, 2 material cooperation, 3 verbal
conflict, 4 material conflict), the Goldstein sum and mean, the cooperative share, and the counts
and Goldstein sum divided by the actors' event volume — every event in the period that names
either side, with any partner — so that a pair the news covers heavily and a pair it rarely
covers can be compared (as GDELT's own timelines divide by total volume).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import numpy as np
import pandas as pd

from .periods import check_resolution, period_grid, period_label, sql_trunc, to_date
from .sides import Side, as_side
from .source import DYADIC, StoreLike, connection, date_range, involving

DIRECTIONS = ("out", "in", "both", "each")
QUAD_COLUMNS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
COUNT_COLUMNS = ("events", *QUAD_COLUMNS, "goldstein_sum")
NORMALISED = ("events", *QUAD_COLUMNS, "goldstein_sum", "net_cooperation")
SERIES_COLUMNS = (
    "period", "period_label", "source", "target", "direction", "events", *QUAD_COLUMNS,
    "cooperative", "conflictual", "net_cooperation", "goldstein_sum", "goldstein_mean", "coop_share",
    "volume", *(f"{name}_norm" for name in NORMALISED),
)
# Measures whose higher values mean a warmer relation; the ties view and shift detection use them.
MEASURES = ("goldstein_sum", "goldstein_mean", "coop_share", "net_cooperation", "goldstein_sum_norm",
            "net_cooperation_norm")

COUNTS_SELECT = f"""
    count(*) AS events,
    count(*) FILTER (WHERE quad_class = 1) AS {QUAD_COLUMNS[0]},
    count(*) FILTER (WHERE quad_class = 2) AS {QUAD_COLUMNS[1]},
    count(*) FILTER (WHERE quad_class = 3) AS {QUAD_COLUMNS[2]},
    count(*) FILTER (WHERE quad_class = 4) AS {QUAD_COLUMNS[3]},
    sum(goldstein_scale) AS goldstein_sum
"""

# Events from side a to side b (and, when $both, from b to a) in the window, per period.
_DYAD_SQL = """
SELECT {period} AS period, {counts}
FROM events
WHERE {dyadic} AND event_date BETWEEN $since AND $until
  AND ((list_contains($a, actor1_country_code) AND list_contains($b, actor2_country_code))
       OR ($both AND list_contains($b, actor1_country_code) AND list_contains($a, actor2_country_code)))
GROUP BY ALL
"""

_VOLUME_SQL = """
SELECT {period} AS period, count(*) AS volume
FROM events
WHERE event_date BETWEEN $since AND $until AND {involving}
GROUP BY ALL
"""


def check_direction(direction: str, allowed: Sequence[str] = DIRECTIONS) -> str:
    from ..errors import ConfigError

    if direction not in allowed:
        raise ConfigError(f"'{direction}' is not a direction; use one of {', '.join(allowed)}.")
    return direction


def dyad_series(
    store: StoreLike,
    source: str | Side | Sequence[str],
    target: str | Side | Sequence[str],
    *,
    by: str = "month",
    since: str | date | None = None,
    until: str | date | None = None,
    direction: str = "out",
    groups: Mapping[str, Side] | None = None,
) -> pd.DataFrame:
    """The dyad series of `source` and `target`, one row per period (empty periods are zeros).

    direction: "out" source→target (the directed dyad), "in" target→source, "both" the two
    directions pooled, "each" the two directed series one after the other. Without `since`/`until`
    the window runs from the first to the last event that names either side. Columns:
    SERIES_COLUMNS; `period` is the first day of the period.
    """
    check_resolution(by)
    check_direction(direction)
    a, b = as_side(source, groups), as_side(target, groups)
    since, until = to_date(since), to_date(until)
    with connection(store) as con:
        first, last = date_range(con, list(a.codes + b.codes), since, until)
        if first is None or last is None or first > last:
            return empty_series()
        window = {"since": first, "until": last}
        volume = volume_by_period(con, a.codes + b.codes, by, window)
        plans = {"out": [(a, b, False)], "in": [(b, a, False)], "both": [(a, b, True)],
                 "each": [(a, b, False), (b, a, False)]}[direction]
        frames = []
        for src, tgt, both in plans:
            counts = con.execute(
                _DYAD_SQL.format(period=sql_trunc(by), counts=COUNTS_SELECT, dyadic=DYADIC),
                {"a": list(src.codes), "b": list(tgt.codes), "both": both, **window},
            ).df()
            frame = complete_series(counts, volume, period_grid(first, last, by), by)
            frame.insert(2, "source", src.label)
            frame.insert(3, "target", tgt.label)
            frame.insert(4, "direction", "both" if both else "out" if src is a else "in")
            frames.append(frame)
    return pd.concat(frames, ignore_index=True)[list(SERIES_COLUMNS)]


def volume_by_period(con, codes: Sequence[str], by: str, window: dict) -> pd.DataFrame:
    """Per period, how many events name at least one of `codes` (any partner, any role)."""
    return con.execute(
        _VOLUME_SQL.format(period=sql_trunc(by), involving=involving("$codes")), {"codes": list(codes), **window}
    ).df()


def complete_series(counts: pd.DataFrame, volume: pd.DataFrame, grid: Sequence[date], by: str) -> pd.DataFrame:
    """Counts per period on the full grid (zeros where nothing happened) with the derived columns."""
    frame = pd.DataFrame({"period": list(grid)})
    frame["period_label"] = [period_label(p, by) for p in grid]
    counts = _by_date(counts)
    volume = _by_date(volume)
    for column in COUNT_COLUMNS:
        values = counts[column] if column in counts else pd.Series(dtype=float)
        frame[column] = frame["period"].map(values).fillna(0)
    frame["volume"] = frame["period"].map(volume["volume"] if "volume" in volume else pd.Series(dtype=float)).fillna(0)
    return derive(frame)


def _by_date(frame: pd.DataFrame) -> pd.DataFrame:
    if frame.empty:
        return frame
    frame = frame.copy()
    frame["period"] = [to_date(p) for p in frame["period"]]
    return frame.set_index("period")


def derive(frame: pd.DataFrame) -> pd.DataFrame:
    """Add shares, means and the volume-normalised columns to a frame of raw counts."""
    for column in ("events", *QUAD_COLUMNS, "volume"):
        frame[column] = frame[column].astype("int64")
    frame["goldstein_sum"] = frame["goldstein_sum"].astype(float)
    frame["cooperative"] = frame[QUAD_COLUMNS[0]] + frame[QUAD_COLUMNS[1]]
    frame["conflictual"] = frame[QUAD_COLUMNS[2]] + frame[QUAD_COLUMNS[3]]
    frame["net_cooperation"] = frame["cooperative"] - frame["conflictual"]
    events = frame["events"].where(frame["events"] > 0)
    frame["goldstein_mean"] = frame["goldstein_sum"] / events
    frame["coop_share"] = frame["cooperative"] / events
    volume = frame["volume"].where(frame["volume"] > 0)
    for name in NORMALISED:
        frame[f"{name}_norm"] = (frame[name] / volume).fillna(0.0)
    return frame


def empty_series() -> pd.DataFrame:
    frame = pd.DataFrame({column: pd.Series(dtype=object if column in ("period", "period_label", "source", "target",
                                                                         "direction") else float)
                          for column in SERIES_COLUMNS})
    return frame


def summarise(frame: pd.DataFrame) -> dict:
    """Totals of a series over its whole window: events, Goldstein sum and mean, cooperative share."""
    events = int(frame["events"].sum())
    goldstein = float(frame["goldstein_sum"].sum())
    cooperative = int(frame["cooperative"].sum())
    return {
        "events": events,
        "goldstein_sum": goldstein,
        "goldstein_mean": goldstein / events if events else np.nan,
        "coop_share": cooperative / events if events else np.nan,
    }
