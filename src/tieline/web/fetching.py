"""Fetching a page for `POST /api/ingest/url`: the crawler's `Fetcher` with its private-address guard.

The page is fetched exactly as `tieline ingest URL` fetches it (robots.txt, size and time caps,
redirects checked hop by hop), and the guard is the crawler's (`tieline.ingest.netguard`): every
address a host resolves to must be public, and the connection goes to the address that was
checked, so a name that resolves differently the second time (DNS rebinding) cannot redirect
the server to a private network. The page is then decoded as the crawler decodes pages.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass

from ..errors import InputError
from ..ingest.crawl import page_document
from ..ingest.feeds import Link
from ..ingest.fetch import PAGE_ACCEPT, CrawlPolicy, Fetcher, FetchError
from ..ingest.netguard import Resolver
from ..pipeline import RunStats

PRIVATE_SWITCH = "--allow-private-urls"  # `tieline serve`'s name for the crawler's --allow-private
MAX_PAGE_BYTES = 5 * 1024 * 1024
FETCH_TIMEOUT = 15.0  # seconds to connect, and between two reads
PAGE_TIMEOUT = 30.0  # seconds for the whole page
# Failures that are tieline's rules, not the site's: the client gets 422, not 502.
REFUSED_REASONS = frozenset({"private-address", "bad-url", "robots-disallowed"})


class UrlRefused(InputError):
    """The URL may not be fetched (a private address, another scheme, disallowed by robots.txt)."""


class FetchFailed(InputError):
    """The page could not be fetched or read (no such host, timeout, HTTP error, not a page)."""


@dataclass(frozen=True)
class FetchedPage:
    url: str  # after redirects, normalised
    content: str
    media_type: str  # text/html or text/plain


def page_policy(allow_private: bool = False) -> CrawlPolicy:
    """The crawl policy of one page fetched on a client's request: no wait between robots.txt and
    the page, one retry, and limits that keep a request short."""
    return CrawlPolicy(delay=0.0, timeout=FETCH_TIMEOUT, page_timeout=PAGE_TIMEOUT, retries=1, backoff=0.5,
                       max_bytes=MAX_PAGE_BYTES, allow_private=allow_private)


def fetch_page(url: str, *, allow_private: bool = False, resolver: Resolver = socket.getaddrinfo,
               policy: CrawlPolicy | None = None) -> FetchedPage:
    """GET a web page as the crawler does; raises UrlRefused or FetchFailed with a message that says why."""
    fetcher = Fetcher(policy or page_policy(allow_private), resolver=resolver, private_switch=PRIVATE_SWITCH)
    try:
        response = fetcher.get(url, accept=PAGE_ACCEPT, conditional=False)
    except FetchError as exc:
        if exc.reason in REFUSED_REASONS:
            raise UrlRefused(f"{exc.url} is refused: {exc.detail}.") from None
        raise FetchFailed(f"Fetching {exc.url} failed: {exc.detail}.") from None
    finally:
        fetcher.close()
    stats = RunStats()
    document = page_document(Link(url=url), response, stats)
    if document is None:
        raise FetchFailed(f"{stats.failures[0].message} Only web pages and plain text can be ingested.")
    return FetchedPage(url=document.url or response.url, content=str(document.content),
                       media_type=document.media_type)
