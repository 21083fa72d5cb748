"""`tieline demo` on the bundled corpus: what `make demo` shows a new user."""

import duckdb
import pytest


@pytest.fixture(scope="module")
def demo_run(run_cli, tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    return run_cli("demo", "--db", str(db)), db


def test_demo_summarises_documents_events_and_pairs(demo_run):
    result, _ = demo_run
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Read 28 document(s): 28 stored" in out
    assert "Strongest cooperative country pairs" in out and "Strongest conflictual country pairs" in out
    cooperative, conflictual = out.split("Strongest conflictual country pairs")
    assert "CUB–PRK (Cuba–North Korea)" in cooperative
    assert "KOR–PRK (South Korea–North Korea)" in conflictual
    assert "1 not-utf8" in out and "1 empty" in out


def test_demo_store_contents(demo_run):
    _, db = demo_run
    with duckdb.connect(str(db), read_only=True) as con:
        _check_store(con)


def _check_store(con):
    per_doc = dict(con.execute(
        "SELECT d.doc_id, count(e.event_id) FROM documents d LEFT JOIN events e USING (doc_id) GROUP BY d.doc_id"
    ).fetchall())
    assert per_doc["text/recipe.txt"] == 0 and per_doc["html/shop-product.html"] == 0  # not news
    news = {doc: n for doc, n in per_doc.items() if doc not in ("text/recipe.txt", "html/shop-product.html")}
    assert len(news) >= 20 and all(n > 0 for n in news.values())
    reasons = {r for (r,) in con.execute("SELECT reason FROM failures").fetchall()}
    assert reasons == {"not-utf8", "empty"}
    assert con.execute("SELECT count(DISTINCT actor1_country_code) FROM events").fetchone()[0] >= 15
    assert con.execute("SELECT count(*) FROM events WHERE quad_class IN (3, 4)").fetchone()[0] >= 20
    (status,) = con.execute("SELECT status FROM runs").fetchone()
    assert status == "finished"


def test_demo_again_adds_nothing(run_cli, demo_run):
    _, db = demo_run
    result = run_cli("demo", "--db", str(db))
    assert "0 stored, 28 already in the store" in result.stdout
