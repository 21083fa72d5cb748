"""Where an event happened: a place from the event's sentence or paragraph, resolved with the
offline gazetteer in `tieline.geo`.

A place name counts as the event's place only where the text puts something there: after a
locative preposition ("met *in Pyongyang*", "talks *in Beijing*"), as the destination of a trip
("a visit *to Havana*") or as what a visit or an attack reaches ("toured *Vientiane*"). A capital
named as an actor ("*Pyongyang* said", "ties with *Seoul*") is not a place. The search goes from
the event's own clause to the clauses it hangs on, the rest of the sentence, and then the other
sentences of its paragraph. Turning the name into a place (and settling names shared by several
places) is `tieline.geo.resolve`; the fields follow GDELT's ActionGeo_*, and no place means
precision `none` with no coordinates, never a country centroid.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..doccache import DocCache
from ..geo import REGION_WORDS, GeoIndex, fold, load_geo
from ..geo.resolve import (
    NO_PLACE,
    Place,
    PlaceContext,
    candidate_countries,
    dateline_country,
    place_kind,
    resolve_place,
)
from ..models import Article, Mention
from ..nlp import entities_in
from .attach import NOMINAL, VERBAL, attachment, governors

PRECISIONS = ("city", "admin1", "country", "none")

_LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "within", "throughout", "across", "around", "off"}
# "to X" is a place only after a trip: "a visit to Havana", "flew to Beijing".
_TRIPS = {
    "visit", "trip", "travel", "fly", "go", "come", "return", "head", "journey", "voyage", "tour",
    "deploy", "arrive", "move", "flee", "march",
}
# "fired from Gyeonggi Province": where a launch starts is where it happens.
_LAUNCHES = {"launch", "fire", "shoot", "test-fire"}
# A place as the object of these verbs is where the event happens: "toured Vientiane".
_REACHING = {
    "visit", "tour", "reach", "enter", "invade", "shell", "bomb", "strike", "hit", "attack", "raid",
    "storm", "capture", "seize", "occupy", "besiege", "liberate",
}
# Nouns whose locative phrase is the place of what happens: "talks in Beijing", but not
# "a researcher at a think tank in Seoul".
_HAPPENINGS = {
    "talk", "talks", "meeting", "summit", "visit", "trip", "tour", "ceremony", "rally", "parade",
    "conference", "drill", "drills", "exercise", "exercises", "attack", "strike", "explosion", "clash",
    "clashes", "protest", "protests", "launch", "test", "session", "forum", "negotiation",
    "negotiations", "banquet", "reception", "celebration", "funeral", "election", "vote", "fighting",
    "battle", "bombing", "shelling", "raid", "demonstration", "march", "event", "signing",
    "congress", "gathering", "speech", "briefing", "interview", "service",
}
# Where something was said is not where what it tells happened.
_SPEECH = {"say", "tell", "report", "announce", "add", "state", "claim", "note", "write", "quote", "cite"}
_PLACE_NOUNS = {"city", "town", "capital", "province", "region", "village", "port", "state", "area",
                "outskirts", "suburbs", "suburb", "center", "centre", "street", "streets", "border", "coast",
                "district", "neighbourhood", "neighborhood", "downtown", "airport", "harbour", "harbor"}
_MISREAD = {"PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"}
_NOT_PLACES = {"PERSON", "ORG", "FAC", "NORP", "DATE", "TIME", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT",
               "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE"}
_NAME_JOINERS = {"of", "de", "del", "la", "le", "al", "el", "es", "da", "do", "dos", "das", "au", "-", "'s", "sur"}
_KIND_RANK = {"city": 0, "admin1": 1, "country": 2}
_DATELINE_CAPITAL = "dateline"


def event_place(article: Article, sentence: Span, verb: Token, actors: list[Mention]) -> Place:
    """The place of the event whose verb is `verb`; `actors` (source and target mentions) and the
    article's dateline help choose between places of the same name."""
    places = _places_for(sentence.doc)
    context = PlaceContext(
        actor_countries={a.country_code for a in actors if a.country_code},
        dateline_country=dateline_country(article.dateline),
        article_countries=places.article_countries,
    )
    mention = places.best_for(sentence, verb, context.dateline_country)
    if mention is None:
        return NO_PLACE
    context.sentence_countries = places.sentence_countries(mention.sentence_index)
    return resolve_place(places.geo, mention, context)


