"""`tieline export --format gdelt|gdelt-mentions`: GDELT 2.0's layouts, readable by GDELT tooling."""

import csv

import pandas as pd
import pytest

from tieline import api
from tieline.demo import corpus_dir
from tieline.export import export
from tieline.export.gdelt import EVENT_COLUMNS, MENTION_COLUMNS, fraction_date, text
from tieline.store import EventFilter, Store

# GDELT 2.0's published event columns (the codebook's names), written out here so the test does
# not depend on the package's own list.
PUBLISHED_EVENT_COLUMNS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate Actor1Code Actor1Name Actor1CountryCode "
    "Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code "
    "Actor1Type2Code Actor1Type3Code Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode "
    "Actor2EthnicCode Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code "
    "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources "
    "NumArticles AvgTone Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code "
    "Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID Actor2Geo_Type Actor2Geo_FullName "
    "Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long "
    "Actor2Geo_FeatureID ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code "
    "ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL"
).split()
PUBLISHED_MENTION_COLUMNS = (
    "GLOBALEVENTID EventTimeDate MentionTimeDate MentionType MentionSourceName MentionIdentifier SentenceID "
    "Actor1CharOffset Actor2CharOffset ActionCharOffset InRawText Confidence MentionDocLen MentionDocTone "
    "MentionDocTranslationInfo Extras"
).split()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory, coder):
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with corpus_dir() as corpus:
        api.ingest([corpus], db=db, coder=coder)
    return db


@pytest.fixture(scope="module")
def demo_events(demo_db):
    with Store(demo_db, read_only=True) as store:
        return store.sql("SELECT * FROM events ORDER BY global_event_id")


def read_gdelt(path, names):
    return pd.read_csv(path, sep="\t", header=None, names=names, dtype=str, keep_default_na=False)


def test_column_lists_are_gdelts():
    assert list(EVENT_COLUMNS) == PUBLISHED_EVENT_COLUMNS and len(EVENT_COLUMNS) == 61
    assert list(MENTION_COLUMNS) == PUBLISHED_MENTION_COLUMNS and len(MENTION_COLUMNS) == 16


def test_demo_gdelt_export_loads_with_pandas_and_has_61_fields_per_row(demo_db, demo_events, tmp_path):
    out = tmp_path / "events.tsv"
    with Store(demo_db, read_only=True) as store:
        result = export(store, "gdelt", out)
    lines = out.read_text("utf-8").splitlines()
    assert result.rows == len(lines) == len(demo_events) > 50
    assert all(len(line.split("\t")) == 61 for line in lines)
    frame = pd.read_csv(out, sep="\t", header=None, names=PUBLISHED_EVENT_COLUMNS)  # as GDELT users load it
    assert frame.shape == (len(demo_events), 61)
    assert frame["GLOBALEVENTID"].is_unique and frame["SQLDATE"].between(18000101, 20991231).all()  # background events keep their own dates (e.g. 1960)
    raw = read_gdelt(out, PUBLISHED_EVENT_COLUMNS)
    for got, want in zip(raw.to_dict("records"), demo_events.to_dict("records"), strict=True):
        assert int(got["GLOBALEVENTID"]) == want["global_event_id"]
        assert got["SQLDATE"] == want["event_date"].strftime("%Y%m%d")
        assert got["MonthYear"] == got["SQLDATE"][:6] and got["Year"] == got["SQLDATE"][:4]
        target = want["actor2_code"] if isinstance(want["actor2_code"], str) else ""  # no target: empty, as in GDELT
        assert (got["Actor1Code"], got["EventCode"], got["Actor2Code"]) == (
            want["actor1_code"], want["event_code"], target)
        if want["actor1_code"] == want["actor1_sector"]:  # a role alone ("REB"): no country, the role as type
            assert got["Actor1CountryCode"] == "" and got["Actor1Type1Code"] == want["actor1_code"]
        assert got["EventBaseCode"] == want["event_code"][:3] and got["EventRootCode"] == want["event_root_code"]
        assert int(got["QuadClass"]) == want["quad_class"]
        assert float(got["GoldsteinScale"]) == pytest.approx(want["goldstein_scale"])
        assert [int(got[c]) for c in ("NumMentions", "NumSources", "NumArticles")] == [
            want["num_mentions"], want["num_sources"], want["num_articles"]]
        assert got["DATEADDED"] == want["date_added"].strftime("%Y%m%d%H%M%S")
        assert got["SOURCEURL"]
        sector = want["actor1_sector"] if isinstance(want["actor1_sector"], str) else None  # NaN when missing
        if sector:
            assert got["Actor1Type1Code"] == sector


