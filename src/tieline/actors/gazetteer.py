"""Actor knowledge loaded from the package's data files: countries, groups and role words."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import pycountry
import yaml

from ..errors import ConfigError


@dataclass(frozen=True, slots=True)
class Entry:
    """What a name in the gazetteer stands for."""

    code: str  # CAMEO actor code without role for countries ("CUB"), full for groups ("IGOUNO")
    # A country named as an actor ("Cuba said") is taken to be its government: sector GOV.
    country_code: str | None
    kind: str  # country, demonym, capital, informal, group
    sector: str | None = None
    known_group_code: str | None = None
    context: tuple[str, ...] = ()  # informal names: only valid if one of these countries is in the article


@dataclass
class Gazetteer:
    phrases: dict[str, list[Entry]] = field(default_factory=dict)  # lower-cased phrase -> entries
    roles: dict[str, str] = field(default_factory=dict)  # lower-cased role phrase -> sector
    country_names: dict[str, str] = field(default_factory=dict)  # ISO3 -> English short name
    acronyms: set[str] = field(default_factory=set)  # names that only count in capitals: "UN", "US", "WHO"
    version: str = ""

    def add(self, phrase: str, entry: Entry) -> None:
        if sum(c.isupper() for c in phrase) >= 2 and not any(c.islower() for c in phrase):
            self.acronyms.add(phrase)
        key = " ".join(phrase.lower().split())
        bucket = self.phrases.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)

    def lookup(self, phrase: str) -> list[Entry]:
        return self.phrases.get(" ".join(phrase.lower().split()), [])


def _read_yaml(name: str) -> tuple[dict, bytes]:
    raw = resources.files("tieline.actors").joinpath("data", name).read_bytes()
    try:
        return yaml.safe_load(raw), raw
    except yaml.YAMLError as exc:
        raise ConfigError(f"The actor data file {name} is not valid YAML: {exc}") from exc


def _pycountry_names(country) -> list[str]:
    names = [country.name]
    for attr in ("common_name", "official_name"):
        value = getattr(country, attr, None)
        if value:
            names.append(value)
    # "Korea, Republic of" style names are not how news writes; skip them.
    return [n for n in names if "," not in n]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    digest = hashlib.sha256()
    countries, raw = _read_yaml("countries.yaml")
    digest.update(raw)
    extra = countries.get("countries", {})
    for country in pycountry.countries:
        iso3 = country.alpha_3
        gaz.country_names[iso3] = getattr(country, "common_name", None) or country.name
        # Countries we describe ourselves get only our names, pycountry's official forms aside.
        for name in _pycountry_names(country):
            gaz.add(name, Entry(iso3, iso3, "country", sector="GOV"))
    for iso3, info in extra.items():
        if iso3 not in gaz.country_names:
            raise ConfigError(f"countries.yaml names '{iso3}', which is not an ISO 3166-1 alpha-3 code.")
        if info.get("names"):
            gaz.country_names[iso3] = info["names"][0]  # the name news uses: "North Korea", not "Korea, DPR"
        for name in info.get("names", []):
            gaz.add(name, Entry(iso3, iso3, "country", sector="GOV"))
        for name in info.get("adjectives", []):
            gaz.add(name, Entry(iso3, iso3, "demonym"))
        for name in info.get("capitals", []):
            gaz.add(name, Entry(iso3, iso3, "capital", sector="GOV"))
        for informal in info.get("informal", []):
            gaz.add(
                informal["name"],
                Entry(iso3, iso3, "informal", sector="GOV", context=tuple(informal.get("context", ()))),
            )
    groups, raw = _read_yaml("groups.yaml")
    digest.update(raw)
    for group in groups.get("groups", []):
        entry = Entry(
            group["code"],
            group.get("country"),
            "group",
            sector=group.get("sector"),
            known_group_code=group.get("known_group"),
        )
        for name in group["names"]:
            gaz.add(name, entry)
    roles, raw = _read_yaml("roles.yaml")
    digest.update(raw)
    for sector, words in roles.get("sectors", {}).items():
        for word in words:
            gaz.roles[" ".join(str(word).lower().split())] = sector
    gaz.version = f"{countries.get('version', '?')}+{digest.hexdigest()[:8]}"
    return gaz
