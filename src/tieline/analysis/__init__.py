"""Analysis of stored events: dyads, ties and shifts between countries."""

from .pairs import strongest_pairs

__all__ = ["strongest_pairs"]
