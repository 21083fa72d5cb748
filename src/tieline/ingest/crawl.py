"""Crawling news from the web: pages, RSS/Atom feeds and (news) sitemaps, as registered sources.

Discovery comes first (feeds and sitemaps are read, sitemap indexes followed), then the pages are
fetched host by host in the order that keeps every host's delay without idling, through the
polite `Fetcher`. Pages already in the store are not fetched again; everything that fails is a
`Failure` with a reason (http-404, timeout, robots-disallowed, private-address, too-large, …).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from ..models import Document, Failure
from ..pipeline import RunStats
from ..registry import sources
from .decoding import DecodeError, decode_markup, decode_text
from .feeds import FeedError, Link, parse_feed
from .fetch import FEED_ACCEPT, PAGE_ACCEPT, CrawlPolicy, Fetcher, FetchError, Response
from .identity import normalize_url, url_key
from .sitemaps import SitemapError, parse_sitemap

STAGE = "crawl"
READ_STAGE = "read"
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")


@dataclass
class CrawlPlan:
    """What to crawl: pages, feeds and sitemaps, and how much of it."""

    urls: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    since: datetime | None = None  # skip links a feed or sitemap dates before this
    max_pages: int | None = None
    max_sitemaps: int = 500  # sitemap files read at most, indexes included

    def __bool__(self) -> bool:
        return bool(self.urls or self.feeds or self.sitemaps)


class Crawler:
    def __init__(self, policy: CrawlPolicy | None = None, validators=None,
                 known_url: Callable[[str], bool] | None = None, fetcher: Fetcher | None = None):
        self.policy = policy or CrawlPolicy()
        self.fetcher = fetcher or Fetcher(self.policy, validators)
        self.known_url = known_url  # key -> already stored? (such pages are not fetched again)

    def _fail(self, stats: RunStats, url: str, reason: str, detail: str) -> None:
        stats.fail(Failure(url, STAGE, reason, f"{url}: {detail}."))

    # --- discovery ----------------------------------------------------------------------------

    def links(self, plan: CrawlPlan, stats: RunStats) -> Iterator[Link]:
        for url in plan.urls:
            yield Link(url=url)
        for feed in plan.feeds:
            yield from self._feed_links(feed, stats)
        yield from self._sitemap_links(plan, stats)

    def _feed_links(self, feed: str, stats: RunStats) -> Iterator[Link]:
        try:
            response = self.fetcher.get(feed, accept=FEED_ACCEPT)
        except FetchError as exc:
            self._fail(stats, exc.url, exc.reason, exc.detail)
            return
        if response.status == 304:
            stats.count(STAGE, "feeds-not-modified")
            return
        try:
            links = parse_feed(response.body, response.url, response.content_type)
        except FeedError as exc:
            self._fail(stats, feed, "bad-feed", str(exc))
            return
        except Exception as exc:  # feedparser on hostile bytes: never stop the crawl
            self._fail(stats, feed, "bad-feed", f"cannot be parsed as a feed ({type(exc).__name__}: {exc})")
            return
        stats.count(STAGE, "feeds")
        yield from links

    def _sitemap_links(self, plan: CrawlPlan, stats: RunStats) -> Iterator[Link]:
        pending = deque(plan.sitemaps)
        seen: set[str] = set()
        while pending:
            url = pending.popleft()
            key = normalize_url(url)
            if key in seen:
                continue
            seen.add(key)
            if len(seen) > plan.max_sitemaps:
                self._fail(stats, url, "too-many-sitemaps",
                           f"more than {plan.max_sitemaps} sitemaps; the rest are not read")
                return
            try:
                response = self.fetcher.get(url, accept=FEED_ACCEPT)
            except FetchError as exc:
                self._fail(stats, exc.url, exc.reason, exc.detail)
                continue
            if response.status == 304:
                stats.count(STAGE, "sitemaps-not-modified")
                continue
            try:
                sitemap = parse_sitemap(response.body, response.url, self.policy.max_bytes)
            except SitemapError as exc:
                self._fail(stats, url, "bad-sitemap", str(exc))
                continue
            except Exception as exc:
                self._fail(stats, url, "bad-sitemap", f"cannot be parsed ({type(exc).__name__}: {exc})")
                continue
            stats.count(STAGE, "sitemaps")
            if sitemap.error:
                self._fail(stats, url, "bad-sitemap", f"{sitemap.error}; the {len(sitemap.links)} link(s) before "
                                                      f"the damage are used")
            pending.extend(sitemap.children)
            yield from sitemap.links

    def _select(self, links: Iterable[Link], plan: CrawlPlan, stats: RunStats) -> list[Link]:
        """New links, each once, newest rules applied: since, already stored, max_pages."""
        chosen: list[Link] = []
        keys: set[str] = set()
        for link in links:
            key = url_key(link.url)
            if key in keys:
                stats.count(STAGE, "skipped:listed-twice")
                continue
            keys.add(key)
            when = link.published or link.modified
            if plan.since is not None and when is not None and when < plan.since:
                stats.count(STAGE, "skipped:older-than-since")
                continue
            if self.known_url is not None and self.known_url(key):
                stats.count("dedup", "already-stored")
                continue
            if plan.max_pages is not None and len(chosen) >= plan.max_pages:
                stats.count(STAGE, "skipped:over-max-pages")
                continue
            chosen.append(link)
        return chosen

    # --- fetching ------------------------------------------------------------------------------

    def pages(self, plan: CrawlPlan, stats: RunStats) -> Iterator[tuple[Link, Response]]:
        """Fetched pages (status 200), interleaving hosts so that no host's delay is wasted."""
        queues: dict[str, deque[Link]] = {}
        for link in self._select(self.links(plan, stats), plan, stats):
            host = link.url.split("/", 3)[2].lower() if "://" in link.url else link.url
            queues.setdefault(host, deque()).append(link)
        while queues:
            host = min(queues, key=lambda h: self.fetcher.ready_at(queues[h][0].url))
            link = queues[host].popleft()
            if not queues[host]:
                del queues[host]
            try:
                response = self.fetcher.get(link.url, accept=PAGE_ACCEPT)
            except FetchError as exc:
                self._fail(stats, exc.url, exc.reason, exc.detail)
                continue
            if response.status == 304:
                stats.count("dedup", "not-modified")
                continue
            stats.count(STAGE, "pages")
            yield link, response

    def documents(self, plan: CrawlPlan, stats: RunStats) -> Iterator[Document]:
        try:
            for link, response in self.pages(plan, stats):
                doc = page_document(link, response, stats)
                if doc is not None:
                    yield doc
        finally:
            self.fetcher.close()


