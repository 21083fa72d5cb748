"""The store's schema over time: upgrades, run records, interrupted runs, links from events to evidence."""

import json
from datetime import date
from importlib import resources

import duckdb
import pytest

import tieline
from tieline import api
from tieline.errors import StoreError
from tieline.store import SCHEMA_VERSION, Store

DOCS = [
    {"id": "w1", "text": "Chinese President Xi Jinping met Brazilian President Luiz Inacio Lula da Silva in Beijing.",
     "url": "https://www.example-news.org/w1", "published": "2023-04-14"},
    {"id": "w2", "text": "Poland expelled a Russian diplomat on Monday.\n\nWarsaw said the diplomat had spied.",
     "url": "https://other.example/w2", "published": "2023-05-08"},
]


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in DOCS) + "\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    return tmp_path


def make_v1_store(path):
    """A store as the first release wrote it: schema 1, one events row per coded sentence."""
    sql = resources.files("tieline.store").joinpath("migrations", "001_initial.sql").read_text("utf-8")
    con = duckdb.connect(str(path))
    con.execute(sql)
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)")
    con.execute("INSERT INTO schema_migrations VALUES (1, '001_initial.sql', now())")
    con.execute("INSERT INTO runs VALUES ('r1', now(), now(), 'finished', '0.1.0', 'cameo.rules.v1', 'v', '', '[]', '{}')")
    con.execute("INSERT INTO documents (doc_id, run_id, url, text, content_hash, ingested_at) VALUES "
                "('d1', 'r1', 'https://www.old.example/a', 'Poland expelled a Russian diplomat.', 'h', now())")
    for event_id, code in (("e1", "166"), ("e2", "111")):
        con.execute(
            "INSERT INTO events (event_id, run_id, doc_id, event_date, actor1_code, actor2_code, event_code, "
            "event_root_code, quad_class, goldstein_scale, sentence, sentence_index, sentence_start, coder) "
            "VALUES (?, 'r1', 'd1', DATE '2024-01-02', 'POLGOV', 'RUSGOV', ?, ?, 4, -4.0, "
            "'Poland expelled a Russian diplomat.', 0, 0, 'cameo.rules.v1')", [event_id, code, code[:2]])
    con.close()


def test_a_version_1_store_is_upgraded_and_keeps_its_events(tmp_path):
    path = tmp_path / "old.duckdb"
    make_v1_store(path)
    with pytest.raises(StoreError, match="Open it once for writing"):
        Store(path, read_only=True)
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        events = store.events()
        assert sorted(events["event_id"]) == ["e1", "e2"]
        assert set(events["num_mentions"]) == {1} and set(events["dedup"]) == {"none"}
        assert sorted(events["global_event_id"]) == [1, 2]
        mentions = store.mentions()
        assert list(mentions["source_name"]) == ["old.example", "old.example"]
        assert store.sql("SELECT count(*) AS n FROM sentences")["n"][0] == 1


