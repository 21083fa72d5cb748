"""Writing events and tables to the terminal as JSON lines, CSV or a readable table."""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import IO, Any

from rich.console import Console
from rich.table import Table

FORMATS = ("jsonl", "csv", "table")
_TABLE_COLUMNS = (
    ("event_date", "date"),
    ("actor1_code", "actor1"),
    ("event_code", "code"),
    ("actor2_code", "actor2"),
    ("quad_class", "quad"),
    ("goldstein_scale", "goldstein"),
    ("event_text", "event phrase"),
    ("doc_id", "document"),
)


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10] if isinstance(value, date) and not isinstance(value, datetime) else value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return _plain(value.item())
    if value is not None and type(value).__name__ == "NaTType":
        return None
    return value


def clean_row(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: _plain(v) for k, v in row.items()}


def write_rows(rows: Iterable[Mapping[str, Any]], fmt: str, fields: Sequence[str], out: IO[str],
               title: str | None = None) -> int:
    """Write rows in `fmt`; returns how many were written."""
    n = 0
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(clean_row(row), ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(fields), extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(clean_row(row))
            n += 1
    elif fmt == "table":
        table = Table(title=title, show_lines=False)
        columns = [(k, h) for k, h in _TABLE_COLUMNS if k in fields] or [(f, f) for f in fields]
        for _, header in columns:
            table.add_column(header, overflow="fold")
        for row in rows:
            clean = clean_row(row)
            table.add_row(*["" if clean.get(k) is None else str(clean.get(k)) for k, _ in columns])
            n += 1
        width = None if getattr(out, "isatty", lambda: False)() else 160  # a pipe gets whole rows
        Console(file=out, width=width).print(table)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return n
