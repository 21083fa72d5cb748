"""Security of `tieline serve`: loopback by default, writes only with the token, bounded requests,
no fetching of private addresses, no write lock held between requests."""

from __future__ import annotations

import http.server
import socket
import threading
import time
from pathlib import Path

import pytest

from tieline.errors import InputError
from tieline.ingest import CrawlPolicy, Fetcher, FetchError
from tieline.ingest.netguard import BlockedAddress, is_public_address, resolve
from tieline.store import Store
from tieline.web.fetching import FetchFailed, UrlRefused, fetch_page
from tieline.web.gate import QueryTimeout, StoreGate
from web_support import TOKEN, Server, SpecCheck, copy_store, demo_store

AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = (
    "HAVANA, June 3, 2024 -- Cuban President Miguel Diaz-Canel praised North Korea on Monday for what he called "
    "its steadfast friendship.\n\nThe two governments signed an agreement on cooperation in agriculture."
)


@pytest.fixture(scope="module")
def read_only_server(tmp_path_factory):
    server = Server(demo_store(tmp_path_factory))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def writer(tmp_path_factory):
    """A server with the token, a small body limit and a quick release of the store."""
    db = copy_store(demo_store(tmp_path_factory), tmp_path_factory.mktemp("writer"))
    server = Server(db, "--max-body", "65536", "--release-after", "0.5", token=TOKEN)
    server.db = db
    yield server
    server.stop()


# --- listening -------------------------------------------------------------------------------------

def listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket listening on `port`, from /proc/net/tcp and tcp6."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        path = Path(table)
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            address, hex_port = fields[1].split(":")
            if int(hex_port, 16) == port and fields[3] == "0A":  # 0A: LISTEN
                raw = bytes.fromhex(address)
                if len(raw) == 4:
                    found.add(socket.inet_ntop(socket.AF_INET, raw[::-1]))
                else:
                    words = b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4))
                    found.add(socket.inet_ntop(socket.AF_INET6, words))
    return found


def test_listens_on_loopback_only_by_default(read_only_server, run_cli):
    assert listening_addresses(read_only_server.port) == {"127.0.0.1"}
    assert "[default: 127.0.0.1]" in run_cli("serve", "--help").stdout


def test_foreign_host_header_is_refused(read_only_server):
    with read_only_server.client() as client:
        assert client.get("/api/health", headers={"Host": "evil.example"}).status_code == 400
        assert client.get("/api/health", headers={"Host": f"localhost:{read_only_server.port}"}).status_code == 200
        page = client.get("/")
    assert page.status_code == 200
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff" and page.headers["x-frame-options"] == "DENY"


# --- writing needs the token --------------------------------------------------------------------

def test_writes_are_refused_without_a_token(read_only_server, writer):
    document = {"content": ARTICLE}
    with read_only_server.client() as client:
        refused = client.post("/api/ingest/document", json=document, headers=AUTH)
        assert refused.status_code == 401 and "--token" in refused.json()["detail"]
        assert client.post("/api/ingest/url", json={"url": "https://example.org/"}).status_code == 401
    with writer.client() as client:
        before = client.get("/api/health").json()["documents"]
        for headers in ({}, {"Authorization": "Bearer wrong-token-000"}, {"Authorization": TOKEN}):
            response = client.post("/api/ingest/document", json=document, headers=headers)
            assert response.status_code == 401, headers
            assert response.headers["www-authenticate"].startswith("Bearer")
        # Refused before the body is read: even a malformed body gets 401, not 422.
        assert client.post("/api/ingest/document", content=b"{not json", headers={"Content-Type": "application/json"}
                           ).status_code == 401
        assert client.get("/api/health").json()["documents"] == before