def test_missing_lower_migrations_are_applied_even_after_higher_ones(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.con.execute("DELETE FROM schema_migrations WHERE version = 1")
        store.con.execute("CREATE TABLE probe AS SELECT 1")
    # 001 is written with IF NOT EXISTS, so applying it again is harmless; it must be recorded.
    with Store(path) as store:
        assert {1, 3} <= set(store.sql("SELECT version FROM schema_migrations")["version"])


def test_run_record_names_versions_dictionaries_inputs_and_counts(tmp_path, corpus, coder):
    db = tmp_path / "s.duckdb"
    report = api.ingest([corpus], db=db, coder=coder, dedup="strict")
    with Store(db, read_only=True) as store:
        run = store.sql("SELECT * FROM runs").iloc[0]
    assert run["run_id"] == report.run_id and run["status"] == "finished"
    assert run["tieline_version"] == tieline.__version__
    assert (run["coder"], run["coder_name"], run["coder_version"]) == (coder.qualified_name, "cameo.rules", coder.version)
    assert run["dedup"] == "strict" and json.loads(run["inputs"]) == [str(corpus)]
    dictionaries = json.loads(run["dictionaries"])
    assert "coding/data/verbs.yaml" in dictionaries and "actors/data/countries.yaml" in dictionaries
    assert all(len(d["sha256"]) == 64 and d["version"] for d in dictionaries.values())
    counts = json.loads(run["counts"])
    assert counts["store"]["documents"] == 2 and counts["read"]["failed:empty"] == 1
    assert run["started_at"] <= run["finished_at"]


def test_reingest_adds_nothing_and_the_failure_is_recorded_per_run(tmp_path, corpus, coder):
    db = tmp_path / "s.duckdb"
    api.ingest([corpus], db=db, coder=coder)
    again = api.ingest([corpus, corpus / "wire.jsonl"], db=db, coder=coder)
    assert again.documents_stored == 0 and again.already_stored == 4
    with Store(db, read_only=True) as store:
        counts = store.counts()
        assert (counts["documents"], counts["runs"], counts["failures"]) == (2, 2, 2)
        assert set(store.sql("SELECT status FROM runs")["status"]) == {"finished"}


def test_every_event_links_to_its_sentences_and_urls(tmp_path, corpus, coder):
    db = tmp_path / "s.duckdb"
    api.ingest([corpus], db=db, coder=coder)
    with Store(db, read_only=True) as store:
        orphans = store.sql(
            "SELECT e.event_id FROM events e LEFT JOIN event_sources s USING (event_id) "
            "LEFT JOIN sentences t ON t.doc_id = s.doc_id AND t.sentence_index = s.sentence_index "
            "WHERE s.url IS NULL OR t.text IS NULL")
        assert orphans.empty
        sources = store.sql("SELECT * FROM event_sources")
        assert set(sources["url"]) == {d["url"] for d in DOCS}
        assert set(sources["source_name"]) == {"example-news.org", "other.example"}
        actors = store.sql("SELECT * FROM actors")
        assert {"CHNGOV", "BRAGOV", "POLGOV", "RUSGOV"} <= set(actors["actor_code"])


def test_interrupted_run_is_closed_with_what_it_committed(tmp_path, corpus, coder):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        dead = store.begin_run(["x"], "cameo.rules.v1", "v")
        from tieline.models import Article

        store.write_batch(dead, [(Article(doc_id="early", text="Some text."), [])], counts={"read": {"documents": 1}})
    report = api.ingest([corpus], db=db, coder=coder)
    assert report.resumed == [dead]
    with Store(db, read_only=True) as store:
        runs = store.sql("SELECT run_id, status, counts FROM runs").set_index("run_id")
    assert runs.loc[dead, "status"] == "interrupted"
    assert json.loads(runs.loc[dead, "counts"])["store"]["documents"] == 1
    assert runs.loc[report.run_id, "status"] == "finished"


def test_notebook_access_in_pandas_and_polars(tmp_path, corpus, coder):
    db = tmp_path / "s.duckdb"
    api.ingest([corpus], db=db, coder=coder)
    frame = tieline.open(db, read_only=True).events(actor="POL", since="2023-01-01")
    assert list(frame["actor2_code"]) == ["RUSGOV"] and frame["event_date"].iloc[0].date() == date(2023, 5, 8)
    with Store(db, read_only=True) as store:
        pl_frame = store.events(target="BRA", frame="polars")
        assert type(pl_frame).__module__.startswith("polars") and pl_frame["actor1_code"].to_list() == ["CHNGOV"]
        assert store.events(code="16", until="2023-05-07").empty
        with pytest.raises(tieline.ConfigError, match="pandas, polars"):
            store.events(frame="arrow")


def test_a_document_the_store_refuses_is_reported_and_the_batch_goes_on(tmp_path, coder, monkeypatch):
    from tieline.store.writer import BatchWriter

    original = BatchWriter.write

    def refuse_one(self, run_id, coded, *args, **kwargs):
        if any(article.doc_id == "w1" for article, _ in coded):
            self.con.execute("INSERT INTO documents (doc_id) VALUES (NULL)")  # violates NOT NULL
        return original(self, run_id, coded, *args, **kwargs)

    monkeypatch.setattr(BatchWriter, "write", refuse_one)
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in DOCS) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    report = api.ingest([path], db=db, coder=coder)
    assert report.documents_stored == 1
    assert [(f.doc_id, f.reason) for f in report.stats.failures] == [("w1", "store-error")]
    with Store(db, read_only=True) as store:
        assert list(store.sql("SELECT doc_id FROM documents")["doc_id"]) == ["w2"]
        assert list(store.sql("SELECT reason FROM failures")["reason"]) == ["store-error"]
