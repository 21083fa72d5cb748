"""Temporal expressions found in text and resolved against a publication date (no parsing model)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tieline.coding.timex import find_timexes, resolve

FRIDAY = date(2021, 4, 23)


def only(text: str):
    found = find_timexes(text)
    assert len(found) == 1, [t.text for t in found]
    return found[0]


def value(text: str, anchor=FRIDAY, **kw):
    return resolve(only(text), anchor, **kw)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He left on Thursday.", (date(2021, 4, 22), "day")),
        ("He left on Friday.", (date(2021, 4, 23), "day")),  # the publication day itself
        ("He left on Saturday.", (date(2021, 4, 17), "day")),  # never after the publication date
        ("He left last Friday.", (date(2021, 4, 16), "day")),
        ("They talked yesterday.", (date(2021, 4, 22), "day")),
        ("They talked last night.", (date(2021, 4, 22), "day")),
        ("They talked today.", (date(2021, 4, 23), "day")),
        ("He wrote twice earlier this week.", (date(2021, 4, 19), "week")),
        ("They met last week.", (date(2021, 4, 12), "week")),
        ("Prices rose last month.", (date(2021, 3, 1), "month")),
        ("Talks began earlier this month.", (date(2021, 4, 1), "month")),
        ("It was signed last year.", (date(2020, 1, 1), "year")),
        ("It happened three days ago.", (date(2021, 4, 20), "day")),
        ("It happened two weeks ago.", (date(2021, 4, 5), "week")),
        ("It happened a month ago.", (date(2021, 3, 1), "month")),
        ("In March, he wrote.", (date(2021, 3, 1), "month")),
        ("She visited in April.", (date(2021, 4, 1), "month")),  # the publication month itself
        ("She visited in May.", (date(2020, 5, 1), "month")),  # a later month name is last year's
        ("She visited in late May.", (date(2020, 5, 1), "month")),
        ("The launch on March 25 failed.", (date(2021, 3, 25), "day")),
        ("The launch on 25 March failed.", (date(2021, 3, 25), "day")),
        ("The launch on Dec. 2 failed.", (date(2020, 12, 2), "day")),
        ("It opened on Sept. 10, 2019.", (date(2019, 9, 10), "day")),
        ("It opened on 2019-09-10.", (date(2019, 9, 10), "day")),
        ("It opened in March 2019.", (date(2019, 3, 1), "month")),
        ("It opened in 2019.", (date(2019, 1, 1), "year")),
    ],
)
def test_expression_resolves_against_the_publication_date(text, expected):
    assert value(text) == expected


def test_month_name_crosses_the_year_boundary():
    assert value("They met in December.", date(2024, 1, 5)) == (date(2023, 12, 1), "month")
    assert value("They met on December 30.", date(2024, 1, 5)) == (date(2023, 12, 30), "day")
    assert value("They met on Friday.", date(2024, 1, 1)) == (date(2023, 12, 29), "day")
    assert value("They met last week.", date(2024, 1, 3)) == (date(2023, 12, 25), "week")


def test_future_clauses_look_forward():
    assert value("He will visit on Thursday.", future=True) == (date(2021, 4, 29), "day")
    assert value("He visits next Friday.") == (date(2021, 4, 30), "day")
    assert value("They meet next month.") == (date(2021, 5, 1), "month")
    assert value("The vote is in May.", future=True) == (date(2021, 5, 1), "month")


def test_february_29_goes_back_to_a_leap_year():
    assert value("It began on February 29.", date(2021, 4, 23)) == (date(2020, 2, 29), "day")
    assert resolve(only("It began on February 30, 2020."), FRIDAY) is None


def test_relative_expressions_need_an_anchor_but_dated_ones_do_not():
    assert value("He left on Thursday.", anchor=None) is None
    assert value("In March, he wrote.", anchor=None) is None
    assert value("It opened on Sept. 10, 2019.", anchor=None) == (date(2019, 9, 10), "day")


def test_same_and_next_take_the_previous_event():
    march = (date(2021, 3, 1), "month")
    day = (date(2021, 3, 25), "day")
    assert value("Also in the same month, he wrote.", previous=march) == march
    assert value("On the same day, he wrote.", previous=day) == day
    assert value("The next day, he wrote.", previous=day) == (date(2021, 3, 26), "day")
    assert value("A week later, he wrote.", previous=day) == (date(2021, 3, 29), "week")
    assert value("On the same day, he wrote.", previous=march) is None  # a month is not a day
    assert value("Also in the same month, he wrote.", previous=None) is None


def test_prepositions_are_kept_and_bounding_ones_marked():
    on = only("He left on Thursday.")
    assert on.text == "on Thursday" and not on.bounding
    since = only("Talks stalled since March.")
    assert since.text == "since March" and since.bounding
    assert only("Fighting went on until 2019.").bounding


@pytest.mark.parametrize(
    "text",
    [
        "Officials may meet again.",  # the modal, not the month
        "May brought rain.",
        "The deal covers 2021 households.",  # a bare number
        "The march was peaceful.",
        "Supporters marched on.",
        "He was elected in recent months.",
        "The Cold War lasted decades.",
    ],
)
def test_words_that_are_not_dates(text):
    assert find_timexes(text) == []


def test_a_day_after_a_clause_is_not_a_shift_from_the_previous_event():
    assert find_timexes("The launch came a day after the North threatened Seoul.") == []


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)),
       st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
def test_weekdays_are_never_after_the_publication_date(published, weekday):
    day, precision = value(f"They met on {weekday}.", published)
    assert precision == "day"
    assert published - timedelta(days=6) <= day <= published
    assert day.strftime("%A") == weekday


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)), st.integers(1, 12))
def test_month_names_are_the_latest_such_month_not_after_publication(published, month):
    name = date(2000, month, 1).strftime("%B")
    day, precision = value(f"They met in {name}.", published)
    assert precision == "month" and day.day == 1 and day.month == month
    assert day <= published
    assert (published.year - day.year) * 12 + published.month - day.month < 12


@pytest.mark.parametrize(
    "published, text, monday",
    [
        (date(2024, 12, 2), "Police dispersed protesters over the weekend.", date(2024, 11, 25)),  # Monday paper
        (date(2024, 12, 1), "Police dispersed protesters over the weekend.", date(2024, 11, 25)),  # Sunday paper
        (date(2024, 11, 28), "Police dispersed protesters over the weekend.", date(2024, 11, 18)),
        (date(2024, 11, 30), "Police dispersed protesters last weekend.", date(2024, 11, 18)),
        (date(2024, 11, 28), "Talks resume next weekend.", date(2024, 11, 25)),
    ],
)
def test_weekends_are_stored_as_their_week(published, text, monday):
    assert value(text, published) == (monday, "week")