def test_a_posted_document_is_coded_and_stored_with_the_token(writer):
    posted = {"id": "web-test-1", "content": ARTICLE, "url": "https://news.example.org/2024/06/03/cuba-dprk",
              "title": "Cuba praises North Korea", "published": "2024-06-03"}
    with writer.client() as client:
        response = client.post("/api/ingest/document", headers=AUTH, json=posted)
        assert response.status_code == 201, response.text
        SpecCheck(writer.url)("POST", "/api/ingest/document", response)
        result = response.json()
        assert result["doc_id"] == "web-test-1" and result["documents_stored"] == 1 and result["dedup"] == "story"
        assert result["events_coded"] == result["events_new"] == len(result["events"]) >= 1
        assert any(e["actor1_country_code"] == "CUB" and e["actor2_country_code"] == "PRK" for e in result["events"])
        assert all(e["num_mentions"] == 1 and e["root_doc_id"] == "web-test-1" for e in result["events"])
        stored = client.get("/api/events", params={"doc_id": "web-test-1"}).json()
        assert stored["total"] == result["events_coded"]
        evidence = client.get(f"/api/events/{stored['items'][0]['event_id']}").json()
        assert evidence["urls"] == ["https://news.example.org/2024/06/03/cuba-dprk"]
        run = client.get(f"/api/runs/{result['run_id']}").json()
        assert run["documents"] == 1 and run["events"] == run["mentions"] == result["events_new"]
        assert run["status"] == "finished" and run["dedup"] == "story" and run["coder_name"] == "cameo.rules"

        # The same document again (the same URL): nothing is added, and the answer names the stored copy.
        again = client.post("/api/ingest/document", headers=AUTH, json={**posted, "title": "Another title"}).json()
        assert again["already_stored"] == 1 and again["documents_stored"] == 0 and again["events_coded"] == 0
        assert again["doc_id"] == "web-test-1" and {e["event_id"] for e in again["events"]} == {
            e["event_id"] for e in result["events"]}

        # Another copy of the story (no URL, so another document) under an id already taken: stored under
        # its own id, and its reports join the events stored before instead of making new ones.
        copy = client.post("/api/ingest/document", headers=AUTH, json={"id": "web-test-1", "content": ARTICLE}).json()
        assert copy["documents_stored"] == 1 and copy["doc_id"].startswith("web-test-1#")
        assert copy["events_new"] == 0 and copy["mentions_merged"] == copy["events_coded"] == result["events_coded"]
        assert {e["event_id"] for e in copy["events"]} == {e["event_id"] for e in result["events"]}
        assert all(e["num_articles"] == 2 and e["root_doc_id"] == "web-test-1" for e in copy["events"])
        evidence = client.get(f"/api/events/{copy['events'][0]['event_id']}").json()
        assert [m["doc_id"] for m in evidence["mentions"]] == ["web-test-1", copy["doc_id"]]
        assert [m["root"] for m in evidence["mentions"]] == [True, False]
        assert client.get("/api/events", params={"doc_id": copy["doc_id"]}).json()["total"] == len(copy["events"])

        # Asked not to group reports, the same story under a new id makes events of its own.
        apart = client.post("/api/ingest/document", headers=AUTH, json={
            "id": "web-test-apart", "content": ARTICLE + "\n\nReported separately.", "dedup": "none"}).json()
        assert apart["dedup"] == "none" and apart["events_new"] == apart["events_coded"] >= 1
        assert client.post("/api/ingest/document", headers=AUTH,
                           json={"content": ARTICLE, "dedup": "fuzzy"}).status_code == 422
        not_utf8 = client.post("/api/ingest/document", headers={**AUTH, "Content-Type": "application/json"},
                               content=b'{"content": "caf\xe9"}')
        assert not_utf8.status_code == 400 and "UTF-8" in not_utf8.json()["detail"]
        empty = client.post("/api/ingest/document", headers=AUTH, json={"content": "   \n  "})
        assert empty.status_code == 201 and empty.json()["failed"] == 1 and empty.json()["failures"][0]["reason"]


