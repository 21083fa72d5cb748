"""From a place name, as the text uses it, to a place with GDELT's ActionGeo fields.

A name shared by several places ("Tripoli", "San Jose") is settled by an explicit country after
it ("San Jose, Costa Rica"), the countries of the event's actors, the article's dateline, the
countries the sentence and article name, and size. Fields: the name ("Havana, Cuba"), ISO
alpha-3 and FIPS 10-4 country codes, the admin-1 code (for a city, FIPS country code + GeoNames
admin-1 code, as GDELT writes it: "KN12"; for a region named in the text, its ISO 3166-2 code:
"KR-41"), coordinates (cities only: a country or region is not a point, and no centroid is made
up), a feature id (the GeoNames id of a city, the admin-1 code of a region, the FIPS code of a
country) and a precision: `city`, `admin1`, `country` or `none`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from .gazetteer import City, Country, GeoIndex, Region, city_weight, fold, load_geo

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


class PlaceName(Protocol):
    """A place name as the text uses it."""

    text: str
    qualifier: str | None  # ISO alpha-3 of "..., Cuba" right after the name
    region_word: bool  # "Gyeonggi province"
    capital_of: str | None  # "the Cuban capital": ISO alpha-3


@dataclass(slots=True)
class PlaceContext:
    """What the article says about which countries are in play."""

    actor_countries: set[str]
    dateline_country: str | None
    article_countries: set[str]
    sentence_countries: set[str] | None = None


def place_kind(geo: GeoIndex, m: PlaceName) -> str:
    if m.capital_of:
        return "city"
    if geo.country(m.text) is not None and not m.region_word:
        return "country"
    if m.region_word and (geo.region_candidates(m.text) or geo.city_candidates(m.text)):
        return "admin1"
    if geo.city_candidates(m.text):
        return "city"
    return "admin1" if geo.region_candidates(m.text) else "country"


def candidate_countries(geo: GeoIndex, m: PlaceName) -> list[Country]:
    if m.capital_of:
        return [geo.countries[m.capital_of]]
    iso3s = {c.iso3 for c, _ in geo.city_candidates(m.text)} | {r.iso3 for r in geo.region_candidates(m.text)}
    country = geo.country(m.text)
    if country is not None:
        iso3s.add(country.iso3)
    return [geo.countries[i] for i in sorted(iso3s)]


def _context_score(iso3: str, ctx: PlaceContext) -> float:
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


def resolve_place(geo: GeoIndex, m: PlaceName, ctx: PlaceContext) -> Place:
    kind = place_kind(geo, m)
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


# The abbreviations wire style (AP, Reuters) writes after a US or Canadian place in a dateline:
# "HORSHAM, Pa.", "SANTA CLARA, Calif.", "TORONTO, Ont." (folded: no dots, lower case).
_WIRE_STATE_ABBREVIATIONS = dict.fromkeys((
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la",
    "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nebr", "nev", "nh", "nj", "nm", "ny", "nc", "nd",
    "okla", "ore", "pa", "ri", "sc", "sd", "tenn", "tex", "vt", "va", "wash", "w va", "wis", "wyo", "dc",
), "USA") | dict.fromkeys(("ont", "que", "bc", "alta", "man", "sask", "ns", "nb", "nfld", "pei"), "CAN")


def dateline_parts(dateline: str) -> list[str]:
    """The place a story was filed from, as written: "BRUSSELS/LONDON" -> ["BRUSSELS"] (filed from the
    first), "SAN JOSE, Costa Rica" -> ["SAN JOSE", "Costa Rica"]."""
    return [p.strip() for p in dateline.split("/")[0].split(",") if p.strip()]


@lru_cache(maxsize=256)
def dateline_country(dateline: str | None) -> str | None:
    """The country of a wire dateline: "PYONGYANG" -> "PRK", "SAN JOSE, Costa Rica" -> "CRI"."""
    if not dateline:
        return None
    geo = load_geo()
    parts = dateline_parts(dateline)
    for part in reversed(parts[1:]):
        state = _WIRE_STATE_ABBREVIATIONS.get(fold(part))
        if state is not None:
            return state
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
    by_name = [c for c in cities if c[1]]
    cities = by_name or cities  # "PHILADELPHIA" is the American city, not Amman's ancient name
    if not cities:
        regions = geo.region_candidates(parts[0]) if parts else []  # "NEW YORK": the city is "New York City"
        return regions[0].iso3 if len({r.iso3 for r in regions}) == 1 else None
    return max(cities, key=lambda c: 1.5 * city_weight(c[0]) + geo.is_capital(c[0]))[0].iso3