# --- finding place names ------------------------------------------------------------------


@dataclass(slots=True)
class _PlaceMention:
    start: int  # token span in the doc
    end: int
    text: str
    sentence_index: int
    anchor: Token  # the token whose position in the parse decides the role: "Havana" or "capital"
    governor: Token | None  # the word the locative phrase hangs on; None when not a location
    qualifier: str | None = None  # ISO alpha-3 of "..., Cuba" right after the name
    region_word: bool = False  # "Gyeonggi province"
    capital_of: str | None = None  # "the Cuban capital": ISO alpha-3


class _DocPlaces:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.geo = load_geo()
        self.sents = list(doc.sents)
        self.index = {s.start: i for i, s in enumerate(self.sents)}
        self.paragraph = _paragraph_ids(doc, self.sents)
        self._mentions: dict[int, list[_PlaceMention]] = {}
        self._countries: dict[int, set[str]] = {}
        self.article_countries: set[str] = set()
        for k in range(len(self.sents)):
            self.article_countries |= self.sentence_countries(k)

    def mentions(self, k: int) -> list[_PlaceMention]:
        if k not in self._mentions:
            self._mentions[k] = _find_mentions(self.geo, self.sents[k], k)
        return self._mentions[k]

    def sentence_countries(self, k: int) -> set[str]:
        """Countries the sentence names, by name or adjective ("Cuban")."""
        if k not in self._countries:
            found = set()
            for tok in self.sents[k]:
                if tok.is_title or tok.is_upper:
                    iso3 = self.geo.demonyms.get(fold(tok.text))
                    if iso3:
                        found.add(iso3)
            for m in self.mentions(k):
                country = self.geo.country(m.text)
                if country is not None:
                    found.add(country.iso3)
            self._countries[k] = found
        return self._countries[k]

    def _with_dateline(self, mentions: list[_PlaceMention], dateline_country: str | None) -> list[_PlaceMention]:
        """A wire's "in the capital" is the dateline country's capital; without one it names no place."""
        resolved = []
        for m in mentions:
            if m.capital_of == _DATELINE_CAPITAL:
                if dateline_country not in self.geo.capitals:
                    continue
                m = dataclasses.replace(m, capital_of=dateline_country)
            resolved.append(m)
        return resolved

    def best_for(self, sent: Span, verb: Token, dateline_country: str | None) -> _PlaceMention | None:
        k = self.index[sent.start]
        ranked: list[tuple[tuple, _PlaceMention]] = []
        for m in self._with_dateline(self.mentions(k), dateline_country):
            if m.governor is None:
                continue
            attached = _attach_to_event(m, verb)
            if attached is not None:
                ranked.append(((attached[0], attached[1], m.start), m))
            elif _happens_there(m):
                ranked.append(((3, 0, m.start), m))
        if not ranked:  # a scene set earlier in the paragraph: "Leaders gathered in Havana. ..."
            for other in range(k - 1, -1, -1):
                if self.paragraph[other] != self.paragraph[k]:
                    break
                for m in self._with_dateline(self.mentions(other), dateline_country):
                    if m.governor is not None and _happens_there(m):
                        ranked.append(((4, k - other, m.start), m))
        if not ranked:
            return None
        ranked.sort(key=lambda r: r[0])
        best_level = ranked[0][0][:2]
        tied = [m for key, m in ranked if key[:2] == best_level]
        # "in Havana, the Cuban capital" or "in Cuba's capital Havana": the most precise name.
        best = min(tied, key=lambda m: _KIND_RANK[place_kind(self.geo, m)])
        if place_kind(self.geo, best) == "country":
            # "attacked Ukraine ..., hitting port facilities in Odesa": the city in that country.
            country = self.geo.country(best.text)
            for _, m in ranked:
                if m.sentence_index == best.sentence_index and place_kind(self.geo, m) != "country" and any(
                        c.iso3 == country.iso3 for c in candidate_countries(self.geo, m)):
                    return m
        return best


