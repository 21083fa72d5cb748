"""What every executor does: run a coding job over a stream of documents, in input order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..models import Article, Document, Event
from ..pipeline import RunStats
from . import parquet
from .job import ChunkResult, CodingJob


class Executor:
    """Runs the article stages and the coder (`CodingJob`) somewhere: this process, a pool of
    processes, a Spark cluster. The stages never know which."""

    name = ""

    def __init__(self) -> None:
        self.peak_rss: dict[int, int] = {}  # worker process id -> its peak resident memory, bytes
        self.crashes = 0  # worker processes that died while coding

    def describe(self) -> str:
        return self.name

    def run(self, documents: Iterable[Document], job: CodingJob, stats: RunStats) -> Iterator[tuple[Article, list[Event]]]:
        """Coded articles in the order of `documents`; counts and failures are merged into `stats`."""
        raise NotImplementedError

    def write_parquet(self, documents: Iterable[Document], job: CodingJob, stats: RunStats, out: str | Path) -> int:
        """Code the documents and write their events as a Parquet dataset (see `parquet`)."""
        return parquet.write_events((e for _, events in self.run(documents, job, stats) for e in events), Path(out))

    def take(self, result: ChunkResult, stats: RunStats) -> list[tuple[Article, list[Event]]]:
        stats.merge(result.stats)
        self.peak_rss[result.worker] = max(self.peak_rss.get(result.worker, 0), result.peak_rss)
        return result.items

    def close(self) -> None:
        """Release what the executor holds (a Spark session); it may be used again afterwards."""

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
