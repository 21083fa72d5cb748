"""One event reported by several sites: the event endpoint lists every report with its sentence and URL."""

from __future__ import annotations

import json

from tieline import api
from web_support import Server

STORY = (
    "Chilean Foreign Minister Alberto van Klaveren criticized Peru on Monday over new fishing rules in "
    "shared waters.\n\nOfficials in Santiago said the rules broke an earlier understanding between the two "
    "governments.\n\nLima has not yet answered the complaint, the ministry added."
)
SITES = ["andes-wire.example", "www.pacific-herald.example", "southcone-news.example"]


def test_event_lists_every_report(tmp_path, coder):
    docs = [{"id": f"r{i}", "text": STORY + ("" if i == 0 else f"\n\nCarried by site {i}."),
             "url": f"https://{site}/2024/05/chile-peru", "published": "2024-05-06"}
            for i, site in enumerate(SITES)]
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    db = tmp_path / "m.duckdb"
    api.ingest([corpus], db=db, coder=coder, dedup="story")
    server = Server(db)
    try:
        with server.client() as client:
            items = client.get("/api/events", params={"actor": "CHL", "target": "PER"}).json()["items"]
            assert len(items) == 1 and items[0]["num_articles"] == 3
            body = client.get(f"/api/events/{items[0]['event_id']}").json()
    finally:
        server.stop()
    assert [m["doc_id"] for m in body["mentions"]] == ["r0", "r1", "r2"]  # the root report first
    assert body["urls"] == [f"https://{site}/2024/05/chile-peru" for site in SITES]
    assert body["sentences"] == [STORY.split("\n\n")[0]]
    assert body["document"]["doc_id"] == "r0"
