"""When an event happened: the date of the event's own clause, with how precise it is.

The date comes from the temporal expression attached to the event's clause ("Kim sent two
letters *earlier this week*"), resolved against the article's publication date (see
`timex.py`). Where the clause has none, the clause it depends on lends its own ("the paper
reported *on Thursday* that Kim sent a message"). "In the same month" and "the next day" take the
date of the event told before them. Without any of these, the event gets the publication date,
marked `publication`; an article whose only date is the day it was crawled gets that date,
marked `crawl`, and with a crawl date only expressions carrying their own year are trusted.

Precision is one of `day`, `week`, `month`, `year`, `publication`, `crawl` or `none`. A week is
stored as its Monday, a month as its first day, a year as January 1.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from ..doccache import DocCache
from ..models import Article
from ..nlp import entities_in
from .attach import attachment, governors
from .timex import Timex, find_timexes, parsed_timex, resolve, shift_months

PRECISIONS = ("day", "week", "month", "year", "publication", "crawl", "none")

_FUTURE_AUX = {"will", "shall", "'ll"}
_LOOKBACK_SENTENCES = 8


@dataclass(frozen=True, slots=True)
class EventDate:
    value: date | None
    precision: str  # one of PRECISIONS
    text: str = ""  # the expression the date came from, e.g. "on Thursday"


def event_date(article: Article, sentence: Span, verb: Token) -> EventDate:
    dates = _dates_for(sentence.doc, article)
    found = dates.clause_date(sentence, verb)
    if found is not None:
        value, precision, text = found
        return EventDate(value, precision, text)
    return article_date(article)


# Article dates that are no day the article gives: the day a page was read, a month from its address
_PRECISION_OF_SOURCE = {"crawl": "crawl", "url-month": "month"}


def latest_day(article: Article) -> date:
    """The last day the article can have been written: its date, or the month's last day when
    its address gives only the month."""
    day = article.published
    if article.date_source == "url-month":
        return shift_months(day, 1) - timedelta(days=1)
    return day


def article_date(article: Article) -> EventDate:
    """The date an act takes when its sentence gives none: the article's, as precise as its
    source ("publication"; a month for an address that gives only a year and a month; "crawl"
    for the day a page with no date was read)."""
    if article.published is None:
        return EventDate(None, "none")
    return EventDate(article.published, _PRECISION_OF_SOURCE.get(article.date_source, "publication"))


@dataclass(frozen=True, slots=True)
class _Expression:
    timex: Timex
    root: Token  # the expression's syntactic head, e.g. "Thursday" in "on Thursday"


class _DocDates:
    """The temporal expressions of one parsed article and the dates they resolve to."""

    def __init__(self, doc: Doc, anchor: date | None):
        self.doc = doc
        self.anchor = anchor  # None: resolve only expressions that carry their own year
        self.sents = list(doc.sents)
        self.index = {s.start: i for i, s in enumerate(self.sents)}
        self._expressions: dict[int, list[_Expression]] = {}
        self._main: dict[int, tuple[date, str, str] | None] = {}

    def expressions(self, sent: Span) -> list[_Expression]:
        cached = self._expressions.get(sent.start)
        if cached is not None:
            return cached
        found: list[_Expression] = []
        covered: set[int] = set()
        for timex in find_timexes(sent.text):
            span = self.doc.char_span(sent.start_char + timex.start, sent.start_char + timex.end,
                                      alignment_mode="expand")
            if span is not None:
                found.append(_Expression(timex, span.root))
                covered.update(range(span.start, span.end))
        for ent in entities_in(sent):  # what the grammar does not know ("25/03/2021"), dateparser may
            if ent.label_ != "DATE" or covered.intersection(range(ent.start, ent.end)):
                continue
            before = self.doc[ent.start - 1] if ent.start > sent.start else None
            prep = before.lower_ if before is not None and before.pos_ == "ADP" else None
            timex = parsed_timex(ent.text, ent.start_char - sent.start_char, ent.end_char - sent.start_char, prep)
            if timex is not None:
                found.append(_Expression(timex, ent.root))
        found.sort(key=lambda e: e.timex.start)
        self._expressions[sent.start] = found
        return found

    def clause_date(self, sent: Span, verb: Token) -> tuple[date, str, str] | None:
        """The date of the clause headed by `verb`: its own expression, else one it inherits."""
        ranked: list[tuple[tuple[int, int], _Expression]] = []
        expressions = [e for e in self.expressions(sent) if not e.timex.bounding]
        for expr in expressions:
            attached = attachment(expr.root, verb)
            if attached is not None:
                ranked.append((attached, expr))
        for depth, (governor, came_from) in enumerate(governors(verb), start=1):
            for expr in expressions:
                if came_from.is_ancestor(expr.root) or expr.root.i == came_from.i:
                    continue
                attached = attachment(expr.root, governor)
                if attached is not None and attached[0] == 0:
                    ranked.append(((1 + depth, attached[1]), expr))
        ranked.sort(key=lambda r: r[0])
        future = _looks_forward(verb)
        for _, expr in ranked:
            resolved = self.resolve(sent, expr, future)
            if resolved is not None:
                return resolved[0], resolved[1], expr.timex.text
        return None

    def resolve(self, sent: Span, expr: _Expression, future: bool = False) -> tuple[date, str] | None:
        timex = expr.timex
        if timex.needs_anchor and self.anchor is None and not timex.needs_previous:
            return None
        previous = self.previous(sent, timex.start) if timex.needs_previous else None
        return resolve(timex, self.anchor, future=future, previous=previous)

    def previous(self, sent: Span, before: int) -> tuple[date, str] | None:
        """The date of the event told before position `before` of `sent`, for "the same month"."""
        earlier = [e for e in self.expressions(sent) if e.timex.end <= before and not e.timex.bounding]
        for expr in reversed(earlier):
            resolved = self.resolve(sent, expr)
            if resolved is not None:
                return resolved
        idx = self.index[sent.start]
        for k in range(idx - 1, max(-1, idx - 1 - _LOOKBACK_SENTENCES), -1):
            found = self.main_date(k)
            if found is not None:
                return found[0], found[1]
        return None

    def main_date(self, k: int) -> tuple[date, str, str] | None:
        if k not in self._main:
            self._main[k] = None  # guards against a cycle while this sentence is being worked out
            sent = self.sents[k]
            found = self.clause_date(sent, sent.root)
            if found is None:
                for expr in reversed([e for e in self.expressions(sent) if not e.timex.bounding]):
                    resolved = self.resolve(sent, expr)
                    if resolved is not None:
                        found = (resolved[0], resolved[1], expr.timex.text)
                        break
            self._main[k] = found
        return self._main[k]


_SCHEDULED = {"set", "schedule", "due", "slate"}  # "is set to", "is due to": whatever date it has is ahead
_FORWARD_GOVERNORS = _SCHEDULED | {"expect", "plan", "intend", "prepare", "poise", "aim"}


def _looks_forward(verb: Token) -> bool:
    """"will meet", and "is set to arrive (for talks)", "plans to visit": a date without a year is the
    next one."""
    for depth, tok in enumerate([verb, *verb.ancestors][:6]):
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in tok.children):
            return True
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX", "ADJ") and (lemma in _SCHEDULED or depth and lemma in _FORWARD_GOVERNORS):
            return True  # "is set to arrive ... for talks": the talks are ahead
        if tok.dep_ == "ccomp":
            return False  # what a report says has its own tense
    return False


_CACHE: DocCache[_DocDates] = DocCache()


def _dates_for(doc: Doc, article: Article) -> _DocDates:
    # Relative expressions ("on Thursday") are only resolved against a day the article itself
    # gives; a crawl date may be days or years after the article was written, and a month from
    # the address is no day.
    anchor = article.published if article.date_source not in _PRECISION_OF_SOURCE else None
    return _CACHE.get(doc, anchor, lambda: _DocDates(doc, anchor))
