"""What every event coder is: a named, versioned class with `code(article) -> Iterator[Event]`."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from ..errors import CodingTimeout
from ..models import Article, Event

# Coding one parsed article takes well under a second; one that takes a minute is stuck (a bug or a
# pathological text), and is given up so that the batch goes on.
ARTICLE_TIME_LIMIT = 60.0

ErrorHandler = Callable[[Article, Exception], None]


def reraise(article: Article, exc: Exception) -> None:
    raise exc


@contextmanager
def time_limit(seconds: float | None, what: str):
    """Raise CodingTimeout in the block after `seconds` (a real-time timer; only in a main thread
    on a system with SIGALRM, elsewhere the block runs unlimited)."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(*_):
        raise CodingTimeout(f"Coding {what} took more than {seconds:g} s and was stopped; the rest of the batch "
                            f"goes on. Please report the article: it shows a bug.")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


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
