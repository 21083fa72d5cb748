"""Coded events as a Parquet dataset in the layout of `tieline export --format parquet`:
`OUT/event_month=YYYY-MM/*.parquet` (`undated` for events without a date), one row per coded
event (a mention, before deduplication), with the fields of `tieline code --format jsonl`.

DuckDB reads it as it is:

    SELECT * FROM read_parquet('OUT/**/*.parquet', hive_partitioning = true)

The column types (dates as DATE, offsets as INTEGER, scores as DOUBLE) are defined once here and
used by the local writer (pyarrow) and the Spark writer alike.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Event

PARTITION = "event_month"
UNDATED = "undated"  # as tieline.export.tables
_BATCH_ROWS = 5000


def event_columns() -> list[tuple[str, str]]:
    """(name, kind) of every Event field; kind is date, int, double or string."""
    columns = []
    for f in dataclasses.fields(Event):
        annotation = str(f.type)
        if f.name == "event_date":
            kind = "date"
        elif annotation.startswith("int"):
            kind = "int"
        elif annotation.startswith("float"):
            kind = "double"
        else:
            kind = "string"
        columns.append((f.name, kind))
    return columns


def event_row(event: Event) -> dict[str, Any]:
    """An event as a row of the dataset: its fields in their column types, and its month."""
    row = event.to_dict()
    for name, kind in _COLUMNS:
        value = row[name]
        if kind == "date":
            row[name] = date.fromisoformat(value) if value else None
        elif value is not None and kind in _CASTS:
            row[name] = _CASTS[kind](value)
    value = event.event_date
    row[PARTITION] = value[:7] if value else UNDATED
    return row


_COLUMNS = event_columns()
_CASTS = {"int": int, "double": float, "string": str}


def check_output(out: Path) -> None:
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise InputError(f"{out} already exists and is not an empty folder; give a new folder for the Parquet dataset.")


def arrow_schema():
    import pyarrow as pa

    types = {"date": pa.date32(), "int": pa.int32(), "double": pa.float64(), "string": pa.string()}
    return pa.schema([(name, types[kind]) for name, kind in event_columns()] + [(PARTITION, pa.string())])


def write_events(events: Iterable[Event], out: Path) -> int:
    """Write events to the dataset at `out` (a new or empty folder) with pyarrow; returns how many."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    out = Path(out)
    check_output(out)
    schema = arrow_schema()
    written = 0

    def batches() -> Iterator[pa.RecordBatch]:
        nonlocal written
        rows: list[dict[str, Any]] = []
        for event in events:
            rows.append(event_row(event))
            if len(rows) >= _BATCH_ROWS:
                written += len(rows)
                yield pa.RecordBatch.from_pylist(rows, schema=schema)
                rows = []
        if rows:
            written += len(rows)
            yield pa.RecordBatch.from_pylist(rows, schema=schema)

    out.mkdir(parents=True, exist_ok=True)
    ds.write_dataset(batches(), out, schema=schema, format="parquet", partitioning=[PARTITION],
                     partitioning_flavor="hive", existing_data_behavior="overwrite_or_ignore",
                     basename_template="part-{i}.parquet")
    return written
