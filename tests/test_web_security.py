"""Security of `tieline serve`: loopback by default, writes only with the token, bounded requests,
no fetching of private addresses, no write lock held between requests."""

from __future__ import annotations

import http.server
import socket
import threading
import time
from pathlib import Path

import pytest

from tieline.store import Store
from tieline.web import check_public_url, is_public_address
from tieline.web.gate import QueryTimeout, StoreGate
from tieline.web.netguard import FetchFailed, UrlRefused, fetch_page
from web_support import TOKEN, Server, copy_store, demo_store

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
    with writer.client() as client:
        response = client.post("/api/ingest/document", headers=AUTH, json={
            "id": "web-test-1", "content": ARTICLE, "url": "https://news.example.org/2024/06/03/cuba-dprk",
            "title": "Cuba praises North Korea", "published": "2024-06-03"})
        assert response.status_code == 201, response.text
        result = response.json()
        assert result["doc_id"] == "web-test-1" and result["documents_stored"] == 1
        assert result["events_coded"] == len(result["events"]) >= 1
        assert any(e["actor1_country_code"] == "CUB" and e["actor2_country_code"] == "PRK" for e in result["events"])
        stored = client.get("/api/events", params={"doc_id": "web-test-1"}).json()
        assert stored["total"] == result["events_coded"]
        evidence = client.get(f"/api/events/{stored['items'][0]['event_id']}").json()
        assert evidence["urls"] == ["https://news.example.org/2024/06/03/cuba-dprk"]
        assert client.get(f"/api/runs/{result['run_id']}").json()["documents"] == 1
        again = client.post("/api/ingest/document", headers=AUTH, json={"id": "web-test-1", "content": ARTICLE}).json()
        assert again["already_stored"] == 1 and again["documents_stored"] == 0
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

@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost:8080/admin", "http://10.1.2.3/", "http://192.168.0.1/",
    "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://2130706433/",
    "http://0.0.0.0/", "http://100.64.0.1/",
])
def test_url_ingestion_refuses_private_addresses(writer, url):
    with writer.client() as client:
        before = client.get("/api/health").json()["documents"]
        response = client.post("/api/ingest/url", json={"url": url}, headers=AUTH)
        assert response.status_code == 422, response.text
        assert "not a public address" in response.json()["message"]
        assert client.get("/api/health").json()["documents"] == before


def test_public_address_rules():
    assert is_public_address("93.184.216.34") and is_public_address("2606:4700:4700::1111")
    for address in ("127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                    "0.0.0.0", "224.0.0.1", "::1", "fe80::1%eth0", "fc00::1", "::ffff:10.0.0.1", "2002:0a00:0001::1"):
        assert not is_public_address(address), address


def fake_resolver(mapping):
    def resolve(host, port, type=0):  # noqa: A002 - socket.getaddrinfo's name
        family = socket.AF_INET6 if ":" in mapping[host] else socket.AF_INET
        return [(family, socket.SOCK_STREAM, 6, "", (mapping[host], port))]

    return resolve


def test_a_name_is_judged_by_every_address_it_resolves_to():
    resolve = fake_resolver({"news.example": "93.184.216.34", "intranet.example": "10.0.0.7"})
    assert check_public_url("https://news.example/a", resolve) == ["93.184.216.34"]
    with pytest.raises(UrlRefused, match="10.0.0.7"):
        check_public_url("https://intranet.example/", resolve)
    with pytest.raises(UrlRefused, match="http or https"):
        check_public_url("file:///etc/passwd", resolve)


class _Pages(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's name
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


def test_a_name_that_resolves_differently_when_connecting_gets_nothing(local_site):
    # The check sees a public address, the connection lands on loopback (DNS rebinding): refused.
    port = int(local_site.rsplit(":", 1)[1])
    rebinding = fake_resolver({"127.0.0.1": "93.184.216.34"})
    with pytest.raises(UrlRefused, match="connected to is 127.0.0.1"):
        fetch_page(f"http://127.0.0.1:{port}/article", resolve=rebinding)
    with pytest.raises(FetchFailed, match="cannot be resolved"):
        check_public_url("http://no-such-host.invalid/", resolve=lambda *a, **k: (_ for _ in ()).throw(OSError("no")))


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
            assert result["events_coded"] >= 1
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


def test_fetching_ignores_proxy_settings_in_the_environment(monkeypatch, local_site):
    # A proxy would hide the address actually connected to, so fetches never go through one.
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.setenv(name, f"http://127.0.0.1:{_closed_port()}")
    page = fetch_page(f"{local_site}/article", allow_private=True)
    assert page.media_type == "text/html" and "Diaz-Canel" in page.content
