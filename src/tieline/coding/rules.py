"""`cameo.rules`: a dependency-parse coder driven by the verb patterns in verbs.yaml.

For every verb in a sentence whose lemma has patterns, the coder finds the clause's source (its
subject, or the subject it inherits from the clause it depends on, or the "by" agent of a
passive), the target named by the pattern's slots, and resolves both to actors. Negated,
hypothetical and interrogative clauses are not coded as facts. There is no fallback code: a
sentence with no matching verb yields nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ..actors.resolve import ActorResolver, DocActors
from ..models import Article, Event, Mention
from ..nlp import load_pipeline
from ..registry import coders
from .base import Coder, ErrorHandler, reraise
from .patterns import PatternSet, VerbPattern, load_patterns
from .taxonomy import load_taxonomy
from .when import event_date
from .where import event_place

_SUBJECT_DEPS = {"nsubj", "csubj"}
_INHERITS_SUBJECT = {"xcomp", "advcl", "conj", "acl", "pcomp"}
_RELATIVE_PRONOUNS = {"that", "which", "who", "whom"}
_HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "must", "can", "will", "shall"}
_CONDITIONAL_MARKS = {"if", "unless", "whether"}
_NEGATING_VERBS = {"refuse", "fail", "decline", "deny"}
_OBJECT_DEPS = {"dobj", "obj", "attr"}


@dataclass
class Trace:
    """What the coder tried on one verb and why it did or did not code an event."""

    sentence_index: int
    verb: str
    pattern_id: str
    outcome: str


@dataclass
class _Clause:
    verb: Token
    pattern: VerbPattern
    code: str
    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    phrase: list[Token] = field(default_factory=list)
    inherited_subject: bool = False
    pattern_id: str = ""


@coders.register
class RulesCoder(Coder):
    name = "cameo.rules"
    version = "1"

    def __init__(self, pattern_files: Iterable[Path] = (), nlp=None, batch_size: int = 16):
        self.nlp = nlp or load_pipeline()
        self.patterns: PatternSet = load_patterns(tuple(pattern_files))
        self.taxonomy = load_taxonomy()
        self.resolver = ActorResolver(self.nlp)
        self.batch_size = batch_size

    @property
    def dictionary_version(self) -> str:
        return (
            f"actors-{self.resolver.gazetteer.version};verbs-{self.patterns.version};"
            f"cameo-{self.taxonomy.version}"
        )

    def code(self, article: Article) -> Iterator[Event]:
        yield from self.code_doc(article, self.nlp(article.text))

    def code_many(
        self, articles: Iterable[Article], on_error: ErrorHandler = reraise
    ) -> Iterator[tuple[Article, list[Event]]]:
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
            try:
                events = self.code_doc(article, doc)
            except Exception as exc:  # one article's failure must not stop the batch
                on_error(article, exc)
                continue
            yield article, events

    # --- coding one parsed article -------------------------------------------------------

    def code_doc(self, article: Article, doc: Doc, trace: list[Trace] | None = None) -> list[Event]:
        actors = self.resolver.for_doc(doc, when=article.published)
        events: list[Event] = []
        for s_idx, sent in enumerate(doc.sents):
            if sent.text.rstrip().rstrip('"”’\'').endswith("?"):
                continue
            for verb in sent:
                if verb.pos_ not in ("VERB", "AUX") or not self.patterns.for_lemma(verb.lemma_.lower()):
                    continue
                clause = self._match(verb, s_idx, trace)
                if clause is None:
                    continue
                events.extend(self._events(article, doc, sent, s_idx, clause, actors, trace))
        return events

    def _match(self, verb: Token, s_idx: int, trace: list[Trace] | None) -> _Clause | None:
        lemma = verb.lemma_.lower()
        blocked = _blocked(verb)
        for pattern in self.patterns.for_lemma(lemma):
            clause = self._apply(pattern, verb)
            if clause is None:
                _note(trace, s_idx, verb, pattern.id, "no match: object or target slot missing")
                continue
            if blocked:
                _note(trace, s_idx, verb, pattern.id, f"not coded: {blocked}")
                return None
            _note(trace, s_idx, verb, pattern.id, f"matched: {clause.code}")
            return clause
        return None

    def _apply(self, pattern: VerbPattern, verb: Token) -> _Clause | None:
        satisfied, obj = _constraints(pattern, verb)
        if not satisfied:
            return None
        clause = _Clause(verb=verb, pattern=pattern, code=pattern.code, pattern_id=pattern.id)
        clause.phrase = [verb] + ([obj] if obj is not None else [])

        passive_subjects = [c for c in verb.children if c.dep_ in ("nsubjpass", "csubjpass")]
        if passive_subjects:
            agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            clause.sources, clause.targets = agents, passive_subjects
        else:
            clause.sources, clause.inherited_subject = _subjects(verb)
            clause.targets = _slot_tokens(verb, obj, pattern.target)

        if pattern.complement:
            complement = self._complement(verb, obj)
            if complement is not None:
                comp_pattern, comp_verb, comp_has_target = complement
                if comp_has_target:
                    return None  # the complement clause is coded on its own
                clause.code = comp_pattern.code
                clause.pattern_id = f"{pattern.id}>{comp_pattern.id}"
                clause.phrase.append(comp_verb)
        if not clause.targets:
            return None
        return clause

    def _complement(self, verb: Token, obj: Token | None) -> tuple[VerbPattern, Token, bool] | None:
        """A purpose or complement clause ("to congratulate", "urging") that is itself an event."""
        heads = [verb] + ([obj] if obj is not None else [])
        for head in heads:
            for child in head.children:
                if child.dep_ not in ("xcomp", "advcl", "acl") or child.pos_ != "VERB":
                    continue
                for comp_pattern in self.patterns.for_lemma(child.lemma_.lower()):
                    satisfied, comp_obj = _constraints(comp_pattern, child)
                    if comp_pattern.complement or not satisfied:
                        continue
                    # "urging them to ...": a pronoun target is the message's own addressee.
                    has_target = any(t.pos_ != "PRON" for t in _slot_tokens(child, comp_obj, comp_pattern.target))
                    return comp_pattern, child, has_target
        return None

    def _events(self, article: Article, doc: Doc, sent: Span, s_idx: int, clause: _Clause,
                actors: DocActors, trace: list[Trace] | None) -> list[Event]:
        sources = [a for t in clause.sources for a in actors.resolve(t)]
        targets = [a for t in clause.targets for a in actors.resolve(t)]
        if not sources or not targets:
            missing = "source" if not sources else "target"
            _note(trace, s_idx, clause.verb, clause.pattern_id, f"not coded: {missing} is not a known actor")
            return []
        cameo = self.taxonomy[clause.code]
        when = event_date(article, sent, clause.verb)
        where = event_place(article, sent, clause.verb, sources + targets)
        phrase_start = min(t.idx for t in clause.phrase)
        phrase_end = max(t.idx + len(t.text) for t in clause.phrase)
        events = []
        for a1 in sources:
            for a2 in targets:
                if a1.code == a2.code or _overlaps(a1, a2):
                    continue
                confidence = 0.9 - 0.1 * clause.inherited_subject
                confidence -= 0.1 * sum(a.kind == "coreference" for a in (a1, a2))
                if clause.code == clause.pattern.code and clause.pattern.complement:
                    confidence -= 0.15  # a message whose content we could not classify
                evidence_start = min(a1.start, a2.start, phrase_start)
                evidence_end = max(a1.end, a2.end, phrase_end)
                event = Event(
                    doc_id=article.doc_id,
                    event_date=when.value.isoformat() if when.value else "",
                    actor1_code=a1.code,
                    actor1_name=a1.name or a1.text,
                    actor1_country_code=a1.country_code,
                    actor1_known_group_code=a1.known_group_code,
                    actor2_code=a2.code,
                    actor2_name=a2.name or a2.text,
                    actor2_country_code=a2.country_code,
                    actor2_known_group_code=a2.known_group_code,
                    event_code=cameo.code,
                    event_root_code=cameo.root,
                    quad_class=cameo.quad_class,
                    goldstein_scale=cameo.goldstein,
                    plover_event_type=cameo.plover_event,
                    plover_mode=cameo.plover_mode,
                    sentence=sent.text.strip(),
                    evidence_start=evidence_start,
                    evidence_end=evidence_end,
                    source_url=article.url,
                    coder=self.qualified_name,
                    confidence=round(max(0.1, min(1.0, confidence)), 2),
                    actor1_sector=a1.sector or None,
                    actor2_sector=a2.sector or None,
                    event_text=" ".join(t.text for t in sorted(clause.phrase, key=lambda t: t.i)),
                    event_start=phrase_start,
                    event_end=phrase_end,
                    actor1_start=a1.start,
                    actor1_end=a1.end,
                    actor2_start=a2.start,
                    actor2_end=a2.end,
                    sentence_start=sent.start_char,
                    sentence_index=s_idx,
                    pattern_id=clause.pattern_id,
                    date_precision=when.precision,
                    date_text=when.text,
                    action_geo_full_name=where.name,
                    action_geo_country_code=where.country_code,
                    action_geo_fips_code=where.fips_code,
                    action_geo_adm1_code=where.adm1_code,
                    action_geo_lat=where.lat,
                    action_geo_long=where.lon,
                    action_geo_feature_id=where.feature_id,
                    action_geo_precision=where.precision,
                    dictionary_version=self.dictionary_version,
                )
                event.event_id = _event_id(event)
                events.append(event)
        return events


# --- parse-tree helpers ----------------------------------------------------------------------


def _constraints(pattern: VerbPattern, verb: Token) -> tuple[bool, Token | None]:
    """Whether the verb has the object and preposition the pattern asks for, and the object."""
    obj = None
    if pattern.object:
        obj = next(
            (c for c in verb.children if c.dep_ in _OBJECT_DEPS and c.lemma_.lower() in pattern.object),
            None,
        )
        if obj is None:
            return False, None
    if pattern.prep and not any(
        c.dep_ in ("prep", "prt", "dative") and c.lower_ in pattern.prep for c in verb.children
    ):
        return False, obj
    return True, obj


def _subjects(verb: Token) -> tuple[list[Token], bool]:
    """The clause's subject, or the one it inherits from the clause it depends on."""
    tok = verb
    for depth in range(6):
        subjects = [c for c in tok.children if c.dep_ in _SUBJECT_DEPS]
        if subjects:
            if tok.dep_ == "relcl" and subjects[0].lower_ in _RELATIVE_PRONOUNS:
                return [tok.head], True
            return subjects, depth > 0
        if tok.dep_ not in _INHERITS_SUBJECT or tok.head is tok:
            break
        tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in _OBJECT_DEPS | {"pobj"}:
            tok = tok.head  # "sent a message to congratulate": the message's sender
    return [], False