def test_the_write_lock_is_released_after_each_write_and_the_store_after_idling(writer):
    with writer.client() as client:
        assert client.post("/api/ingest/document", headers=AUTH,
                           json={"id": "web-test-lock", "content": ARTICLE}).status_code == 201
    # Straight after the write another process can open the store, so no write lock is held.
    with Store(writer.db, read_only=True) as store:
        assert store.counts()["documents"] > 0
    with writer.client() as client:
        assert client.get("/api/events", params={"limit": 1}).status_code == 200
    time.sleep(1.6)  # --release-after 0.5: the idle server lets go of the store
    with Store(writer.db) as store, writer.client() as client:  # read-write, as `tieline ingest` opens it
        store.con.execute("SELECT count(*) FROM events").fetchone()
        busy = client.get("/api/events", params={"limit": 1})
        assert busy.status_code == 503 and "being written by another program" in busy.json()["detail"]
        assert busy.headers["retry-after"]
    with writer.client() as client:
        assert client.get("/api/health").status_code == 200


# --- request size ---------------------------------------------------------------------------------

def test_oversized_requests_are_refused(writer):
    big = {"content": "The envoy visited. " * 5000}  # about 95 kB against --max-body 65536
    with writer.client() as client:
        declared = client.post("/api/ingest/document", json=big, headers=AUTH)
        assert declared.status_code == 413 and "65,536" in declared.json()["detail"]

        def chunks():
            for _ in range(100):
                yield b"x" * 1000

        chunked = client.post("/api/ingest/document", content=chunks(),
                              headers={**AUTH, "Content-Type": "application/json"})
        assert chunked.status_code == 413
        too_long = client.post("/api/ingest/document", headers=AUTH, json={"content": "a", "id": "x" * 301})
        assert too_long.status_code == 422
        assert client.get("/api/events", params={"limit": 1001}).status_code == 422


# --- URL ingestion and private addresses -----------------------------------------------------------

PRIVATE_URLS = [
    "http://127.0.0.1/", "http://localhost:8080/admin", "http://10.1.2.3/", "http://192.168.0.1/",
    "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://2130706433/",
    "http://0x7f.1/", "http://0.0.0.0/", "http://100.64.0.1/", "http://[64:ff9b::a00:1]/", "http://[fe80::1%25lo]/",
]


@pytest.mark.parametrize("url", PRIVATE_URLS)
def test_url_ingestion_refuses_private_addresses(writer, url):
    with writer.client() as client:
        before = client.get("/api/health").json()["documents"]
        response = client.post("/api/ingest/url", json={"url": url}, headers=AUTH)
        assert response.status_code == 422, response.text
        assert "not a public address" in response.json()["message"]
        assert client.get("/api/health").json()["documents"] == before


def test_public_address_rules():
    for address in ("93.184.216.34", "2606:4700:4700::1111", "64:ff9b::5db8:d822", "2002:5db8:d822::1"):
        assert is_public_address(address), address
    for address in ("127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                    "0.0.0.0", "224.0.0.1", "240.0.0.1", "255.255.255.255", "198.18.0.1", "::1", "::", "fe80::1%eth0",
                    "fc00::1", "fec0::1", "ff02::1", "::ffff:10.0.0.1", "::7f00:1", "2002:0a00:0001::1",
                    "2002:7f00:1::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "64:ff9b::7f00:1", "64:ff9b:1::a00:1",
                    "2001:db8::1"):
        assert not is_public_address(address), address


def fake_resolver(mapping):
    def resolve(host, port, type=0):  # noqa: A002 - socket.getaddrinfo's name
        answers = mapping[host] if isinstance(mapping[host], list) else [mapping[host]]
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
                for a in answers]

    return resolve


def test_a_name_is_judged_by_every_address_it_resolves_to():
    resolver = fake_resolver({"news.example": "93.184.216.34", "mixed.example": ["93.184.216.34", "10.0.0.7"]})
    assert resolve("news.example", 443, resolver=resolver).address == "93.184.216.34"
    with pytest.raises(BlockedAddress, match="10.0.0.7, a private-network address"):
        resolve("mixed.example", 443, resolver=resolver)
    assert resolve("mixed.example", 443, allow_private=True, resolver=resolver).addresses == ("93.184.216.34",
                                                                                              "10.0.0.7")
    with pytest.raises(InputError, match="cannot resolve the host"):
        resolve("no-such-host.invalid", 80, resolver=lambda *a, **k: (_ for _ in ()).throw(OSError("no")))


