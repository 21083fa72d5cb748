"""Where coding runs: this process, a pool of local worker processes, or a Spark cluster.

    from tieline.scale import make_executor
    with make_executor("local", jobs=4) as executor:
        events = list(tieline.code(["news/"], executor=executor))

An executor takes identified documents and a `CodingJob` and yields the coded articles in input
order; the stages it runs (`job.run_chunk`) know nothing about where they run. This package is
the only place Spark appears.
"""

from __future__ import annotations

from ..errors import ConfigError
from .base import Executor
from .job import CHUNK_SIZE, DEFAULT_CODER, ChunkResult, CodingJob, run_chunk
from .local import LocalExecutor, default_jobs
from .spark import SparkExecutor

ENGINES = ("local", "spark")


def make_executor(engine: str = "local", jobs: int | None = None, master: str | None = None) -> Executor:
    """An executor for `--engine`, `--jobs` and `--master`. `jobs` defaults to the number of cores;
    Spark's master defaults to `local[jobs]`."""
    if engine not in ENGINES:
        raise ConfigError(f"'{engine}' is not an engine; use one of {', '.join(ENGINES)}.")
    if jobs is not None and jobs < 1:
        raise ConfigError(f"--jobs {jobs} is not a number of worker processes; give 1 or more.")
    if engine == "local":
        if master is not None:
            raise ConfigError("--master names a Spark master; use it with --engine spark.")
        return LocalExecutor(jobs)
    return SparkExecutor(master or f"local[{jobs or default_jobs()}]")


__all__ = ["CHUNK_SIZE", "DEFAULT_CODER", "ENGINES", "ChunkResult", "CodingJob", "Executor", "LocalExecutor",
           "SparkExecutor", "default_jobs", "make_executor", "run_chunk"]
