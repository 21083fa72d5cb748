"""Resolve a short actor phrase on its own: what `tieline actors lookup` and analysts call.

    >>> from tieline.actors import lookup_actor
    >>> lookup_actor("North Korean leader", when=date(2021, 4, 15))[0].name
    'Kim Jong-un'
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span

from ..models import Mention
from .gazetteer import load_gazetteer
from .resolve import ActorResolver


@lru_cache(maxsize=2)
def _resolver(extra_files: tuple[Path, ...] | None) -> ActorResolver:
    from ..nlp import load_pipeline

    return ActorResolver(load_pipeline(), load_gazetteer(extra_files))


def lookup_actor(text: str, when: date | None = None, context: str | None = None,
                 extra_files: tuple[Path, ...] | None = None) -> list[Mention]:
    """The actors a phrase names on a day ("the Cuban leader" -> CUBGOV, Miguel Diaz-Canel).

    `when` defaults to today. `context` is text read before the phrase (a sentence, or just
    "Mexico"): names it introduces are remembered; when the phrase alone names no country, the
    context is also read as its qualifier ("German" + "Defense Minister"), and failing that a
    phrase with a role takes the one country the context names. `extra_files` are actor files
    on top of the built-in data (default: the user's file, see `tieline.actors.user_files`).
    Conjoined phrases give several actors; a phrase naming no known actor gives [].
    """
    text = " ".join(text.split())
    if not text:
        return []
    resolver = _resolver(extra_files)
    prefix = (" ".join(context.split()) + "\n\n") if context and context.strip() else ""
    doc = resolver.nlp(prefix + text)
    phrase = doc.char_span(len(prefix), len(doc.text), alignment_mode="expand")
    actors = resolver.for_doc(doc, when or date.today())
    found = _resolve_phrase(actors, phrase)
    if context and not _placed(found):
        # The context may qualify the phrase: "Defense Minister" in a "German" context.
        words = text.split()
        if words[0].lower() in ("the", "a", "an"):
            words = words[1:]
        qualified = lookup_actor(" ".join([*context.split(), *words]), when, None, extra_files)
        if _placed(qualified):
            return qualified
    if found and context and not _placed(found):
        countries = {m.country_code for m in actors.mentions if m.end <= len(prefix) and m.country_code}
        if len(countries) == 1:
            country = countries.pop()
            found = [_in_country(m, country, resolver) for m in found]
    return found


def _placed(found: list[Mention]) -> bool:
    """Whether the phrase itself placed an actor (not just the state the context names most)."""
    return bool(found) and any((m.country_code and m.kind not in ("article", "place")) or m.plover_country for m in found)


def _resolve_phrase(actors, phrase: Span) -> list[Mention]:
    """The phrase's own head first, then the heads of its noun chunks, then any name in it."""
    tried = set()
    heads = [phrase.root, *[c.root for c in phrase.noun_chunks],
             *[t for t in phrase if t.pos_ in ("NOUN", "PROPN", "PRON")]]
    for head in heads:
        if head.i in tried:
            continue
        tried.add(head.i)
        found = actors.resolve(head, unknown_roles=True)
        if found:
            return found
    inside = [m for m in actors.mentions if phrase.start_char <= m.start and m.end <= phrase.end_char]
    inside.sort(key=lambda m: m.start - m.end)
    return inside[:1]


def _in_country(mention: Mention, country: str, resolver: ActorResolver) -> Mention:
    import dataclasses

    gaz = resolver.gazetteer
    return dataclasses.replace(
        mention, country_code=country, code=gaz.cameo_code(country, mention.plover_sector),
        name=mention.name or gaz.country_names.get(country),
    )
