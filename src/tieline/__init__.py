"""tieline: news to an auditable record of relations between states.

    import tieline
    for event in tieline.code(["article.txt"]):
        print(event.actor1_code, event.event_code, event.actor2_code)
    tieline.open("tieline.duckdb").events(actor="PRK", since="2021-01-01")
"""

__version__ = "0.1.0"

from .api import code, events, ingest, make_coder, open, read_articles  # noqa: E402
from .errors import ConfigError, InputError, ModelError, RegistryError, StoreError, TielineError  # noqa: E402
from .models import Article, Document, Event, Failure, Mention  # noqa: E402
from .pipeline import Pipeline, RunStats  # noqa: E402
from .store import Store  # noqa: E402

__all__ = [
    "Article",
    "ConfigError",
    "Document",
    "Event",
    "Failure",
    "InputError",
    "Mention",
    "ModelError",
    "Pipeline",
    "RegistryError",
    "RunStats",
    "Store",
    "StoreError",
    "TielineError",
    "__version__",
    "code",
    "events",
    "ingest",
    "make_coder",
    "open",
    "read_articles",
]
