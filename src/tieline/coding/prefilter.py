"""Cheap pre-filtering before parsing: sentences that cannot yield an event are not parsed.

The parser is most of the cost of coding, and most sentences of a news article state no event
between two actors. Before parsing, an article is only tokenized and cut into sentences, and a
sentence is parsed when it has both

- an *event cue*: a word that may be the lemma of a loaded verb or noun pattern, with the
  words that pattern's constraints require (its object, preposition, modifier, prepositional
  object or predicate) also in the sentence. These are necessary conditions of
  `clauses.constraints_met`, checked on the sentence's words instead of its parse. Lemmas are
  guessed from the word form with the spaCy lemmatizer's own tables, for every part of speech,
  so a form is never missed because the guess is ambiguous. "must" and "should" are cues too
  (reported obligations: "the US said China must ...");
- an *actor candidate*: a name in the actor gazetteer (the resolver's own phrase matcher), a
  role word or title of the gazetteer ("police", "rebels", "the president": actors with a role
  and no country), a third-person pronoun, a generic reference of the gazetteer ("the regime",
  "both sides"), the surname of a known person, or a capitalised name first seen in a sentence
  that named an actor.

A sentence that refers back (a pronoun, a generic reference, a surname or a name introduced
earlier) also keeps the sentence it may refer to: the closest earlier sentence that names an
actor, or the one that introduced the name. Everything the cue and actor lists hold is derived
from the loaded patterns and the gazetteer; nothing is kept by hand here.

Sentences that are not parsed are replaced by spaces (line breaks kept), so the parsed text has
the article's length and every character offset of an event still indexes `Article.text`. Each
run of blanks becomes one whitespace token, which the parser attaches to the sentence before it.
`renumber` then gives each event the index its sentence has in the whole article, counting the
sentences that were not parsed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..actors.resolve import ActorResolver
from ..models import Article, Event
from ..nlp import CLOSING_PUNCT
from .patterns import PatternSet

OBLIGATION_CUES = frozenset({"must", "should"})  # the modals of RulesCoder._obligations
PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself",
                      "they", "them", "their", "theirs", "themselves", "both"})
_LEMMA_POS = ("verb", "noun", "adj")
_SENTENCE_END = re.compile(r"^[.!?…]+$")
_USER_DATA_KEY = "tieline.prefilter"
_FORM_CACHE_LIMIT = 200_000
# The suffixes RulesCoder._for_form undoes for a verb the lemmatizer got wrong ("staged" -> "stag").
_FORM_SUFFIXES = (("ied", "y"), ("ed", "e"), ("ed", ""), ("d", ""), ("ing", "e"), ("ing", ""), ("es", ""), ("s", ""))


@dataclass
class Plan:
    """Which sentences of one article are parsed: character ranges into its text."""

    kept: list[tuple[int, int]] = field(default_factory=list)
    dropped: list[tuple[int, int]] = field(default_factory=list)
    restarts: list[tuple[int, int]] = field(default_factory=list)  # kept sentences right after a dropped one

    @property
    def sentences(self) -> int:
        return len(self.kept) + len(self.dropped)


@dataclass
class PrefilterStats:
    """Sentences and characters seen and parsed since the coder was made."""

    sentences: int = 0
    sentences_parsed: int = 0
    chars: int = 0
    chars_parsed: int = 0

    @property
    def parsed_share(self) -> float:
        return self.sentences_parsed / self.sentences if self.sentences else 1.0


class Prefilter:
    """Decides, before parsing, which sentences of an article can give an event."""

    def __init__(self, nlp, patterns: PatternSet, resolver: ActorResolver):
        self.nlp = nlp
        self.matcher = resolver.matcher
        self.gazetteer = resolver.gazetteer
        self.stats = PrefilterStats()
        self._tables = _lemma_tables(nlp)
        # lemma -> the word sets each of its patterns needs in the sentence (one tuple per pattern)
        self.triggers: dict[str, list[tuple[frozenset[str], ...]]] = {}
        for pattern in patterns.patterns:
            needs = tuple(s for s in (pattern.object, pattern.prep, pattern.modifier, pattern.prep_object,
                                      pattern.predicate) if s and "*" not in s)  # "*": any word will do
            for lemma in pattern.lemmas:
                for word in lemma.split():  # a multi-word lemma never matches one token; keep each word
                    self.triggers.setdefault(word, []).append(needs)
        for word in OBLIGATION_CUES:
            self.triggers.setdefault(word, []).append(())
        self.generic = frozenset(self.gazetteer.generic)
        # role word or title -> the other words of each phrase it ends ("air force": "force" needs "air")
        self.roles: dict[str, list[frozenset[str]]] = {}
        for phrase in (*self.gazetteer.roles, *self.gazetteer.titles):
            *others, last = phrase.split()
            self.roles.setdefault(last, []).append(frozenset(others))
        self.surnames = frozenset(self.gazetteer.surnames)
        self._forms: dict[str, frozenset[str]] = {}

    # --- deciding ----------------------------------------------------------------------------

    def plan(self, text: str, need_actor: bool = True) -> Plan:
        """Which sentences to parse. `need_actor=False` (the coder's actor policy "any", where an
        event may have no known actor) keeps every sentence with an event cue."""
        doc = self.nlp.make_doc(text)
        sentences = _sentences(doc)
        hits = self._actor_hits(doc)
        keep = [False] * len(sentences)
        first_seen: dict[str, int] = {}  # capitalised word -> first sentence naming an actor that has it
        last_in_name: dict[str, int] = {}  # capitalised word -> latest sentence where it is part of a gazetteer name
        last_named = -1  # the latest sentence that names an actor from the gazetteer
        for n, (start, end) in enumerate(sentences):
            named = any(hits[start:end])
            bag: set[str] = set()
            words: set[str] = set()
            in_names: set[str] = set()
            referring = False
            for tok in doc[start:end]:
                lemmas = self._lemmas(tok.lower_)
                bag |= lemmas
                if tok.is_title and tok.is_alpha:
                    (in_names if hits[tok.i] else words).add(tok.text)
                    referring = referring or (tok.lower_ in self.surnames and not hits[tok.i])
                referring = referring or tok.lower_ in PRONOUNS or (
                    not lemmas.isdisjoint(self.generic) and _definite(doc, tok.i))
            # where the names of this sentence were introduced: "Trump" after "President Donald Trump"
            antecedents = {last_in_name.get(w, first_seen.get(w, n)) for w in words} - {n}
            if self._has_cue(bag) and (named or referring or antecedents or not need_actor or self._has_role(bag)):
                keep[n] = True
                if n > 0 and _ends_in_quoted_question(doc, sentences[n - 1]):
                    keep[n - 1] = True  # '"Why now?" Cheney asked.': what is asked is a question
                for earlier in antecedents | ({last_named} if referring and last_named >= 0 else set()):
                    keep[earlier] = True
            if named:
                last_named = n
                for word in words | in_names:
                    first_seen.setdefault(word, n)
                for word in in_names:
                    last_in_name[word] = n
        plan = Plan()
        for n, (start, end) in enumerate(sentences):
            span = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
            (plan.kept if keep[n] else plan.dropped).append(span)
            if keep[n] and n > 0 and not keep[n - 1]:
                plan.restarts.append(span)
        self.stats.sentences += plan.sentences
        self.stats.sentences_parsed += len(plan.kept)
        self.stats.chars += len(text)
        self.stats.chars_parsed += sum(e - s for s, e in plan.kept)
        return plan

    def _has_role(self, bag: set[str]) -> bool:
        return any(others <= bag for lemma in bag for others in self.roles.get(lemma, ()))

    def _has_cue(self, bag: set[str]) -> bool:
        for lemma in bag:
            for needs in self.triggers.get(lemma, ()):
                if all(not need.isdisjoint(bag) for need in needs):
                    return True
        return False

    def _actor_hits(self, doc: Doc) -> list[bool]:
        """Per token: whether it is part of a gazetteer name that may stand for an actor."""
        hits = [False] * len(doc)
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            text = span.text
            if not (text[:1].isupper() or text[:1].isdigit()):
                continue  # "china", "us": the resolver takes lower-case names for nothing
            if text.upper() in self.gazetteer.acronyms and text != text.upper() and not self.gazetteer.is_spelling(text):
                continue
            if all(e.kind == "blocked" for e in self.gazetteer.lookup(text)):
                continue
            for i in range(start, end):
                hits[i] = True
        return hits

    def _lemmas(self, form: str) -> frozenset[str]:
        """Every lemma the form may have: itself, the lemmatizer's exceptions and suffix rules for
        verbs, nouns and adjectives, and the coder's own suffix repairs."""
        found = self._forms.get(form)
        if found is not None:
            return found
        lemmas = {form}
        for pos in _LEMMA_POS:
            exceptions, rules = self._tables[pos]
            lemmas.update(exceptions.get(form, ()))
            for old, new in rules:
                if form.endswith(old) and len(form) > len(old):
                    lemmas.add(form[: len(form) - len(old)] + new)
        for suffix, repl in _FORM_SUFFIXES:
            if form.endswith(suffix) and len(form) > len(suffix) + 2:
                lemmas.add(form[: -len(suffix)] + repl)
        found = frozenset(lemmas)
        if len(self._forms) >= _FORM_CACHE_LIMIT:
            self._forms.clear()
        self._forms[form] = found
        return found

    # --- what the parser gets ------------------------------------------------------------------

    def parse_text(self, text: str, plan: Plan) -> str:
        """The text with the sentences that are not parsed blanked out, offsets unchanged."""
        if not plan.dropped:
            return text
        pieces, at = [], 0
        for start, end in plan.dropped:
            pieces.append(text[at:start])
            pieces.append(re.sub(r"[^\n]", " ", text[start:end]))
            at = end
        pieces.append(text[at:])
        return "".join(pieces)

    def docs(self, articles: Iterable[Article], actors: str = "both") -> Iterator[tuple[Doc, Article]]:
        """(unparsed Doc of the filtered text, article) pairs for `nlp.pipe(..., as_tuples=True)`;
        `actors` is the coder's actor policy."""
        for article in articles:
            try:
                plan = self.plan(article.text, need_actor=actors != "any")
            except Exception:  # the filter must never cost an article: parse all of it instead
                plan = Plan(kept=[(0, len(article.text))])
            doc = self.nlp.make_doc(self.parse_text(article.text, plan))
            if plan.dropped:
                doc.user_data[_USER_DATA_KEY] = [start for start, _ in plan.dropped]
                for start, end in plan.restarts:  # as in the article, not glued to the blanked sentence before
                    span = doc.char_span(start, end, alignment_mode="expand")
                    if span is not None and len(span):
                        span[0].is_sent_start = True
            yield doc, article

    def renumber(self, doc: Doc, events: list[Event]) -> None:
        """Give each event the index of its sentence in the whole article."""
        dropped = doc.user_data.get(_USER_DATA_KEY)
        if not dropped or not events:
            return
        parsed = [s.start_char for s in doc.sents if s.text.strip()]
        index = {start: n + bisect_left(dropped, start) for n, start in enumerate(parsed)}
        for event in events:
            if event.sentence_start in index:
                event.sentence_index = index[event.sentence_start]


