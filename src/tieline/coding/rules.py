"""`cameo.rules`: a dependency-parse coder driven by the verb and noun patterns in verbs.yaml.

For every word of a sentence whose lemma has patterns, the coder takes the most specific pattern
the clause satisfies, decides from the clause's governors whether it states a fact, an intent, a
threat, a refusal, an appeal or nothing (`mood.py`), finds the source (subject, inherited subject,
"by" agent of a passive) and the target (the pattern's slots), resolves both to actors, and
expands conjoined and reciprocal actors to pairs only when it writes the events. There is no
fallback code: a sentence with no recognised event yields nothing. `trace` records every pattern
tried and why it did or did not give an event (`tieline explain`).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from ..actors.gazetteer import Gazetteer
from ..actors.people import person_key
from ..actors.resolve import ANCESTRY_NOUNS, RELATION_NOUNS, ActorResolver, DocActors, names_a_person
from ..errors import ConfigError
from ..geo.resolve import dateline_country, dateline_parts
from ..models import Article, Event, Mention
from ..nlp import ACT_NOUNS, entity_at, load_pipeline, plain_lemma
from ..registry import coders
from .acts import VIOLENT_ROOTS, background, origin, restatements, result_of
from .base import ARTICLE_TIME_LIMIT, Coder, ErrorHandler, reraise, time_limit
from .clauses import (
    agents,
    asks_anonymity,
    bare_participle,
    bind_object_pronoun,
    bind_pronoun,
    can_act,
    complement_children,
    constraints_met,
    copular_passive,
    for_subjects,
    is_each_other,
    is_passive,
    names_each_other,
    noun_sense_fits,
    object_gap,
    objects,
    passive_subjects,
    predicative,
    prep_objects,
    pronoun_fits,
    slot_tokens,
    subjects,
    to_blame,
    with_an_act,
)
from .mood import Mood, analyse
from .moods import load_moods
from .patterns import PatternSet, VerbPattern, load_patterns
from .prefilter import Prefilter
from .taxonomy import load_taxonomy
from .when import EventDate, article_date, event_date, latest_day
from .where import event_place

# Which events are kept: "source" (as shipped) needs a known source — a country, a group or a role
# alone ("rebels", "police") — and a known target or none ("Rebels attacked a convoy"); "both"
# needs two known actors; "any" keeps every event the patterns find (to measure event typing).
ACTOR_POLICIES = ("both", "source", "any")
DEFAULT_ACTORS = "source"
_PRESS_QUESTIONS = {"question", "interrogate"}  # the investigation verbs a reporter also does
# "X said Y must / should ...": the speaker demands (10) or asks (02) it of Y, whatever Y is to do.
_MUST = VerbPattern(id="reported.must", lemmas=frozenset(), code="100", confidence=0.7)
_SHOULD = VerbPattern(id="reported.should", lemmas=frozenset(), code="020", confidence=0.7)
_GROUP_WORDS = {"leader", "side", "country", "nation", "government", "minister", "president", "party", "state",
                "delegation", "army", "official", "neighbour", "neighbor", "ally", "rival", "capital", "premier",
                "man", "woman", "envoy", "diplomat", "chancellor", "king", "counterpart", "military", "navy"}
_VIOLENT_ROOTS = VIOLENT_ROOTS
# Acts two parties can do jointly to each other: statements, consultation, cooperation
_JOINT_ROOTS = {"01", "03", "04", "05", "06"}
_ACTION_ROOTS = {"17", *VIOLENT_ROOTS}  # coercion and force: "hit by", "arrested by" are never states
_AUXILIARIES = {"be", "have", "do", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
                "ought", "need", "dare", "to", "get", "'s", "'ve", "'d", "'ll", "wo", "ca"}
# A nominal event is coded only as a main participant of its clause ("Israeli strikes on Gaza
# killed ..."), not as a passing reference ("a licence for Russian aggression").
_NOUN_EVENT_DEPS = {"nsubj", "nsubjpass", "dobj", "ROOT", "attr", "appos"}
# Above this many conjoined parties a reciprocal act is multilateral, not a set of dyads.
_MAX_RECIPROCAL = 4
# Verbs frozen into connectives, as (word before, verb, word after): "72% as opposed to 27%".
_CONNECTIVES = {("as", "opposed", "to"), ("as", "compared", "to"), ("as", "compared", "with")}
_NON_ASSERTING_SECTORS = {"MED", "EDU"}  # media and analysts report; they are not parties
_AGREED_ROOTS = {"03", "04", "05", "06", "08"}  # acts two parties that agree on them do for each other
_AGREE_FORMS = {"agree", "agreed", "agrees", "agreeing"}
_DOMESTIC_ROOTS = {"18", "19", "20"}  # roots where two bodies of one state are two sides
_CHALLENGERS = {"OPP", "REB"}  # who are a side of their own against their state's government
# Verbs of force that are as often words when one politician uses them on another.
_FIGURATIVE_FORCE = {"attack", "hit", "target", "fight", "battle", "clash", "strike", "fire", "beat", "hammer",
                     "assault", "bash", "punch", "spar", "pummel", "wage", "ambush", "torpedo", "slam"}
_POLITICAL_SECTORS = {"GOV", "LEG", "JUD", "ELI", "OPP", "PTY"}
_OWN_INSTITUTIONS = {"GOV", "LEG", "JUD"}  # no politician takes up arms against these of his own state
_STRUGGLE_VERBS = {"fight", "battle", "clash", "spar"}  # with no one fought: "fighting for his political survival"
# What someone is attacked for when the attack is blame ("attacked Obama for his comments")
_CONDUCT_NOUNS = {"comment", "remark", "statement", "word", "policy", "stance", "position", "handling", "failure",
                  "decision", "role", "support", "response", "silence", "inaction", "approach", "record", "vote",
                  "tweet", "criticism", "behavior", "behaviour", "conduct", "treatment", "refusal", "attack",
                  "rhetoric", "action", "move", "plan", "interference", "meddling", "practice", "abuse"}
_PUBLIC_SECTORS = {"CVL", "LAB", "EDU", "SOC", "OPP", "REL", "AGR", "REF"}  # who protest in the street, not by note
# What a company or an economy is forecast to show, post or report: no one is asked for it
# ("Exxon should show superior earnings"; "Japan should cut its surplus" is still asked).
_SHOWING = {"show", "post", "report", "record", "see", "achieve", "produce", "generate", "deliver", "enjoy"}
_FORECAST_OBJECTS = {"earnings", "earning", "profit", "loss", "result", "sale", "revenue", "growth", "gain",
                     "improvement", "increase", "decline", "rise", "fall", "recovery", "surplus", "deficit", "return"}
_MEETING_CODES = {"040", "041", "046"}  # consultations, calls, negotiations: nothing between actors with one party
_SUFFERED = {"killing", "death", "assassination", "murder", "execution", "arrest", "detention", "kidnapping",
             "abduction", "capture", "imprisonment", "jailing", "beheading", "torture", "poisoning", "ouster", "expulsion"}
_HELPING_ROOTS = {"06", "07"}  # material cooperation and aid ("to improve relations" stays an intent)
_COERCING_VERBS = {"force", "compel", "pressure", "pressurize", "pressurise", "coerce", "oblige", "push", "make"}
# Where the other party of a deal stands in the act agreed to: "agreed to sell cars *to Hungary*",
# "to buy rice *from the US*", "to acquire *Cardis Corp*", "a stake *in Fichtel und Sachs*".
_DEAL_ROOTS = {"03", "05"}
_DEAL_PARTNER_SLOTS = ("dative", "prep:to", "prep:from", "prep:with", "dobj", "dobj>prep:in", "dobj>prep:of")
_HOLDINGS = {"stake", "interest", "share", "stock", "holding", "control", "asset", "majority", "minority", "pct",
             "percent", "investment"}  # "a stake *in* X", "shares *of* X": X is the other party


# Roots of what is said rather than done (statements, appeals, demands, disapproval, rejections,
# threats): "the act" an appraisal calls "it" is none of them.
_VERBAL_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})
_ACT_LOOKBACK = 6  # sentences back to the act an appraisal's "it" describes


class Recent(NamedTuple):
    """A clause of the article so far that has a source: what later clauses may point back to."""

    sentence: int
    verb: str  # its verb's lemma
    sources: list[Mention]
    code: str
    coded: bool  # whether it gave an event (not only a clause under "helping", "trying" ...)


@dataclass
class Trace:
    """What the coder tried on one word and why it did or did not code an event."""

    sentence_index: int
    verb: str
    pattern_id: str
    outcome: str


@dataclass
class Candidate:
    """A pattern that matched one verb (or event noun) of a sentence."""

    head: Token
    pattern: VerbPattern
    code: str
    obj: Token | None
    phrase: list[Token]
    link: Candidate | None = None  # the complement event this pattern takes its code from
    absorbed: bool = False
    suppressed: bool = False


@dataclass
class Clause:
    """A candidate with its final code, mood and actors: what becomes events."""

    candidate: Candidate
    code: str
    pattern_id: str
    phrase: list[Token]
    mood: Mood
    sources: list[Mention] = field(default_factory=list)
    targets: list[Mention] = field(default_factory=list)
    source_tokens: list[Token] = field(default_factory=list)
    target_tokens: list[Token] = field(default_factory=list)
    reciprocal: bool = False
    confidence: float = 0.8
    notes: list[str] = field(default_factory=list)


def _blamed_for_conduct(head: Token) -> bool:
    """"attacked China *for raping* the U.S. economy", "hit Obama *for his comments*": force for
    what someone did or said is blame; not "attacked the town *for three days*"."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        for obj in prep.children:
            if obj.dep_ == "pcomp" and obj.tag_ == "VBG":
                return True
            if obj.dep_ == "pobj" and obj.lemma_.lower() in _CONDUCT_NOUNS:
                return True
    return False


