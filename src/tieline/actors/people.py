"""People with dated offices: who was North Korea's leader, or France's foreign minister, on a day."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date

from ..errors import ConfigError

# When a person holds several offices at once, the first one here names their role.
OFFICE_RANK = (
    "supreme_leader", "monarch", "president", "general_secretary", "chancellor", "prime_minister", "chief_executive",
    "vice_president", "foreign_minister", "defence_minister", "secretary_general", "high_representative",
    "national_security_adviser", "intelligence_chief", "chief_of_defence", "deputy_defence_minister",
)
# Sectors a person keeps between two offices: a legislature's leader who steps down stays a
# legislator, a church leader stays a cleric (REL also after the last office: a pope emeritus).
_LIFELONG_SECTORS = {"LEG", "REL"}
# Countries whose people are written family name first ("Xi Jinping" is "Xi" for short).
FAMILY_NAME_FIRST = {"CHN", "PRK", "KOR", "TWN", "HKG", "MAC", "KHM", "SGP"}
_ARABIC_ARTICLES = ("al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "an-")
# Where a Chinese given name is romanised with a hyphen, a name without one is in Western order.
GIVEN_NAME_HYPHENATED = {"TWN", "HKG", "MAC"}


@dataclass(frozen=True, slots=True)
class Term:
    office: str  # president, prime_minister, foreign_minister, ... or a free label
    start: date
    end: date | None  # None: still in office
    sector: str  # PLOVER sector while in this office
    body: str | None = None  # an international body's name ("United Nations"), for its office holders

    def covers(self, when: date) -> bool:
        return self.start <= when and (self.end is None or when < self.end)


@dataclass
class Person:
    name: str
    country: str  # ISO alpha-3 (or a non-ISO code such as XKX)
    terms: list[Term] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return person_key(self.name, self.country)

    def office_on(self, when: date) -> Term | None:
        current = [t for t in self.terms if t.covers(when)]
        if not current:
            return None
        return min(current, key=lambda t: OFFICE_RANK.index(t.office) if t.office in OFFICE_RANK else 99)

    def sector_on(self, when: date) -> tuple[str | None, str | None]:
        """(PLOVER sector, office) on a day: the office held; the sector of an office taken within
        90 days; ELI once all offices ended or between two of them; else the sector of the first
        office (a person named before taking office is still of that world)."""
        term = self.office_on(when)
        if term is not None:
            return term.sector, term.office
        upcoming = [t for t in self.terms if t.start > when]
        if upcoming:
            nearest = min(upcoming, key=lambda t: t.start)
            if (nearest.start - when).days <= _ABOUT_TO_TAKE_OFFICE_DAYS:
                return nearest.sector, None  # a president-elect, a nominee awaiting confirmation
        ended = [t for t in self.terms if t.end is not None and t.end <= when]
        if ended:
            last = max(ended, key=lambda t: t.end)
            # between two offices: out of office (Bolton in 2016), but a legislature's leader who
            # steps down stays a legislator (Pelosi between her terms as Speaker); after the last
            # office only a cleric keeps the sector
            kept = _LIFELONG_SECTORS if len(ended) < len(self.terms) else {"REL"}
            return (last.sector if last.sector in kept else "ELI"), None
        # a candidacy is no world a person comes from: Trump in 2011 is not yet a party's candidate
        offices = [t for t in self.terms if t.sector != "PTY"] or self.terms
        first = min(offices, key=lambda t: t.start) if offices else None
        return (first.sector if first else None), None

    @property
    def surname(self) -> str:
        parts = fold(self.name).replace(".", " ").split()
        if not parts:
            return ""
        if self.country in GIVEN_NAME_HYPHENATED and len(parts) > 1 and "-" not in parts[-1]:
            return parts[-1]  # "Joseph Wu", "Carrie Lam": written in Western order ("Tsai Ing-wen" is not)
        return parts[0] if self.country in FAMILY_NAME_FIRST else parts[-1]

    @property
    def surnames(self) -> tuple[str, ...]:
        """The surname, and without its Arabic article: news writes "Assad" for "al-Assad"."""
        name = self.surname
        for article in _ARABIC_ARTICLES:
            if name.startswith(article) and len(name) > len(article) + 2:
                return name, name[len(article):]
        return (name,)

    @property
    def is_top(self) -> bool:
        return any(t.office in OFFICE_RANK for t in self.terms)


# A president-elect or a nominee awaiting confirmation acts in the office to come.
_ABOUT_TO_TAKE_OFFICE_DAYS = 90


def person_key(name: str, country: str) -> str:
    return f"{country}:{fold(name)}"


def unaccent(text: str) -> str:
    """The text without accents, case kept: "Guaidó" -> "Guaido"."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower-case and strip accents: "Díaz-Canel" -> "diaz-canel"."""
    return " ".join(unaccent(text).lower().split())


# Romanisations of one given name that news uses interchangeably.
_SAME_NAME = (
    ("Mohammed", "Mohamed", "Muhammad", "Mohammad", "Muhammed", "Mohamad"),
    ("Ahmed", "Ahmad"),
    ("Abdel", "Abdul"),
    ("Hussein", "Husein", "Hussain"),
    ("Yusuf", "Youssef", "Yousef"),
    ("Sergei", "Sergey"),
    ("Dmitry", "Dmitri"),
    ("Andrei", "Andrey"),
    ("Aleksandr", "Alexander"),
    ("Yuri", "Yury", "Yuriy"),
)
_SPELLINGS = {word: group for group in _SAME_NAME for word in group}


def name_variants(name: str) -> set[str]:
    """Spellings news uses for one name: accents dropped, hyphens as spaces or dropped, and the
    usual romanisations of common given names ("Mohamed"/"Mohammed")."""
    out = {name, strip_accents(name)}
    for n in list(out):
        words = n.split()
        for i, word in enumerate(words):
            for other in _SPELLINGS.get(word, ()):
                out.add(" ".join([*words[:i], other, *words[i + 1:]]))
    for n in list(out):
        if "-" in n:
            out.add(n.replace("-", " "))
            parts = n.split()
            out.add(" ".join(p.replace("-", "") if p[:1].isupper() else p for p in parts))
    return {" ".join(v.split()) for v in out if v.strip()}


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def parse_term_line(line: str, country: str, office: str, sector: str, source: str,
                    body: str | None = None) -> tuple[str, Term]:
    """One "Name | start | end" line of a people file (end empty: still in office)."""
    parts = [p.strip() for p in str(line).split("|")]
    if len(parts) != 3 or not parts[0]:
        raise ConfigError(
            f"{source}: {country} {office}: '{line}' should read 'Name | YYYY-MM-DD | YYYY-MM-DD' "
            f"(leave the end empty for someone still in office)."
        )
    name, start, end = parts
    try:
        term = Term(office, _date(start), _date(end) if end else None, sector, body)
    except ValueError as exc:
        raise ConfigError(f"{source}: {country} {office}: '{line}' has a bad date ({exc}); use YYYY-MM-DD.") from exc
    if term.end is not None and term.end < term.start:
        raise ConfigError(f"{source}: {country} {office}: '{line}' ends before it starts.")
    return name, term


def _date(text: str) -> date:
    if len(text) == 4:
        return date(int(text), 1, 1)
    if len(text) == 7:
        return date(int(text[:4]), int(text[5:7]), 1)
    return date.fromisoformat(text)