def _paragraph_ids(doc: Doc, sents: list[Span]) -> list[int]:
    """The paragraph (blank-line separated) each sentence starts in."""
    breaks = [m.end() for m in re.finditer(r"\n\s*\n", doc.text)]
    ids = []
    for sent in sents:
        first = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        ids.append(bisect.bisect_right(breaks, first))
    return ids


def _attach_to_event(m: _PlaceMention, verb: Token) -> tuple[int, int] | None:
    """(level, hops) of a locative phrase relative to the event's clause: 0 on the clause itself,
    1 on a clause it hangs on ("met Xi in Beijing and signed ...")."""
    governor, anchor = m.governor, m.anchor
    if governor.i == verb.i:
        return 0, 0
    attached = attachment(anchor, verb)
    if attached is not None:
        return 0, attached[1]
    for depth, (head, came_from) in enumerate(governors(verb), start=1):
        if came_from.dep_ == "ccomp":
            break  # "officials in Seoul said (that) Cho held talks": where it was said, not done
        if came_from.is_ancestor(anchor) or anchor.i == came_from.i:
            continue
        if governor.i == head.i:
            return 1, depth
        attached = attachment(anchor, head)
        if attached is not None and attached[0] == 0 and _happens_there(m):
            return 1, depth + attached[1]
    return None


def _happens_there(m: _PlaceMention) -> bool:
    """A locative phrase elsewhere in the sentence or paragraph that places some happening:
    it hangs on a verb or on a noun such as "talks", not on "a think tank"."""
    governor = m.governor
    if governor.pos_ in VERBAL:
        return governor.dep_ not in ("amod", "compound") and governor.lemma_.lower() not in _SPEECH
    return governor.lemma_.lower() in _HAPPENINGS or governor.lower_ in _HAPPENINGS


def _find_mentions(geo: GeoIndex, sent: Span, k: int) -> list[_PlaceMention]:
    doc = sent.doc
    ents = entities_in(sent)
    blocked = {t.i for ent in ents if ent.label_ in _NOT_PLACES for t in ent}
    # The recogniser sometimes calls a place a person, a nationality or a product ("shelled
    # Kharkiv", "in Punjab", "Russia's Kursk region"): it may still be a place where the text
    # uses it as one.
    misread = {t.i for ent in ents if ent.label_ in _MISREAD for t in ent}
    mentions: list[_PlaceMention] = []
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        if not tok.text[:1].isupper():
            i += 1
            continue
        span = _longest_name(geo, doc, i, sent.end)
        if span is None or (any(t.i in blocked for t in span)
                            and not (all(t.i in misread for t in span) and _strong_place(geo, span))):
            i += 1
            continue
        mention = _PlaceMention(span.start, span.end, span.text, k, span.root, None)
        after = span.end
        if after < sent.end and doc[after].lower_ in REGION_WORDS:
            mention.region_word = True
            mention.anchor = doc[after]
            after += 1
        qualifier = _qualifier(geo, doc, after, sent.end)
        if qualifier is not None:
            mention.qualifier, after = qualifier
        mention.governor = _locative_governor(mention.anchor)
        mentions.append(mention)
        i = after
    mentions.extend(_described_capitals(geo, sent, k))
    return mentions


def _strong_place(geo: GeoIndex, span: Span) -> bool:
    """Where a name the recogniser misread is used as a location, a country, a region or a
    large city wins."""
    if _locative_governor(span.root) is None:
        return False
    if geo.country(span.text) is not None or geo.region_candidates(span.text):
        return True
    return any(c.population >= 100_000 or geo.is_capital(c) for c, _ in geo.city_candidates(span.text))


def _longest_name(geo: GeoIndex, doc: Doc, i: int, end: int) -> Span | None:
    run = i  # the run of words a name can span: capitalised words and joiners ("Port-au-Prince")
    while run < end and run - i < geo.max_words * 2:
        tok = doc[run]
        if tok.is_space or not (tok.text[:1].isupper() or tok.lower_ in _NAME_JOINERS or tok.text in ("-", "'", ".")):
            break
        run += 1
    for stop in range(run, i, -1):
        span = doc[i:stop]
        if not span[-1].text[:1].isupper():
            continue
        if geo.knows(span.text) and not _inside_longer_name(doc, span):
            return span
    return None


