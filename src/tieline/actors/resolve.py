"""Resolve the noun phrases of a parsed article to CAMEO actor codes.

`ActorResolver.for_doc(doc)` finds every gazetteer name in a spaCy `Doc` once, then
`DocActors.resolve(token)` turns the noun phrase headed by `token` into zero or more actors
(coordinated phrases give several: "Vietnam, Laos and Cuba"). People named with a title and a
nationality ("Cuban President Miguel Diaz-Canel") are remembered for the rest of the article so
that a later "Diaz-Canel" resolves too. A phrase with no country evidence resolves to nothing:
unknown names never become a country by accident.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..models import Mention
from .gazetteer import Entry, Gazetteer, load_gazetteer

# Children whose subtrees are not part of the actor's own noun phrase.
_OUTSIDE_NP = {"relcl", "acl", "advcl", "appos", "conj", "cc", "punct", "prep", "parataxis", "ccomp"}
_NP_PREPOSITIONS = {"of", "from"}
_MAX_ROLE_WORDS = 4
_PERSON_LABELS = {"PERSON"}
# Country names that are also common given names; trusted only when NER does not call them people.
_COUNTRY_KINDS = {"country", "demonym", "capital", "informal"}


@dataclass
class DocActors:
    """Actor mentions of one article, and the people it has introduced so far."""

    doc: Doc
    gazetteer: Gazetteer
    by_token: dict[int, tuple[Span, Entry]]
    when: date | None = None  # the article's date, for titles whose holder changes over time
    people: dict[str, Mention] = field(default_factory=dict)  # name or surname -> resolved actor

    @property
    def mentions(self) -> list[Mention]:
        seen, out = set(), []
        for span, entry in self.by_token.values():
            if span.start in seen:
                continue
            seen.add(span.start)
            out.append(self._mention_for(span, entry, span))
        return sorted(out, key=lambda m: m.start)

    def resolve(self, token: Token) -> list[Mention]:
        """Actors named by the noun phrase headed by `token` (with its conjuncts)."""
        actors: list[Mention] = []
        for head in [token, *[t for t in token.conjuncts if t.i > token.i]]:
            actors.extend(self._resolve_head(head))
        unique: dict[tuple, Mention] = {}
        for actor in actors:
            unique.setdefault((actor.code, actor.start), actor)
        return list(unique.values())

    def introduce_people(self) -> None:
        """Remember everyone the article introduces with a title and nationality, in order,
        so that "Diaz-Canel" two paragraphs after "Cuban President Miguel Diaz-Canel" resolves."""
        for ent in self.doc.ents:
            if ent.label_ in _PERSON_LABELS:
                self._resolve_head(ent.root)

    # --- internals -------------------------------------------------------------------------

    def _np_tokens(self, head: Token) -> list[Token]:
        tokens = [head]
        for child in head.children:
            if child.dep_ in _OUTSIDE_NP and not (
                child.dep_ == "prep" and child.lower_ in _NP_PREPOSITIONS
            ):
                continue
            tokens.extend(child.subtree)
        tokens.sort(key=lambda t: t.i)
        # "hosted a delegation from Laos": the parser often hangs "from Laos" on the verb.
        if head.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in self.gazetteer.roles:
            after = tokens[-1].i + 1
            for sibling in head.head.children:
                if sibling.i == after and sibling.dep_ == "prep" and sibling.lower_ in _NP_PREPOSITIONS:
                    tokens.extend(sibling.subtree)
        return sorted(tokens, key=lambda t: t.i)

    def _entries_in(self, tokens: list[Token]) -> list[tuple[Span, Entry]]:
        found, seen = [], set()
        for tok in tokens:
            hit = self.by_token.get(tok.i)
            if hit and hit[0].start not in seen:
                seen.add(hit[0].start)
                found.append(hit)
        return found

    def _role(self, tokens: list[Token]) -> tuple[str | None, Token | None]:
        """The sector of the role word nearest the head, e.g. "President" -> GOV."""
        lemmas = [t.lemma_.lower() for t in tokens]
        best: tuple[int, str, Token] | None = None
        for n in range(_MAX_ROLE_WORDS, 0, -1):
            for i in range(len(tokens) - n + 1):
                phrase = " ".join(lemmas[i : i + n])
                sector = self.gazetteer.roles.get(phrase)
                if sector is None:
                    continue
                last = tokens[i + n - 1]
                if self.by_token.get(last.i):  # part of a name ("Security Council"), not a role
                    continue
                if best is None or last.i > best[2].i:
                    best = (n, sector, last)
            if best:
                break
        return (best[1], best[2]) if best else (None, None)

    def _person_name(self, tokens: list[Token]) -> Span | None:
        ids = {t.i for t in tokens}
        for ent in self.doc.ents:
            if ent.label_ in _PERSON_LABELS and ent.start in ids and ent.end - 1 in ids:
                return ent
        return None

    def _mention_for(self, span: Span, entry: Entry, extent: Span, sector: str | None = None,
                     name: str | None = None, kind: str | None = None) -> Mention:
        if entry.kind == "group":
            code, sector = entry.code, entry.sector
        else:
            sector = sector if sector is not None else entry.sector
            code = entry.code + (sector or "")
        return Mention(
            text=extent.text,
            start=extent.start_char,
            end=extent.end_char,
            code=code,
            country_code=entry.country_code,
            sector=sector,
            known_group_code=entry.known_group_code,
            name=name or (self.gazetteer.country_names.get(entry.code) if entry.kind != "group" else span.text),
            kind=kind or entry.kind,
        )

    def _resolve_head(self, head: Token) -> list[Mention]:
        tokens = self._np_tokens(head)
        extent = self.doc[tokens[0].i : tokens[-1].i + 1]
        own = self.by_token.get(head.i)
        if own is not None:
            span, entry = own
            if entry.kind == "demonym":  # "the Cubans": the people, not the state
                return [self._mention_for(span, entry, extent, sector="", kind="demonym")]
            return [self._mention_for(span, entry, extent)]

        sector, role_token = self._role(tokens)
        person = self._person_name(tokens)
        entries = [(s, e) for s, e in self._entries_in(tokens) if e.kind in _COUNTRY_KINDS or e.kind == "group"]

        if entries and (sector or person is not None):
            resolved = []
            for span, entry in entries:
                if entry.kind == "group":
                    resolved.append(self._mention_for(span, entry, extent, name=person.text if person else None))
                    continue
                mention = self._mention_for(
                    span, entry, extent, sector=sector or "GOV",
                    name=person.text if person is not None else None,
                    kind="person" if person is not None else "role",
                )
                resolved.append(mention)
            if person is not None and len(resolved) == 1:
                self._remember(person, resolved[0])
            return resolved

        if person is None and head.pos_ == "PROPN":
            # NER sometimes misses a name it saw before ("Diaz-Canel" tagged ORG): try memory.
            person = self.doc[min(t.i for t in tokens if t.pos_ == "PROPN"): head.i + 1]
            remembered = self._recall(person)
            return [_moved(remembered, extent)] if remembered is not None else []
        if person is not None:
            remembered = self._recall(person)
            if remembered is not None:
                return [_moved(remembered, extent)]
            return []

        # "North Korea's missile launch", "Beijing's decision": the state behind the act.
        if head.ent_type_ not in ("ORG", "PERSON"):
            owners = [self.by_token[c.i] for c in head.children if c.dep_ == "poss" and c.i in self.by_token]
            return [
                self._mention_for(span, entry, extent, sector="GOV", kind="possessive")
                for span, entry in owners
                if entry.kind in ("country", "capital", "informal")
            ]
        return []

    def _remember(self, person: Span, actor: Mention) -> None:
        self.people[person.text.lower()] = actor
        for tok in person:
            if tok.is_alpha and len(tok.text) > 1:
                self.people.setdefault(tok.lower_, actor)

    def _recall(self, person: Span) -> Mention | None:
        key = person.text.lower()
        if key in self.people:
            return self.people[key]
        for tok in reversed(list(person)):
            if tok.lower_ in self.people:
                return self.people[tok.lower_]
        return None


def _moved(actor: Mention, extent: Span) -> Mention:
    return Mention(
        text=extent.text, start=extent.start_char, end=extent.end_char, code=actor.code,
        country_code=actor.country_code, sector=actor.sector, known_group_code=actor.known_group_code,
        name=actor.name, kind="coreference",
    )


class ActorResolver:
    """Finds gazetteer names in parsed articles; one instance per spaCy pipeline."""

    def __init__(self, nlp, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer or load_gazetteer()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for phrase in sorted(self.gazetteer.phrases):
            self.matcher.add(phrase, [nlp.make_doc(phrase)])

    def for_doc(self, doc: Doc, when: date | None = None) -> DocActors:
        candidates = []
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            entry = self._choose(span)
            if entry is not None:
                candidates.append((span, entry))
        present = {e.country_code for _, e in candidates if e.kind in ("country", "demonym", "capital")}
        candidates = [(s, e) for s, e in candidates if not e.context or present.intersection(e.context)]
        # Longest names win over the names inside or across them ("North Korean" over "the North").
        candidates.sort(key=lambda c: (-(c[0].end - c[0].start), c[0].start))
        by_token: dict[int, tuple[Span, Entry]] = {}
        for span, entry in candidates:
            if any(i in by_token for i in range(span.start, span.end)):
                continue
            for i in range(span.start, span.end):
                by_token[i] = (span, entry)
        actors = DocActors(doc, self.gazetteer, by_token, when=when)
        actors.introduce_people()
        return actors

    def _choose(self, span: Span) -> Entry | None:
        entries = self.gazetteer.lookup(span.text)
        if not entries:
            return None
        if any(t.ent_type_ in _PERSON_LABELS for t in span):
            return None  # "Chad", "Jordan", the "un" of "Kim Jong-un": parts of people's names
        if span.text.upper() in self.gazetteer.acronyms and span.text != span.text.upper():
            return None  # "us", "who": acronyms count only in capitals
        if span.text.islower() and len(span) == 1:
            return None  # "china", "turkey" in lower case are not countries
        if entries[0].kind == "informal" and not span[-1].text[:1].isupper():
            return None  # "the North" stands for a country, "the north" for a region
        return entries[0]
