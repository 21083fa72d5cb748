"""Where an event happened: a place from the event's sentence, resolved with a gazetteer.

No place found means precision "none" and empty coordinates, never a country centroid.
Resolving place names in the sentence and paragraph is issue #6; today every event has no place.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..models import Article, Mention

PRECISIONS = ("city", "admin1", "country", "none")


@dataclass(frozen=True, slots=True)
class Place:
    name: str | None = None
    country_code: str | None = None  # ISO 3166-1 alpha-3
    fips_code: str | None = None  # FIPS 10-4, as GDELT's ActionGeo_CountryCode
    adm1_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature_id: str | None = None
    precision: str = "none"


NO_PLACE = Place()


def event_place(article: Article, sentence: Span, verb: Token, actors: list[Mention]) -> Place:
    """The place of the event whose verb is `verb`; `actors` (source and target mentions) and the
    article's dateline help choose between places of the same name."""
    return NO_PLACE
