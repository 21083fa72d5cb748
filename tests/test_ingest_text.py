"""Reading local files and cleaning copied text."""

import json
from datetime import UTC, datetime
from email.utils import format_datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tieline.ingest import FileSource, clean_text
from tieline.ingest.sources import parse_published
from tieline.ingest.textclean import unwrap
from tieline.pipeline import RunStats


def read_all(paths):
    stats = RunStats()
    docs = list(FileSource(paths).read(stats))
    return docs, stats


def test_folder_ids_are_relative_paths_and_jsonl_ids_are_kept(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("text", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "c1", "text": "t", "published": "2021-04-23"}) + "\n"
                                      + json.dumps({"text": "no id"}) + "\n", encoding="utf-8")
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF")
    docs, stats = read_all([tmp_path])
    assert [d.id for d in docs] == ["b.html", "c1", "c.jsonl:2", "sub/a.txt"]
    assert docs[0].media_type == "text/html" and docs[3].media_type == "text/plain"
    assert str(docs[1].published) == "2021-04-23"
    assert stats.counts["read"]["skipped:unsupported-type"] == 1


def test_jsonl_problems_are_failures_with_reasons(tmp_path):
    lines = ['{"id": "1", "text": "ok"}', "[1, 2]", "{broken", '{"id": "4"}', '{"id": "5", "text": "x", "published": "soon"}']
    (tmp_path / "d.jsonl").write_text("\n".join(lines), encoding="utf-8")
    docs, stats = read_all([tmp_path / "d.jsonl"])
    assert [d.id for d in docs] == ["1", "5"]
    assert docs[1].published is None
    assert sorted(f.reason for f in stats.failures) == ["bad-json", "bad-json", "no-text"]
    assert all(f.message for f in stats.failures)


def test_jsonl_ids_and_dates_under_the_names_news_datasets_use(tmp_path):
    records = [
        {"ID": "004Gt3", "date": "2016-09-20", "title": "t", "text": "AllSides/Kaggle style"},
        {"doc_id": 7, "publish_date": "Tue, 20 Sep 2016 10:00:00 GMT", "text": "newspaper3k style"},
        {"guid": "g1", "pubDate": "20 September 2016", "text": "RSS style"},
        {"id": "x", "published": "2021-04-23", "date": "1999-01-01", "text": "tieline's own name wins"},
        {"text": "GDELT style", "seendate": "20160920T101500Z"},
    ]
    (tmp_path / "n.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    docs, stats = read_all([tmp_path / "n.jsonl"])
    assert [d.id for d in docs] == ["004Gt3", "7", "g1", "x", "n.jsonl:5"]
    assert [str(d.published) for d in docs] == ["2016-09-20", "2016-09-20", "2016-09-20", "2021-04-23", "2016-09-20"]
    assert "warning:bad-published-date" not in stats.counts["read"]


@settings(max_examples=80, deadline=None)
@given(st.datetimes(min_value=datetime(1975, 1, 1), max_value=datetime(2100, 12, 31)))
def test_a_publication_date_reads_back_in_every_format(moment):
    day = moment.date()
    stamp = moment.replace(tzinfo=UTC)
    for text in (day.isoformat(), moment.isoformat() + "Z", format_datetime(stamp), moment.strftime("%Y%m%dT%H%M%SZ"),
                 moment.strftime("%d %B %Y"), moment.strftime("%B %d, %Y")):
        assert parse_published(text) == day, text
    assert parse_published(stamp.timestamp()) == day


@pytest.mark.parametrize("text", ["soon", "yesterday-ish", "2016-13-45", "99999999999999"])
def test_what_is_no_date_is_refused(text):
    with pytest.raises(ValueError):
        parse_published(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.binary(max_size=200), st.text(max_size=200).map(lambda t: t.encode("utf-8"))), min_size=1, max_size=6))
def test_random_files_never_crash_and_every_file_is_accounted_for(tmp_path_factory, blobs):
    folder = tmp_path_factory.mktemp("random")
    for i, blob in enumerate(blobs):
        (folder / f"{i}.txt").write_bytes(blob)
    docs, stats = read_all([folder])
    assert len(docs) + len(stats.failures) == len(blobs)


def test_clean_text_drops_page_furniture():
    raw = ("首页\n\nMinisters meet in Hanoi\n\nA caption line under the photo. AFP\nA caption line under the photo. AFP\n\n"
           "By Jane Roe\n\nThe <b>first</b> paragraph of the report.\n\nThe second paragraph.\n\n"
           "Previous article: Something else\n\n© 2025 Some Site. All rights reserved.")
    cleaned = clean_text(raw)
    assert cleaned.title == "Ministers meet in Hanoi"
    assert cleaned.byline == "Jane Roe"
    assert cleaned.text == ("A caption line under the photo. AFP\n\nThe first paragraph of the report.\n\n"
                            "The second paragraph.")
    assert cleaned.attributions == ["AFP"]
    assert {reason for reason, _ in cleaned.dropped} == {"navigation", "duplicate", "byline", "previous-next", "footer"}


