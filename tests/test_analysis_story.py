"""End to end on the team's story corpus (tests/data/ties_story: 36 dated wire reports, 2023-2024):
North Korea warms to Cuba, China, Vietnam and Laos and cools with South Korea and the United States.

The assertions are about the ranking and direction of each tie, not exact event counts, so they
hold while the coder improves.
"""

import csv
import io
import json
import struct
from pathlib import Path

import pytest

import tieline
from tieline.analysis import dyad_series, relations

STORY = Path(__file__).parent / "data" / "ties_story"
WARMING = ("CUB", "CHN", "VNM", "LAO")
COOLING = ("KOR", "USA")


@pytest.fixture(scope="module")
def story_db(tmp_path_factory, coder):
    db = tmp_path_factory.mktemp("story") / "story.duckdb"
    report = tieline.ingest([STORY], db=db, coder=coder)
    assert report.documents_stored >= 30 and report.failed == 0
    return str(db)


def test_story_corpus_spans_two_years_of_dated_articles():
    records = [json.loads(line) for path in sorted(STORY.glob("*.jsonl")) for line in path.read_text("utf-8").splitlines()]
    assert len(records) >= 30
    dates = sorted(r["published"] for r in records)
    assert dates[0] <= "2023-01-31" and dates[-1] >= "2024-12-01"
    assert len({r["id"] for r in records}) == len(records)


def _assert_story_ranking(rows):
    by_partner = {row["partner"]: row for row in rows}
    for code in WARMING:
        assert by_partner[code]["movement"] == "warming" and by_partner[code]["trend"] > 0, by_partner[code]
    for code in COOLING:
        assert by_partner[code]["movement"] == "cooling" and by_partner[code]["trend"] < 0, by_partner[code]
    assert max(by_partner[c]["rank"] for c in WARMING) < min(by_partner[c]["rank"] for c in COOLING)


@pytest.mark.parametrize("by", ["month", "quarter"])
def test_relations_ranks_the_story_ties(run_cli, story_db, by):
    result = run_cli("relations", "PRK", "--db", story_db, "--by", by, "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    for row in rows:
        assert {"partner", "partner_name", "level", "change", "trend", "movement", "rank"} <= set(row)
    _assert_story_ranking(rows)
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))


@pytest.mark.parametrize("options", [{"measure": "goldstein_sum_norm"}, {"measure": "net_cooperation"},
                                     {"direction": "both", "with_shifts": True}])
def test_the_ranking_holds_with_other_measures(story_db, options):
    frame = relations(story_db, "PRK", by="quarter", **options)
    _assert_story_ranking(frame.to_dict("records"))


def test_relations_table_csv_bloc_and_evidence(run_cli, story_db):
    table = run_cli("relations", "PRK", "--db", story_db, "--by", "quarter")
    assert table.returncode == 0, table.stderr
    assert "Ties of PRK (North Korea)" in table.stdout and "warming" in table.stdout and "Cuba" in table.stdout
    bloc = run_cli("relations", "PRK", "--db", story_db, "--bloc", "PRK:CUB,CHN,VNM,LAO", "--bloc", "PRK:KOR,USA",
                   "--format", "csv")
    assert bloc.returncode == 0, bloc.stderr
    rows = {r["partner"]: r for r in csv.DictReader(io.StringIO(bloc.stdout))}
    assert rows["CUB+CHN+VNM+LAO"]["movement"] == "warming" and rows["KOR+USA"]["movement"] == "cooling"
    assert int(rows["CUB+CHN+VNM+LAO"]["events"]) == sum(int(rows[c]["events"]) for c in WARMING)
    evidence = run_cli("relations", "PRK", "--db", story_db, "--evidence", "CUB@all", "--format", "json")
    assert evidence.returncode == 0, evidence.stderr
    events = json.loads(evidence.stdout)
    assert len(events) == int(rows["CUB"]["events"])
    assert all({e["source"], e["target"]} == {"PRK", "CUB"} and e["sentence"] and e["doc_id"] for e in events)
    assert any("Cuba" in e["sentence"] or "Cuban" in e["sentence"] for e in events)


