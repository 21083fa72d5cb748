"""`tieline actors lookup` and `tieline actors add`, run as a user would."""

import json


def test_lookup_json_fields(run_cli):
    result = run_cli("actors", "lookup", "North Korean leader", "--date", "2021-04-15", "--format", "json")
    assert result.returncode == 0, result.stderr
    (row,) = json.loads(result.stdout)
    assert {k: row[k] for k in ("code", "country_code", "sector", "name")} == {
        "code": "PRKGOV", "country_code": "PRK", "sector": "GOV", "name": "Kim Jong-un"}
    result = run_cli("actors", "lookup", "the North Korean leader", "--date", "2010-04-15")
    assert result.returncode == 0 and "Kim Jong-il" in result.stdout


def test_lookup_unknown_phrase_and_bad_date(run_cli):
    result = run_cli("actors", "lookup", "a cat named Frank")
    assert result.returncode == 1 and "No known actor" in result.stderr
    result = run_cli("actors", "lookup", "Cuba", "--date", "2021-13-01")
    assert result.returncode == 2 and result.stderr.startswith("error:")


def test_add_writes_a_checked_user_file_that_lookup_reads(run_cli, tmp_path, monkeypatch):
    user = tmp_path / "actors.yaml"
    monkeypatch.setenv("TIELINE_ACTORS", str(user))
    result = run_cli("actors", "add", "Kim Yo-jong", "--country", "PRK", "--office", "party_official",
                     "--start", "2021-01-10")
    assert result.returncode == 0, result.stderr
    result = run_cli("actors", "add", "Institute for Far Eastern Studies", "--country", "KOR", "--sector", "EDU")
    assert result.returncode == 0, result.stderr
    result = run_cli("actors", "lookup", "Kim Yo-jong", "--date", "2022-01-01", "--format", "json")
    assert json.loads(result.stdout)[0]["code"] == "PRKGOV"
    result = run_cli("actors", "lookup", "Institute for Far Eastern Studies", "--format", "json")
    assert json.loads(result.stdout)[0]["code"] == "KOREDU"
    before = user.read_text("utf-8")
    result = run_cli("actors", "add", "Nobody", "--country", "ZZZ", "--office", "president", "--start", "2020-01-01")
    assert result.returncode == 2 and "ISO 3166-1" in result.stderr
    assert user.read_text("utf-8") == before  # a bad entry is not saved
