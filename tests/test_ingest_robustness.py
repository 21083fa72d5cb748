"""Whole runs on hostile input, property-based: random bytes, truncated gzip, malformed HTML and random
JSON lines, fed to every source (files of each type, WARC archives, web pages, feeds, sitemaps).

For every generated input: nothing crashes, every input (and every JSON line) ends as an article or
as a failure with a reason, every input built to be bad is reported with a fitting reason, and
every good document mixed in reaches the articles with its text.
"""

from __future__ import annotations

import gzip
import io
import json
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.warcwriter import WARCWriter

from fixtures.ingest_site import SiteServer
from tieline.api import read_articles
from tieline.ingest import CrawlPolicy, IngestOptions
from tieline.ingest.warc import write_response
from tieline.pipeline import RunStats

COUNTRIES = ["Finland", "Norway", "Ghana", "Togo", "Chile", "Peru", "Kenya", "Uganda"]


def good_sentence(n: int) -> str:
    a, b = COUNTRIES[n % 8], COUNTRIES[(n + 3) % 8]
    return (f"In report number {n}, the foreign minister of {a} met the ambassador of {b} on Monday to discuss "
            f"trade, fisheries and the border crossings between the two countries.")


def good_html(n: int) -> str:
    return ("<html><head><title>Talks between neighbours</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Talks between neighbours</h1><p>{good_sentence(n)}</p>"
            "<p>Officials from both governments said the talks would continue next month in the capital.</p>"
            "<p>Neither side gave details of the proposals that were discussed at the meeting.</p></article>"
            "<footer>© 2024 Example News</footer></body></html>")


@dataclass
class Item:
    name: str
    data: bytes
    good: list[int] = field(default_factory=list)  # numbers of the good sentences inside
    bad_reasons: set[str] = field(default_factory=set)  # non-empty: must fail with one of these
    lines: bool = False  # JSON lines: account for every line


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["id", "text", "html", "url",
                                                                                 "published", "x"]), inner,
                                                                max_size=4),
    max_leaves=8,
)


@st.composite
def jsonl_item(draw, n: int) -> Item:
    lines, good = [], []
    for i in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["good", "json", "text", "bytes"]))
        if kind == "good":
            good.append(n * 10 + i)
            lines.append(json.dumps({"id": f"g{n}-{i}", "text": good_sentence(n * 10 + i)}).encode())
        elif kind == "json":
            lines.append(json.dumps(draw(json_values)).encode())
        elif kind == "text":
            lines.append(draw(st.text(max_size=60)).encode("utf-8", "surrogatepass").replace(b"\n", b" "))
        else:
            lines.append(draw(st.binary(max_size=60)).replace(b"\n", b" "))
    return Item(f"{n}.jsonl", b"\n".join(lines) + b"\n", good=good, lines=True)


@st.composite
def file_item(draw, n: int) -> Item:
    kind = draw(st.sampled_from(["good-txt", "good-html", "random", "nul", "truncated-gzip", "malformed-html",
                                 "jsonl", "json-array", "good-warc", "truncated-warc"]))
    if kind == "good-txt":
        return Item(f"{n}.txt", good_sentence(n).encode(), good=[n])
    if kind == "good-html":
        return Item(f"{n}.html", good_html(n).encode(), good=[n])
    if kind == "random":
        suffix = draw(st.sampled_from([".txt", ".html", ".json", ".jsonl", ".warc", ".html.gz", ".warc.gz"]))
        return Item(f"{n}{suffix}", draw(st.binary(max_size=300)))
    if kind == "nul":
        data = draw(st.binary(min_size=1, max_size=100)) + b"\x00" + draw(st.binary(max_size=100))
        return Item(f"{n}.txt", data, bad_reasons={"binary"})
    if kind == "truncated-gzip":
        inner = draw(st.sampled_from(["txt", "html", "jsonl"]))
        payload = good_html(n).encode() if inner == "html" else good_sentence(n).encode() * 3
        packed = gzip.compress(payload)
        cut = draw(st.integers(1, len(packed) - 9))  # the last 8 bytes are the CRC and size
        return Item(f"{n}.{inner}.gz", packed[:cut], bad_reasons={"truncated-gzip"})
    if kind == "malformed-html":
        pieces = draw(st.lists(st.sampled_from(["<p>", "</p>", "<div", ">", "<script>", "</", "&amp", "<!--",
                                                "<table><tr><td>", "\x0c", "<br/>", "word ", "<<>>"])
                               | st.text(max_size=20), max_size=30))
        return Item(f"{n}.html", "".join(pieces).encode("utf-8", "surrogatepass"))
    if kind == "jsonl":
        return draw(jsonl_item(n))
    if kind == "json-array":
        values = draw(st.lists(json_values, max_size=4))
        return Item(f"{n}.json", json.dumps([{"id": f"a{n}", "text": good_sentence(n)}, *values]).encode(), good=[n])
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    record_ends = []
    for i in range(3):
        write_response(writer, f"https://news.example.org/{n}/{i}", 200, [("Content-Type", "text/html")],
                       good_html(n * 10 + i).encode())
        record_ends.append(len(buffer.getvalue()))
    data = buffer.getvalue()
    if kind == "good-warc":
        return Item(f"{n}.warc.gz", data, good=[n * 10 + i for i in range(3)])
    cut = max(1, int(draw(st.floats(0, 0.999)) * len(data)))  # record ids differ per run: draw a share
    if cut in record_ends:
        cut -= 1  # cut at a record's end, the archive is whole (shorter), not truncated: cut into the record
    return Item(f"{n}.warc.gz", data[:cut], bad_reasons={"truncated-warc", "empty", "bad-warc"})


