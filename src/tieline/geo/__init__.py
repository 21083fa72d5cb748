"""Places: an offline gazetteer of countries, subdivisions and cities, country codes, and the
resolution of a place name to a place (`tieline.geo.resolve`)."""

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
