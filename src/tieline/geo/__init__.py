"""Places: an offline gazetteer of countries, subdivisions and cities, and country codes."""

from .gazetteer import (
    REGION_WORDS,
    City,
    Country,
    GeoIndex,
    Region,
    city_weight,
    fips_code,
    fold,
    iso3_from_fips,
    load_geo,
)

__all__ = [
    "REGION_WORDS", "City", "Country", "GeoIndex", "Region", "city_weight", "fips_code", "fold",
    "iso3_from_fips", "load_geo",
]
