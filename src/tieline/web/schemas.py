"""The shapes of the API's JSON, as pydantic models: they make the OpenAPI spec.

Event rows allow extra fields, so that columns a newer store adds appear in the API without a
change here.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

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
    """One stored event: GDELT's field names in snake case, with the evidence spans and places."""

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


class EventBrief(BaseModel):
    event_id: str
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


class Mention(BaseModel):
    """One report of an event: the document, its URL, and the sentence with the spans inside it."""

    doc_id: str
    url: str | None
    title: str | None
    published: date | None
    site_name: str | None
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
    published: date | None
    date_source: str | None
    language: str | None
    attributions: list[str]
    text: str


class EventEvidence(BaseModel):
    event: Event
    document: EvidenceDocument | None
    mentions: list[Mention]
    sentences: list[str]
    urls: list[str]


class DocumentSummary(BaseModel):
    doc_id: str
    run_id: str
    source: str | None
    url: str | None
    title: str | None
    byline: str | None
    site_name: str | None
    published: date | None
    date_source: str | None
    language: str | None
    attributions: list[str]
    content_hash: str
    ingested_at: datetime
    characters: int
    events: int


class DocumentDetail(BaseModel):
    model_config = ConfigDict(extra="allow")

    doc_id: str
    run_id: str
    source: str | None
    url: str | None
    title: str | None
    byline: str | None
    site_name: str | None
    published: date | None
    date_source: str | None
    language: str | None
    attributions: list[str]
    text: str
    content_hash: str
    ingested_at: datetime
    events: list[EventBrief]


class Run(BaseModel):
    run_id: str
    started_at: datetime
    finished_at: datetime | None
    status: str
    tieline_version: str
    coder: str
    dictionary_version: str
    model: str | None
    inputs: list[str]
    counts: dict[str, dict[str, int]] = Field(description="Per stage, what was kept and dropped.")
    failures: int


class RunDetail(Run):
    failure_reasons: dict[str, int]
    documents: int
    events: int


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
    events: int
    failures: int
    runs: int
    first_event: date | None
    last_event: date | None
    schema_version: int


class PostedDocument(BaseModel):
    """A document to code and store."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(None, min_length=1, max_length=300, pattern=r"^[^\x00-\x1f]+$",
                           description="Document id; by default `post-` and a hash of the content.")
    content: str = Field(min_length=1, max_length=1_000_000, description="The article as plain text or HTML.")
    media_type: Literal["text/plain", "text/html"] = "text/plain"
    url: str | None = Field(None, max_length=2000, pattern=r"^https?://\S+$", description="Where it was published.")
    title: str | None = Field(None, max_length=1000)
    published: IsoDate | None = Field(None, description="Publication date, YYYY-MM-DD.")


class UrlToIngest(BaseModel):
    """A web page to fetch, code and store."""

    model_config = ConfigDict(extra="forbid")

    url: str = Field(min_length=8, max_length=2000, pattern=r"^https?://\S+$")
    id: str | None = Field(None, min_length=1, max_length=300, pattern=r"^[^\x00-\x1f]+$",
                           description="Document id; by default the URL.")
    published: IsoDate | None = Field(None, description="Publication date, YYYY-MM-DD, if the page does not say.")


class IngestFailure(BaseModel):
    source: str
    stage: str
    reason: str
    message: str


class IngestResult(BaseModel):
    run_id: str
    doc_id: str
    documents_read: int
    documents_stored: int
    already_stored: int
    failed: int
    events_coded: int
    failures: list[IngestFailure]
    events: list[EventBrief]


class ErrorMessage(BaseModel):
    detail: str

