"""The REST API and the dashboard: `tieline serve`."""

from .app import create_app
from .config import DEFAULT_HOST, DEFAULT_PORT, TOKEN_ENV, ServerConfig

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "TOKEN_ENV", "ServerConfig", "create_app"]
