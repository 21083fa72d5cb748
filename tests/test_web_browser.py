"""The dashboard in a real Chromium (Debian's package, driven by Playwright): pick a country, see its
ties, open a pair's chart, open an event's sentence. Screenshots go to test-artifacts/."""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect

from web_support import Server, demo_store

CHROMIUM = Path(os.environ.get("TIELINE_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = Server(demo_store(tmp_path_factory))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        message = f"Chromium is missing at {CHROMIUM}; `make test` installs it with apt-get (package chromium)."
        if os.environ.get("CI"):
            pytest.fail(message)  # CI must run the browser tests, not skip them
        pytest.skip(message)

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM), headless=True,
            args=CHROMIUM_ARGS, viewport={"width": 1360, "height": 900}, service_workers="block",
        )
        yield context
        context.close()


@pytest.fixture
def page(browser_context, server):
    """A page that may only talk to the test server: any other request fails the test."""
    page = browser_context.new_page()
    foreign, errors = [], []

    def only_local(route):
        if route.request.url.startswith(server.url + "/"):
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield page
    page.close()
    assert not foreign, f"the dashboard asked for resources elsewhere: {foreign}"
    assert not errors, f"the page reported errors: {errors}"


def test_pick_a_country_open_a_pair_and_read_an_event_sentence(page, server):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(server.url + "/")
    page.wait_for_selector("#country option[value=PRK]", state="attached")
    page.select_option("#country", "PRK")

    network = page.locator("#network")
    for partner in ("CUB", "CHN"):
        network.locator(f"g.node[data-code={partner}]").wait_for()
    assert network.locator("g.node.focus[data-code=PRK]").count() == 1
    # Ties are coloured by cooperation: Cuba's (all cooperative) differs from South Korea's (conflict).
    colour = {code: network.locator(f"g.node[data-code={code}] circle").get_attribute("fill") for code in ("CUB", "KOR")}
    assert colour["CUB"] != colour["KOR"]
    page.locator("#partners tr.partner-row[data-partner=CUB]").wait_for()

    network.locator("g.node[data-code=CUB]").click()
    chart = page.locator("#dyad-chart")
    chart.locator("g.period rect.bar").first.wait_for()
    assert "North Korea – Cuba" in page.locator("#dyad-title").inner_text()
    assert chart.locator("rect.bar.q1").count() >= 1  # verbal cooperation
    assert chart.locator("polyline.gold-line").count() == 1

    expected = httpx.get(server.url + "/api/events", params={
        "actor": "PRK", "target": "CUB", "direction": "both", "limit": 25}).json()
    page.locator("#events tr.event-row").first.wait_for()
    rows = page.locator("#events tr.event-row")
    assert rows.count() == expected["total"]
    # An event reported more than once says so in its row, and opens with every report, the first one first.
    first = next(item for item in expected["items"] if item["num_mentions"] > 1)
    row = page.locator(f'#events tr.event-row[data-event-id="{first["event_id"]}"]')
    assert row.locator(".reports-badge").inner_text() == f'{first["num_mentions"]} reports'
    row.click()
    evidence = page.locator(f'#events tr.event-row[data-event-id="{first["event_id"]}"] + tr.evidence-row')
    sentences = evidence.locator("blockquote.sentence")
    sentences.first.wait_for()
    assert sentences.count() == first["num_mentions"]
    assert sentences.first.inner_text().strip() == first["sentence"].strip()
    assert evidence.locator(".mention").first.locator(".first-report").count() == 1
    summary = evidence.locator(".reports-summary").inner_text().lower()
    assert summary.startswith("reported twice" if first["num_mentions"] == 2 else f'reported {first["num_mentions"]} times')
    assert f'{first["num_articles"]} article' in summary and f'{first["num_sources"]} source' in summary
    assert evidence.locator("mark.span-event").count() == first["num_mentions"]
    # An event from a page with a URL opens with the link to its source.
    linked = next(item for item in expected["items"] if item["source_url"] and item["event_id"] != first["event_id"])
    page.locator(f'#events tr.event-row[data-event-id="{linked["event_id"]}"]').click()
    evidence = page.locator(f'#events tr.event-row[data-event-id="{linked["event_id"]}"] + tr.evidence-row')
    link = evidence.locator("a.source-link").first
    link.wait_for()
    assert link.get_attribute("href") == linked["source_url"]
    assert evidence.locator("blockquote.sentence").first.inner_text().strip() == linked["sentence"]
    page.screenshot(path=str(ARTIFACTS / "dashboard-prk-cub.png"), full_page=True)


def test_clicking_a_period_lists_only_its_events_and_filters_apply(page, server):
    page.goto(server.url + "/#country=PRK&partner=KOR&by=quarter")
    page.locator("#dyad-chart g.period rect.bar").first.wait_for()
    page.locator("#events tr.event-row").first.wait_for()
    everything = page.locator("#events tr.event-row").count()
    busiest = page.locator("#dyad-chart g.period:has(rect.bar)").first
    period = busiest.get_attribute("data-period")
    busiest.locator("rect.hit").click(force=True)
    page.locator("#event-chips button.chip.active").wait_for()
    page.locator("#events tr.event-row").first.wait_for()
    dates = page.locator("#events tr.event-row td.date").all_inner_texts()
    assert dates and all(d >= period for d in dates)
    assert len(dates) <= everything

    page.select_option("#quad", "3")  # verbal conflict only
    expect(page.locator("#event-chips .chip.q3")).to_have_count(1)
    expect(page.locator("#events tr.event-row .badge").filter(has_not_text="Verbal conflict")).to_have_count(0)
    expect(page.locator("#dyad-chart rect.bar.q1")).to_have_count(0)
    page.locator("#dyad-chart rect.bar.q3").first.wait_for()
    page.fill("#since", "2099-01-01")
    page.locator("#since").dispatch_event("change")
    page.locator("#events td.empty").wait_for()
    page.screenshot(path=str(ARTIFACTS / "dashboard-filters.png"), full_page=True)
