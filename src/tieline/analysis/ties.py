"""The ties of one country: every partner ranked by how its relation is moving.

For each partner the measure (Goldstein sum by default) is taken per period over the window;
`level` is its value in the last period, `previous` in the one before, `change` the difference,
and `trend` the slope of a least-squares line through all periods (measure units per period).
A partner's movement is "warming" when the trend is up, "cooling" when it is down, and "steady" when the
line moves, over the whole window, by less than a tenth of the largest value the series takes;
with fewer than three events in the window it is "too few events". Partners are ranked by trend,
warmest first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import numpy as np
import pandas as pd

from ..errors import ConfigError
from .dyads import (
    COUNTS_SELECT,
    MEASURES,
    check_direction,
    complete_series,
    summarise,
    volume_by_period,
)
from .periods import check_resolution, period_grid, period_label, sql_trunc, to_date
from .shifts import find_shifts
from .sides import Side, as_side
from .source import DYADIC, StoreLike, connection, date_range, involving

RELATION_COLUMNS = (
    "rank", "partner", "partner_name", "members", "events", "level", "previous", "change", "trend", "trend_p",
    "movement", "goldstein_sum", "goldstein_mean", "coop_share", "measure", "period", "series",
)
STEADY_FRACTION = 0.1
MIN_EVENTS_FOR_MOVEMENT = 3

# Dyadic events with exactly one side in the focus, labelled with the other side (the partner).
_PARTNER_SQL = """
WITH ev AS (
    SELECT {period} AS period, quad_class, goldstein_scale,
           list_contains($focus, actor1_country_code) AS outgoing,
           CASE WHEN list_contains($focus, actor1_country_code) THEN actor2_country_code
                ELSE actor1_country_code END AS partner
    FROM events
    WHERE {dyadic} AND event_date BETWEEN $since AND $until
      AND list_contains($focus, actor1_country_code) <> list_contains($focus, actor2_country_code)
)
SELECT partner, period, {counts}
FROM ev
WHERE $direction = 'both' OR ($direction = 'out' AND outgoing) OR ($direction = 'in' AND NOT outgoing)
GROUP BY ALL
"""

# Per period and country, the events naming that country but not the focus: with the focus's
# own volume this gives the volume of the pair without counting their shared events twice.
_PARTNER_VOLUME_SQL = """
SELECT period, partner, count(*) AS volume FROM (
    SELECT {period} AS period,
           unnest(list_distinct([actor1_country_code, actor2_country_code])) AS partner
    FROM events
    WHERE event_date BETWEEN $since AND $until AND NOT {involving}
)
WHERE list_contains($partners, partner)
GROUP BY ALL
"""

_BLOC_SQL = """
SELECT period, {counts}
FROM (
    SELECT {period} AS period, quad_class, goldstein_scale,
           list_contains($focus, actor1_country_code) AS outgoing
    FROM events
    WHERE {dyadic} AND event_date BETWEEN $since AND $until
      AND ((list_contains($focus, actor1_country_code) AND list_contains($bloc, actor2_country_code))
           OR (list_contains($bloc, actor1_country_code) AND list_contains($focus, actor2_country_code)))
)
WHERE $direction = 'both' OR ($direction = 'out' AND outgoing) OR ($direction = 'in' AND NOT outgoing)
GROUP BY ALL
"""


def relations(
    store: StoreLike,
    focus: str | Side | Sequence[str],
    *,
    by: str = "month",
    since: str | date | None = None,
    until: str | date | None = None,
    direction: str = "both",
    measure: str = "goldstein_sum",
    blocs: Sequence[Side] = (),
    groups: Mapping[str, Side] | None = None,
    min_events: int = 1,
    with_shifts: bool = False,
    names: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Every partner of `focus` with its level, change and trend, ranked warmest first.

    direction: "both" (events either way, the default), "out" (what the focus did) or "in" (what
    was done to it). `blocs` adds one row per bloc, its members taken together. `min_events` drops
    partners with fewer events in the window. With `with_shifts` the last change point of each
    partner's series is added (`last_shift`, `last_shift_change`). Columns: RELATION_COLUMNS
    (`series` holds the measure per period; `frame.attrs["periods"]` their labels).
    """
    check_resolution(by)
    check_direction(direction, ("out", "in", "both"))
    check_measure(measure)
    focus_side = as_side(focus, groups)
    bloc_sides = [as_side(b, groups) for b in blocs]
    since, until = to_date(since), to_date(until)
    names = names or {}
    with connection(store) as con:
        first, last = date_range(con, list(focus_side.codes), since, until)
        if first is None or last is None or first > last:
            return _finish([], [], measure, with_shifts)
        grid = period_grid(first, last, by)
        window = {"since": first, "until": last}
        series = _partner_series(con, focus_side, by, window, direction, grid)
        for bloc in bloc_sides:
            series[bloc] = _bloc_series(con, focus_side, bloc, by, window, direction, grid)
    rows = []
    for partner, frame in series.items():
        totals = summarise(frame)
        if totals["events"] < max(min_events, 1):
            continue
        values = frame[measure].to_numpy(dtype=float)
        trend, trend_p = fit_trend(values)
        row = {
            "partner": partner.label,
            "partner_name": names.get(partner.label, "bloc" if partner.is_bloc else ""),
            "members": ",".join(partner.codes),
            "events": totals["events"],
            "level": values[-1],
            "previous": values[-2] if len(values) > 1 else np.nan,
            "trend": trend,
            "trend_p": trend_p,
            "movement": trend_movement(values, trend) if totals["events"] >= MIN_EVENTS_FOR_MOVEMENT
                        else "too few events",
            "goldstein_sum": totals["goldstein_sum"],
            "goldstein_mean": totals["goldstein_mean"],
            "coop_share": totals["coop_share"],
            "measure": measure,
            "period": period_label(grid[-1], by),
            "series": [None if np.isnan(v) else float(v) for v in values],
        }
        row["change"] = row["level"] - row["previous"]
        if with_shifts:
            found = find_shifts(frame, measure=measure)
            last_shift = found.iloc[-1] if len(found) else None
            row["last_shift"] = None if last_shift is None else last_shift["period_label"]
            row["last_shift_change"] = np.nan if last_shift is None else last_shift["change"]
        rows.append(row)
    return _finish(rows, [period_label(p, by) for p in grid], measure, with_shifts)


