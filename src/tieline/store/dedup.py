"""Which coded mentions report the same event (the deduplication rules of `--dedup`).

Two mentions report the same event when they have the same source and target actor codes, the
same CAMEO code (strict) or compatible codes (story: the same base code, and a root's generic
code such as 040 "consult" matches any code of that root), event dates no further apart than the
rule's window, and come from the same story: the same near-duplicate group of articles (one
article is its own group), or — under `story` — sentences whose words overlap enough to be one
report retold. A new mention joins the oldest stored event it matches; with no match it starts
a new event and becomes that event's root mention. `none` keeps every mention as its own event.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ..errors import ConfigError

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class DedupRule:
    name: str
    merge: bool = True
    window_days: int = 0
    code_match: str = "exact"  # "exact" or "base"
    evidence_overlap: float | None = None  # sentence word overlap (Jaccard) that links different stories


DEDUP_RULES: dict[str, DedupRule] = {
    "strict": DedupRule("strict", window_days=0, code_match="exact"),
    "story": DedupRule("story", window_days=2, code_match="base", evidence_overlap=0.6),
    "none": DedupRule("none", merge=False),
}
DEFAULT_DEDUP = "story"


def dedup_rule(rule: str | DedupRule = DEFAULT_DEDUP) -> DedupRule:
    if isinstance(rule, DedupRule):
        return rule
    try:
        return DEDUP_RULES[rule]
    except KeyError:
        raise ConfigError(
            f"'{rule}' is not a deduplication rule; use one of {', '.join(DEDUP_RULES)} (default {DEFAULT_DEDUP})."
        ) from None


@dataclass(slots=True)
class MentionKey:
    """What deduplication looks at in one mention."""

    mention_id: str
    actor1_code: str
    actor2_code: str | None
    event_code: str
    event_date: date | None
    story: str  # the document's near-duplicate group
    sentence: str
    event_id: str | None = None
    event_order: int = 0  # the event's global_event_id: smaller is older
    _words: frozenset[str] | None = field(default=None, repr=False)

    @property
    def block(self) -> tuple[str, str, str]:
        return self.actor1_code, self.actor2_code or "", self.event_code[:2]

    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words = frozenset(w.lower() for w in _WORD.findall(self.sentence))
        return self._words


def codes_match(a: str, b: str, how: str) -> bool:
    if a == b:
        return True
    if how == "exact" or a[:2] != b[:2]:
        return False
    generic = [len(c) < 3 or c[2] == "0" for c in (a, b)]
    return a[:3] == b[:3] or any(generic)


def _dates_match(a: date | None, b: date | None, window: int, same_story: bool) -> bool:
    if a is None or b is None:
        return a is None and b is None and same_story
    return abs((a - b).days) <= window


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def same_event(rule: DedupRule, a: MentionKey, b: MentionKey) -> bool:
    if not rule.merge or a.block != b.block or not codes_match(a.event_code, b.event_code, rule.code_match):
        return False
    same_story = a.story == b.story
    if not _dates_match(a.event_date, b.event_date, rule.window_days, same_story):
        return False
    if same_story:
        return True
    return rule.evidence_overlap is not None and _overlap(a.words(), b.words()) >= rule.evidence_overlap


class EventGrouper:
    """Assigns mentions to events, one at a time, against the mentions already assigned."""

    def __init__(self, rule: DedupRule, known: Iterable[MentionKey] = ()):
        self.rule = rule
        self._blocks: dict[tuple[str, str, str], list[MentionKey]] = defaultdict(list)
        for mention in known:
            self.add(mention)

    def add(self, mention: MentionKey) -> None:
        self._blocks[mention.block].append(mention)

    def match(self, mention: MentionKey) -> MentionKey | None:
        """The known mention of the oldest event this mention reports, if any."""
        if not self.rule.merge:
            return None
        matches = [m for m in self._blocks.get(mention.block, ()) if same_event(self.rule, mention, m)]
        return min(matches, key=lambda m: m.event_order) if matches else None
