"""The functions that the CLI (and later the REST API) call. Each is usable from Python directly."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .coding.base import Coder
from .ingest import FileSource, extract_stage
from .models import Article, Event, Failure
from .pipeline import Pipeline, RunStats
from .registry import coders
from .store import Store

DEFAULT_CODER = "cameo.rules"
CODE_STAGE = "code"
STORE_STAGE = "store"


def make_coder(spec: str = DEFAULT_CODER, pattern_files: Sequence[str | Path] = ()) -> Coder:
    """A registered coder by name ("cameo.rules" or "cameo.rules.v2")."""
    factory = coders.get(spec).factory
    return factory(pattern_files=tuple(Path(p) for p in pattern_files))


def read_articles(inputs: Sequence[str | Path], stats: RunStats) -> Iterator[Article]:
    """Documents from files and folders, cleaned into articles; failures go into `stats`."""
    source = FileSource(inputs)
    return Pipeline([extract_stage]).run(source.read(stats), stats)


def coding_stage(coder: Coder) -> Callable[[Iterable[Article], RunStats], Iterator[tuple[Article, list[Event]]]]:
    def stage(articles: Iterable[Article], stats: RunStats) -> Iterator[tuple[Article, list[Event]]]:
        def on_error(article: Article, exc: Exception) -> None:
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
) -> Iterator[Event]:
    """Code events from files without storing anything (`tieline code`)."""
    stats = stats if stats is not None else RunStats()
    coder_obj = make_coder(coder, pattern_files) if isinstance(coder, str) else coder
    for _, events in coding_stage(coder_obj)(read_articles(inputs, stats), stats):
        yield from events


@dataclass
class IngestReport:
    run_id: str
    db: str
    stats: RunStats
    totals: dict[str, int] = field(default_factory=dict)

    @property
    def documents_read(self) -> int:
        return self.stats.counts["read"]["documents"]

    @property
    def documents_stored(self) -> int:
        return self.stats.counts[STORE_STAGE]["documents"]

    @property
    def already_stored(self) -> int:
        return self.stats.counts[STORE_STAGE]["skipped:already-stored"]

    @property
    def events_coded(self) -> int:
        return self.stats.counts[CODE_STAGE]["events"]

    @property
    def failed(self) -> int:
        return len(self.stats.failures)


def _skip_known(store: Store) -> Callable[[Iterable[Article], RunStats], Iterator[Article]]:
    def stage(articles: Iterable[Article], stats: RunStats) -> Iterator[Article]:
        for article in articles:
            if store.known_documents([article.doc_id]):
                stats.count(STORE_STAGE, "skipped:already-stored")
                continue
            yield article

    return stage


def ingest(
    inputs: Sequence[str | Path],
    db: str | Path = "tieline.duckdb",
    coder: str | Coder = DEFAULT_CODER,
    pattern_files: Sequence[str | Path] = (),
    batch_size: int = 32,
) -> IngestReport:
    """Read, code and store documents (`tieline ingest`). Documents already stored are skipped."""
    coder_obj = make_coder(coder, pattern_files) if isinstance(coder, str) else coder
    stats = RunStats()
    with Store(db) as store:
        run_id = store.begin_run([str(i) for i in inputs], coder_obj.qualified_name, coder_obj.dictionary_version)
        pipeline = Pipeline([extract_stage, _skip_known(store), coding_stage(coder_obj)])
        batch: list[tuple[Article, list[Event]]] = []
        for item in pipeline.run(FileSource(inputs).read(stats), stats):
            batch.append(item)
            if len(batch) >= batch_size:
                _flush(store, run_id, batch, stats)
        _flush(store, run_id, batch, stats)
        store.write_failures(run_id, stats.failures)
        store.finish_run(run_id, stats.as_dict())
        totals = store.counts()
    return IngestReport(run_id=run_id, db=str(db), stats=stats, totals=totals)


def _flush(store: Store, run_id: str, batch: list[tuple[Article, list[Event]]], stats: RunStats) -> None:
    store.write_batch(run_id, batch)
    stats.count(STORE_STAGE, "documents", len(batch))
    stats.count(STORE_STAGE, "events", sum(len(e) for _, e in batch))
    batch.clear()


def events(db: str | Path = "tieline.duckdb", **filters):
    """Stored events as a DataFrame; filters as `Store.events`."""
    with Store(db, read_only=True) as store:
        return store.events(**filters)


def open(db: str | Path = "tieline.duckdb", read_only: bool = False) -> Store:  # noqa: A001 - tieline.open
    """Open a store for notebooks: `tieline.open("tieline.duckdb").events(actor="PRK")`."""
    return Store(db, read_only=read_only)