def test_demo_gdelt_mentions_export(demo_db, tmp_path):
    events_out, mentions_out = tmp_path / "e.tsv", tmp_path / "m.tsv"
    with Store(demo_db, read_only=True) as store:
        export(store, "gdelt", events_out)
        result = export(store, "gdelt-mentions", mentions_out)
        n_mentions = store.counts()["event_mentions"]
    lines = mentions_out.read_text("utf-8").splitlines()
    assert result.rows == len(lines) == n_mentions
    assert all(len(line.split("\t")) == 16 for line in lines)
    mentions = pd.read_csv(mentions_out, sep="\t", header=None, names=PUBLISHED_MENTION_COLUMNS)
    events = pd.read_csv(events_out, sep="\t", header=None, names=PUBLISHED_EVENT_COLUMNS)
    assert set(mentions["GLOBALEVENTID"]) == set(events["GLOBALEVENTID"])
    per_event = mentions.groupby("GLOBALEVENTID").size()
    assert (per_event == events.set_index("GLOBALEVENTID")["NumMentions"].loc[per_event.index]).all()
    assert mentions["SentenceID"].min() >= 1 and mentions["Confidence"].between(0, 100).all()
    assert set(mentions["MentionType"]) <= {1, 2}
    web = mentions[mentions["MentionType"] == 1]
    assert web["MentionIdentifier"].str.startswith("http").all()
    assert (mentions["EventTimeDate"] == mentions["GLOBALEVENTID"].map(events.set_index("GLOBALEVENTID")["DATEADDED"])).all()


def test_filters_select_events(demo_db, tmp_path):
    out = tmp_path / "prk.tsv"
    with Store(demo_db, read_only=True) as store:
        export(store, "gdelt", out, EventFilter(actor="PRK", since="2024-01-01"))
    frame = read_gdelt(out, PUBLISHED_EVENT_COLUMNS)
    assert len(frame) > 0
    assert (frame["Actor1Code"].str.startswith("PRK") | (frame["Actor1CountryCode"] == "PRK")).all()
    assert (frame["SQLDATE"] >= "20240101").all()


def test_text_fields_cannot_break_a_line():
    assert text('a\tb\nc\r"d"') == "a b c 'd'"
    assert text(None) == "" and text(float("nan")) == "" and text(True) == "1"
    assert fraction_date(pd.Timestamp("2024-05-01").date()) == 2024.4137


def test_cli_export_to_stdout_and_errors(run_cli, demo_db, tmp_path):
    result = run_cli("export", "--format", "gdelt", "-", "--db", str(demo_db), "--code", "04")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(result.stdout.splitlines(), delimiter="\t"))
    assert rows and all(len(r) == 61 and r[26].startswith("04") for r in rows)
    assert result.stderr.startswith(f"Wrote {len(rows)} events to standard output (gdelt)")
    bad = run_cli("export", "--format", "parquet", "-", "--db", str(demo_db))
    assert bad.returncode == 2 and bad.stderr.startswith("error: ") and "give a path" in bad.stderr
    missing = run_cli("export", "--format", "gdelt", str(tmp_path / "x.tsv"), "--db", str(tmp_path / "no.duckdb"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr
