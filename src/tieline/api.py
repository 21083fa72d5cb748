"""The functions that the CLI (and later the REST API) call. Each is usable from Python directly."""

from __future__ import annotations

import hashlib
import inspect
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .coding.base import Coder
from .errors import CodingTimeout, ConfigError, StoreError
from .ingest import (
    Identities,
    IngestOptions,
    IngestProgress,
    IngestSummary,
    articles,
    identify_stage,
    open_sources,
    read_documents,
)
from .ingest.httpcache import StoreValidators
from .ingest.neardup import NearDuplicateIndex
from .models import Article, Event, Failure
from .pipeline import Pipeline, RunStats
from .registry import coders
from .scale import CodingJob, Executor, LocalExecutor
from .store import DEFAULT_DEDUP, BatchResult, DedupRule, Store, dedup_rule

DEFAULT_CODER = "cameo.rules"
CODE_STAGE = "code"
STORE_STAGE = "store"


def make_coder(spec: str = DEFAULT_CODER, pattern_files: Sequence[str | Path] = (), prefilter: bool = True) -> Coder:
    """A registered coder by name ("cameo.rules" or "cameo.rules.v2"). `prefilter=False` makes a
    coder that has a pre-filter parse every sentence."""
    factory = coders.get(spec).factory
    options: dict = {"pattern_files": tuple(Path(p) for p in pattern_files)}
    if not prefilter:
        if "prefilter" not in inspect.signature(factory).parameters:
            raise ConfigError(f"The coder '{spec}' has no pre-filter to turn off; leave out --no-prefilter.")
        options["prefilter"] = False
    return factory(**options)


def read_articles(inputs: Sequence[str | Path], stats: RunStats,
                  options: IngestOptions | None = None) -> Iterator[Article]:
    """Documents from files, folders, URLs, feeds and sitemaps, cleaned into articles whose `text`
    holds the English paragraphs; failures go into `stats`."""
    return articles(open_sources(inputs, options), stats)


def coding_stage(coder: Coder) -> Callable[[Iterable[Article], RunStats], Iterator[tuple[Article, list[Event]]]]:
    def stage(articles: Iterable[Article], stats: RunStats) -> Iterator[tuple[Article, list[Event]]]:
        def on_error(article: Article, exc: Exception) -> None:
            if isinstance(exc, CodingTimeout):
                stats.fail(Failure(article.source or article.doc_id, CODE_STAGE, "coder-timeout", str(exc),
                                   article.doc_id))
                return
            stats.fail(Failure(article.source or article.doc_id, CODE_STAGE, "coder-error",
                               f"Coding {article.doc_id} failed ({exc!r}); the article was skipped.", article.doc_id))

        for article, events in coder.code_many(articles, on_error=on_error):
            stats.count(CODE_STAGE, "articles")
            stats.count(CODE_STAGE, "events", len(events))
            yield article, events

    return stage


def code(
    inputs: Sequence[str | Path],
    coder: str | Coder = DEFAULT_CODER,
    pattern_files: Sequence[str | Path] = (),
    stats: RunStats | None = None,
    options: IngestOptions | None = None,
    executor: Executor | None = None,
    prefilter: bool = True,
) -> Iterator[Event]:
    """Code events from files without storing anything (`tieline code`). `executor` says where
    the articles are cleaned and coded (`tieline.scale`; default: in this process)."""
    stats = stats if stats is not None else RunStats()
    executor = executor or LocalExecutor(jobs=1)
    documents = identify_stage(read_documents(open_sources(inputs, options), stats), stats)
    for _, events in executor.run(documents, CodingJob.create(coder, pattern_files, prefilter=prefilter), stats):
        yield from events


def code_to_parquet(
    inputs: Sequence[str | Path],
    out: str | Path,
    coder: str | Coder = DEFAULT_CODER,
    pattern_files: Sequence[str | Path] = (),
    stats: RunStats | None = None,
    options: IngestOptions | None = None,
    executor: Executor | None = None,
    prefilter: bool = True,
) -> int:
    """Code documents and write their events as a Parquet dataset by event month, OUT a new or
    empty folder (`tieline code --parquet`); with the Spark engine the workers write it, and OUT
    may also be a URI the cluster writes to (hdfs://, s3a://). Returns the number of events."""
    stats = stats if stats is not None else RunStats()
    executor = executor or LocalExecutor(jobs=1)
    documents = identify_stage(read_documents(open_sources(inputs, options), stats), stats)
    return executor.write_parquet(documents, CodingJob.create(coder, pattern_files, prefilter=prefilter), stats, out)


