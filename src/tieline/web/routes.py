"""The read endpoints: events, one event's evidence, documents, runs, failures, countries, the CAMEO
codes, dyad series, a country's relations and the network. Each opens the store read-only for the
length of the request (see `gate.py`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Annotated, Any, Literal

import pandas as pd
from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import Response

from .. import __version__
from ..analysis import MEASURES, NETWORK_COLUMNS, RELATION_COLUMNS, SERIES_COLUMNS, SHIFT_COLUMNS
from ..analysis import dyad_series as analysis_dyad_series
from ..analysis import network as analysis_network
from ..analysis import relations as analysis_relations
from ..analysis.periods import period_end
from ..analysis.shifts import find_shifts
from ..coding.taxonomy import QUAD_CLASS_NAMES, load_taxonomy
from . import queries, schemas
from .queries import EVENT_SORTS, DocumentFilter, EventFilter
from .render import csv_alternative, frame_records, json_response, page_payload, table_response
from .schemas import IsoDate
from .scope import clamp_window, partners_and_periods, restrict_events, shift_search_note

router = APIRouter(prefix="/api")

# --- parameters shared by several endpoints ----------------------------------------------

Format = Annotated[Literal["json", "csv"] | None, Query(description="json (default) or csv; `Accept: text/csv` works too.")]
Since = Annotated[IsoDate | None, Query(description="First day, YYYY-MM-DD (inclusive).")]
Until = Annotated[IsoDate | None, Query(description="Last day, YYYY-MM-DD (inclusive).")]
By = Annotated[Literal["day", "week", "month", "quarter", "year"], Query(description="Length of a period.")]
QuadClasses = Annotated[
    list[Annotated[int, Query(ge=1, le=4)]] | None,
    Query(max_length=4, description="Keep only these QuadClasses (1 verbal cooperation, 2 material cooperation, "
                                    "3 verbal conflict, 4 material conflict); repeat the parameter for several."),
]
CodePrefix = Annotated[str | None, Query(pattern=r"^[0-9]{1,4}$", description="CAMEO event code prefix, e.g. 04 or 163.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
Country = Annotated[str, Path(pattern=r"^[A-Za-z]{3}$", description="ISO 3166 alpha-3 country code, e.g. PRK.")]
SideCode = Annotated[str, Path(pattern=r"^[A-Za-z]{3}(,[A-Za-z]{3}){0,29}$",
                               description="A country code (PRK) or several taken together (CUB,CHN,VNM,LAO).")]
ActorCode = r"^[A-Za-z]{1,20}$"
Id = Annotated[str, Path(min_length=1, max_length=300)]

READ_ERRORS: dict[int | str, dict[str, Any]] = {
    503: {"model": schemas.ErrorMessage, "description": "The store is busy (another program writes to it) or the "
                                                        "query took longer than the server allows."},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": schemas.ErrorMessage, "description": "No such item."}}


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    from ..actors import load_gazetteer

    return dict(load_gazetteer().country_names)


def gate(request: Request):
    return request.app.state.gate


def config(request: Request):
    return request.app.state.config


# --- status and reference data ------------------------------------------------------------

@router.get("/health", response_model=schemas.Health, responses=READ_ERRORS, tags=["store"],
            summary="Server and store status")
def health(request: Request) -> Response:
    with gate(request).reading() as con:
        totals = queries.totals(con)
    return json_response({"status": "ok", "tieline_version": __version__, "store": config(request).db,
                          "writes_enabled": config(request).writes_enabled, **totals})


@router.get("/countries", response_model=list[schemas.Country], responses={**READ_ERRORS, **csv_alternative()},
            tags=["analysis"], summary="Countries named in the events, most events first")
def countries(request: Request, since: Since = None, until: Until = None, format: Format = None) -> Response:
    with gate(request).reading() as con:
        rows = queries.list_countries(con, country_names(), since=since, until=until)
    return table_response(request, format, rows, rows, list(schemas.Country.model_fields), "countries")


@router.get("/cameo", response_model=list[schemas.CameoCode], responses=csv_alternative(), tags=["reference"],
            summary="CAMEO event codes with names, Goldstein scores, QuadClass and PLOVER type")
def cameo(request: Request, root_only: Annotated[bool, Query(description="Only the 20 root codes.")] = False,
          format: Format = None) -> Response:
    rows = [
        {"code": c.code, "root": c.root, "name": c.name, "goldstein": c.goldstein, "quad_class": c.quad_class,
         "quad_class_name": QUAD_CLASS_NAMES[c.quad_class], "plover_event": c.plover_event,
         "plover_mode": c.plover_mode}
        for c in sorted(load_taxonomy().codes.values(), key=lambda c: c.code)
        if not root_only or c.code == c.root
    ]
    return table_response(request, format, rows, rows, list(schemas.CameoCode.model_fields), "cameo")


# --- events ---------------------------------------------------------------------------------

@router.get("/events", response_model=schemas.Page[schemas.Event], responses={**READ_ERRORS, **csv_alternative()},
            tags=["events"], summary="Stored (deduplicated) events, filtered, sorted and paginated")
def events(
    request: Request,
    actor: Annotated[str | None, Query(pattern=ActorCode, description="Source actor: CAMEO code prefix or ISO "
                                                                      "country code (PRK matches PRKGOV).")] = None,
    target: Annotated[str | None, Query(pattern=ActorCode, description="Target actor, as `actor`.")] = None,
    direction: Annotated[Literal["out", "both"], Query(
        description="out: what `actor` did to `target`; both: either way round (with only `actor`: every "
                    "event that names it on either side).")] = "out",
    since: Since = None,
    until: Until = None,
    code: CodePrefix = None,
    quad_class: QuadClasses = None,
    doc_id: Annotated[str | None, Query(min_length=1, max_length=300, description=(
        "Events that one document reports, also those first reported elsewhere."))] = None,
    min_mentions: Annotated[int | None, Query(ge=1, le=1_000_000, description=(
        "Only events reported at least this many times (num_mentions)."))] = None,
    min_sources: Annotated[int | None, Query(ge=1, le=1_000_000, description=(
        "Only events reported by at least this many sites (num_sources)."))] = None,
    sort: Annotated[Literal[tuple(f"{s}{k}" for k in EVENT_SORTS for s in ("-", ""))], Query(  # type: ignore[valid-type]
        description="Sort key; a leading '-' sorts descending. Ties are broken by document, sentence and id.")
    ] = "-event_date",
    limit: Annotated[int, Query(ge=1, le=1000, description="Page size (at most 1000).")] = 100,
    offset: Offset = 0,
    format: Format = None,
) -> Response:
    filters = EventFilter(actor=actor, target=target, direction=direction, since=since, until=until, code=code,
                          quad_class=tuple(quad_class or ()), doc_id=doc_id, min_mentions=min_mentions,
                          min_sources=min_sources)
    return _page(request, format, limit, offset, schemas.Event, "events",
                 lambda con, limit: queries.list_events(con, filters, sort=sort, limit=limit, offset=offset))


@router.get("/events/{event_id}", response_model=schemas.EventEvidence, responses={**READ_ERRORS, **NOT_FOUND},
            tags=["events"], summary="One event with every report of it: documents, sentences and URLs")
def event(request: Request, event_id: Id) -> Response:
    with gate(request).reading() as con:
        found = queries.event_evidence(con, event_id)
    if found is None:
        raise HTTPException(404, f"There is no event '{event_id}' in the store; event ids come from /api/events.")
    return json_response(found)


# --- documents, runs, failures ------------------------------------------------------------

@router.get("/documents", response_model=schemas.Page[schemas.DocumentSummary],
            responses={**READ_ERRORS, **csv_alternative()}, tags=["documents"],
            summary="Stored documents (without their text), with how many events each reports")
def documents(
    request: Request,
    q: Annotated[str | None, Query(min_length=1, max_length=200, description="Words in the title, URL or id.")] = None,
    since: Annotated[IsoDate | None, Query(description="Published on or after, YYYY-MM-DD.")] = None,
    until: Annotated[IsoDate | None, Query(description="Published on or before, YYYY-MM-DD.")] = None,
    site: Annotated[str | None, Query(min_length=1, max_length=200, description=(
        "The site's name or its host without www. (source_name), exactly."))] = None,
    run_id: Annotated[str | None, Query(min_length=1, max_length=64, description="Stored by this run.")] = None,
    dedup_group: Annotated[str | None, Query(min_length=1, max_length=300, description=(
        "Documents of one near-duplicate story group (copies of one story)."))] = None,
    sort: Annotated[Literal[tuple(f"{s}{k}" for k in queries.DOCUMENT_SORTS for s in ("-", ""))],  # type: ignore[valid-type]
                    Query(description="Sort key; a leading '-' sorts descending.")] = "-published",
    limit: Annotated[int, Query(ge=1, le=1000, description="Page size (at most 1000).")] = 100,
    offset: Offset = 0,
    format: Format = None,
) -> Response:
    filters = DocumentFilter(q=q, since=since, until=until, site=site, run_id=run_id, dedup_group=dedup_group)
    return _page(request, format, limit, offset, schemas.DocumentSummary, "documents",
                 lambda con, limit: queries.list_documents(con, filters, sort=sort, limit=limit, offset=offset))


@router.get("/documents/{doc_id:path}", response_model=schemas.DocumentDetail, responses={**READ_ERRORS, **NOT_FOUND},
            tags=["documents"], summary="One document with its text and the events it reports")
def document(request: Request, doc_id: Id) -> Response:
    with gate(request).reading() as con:
        found = queries.get_document(con, doc_id)
    if found is None:
        raise HTTPException(404, f"There is no document '{doc_id}' in the store; ids come from /api/documents.")
    return json_response(found)


@router.get("/runs", response_model=schemas.Page[schemas.Run], responses={**READ_ERRORS, **csv_alternative()},
            tags=["store"], summary="Ingestion runs, newest first")
def runs(request: Request,
         status: Annotated[schemas.RunStatus | None, Query(
             description="Only runs with this status (interrupted: stopped before the end).")] = None,
         limit: Annotated[int, Query(ge=1, le=1000)] = 100, offset: Offset = 0,
         format: Format = None) -> Response:
    return _page(request, format, limit, offset, schemas.Run, "runs",
                 lambda con, limit: queries.list_runs(con, status=status, limit=limit, offset=offset))


@router.get("/runs/{run_id}", response_model=schemas.RunDetail, responses={**READ_ERRORS, **NOT_FOUND},
            tags=["store"], summary="One run: what it read, kept and dropped, and why")
def run(request: Request, run_id: Id) -> Response:
    with gate(request).reading() as con:
        found = queries.get_run(con, run_id)
    if found is None:
        raise HTTPException(404, f"There is no run '{run_id}' in the store; run ids come from /api/runs.")
    return json_response(found)


@router.get("/failures", response_model=schemas.Page[schemas.FailureRow],
            responses={**READ_ERRORS, **csv_alternative()}, tags=["store"],
            summary="Inputs that could not be used, with the reason")
def failures(request: Request,
             run_id: Annotated[str | None, Query(min_length=1, max_length=64)] = None,
             reason: Annotated[str | None, Query(min_length=1, max_length=64, description="e.g. empty, not-utf8")] = None,
             limit: Annotated[int, Query(ge=1, le=1000)] = 100, offset: Offset = 0,
             format: Format = None) -> Response:
    return _page(request, format, limit, offset, schemas.FailureRow, "failures",
                 lambda con, limit: queries.list_failures(con, run_id=run_id, reason=reason, limit=limit, offset=offset))


def _page(request: Request, fmt: str | None, limit: int, offset: int, model: type, name: str,
          fetch: Callable[[Any, int], tuple[int, list]]) -> Response:
    """One page of a listing: `fetch(con, limit)` gives (total, rows) with the server's page limit applied."""
    limit = min(limit, config(request).max_page)
    with gate(request).reading() as con:
        total, rows = fetch(con, limit)
    payload = page_payload(request, total, limit, offset, rows)
    return table_response(request, fmt, payload, rows, list(model.model_fields), name)


