"""The REST API and the dashboard: `tieline serve`."""

from .app import create_app
from .config import DEFAULT_HOST, DEFAULT_PORT, TOKEN_ENV, ServerConfig
from .netguard import check_public_url, is_public_address

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "TOKEN_ENV", "ServerConfig", "check_public_url", "create_app",
           "is_public_address"]
