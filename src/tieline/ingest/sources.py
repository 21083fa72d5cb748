"""Local inputs: files and folders of .txt, .html, .htm, .jsonl, .json, .warc (and .gz of any of
them), read as a stream of Documents.

Everything is streamed: a JSON-lines or WARC file is read record by record and a JSON array item
by item, so memory does not grow with the size of the input; one document is held at a time, and
none larger than the size cap. Every input that cannot be used becomes a `Failure` with a reason;
the stream goes on.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..models import Document, Failure
from ..pipeline import RunStats
from ..registry import sources
from .decoding import DecodeError, decode_markup, decode_text
from .warc import read_warc

STAGE = "read"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # per document (a page, a JSON line, a WARC record)
SUFFIXES = {
    ".txt": "text/plain", ".html": "text/html", ".htm": "text/html", ".jsonl": "jsonl", ".json": "json",
    ".warc": "warc",
}
SUPPORTED = sorted([*SUFFIXES, *(s + ".gz" for s in SUFFIXES)])
_CHUNK = 1 << 16


def input_kind(path: Path) -> tuple[str, bool] | None:
    """(kind, gzip-compressed) from the file name, e.g. ("jsonl", True) for `wire.jsonl.gz`."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    compressed = bool(suffixes) and suffixes[-1] == ".gz"
    if compressed:
        suffixes = suffixes[:-1]
    kind = SUFFIXES.get(suffixes[-1]) if suffixes else None
    return (kind, compressed) if kind else None


def is_url(value: str | Path) -> bool:
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


STDIN = Path("/dev/stdin")


def is_stream(path: Path) -> bool:
    """Standard input ("-") or a pipe (`<(zcat wire.jsonl.gz)`): read once, its kind told by its content."""
    return path == STDIN or (path.exists() and not path.is_file() and not path.is_dir())


def check_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The paths as Path objects ("-" is standard input); raises InputError naming the first that
    cannot be read."""
    checked = []
    for raw in paths:
        path = STDIN if str(raw) == "-" else Path(raw)
        if is_stream(path):
            checked.append(path)
            continue
        if not path.exists():
            raise InputError(
                f"Input '{raw}' does not exist. Give a file or folder of {', '.join(SUFFIXES)} documents "
                f"(optionally .gz), or an http(s) URL."
            )
        if path.is_file() and input_kind(path) is None:
            raise InputError(
                f"Input '{raw}' has an unsupported type. Supported: {', '.join(SUPPORTED)} (or a folder of them)."
            )
        checked.append(path)
    if not checked:
        raise InputError("No input given. Name at least one file or folder, e.g. `tieline code article.txt`.")
    return checked


def sniff_kind(head: bytes) -> str:
    """The kind of a stream from its first bytes: "warc", "jsonl", "json", "text/html" or "text/plain"."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"WARC/"):
        return "warc"
    if text.startswith(b"{"):
        return "jsonl"
    if text.startswith(b"["):
        return "json"
    if text.startswith(b"<"):
        return "text/html"
    return "text/plain"


@contextmanager
def _open_stream(file: Path):
    """A peekable binary stream: the process's standard input for "-", else the pipe opened."""
    if file == STDIN:
        stdin = sys.stdin.buffer
        yield stdin if hasattr(stdin, "peek") else io.BufferedReader(stdin)
        return
    with file.open("rb") as raw:
        yield raw


def _gzip_head(data: bytes) -> bytes:
    """The first decompressed bytes of a gzip member (empty if they cannot be had)."""
    try:
        return zlib.decompressobj(wbits=31).decompress(data, 16)
    except zlib.error:
        return b""


_REASON_MESSAGES = {
    "empty": "is empty",
    "unreadable": "cannot be read",
    "truncated-gzip": "is a truncated or damaged gzip file",
    "too-large": "is over the size cap",
}


def _failure(source: str, reason: str, detail: str = "", doc_id: str | None = None) -> Failure:
    message = f"{source} {_REASON_MESSAGES.get(reason, reason)}" + (f": {detail}" if detail else ".")
    return Failure(source=source, stage=STAGE, reason=reason, message=message, doc_id=doc_id)


def _decode_failure(source: str, exc: DecodeError, doc_id: str | None = None) -> Failure:
    return Failure(source=source, stage=STAGE, reason=exc.reason, message=f"{source} {exc.detail}.", doc_id=doc_id)


