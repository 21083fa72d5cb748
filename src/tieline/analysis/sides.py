"""The two sides of a dyad: a country, or a bloc of countries taken together.

A side is written as an ISO 3166 alpha-3 code (`PRK`), a comma list (`CUB,CHN,VNM,LAO`, shown as
CUB+CHN+VNM+LAO) or the name of a bloc defined in a bloc file. `--bloc` takes a pair of sides
(`PRK:CUB,CHN,VNM,LAO`: North Korea and the four countries together) or a bloc file with lines

    # comments and blank lines are ignored
    socialist = CUB, CHN, VNM, LAO      a named bloc
    PRK : socialist                     a pair to report
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigError

_CODE = re.compile(r"^[A-Z]{3}$")
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


@dataclass(frozen=True, slots=True)
class Side:
    """A country or bloc: the label it is shown under and the country codes it stands for."""

    label: str
    codes: tuple[str, ...]

    @property
    def is_bloc(self) -> bool:
        return self.codes != (self.label,)

    def __str__(self) -> str:
        return self.label


def country(code: str) -> Side:
    code = code.strip().upper()
    if not _CODE.match(code):
        raise ConfigError(
            f"'{code}' is not a country code; use ISO 3166 alpha-3 codes such as PRK, CUB or USA "
            f"(or a bloc: CUB,CHN,VNM,LAO)."
        )
    return Side(code, (code,))


def as_side(value: str | Side | Sequence[str], groups: Mapping[str, Side] | None = None) -> Side:
    """A side from a code, a comma list, a list of codes or a bloc name defined in `groups`."""
    if isinstance(value, Side):
        return value
    groups = groups or {}
    if isinstance(value, str):
        text = value.strip()
        if text in groups:
            return groups[text]
        parts = [p for p in re.split(r"[,+\s]+", text) if p]
        if len(parts) == 1 and not _CODE.match(parts[0].upper()) and groups:
            raise ConfigError(f"'{text}' is neither a country code nor a bloc defined here ({', '.join(sorted(groups))}).")
    else:
        parts = list(value)
    if not parts:
        raise ConfigError("A side of a dyad is empty; give a country code such as PRK or a list such as CUB,CHN.")
    codes: list[str] = []
    for part in parts:
        members = groups[part].codes if part in groups else country(part).codes
        codes += [c for c in members if c not in codes]
    if len(codes) == 1:
        return Side(codes[0], (codes[0],))
    return Side("+".join(codes), tuple(codes))


@dataclass
class Blocs:
    """Named blocs and the pairs of sides asked for with `--bloc`."""

    groups: dict[str, Side] = field(default_factory=dict)
    pairs: list[tuple[Side, Side]] = field(default_factory=list)

    def side(self, value: str | Side | Sequence[str]) -> Side:
        return as_side(value, self.groups)


def read_blocs(specs: Iterable[str]) -> Blocs:
    """Blocs from `--bloc` values: pairs `A:B`, definitions `name=CODES`, or bloc files of those lines."""
    lines: list[tuple[str, str]] = []  # (where, text)
    for spec in specs:
        path = Path(spec)
        if ":" not in spec and "=" not in spec:
            if not path.is_file():
                raise ConfigError(
                    f"--bloc '{spec}' is neither a pair such as PRK:CUB,CHN,VNM,LAO nor a bloc file that exists."
                )
            try:
                text = path.read_text("utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(f"Cannot read the bloc file '{spec}' ({exc}); give a UTF-8 text file.") from None
            lines += [(f"{spec}:{n}", line) for n, line in enumerate(text.splitlines(), 1)]
        else:
            lines.append(("--bloc", spec))
    blocs = Blocs()
    definitions = [(w, t) for w, t in lines if "=" in t.split("#", 1)[0]]
    for where, text in definitions:
        name, members = (part.strip() for part in text.split("#", 1)[0].split("=", 1))
        if not _NAME.match(name) or _CODE.match(name):
            raise ConfigError(
                f"{where}: '{name}' cannot name a bloc; use a word that is not a country code, e.g. socialist = CUB, CHN."
            )
        side = as_side(members, blocs.groups)
        blocs.groups[name] = Side(name, side.codes)
    for where, text in lines:
        body = text.split("#", 1)[0].strip()
        if not body or "=" in body:
            continue
        if body.count(":") != 1:
            raise ConfigError(f"{where}: '{body}' is not a pair; write SIDE:SIDE, e.g. PRK:CUB,CHN,VNM,LAO.")
        left, right = body.split(":")
        try:
            blocs.pairs.append((blocs.side(left), blocs.side(right)))
        except ConfigError as exc:
            raise ConfigError(f"{where}: {exc}") from None
    return blocs
