"""The local executor: the same events for any number of jobs, workers that die cost one
document, workers that outlive their parent do not exist, and the CLI options."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from scale_support import event_dicts, write_corpus
from tieline import api
from tieline.coding.base import Coder
from tieline.ingest import identify_stage, open_sources, read_documents
from tieline.pipeline import RunStats
from tieline.scale import CodingJob, LocalExecutor, make_executor
from tieline.scale.job import run_chunk

CHUNK = 3  # small chunks, so that a few stories make several chunks in flight


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("scale"))


@pytest.fixture(scope="module")
def one_job(corpus, coder):
    stats = RunStats()
    events = list(api.code([corpus], coder=coder, stats=stats, executor=LocalExecutor(1)))
    return events, stats


def _coded(corpus, job, jobs):
    stats = RunStats()
    executor = LocalExecutor(jobs)
    documents = identify_stage(read_documents(open_sources([corpus]), stats), stats)
    items = list(executor.run(documents, job, stats))
    return items, stats, executor


def test_two_jobs_give_the_events_of_one_in_the_same_order(corpus, coder, one_job):
    events, stats = one_job
    job = CodingJob.create(coder, chunk_size=CHUNK)
    items, pooled_stats, executor = _coded(corpus, job, 2)
    single, single_stats, _ = _coded(corpus, job, 1)
    pooled = [e for _, evs in items for e in evs]
    assert event_dicts(pooled) == event_dicts(e for _, evs in single for e in evs)
    assert {(e.doc_id, e.actor1_code, e.event_code, e.actor2_code) for e in pooled} >= {
        ("wire-1", "JPNGOV", "040", "INDGOV"), ("wire-2", "KENGOV", "112", "UGAGOV"),
        ("wire-7", "VNMGOV", "040", "LAOGOV")}
    assert [a.doc_id for a, _ in items] == [a.doc_id for a, _ in single]
    assert pooled_stats.as_dict() == single_stats.as_dict()
    assert [f.reason for f in pooled_stats.failures] == [f.reason for f in single_stats.failures] == ["no-text"]
    workers = [pid for pid in executor.peak_rss if pid != os.getpid()]
    assert len(workers) == 2 and all(200 * 2**20 < executor.peak_rss[p] < 3 * 2**30 for p in workers)
    assert len(pooled) == len(events) > 8


class _CrashingCoder(Coder):
    """Codes like the rules coder, but its process dies on an article that asks for it."""

    name, version = "test.crashing", "1"

    def __init__(self, inner):
        self.inner = inner

    def code_many(self, articles, on_error=None):
        articles = list(articles)
        if any("KILL THIS WORKER" in a.text for a in articles):
            os._exit(3)
        yield from self.inner.code_many(articles)


def test_a_worker_that_dies_costs_only_the_document_that_killed_it(tmp_path, coder):
    stories = [(f"s{i}", "2024-03-04", f"https://wire.example/{i}",
                f"Japan praised India for its help with the floods, story {i}.") for i in range(7)]
    stories.insert(3, ("poison", "2024-03-04", "https://wire.example/p", "KILL THIS WORKER. Japan praised India."))
    corpus = write_corpus(tmp_path, stories)
    items, stats, executor = _coded(corpus, CodingJob.create(_CrashingCoder(coder), chunk_size=CHUNK), 2)
    assert [a.doc_id for a, _ in items] == [f"s{i}" for i in range(7)]
    assert all(events for _, events in items)
    assert [(f.reason, f.doc_id) for f in stats.failures] == [("worker-crashed", "poison")]
    assert executor.crashes == 1


def test_a_coder_that_cannot_load_stops_the_run_with_its_error(tmp_path, corpus):
    bad = tmp_path / "bad.yaml"
    bad.write_text("patterns: [{id: x, verbs: [meet], code: 42}]\n", encoding="utf-8")
    for jobs in (1, 2):
        with pytest.raises(Exception, match="leading zero"):
            list(api.code([corpus], pattern_files=[bad], executor=LocalExecutor(jobs)))


def test_chunk_results_carry_counts_failures_and_the_worker(coder, corpus):
    stats = RunStats()
    documents = list(identify_stage(read_documents(open_sources([corpus]), stats), stats))
    result = run_chunk(CodingJob.create(coder), documents[:3])
    assert [a.doc_id for a, _ in result.items] == ["wire-1", "wire-2", "wire-3"]
    assert result.stats.counts["code"]["articles"] == 3 and result.worker == os.getpid() and result.peak_rss > 0


def test_executor_options_are_checked():
    with pytest.raises(Exception, match="--master"):
        make_executor("local", 2, "local[2]")
    with pytest.raises(Exception, match="not an engine"):
        make_executor("dask")
    assert make_executor("spark", 3).master == "local[3]"


def test_cli_jobs_print_the_same_events_and_write_parquet(run_cli, corpus, one_job, tmp_path):
    events, _ = one_job
    two = run_cli("code", str(corpus), "--jobs", "2", "--format", "jsonl")
    one = run_cli("code", str(corpus), "--jobs", "1", "--format", "jsonl")
    assert two.returncode == 0, two.stderr
    assert two.stdout == one.stdout
    assert [json.loads(line) for line in two.stdout.splitlines()] == json.loads(json.dumps(event_dicts(events)))
    out = tmp_path / "events"
    written = run_cli("code", str(corpus), "--parquet", str(out))
    assert written.returncode == 0 and f"Wrote {len(events)} event(s)" in written.stderr
    months = sorted(p.name for p in out.iterdir())
    assert months == sorted({f"event_month={e.event_date[:7] or 'undated'}" for e in events})
    rows = duckdb.sql(f"SELECT * FROM read_parquet('{out}/**/*.parquet', hive_partitioning = true) "
                      "ORDER BY doc_id, event_start, event_id").fetchall()
    assert len(rows) == len(events)
    frame = duckdb.sql(f"SELECT event_id, event_date, event_month, quad_class, goldstein_scale FROM "
                       f"read_parquet('{out}/**/*.parquet', hive_partitioning = true)").df()
    by_id = {e.event_id: e for e in events}
    for row in frame.itertuples():
        event = by_id[row.event_id]
        assert row.event_month == (event.event_date[:7] or "undated")
        assert row.quad_class == event.quad_class and row.goldstein_scale == event.goldstein_scale


def test_cli_rejects_bad_scale_options(run_cli, corpus):
    for args, message in ((["--jobs", "0"], "--jobs"), (["--master", "local[2]"], "--master"),
                          (["--engine", "dask"], "--engine")):
        result = run_cli("code", str(corpus), *args)
        assert result.returncode == 2 and result.stderr.startswith("error:") and message in result.stderr


def test_ingest_with_two_jobs_stores_what_one_job_stores(corpus, coder, tmp_path):
    snapshots = []
    for jobs in (1, 2):
        db = tmp_path / f"j{jobs}.duckdb"
        report = api.ingest([corpus], db=db, coder=coder, batch_size=2, executor=LocalExecutor(jobs))
        assert report.documents_stored == 8 and report.failed == 1
        with duckdb.connect(str(db), read_only=True) as con:
            snapshots.append({
                "documents": con.execute("SELECT doc_id, dedup_group FROM documents ORDER BY doc_id").fetchall(),
                "mentions": con.execute("SELECT mention_id, event_id, seq FROM event_mentions ORDER BY seq").fetchall(),
                "events": con.execute("SELECT event_id, actor1_code, event_code, actor2_code, num_mentions "
                                      "FROM events ORDER BY event_id").fetchall(),
            })
    assert snapshots[0] == snapshots[1] and snapshots[0]["events"]


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table in /proc")
def test_workers_exit_when_their_parent_is_killed(tmp_path):
    stories = [(f"s{i}", "2024-03-04", f"https://wire.example/{i}",
                "Japan praised India for its help with the floods. " * 40) for i in range(400)]
    corpus = write_corpus(tmp_path, stories)
    exe = Path(sys.executable).parent / "tieline"
    parent = subprocess.Popen([str(exe), "code", str(corpus), "--jobs", "2"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        workers: list[int] = []
        while time.monotonic() < deadline and len(workers) < 2:
            time.sleep(0.5)
            workers = _children(parent.pid)
        assert len(workers) >= 2, "the workers did not start"
        parent.send_signal(signal.SIGKILL)
        parent.wait(10)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(map(_running, workers)):
            time.sleep(0.3)
        assert not any(map(_running, workers))
    finally:
        if parent.poll() is None:
            parent.kill()