# The names news datasets and scrapers give a record's id and publication date, in the order tried
# (tieline's own, then Kaggle/AllSides-style, newspaper3k, schema.org, RSS, GDELT's `seendate`).
ID_FIELDS = ("id", "ID", "doc_id", "_id", "guid", "uuid")
PUBLISHED_FIELDS = ("published", "date", "published_at", "publish_date", "publication_date", "pub_date",
                    "pubDate", "datePublished", "seendate")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T?\d{2,6}Z?)?")


def parse_published(value) -> date | None:
    """A publication date from ISO 8601 ("2016-09-20", "2016-09-20T10:00:00Z"), RFC 2822 ("Tue, 20
    Sep 2016 10:00:00 GMT"), GDELT's compact "20160920T100000Z", Unix seconds, or an English date
    with day, month and year ("20 September 2016"); ValueError when it is none of them."""
    if value in (None, ""):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not 1e8 < value < 1e10:
            raise ValueError(f"{value} is not a date")
        return datetime.fromtimestamp(value, UTC).date()
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    compact = _COMPACT.fullmatch(text)
    if compact:
        return date(*map(int, compact.groups()))
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    import dateparser  # a second or so to import: only for the formats above do not cover

    found = dateparser.parse(text, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    if found is None:
        raise ValueError(f"{text!r} is not a date")
    return found.date()


def _first(record: dict, fields: tuple[str, ...]):
    return next((record[f] for f in fields if record.get(f) not in (None, "")), None)


class _Counting:
    """A binary file that reports how many bytes were read from disk (for the progress bar)."""

    def __init__(self, raw: BinaryIO, on_bytes: Callable[[int], None]):
        self._raw, self._on_bytes = raw, on_bytes

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        self._on_bytes(len(data))
        return data

    def readinto(self, buffer) -> int:
        n = self._raw.readinto(buffer)
        self._on_bytes(n or 0)
        return n

    def readline(self, size: int = -1) -> bytes:
        data = self._raw.readline(size)
        self._on_bytes(len(data))
        return data

    def __getattr__(self, name):
        return getattr(self._raw, name)


_STREAM_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)


