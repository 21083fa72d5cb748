"""The small parts of the analysis: periods, sides and blocs, sparklines."""

from datetime import date

import pytest

from tieline.analysis import Side, as_side, parse_period, read_blocs, sparkline
from tieline.analysis.periods import period_grid, period_label, period_start
from tieline.errors import ConfigError


@pytest.mark.parametrize("by, day, start, label", [
    ("day", date(2024, 3, 5), date(2024, 3, 5), "2024-03-05"),
    ("week", date(2024, 3, 7), date(2024, 3, 4), "2024-W10"),
    ("week", date(2024, 12, 31), date(2024, 12, 30), "2025-W01"),  # ISO weeks cross the year
    ("month", date(2024, 3, 31), date(2024, 3, 1), "2024-03"),
    ("quarter", date(2024, 5, 7), date(2024, 4, 1), "2024Q2"),
    ("year", date(2024, 5, 7), date(2024, 1, 1), "2024"),
])
def test_period_starts_and_labels(by, day, start, label):
    assert period_start(day, by) == start
    assert period_label(start, by) == label


def test_period_grid_fills_every_period():
    assert period_grid(date(2023, 11, 20), date(2024, 2, 1), "month") == [
        date(2023, 11, 1), date(2023, 12, 1), date(2024, 1, 1), date(2024, 2, 1)]
    assert len(period_grid(date(2024, 1, 1), date(2024, 12, 31), "week")) == 53
    assert period_grid(date(2023, 2, 1), date(2024, 1, 1), "quarter")[-1] == date(2024, 1, 1)


@pytest.mark.parametrize("text, by, first, last", [
    ("2024-03", "month", date(2024, 3, 1), date(2024, 3, 31)),
    ("2024-03-15", "month", date(2024, 3, 1), date(2024, 3, 31)),  # a date means the period holding it
    ("2024-03-15", "day", date(2024, 3, 15), date(2024, 3, 15)),
    ("2024-02", "week", date(2024, 2, 1), date(2024, 2, 29)),  # a label keeps its own span
    ("2024Q1", "month", date(2024, 1, 1), date(2024, 3, 31)),
    ("2024-q4", "month", date(2024, 10, 1), date(2024, 12, 31)),
    ("2024-W10", "week", date(2024, 3, 4), date(2024, 3, 10)),
    ("2024", "quarter", date(2024, 1, 1), date(2024, 12, 31)),
])
def test_parse_period(text, by, first, last):
    assert parse_period(text, by) == (first, last)


@pytest.mark.parametrize("text", ["March", "2024-13", "2024-02-30", "2024Q5", "24-03"])
def test_parse_period_rejects_what_is_not_a_period(text):
    with pytest.raises(ConfigError, match="is not a period"):
        parse_period(text, "month")


def test_sides():
    assert as_side("prk") == Side("PRK", ("PRK",)) and not as_side("PRK").is_bloc
    bloc = as_side("CUB, CHN,VNM,LAO")
    assert bloc.label == "CUB+CHN+VNM+LAO" and bloc.codes == ("CUB", "CHN", "VNM", "LAO") and bloc.is_bloc
    assert as_side(["USA", "KOR", "USA"]).codes == ("USA", "KOR")
    with pytest.raises(ConfigError, match="'NORTHKOREA' is not a country code"):
        as_side("NorthKorea")
    with pytest.raises(ConfigError, match="empty"):
        as_side(",")


def test_blocs_inline_and_from_a_file(tmp_path):
    blocs = read_blocs(["PRK:CUB,CHN,VNM,LAO"])
    assert blocs.pairs == [(Side("PRK", ("PRK",)), Side("CUB+CHN+VNM+LAO", ("CUB", "CHN", "VNM", "LAO")))]
    path = tmp_path / "blocs.txt"
    path.write_text("# friends and rivals of Pyongyang\n"
                    "socialist = CUB, CHN, VNM, LAO   # the four\n"
                    "allies = KOR, USA\n\n"
                    "PRK : socialist\n"
                    "PRK : allies\n", encoding="utf-8")
    blocs = read_blocs([str(path), "both=socialist,allies"])
    assert blocs.groups["socialist"] == Side("socialist", ("CUB", "CHN", "VNM", "LAO"))
    assert blocs.groups["both"].codes == ("CUB", "CHN", "VNM", "LAO", "KOR", "USA")
    assert [(a.label, b.label) for a, b in blocs.pairs] == [("PRK", "socialist"), ("PRK", "allies")]
    assert blocs.side("allies").codes == ("KOR", "USA") and blocs.side("socialist,RUS").label == "CUB+CHN+VNM+LAO+RUS"
    with pytest.raises(ConfigError, match="neither a country code nor a bloc"):
        blocs.side("socialists")


@pytest.mark.parametrize("spec, message", [
    ("no-such-file.txt", "neither a pair such as PRK:CUB,CHN,VNM,LAO nor a bloc file"),
    ("PRK:CUB:CHN", "is not a pair"),
    ("CUB=CHN,VNM", "cannot name a bloc"),
    ("PRK:Cuba", "not a country code"),
])
def test_bad_blocs_say_how_to_write_them(spec, message):
    with pytest.raises(ConfigError, match=message):
        read_blocs([spec])


def test_bad_line_in_a_bloc_file_is_located(tmp_path):
    path = tmp_path / "b.txt"
    path.write_text("ok = CUB\nPRK - CUB\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"b\.txt:2: 'PRK - CUB' is not a pair"):
        read_blocs([str(path)])


def test_sparkline():
    assert sparkline([0, 1, 2, 3, 4, 5, 6, 7]) == "▁▂▃▄▅▆▇█"
    assert sparkline([-7, 0, 7]) == "▁▅█"  # zero sits in the middle of a signed series
    assert sparkline([2.0, None, float("nan"), 2.0]) == "█  █"
    assert sparkline([0, 0]) == "▁▁" and sparkline([None]) == " "