@coders.register
class RulesCoder(Coder):
    name = "cameo.rules"
    version = "2"

    def __init__(self, pattern_files: Iterable[Path] = (), nlp=None, batch_size: int = 16, actors: str = DEFAULT_ACTORS,
                 prefilter: bool = True):
        if actors not in ACTOR_POLICIES:
            raise ConfigError(f"actors='{actors}' is not a policy; use one of {', '.join(ACTOR_POLICIES)}.")
        self.nlp = nlp or load_pipeline()
        self.patterns: PatternSet = load_patterns(tuple(pattern_files))
        self.taxonomy = load_taxonomy()
        self.moods = load_moods()
        self.resolver = ActorResolver(self.nlp)
        self.batch_size = batch_size
        self.actors = actors
        self.time_limit = ARTICLE_TIME_LIMIT  # seconds per article in code_many; None: unlimited
        self._recent: tuple[int, list] = (0, [])
        self._candidates: dict[int, Candidate] = {}
        # code_many parses only the sentences that can give an event (prefilter.py)
        self.prefilter = Prefilter(self.nlp, self.patterns, self.resolver) if prefilter else None

    @property
    def dictionary_version(self) -> str:
        return (
            f"actors-{self.resolver.gazetteer.version};verbs-{self.patterns.version};"
            f"moods-{self.moods.version};cameo-{self.taxonomy.version}"
        )

    def code(self, article: Article) -> Iterator[Event]:
        yield from self.code_doc(article, self.nlp(article.text))

    def code_many(
        self, articles: Iterable[Article], on_error: ErrorHandler = reraise
    ) -> Iterator[tuple[Article, list[Event]]]:
        pairs = ((a.text, a) for a in articles)
        if self.prefilter is not None:
            pairs = self.prefilter.docs(articles, self.actors)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
            try:
                with time_limit(self.time_limit, article.doc_id):
                    events = self.code_doc(article, doc)
                if self.prefilter is not None:
                    self.prefilter.renumber(doc, events)
            except Exception as exc:  # one article's failure must not stop the batch
                on_error(article, exc)
                continue
            yield article, events

    # --- coding one parsed article -------------------------------------------------------

    def code_doc(self, article: Article, doc: Doc, trace: list[Trace] | None = None,
                 actors: str | None = None) -> list[Event]:
        """Events of one parsed article. `actors` overrides the coder's actor policy: "source" (the
        default: a known source, the target known or none), "both" (two known actors) or "any"."""
        policy = actors or self.actors
        doc_actors = self.resolver.for_doc(doc, when=article.published, dateline_country=self._dateline_state(article),
                                           undated=article.date_source in ("crawl", "none"), page_text=article.text)
        events: list[Event] = []
        recent: list[Recent] = []
        for s_idx, sent in enumerate(doc.sents):
            if sent.text.rstrip().rstrip('"”’\'').endswith("?"):
                _note(trace, s_idx, sent[0], "-", "not coded: the sentence is a question")
                continue
            in_sentence: list[Event] = []
            for clause in self.clauses(sent, s_idx, doc_actors, policy, trace, recent):
                self._described_act_target(clause, recent, s_idx, trace)
                if not clause.targets and not clause.reciprocal:
                    self._earlier_event_target(clause, recent, s_idx, trace)
                coded = self._events(article, sent, s_idx, clause, policy, trace)
                if clause.sources:
                    recent.append(Recent(s_idx, clause.candidate.head.lemma_.lower(), clause.sources, clause.code,
                                         bool(coded)))
                in_sentence.extend(coded)
            if policy != "any":
                for e in restatements(in_sentence):
                    _note(trace, s_idx, sent[0], e.pattern_id,
                          f"not coded: '{e.event_text}' has no target and {e.actor1_code} acts on one in the sentence")
                    in_sentence.remove(e)
            events.extend(in_sentence)
        return events

    def _described_act_target(self, clause: Clause, recent: list[Recent], s_idx: int,
                              trace: list[Trace] | None) -> None:
        """"Ban Ki-moon called *it* a criminal act": the pronoun is an act, so the target is whoever
        did the last act the article reported as an event in the sentences before (a deed, not a
        statement: "the Kremlin said ..." in between is no act), else no one (not the state named
        last)."""
        if not clause.candidate.pattern.appraisal or len(clause.target_tokens) != 1:
            return
        pronoun = clause.target_tokens[0]
        if pronoun.pos_ != "PRON" or pronoun.lower_ not in ("it", "this", "that"):
            return
        verb = clause.candidate.head
        if not any(w.lemma_.lower() in self.moods.described_acts for p in predicative(verb) for w in (p, *p.conjuncts)):
            return
        if not self._aim_back(clause, pronoun, recent, s_idx, _ACT_LOOKBACK, trace, "the act described, ",
                              lambda earlier: earlier.coded and earlier.code[:2] not in _VERBAL_ROOTS):
            clause.targets = []
            _note(trace, s_idx, verb, clause.pattern_id,
                  f"no target: '{pronoun.text}' is the act described and no act by another actor was reported before")

    def _earlier_event_target(self, clause: Clause, recent: list[Recent], s_idx: int,
                              trace: list[Trace] | None) -> None:
        """"South Korea condemned *the launch*": the target is whoever did the launch the article
        reported just before."""
        nouns = [t for t in clause.target_tokens if t.pos_ == "NOUN"]
        if not nouns:
            return
        lemma = nouns[0].lemma_.lower()
        verb = self.moods.event_nouns.get(lemma, lemma)
        self._aim_back(clause, nouns[0], recent, s_idx, 3, trace, "", lambda earlier: earlier.verb == verb)

    def _aim_back(self, clause: Clause, word: Token, recent: list[Recent], s_idx: int, lookback: int,
                  trace: list[Trace] | None, what: str, fits: Callable[[Recent], bool]) -> bool:
        """Aims the clause at the actors, other than its own, of the latest earlier clause that `fits`
        within `lookback` sentences; whether there was one."""
        own = {_country(m) for m in clause.sources}
        for earlier in reversed(recent):
            if s_idx - earlier.sentence > lookback:
                break
            doers = [m for m in earlier.sources if _country(m) not in own]
            if doers and fits(earlier):
                clause.targets = [_moved(m, word) for m in doers]
                clause.confidence -= 0.15
                _note(trace, s_idx, clause.candidate.head, clause.pattern_id,
                      f"target: '{word.text}' is {what}the '{earlier.verb}' of sentence {earlier.sentence}")
                return True
        return False

    def clauses(self, sent: Span, s_idx: int, actors: DocActors, policy: str,
                trace: list[Trace] | None = None,
                recent: list[Recent] | None = None) -> list[Clause]:
        """The clauses of one sentence that state events; `recent` holds the article's earlier
        clauses (for "the two leaders" and "condemned the launch")."""
        self._recent = (s_idx, recent or [])
        candidates: dict[int, Candidate] = {}
        for tok in sent:
            if tok.pos_ in ("VERB", "AUX") or tok.tag_ == "VBN" or (tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "ROOT")):
                if _connective(tok):
                    _note(trace, s_idx, tok, "-", "not an event: part of a connective such as 'as opposed to'")
                    continue
                if tok.dep_ in ("amod", "compound") and tok.i < tok.head.i \
                        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                    _note(trace, s_idx, tok, "-", "not an event: a verb form describing a noun ('encouraging signs')")
                    continue
                patterns = self.patterns.for_lemma(tok.lemma_.lower()) or self._for_form(tok)
                if patterns:
                    found = self._match(tok, patterns, s_idx, trace)
                    if found is not None:
                        candidates[tok.i] = found
        for i, cand in list(candidates.items()):
            verb = cand.head.head
            if cand.head.dep_ == "aux" and cand.head.lemma_.lower() not in _AUXILIARIES and verb.pos_ == "VERB" \
                    and verb.i not in candidates:
                # "to *help* identify victims" parsed with "help" as an auxiliary: the clause is "identify"'s
                cand.head = verb
                candidates[verb.i] = candidates.pop(i)
        self._obligations(sent, candidates)
        self._candidates = candidates
        transparent, stop = self._link(candidates, actors, s_idx, trace)
        clauses = []
        for cand in candidates.values():
            if cand.absorbed or cand.suppressed:
                continue
            clause = self._clause(cand, actors, transparent, stop, s_idx, trace)
            if clause is not None:
                clauses.append(clause)
        # A governor that is also a pattern ("agreed", "threatened") is coded only when its
        # complement event is not: "agreed to restore ties" is one event, not two.
        complete = {c.candidate.head.i for c in clauses if c.targets or c.reciprocal}
        coded_heads = {c.candidate.head.i for c in clauses}
        governed = [c for c in clauses if any(
            k.i in complete or (k.i in coded_heads and not c.targets) for k in complement_children(c.candidate.head))]
        for clause in governed:
            _note(trace, s_idx, clause.candidate.head, clause.pattern_id,
                  "not coded itself: its complement clause is coded with its mood")
        clauses = [c for c in clauses if c not in governed]
        clauses = self._purposes(clauses, s_idx, trace)
        if clauses:
            return clauses
        consumed = {c.obj.i for c in candidates.values() if c.obj is not None}
        for tok in sent:
            if (tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in _NOUN_EVENT_DEPS and tok.i not in consumed
                    and tok.i not in candidates):
                patterns = self.patterns.for_noun(tok.lemma_.lower())
                if patterns:
                    pattern = self._noun_pattern(tok) or patterns[0]  # a misfit is traced as such
                    clause = self._noun_clause(tok, pattern, actors, transparent, stop, s_idx, trace)
                    if clause is not None:
                        clauses.append(clause)
        return clauses

    def _purposes(self, clauses: list[Clause], s_idx: int, trace: list[Trace] | None) -> list[Clause]:
        """"Police opened fire *to disperse protesters*", "met Assad *to discuss* ...": a purpose
        clause of an act coded in the sentence is part of that act, not an intent of its own; the
        act takes its target when it has none."""
        by_head = {c.candidate.head.i: c for c in clauses}
        kept = []
        for clause in clauses:
            act, how = clause.mood.purpose_of, "the purpose"
            if act is None and result_of(clause.code, clause.candidate.head) is not None:
                act, how = result_of(clause.code, clause.candidate.head), "the outcome"
            main = by_head.get(act.i) if act is not None else None
            if main is None and how == "the purpose" and clause.mood.purpose_done \
                    and clause.candidate.code[:2] in _HELPING_ROOTS:
                # "sent troops to help Iraq", "signed a loan to support exports": what a past act was
                # meant to help is neither an intent still to come nor help given
                _note(trace, s_idx, clause.candidate.head, clause.pattern_id,
                      f"not coded: the purpose of '{act.text}', an act done, is no intent of its own")
                continue
            if main is not None and clause.candidate.head.dep_ == "relcl" and main.code[:2] not in _VIOLENT_ROOTS:
                main = None  # "fired a rocket that killed two soldiers": a show of force is not the killing
            if main is None or main is clause:
                kept.append(clause)
                continue
            if not main.targets and not main.reciprocal and clause.targets:
                # not the source's own state ("struck to protect its citizens"), unless the source
                # rebels against it ("militants attacked a centre, kidnapping two police officers")
                own = {_party(m) for m in main.sources}
                main.targets = [m for m in clause.targets if _party(m) not in own]
                main.target_tokens = clause.target_tokens
            _note(trace, s_idx, clause.candidate.head, clause.pattern_id,
                  f"not coded itself: {how} of '{act.text}', which is coded")
        return kept

    # --- matching --------------------------------------------------------------------------

    def _for_form(self, tok: Token) -> list[VerbPattern]:
        """Patterns for a verb the lemmatizer got wrong ("staged" -> "stag"): undo the suffix."""
        word = tok.lower_
        for suffix, repl in (("ied", "y"), ("ed", "e"), ("ed", ""), ("d", ""), ("ing", "e"), ("ing", ""), ("es", ""),
                             ("s", "")):
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                found = self.patterns.for_lemma(word[: -len(suffix)] + repl)
                if found:
                    return found
        return []

    def _match(self, tok: Token, patterns: list[VerbPattern], s_idx: int, trace: list[Trace] | None) -> Candidate | None:
        if asks_anonymity(tok):
            _note(trace, s_idx, tok, "-", "not an event: a source asking not to be named")
            return None
        for pattern in patterns:
            ok, obj, why = constraints_met(pattern, tok)
            if not ok:
                _note(trace, s_idx, tok, pattern.id, f"no match: {why}")
                continue
            code = pattern.code
            if pattern.appraisal:
                lemmas = [t.lemma_.lower() for p in predicative(tok) for t in p.subtree]
                polarity = self.moods.polarity(lemmas)
                if polarity == 0:
                    _note(trace, s_idx, tok, pattern.id, "no match: the description carries no judgement")
                    continue
                code = pattern.code if polarity > 0 else pattern.negative_code
            phrase = [tok] + [c for c in tok.children if c.dep_ == "prt"]
            phrase += [c for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ in pattern.prep]
            if obj is not None:
                phrase.append(obj)
            _note(trace, s_idx, tok, pattern.id, f"matched: {code} ({self.taxonomy[code].name})")
            return Candidate(tok, pattern, code, obj, phrase)
        return None

    def _obligations(self, sent: Span, candidates: dict[int, Candidate]) -> None:
        """Clauses with "must" or "should" reported by someone ("China must drop its barriers,
        the US said") are demands or appeals even when their own verb has no pattern."""
        for tok in sent:
            if tok.dep_ != "ccomp" or tok.i in candidates or tok.pos_ not in ("VERB", "AUX"):
                continue
            modal = next((c for c in tok.children if c.dep_ == "aux" and c.lower_ in ("must", "should")), None)
            if modal is None or self.moods.governor(tok.head.lemma_.lower(), "ccomp") != "report" or any(
                    t.i in candidates for t in tok.subtree):
                continue
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if tok.lemma_.lower() in _SHOWING and any(c.dep_ == "dobj" and c.lemma_.lower() in _FORECAST_OBJECTS
                                                      for c in tok.children):
                continue  # "Exxon should show superior earnings": a forecast of results, not an appeal
            if subject is None or self._may_be_asked(subject):  # not "buying power should remain stable"
                pattern = _MUST if modal.lower_ == "must" else _SHOULD
                candidates[tok.i] = Candidate(tok, pattern, pattern.code, None, [modal, tok])

    def _dateline_state(self, article: Article) -> str | None:
        """The state a wire story was filed from, on its day: "MOSCOW" in 1987 is the Soviet Union."""
        parts = dateline_parts(article.dateline) if article.dateline else []
        if not parts:
            return None
        if len(parts) > 1:
            return dateline_country(article.dateline)  # "LIMA, Pa.", "DUBLIN, Ohio": the state named after it
        day = article.published or date.today()
        seats = [e for e in self.resolver.gazetteer.lookup(parts[0]) if e.kind == "capital" and e.valid_on(day)]
        return seats[0].country_code if seats else dateline_country(article.dateline)

    def _may_be_asked(self, subject: Token) -> bool:
        """Whether what a reported "should" says of its subject can be asked of someone: an actor
        ("China", "foreign companies") or an event ("talks should resume"), not a thing."""
        return _agentive(subject, self.resolver.gazetteer) or bool(self.patterns.for_noun(plain_lemma(subject)))

    def _link(self, candidates: dict[int, Candidate], actors: DocActors, s_idx: int,
              trace: list[Trace] | None) -> tuple[set[int], set[int]]:
        """Join patterns that take their code from a complement event ("urged X *to withdraw*",
        "sent a message *to congratulate*"). Returns the governors that are transparent (their
        complement is coded on its own) and those that absorb their complement."""
        transparent: set[int] = set()
        stop: set[int] = set()
        for cand in candidates.values():
            if not cand.pattern.complement:
                continue
            heads = [cand.head] + ([cand.obj] if cand.obj is not None else [])
            heads += [p for c in cand.head.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
            for head in heads:
                for child in head.children:
                    if child.dep_ in ("xcomp", "ccomp", "advcl", "acl") \
                            and not (child.dep_ == "advcl" and child.i < head.i):
                        # (not "*Speaking* to thousands, Obama encouraged Kenyans to ...": a circumstance)
                        # "urging they should strengthen and *expand* ties": a conjunct may carry it
                        found = next((c for c in [child, *child.conjuncts] if c.i in candidates), None)
                        if found is not None:
                            cand.link = candidates[found.i]
                            break
                    if child.dep_ == "prep":  # "calling for ...": a gerund under the preposition
                        inner = next((p for p in child.children if p.dep_ == "pcomp" and p.i in candidates), None)
                        if inner is not None:
                            cand.link = candidates[inner.i]
                            break
                if cand.link is not None:
                    break
        for cand in candidates.values():
            link = cand.link
            if link is None:
                continue
            if _complement_role(cand) == "content" and self._own_target(link, actors):
                cand.suppressed = True
                transparent.add(cand.head.i)
                if cand.obj is not None:
                    transparent.add(cand.obj.i)
                _note(trace, s_idx, cand.head, cand.pattern.id,
                      f"not coded itself: its content '{link.head.text}' names its own target and is coded")
            else:
                link.absorbed = True
                stop.add(cand.head.i)
                _note(trace, s_idx, link.head, link.pattern.id,
                      f"not coded itself: gives the code of '{cand.head.text}' ({cand.pattern.complement})")
        return transparent, stop

    def _own_target(self, cand: Candidate, actors: DocActors) -> bool:
        if cand.pattern.complement and cand.link is not None:
            return False
        for slot in cand.pattern.target:
            for tok in slot_tokens(cand.head, cand.obj, slot):
                if tok.pos_ != "PRON" and _resolve(actors, tok):
                    return True
        return False

    def _effective(self, cand: Candidate) -> tuple[str, str, list[Token]]:
        """Code, pattern id and phrase of a candidate, following the complement it takes its code from."""
        if cand.link is None:
            return cand.code, cand.pattern.id, cand.phrase
        code, pid, phrase = self._effective(cand.link)
        role = _complement_role(cand)
        if role != "content":
            table = "appeal" if role == "appeal" else "demand"
            code = self.moods.derive(table, code) or cand.code
        return code, f"{cand.pattern.id}>{pid}", cand.phrase + phrase

    # --- from a candidate to a clause with actors ------------------------------------------

    def _clause(self, cand: Candidate, actors: DocActors, transparent: set[int], stop: set[int],
                s_idx: int, trace: list[Trace] | None) -> Clause | None:
        code, pid, phrase = self._effective(cand)
        described = background(cand.head)
        if described:
            _note(trace, s_idx, cand.head, pid, f"not coded: {described}")
            return None
        mood = analyse(cand.head, self.moods, transparent, stop)
        if mood.dropped:
            _note(trace, s_idx, cand.head, pid, f"not coded: {mood.reason}")
            return None
        clause = Clause(cand, code, pid, phrase, mood)
        if mood.state == "obligation":
            return self._as_obligation(clause, actors, s_idx, trace)
        if mood.state == "directive":
            if not self._as_appeal(clause, actors):
                _note(trace, s_idx, cand.head, pid, f"not coded: {mood.reason}")
                return None
        else:
            self._find_actors(clause, actors)
        if not self._apply_mood(clause, s_idx, trace):
            return None
        if mood.report is not None and not self._apply_report(clause, actors, s_idx, trace):
            return None
        return clause

    def _apply_mood(self, clause: Clause, s_idx: int, trace: list[Trace] | None) -> bool:
        state, code = clause.mood.state, clause.code
        if state == "commit":  # "voted to expel" is the expulsion; "agreed to lift" an intent (035x)
            state = "fact" if code[:2] >= "15" else "future"
        if state in ("future", "threat", "refusal"):
            derived = self.moods.derive("refusal" if state == "refusal" else "future", code)
            if derived is None:
                _note(trace, s_idx, clause.candidate.head, clause.pattern_id,
                      f"not coded: no {state} form of {code} ({self.taxonomy[code].name})")
                return False
            if state == "threat" and not derived.startswith("13"):
                derived = "130"
            clause.phrase = clause.mood.words + clause.phrase
            if derived != code:
                clause.notes.append(f"{state} of {code}")
                clause.pattern_id = f"{state}:{clause.pattern_id}"
                clause.confidence -= 0.05
            clause.code = derived
        return True

    def _subject_tokens(self, head: Token) -> tuple[list[Token], str]:
        tokens, how = subjects(head)
        bound: list[Token] = []
        for tok in tokens:
            found = bind_pronoun(tok)
            # "Moon said he and North Korea's Kim had agreed": the speaker, and still Kim
            bound.extend(found + [c for c in tok.conjuncts if c not in found] if found else [tok])
        if bound != tokens:
            how = "pronoun"
        return bound, how

    def _find_actors(self, clause: Clause, actors: DocActors) -> None:
        cand = clause.candidate
        head, pattern = cand.head, cand.pattern
        object_is_patient = pattern.object and cand.obj is not None and cand.obj in passive_subjects(head)
        passive = is_passive(head) or ((copular_passive(head) or bare_participle(head)) and clause.code[:2] in _ACTION_ROOTS)
        by_means = False
        if passive and not object_is_patient:
            source_tokens, how = [_owner_of_means(t, pattern) for t in agents(head)], "agent"
            target_tokens = passive_subjects(head)
            targets = [m for t in target_tokens for m in _resolve(actors, t)]
            if not source_tokens and clause.code[:2] in _VIOLENT_ROOTS:
                source_tokens = self._means(clause, actors)
                by_means = bool(source_tokens)
                source_tokens = source_tokens or origin(head, actors)
        else:
            if passive:
                source_tokens, how = agents(head), "agent"
                if not source_tokens and clause.code[:2] in _VIOLENT_ROOTS:
                    source_tokens = origin(head, actors)  # "a mortar bomb was fired at Israel from Gaza"
            else:
                source_tokens, how = self._subject_tokens(head)
            target_tokens, targets = [], []
        if clause.code[:2] in _VIOLENT_ROOTS:
            # "an attack on an Iraqi base that killed a contractor": a site where force was used does not use it
            source_tokens = [t for t in source_tokens if not _site_named_by_its_state(t, actors)]
        sources = [m for t in source_tokens for m in _resolve(actors, t)]
        if by_means or (clause.code[:2] in _VIOLENT_ROOTS and any(t.lemma_.lower() in ACT_NOUNS for t in source_tokens)):
            sources = _armed(sources, actors.gazetteer)  # "killed in Israeli air strikes", "the Turkish offensive killed"
        if all(m.role_only for m in sources):  # "the two leaders" are the pair named before, not just leaders
            group = self._group_reference(source_tokens, actors, *self._recent)
            if group:
                sources, how = group, "group"
        own = {m.code for m in sources}
        if not target_tokens:
            target_tokens, targets = self._slot_targets(cand, sources, actors)
        if not targets and not target_tokens:
            # "is considering sending aid to Japan", "declined to comment on Greece": a governor
            # whose own event is not coded takes its complement's target
            for comp in complement_children(head):
                inner = self._candidates.get(comp.i)
                if inner is not None and inner is not cand:
                    comp_tokens, comp_targets = self._slot_targets(inner, sources, actors)
                    if comp_targets:
                        target_tokens, targets = comp_tokens, comp_targets
                        break
                if inner is None and clause.code[:2] == "13" and comp.dep_ == "xcomp":
                    # "threatened to bring fire and fury against North Korea": who the threat is aimed at
                    aimed = [o for o in objects(comp) if o.pos_ != "PRON"] + [
                        p for p in prep_objects(comp, "against") + prep_objects(comp, "on") if p.lower_ != "it"]
                    found = [m for t in aimed for m in _resolve(actors, t)
                             if m.code not in own and not (m.role_only and t.dep_ == "dobj")]
                    if found:
                        target_tokens, targets = aimed, found
                        break
            if not targets and clause.code[:2] in _DEAL_ROOTS:
                target_tokens, targets = self._deal_partner(cand, own, actors) or (target_tokens, targets)
        if not targets and _complement_role(cand) in ("appeal", "demand"):
            # "demanded that Israel withdraw": the one told to act is the complement's subject, also
            # when what it is told to do has no pattern ("that the Israeli leader tone down ...")
            told = [cand.link.head] if cand.link is not None else complement_children(head)
            inner = [c for t in told for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and t.dep_ != "xcomp"
                     and _names_an_actor(c, actors)]
            # "demanded they be allowed": asking for oneself names no target
            inner_targets = [m for t in inner for m in _resolve(actors, t) if self._another_actor(m, sources)]
            if inner_targets:
                target_tokens, targets = inner, inner_targets
        if not targets and clause.code[:2] == "08" and head.dep_ == "xcomp" \
                and plain_lemma(head.head) in _COERCING_VERBS:
            # "forced Britain, France and Israel to back down": they yielded to the one who forced them
            coercers = [t for t in subjects(head.head)[0] if t.pos_ != "PRON"]
            found = [m for t in coercers for m in _resolve(actors, t) if self._another_actor(m, sources)]
            if found:
                target_tokens, targets = coercers, found
        if pattern.reverse:
            sources, targets = targets, sources
            source_tokens, target_tokens = target_tokens, source_tokens
        clause.sources, clause.targets = sources, targets
        clause.source_tokens, clause.target_tokens = source_tokens, target_tokens
        # "Iran and Iraq met": each met the other; "... held talks with the rebels" and "held separate
        # meetings": they did not
        # "China and the U.S. have agreed to lower some tariffs": what two parties agree to do, each
        # does for the other (cooperation only: "agreed to impose sanctions" is on someone else)
        agreed = any(word.lower() in _AGREE_FORMS for word, _ in clause.mood.governors) \
            and clause.code[:2] in _AGREED_ROOTS
        two_sides = len(_distinct(sources, clause.code)) >= 2
        # "India and Pakistan accused each other": each accused the other
        mutual = two_sides and not targets and names_each_other(head)
        if mutual:
            target_tokens = clause.target_tokens = [t for t in target_tokens if not is_each_other(t)]
        # "Trump and Kim issued a joint statement": made together, to each other (but "jointly vetoed
        # the resolution" was done to someone else)
        joint = cand.obj is not None and any(c.lower_ == "joint" for c in cand.obj.children) \
            and clause.code[:2] in _JOINT_ROOTS
        clause.reciprocal = (pattern.reciprocal or agreed or mutual or joint) and not target_tokens and two_sides \
            and not (cand.obj is not None and any(c.lower_ == "separate" for c in cand.obj.children))
        clause.confidence = self._base_confidence(cand, how, clause.mood)

    def _noun_pattern(self, noun: Token) -> VerbPattern | None:
        """The most specific event-noun pattern whose modifiers fit: a *seamen's* strike, an *air* strike."""
        return next((p for p in self.patterns.for_noun(noun.lemma_.lower()) if noun_sense_fits(noun, p)), None)

    def _deal_partner(self, cand: Candidate, own: set[str], actors: DocActors) -> tuple[list[Token], list[Mention]] | None:
        """"agreed *to sell* shares to McCarthy Securities", "signed an agreement *to sell* cars to
        Hungary": the other party of an agreed act that has no pattern of its own."""
        acts = [c for c in cand.head.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                and any(a.tag_ == "TO" for a in c.children)]  # "agreed *to sell*", not "agreed to, check out"
        if cand.obj is not None:
            acts += [c for c in cand.obj.children if c.dep_ == "acl" and c.pos_ == "VERB"
                     and any(a.tag_ == "TO" for a in c.children)]
        for act in acts:
            if act.i in self._candidates:
                continue
            for slot in _DEAL_PARTNER_SLOTS:
                named = {t: _resolve(actors, t) for t in slot_tokens(act, None, slot) if t.pos_ != "PRON"}
                if slot == "dobj":  # "acquire Cardis Corp", not "buy Spanish corn" nor "leave a force in Syria"
                    named = {t: found for t, found in named.items() if _names_an_actor(t, actors)
                             and not any(m.kind == "role" and m.sector != "BUS" for m in found)}
                elif slot.startswith("dobj>"):
                    named = {t: found for t, found in named.items() if plain_lemma(t.head.head) in _HOLDINGS}
                # a partner only guessed from the dateline ("sell it to two employees") is no partner
                found = [m for mentions in named.values() for m in mentions
                         if m.code not in own and not m.guessed and not (m.role_only and slot.startswith("dobj"))]
                if found:
                    return list(named), found
        return None

    def _means(self, clause: Clause, actors: DocActors) -> list[Token]:
        """"were killed *in Israeli air strikes*": the act that did it names the event and its actor."""
        for prep in clause.candidate.head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "by", "during", "after"):
                continue
            for noun in prep.children:
                pattern = self._noun_pattern(noun) if noun.dep_ == "pobj" and not _is_a_name(noun) else None
                if pattern is not None and pattern.code[:2] in _VIOLENT_ROOTS:
                    clause.code = pattern.code
                    clause.pattern_id = f"{clause.pattern_id}>{pattern.id}"
                    clause.phrase = clause.phrase + [noun]
                    modifiers, agents_ = _doers_of(noun, actors)
                    return modifiers + agents_
        return []

    def _slot_targets(self, cand: Candidate, sources: list[Mention], actors: DocActors) -> tuple[list[Token], list[Mention]]:
        """The first target slot of the pattern that names an actor other than the source."""
        first_tokens: list[Token] = []
        roles: tuple[list[Token], list[Mention]] | None = None
        for slot in cand.pattern.target:
            tokens = slot_tokens(cand.head, cand.obj, slot)
            if tokens and not first_tokens:
                first_tokens = tokens
            found = [m for t in tokens for m in _resolve(actors, t) if self._another_actor(m, sources)]
            if not found:
                tokens, found = self._bound_pronoun(tokens, sources, actors) or (tokens, found)
            if found and all(m.guessed for m in found):
                roles = roles or (tokens, found)  # a later slot may name a country: "sent officials to Laos"
            elif found:
                return tokens, found
        gap = object_gap(cand.head) if "dobj" in cand.pattern.target and not roles else None
        if gap is not None:  # "the 12 Russian officials it indicted": the object the clause leaves out
            found = [m for m in _resolve(actors, gap) if self._another_actor(m, sources)]
            if found:
                return [gap], found
        return roles or (first_tokens, [])

    def _bound_pronoun(self, tokens: list[Token], sources: list[Mention],
                       actors: DocActors) -> tuple[list[Token], list[Mention]] | None:
        """A pronoun target the article's history names no one by ("sending *them* weapons"): the
        phrase of its own sentence it stands for (`bind_object_pronoun`), if that names another actor."""
        for tok in tokens:
            if tok.pos_ != "PRON" or actors.resolve(tok):
                continue
            for noun in bind_object_pronoun(tok):
                found = [m for m in _resolve(actors, noun) if self._another_actor(m, sources)]
                if found and all(pronoun_fits(tok, noun, m.kind) for m in found):
                    return [noun], found
        return None

    def _another_actor(self, target: Mention, sources: list[Mention]) -> bool:
        """Whether a target is someone other than the sources. One with another code is; so is another
        person of the same code ("held talks with Secretary of State George Shultz", "Obama praised
        Stevens"), or a body other than the government that a person of the same code addresses
        ("Pelosi said Congress must act"). The state itself, the same person, and the government or a
        body addressed by a body of its own code are not ("Zhao said the country must reform", "the
        government told its ministers")."""
        same = [m for m in sources if m.code == target.code]
        if not same:
            return True
        if target.country_code is None or target.known_group_code is not None:
            return False  # "police", "NATO": no state's person or body to tell apart from the source
        if any(m.name == target.name or _within(m, target) or _within(target, m) for m in same):
            return False  # the same person, or the source is part of the target's phrase ("Russian President Putin")
        if names_a_person(target, self.resolver.gazetteer):
            return True
        if target.kind in _STATE_KINDS or target.sector in (None, "GOV"):
            return False
        return all(names_a_person(m, self.resolver.gazetteer) for m in same)

    def _as_appeal(self, clause: Clause, actors: DocActors) -> bool:
        """"Obama wants Putin to attack": the governor's subject appeals to its object."""
        governor = clause.mood.directive
        target_tokens = clause.mood.addressee
        if not target_tokens:
            return False
        source_tokens, how = self._subject_tokens(governor)
        clause.code = self.moods.derive("appeal", clause.code) or "020"
        clause.pattern_id = f"appeal:{governor.lemma_.lower()}>{clause.pattern_id}"
        clause.phrase = [governor] + clause.phrase
        clause.source_tokens, clause.target_tokens = source_tokens, target_tokens
        clause.sources = [m for t in source_tokens for m in _resolve(actors, t)]
        clause.targets = [m for t in target_tokens for m in _resolve(actors, t)]
        clause.confidence = self._base_confidence(clause.candidate, how, clause.mood) - 0.05
        clause.mood.state = "fact"
        return True

    def _as_obligation(self, clause: Clause, actors: DocActors, s_idx: int, trace: list[Trace] | None) -> Clause | None:
        """"The US said China must drop its barriers": the US demands it of China."""
        cand, governor = clause.candidate, clause.mood.report[0]
        must, tok = False, cand.head
        while tok != governor and tok.head != tok and not must:
            must = any(c.lower_ == "must" for c in tok.children if c.dep_ == "aux")
            tok = tok.head
        if cand.pattern not in (_MUST, _SHOULD):
            clause.code = self.moods.derive("demand" if must else "appeal", clause.code) or ("100" if must else "020")
        speaker_tokens, _ = self._subject_tokens(governor)
        target_tokens = [t for t in subjects(cand.head)[0] if t.pos_ != "PRON"]
        clause.source_tokens, clause.target_tokens = speaker_tokens, target_tokens
        clause.sources = [m for t in speaker_tokens for m in _resolve(actors, t)]
        # "Sen. Cruz said Mr. Obama must seek authorization", "Pelosi said Congress must act": another
        # person or body of the speaker's state is asked too
        clause.targets = [m for t in target_tokens for m in _resolve(actors, t) if self._another_actor(m, clause.sources)]
        if not target_tokens:
            _note(trace, s_idx, cand.head, clause.pattern_id, "not coded: an obligation without someone obliged")
            return None
        clause.pattern_id = f"{'demand' if must else 'appeal'}:{governor.lemma_.lower()}>{clause.pattern_id}"
        clause.phrase = [governor] + clause.phrase
        clause.confidence = (cand.pattern.confidence or 0.75) - 0.05
        return clause

    def _apply_report(self, clause: Clause, actors: DocActors, s_idx: int, trace: list[Trace] | None) -> bool:
        """Reported speech: a speaker's own act claimed (015) or denied (016), another actor
        accused of violence (112), or the report's content, when the report asserts it."""
        governor, kind = clause.mood.report
        speaker_tokens, _ = self._subject_tokens(governor)
        speakers = [m for t in speaker_tokens for m in _resolve(actors, t)]
        countries = {_country(m) for m in speakers}
        # "said its jets and artillery struck": sources of no state named beside the speaker's own are its own too
        known = [m for m in clause.sources if not m.role_only]
        same = bool(speakers) and bool(known) and all(_country(m) in countries for m in known)
        same = same or bool({t.i for t in speaker_tokens} & {t.i for t in clause.source_tokens})
        conflict = clause.code[:2] >= "10"
        violent = clause.code[:2] in _VIOLENT_ROOTS
        # a party accuses; media, analysts and unnamed "officials" of no known side only report
        party = any(m.sector not in _NON_ASSERTING_SECTORS and not m.role_only for m in speakers)
        head = clause.candidate.head
        if to_blame(head) and not clause.sources and speakers:
            # "He said rebel forces were to blame": the speaker blames them
            clause.sources, clause.source_tokens = speakers, speaker_tokens
            clause.phrase = [governor] + clause.phrase
            return True
        if kind in ("claim", "deny") and same and conflict:
            clause.code = "015" if kind == "claim" else "016"
            clause.pattern_id = f"{kind}:{clause.pattern_id}"
            clause.sources, clause.source_tokens = speakers, speaker_tokens
            clause.phrase = [governor] + clause.phrase
            return True
        trailing = governor.i > head.i  # "X attacked Y, officials said": the wire's way of sourcing a fact
        if party and not same and violent and clause.sources and (kind == "claim" or not trailing):
            clause.code = "112"
            clause.pattern_id = f"accuse:{governor.lemma_.lower()}>{clause.pattern_id}"
            clause.targets, clause.target_tokens = clause.sources, clause.source_tokens
            clause.sources, clause.source_tokens = speakers, speaker_tokens
            clause.phrase = [governor] + clause.phrase
            clause.reciprocal = False
            clause.confidence -= 0.1
            return True
        if kind == "report" or (kind == "claim" and same):
            clause.confidence -= 0.05
            clause.notes.append(f"reported by '{governor.text}'")
            return True
        _note(trace, s_idx, head, clause.pattern_id, f"not coded: {kind} by '{governor.text}' does not assert it")
        return False

    def _group_reference(self, tokens: list[Token], actors: DocActors, s_idx: int = 0,
                         recent: list[Recent] = ()) -> list[Mention]:
        """"the two leaders", "both sides": the pair that last acted together (conjoined or
        reciprocal sources of a recent clause), or else the last two actors named before."""
        for tok in tokens:
            words = {c.lower_ for c in tok.children if c.dep_ in ("nummod", "det", "predet")}
            if tok.lemma_.lower() not in _GROUP_WORDS or not words & {"two", "both"}:
                if not (tok.lower_ == "both" and tok.dep_ in ("nsubj", "nsubjpass")):
                    continue
            sector = actors.gazetteer.roles.get(tok.lemma_.lower(), "GOV")
            sector = "GOV" if sector not in ("GOV", "MIL") else sector
            chosen: list[Mention] = []
            for earlier in reversed(recent):
                pair = {m.country_code: m for m in earlier.sources if m.country_code}
                if s_idx - earlier.sentence <= 2 and len(pair) == 2:
                    chosen = list(pair.values())[::-1]
                    break
            if not chosen:
                earlier = [m for m in actors.mentions if m.end <= tok.left_edge.idx and m.country_code]
                for m in reversed(earlier):
                    if m.country_code not in {c.country_code for c in chosen}:
                        chosen.append(m)
                    if len(chosen) == 2:
                        break
            if len(chosen) != 2 or tok.idx - chosen[-1].start > 600:
                return []
            span = tok.doc[tok.left_edge.i: tok.i + 1]
            return [Mention(text=span.text, start=span.start_char, end=span.end_char, code=m.country_code + sector,
                            country_code=m.country_code, sector=sector, name=m.name, kind="group-reference")
                    for m in reversed(chosen)]
        return []

    def _noun_clause(self, noun: Token, pattern: VerbPattern, actors: DocActors, transparent: set[int],
                     stop: set[int], s_idx: int, trace: list[Trace] | None) -> Clause | None:
        """A nominal event: "Israeli air strikes on Gaza", "talks between Iran and Saudi Arabia"."""
        if any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in noun.children):
            _note(trace, s_idx, noun, pattern.id, "not coded: negated noun")
            return None
        if not noun_sense_fits(noun, pattern):
            _note(trace, s_idx, noun, pattern.id, "not coded: a modifier gives the noun another sense")
            return None
        if _is_a_name(noun):
            _note(trace, s_idx, noun, pattern.id, "not coded: a title, or what something is called")
            return None
        governor = noun.head
        if governor.pos_ in ("VERB", "AUX") and governor != noun:
            mood = analyse(governor, self.moods, transparent, stop, borrowed=True)
            if mood.dropped or mood.state != "fact":
                _note(trace, s_idx, noun, pattern.id, f"not coded: '{governor.text}' is not a fact ({mood.reason or mood.state})")
                return None
        cand = Candidate(noun, pattern, pattern.code, None, [noun])
        clause = Clause(cand, pattern.code, pattern.id, [noun], Mood("fact"))
        modifiers, agents_ = _doers_of(noun, actors)
        # "Soleimani's killing", "Navalny's arrest": the owner of what is suffered suffered it (but
        # "Iran's arrest *of* the sailors" was Iran's act)
        sufferers = [c for c in modifiers if c.dep_ == "poss" and c.pos_ != "PRON"] \
            if noun.lemma_.lower() in _SUFFERED and not prep_objects(noun, "of") else []
        modifiers = [c for c in modifiers if c not in sufferers]
        # "Iran's attack", "Israeli strikes": a name; "Kerry's visit", "the workers' strike": an owner
        # that is an actor, but not for force, which a person's possessive is often only in words
        # ("Giuliani's attacks on the inquiry"), nor a pronoun's ("their assault" after many states)
        owners = [c for c in modifiers if c.dep_ == "poss" and c.pos_ != "PRON" and c.i not in actors.by_token
                  and pattern.code[:2] not in _VIOLENT_ROOTS and _resolve(actors, c)]
        source_tokens = [c for c in modifiers if c.i in actors.by_token] + owners + agents_
        sources = [m for t in source_tokens for m in _resolve(actors, t)]
        if pattern.code[:2] in ("19", "20"):
            sources = _armed(sources, actors.gazetteer)
        target_tokens, targets = self._slot_targets(cand, sources, actors)
        if sufferers and not targets:
            target_tokens, targets = sufferers, [m for t in sufferers for m in _resolve(actors, t)]
        if owners and not targets and source_tokens == owners:
            # "Abe's visit is to prepare for ...", "Netanyahu's visit is highly unusual": a person's act
            # named with no one it concerns is most often one talked about before or after it happens
            _note(trace, s_idx, noun, pattern.id, "not coded: an owner's act with no target")
            return None
        if not sources and pattern.reciprocal and len(_distinct(targets, pattern.code)) >= 2:
            sources, source_tokens, targets = targets, target_tokens, []
        clause.sources, clause.targets = sources, targets
        clause.source_tokens, clause.target_tokens = source_tokens, target_tokens
        clause.reciprocal = pattern.reciprocal and not targets and len(_distinct(sources, pattern.code)) >= 2
        clause.confidence = (pattern.confidence or 0.6) - 0.05 * (not sources)
        _note(trace, s_idx, noun, pattern.id, f"matched noun: {pattern.code} ({self.taxonomy[pattern.code].name})")
        return clause

    def _base_confidence(self, cand: Candidate, how: str, mood: Mood) -> float:
        p = cand.pattern
        confidence = p.confidence or 0.8 + 0.03 * min(p.specificity, 3)
        confidence -= {"own": 0.0, "agent": 0.0, "inherited": 0.1, "object-control": 0.05, "relative": 0.05,
                       "participle": 0.1, "pronoun": 0.05, "group": 0.15}.get(how, 0.15)
        confidence -= mood.penalty
        if cand.head.dep_ == "ROOT":
            confidence += 0.05
        elif cand.head.dep_ in ("acl", "relcl"):
            confidence -= 0.15  # a modifier describing a noun ("a worker *imprisoned* in Egypt"), background
        return confidence

    # --- writing events ----------------------------------------------------------------------

    def _when(self, article: Article, sent: Span, clause: Clause) -> EventDate:
        """The event's date. A stated intent, threat, refusal, appeal or accusation happens when it
        is stated: it is dated by the clause that states it ("announced *on Tuesday* that it would
        free prisoners *by August*"). No event is dated after its article: a date ahead of it
        belongs to what is intended or invited ("invited Choe to Havana *next year*")."""
        mood = clause.mood
        stated_by = mood.report[0] if mood.report is not None and clause.pattern_id.startswith(
            ("accuse:", "claim:", "deny:", "demand:", "appeal:")) else None
        if stated_by is None and mood.words:
            stated_by = mood.words[-1]
        when = event_date(article, sent, stated_by if stated_by is not None else clause.candidate.head)
        if article.published and when.value and when.value > latest_day(article):
            return article_date(article)
        return when

    def _in_role_of_the_day(self, m: Mention | None, when: EventDate, article: Article) -> Mention | None:
        """"In 2002, Hagel urged the Bush administration to ...": a person the files know is coded in the
        office held on the day the sentence gives the act, when that is a month or more before the
        article ("in February, Comey told ..." of a November story), a year for a year alone (people
        are otherwise coded as of the article's day)."""
        if m is None or not m.name or not m.country_code or m.kind not in ("person", "coreference") \
                or when.value is None or when.precision in ("publication", "crawl", "none") or article.published is None:
            return m
        if (article.published - when.value).days < (365 if when.precision == "year" else 31):
            return m
        gazetteer = self.resolver.gazetteer
        person = gazetteer.people.get(person_key(m.name, m.country_code))
        if person is None:
            return m
        # "in 2009" is dated to its first day; the middle of the year or month is fairer to who held what
        day = when.value.replace(month=7) if when.precision == "year" else \
            when.value.replace(day=15) if when.precision == "month" else when.value
        if person.office_on(day) is None and not any(t.end is not None and t.end <= day for t in person.terms):
            return m  # before any office the files know: what the phrase says stands
        sector = person.sector_on(day)[0]  # the office then, or ELI out of office (a legislator stays one)
        if sector is None or sector == m.plover_sector:
            return m
        return _in_sector(m, sector, gazetteer)

    def _said_by(self, code: str, head: Token, a1: Mention, a2: Mention | None,
                 gathered: bool = False) -> tuple[str, str] | None:
        """The code a pattern's act takes from who does it, and why: force between two politicians is
        criticism, a government's protest a complaint. None when the pattern's code stands."""
        word = head.lemma_.lower()
        figurative = code[:2] in ("18", "19") and word in _FIGURATIVE_FORCE  # force that may be words
        if figurative and self._politicians(a1) and self._politicians(a2):
            # "Trump was attacking Sen. Chuck Schumer", "fired back at Rouhani": words, not force
            return "111", "force between two politicians: criticism (111)"
        if figurative and self._politicians(a1) and a2 is not None \
                and a2.country_code == a1.country_code and a2.plover_sector in _OWN_INSTITUTIONS:
            # "Tillerson clashed with White House officials", "Trump attacked Congress": words, not force
            return "111", "a politician's force against his own state's institutions: criticism (111)"
        if figurative and _blamed_for_conduct(head):
            # "Trump attacked China for raping the U.S. economy": blame for what it did
            return "111", "force for what the target did: criticism (111)"
        if code == "141" and head.pos_ == "VERB" and word == "protest" and a1.plover_sector == "GOV" and a1.country_code:
            # "France today protested over Canada's decision"
            return "114", "a government protesting complains officially (114)"
        if code == "114" and head.pos_ == "VERB" and word == "protest" and a1.plover_sector in _PUBLIC_SECTORS:
            # "Thousands of demonstrators took to the streets to protest against Putin"
            return "141", "people protesting against someone demonstrate (141)"
        if gathered and code[:2] == "11" and a1.plover_sector in _PUBLIC_SECTORS | {"", "UNK", None}:
            # "feminists hit the streets to denounce the government": they demonstrated
            return "141", "people who gather to denounce someone demonstrate (141)"
        return None

    def _struggle_sides(self, kept: list[tuple[Mention, None]], code: str, s_idx: int, head: Token, pattern_id: str,
                        trace: list[Trace] | None) -> list[tuple[Mention, Mention | None]]:
        """Who fought or clashed with whom when no one fought is named: politicians who clash
        clash with each other ("Rousseff and Obama have clashed over reports ..."); a politician
        fighting no one uses no force ("fighting for his political survival")."""
        sides = [a1 for a1, _ in kept if self._politicians(a1)]
        paired = [(a, b) for a in sides for b in sides if _party(a) != _party(b)]
        if paired or code[:2] not in ("18", "19"):
            return paired or kept
        for _ in sides:
            _note(trace, s_idx, head, pattern_id, "not coded: a politician's struggle with no one named is no force")
        return [(a1, a2) for a1, a2 in kept if not self._politicians(a1)]

    def _politicians(self, actor: Mention | None) -> bool:
        """A named person in a political or civilian-government role (not a soldier or a rebel)."""
        if actor is None or not actor.name or actor.plover_sector not in _POLITICAL_SECTORS:
            return False
        if actor.kind not in ("person", "coreference"):
            return False
        return actor.name != self.resolver.gazetteer.country_names.get(actor.country_code or "")

    def _events(self, article: Article, sent: Span, s_idx: int, clause: Clause, policy: str,
                trace: list[Trace] | None) -> list[Event]:
        head = clause.candidate.head
        if clause.candidate.pattern.reciprocal and clause.candidate.code in _MEETING_CODES and not clause.reciprocal \
                and not clause.target_tokens and policy != "any":
            # "Officials met on Tuesday": one party's members among themselves, no event between actors
            _note(trace, s_idx, head, clause.pattern_id, "not coded: a reciprocal act with only one party")
            return []
        needs = clause.candidate.pattern.needs_target
        # "act": help given to no one named, or with another act, is none ("helped others", "helped drive
        # Brexit"); a promise of help may name no one ("America is coming to help")
        if needs and (needs is True or with_an_act(head) or clause.code[:2] == "07") \
                and not any(t.code for t in clause.targets) and policy != "any":
            # "the port receives grain", "Libya is receiving funds": receiving no one is no hosting
            _note(trace, s_idx, head, clause.pattern_id, "not coded: the pattern needs a target that names an actor")
            return []
        if clause.code[:2] == "04" and not clause.reciprocal and clause.target_tokens \
                and not any(t.code for t in clause.targets) and policy != "any":
            # "spoke with a newspaper we do not know", "met Mr. Smith": no consultation between actors
            _note(trace, s_idx, head, clause.pattern_id, "not coded: a consultation with no known actor")
            return []
        if clause.code[:2] == "04" and clause.targets and policy != "any" \
                and all(t.plover_sector == "JRN" for t in clause.targets):
            # "Speaking to reporters", "spoke to the BBC": an interview, not a consultation
            _note(trace, s_idx, head, clause.pattern_id, "not coded: talking to the press is no consultation")
            return []
        if clause.code[:2] == "09" and clause.sources and head.lemma_.lower() in _PRESS_QUESTIONS \
                and all(s.plover_sector == "JRN" for s in clause.sources) and policy != "any":
            # "Questioned by reporters, Nakasone said ...": an interview, not an investigation
            _note(trace, s_idx, head, clause.pattern_id, "not coded: reporters' questions are no investigation")
            return []
        sources = clause.sources or ([_unresolved(clause.source_tokens)] if clause.source_tokens else [])
        targets = clause.targets or ([_unresolved(clause.target_tokens)] if clause.target_tokens else [])
        if clause.reciprocal:
            if len(_distinct(clause.sources)) > _MAX_RECIPROCAL:
                _note(trace, s_idx, head, clause.pattern_id,
                      f"not coded: {len(_distinct(clause.sources))} parties act together, a multilateral act")
                return []
            pairs = [(a, b) for a in clause.sources for b in clause.sources
                     if _party(a, clause.code) != _party(b, clause.code)]
        else:
            pairs = [(a, b) for a in (sources or [None]) for b in (targets or [None])
                     if a is None or b is None or not _overlaps(a, b)]
        when = self._when(article, sent, clause)
        kept, seen = [], set()
        for a1, a2 in pairs:
            a1, a2 = self._in_role_of_the_day(a1, when, article), self._in_role_of_the_day(a2, when, article)
            if a1 is None and policy == "any":
                a1 = Mention(text="", start=head.idx, end=head.idx, code="", kind="none")
            if a1 is None or (a2 is not None and a1.code and not self._another_actor(a2, [a1])):
                continue
            if not a1.code and policy != "any":
                continue
            if (a2 is None or not a2.code) and policy == "both":
                continue
            if a2 is not None and not a2.code and policy != "any":
                a2 = None  # "attacked a convoy": the target names no actor, so the event has none
            a2 = _coerced_at_home(a1, a2, clause.code)
            if a1.code and (a1.code, a2.code if a2 is not None else None) in seen:
                continue  # "U.S. fighter jets and drones bombed ...": one act of one actor on one target
            seen.add((a1.code, a2.code if a2 is not None else None))
            kept.append((a1, a2))
        if not kept:
            missing = "source" if not clause.sources else "target"
            _note(trace, s_idx, head, clause.pattern_id, f"not coded: {missing} is not a known actor")
            return []
        resolved = [a for a in clause.sources + clause.targets if a.code]
        where = event_place(article, sent, head, resolved)
        actor_tokens = {t.i for t in clause.source_tokens + clause.target_tokens}
        phrase = sorted({t for t in clause.phrase if t.i not in actor_tokens} or set(clause.phrase), key=lambda t: t.i)
        phrase_start = min(t.idx for t in phrase)
        phrase_end = max(t.idx + len(t.text) for t in phrase)
        coded = self.taxonomy[clause.code]
        events = []
        gathered = any(kind == "gathering" for _, kind in clause.mood.governors)
        if head.lemma_.lower() in _STRUGGLE_VERBS and all(a2 is None for _, a2 in kept):
            kept = self._struggle_sides(kept, coded.code, s_idx, head, clause.pattern_id, trace)
        for a1, a2 in kept:
            cameo = coded
            said_by = self._said_by(coded.code, head, a1, a2, gathered)
            if said_by is not None:
                cameo = self.taxonomy[said_by[0]]
                _note(trace, s_idx, head, clause.pattern_id, said_by[1])
            confidence = clause.confidence - 0.1 * sum(a.kind == "coreference" for a in (a1, a2) if a is not None)
            confidence -= 0.25 * sum(a is None or not a.code for a in (a1, a2))
            spans = [a1] + ([a2] if a2 is not None else [])
            event = Event(
                doc_id=article.doc_id,
                event_date=when.value.isoformat() if when.value else "",
                actor1_code=a1.code,
                actor1_name=a1.name or a1.text,
                actor1_country_code=a1.country_code,
                actor1_known_group_code=a1.known_group_code,
                actor2_code=a2.code if a2 is not None else None,
                actor2_name=(a2.name or a2.text) if a2 is not None else None,
                actor2_country_code=a2.country_code if a2 is not None else None,
                actor2_known_group_code=a2.known_group_code if a2 is not None else None,
                event_code=cameo.code,
                event_root_code=cameo.root,
                quad_class=cameo.quad_class,
                goldstein_scale=cameo.goldstein,
                plover_event_type=cameo.plover_event,
                plover_mode=cameo.plover_mode,
                sentence=sent.text.strip(),
                evidence_start=min([phrase_start] + [a.start for a in spans]),
                evidence_end=max([phrase_end] + [a.end for a in spans]),
                source_url=article.url,
                coder=self.qualified_name,
                confidence=round(max(0.05, min(0.99, confidence)), 2),
                actor1_sector=a1.sector or None,
                actor2_sector=(a2.sector or None) if a2 is not None else None,
                event_text=" ".join(t.text for t in phrase),
                event_start=phrase_start,
                event_end=phrase_end,
                actor1_start=a1.start,
                actor1_end=a1.end,
                actor2_start=a2.start if a2 is not None else -1,
                actor2_end=a2.end if a2 is not None else -1,
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
        _note(trace, s_idx, head, clause.pattern_id,
              f"coded {len(events)} event(s): {clause.code} ({coded.name})"
              + (f"; {', '.join(clause.notes)}" if clause.notes else ""))
        return events


# --- small helpers -----------------------------------------------------------------------------


_NAMING_VERBS = {"call", "dub", "label", "term", "brand", "nickname", "name", "describe", "characterize", "characterise"}


def _is_a_name(noun: Token) -> bool:
    """An event noun that names or describes something else: a title ("*Hillary's War*"), a war's
    name, or what something is called ("called the shelling a *massacre*")."""
    if noun.ent_type_ in ("WORK_OF_ART", "LAW"):
        return True
    if noun.text == "War" and noun.i > noun.sent.start and any(c.dep_ == "compound" or c.text[:1].isupper()
                                                                for c in noun.lefts if c.dep_ != "det"):
        return True  # a war's name ("killed in the *Vietnam War*", "the Korean War"): history, no parties
    if noun.head.lemma_.lower() not in _NAMING_VERBS:
        return False
    return noun.dep_ in ("oprd", "attr", "xcomp") or (noun.dep_ == "dobj" and noun.pos_ == "PROPN")


def _armed(sources: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """"the Turkish offensive", "Russia's bombardment": a state's armed force is its military."""
    return [_in_sector(m, "MIL", gazetteer) if m.sector is None and m.country_code and m.kind in ("demonym", "country")
            else m for m in sources]


def _in_sector(m: Mention, sector: str, gazetteer: Gazetteer) -> Mention:
    """The same actor of the same state in another PLOVER sector."""
    return dataclasses.replace(m, code=gazetteer.cameo_code(m.country_code, sector),
                               sector=gazetteer.cameo_role(sector) or None, plover_sector=sector)


def _doers_of(noun: Token, actors: DocActors) -> tuple[list[Token], list[Token]]:
    """Who an event noun names as its doer: its modifiers ("Israeli air strikes", "Iran's attack")
    and its "by" phrase ("strikes by Russia"). A city named before it is where it happened, not
    who did it: "the Paris attacks", "the Benghazi bombing"."""
    modifiers = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")
                 and not (c.dep_ == "compound" and actors.by_token.get(c.i, (None, None))[1] is not None
                          and actors.by_token[c.i][1].kind in ("capital", "city", "region"))]
    agents_ = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
    return modifiers, agents_


def _names_an_actor(tok: Token, actors: DocActors) -> bool:
    """Whether a noun phrase's head itself names an actor: "the Israeli *leader*", "*Pyongyang*",
    "its *partners*", not a thing its modifier names ("demanded *the ZTE issue* be resolved")."""
    return _agentive(tok, actors.gazetteer) or tok.i in actors.by_token or plain_lemma(tok) in actors.gazetteer.generic


# Places and buildings: a state's adjective on one says where, not who ("an Iraqi base", "a Syrian town")
_SITES = frozenset({"base", "city", "town", "village", "checkpoint", "border", "field", "hospital", "building",
                    "compound", "facility", "plant", "site", "port", "airport", "airfield", "province", "region",
                    "district", "area", "territory", "camp", "school", "market", "neighborhood", "neighbourhood",
                    "outpost", "post", "station", "refinery", "installation", "street", "road", "highway", "bridge",
                    "mosque", "church", "house", "home", "office", "consulate"})


def _owner_of_means(tok: Token, pattern: VerbPattern) -> Token:
    """A passive's agent that is the means the pattern names ("hit by *Trump's* China tariffs"):
    its possessive owner used it, where it has one. A name before it may be either side ("U.S.
    sanctions", "Iran sanctions")."""
    if plain_lemma(tok) not in pattern.prep_object:
        return tok
    return next((c for c in tok.children if c.dep_ == "poss"), tok)


def _site_named_by_its_state(tok: Token, actors: DocActors) -> bool:
    return plain_lemma(tok) in _SITES and tok.i not in actors.by_token and tok.pos_ == "NOUN"


def _agentive(tok: Token, gazetteer: Gazetteer) -> bool:
    """A name, a pronoun, an agent noun or a role word ("companies", "police"): someone who can act."""
    return can_act(tok) or plain_lemma(tok) in gazetteer.roles


def _complement_role(cand: Candidate) -> str | None:
    """What the linked complement does to the code. A message's content is coded as said, but a
    call *for someone* to act is an appeal to them: "called for Iran to release the sailors"."""
    role = cand.pattern.complement
    if role == "content" and cand.link is not None and for_subjects(cand.link.head):
        return "appeal"
    return role


def _connective(tok: Token) -> bool:
    doc = tok.doc
    if tok.i == 0 or tok.i + 1 >= len(doc):
        return False
    return (doc[tok.i - 1].lower_, tok.lower_, doc[tok.i + 1].lower_) in _CONNECTIVES


def _resolve(actors: DocActors, token: Token) -> list[Mention]:
    """Actors of the phrase headed by `token`, or of its apposition when the head names none:
    "Kim Jong-un, *North Korea's leader*, ...". A role alone ("the spokesman") gives way to
    what the rest of the phrase says ("the spokesman, *a Chinese official*")."""
    found = actors.resolve(token) if token.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or not token.ent_type_ else []
    if found and all(m.guessed for m in found):
        placed = _resolve_further(actors, token, [])
        return placed if placed and not all(m.guessed for m in placed) else found
    return _resolve_further(actors, token, found)


def _resolve_further(actors: DocActors, token: Token, found: list[Mention]) -> list[Mention]:
    if not found:
        for child in token.children:
            if child.dep_ == "appos":
                found = actors.resolve(child)
                if found:
                    break
    if not found and token.pos_ == "NOUN":
        found = _nationality(actors, token)
    if not found and token.ent_iob_ in ("B", "I"):
        # "Barack Obama" parsed as a preposition and its object: the name's other words name it
        ent = entity_at(token.doc, token.i)
        for other in ent or ():
            if other is not token and other.head.i in range(ent.start, ent.end) and other.dep_ != "compound":
                found = actors.resolve(other)
                if found:
                    break
        if not found and token.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
            found = actors.resolve(token)
    if not found and token.pos_ == "NOUN":
        found = [m for example in _examples(token) for m in actors.resolve(example)]
    if not found and token.pos_ == "NOUN":
        # "the allegations by Rwanda", "an attack by rebels": the act stands for who did it
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "by":
                found = [m for p in prep.children if p.dep_ == "pobj" for m in actors.resolve(p)]
                break
    return found


def _examples(noun: Token) -> list[Token]:
    """The named examples of a plural noun: "groups *like al Qaeda and the Islamic State*",
    "countries *such as Syria*"."""
    for prep in noun.children:
        if prep.dep_ == "prep" and (prep.lower_ == "like" or (
                prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children))):
            return [p for p in prep.children if p.dep_ == "pobj"]  # its conjuncts resolve with it
    return []


