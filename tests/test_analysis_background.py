"""Events the news dates long before it was written (background) stay out of a default window."""

import json

from tieline import api
from tieline.analysis import dyad_series


def test_background_event_is_left_out_unless_the_window_asks_for_it(tmp_path, coder):
    text = ("North Korean leader Kim Jong-un praised Cuba on Monday for its support.\n\n"
            "North Korea and Cuba established diplomatic relations in 1960.")
    corpus = tmp_path / "a.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": text, "published": "2024-05-08"}) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    api.ingest([corpus], db=db, coder=coder)
    default = dyad_series(db, "PRK", "CUB", by="year", direction="both")
    assert list(default["period_label"]) == ["2024"]
    asked = dyad_series(db, "PRK", "CUB", by="year", direction="both", since="1960-01-01")
    assert asked["period_label"].iloc[0] == "1960" and asked["events"].sum() > default["events"].sum()