def page_document(link: Link, response: Response, stats: RunStats) -> Document | None:
    """A fetched page as a Document, or a failure (not a page, empty, undecodable)."""
    url = response.url
    media = response.media_type
    if media not in PAGE_TYPES:
        stats.fail(Failure(url, READ_STAGE, "not-a-page", f"{url} is {media}, not a web page or text."))
        return None
    if not response.body.strip():
        stats.fail(Failure(url, READ_STAGE, "empty", f"{url} is empty."))
        return None
    try:
        text = decode_text(response.body) if media == "text/plain" else decode_markup(response.body,
                                                                                       response.content_type)
    except DecodeError as exc:
        stats.fail(Failure(url, READ_STAGE, exc.reason, f"{url} {exc.detail}."))
        return None
    stats.count(READ_STAGE, "documents")
    return Document(
        id=normalize_url(url),
        source=url,
        content=text,
        media_type="text/plain" if media == "text/plain" else "text/html",
        url=normalize_url(url),
        published=link.published.date() if link.published is not None else None,
        fetched=response.fetched,
        metadata={k: v for k, v in (("requested_url", response.requested if response.requested != url else None),
                                    ("listed_title", link.title), ("site_name", link.site_name),
                                    ("listed_language", link.language), ("via", link.via)) if v},
    )


@sources.register
class WebSource:
    """Pages, feeds and sitemaps on the web, fetched politely."""

    name = "web"
    version = "1"

    def __init__(self, urls: Iterable[str] = (), feeds: Iterable[str] = (), sitemaps: Iterable[str] = (),
                 policy: CrawlPolicy | None = None, validators=None, known_url: Callable[[str], bool] | None = None,
                 since: datetime | None = None, max_pages: int | None = None):
        self.plan = CrawlPlan(list(urls), list(feeds), list(sitemaps), since=since, max_pages=max_pages)
        self.crawler = Crawler(policy, validators, known_url)

    def read(self, stats: RunStats) -> Iterator[Document]:
        return self.crawler.documents(self.plan, stats)


@sources.register
class UrlSource(WebSource):
    """Web pages named by URL."""

    name = "urls"
    version = "1"

    def __init__(self, urls: Iterable[str], **options):
        super().__init__(urls=urls, **options)


@sources.register
class FeedSource(WebSource):
    """The articles that RSS or Atom feeds list."""

    name = "feeds"
    version = "1"

    def __init__(self, feeds: Iterable[str], **options):
        super().__init__(feeds=feeds, **options)


@sources.register
class SitemapSource(WebSource):
    """The pages that sitemaps, news sitemaps and sitemap indexes list."""

    name = "sitemaps"
    version = "1"

    def __init__(self, sitemaps: Iterable[str], **options):
        super().__init__(sitemaps=sitemaps, **options)
