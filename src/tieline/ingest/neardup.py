"""Near-duplicate articles: the same story copied or lightly edited on many sites.

Each article's text becomes a MinHash signature (datasketch) of its word 3-grams. Articles whose
estimated Jaccard similarity reaches the threshold share a story group, `Article.dedup_group`,
named after the first article of the group. Candidates come from MinHash LSH: datasketch's
in-memory index for the articles of this run, and the same band keys stored with every document
(`Store.near_duplicate_candidates`) for the articles of earlier runs. Event deduplication then
counts mentions in one story group as reports of one event.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from ..models import Article
from ..pipeline import RunStats

if TYPE_CHECKING:
    from datasketch import MinHash, MinHashLSH

STAGE = "neardup"
NUM_PERM = 128
SEED = 7  # fixed, so that signatures stored by one run compare with those of the next
SCHEME = "affine32"
SHINGLE_WORDS = 3
DEFAULT_THRESHOLD = 0.6
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Signature:
    hashvalues: np.ndarray  # NUM_PERM unsigned 32-bit integers
    band_keys: tuple[int, ...]  # one signed 64-bit key per LSH band

    def to_bytes(self) -> bytes:
        return self.hashvalues.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, blob: bytes, bands: tuple[int, int]) -> Signature:
        values = np.frombuffer(blob, dtype="<u4").astype(np.uint32)
        return cls(values, band_keys_of(values, bands))

    def minhash(self) -> MinHash:
        from datasketch import MinHash  # imported when needed: it pulls in scipy

        return MinHash(num_perm=len(self.hashvalues), seed=SEED, hashvalues=self.hashvalues, scheme=SCHEME)

    def similarity(self, other: Signature) -> float:
        return float(np.count_nonzero(self.hashvalues == other.hashvalues)) / len(self.hashvalues)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


@lru_cache(maxsize=8)
def lsh_bands(threshold: float = DEFAULT_THRESHOLD, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows per band) that datasketch chooses for this threshold."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def band_keys_of(values: np.ndarray, bands: tuple[int, int]) -> tuple[int, ...]:
    b, r = bands
    keys = []
    for i in range(b):
        chunk = values[i * r:(i + 1) * r].astype("<u4").tobytes()
        digest = hashlib.blake2b(i.to_bytes(2, "little") + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return tuple(keys)


def signature_of(text: str, bands: tuple[int, int] | None = None) -> Signature | None:
    """The text's signature, or None for a text without words."""
    grams = shingles(text)
    if not grams:
        return None
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    mh.update_batch(sorted(grams))
    values = mh.hashvalues.astype(np.uint32)
    return Signature(values, band_keys_of(values, bands or lsh_bands()))


# (doc_id, dedup_group, signature bytes) of stored documents that share a band key
StoredLookup = Callable[[list[int]], list[tuple[str, str | None, bytes]]]


@dataclass
class NearDuplicateIndex:
    """Groups articles into stories, within a run and against the documents already stored."""

    threshold: float = DEFAULT_THRESHOLD
    stored: StoredLookup | None = None
    chunk_size: int = 64
    bands: tuple[int, int] = field(init=False)
    _lsh: MinHashLSH = field(init=False)
    _signatures: dict[str, Signature] = field(init=False, default_factory=dict)
    _groups: dict[str, str] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        from datasketch import MinHashLSH

        self.bands = lsh_bands(self.threshold)
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=self.bands)

    def signature(self, doc_id: str) -> Signature | None:
        return self._signatures.get(doc_id)

    def group_chunk(self, articles: list[Article]) -> None:
        """Set `dedup_group` on each article, in order."""
        sigs = {a.doc_id: signature_of(a.text, self.bands) for a in articles}
        stored: dict[str, tuple[str, Signature]] = {}
        keys = sorted({k for s in sigs.values() if s is not None for k in s.band_keys})
        if self.stored is not None and keys:
            for doc_id, group, blob in self.stored(keys):
                if blob:
                    stored[doc_id] = (group or doc_id, Signature.from_bytes(blob, self.bands))
        for article in articles:
            sig = sigs[article.doc_id]
            article.dedup_group = self._best_group(article.doc_id, sig, stored) or article.doc_id
            if sig is not None and article.doc_id not in self._signatures:
                self._signatures[article.doc_id] = sig
                self._groups[article.doc_id] = article.dedup_group
                self._lsh.insert(article.doc_id, sig.minhash())

    def _best_group(self, doc_id: str, sig: Signature | None, stored: dict[str, tuple[str, Signature]]) -> str | None:
        """The group of the most similar article above the threshold; on a tie, the group whose
        name sorts first, so that a run resumed after a crash groups exactly as an unbroken one."""
        if sig is None:
            return None
        keys = set(sig.band_keys)
        candidates = [(group, other) for other_id, (group, other) in stored.items()
                      if other_id != doc_id and keys.intersection(other.band_keys)]  # an LSH hit for this article
        candidates += [(self._groups[other_id], self._signatures[other_id])
                       for other_id in self._lsh.query(sig.minhash()) if other_id != doc_id]
        best: tuple[float, str] | None = None
        for group, other in candidates:
            score = sig.similarity(other)
            if score >= self.threshold and (best is None or score > best[0] or (score == best[0] and group < best[1])):
                best = (score, group)
        return best[1] if best else None

    def stage(self, articles: Iterable[Article], stats: RunStats) -> Iterator[Article]:
        """The pipeline stage: groups articles a chunk at a time and passes them on."""
        chunk: list[Article] = []
        for article in articles:
            chunk.append(article)
            if len(chunk) >= self.chunk_size:
                yield from self._flush(chunk, stats)
        yield from self._flush(chunk, stats)

    def _flush(self, chunk: list[Article], stats: RunStats) -> Iterator[Article]:
        if not chunk:
            return
        self.group_chunk(chunk)
        for article in chunk:
            stats.count(STAGE, "near-duplicate" if article.dedup_group != article.doc_id else "first-of-story")
        yield from chunk
        chunk.clear()
