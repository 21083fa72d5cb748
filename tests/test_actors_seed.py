"""The seed-shaped page (tests/data/spam_copy_of_report.txt): the actors of its events."""

from pathlib import Path

from tieline.ingest import extract_text
from tieline.models import Document

PAGE = Path(__file__).parent / "data" / "spam_copy_of_report.txt"
ALLOWED = {"PRKGOV", "CUBGOV", "CHNGOV", "VNMGOV", "LAOGOV", "KORGOV", "USAGOV", "KOREDU"}


def _article(text: str, name: str = "page.txt"):
    return extract_text(Document(id=name, source=name, content=text))


def test_every_event_actor_is_one_of_the_states_or_the_academic(coder):
    article = _article(PAGE.read_text("utf-8"), PAGE.name)
    events = coder.code_doc(article, coder.nlp(article.text))
    assert events
    for e in events:
        assert {e.actor1_code, e.actor2_code} <= ALLOWED, (e.actor1_code, e.actor2_code, e.sentence)
        assert e.actor1_country_code == e.actor1_code[:3] and e.actor2_country_code == e.actor2_code[:3]


def test_the_quoted_researcher_is_a_south_korean_academic(coder):
    article = _article(PAGE.read_text("utf-8"), PAGE.name)
    actors = coder.resolver.for_doc(coder.nlp(article.text), article.published)
    by_text = {m.text: m for m in actors.mentions}
    assert by_text["Park Ji-hoon"].code == "KOREDU"
    assert by_text["The regime"].code == "PRKGOV"
    for m in actors.mentions:  # role-only actors ("a crowd") have no country to get wrong
        assert m.role_only or m.country_code in {"PRK", "CUB", "CHN", "VNM", "LAO", "KOR", "USA"}, m


def test_nothing_is_attributed_to_a_spam_footer(coder):
    page = ("Home\n\nNorth Korea praises Laos\n\n"
            "North Korean leader Kim Jong-un praised Laos for its support on Monday.\n\n"
            "Copyright © 2024 Instagram营销工具 版权所有   网站地图\n")
    article = _article(page)
    events = coder.code_doc(article, coder.nlp(article.text))
    actors = coder.resolver.for_doc(coder.nlp(article.text), None)
    assert [(e.actor1_code, e.actor2_code) for e in events] == [("PRKGOV", "LAOGOV")]
    assert not any("Instagram" in m.text for m in actors.mentions)
    assert not any("Instagram" in (e.actor1_name + (e.actor2_name or "")) for e in events)
