"""Analysis of stored events: dyad series, the ties of a country, shifts, blocs, evidence, networks.

Every function takes a `Store` or the path of a DuckDB store file and returns a pandas DataFrame.
"""

from .dyads import DIRECTIONS, MEASURES, SERIES_COLUMNS, dyad_series
from .evidence import EVIDENCE_COLUMNS, evidence
from .network import NETWORK_COLUMNS, network
from .pairs import strongest_pairs
from .periods import RESOLUTIONS, parse_period
from .plot import plot_dyad, sparkline
from .shifts import SHIFT_COLUMNS, around, find_shifts, shifts
from .sides import Blocs, Side, as_side, read_blocs
from .ties import RELATION_COLUMNS, relations

__all__ = [
    "DIRECTIONS",
    "EVIDENCE_COLUMNS",
    "MEASURES",
    "NETWORK_COLUMNS",
    "RELATION_COLUMNS",
    "RESOLUTIONS",
    "SERIES_COLUMNS",
    "SHIFT_COLUMNS",
    "Blocs",
    "Side",
    "around",
    "as_side",
    "dyad_series",
    "evidence",
    "find_shifts",
    "network",
    "parse_period",
    "plot_dyad",
    "read_blocs",
    "relations",
    "shifts",
    "sparkline",
    "strongest_pairs",
]
