"""A page shaped like the seed article (written by the team, tests/data/ties_report_page.txt): a
report on North Korea's outreach copied onto a spam site with navigation, a doubled caption,
previous/next links and a footer. The coder must find each relation, cooperative, and nothing in
the page furniture."""

from pathlib import Path

import pytest

from tieline.ingest import extract_text
from tieline.models import Document

PAGE = Path(__file__).parent / "data" / "ties_report_page.txt"


@pytest.fixture(scope="module")
def events(coder):
    article = extract_text(Document(id=PAGE.name, source=str(PAGE), content=PAGE.read_text("utf-8")))
    return article, coder.code_doc(article, coder.nlp(article.text))


def test_each_relation_is_found_and_cooperative(events):
    _, found = events
    for pair in [("PRK", "CUB"), ("PRK", "CHN"), ("CHN", "PRK"), ("PRK", "VNM"), ("PRK", "LAO")]:
        matching = [e for e in found if (e.actor1_country_code, e.actor2_country_code) == pair]
        assert matching, pair
        assert {e.quad_class for e in matching} == {1}, pair


def test_nothing_comes_from_page_furniture(events):
    article, found = events
    raw_lines = [line.strip() for line in PAGE.read_text("utf-8").splitlines() if line.strip()]
    furniture = [line for line in raw_lines if line not in article.text]
    assert any("上一篇" in line for line in furniture)  # the previous/next line names a missile launch
    for event in found:
        assert not any(event.sentence in line or line in event.sentence for line in furniture)
        assert event.event_root_code not in ("19", "15")
