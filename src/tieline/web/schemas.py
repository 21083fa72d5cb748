"""The shapes of the API's JSON, as pydantic models: they make the OpenAPI spec.

Event rows allow extra fields, so that columns a newer store adds appear in the API without a
change here.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from ..store.dedup import DEDUP_RULES

T = TypeVar("T")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date_text(value: object) -> object:
    """Dates in requests are YYYY-MM-DD only (pydantic would also take a number of seconds)."""
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError(f"'{value}' is not a date; use YYYY-MM-DD, e.g. 2024-03-05")
    if not isinstance(value, (str, date)):
        raise ValueError("a date must be written YYYY-MM-DD, e.g. 2024-03-05")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date_text)]


class Page(BaseModel, Generic[T]):
    total: int = Field(description="How many rows match the filters.")
    limit: int
    offset: int
    next: str | None = Field(description="The URL of the next page, or null on the last page.")
    items: list[T]


class Event(BaseModel):
    """One stored (deduplicated) event: GDELT's field names in snake case, with the evidence spans and
    places. Its descriptive fields are those of its root mention, the first report stored; every
    report is in `GET /api/events/{event_id}`."""

    model_config = ConfigDict(extra="allow")

    event_id: str
    run_id: str
    doc_id: str
    event_date: date | None
    date_precision: str | None = None
    date_text: str | None = None
    actor1_code: str
    actor1_name: str | None = None
    actor1_country_code: str | None = None
    actor1_known_group_code: str | None = None
    actor1_sector: str | None = None
    actor2_code: str | None = None
    actor2_name: str | None = None
    actor2_country_code: str | None = None
    actor2_known_group_code: str | None = None
    actor2_sector: str | None = None
    event_code: str
    event_root_code: str
    quad_class: int
    goldstein_scale: float
    plover_event_type: str | None = None
    plover_mode: str | None = None
    sentence: str
    sentence_index: int | None = None
    sentence_start: int | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None
    event_text: str | None = None
    event_start: int | None = None
    event_end: int | None = None
    actor1_start: int | None = None
    actor1_end: int | None = None
    actor2_start: int | None = None
    actor2_end: int | None = None
    action_geo_full_name: str | None = None
    action_geo_country_code: str | None = None
    action_geo_fips_code: str | None = None
    action_geo_adm1_code: str | None = None
    action_geo_lat: float | None = None
    action_geo_long: float | None = None
    action_geo_feature_id: str | None = None
    action_geo_precision: str | None = None
    source_url: str | None = None
    coder: str
    pattern_id: str | None = None
    confidence: float | None = None
    dictionary_version: str | None = None
    global_event_id: int = Field(description="GDELT's GLOBALEVENTID: 1, 2, 3, ... in the order events were stored.")
    num_mentions: int = Field(ge=1, description="GDELT's NumMentions: every report, several in one document included.")
    num_sources: int = Field(ge=1, description="GDELT's NumSources: distinct sites that reported it.")
    num_articles: int = Field(ge=1, description="GDELT's NumArticles: distinct documents that reported it.")
    root_mention_id: str = Field(description="The first report stored; its document is `doc_id`.")
    is_root_event: bool | None = Field(None, description="GDELT's IsRootEvent: the first report is in the "
                                                         "article's lead paragraph.")
    date_added: datetime = Field(description="GDELT's DATEADDED: when the event was first stored (UTC).")
    dedup: str = Field(description="The rule that grouped its reports: strict, story or none.")


class EventBrief(BaseModel):
    """An event as one document reports it: the document's own report of it, and how often the
    event was reported in all."""

    event_id: str
    mention_id: str = Field(description="This document's (first) report of the event.")
    event_date: date | None
    actor1_code: str
    actor1_country_code: str | None
    event_code: str
    actor2_code: str | None
    actor2_country_code: str | None
    quad_class: int
    goldstein_scale: float
    event_text: str | None
    sentence: str
    sentence_index: int | None
    num_mentions: int
    num_sources: int
    num_articles: int
    root_doc_id: str = Field(description="The document of the event's first report.")


class Mention(BaseModel):
    """One report of an event: the document, its URL, and the sentence with the spans inside it."""

    mention_id: str
    root: bool = Field(description="The event's first report (its root mention).")
    doc_id: str
    url: str | None
    source_name: str | None = Field(description="The site: the URL's host without www., else the site's name.")
    title: str | None
    published: date | None
    site_name: str | None
    event_code: str | None = Field(description="The CAMEO code this report was coded with (under the story "
                                               "rule it may be a more or less specific code of the same base).")
    event_date: date | None
    in_lead: bool | None = Field(description="The sentence is in the article's first paragraph.")
    sentence: str
    sentence_index: int | None
    sentence_start: int | None
    spans: dict[str, list[int]] = Field(
        description="Character spans [start, end) inside `sentence`: evidence, event (the event phrase), "
                    "actor1 and actor2, where known."
    )
    paragraph: str | None = Field(description="The paragraph of the article that holds the sentence.")


class EvidenceDocument(BaseModel):
    doc_id: str
    url: str | None
    title: str | None
    byline: str | None
    site_name: str | None
    source_name: str | None
    published: date | None
    date_source: str | None
    language: str | None
    attributions: list[str]
    dedup_group: str | None
    text: str


class EventEvidence(BaseModel):
    event: Event
    document: EvidenceDocument | None = Field(description="The document of the event's first report.")
    mentions: list[Mention] = Field(description="Every report of the event, the first one first.")
    sentences: list[str]
    urls: list[str]


_DEDUP_GROUP = "The near-duplicate story group: documents that are copies of one story share it."
_DOC_KEY = ("The document's identity: url:<normalised URL> or sha256:<hash of the content>; null for documents "
            "stored before identities existed.")


class _StoredDocument(BaseModel):
    """The fields of a stored document that its list entry and its detail share."""

    doc_id: str
    run_id: str
    source: str | None
    url: str | None
    title: str | None
    byline: str | None
    site_name: str | None
    source_name: str | None = Field(description="The site: the URL's host without www., else the site's name.")
    published: date | None
    date_source: str | None
    language: str | None
    attributions: list[str]
    content_hash: str
    doc_key: str | None = Field(description=_DOC_KEY)
    dedup_group: str | None = Field(description=_DEDUP_GROUP)
    ingested_at: datetime


class DocumentSummary(_StoredDocument):
    characters: int
    events: int = Field(description="Events the document reports.")
    mentions: int = Field(description="Reports of events coded from the document (one event may be reported "
                                      "in several sentences).")


class OtherParagraph(BaseModel):
    """A paragraph not in English: kept with its language, not coded."""

    position: int
    language: str
    confidence: float | None
    text: str


class DocumentDetail(_StoredDocument):
    model_config = ConfigDict(extra="allow")

    text: str
    other_paragraphs: list[OtherParagraph]
    events: list[EventBrief]


RunStatus = Literal["running", "finished", "interrupted"]


class DictionaryFile(BaseModel):
    version: str
    sha256: str


class Run(BaseModel):
    run_id: str
    started_at: datetime
    finished_at: datetime | None
    updated_at: datetime | None = Field(description="When the run last committed a batch.")
    status: RunStatus = Field(
        description="running; finished; or interrupted: the process stopped before the end, and what it had "
                    "committed is kept (the next `tieline ingest` marks such runs and stores the rest).")
    tieline_version: str
    coder: str = Field(description="Name and version of the coder, e.g. cameo.rules.v1.")
    coder_name: str | None
    coder_version: str | None
    dictionary_version: str
    dictionaries: dict[str, DictionaryFile] = Field(
        description="Every dictionary and table the coder read, with its version and the SHA-256 of its bytes.")
    dedup: str | None = Field(description="The deduplication rule of the run: strict, story or none.")
    model: str | None
    inputs: list[str]
    counts: dict[str, dict[str, int]] = Field(description="Per stage, what was kept and dropped.")
    failures: int


class RunDetail(Run):
    failure_reasons: dict[str, int]
    documents: int = Field(description="Documents the run stored.")
    events: int = Field(description="Events the run saw first (new events).")
    mentions: int = Field(description="Reports of events the run stored, new events or not.")


class FailureRow(BaseModel):
    run_id: str
    source: str
    stage: str
    reason: str
    message: str
    doc_id: str | None
    failed_at: datetime


class Country(BaseModel):
    code: str
    name: str | None
    events: int = Field(description="Events that name the country on either side.")
    partners: int = Field(description="Other countries it has events with.")


class CameoCode(BaseModel):
    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    quad_class_name: str
    plover_event: str | None
    plover_mode: str | None


class SeriesRow(BaseModel):
    period: date = Field(description="First day of the period.")
    period_end: date = Field(description="Last day of the period.")
    period_label: str
    source: str
    target: str
    direction: str
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    cooperative: int
    conflictual: int
    net_cooperation: int
    goldstein_sum: float
    goldstein_mean: float | None
    coop_share: float | None
    volume: int
    events_norm: float
    verbal_cooperation_norm: float
    material_cooperation_norm: float
    verbal_conflict_norm: float
    material_conflict_norm: float
    goldstein_sum_norm: float
    net_cooperation_norm: float


class Shift(BaseModel):
    source: str
    target: str
    direction: str
    measure: str
    period: date
    period_label: str
    before: float
    after: float
    change: float
    movement: str
    around_since: date
    around_until: date
    events_around: int


class Dyad(BaseModel):
    source: str
    target: str
    source_name: str | None
    target_name: str | None
    by: str
    direction: str
    measure: str
    series: list[SeriesRow]
    shifts: list[Shift]
    notes: list[str] = Field(description="Why something was left out, e.g. a shift search too long for one request.")


class Relation(BaseModel):
    rank: int
    partner: str
    partner_name: str | None
    members: str
    events: int
    level: float | None
    previous: float | None
    change: float | None
    trend: float | None
    trend_p: float | None
    movement: str
    goldstein_sum: float
    goldstein_mean: float | None
    coop_share: float | None
    measure: str
    period: str
    series: list[float | None]
    last_shift: str | None = None
    last_shift_change: float | None = None


class Relations(BaseModel):
    focus: str
    focus_name: str | None
    by: str
    direction: str
    measure: str
    periods: list[str]
    items: list[Relation]
    notes: list[str] = Field(description="Why something was left out, e.g. a shift search too long for one request.")


class NetworkNode(BaseModel):
    code: str
    name: str | None
    events: int = Field(description="Events on the edges shown that name this country.")


class NetworkEdge(BaseModel):
    source: str
    target: str
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    goldstein_sum: float
    goldstein_mean: float
    coop_share: float


class Network(BaseModel):
    focus: str | None
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class Health(BaseModel):
    status: Literal["ok"]
    tieline_version: str
    store: str
    writes_enabled: bool
    documents: int
    events: int = Field(description="Deduplicated events.")
    event_mentions: int = Field(description="Reports of events (one event may be reported many times).")
    sentences: int = Field(description="Sentences that events were coded from.")
    failures: int
    runs: int
    first_event: date | None
    last_event: date | None
    schema_version: int


# An http(s) URL without spaces or control characters. The characters are listed, not written \s:
# Python, the Rust regex of pydantic and JSON Schema's ECMA-262 disagree on what \s matches
# (U+0085, U+001C-U+001F, U+FEFF), and the spec must accept exactly what the server accepts.
URL_PATTERN = (r"^https?://[^\x00-\x20\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+$")
Dedup = Literal[tuple(DEDUP_RULES)]  # type: ignore[valid-type]
_DEDUP_FIELD = ("How reports of one event are grouped: strict (same actors, code and day, one story), story "
                "(also related codes, two days apart, retold reports) or none; the server's default when left out.")


class PostedDocument(BaseModel):
    """A document to code and store."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(None, min_length=1, max_length=300, pattern=r"^[^\x00-\x1f]+$",
                           description="Document id; by default `post-` and a hash of the content.")
    content: str = Field(min_length=1, max_length=1_000_000, description="The article as plain text or HTML.")
    media_type: Literal["text/plain", "text/html"] = "text/plain"
    url: str | None = Field(None, max_length=2000, pattern=URL_PATTERN, description="Where it was published.")
    title: str | None = Field(None, max_length=1000)
    published: IsoDate | None = Field(None, description="Publication date, YYYY-MM-DD.")
    dedup: Dedup | None = Field(None, description=_DEDUP_FIELD)


