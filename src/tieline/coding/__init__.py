"""Event coding: CAMEO taxonomy, verb patterns and the coders that use them."""

from .base import Coder
from .patterns import PatternSet, VerbPattern, load_patterns
from .taxonomy import QUAD_CLASS_NAMES, CameoCode, Taxonomy, load_taxonomy

__all__ = [
    "QUAD_CLASS_NAMES",
    "CameoCode",
    "Coder",
    "PatternSet",
    "Taxonomy",
    "VerbPattern",
    "load_patterns",
    "load_taxonomy",
]
