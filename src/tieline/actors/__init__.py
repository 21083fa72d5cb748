"""Actors: who is acting. Countries, capitals, groups, role words and people with their dates in
office, resolved to CAMEO actor codes with the PLOVER sector alongside."""

from .gazetteer import Entry, Gazetteer, load_gazetteer, user_files
from .lookup import lookup_actor
from .resolve import ActorResolver, DocActors

__all__ = ["ActorResolver", "DocActors", "Entry", "Gazetteer", "load_gazetteer", "lookup_actor", "user_files"]
