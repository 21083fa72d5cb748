"""What an ingest run did, in the counts a user asks for, and a progress bar for long runs."""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field

from ..pipeline import RunStats, describe_reasons

DUPLICATE_KINDS = ("already-stored", "repeated-in-run", "not-modified")


@dataclass
class IngestSummary:
    """read: documents read from the inputs; kept: stored with English text (and coded);
    duplicated: already in the store, repeated in this run, or unchanged since the last crawl
    (these are not fetched or stored again); non_english: stored with their language, not coded;
    failed: inputs and documents that could not be used, by reason."""

    read: int = 0
    kept: int = 0
    duplicated: int = 0
    non_english: int = 0
    non_english_paragraphs: int = 0
    failed: Counter = field(default_factory=Counter)

    @classmethod
    def from_stats(cls, stats: RunStats, stored: int) -> IngestSummary:
        counts = stats.counts
        duplicated = sum(counts["dedup"][kind] for kind in DUPLICATE_KINDS) + counts["store"]["skipped:already-stored"]
        non_english = counts["language"]["non-english-documents"]
        return cls(
            read=counts["read"]["documents"],
            kept=max(0, stored - non_english),
            duplicated=duplicated,
            non_english=non_english,
            non_english_paragraphs=counts["language"]["non-english-paragraphs"],
            failed=stats.failure_reasons(),
        )

    def line(self) -> str:
        failed = sum(self.failed.values())
        reasons = describe_reasons(self.failed)
        extra = (f" ({self.non_english_paragraphs} paragraph(s) in other languages kept, not coded)"
                 if self.non_english_paragraphs else "")
        return (f"Summary: read {self.read}, kept {self.kept}, duplicated {self.duplicated}, "
                f"non-English {self.non_english}{extra}, failed {failed}" + (f" ({reasons})" if reasons else "") + ".")


class IngestProgress:
    """A rich progress bar on stderr while documents flow; silent when stderr is not a terminal."""

    def __init__(self, enabled: bool | None = None, total_bytes: int | None = None):
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.total_bytes = total_bytes or None
        self._progress = None
        self._task = None

    def __enter__(self) -> IngestProgress:
        if not self.enabled:
            return self
        from rich.console import Console
        from rich.progress import BarColumn, DownloadColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        columns = [SpinnerColumn(), TextColumn("[bold]ingest[/]"), BarColumn(), DownloadColumn(),
                   TextColumn("{task.description}"), TimeElapsedColumn()]
        self._progress = Progress(*columns, console=Console(stderr=True), transient=False)
        self._progress.start()
        self._task = self._progress.add_task("starting", total=self.total_bytes)
        return self

    def on_bytes(self, n: int) -> None:
        if self._progress is not None and n:
            self._progress.advance(self._task, n)

    def update(self, stats: RunStats) -> None:
        if self._progress is None:
            return
        counts = stats.counts
        duplicated = sum(counts["dedup"][kind] for kind in DUPLICATE_KINDS)
        self._progress.update(self._task, description=(
            f"read {counts['read']['documents']} · stored {counts['store']['documents']} · "
            f"duplicated {duplicated} · failed {len(stats.failures)}"))

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.stop()
