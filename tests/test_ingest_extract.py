"""HTML extraction: main text without page furniture, and the metadata around it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tieline.ingest import extract_html, extract_stage
from tieline.ingest.summary import IngestSummary
from tieline.models import Document
from tieline.pipeline import RunStats
from tieline.registry import sources

SITE = Path(__file__).parent / "fixtures" / "site" / "news"


def page(name: str, **kwargs) -> Document:
    return Document(id=name, source=name, content=(SITE / name).read_text("utf-8"), media_type="text/html", **kwargs)


def test_main_text_title_author_date_site():
    article = extract_html(page("ghana-togo-border.html"))
    assert article.title == "Ghana and Togo agree to reopen border crossings"
    assert article.byline == "Akosua Mensah" and article.site_name == "Coastline Herald"
    assert str(article.published) == "2024-06-12" and article.date_source == "extracted"
    assert article.paragraphs[0].startswith("Ghana and Togo agreed on Tuesday")
    assert len(article.paragraphs) == 4
    for furniture in ("Subscribe", "cookies", "Most read", "Football club", "Copyright", "Privacy",
                      "By Akosua Mensah"):
        assert furniture not in article.text, furniture
    assert not article.text.startswith(article.title)  # the headline is not repeated as body text


def test_feed_date_and_site_name_fill_in():
    doc = page("nordic-defence.html", metadata={"site_name": "Northern Ledger"})
    from datetime import date

    doc.published = date(2024, 6, 19)
    article = extract_html(doc)
    assert article.published == date(2024, 6, 19) and article.date_source == "document"
    assert article.site_name == "Northern Ledger"


def test_all_boilerplate_page_is_a_failure_with_reason():
    html = ("<html><body><nav><a href='/'>Home</a> <a href='/x'>World</a></nav>"
            "<footer>© 2024 Example</footer></body></html>")
    stats = RunStats()
    assert list(extract_stage([Document(id="nav.html", source="nav.html", content=html, media_type="text/html")],
                              stats)) == []
    [failure] = stats.failures
    assert failure.reason == "no-main-text" and "boilerplate" in failure.message


def test_every_input_kind_is_a_registered_source():
    assert {"files.v2", "warc.v1", "web.v1", "urls.v1", "feeds.v1", "sitemaps.v1"} <= set(sources.available())


def test_summary_line_counts_by_reason():
    from tieline.models import Failure

    stats = RunStats()
    stats.count("read", "documents", 7)
    stats.count("dedup", "already-stored", 2)
    stats.count("dedup", "repeated-in-run", 1)
    stats.count("language", "non-english-documents", 1)
    stats.count("language", "non-english-paragraphs", 3)
    for reason in ("empty", "not-utf8", "empty"):
        stats.fail(Failure("x", "read", reason, "m"))
    summary = IngestSummary.from_stats(stats, stored=4)
    assert (summary.read, summary.kept, summary.duplicated, summary.non_english) == (7, 3, 3, 1)
    assert summary.line() == ("Summary: read 7, kept 3, duplicated 3, non-English 1 (3 paragraph(s) in other "
                              "languages kept, not coded), failed 3 (2 empty, 1 not-utf8).")


def test_failure_reasons_are_listed_alike_whatever_order_they_came_in():
    from collections import Counter

    from tieline.pipeline import describe_reasons

    # the demo's summary had printed "1 not-utf8, 1 empty" in one run and "1 empty, 1 not-utf8" in the next
    assert describe_reasons(Counter(["not-utf8", "empty"])) == describe_reasons(Counter(["empty", "not-utf8"]))
    assert describe_reasons(Counter(["binary", "empty", "empty"])) == "2 empty, 1 binary"


def test_progress_bar_on_a_terminal(tmp_path):
    """Under a pseudo-terminal `tieline ingest` draws a progress bar on stderr; in a pipe it does not."""
    import pty

    (tmp_path / "a.txt").write_text("Finland signed a defence agreement with Norway on Thursday.", encoding="utf-8")
    exe = str(Path(sys.executable).parent / "tieline")
    args = [exe, "ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "s.duckdb")]
    main, child = pty.openpty()
    env = dict(os.environ, COLUMNS="120", TERM="xterm")
    process = subprocess.Popen(args, stdin=child, stdout=subprocess.PIPE, stderr=child, env=env)
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    process.wait(timeout=120)
    os.close(main)
    drawn = b"".join(chunks).decode("utf-8", "replace")
    assert process.returncode == 0
    assert "ingest" in drawn and "read 1" in drawn and "stored 1" in drawn
    piped = subprocess.run(args[:2] + [str(tmp_path / "a.txt"), "--db", str(tmp_path / "t.duckdb")],
                           capture_output=True, text=True, timeout=120)
    assert "stored 1 ·" not in piped.stderr and "Summary: read 1, kept 1" in piped.stdout


def test_a_text_with_no_date_takes_the_day_its_address_gives():
    # AllSides records with a URL and no date had been dated the day the file was read
    from datetime import UTC, date, datetime

    from tieline.ingest import extract_text

    fetched = datetime(2026, 11, 30, tzinfo=UTC)
    text = "The minister met her counterpart in Paris on Monday to discuss the border."
    dated = extract_text(Document(id="a", source="a", content=text, fetched=fetched,
                                  url="http://www.nytimes.com/2016/09/20/world/europe/border-talks.html"))
    assert dated.published == date(2016, 9, 20) and dated.date_source == "url"
    for url in ("https://news.example.org/world/border-talks-1490769619", None):  # an id is no date
        undated = extract_text(Document(id="b", source="b", content=text, fetched=fetched, url=url))
        assert undated.published == date(2026, 11, 30) and undated.date_source == "crawl"
    for url in ("https://news.example.org/2027/01/05/border-talks.html", "https://news.example.org/2027/01/talks.html"):
        later = extract_text(Document(id="c", source="c", content=text, fetched=fetched, url=url))
        assert later.date_source == "crawl"  # no page is from after it was fetched


def dated(url: str) -> tuple:
    """The date and its source that an undated page fetched on 2026-11-30 takes from its address."""
    from datetime import UTC, datetime

    from tieline.ingest import extract_text

    text = "The minister met her counterpart in Paris on Monday to discuss the border."
    article = extract_text(Document(id="m", source="m", content=text, url=url,
                                    fetched=datetime(2026, 11, 30, tzinfo=UTC)))
    return article.published, article.date_source


def test_an_address_with_a_year_and_a_month_dates_the_page_to_the_month_or_to_its_stamped_day():
    from datetime import date

    assert dated("https://www.aljazeera.com/news/2020/03/border-talks.html") == (date(2020, 3, 1), "url-month")
    assert dated("http://www.example.com/news/2017/04/border-talks") == (date(2017, 4, 1), "url-month")
    # a page number that starts with the address's year and month as YYMMDD gives the day
    stamped = "https://www.aljazeera.com/news/2020/03/korea-fires-200329043852437.html"
    assert dated(stamped) == (date(2020, 3, 29), "url")
    # one that does not is only a number
    assert dated("https://www.example.com/news/2018/11/report-190120115807476.html") == (date(2018, 11, 1), "url-month")


def test_a_wall_street_journal_address_dates_the_page_by_the_unix_time_ending_its_slug():
    from datetime import date

    wsj = "http://www.wsj.com/articles/david-camerons-conservatives-on-course-for-u-k-election-victory-1431065906"
    assert dated(wsj) == (date(2015, 5, 8), "url")
    assert dated("https://www.wsj.com/articles/democrats-promise-probe-of-meetings-11547356133?mod=hp") \
        == (date(2019, 1, 13), "url")  # from 2019 the time has a leading 1
    assert dated("https://www.wsj.com/articles/a-page-from-the-future-1999999999")[1] == "crawl"
    assert dated("https://news.example.org/world/border-talks-1490769619")[1] == "crawl"  # elsewhere an id
