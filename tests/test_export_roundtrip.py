"""Property test: random events go into the store and out through every export format that can be
read back (GDELT events and mentions, PLOVER, Parquet, CSV, GraphML, GEXF), and come back the same."""

import csv
import json
import math
from datetime import date

import jsonschema
import networkx as nx
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tieline.coding import load_taxonomy
from tieline.export import export
from tieline.export.gdelt import EVENT_COLUMNS, MENTION_COLUMNS, text
from tieline.export.plover import schema
from tieline.models import Article, Event
from tieline.store import Store

CODES = sorted(load_taxonomy().codes.values(), key=lambda c: c.code)
COUNTRIES = ["PRK", "CUB", "CHN", "USA", "KOR", "XKX", "VNM"]
SECTORS = [None, "GOV", "MIL", "MED", "HLH", "EDU", "CVL", "BUS", "REB"]
free_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)


@st.composite
def actor(draw, required=True):
    if not required and draw(st.booleans()):
        return None
    if draw(st.integers(0, 5)) == 0:
        return {"code": "IGOUNO", "country": None, "group": "UNO", "sector": None}
    country = draw(st.sampled_from(COUNTRIES))
    sector = draw(st.sampled_from(SECTORS))
    return {"code": country + (sector or ""), "country": country, "group": None, "sector": sector}


@st.composite
def event(draw, doc_id, url, index):
    cameo = draw(st.sampled_from(CODES))
    a1, a2 = draw(actor()), draw(actor(required=False))
    day = draw(st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))))
    start = draw(st.integers(0, 500))
    return Event(
        doc_id=doc_id, event_date=day.isoformat() if day else "", actor1_code=a1["code"], actor1_name=draw(free_text),
        actor1_country_code=a1["country"], actor1_known_group_code=a1["group"],
        actor2_code=a2 and a2["code"], actor2_name=a2 and draw(free_text), actor2_country_code=a2 and a2["country"],
        actor2_known_group_code=a2 and a2["group"], event_code=cameo.code, event_root_code=cameo.root,
        quad_class=cameo.quad_class, goldstein_scale=cameo.goldstein, plover_event_type=cameo.plover_event,
        sentence=draw(free_text), evidence_start=start, evidence_end=start + draw(st.integers(0, 80)),
        source_url=url, coder="cameo.rules.v1", confidence=draw(st.floats(0.1, 1.0)),
        event_id=f"{doc_id}-m{index}", plover_mode=cameo.plover_mode, actor1_sector=a1["sector"],
        actor2_sector=a2 and a2["sector"], event_text=draw(free_text), event_start=start, event_end=start + 5,
        actor1_start=start, actor1_end=start + 3, actor2_start=start + 10 if a2 else -1,
        actor2_end=start + 13 if a2 else -1, sentence_start=start, sentence_index=draw(st.integers(-1, 30)),
    )


@st.composite
def batches(draw):
    coded = []
    for d in range(draw(st.integers(1, 3))):
        doc_id = f"doc-{d}"
        url = draw(st.one_of(st.none(), st.sampled_from(["https://www.a.example/x", "https://b.example/y?q=1"])))
        article = Article(doc_id=doc_id, text=draw(free_text) + " body", url=url, title=draw(free_text))
        events = [draw(event(doc_id, url, i)) for i in range(draw(st.integers(0, 4)))]
        coded.append((article, events))
    return coded, draw(st.sampled_from(["none", "story", "strict"]))


def same(got, want):
    if want is None or (isinstance(want, float) and math.isnan(want)):
        return got in (None, "") or (isinstance(got, float) and math.isnan(got))
    if isinstance(want, float):
        return float(got) == pytest.approx(want)
    return got == want


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(case=batches())
def test_events_round_trip_through_store_and_exports(tmp_path_factory, case):
    coded, dedup = case
    folder = tmp_path_factory.mktemp("rt")
    with Store(folder / "s.duckdb") as store:
        run = store.begin_run(["x"], "cameo.rules.v1", "test", dedup=dedup)
        store.write_batch(run, coded, dedup)
        stored = store.sql("SELECT * FROM events ORDER BY global_event_id")
        mentions = store.sql("SELECT m.*, e.global_event_id FROM event_mentions m JOIN events e USING (event_id) "
                             "ORDER BY e.global_event_id, m.seq")
        results = {fmt: export(store, fmt, folder / f"out.{fmt}")
                   for fmt in ("gdelt", "gdelt-mentions", "plover", "parquet", "csv", "graphml", "gexf")}
    n_mentions = sum(len(events) for _, events in coded)
    assert len(mentions) == n_mentions and stored["num_mentions"].sum() == n_mentions
    events = records(stored)

    # GDELT events: every field that tieline fills comes back
    gdelt = read_tsv(folder / "out.gdelt", EVENT_COLUMNS)
    assert len(gdelt) == len(events)
    for got, want in zip(gdelt, events, strict=True):
        assert int(got["GLOBALEVENTID"]) == want["global_event_id"]
        day = want["event_date"]
        assert got["SQLDATE"] == (day.strftime("%Y%m%d") if not pd.isna(day) else "")
        for column, field in (("Actor1Code", "actor1_code"), ("Actor1Name", "actor1_name"),
                              ("Actor1CountryCode", "actor1_country_code"), ("Actor2Code", "actor2_code"),
                              ("Actor2Name", "actor2_name"), ("Actor2KnownGroupCode", "actor2_known_group_code"),
                              ("EventCode", "event_code"), ("EventRootCode", "event_root_code")):
            assert got[column] == text(want[field]), column
        assert float(got["GoldsteinScale"]) == pytest.approx(want["goldstein_scale"])
        assert int(got["QuadClass"]) == want["quad_class"] and int(got["NumMentions"]) == want["num_mentions"]
        assert got["SOURCEURL"] == (want["source_url"] or want["doc_id"])

    # GDELT mentions
    gm = read_tsv(folder / "out.gdelt-mentions", MENTION_COLUMNS)
    assert len(gm) == n_mentions
    for got, want in zip(gm, records(mentions), strict=True):
        assert int(got["GLOBALEVENTID"]) == want["global_event_id"]
        assert got["SentenceID"] == (str(want["sentence_index"] + 1) if want["sentence_index"] >= 0 else "")
        assert int(got["Actor1CharOffset"]) == want["actor1_start"]
        assert int(got["ActionCharOffset"]) == want["event_start"]
        assert int(got["Confidence"]) == round(want["confidence"] * 100)
        assert got["MentionIdentifier"] == (want["source_url"] or want["doc_id"])

    # PLOVER: valid, and one record per event that PLOVER can hold
    validator = jsonschema.Draft202012Validator(schema())
    plover = [json.loads(line) for line in (folder / "out.plover").read_text("utf-8").splitlines()]
    assert len(plover) + sum(results["plover"].skipped.values()) == len(events)
    by_id = {f"tieline-{e['event_id']}": e for e in events}
    for rec in plover:
        assert not list(validator.iter_errors(rec)), rec
        want = by_id[rec["id"]]
        assert rec["date"] == want["event_date"].date().isoformat()
        assert rec["event"] == [want["plover_event_type"]] and rec["cameo_code"] == want["event_code"]
        assert rec["actor"][0]["cameo_code"] == want["actor1_code"]
        assert rec["actor"][0]["entity_text"] == want["actor1_name"] and rec["text"] == want["sentence"]
        assert [r["cameo_code"] for r in rec["recipient"]] == ([want["actor2_code"]] if want["actor2_code"] else [])

    # Parquet and CSV: every column
    parquet = pd.read_parquet(folder / "out.parquet")  # no events: an empty folder
    parquet = parquet.sort_values("global_event_id").to_dict("records") if events else []
    table = pd.read_csv(folder / "out.csv", keep_default_na=False, dtype=str)
    assert list(table.columns) == [c for c in stored.columns if c != "run_id"]
    table = table.to_dict("records")
    assert len(parquet) == len(table) == len(events)
    for p_row, c_row, want in zip(parquet, table, events, strict=True):
        day = want["event_date"]
        assert str(p_row["event_month"]) == (day.strftime("%Y-%m") if not pd.isna(day) else "undated")
        for column, value in want.items():
            if column == "run_id":
                continue
            if column in ("event_date", "date_added"):
                assert pd.isna(value) == pd.isna(p_row[column]) and (pd.isna(value) or
                                                                      pd.Timestamp(p_row[column]) == value)
                continue
            assert same(p_row[column], value), column
            csv_value = c_row[column]
            if isinstance(value, bool):
                assert csv_value == str(value).lower(), column
            elif isinstance(value, float) and not math.isnan(value):
                assert float(csv_value) == pytest.approx(value), column
            elif isinstance(value, int):
                assert int(csv_value) == value, column
            else:
                assert same(csv_value, value) or csv_value == value, column

    # Networks: edge weights are the event counts between countries
    expected = {}
    for e in events:
        a, b = e["actor1_country_code"], e["actor2_country_code"]
        if a and b and a != b:
            expected[(a, b)] = expected.get((a, b), 0) + 1
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        graph = reader(folder / f"out.{fmt}")
        assert graph.is_directed()
        assert {(u, v): int(d["weight"]) for u, v, d in graph.edges(data=True)} == expected, fmt
        for *_, d in graph.edges(data=True):
            assert sum(int(d[f"events_q{q}"]) for q in (1, 2, 3, 4)) == int(d["weight"])


def records(frame):
    """Rows as dicts with None, not NaN, for missing values."""
    return [{k: (None if not isinstance(v, str) and pd.isna(v) else v) for k, v in row.items()}
            for row in frame.to_dict("records")]


def read_tsv(path, columns):
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert all(len(r) == len(columns) for r in rows)
    return [dict(zip(columns, r, strict=True)) for r in rows]
