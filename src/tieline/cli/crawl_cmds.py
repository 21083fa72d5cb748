"""Reading the web: `tieline crawl`, and the --feed/--sitemap/... options of `ingest` and `code`."""

from __future__ import annotations

import functools
from datetime import UTC, datetime
from pathlib import Path

import click
from rich.console import Console

from ..ingest import Crawler, CrawlPlan, CrawlPolicy, IngestOptions
from ..ingest.fetch import USER_AGENT
from ..ingest.sources import DEFAULT_MAX_BYTES
from ..pipeline import RunStats
from . import cli, parse_date, report_failures

_WEB_OPTIONS = [
    click.option("--feed", "feeds", multiple=True, metavar="URL",
                 help="RSS or Atom feed whose articles to fetch (repeatable)."),
    click.option("--sitemap", "sitemaps", multiple=True, metavar="URL",
                 help="Sitemap, news sitemap or sitemap index whose pages to fetch (repeatable)."),
    click.option("--since", "since", metavar="DATE",
                 help="Skip feed and sitemap links dated before this day (YYYY-MM-DD)."),
    click.option("--max-pages", type=click.IntRange(min=1), help="Fetch at most this many pages."),
    click.option("--max-bytes", type=click.IntRange(min=1024), default=DEFAULT_MAX_BYTES, show_default=True,
                 help="Size cap per document (a page, a JSON line, a WARC record), after decompression."),
    click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
                 help="Seconds between two requests to the same host (a site's Crawl-delay may raise it)."),
    click.option("--timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
                 help="Seconds to wait for a connection or for data."),
    click.option("--retries", type=click.IntRange(min=0, max=10), default=2, show_default=True,
                 help="Further attempts after a failed connection, HTTP 429 or 5xx, with exponential backoff."),
    click.option("--contact", metavar="EMAIL_OR_URL",
                 help="How site owners can reach you; added to the User-Agent."),
    click.option("--allow-private", is_flag=True,
                 help="Allow fetching from private, loopback and link-local addresses (refused by default)."),
]


def web_options(command):
    """Add the web-reading options to a command; it receives them as `web` (a dict)."""
    for option in reversed(_WEB_OPTIONS):
        command = option(command)

    @functools.wraps(command)
    def wrapper(*args, feeds, sitemaps, since, max_pages, max_bytes, delay, timeout, retries, contact,
                allow_private, **kwargs):
        web = dict(feeds=feeds, sitemaps=sitemaps, since=since, max_pages=max_pages, max_bytes=max_bytes,
                   delay=delay, timeout=timeout, retries=retries, contact=contact, allow_private=allow_private)
        return command(*args, web=web, **kwargs)

    return wrapper


def ingest_options(web: dict, inputs: tuple[str, ...] = ()) -> IngestOptions:
    """The API's options from the command line; with no input at all, a usage error."""
    if not inputs and not web["feeds"] and not web["sitemaps"]:
        raise click.UsageError("Missing argument 'INPUTS...': give files, folders or URLs, or --feed/--sitemap URLs.")
    since = parse_date(web["since"], "--since")
    agent = USER_AGENT if not web["contact"] else USER_AGENT[:-1] + f"; contact: {web['contact']})"
    policy = CrawlPolicy(user_agent=agent, delay=web["delay"], timeout=web["timeout"], retries=web["retries"],
                         max_bytes=web["max_bytes"], allow_private=web["allow_private"])
    return IngestOptions(
        feeds=tuple(web["feeds"]), sitemaps=tuple(web["sitemaps"]), policy=policy,
        since=datetime.fromisoformat(since).replace(tzinfo=UTC) if since else None,
        max_pages=web["max_pages"], max_bytes=web["max_bytes"],
    )


@cli.command("crawl")
@click.argument("urls", nargs=-1)
@click.option("--out", required=True, type=click.Path(dir_okay=False),
              help="WARC file to append the fetched pages to (.warc.gz is compressed).")
@web_options
def crawl_cmd(urls: tuple[str, ...], out: str, web: dict) -> None:
    """Fetch pages, and the articles that feeds and sitemaps list, into a WARC archive.

    The crawl is polite: it honours robots.txt, waits --delay seconds between requests to one
    host, names tieline in its User-Agent, retries with backoff, caps page size and refuses
    private addresses unless --allow-private. Code the archive later with `tieline ingest
    crawl.warc.gz`, as often as needed, without fetching again.

    \b
    Example:
      tieline crawl --feed https://news.example.org/rss.xml --out crawl.warc.gz
      tieline crawl --sitemap https://news.example.org/news-sitemap.xml --since 2024-06-01 --out june.warc.gz
    """
    from warcio.warcwriter import WARCWriter

    from ..ingest.warc import write_response

    if not urls and not web["feeds"] and not web["sitemaps"]:
        raise click.UsageError("Nothing to crawl: give page URLs, --feed or --sitemap.")
    options = ingest_options(web, urls)
    plan = CrawlPlan(urls=list(urls), feeds=list(options.feeds), sitemaps=list(options.sitemaps),
                     since=options.since, max_pages=options.max_pages)
    for url in [*plan.urls, *plan.feeds, *plan.sitemaps]:
        if not url.lower().startswith(("http://", "https://")):
            raise click.BadParameter(f"'{url}' is not an http(s) URL.")
    stats = RunStats()
    crawler = Crawler(options.policy)
    pages = 0
    err = Console(stderr=True, highlight=False)
    with Path(out).open("ab") as handle, err.status("crawling…") as status:
        writer = WARCWriter(handle, gzip=out.endswith(".gz"))
        try:
            for _, response in crawler.pages(plan, stats):
                write_response(writer, response.url, response.status, response.headers, response.body,
                               response.fetched)
                pages += 1
                status.update(f"crawling… {pages} page(s), {len(stats.failures)} failed")
        finally:
            crawler.fetcher.close()
    counts = crawler.fetcher.counts
    Console(highlight=False, soft_wrap=True).print(
        f"Fetched {pages} page(s) into {out} with {counts.requests} request(s) "
        f"({counts.retries} retried, {counts.not_modified} not modified); {len(stats.failures)} failed.")
    report_failures(stats)
