"""XML sitemaps, Google News sitemaps and sitemap indexes (lxml, streamed element by element).

A sitemap is read with entity expansion, DTDs and network access switched off, so a hostile file
cannot make the parser read local files or explode in memory. Plain-text sitemaps (one URL per
line) are accepted too, and gzip-compressed files are unpacked up to the size cap.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from .feeds import Link, join_url


class SitemapError(ValueError):
    """Bytes that are not a sitemap (or are damaged); the message says why."""


@dataclass
class Sitemap:
    url: str
    links: list[Link] = field(default_factory=list)  # pages (a urlset)
    children: list[str] = field(default_factory=list)  # further sitemaps (a sitemap index)
    error: str | None = None  # set when the file broke off; what was read before is kept


def gunzip_capped(data: bytes, max_bytes: int) -> bytes:
    """Unpack gzip data, refusing more than `max_bytes` of output (a gzip bomb)."""
    unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = unpacker.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise SitemapError(f"is damaged gzip data ({exc})") from None
    if len(out) > max_bytes:
        raise SitemapError(f"unpacks to more than {max_bytes:,} bytes (the size cap)")
    if not unpacker.eof:
        raise SitemapError("is truncated gzip data")
    return out


def _parse_date(text: str | None) -> datetime | None:
    if not text:
        return None
    text = text.strip()
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            value = datetime.combine(date.fromisoformat(text[:10]), datetime.min.time())
        except ValueError:
            return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _direct(element, name: str) -> str | None:
    for child in element:
        if _local(child.tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def _news(element, name: str) -> str | None:
    """A field of the Google News extension (<news:news>), wherever it sits inside <url>."""
    for child in element.iter():
        tag = child.tag if isinstance(child.tag, str) else ""
        if "sitemap-news" in tag and _local(tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def _drop(element) -> None:
    """Free a finished element and the finished siblings before it (keeps memory flat)."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def parse_sitemap(data: bytes, url: str, max_bytes: int) -> Sitemap:
    """Pages and child sitemaps named in `data`; raises SitemapError when nothing can be read."""
    if data[:2] == b"\x1f\x8b":
        data = gunzip_capped(data, max_bytes)
    result = Sitemap(url=url)
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head != b"<":
        return _parse_text(data, result)
    from lxml import etree

    events = etree.iterparse(io.BytesIO(data), events=("start", "end"), resolve_entities=False, no_network=True,
                             load_dtd=False, huge_tree=False, remove_comments=True)
    root_name = None
    try:
        for event, element in events:
            name = _local(element.tag)
            if event == "start":
                root_name = root_name or name
                continue
            if name == "url" and root_name == "urlset":
                loc = _direct(element, "loc")
                if loc:
                    result.links.append(Link(
                        url=join_url(url, loc),
                        published=_parse_date(_news(element, "publication_date")),
                        modified=_parse_date(_direct(element, "lastmod")),
                        title=_news(element, "title"),
                        site_name=_news(element, "name"),
                        language=(_news(element, "language") or "").split("-")[0].lower() or None,
                        via=url,
                    ))
                _drop(element)
            elif name == "sitemap" and root_name == "sitemapindex":
                loc = _direct(element, "loc")
                if loc:
                    result.children.append(join_url(url, loc))
                _drop(element)
    except etree.XMLSyntaxError as exc:
        if not result.links and not result.children:
            raise SitemapError(f"is not valid XML ({exc})") from None
        result.error = f"breaks off: {exc}"
    if root_name not in ("urlset", "sitemapindex"):
        raise SitemapError(f"is not a sitemap (its root element is <{root_name or '?'}>, not <urlset> or "
                           f"<sitemapindex>)")
    return result


def _parse_text(data: bytes, result: Sitemap) -> Sitemap:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SitemapError("is neither XML nor a UTF-8 list of URLs") from None
    for line in text.splitlines():
        line = line.strip()
        if line.lower().startswith(("http://", "https://")):
            result.links.append(Link(url=line, via=result.url))
    if not result.links:
        raise SitemapError("is neither XML nor a list of URLs")
    return result
