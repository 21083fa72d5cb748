"""Document identity: normalised URLs without tracking parameters, content hashes, and re-ingest
idempotency in the store."""

from __future__ import annotations

import json

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tieline.ingest import Identities, document_key, normalize_url, url_key
from tieline.models import Document
from tieline.pipeline import RunStats
from tieline.store import Store


@pytest.mark.parametrize("raw, normal", [
    ("HTTPS://News.Example.ORG:443/World/../Asia/./story.html?utm_source=rss&id=7&fbclid=x#comments",
     "https://news.example.org/Asia/story.html?id=7"),
    ("http://example.org", "http://example.org/"),
    ("http://example.org:8080/a?b=2&a=1&gclid=3&utm_medium=email", "http://example.org:8080/a?a=1&b=2"),
    ("https://example.org/%7euser/caf%c3%a9?q=a%2fb", "https://example.org/~user/caf%C3%A9?q=a/b"),
    ("https://example.org/app#!/story/12", "https://example.org/app#!/story/12"),
    ("https://user:secret@example.org/a", "https://example.org/a"),
    ("https://bücher.example/neu", "https://xn--bcher-kva.example/neu"),
    ("https://example.org/?ref=twitter&page=2&mc_cid=1&at_medium=social", "https://example.org/?page=2"),
])
def test_normalize_url(raw, normal):
    assert normalize_url(raw) == normal


def test_url_key_folds_scheme_and_www():
    assert url_key("http://www.example.org/a?utm_source=x") == url_key("https://example.org/a") == "url:example.org/a"
    assert url_key("https://example.org/a?id=1") != url_key("https://example.org/a?id=2")


def test_document_key_is_url_or_content_hash():
    with_url = Document(id="x", source="s", content="anything", url="https://example.org/a?utm_source=y")
    assert document_key(with_url) == "url:example.org/a"
    one = Document(id="a.txt", source="a", content="Same text.\r\n")
    two = Document(id="b.txt", source="b", content="Same text.\n")
    assert document_key(one) == document_key(two) and document_key(one).startswith("sha256:")


urls = st.builds(
    lambda scheme, host, path, query, frag: f"{scheme}://{host}/{path}?{query}#{frag}",
    st.sampled_from(["http", "https", "HTTP"]),
    st.from_regex(r"(www\.)?[a-z]{1,8}\.(org|com|de)(:[0-9]{2,4})?", fullmatch=True),
    st.text(alphabet="abc/._-~%é", max_size=20),
    st.lists(st.tuples(st.sampled_from(["id", "utm_source", "p", "fbclid", "Q"]), st.text("xyz1 &=", max_size=4)),
             max_size=4).map(lambda pairs: "&".join(f"{k}={v}" for k, v in pairs)),
    st.text(alphabet="ab!/", max_size=5),
)


@settings(max_examples=200, deadline=None)
@given(urls)
def test_normalising_twice_changes_nothing(url):
    once = normalize_url(url)
    assert normalize_url(once) == once
    assert url_key(once) == url_key(url)
    assert "utm_source" not in once and "fbclid" not in once


def test_identities_in_a_run_and_in_the_store(tmp_path):
    from tieline.models import Article

    stats = RunStats()
    with Store(tmp_path / "s.duckdb") as store:
        ids = Identities(store)
        first = Document(id="a.txt", source="one/a.txt", content="Report one.")
        same = Document(id="a.txt", source="copy/a.txt", content="Report one.")
        other = Document(id="a.txt", source="two/a.txt", content="A different report.")
        assert ids.admit(first, stats) and not ids.admit(same, stats)
        assert ids.admit(other, stats) and other.id.startswith("a.txt#")
        run = store.begin_run([], "c", "v")
        store.write_batch(run, [(Article(doc_id=first.id, text="Report one.", doc_key=first.key), []),
                                (Article(doc_id=other.id, text="A different report.", doc_key=other.key), [])])
        ids.committed([(first.id, first.key), (other.id, other.key)])
        later = Identities(store)
        assert not later.admit(Document(id="renamed.txt", source="x", content="Report one."), stats)
        third = Document(id="a.txt", source="three/a.txt", content="A third report.")
        assert later.admit(third, stats) and third.id != "a.txt"
        assert later.known(first.key) and not later.known("url:nowhere.example/")
    assert stats.counts["dedup"] == {"repeated-in-run": 1, "renamed-id-clash": 2, "already-stored": 1}


def test_reingesting_the_same_inputs_adds_nothing(run_cli, tmp_path):
    docs = tmp_path / "docs"
    (docs / "a").mkdir(parents=True)
    (docs / "b").mkdir()
    (docs / "a" / "report.txt").write_text("Poland expelled a Russian diplomat on Monday.", encoding="utf-8")
    (docs / "b" / "report.txt").write_text("Japan praised Vietnam on Tuesday.", encoding="utf-8")
    (docs / "b" / "copy.txt").write_text("Poland expelled a Russian diplomat on Monday.", encoding="utf-8")
    (docs / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in [
        {"id": "w1", "text": "Chile condemned Peru.", "url": "https://news.example.org/w1?utm_source=a"},
        {"id": "w1-again", "text": "Chile condemned Peru.", "url": "https://www.news.example.org/w1"},
    ]) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    first = run_cli("ingest", str(docs), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "Read 5 document(s): 3 stored" in first.stdout
    assert "Summary: read 5, kept 3, duplicated 2, non-English 0, failed 0." in first.stdout
    with duckdb.connect(str(db), read_only=True) as con:
        before = con.execute("SELECT count(*) FROM documents").fetchone()[0], con.execute(
            "SELECT count(*) FROM events").fetchone()[0]
        keys = [k for (k,) in con.execute("SELECT doc_key FROM documents ORDER BY doc_key").fetchall()]
    assert before[0] == 3 and all(keys) and "url:news.example.org/w1" in keys
    again = run_cli("ingest", str(docs), str(docs / "a"), "--db", str(db))
    assert again.returncode == 0, again.stderr
    assert "0 stored" in again.stdout and "kept 0, duplicated 6" in again.stdout
    with duckdb.connect(str(db), read_only=True) as con:
        after = con.execute("SELECT count(*) FROM documents").fetchone()[0], con.execute(
            "SELECT count(*) FROM events").fetchone()[0]
    assert after == before
