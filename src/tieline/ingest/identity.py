"""Stable document identity: the normalised URL (tracking parameters removed) or a content hash.

Two documents with the same key are the same document: re-ingesting one adds nothing. The key
of a web page is its URL with the scheme, `www.`, default port, fragment and tracking parameters
removed and the query sorted, so `http://www.example.org/a?utm_source=x&id=3#top` and
`https://example.org/a?id=3` are one article. A document without a URL is keyed by the SHA-256 of
its text (line endings normalised).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from ..models import Document
from ..pipeline import RunStats

# Query parameters that say how a reader arrived, not which page it is.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
    "igshid", "igsh", "mc_cid", "mc_eid", "mkt_tok", "_ga", "_gl", "_hsenc", "_hsmi", "hsctatracking",
    "oly_anon_id", "oly_enc_id", "vero_id", "wickedid", "rb_clickid", "s_cid", "s_kwcid", "cmpid", "cmp",
    "icid", "ocid", "ncid", "ito", "smid", "smtyp", "ref", "ref_src", "ref_url", "referrer", "spm",
    "xtor", "__twitter_impression", "guccounter", "guce_referrer", "guce_referrer_sig", "soc_src",
    "soc_trk", "ns_source", "ns_mchannel", "ns_campaign", "ns_linkname", "ns_fee", "sr_share",
})
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "matomo_", "hmb_", "at_")
DEFAULT_PORTS = {"http": 80, "https": 443}
_UNRESERVED = "-._~"
_SAFE_PATH = "/:@!$&'()*+,;="


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def _remove_dot_segments(path: str) -> str:
    output: list[str] = []
    for segment in path.split("/"):
        if segment == "..":
            if len(output) > 1:
                output.pop()
        elif segment != ".":
            output.append(segment)
    result = "/".join(output)
    if path.endswith(("/.", "/..")):
        result += "/"
    return result if result.startswith("/") else "/" + result


def _requote(part: str, safe: str) -> str:
    """Percent-encoding in one canonical form: unreserved characters decoded, hex in upper case."""
    return quote(unquote(part), safe=safe + _UNRESERVED)


def normalize_url(url: str) -> str:
    """A canonical form of an http(s) URL, still fetchable; other strings are returned stripped."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return url
    host = parts.hostname.rstrip(".")
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host.lower()
    except UnicodeError:
        host = host.lower()
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = _requote(_remove_dot_segments(parts.path or "/"), _SAFE_PATH)
    pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_param(k)]
    query = urlencode(sorted(pairs), quote_via=quote, safe=_UNRESERVED + "/:,")
    fragment = parts.fragment if parts.fragment.startswith("!") else ""  # "#!" routes name content
    return urlunsplit((scheme, netloc, path, query, fragment))


def url_key(url: str) -> str:
    """The identity of a URL: normalised, with http/https and a leading `www.` folded together."""
    normal = normalize_url(url)
    try:
        parts = urlsplit(normal)
    except ValueError:  # too broken to parse: the string is its own identity
        return "url:" + normal
    if parts.scheme not in DEFAULT_PORTS:
        return "url:" + normal
    host = parts.netloc[4:] if parts.netloc.startswith("www.") else parts.netloc
    rest = urlunsplit(("", "", parts.path, parts.query, parts.fragment))
    return f"url:{host}{rest}"


_NEWLINES = re.compile(r"\r\n?")


def content_key(content: str | bytes) -> str:
    data = content if isinstance(content, bytes) else _NEWLINES.sub("\n", content).strip().encode("utf-8")
    return "sha256:" + hashlib.sha256(data).hexdigest()


def document_key(doc: Document) -> str:
    return url_key(doc.url) if doc.url else content_key(doc.content)


def identify_stage(documents: Iterable[Document], stats: RunStats) -> Iterator[Document]:
    """Pipeline stage: give every document its key."""
    for doc in documents:
        if doc.key is None:
            doc.key = document_key(doc)
        yield doc


class _DigestSet:
    """Strings kept as 16-byte digests, so that millions of keys stay small."""

    def __init__(self) -> None:
        self._items: set[bytes] = set()

    @staticmethod
    def _digest(value: str) -> bytes:
        return hashlib.blake2b(value.encode("utf-8"), digest_size=16).digest()

    def add(self, value: str) -> None:
        self._items.add(self._digest(value))

    def discard(self, value: str) -> None:
        self._items.discard(self._digest(value))

    def __contains__(self, value: str) -> bool:
        return self._digest(value) in self._items

    def __len__(self) -> int:
        return len(self._items)


DUPLICATE_STAGE = "dedup"


class Identities:
    """Decides, before extraction, whether a document is new: by key against the store and this run.

    A new document whose id (a file name, say) is already used by a different document gets the id
    `name#<12 hex of its key>`, so a second `a.txt` from another folder is stored, not lost.
    `store` is anything with `identity_status(key, doc_id) -> "key" | "id" | None` (tieline's Store);
    without one, only repeats within the run are caught.
    """

    def __init__(self, store=None) -> None:
        self.store = store
        self._keys = _DigestSet()  # admitted in this run and not yet committed to the store
        self._ids = _DigestSet()

    def admit(self, doc: Document, stats: RunStats, status: str | None = "ask") -> bool:
        """Whether `doc` is new; `status` is what the store said of it ("key", "id", None), or "ask"."""
        key = doc.key = doc.key or document_key(doc)
        if key in self._keys:
            stats.count(DUPLICATE_STAGE, "repeated-in-run")
            return False
        if status == "ask":
            status = self.store.identity_status(key, doc.id) if self.store is not None else None
        if status == "key":
            stats.count(DUPLICATE_STAGE, "already-stored")
            return False
        if status == "id" or doc.id in self._ids:
            doc.id = f"{doc.id}#{hashlib.sha256(key.encode('utf-8')).hexdigest()[:12]}"
            stats.count(DUPLICATE_STAGE, "renamed-id-clash")
        self._keys.add(key)
        self._ids.add(doc.id)
        return True

    def known(self, key: str) -> bool:
        """Whether a document with this key is stored or was admitted in this run."""
        if key in self._keys:
            return True
        return self.store is not None and self.store.identity_status(key, "") == "key"

    def committed(self, pairs: Iterable[tuple[str, str | None]]) -> None:
        """(doc_id, key) pairs now in the store: the store answers for them from here on."""
        for doc_id, key in pairs:
            self._ids.discard(doc_id)
            if key:
                self._keys.discard(key)

    def stage(self, documents: Iterable[Document], stats: RunStats, batch_size: int = 64) -> Iterator[Document]:
        """Pipeline stage: pass on the documents that are new (asking the store in batches)."""
        batch: list[Document] = []
        for doc in documents:
            doc.key = doc.key or document_key(doc)
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._admit_batch(batch, stats)
                batch = []
        yield from self._admit_batch(batch, stats)

    def _admit_batch(self, batch: list[Document], stats: RunStats) -> Iterator[Document]:
        if not batch:
            return
        known, taken = (self.store.identities([d.key for d in batch], [d.id for d in batch])
                        if self.store is not None else (set(), {}))
        for doc in batch:
            if doc.key in known:
                status = "key"
            elif doc.id in taken:
                status = "key" if taken[doc.id] is None else "id"  # no key: stored before keys existed
            else:
                status = None
            if self.admit(doc, stats, status):
                yield doc