def _nationality(actors: DocActors, token: Token) -> list[Mention]:
    """"150 Palestinian prisoners", "Filipino peacekeepers": people of a country named by an
    adjective, coded with the country alone (no role), as GDELT does."""
    found = []
    if token.lemma_.lower() in RELATION_NOUNS and not any(c.dep_ == "poss" for c in token.children):
        return found  # "American allies" are not American
    if token.lemma_.lower() in ANCESTRY_NOUNS:
        return found  # "of Mexican descent" names no one
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.i in actors.by_token:
            for m in actors.resolve(child):
                if m.kind in ("demonym", "country") and m.country_code:
                    span = token.doc[token.left_edge.i: token.i + 1]
                    found.append(Mention(text=span.text, start=span.start_char, end=span.end_char,
                                         code=m.country_code, country_code=m.country_code, name=m.name,
                                         kind="nationality"))
    return found


def _moved(m: Mention, token: Token) -> Mention:
    """An actor named earlier, standing for the phrase headed by `token` here."""
    span = token.doc[token.left_edge.i: token.i + 1]
    return Mention(text=span.text, start=span.start_char, end=span.end_char, code=m.code,
                   country_code=m.country_code, sector=m.sector, known_group_code=m.known_group_code,
                   name=m.name, kind="event-reference")


