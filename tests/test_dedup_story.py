"""Event deduplication across articles: one story on five sites is one event, reported five times."""

import json
from datetime import date

import pytest

from tieline import api
from tieline.store import DEDUP_RULES, Store
from tieline.store.dedup import EventGrouper, MentionKey, codes_match, same_event

STORY = (
    "Norwegian Foreign Minister Espen Barth Eide condemned Iran on Monday over the execution of two young "
    "protesters in Tehran.\n\n"
    "The ministry said the two men had been sentenced after closed trials that rights groups described as "
    "deeply unfair.\n\n"
    "Norway has raised the cases with Iranian diplomats several times this year, officials in Oslo added."
)
# Each site adds its own line or trims a word, as syndicated copies do.
EDITS = [
    lambda t: t,
    lambda t: t + "\n\nThis report was first carried by a Nordic news agency.",
    lambda t: t.replace("deeply unfair", "unfair"),
    lambda t: "OSLO --\n\n" + t,
    lambda t: t.replace(" in Tehran.", " in Tehran, the capital.") + "\n\nMore world news on our home page.",
]
SITES = ["nordicwire.example", "www.fjord-times.example", "balticpost.example", "arcticdaily.example",
         "news.polar-herald.example"]
UNRELATED = (
    "Kenyan President William Ruto praised Tanzania on Friday for reopening a border crossing that had been "
    "closed for two weeks.\n\nTraders on both sides said lorries carrying maize and cement began moving again."
)


def write_corpus(folder, published=("2024-03-04",) * 5, story=STORY):
    docs = [
        {"id": f"copy-{i}", "text": edit(story), "url": f"https://{site}/world/2024/03/norway-iran-{i}",
         "published": day}
        for i, (edit, site, day) in enumerate(zip(EDITS, SITES, published, strict=True))
    ]
    docs.append({"id": "kenya", "text": UNRELATED, "url": "https://nairobi-news.example/ruto-tanzania",
                 "published": "2024-03-08"})
    path = folder / "wire.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    return path


def ingest(tmp_path, coder, dedup, name="s.duckdb", **kw):
    corpus = write_corpus(tmp_path, **kw) if not (tmp_path / "wire.jsonl").exists() else tmp_path / "wire.jsonl"
    db = tmp_path / f"{dedup}-{name}"
    api.ingest([corpus], db=db, coder=coder, dedup=dedup, batch_size=2)
    return Store(db, read_only=True)


def test_five_copies_are_one_event_with_five_articles_and_sources(tmp_path, coder):
    with ingest(tmp_path, coder, "story") as store:
        events = store.events()
        groups = store.sql("SELECT dedup_group, count(*) AS n FROM documents GROUP BY 1 ORDER BY n DESC")
        mentions = store.mentions()
    assert groups["n"].tolist() == [5, 1], "the five copies form one story group"
    story = events[events["actor1_code"] == "NORGOV"]
    assert len(story) == 1
    event = story.iloc[0]
    assert (event["event_code"], event["actor2_code"]) == ("111", "IRNGOV")
    assert (event["num_articles"], event["num_sources"], event["num_mentions"]) == (5, 5, 5)
    assert event["doc_id"] == "copy-0" and event["root_mention_id"] == event["event_id"]  # the first report is the root
    assert sorted(mentions[mentions["event_id"] == event["event_id"]]["doc_id"]) == [f"copy-{i}" for i in range(5)]
    kenya = events[events["actor1_code"] == "KENGOV"]
    assert len(kenya) == 1 and kenya.iloc[0]["num_articles"] == 1 and kenya.iloc[0]["num_sources"] == 1
    assert len(events) == 2


def test_dedup_none_keeps_every_report(tmp_path, coder):
    with ingest(tmp_path, coder, "none") as store:
        events = store.events()
    story = events[events["actor1_code"] == "NORGOV"]
    assert len(story) == 5 and set(story["num_articles"]) == {1}


def test_strict_needs_the_same_day_story_allows_a_window(tmp_path, coder):
    days = ("2024-03-04", "2024-03-04", "2024-03-05", "2024-03-04", "2024-03-04")
    # Without "on Monday" each report dates the event by its own publication day.
    undated = STORY.replace(" on Monday", "")
    with ingest(tmp_path, coder, "strict", published=days, story=undated) as store:
        strict = store.events(actor="NOR")
    with ingest(tmp_path, coder, "story") as store:
        story = store.events(actor="NOR")
    assert sorted(strict["num_articles"]) == [1, 4]
    assert story["num_articles"].tolist() == [5]