@sources.register
class FileSource:
    """Files and folders on the local disk."""

    name = "files"
    version = "2"

    def __init__(self, paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES,
                 on_bytes: Callable[[int], None] | None = None):
        self.paths = check_paths(paths)
        self.max_bytes = max_bytes
        self.on_bytes = on_bytes  # called with the number of bytes read from disk

    def files(self, stats: RunStats | None = None) -> Iterator[tuple[Path, str]]:
        """(file, id) pairs; ids are file names, relative to a folder that was given."""
        for path in self.paths:
            if path == STDIN:
                yield path, "stdin"
                continue
            if path.is_file() or is_stream(path):
                yield path, path.name
                continue
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                rel = child.relative_to(path)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if input_kind(child) is None:
                    if stats is not None:
                        stats.count(STAGE, "skipped:unsupported-type")
                    continue
                yield child, rel.as_posix()

    def total_bytes(self) -> int:
        return sum(f.stat().st_size for f, _ in self.files() if not is_stream(f))

    def read(self, stats: RunStats) -> Iterator[Document]:
        for file, doc_id in self.files(stats):
            yield from self._read_file(file, doc_id, stats)

    @contextmanager
    def _open(self, file: Path, compressed: bool):
        with file.open("rb") as raw:
            counted = _Counting(raw, self.on_bytes) if self.on_bytes else raw
            if compressed:
                with gzip.GzipFile(fileobj=counted, mode="rb") as unzipped:
                    yield unzipped
            else:
                yield counted

    def _read_file(self, file: Path, doc_id: str, stats: RunStats) -> Iterator[Document]:
        source = "stdin" if file == STDIN else str(file)
        kind, compressed = input_kind(file) or ("text/plain", False)
        try:
            if is_stream(file):
                yield from self._read_stream(file, source, doc_id, stats)
                return
            fetched = datetime.fromtimestamp(file.stat().st_mtime, tz=UTC)
            if kind == "warc":  # warcio reads gzip-per-record archives itself
                with file.open("rb") as raw:
                    stream = _Counting(raw, self.on_bytes) if self.on_bytes else raw
                    yield from read_warc(stream, source, stats, self.max_bytes)
                return
            with self._open(file, compressed) as stream:
                yield from self._read_kind(stream, kind, source, doc_id, file.name, fetched, stats)
        except _STREAM_ERRORS as exc:
            stats.fail(_failure(source, "truncated-gzip", f"{exc}; the documents before the damage were read",
                                doc_id))
        except OSError as exc:
            stats.fail(_failure(source, "unreadable", exc.strerror or str(exc), doc_id))

    def _read_kind(self, stream: BinaryIO, kind: str, source: str, doc_id: str, name: str, fetched: datetime,
                   stats: RunStats) -> Iterator[Document]:
        if kind == "jsonl":
            yield from self._read_jsonl(stream, source, name, fetched, stats)
        elif kind == "json":
            yield from self._read_json(stream, source, name, fetched, stats)
        else:
            doc = self._read_single(stream, source, doc_id, kind, fetched, stats)
            if doc is not None:
                yield doc

    def _read_stream(self, file: Path, source: str, doc_id: str, stats: RunStats) -> Iterator[Document]:
        """Standard input or a pipe: opened once, its kind told from its first bytes (gzip, WARC,
        JSON lines, a JSON array, HTML, else plain text)."""
        fetched = datetime.now(tz=UTC)
        with _open_stream(file) as raw:
            counted = _Counting(raw, self.on_bytes) if self.on_bytes else raw
            if raw.peek(2)[:2] == b"\x1f\x8b":
                if _gzip_head(raw.peek(4096)).startswith(b"WARC/"):  # warcio unzips record by record
                    yield from read_warc(counted, source, stats, self.max_bytes)
                    return
                with gzip.GzipFile(fileobj=counted, mode="rb") as unzipped:
                    kind = sniff_kind(unzipped.peek(512))
                    yield from self._stream_kind(unzipped, kind, source, doc_id, fetched, stats)
                return
            kind = sniff_kind(raw.peek(512))
            yield from self._stream_kind(counted, kind, source, doc_id, fetched, stats)

    def _stream_kind(self, stream: BinaryIO, kind: str, source: str, doc_id: str, fetched: datetime,
                     stats: RunStats) -> Iterator[Document]:
        if kind == "warc":
            yield from read_warc(stream, source, stats, self.max_bytes)
        else:
            yield from self._read_kind(stream, kind, source, doc_id, doc_id, fetched, stats)

    def _read_single(self, stream: BinaryIO, source: str, doc_id: str, kind: str, fetched: datetime,
                     stats: RunStats) -> Document | None:
        raw = stream.read(self.max_bytes + 1)
        if len(raw) > self.max_bytes:
            stats.fail(_failure(source, "too-large", f"more than {self.max_bytes:,} bytes; raise --max-bytes "
                                                     f"if it is one document", doc_id))
            return None
        try:
            text = decode_markup(raw) if kind == "text/html" else decode_text(raw)
        except DecodeError as exc:
            stats.fail(_decode_failure(source, exc, doc_id))
            return None
        if not text.strip():
            stats.fail(_failure(source, "empty", doc_id=doc_id))
            return None
        stats.count(STAGE, "documents")
        return Document(id=doc_id, source=source, content=text, media_type=kind, fetched=fetched)

    def _lines(self, stream: BinaryIO, source: str, stats: RunStats) -> Iterator[tuple[int, bytes]]:
        """(line number, line) pairs; a line over the size cap is reported and skipped."""
        lineno = 0
        while True:
            line = stream.readline(self.max_bytes + 1)
            if not line:
                return
            lineno += 1
            if len(line) > self.max_bytes and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):  # skip the rest of the long line
                    line = stream.readline(_CHUNK)
                stats.fail(_failure(f"{source}:{lineno}", "too-large",
                                    f"the line is over {self.max_bytes:,} bytes; raise --max-bytes if it is one "
                                    f"document"))
                continue
            yield lineno, line

    def _read_jsonl(self, stream: BinaryIO, source: str, name: str, fetched: datetime,
                    stats: RunStats) -> Iterator[Document]:
        nonblank, failures_before = 0, len(stats.failures)
        for lineno, line in self._lines(stream, source, stats):
            if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                continue
            nonblank += 1
            where = f"{source}:{lineno}"
            try:
                record = json.loads(line.decode("utf-8"))
            except UnicodeDecodeError:
                stats.fail(Failure(where, STAGE, "not-utf8", f"{where} is not UTF-8; JSON lines must be UTF-8."))
                continue
            except json.JSONDecodeError as exc:
                stats.fail(Failure(where, STAGE, "bad-json",
                                   f"{where} is not valid JSON ({exc.msg}); each line must be one JSON object."))
                continue
            doc = record_document(record, where, f"{name}:{lineno}", fetched, stats)
            if doc is not None:
                yield doc
        if nonblank == 0 and len(stats.failures) == failures_before:
            stats.fail(_failure(source, "empty", "it holds no JSON lines"))

    def _read_json(self, stream: BinaryIO, source: str, name: str, fetched: datetime,
                   stats: RunStats) -> Iterator[Document]:
        """A JSON array of document objects (read item by item) or a single document object."""
        import ijson

        head = stream.peek(64)[:64] if hasattr(stream, "peek") else b""
        first = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        if first == b"{":
            raw = stream.read(self.max_bytes + 1)
            if len(raw) > self.max_bytes:
                stats.fail(_failure(source, "too-large", f"one JSON object of more than {self.max_bytes:,} bytes"))
                return
            try:
                record = json.loads(decode_text(raw))
            except DecodeError as exc:
                stats.fail(_decode_failure(source, exc))
                return
            except json.JSONDecodeError as exc:
                stats.fail(Failure(source, STAGE, "bad-json", f"{source} is not valid JSON ({exc.msg} at line "
                                                              f"{exc.lineno})."))
                return
            doc = record_document(record, source, name, fetched, stats)
            if doc is not None:
                yield doc
            return
        index = 0
        try:
            for index, record in enumerate(ijson.items(stream, "item", use_float=True), 1):
                doc = record_document(record, f"{source}[{index}]", f"{name}:{index}", fetched, stats)
                if doc is not None:
                    yield doc
        except ijson.JSONError as exc:
            stats.fail(Failure(source, STAGE, "bad-json",
                               f"{source} is not valid JSON after item {index} ({exc}); give an array of objects "
                               f"with `text` or `html`, or one such object. Items before the error were read."))
            return
        except UnicodeDecodeError:
            stats.fail(Failure(source, STAGE, "not-utf8", f"{source} is not UTF-8; JSON files must be UTF-8."))
            return
        if index == 0 and first == b"[":
            stats.fail(_failure(source, "empty", "it is an empty JSON array"))
        elif index == 0:
            stats.fail(Failure(source, STAGE, "bad-json",
                               f"{source} is not a JSON array or object of documents; give an array of objects "
                               f"with `text` or `html`, or one such object."))


