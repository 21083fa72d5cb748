"""When an event happened: the date of the event's own clause, with how precise it is.

Today this is the article's publication date (or the crawl date when the article has none),
marked as such in `precision`; resolving the clause's own temporal expressions ("on Thursday",
"in March") is issue #6.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span, Token

from ..models import Article

PRECISIONS = ("day", "week", "month", "year", "publication", "crawl", "none")


@dataclass(frozen=True, slots=True)
class EventDate:
    value: date | None
    precision: str  # one of PRECISIONS
    text: str = ""  # the expression the date came from, e.g. "on Thursday"


def event_date(article: Article, sentence: Span, verb: Token) -> EventDate:
    if article.published is None:
        return EventDate(None, "none")
    return EventDate(article.published, "crawl" if article.date_source == "crawl" else "publication")
