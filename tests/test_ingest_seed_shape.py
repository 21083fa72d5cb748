"""The text-mode cleaner on a team-written page shaped like the seed (a wire story copied onto a
spam site): every body sentence exactly once, none of the page furniture, byline and
attributions kept as metadata."""

import re
from pathlib import Path

import pytest

from tieline.ingest import clean_text, extract_text
from tieline.ingest.language import split_languages
from tieline.models import Document

PAGE = Path(__file__).parent / "data" / "ingest" / "spam_copy_of_wire_story.txt"
TITLE = "Pyongyang sends envoys to Hanoi and Vientiane as it snubs Seoul"
CAPTION = ("North Korean leader Kim Jong-un, left, claps during a concert in Pyongyang marking the anniversary of the "
           "founding of the army, in this photo carried on Feb. 9 by Korean Central Television. Yonhap")
BODY = [
    "North Korea has sent senior officials to Vietnam and Laos this month, the latest sign that it is mending ties "
    "with fellow communist states while ignoring offers of talks from South Korea.",
    "The state newspaper Rodong Sinmun reported on Wednesday that a delegation of the ruling Workers' Party arrived "
    "in Hanoi for talks on farming and trade.",
    "A second group of officials travelled on to Vientiane, where they were received by the Lao foreign minister, "
    "according to the paper.",
    "Kim Jong-un also sent a message to Cuban President Miguel Diaz-Canel thanking Havana for its support at the "
    "United Nations.",
    "Seoul's unification ministry said it had proposed a meeting on separated families in January but had received "
    "no answer from the North.",
    "\"Pyongyang is choosing its friends carefully and keeping the door to the South firmly shut,\" said Han "
    "Seo-yeon, a lecturer at a university in Busan.",
]
FURNITURE = ["新闻中心", "<strong>", "</strong>", "上一篇", "下一篇", "Seoul says North fired artillery", "优质不锈钢",
             "Copyright", "版权所有", "网站地图", "By Choi Eun-ji"]


@pytest.fixture(scope="module")
def article():
    return extract_text(Document(id=PAGE.name, source=str(PAGE), content=PAGE.read_text("utf-8")))


def test_every_body_sentence_once_and_no_furniture(article):
    for sentence in BODY:
        assert article.text.count(sentence) == 1, sentence
    assert article.text.count(CAPTION) == 1  # the caption once, not twice
    for junk in FURNITURE:
        assert junk not in article.text, junk
    assert article.title == TITLE and TITLE not in article.text
    # nothing else slipped through: the text is the caption and the body, in order
    assert article.paragraphs == [CAPTION, *BODY]


def test_byline_and_attributions_are_metadata(article):
    assert article.byline == "Choi Eun-ji"
    assert {"Yonhap", "Rodong Sinmun", "Korean Central Television"} <= set(article.attributions)


def test_each_dropped_line_has_its_reason():
    cleaned = clean_text(PAGE.read_text("utf-8"))
    reasons = {reason for reason, _ in cleaned.dropped}
    assert reasons == {"navigation", "duplicate", "byline", "previous-next", "footer"}
    assert [line for reason, line in cleaned.dropped if reason == "duplicate"] == [CAPTION]


def test_the_whole_page_is_english_after_cleaning(article):
    split = split_languages(article.paragraphs)
    assert split.language == "en" and split.others == [] and len(split.english) == len(BODY) + 1


def test_cleaner_keeps_a_text_in_another_script():
    """The navigation rule is relative to the page's own script: a Chinese report is not navigation."""
    chinese = "外交部发言人周三表示，两国将加强经贸合作。\n\n双方同意明年举行新一轮磋商。\n\n版权所有 某网站"
    cleaned = clean_text(chinese, detect_title=False)
    assert cleaned.text == "外交部发言人周三表示，两国将加强经贸合作。\n\n双方同意明年举行新一轮磋商。"


def test_a_sentence_about_copyright_is_not_a_footer():
    text = "Ministers met in Geneva.\n\nThe copyright dispute between the two publishers went to court in May."
    assert clean_text(text, detect_title=False).text == text


@pytest.mark.parametrize("line", ["« Previous article", "Next story: Floods in the south", "上一条：无关新闻",
                                  "다음글 관련 없는 기사"])
def test_previous_next_lines_in_several_languages(line):
    cleaned = clean_text(f"Officials met in Rome on Monday.\n\n{line}", detect_title=False)
    assert cleaned.text == "Officials met in Rome on Monday."


def test_french_quotes_are_not_previous_links():
    text = "« Nous sommes prêts à négocier », a déclaré le ministre lundi."
    assert clean_text(text, detect_title=False).text == text


def test_sentences_split_cleanly(article):
    """Every sentence of the article ends where the page's sentence ended (no glued furniture)."""
    sentences = re.split(r"(?<=[.!?\"])\s+", article.text.replace("\n\n", " "))
    assert all(not s.startswith(("上一篇", "Copyright")) for s in sentences)
