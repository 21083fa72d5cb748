"""Spark in local mode codes the same events as the local executor, and writes them as the Parquet
dataset DuckDB loads. One Spark session (two Python workers) serves every test of the module."""

import shutil

import duckdb
import pytest

from scale_support import event_dicts, write_corpus
from tieline import api
from tieline.errors import ConfigError
from tieline.ingest import identify_stage, open_sources, read_documents
from tieline.pipeline import RunStats
from tieline.scale import CodingJob, LocalExecutor, SparkExecutor

pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java 17 (`make test` installs it)")

CHUNK = 2  # several chunks and partitions from a few stories


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("spark"))


@pytest.fixture(scope="module")
def spark():
    executor = SparkExecutor("local[2]")
    yield executor
    executor.close()


def _documents(corpus, stats):
    return identify_stage(read_documents(open_sources([corpus]), stats), stats)


def test_spark_codes_the_events_of_the_local_executor(corpus, spark, tmp_path):
    job = CodingJob.create("cameo.rules", chunk_size=CHUNK)
    local_stats, spark_stats = RunStats(), RunStats()
    local = list(LocalExecutor(1).run(_documents(corpus, local_stats), job, local_stats))
    coded = list(spark.run(_documents(corpus, spark_stats), job, spark_stats))
    assert [a.doc_id for a, _ in coded] == [a.doc_id for a, _ in local]
    assert event_dicts(e for _, evs in coded for e in evs) == event_dicts(e for _, evs in local for e in evs)
    assert spark_stats.as_dict() == local_stats.as_dict()
    assert [f.reason for f in spark_stats.failures] == ["no-text"]
    assert len(spark.peak_rss) >= 1 and all(rss > 100 * 2**20 for rss in spark.peak_rss.values())

    # the executors write the Parquet dataset of `tieline export --format parquet`; DuckDB loads it
    out = tmp_path / "events"
    written_stats = RunStats()
    written = spark.write_parquet(_documents(corpus, written_stats), job, written_stats, out)
    events = [e for _, evs in local for e in evs]
    assert written == len(events) and written_stats.as_dict() == local_stats.as_dict()
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == sorted(
        {f"event_month={e.event_date[:7] or 'undated'}" for e in events})
    with duckdb.connect() as con:
        con.execute(f"CREATE TABLE coded AS SELECT * FROM read_parquet('{out}/**/*.parquet', hive_partitioning = true)")
        cursor = con.execute("SELECT * FROM coded ORDER BY event_id")
        names = [d[0] for d in cursor.description]
        loaded = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]  # NULL stays None
        types = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                                 "WHERE table_name = 'coded'").fetchall())
    assert types["event_date"] == "DATE" and types["quad_class"] == "INTEGER" and types["goldstein_scale"] == "DOUBLE"
    expected = {e.event_id: e.to_dict() for e in events}
    assert sorted(row["event_id"] for row in loaded) == sorted(expected)
    assert any(row["actor2_code"] is None for row in loaded)  # one-sided events keep an empty target
    for row in loaded:
        want = expected[row["event_id"]]
        assert row["event_date"].isoformat()[:10] == want["event_date"]
        assert row["event_month"] == want["event_date"][:7]
        for name in ("doc_id", "actor1_code", "actor2_code", "event_code", "sentence", "evidence_start", "confidence",
                     "pattern_id", "sentence_index"):
            assert row[name] == want[name], name


def test_spark_refuses_a_coder_object_and_an_unknown_coder(coder, spark, corpus):
    with pytest.raises(ConfigError, match="by name"):
        list(spark.run(_documents(corpus, RunStats()), CodingJob.create(coder), RunStats()))
    with pytest.raises(Exception, match="No coder named"):
        list(api.code([corpus], coder="no.such.coder", executor=spark))