class _Pages(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 - http.server's name
        self.hits.append(self.path)
        if self.path == "/robots.txt":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"User-agent: *\nDisallow: /private/\n")
            return
        if self.path == "/report.pdf":
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.end_headers()
            self.wfile.write(b"%PDF-1.4 not an article")
            return
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
            return
        body = (f"<html><head><title>Cuba and North Korea</title></head><body><nav>Home | World</nav>"
                f"<article><h1>Cuba praises North Korea</h1><p>{ARTICLE.split(chr(10))[0]}</p>"
                f"<p>{ARTICLE.split(chr(10))[-1]}</p></article><footer>All rights reserved</footer></body></html>")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body.encode("utf-8"))

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def local_site():
    site = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=site.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{site.server_address[1]}"
    site.shutdown()


def test_the_connection_goes_to_the_address_that_was_checked(local_site, monkeypatch):
    # DNS rebinding needs a second lookup of the name when connecting; there is none: the name is
    # resolved once, its addresses checked, and the connection made to the checked address.
    port = int(local_site.rsplit(":", 1)[1])
    looked_up = []
    system_lookup = socket.getaddrinfo
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *a, **k: looked_up.append(host) or system_lookup(host, *a, **k))
    resolver = fake_resolver({"news.example": "127.0.0.1"})
    page = fetch_page(f"http://news.example:{port}/article", allow_private=True, resolver=resolver)
    assert "Diaz-Canel" in page.content and page.url == f"http://news.example:{port}/article"
    assert "news.example" not in looked_up and "127.0.0.1" in looked_up
    _Pages.hits.clear()
    with pytest.raises(UrlRefused, match="resolves to 127.0.0.1, a loopback address, which is not a public address"):
        fetch_page(f"http://news.example:{port}/article", resolver=resolver)
    assert _Pages.hits == []  # refused before connecting, robots.txt included


@pytest.mark.parametrize("url", [u for u in PRIVATE_URLS if u.startswith(("http://127", "http://2130", "http://0x7f",
                                                                           "http://[::ffff:127"))])
def test_the_crawler_and_the_server_refuse_the_same_addresses(url, local_site):
    # One guard: the crawler's Fetcher refuses what `POST /api/ingest/url` refuses, before connecting.
    port = int(local_site.rsplit(":", 1)[1])
    parts = url.split("/", 3)
    host = parts[2].rsplit(":", 1)[0] if not parts[2].endswith("]") else parts[2]
    target = f"http://{host}:{port}/article"
    _Pages.hits.clear()
    with pytest.raises(FetchError) as refused:
        Fetcher(CrawlPolicy(delay=0, retries=0)).get(target)
    assert refused.value.reason == "private-address" and "--allow-private" in refused.value.detail
    with pytest.raises(UrlRefused, match="not a public address.*--allow-private-urls"):
        fetch_page(target)
    assert _Pages.hits == []
    assert "Diaz-Canel" in fetch_page(target, allow_private=True).content  # the same page, allowed


def test_url_ingestion_fetches_codes_and_stores_a_page_when_private_addresses_are_allowed(tmp_path, local_site,
                                                                                           tmp_path_factory):
    db = copy_store(demo_store(tmp_path_factory), tmp_path / "private")
    server = Server(db, "--allow-private-urls", token=TOKEN)
    try:
        with server.client() as client:
            response = client.post("/api/ingest/url", json={"url": f"{local_site}/moved"}, headers=AUTH)
            assert response.status_code == 201, response.text
            result = response.json()
            assert result["doc_id"] == f"{local_site}/moved" and result["documents_stored"] == 1
            assert result["events_coded"] >= 1 and result["events"]
            document = client.get("/api/documents", params={"q": "127.0.0.1"}).json()["items"][0]
            assert document["url"] == f"{local_site}/article" and "All rights reserved" not in document["title"]
            missing = client.post("/api/ingest/url", json={"url": f"http://127.0.0.1:{_closed_port()}/"}, headers=AUTH)
            assert missing.status_code == 502 and "failed" in missing.json()["detail"]
    finally:
        server.stop()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- the command line -----------------------------------------------------------------------------