def _within(inner: Mention, outer: Mention) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


# Who a state coerces (17x but expulsion) with no country named are its own: "China carried out a
# campaign, arresting hundreds of people", "Castro jailed thousands of dissidents". Not rebels or
# militants, whom forces often hold abroad.
_COERCERS = {"GOV", "COP", "JUD", "MIL", "SPY"}
_COERCED_AT_HOME = {"CVL", "OPP", "CRM", "EDU", "MED", "LAB", "REL"}


def _coerced_at_home(source: Mention | None, target: Mention | None, code: str) -> Mention | None:
    if source is None or target is None or not target.role_only or not source.country_code \
            or not code.startswith("17") or code.startswith("174") \
            or source.sector not in _COERCERS or target.sector not in _COERCED_AT_HOME:
        return target
    return dataclasses.replace(target, code=source.country_code + target.code, country_code=source.country_code,
                               kind="coerced")


# Mentions that stand for a state itself, not for one of its people or bodies
_STATE_KINDS = {"country", "capital", "place", "demonym", "informal", "possessive"}


def _country(m: Mention) -> str:
    return m.country_code or m.code


def _party(m: Mention, code: str = "") -> str:
    """Which party an actor is: its country, except in a fight, where "police and protesters
    clashed" are two in one country, and for a state's opposition or rebels, who meet and talk
    with its government as another party (two bodies of one state that meet or debate are no
    relation between states)."""
    if code[:2] in _DOMESTIC_ROOTS or m.plover_sector in _CHALLENGERS:
        return m.code or _country(m)
    return _country(m)


def _distinct(mentions: list[Mention], code: str = "") -> set[str]:
    return {_party(m, code) for m in mentions}


def _unresolved(tokens: list[Token]) -> Mention:
    """A placeholder for a phrase that names no known actor (kept only with actors="any")."""
    head = tokens[0]
    start = head.left_edge if head.left_edge.i >= head.i - 6 else head
    span = head.doc[start.i: head.i + 1]
    return Mention(text=span.text, start=span.start_char, end=span.end_char, code="", kind="unresolved")


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _event_id(event: Event) -> str:
    key = "|".join(
        map(str, (event.doc_id, event.sentence_start, event.pattern_id, event.actor1_code,
                  event.actor1_start, event.actor2_code, event.actor2_start, event.event_code))
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _note(trace: list[Trace] | None, s_idx: int, word: Token, pattern_id: str, outcome: str) -> None:
    if trace is not None:
        trace.append(Trace(s_idx, word.text, pattern_id, outcome))

