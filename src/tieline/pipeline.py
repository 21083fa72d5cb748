"""Stages, pipelines and the counts that make a run auditable.

A stage is any callable `stage(records, stats) -> iterator`: it takes an iterator of one
record type and yields the next. A stage never raises on a bad record: it calls
`stats.fail(...)` with a reason and moves on. A pipeline is a plain list of stages; where it
runs (this process, a pool, Spark) is up to an executor in `tieline.scale`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .models import Failure

Stage = Callable[[Iterable[Any], "RunStats"], Iterator[Any]]


@dataclass
class RunStats:
    """Per-stage counters and the failures of one run."""

    counts: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    failures: list[Failure] = field(default_factory=list)

    def count(self, stage: str, what: str, n: int = 1) -> None:
        self.counts[stage][what] += n

    def fail(self, failure: Failure) -> None:
        self.failures.append(failure)
        self.counts[failure.stage][f"failed:{failure.reason}"] += 1

    def merge(self, other: RunStats) -> None:
        for stage, counter in other.counts.items():
            self.counts[stage].update(counter)
        self.failures.extend(other.failures)

    def failure_reasons(self) -> Counter:
        return Counter(f.reason for f in self.failures)

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {stage: dict(counter) for stage, counter in self.counts.items()}


@dataclass
class Pipeline:
    stages: list[Stage]

    def run(self, records: Iterable[Any], stats: RunStats) -> Iterator[Any]:
        stream: Iterable[Any] = records
        for stage in self.stages:
            stream = stage(stream, stats)
        yield from stream


def describe_reasons(reasons: Counter) -> str:
    """ "2 empty, 1 binary, 1 not-utf8": most frequent first, ties by name, so runs print alike."""
    return ", ".join(f"{n} {reason}" for reason, n in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])))
