"""`tieline explain`: an analyst can see why a sentence gave the events it gave."""

import json


def test_explain_prints_parse_actors_patterns_and_event_fields(run_cli):
    result = run_cli("explain", "North Korea threatened to impose sanctions on South Korea.", "--date", "2024-05-01")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Parse of sentence 0" in out and "threatened" in out and "nsubj" in out
    assert "'North Korea' [0:11] -> PRKGOV (country)" in out
    assert "threaten.sanctions" in out and "no match" in out  # a pattern tried and why it failed
    assert "threat:sanctions.impose" in out and "coded 1 event(s): 1312" in out
    assert "event 1: PRKGOV 1312 KORGOV" in out
    for field in ("event_date                   2024-05-01", "date_precision", "date_text", "action_geo_precision",
                  "evidence_start", "pattern_id", "confidence", "coder                        cameo.rules.v2"):
        assert field in out


def test_explain_json_and_no_event(run_cli):
    result = run_cli("explain", "Japan did not attend the summit with China.", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["events"] == [] and data["published"] is None
    assert any("negated" in step["outcome"] for step in data["trace"])
    assert data["sentences"][0][0]["text"] == "Japan"
    bad = run_cli("explain", "Japan met China.", "--date", "someday")
    assert bad.returncode == 2 and bad.stderr.startswith("error: ") and "is not a date" in bad.stderr
