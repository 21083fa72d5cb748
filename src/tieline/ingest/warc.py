"""WARC archives (Common Crawl CC-NEWS and CC-MAIN, crawls written by `tieline crawl`), read as a
stream of records with warcio, and written with warcio's WARCWriter.

Only successful HTML and plain-text responses (and `resource` records) are documents; requests,
metadata, redirects and images are counted as skipped. A record cut short (the archive was
truncated) is a failure with reason `truncated-warc`; the records before it are kept.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import BinaryIO

from ..models import Document, Failure
from ..pipeline import RunStats
from .decoding import DecodeError, decode_markup, decode_text
from .identity import normalize_url

STAGE = "read"
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
WARC_TYPES = ("warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion", "continuation")


def _warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)
    except ValueError:
        return None


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def read_warc(stream: BinaryIO, name: str, stats: RunStats, max_bytes: int) -> Iterator[Document]:
    """Documents from a WARC stream (gzip-compressed per record, or not); `name` labels sources."""
    from warcio.archiveiterator import ArchiveIterator

    iterator = ArchiveIterator(stream, arc2warc=True)
    offset = 0
    records = iter(iterator)
    seen = 0
    member = None  # the gzip member of the last record, to tell a clean end from a cut one
    end = 0  # where the last complete record ends
    while True:
        try:
            record = next(records)
            seen += 1
        except StopIteration:
            size = _size(stream)
            if seen == 0 and not size:
                stats.fail(Failure(name, STAGE, "empty", f"{name} holds no WARC records.", None))
                return
            if seen == 0:
                stats.fail(Failure(name, STAGE, "truncated-warc",
                                   f"{name} holds no complete WARC record; it is truncated or damaged.", None))
                return
            slack = 0 if member is not None else 4  # an uncompressed record is followed by CRLF CRLF
            if (size is not None and size > end + slack) or (
                    member is not None and not getattr(member, "eof", True)):
                stats.fail(Failure(name, STAGE, "truncated-warc",
                                   f"{name} is truncated: it ends inside a record after byte {end}. The "
                                   f"{seen} record(s) before the cut were read.", None))
            return
        except Exception as exc:  # warcio raises several kinds on a damaged archive
            stats.fail(Failure(f"{name}#{offset}", STAGE, "truncated-warc",
                               f"{name} is damaged or truncated after byte {offset} ({exc}); the records before "
                               f"it were read.", None))
            return

        def where() -> str:  # warcio knows the offset only once the record has been read to its end
            return f"{name}#{iterator.get_record_offset()}"

        try:
            doc = _document(record, where, stats, max_bytes)
        except _Truncated:
            return
        except Exception as exc:
            label = f"{name} (after byte {offset})"
            stats.fail(Failure(label, STAGE, "truncated-warc",
                               f"{label}: a record cannot be read ({exc}); the archive is damaged or truncated.", None))
            return
        offset = iterator.get_record_offset()
        end = offset + iterator.get_record_length()
        member = getattr(iterator.reader, "decompressor", None) if iterator.reader is not None else None
        if doc is not None:
            stats.count(STAGE, "documents")
            yield doc


def _document(record, locate, stats: RunStats, max_bytes: int) -> Document | None:
    kind = record.rec_type
    if kind not in WARC_TYPES:
        where = locate()
        stats.fail(Failure(where, STAGE, "bad-warc", f"{where} is not a valid WARC record (type {kind!r}).", None))
        return None
    if kind not in ("response", "resource", "conversion"):
        stats.count(STAGE, f"skipped:warc-{kind}")
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    if kind == "response":
        if record.http_headers is None:
            stats.count(STAGE, "skipped:warc-non-http")
            return None
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            stats.count(STAGE, f"skipped:http-{status or 'unknown'}")
            return None
        content_type = record.http_headers.get_header("Content-Type")
    else:
        content_type = record.rec_headers.get_header("Content-Type")
    media = _media_type(content_type) or "text/html"
    if media not in PAGE_TYPES:
        stats.count(STAGE, "skipped:not-a-page")
        return None
    if record.length is not None and record.length > max_bytes + 65536:
        where = locate()
        stats.fail(Failure(where, STAGE, "too-large",
                           f"{where} ({url}) is {record.length:,} bytes, over the size cap of {max_bytes:,}; "
                           f"raise it with --max-bytes if the page is wanted.", None))
        return None
    body = record.content_stream().read(max_bytes + 1)
    truncated = len(body) <= max_bytes and _cut_short(record.raw_stream)
    where = locate()
    if len(body) > max_bytes:
        stats.fail(Failure(where, STAGE, "too-large",
                           f"{where} ({url}) is over the size cap of {max_bytes:,} bytes once decompressed; "
                           f"raise it with --max-bytes if the page is wanted.", None))
        return None
    if truncated:
        stats.fail(Failure(where, STAGE, "truncated-warc",
                           f"{where} ({url}) is cut short: the archive ends inside this record. The records "
                           f"before it were read.", None))
        raise _Truncated
    if not body.strip():
        stats.fail(Failure(where, STAGE, "empty", f"{where} ({url}) has an empty body.", None))
        return None
    try:
        text = decode_text(body) if media == "text/plain" else decode_markup(body, content_type)
    except DecodeError as exc:
        stats.fail(Failure(where, STAGE, exc.reason, f"{where} ({url}) {exc.detail}.", None))
        return None
    return Document(
        id=normalize_url(url) if url else where,
        source=where,
        content=text,
        media_type="text/plain" if media == "text/plain" else "text/html",
        url=normalize_url(url) if url else None,
        fetched=_warc_date(record.rec_headers.get_header("WARC-Date")),
        metadata={"warc_record_id": record.rec_headers.get_header("WARC-Record-ID"), "target_uri": url},
    )


def _size(stream) -> int | None:
    try:
        return os.fstat(stream.fileno()).st_size
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        pass
    try:
        here = stream.tell()
        size = stream.seek(0, 2)
        stream.seek(here)
        return size
    except (AttributeError, OSError, ValueError):
        return None


def _cut_short(stream) -> bool:
    """Read what is left of a record; True if the archive ended before the record did."""
    while stream.read(1 << 16):
        pass
    return getattr(stream, "limit", 0) > 0


class _Truncated(Exception):
    """Raised after a truncated record was reported, to stop reading the archive."""


def write_response(writer, url: str, status: int, headers: list[tuple[str, str]], body: bytes,
                   fetched: datetime | None = None) -> None:
    """Append one HTTP response (with its request) to a warcio WARCWriter, as CC-NEWS archives have."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders

    date = (fetched or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    reason = {200: "OK", 304: "Not Modified"}.get(status, "")
    kept = [(k, v) for k, v in headers if k.lower() not in ("content-encoding", "transfer-encoding", "content-length")]
    kept.append(("Content-Length", str(len(body))))
    http_headers = StatusAndHeaders(f"{status} {reason}".strip(), kept, protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=http_headers,
                                       warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)
