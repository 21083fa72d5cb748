"""Named, versioned plug-ins: event coders and document sources.

Built-ins and third-party plug-ins are found the same way, through the Python entry-point
groups `tieline.coders` and `tieline.sources`. A plug-in class carries `name` and `version`
attributes; it is asked for as "name" (the newest version) or "name.vN".
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any

from .errors import RegistryError


@dataclass(frozen=True, slots=True)
class Registered:
    name: str
    version: str
    factory: Any

    @property
    def qualified(self) -> str:
        return f"{self.name}.v{self.version}"


class Registry:
    def __init__(self, kind: str, group: str):
        self.kind = kind
        self.group = group
        self._items: dict[tuple[str, str], Registered] = {}
        self._loaded_entry_points = False

    def register(self, factory: Any) -> Any:
        """Register a class that has `name` and `version` attributes; usable as a decorator."""
        name, version = getattr(factory, "name", None), getattr(factory, "version", None)
        if not name or not version:
            raise RegistryError(
                f"A {self.kind} must have `name` and `version` class attributes; {factory!r} lacks one."
            )
        self._items[(name, str(version))] = Registered(name, str(version), factory)
        return factory

    def _load_entry_points(self) -> None:
        if self._loaded_entry_points:
            return
        self._loaded_entry_points = True
        for ep in entry_points(group=self.group):
            try:
                self.register(ep.load())
            except Exception as exc:  # a broken plug-in must not break the others
                raise RegistryError(
                    f"The {self.kind} plug-in '{ep.name}' ({ep.value}) failed to load: {exc}. "
                    f"Fix or uninstall the package that provides it."
                ) from exc

    def available(self) -> list[str]:
        self._load_entry_points()
        return sorted(r.qualified for r in self._items.values())

    def get(self, spec: str) -> Registered:
        """Look up "name" (newest version) or "name.vN"."""
        self._load_entry_points()
        name, _, version = spec.partition(".v")
        if version and (name, version) in self._items:
            return self._items[(name, version)]
        candidates = [r for (n, _), r in self._items.items() if n == spec]
        if candidates:
            return max(candidates, key=lambda r: _version_key(r.version))
        raise RegistryError(
            f"No {self.kind} named '{spec}'. Available: {', '.join(self.available()) or 'none'}."
        )

    def create(self, spec: str, **options: Any) -> Any:
        return self.get(spec).factory(**options)


def _version_key(version: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in version.split("."))


coders = Registry("coder", "tieline.coders")
sources = Registry("source", "tieline.sources")