@st.composite
def file_sets(draw) -> list[Item]:
    count = draw(st.integers(1, 6))
    return [draw(file_item(n)) for n in range(count)]


def outcomes(stats: RunStats, articles) -> list[tuple[str, str]]:
    """(source, "article" or failure reason) for everything that came out of a run."""
    return [(a.source, "article") for a in articles] + [(f.source, f.reason) for f in stats.failures]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(items=file_sets())
def test_files_of_every_kind(tmp_path_factory, items):
    folder = tmp_path_factory.mktemp("hostile")
    for item in items:
        (folder / item.name).write_bytes(item.data)
    stats = RunStats()
    articles = list(read_articles([folder], stats))
    seen = outcomes(stats, articles)
    texts = "\n".join(a.text for a in articles)
    for item in items:
        path = str(folder / item.name)
        mine = [(source, what) for source, what in seen if source == path or source.startswith((path + ":", path + "#", path + "[", path + " "))]
        assert mine, f"{item.name} vanished without a trace"
        if item.bad_reasons:
            assert any(what in item.bad_reasons for _, what in mine), (item.name, mine)
        if item.lines:
            file_failed = any(source == path for source, _ in mine)
            for lineno, line in enumerate(item.data.split(b"\n"), 1):
                if line.strip(b" \t\r\x0b\x0c") and not file_failed:
                    assert any(source == f"{path}:{lineno}" for source, _ in mine), (item.name, lineno, line, mine)
        for n in item.good:
            assert good_sentence(n) in texts, (item.name, n)
    for failure in stats.failures:
        assert failure.reason and failure.message and failure.stage


@pytest.fixture(scope="module")
def server():
    with SiteServer() as site:
        yield site


PAGE_TYPES = ["text/html; charset=utf-8", "text/plain", "application/xml", "application/pdf", ""]


@st.composite
def web_sets(draw):
    pages = []  # (path, status, headers, body, good number or None, must-fail reasons)
    for n in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["good", "random", "truncated-gzip", "malformed", "status"]))
        path = f"/hostile/{n}"
        if kind == "good":
            pages.append((path, 200, {"Content-Type": "text/html; charset=utf-8"}, good_html(n).encode(), n, set()))
        elif kind == "random":
            content_type = draw(st.sampled_from(PAGE_TYPES))
            pages.append((path, 200, {"Content-Type": content_type} if content_type else {},
                          draw(st.binary(max_size=300)), None, set()))
        elif kind == "truncated-gzip":
            packed = gzip.compress(good_html(n).encode())
            cut = draw(st.integers(1, len(packed) - 9))
            pages.append((path, 200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, packed[:cut], None,
                          {"truncated-gzip", "bad-content-encoding"}))
        elif kind == "malformed":
            junk = draw(st.text(alphabet="<>/p div&;!-\"'=abc ", max_size=80))
            pages.append((path, 200, {"Content-Type": "text/html"}, junk.encode(), None, set()))
        else:
            status = draw(st.sampled_from([400, 403, 404, 410, 500, 501]))
            pages.append((path, status, {}, b"", None, {f"http-{status}"}))
    feed_body = draw(st.one_of(st.binary(max_size=200), st.just(None)))
    sitemap_body = draw(st.one_of(st.binary(max_size=200), st.just(None)))
    return pages, feed_body, sitemap_body


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(case=web_sets())
def test_pages_feeds_and_sitemaps(server, case):
    pages, feed_body, sitemap_body = case
    server.reset()
    base = server.base
    items = "".join(f"<item><title>t{i}</title><link>{base}{p[0]}</link></item>" for i, p in enumerate(pages))
    valid_feed = f"<?xml version='1.0'?><rss version='2.0'><channel><title>x</title>{items}</channel></rss>"
    urls = "".join(f"<url><loc>{base}{p[0]}</loc></url>" for p in pages)
    valid_sitemap = f"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>"
    server.custom["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"},
                                  valid_feed.encode() if feed_body is None else feed_body)
    server.custom["/sitemap.xml"] = (200, {"Content-Type": "application/xml"},
                                     valid_sitemap.encode() if sitemap_body is None else sitemap_body)
    server.custom["/feed-ok.xml"] = (200, {"Content-Type": "application/rss+xml"}, valid_feed.encode())
    for path, status, headers, body, _, _ in pages:
        server.custom[path] = (status, headers, body)
    options = IngestOptions(feeds=[f"{base}/feed.xml", f"{base}/feed-ok.xml"], sitemaps=[f"{base}/sitemap.xml"],
                            policy=CrawlPolicy(allow_private=True, delay=0, timeout=1, retries=0))
    stats = RunStats()
    articles = list(read_articles([], stats, options))
    seen = outcomes(stats, articles)
    texts = "\n".join(a.text for a in articles)
    for path, _, _, _, good, must in pages:
        url = base + path
        mine = [what for source, what in seen if source == url]
        assert mine, f"{url} vanished without a trace: {seen}"
        if must:
            assert any(what in must for what in mine), (url, mine)
        if good is not None:
            assert good_sentence(good) in texts
    for name, body in (("/feed.xml", feed_body), ("/sitemap.xml", sitemap_body)):
        if body is not None:  # random bytes: parsed (by luck) or reported
            reported = any(source == base + name for source, _ in seen)
            parsed = stats.counts["crawl"]["feeds" if "feed" in name else "sitemaps"] > (1 if "feed" in name else 0)
            assert reported or parsed, (name, seen)
