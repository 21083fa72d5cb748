"""The settings of one API server."""

from __future__ import annotations

from dataclasses import dataclass

from ..store.dedup import DEFAULT_DEDUP

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
TOKEN_ENV = "TIELINE_TOKEN"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class ServerConfig:
    db: str
    token: str | None = None  # writing is allowed only with a token
    host: str = DEFAULT_HOST
    max_body_bytes: int = 2_000_000
    max_page: int = 1000
    query_timeout: float = 10.0
    wait_timeout: float = 30.0
    idle_seconds: float = 5.0
    allow_private_urls: bool = False
    dedup: str = DEFAULT_DEDUP  # the deduplication rule of a write that names none
    max_periods: int = 5_000  # a dyad or relations query covers at most this many periods

    @property
    def writes_enabled(self) -> bool:
        return bool(self.token)

    @property
    def allowed_hosts(self) -> list[str]:
        """Host headers accepted: only loopback names when the server listens on loopback, so that
        a web page cannot reach it through DNS rebinding."""
        if self.host in LOOPBACK_HOSTS or self.host.startswith("127."):
            return ["127.0.0.1", "localhost", "::1", "[::1]", self.host]
        return ["*"]
