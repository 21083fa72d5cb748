"""Parquet by event month, one CSV, and country networks for Gephi."""

import networkx as nx
import pandas as pd
import polars as pl
import pytest

from tieline.errors import InputError
from tieline.export import export
from tieline.models import Article, Event
from tieline.store import EventFilter, Store


def ev(i, day, a1, a2, code, quad, goldstein, doc="d1"):
    return Event(doc_id=doc, event_date=day, actor1_code=a1 + "GOV", actor1_name=a1, actor1_country_code=a1,
                 actor1_known_group_code=None, actor2_code=a2 + "GOV", actor2_name=a2, actor2_country_code=a2,
                 actor2_known_group_code=None, event_code=code, event_root_code=code[:2], quad_class=quad,
                 goldstein_scale=goldstein, plover_event_type=None, sentence=f"Sentence {i}.", evidence_start=0,
                 evidence_end=5, source_url="https://x.example/a", coder="cameo.rules.v1", confidence=0.9,
                 event_id=f"m{i}", sentence_index=i, actor1_sector="GOV", actor2_sector="GOV")


@pytest.fixture
def store(tmp_path):
    events = [
        ev(0, "2024-01-05", "PRK", "CUB", "042", 1, 1.9), ev(1, "2024-01-20", "PRK", "CUB", "057", 1, 8.0),
        ev(2, "2024-02-02", "PRK", "KOR", "112", 3, -2.0), ev(3, "2024-02-03", "PRK", "KOR", "190", 4, -10.0),
        ev(4, "2024-02-09", "KOR", "PRK", "111", 3, -2.0), ev(5, "", "CUB", "PRK", "051", 1, 3.4),
        ev(6, "2024-03-01", "PRK", "PRK", "010", 1, 0.0),
    ]
    with Store(tmp_path / "s.duckdb") as s:
        run = s.begin_run([], "cameo.rules.v1", "v")
        s.write_batch(run, [(Article(doc_id="d1", text="t", url="https://x.example/a"), events)], dedup="none")
        yield s


def test_parquet_is_partitioned_by_event_month_and_readable_by_pandas_and_polars(store, tmp_path):
    out = tmp_path / "pq"
    result = export(store, "parquet", out)
    assert result.rows == 7
    assert sorted(p.name for p in out.iterdir()) == [
        "event_month=2024-01", "event_month=2024-02", "event_month=2024-03", "event_month=undated"]
    frame = pd.read_parquet(out)
    assert len(frame) == 7 and {"event_id", "num_mentions", "event_month"} <= set(frame.columns)
    assert sorted(frame[frame["event_month"] == "2024-02"]["event_code"]) == ["111", "112", "190"]
    lazy = pl.scan_parquet(out / "**/*.parquet", hive_partitioning=True)
    assert lazy.filter(pl.col("event_month") == "2024-01").collect().height == 2
    with pytest.raises(InputError, match="not an empty folder"):
        export(store, "parquet", out)


def test_csv_is_one_file_with_a_header_and_filters_apply(store, tmp_path):
    out = tmp_path / "e.csv"
    result = export(store, "csv", out, EventFilter(actor="PRK", since="2024-01-01", until="2024-02-28"))
    frame = pd.read_csv(out, dtype={"event_code": str})
    assert result.rows == len(frame) == 4
    assert set(frame["actor1_code"]) == {"PRKGOV"} and "sentence" in frame.columns


def test_country_network_weights_and_goldstein_by_quad_class(store, tmp_path):
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        out = tmp_path / f"net.{fmt}"
        result = export(store, fmt, out)
        graph = reader(out)
        assert graph.is_directed() and result.nodes == 3 and result.rows == graph.number_of_edges() == 4
        assert not graph.has_edge("PRK", "PRK")  # events within one country are not ties between countries
        prk_kor = graph.edges["PRK", "KOR"]
        assert int(prk_kor["weight"]) == 2 and float(prk_kor["goldstein_mean"]) == pytest.approx(-6.0)
        assert int(prk_kor["events_q3"]) == 1 and int(prk_kor["events_q4"]) == 1 and int(prk_kor["events_q1"]) == 0
        assert float(prk_kor["goldstein_mean_q4"]) == -10.0 and "goldstein_mean_q1" not in prk_kor
        assert float(graph.edges["PRK", "CUB"]["goldstein_mean_q1"]) == pytest.approx(4.95)
        assert graph.nodes["KOR"]["label"] == "South Korea" and int(graph.nodes["PRK"]["events_sent"]) == 4
