"""Local inputs: files and folders of .txt, .html, .htm and .jsonl, read as a stream of Documents.

Every input that cannot be used becomes a `Failure` with a reason; the stream goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

from ..errors import InputError
from ..models import Document, Failure
from ..pipeline import RunStats
from ..registry import sources

STAGE = "read"
SUFFIXES = {".txt": "text/plain", ".html": "text/html", ".htm": "text/html", ".jsonl": "jsonl"}
_SNIFF_BYTES = 8192


def check_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The paths as Path objects; raises InputError naming the first that does not exist."""
    checked = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"Input '{raw}' does not exist. Give a file or folder of .txt, .html or .jsonl documents.")
        if path.is_file() and _kind(path) is None:
            raise InputError(
                f"Input '{raw}' has an unsupported type. Supported: {', '.join(sorted(SUFFIXES))} (or a folder of them)."
            )
        checked.append(path)
    if not checked:
        raise InputError("No input given. Name at least one file or folder, e.g. `tieline code article.txt`.")
    return checked


def _kind(path: Path) -> str | None:
    return SUFFIXES.get(path.suffix.lower())


def _files(path: Path, stats: RunStats) -> Iterator[tuple[Path, str]]:
    """(file, id prefix) pairs; ids are file names, relative to a folder that was given."""
    if path.is_file():
        yield path, path.name
        return
    for child in sorted(p for p in path.rglob("*") if p.is_file()):
        rel = child.relative_to(path)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if _kind(child) is None:
            stats.count(STAGE, "skipped:unsupported-type")
            continue
        yield child, rel.as_posix()


def decode(raw: bytes) -> str:
    """Decode UTF-8 text (with or without BOM); raises ValueError with a reason key."""
    if b"\x00" in raw[:_SNIFF_BYTES]:
        raise ValueError("binary")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError("not-utf8") from None


_REASON_MESSAGES = {
    "binary": "looks like a binary file (it contains NUL bytes); give text, HTML or JSON lines",
    "not-utf8": "is not UTF-8 text; convert it to UTF-8 (e.g. `iconv -f LATIN1 -t UTF-8`)",
    "empty": "is empty",
    "unreadable": "cannot be read",
}


def _failure(source: str, reason: str, detail: str = "", doc_id: str | None = None) -> Failure:
    message = f"{source} {_REASON_MESSAGES.get(reason, reason)}" + (f": {detail}" if detail else ".")
    return Failure(source=source, stage=STAGE, reason=reason, message=message, doc_id=doc_id)


def parse_published(value) -> date | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return date.fromisoformat(text[:10])


@sources.register
class FileSource:
    """Files and folders on the local disk."""

    name = "files"
    version = "1"

    def __init__(self, paths: Iterable[str | Path]):
        self.paths = check_paths(paths)

    def read(self, stats: RunStats) -> Iterator[Document]:
        for path in self.paths:
            for file, doc_id in _files(path, stats):
                yield from self._read_file(file, doc_id, stats)

    def _read_file(self, file: Path, doc_id: str, stats: RunStats) -> Iterator[Document]:
        source = str(file)
        try:
            raw = file.read_bytes()
            fetched = datetime.fromtimestamp(file.stat().st_mtime, tz=UTC)
        except OSError as exc:
            stats.fail(_failure(source, "unreadable", exc.strerror or str(exc), doc_id))
            return
        try:
            text = decode(raw)
        except ValueError as exc:
            stats.fail(_failure(source, str(exc), doc_id=doc_id))
            return
        kind = _kind(file)
        if kind == "jsonl":
            yield from self._read_jsonl(text, source, file.name, fetched, stats)
            return
        if not text.strip():
            stats.fail(_failure(source, "empty", doc_id=doc_id))
            return
        stats.count(STAGE, "documents")
        yield Document(id=doc_id, source=source, content=text, media_type=kind, fetched=fetched)

    def _read_jsonl(self, text: str, source: str, name: str, fetched: datetime,
                    stats: RunStats) -> Iterator[Document]:
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            where = f"{source}:{lineno}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                stats.fail(Failure(where, STAGE, "bad-json", f"{where} is not valid JSON ({exc.msg}); each line must be one JSON object."))
                continue
            if not isinstance(record, dict):
                stats.fail(Failure(where, STAGE, "bad-json", f"{where} is not a JSON object; each line must be one object with `text` or `html`."))
                continue
            doc_id = str(record.get("id") or f"{name}:{lineno}")
            html, body = record.get("html"), record.get("text")
            content = html if isinstance(html, str) and html.strip() else body
            if not isinstance(content, str) or not content.strip():
                stats.fail(Failure(where, STAGE, "no-text", f"{where} has no `text` or `html` field with content.", doc_id))
                continue
            try:
                published = parse_published(record.get("published"))
            except ValueError:
                published = None
                stats.count(STAGE, "warning:bad-published-date")
            stats.count(STAGE, "documents")
            yield Document(
                id=doc_id,
                source=where,
                content=content,
                media_type="text/html" if content is html else "text/plain",
                url=record.get("url") if isinstance(record.get("url"), str) else None,
                published=published,
                fetched=fetched,
                title=record.get("title") if isinstance(record.get("title"), str) else None,
            )