def test_same_source_twice_counts_one_source(tmp_path, coder):
    corpus = tmp_path / "two.jsonl"
    corpus.write_text("\n".join(json.dumps(
        {"id": f"c{i}", "text": STORY, "url": f"https://nordicwire.example/a{i}", "published": "2024-03-04"})
        for i in range(2)) + "\n", encoding="utf-8")
    db = tmp_path / "two.duckdb"
    api.ingest([corpus], db=db, coder=coder)
    with Store(db, read_only=True) as store:
        event = store.events(actor="NOR").iloc[0]
    assert (event["num_articles"], event["num_sources"]) == (2, 1)


def test_a_later_run_adds_mentions_to_stored_events(tmp_path, coder):
    corpus = write_corpus(tmp_path)
    lines = corpus.read_text("utf-8").splitlines()
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    second.write_text("\n".join(lines[2:]) + "\n", encoding="utf-8")
    db = tmp_path / "inc.duckdb"
    api.ingest([first], db=db, coder=coder)
    report = api.ingest([second], db=db, coder=coder)
    assert report.merged_mentions == 3 and report.new_events == 1  # three copies joined, Kenya is new
    with Store(db, read_only=True) as store:
        event = store.events(actor="NOR").iloc[0]
        assert (event["num_articles"], event["num_sources"], event["global_event_id"]) == (5, 5, 1)


# --- the rule itself ---------------------------------------------------------------------


def key(mid, code="111", day=date(2024, 3, 4), story="s1", sentence="Norway condemned Iran.", a1="NORGOV", a2="IRNGOV"):
    return MentionKey(mid, a1, a2, code, day, story, sentence)


@pytest.mark.parametrize("a, b, how, expected", [
    ("111", "111", "exact", True), ("111", "112", "exact", False),
    ("042", "043", "base", False), ("040", "042", "base", True), ("0431", "043", "base", True),
    ("111", "040", "base", False), ("190", "193", "base", True), ("1041", "1042", "base", True),
])
def test_codes_match(a, b, how, expected):
    assert codes_match(a, b, how) is expected
    assert codes_match(b, a, how) is expected


def test_same_event_needs_actors_dates_and_a_shared_story_or_evidence():
    story, strict = DEDUP_RULES["story"], DEDUP_RULES["strict"]
    assert same_event(story, key("a"), key("b"))
    assert not same_event(story, key("a"), key("b", a2="RUSGOV"))  # other target
    assert not same_event(story, key("a"), key("b", a1="IRNGOV", a2="NORGOV"))  # direction matters
    assert same_event(story, key("a"), key("b", day=date(2024, 3, 6)))
    assert not same_event(story, key("a"), key("b", day=date(2024, 3, 7)))  # outside the two-day window
    assert not same_event(strict, key("a"), key("b", day=date(2024, 3, 5)))
    other = key("b", story="s2", sentence="The foreign ministry in Oslo condemned Iran for the executions.")
    assert not same_event(story, key("a"), other)  # a different story, different words
    retold = key("b", story="s2", sentence="Norway condemned Iran!")
    assert same_event(story, key("a"), retold)  # a different article retelling the same sentence
    assert not same_event(strict, key("a"), retold)
    assert not same_event(DEDUP_RULES["none"], key("a"), key("b"))
    undated = key("a", day=None)
    assert same_event(story, undated, key("b", day=None)) and not same_event(story, undated, key("b"))


def test_grouper_joins_the_oldest_matching_event():
    old = key("m1")
    old.event_id, old.event_order = "e1", 1
    newer = key("m2", code="110")
    newer.event_id, newer.event_order = "e2", 2
    grouper = EventGrouper(DEDUP_RULES["story"], [newer, old])
    assert grouper.match(key("m3")).event_id == "e1"
    assert grouper.match(key("m4", a2="USAGOV")) is None


def test_unknown_rule_is_refused_with_the_choices():
    from tieline.errors import ConfigError

    with pytest.raises(ConfigError, match="strict, story, none"):
        api.ingest([], db=":memory:", dedup="fuzzy")


def test_cli_ingest_with_dedup_story(run_cli, tmp_path):
    corpus = write_corpus(tmp_path)
    db = tmp_path / "cli.duckdb"
    result = run_cli("ingest", str(corpus), "--db", str(db), "--dedup", "story")
    assert result.returncode == 0, result.stderr
    assert "6 stored" in result.stdout and "4 further report(s) of an event already seen" in result.stdout
    assert "2 events from 6 mentions" in result.stdout and "dedup story" in result.stdout
    with Store(db, read_only=True) as store:
        event = store.events(actor="NOR").iloc[0]
        assert (event["num_articles"], event["num_sources"]) == (5, 5)
        assert store.sql("SELECT dedup FROM runs")["dedup"].tolist() == ["story"]
    bad = run_cli("ingest", str(corpus), "--db", str(db), "--dedup", "fuzzy")
    assert bad.returncode == 2 and "'fuzzy' is not one of" in bad.stderr
