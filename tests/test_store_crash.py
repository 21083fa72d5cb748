"""Crash safety, for real: SIGKILL `tieline.ingest` in a subprocess at a random moment, run it again,
and compare the store with one made by an unbroken run.

`TIELINE_SIGKILL_RUNS` sets how many kills (default 3, to keep `make test` fast; the acceptance
run uses 20) and `TIELINE_SIGKILL_SEED` replays a failing sequence.
"""

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter

import duckdb
import pytest

from tieline import api

RUNS = int(os.environ.get("TIELINE_SIGKILL_RUNS", "3"))
SEED = int(os.environ.get("TIELINE_SIGKILL_SEED", str(random.SystemRandom().randrange(10**6))))
# Half the kills fall anywhere in the run; the other half after the store file exists, so that
# writes, commits and checkpoints are hit as often as start-up.
INGEST = "import sys, tieline; tieline.ingest(sys.argv[2:], db=sys.argv[1], batch_size=2)"

PAIRS = [("Japanese", "Japan", "Indian", "India"), ("Brazilian", "Brazil", "Colombian", "Colombia"),
         ("Kenyan", "Kenya", "Tanzanian", "Tanzania"), ("Polish", "Poland", "Lithuanian", "Lithuania"),
         ("Chilean", "Chile", "Peruvian", "Peru"), ("Egyptian", "Egypt", "Jordanian", "Jordan"),
         ("Vietnamese", "Vietnam", "Laotian", "Laos"), ("Canadian", "Canada", "Mexican", "Mexico"),
         ("Turkish", "Turkey", "Greek", "Greece"), ("Thai", "Thailand", "Cambodian", "Cambodia"),
         ("Nigerian", "Nigeria", "Ghanaian", "Ghana"), ("Swedish", "Sweden", "Finnish", "Finland"),
         ("Argentine", "Argentina", "Uruguayan", "Uruguay"), ("Saudi", "Saudi Arabia", "Omani", "Oman"),
         ("Australian", "Australia", "Indonesian", "Indonesia"), ("Spanish", "Spain", "Moroccan", "Morocco")]
SITES = ["wire-one.example", "www.wire-two.example", "wire-three.example"]


def corpus(folder):
    """Sixteen short stories, six of them also copied onto other sites, and one unreadable file."""
    docs = []
    for i, (adj_a, name_a, _adj_b, name_b) in enumerate(PAIRS):
        text = (f"The {adj_a} foreign minister praised {name_b} on Tuesday for its help after the floods.\n\n"
                f"Officials in both capitals said the talks covered trade, energy and border crossings.\n\n"
                f"{name_a} also criticized {name_b} over a fishing dispute that has lasted for years.")
        copies = 3 if i % 3 == 0 else 1
        for c in range(copies):
            body = text if c == 0 else text + f"\n\nCopied by site {c} with permission."
            docs.append({"id": f"s{i}-c{c}", "text": body, "url": f"https://{SITES[c]}/2024/06/story-{i}",
                         "published": f"2024-06-{1 + i:02d}"})
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00binary\x00")
    return [str(folder / "wire.jsonl"), str(folder / "broken.txt")], len(docs)


def snapshot(db):
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            "documents": sorted(con.execute("SELECT doc_id, content_hash, dedup_group FROM documents").fetchall()),
            "mentions": sorted(con.execute("SELECT mention_id, event_id, doc_id FROM event_mentions").fetchall()),
            "events": sorted(con.execute(
                "SELECT event_id, global_event_id, doc_id, actor1_code, event_code, actor2_code, num_mentions, "
                "num_sources, num_articles, root_mention_id FROM events").fetchall()),
            "sentences": con.execute("SELECT count(*) FROM sentences").fetchone()[0],
        }


def committed_documents(db):
    if not db.exists():
        return None
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    except duckdb.Error:
        return None  # killed before the schema was created


