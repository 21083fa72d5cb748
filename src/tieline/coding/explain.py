"""Why a text gave the events it gave: its parse, actors, every pattern tried and the events.

`explain(text)` is what `tieline explain` prints; it codes the text as one article with the
same coder and dictionaries as `tieline code`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..models import Article, Event, Mention
from .rules import RulesCoder, Trace


@dataclass
class TokenRow:
    i: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    entity: str


@dataclass
class PhraseActors:
    """A noun phrase the coder may use as a source or target, and the actors it names."""

    head: str
    role: str  # the head's dependency label: nsubj, dobj, pobj ...
    actors: list[Mention]


@dataclass
class Explanation:
    text: str
    published: date | None
    coder: str
    dictionaries: str
    sentences: list[list[TokenRow]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    phrases: list[PhraseActors] = field(default_factory=list)
    trace: list[Trace] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


_PHRASE_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "dative", "appos", "conj", "poss", "attr", "oprd"}


def explain(text: str, published: date | None = None, coder: RulesCoder | None = None,
            pattern_files: Sequence[str | Path] = (), actors: str | None = None) -> Explanation:
    coder = coder or RulesCoder(pattern_files=tuple(Path(p) for p in pattern_files))
    article = Article(doc_id="explain", text=text, published=published,
                      date_source="document" if published else "none")
    doc = coder.nlp(text)
    trace: list[Trace] = []
    events = coder.code_doc(article, doc, trace=trace, actors=actors)
    doc_actors = coder.resolver.for_doc(doc, when=published)
    result = Explanation(text, published, coder.qualified_name, coder.dictionary_version, trace=trace, events=events)
    for sent in doc.sents:
        result.sentences.append([
            TokenRow(t.i, t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in sent
        ])
    result.mentions = doc_actors.mentions
    for tok in doc:
        if tok.dep_ in _PHRASE_DEPS and tok.pos_ in ("NOUN", "PROPN", "PRON"):
            result.phrases.append(PhraseActors(tok.text, tok.dep_, doc_actors.resolve(tok)))
    return result
