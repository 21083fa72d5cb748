"""Acceptance: a page shaped like the report that started the project, published 2021-04-23.

The page is written by the team with the same date expressions as that report: the birthday
message reported "on Thursday", two messages "earlier this week", a message to Xi "in March",
messages "in the same month", a launch "on March 25". Dates are checked on the parsed sentences
directly (with the verb of each clause) and through the coder, `tieline code` and the store.
"""

import json
from datetime import date

import pytest

import tieline
from tieline.coding.when import EventDate, event_date
from tieline.models import Article

PUBLISHED = date(2021, 4, 23)
TITLE = "Pyongyang leans on old communist partners as it turns its back on Seoul"
BODY = """North Korea is reaching out to socialist states and other friendly governments, even as it cuts its remaining links with Seoul and Washington.

The ruling party's newspaper Rodong Sinmun said in a report on Thursday that North Korean leader Kim Jong-un sent a message to congratulate Cuban President Miguel Diaz-Canel on his birthday.

Kim had already sent two letters earlier this week to praise the Cuban leader on his election as first secretary of the Communist Party of Cuba.

In March, Kim sent a message to Chinese President Xi Jinping, calling for closer unity between the two parties.

Also in the same month, Kim sent verbal messages to the leaders of Vietnam, Laos and Cuba about the party congress held in January, urging them to deepen their ties.

The North test-fired what appeared to be two short-range ballistic missiles on March 25 and later announced that it would stay away from the Tokyo Olympics.

"Pyongyang wants to show it still has friends before Washington finishes its policy review," said Choi Eun-ji, a researcher at a think tank in Seoul."""

MARCH = EventDate(date(2021, 3, 1), "month", "in the same month")


@pytest.fixture(scope="module")
def parsed(coder):
    article = Article(doc_id="page", text=BODY, title=TITLE, published=PUBLISHED, date_source="document")
    return article, coder.nlp(BODY)


def clause_date(parsed, sentence_start: str, verb: str) -> EventDate:
    article, doc = parsed
    sent = next(s for s in doc.sents if s.text.startswith(sentence_start))
    token = next(t for t in sent if t.text == verb)
    return event_date(article, sent, token)


def test_birthday_message_reported_on_thursday(parsed):
    expected = EventDate(date(2021, 4, 22), "day", "on Thursday")
    assert clause_date(parsed, "The ruling party's newspaper", "sent") == expected
    assert clause_date(parsed, "The ruling party's newspaper", "congratulate") == expected


def test_messages_earlier_this_week(parsed):
    assert clause_date(parsed, "Kim had already sent", "sent") == EventDate(date(2021, 4, 19), "week", "earlier this week")


def test_message_to_xi_in_march(parsed):
    assert clause_date(parsed, "In March", "sent") == EventDate(date(2021, 3, 1), "month", "In March")


def test_messages_in_the_same_month_inherit_march(parsed):
    assert clause_date(parsed, "Also in the same month", "sent") == MARCH
    assert clause_date(parsed, "Also in the same month", "urging") == MARCH
    # The congress the messages were about was in January; that is its date, not theirs.
    assert clause_date(parsed, "Also in the same month", "held") == EventDate(date(2021, 1, 1), "month", "in January")


def test_projectile_launch_on_march_25(parsed):
    assert clause_date(parsed, "The North test-fired", "fired") == EventDate(date(2021, 3, 25), "day", "on March 25")


def test_undated_clause_falls_back_to_the_publication_date(parsed):
    assert clause_date(parsed, "North Korea is reaching", "cuts") == EventDate(PUBLISHED, "publication", "")


def test_coder_dates_every_event_it_codes_on_the_page(parsed, coder):
    article, doc = parsed
    events = coder.code_doc(article, doc)
    by_target = {}
    for e in events:
        by_target.setdefault((e.actor2_country_code, e.sentence[:12]), e)
    birthday = by_target[("CUB", "The ruling p")]
    assert (birthday.event_date, birthday.date_precision, birthday.date_text) == ("2021-04-22", "day", "on Thursday")
    xi = by_target[("CHN", "In March, Ki")]
    assert (xi.event_date, xi.date_precision) == ("2021-03-01", "month")
    for country in ("VNM", "LAO", "CUB"):
        same = by_target[(country, "Also in the ")]
        assert (same.event_date, same.date_precision, same.date_text) == ("2021-03-01", "month", "in the same month")
    assert all(e.event_date <= "2021-04-23" for e in events)
    # No sentence of the page places an event: no place, and no made-up centroid.
    assert all(e.action_geo_precision == "none" and e.action_geo_lat is None for e in events)


@pytest.fixture(scope="module")
def page_jsonl(tmp_path_factory):
    path = tmp_path_factory.mktemp("page") / "page.jsonl"
    path.write_text(json.dumps({"id": "page", "title": TITLE, "text": BODY, "published": PUBLISHED.isoformat()}) + "\n")
    return path


def test_cli_code_prints_dates_and_precision(run_cli, page_jsonl):
    result = run_cli("code", str(page_jsonl), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    dated = {(e["actor2_country_code"], e["event_date"], e["date_precision"], e["date_text"]) for e in events}
    assert ("CUB", "2021-04-22", "day", "on Thursday") in dated
    assert ("CHN", "2021-03-01", "month", "In March") in dated
    assert ("LAO", "2021-03-01", "month", "in the same month") in dated
    assert all("action_geo_precision" in e and "action_geo_fips_code" in e for e in events)


def test_store_keeps_dates_and_places(tmp_path, page_jsonl):
    db = tmp_path / "page.duckdb"
    tieline.ingest([page_jsonl], db=db)
    frame = tieline.events(db)
    rows = {(r.actor2_country_code, str(r.event_date)[:10], r.date_precision) for r in frame.itertuples()}
    assert ("CUB", "2021-04-22", "day") in rows
    assert ("VNM", "2021-03-01", "month") in rows
    assert set(frame["action_geo_precision"]) == {"none"}