def test_wire_dateline_gives_place_and_date_and_leaves_the_text():
    cleaned = clean_text("Headline of the story here\n\nSEOUL, Sept. 3, 2024 (Yonhap) -- South Korea praised Japan.\n\nMore.")
    assert cleaned.dateline == "SEOUL"
    assert str(cleaned.published) == "2024-09-03"
    assert cleaned.text.startswith("South Korea praised Japan.")
    assert clean_text("Nothing here, 2024 -- nope. And more text.").published is None


@pytest.mark.parametrize(("raw", "place", "text"), [
    ("BRUSSELS/LONDON (Reuters) - Britain and the European Union have agreed a draft text.",
     "BRUSSELS/LONDON", "Britain and the European Union have agreed a draft text."),
    ("WASHINGTON – Three countries signed the pact.", "WASHINGTON", "Three countries signed the pact."),
    ("LONDON—U.K. Prime Minister Theresa May was fighting to save her deal.", "LONDON",
     "U.K. Prime Minister Theresa May was fighting to save her deal."),
    ("KABUL, Afghanistan (AP) — a suicide bomber struck a checkpoint.", "KABUL, Afghanistan",
     "A suicide bomber struck a checkpoint."),
    ("Havana (CNN) Secretary of State John Kerry came to Cuba on Friday.", "Havana",
     "Secretary of State John Kerry came to Cuba on Friday."),
    # a day without its year: "SEOUL, Jan. 11" had been parsed as a second subject (KORGOV)
    ("SEOUL, Jan. 11 -- North Korea criticised South Korea on Tuesday.", "SEOUL",
     "North Korea criticised South Korea on Tuesday."),
    ("PYONGYANG, May 16 (KCNA) -- Cuban Ambassador Jesus Aise met the vice foreign minister.", "PYONGYANG",
     "Cuban Ambassador Jesus Aise met the vice foreign minister."),
    # Reuters' own form, with one hyphen: left in, "NEW YORK" had been the actor that agreed
    ("NEW YORK, April 13 - Uniclub Inc said it has agreed to form a joint venture.", "NEW YORK",
     "Uniclub Inc said it has agreed to form a joint venture."),
    ("PASADENA, Calif., April 9 - The company raised its dividend.", "PASADENA, Calif.",
     "The company raised its dividend."),
    ("BRASILIA, MARCH 31 - Brazil said it would pay.", "BRASILIA", "Brazil said it would pay."),
])
def test_undated_wire_datelines_are_taken_off_the_first_sentence(raw, place, text):
    # Left in, "BRUSSELS/LONDON (Reuters" became the actor that agreed with the EU.
    cleaned = clean_text("Reporter Name\n\nOUTLET\n\n" + raw + "\n\nA second paragraph of the report.")
    assert cleaned.dateline == place
    assert cleaned.published is None
    assert cleaned.text.split("\n\n")[0] == text


@pytest.mark.parametrize("raw", [
    "BREAKING — Iran fired missiles at a base in Iraq.", "US-China talks resumed on Monday in Geneva.",
    "NATO-led forces attacked the town.", "NATO—the alliance—met on Monday in Brussels.", "U.S. President Donald Trump on Tuesday took aim at Canada.",
    "Washington (CNN) is where the report was filed, said nobody.",
    "PARIS, May 5-7 talks ended without a deal.",
])
def test_openings_that_are_not_datelines_are_left_alone(raw):
    cleaned = clean_text(raw + "\n\nA second paragraph of the report.")
    assert cleaned.dateline is None
    assert cleaned.text.startswith(raw)


def test_a_networks_credit_with_no_place_is_taken_off_the_first_sentence():
    # "(CNN) Aerial bombardments ... killed 20 civilians" had made CNN the killer (USAMED 190)
    cleaned = clean_text("(CNN) Aerial bombardments killed 20 civilians in Raqqa on Tuesday.\n\nThe strikes went on.")
    assert cleaned.text.startswith("Aerial bombardments killed") and cleaned.dateline is None
    assert clean_text("The report (CNN) said nothing.").text == "The report (CNN) said nothing."


def test_the_agency_of_a_dateline_is_still_an_attribution():
    cleaned = clean_text("MOSCOW (Reuters) - Russia said on Monday it would reply.\n\nMore text here.")
    assert cleaned.attributions == ["Reuters"]


_GALLERY_LINE = "Photos: Crisis in Ukraine " + " ".join(
    f"Crisis in Ukraine – Soldiers patrol a street in Donetsk on day {i}. Hide Caption {i} of 40" for i in range(1, 41))