def _lemma_tables(nlp) -> dict[str, tuple[dict, list]]:
    """The rule lemmatizer's exceptions and suffix rules per part of speech (empty without one)."""
    tables = {pos: ({}, []) for pos in _LEMMA_POS}
    if "lemmatizer" not in nlp.pipe_names:
        return tables
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not (lookups.has_table("lemma_exc") and lookups.has_table("lemma_rules")):
        return tables
    exc, rules = lookups.get_table("lemma_exc"), lookups.get_table("lemma_rules")
    for pos in _LEMMA_POS:
        tables[pos] = (dict(exc.get(pos, {})), [tuple(r) for r in rules.get(pos, [])])
    return tables


def _definite(doc: Doc, i: int) -> bool:
    """"the regime", "both sides", "the two leaders": a generic word refers back only when definite."""
    return any(t.lower_ in ("the", "both", "two") for t in doc[max(0, i - 3): i])


def _ends_in_quoted_question(doc: Doc, sentence: tuple[int, int]) -> bool:
    start, end = sentence
    words = [t for t in doc[start:end] if not t.is_space]
    return len(words) >= 2 and words[-1].is_quote and words[-2].text == "?"


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the sentences: after . ! ? (and closing quotes or brackets) and at blank
    lines (a single line break may be a wrapped line). Whitespace between sentences belongs to neither."""
    out: list[tuple[int, int]] = []
    start: int | None = None
    ended = False
    for tok in doc:
        if tok.is_space:
            if start is not None and (tok.text.count("\n") > 1 or ended):
                out.append((start, tok.i))
                start, ended = None, False
            continue
        if start is not None and ended and tok.text not in CLOSING_PUNCT and not _SENTENCE_END.match(tok.text):
            out.append((start, tok.i))
            start, ended = None, False
        if start is None:
            start = tok.i
        if _SENTENCE_END.match(tok.text):
            ended = True
    if start is not None:
        end = len(doc)
        while end > start and doc[end - 1].is_space:
            end -= 1
        out.append((start, end))
    return out
