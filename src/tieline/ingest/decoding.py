"""Bytes to text: tell binary files from text, and find the encoding of a page.

Plain text and JSON must be UTF-8 (a byte-order mark for UTF-8 or UTF-16 is honoured): guessing
the encoding of a short text is unreliable, and a wrong guess silently garbles names. HTML,
feeds and HTTP or WARC bodies may declare their charset (HTTP header, `<meta charset>`, XML
declaration); undeclared non-UTF-8 pages are decoded only when charset-normalizer is confident.
"""

from __future__ import annotations

import codecs
import re

from ..errors import TielineError

_SNIFF = 8192
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Magic numbers of files that are often misnamed .html or .txt.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data (name it .gz)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})["']""")
# Browsers read these labels as Windows-1252 (WHATWG Encoding Standard), and so do pages.
_WHATWG = {"iso8859-1": "cp1252", "ascii": "cp1252", "latin-1": "cp1252"}
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


class DecodeError(TielineError):
    """Bytes that cannot be used as text; `reason` is the failure key."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def sniff_binary(raw: bytes) -> str | None:
    """What a binary file is ("a PDF document"), or None if it may be text."""
    head = raw[:_SNIFF]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if any(head.startswith(bom) for bom, encoding in _BOMS if encoding != "utf-8"):
        return None  # UTF-16/32 text has NUL bytes; UTF-8 text, with a BOM or not, has none
    if b"\x00" in head:
        return "a binary file (it contains NUL bytes)"
    return None


def _bom(raw: bytes) -> tuple[str, int] | None:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return encoding, len(bom)
    return None


def _valid_codec(name: str | bytes | None) -> str | None:
    if not name:
        return None
    if isinstance(name, bytes):
        name = name.decode("ascii", "ignore")
    try:
        codec = codecs.lookup(name.strip()).name
    except LookupError:
        return None
    return _WHATWG.get(codec, codec)


def declared_charset(raw: bytes, content_type: str | None = None) -> str | None:
    """The charset a page declares: HTTP Content-Type first, then XML declaration or <meta>."""
    if content_type:
        match = _HEADER_CHARSET.search(content_type)
        if match and (codec := _valid_codec(match.group(1))):
            return codec
    head = raw[:_SNIFF]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        match = pattern.search(head)
        if match and (codec := _valid_codec(match.group(1))):
            return codec
    return None


def _check_text(text: str) -> str:
    if "\x00" in text:
        raise DecodeError("binary", "looks like a binary file (it contains NUL characters)")
    return text


def decode_text(raw: bytes) -> str:
    """Plain text or JSON: UTF-8 (or a BOM-marked UTF-16/32), nothing else."""
    if (what := sniff_binary(raw)) is not None:
        raise DecodeError("binary", f"is {what}, not text")
    bom = _bom(raw)
    try:
        if bom:
            return _check_text(raw[bom[1]:].decode(bom[0]))
        return _check_text(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise DecodeError(
            "not-utf8",
            f"is not UTF-8 text (byte {exc.start}); convert it to UTF-8, e.g. `iconv -f LATIN1 -t UTF-8`",
        ) from None


def decode_markup(raw: bytes, content_type: str | None = None) -> str:
    """HTML or XML: BOM, then the declared charset, then UTF-8, then a confident detection."""
    if (what := sniff_binary(raw)) is not None:
        raise DecodeError("binary", f"is {what}, not a web page")
    bom = _bom(raw)
    if bom:
        try:
            return _check_text(raw[bom[1]:].decode(bom[0]))
        except UnicodeDecodeError:
            pass
    declared = declared_charset(raw, content_type)
    for encoding in (declared, "utf-8"):
        if encoding:
            try:
                return _check_text(raw.decode(encoding))
            except UnicodeDecodeError:
                continue
    detected = _detect(raw)
    if detected is None:
        raise DecodeError(
            "not-utf8",
            "is not UTF-8 and its encoding could not be detected; declare it (<meta charset=...>) or convert "
            "the page to UTF-8",
        )
    return _check_text(detected)


def _detect(raw: bytes) -> str | None:
    """Decode with charset-normalizer's best guess; among equally good guesses, Windows-1252, the
    web's commonest legacy encoding, wins (cp1250 and cp1252 often tie on Western text)."""
    from charset_normalizer import from_bytes

    results = list(from_bytes(raw[:200_000], cp_isolation=None, threshold=0.1))
    if not results:
        return None
    best = results[0]
    ties = [r for r in results if r.chaos <= best.chaos and r.coherence >= best.coherence - 0.01]
    chosen = next((r for r in ties if r.encoding == "cp1252"), best)
    if chosen.encoding is None:
        return None
    try:
        return raw.decode(chosen.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
