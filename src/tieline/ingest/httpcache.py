"""ETag and Last-Modified per URL, kept in the store between crawls (table `http_validators`).

New validators are held back until `flush()`, which `tieline ingest` calls when the run has
finished: if a run dies half-way, the next one asks for everything again instead of being told
"not modified" about feeds whose articles it never stored.
"""

from __future__ import annotations

from datetime import UTC, datetime

from .identity import normalize_url


class StoreValidators:
    def __init__(self, store) -> None:
        self.con = store.con
        self._pending: dict[str, tuple[str | None, str | None]] = {}

    def get(self, url: str) -> tuple[str | None, str | None] | None:
        row = self.con.execute("SELECT etag, last_modified FROM http_validators WHERE url = ?",
                               [normalize_url(url)]).fetchone()
        return (row[0], row[1]) if row else None

    def put(self, url: str, etag: str | None, last_modified: str | None) -> None:
        self._pending[normalize_url(url)] = (etag, last_modified)

    def flush(self) -> None:
        if not self._pending:
            return
        now = datetime.now(UTC).replace(tzinfo=None)
        self.con.executemany(
            "INSERT OR REPLACE INTO http_validators (url, etag, last_modified, checked_at) VALUES (?, ?, ?, ?)",
            [(url, etag, modified, now) for url, (etag, modified) in self._pending.items()],
        )
        self._pending.clear()
