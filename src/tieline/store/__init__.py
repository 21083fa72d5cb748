"""The event store: DuckDB by default, one file, a versioned schema, deduplicated events."""

from .dedup import DEDUP_RULES, DEFAULT_DEDUP, DedupRule, dedup_rule
from .duck import SCHEMA_VERSION, Store, open_store
from .queries import EventFilter
from .writer import BatchResult

__all__ = [
    "DEDUP_RULES", "DEFAULT_DEDUP", "SCHEMA_VERSION", "BatchResult", "DedupRule", "EventFilter", "Store",
    "dedup_rule", "open_store",
]