def _partner_series(con, focus: Side, by: str, window: dict, direction: str, grid) -> dict[Side, pd.DataFrame]:
    counts = con.execute(
        _PARTNER_SQL.format(period=sql_trunc(by), counts=COUNTS_SELECT, dyadic=DYADIC),
        {"focus": list(focus.codes), "direction": direction, **window},
    ).df()
    partners = sorted(counts["partner"].unique()) if len(counts) else []
    if not partners:
        return {}
    focus_volume = volume_by_period(con, focus.codes, by, window).set_index("period")["volume"]
    partner_volume = con.execute(
        _PARTNER_VOLUME_SQL.format(period=sql_trunc(by), involving=involving("$focus")),
        {"focus": list(focus.codes), "partners": partners, **window},
    ).df()
    series = {}
    for partner in partners:
        own = partner_volume[partner_volume["partner"] == partner].set_index("period")["volume"]
        volume = focus_volume.add(own, fill_value=0).rename("volume").reset_index()
        frame = complete_series(counts[counts["partner"] == partner].drop(columns="partner"), volume, grid, by)
        series[Side(partner, (partner,))] = frame
    return series


def _bloc_series(con, focus: Side, bloc: Side, by: str, window: dict, direction: str, grid) -> pd.DataFrame:
    counts = con.execute(
        _BLOC_SQL.format(period=sql_trunc(by), counts=COUNTS_SELECT, dyadic=DYADIC),
        {"focus": list(focus.codes), "bloc": list(bloc.codes), "direction": direction, **window},
    ).df()
    volume = volume_by_period(con, focus.codes + bloc.codes, by, window)
    return complete_series(counts, volume, grid, by)


def check_measure(measure: str) -> str:
    if measure not in MEASURES:
        raise ConfigError(f"'{measure}' is not a measure of a relation; use one of {', '.join(MEASURES)}.")
    return measure


def fit_trend(values: np.ndarray) -> tuple[float, float]:
    """Least-squares slope per period through the periods that have a value, and its p-value."""
    from scipy import stats

    x = np.arange(len(values), dtype=float)
    known = ~np.isnan(values)
    if known.sum() < 2:
        return np.nan, np.nan
    if np.ptp(values[known]) == 0:
        return 0.0, 1.0
    fit = stats.linregress(x[known], values[known])
    return float(fit.slope), float(fit.pvalue) if known.sum() > 2 else np.nan


def trend_movement(values: np.ndarray, trend: float) -> str:
    if np.isnan(trend):
        return "too few events"
    known = values[~np.isnan(values)]
    span = len(values) - 1
    if abs(trend) * span < STEADY_FRACTION * np.max(np.abs(known)):
        return "steady"
    return "warming" if trend > 0 else "cooling"


def _finish(rows: list[dict], periods: list[str], measure: str, with_shifts: bool) -> pd.DataFrame:
    columns = list(RELATION_COLUMNS) + (["last_shift", "last_shift_change"] if with_shifts else [])
    frame = pd.DataFrame(rows, columns=[c for c in columns if c != "rank"])
    if len(frame):
        frame = frame.sort_values(["trend", "change", "events", "partner"], ascending=[False, False, False, True],
                                  na_position="last", kind="stable").reset_index(drop=True)
    frame.insert(0, "rank", range(1, len(frame) + 1))
    frame.attrs["periods"] = periods
    frame.attrs["measure"] = measure
    return frame[columns]
