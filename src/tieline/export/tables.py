"""Events as files for pandas, polars, R and spreadsheets: Parquet by event month, or one CSV."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..store import EventFilter, Store
from .rows import events_sql

UNDATED = "undated"


def _copy(store: Store, filters: EventFilter, target: str, options: str, extra_columns: str = "") -> int:
    inner, params = events_sql(filters)
    query = f"SELECT *{extra_columns} FROM ({inner})"
    count = store.con.execute(f"SELECT count(*) FROM ({inner})", params).fetchone()[0]
    escaped = target.replace("'", "''")
    store.con.execute(f"COPY ({query}) TO '{escaped}' ({options})", params)
    return count


def write_parquet(store: Store, filters: EventFilter, out: Path) -> int:
    """A Hive-partitioned dataset: OUT/event_month=YYYY-MM/*.parquet (`undated` for events with
    no date). `pandas.read_parquet(OUT)` and `polars.read_parquet(OUT / "**/*.parquet")` read it."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise InputError(f"{out} already exists and is not an empty folder; give a new folder for the Parquet dataset.")
    out.mkdir(parents=True, exist_ok=True)
    return _copy(store, filters, str(out), "FORMAT parquet, PARTITION_BY (event_month), OVERWRITE_OR_IGNORE",
                 f", coalesce(strftime(event_date, '%Y-%m'), '{UNDATED}') AS event_month")


def write_csv(store: Store, filters: EventFilter, out: Path) -> int:
    """One CSV file with a header row, comma-separated, UTF-8, dates as YYYY-MM-DD."""
    return _copy(store, filters, str(out), "FORMAT csv, HEADER true")
