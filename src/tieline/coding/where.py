"""Where an event happened: a place from the event's sentence or paragraph, resolved with the
offline gazetteer in `tieline.geo`.

A place name counts as the event's place only where the text puts something there: after a
locative preposition ("met *in Pyongyang*", "talks *in Beijing*"), as the destination of a trip
("a visit *to Havana*") or as what a visit or an attack reaches ("toured *Vientiane*"). A capital
named as an actor ("*Pyongyang* said", "ties with *Seoul*") is not a place. The search goes from
the event's own clause to the clauses it hangs on, the rest of the sentence, and then the other
sentences of its paragraph. A name shared by several places ("Tripoli", "San Jose") is settled
by an explicit country after it ("San Jose, Costa Rica"), the countries of the event's actors,
the article's dateline, the countries the sentence and the article name, and size.

Fields follow GDELT's ActionGeo_*: the name ("Havana, Cuba"), ISO alpha-3 and FIPS 10-4 country
codes, the admin-1 code (for a city, FIPS country code + GeoNames admin-1 code, as GDELT writes
it: "KN12"; for a region named in the text, its ISO 3166-2 code: "KR-41"), coordinates (cities
only: a country or region is not a point, and no centroid is made up), a feature id (the GeoNames
id of a city; the admin-1 code of a region; the FIPS code of a country) and a precision:
`city`, `admin1`, `country` or `none` when the text gives no place.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..geo import REGION_WORDS, City, Country, GeoIndex, Region, city_weight, fold, load_geo
from ..models import Article, Mention
from .attach import NOMINAL, VERBAL, attachment, governors
from .doccache import DocCache

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
_MAX_CONTEXT = 4.0


@dataclass(frozen=True, slots=True)
class Place:
    name: str | None = None
    country_code: str | None = None  # ISO 3166-1 alpha-3
    fips_code: str | None = None  # FIPS 10-4, as GDELT's ActionGeo_CountryCode
    adm1_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature_id: str | None = None
    precision: str = "none"


NO_PLACE = Place()


def event_place(article: Article, sentence: Span, verb: Token, actors: list[Mention]) -> Place:
    """The place of the event whose verb is `verb`; `actors` (source and target mentions) and the
    article's dateline help choose between places of the same name."""
    places = _places_for(sentence.doc)
    context = _Context(
        actor_countries={a.country_code for a in actors if a.country_code},
        dateline_country=_dateline_country(article.dateline),
        article_countries=places.article_countries,
    )
    mention = places.best_for(sentence, verb, context.dateline_country)
    if mention is None:
        return NO_PLACE
    context.sentence_countries = places.sentence_countries(mention.sentence_index)
    return _to_place(places.geo, mention, context)


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


@dataclass(slots=True)
class _Context:
    actor_countries: set[str]
    dateline_country: str | None
    article_countries: set[str]
    sentence_countries: set[str] | None = None


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

    def best_for(self, sent: Span, verb: Token, dateline_country: str | None) -> _PlaceMention | None:
        k = self.index[sent.start]
        ranked: list[tuple[tuple, _PlaceMention]] = []
        for m in self.mentions(k):
            if m.governor is None:
                continue
            if m.capital_of == _DATELINE_CAPITAL:
                if dateline_country not in self.geo.capitals:
                    continue
                m = dataclasses.replace(m, capital_of=dateline_country)
            attached = _attach_to_event(m, verb)
            if attached is not None:
                ranked.append(((attached[0], attached[1], m.start), m))
            elif _happens_there(m):
                ranked.append(((3, 0, m.start), m))
        if not ranked:  # a scene set earlier in the paragraph: "Leaders gathered in Havana. ..."
            for other in range(k - 1, -1, -1):
                if self.paragraph[other] != self.paragraph[k]:
                    break
                for m in self.mentions(other):
                    if m.governor is not None and _happens_there(m):
                        ranked.append(((4, k - other, m.start), m))
        if not ranked:
            return None
        ranked.sort(key=lambda r: r[0])
        best_level = ranked[0][0][:2]
        tied = [m for key, m in ranked if key[:2] == best_level]
        # "in Havana, the Cuban capital" or "in Cuba's capital Havana": the most precise name.
        best = min(tied, key=lambda m: _KIND_RANK[_kind(self.geo, m)])
        if _kind(self.geo, best) == "country":
            # "attacked Ukraine ..., hitting port facilities in Odesa": the city in that country.
            country = self.geo.country(best.text)
            for _, m in ranked:
                if m.sentence_index == best.sentence_index and _kind(self.geo, m) != "country" and any(
                        c.iso3 == country.iso3 for c in _candidate_countries(self.geo, m)):
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
    ents = list(sent.ents)
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
        iso3 = None
        modifiers = [c for c in tok.children if c.dep_ in ("amod", "poss", "compound", "nmod")]
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


# --- from a name to a place ------------------------------------------------------------------


def _kind(geo: GeoIndex, m: _PlaceMention) -> str:
    if m.capital_of:
        return "city"
    if geo.country(m.text) is not None and not m.region_word:
        return "country"
    if m.region_word and (geo.region_candidates(m.text) or geo.city_candidates(m.text)):
        return "admin1"
    if geo.city_candidates(m.text):
        return "city"
    return "admin1" if geo.region_candidates(m.text) else "country"


