"""`tieline serve`: the REST API and the dashboard over a store."""

from __future__ import annotations

import socket
from pathlib import Path

import click

from ..errors import StoreError
from . import ERR, cli


@cli.command("serve")
@click.option("--db", default="tieline.duckdb", show_default=True, help="DuckDB store file to serve.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Only loopback by default; 0.0.0.0 makes the server reachable from other machines.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--token", envvar="TIELINE_TOKEN", show_envvar=True,
              help="Allow writing (POST /api/ingest/...) to clients that send `Authorization: Bearer TOKEN`. "
                   "Without it the server is read-only.")
@click.option("--allow-private-urls", is_flag=True,
              help="Let URL ingestion fetch private, loopback and link-local addresses (trusted networks only).")
@click.option("--max-body", "max_body", default=2_000_000, show_default=True, type=click.IntRange(1024),
              help="Largest request body accepted, in bytes.")
@click.option("--query-timeout", default=10.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds a read request may query the store before it is stopped.")
@click.option("--release-after", default=5.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds without requests after which the server closes the store, so that other programs "
                   "(e.g. `tieline ingest`) can write to it.")
def serve_cmd(db: str, host: str, port: int, token: str | None, allow_private_urls: bool, max_body: int,
              query_timeout: float, release_after: float) -> None:
    """Serve the REST API (/api, spec at /api/openapi.json) and the dashboard (/) over a store.

    Reading needs nothing; writing needs the token. The store is opened read-only except
    during a write request.

    \b
    Example:
      tieline serve --db tieline.duckdb
      TIELINE_TOKEN=s3cret tieline serve --db tieline.duckdb --port 8080
      curl 'http://127.0.0.1:8000/api/events?actor=PRK&format=csv'
    """
    import uvicorn

    from ..store import Store
    from ..web import ServerConfig, create_app

    if token is not None and not token.strip():
        raise click.BadParameter("the token is empty; give a secret of at least 8 characters.", param_hint="--token")
    if token is not None and len(token.strip()) < 8:
        raise click.BadParameter("the token is shorter than 8 characters; use a longer secret.", param_hint="--token")
    if not Path(db).exists():
        if not token:
            raise StoreError(f"The store '{db}' does not exist. Create it with `tieline demo --db {db}` or "
                             f"`tieline ingest INPUT --db {db}`, or start with --token to fill it over the API.")
        Store(db).close()  # an empty store that the API can write to
    Store(db, read_only=True).close()  # fail now, with a clear message, if it is not a readable store
    _check_can_listen(host, port)
    config = ServerConfig(db=db, token=token.strip() if token else None, host=host, max_body_bytes=max_body,
                          query_timeout=query_timeout, allow_private_urls=allow_private_urls,
                          idle_seconds=release_after)
    shown = f"[{host}]" if ":" in host else host
    ERR.print(f"tieline serving {db} on http://{shown}:{port}/ (API: /api/openapi.json); "
              f"writing {'enabled with a token' if config.writes_enabled else 'disabled'}. Ctrl-C stops.",
              highlight=False, markup=False, soft_wrap=True)
    if host not in ("127.0.0.1", "localhost", "::1") and not host.startswith("127."):
        ERR.print(f"warning: listening on {host}: other machines can reach this server.", markup=False)
    uvicorn.run(create_app(config), host=host, port=port, log_level="warning", access_log=False,
                server_header=False, timeout_keep_alive=5)


def _check_can_listen(host: str, port: int) -> None:
    """Fail with one line, before starting, when the address cannot be listened on."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (OSError, UnicodeError) as exc:
        raise click.BadParameter(f"'{host}' is not an address to listen on ({exc}).", param_hint="--host") from None
    family, _, _, _, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise click.BadParameter(
                f"cannot listen on {host}:{port} ({exc.strerror or exc}); choose another --port or stop the program "
                f"using it.", param_hint="--port") from None
