"""The CAMEO event taxonomy: names, Goldstein scores, QuadClass and the PLOVER mapping."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import ConfigError

QUAD_CLASS_NAMES = {
    1: "Verbal cooperation",
    2: "Material cooperation",
    3: "Verbal conflict",
    4: "Material conflict",
}


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    plover_event: str | None
    plover_mode: str | None


@dataclass(frozen=True)
class Taxonomy:
    codes: dict[str, CameoCode]
    version: str

    def __getitem__(self, code: str) -> CameoCode:
        try:
            return self.codes[code]
        except KeyError:
            raise ConfigError(
                f"'{code}' is not a CAMEO event code. Codes are 2 to 4 digits, e.g. 042 (make a visit); "
                f"see tieline/coding/data/cameo.tsv for the list."
            ) from None

    def __contains__(self, code: str) -> bool:
        return code in self.codes


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    text = resources.files("tieline.coding").joinpath("data", "cameo.tsv").read_text("utf-8")
    codes: dict[str, CameoCode] = {}
    version = "?"
    header_seen = False
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells[0] == "version":
            version = cells[1]
            continue
        if cells[0] == "code":
            header_seen = True
            continue
        if not header_seen or len(cells) < 7:
            raise ConfigError(f"cameo.tsv: malformed line {line!r}; expected 7 tab-separated columns.")
        code, root, name, goldstein, quad, plover, mode = cells[:7]
        codes[code] = CameoCode(code, root, name, float(goldstein), int(quad), plover or None, mode or None)
    return Taxonomy(codes, version)
