"""The write endpoints: code and store a posted document, or a web page fetched from a URL.

They exist only in the spec's sense when the server has no token: every request that is not
GET/HEAD/OPTIONS is refused with 401 by `guard.RequestGuard` before it gets here. Fetching
happens before the store is locked; the store is locked for the coding and storing alone.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from fastapi.security import HTTPBearer

from ..coding.base import Coder
from . import schemas
from .fetching import fetch_page
from .ingestion import IncomingDocument, ingest_document

router = APIRouter(prefix="/api/ingest", tags=["ingest"], dependencies=[Depends(HTTPBearer(auto_error=False))])

WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": schemas.ErrorMessage, "description": "The body cannot be read as JSON (e.g. it is not UTF-8)."},
    401: {"model": schemas.ErrorMessage, "description": "No token, a wrong token, or writing is disabled."},
    413: {"model": schemas.ErrorMessage, "description": "The request body is larger than the server accepts."},
    503: {"model": schemas.ErrorMessage, "description": "The store is busy; try again shortly."},
}
_coder_lock = threading.Lock()
log = logging.getLogger(__name__)


def server_coder(app: FastAPI) -> Coder:
    """The server's one coder, made on first use (loading the language model takes seconds)."""
    with _coder_lock:
        if getattr(app.state, "coder", None) is None:
            from .. import api

            app.state.coder = api.make_coder()
        return app.state.coder


def start_loading_coder(app: FastAPI) -> None:
    """Load the coder in the background as a writing server starts, so that its first write does
    not wait for the language model. A load that fails is retried by that write, which reports why."""
    def load() -> None:
        try:
            server_coder(app)
        except Exception as exc:  # the write that needs the coder raises it again, with its message
            log.warning("The coder could not be loaded in advance: %s", exc)

    threading.Thread(target=load, name="tieline-coder-load", daemon=True).start()


def _store(request: Request, doc: IncomingDocument, dedup: str | None) -> dict[str, Any]:
    coder = server_coder(request.app)
    with request.app.state.gate.writing() as db:
        return ingest_document(doc, db, coder, dedup or request.app.state.config.dedup)


@router.post("/document", response_model=schemas.IngestResult, status_code=201, responses=WRITE_ERRORS,
             summary="Code and store a document (needs the token)")
async def ingest_posted(request: Request, body: schemas.PostedDocument) -> JSONResponse:
    doc = IncomingDocument(content=body.content, media_type=body.media_type, doc_id=body.id, url=body.url,
                           title=body.title, published=body.published)
    result = await run_in_threadpool(_store, request, doc, body.dedup)
    return JSONResponse(result, status_code=201)


@router.post("/url", response_model=schemas.IngestResult, status_code=201, responses={
    **WRITE_ERRORS,
    502: {"model": schemas.ErrorMessage, "description": "The page could not be fetched or is not a web page."},
}, summary="Fetch a web page, code it and store it (needs the token)",
   description="The page is fetched as `tieline ingest URL` fetches it (robots.txt, size and time limits). "
               "A URL whose host resolves to an address that is not public (private, loopback, link-local, "
               "shared, reserved), or that robots.txt disallows, gets a 422.")
async def ingest_url(request: Request, body: schemas.UrlToIngest) -> JSONResponse:
    allow_private = request.app.state.config.allow_private_urls
    page = await run_in_threadpool(fetch_page, body.url, allow_private=allow_private)
    doc = IncomingDocument(content=page.content, media_type=page.media_type, doc_id=body.id or body.url,
                           url=page.url, published=body.published)
    result = await run_in_threadpool(_store, request, doc, body.dedup)
    return JSONResponse(result, status_code=201)
