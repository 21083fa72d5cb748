"""Crawling a real HTTP server on 127.0.0.1: feeds, sitemaps, pages and the web's bad habits."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime

import duckdb
import pytest

from fixtures.ingest_site import SiteServer
from tieline.ingest import CrawlPolicy, Fetcher, FetchError, WebSource
from tieline.ingest.fetch import MemoryValidators
from tieline.pipeline import RunStats


@pytest.fixture(scope="module")
def server():
    with SiteServer() as site:
        yield site


@pytest.fixture
def site(server):
    server.reset()
    return server


def policy(**overrides) -> CrawlPolicy:
    base = dict(allow_private=True, delay=0.02, timeout=0.5, retries=1, backoff=0.02, max_bytes=1_000_000)
    return CrawlPolicy(**{**base, **overrides})


def crawl(site, **kwargs):
    stats = RunStats()
    options = {"policy": policy(), **kwargs}
    docs = list(WebSource(**options).read(stats))
    return docs, stats


def reasons(stats: RunStats) -> dict[str, str]:
    """failure reason by the path of the URL it concerns"""
    return {f.source.split("/", 3)[3]: f.reason for f in stats.failures}


def test_loopback_is_refused_without_allow_private(site):
    docs, stats = crawl(site, urls=[site.url("/news/ghana-togo-border.html")], policy=CrawlPolicy())
    assert docs == []
    [failure] = stats.failures
    assert failure.reason == "private-address"
    assert "127.0.0.1" in failure.message and "--allow-private" in failure.message
    assert site.hits == []  # refused before any connection, robots.txt included


def test_feeds_and_sitemaps_give_articles_and_every_bad_page_a_reason(site):
    docs, stats = crawl(site, feeds=[site.url("/feeds/rss.xml"), site.url("/feeds/atom.xml")],
                        sitemaps=[site.url("/sitemaps/index.xml")])
    paths = sorted(d.url.split("/", 3)[3] for d in docs)
    assert paths == ["flaky", "news/brazil-argentina-mixed.html", "news/chile-peru-fishing.html",
                     "news/ghana-togo-border.html", "news/ministres-dakar.html", "news/nordic-defence.html"]
    assert reasons(stats) == {
        "missing": "http-404", "loop-a": "redirect-loop", "slow": "timeout", "news/old-story.html": "http-404",
        "private/secret.html": "robots-disallowed", "report.pdf": "not-a-page", "huge": "too-large",
        "huge-declared": "too-large", "empty.html": "empty", "news/archive-2019.html": "http-404",
        "sitemaps/broken.xml": "bad-sitemap",
    }
    assert all(f.message.startswith("http://127.0.0.1") for f in stats.failures)
    # the tracking parameters of the feed's link are gone from the id; the redirect's target is the URL
    ghana = next(d for d in docs if "ghana" in d.url)
    assert ghana.id == site.url("/news/ghana-togo-border.html") and str(ghana.published) == "2024-06-12"
    nordic = next(d for d in docs if "nordic" in d.url)
    assert nordic.metadata["requested_url"] == site.url("/redirected")
    # listed in a feed and in a sitemap (with tracking parameters or a #fragment): fetched once
    assert site.paths().count("/news/chile-peru-fishing.html") == 1
    assert stats.counts["crawl"]["skipped:listed-twice"] == 4
    assert "/private/secret.html" not in site.paths()


def test_manners_user_agent_delay_robots_first(site):
    crawl(site, urls=[site.url("/news/ghana-togo-border.html"), site.url("/news/chile-peru-fishing.html"),
                      site.url("/news/nordic-defence.html")], policy=policy(delay=0.25))
    assert site.paths()[0] == "/robots.txt"
    assert all("tieline/" in hit.headers.get("User-Agent", "") for hit in site.hits)
    times = [hit.time for hit in site.hits]
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= 0.24, gaps


def test_robots_crawl_delay_raises_the_delay(site):
    site.custom["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: tieline\nCrawl-delay: 0.3\n")
    crawl(site, urls=[site.url("/news/ghana-togo-border.html"), site.url("/news/chile-peru-fishing.html")])
    times = [hit.time for hit in site.hits]
    assert times[2] - times[1] >= 0.29


def test_robots_rules_for_tieline_by_name(site):
    site.custom["/robots.txt"] = (200, {"Content-Type": "text/plain"},
                                  b"User-agent: *\nAllow: /\n\nUser-agent: tieline\nDisallow: /news/*.html$\n")
    docs, stats = crawl(site, urls=[site.url("/news/ghana-togo-border.html"), site.url("/flaky")])
    assert [d.url for d in docs] == [site.url("/flaky")]
    assert reasons(stats) == {"news/ghana-togo-border.html": "robots-disallowed"}


def test_robots_txt_failing_with_5xx_means_do_not_crawl(site):
    site.custom["/robots.txt"] = (500, {}, b"oops")
    docs, stats = crawl(site, urls=[site.url("/news/ghana-togo-border.html")], policy=policy(retries=0))
    assert docs == [] and reasons(stats) == {"news/ghana-togo-border.html": "robots-unavailable"}


def test_retries_with_backoff_then_success(site):
    site.flaky_failures = 2
    sleeps: list[float] = []
    fetcher = Fetcher(policy(retries=2, backoff=0.01, delay=0), sleep=sleeps.append)
    response = fetcher.get(site.url("/flaky"))
    assert response.status == 200 and b"Lake Victoria" in response.body
    assert site.paths().count("/flaky") == 3 and fetcher.counts.retries == 2
    assert sleeps[-1] >= 2 * sleeps[-2] * 0.8  # exponential, with a little jitter
    site.flaky_failures = 1


def test_giving_up_after_the_retries(site):
    site.flaky_failures = 5
    fetcher = Fetcher(policy(retries=1, backoff=0.01))
    with pytest.raises(FetchError) as caught:
        fetcher.get(site.url("/flaky"))
    assert caught.value.reason == "http-503" and site.paths().count("/flaky") == 2
    site.flaky_failures = 1


def test_conditional_requests_use_etag_and_last_modified(site):
    validators = MemoryValidators()
    fetcher = Fetcher(policy(), validators)
    first = fetcher.get(site.url("/feeds/rss.xml"))
    second = fetcher.get(site.url("/feeds/rss.xml"))
    assert first.status == 200 and second.status == 304 and second.body == b""
    sent = [hit.headers for hit in site.hits if hit.path == "/feeds/rss.xml"]
    assert "If-None-Match" not in sent[0] and sent[1]["If-None-Match"] == first.header("ETag")
    assert sent[1]["If-Modified-Since"] == first.header("Last-Modified")


def test_size_cap_and_page_timeout(site):
    docs, stats = crawl(site, urls=[site.url("/huge"), site.url("/huge-declared")], policy=policy(max_bytes=100_000))
    assert docs == [] and set(reasons(stats).values()) == {"too-large"}
    site.slow_seconds = 1.0
    docs, stats = crawl(site, urls=[site.url("/slow")], policy=policy(timeout=0.3, retries=0))
    assert reasons(stats) == {"slow": "timeout"}
    site.slow_seconds = 2.0


def test_since_skips_old_links(site):
    docs, stats = crawl(site, feeds=[site.url("/feeds/rss.xml")], since=datetime(2024, 1, 1, tzinfo=UTC))
    assert "/news/old-story.html" not in site.paths()
    assert stats.counts["crawl"]["skipped:older-than-since"] == 1


def test_max_pages(site):
    docs, stats = crawl(site, sitemaps=[site.url("/sitemaps/index.xml")], max_pages=2)
    assert len(docs) == 2 and stats.counts["crawl"]["skipped:over-max-pages"] >= 1


def test_gzip_content_encoding_and_declared_charset(site):
    page = "<html><head><title>Café</title></head><body><article><p>Le café est servi à Genève.</p></article></body></html>"
    site.custom["/latin.html"] = (200, {"Content-Type": "text/html; charset=windows-1252", "Content-Encoding": "gzip"},
                                  gzip.compress(page.encode("cp1252")))
    [doc], stats = crawl(site, urls=[site.url("/latin.html")])
    assert "Genève" in doc.content and not stats.failures


# --- through the CLI and the store ------------------------------------------------------------

def test_ingest_feeds_twice_adds_nothing_and_asks_conditionally(run_cli, site, tmp_path):
    db = tmp_path / "web.duckdb"
    args = ["ingest", "--feed", site.url("/feeds/atom.xml"), "--sitemap", site.url("/sitemaps/news.xml"),
            "--db", str(db), "--allow-private", "--delay", "0", "--timeout", "1", "--retries", "1",
            "--max-bytes", "1000000"]
    first = run_cli(*args)
    assert first.returncode == 0, first.stderr
    assert "Summary: read 6, kept 5, duplicated 0, non-English 1" in first.stdout
    assert "huge-declared" in first.stderr or "too-large" in first.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        stored = dict(con.execute("SELECT doc_id, language FROM documents").fetchall())
        paragraphs = con.execute("SELECT doc_id, language FROM document_paragraphs").fetchall()
        reasons_stored = {r for (r,) in con.execute("SELECT reason FROM failures").fetchall()}
        inputs = json.loads(con.execute("SELECT inputs FROM runs").fetchone()[0])
    assert stored[site.url("/news/ministres-dakar.html")] == "fr"
    assert (site.url("/news/brazil-argentina-mixed.html"), "es") in paragraphs
    assert {"too-large", "robots-disallowed", "not-a-page", "empty", "http-404"} <= reasons_stored
    assert inputs == [f"feed:{site.url('/feeds/atom.xml')}", f"sitemap:{site.url('/sitemaps/news.xml')}"]

    site.hits.clear()
    again = run_cli(*args)
    assert again.returncode == 0, again.stderr
    assert "0 stored" in again.stdout
    feed_hits = [h for h in site.hits if h.path in ("/feeds/atom.xml", "/sitemaps/news.xml")]
    assert [h.status for h in feed_hits] == [304, 304]  # validators were kept in the store
    assert not any(h.path.startswith("/news/") for h in site.hits)  # known pages are not fetched again


def test_ingest_refuses_loopback_without_the_flag(run_cli, site, tmp_path):
    result = run_cli("ingest", site.url("/news/ghana-togo-border.html"), "--db", str(tmp_path / "s.duckdb"))
    assert result.returncode == 0
    assert "private-address" in result.stderr and "--allow-private" in result.stderr
    assert site.hits == []


def test_crawl_to_warc_then_ingest_the_archive(run_cli, site, tmp_path):
    archive = tmp_path / "crawl.warc.gz"
    result = run_cli("crawl", "--feed", site.url("/feeds/rss.xml"), "--out", str(archive), "--allow-private",
                     "--delay", "0", "--timeout", "0.5", "--retries", "0")
    assert result.returncode == 0, result.stderr
    assert "Fetched 2 page(s)" in result.stdout and "timeout" in result.stderr
    code = run_cli("code", str(archive), "--format", "jsonl")
    assert code.returncode == 0, code.stderr
    events = [json.loads(line) for line in code.stdout.splitlines()]
    assert {e["doc_id"] for e in events} <= {site.url("/news/ghana-togo-border.html"),
                                             site.url("/news/chile-peru-fishing.html")}
    assert any(e["actor1_country_code"] in ("CHL", "GHA") for e in events)


def test_code_reads_a_url_statelessly(run_cli, site):
    result = run_cli("code", site.url("/news/chile-peru-fishing.html"), "--allow-private", "--delay", "0",
                     "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events and all(e["source_url"] == site.url("/news/chile-peru-fishing.html") for e in events)
    assert any((e["actor1_country_code"], e["actor2_country_code"]) == ("CHL", "PER") for e in events)


def test_crawl_help_and_usage(run_cli):
    help_text = run_cli("crawl", "--help").stdout
    assert "Example:" in help_text and "--allow-private" in help_text and "robots.txt" in help_text
    nothing = run_cli("crawl", "--out", "x.warc.gz")
    assert nothing.returncode == 2 and nothing.stderr.startswith("error: Nothing to crawl")


def test_hostile_links_in_a_feed_are_reported_not_fatal(site):
    links = ["http://127.0.0.1:99999/x", "javascript:alert(1)", "/news/nordic-defence.html", "ftp://example.org/a",
             "http://user:secret@127.0.0.1:1/never", "http://[::1/broken"]
    items = "".join(f"<item><title>t</title><link>{link.replace('&', '&amp;')}</link></item>" for link in links)
    site.custom["/hostile.xml"] = (200, {"Content-Type": "application/rss+xml"},
                                   f"<rss version='2.0'><channel><title>x</title>{items}</channel></rss>".encode())
    docs, stats = crawl(site, feeds=[site.url("/hostile.xml")], policy=policy(retries=0, timeout=0.3))
    assert [d.url for d in docs] == [site.url("/news/nordic-defence.html")]  # a relative link, resolved
    assert sorted(f.reason for f in stats.failures) == ["bad-url", "bad-url", "bad-url", "bad-url", "connection-error"]
    assert all("secret" not in hit.headers.get("Host", "") for hit in site.hits)
