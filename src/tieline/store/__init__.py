"""The event store: DuckDB by default, one file, a versioned schema."""

from .duck import SCHEMA_VERSION, Store, open_store

__all__ = ["SCHEMA_VERSION", "Store", "open_store"]
