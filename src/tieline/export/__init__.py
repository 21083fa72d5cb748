"""Exports of the stored (deduplicated) events in the formats analysts use.

    gdelt           GDELT 2.0 event table: 61 tab-separated columns, no header
    gdelt-mentions  GDELT 2.0 mentions table: 16 tab-separated columns, no header
    plover          PLOVER/POLECAT JSON lines (checked against plover.schema.json)
    parquet         a folder of Parquet files partitioned by event month
    csv             one CSV file with a header
    graphml, gexf   a directed country network weighted by event counts and Goldstein means
"""

from __future__ import annotations

import sys
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigError
from ..store import EventFilter, Store
from . import gdelt, network, plover, tables
from .rows import event_rows, events_sql, mention_rows

FORMATS = ("gdelt", "gdelt-mentions", "plover", "parquet", "csv", "graphml", "gexf")
STREAM_FORMATS = ("gdelt", "gdelt-mentions", "plover", "csv")  # may be written to standard output ("-")


@dataclass
class ExportResult:
    format: str
    out: str
    rows: int  # events written (mentions for gdelt-mentions, edges for networks)
    skipped: Counter = field(default_factory=Counter)  # events a format cannot hold, by reason
    nodes: int = 0


@contextmanager
def _text_out(out: str):
    if out == "-":
        yield sys.stdout
        sys.stdout.flush()
    else:
        with open(out, "w", encoding="utf-8", newline="\n") as handle:
            yield handle


def export(store: Store, fmt: str, out: str | Path, filters: EventFilter | None = None) -> ExportResult:
    """Write the events that match `filters` to `out` in format `fmt`."""
    filters = filters or EventFilter()
    out = str(out)
    if fmt not in FORMATS:
        raise ConfigError(f"'{fmt}' is not an export format; use one of {', '.join(FORMATS)}.")
    if out == "-" and fmt not in STREAM_FORMATS:
        raise ConfigError(f"The {fmt} format is written to a file or folder, not to standard output; give a path.")
    if fmt == "gdelt":
        with _text_out(out) as handle:
            return ExportResult(fmt, out, gdelt.write_events(event_rows(store, filters), handle))
    if fmt == "gdelt-mentions":
        with _text_out(out) as handle:
            return ExportResult(fmt, out, gdelt.write_mentions(mention_rows(store, filters), handle))
    if fmt == "plover":
        with _text_out(out) as handle:
            written, skipped = plover.write(event_rows(store, filters), handle)
        return ExportResult(fmt, out, written, skipped)
    if fmt == "parquet":
        return ExportResult(fmt, out, tables.write_parquet(store, filters, Path(out)))
    if fmt == "csv":
        if out == "-":
            frame = store.con.execute(*events_sql(filters)).df()
            frame.to_csv(sys.stdout, index=False)
            return ExportResult(fmt, out, len(frame))
        return ExportResult(fmt, out, tables.write_csv(store, filters, Path(out)))
    graph = network.country_graph(store, filters)
    network.write_graph(graph, Path(out), fmt)
    return ExportResult(fmt, out, graph.number_of_edges(), nodes=graph.number_of_nodes())


__all__ = ["FORMATS", "ExportResult", "export", "gdelt", "network", "plover", "tables"]
