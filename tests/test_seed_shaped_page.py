"""A page shaped like the one that started the project: a report copied onto a spam site.

The page in tests/data was written by the team in the same shape as the original (navigation
word, doubled photo caption, stray <strong></strong>, byline, previous/next links, spam footer).
"""

from pathlib import Path

import pytest

from tieline.ingest import extract_text
from tieline.models import Document

PAGE = Path(__file__).parent / "data" / "spam_copy_of_report.txt"
BOILERPLATE = ("新闻中心", "上一篇", "下一篇", "Copyright", "版权所有", "<strong>", "warns US over joint drills")


@pytest.fixture(scope="module")
def article():
    return extract_text(Document(id=PAGE.name, source=str(PAGE), content=PAGE.read_text("utf-8")))


@pytest.fixture(scope="module")
def events(article, coder):
    return coder.code_doc(article, coder.nlp(article.text))


def test_cleaner_drops_boilerplate_and_keeps_body_once(article):
    for junk in BOILERPLATE:
        assert junk not in article.text
    caption = "waves to a crowd at a rally marking the founding of the ruling party"
    assert article.text.count(caption) == 1
    for body_sentence in (
        "North Korea is widening its contacts with socialist governments abroad",
        "Kim also sent greetings to the leaders of Vietnam and Laos",
        "said Park Ji-hoon, a researcher at a Seoul think tank.",
    ):
        assert article.text.count(body_sentence) == 1
    assert article.title == "North Korea courts its old socialist friends as it shuts out Seoul"
    assert article.byline == "Lee Min-seo"
    assert "Yonhap" in article.attributions and "Rodong Sinmun" in article.attributions


def test_codes_prk_warming_to_cuba_and_china(events):
    pairs = {(e.actor1_country_code, e.actor2_country_code) for e in events}
    assert ("PRK", "CUB") in pairs
    assert ("PRK", "CHN") in pairs
    assert ("PRK", "VNM") in pairs and ("PRK", "LAO") in pairs
    friends = {"CUB", "CHN", "VNM", "LAO"}
    assert all(e.quad_class == 1 for e in events if e.actor1_country_code == "PRK" and e.actor2_country_code in friends)
    # "... while refusing any dialogue with South Korea and the United States": the other side of the story
    assert {(e.actor2_country_code, e.event_root_code) for e in events if e.actor1_country_code == "PRK"
            and e.actor2_country_code in ("KOR", "USA")} == {("KOR", "12"), ("USA", "12")}


def test_nothing_is_coded_from_boilerplate(events, article):
    assert events
    for event in events:
        for junk in BOILERPLATE:
            assert junk not in event.sentence
        assert article.text[event.evidence_start:event.evidence_end] in event.sentence


def test_cli_codes_the_page(run_cli):
    import json

    result = run_cli("code", str(PAGE), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    pairs = {(e["actor1_country_code"], e["actor2_country_code"]) for e in events}
    assert {("PRK", "CUB"), ("PRK", "CHN")} <= pairs
    assert all(e["doc_id"] == PAGE.name for e in events)
