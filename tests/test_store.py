"""The DuckDB store: schema, round trip of events, idempotent writes."""

import dataclasses
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tieline.models import EVENT_FIELDS, Article, Event
from tieline.store import SCHEMA_VERSION, Store

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
codes = st.sampled_from(["PRKGOV", "CUBGOV", "CHN", "IGOUNO", "USAMIL", "KOREDU"])
countries = st.one_of(st.none(), st.sampled_from(["PRK", "CUB", "CHN", "USA", "KOR"]))

events_strategy = st.builds(
    Event,
    doc_id=st.just("doc-1"),
    event_date=st.dates(min_value=date(1979, 1, 1), max_value=date(2030, 12, 31)).map(date.isoformat),
    actor1_code=codes, actor1_name=text, actor1_country_code=countries, actor1_known_group_code=st.none(),
    actor2_code=codes, actor2_name=text, actor2_country_code=countries,
    actor2_known_group_code=st.one_of(st.none(), st.just("UNO")),
    event_code=st.sampled_from(["010", "042", "1663", "190"]), event_root_code=st.sampled_from(["01", "04", "16", "19"]),
    quad_class=st.integers(1, 4), goldstein_scale=st.floats(-10, 10, allow_nan=False),
    plover_event_type=st.one_of(st.none(), st.just("CONSULT")), sentence=text,
    evidence_start=st.integers(0, 10_000), evidence_end=st.integers(0, 10_000),
    source_url=st.one_of(st.none(), st.just("https://example.org/a")), coder=st.just("cameo.rules.v1"),
    confidence=st.floats(0, 1, allow_nan=False), event_id=st.uuids().map(lambda u: u.hex[:16]),
)


def test_schema_has_a_column_for_every_event_field(tmp_path):
    """A new Event field needs a column in both `events` and `event_mentions` (a migration)."""
    with Store(tmp_path / "s.duckdb") as store:
        assert set(EVENT_FIELDS) <= set(store.columns("events"))
        assert set(EVENT_FIELDS) - {"event_id"} <= set(store.columns("event_mentions"))
        assert store.schema_version() == SCHEMA_VERSION
        tables = set(store.sql("SELECT table_name FROM information_schema.tables")["table_name"])
        assert {"documents", "sentences", "event_mentions", "events", "actors", "failures", "runs"} <= tables


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=st.lists(events_strategy, min_size=1, max_size=5, unique_by=lambda e: e.event_id))
def test_events_round_trip(tmp_path_factory, batch):
    path = tmp_path_factory.mktemp("rt") / "s.duckdb"
    article = Article(doc_id="doc-1", text="body", published=date(2024, 1, 2), date_source="document")
    with Store(path) as store:
        run = store.begin_run(["x"], "cameo.rules.v1", "test")
        store.write_batch(run, [(article, batch)], dedup="none")
        frame = store.events()
        mentions = store.mentions()
    assert sorted(mentions["mention_id"]) == sorted(e.event_id for e in batch)
    assert len(frame) == len(batch)
    stored = {row["event_id"]: row for row in frame.to_dict("records")}
    for event in batch:
        row = stored[event.event_id]
        for name, value in dataclasses.asdict(event).items():
            got = row[name]
            if name == "event_date":
                got = got.date().isoformat() if hasattr(got, "date") else str(got)[:10]
            if isinstance(value, float):
                assert got == pytest.approx(value)
            elif value is None:
                assert got is None or got != got  # None or NaN
            else:
                assert got == value, name


def test_write_is_all_or_nothing(tmp_path):
    from tieline.errors import StoreError

    article = Article(doc_id="d", text="t")
    with Store(tmp_path / "s.duckdb") as store:
        run = store.begin_run([], "c", "v")
        store.write_batch(run, [(article, [])])
        with pytest.raises(StoreError):
            store.write_batch(run, [(article, [])])  # same document again violates the key
        assert store.counts()["documents"] == 1


def test_read_only_store_must_exist(tmp_path):
    from tieline.errors import StoreError

    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "nope.duckdb", read_only=True)


def test_newer_schema_is_refused(tmp_path):
    from tieline.errors import StoreError

    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.con.execute("INSERT INTO schema_migrations VALUES (999, 'future', now())")
    with pytest.raises(StoreError, match="newer than this tieline"):
        Store(path)
