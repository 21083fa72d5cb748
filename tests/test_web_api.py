"""The read API against a real `tieline serve` on 127.0.0.1, over the demo store: answers agree
with the store and the analysis functions, lists page and sort, CSV equals JSON, bad parameters
get a 422 with a message."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from tieline.analysis import dyad_series, shifts
from tieline.registry import coders
from tieline.store import SCHEMA_VERSION, Store
from web_support import Server, copy_store, demo_store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return demo_store(tmp_path_factory)


@pytest.fixture(scope="module")
def api(db):
    server = Server(db)
    with server.client() as client:
        yield client
    server.stop()


def ids(frame_or_items) -> list[str]:
    if isinstance(frame_or_items, list):
        return [item["event_id"] for item in frame_or_items]
    return list(frame_or_items["event_id"])


def test_health_reports_the_store(api, db):
    body = api.get("/api/health").json()
    with Store(db, read_only=True) as store:
        counts = store.counts()
        version = store.schema_version()
    assert set(counts) == {"documents", "events", "event_mentions", "sentences", "failures", "runs"}
    assert {k: body[k] for k in counts} == counts
    assert body["event_mentions"] > body["events"] > 0 and body["schema_version"] == version == SCHEMA_VERSION
    assert body["writes_enabled"] is False and body["first_event"] <= body["last_event"]


@pytest.mark.parametrize("filters", [
    {}, {"actor": "PRK"}, {"actor": "PRKGOV", "target": "CUB"}, {"target": "USA", "since": "2024-03-01"},
    {"code": "04"}, {"since": "2024-01-01", "until": "2024-06-30"}, {"actor": "CHN", "code": "0"},
])
def test_events_filter_as_the_cli_does(api, db, filters):
    body = api.get("/api/events", params={**filters, "limit": 1000}).json()
    with Store(db, read_only=True) as store:
        expected = store.events(**filters)
    assert body["total"] == len(expected)
    assert sorted(ids(body["items"])) == sorted(ids(expected))
    dates = [item["event_date"] for item in body["items"]]
    assert dates == sorted(dates, reverse=True)  # newest first by default


def test_events_pages_cover_everything_once_in_order(api):
    whole = api.get("/api/events", params={"actor": "PRK", "limit": 1000}).json()
    seen, url = [], "/api/events?actor=PRK&limit=7"
    while url:
        page = api.get(url).json()
        assert len(page["items"]) <= 7 and page["total"] == whole["total"]
        seen += ids(page["items"])
        url = page["next"]
    assert seen == ids(whole["items"])
    beyond = api.get("/api/events", params={"actor": "PRK", "offset": whole["total"]}).json()
    assert beyond["items"] == [] and beyond["next"] is None


def test_events_sort_direction_and_types(api):
    rows = api.get("/api/events", params={"sort": "goldstein_scale", "limit": 1000}).json()["items"]
    scores = [r["goldstein_scale"] for r in rows]
    assert scores == sorted(scores)
    out = api.get("/api/events", params={"actor": "PRK", "target": "CUB"}).json()
    back = api.get("/api/events", params={"actor": "CUB", "target": "PRK"}).json()
    both = api.get("/api/events", params={"actor": "PRK", "target": "CUB", "direction": "both"}).json()
    assert both["total"] == out["total"] + back["total"] > out["total"] > 0
    conflict = api.get("/api/events", params=[("quad_class", 3), ("quad_class", 4), ("limit", 1000)]).json()
    assert conflict["total"] > 0 and {r["quad_class"] for r in conflict["items"]} <= {3, 4}


def test_events_as_csv_hold_the_same_rows(api):
    as_json = api.get("/api/events", params={"actor": "PRK", "limit": 50}).json()["items"]
    for response in (api.get("/api/events", params={"actor": "PRK", "limit": 50, "format": "csv"}),
                     api.get("/api/events", params={"actor": "PRK", "limit": 50}, headers={"Accept": "text/csv"})):
        assert response.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert [r["event_id"] for r in rows] == ids(as_json)
        assert rows[0]["sentence"] == as_json[0]["sentence"]
        assert {"doc_id", "event_date", "actor1_code", "event_code", "goldstein_scale", "source_url", "num_mentions",
            "num_sources", "num_articles", "global_event_id"} <= set(rows[0])
    assert [int(r["num_mentions"]) for r in rows] == [e["num_mentions"] for e in as_json]


def test_events_carry_how_often_they_were_reported(api, db):
    with Store(db, read_only=True) as store:
        reported = store.sql("SELECT event_id, count(*) AS n, count(DISTINCT doc_id) AS docs FROM event_mentions "
                             "GROUP BY event_id")
    expected = {r.event_id: (r.n, r.docs) for r in reported.itertuples()}
    items = api.get("/api/events", params={"sort": "-num_mentions", "limit": 1000}).json()["items"]
    assert {e["event_id"]: (e["num_mentions"], e["num_articles"]) for e in items} == expected
    assert items[0]["num_mentions"] > 1 and [e["num_mentions"] for e in items] == sorted(
        (e["num_mentions"] for e in items), reverse=True)
    assert all(e["root_mention_id"] and e["global_event_id"] >= 1 and e["dedup"] == "story" for e in items)
    repeated = api.get("/api/events", params={"min_mentions": 2, "limit": 1000}).json()
    assert repeated["total"] == sum(1 for n, _ in expected.values() if n >= 2) > 0
    body = api.get(f"/api/events/{items[0]['event_id']}").json()
    assert len(body["mentions"]) == items[0]["num_mentions"]
    assert body["mentions"][0]["root"] and body["mentions"][0]["mention_id"] == items[0]["root_mention_id"]
    assert not any(m["root"] for m in body["mentions"][1:])


def test_one_event_carries_its_sentence_spans_document_and_urls(api, db):
    with Store(db, read_only=True) as store:
        row = store.sql("SELECT * FROM events WHERE source_url IS NOT NULL AND event_text <> '' AND num_mentions = 1 "
                        "ORDER BY event_id LIMIT 1").iloc[0]
    body = api.get(f"/api/events/{row.event_id}").json()
    assert body["event"]["event_id"] == row.event_id and body["event"]["sentence"] == row.sentence
    mention = body["mentions"][0]
    assert mention["sentence"] == row.sentence and body["sentences"] == [row.sentence]
    start, end = mention["spans"]["event"]
    assert row.event_text.split()[0] in mention["sentence"][start:end]
    assert row.source_url in body["urls"] and mention["url"] == row.source_url
    assert row.sentence in body["document"]["text"] and row.sentence in mention["paragraph"]
    missing = api.get("/api/events/no-such-event")
    assert missing.status_code == 404 and "no-such-event" in missing.json()["detail"]


def test_documents_list_and_one_document_with_a_slash_in_its_id(api):
    page = api.get("/api/documents", params={"q": "pyongyang", "limit": 100}).json()
    assert page["total"] >= 1 and all("pyongyang" in (d["title"] + d["doc_id"] + (d["url"] or "")).lower()
                                      for d in page["items"])
    assert all("text" not in d and "minhash" not in d for d in page["items"])
    doc_id = next(d["doc_id"] for d in page["items"] if "/" in d["doc_id"])
    doc = api.get(f"/api/documents/{doc_id}").json()
    assert doc["doc_id"] == doc_id and doc["text"] and "minhash" not in doc
    assert doc["dedup_group"] and doc["doc_key"].startswith(("url:", "sha256:")) and doc["other_paragraphs"] == []
    events = api.get("/api/events", params={"doc_id": doc_id, "limit": 1000}).json()
    assert sorted(e["event_id"] for e in doc["events"]) == sorted(ids(events["items"]))
    assert all(e["sentence"] in doc["text"] for e in doc["events"])
    summary = next(d for d in page["items"] if d["doc_id"] == doc_id)
    assert summary["events"] == len(doc["events"]) and summary["mentions"] >= summary["events"]
    assert api.get("/api/documents/none/such").status_code == 404
    story = api.get("/api/documents", params={"dedup_group": doc["dedup_group"]}).json()
    assert doc_id in [d["doc_id"] for d in story["items"]]


def test_a_document_lists_each_event_it_reports_once(api, db):
    with Store(db, read_only=True) as store:
        doc_id, n = store.sql("SELECT doc_id, count(*) FROM event_mentions GROUP BY doc_id, event_id "
                              "HAVING count(*) > 1 ORDER BY doc_id LIMIT 1").iloc[0]
        reported = store.sql("SELECT count(DISTINCT event_id) AS events, count(*) AS mentions FROM event_mentions "
                             "WHERE doc_id = ?", [doc_id]).iloc[0]
    doc = api.get(f"/api/documents/{doc_id}").json()
    assert len(doc["events"]) == reported.events < reported.mentions
    assert len({e["event_id"] for e in doc["events"]}) == len(doc["events"])
    summary = api.get("/api/documents", params={"q": doc_id}).json()["items"][0]
    assert (summary["events"], summary["mentions"]) == (reported.events, reported.mentions)


def test_runs_and_failures_tell_what_was_dropped_and_why(api):
    runs = api.get("/api/runs").json()
    assert runs["total"] == 1
    listed = runs["items"][0]
    coder = coders.get("cameo.rules")
    assert listed["status"] == "finished" and listed["dedup"] == "story" and listed["coder"] == coder.qualified
    assert listed["coder_name"] == "cameo.rules" and listed["coder_version"] == coder.version
    assert all(len(f["sha256"]) == 64 for f in listed["dictionaries"].values()) and listed["dictionaries"]
    run = api.get(f"/api/runs/{listed['run_id']}").json()
    assert run["failure_reasons"] == {"empty": 1, "not-utf8": 1}
    assert run["counts"]["store"]["events:new"] == run["events"] > 0
    assert run["counts"]["store"]["mentions"] == run["mentions"] > run["events"]
    assert run["counts"]["store"]["documents"] == run["documents"] > 0
    assert api.get("/api/runs", params={"status": "interrupted"}).json()["total"] == 0
    assert api.get("/api/runs", params={"status": "finished"}).json()["total"] == 1
    assert api.get("/api/runs", params={"status": "crashed"}).status_code == 422
    failures = api.get("/api/failures", params={"reason": "not-utf8"}).json()
    assert failures["total"] == 1 and "UTF-8" in failures["items"][0]["message"]


def test_an_interrupted_run_is_listed_with_what_it_committed(db, tmp_path):
    copy = copy_store(db, tmp_path)
    with Store(copy) as store:  # a run whose process died: left 'running'
        killed = store.begin_run(["feeds.txt"], "cameo.rules.v1", "test", coder_name="cameo.rules", coder_version="1",
                                 dedup="strict")
    with Store(copy) as store:  # the next writer closes it
        assert store.close_interrupted_runs() == [killed]
    server = Server(copy)
    try:
        with server.client() as client:
            listed = client.get("/api/runs", params={"status": "interrupted"}).json()
            run = client.get(f"/api/runs/{killed}").json()
    finally:
        server.stop()
    assert listed["total"] == 1 and listed["items"][0]["run_id"] == killed
    assert run["status"] == "interrupted" and run["finished_at"] and run["dedup"] == "strict"
    assert run["counts"]["store"] == {"documents": 0, "mentions": 0, "events:new": 0} and run["documents"] == 0


def test_dyad_series_and_shifts_match_the_analysis(api, db):
    body = api.get("/api/dyads/PRK/USA", params={"by": "month"}).json()
    expected = dyad_series(db, "PRK", "USA", by="month", direction="both")
    assert [r["period_label"] for r in body["series"]] == list(expected["period_label"])
    assert [r["events"] for r in body["series"]] == list(expected["events"])
    assert all(date.fromisoformat(r["period"]) <= date.fromisoformat(r["period_end"]) for r in body["series"])
    found = shifts(db, "PRK", "USA", by="month", direction="both")
    assert [s["period_label"] for s in body["shifts"]] == list(found["period_label"]) != []
    assert body["source_name"] == "North Korea"
    as_csv = list(csv.DictReader(io.StringIO(api.get("/api/dyads/PRK/USA", params={"format": "csv"}).text)))
    assert [int(r["events"]) for r in as_csv] == [r["events"] for r in body["series"]]
    bloc = api.get("/api/dyads/PRK/CUB,CHN,VNM,LAO", params={"by": "year"}).json()
    assert bloc["target"] == "CUB,CHN,VNM,LAO" and sum(r["events"] for r in bloc["series"]) > 0


def test_relations_and_network_of_a_country(api):
    relations = api.get("/api/countries/PRK/relations", params={"by": "quarter", "shifts": "true"}).json()
    partners = {r["partner"]: r for r in relations["items"]}
    assert {"CUB", "CHN", "KOR", "USA"} <= set(partners)
    assert partners["CUB"]["partner_name"] == "Cuba" and len(partners["CUB"]["series"]) == len(relations["periods"])
    network = api.get("/api/network", params={"country": "PRK"}).json()
    assert network["edges"] and all("PRK" in (e["source"], e["target"]) for e in network["edges"])
    assert {"CUB", "CHN"} <= {n["code"] for n in network["nodes"]}
    among = api.get("/api/network", params={"country": "PRK", "among": "true"}).json()
    assert len(among["edges"]) > len(network["edges"])
    conflict_only = api.get("/api/network", params={"country": "PRK", "quad_class": 4}).json()
    assert all(e["material_conflict"] == e["events"] for e in conflict_only["edges"])


def test_countries_and_cameo_reference(api):
    countries = api.get("/api/countries").json()
    assert countries[0]["code"] == "PRK" and countries[0]["name"] == "North Korea"
    roots = api.get("/api/cameo", params={"root_only": "true"}).json()
    assert [r["code"] for r in roots] == [f"{n:02d}" for n in range(1, 21)]


@pytest.mark.parametrize("path, params, word", [
    ("/api/events", {"since": "2024-13-01"}, "since"),
    ("/api/events", {"since": "1700000000"}, "YYYY-MM-DD"),
    ("/api/events", {"actor": "P R K"}, "actor"),
    ("/api/events", {"limit": 5000}, "limit"),
    ("/api/events", {"offset": -1}, "offset"),
    ("/api/events", {"sort": "sentence"}, "sort"),
    ("/api/events", {"code": "4a"}, "code"),
    ("/api/events", {"quad_class": 5}, "quad_class"),
    ("/api/dyads/PRK/CUB", {"by": "decade"}, "by"),
    ("/api/dyads/PRK/CUB", {"measure": "volume"}, "measure"),
    ("/api/dyads/PR/CUB", {}, "source"),
    ("/api/countries/PRK/relations", {"direction": "each"}, "direction"),
    ("/api/network", {"min_events": 0}, "min_events"),
])
def test_bad_parameters_get_422_with_a_message(api, path, params, word):
    response = api.get(path, params=params)
    assert response.status_code == 422, response.text
    body = response.json()
    assert word in body["message"] and body["detail"][0]["msg"]


def test_a_window_of_millions_of_days_is_clamped_to_the_data(api):
    # The demo holds a background event of 1960, so the whole span is counted in weeks, not days.
    response = api.get("/api/dyads/PRK/KOR", params={"by": "week", "since": "0001-01-01", "until": "9999-12-31"})
    assert response.status_code == 200
    series = response.json()["series"]
    assert 0 < len(series) < 5000 and sum(r["events"] for r in series) > 0


def test_the_dashboard_files_ship_in_the_package():
    import fnmatch
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    patterns = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["package-data"]["tieline"]
    static = root / "src" / "tieline" / "web" / "static"
    files = [p.relative_to(root / "src" / "tieline").as_posix() for p in static.rglob("*") if p.is_file()]
    assert {"web/static/index.html", "web/static/app.js", "web/static/style.css"} <= set(files)
    for name in files:
        assert any(fnmatch.fnmatch(name, pattern) for pattern in patterns), f"{name} is not package data"


def test_the_dashboard_loads_nothing_from_other_sites(api):
    page = api.get("/").text
    assert 'src="/static/app.js"' in page
    for name in ("app.js", "charts.js", "dom.js", "style.css"):
        body = api.get(f"/static/{name}").text
        assert "http://" not in body.replace("http://www.w3.org/2000/svg", "") and "https://" not in body, name


def test_a_shift_search_too_long_for_one_request_is_left_out_with_a_note(api):
    quarterly = api.get("/api/countries/PRK/relations", params={"by": "quarter", "shifts": "true"}).json()
    assert quarterly["notes"] == []
    daily = api.get("/api/countries/PRK/relations", params={"by": "day", "shifts": "true"}).json()
    assert daily["items"] and all(item["last_shift"] is None for item in daily["items"])
    assert "Shifts were not searched" in daily["notes"][0]
    dyad = api.get("/api/dyads/PRK/KOR", params={"by": "day"}).json()  # one series of ~400 days: searched
    assert dyad["notes"] == [] and len(dyad["series"]) > 300


def test_a_window_too_long_for_its_periods_keeps_the_latest_with_a_note(api):
    body = api.get("/api/dyads/PRK/CUB", params={"by": "day", "since": "1950-01-01"}).json()
    assert len(body["series"]) <= 5001 and "shortened" in body["notes"][0]
    assert body["series"][-1]["period"] >= "2024-01-01"


def test_a_window_with_no_events_of_the_asked_types_is_still_kept_short(api):
    # No stored event has this code, so the store cannot narrow the window: the period limit must.
    params = {"by": "day", "since": "2024-03-08", "until": "3716-06-02", "code": "54", "format": "csv"}
    response = api.get("/api/dyads/PRK/CUB", params=params)
    assert response.status_code == 200
    assert len(response.text.splitlines()) <= 5002
