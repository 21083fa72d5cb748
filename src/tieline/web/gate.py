"""Who may use the store file, and for how long.

Reading requests share one read-only DuckDB connection (each request gets its own cursor, and a
timer that interrupts its queries after `query_timeout` seconds). A writing request waits until
the readers are done, closes that connection, writes with its own read-write connection and
closes it again before it returns: the server never holds the write lock longer than one write
request. When no request has used the read-only connection for `idle_seconds`, it is closed too,
so that `tieline ingest` in another process can write to the store while the server is idle.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from ..errors import StoreError
from ..store import Store


class StoreBusy(StoreError):
    """The store cannot be used right now (another program writes to it, or a write takes too long)."""


class QueryTimeout(StoreError):
    """A query ran longer than the server allows."""


class StoreGate:
    def __init__(self, path: str | Path, *, query_timeout: float = 10.0, wait_timeout: float = 30.0,
                 idle_seconds: float = 5.0, max_readers: int | None = None):
        self.path = str(path)
        self.query_timeout = query_timeout
        self.wait_timeout = wait_timeout
        self.idle_seconds = idle_seconds
        self._cond = threading.Condition()
        self._store: Store | None = None
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0
        self._last_used = time.monotonic()
        self._closed = False
        # DuckDB runs each query on every core; more queries at once than cores only thrash.
        self._slots = threading.BoundedSemaphore(max_readers or os.cpu_count() or 2)
        self._reaper = threading.Thread(target=self._release_when_idle, name="tieline-store-reaper", daemon=True)
        self._reaper.start()

    # --- reading -------------------------------------------------------------------------

    @contextmanager
    def reading(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor on the read-only connection, interrupted after `query_timeout` seconds."""
        if not self._slots.acquire(timeout=self.wait_timeout):
            raise StoreBusy(f"Waited {self.wait_timeout:g} s for a free query slot; the server is busy, try again shortly.")
        try:
            with self._read_cursor() as cursor:
                yield cursor
        finally:
            self._slots.release()

    @contextmanager
    def _read_cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._cond:
            self._wait(lambda: not self._writing and not self._writers_waiting, "a write to the store")
            if self._store is None:
                self._store = self._open_read_only()
            self._readers += 1
            cursor = self._store.con.cursor()
        timed_out = threading.Event()

        def interrupt() -> None:
            timed_out.set()
            cursor.interrupt()

        timer = threading.Timer(self.query_timeout, interrupt)
        timer.daemon = True
        timer.start()
        try:
            yield cursor
        except duckdb.Error:
            if timed_out.is_set():
                raise QueryTimeout(
                    f"The query took longer than {self.query_timeout:g} s and was stopped; narrow it with "
                    f"since/until, a country or a smaller page."
                ) from None
            raise
        finally:
            timer.cancel()
            cursor.close()
            with self._cond:
                self._readers -= 1
                self._last_used = time.monotonic()
                self._cond.notify_all()

    def _open_read_only(self) -> Store:
        try:
            return Store(self.path, read_only=True)
        except StoreError as exc:
            if "lock" in str(exc).lower():
                raise StoreBusy(
                    f"The store '{self.path}' is being written by another program; try again when it has finished."
                ) from None
            raise

    # --- writing -------------------------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[str]:
        """Exclusive use of the store file for one write; yields its path. Nothing stays open afterwards."""
        with self._cond:
            self._writers_waiting += 1
            try:
                self._wait(lambda: not self._writing and self._readers == 0, "the requests reading the store")
            finally:
                self._writers_waiting -= 1
            self._writing = True
            self._close_reader()
        try:
            yield self.path
        finally:
            with self._cond:
                self._writing = False
                self._last_used = time.monotonic()
                self._cond.notify_all()

    # --- housekeeping --------------------------------------------------------------------

    def _wait(self, ready, what: str) -> None:
        deadline = time.monotonic() + self.wait_timeout
        while not ready():
            left = deadline - time.monotonic()
            if left <= 0:
                raise StoreBusy(f"Waited {self.wait_timeout:g} s for {what} to finish; try again shortly.")
            self._cond.wait(left)

    def _close_reader(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def _release_when_idle(self) -> None:
        while True:
            time.sleep(min(1.0, self.idle_seconds))
            with self._cond:
                if self._closed:
                    return
                if self._readers == 0 and time.monotonic() - self._last_used >= self.idle_seconds:
                    self._close_reader()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._close_reader()
