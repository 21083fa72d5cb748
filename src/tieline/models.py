"""The records that flow between pipeline stages: Document -> Article -> Mention/Event.

Character offsets (`*_start`, `*_end`) always index into `Article.text`, so that any event
can be traced back to the exact characters that produced it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(slots=True)
class Document:
    """Raw input as it arrived: text or bytes, plus where it came from."""

    id: str
    source: str  # a path, a URL, or "archive.warc.gz#offset"
    content: str | bytes
    media_type: str = "text/plain"  # "text/plain" or "text/html"
    url: str | None = None
    published: date | None = None
    fetched: datetime | None = None
    title: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    key: str | None = None  # identity: "url:<normalised URL>" or "sha256:<content hash>" (ingest.identity)


@dataclass(slots=True)
class Paragraph:
    """A paragraph kept out of coding because it is not in English, with its language."""

    position: int  # index among the article's paragraphs before the language split
    language: str  # ISO 639-1 code from the language identifier, e.g. "zh", "fr"
    text: str
    confidence: float = 0.0


@dataclass(slots=True)
class Article:
    """The cleaned main text of a document, with what is known about it."""

    doc_id: str
    text: str  # paragraphs separated by blank lines
    title: str | None = None
    url: str | None = None
    byline: str | None = None
    published: date | None = None
    # "document", "extracted" (from the page), "url", "url-month" (a year and a month in the address:
    # the 1st), "crawl" or "none"
    date_source: str = "none"
    language: str | None = None
    site_name: str | None = None
    dateline: str | None = None  # place of a wire dateline ("PYONGYANG, Sept. 10, 2024 --")
    attributions: list[str] = field(default_factory=list)  # e.g. ["Yonhap", "Rodong Sinmun"]
    dedup_group: str | None = None
    source: str | None = None  # where the document came from (path or URL)
    dropped_lines: int = 0  # boilerplate lines the cleaner removed
    doc_key: str | None = None  # the document's identity (Document.key)
    other_paragraphs: list[Paragraph] = field(default_factory=list)  # not English: stored, not coded

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]


@dataclass(slots=True)
class Mention:
    """A span of article text that names an actor, resolved to a CAMEO actor code."""

    text: str
    start: int
    end: int
    code: str  # e.g. "PRKGOV", "CHN", "KOREDU", "NAT"
    country_code: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # CAMEO role: GOV, MIL, EDU, ...
    known_group_code: str | None = None  # IGOs and named groups: NAT, EUR, UNO, ...
    name: str | None = None  # the person or body behind the mention, when known
    kind: str = "country"  # country, capital, demonym, person, organisation, group, coreference
    plover_sector: str | None = None  # PLOVER sector: GOV, MIL, JRN (journalists), MED (health), ELI ...
    plover_country: str | None = None  # international bodies in PLOVER's country field: UNO, EUR, IGO, NGO

    @property
    def role_only(self) -> bool:
        """An actor known by its role alone ("rebels", "lawmakers"): as in CAMEO, its code is the
        role (`REB`, `LEG`) and it has no country (PETRARCH writes `---REB`)."""
        return is_role_only(self.code, self.country_code, self.sector)

    @property
    def guessed(self) -> bool:
        """Role-only, or of a state only the story's dateline suggests: whatever the text itself
        names ("three women, all U.S. citizens", a later target slot) wins over it."""
        return self.role_only or self.kind == "dateline"


@dataclass(slots=True)
class Event:
    """One coded event with its evidence. Field names follow GDELT's, in snake case."""

    doc_id: str
    event_date: str  # ISO date, YYYY-MM-DD
    actor1_code: str
    actor1_name: str
    actor1_country_code: str | None
    actor1_known_group_code: str | None
    actor2_code: str | None
    actor2_name: str | None
    actor2_country_code: str | None
    actor2_known_group_code: str | None
    event_code: str
    event_root_code: str
    quad_class: int
    goldstein_scale: float
    plover_event_type: str | None
    sentence: str
    evidence_start: int  # span in the article text covering actors and event phrase
    evidence_end: int
    source_url: str | None
    coder: str  # "name/version", e.g. "cameo.rules/1"
    confidence: float
    # Beyond GDELT's contract fields:
    event_id: str = ""
    plover_mode: str | None = None
    actor1_sector: str | None = None
    actor2_sector: str | None = None
    event_text: str = ""  # the phrase that triggered the event, e.g. "sent a message to congratulate"
    event_start: int = -1
    event_end: int = -1
    actor1_start: int = -1
    actor1_end: int = -1
    actor2_start: int = -1
    actor2_end: int = -1
    sentence_start: int = -1
    sentence_index: int = -1
    pattern_id: str = ""
    date_precision: str = "publication"  # day, week, month, year, publication, crawl, none
    date_text: str = ""  # the temporal expression the date came from, e.g. "on Thursday"
    # Where it happened (GDELT's ActionGeo_* fields); precision "none" means no place was found.
    action_geo_full_name: str | None = None
    action_geo_country_code: str | None = None  # ISO 3166-1 alpha-3
    action_geo_fips_code: str | None = None  # FIPS 10-4 country code, as in GDELT
    action_geo_adm1_code: str | None = None
    action_geo_lat: float | None = None
    action_geo_long: float | None = None
    action_geo_feature_id: str | None = None
    action_geo_precision: str = "none"  # city, admin1, country, none
    dictionary_version: str = ""

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(slots=True)
class Failure:
    """An input that could not be used, and why. Failures are counted and stored, never raised."""

    source: str
    stage: str
    reason: str  # a short, stable key such as "not-utf8", "empty", "binary", "bad-json"
    message: str  # a sentence a person can act on
    doc_id: str | None = None


def is_role_only(code: str | None, country_code: str | None, sector: str | None) -> bool:
    """Whether an actor code is a role with no country or group (`REB`, `CVL`, `LEG`)."""
    return bool(code) and not country_code and code == sector


EVENT_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Event))