@dataclass
class IngestReport:
    run_id: str
    db: str
    stats: RunStats
    totals: dict[str, int] = field(default_factory=dict)
    dedup: str = DEFAULT_DEDUP
    resumed: list[str] = field(default_factory=list)  # runs found interrupted and closed

    @property
    def documents_read(self) -> int:
        return self.stats.counts["read"]["documents"]

    @property
    def documents_stored(self) -> int:
        return self.stats.counts[STORE_STAGE]["documents"]

    @property
    def already_stored(self) -> int:
        return self.stats.counts["dedup"]["already-stored"] + self.stats.counts[STORE_STAGE]["skipped:already-stored"]

    @property
    def summary(self) -> IngestSummary:
        return IngestSummary.from_stats(self.stats, stored=self.documents_stored)

    @property
    def events_coded(self) -> int:
        return self.stats.counts[CODE_STAGE]["events"]

    @property
    def new_events(self) -> int:
        return self.stats.counts[STORE_STAGE]["events:new"]

    @property
    def merged_mentions(self) -> int:
        return self.stats.counts[STORE_STAGE]["mentions:merged"]

    @property
    def failed(self) -> int:
        return len(self.stats.failures)


def dictionary_manifest(pattern_files: Sequence[str | Path] = ()) -> dict[str, dict[str, str]]:
    """Every dictionary and table the coders read (the package's `data/` folders and the user's
    pattern files), with its declared version and the sha256 of its bytes."""
    manifest: dict[str, dict[str, str]] = {}

    def add(name: str, raw: bytes) -> None:
        match = re.search(rb"^version[:\t ]+[\"']?([^\"'\r\n]+)", raw, re.MULTILINE)
        manifest[name] = {"version": match.group(1).decode("utf-8", "replace").strip() if match else "",
                          "sha256": hashlib.sha256(raw).hexdigest()}

    def add_files(folder, prefix: str) -> None:
        for item in sorted(folder.iterdir(), key=lambda p: p.name):
            if item.is_file():
                add(f"{prefix}{item.name}", item.read_bytes())
            elif item.is_dir():
                add_files(item, f"{prefix}{item.name}/")

    def walk(folder, prefix: str) -> None:
        for item in sorted(folder.iterdir(), key=lambda p: p.name):
            if item.is_dir() and item.name not in ("demo", "__pycache__", "migrations"):
                if item.name == "data":
                    add_files(item, f"{prefix}data/")
                else:
                    walk(item, f"{prefix}{item.name}/")

    walk(resources.files("tieline"), "")
    for path in pattern_files:
        add(f"patterns:{Path(path).resolve()}", Path(path).read_bytes())
    return manifest


def ingest(
    inputs: Sequence[str | Path],
    db: str | Path = "tieline.duckdb",
    coder: str | Coder = DEFAULT_CODER,
    pattern_files: Sequence[str | Path] = (),
    batch_size: int = 32,
    options: IngestOptions | None = None,
    progress: bool | None = False,
    dedup: str = DEFAULT_DEDUP,
    executor: Executor | None = None,
    prefilter: bool = True,
) -> IngestReport:
    """Read, code, deduplicate and store documents (`tieline ingest`).

    Incremental and idempotent: documents already stored (same key: the normalised URL or the
    content hash) are skipped, before they are fetched when the URL is known. Crash-safe: each
    batch of documents is stored with its sentences, mentions, events, failures and the run's
    counts in one transaction, so a run killed at any moment leaves whole documents only; the
    next run marks the killed run 'interrupted' and stores what it had not. `progress=None` shows
    a progress bar when stderr is a terminal. `executor` says where articles are cleaned and coded
    (`tieline.scale`; default: in this process); reading, deduplication and storing stay here.
    """
    options = options or IngestOptions()
    rule = dedup_rule(dedup)
    executor = executor or LocalExecutor(jobs=1)
    job = CodingJob.create(coder, pattern_files, prefilter=prefilter)
    coder_obj = job.coder_object()
    stats = RunStats()
    with Store(db) as store:
        resumed = store.close_interrupted_runs()
        identities = Identities(store)
        validators = StoreValidators(store)
        bar = IngestProgress(enabled=progress)
        sources = open_sources(inputs, options, known_url=identities.known, validators=validators,
                               on_bytes=bar.on_bytes if bar.enabled else None)
        if bar.enabled:
            bar.total_bytes = sum(s.total_bytes() for s in sources if hasattr(s, "total_bytes")) or None
        run_id = store.begin_run(
            options.described(inputs), coder_obj.qualified_name, coder_obj.dictionary_version,
            coder_name=coder_obj.name, coder_version=str(coder_obj.version),
            dictionaries=dictionary_manifest(pattern_files), dedup=rule.name,
        )
        near_dups = NearDuplicateIndex(stored=store.near_duplicate_candidates)
        flush = _Flusher(store, run_id, rule, near_dups, stats, identities)
        documents = Pipeline([identify_stage, identities.stage]).run(read_documents(sources, stats), stats)
        stories = _story_groups(near_dups, executor.run(documents, job, stats), stats)
        batch: list[tuple[Article, list[Event]]] = []
        with bar:
            for item in stories:
                batch.append(item)
                if len(batch) >= batch_size:
                    flush(batch)
                bar.update(stats)
            flush(batch)
            bar.update(stats)
        validators.flush()
        store.finish_run(run_id, stats.as_dict(), stats.failures[flush.failures_written:])
        totals = store.counts()
    return IngestReport(run_id=run_id, db=str(db), stats=stats, totals=totals, dedup=rule.name, resumed=resumed)


