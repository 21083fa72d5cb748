"""What the pre-filter (coding/prefilter.py) costs in recall on the field's gold sets, in one run.

    python benchmarks/prefilter_recall.py /work/shared/eval/events [--corpus FILE.jsonl.gz --limit 300]

Every gold sentence is coded twice through `RulesCoder.code_many`, the path the CLI and the
executors use: once parsing every sentence, once parsing only the sentences the pre-filter keeps.
Prints, per gold set, the share of sentences the pre-filter parses, the recall (or accuracy)
either way and the points lost. With `--corpus` it also codes real articles both ways and prints
how many of the events found with every sentence parsed are found with the pre-filter.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from tieline import api
from tieline.coding import evaluate as ev
from tieline.coding.rules import DEFAULT_ACTORS, RulesCoder
from tieline.models import Article
from tieline.pipeline import RunStats


def _code(coder: RulesCoder, items: list[ev.Item], policy: str) -> tuple[list[list], float]:
    coder.actors = policy
    # keyed by position: a gold set may repeat an id (PLOVER's file does)
    articles = [Article(doc_id=str(n), text=i.text, published=i.published, date_source="document")
                for n, i in enumerate(items)]
    start = time.perf_counter()
    by_position = {a.doc_id: events for a, events in coder.code_many(articles)}
    seconds = time.perf_counter() - start
    coder.actors = DEFAULT_ACTORS
    return [by_position.get(str(n), []) for n in range(len(items))], seconds


def _share(coder: RulesCoder, before: tuple[int, ...]) -> str:
    stats = coder.prefilter.stats
    sentences, parsed = stats.sentences - before[0], stats.sentences_parsed - before[1]
    return f"{parsed}/{sentences} sentences parsed ({parsed / max(1, sentences):.1%})"


def _snapshot(coder: RulesCoder) -> tuple[int, int, int, int]:
    stats = coder.prefilter.stats
    return stats.sentences, stats.sentences_parsed, stats.chars, stats.chars_parsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("events_dir", type=Path, help="folder with the event gold sets (e.g. /work/shared/eval/events)")
    parser.add_argument("--corpus", type=Path, help="news articles (JSON lines) to compare events on as well")
    parser.add_argument("--limit", type=int, default=300, help="articles of --corpus to code (default 300)")
    args = parser.parse_args()
    root = args.events_dir
    if not (root / "PETR2_GSR_validation.xml").exists():
        sys.exit(f"error: {root} has no PETR2_GSR_validation.xml; pass the folder of the event gold sets.")

    full = RulesCoder(prefilter=False)
    filtered = RulesCoder(nlp=full.nlp)
    print(f"coder {filtered.qualified_name}; dictionaries {filtered.dictionary_version}\n")
    worst = 0.0

    petr = ev.read_petr2(root / "PETR2_GSR_validation.xml")
    before = _snapshot(filtered)
    (p_full, t_full), (p_filt, t_filt) = _code(full, petr, DEFAULT_ACTORS), _code(filtered, petr, DEFAULT_ACTORS)
    a_full, a_filt = _code(full, petr, "any")[0], _code(filtered, petr, "any")[0]
    s_full, s_filt = ev.score_petr2(petr, p_full, a_full), ev.score_petr2(petr, p_filt, a_filt)
    lost = 100 * (s_full.recall - s_filt.recall)
    worst = max(worst, lost)
    print(f"PETR2_GSR_validation.xml: {len(petr)} sentences, {s_full.gold} gold codings; {_share(filtered, before)}")
    print(f"  recall (actor1, actor2, root), every sentence parsed: {s_full.recall:.4f} ({s_full.matched}/{s_full.gold})")
    print(f"  recall with the pre-filter:                         {s_filt.recall:.4f} ({s_filt.matched}/{s_filt.gold})")
    print(f"  recall lost: {lost:.2f} points   [target < 1]; coding time {t_full:.1f} s -> {t_filt:.1f} s")

    plover = ev.read_plover(root / "PLOVER_GSR_CAMEO.txt")
    for policy in (DEFAULT_ACTORS, "any"):
        before = _snapshot(filtered)
        (e_full, _), (e_filt, _) = _code(full, plover, policy), _code(filtered, plover, policy)
        s_full, s_filt = ev.score_plover(plover, e_full), ev.score_plover(plover, e_filt)
        lost = 100 * (s_full.accuracy - s_filt.accuracy)
        worst = max(worst, lost)
        print(f"\nPLOVER_GSR_CAMEO.txt (actors={policy}): {len(plover)} records; {_share(filtered, before)}")
        print(f"  event types found (recall of the gold type): {s_full.accuracy:.4f} -> {s_filt.accuracy:.4f}; "
              f"lost {lost:.2f} points   [target < 1]")

    confli = ev.read_confli(root / "confli-cameo" / "cameo_class_test.tsv")
    for policy in (DEFAULT_ACTORS, "any"):
        before = _snapshot(filtered)
        (e_full, _), (e_filt, _) = _code(full, confli, policy), _code(filtered, confli, policy)
        s_full, s_filt = ev.score_confli(confli, e_full), ev.score_confli(confli, e_filt)
        found_full = sum(1 for e in e_full if e)
        found_filt = sum(1 for e in e_filt if e)
        lost = 100 * (s_full.accuracy - s_filt.accuracy)
        worst = max(worst, lost)
        print(f"\nconfli-cameo cameo_class_test.tsv (actors={policy}): {len(confli)} sentences; {_share(filtered, before)}")
        print(f"  accuracy of the Phoenix group: {s_full.accuracy:.4f} -> {s_filt.accuracy:.4f} (lost {lost:.2f} points); "
              f"macro-F1 {s_full.macro_f1:.4f} -> {s_filt.macro_f1:.4f}; sentences with an event {found_full} -> {found_filt}")

    print(f"\nLargest loss over the gold sets: {worst:.2f} points of recall   [target < 1]")

    if args.corpus:
        stats = RunStats()
        articles = []
        for article in api.read_articles([args.corpus], stats):
            articles.append(article)
            if len(articles) >= args.limit:
                break
        before = _snapshot(filtered)
        start = time.perf_counter()
        found_full = [e for _, evs in full.code_many(articles) for e in evs]
        t_full = time.perf_counter() - start
        start = time.perf_counter()
        found_filt = [e for _, evs in filtered.code_many(articles) for e in evs]
        t_filt = time.perf_counter() - start

        def key(e):
            return e.doc_id, e.event_start, e.actor1_code, e.actor2_code, e.event_code

        a, b = Counter(map(key, found_full)), Counter(map(key, found_filt))
        kept = sum((a & b).values())
        now = _snapshot(filtered)
        print(f"\n{args.corpus.name}: {len(articles)} articles; {_share(filtered, before)}, "
              f"{(now[3] - before[3]) / max(1, now[2] - before[2]):.1%} of their characters")
        print(f"  events with every sentence parsed: {len(found_full)}; with the pre-filter: {len(found_filt)}")
        print(f"  found both ways (same actors, code and event words): {kept} = {kept / max(1, len(found_full)):.1%} of "
              f"the first; {len(found_filt) - kept} found only with the pre-filter")
        print(f"  coding time {t_full:.1f} s -> {t_filt:.1f} s ({t_full / max(t_filt, 1e-9):.2f}x)")


if __name__ == "__main__":
    main()
