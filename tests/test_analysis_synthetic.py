"""Dyad series, ties, shifts and evidence on synthetic event tables whose structure is known."""

from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tieline.analysis import RESOLUTIONS, dyad_series, evidence, find_shifts, network, relations, shifts
from tieline.analysis.periods import next_period
from tieline.errors import ConfigError

GOLDSTEIN = {1: 3.0, 2: 7.0, 3: -2.0, 4: -8.0}  # a typical score per QuadClass


def events_table(rows) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with an `events` table of (source, target, date, quad_class[, goldstein]) rows."""
    records = []
    for n, row in enumerate(rows):
        source, target, day, quad = row[:4]
        goldstein = row[4] if len(row) > 4 else GOLDSTEIN[quad]
        records.append({
            "event_id": f"e{n}", "doc_id": f"d{n // 3}", "event_date": day,
            "actor1_code": f"{source}GOV", "actor1_country_code": source,
            "actor2_code": f"{target}GOV" if target else None, "actor2_country_code": target,
            "event_code": {1: "040", 2: "057", 3: "111", 4: "163"}[quad], "event_root_code": "04",
            "quad_class": quad, "goldstein_scale": float(goldstein),
            "sentence": f"{source} and {target}: event {n}.", "source_url": f"https://example.org/{n}",
        })
    con = duckdb.connect()
    frame = pd.DataFrame.from_records(records)
    con.register("records", frame)
    con.execute("CREATE TABLE events AS SELECT * FROM records")
    con.unregister("records")
    return con


def months(first: date, count: int) -> list[date]:
    out = [first]
    while len(out) < count:
        out.append(next_period(out[-1], "month"))
    return out


def turning_dyad(seed: int, turn: date, start=date(2022, 1, 1), n_months=24, noise=True):
    """AAA→BBB mostly in conflict before `turn` and mostly cooperating from it, with other traffic."""
    rng = np.random.default_rng(seed)
    rows = []
    for month in months(start, n_months):
        cooperative = month >= turn
        for _ in range(int(rng.integers(2, 7))):
            day = month + timedelta(days=int(rng.integers(0, 27)))
            odd = noise and rng.random() < 0.1  # one event in ten goes against the tide
            quad = int(rng.choice([1, 2])) if cooperative != odd else int(rng.choice([3, 4]))
            rows.append(("AAA", "BBB", day, quad, GOLDSTEIN[quad] + float(rng.normal(0, 1))))
        for _ in range(int(rng.integers(0, 4))):
            rows.append(("AAA", "ZZZ", month + timedelta(days=3), int(rng.choice([1, 3]))))
            rows.append(("BBB", None, month + timedelta(days=5), 1))  # an event without a target
    return rows


# --- the acceptance tests ---------------------------------------------------------------------------

@pytest.mark.parametrize("seed, turn", [(1, date(2022, 10, 1)), (2, date(2023, 3, 1)), (3, date(2022, 6, 1)),
                                        (4, date(2023, 7, 1)), (5, date(2022, 9, 1))])
@pytest.mark.parametrize("measure", ["goldstein_sum", "goldstein_mean", "net_cooperation", "coop_share"])
def test_turn_from_conflict_to_cooperation_is_found_within_one_period(seed, turn, measure):
    con = events_table(turning_dyad(seed, turn))
    found = shifts(con, "AAA", "BBB", by="month", measure=measure)
    assert len(found) >= 1, found
    nearest = min(found.itertuples(), key=lambda s: abs((s.period - turn).days))
    assert abs((nearest.period - turn).days) <= 31, (nearest.period, turn)
    assert nearest.movement == "warming" and nearest.after > nearest.before
    assert nearest.period_label == nearest.period.strftime("%Y-%m")


def test_turn_is_found_at_quarter_and_week_resolution():
    con = events_table(turning_dyad(7, date(2022, 10, 1), noise=False))
    quarterly = shifts(con, "AAA", "BBB", by="quarter")
    assert list(quarterly["period_label"]) == ["2022Q4"]
    # A turn on a Monday, with three events in every week around it.
    start, turn = date(2024, 1, 1), date(2024, 3, 4)
    rows = [("AAA", "BBB", start + timedelta(days=7 * w + d), 1 if start + timedelta(days=7 * w) >= turn else 4)
            for w in range(20) for d in (0, 2, 4)]
    weekly = shifts(events_table(rows), "AAA", "BBB", by="week")
    assert list(weekly["period"]) == [turn] and list(weekly["period_label"]) == ["2024-W10"]


def test_normalisation_makes_equal_shares_of_different_volumes_equal():
    rows = []
    for month in months(date(2024, 1, 1), 3):
        for k, scale in ((1, ("AAA", "BBB", "EEE")), (10, ("CCC", "DDD", "FFF"))):
            source, target, other = scale
            # per month: 3 cooperative and 1 conflictual event in the dyad, 16 other events of the pair ...
            rows += [(source, target, month, 1)] * (2 * k) + [(source, target, month, 2)] * k
            rows += [(source, target, month, 4)] * k
            rows += [(source, other, month, 3)] * (10 * k) + [(other, target, month, 1)] * (6 * k)
            # ... (the volume is 20 events for the small pair and 200 for the big one)
    con = events_table(rows)
    small = dyad_series(con, "AAA", "BBB")
    big = dyad_series(con, "CCC", "DDD")
    assert list(small["volume"]) == [20] * 3 and list(big["volume"]) == [200] * 3
    assert (big["events"] == 10 * small["events"]).all()
    assert (big["goldstein_sum"] == 10 * small["goldstein_sum"]).all()
    for column in ("events_norm", "verbal_cooperation_norm", "material_cooperation_norm", "verbal_conflict_norm",
                   "material_conflict_norm", "goldstein_sum_norm", "net_cooperation_norm"):
        assert np.allclose(small[column], big[column]), column
    assert np.allclose(small["events_norm"], 0.2) and np.allclose(small["goldstein_sum_norm"], (3 + 3 + 7 - 8) / 20)
    # The ties view compares them the same way when asked for a normalised measure.
    level = {focus: relations(con, focus, measure="goldstein_sum_norm", direction="out").set_index("partner")
             for focus in ("AAA", "CCC")}
    assert level["AAA"].loc["BBB", "level"] == pytest.approx(level["CCC"].loc["DDD", "level"])
    raw = {focus: relations(con, focus, direction="out").set_index("partner") for focus in ("AAA", "CCC")}
    assert raw["CCC"].loc["DDD", "level"] == pytest.approx(10 * raw["AAA"].loc["BBB", "level"])


# --- dyad series ------------------------------------------------------------------------------------

@pytest.fixture
def small():
    return events_table([
        ("PRK", "CUB", date(2024, 1, 5), 1, 3.4),
        ("PRK", "CUB", date(2024, 1, 20), 2, 8.0),
        ("CUB", "PRK", date(2024, 1, 21), 1, 1.9),
        ("PRK", "CUB", date(2024, 3, 2), 3, -2.0),
        ("PRK", "KOR", date(2024, 3, 9), 4, -8.0),
        ("PRK", "PRK", date(2024, 2, 1), 1, 1.0),  # domestic: never a dyad, but part of PRK's volume
        ("CUB", "VEN", date(2024, 2, 3), 1, 1.0),
    ])


def test_dyad_series_counts_each_quad_class_and_goldstein(small):
    series = dyad_series(small, "PRK", "CUB", by="month")
    assert list(series["period_label"]) == ["2024-01", "2024-02", "2024-03"]
    jan, feb, mar = (series.iloc[i] for i in range(3))
    assert (jan.events, jan.verbal_cooperation, jan.material_cooperation) == (2, 1, 1)
    assert jan.goldstein_sum == pytest.approx(11.4) and jan.goldstein_mean == pytest.approx(5.7)
    assert jan.coop_share == 1.0 and jan.net_cooperation == 2
    assert feb.events == 0 and feb.goldstein_sum == 0 and np.isnan(feb.goldstein_mean) and np.isnan(feb.coop_share)
    assert (mar.events, mar.verbal_conflict, mar.coop_share, mar.net_cooperation) == (1, 1, 0.0, -1)
    # Volume: every event that names PRK or CUB, any partner, domestic ones included.
    assert list(series["volume"]) == [3, 2, 2]
    assert jan.events_norm == pytest.approx(2 / 3) and mar.goldstein_sum_norm == pytest.approx(-1.0)
    assert set(series["source"]) == {"PRK"} and set(series["direction"]) == {"out"}


def test_directions(small):
    into = dyad_series(small, "PRK", "CUB", direction="in")
    assert list(into["events"]) == [1, 0, 0] and set(into["source"]) == {"CUB"} and set(into["target"]) == {"PRK"}
    both = dyad_series(small, "PRK", "CUB", direction="both")
    assert list(both["events"]) == [3, 0, 1] and set(both["direction"]) == {"both"}
    each = dyad_series(small, "PRK", "CUB", direction="each")
    assert len(each) == 6 and list(each["direction"]) == ["out"] * 3 + ["in"] * 3
    assert each.groupby("source")["events"].sum().to_dict() == {"PRK": 3, "CUB": 1}


def test_window_and_resolutions(small):
    series = dyad_series(small, "PRK", "CUB", by="day", since="2024-01-19", until="2024-01-22")
    assert list(series["period_label"]) == ["2024-01-19", "2024-01-20", "2024-01-21", "2024-01-22"]
    assert list(series["events"]) == [0, 1, 0, 0]
    weekly = dyad_series(small, "PRK", "CUB", by="week")
    assert weekly["period_label"].iloc[0] == "2024-W01" and weekly["period"].iloc[0] == date(2024, 1, 1)
    yearly = dyad_series(small, "PRK", "CUB", by="year", direction="both")
    assert list(yearly["period_label"]) == ["2024"] and list(yearly["events"]) == [4]
    assert dyad_series(small, "PRK", "CUB", since="2025-01-01").empty
    with pytest.raises(ConfigError, match="not a period"):
        dyad_series(small, "PRK", "CUB", by="fortnight")
    with pytest.raises(ConfigError, match="not a direction"):
        dyad_series(small, "PRK", "CUB", direction="sideways")


def test_bloc_sides_pool_their_members(small):
    series = dyad_series(small, "PRK", "CUB,KOR", direction="out", by="quarter")
    assert list(series["target"]) == ["CUB+KOR"] and list(series["events"]) == [4]
    assert series["goldstein_sum"].iloc[0] == pytest.approx(3.4 + 8.0 - 2.0 - 8.0)


# --- ties -------------------------------------------------------------------------------------------

def test_relations_rank_warming_above_steady_above_cooling():
    rows = []
    for i, month in enumerate(months(date(2023, 1, 1), 12)):
        rows += [("AAA", "BBB", month, 1 if i >= 6 else 4)] * 2  # conflict, then cooperation: warming
        rows += [("CCC", "AAA", month, 4 if i >= 6 else 1)] * 2  # the reverse, done to AAA: cooling
        rows += [("AAA", "DDD", month, 1)]  # the same every month: steady
    rows += [("AAA", "EEE", date(2023, 3, 1), 1)]  # one event: too few to call
    con = events_table(rows)
    table = relations(con, "AAA", names={"BBB": "Bbb"})
    assert list(table["partner"]) == ["BBB", "DDD", "EEE", "CCC"]
    assert list(table["rank"]) == [1, 2, 3, 4]
    assert list(table["movement"]) == ["warming", "steady", "too few events", "cooling"]
    row = table.set_index("partner").loc["BBB"]
    assert row["partner_name"] == "Bbb" and row["events"] == 24 and row["period"] == "2023-12"
    assert row["level"] == 6.0 and row["previous"] == 6.0 and row["change"] == 0.0 and row["trend"] > 0
    assert row["series"] == [-16.0] * 6 + [6.0] * 6 and table.attrs["periods"][0] == "2023-01"
    assert relations(con, "AAA", direction="out")["partner"].tolist() == ["BBB", "DDD", "EEE"]
    assert relations(con, "AAA", direction="in")["partner"].tolist() == ["CCC"]
    assert relations(con, "AAA", min_events=2)["partner"].tolist() == ["BBB", "DDD", "CCC"]
    shifted = relations(con, "AAA", with_shifts=True).set_index("partner")
    assert shifted.loc["BBB", "last_shift"] == "2023-07" and shifted.loc["CCC", "last_shift_change"] < 0
    blocs = relations(con, "AAA", blocs=["BBB,CCC"]).set_index("partner")
    assert blocs.loc["BBB+CCC", "events"] == 48 and blocs.loc["BBB+CCC", "members"] == "BBB,CCC"
    assert relations(con, "QQQ").empty
    with pytest.raises(ConfigError, match="not a measure"):
        relations(con, "AAA", measure="events")


def test_change_is_level_minus_previous_period():
    con = events_table([("AAA", "BBB", date(2024, 1, 3), 1), ("AAA", "BBB", date(2024, 2, 3), 4),
                        ("AAA", "BBB", date(2024, 2, 4), 4)])
    row = relations(con, "AAA").iloc[0]
    assert (row["level"], row["previous"], row["change"]) == (-16.0, 3.0, -19.0)


# --- shifts, evidence, network ----------------------------------------------------------------------

def test_a_level_series_has_no_shift_and_count_forces_one():
    rng = np.random.default_rng(11)
    rows = [("AAA", "BBB", m, int(rng.choice([1, 3]))) for m in months(date(2022, 1, 1), 24)
            for _ in range(int(rng.integers(2, 5)))]
    con = events_table(rows)
    assert shifts(con, "AAA", "BBB").empty
    forced = shifts(con, "AAA", "BBB", n_shifts=1)
    assert len(forced) == 1
    with pytest.raises(ConfigError, match="do not fit"):
        shifts(con, "AAA", "BBB", n_shifts=20, min_size=2)


def test_shift_reports_the_events_around_it():
    turn = date(2022, 10, 1)
    con = events_table(turning_dyad(3, turn, noise=False))
    shift = shifts(con, "AAA", "BBB").iloc[0]
    assert shift["period"] == turn
    assert (shift["around_since"], shift["around_until"]) == (date(2022, 9, 1), date(2022, 10, 31))
    around = evidence(con, "AAA", "BBB", since=shift["around_since"], until=shift["around_until"])
    assert len(around) == shift["events_around"] > 0
    assert set(around["period_label"]) == {"2022-09", "2022-10"}
    assert set(around["quad_class"][around["period_label"] == "2022-09"]) <= {3, 4}


def test_find_shifts_on_each_direction_separately():
    rows = [("AAA", "BBB", m, 1 if m >= date(2022, 7, 1) else 4) for m in months(date(2022, 1, 1), 12)]
    rows += [("BBB", "AAA", m, 4 if m >= date(2022, 4, 1) else 1) for m in months(date(2022, 1, 1), 12)]
    found = find_shifts(dyad_series(events_table(rows), "AAA", "BBB", direction="each"))
    assert found[["source", "period_label", "movement"]].values.tolist() == [
        ["AAA", "2022-07", "warming"], ["BBB", "2022-04", "cooling"]]


def test_evidence_lists_exactly_the_events_of_a_cell(small):
    cell = evidence(small, "PRK", "CUB", period="2024-01")
    assert list(cell["event_id"]) == ["e0", "e1"] and set(cell["period_label"]) == {"2024-01"}
    assert cell["sentence"].iloc[0] == "PRK and CUB: event 0." and cell["source_url"].iloc[1].endswith("/1")
    series = dyad_series(small, "PRK", "CUB")
    assert len(cell) == series.set_index("period_label").loc["2024-01", "events"]
    assert list(evidence(small, "PRK", "CUB", period="2024-01", direction="both")["event_id"]) == ["e0", "e1", "e2"]
    assert list(evidence(small, "PRK", "CUB", period="2024-01-25", direction="in")["event_id"]) == ["e2"]
    assert list(evidence(small, "PRK", "CUB", period="2024Q1", quad_class=3)["event_id"]) == ["e3"]
    assert list(evidence(small, "PRK", "CUB", by="week", period="2024-01-06")["period_label"]) == ["2024-W01"]
    with pytest.raises(ConfigError, match="not a period"):
        evidence(small, "PRK", "CUB", period="January")


def test_network_edges(small):
    edges = network(small).set_index(["source", "target"])
    assert edges.loc[("PRK", "CUB"), "events"] == 3 and ("PRK", "PRK") not in edges.index
    assert network(small, min_events=2).index.size == 1
    assert network(small, since="2024-03-01").set_index(["source", "target"]).loc[("PRK", "KOR"), "coop_share"] == 0


# --- invariants on random tables ----------------------------------------------------------------------

_rows = st.lists(st.tuples(st.sampled_from(["AAA", "BBB", "CCC"]), st.sampled_from(["AAA", "BBB", "CCC", None]),
                           st.dates(date(2023, 1, 1), date(2024, 6, 30)), st.integers(1, 4)), min_size=1, max_size=40)


@settings(max_examples=40, deadline=None)
@given(_rows, st.sampled_from(RESOLUTIONS[1:]))
def test_series_add_up_to_the_events_of_the_table(rows, by):
    con = events_table(rows)
    out = dyad_series(con, "AAA", "BBB", by=by)
    expected_out = sum(1 for a, b, _, _ in rows if (a, b) == ("AAA", "BBB"))
    expected_in = sum(1 for a, b, _, _ in rows if (a, b) == ("BBB", "AAA"))
    volume = sum(1 for a, b, _, _ in rows if "AAA" in (a, b) or "BBB" in (a, b))
    if out.empty:
        assert volume == 0
        return
    both = dyad_series(con, "AAA", "BBB", by=by, direction="both")
    assert out["events"].sum() == expected_out and both["events"].sum() == expected_out + expected_in
    assert out["volume"].sum() == volume and (out["events"] <= out["volume"]).all()
    assert (out["cooperative"] + out["conflictual"] == out["events"]).all()
    assert (out["events_norm"].between(0, 1)).all()
    assert out["period"].is_monotonic_increasing and out["period_label"].is_unique
    ties = relations(con, "AAA", by=by)
    if expected_out + expected_in:
        assert ties.set_index("partner").loc["BBB", "events"] == expected_out + expected_in