@pytest.mark.parametrize("furniture", [
    [_GALLERY_LINE],  # a CNN photo gallery pasted as one line, whatever its length
    # a video player's text: its title "Seoul says North Korea conducted nuclear test" had been coded
    ["JUST WATCHED Seoul says North Korea conducted nuclear test Replay More Videos ... MUST WATCH Seoul says "
     "North Korea conducted nuclear test 02:17"],
    # an image's share buttons ("Facebook ... Women march on ..." had made Facebook an actor), a photo credit
    ["Facebook Twitter Pinterest A Palestinian protester takes cover during clashes with Israeli troops near "
     "Ramallah. Photograph: Mohamad Torok/AFP/Getty Images", "Israeli troops clashed with protesters. Photograph: Reuters"],
    # a slideshow's caption line (NPR): "they arrive" had been coded as a planned visit
    ["Hide caption Refugees arrive at the air base in Manila. Previous Next Staff /Getty Images 1 of 4 i View slideshow"],
])
def test_captions_galleries_and_players_are_dropped(furniture):
    first, last = "Ukraine and Russia traded accusations on Monday.", "The talks resume next week, officials said."
    cleaned = clean_text("\n\n".join([first, *furniture, last]))
    assert cleaned.text.split("\n\n") == [first, last]
    assert [reason for reason, _ in cleaned.dropped] == ["caption"] * len(furniture)


@pytest.mark.parametrize("raw, expected", [
    # the full name run together with the first headline; "Senators urge ..." had been coded as an event
    ("Sen. Ann Reyes Annabel Marie ReyesOvernight Defense: Senators urge Pentagon to pause drawdown | Navy "
     "names new fleet chief | Allies weigh sanctions MORE (D-Ore.), who sits on the committee, objected.",
     "Sen. Ann Reyes (D-Ore.), who sits on the committee, objected."),
    ("Speaker Paul Ryan Paul Davis Ryan Budget talks stall | Ryan hosts donors MORE's (R-Wis.) "
     "office declined to comment.", "Speaker Paul Ryan's (R-Wis.) office declined to comment."),
    ("Economic adviser Larry Kudlow Lawrence (Larry) Alan KudlowMORE on Sunday spoke.",
     "Economic adviser Larry Kudlow on Sunday spoke."),
])
def test_hover_cards_are_cut_out_of_the_sentence(raw, expected):
    cleaned = clean_text("Lawmakers returned to Washington on Monday.\n\n" + raw)
    assert cleaned.text.split("\n\n")[1] == expected
    assert [reason for reason, _ in cleaned.dropped] == ["hover-card"]


@pytest.mark.parametrize("raw, expected, dropped", [
    # a caption, its credit and a teaser for another story ("Trump blames Putin ..." had been coded)
    ("Pompeo blamed Iran for the attacks on two tankers. | Saul Loeb/AFP/Getty Images Trump blames Putin for "
     "backing Assad", "Pompeo blamed Iran for the attacks on two tankers.",
     "| Saul Loeb/AFP/Getty Images Trump blames Putin for backing Assad"),
    ("Kim Yo Jong arrives in Seoul on Feb. 9, 2018. Jorge Silva | Reuters", "Kim Yo Jong arrives in Seoul on Feb. 9, 2018.",
     "Jorge Silva | Reuters"),
    ("Issa says the papers could tell more. | John Shinkle/POLITICO", "Issa says the papers could tell more.",
     "| John Shinkle/POLITICO"),
    # past a teaser's length the line is text of its own: only the credit goes
    ("The talks ended. | AP Photo " + "Officials said the two sides would meet again in Geneva next month. " * 8,
     "The talks ended. " + ("Officials said the two sides would meet again in Geneva next month. " * 8).strip(),
     "| AP Photo"),
])
def test_a_photo_credit_and_the_teaser_after_it_are_cut(raw, expected, dropped):
    cleaned = clean_text("Lawmakers returned to Washington on Monday.\n\n" + raw)
    assert cleaned.text.split("\n\n")[1] == expected
    assert cleaned.dropped == [("photo-credit", dropped)]


@pytest.mark.parametrize("line", [
    "Polls | Politics | World news",
    "The plan | which was new | would work, the AP said.",
])
def test_a_bar_without_a_credit_after_it_is_kept(line):
    assert clean_text("Lawmakers returned to Washington on Monday.\n\n" + line).text.endswith(line)


def test_a_name_said_twice_without_a_card_is_kept():
    text = "Kim Jong Un Kim said MORE talks were needed.\n\nSmith met Smith. Nothing MORE happened."
    cleaned = clean_text("Officials met in Seoul on Monday.\n\n" + text)
    assert cleaned.text.endswith(text) or cleaned.dropped == []


