"""Time periods of a dyad series: day, week (Monday to Sunday), month, quarter, year.

A period is named by its first day (a `date`) and shown with a label: 2024-03-05, 2024-W10,
2024-03, 2024Q1, 2024.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pandas as pd

from ..errors import ConfigError

RESOLUTIONS = ("day", "week", "month", "quarter", "year")


def check_resolution(by: str) -> str:
    if by not in RESOLUTIONS:
        raise ConfigError(f"'{by}' is not a period; use one of {', '.join(RESOLUTIONS)}.")
    return by


def period_start(day: date, by: str) -> date:
    """The first day of the period that contains `day`."""
    check_resolution(by)
    if by == "day":
        return day
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    if by == "quarter":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return date(day.year, 1, 1)


def next_period(start: date, by: str) -> date:
    """The first day of the period after the one starting on `start`."""
    if by == "day":
        return start + timedelta(days=1)
    if by == "week":
        return start + timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[by]
    index = start.year * 12 + start.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def period_end(start: date, by: str) -> date:
    """The last day of the period starting on `start`."""
    return next_period(start, by) - timedelta(days=1)


def period_label(start: date, by: str) -> str:
    if by == "day":
        return start.isoformat()
    if by == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return f"{start.year}-{start.month:02d}"
    if by == "quarter":
        return f"{start.year}Q{(start.month - 1) // 3 + 1}"
    return str(start.year)


def period_grid(first: date, last: date, by: str) -> list[date]:
    """Every period from the one containing `first` to the one containing `last`."""
    starts, current, end = [], period_start(first, by), period_start(last, by)
    while current <= end:
        starts.append(current)
        current = next_period(current, by)
    return starts


def sql_trunc(by: str) -> str:
    """The DuckDB expression for the start of an event's period (weeks start on Monday there too)."""
    check_resolution(by)
    return f"CAST(date_trunc('{by}', event_date) AS DATE)"


_LABEL_PATTERNS = (
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"), "day"),
    (re.compile(r"^(\d{4})-?W(\d{1,2})$", re.I), "week"),
    (re.compile(r"^(\d{4})-(\d{1,2})$"), "month"),
    (re.compile(r"^(\d{4})-?Q([1-4])$", re.I), "quarter"),
    (re.compile(r"^(\d{4})$"), "year"),
)


def parse_period(text: str, by: str) -> tuple[date, date]:
    """The first and last day a period label stands for.

    A full date means the `by` period that contains it; a shorter label means its own span:
    "2024-03" is March 2024, "2024Q1" the first quarter, "2024-W10" ISO week 10, "2024" the year.
    """
    value = text.strip()
    for pattern, kind in _LABEL_PATTERNS:
        match = pattern.match(value)
        if not match:
            continue
        try:
            parts = [int(g) for g in match.groups()]
            if kind == "day":
                start = period_start(date(*parts), by)
                return start, period_end(start, by)
            if kind == "week":
                start = date.fromisocalendar(parts[0], parts[1], 1)
            elif kind == "month":
                start = date(parts[0], parts[1], 1)
            elif kind == "quarter":
                start = date(parts[0], 3 * (parts[1] - 1) + 1, 1)
            else:
                start = date(parts[0], 1, 1)
        except ValueError:
            break
        return start, period_end(start, kind)
    raise ConfigError(
        f"'{text}' is not a period; write a date (2024-03-05), a week (2024-W10), a month (2024-03), "
        f"a quarter (2024Q1) or a year (2024)."
    )


def to_date(value) -> date | None:
    """A date from a `date`, an ISO string or a pandas timestamp (None stays None)."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ConfigError(f"'{value}' is not a date; use YYYY-MM-DD, e.g. 2024-03-05.") from None
