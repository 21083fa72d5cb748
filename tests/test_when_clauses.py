"""event_date on parsed sentences: which expression belongs to the event's clause, and fallbacks."""

from datetime import date

import pytest

from tieline.coding.when import EventDate, event_date
from tieline.models import Article


@pytest.fixture(scope="module")
def date_of(coder):
    def run(text: str, verb: str, published: date | None = date(2024, 5, 17), source: str = "document",
            occurrence: int = 0) -> EventDate:
        doc = coder.nlp(text)
        article = Article(doc_id="t", text=text, published=published, date_source=source)
        matches = [t for t in doc if t.text == verb]
        assert matches, f"no token {verb!r} in the parse"
        token = matches[occurrence]
        return event_date(article, token.sent, token)

    return run


def test_own_expression_of_the_clause(date_of):
    # 2024-05-17 is a Friday.
    got = date_of("Kenya's president telephoned his Ugandan counterpart on Tuesday to discuss the border.", "telephoned")
    assert got == EventDate(date(2024, 5, 14), "day", "on Tuesday")


def test_reported_clause_takes_the_date_of_the_report(date_of):
    text = "State radio said in a broadcast on Wednesday that the minister had signed a trade deal with Laos."
    assert date_of(text, "signed") == EventDate(date(2024, 5, 15), "day", "on Wednesday")


def test_own_date_beats_the_date_of_the_report(date_of):
    text = "The ministry said on Wednesday that the two leaders met in Hanoi in February."
    assert date_of(text, "met") == EventDate(date(2024, 2, 1), "month", "in February")
    assert date_of(text, "said") == EventDate(date(2024, 5, 15), "day", "on Wednesday")


def test_date_of_a_topic_is_not_the_date_of_the_event(date_of):
    text = "Kim sent letters to the leaders of Laos and Cuba about the party congress held in January."
    got = date_of(text, "sent")
    assert got.precision == "publication" and got.value == date(2024, 5, 17)
    assert date_of(text, "held") == EventDate(date(2024, 1, 1), "month", "in January")


def test_a_year_before_a_noun_says_which_thing_not_when(date_of):
    # "the 2015 deal" is which deal; opposing it happened when the article says
    assert date_of("Mr Trump has long opposed the 2015 nuclear deal.", "opposed") == EventDate(
        date(2024, 5, 17), "publication")
    assert date_of("Mr Trump opposed the nuclear deal in 2015.", "opposed") == EventDate(date(2015, 1, 1), "year", "in 2015")
    # a noun that frames the clause gives it its time
    assert date_of("During the 2012 election campaign, Netanyahu met Romney in Jerusalem.", "met").value == date(2012, 1, 1)


def test_bounding_expressions_do_not_date_the_event(date_of):
    got = date_of("Serbia has kept troops near the border since March.", "kept")
    assert got.precision == "publication"


def test_sentence_initial_month_and_year_boundary(date_of):
    got = date_of("In December, the two navies held joint drills off the coast.", "held", published=date(2024, 1, 5))
    assert got == EventDate(date(2023, 12, 1), "month", "In December")


def test_same_month_inherits_the_previous_events_month(date_of):
    text = ("In October, the foreign minister visited Havana for talks. "
            "In the same month, he received a delegation from Vietnam.")
    got = date_of(text, "received")
    assert got == EventDate(date(2023, 10, 1), "month", "In the same month")


def test_next_day_counts_from_the_previous_event(date_of):
    text = "Protesters gathered outside the embassy on May 2. The next day, police detained twelve of them."
    assert date_of(text, "detained") == EventDate(date(2024, 5, 3), "day", "The next day")


def test_explicit_date_with_year(date_of):
    got = date_of("The two countries restored diplomatic relations on March 10, 2023.", "restored")
    assert got == EventDate(date(2023, 3, 10), "day", "on March 10, 2023")


def test_numeric_date_is_left_to_dateparser(date_of):
    got = date_of("The treaty was signed on 14/02/2022 in Geneva.", "signed")
    assert got.value == date(2022, 2, 14) and got.precision == "day"


def test_future_clause_looks_forward(date_of):
    got = date_of("The Japanese minister will visit Seoul on Tuesday.", "visit")
    assert got == EventDate(date(2024, 5, 21), "day", "on Tuesday")


def test_no_expression_falls_back_to_the_publication_date(date_of):
    got = date_of("Ghana condemned the attack.", "condemned")
    assert got == EventDate(date(2024, 5, 17), "publication", "")


@pytest.mark.parametrize("published, source, precision, dated, day", [
    # a crawl date is marked, and only dated expressions are trusted
    (date(2026, 11, 29), "crawl", "crawl", "on June 3, 2024", date(2024, 6, 3)),
    # a month from the address dates undated acts to the month and anchors no weekday
    (date(2020, 3, 1), "url-month", "month", "on March 20, 2020", date(2020, 3, 20)),
])
def test_an_article_date_that_gives_no_day_anchors_no_weekday(date_of, published, source, precision, dated, day):
    got = date_of("Chile recalled its ambassador on Monday.", "recalled", published=published, source=source)
    assert got == EventDate(published, precision, "")
    got = date_of(f"Chile recalled its ambassador {dated}.", "recalled", published=published, source=source)
    assert got == EventDate(day, "day", dated)


def test_no_date_at_all(date_of):
    assert date_of("Chile recalled its ambassador on Monday.", "recalled", published=None, source="none") == \
        EventDate(None, "none", "")
    got = date_of("Chile recalled its ambassador in May 2019.", "recalled", published=None, source="none")
    assert got == EventDate(date(2019, 5, 1), "month", "in May 2019")


def test_work_for_earlier_articles_is_not_kept(coder):
    import gc
    import weakref

    first = coder.nlp("Chile recalled its ambassador on Monday.")
    article = Article(doc_id="t", text=first.text, published=date(2024, 5, 17), date_source="document")
    event_date(article, next(first.sents), first[1])
    ref = weakref.ref(first)
    del first
    for n in range(12):  # the events of later articles
        doc = coder.nlp(f"Peru recalled its ambassador {n} times.")
        event_date(article, next(doc.sents), doc[1])
    gc.collect()
    assert ref() is None


@pytest.mark.parametrize("verb", ["set", "arrive"])
def test_a_scheduled_act_takes_the_next_date_of_that_name(date_of, verb):
    # Reuters, 8 April 1987: "April 13" had been 1986-04-13
    got = date_of("Secretary of State George Shultz is set to arrive in Moscow on April 13 for talks.", verb,
                  published=date(1987, 4, 8))
    assert got.value == date(1987, 4, 13)