def check_runs(db, total_docs):
    with duckdb.connect(str(db), read_only=True) as con:
        runs = con.execute("SELECT run_id, status, counts FROM runs ORDER BY started_at").fetchall()
        per_run = dict(con.execute("SELECT run_id, count(*) FROM documents GROUP BY run_id").fetchall())
        (dup,) = con.execute("SELECT count(*) - count(DISTINCT doc_id) FROM documents").fetchone()
        failures = con.execute("SELECT run_id, reason FROM failures").fetchall()
    assert dup == 0
    assert runs[-1][1] == "finished" and all(status in ("finished", "interrupted") for _, status, _ in runs)
    for run_id, status, counts in runs:
        stored = json.loads(counts or "{}").get("store", {}).get("documents", 0)
        assert stored == per_run.get(run_id, 0), f"run {run_id} ({status}) says {stored} documents"
    assert sum(per_run.values()) == total_docs
    assert {reason for run, reason in failures if run == runs[-1][0]} & {"not-utf8", "binary", "no-main-text"}


@pytest.fixture(scope="module")
def unbroken(tmp_path_factory, coder):
    """The corpus and the store one unbroken in-process run makes of it."""
    folder = tmp_path_factory.mktemp("crash")
    inputs, total_docs = corpus(folder)
    reference = folder / "reference.duckdb"
    api.ingest(inputs, db=reference, coder=coder, batch_size=2)
    return folder, inputs, total_docs, snapshot(reference)


@pytest.mark.parametrize("first", [1, 8, 19])
def test_a_run_resumed_after_any_document_ends_as_an_unbroken_one(tmp_path, coder, unbroken, first):
    """What a killed run leaves is its first documents, committed: storing the rest afterwards must
    group stories and events exactly as one unbroken run does."""
    folder, inputs, _, expected = unbroken
    lines = (folder / "wire.jsonl").read_text("utf-8").splitlines()
    (tmp_path / "wire.jsonl").write_text("\n".join(lines[:first]) + "\n", encoding="utf-8")
    resumed = tmp_path / "resumed.duckdb"
    api.ingest([tmp_path / "wire.jsonl"], db=resumed, coder=coder, batch_size=2)
    api.ingest(inputs, db=resumed, coder=coder, batch_size=2)
    assert snapshot(resumed) == expected


@pytest.mark.slow
def test_sigkill_at_random_moments_then_rerun_leaves_every_document_once(tmp_path, coder, unbroken):
    _, inputs, total_docs, expected = unbroken
    assert len(expected["documents"]) == total_docs and len(expected["events"]) < len(expected["mentions"])

    # One unbroken run in a subprocess: how long it takes, and how long it writes once the store exists.
    whole = tmp_path / "whole.duckdb"
    started = time.monotonic()
    process = subprocess.Popen([sys.executable, "-c", INGEST, str(whole), *inputs],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    opened = wait_for_store(whole, process, started)
    assert process.wait(timeout=120) == 0
    duration, writing = time.monotonic() - started, time.monotonic() - opened
    assert snapshot(whole) == expected

    rng = random.Random(SEED)
    landed = Counter()
    for i in range(RUNS):
        db = tmp_path / f"killed-{i}.duckdb"
        kills = 1 + (rng.random() < 0.3)  # sometimes the re-run is killed too
        for _ in range(kills):
            begun = time.monotonic()
            process = subprocess.Popen([sys.executable, "-c", INGEST, str(db), *inputs],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if rng.random() < 0.5:  # any moment of the run, start-up included
                time.sleep(rng.uniform(0, duration))
            else:  # a moment after the store file appeared, while batches are being written
                wait_for_store(db, process, begun)
                time.sleep(rng.uniform(0, writing))
            ended = process.poll() is not None
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
            done = committed_documents(db)
            landed["after the run ended" if ended else "before the store existed" if done is None
                   else "no document yet" if done == 0 else "all documents, run not closed" if done == total_docs
                   else "some documents"] += 1
        api.ingest(inputs, db=db, coder=coder, batch_size=2)
        assert snapshot(db) == expected, f"kill {i} (seed {SEED}) left a different store"
        check_runs(db, total_docs)
    print(f"\n{RUNS} kill sequence(s), seed {SEED}, unbroken run {duration:.1f}s ({writing:.1f}s with the store "
          f"open); kills landed: {dict(landed)}")


def wait_for_store(db, process, started, timeout=120):
    """The moment the store file appears (or the process ends)."""
    while not db.exists() and process.poll() is None and time.monotonic() - started < timeout:
        time.sleep(0.005)
    return time.monotonic()
