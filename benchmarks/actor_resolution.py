"""Score tieline's actor resolution on NGEC's actor-resolution assertions.

    python benchmarks/actor_resolution.py /work/shared/eval/events/actors/ngec_actor_resolution_tests.tsv

Each row gives a phrase (`input_text`), sometimes a context and a date, and what an analyst
expects: a country (`expected_country`, or `expected_cc` for the nationality search rows) and a
PLOVER sector (`expected_code_1`). The phrase is resolved with `tieline.actors.lookup_actor`, on
the row's date ("today" and empty dates: the day the script runs) and with the row's context.

- country is right when the first actor's country code, or for international bodies its PLOVER
  country (UNO, EUR, IGO), equals the expected one;
- sector is right when the first actor's PLOVER sector equals `expected_code_1`; for bodies whose
  expected code is a PLOVER country (UNO, EUR, IGO, NGO) that code is compared instead.

Figures are over every row that carries an expected value (the acceptance measure), and again
without the rows NGEC itself marks `skip` or `xfail`. Every failure is printed.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from tieline.actors import lookup_actor
from tieline.models import Mention

BODY_CODES = {"UNO", "EUR", "IGO", "NGO", "IMG", "MNC"}
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y")


@dataclass
class Row:
    line: int
    text: str
    context: str
    when: date
    country: str
    sector: str
    marked: bool


def parse_date(text: str, today: date) -> date:
    text = text.strip()
    if not text or text.lower() == "today":
        return today
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text.title() if "%B" in fmt else text, fmt).date()
        except ValueError:
            continue
    raise SystemExit(f"error: cannot read the date '{text}'")


def read_rows(path: Path, today: date) -> list[Row]:
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for n, rec in enumerate(csv.DictReader(handle, delimiter="\t"), start=2):
            country = (rec.get("expected_country") or rec.get("expected_cc") or "").strip()
            sector = (rec.get("expected_code_1") or "").strip()
            if not (country or sector) or rec.get("method") == "query_wiki":
                continue
            rows.append(Row(n, rec["input_text"], rec.get("context") or "", parse_date(rec.get("date") or "", today),
                            country, sector, (rec.get("marks") or "").strip() in ("skip", "xfail")))
    return rows


def country_of(m: Mention | None) -> str:
    return "" if m is None else (m.country_code or m.plover_country or "")


def sector_of(m: Mention | None, expected: str) -> str:
    if m is None:
        return ""
    if expected in BODY_CODES and m.plover_country:
        return m.plover_country
    return m.plover_sector or ""


def describe(m: Mention | None) -> str:
    if m is None:
        return "nothing"
    return f"{m.code} (country {country_of(m) or '-'}, sector {m.plover_sector or '-'}, {m.name or m.text!r})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("tsv", type=Path, help="ngec_actor_resolution_tests.tsv")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(),
                        help="the date used for rows dated 'today' (default: the day the script runs)")
    args = parser.parse_args(argv)
    if not args.tsv.exists():
        print(f"error: {args.tsv} does not exist", file=sys.stderr)
        return 2
    rows = read_rows(args.tsv, args.today)
    lookup_actor("warm-up")
    started = time.perf_counter()
    totals = {"country": [0, 0, 0, 0], "sector": [0, 0, 0, 0]}  # right, rows, right unmarked, rows unmarked
    failures = []
    for row in rows:
        found = lookup_actor(row.text, when=row.when, context=row.context or None)
        first = found[0] if found else None
        for what, expected, got in (("country", row.country, country_of(first)),
                                    ("sector", row.sector, sector_of(first, row.sector))):
            if not expected:
                continue
            ok = got == expected
            t = totals[what]
            t[0] += ok
            t[1] += 1
            if not row.marked:
                t[2] += ok
                t[3] += 1
            if not ok:
                failures.append((row, what, expected, describe(first)))
    elapsed = time.perf_counter() - started

    print(f"{'line':>5}  {'what':7} {'expected':9} phrase -> got")
    for row, what, expected, got in failures:
        extra = f" [context {row.context!r}]" if row.context else ""
        mark = " (NGEC marks it skip/xfail)" if row.marked else ""
        print(f"{row.line:>5}  {what:7} {expected:9} {row.text!r}{extra} on {row.when} -> {got}{mark}")
    print()
    print(f"phrases resolved: {len(rows)} in {elapsed:.2f} s ({len(rows) / elapsed:.0f} phrases/s)")
    for what, (ok, n, ok_u, n_u) in totals.items():
        print(f"{what:7} correct: {ok}/{n} = {ok / n:.1%} of the rows that carry one"
              f"  (without NGEC's skip/xfail rows: {ok_u}/{n_u} = {ok_u / n_u:.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
