"""Every acceptance figure of the event coder, measured in one run against the field's gold sets.

    python benchmarks/coding_accuracy.py /work/shared/eval/events [--seed PAGE] [--details]

EVENTS_DIR is the folder holding PETR2_GSR_validation.xml, PLOVER_GSR_CAMEO.txt and
confli-cameo/. The seed page defaults to EVENTS_DIR/../../seed/north-korea-ties.txt.
`--confli-split train` measures the confli-cameo training sentences instead of the test ones
(patterns are developed against train; the test figure is only ever measured).

Every acceptance figure is for the coder as shipped: its default actor policy, "source" (a known
source — a country, a group, or a role alone such as "rebels" or "police" — and a known target
or none). For reference the same measures are printed with two known actors required ("both")
and with the actor requirement lifted ("any"), which measures the event typing alone.
Throughput: sentences/second of spaCy's parse alone and of coding alone (actor resolution,
patterns, moods and events) on the same sentences.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
from collections import Counter
from pathlib import Path

from tieline.coding import evaluate as ev
from tieline.coding.rules import RulesCoder
from tieline.ingest import extract_text
from tieline.models import Document


def _seed(coder: RulesCoder, page: Path) -> None:
    raw = page.read_text("utf-8")
    article = extract_text(Document(id=page.name, source=str(page), content=raw))
    events = coder.code_doc(article, coder.nlp(article.text))
    dropped = [line.strip() for line in raw.splitlines() if line.strip() and line.strip() not in article.text]
    print(f"\nSeed article {page.name}: {len(events)} event(s)")
    for e in events:
        print(f"  {e.actor1_code:8} {e.event_code:5} {e.actor2_code or '-':8} quad {e.quad_class}  "
              f"conf {e.confidence:.2f}  {e.pattern_id}  «{e.event_text}»")
    pairs = {(e.actor1_country_code, e.actor2_country_code): e for e in events}
    for pair in [("PRK", "CUB"), ("PRK", "CHN"), ("CHN", "PRK"), ("PRK", "VNM"), ("PRK", "LAO")]:
        found = [e for e in events if (e.actor1_country_code, e.actor2_country_code) == pair]
        quads = sorted({e.quad_class for e in found})
        status = "found" if found and quads == [1] else ("found, not all QuadClass 1" if found else "MISSING")
        print(f"  {pair[0]}->{pair[1]}: {status} (QuadClass {quads})")
    from_boilerplate = [e for e in events if any(e.sentence in line or line in e.sentence for line in dropped)]
    print(f"  events from navigation, previous/next or footer lines: {len(from_boilerplate)} "
          f"({len(dropped)} lines dropped by the cleaner)")
    del pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("events_dir", type=Path, help="folder with the event gold sets (e.g. /work/shared/eval/events)")
    parser.add_argument("--seed", type=Path, help="the seed page (default: EVENTS_DIR/../../seed/north-korea-ties.txt)")
    parser.add_argument("--confli-split", choices=("test", "train"), default="test")
    parser.add_argument("--details", action="store_true", help="list every PETR2 miss and the PLOVER confusions")
    args = parser.parse_args()
    root = args.events_dir
    if not (root / "PETR2_GSR_validation.xml").exists():
        sys.exit(f"error: {root} has no PETR2_GSR_validation.xml; pass the folder of the event gold sets.")

    coder = RulesCoder()
    print(f"coder {coder.qualified_name}; dictionaries {coder.dictionary_version}")
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, {os.cpu_count()} cores\n")

    shipped = coder.actors
    policies = (shipped, "both", "any")
    petr = ev.read_petr2(root / "PETR2_GSR_validation.xml")
    petr_coded = ev.code_items(coder, petr, policies)
    p = ev.score_petr2(petr, petr_coded.events[shipped], petr_coded.events["any"])
    p_both = ev.score_petr2(petr, petr_coded.events["both"])
    print(f"PETR2_GSR_validation.xml: {len(petr)} sentences, {p.gold} gold codings; coder as shipped (actors='{shipped}')")
    print(f"  recall of (actor1 country, actor2 country, root): {p.recall:.3f}  ({p.matched}/{p.gold})   [target >= 0.60]")
    print(f"  extra events per gold event:                      {p.extra_per_gold:.3f}  ({p.extra}/{p.gold})   [target <= 0.35]")
    print(f"  recall over codings whose both actors have a country: {p.recall_known:.3f}  ({p.matched_known}/{p.gold_known})")
    print("  misses by cause: " + ", ".join(f"{n} {reason}" for reason, n in p.misses.most_common()))
    print(f"  for reference, two known actors required (actors='both'): recall {p_both.recall:.3f} "
          f"({p_both.matched}/{p_both.gold}), extra per gold {p_both.extra_per_gold:.3f}")
    if args.details:
        for item_id, gold, reason in p.details:
            print(f"    miss {item_id:24} {gold:28} {reason}")

    plover = ev.read_plover(root / "PLOVER_GSR_CAMEO.txt")
    plover_coded = ev.code_items(coder, plover, policies)
    ps = ev.score_plover(plover, plover_coded.events[shipped])
    pb = ev.score_plover(plover, plover_coded.events["both"])
    pa = ev.score_plover(plover, plover_coded.events["any"])
    print(f"\nPLOVER_GSR_CAMEO.txt: {len(plover)} records")
    print(f"  event-type accuracy, coder as shipped (actors='{shipped}'): {ps.accuracy:.3f}  ({ps.correct}/{ps.total}, "
          f"{ps.no_event} without an event)   [target >= 0.60]")
    print(f"  for reference: two known actors (actors='both') {pb.accuracy:.3f} ({pb.no_event} without an event); "
          f"event typing alone (actors='any') {pa.accuracy:.3f} ({pa.no_event} without an event)")
    per_type = Counter()
    right = Counter()
    for (gold, got), n in ps.confusion.items():
        per_type[gold] += n
        right[gold] += n if gold == got else 0
    print("  by type (as shipped): " + ", ".join(f"{t} {right[t]}/{per_type[t]}" for t in sorted(per_type)))
    if args.details:
        for (gold, got), n in sorted(ps.confusion.items(), key=lambda kv: -kv[1]):
            if gold != got:
                print(f"    {gold:10} -> {got:10} {n}")

    confli = ev.read_confli(root / "confli-cameo" / f"cameo_class_{args.confli_split}.tsv")
    confli_coded = ev.code_items(coder, confli, policies)
    cs = ev.score_confli(confli, confli_coded.events[shipped])
    cb = ev.score_confli(confli, confli_coded.events["both"])
    ca = ev.score_confli(confli, confli_coded.events["any"])
    print(f"\nconfli-cameo cameo_class_{args.confli_split}.tsv: {len(confli)} sentences")
    print(f"  macro-F1 of the Phoenix grouping, coder as shipped (actors='{shipped}'): {cs.macro_f1:.3f}  "
          f"(accuracy {cs.accuracy:.3f}, {cs.no_event} without an event)   [target >= 0.55]")
    print("  F1 by group: " + ", ".join(f"{g}: {f:.2f}" for g, f in cs.f1.items()))
    print(f"  for reference: two known actors (actors='both') {cb.macro_f1:.3f} ({cb.no_event} without an event); "
          f"event typing alone (actors='any') {ca.macro_f1:.3f} ({ca.no_event} without an event)")

    seed = args.seed or root.parent.parent / "seed" / "north-korea-ties.txt"
    if seed.exists():
        _seed(coder, seed)
    else:
        print(f"\nSeed article not found at {seed}; pass --seed.")

    sentences = petr_coded.sentences + plover_coded.sentences + confli_coded.sentences
    parse_s = petr_coded.parse_seconds + plover_coded.parse_seconds + confli_coded.parse_seconds
    code_s = petr_coded.code_seconds + plover_coded.code_seconds + confli_coded.code_seconds
    print(f"\nThroughput on the {sentences} gold sentences:")
    print(f"  spaCy parse alone (nlp.pipe):  {sentences / parse_s:8.0f} sentences/s")
    print(f"  coding alone (actors, patterns, moods, events): {sentences / code_s:8.0f} sentences/s")
    print(f"  parse + code: {sentences / (parse_s + code_s):8.0f} sentences/s "
          f"({parse_s / (parse_s + code_s):.2f} of spaCy's rate)")


if __name__ == "__main__":
    main()
