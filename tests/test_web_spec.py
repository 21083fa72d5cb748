"""A property-based run over the OpenAPI spec with schemathesis, against real servers on 127.0.0.1.

Every check schemathesis has is on: no server errors (5xx); status codes, content types, headers
and bodies as the spec says; requests the spec calls invalid are refused and valid ones accepted;
undeclared methods get 405; a write without credentials is refused. The write run covers
`POST /api/ingest/document` with the token; `POST /api/ingest/url` is left out of it because it
would resolve generated host names (network), and is covered by test_web_security.py instead.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tieline.store import Store
from web_support import TOKEN, Server, SpecCheck, copy_store, demo_store

SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
CONFIG = Path(__file__).resolve().parent / "schemathesis.toml"  # 413 counts as refusing an invalid body


def run_schemathesis(server: Server, *args: str, name: str) -> None:
    # The client waits longer than the server's own 30 s query and queue limits (which answer 503),
    # so a slow answer on a busy machine is judged by the spec, not dropped as a network error.
    ARTIFACTS.mkdir(exist_ok=True)
    command = [
        str(SCHEMATHESIS), "--config-file", str(CONFIG), "run", f"{server.url}/api/openapi.json", "--checks", "all",
        "--workers", "1",
        "--suppress-health-check", "all", "--request-timeout", "120", "--report", "junit",
        "--report-junit-path", str(ARTIFACTS / f"schemathesis-{name}.xml"), *args,
    ]
    # Run from a scratch folder: schemathesis keeps a cache of crashes in its working directory.
    scratch = tempfile.mkdtemp(prefix="schemathesis-")
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    (ARTIFACTS / f"schemathesis-{name}.txt").write_text(result.stdout + result.stderr)
    assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-5000:]
    assert " passed" in result.stdout and "Tested: " in result.stdout


@pytest.fixture(scope="module")
def read_server(tmp_path_factory):
    server = Server(demo_store(tmp_path_factory))
    yield server
    server.stop()


def test_answers_about_stored_items_keep_to_the_spec(read_server, tmp_path_factory):
    # Generated ids rarely name a stored item: check the answers about real ones here.
    with Store(demo_store(tmp_path_factory), read_only=True) as store:
        event_id = store.sql("SELECT event_id FROM events ORDER BY num_mentions DESC, event_id LIMIT 1").iloc[0, 0]
        doc_id = store.sql("SELECT doc_id FROM documents WHERE doc_id LIKE '%/%' ORDER BY doc_id LIMIT 1").iloc[0, 0]
        run_id = store.sql("SELECT run_id FROM runs LIMIT 1").iloc[0, 0]
    check = SpecCheck(read_server.url)
    with read_server.client() as client:
        for path, url, params in [
            ("/api/health", "/api/health", {}),
            ("/api/events", "/api/events", {"sort": "-num_mentions", "limit": 1000}),
            ("/api/events", "/api/events", {"doc_id": doc_id}),
            ("/api/events/{event_id}", f"/api/events/{event_id}", {}),
            ("/api/documents", "/api/documents", {"limit": 1000}),
            ("/api/documents/{doc_id}", f"/api/documents/{doc_id}", {}),
            ("/api/runs", "/api/runs", {}),
            ("/api/runs/{run_id}", f"/api/runs/{run_id}", {}),
            ("/api/failures", "/api/failures", {}),
        ]:
            response = client.get(url, params=params)
            assert response.status_code == 200, (url, response.text)
            check("GET", path, response)


@pytest.mark.slow
def test_every_read_operation_keeps_to_the_spec(read_server):
    run_schemathesis(read_server, "--max-examples", "15", name="read")


@pytest.mark.slow
def test_posting_documents_keeps_to_the_spec(tmp_path_factory):
    db = copy_store(demo_store(tmp_path_factory), tmp_path_factory.mktemp("spec-writes"))
    server = Server(db, token=TOKEN)
    try:
        run_schemathesis(server, "--max-examples", "10", "--include-path", "/api/ingest/document",
                         "-H", f"Authorization: Bearer {TOKEN}", name="write")
    finally:
        server.stop()
