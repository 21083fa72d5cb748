"""Actors: who is acting. Countries, capitals, groups and role words, resolved to CAMEO codes."""

from .gazetteer import Entry, Gazetteer, load_gazetteer
from .resolve import ActorResolver, DocActors

__all__ = ["ActorResolver", "DocActors", "Entry", "Gazetteer", "load_gazetteer"]
