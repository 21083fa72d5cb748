"""What every event coder is: a named, versioned class with `code(article) -> Iterator[Event]`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..models import Article, Event

ErrorHandler = Callable[[Article, Exception], None]


def reraise(article: Article, exc: Exception) -> None:
    raise exc


class Coder:
    name: str = ""
    version: str = ""

    @property
    def qualified_name(self) -> str:
        return f"{self.name}.v{self.version}"

    @property
    def dictionary_version(self) -> str:
        return ""

    def code(self, article: Article) -> Iterator[Event]:
        raise NotImplementedError

    def code_many(
        self, articles: Iterable[Article], on_error: ErrorHandler = reraise
    ) -> Iterator[tuple[Article, list[Event]]]:
        """Code a stream of articles; coders that can batch (e.g. with `nlp.pipe`) override this.
        An article whose coding fails is passed to `on_error` and left out of the stream."""
        for article in articles:
            try:
                events = list(self.code(article))
            except Exception as exc:
                on_error(article, exc)
                continue
            yield article, events
