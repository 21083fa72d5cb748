"""From what the user named (paths, URLs, --feed, --sitemap) to registered sources and documents."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..errors import InputError
from ..models import Document
from ..pipeline import Pipeline, RunStats
from .crawl import WebSource
from .extract import extract_stage
from .fetch import CrawlPolicy
from .identity import identify_stage
from .language import language_stage
from .sources import DEFAULT_MAX_BYTES, FileSource, check_paths, is_url


@dataclass
class IngestOptions:
    """Everything beyond the list of inputs: web seeds, crawl politeness, limits."""

    feeds: Sequence[str] = ()
    sitemaps: Sequence[str] = ()
    policy: CrawlPolicy = field(default_factory=CrawlPolicy)
    since: datetime | None = None  # feed and sitemap links dated earlier are not fetched
    max_pages: int | None = None  # web pages fetched at most
    max_bytes: int = DEFAULT_MAX_BYTES  # per local document (web pages: policy.max_bytes)

    def described(self, inputs: Sequence[str | Path]) -> list[str]:
        """The run's inputs as recorded in the store."""
        return [str(i) for i in inputs] + [f"feed:{u}" for u in self.feeds] + [f"sitemap:{u}" for u in self.sitemaps]


def split_inputs(inputs: Iterable[str | Path]) -> tuple[list[str | Path], list[str]]:
    paths, urls = [], []
    for item in inputs:
        (urls if is_url(item) else paths).append(item)
    return paths, urls


def _check_web(urls: Iterable[str], what: str) -> None:
    for url in urls:
        if not is_url(url):
            raise InputError(f"The {what} '{url}' is not an http(s) URL; give it as https://…")


def open_sources(inputs: Sequence[str | Path], options: IngestOptions | None = None, *,
                 known_url: Callable[[str], bool] | None = None, validators=None,
                 on_bytes: Callable[[int], None] | None = None) -> list:
    """The sources that read `inputs` and the options' feeds and sitemaps; raises InputError early
    (before anything is fetched) for a missing file, an unsupported type or a malformed URL."""
    options = options or IngestOptions()
    paths, urls = split_inputs(inputs)
    _check_web(options.feeds, "feed")
    _check_web(options.sitemaps, "sitemap")
    if not paths and not urls and not options.feeds and not options.sitemaps:
        raise InputError("No input given. Name at least one file, folder or URL, or a --feed or --sitemap, "
                         "e.g. `tieline code article.txt`.")
    found: list = []
    if paths:
        check_paths(paths)
        found.append(FileSource(paths, max_bytes=options.max_bytes, on_bytes=on_bytes))
    if urls or options.feeds or options.sitemaps:
        found.append(WebSource(urls=urls, feeds=options.feeds, sitemaps=options.sitemaps, policy=options.policy,
                               validators=validators, known_url=known_url, since=options.since,
                               max_pages=options.max_pages))
    return found


def read_documents(sources: Iterable, stats: RunStats) -> Iterator[Document]:
    for source in sources:
        yield from source.read(stats)


def articles(sources: Iterable, stats: RunStats, extra_document_stages: Sequence = ()) -> Iterator:
    """Documents -> Articles with only English paragraphs in `text`: what runs before coding.
    `extra_document_stages` run on identified documents before extraction (e.g. skipping known ones)."""
    stages = [identify_stage, *extra_document_stages, extract_stage, language_stage]
    return Pipeline(stages).run(read_documents(sources, stats), stats)