def _slot_tokens(verb: Token, obj: Token | None, slots: tuple[str, ...]) -> list[Token]:
    for slot in slots:
        found: list[Token] = []
        if slot == "dobj":
            found = [c for c in verb.children if c.dep_ in _OBJECT_DEPS and c is not obj]
        elif slot == "dative":
            for c in verb.children:
                if c.dep_ == "dative":
                    found.extend([p for p in c.children if p.dep_ == "pobj"] if c.pos_ == "ADP" else [c])
        elif slot.startswith("prep:"):
            word = slot[5:]
            holders = [verb] + ([obj] if obj is not None else [])
            for holder in holders:
                for c in holder.children:
                    if c.dep_ in ("prep", "dative") and c.lower_ == word:
                        found.extend(p for p in c.children if p.dep_ == "pobj")
                    if c.dep_ == "prt" and c.lower_ == word:
                        found.extend(o for o in verb.children if o.dep_ in _OBJECT_DEPS)
        if found:
            return found
    return []


def _blocked(verb: Token) -> str | None:
    """Why this clause is not a fact: negation, modality, a condition; None if it is one."""
    tok = verb
    for _ in range(4):
        for child in tok.children:
            if child.dep_ == "neg":
                return "negated"
            if child.dep_ == "aux" and child.lower_ in _HYPOTHETICAL_AUX:
                return f"modal or future ('{child.text}')"
            if child.dep_ == "mark" and child.lower_ in _CONDITIONAL_MARKS:
                return f"conditional ('{child.text}')"
        if tok.dep_ != "xcomp":
            break
        tok = tok.head
        if tok.lemma_.lower() in _NEGATING_VERBS:
            return f"negated by '{tok.text}'"
    return None


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _event_id(event: Event) -> str:
    key = "|".join(
        map(str, (event.doc_id, event.sentence_start, event.pattern_id, event.actor1_code,
                  event.actor1_start, event.actor2_code, event.actor2_start, event.event_code))
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _note(trace: list[Trace] | None, s_idx: int, verb: Token, pattern_id: str, outcome: str) -> None:
    if trace is not None:
        trace.append(Trace(s_idx, verb.text, pattern_id, outcome))