def test_serve_refuses_a_short_token_a_missing_store_and_a_busy_port(run_cli, tmp_path, tmp_path_factory):
    demo = demo_store(tmp_path_factory)
    short = run_cli("serve", "--db", str(tmp_path / "x.duckdb"), "--token", "abc")
    assert short.returncode == 2 and short.stderr.startswith("error:") and "8 characters" in short.stderr
    missing = run_cli("serve", "--db", str(tmp_path / "missing.duckdb"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    assert not (tmp_path / "missing.duckdb").exists()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = run_cli("serve", "--db", str(demo), "--port", str(taken.getsockname()[1]))
    assert busy.returncode == 2 and busy.stderr.startswith("error:") and "cannot listen" in busy.stderr


def test_token_can_be_given_on_the_command_line(tmp_path, tmp_path_factory):
    db = copy_store(demo_store(tmp_path_factory), tmp_path / "flag")
    server = Server(db, "--token", TOKEN)
    try:
        with server.client() as client:
            assert client.get("/api/health").json()["writes_enabled"] is True
            assert client.post("/api/ingest/document", json={"content": ARTICLE}).status_code == 401
    finally:
        server.stop()


# --- query time ----------------------------------------------------------------------------------

def test_a_query_that_runs_too_long_is_stopped(tmp_path):
    db = tmp_path / "gate.duckdb"
    Store(db).close()
    gate = StoreGate(db, query_timeout=0.3)
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="longer than 0.3 s"):
        with gate.reading() as con:
            con.execute("SELECT count(*) FROM range(1000000000000) a")
    assert time.monotonic() - started < 10
    with gate.reading() as con:  # the next request is not affected
        assert con.execute("SELECT 1").fetchone() == (1,)
    gate.close()


def test_a_write_waits_for_readers_and_readers_wait_for_the_write(tmp_path):
    db = tmp_path / "gate.duckdb"
    Store(db).close()
    gate = StoreGate(db, idle_seconds=60)
    log: list[str] = []

    def read(name: str, hold: float) -> None:
        with gate.reading() as con:
            con.execute("SELECT count(*) FROM events").fetchone()
            log.append(f"{name} in")
            time.sleep(hold)
            log.append(f"{name} out")

    first = threading.Thread(target=read, args=("reader-1", 0.4))
    first.start()
    time.sleep(0.1)
    second = None
    with gate.writing() as path:
        log.append("write in")
        second = threading.Thread(target=read, args=("reader-2", 0))
        second.start()
        time.sleep(0.3)
        with Store(path) as store:  # read-write: the shared read-only connection is closed by now
            store.con.execute("SELECT count(*) FROM events").fetchone()
        log.append("write out")
    first.join(5)
    second.join(5)
    assert log == ["reader-1 in", "reader-1 out", "write in", "write out", "reader-2 in", "reader-2 out"]
    gate.close()


def test_pages_that_cannot_be_ingested_are_refused_with_the_reason(local_site):
    with pytest.raises(UrlRefused, match="robots.txt of 127.0.0.1 disallows"):
        fetch_page(f"{local_site}/private/memo.html", allow_private=True)
    with pytest.raises(FetchFailed, match="is application/pdf, not a web page"):
        fetch_page(f"{local_site}/report.pdf", allow_private=True)
    with pytest.raises(FetchFailed, match="cannot resolve the host"):
        fetch_page("http://news.example/", resolver=lambda *a, **k: (_ for _ in ()).throw(OSError("no such name")))


def test_fetching_ignores_proxy_settings_in_the_environment(monkeypatch, local_site):
    # A proxy would hide the address actually connected to, so fetches never go through one.
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.setenv(name, f"http://127.0.0.1:{_closed_port()}")
    page = fetch_page(f"{local_site}/article", allow_private=True)
    assert page.media_type == "text/html" and "Diaz-Canel" in page.content