class UrlToIngest(BaseModel):
    """A web page to fetch, code and store."""

    model_config = ConfigDict(extra="forbid")

    url: str = Field(min_length=8, max_length=2000, pattern=URL_PATTERN)
    id: str | None = Field(None, min_length=1, max_length=300, pattern=r"^[^\x00-\x1f]+$",
                           description="Document id; by default the URL.")
    published: IsoDate | None = Field(None, description="Publication date, YYYY-MM-DD, if the page does not say.")
    dedup: Dedup | None = Field(None, description=_DEDUP_FIELD)


class IngestFailure(BaseModel):
    source: str
    stage: str
    reason: str
    message: str


class IngestResult(BaseModel):
    run_id: str
    doc_id: str = Field(description="The stored document's id: the one asked for, or `id#<hash>` when that id "
                                    "belongs to another document, or the stored copy's when already stored.")
    dedup: str = Field(description="The deduplication rule used.")
    documents_read: int
    documents_stored: int
    already_stored: int = Field(description="1 when the document (the same URL, or without a URL the same "
                                            "content) was stored before; nothing is added then.")
    failed: int
    events_coded: int = Field(description="Reports of events the coder found in the document.")
    events_new: int = Field(description="Events seen for the first time.")
    mentions_merged: int = Field(description="Reports that joined events stored before (another report of "
                                             "the same event).")
    failures: list[IngestFailure]
    events: list[EventBrief] = Field(description="The events the stored document reports.")


class ErrorMessage(BaseModel):
    detail: str

