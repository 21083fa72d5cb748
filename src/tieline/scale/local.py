"""The local executor: `--jobs N` worker processes on this machine, one spaCy pipeline each.

With one job (or an input of one chunk) the chunks are coded in this process. With more, the parent loads the pipeline once
(and codes a short text, so that everything loaded lazily is loaded too), then forks the workers,
which start with it ready and share its memory until they write to it. Chunks go out in input
order, at most two per worker in flight (memory stays flat however long the input), and come back
in input order, so the output is the same for any number of jobs.

A worker that dies (killed, out of memory, a crash in native code) does not cost the run: the
chunks that were in flight are coded again one document at a time in fresh workers, and a
document that kills its worker again is recorded as a failure ("worker-crashed") and skipped.
Workers ignore Ctrl-C (the parent stops them) and exit by themselves when the parent is gone.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..errors import ConfigError, TielineError
from ..models import Article, Document, Event, Failure
from ..pipeline import RunStats
from .base import Executor
from .job import ChunkResult, CodingJob, chunks, run_chunk

STAGE = "code"
IN_FLIGHT_PER_JOB = 2
_JOBS: dict[int, CodingJob] = {}  # jobs of this process's pools, inherited by forked workers


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class LocalExecutor(Executor):
    name = "local"

    def __init__(self, jobs: int | None = None):
        jobs = default_jobs() if jobs is None else jobs
        if jobs < 1:
            raise ConfigError(f"--jobs {jobs} is not a number of worker processes; give 1 or more.")
        self.jobs = jobs
        super().__init__()

    def describe(self) -> str:
        return f"local, {self.jobs} job{'s' if self.jobs != 1 else ''}"

    def run(self, documents: Iterable[Document], job: CodingJob, stats: RunStats) -> Iterator[tuple[Article, list[Event]]]:
        source = chunks(documents, job.chunk_size)
        head = list(itertools.islice(source, self.jobs))  # no more workers than the input has chunks for
        workers = min(self.jobs, len(head))
        if workers <= 1:
            job.pipeline()  # a coder that cannot load (unknown name, bad pattern file) stops the run here
            for chunk in itertools.chain(head, source):
                yield from self._in_process(job, chunk, stats)
            return
        pool = _Pool(job, workers)
        try:
            yield from self._in_pool(pool, itertools.chain(head, source), stats)
        finally:
            pool.close()

    # --- one process -------------------------------------------------------------------------

    def _in_process(self, job: CodingJob, chunk: list[Document], stats: RunStats) -> Iterator[tuple[Article, list[Event]]]:
        try:
            result = run_chunk(job, chunk)
        except TielineError:
            raise
        except Exception as exc:  # a failure outside the coder's own per-article guard
            if len(chunk) > 1:
                for doc in chunk:
                    yield from self._in_process(job, [doc], stats)
                return
            stats.fail(_failure(chunk[0], "worker-error", f"coding it raised {exc!r}"))
            return
        yield from self.take(result, stats)

    # --- a pool of processes ----------------------------------------------------------------

    def _in_pool(self, pool: _Pool, source: Iterator[list[Document]],
                 stats: RunStats) -> Iterator[tuple[Article, list[Event]]]:
        pending: deque[tuple[list[Document], Future]] = deque()

        def fill() -> None:
            while len(pending) < pool.jobs * IN_FLIGHT_PER_JOB:
                chunk = next(source, None)
                if chunk is None:
                    return
                pending.append((chunk, pool.submit(chunk)))

        fill()
        while pending:
            chunk, future = pending.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:
                redo = [chunk] + [c for c, _ in pending]
                pending.clear()
                pool.restart()
                for doc in (d for c in redo for d in c):
                    yield from self._alone(pool, doc, stats)
                fill()
                continue
            except Exception:
                for doc in chunk:
                    yield from self._alone(pool, doc, stats)
                fill()
                continue
            yield from self.take(result, stats)
            fill()

    def _alone(self, pool: _Pool, doc: Document, stats: RunStats) -> Iterator[tuple[Article, list[Event]]]:
        """One document in a worker of its own: what a chunk whose worker died falls back to."""
        try:
            result = pool.submit([doc]).result()
        except BrokenProcessPool:
            pool.restart()
            self.crashes += 1
            stats.fail(_failure(doc, "worker-crashed", "its worker process died while coding it"))
            return
        except Exception as exc:
            stats.fail(_failure(doc, "worker-error", f"coding it raised {exc!r}"))
            return
        yield from self.take(result, stats)


def _failure(doc: Document, reason: str, what: str) -> Failure:
    return Failure(doc.source, STAGE, reason, f"{doc.source}: {what}; the document was skipped.", doc.id)


class _Pool:
    """Worker processes forked from a parent that has the job's pipeline loaded."""

    def __init__(self, job: CodingJob, jobs: int):
        self.job, self.jobs = job, jobs
        self.key = id(job)
        methods = multiprocessing.get_all_start_methods()
        self.forking = "fork" in methods
        if not self.forking and not job.by_name:
            raise ConfigError("Worker processes here are started afresh (no fork); pass the coder by name "
                              "(e.g. 'cameo.rules') rather than as an object, or use --jobs 1.")
        if self.forking:
            job.warm_up()
            _JOBS[self.key] = job
        self.executor: ProcessPoolExecutor | None = None
        self.start()

    def start(self) -> None:
        context = multiprocessing.get_context("fork" if self.forking else "spawn")
        if self.forking:
            gc.freeze()  # the loaded pipeline stays out of the collector's way: pages stay shared
        try:
            self.executor = ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_worker_started,
                                                initargs=(os.getpid(),))
            self.executor.submit(os.getpid).result()  # with fork, every worker starts here, at once
        finally:
            if self.forking:
                gc.unfreeze()

    def submit(self, chunk: list[Document]) -> Future:
        if self.forking:
            return self.executor.submit(_run_inherited, self.key, chunk)
        return self.executor.submit(run_chunk, self.job, chunk)

    def restart(self) -> None:
        self._stop(wait=False)
        self.start()

    def close(self) -> None:
        self._stop(wait=True)
        _JOBS.pop(self.key, None)

    def _stop(self, wait: bool) -> None:
        executor, self.executor = self.executor, None
        if executor is None:
            return
        processes = list(getattr(executor, "_processes", {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        deadline = time.monotonic() + (10 if wait else 0)
        for process in processes:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join(1)


def _run_inherited(key: int, chunk: list[Document]) -> ChunkResult:
    return run_chunk(_JOBS[key], chunk)


def _worker_started(parent: int) -> None:
    """In each worker: leave Ctrl-C to the parent, and exit when the parent is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="tieline-parent-watch", daemon=True).start()