def _story_groups(near_dups: NearDuplicateIndex, coded: Iterable[tuple[Article, list[Event]]],
                  stats: RunStats) -> Iterator[tuple[Article, list[Event]]]:
    """Coded articles with their near-duplicate story group set (coding does not use it, so the
    groups are found after coding, here, where the index of the run is)."""
    waiting: deque[list[Event]] = deque()

    def articles_of() -> Iterator[Article]:
        for article, events in coded:
            waiting.append(events)
            yield article

    for article in near_dups.stage(articles_of(), stats):
        yield article, waiting.popleft()


@dataclass
class _Flusher:
    """Stores a batch with the failures seen since the last one and the run's counts so far."""

    store: Store
    run_id: str
    rule: DedupRule
    near_dups: NearDuplicateIndex
    stats: RunStats
    identities: Identities
    failures_written: int = 0

    def __call__(self, batch: list[tuple[Article, list[Event]]]) -> None:
        if not batch:
            return
        pending = RunStats()
        pending.merge(self.stats)
        pending.count(STORE_STAGE, "documents", len(batch))
        failures = self.stats.failures[self.failures_written:]
        signatures = {a.doc_id: self.near_dups.signature(a.doc_id) for a, _ in batch}
        try:
            result = self.store.write_batch(self.run_id, batch, self.rule, signatures=signatures,
                                            failures=failures, counts=pending.as_dict())
        except StoreError:
            if len(batch) == 1:
                raise
            for item in batch:  # find the document the store refuses, keep the others
                self._one(item)
            batch.clear()
            return
        self.failures_written = len(self.stats.failures)
        self.identities.committed((a.doc_id, a.doc_key) for a, _ in batch)
        self._count(result)
        batch.clear()

    def _one(self, item: tuple[Article, list[Event]]) -> None:
        article = item[0]
        try:
            self([item])
        except StoreError as exc:
            self.stats.fail(Failure(article.source or article.doc_id, STORE_STAGE, "store-error",
                                    f"Storing {article.doc_id} failed ({exc}); the document was skipped.",
                                    article.doc_id))

    def _count(self, result: BatchResult) -> None:
        self.stats.count(STORE_STAGE, "documents", result.documents)
        self.stats.count(STORE_STAGE, "mentions", result.mentions)
        self.stats.count(STORE_STAGE, "events:new", result.new_events)
        self.stats.count(STORE_STAGE, "mentions:merged", result.merged_mentions)


def events(db: str | Path = "tieline.duckdb", **filters):
    """Stored (deduplicated) events as a DataFrame; filters as `Store.events`."""
    with Store(db, read_only=True) as store:
        return store.events(**filters)


def open(db: str | Path = "tieline.duckdb", read_only: bool = False) -> Store:  # noqa: A001 - tieline.open
    """Open a store for notebooks: `tieline.open("tieline.duckdb").events(actor="PRK")`."""
    return Store(db, read_only=read_only)
