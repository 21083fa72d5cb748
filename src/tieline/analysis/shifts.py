"""Shifts: the periods where a dyad series changes level, found with ruptures' change-point search.

The search (PELT with a least-squares cost, i.e. changes in the mean) runs on one measure of the
series. Without a given penalty it uses a BIC-like one, 2·log(n)·σ², with the noise variance σ²
estimated from the period-to-period differences; with `n_shifts` it finds exactly that many
(dynamic programming). Each shift is reported with the first period of the new level, the mean
level before and after, and the dates of the events around it (the period before and the first
period of the new level), which `evidence` lists.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import numpy as np
import pandas as pd

from ..errors import ConfigError
from .dyads import MEASURES, dyad_series
from .periods import period_end, to_date
from .sides import Side

SHIFT_COLUMNS = (
    "source", "target", "direction", "measure", "period", "period_label", "before", "after", "change",
    "movement", "around_since", "around_until", "events_around",
)


def shifts(
    store,
    source: str | Side | Sequence[str],
    target: str | Side | Sequence[str],
    *,
    by: str = "month",
    since: str | date | None = None,
    until: str | date | None = None,
    direction: str = "out",
    measure: str = "goldstein_sum",
    penalty: float | None = None,
    n_shifts: int | None = None,
    min_size: int = 2,
    groups: Mapping[str, Side] | None = None,
) -> pd.DataFrame:
    """Change points in the dyad series of `source` and `target` (see `dyad_series` for the arguments)."""
    series = dyad_series(store, source, target, by=by, since=since, until=until, direction=direction, groups=groups)
    return find_shifts(series, measure=measure, penalty=penalty, n_shifts=n_shifts, min_size=min_size, by=by)


def find_shifts(
    series: pd.DataFrame,
    *,
    measure: str = "goldstein_sum",
    penalty: float | None = None,
    n_shifts: int | None = None,
    min_size: int = 2,
    by: str | None = None,
) -> pd.DataFrame:
    """Change points in a series made by `dyad_series` (each direction in it separately)."""
    if measure not in MEASURES:
        raise ConfigError(f"'{measure}' is not a measure of a relation; use one of {', '.join(MEASURES)}.")
    if min_size < 1:
        raise ConfigError("--min-size must be at least 1 period.")
    rows: list[dict] = []
    if series.empty:
        return pd.DataFrame(rows, columns=list(SHIFT_COLUMNS))
    by = by or _guess_resolution(series)
    keys = ["source", "target", "direction"] if "source" in series else []
    groups = series.groupby(keys, sort=False) if keys else [((), series)]
    for key, frame in groups:
        frame = frame.reset_index(drop=True)
        values = frame[measure].to_numpy(dtype=float)
        known = np.flatnonzero(~np.isnan(values))
        for start, before, after in _breaks(values[known], penalty, n_shifts, min_size):
            index, previous = known[start], known[start - 1]
            around_since, around_until = frame["period"].iloc[previous], period_end(frame["period"].iloc[index], by)
            rows.append({
                **dict(zip(keys, key, strict=True)),
                "measure": measure,
                "period": frame["period"].iloc[index],
                "period_label": frame["period_label"].iloc[index],
                "before": before,
                "after": after,
                "change": after - before,
                "movement": "warming" if after > before else "cooling",
                "around_since": around_since,
                "around_until": around_until,
                "events_around": int(frame["events"].iloc[previous : index + 1].sum()),
            })
    return pd.DataFrame(rows, columns=list(SHIFT_COLUMNS))


def _breaks(signal: np.ndarray, penalty: float | None, n_shifts: int | None, min_size: int):
    """(start of the new segment, mean before, mean after) for each change point in `signal`."""
    import ruptures  # imported here: it loads scipy, which every other command can do without

    n = len(signal)
    if n < 2 * min_size:
        return []
    if n_shifts is not None:
        if n_shifts < 1 or n_shifts * min_size >= n:
            raise ConfigError(f"{n_shifts} shift(s) of at least {min_size} period(s) do not fit in {n} periods.")
        ends = ruptures.Dynp(model="l2", min_size=min_size, jump=1).fit(signal).predict(n_bkps=n_shifts)
    else:
        pen = default_penalty(signal) if penalty is None else penalty
        ends = ruptures.Pelt(model="l2", min_size=min_size, jump=1).fit(signal).predict(pen=pen)
    bounds = [0, *ends]
    segments = list(zip(bounds[:-1], bounds[1:], strict=True))
    out = []
    for (s0, e0), (s1, e1) in zip(segments[:-1], segments[1:], strict=True):
        out.append((s1, float(signal[s0:e0].mean()), float(signal[s1:e1].mean())))
    return out


def default_penalty(signal: np.ndarray) -> float:
    """2·log(n)·σ², σ² from the variance of the first differences (which is 2σ² for white noise)."""
    n = len(signal)
    sigma2 = float(np.var(np.diff(signal), ddof=1)) / 2 if n > 2 else 0.0
    return 2 * np.log(n) * max(sigma2, 1e-12)


def _guess_resolution(series: pd.DataFrame) -> str:
    label = str(series["period_label"].iloc[0])
    if "W" in label:
        return "week"
    if "Q" in label:
        return "quarter"
    return {4: "year", 7: "month", 10: "day"}.get(len(label), "month")


def around(shift: Mapping) -> tuple[date, date]:
    """The first and last day of the events around a shift (a row of `shifts`)."""
    return to_date(shift["around_since"]), to_date(shift["around_until"])
