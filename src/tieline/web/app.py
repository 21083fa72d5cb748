"""The FastAPI application: the API under /api, its OpenAPI spec, and the dashboard at /."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import ConfigError, StoreError
from . import routes, writes
from .config import ServerConfig
from .fetching import FetchFailed, UrlRefused
from .gate import StoreGate
from .guard import WRITE_METHODS, WRITE_PREFIX, RequestGuard

DESCRIPTION = """
Coded political events (CAMEO/PLOVER) from a tieline store, with the evidence behind each one.

Every list answers in JSON or, with `?format=csv` or `Accept: text/csv`, CSV. Lists are paginated
with `limit` (at most 1000) and `offset`; `next` is the URL of the next page. Bad parameters get
a 422 that says what is wrong. Writing (`/api/ingest/...`) needs the token the server was started
with, sent as `Authorization: Bearer TOKEN`.
"""


def static_dir():
    return resources.files("tieline.web").joinpath("static")


def create_app(config: ServerConfig) -> FastAPI:
    gate = StoreGate(config.db, query_timeout=config.query_timeout, wait_timeout=config.wait_timeout,
                     idle_seconds=config.idle_seconds)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if config.writes_enabled:
            writes.start_loading_coder(app)
        yield
        gate.close()

    app = FastAPI(
        lifespan=lifespan, title="tieline", version=__version__, description=DESCRIPTION.strip(),
        openapi_url="/api/openapi.json", docs_url=None, redoc_url=None,  # the hosted doc pages need a CDN
    )
    app.state.config = config
    app.state.gate = gate
    app.state.coder = None
    app.include_router(routes.router)
    app.include_router(writes.router)
    _add_error_handlers(app)
    _check_writes_are_guarded(app)

    static = static_dir()
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(str(static.joinpath("index.html")), media_type="text/html")

    @app.get("/api", include_in_schema=False)
    def api_root() -> RedirectResponse:
        return RedirectResponse("/api/openapi.json")

    app.add_middleware(RequestGuard, token=config.token, max_body_bytes=config.max_body_bytes,
                       allowed_hosts=config.allowed_hosts)
    return app


def _check_writes_are_guarded(app: FastAPI) -> None:
    for route in app.routes:
        methods = set(getattr(route, "methods", None) or ())
        path = getattr(route, "path", "")
        if methods & WRITE_METHODS and not (path == WRITE_PREFIX or path.startswith(WRITE_PREFIX + "/")):
            raise RuntimeError(f"{path} takes {sorted(methods & WRITE_METHODS)} outside {WRITE_PREFIX}, "
                               f"where the token is not checked.")


def _unprocessable(location: list[str], message: str) -> JSONResponse:
    return JSONResponse({"detail": [{"loc": location, "msg": message, "type": "value_error"}], "message": message},
                        status_code=422)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = jsonable_encoder(exc.errors(), custom_encoder={bytes: lambda b: b.decode("utf-8", "replace")})
        for error in errors:
            error.pop("ctx", None)
            error.pop("url", None)
        message = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}: {e['msg']}" for e in errors)
        return JSONResponse({"detail": errors, "message": message}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail
        if exc.status_code == 400 and detail == "There was an error parsing the body":
            detail = ("The request body cannot be read: send a JSON object in UTF-8, e.g. "
                      '{"content": "text of the article"}.')
        return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(ConfigError)
    async def bad_value(request: Request, exc: ConfigError) -> JSONResponse:
        return _unprocessable(["query"], str(exc))

    @app.exception_handler(UrlRefused)
    async def refused_url(request: Request, exc: UrlRefused) -> JSONResponse:
        return _unprocessable(["body", "url"], str(exc))

    @app.exception_handler(FetchFailed)
    async def fetch_failed(request: Request, exc: FetchFailed) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=502)

    @app.exception_handler(StoreError)
    async def store_unavailable(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": "5"})
