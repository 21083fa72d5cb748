"""The Spark executor: the same chunks, coded in Spark partitions (`--engine spark --master URL`).

The driver reads the documents (files, archives, the web, exactly as the local engine does) and
hands them to Spark in waves of a few thousand, so that its memory stays bounded however long the
input. Each wave is one RDD of chunks, partitioned over the cluster; each partition runs the same
stages as a local worker (`job.run_chunk`: extraction, language, coding) with the pipeline
loaded once per Python worker process, which Spark reuses for the partitions that follow. No stage
knows about Spark: this module is the only one that imports it.

`run` brings the coded articles back to the driver in input order (what `tieline code` prints and
what `tieline ingest` stores, in the driver, with its crash-safe batches). `write_parquet` never
brings events back: the executors write them as the Parquet dataset of `parquet.py`, and only the
counts and failures travel.

Local mode needs Java 17 or later (`java -version`) and the `spark` extra (`pip install
'tieline[spark]'`). On a cluster, every worker needs tieline installed, and the inputs and the
Parquet output folder must be paths every node can reach.
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import ConfigError
from ..models import Article, Document, Event, Failure
from ..pipeline import RunStats
from . import parquet
from .base import Executor
from .job import ChunkResult, CodingJob, chunks, run_chunk

WAVE_CHUNKS = 256  # chunks handed to Spark at a time (4,096 documents of 16)
PARTITIONS_PER_CORE = 4  # more partitions than cores: a slow partition at the end of a wave holds up less
STAGE = "code"
LOG_CONFIG = Path(__file__).with_name("log4j2.properties")


class SparkExecutor(Executor):
    name = "spark"

    def __init__(self, master: str = "local[*]", conf: dict[str, str] | None = None, wave_chunks: int = WAVE_CHUNKS):
        super().__init__()
        self.master = master
        self.conf = dict(conf or {})
        self.wave_chunks = wave_chunks
        self._spark = None
        self._own_session = False

    def describe(self) -> str:
        return f"spark, master {self.master}"

    # --- the session --------------------------------------------------------------------------

    def session(self):
        """The Spark session, started on first use."""
        if self._spark is None:
            self._spark, self._own_session = _start_session(self.master, self.conf)
        return self._spark

    def close(self) -> None:
        spark, self._spark = self._spark, None
        if spark is not None and self._own_session:
            spark.stop()

    # --- coding -------------------------------------------------------------------------------

    def run(self, documents: Iterable[Document], job: CodingJob, stats: RunStats) -> Iterator[tuple[Article, list[Event]]]:
        _check_job(job)
        for wave in _waves(chunks(documents, job.chunk_size), self.wave_chunks):
            for result in self._code_wave(wave, job):
                yield from self.take(result, stats)

    def write_parquet(self, documents: Iterable[Document], job: CodingJob, stats: RunStats, out: str | Path) -> int:
        """The events written by the Spark workers to `out`: a new or empty local folder, or a URI
        that every node can write to (hdfs://..., s3a://...)."""
        _check_job(job)
        from pyspark import StorageLevel

        if "://" in str(out):
            target = str(out)
        else:
            parquet.check_output(Path(out))
            target = Path(out).resolve().as_uri()
        spark = self.session()
        schema = spark_schema()
        written = 0
        for wave in _waves(chunks(documents, job.chunk_size), self.wave_chunks):
            coded = self._rdd(wave, job).persist(StorageLevel.MEMORY_AND_DISK)
            try:
                rows = coded.flatMap(_rows)
                spark.createDataFrame(rows, schema).write.mode("append").partitionBy(parquet.PARTITION).parquet(target)
                results = coded.map(_without_items).collect()
            except Exception:  # a worker died: code this wave one document at a time in the driver's jobs
                results = list(self._one_by_one(wave, job))
                rows = [r for result in results for r in _rows(result)]
                if rows:
                    spark.createDataFrame(rows, schema).write.mode("append").partitionBy(parquet.PARTITION).parquet(target)
                results = [_without_items(r) for r in results]
            finally:
                coded.unpersist()
            for result, events in results:
                self.take(result, stats)
                written += events
        return written

    def _rdd(self, wave: list[list[Document]], job: CodingJob):
        sc = self.session().sparkContext
        partitions = max(1, min(len(wave), sc.defaultParallelism * PARTITIONS_PER_CORE))
        return sc.parallelize(wave, partitions).mapPartitions(functools.partial(_partition, job))

    def _code_wave(self, wave: list[list[Document]], job: CodingJob) -> list:
        try:
            return self._rdd(wave, job).collect()
        except Exception:  # a worker died: find the document that kills it, keep the others
            return list(self._one_by_one(wave, job))

    def _one_by_one(self, wave: list[list[Document]], job: CodingJob) -> Iterator:
        sc = self.session().sparkContext
        for doc in (d for chunk in wave for d in chunk):
            try:
                yield from sc.parallelize([[doc]], 1).mapPartitions(functools.partial(_partition, job)).collect()
            except Exception as exc:
                self.crashes += 1
                stats = RunStats()
                what = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
                stats.fail(Failure(doc.source, STAGE, "worker-crashed",
                                   f"{doc.source}: its Spark task failed while coding it ({what}); the document was skipped.",
                                   doc.id))
                yield ChunkResult([], stats, 0, 0)


def _partition(job: CodingJob, wave_chunks: Iterable[list[Document]]) -> Iterator[ChunkResult]:
    """One Spark partition: its chunks, coded in order by this worker's pipeline."""
    for chunk in wave_chunks:
        yield run_chunk(job, chunk)


def _rows(result: ChunkResult) -> list[tuple]:
    names = [name for name, _ in parquet.event_columns()] + [parquet.PARTITION]
    out = []
    for _, events in result.items:
        for event in events:
            row = parquet.event_row(event)
            out.append(tuple(row[n] for n in names))
    return out


def _without_items(result: ChunkResult) -> tuple[ChunkResult, int]:
    events = sum(len(e) for _, e in result.items)
    return ChunkResult([], result.stats, result.worker, result.peak_rss), events


def spark_schema():
    from pyspark.sql.types import DateType, DoubleType, IntegerType, StringType, StructField, StructType

    types = {"date": DateType(), "int": IntegerType(), "double": DoubleType(), "string": StringType()}
    fields = [StructField(name, types[kind], True) for name, kind in parquet.event_columns()]
    return StructType(fields + [StructField(parquet.PARTITION, StringType(), False)])


def _waves(items: Iterable, size: int) -> Iterator[list]:
    wave: list = []
    for item in items:
        wave.append(item)
        if len(wave) >= size:
            yield wave
            wave = []
    if wave:
        yield wave


def _check_job(job: CodingJob) -> None:
    """Refuse here, in the driver, what every worker would fail on."""
    if not job.by_name:
        raise ConfigError("The Spark engine builds the coder on every worker from its name: pass the coder by "
                          "name (e.g. 'cameo.rules') and its pattern files, not a coder object.")
    from ..coding.patterns import load_patterns
    from ..registry import coders

    coders.get(job.coder)
    if job.pattern_files:
        load_patterns(tuple(Path(p) for p in job.pattern_files))


def _start_session(master: str, conf: dict[str, str]):
    try:
        with warnings.catch_warnings():  # PySpark's note about pandas versions: tieline does not use pandas in Spark
            warnings.simplefilter("ignore", FutureWarning)
            from pyspark.sql import SparkSession
    except ImportError as exc:
        raise ConfigError("The Spark engine needs PySpark: install tieline with its `spark` extra "
                          "(`pip install 'tieline[spark]'`, or `make test`, which installs it).") from exc
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        raise ConfigError("The Spark engine needs Java 17 or later and none was found; install it "
                          "(e.g. `apt-get install openjdk-17-jre-headless`) or set JAVA_HOME.")
    # Workers run this Python, where tieline is installed (PySpark reads the variable, not only the setting).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    active = SparkSession.getActiveSession()
    if active is not None:
        return active, False
    builder = SparkSession.builder.master(master).appName("tieline")
    settings = {
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        "spark.driver.extraJavaOptions": f"-Dlog4j2.configurationFile={LOG_CONFIG.as_uri()}",
        "spark.pyspark.python": os.environ["PYSPARK_PYTHON"],
        "spark.pyspark.driver.python": os.environ["PYSPARK_DRIVER_PYTHON"],
        "spark.python.worker.reuse": "true",
        "spark.sql.session.timeZone": "UTC",
        **conf,
    }
    for key, value in settings.items():
        builder = builder.config(key, value)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            spark = builder.getOrCreate()
    except Exception as exc:
        raise ConfigError(f"Spark could not start with master '{master}' ({str(exc).strip().splitlines()[0][:300]}). "
                          f"Local mode needs Java 17 or later (`java -version`); a cluster URL must be reachable.") from exc
    spark.sparkContext.setLogLevel("ERROR")
    return spark, True
