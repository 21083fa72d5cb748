"""Score event dates and places on a team-written set of sentences with expected values.

Each line of the data set (default: benchmarks/data/when_where.jsonl) is one case: `text` (one
or more sentences; the event is the first token equal to `verb`), `published`, `date_source`,
optional `dateline`, the `actors`' ISO alpha-3 codes, and the expected `date` (ISO; a week is its
Monday, a month its first day, a year January 1), `date_precision`, and `place` (city name, or
ISO 3166-2 code for a region), `place_country` and `place_precision`.

A date counts as right when value and precision both match. A place counts as right when the
precision matches and, for a city, its name (accents and case aside) and country; for a region,
its code; for a country, its code. Prints accuracy by expected precision level, and the misses
with --misses.

    python benchmarks/when_where.py [DATA.jsonl] [--misses]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

from tieline.coding.timex import parsed_timex, resolve
from tieline.coding.when import event_date
from tieline.coding.where import event_place
from tieline.geo import fold, load_geo
from tieline.models import Article, Mention
from tieline.nlp import load_pipeline

DEFAULT_DATA = Path(__file__).parent / "data" / "when_where.jsonl"
DATE_LEVELS = ("day", "week", "month", "year", "publication", "crawl", "none")
PLACE_LEVELS = ("city", "admin1", "country", "none")


def place_right(case: dict, place) -> bool:
    if place.precision != case["place_precision"]:
        return False
    if place.precision == "none":
        return True
    if place.country_code != case["place_country"]:
        return False
    if place.precision == "city":
        return fold(place.name.split(",")[0]) == fold(case["place"])
    if place.precision == "admin1":
        return place.adm1_code == case["place"]
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--misses", action="store_true", help="print every case scored wrong")
    args = parser.parse_args()
    cases = [json.loads(line) for line in args.data.read_text("utf-8").splitlines() if line.strip()]

    nlp = load_pipeline()
    loading = time.perf_counter()
    load_geo()
    resolve(parsed_timex("14/02/2022", 0, 10), date(2022, 3, 1))  # dateparser loads its English data once
    started = time.perf_counter()
    docs = list(nlp.pipe(c["text"] for c in cases))
    parsed = time.perf_counter()
    dates, places, misses = defaultdict(lambda: [0, 0]), defaultdict(lambda: [0, 0]), []
    for case, doc in zip(cases, docs, strict=True):
        article = Article(doc_id=case["id"], text=case["text"], published=date.fromisoformat(case["published"]),
                          date_source=case.get("date_source", "document"), dateline=case.get("dateline"))
        verb = next((t for t in doc if t.text == case["verb"]), None)
        if verb is None:
            print(f"{case['id']}: no token {case['verb']!r} in the text", file=sys.stderr)
            return 2
        actors = [Mention(text=c, start=0, end=0, code=c, country_code=c) for c in case["actors"]]
        when = event_date(article, verb.sent, verb)
        where = event_place(article, verb.sent, verb, actors)
        date_ok = (when.value.isoformat() if when.value else None) == case["date"] and \
            when.precision == case["date_precision"]
        place_ok = place_right(case, where)
        for table, level, ok in ((dates, case["date_precision"], date_ok), (places, case["place_precision"], place_ok)):
            table[level][0] += ok
            table[level][1] += 1
        if not (date_ok and place_ok):
            misses.append((case, when, where, date_ok, place_ok))
    resolved = time.perf_counter()

    print(f"cases: {len(cases)} sentences from {args.data.name}")
    for title, table, levels in (("date", dates, DATE_LEVELS), ("place", places, PLACE_LEVELS)):
        print(f"\n{title} accuracy by expected precision")
        right = total = 0
        for level in levels:
            if level in table:
                ok, n = table[level]
                right, total = right + ok, total + n
                print(f"  {level:<12} {ok:>3}/{n:<3} {ok / n:6.1%}")
        print(f"  {'all':<12} {right:>3}/{total:<3} {right / total:6.1%}")
    per_case = (resolved - parsed) / len(cases) * 1000
    print(f"\ngazetteer and dateparser loading (once per process): {started - loading:.2f} s")
    print(f"spaCy parse: {parsed - started:.2f} s; dates and places: {resolved - parsed:.3f} s "
          f"({per_case:.2f} ms per case)")
    if args.misses:
        print("\nmisses:")
        for case, when, where, date_ok, place_ok in misses:
            print(f"  {case['id']}: {case['text']}")
            if not date_ok:
                print(f"      date  want {case['date']} {case['date_precision']}, got {when.value} {when.precision} "
                      f"({when.text!r})")
            if not place_ok:
                print(f"      place want {case['place']} {case['place_country']} {case['place_precision']}, "
                      f"got {where.name} {where.country_code} {where.precision} {where.adm1_code}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