def _inside_longer_name(doc: Doc, span: Span) -> bool:
    """ "Central" in "Central America", "Washington" in "Washington Post": part of another name."""
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.pos_ == "PROPN" and after.text[:1].isupper() and after.lower_ not in REGION_WORDS:
        return True
    if after is not None and after.lower_ == "of" and span.end + 1 < len(doc) and doc[span.end + 1].pos_ == "PROPN":
        return True  # "Bay of Bengal", "Gulf of Aden"
    before = doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.pos_ == "PROPN" and before.text[:1].isupper() and before.dep_ == "compound"


def _qualifier(geo: GeoIndex, doc: Doc, i: int, end: int) -> tuple[str, int] | None:
    """ "San Jose, Costa Rica" / "Odessa, Texas": the country (ISO alpha-3) written after a name."""
    if i + 1 >= end or doc[i].text != ",":
        return None
    for n in range(min(4, end - i - 1), 0, -1):
        span = doc[i + 1:i + 1 + n]
        country = geo.country(span.text) if span[0].text[:1].isupper() else None
        if country is not None:
            return country.iso3, i + 1 + n
        regions = geo.region_candidates(span.text) if span[0].text[:1].isupper() else []
        if len({r.iso3 for r in regions}) == 1:
            return regions[0].iso3, i + 1 + n
    return None


def _locative_governor(anchor: Token) -> Token | None:
    """The word a locative phrase hangs on ("met" in "met in Havana"), or None when the name is
    not used as a location (a subject, an object, a possessive: an actor)."""
    tok = anchor
    for _ in range(3):  # "the Cuban capital Havana", "Havana and Pyongyang", "the city of Aleppo"
        if tok.dep_ in ("appos", "conj") and tok.head.i != tok.i:
            tok = tok.head
        elif tok.dep_ in ("compound", "nmod", "poss") and tok.head.lemma_.lower() in _PLACE_NOUNS:
            tok = tok.head  # "Kyiv's northern suburbs", but not "a US embassy" or "Kosovo police"
        elif (tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _PLACE_NOUNS):
            tok = tok.head.head
        else:
            break
    if tok.dep_ == "pobj":
        prep = tok.head
        if prep.lower_ in _LOCATIVE_PREPS:
            return prep.head
        if prep.lower_ in ("to", "into") and prep.head.lemma_.lower() in _TRIPS:
            return prep.head
        if prep.lower_ == "from" and prep.head.lemma_.lower() in _LAUNCHES:
            return prep.head
    if tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in _REACHING:
        return tok.head
    return None


def _described_capitals(geo: GeoIndex, sent: Span, k: int) -> list[_PlaceMention]:
    """ "in the Cuban capital", "in China's capital": the capital of that country."""
    found = []
    for tok in sent:
        if tok.lemma_.lower() != "capital" or tok.pos_ not in NOMINAL:
            continue
        if any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in tok.children):
            continue  # "the Cuban capital Havana": the name itself is found
        if tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
            continue  # "Erbil, the capital of ...": the name itself is found
        iso3 = None
        modifiers = [c for c in tok.children if c.dep_ in ("amod", "poss", "compound", "nmod")]
        modifiers += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]  # "the capital of Cuba"
        if not modifiers and any(c.lower_ == "the" for c in tok.children):
            iso3 = _DATELINE_CAPITAL  # a wire's "in the capital": the dateline country's
        for child in modifiers:
            iso3 = geo.demonyms.get(fold(child.text.removesuffix("'s")))
            country = geo.country(child.text.removesuffix("'s")) if iso3 is None else None
            iso3 = iso3 or (country.iso3 if country else None)
            if iso3:
                break
        if iso3 and (iso3 in geo.capitals or iso3 == _DATELINE_CAPITAL):
            mention = _PlaceMention(tok.i, tok.i + 1, tok.text, k, tok, _locative_governor(tok), capital_of=iso3)
            found.append(mention)
    return found


_CACHE: DocCache[_DocPlaces] = DocCache()


def _places_for(doc: Doc) -> _DocPlaces:
    return _CACHE.get(doc, None, lambda: _DocPlaces(doc))


__all__ = ["NO_PLACE", "PRECISIONS", "Place", "event_place"]
