"""RSS and Atom feeds (feedparser): the articles a feed lists, with their dates and titles."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin


@dataclass(slots=True)
class Link:
    """A page to fetch, as a feed or sitemap announced it."""

    url: str
    published: datetime | None = None  # publication date (feed entry, news sitemap)
    modified: datetime | None = None  # last change (feed <updated>, sitemap <lastmod>)
    title: str | None = None
    site_name: str | None = None
    language: str | None = None
    via: str | None = None  # the feed or sitemap that listed it


def join_url(base: str, link: str) -> str:
    """`link` resolved against `base`; a link too broken to resolve is kept as it is (and fails later)."""
    try:
        return urljoin(base, link)
    except ValueError:
        return link


class FeedError(ValueError):
    """Bytes that are not a feed; the message says why."""


def _when(entry, *names: str) -> datetime | None:
    for name in names:
        parsed = dict.get(entry, name)  # not entry.get: feedparser maps a missing date to another one
        if parsed:
            try:
                return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
            except (OverflowError, ValueError, TypeError):
                continue
    return None


def parse_feed(data: bytes, feed_url: str, content_type: str | None = None) -> list[Link]:
    """The entries of an RSS or Atom feed as links; raises FeedError when it is not a feed.

    feedparser is given the bytes only, never the URL, so it fetches nothing by itself.
    """
    import feedparser

    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(data, response_headers=headers, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise FeedError(f"is not an RSS or Atom feed{f' ({problem})' if problem else ''}")
    site = parsed.feed.get("title") or None
    language = (parsed.feed.get("language") or "").split("-")[0].lower() or None
    links = []
    for entry in parsed.entries:
        url = entry.get("link") or next(
            (link.get("href") for link in entry.get("links", []) if link.get("rel") in (None, "alternate")), None)
        if not url:
            continue
        links.append(Link(
            url=join_url(feed_url, url.strip()),
            published=_when(entry, "published_parsed", "created_parsed"),
            modified=_when(entry, "updated_parsed"),
            title=entry.get("title") or None,
            site_name=site,
            language=language,
            via=feed_url,
        ))
    return links
