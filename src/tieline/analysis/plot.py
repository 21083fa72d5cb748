"""Pictures of a dyad series: a sparkline for the terminal and a PNG chart (matplotlib, no display)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..errors import InputError

BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float | None]) -> str:
    """One character per value, scaled between the smallest and largest (zero always in range);
    a period without a value (None/NaN) is a space."""
    known = [v for v in values if v is not None and not math.isnan(v)]
    if not known:
        return " " * len(values)
    low, high = min(min(known), 0.0), max(max(known), 0.0)
    span = high - low
    chars = []
    for v in values:
        if v is None or math.isnan(v):
            chars.append(" ")
        elif span == 0:
            chars.append(BARS[0])
        else:
            chars.append(BARS[min(len(BARS) - 1, int((v - low) / span * (len(BARS) - 1) + 0.5))])
    return "".join(chars)


def plot_dyad(series: pd.DataFrame, path: str | Path, *, shifts: pd.DataFrame | None = None,
              measure: str = "goldstein_sum", title: str | None = None) -> Path:
    """Write a PNG chart of a series from `dyad_series`: one panel per direction, with events per
    QuadClass as bars (cooperation up, conflict down), the measure as a line and shifts as dashed lines."""
    import matplotlib

    matplotlib.use("Agg")  # no display: charts are written to files only
    import matplotlib.pyplot as plt

    path = Path(path)
    if path.suffix.lower() != ".png":
        raise InputError(f"The chart file '{path}' must end in .png.")
    if series.empty:
        raise InputError("There is nothing to plot: no events for this pair in the window.")
    keys = ["source", "target", "direction"]
    panels = list(series.groupby(keys, sort=False))
    fig, axes = plt.subplots(len(panels), 1, figsize=(10, 3.6 * len(panels)), squeeze=False, sharex=True)
    colours = {"verbal_cooperation": "#9ecae1", "material_cooperation": "#3182bd",
               "verbal_conflict": "#fdae6b", "material_conflict": "#e6550d"}
    for ax, ((source, target, _direction), frame) in zip(axes[:, 0], panels, strict=True):
        x = pd.to_datetime(frame["period"])
        width = _bar_width(x)
        up = down = None
        for column, colour in colours.items():
            values = frame[column].to_numpy(dtype=float)
            if "cooperation" in column:
                ax.bar(x, values, width=width, bottom=up, color=colour, label=column.replace("_", " "), align="edge")
                up = values if up is None else up + values
            else:
                ax.bar(x, -values, width=width, bottom=down, color=colour, label=column.replace("_", " "), align="edge")
                down = -values if down is None else down - values
        ax.axhline(0, color="#555555", linewidth=0.6)
        ax.set_ylabel("events (conflict below 0)")
        ax.yaxis.get_major_locator().set_params(integer=True)
        line_ax = ax.twinx()
        line_ax.plot(x + width / 2, frame[measure], color="#222222", marker="o", markersize=3,
                     label=measure.replace("_", " "))
        line_ax.set_ylabel(measure.replace("_", " "))
        _centre_zero(ax, up, down)
        _centre_zero(line_ax, frame[measure].to_numpy(dtype=float))
        if shifts is not None and len(shifts):
            mine = shifts[(shifts["source"] == source) & (shifts["target"] == target)]
            for n, when in enumerate(pd.to_datetime(mine["period"])):
                ax.axvline(when, color="#756bb1", linestyle="--", linewidth=1.2, label="shift" if n == 0 else None)
        ax.set_title(f"{source} → {target}" if _direction != "both" else f"{source} ↔ {target}", fontsize=10)
        handles = ax.get_legend_handles_labels()[0] + line_ax.get_legend_handles_labels()[0]
        ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.08), fontsize=7, ncol=6, frameon=False)
    if title:
        fig.suptitle(title)
    fig.autofmt_xdate()
    fig.tight_layout()
    try:
        fig.savefig(path, format="png", dpi=100)
    except OSError as exc:
        raise InputError(f"Cannot write the chart to '{path}' ({exc.strerror}); check the folder exists.") from None
    finally:
        plt.close(fig)
    return path


def _centre_zero(ax, *arrays) -> None:
    """Put zero in the middle of an axis, so both axes of a panel share their zero line."""
    import numpy as np

    values = np.concatenate([np.asarray(a, dtype=float) for a in arrays if a is not None])
    values = values[~np.isnan(values)]
    reach = float(np.max(np.abs(values))) if values.size else 0.0
    reach = reach * 1.1 if reach > 0 else 1.0
    ax.set_ylim(-reach, reach)


def _bar_width(x: pd.Series) -> pd.Timedelta:
    if len(x) > 1:
        return (x.iloc[1] - x.iloc[0]) * 0.8
    return pd.Timedelta(days=20)