def test_dyad_table_with_sparkline_and_png_chart(run_cli, story_db, tmp_path):
    chart = tmp_path / "prk-cub.png"
    result = run_cli("dyad", "PRK", "CUB", "--db", story_db, "--by", "month", "--direction", "each",
                     "--plot", str(chart))
    assert result.returncode == 0, result.stderr
    assert "PRK → CUB  goldstein_sum  2023-01 " in result.stdout and "2024-12" in result.stdout
    assert any(ch in result.stdout for ch in "▂▃▄▅▆▇█")
    assert f"Chart written to {chart}" in result.stderr
    data = chart.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1000, 720)  # two panels (one per direction) of 10 x 3.6 inches at 100 dpi
    assert 20_000 < len(data) < 2_000_000
    from PIL import Image

    with Image.open(chart) as image:
        image.verify()
        assert image.format == "PNG"


def test_dyad_json_and_evidence_of_one_cell(run_cli, story_db):
    result = run_cli("dyad", "PRK", "CUB", "--db", story_db, "--direction", "both", "--format", "json")
    assert result.returncode == 0, result.stderr
    periods = json.loads(result.stdout)
    assert len(periods) == 24 and periods[0]["period_label"] == "2023-01"
    busiest = max(periods, key=lambda p: p["events"])
    assert {"events", "goldstein_sum", "goldstein_mean", "coop_share", "events_norm", "verbal_cooperation"} <= set(busiest)
    cell = run_cli("dyad", "PRK", "CUB", "--db", story_db, "--direction", "both", "--evidence",
                   busiest["period_label"], "--format", "json")
    assert cell.returncode == 0, cell.stderr
    events = json.loads(cell.stdout)
    assert len(events) == busiest["events"]
    assert sum(e["goldstein_scale"] for e in events) == pytest.approx(busiest["goldstein_sum"])


def test_shifts_in_the_story(run_cli, story_db):
    result = run_cli("shifts", "PRK", "KOR", "--db", story_db, "--direction", "both", "--by", "quarter",
                     "--evidence", "--format", "json")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found, "the turn in inter-Korean relations is not found"
    assert found[-1]["movement"] == "cooling" and found[-1]["period_label"].startswith("2024")
    assert found[-1]["events"] and all(e["sentence"] for e in found[-1]["events"])
    assert len(found[-1]["events"]) == found[-1]["events_around"]
    table = run_cli("shifts", "--bloc", "PRK:CUB,CHN,VNM,LAO", "--db", story_db, "--direction", "both",
                    "--by", "quarter")
    assert table.returncode == 0 and "warming" in table.stdout


def test_python_api_reads_a_store_path(story_db):
    series = dyad_series(story_db, "PRK", "USA", by="year", direction="both")
    assert list(series["period_label"]) == ["2023", "2024"]
    assert series["goldstein_sum"].iloc[1] < series["goldstein_sum"].iloc[0]
    assert series["coop_share"].iloc[1] < series["coop_share"].iloc[0]


@pytest.mark.parametrize("args, message", [
    (["relations", "PRK", "--by", "fortnight"], "Invalid value for '--by'"),
    (["relations", "PRK", "--since", "2024-13-01"], "is not a date"),
    (["relations", "PRK", "--since", "2024-06-01", "--until", "2024-01-01"], "is after --until"),
    (["relations", "PRK", "--bloc", "USA:CUB"], "is not about PRK"),
    (["relations", "PRK", "--measure", "goldstein_mean", "--normalise"], "already a ratio"),
    (["dyad", "PRK"], "give two sides"),
    (["dyad", "PRK", "CUB", "--evidence", "March"], "is not a period"),
    (["dyad", "PRK", "CUB", "--plot", "chart.pdf"], "must end in .png"),
    (["dyad", "PRK", "Cuba"], "not a country code"),
    (["shifts", "PRK", "KOR", "--bloc", "nofile.txt"], "nor a bloc file that exists"),
])
def test_bad_arguments_give_one_line_errors(run_cli, story_db, args, message):
    result = run_cli(*args, "--db", story_db)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_store_and_empty_answers(run_cli, story_db, tmp_path):
    missing = run_cli("relations", "PRK", "--db", str(tmp_path / "none.duckdb"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    nothing = run_cli("relations", "FRA", "--db", story_db)
    assert nothing.returncode == 0 and "No events between FRA (France)" in nothing.stdout
    empty_json = run_cli("relations", "FRA", "--db", story_db, "--format", "json")
    assert json.loads(empty_json.stdout) == []
