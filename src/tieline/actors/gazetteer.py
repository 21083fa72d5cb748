"""Actor knowledge loaded from the package's data files, plus an analyst's own file on top.

Files in `actors/data/` (all written by the tieline team, readable and editable):
  countries.yaml  names, adjectives, capitals/seats of government, informal names, regions, cities
  groups.yaml     international bodies, armed groups, parties, agencies, media, universities
  roles.yaml      role words -> PLOVER sector, titles -> offices, PLOVER sector -> CAMEO role
  people/*.yaml   heads of state and government, foreign and defence ministers with their dates
                  in office, one file per region

A user file (same sections; see `user_files()`) extends or overrides them without editing the
package.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

import pycountry
import yaml

from ..errors import ConfigError
from .people import Person, fold, name_variants, parse_term_line, person_key, unaccent

# libyaml's loader when PyYAML has it: the people files parse five times faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Kinds of names that place an actor in a country.
COUNTRY_KINDS = ("country", "demonym", "capital", "informal", "region", "city", "pre")
# ISO 3166-2 subdivision types whose names news uses as places of a country.
_SUBDIVISION_TYPES = {
    "State", "Province", "Region", "Territory", "Autonomous region", "Autonomous community",
    "Governorate", "Union territory", "Land", "Country", "Nation", "Autonomous province",
    "Federal district", "Autonomous republic", "Republic", "Regional state", "Emirate", "Oblast",
}


@dataclass(frozen=True, slots=True)
class Entry:
    """What a name in the gazetteer stands for."""

    code: str  # CAMEO code: the country ("CUB") for places, the full code for groups ("IGOUNO", "USACOP")
    country_code: str | None
    kind: str  # country, demonym, capital, informal, region, city, pre, group, person, blocked
    sector: str | None = None  # PLOVER sector the name gives by itself ("Cuba said" -> GOV)
    known_group_code: str | None = None
    context: tuple[str, ...] = ()  # informal names, some groups: only valid if one of these countries is in the article
    not_with: tuple[str, ...] = ()  # groups: not valid where one of these is named as often as `context`
    plover_country: str | None = None  # international bodies: UNO, EUR, IGO, NGO, IMG, MNC
    person: str | None = None  # key into Gazetteer.people
    since: tuple[tuple[date, str, str], ...] = ()  # (from, code, sector): a group whose role changed
    name: str | None = None  # groups: the group's first name, which keys its office holders
    generic_name: bool = False  # "Defense Department": another country named with it owns it
    individual: bool = False  # a person coded as the body they lead ("Abu Bakr al-Baghdadi", IS): "he", not "it"
    valid_from: date | None = None  # a group founded then ("Hamas" in 1985 is no one)
    valid_until: date | None = None  # a former seat of government ("Bonn" for West Germany until 1999)

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or day >= self.valid_from) and (self.valid_until is None or day < self.valid_until)


@dataclass
class Gazetteer:
    phrases: dict[str, list[Entry]] = field(default_factory=dict)  # lower-cased phrase -> entries
    roles: dict[str, str] = field(default_factory=dict)  # lower-cased role phrase -> PLOVER sector
    not_roles: set[str] = field(default_factory=set)  # phrases with a role word that name no actor
    titles: dict[str, str] = field(default_factory=dict)  # "foreign minister" -> foreign_minister
    cameo_roles: dict[str, str] = field(default_factory=dict)  # PLOVER sector -> CAMEO role ("JRN" -> "MED")
    country_names: dict[str, str] = field(default_factory=dict)  # ISO3 -> English short name
    acronyms: set[str] = field(default_factory=set)  # names that only count in capitals: "UN", "US", "WHO"
    spelled: dict[str, set[str]] = field(default_factory=dict)  # lower-cased name -> as the files write it ("DfID")
    one_party: set[str] = field(default_factory=set)  # states whose ruling party is the government
    sovereigns: dict[str, str] = field(default_factory=dict)  # territory -> state with its army and diplomacy
    given_names: set[str] = field(default_factory=set)  # country names that are also given names ("Chad")
    people: dict[str, Person] = field(default_factory=dict)
    surnames: dict[str, list[str]] = field(default_factory=dict)  # folded surname -> person keys
    holders: dict[tuple[str, str], list[tuple[Person, object]]] = field(default_factory=dict)
    # ISO3 -> [(office, from, until)]: the office "the X leader" means, which may change over time
    leader_office: dict[str, list[tuple[str, date | None, date | None]]] = field(default_factory=dict)
    generic: dict[str, str] = field(default_factory=dict)  # "the regime" -> country, "both sides" -> pair
    office_sectors: dict[str, str] = field(default_factory=dict)  # office -> PLOVER sector (default GOV)
    shared_offices: set[str] = field(default_factory=set)  # offices many hold at once ("senator")
    genders: dict[str, str] = field(default_factory=dict)  # given name or honorific -> "female"/"male"
    not_as_adjectives: set[str] = field(default_factory=set)  # "general": no role as an adjective
    capitals_only: set[str] = field(default_factory=set)  # "pm": a role only as "PM", not as a time
    only_as_head: set[str] = field(default_factory=set)  # "missile": a role only heading the phrase
    sole_offices: dict[str, str] = field(default_factory=dict)  # office one state has -> ISO3 ("pope" -> VAT)
    version: str = ""

    @cached_property
    def covered_states(self) -> frozenset[str]:
        """States whose cabinet the files list (its foreign or defence ministers, not only its heads):
        an office of rank they lack there is one the state has not ("Prime Minister" in Washington)."""
        return frozenset(country for country, office in self.holders
                         if office in ("foreign_minister", "defence_minister"))

    def add(self, phrase: str, entry: Entry, first: bool = False) -> None:
        phrase = " ".join(str(phrase).split())
        if not phrase:
            return
        if sum(c.isupper() for c in phrase) >= 2 and not any(c.islower() for c in phrase):
            self.acronyms.add(phrase)
        key = phrase.lower()
        self.spelled.setdefault(key, set()).add(phrase)
        new_key = key not in self.phrases
        bucket = self.phrases.setdefault(key, [])
        if entry in bucket:
            bucket.remove(entry)
            first = True
        if first:
            bucket.insert(0, entry)
        else:
            bucket.append(entry)
        if "_unaccented" in self.__dict__:  # once built, the table follows each add
            plain = unaccent(key)
            keys = self._keys_by_unaccented.setdefault(plain, [])
            if new_key:
                keys.append(key)
            self._unaccented[plain] = self._merged(keys)

    def phrase_ends(self, table: dict[str, str]) -> frozenset[str]:
        """The words a phrase of `table` (`roles` or `titles`) or of `not_roles` can end in, also
        after a hyphen ("secretary-general" ends in "general"): a run of words ending otherwise
        need not be looked up."""
        key = (id(table), len(table), len(self.not_roles))
        cache = self.__dict__.setdefault("_phrase_ends", {})
        if key not in cache:
            ends = set()
            for phrase in (*table, *self.not_roles):
                last = (phrase.split() or [phrase])[-1]
                ends.update((last, last.rsplit("-", 1)[-1]))
            cache[key] = frozenset(ends)
        return cache[key]

    def is_spelling(self, text: str) -> bool:
        """Whether the files write a name exactly so ("DfID", not "DFID")."""
        return text in self.spelled.get(text.lower(), ())

    def lookup(self, phrase: str) -> list[Entry]:
        """The entries of a phrase, with or without its accents ("Guaidó" finds the files' "Guaido")."""
        key = " ".join(phrase.lower().split())
        found = self.phrases.get(key)
        if found is None and not key.isascii():
            found = self._unaccented.get(unaccent(key))
        return found or []

    @cached_property
    def title_words(self) -> frozenset[str]:
        """Every word of the titles ("special", "counsel", "foreign", "minister")."""
        return frozenset(w for title in self.titles for w in title.split())

    @cached_property
    def _unaccented(self) -> dict[str, list[Entry]]:
        """Entries by phrase without accents, built on the first lookup that needs it."""
        self._keys_by_unaccented: dict[str, list[str]] = {}
        for key in self.phrases:
            self._keys_by_unaccented.setdefault(unaccent(key), []).append(key)
        return {plain: self._merged(keys) for plain, keys in self._keys_by_unaccented.items()}

    def _merged(self, keys: list[str]) -> list[Entry]:
        merged: list[Entry] = []
        for key in keys:
            merged.extend(e for e in self.phrases[key] if e not in merged)
        return merged

    def cameo_code(self, country: str, sector: str | None) -> str:
        return country + self.cameo_role(sector)

    def cameo_role(self, sector: str | None) -> str:
        if not sector:
            return ""
        return self.cameo_roles.get(sector, sector)

    def holder(self, country: str, office: str, when: date) -> Person | None:
        """Who held `office` ("president", "leader", ...) in `country` on `when`. `country` may also be
        an international body's name ("United Nations") for its own offices ("secretary_general")."""
        if office in ("leader", "head_of_state", "head_of_government"):
            office = self.leader_for(country, office, when)
        if office in self.shared_offices:
            return None  # "the senator" is whoever the article named, not one of a hundred
        for person, term in self.holders.get((country, office), []):
            if term.covers(when):
                return person
        return None

    def leader_for(self, country: str, office: str = "leader", when: date | None = None) -> str:
        if office == "leader" and country in self.leader_office:
            for name, start, end in self.leader_office[country]:
                if when is None or ((start is None or start <= when) and (end is None or when < end)):
                    return name
        order = {
            "leader": ("supreme_leader", "general_secretary", "president", "chancellor", "prime_minister",
                       "monarch", "secretary_general"),
            "head_of_state": ("supreme_leader", "monarch", "president"),
            "head_of_government": ("chancellor", "prime_minister", "president"),
        }[office]
        for candidate in order:
            if (country, candidate) in self.holders:
                return candidate
        return order[0]

    def people_by_surname(self, surname: str) -> list[Person]:
        return [self.people[k] for k in self.surnames.get(fold(surname), [])]

    def add_person_term(self, name: str, country: str, term, aliases=(), holder_key: str | None = None) -> Person:
        key = person_key(name, country)
        person = self.people.get(key)
        if person is None:
            person = self.people[key] = Person(name, country)
            for surname in person.surnames:
                self.surnames.setdefault(surname, []).append(key)
        if term is not None and term not in person.terms:
            person.terms.append(term)
            self.holders.setdefault((holder_key or country, term.office), []).append((person, term))
        for alias in aliases:
            if alias not in person.aliases:
                person.aliases.append(alias)
        entry = Entry(country, country, "person", person=key)
        for spelling in {v for n in [name, *person.aliases] for v in name_variants(n)}:
            self.add(spelling, entry)
        return person


def _read_yaml(name: str) -> tuple[dict, bytes]:
    raw = resources.files("tieline.actors").joinpath("data", name).read_bytes()
    return _parse_yaml(raw, f"the actor data file {name}"), raw


def _people_files() -> list[str]:
    """The people files, one per region (`data/people/*.yaml`), in name order."""
    folder = resources.files("tieline.actors").joinpath("data", "people")
    return sorted(f"people/{f.name}" for f in folder.iterdir() if f.name.endswith(".yaml"))


def _parse_yaml(raw: bytes, what: str) -> dict:
    try:
        data = yaml.load(raw, Loader=_YAML_LOADER) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{what} is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{what} should be a mapping with sections such as 'countries:' or 'groups:'.")
    return data


def _pycountry_names(country) -> list[str]:
    names = [country.name]
    for attr in ("common_name", "official_name"):
        value = getattr(country, attr, None)
        if value:
            names.append(value)
    # "Korea, Republic of" style names are not how news writes; skip them.
    return [n for n in names if "," not in n and "(" not in n]


def user_files() -> list[Path]:
    """The analyst's own actor files: $TIELINE_ACTORS (paths separated by os.pathsep) or, if that
    is unset, $XDG_CONFIG_HOME/tieline/actors.yaml (default ~/.config/tieline/actors.yaml)."""
    env = os.environ.get("TIELINE_ACTORS")
    if env is not None:
        return [Path(p).expanduser() for p in env.split(os.pathsep) if p.strip()]
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    default = base / "tieline" / "actors.yaml"
    return [default] if default.exists() else []


def default_user_file() -> Path:
    """Where `tieline actors add` writes: the first path of $TIELINE_ACTORS, else
    $XDG_CONFIG_HOME/tieline/actors.yaml (default ~/.config/tieline/actors.yaml)."""
    env = [p for p in os.environ.get("TIELINE_ACTORS", "").split(os.pathsep) if p.strip()]
    if env:
        return Path(env[0]).expanduser()
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "tieline" / "actors.yaml"


def load_gazetteer(extra_files: tuple[Path, ...] | None = None) -> Gazetteer:
    """The built-in actor knowledge plus the user files (default: `user_files()`)."""
    files = tuple(user_files()) if extra_files is None else tuple(extra_files)
    stamps = tuple((str(p), p.stat().st_mtime_ns if p.exists() else 0) for p in files)
    return _load(stamps)


@lru_cache(maxsize=4)
def _load(stamps: tuple[tuple[str, int], ...]) -> Gazetteer:
    gaz = Gazetteer()
    digest = hashlib.sha256()
    roles, raw = _read_yaml("roles.yaml")
    digest.update(raw)
    _load_roles(gaz, roles)
    countries, raw = _read_yaml("countries.yaml")
    digest.update(raw)
    for country in pycountry.countries:
        iso3 = country.alpha_3
        gaz.country_names[iso3] = getattr(country, "common_name", None) or country.name
        for name in _pycountry_names(country):
            gaz.add(name, Entry(iso3, iso3, "country", sector="GOV"))
    _load_countries(gaz, countries, "countries.yaml")
    _load_subdivisions(gaz, set(countries.get("not_places", [])))
    groups, raw = _read_yaml("groups.yaml")
    digest.update(raw)
    _load_groups(gaz, groups, "groups.yaml")
    for name in _people_files():
        people, raw = _read_yaml(name)
        digest.update(raw)
        _load_people(gaz, people, name)
    version = countries.get("version", "?")
    for path_text, _ in stamps:
        path = Path(path_text)
        if not path.exists():
            raise ConfigError(f"The actor file {path} does not exist; create it or unset TIELINE_ACTORS.")
        raw = path.read_bytes()
        digest.update(raw)
        data = _parse_yaml(raw, f"the actor file {path}")
        _load_roles(gaz, data)
        _load_countries(gaz, data, str(path), first=True)
        _load_groups(gaz, data, str(path), first=True)
        _load_people(gaz, data, str(path))
        version += "+user"
    gaz.version = f"{version}+{digest.hexdigest()[:8]}"
    return gaz


def _load_roles(gaz: Gazetteer, data: dict) -> None:
    for sector, words in (data.get("sectors") or {}).items():
        for word in words:
            gaz.roles[" ".join(str(word).lower().split())] = sector
    for phrase in data.get("not_roles") or ():
        gaz.not_roles.add(" ".join(str(phrase).lower().split()))
    for word, office in (data.get("titles") or {}).items():
        gaz.titles[" ".join(str(word).lower().split())] = office
    gaz.cameo_roles.update(data.get("cameo_roles") or {})
    for phrase, meaning in (data.get("generic") or {}).items():
        gaz.generic[" ".join(str(phrase).lower().split())] = meaning
    gaz.not_as_adjectives.update(str(w).lower() for w in data.get("not_as_adjectives") or ())
    gaz.capitals_only.update(str(w).lower() for w in data.get("capitals_only") or ())
    gaz.only_as_head.update(" ".join(str(w).lower().split()) for w in data.get("only_as_head") or ())
    for office, country in (data.get("sole_offices") or {}).items():
        if str(office) not in gaz.titles.values():
            raise ConfigError(f"roles: sole_offices names '{office}', which no title means. Add a title for it "
                              f"under 'titles:' or remove it.")
        gaz.sole_offices[str(office)] = str(country).upper()
    for gender, words in (data.get("genders") or {}).items():
        if gender not in ("female", "male"):
            raise ConfigError(f"roles: 'genders:' takes 'female:' and 'male:' lists, not '{gender}:'.")
        for word in words or ():
            gaz.genders[str(word).lower()] = gender


def _known_code(gaz: Gazetteer, iso3: str, source: str) -> None:
    if iso3 not in gaz.country_names:
        raise ConfigError(
            f"{source} names the country '{iso3}', which is neither an ISO 3166-1 alpha-3 code nor listed "
            f"under 'extra_countries:' (e.g. XKX for Kosovo)."
        )


def _load_countries(gaz: Gazetteer, data: dict, source: str, first: bool = False) -> None:
    for iso3, name in (data.get("extra_countries") or {}).items():
        gaz.country_names[iso3] = name
    gaz.given_names.update(n.lower() for n in data.get("given_names") or [])
    gaz.one_party.update(data.get("one_party_states") or [])
    for territory, sovereign in (data.get("territories") or {}).items():
        _known_code(gaz, str(territory), source)
        _known_code(gaz, str(sovereign), source)
        gaz.sovereigns[str(territory)] = str(sovereign)
    for phrase in data.get("not_actors") or []:
        gaz.add(phrase, Entry("", None, "blocked"), first=first)
    for iso3, info in (data.get("countries") or {}).items():
        _known_code(gaz, iso3, source)
        info = info or {}
        if info.get("names"):
            gaz.country_names[iso3] = info["names"][0]  # the name news uses: "North Korea", not "Korea, DPR"
        for name in info.get("names", []):
            gaz.add(name, Entry(iso3, iso3, "country", sector="GOV"), first=first)
        for name in info.get("adjectives", []):
            gaz.add(name, Entry(iso3, iso3, "demonym"), first=first)
        for name in info.get("capitals", []):
            gaz.add(name, Entry(iso3, iso3, "capital", sector="GOV"), first=first)
        for name in info.get("cities", []):
            gaz.add(name, Entry(iso3, iso3, "city"), first=first)
        for name in info.get("regions", []):
            gaz.add(name, Entry(iso3, iso3, "region"), first=first)
        for name in info.get("breakaway", []):
            gaz.add(name, Entry(iso3, iso3, "pre", sector="PRE"), first=first)
        for informal in info.get("informal", []):
            gaz.add(
                informal["name"],
                Entry(iso3, iso3, "informal", sector="GOV", context=tuple(informal.get("context", ()))),
                first=first,
            )
    for line in data.get("former_capitals") or []:
        parts = [p.strip() for p in str(line).split("|")]
        if len(parts) != 4 or not parts[0] or not parts[3]:
            raise ConfigError(f"{source}: former_capitals: '{line}' should read 'Name | ISO3 | YYYY-MM-DD | YYYY-MM-DD' "
                              f"(the first date may be empty).")
        name, iso3, start, end = parts
        _known_code(gaz, iso3, source)
        # Ahead of the name's present meaning, which takes over on the end date ("Moscow" was the USSR's).
        gaz.add(name, Entry(iso3, iso3, "capital", sector="GOV", valid_from=_as_date(start, source) if start else None,
                            valid_until=_as_date(end, source)), first=True)


def _load_subdivisions(gaz: Gazetteer, not_places: set[str]) -> None:
    """First-level ISO 3166-2 subdivisions ("Balochistan", "Northern Territory") as places of
    their country; names shared by several countries or by another kind of name are left out."""
    seen: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.type not in _SUBDIVISION_TYPES:
            continue
        name = sub.name.split("[")[0].split("(")[0].strip()
        if "," in name or len(name) < 4 or name in not_places:
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        for variant in sorted(name_variants(name)):  # sorted: the same gazetteer on every run
            seen.setdefault(variant, set()).add(country.alpha_3)
    for name, codes in seen.items():
        if len(codes) != 1 or gaz.lookup(name):
            continue
        iso3 = next(iter(codes))
        gaz.add(name, Entry(iso3, iso3, "region"))


def _load_groups(gaz: Gazetteer, data: dict, source: str, first: bool = False) -> None:
    for group in data.get("groups") or []:
        names = group.get("names")
        sector = group.get("sector")
        country = group.get("country")
        if not names or not (group.get("code") or country):
            raise ConfigError(f"{source}: the group {group!r} needs 'names' and a 'code' or a 'country'.")
        if country:
            _known_code(gaz, country, source)
        code = group.get("code") or gaz.cameo_code(country, sector)
        since = tuple(
            (_as_date(s["from"], source), s.get("code") or gaz.cameo_code(country or "", s["sector"]), s["sector"])
            for s in group.get("since", [])
        )
        entry = Entry(
            code, country, "group", sector=sector, known_group_code=group.get("known_group"),
            plover_country=group.get("plover"), since=since, name=str(names[0]),
            generic_name=bool(group.get("generic_name")), individual=bool(group.get("individual")),
            valid_from=_as_date(group["founded"], source) if group.get("founded") else None,
            valid_until=_as_date(group["until"], source) if group.get("until") else None,
            context=_codes(gaz, group.get("context"), source), not_with=_codes(gaz, group.get("not_with"), source),
        )
        for name in names:
            gaz.add(name, entry, first=first)


def _codes(gaz: Gazetteer, codes, source: str) -> tuple[str, ...]:
    for code in codes or ():
        _known_code(gaz, code, source)
    return tuple(codes or ())


def _as_date(value, source: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise ConfigError(f"{source}: '{value}' is not a date; use YYYY-MM-DD.") from exc


def _load_people(gaz: Gazetteer, data: dict, source: str) -> None:
    gaz.office_sectors.update(data.get("office_sectors") or {})
    gaz.shared_offices.update(data.get("shared_offices") or [])
    aliases = data.get("aliases") or {}
    for iso3, offices in (data.get("people") or {}).items():
        _known_code(gaz, iso3, source)
        for office, lines in (offices or {}).items():
            if office == "leader":
                gaz.leader_office[iso3] = _leader_offices(lines, iso3, source)
                continue
            sector = gaz.office_sectors.get(office, "GOV")
            for line in lines or []:
                name, term = parse_term_line(line, iso3, office, sector, source)
                gaz.add_person_term(name, iso3, term, aliases.get(name, ()))
    for body, offices in (data.get("bodies") or {}).items():
        group = next((e for e in gaz.lookup(body) if e.kind == "group"), None)
        if group is None:
            raise ConfigError(f"{source}: the body '{body}' under 'bodies:' is not a group in groups.yaml.")
        for office, lines in (offices or {}).items():
            if office == "leader":
                gaz.leader_office[group.name] = _leader_offices(lines, body, source)
                continue
            sector = gaz.office_sectors.get(office, group.sector or "GOV")
            for line in lines or []:
                text, _, nationality = str(line).rpartition("|")
                nationality = nationality.strip()
                if not text or nationality not in gaz.country_names:
                    raise ConfigError(
                        f"{source}: {body} {office}: '{line}' should read 'Name | YYYY-MM-DD | YYYY-MM-DD | ISO3', "
                        f"the last field being the person's nationality (e.g. PRT)."
                    )
                name, term = parse_term_line(text, body, office, sector, source, body=group.name)
                gaz.add_person_term(name, nationality, term, aliases.get(name, ()), holder_key=group.name)


def _leader_offices(value, where: str, source: str) -> list[tuple[str, date | None, date | None]]:
    """`leader: president`, or a list of "office | from | until" when the leading office changed."""
    out = []
    for line in [value] if isinstance(value, str) else value or []:
        parts = [p.strip() for p in str(line).split("|")] + ["", ""]
        office, start, end = parts[0], parts[1], parts[2]
        out.append((office, _as_date(start, source) if start else None, _as_date(end, source) if end else None))
    if not out:
        raise ConfigError(f"{source}: {where} leader: name an office, e.g. 'leader: president'.")
    return out