@pytest.mark.parametrize("link", [
    "White House urged to give full account of talks with Putin Read more",  # the Guardian's
    "Read more: Abe to charm Trump with sumo as trade spat looms",
    "READ MORE: Taliban responds to Trump's Afghan strategy",
    "( Also on POLITICO: Kerry defends the CIA's use of drones)",
    "More: Pentagon says allied strike set back Syrian chemical weapons program",
    "Related:OnPolitics today: Trump pulls his critic's security clearance",
    "Click for more from The Wall Street Journal",
])
def test_links_to_other_stories_are_dropped(link):
    # their headlines had been coded as events of the article
    first, last = "Japan and the US met on Monday.", "Talks resume next week, officials said."
    cleaned = clean_text("\n\n".join([first, link, last]))
    assert cleaned.text.split("\n\n") == [first, last]
    assert [reason for reason, _ in cleaned.dropped] == ["related-link"]


def test_a_link_after_a_paragraph_goes_and_the_paragraph_stays():
    text = "Two US bombers flew from Guam over the Korean peninsula. Read more"
    cleaned = clean_text("Seoul, May 3.\n\n" + text + "\n\nMore text follows here.")
    assert "Two US bombers flew from Guam over the Korean peninsula." in cleaned.text.split("\n\n")


WRAPPED = """The Kenyan government said on Tuesday it had agreed with the
International Monetary Fund on a new loan to cover the deficit
expected this year, the official news agency reported.
    It said the finance minister had met the fund's managing
director in Washington and that talks would continue in
Nairobi next month.
    Bankers said the loan would be Kenya's first since 1985.
"""


def test_hard_wrapped_text_is_joined_into_paragraphs():
    # Read line by line, "had agreed with the" and "International Monetary Fund ..." were two sentences.
    cleaned = clean_text(WRAPPED)
    assert cleaned.text.split("\n\n") == [
        "The Kenyan government said on Tuesday it had agreed with the International Monetary Fund on a new "
        "loan to cover the deficit expected this year, the official news agency reported.",
        "It said the finance minister had met the fund's managing director in Washington and that talks "
        "would continue in Nairobi next month.",
        "Bankers said the loan would be Kenya's first since 1985.",
    ]


def test_text_with_a_paragraph_per_line_is_not_joined():
    text = ("Cuba and Vietnam signed a trade agreement in Havana on Monday.\n"
            "The agreement covers rice, coffee and medical supplies, officials said.\n"
            "Home\nNews\nContact us\n"
            "Vietnam's president will visit Cuba next year.")
    assert unwrap(text) == text


@given(st.lists(st.text(alphabet=st.sampled_from("abc XYZ.,\n  "), max_size=90), min_size=0, max_size=12))
@settings(max_examples=200, deadline=None)
def test_unwrapping_keeps_every_character(lines):
    text = "\n".join(lines)
    assert "".join(unwrap(text).split()) == "".join(text.split())


def test_captions_and_reporting_credits_are_not_article_text():
    raw = "\n".join([
        "Iran and Iraq signed a border agreement in Baghdad on Monday.",
        "Image copyright Reuters Image caption Iraqi and Iranian officials at the ceremony",
        "Media playback is unsupported on your device Media caption Protesters clash with police in Basra",
        "Enlarge this image toggle caption Saul Loeb/AFP/Getty Images Saul Loeb/AFP/Getty Images",
        "Hide Caption 5 of 25 Photos: Photos: World leaders at the U.N. General Assembly",
        "The deal ends a dispute that began in 2019, officials said.",
        "Fox News' Catherine Herridge and The Associated Press contributed to this report.",
        "Reporting by Ahmed Rasheed; Editing by Mark Heinrich",
    ])
    cleaned = clean_text(raw)
    assert cleaned.text.split("\n\n") == [
        "Iran and Iraq signed a border agreement in Baghdad on Monday.",
        "The deal ends a dispute that began in 2019, officials said.",
    ]
    assert sorted(reason for reason, _ in cleaned.dropped) == ["caption"] * 4 + ["credit"] * 2


def test_a_sentence_about_a_contribution_stays():
    line = "Japan said it had contributed to this report's funding and would host the next round of talks."
    assert clean_text("Japan and Korea met.\n" + line).text.endswith(line)


def test_bracketed_company_names_are_kept_and_tags_and_tickers_go():
    # Reuters marks companies "<Uniclub Inc>" and tickers "<KRPG.D>": the names had been taken for tags and lost
    cleaned = clean_text("<Uniclub Inc> said it agreed with <Goodway Marketing Inc>. Fried Krupp <KRPG.D> cut "
                         "<b>jobs</b> at <a href='x'>two</a> plants.")
    assert cleaned.text == "Uniclub Inc said it agreed with Goodway Marketing Inc. Fried Krupp cut jobs at two plants."
