"""Measuring a coder against the field's gold sets (read from a folder the user gives; no gold
data ships with tieline).

- PETRARCH-2 validation records (`PETR2_GSR_validation.xml`): recall of gold (actor1 country,
  actor2 country, CAMEO root) and extra events per gold event.
- PLOVER gold standard records (`PLOVER_GSR_CAMEO.txt`): event-type accuracy over all records.
- ConfliBERT's CAMEO quad sentences (`confli-cameo/cameo_class_*.tsv`): macro-F1 of the Phoenix
  grouping of the root of the most confident event in each sentence.

`benchmarks/coding_accuracy.py` prints these figures; `tests/test_eval_floors.py` pins them.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..models import Article, Event, is_role_only

# PLOVER 0.5b1 (the gold records' version) types that PLOVER 2021 renamed or merged.
PLOVER_2021 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# Phoenix's grouping of CAMEO roots used by the confli-cameo labels.
PHOENIX_GROUPS = {"01": 0, "02": 0, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 3, "10": 3,
                  "11": 3, "12": 3, "13": 3, "16": 3, "14": 4, "15": 4, "17": 4, "18": 4, "19": 4, "20": 4}


@dataclass
class Item:
    """One gold sentence or record: its id, text, date and what the gold says."""

    id: str
    text: str
    published: date | None
    gold: object


# --- reading the gold sets -------------------------------------------------------------------


def read_petr2(path: Path) -> list[Item]:
    """Sentences of the PETRARCH-2 validation file with their gold (source, target, code) codings.
    The file is not well-formed XML (unclosed <Sentence> tags), so it is read record by record."""
    text = Path(path).read_text("utf-8")
    items = []
    for block in re.split(r"(?=<Sentence )", text)[1:]:
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', re.match(r"<Sentence ([^>]*)>", block).group(1)))
        body = re.search(r"<Text>(.*?)</Text>", block, re.S)
        codings = [dict(re.findall(r'(\w+)="([^"]*)"', c)) for c in re.findall(r"<EventCoding ([^>]*)/>", block)]
        gold = [(c["sourcecode"], c["targetcode"], c["eventcode"]) for c in codings if "eventcode" in c]
        raw_date = attrs.get("date", "")
        published = date(int(raw_date[:4]), int(raw_date[4:6]), int(raw_date[6:8])) if len(raw_date) == 8 else None
        items.append(Item(attrs.get("id", f"petr2-{len(items)}"), " ".join((body.group(1) if body else "").split()),
                          published, gold))
    return items


def read_plover(path: Path) -> list[Item]:
    """PLOVER gold records (the documentation record left out), gold = the PLOVER 2021 type."""
    records = json.loads(Path(path).read_text("utf-8"))
    items = []
    for r in records:
        if not r.get("text"):
            continue
        published = date.fromisoformat(r["date"]) if r.get("date") else None
        items.append(Item(r["id"], r["text"], published, PLOVER_2021.get(r["event"], r["event"])))
    return items


def read_confli(path: Path) -> list[Item]:
    """confli-cameo sentences, gold = the Phoenix group label 0-4."""
    items = []
    for n, line in enumerate(Path(path).read_text("utf-8").splitlines()):
        if not line.strip():
            continue
        text, _, label = line.rpartition("\t")
        items.append(Item(f"confli-{n}", text.strip(), None, int(label)))
    return items


# --- coding the items --------------------------------------------------------------------------


@dataclass
class Coded:
    """Events of each item under each actor policy, and how long parsing and coding took."""

    events: dict[str, list[list[Event]]]
    parse_seconds: float
    code_seconds: float
    sentences: int


def code_items(coder, items: Sequence[Item], policies: Sequence[str] | None = None) -> Coded:
    """Parse every item once with `nlp.pipe`, then code it under each actor policy (default: the
    coder's own, as shipped)."""
    policies = tuple(policies) if policies else (coder.actors,)
    start = time.perf_counter()
    docs = list(coder.nlp.pipe([i.text for i in items], batch_size=64))
    parse_seconds = time.perf_counter() - start
    events: dict[str, list[list[Event]]] = {}
    code_seconds = 0.0
    for policy in policies:
        start = time.perf_counter()
        events[policy] = [
            coder.code_doc(Article(doc_id=i.id, text=i.text, published=i.published, date_source="document"), doc,
                           actors=policy)
            for i, doc in zip(items, docs, strict=True)
        ]
        code_seconds += time.perf_counter() - start
    return Coded(events, parse_seconds, code_seconds / max(1, len(policies)), sum(1 for d in docs for _ in d.sents))


def most_confident(events: list[Event]) -> Event | None:
    if not events:
        return None
    return max(events, key=lambda e: (e.confidence, -e.sentence_index, -e.event_start))


# --- PETRARCH-2 ----------------------------------------------------------------------------------


def gold_country(code: str) -> str:
    """The country (or IGO) part of a CAMEO actor code: USAGOV -> USA, IGOEUREEC -> IGOEUR, ---REB -> ---."""
    code = (code or "").upper()
    return code[:6] if code.startswith("IGO") else code[:3]


def event_country(event: Event, side: int) -> str:
    """The country part of an event's actor as the gold writes it: `---` for an actor known by
    its role alone (`REB`, written `---REB`) and for no actor at all (a target written `---`)."""
    code = event.actor1_code if side == 1 else event.actor2_code
    country = event.actor1_country_code if side == 1 else event.actor2_country_code
    sector = event.actor1_sector if side == 1 else event.actor2_sector
    if code and code.upper().startswith("IGO"):
        return gold_country(code)
    if not code or is_role_only(code, country, sector):
        return "---"
    return country or gold_country(code)


def triple(event: Event) -> tuple[str, str, str]:
    return event_country(event, 1), event_country(event, 2), event.event_root_code


@dataclass
class Petr2Score:
    gold: int
    matched: int
    extra: int
    gold_known: int  # gold codings whose two actors both have a country or IGO
    matched_known: int
    misses: Counter = field(default_factory=Counter)  # reason -> count
    details: list[tuple[str, str, str]] = field(default_factory=list)  # (id, gold, reason)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def recall_known(self) -> float:
        return self.matched_known / self.gold_known if self.gold_known else 0.0

    @property
    def extra_per_gold(self) -> float:
        return self.extra / self.gold if self.gold else 0.0


def score_petr2(items: Sequence[Item], events: list[list[Event]], any_events: list[list[Event]] | None = None) -> Petr2Score:
    """Recall of gold (actor1 country, actor2 country, root) triples per sentence, and predicted
    triples that match no gold triple of their sentence ("extra"), per gold event. With
    `any_events` (coded with actors="any"), misses are sorted by cause."""
    score = Petr2Score(0, 0, 0, 0, 0)
    for n, item in enumerate(items):
        gold = {(gold_country(s), gold_country(t), c[:2]) for s, t, c in item.gold}
        predicted = {triple(e) for e in events[n]}
        score.extra += len(predicted - gold)
        for s, t, c in item.gold:
            g = (gold_country(s), gold_country(t), c[:2])
            known = "---" not in (g[0], g[1])
            score.gold += 1
            score.gold_known += known
            if g in predicted:
                score.matched += 1
                score.matched_known += known
                continue
            reason = _miss_reason(g, events[n], any_events[n] if any_events is not None else [])
            score.misses[reason] += 1
            score.details.append((item.id, f"{s} {c} {t}", reason))
    return score


def _miss_reason(gold: tuple[str, str, str], events: list[Event], any_events: list[Event]) -> str:
    def fits(got: str, want: str) -> bool:
        return got == want or got in ("", "---")

    if any(e.event_root_code == gold[2] and fits(event_country(e, 1), gold[0]) and fits(event_country(e, 2), gold[1])
           for e in any_events):
        return "event found, actor unresolved"
    if any(e.event_root_code != gold[2] and {event_country(e, 1), event_country(e, 2)} & {gold[0], gold[1]}
           for e in events + any_events):
        return "other code for these actors"
    if any_events:
        return "other event in the sentence"
    return "no event found"


# --- PLOVER --------------------------------------------------------------------------------------


@dataclass
class PloverScore:
    total: int
    correct: int
    no_event: int
    confusion: Counter = field(default_factory=Counter)  # (gold, predicted) -> count

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def score_plover(items: Sequence[Item], events: list[list[Event]]) -> PloverScore:
    score = PloverScore(len(items), 0, 0)
    for item, evs in zip(items, events, strict=True):
        best = most_confident([e for e in evs if e.plover_event_type])
        predicted = best.plover_event_type if best else None
        score.no_event += predicted is None
        score.correct += predicted == item.gold
        score.confusion[(item.gold, predicted or "-")] += 1
    return score


# --- confli-cameo --------------------------------------------------------------------------------


@dataclass
class ConfliScore:
    total: int
    correct: int
    no_event: int
    f1: dict[int, float]

    @property
    def macro_f1(self) -> float:
        return sum(self.f1.values()) / len(self.f1) if self.f1 else 0.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def phoenix_group(root: str) -> int | None:
    return PHOENIX_GROUPS.get(root)


def score_confli(items: Sequence[Item], events: list[list[Event]]) -> ConfliScore:
    """Macro-F1 over the five groups; a sentence with no event is wrong for its group."""
    gold = [item.gold for item in items]
    predicted = []
    for evs in events:
        best = most_confident(evs)
        predicted.append(phoenix_group(best.event_root_code) if best else None)
    f1 = {}
    for label in sorted(set(gold)):
        tp = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
        f1[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    correct = sum(g == p for g, p in zip(gold, predicted, strict=True))
    return ConfliScore(len(items), correct, predicted.count(None), f1)