# --- relations over time --------------------------------------------------------------------

@router.get("/dyads/{source}/{target}", response_model=schemas.Dyad, responses={**READ_ERRORS, **csv_alternative(
    "The series as CSV.")}, tags=["analysis"], summary="Dyad series by period and QuadClass, with its shifts")
def dyad(
    request: Request,
    source: SideCode,
    target: SideCode,
    by: By = "month",
    since: Since = None,
    until: Until = None,
    direction: Annotated[Literal["out", "in", "both", "each"], Query(
        description="out: source→target; in: target→source; both: pooled; each: the two directed series.")] = "both",
    measure: Annotated[Literal[MEASURES], Query(description="The measure shifts are found in.")] = "goldstein_sum",  # type: ignore[valid-type]
    quad_class: QuadClasses = None,
    code: CodePrefix = None,
    format: Format = None,
) -> Response:
    source, target = source.upper(), target.upper()
    with gate(request).reading() as con:
        restrict_events(con, quad_class or (), code)
        since, until, shortened = clamp_window(con, since, until, by, config(request).max_periods)
        series = analysis_dyad_series(con, source, target, by=by, since=since, until=until, direction=direction)
    directions = 2 if direction == "each" else 1
    note = shift_search_note(directions, len(series) // directions, by) if len(series) else None
    found = (find_shifts(series, measure=measure, by=by) if len(series) and note is None
             else pd.DataFrame(columns=SHIFT_COLUMNS))
    if len(series):
        series.insert(1, "period_end", [period_end(p, by) for p in series["period"]])
    rows = frame_records(series)
    names = country_names()
    payload = {"source": source, "target": target, "source_name": names.get(source), "target_name": names.get(target),
               "by": by, "direction": direction, "measure": measure, "series": rows,
               "shifts": frame_records(found), "notes": [n for n in (shortened, note) if n]}
    columns = ["period", "period_end", *[c for c in SERIES_COLUMNS if c != "period"]]
    return table_response(request, format, payload, rows, columns, f"dyad-{source}-{target}")


@router.get("/countries/{code}/relations", response_model=schemas.Relations,
            responses={**READ_ERRORS, **csv_alternative("The partners as CSV.")}, tags=["analysis"],
            summary="Every partner of a country, ranked by how the relation moves")
def relations(
    request: Request,
    code: Country,
    by: By = "month",
    since: Since = None,
    until: Until = None,
    direction: Annotated[Literal["out", "in", "both"], Query(
        description="both: events either way; out: what the country did; in: what was done to it.")] = "both",
    measure: Annotated[Literal[MEASURES], Query()] = "goldstein_sum",  # type: ignore[valid-type]
    min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    shifts: Annotated[bool, Query(description="Add each partner's last shift.")] = False,
    limit: Annotated[int, Query(ge=1, le=1000, description="At most this many partners.")] = 100,
    quad_class: QuadClasses = None,
    event_code: Annotated[str | None, Query(alias="code", pattern=r"^[0-9]{1,4}$",
                                            description="CAMEO event code prefix.")] = None,
    format: Format = None,
) -> Response:
    code = code.upper()
    names = country_names()
    with gate(request).reading() as con:
        restrict_events(con, quad_class or (), event_code)
        since, until, shortened = clamp_window(con, since, until, by, config(request).max_periods)
        note = shift_search_note(*partners_and_periods(con, code, since, until, by), by) if shifts else None
        frame = analysis_relations(con, code, by=by, since=since, until=until, direction=direction, measure=measure,
                                   min_events=min_events, with_shifts=shifts and note is None, names=names)
    periods = list(frame.attrs.get("periods", []))
    frame = frame.head(limit)
    rows = frame_records(frame)
    if note:  # asked for, not searched: the fields are there, empty
        for row in rows:
            row.update(last_shift=None, last_shift_change=None)
    payload = {"focus": code, "focus_name": names.get(code), "by": by, "direction": direction, "measure": measure,
               "periods": periods, "items": rows, "notes": [n for n in (shortened, note) if n]}
    columns = list(RELATION_COLUMNS) + (["last_shift", "last_shift_change"] if shifts else [])
    return table_response(request, format, payload, rows, columns, f"relations-{code}")


@router.get("/network", response_model=schemas.Network, responses={**READ_ERRORS, **csv_alternative("The edges as CSV.")},
            tags=["analysis"], summary="Directed ties between countries, coloured by cooperation and conflict")
def network(
    request: Request,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="Only the ties of this country "
                                                                               "(and, with `among`, between its partners).")] = None,
    among: Annotated[bool, Query(description="With `country`: also the ties between its partners.")] = False,
    since: Since = None,
    until: Until = None,
    min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    limit: Annotated[int, Query(ge=1, le=5000, description="At most this many edges, the busiest first.")] = 500,
    quad_class: QuadClasses = None,
    code: CodePrefix = None,
    format: Format = None,
) -> Response:
    focus = country.upper() if country else None
    with gate(request).reading() as con:
        restrict_events(con, quad_class or (), code)
        edges = analysis_network(con, since=since, until=until, min_events=min_events)
    if focus:
        touching = (edges["source"] == focus) | (edges["target"] == focus)
        partners = set(edges.loc[touching, "source"]) | set(edges.loc[touching, "target"])
        keep = touching | (edges["source"].isin(partners) & edges["target"].isin(partners)) if among else touching
        edges = edges[keep]
    edges = edges.head(limit)
    rows = frame_records(edges)
    payload = {"focus": focus, "nodes": _nodes(rows, focus), "edges": rows}
    return table_response(request, format, payload, rows, list(NETWORK_COLUMNS), "network")


def _nodes(edges: list[dict[str, Any]], focus: str | None) -> list[dict[str, Any]]:
    counts: dict[str, int] = {focus: 0} if focus else {}
    for edge in edges:
        for side in (edge["source"], edge["target"]):
            counts[side] = counts.get(side, 0) + edge["events"]
    names = country_names()
    return [{"code": code, "name": names.get(code), "events": n}
            for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