def record_document(record, where: str, default_id: str, fetched: datetime | None, stats: RunStats,
                    ) -> Document | None:
    """A Document from a JSON object with `text` or `html` (and optional id, url, published, title;
    the id and date also under the other names of ID_FIELDS and PUBLISHED_FIELDS)."""
    if not isinstance(record, dict):
        stats.fail(Failure(where, STAGE, "bad-json",
                           f"{where} is not a JSON object; each record must be one object with `text` or `html`."))
        return None
    doc_id = _first(record, ID_FIELDS)
    doc_id = str(doc_id) if isinstance(doc_id, str | int) and str(doc_id).strip() else default_id
    html, body = record.get("html"), record.get("text")
    content = html if isinstance(html, str) and html.strip() else body
    if not isinstance(content, str) or not content.strip():
        stats.fail(Failure(where, STAGE, "no-text", f"{where} has no `text` or `html` field with content.", doc_id))
        return None
    if "\x00" in content:
        stats.fail(Failure(where, STAGE, "binary", f"{where} has NUL characters in its text; it is not text.", doc_id))
        return None
    try:
        published = parse_published(_first(record, PUBLISHED_FIELDS))
    except (ValueError, OverflowError, OSError):
        published = None
        stats.count(STAGE, "warning:bad-published-date")
    stats.count(STAGE, "documents")
    url = record.get("url")
    title = record.get("title")
    return Document(
        id=doc_id,
        source=where,
        content=content,
        media_type="text/html" if content is html else "text/plain",
        url=url.strip() if isinstance(url, str) and url.strip() else None,
        published=published,
        fetched=fetched,
        title=title if isinstance(title, str) else None,
    )


@sources.register
class WarcSource(FileSource):
    """WARC archives (.warc, .warc.gz), such as Common Crawl's CC-NEWS files; other files are skipped."""

    name = "warc"
    version = "1"

    def files(self, stats: RunStats | None = None) -> Iterator[tuple[Path, str]]:
        for file, doc_id in super().files(stats):
            if (input_kind(file) or ("", False))[0] == "warc":
                yield file, doc_id
            elif stats is not None:
                stats.count(STAGE, "skipped:not-warc")
