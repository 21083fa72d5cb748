"""What every worker runs on its share of the documents, whatever the engine.

A `CodingJob` names the coder; `run_chunk(job, documents)` runs the article stages (extraction,
language) and the coder on one chunk of identified documents and returns the coded articles with
the chunk's counts and failures. The pipeline is built once per process and kept: a pool worker
or a Spark Python worker that is handed many chunks loads spaCy and the dictionaries once. Chunks
are the unit of batching too: every engine hands the coder the same chunks, so the coder's
`nlp.pipe` batches, and hence its events, are the same whichever engine runs them.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import resource
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..coding.base import Coder
from ..models import Article, Document, Event
from ..pipeline import Pipeline, RunStats

DEFAULT_CODER = "cameo.rules"
CHUNK_SIZE = 16  # documents per chunk: one `nlp.pipe` batch of the rules coder
_WARM_UP = Document(id="tieline-warm-up", source="tieline-warm-up",
                    content="On Monday the Cuban president met the North Korean leader in Havana and praised "
                            "his country's support.", published=None)


@dataclass(frozen=True)
class CodingJob:
    """The coder every worker builds: a registered coder's name (and pattern files), or, for the
    local engine only, a coder object that forked workers inherit."""

    coder: str | Coder = DEFAULT_CODER
    pattern_files: tuple[str, ...] = ()  # absolute paths
    fingerprint: str = ""  # of the pattern files' contents: an edited file makes a new job
    chunk_size: int = CHUNK_SIZE
    prefilter: bool = True  # False: a coder made by name parses every sentence

    @classmethod
    def create(cls, coder: str | Coder = DEFAULT_CODER, pattern_files: Iterable[str | Path] = (),
               chunk_size: int = CHUNK_SIZE, prefilter: bool = True) -> CodingJob:
        paths = tuple(str(Path(p).resolve()) for p in pattern_files)
        digest = hashlib.sha256()
        for path in paths:
            digest.update(path.encode("utf-8"))
            with contextlib.suppress(OSError):  # an unreadable file is reported when the coder loads it
                digest.update(Path(path).read_bytes())
        return cls(coder, paths, digest.hexdigest()[:16] if paths else "", chunk_size, prefilter)

    @property
    def by_name(self) -> bool:
        return isinstance(self.coder, str)

    def pipeline(self) -> Pipeline:
        """This process's pipeline for the job, built on first use."""
        return self._loaded()[0]

    def coder_object(self) -> Coder:
        return self._loaded()[1]

    def _loaded(self) -> tuple[Pipeline, Coder]:
        loaded = _LOADED.get(self)
        if loaded is None:
            loaded = _LOADED[self] = _build(self)
        return loaded

    def warm_up(self) -> None:
        """Build the pipeline and code one short text, so that what loads lazily (places,
        dates) is loaded too: in a parent process before forking, workers then start ready."""
        list(self.pipeline().run([_WARM_UP], RunStats()))


@dataclass
class ChunkResult:
    """One chunk coded: its articles with their events, its counts and failures, and who did it."""

    items: list[tuple[Article, list[Event]]]
    stats: RunStats
    worker: int = field(default_factory=os.getpid)
    peak_rss: int = 0  # the worker's peak resident memory so far, in bytes


_LOADED: dict[CodingJob, tuple[Pipeline, Coder]] = {}


def _build(job: CodingJob) -> tuple[Pipeline, Coder]:
    from ..api import coding_stage, make_coder  # api routes through the executors: imported when used
    from ..ingest import extract_stage, language_stage

    coder = (make_coder(job.coder, job.pattern_files, prefilter=job.prefilter) if isinstance(job.coder, str)
             else job.coder)
    return Pipeline([extract_stage, language_stage, coding_stage(coder)]), coder


def run_chunk(job: CodingJob, documents: Iterable[Document]) -> ChunkResult:
    """Extract, clean, identify the language of and code one chunk of documents."""
    pipeline, coder = job._loaded()
    stats = RunStats()
    with _memory_zone(coder):
        items = list(pipeline.run(documents, stats))
    return ChunkResult(items, stats, os.getpid(), peak_rss())


def peak_rss() -> int:
    """This process's peak resident set size in bytes (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if os.uname().sysname == "Darwin" else peak * 1024


def chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for doc in documents:
        chunk.append(doc)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _memory_zone(coder: Coder):
    """spaCy's memory zone around one chunk: the strings and lexemes its texts add to the
    vocabulary are freed afterwards, so a long run's workers do not grow (spaCy >= 3.8)."""
    nlp = getattr(coder, "nlp", None)
    zone = getattr(nlp, "memory_zone", None)
    return zone() if zone is not None else contextlib.nullcontext()