def _candidate_countries(geo: GeoIndex, m: _PlaceMention) -> list[Country]:
    if m.capital_of:
        return [geo.countries[m.capital_of]]
    iso3s = {c.iso3 for c, _ in geo.city_candidates(m.text)} | {r.iso3 for r in geo.region_candidates(m.text)}
    country = geo.country(m.text)
    if country is not None:
        iso3s.add(country.iso3)
    return [geo.countries[i] for i in sorted(iso3s)]


def _context_score(iso3: str, ctx: _Context) -> float:
    """How strongly the article points at this country: its actors, dateline, sentence, article."""
    score = 0.0
    if iso3 in ctx.actor_countries:
        score += 3.0
    if iso3 == ctx.dateline_country:
        score += 3.0
    if ctx.sentence_countries and iso3 in ctx.sentence_countries:
        score += 2.0
    if iso3 in ctx.article_countries:
        score += 1.0
    return min(score, _MAX_CONTEXT)


def _qualifier_score(iso3: str, qualifier: str | None) -> float:
    if qualifier is None:
        return 0.0
    return 100.0 if iso3 == qualifier else -100.0


def _to_place(geo: GeoIndex, m: _PlaceMention, ctx: _Context) -> Place:
    kind = _kind(geo, m)
    if m.capital_of:
        return _city_place(geo, geo.capitals[m.capital_of])
    if kind == "country":
        return _country_place(geo.countries[geo.country(m.text).iso3])
    regions = geo.region_candidates(m.text)
    if kind == "admin1" and regions:
        best = max(regions, key=lambda r: _qualifier_score(r.iso3, m.qualifier) + _context_score(r.iso3, ctx))
        return _region_place(geo, best)
    cities = geo.city_candidates(m.text)
    if regions and kind == "city" and not {c.iso3 for c, _ in cities} & {r.iso3 for r in regions}:
        # "Bali": a province of millions, or a town of the same name abroad? The region, unless
        # the context points at the town's country. ("Donetsk" city and region share a country:
        # the city.)
        best_region = max(regions, key=lambda r: _qualifier_score(r.iso3, m.qualifier) + _context_score(r.iso3, ctx))
        region_score = _qualifier_score(best_region.iso3, m.qualifier) + _context_score(best_region.iso3, ctx)
        if all(_qualifier_score(c.iso3, m.qualifier) + _context_score(c.iso3, ctx) <= region_score for c, _ in cities):
            return _region_place(geo, best_region)

    def score(item: tuple[City, bool]) -> float:
        # A big city is the likelier reading of a bare name; context outweighs size within
        # limits: "US officials met in Paris" is still France's capital, not Paris, Texas.
        city, main_name = item
        context = _context_score(city.iso3, ctx) * (1.0 if city.population >= 100_000 else 0.5)
        return (_qualifier_score(city.iso3, m.qualifier) + context + 1.5 * city_weight(city)
                + 0.3 * main_name + 1.0 * geo.is_capital(city))

    city = max(cities, key=score)[0]
    if kind == "admin1":  # "Kampong Speu province": the province of the city it is named after
        return _admin1_of_city(geo, city, m.text)
    return _city_place(geo, city)


def _admin1_of_city(geo: GeoIndex, city: City, name: str) -> Place:
    country = geo.countries[city.iso3]
    code = f"{country.fips}{city.admin1}" if country.fips and city.admin1 else None
    return Place(name=f"{name}, {country.name}", country_code=country.iso3, fips_code=country.fips,
                 adm1_code=code, feature_id=code, precision="admin1")


def _city_place(geo: GeoIndex, city: City) -> Place:
    country = geo.countries[city.iso3]
    adm1 = f"{country.fips}{city.admin1}" if country.fips and city.admin1 else None
    return Place(
        name=f"{city.name}, {country.name}",
        country_code=country.iso3,
        fips_code=country.fips,
        adm1_code=adm1,
        lat=city.lat,
        lon=city.lon,
        feature_id=str(city.geonameid),
        precision="city",
    )


def _region_place(geo: GeoIndex, region: Region) -> Place:
    country = geo.countries[region.iso3]
    code = region.code
    if region.iso3 == "USA":  # GDELT writes US states as "US" + postal code: "USCA"
        code = "US" + code.split("-")[1]
    return Place(name=f"{region.name}, {country.name}", country_code=country.iso3, fips_code=country.fips,
                 adm1_code=code, feature_id=code, precision="admin1")


def _country_place(country: Country) -> Place:
    return Place(name=country.name, country_code=country.iso3, fips_code=country.fips,
                 feature_id=country.fips, precision="country")


@lru_cache(maxsize=256)
def _dateline_country(dateline: str | None) -> str | None:
    """The country of a wire dateline: "PYONGYANG" -> "PRK", "SAN JOSE, Costa Rica" -> "CRI"."""
    if not dateline:
        return None
    geo = load_geo()
    parts = [p.strip() for p in dateline.split(",") if p.strip()]
    for part in reversed(parts[1:]):
        country = geo.country(part)
        if country is not None:
            return country.iso3
        regions = geo.region_candidates(part)
        if regions:
            return regions[0].iso3
    country = geo.country(parts[0]) if parts else None
    if country is not None:
        return country.iso3
    cities = geo.city_candidates(parts[0]) if parts else []
    if not cities:
        return None
    return max(cities, key=lambda c: 1.5 * city_weight(c[0]) + 0.3 * c[1] + geo.is_capital(c[0]))[0].iso3


_CACHE: DocCache[_DocPlaces] = DocCache()


def _places_for(doc: Doc) -> _DocPlaces:
    return _CACHE.get(doc, None, lambda: _DocPlaces(doc))
