"""Documents to Articles: main text and metadata out of HTML (trafilatura) or plain text.

HTML goes through trafilatura with `favor_precision` (falling back to its default settings when
that finds nothing), then through the web-mode cleaner (repeats, previous/next links, footers,
a byline line) and loses a first line that only repeats the title. On the Zyte article-extraction
benchmark this beats trafilatura's default output; see `benchmarks/extraction.py` and README.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime

from ..models import Article, Document, Failure
from ..pipeline import RunStats
from .textclean import clean_text

STAGE = "extract"


_WORD = re.compile(r"\w+")
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_SENTENCE = re.compile(r"[.!?。！？\"”]\s*$")


def _has_prose(text: str) -> bool:
    """Whether extracted text holds at least one sentence, not only menu words ("Home World")."""
    for paragraph in text.split("\n\n"):
        words = len(paragraph.split())
        if words >= 8 or (words >= 3 and _SENTENCE.search(paragraph)) or len(paragraph) >= 40:
            return True
    return False


def _words(text: str | None) -> str:
    return " ".join(_WORD.findall((text or "").lower()))


def _trafilatura(content: str, url: str | None) -> dict | None:
    import trafilatura

    for precise in (True, False):
        # Dates from the page's markup only: a guess from the text picks "© 2024" as 2024-01-01.
        result = trafilatura.bare_extraction(content, url=url, with_metadata=True, include_comments=False,
                                             favor_precision=precise, date_extraction_params=_DATE_PARAMS)
        if result is not None:
            meta = result.as_dict() if hasattr(result, "as_dict") else dict(result)
            if (meta.get("text") or "").strip():
                return meta
    return None


def _drop_title_lines(body: str, title: str | None) -> str:
    """trafilatura often starts the text with the headline; the article body does not."""
    lines = body.split("\n")
    key = _words(title)
    while key and len(lines) > 1 and _words(lines[0]) == key:
        lines.pop(0)
    return "\n".join(lines)


def extract_html(doc: Document) -> Article | None:
    meta = _trafilatura(doc.content, doc.url)
    if meta is None:
        return None
    title = doc.title or meta.get("title")
    body = _drop_title_lines(meta["text"].strip(), meta.get("title"))
    # trafilatura joins paragraphs with single newlines; tieline's articles use blank lines.
    cleaned = clean_text(body, detect_title=False, web=True)
    if not cleaned.text.strip() or not _has_prose(cleaned.text):
        return None
    extracted_date = meta.get("date") or (cleaned.published.isoformat() if cleaned.published else None)
    published, date_source = _published(doc, extracted_date)
    return Article(
        doc_id=doc.id,
        text=cleaned.text,
        title=title,
        url=doc.url or meta.get("url"),
        byline=meta.get("author") or cleaned.byline,
        published=published,
        date_source=date_source,
        site_name=meta.get("sitename") or doc.metadata.get("site_name"),
        dateline=cleaned.dateline,
        attributions=cleaned.attributions,
        source=doc.source,
        dropped_lines=len(cleaned.dropped),
        doc_key=doc.key,
    )


def extract_text(doc: Document) -> Article | None:
    cleaned = clean_text(doc.content)
    if not cleaned.text.strip():
        return None
    published, date_source = _published(doc, cleaned.published.isoformat() if cleaned.published else None)
    return Article(
        doc_id=doc.id,
        text=cleaned.text,
        title=doc.title or cleaned.title,
        url=doc.url,
        byline=cleaned.byline,
        published=published,
        date_source=date_source,
        dateline=cleaned.dateline,
        attributions=cleaned.attributions,
        source=doc.source,
        dropped_lines=len(cleaned.dropped),
        doc_key=doc.key,
    )


def url_date(url: str | None, fetched: datetime | None = None) -> date | None:
    """The day a page's address gives ("/2016/09/20/"), by htmldate's URL rules; none for a
    year and month alone, or for a day after the page was fetched."""
    if not url:
        return None
    from htmldate.extractors import extract_url_date
    from htmldate.utils import Extractor

    latest = fetched.replace(tzinfo=None) if fetched is not None else datetime.now()
    options = Extractor(extensive=False, max=latest, min=datetime(1990, 1, 1), original=True, format="%Y-%m-%d")
    found = extract_url_date(url, options)
    return date.fromisoformat(found) if found else None


_URL_YEAR_MONTH = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/")
# the page's number at the end of the segment after the month: "korea-fires-200329043852437.html"
_PAGE_STAMP = re.compile(r"(?:^|\D)(\d\d)(\d\d)(\d\d)\d*(?:\.\w+)?$")


def url_month(url: str | None, fetched: datetime | None = None) -> tuple[date, str] | None:
    """What an address with a year and a month but no day gives ("/2020/03/korea-fires-missiles-
    200329043852437.html"): the day, when the page's number starts with that year and month as
    YYMMDD, else the month (its first day). None for a month after the page was fetched."""
    found = _URL_YEAR_MONTH.search(url or "")
    if found is None:
        return None
    year, month = int(found.group(1)), int(found.group(2))
    page = re.split(r"[?#]", url[found.end():], maxsplit=1)[0]
    stamp = _PAGE_STAMP.search(page) if "/" not in page else None
    if stamp is not None and int(stamp.group(1)) == year % 100 and int(stamp.group(2)) == month:
        try:
            day = date(year, month, int(stamp.group(3)))
        except ValueError:
            day = None
        if day is not None and (fetched is None or day <= fetched.date()):
            return day, "url"
    first = date(year, month, 1)
    if fetched is not None and first > fetched.date():
        return None
    return first, "url-month"


# Sites whose article slugs end in the page's Unix time: "...-victory-1431065906", or from 2019
# with a leading 1, "...-with-putin-11547356133" (the Wall Street Journal and its sister titles).
# Elsewhere ten digits at a slug's end are as often a page number, so no other site is read so.
UNIX_TIME_SITES = ("wsj.com", "barrons.com")
_URL_UNIX_TIME = re.compile(r"^https?://([^/?#]+)/.*/[a-z0-9]+(?:-[a-z0-9]+)+-1?(\d{10})$")
_FIRST_UNIX_DAY = date(2000, 1, 1)


def url_unix_day(url: str | None, fetched: datetime | None = None) -> date | None:
    """The day of the Unix time that ends the slug of a site in `UNIX_TIME_SITES`; none outside
    2000 to the fetch."""
    path = re.split(r"[?#]", url or "", maxsplit=1)[0].rstrip("/")
    found = _URL_UNIX_TIME.search(path)
    host = found.group(1).lower() if found is not None else ""
    if not any(host == site or host.endswith("." + site) for site in UNIX_TIME_SITES):
        return None
    day = datetime.fromtimestamp(int(found.group(2)), tz=UTC).date()
    latest = fetched.date() if fetched is not None else date.today()
    return day if _FIRST_UNIX_DAY <= day <= latest else None


def _published(doc: Document, extracted: str | None) -> tuple[date | None, str]:
    if doc.published is not None:
        return doc.published, "document"
    if extracted:
        try:
            return date.fromisoformat(extracted[:10]), "extracted"
        except ValueError:
            pass
    from_url = url_date(doc.url, doc.fetched)
    if from_url is not None:
        return from_url, "url"
    stamped = url_unix_day(doc.url, doc.fetched)
    if stamped is not None:
        return stamped, "url"
    month = url_month(doc.url, doc.fetched)
    if month is not None:
        return month
    if doc.fetched is not None:
        return doc.fetched.date(), "crawl"
    return None, "none"


def extract_stage(documents: Iterable[Document], stats: RunStats) -> Iterator[Article]:
    """Pipeline stage: Document -> Article; pages with no main text become failures."""
    for doc in documents:
        if isinstance(doc.content, bytes):
            stats.fail(Failure(doc.source, STAGE, "not-decoded", f"{doc.source} was not decoded to text.", doc.id))
            continue
        try:
            article = extract_html(doc) if doc.media_type == "text/html" else extract_text(doc)
        except Exception as exc:  # a parser crash on one page must not stop the batch
            stats.fail(Failure(doc.source, STAGE, "extract-error", f"{doc.source}: extraction failed ({exc!r}).", doc.id))
            continue
        if article is None:
            stats.fail(
                Failure(doc.source, STAGE, "no-main-text",
                        f"{doc.source} has no main text (it is all navigation or boilerplate).", doc.id)
            )
            continue
        stats.count(STAGE, "articles")
        yield article
