"""What has been worked out about the last few parsed articles, so that the events of one
article share it (entities are asked for once per name, dates and places once per event, in
article order).

Bounded, and keyed by the `Doc` object itself: the values hold their `Doc`, so a weak-keyed
map would never let them go, and the `Doc`'s own `user_data` would be serialised with it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

from spacy.tokens import Doc

T = TypeVar("T")


class DocCache(Generic[T]):
    def __init__(self, size: int = 8):
        self.size = size
        self._entries: OrderedDict[tuple[int, object], tuple[Doc, T]] = OrderedDict()

    def get(self, doc: Doc, key: object, make: Callable[[], T]) -> T:
        slot = (id(doc), key)
        entry = self._entries.get(slot)
        if entry is not None and entry[0] is doc:
            self._entries.move_to_end(slot)
            return entry[1]
        value = make()
        self._entries[slot] = (doc, value)
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)
        return value
