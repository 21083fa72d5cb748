"""The offline gazetteer in tieline.geo: names, codes, loading once."""

import pytest

from tieline.geo import fips_code, fold, iso3_from_fips, load_geo


@pytest.fixture(scope="module")
def geo():
    return load_geo()


def test_loaded_once_per_process(geo):
    assert load_geo() is geo


@pytest.mark.parametrize(
    "iso3, fips",
    [("PRK", "KN"), ("KOR", "KS"), ("CHN", "CH"), ("DEU", "GM"), ("GBR", "UK"), ("SRB", "RI"), ("VNM", "VM"),
     ("CUB", "CU"), ("SSD", "OD"), ("MNE", "MJ")],
)
def test_fips_and_iso_codes_both_ways(iso3, fips):
    assert fips_code(iso3) == fips
    assert iso3_from_fips(fips) == iso3


def test_unknown_codes_give_none():
    assert fips_code("XXX") is None and fips_code(None) is None
    assert iso3_from_fips("QQ") is None


def test_fold_ignores_accents_case_dots_hyphens_and_article():
    assert fold("Köln") == fold("koln") == "koln"
    assert fold("Port-au-Prince") == "port au prince"
    assert fold("The Hague") == "hague"
    assert fold("U.S.") == "us"


def test_country_names_news_uses(geo):
    assert geo.country("North Korea").iso3 == "PRK"
    assert geo.country("the United States").iso3 == "USA"
    assert geo.country("U.S.").iso3 == "USA"
    assert geo.demonyms["cuban"] == "CUB"


def test_acronyms_only_in_capitals(geo):
    assert geo.knows("US") and not geo.knows("us")


def test_cities_have_coordinates_population_and_exonyms(geo):
    (city, main_name), = geo.city_candidates("Pyongyang")
    assert main_name and city.iso3 == "PRK" and city.population > 1_000_000
    assert geo.is_capital(city)
    kyiv = [c for c, _ in geo.city_candidates("Kiev")]
    assert [c.name for c in kyiv] == ["Kyiv"]
    tripolis = {c.iso3 for c, _ in geo.city_candidates("Tripoli")}
    assert {"LBN", "LBY"} <= tripolis
    assert all(c.population >= 15_000 for c, _ in geo.city_candidates("Tripoli"))


def test_subdivisions_by_the_names_news_uses(geo):
    assert [r.code for r in geo.region_candidates("Gyeonggi")] == ["KR-41"]
    assert [r.code for r in geo.region_candidates("Donetsk")] == ["UA-14"]
    assert [r.code for r in geo.region_candidates("Guangdong")] == ["CN-GD"]
    assert {r.iso3 for r in geo.region_candidates("Punjab")} == {"IND", "PAK"}


@pytest.mark.parametrize("dateline, country", [
    ("HORSHAM, Pa.", "USA"), ("SANTA CLARA, Calif.", "USA"), ("TORONTO, Ont.", "CAN"),  # had been GBR, CUB
    ("PHILADELPHIA", "USA"),  # had been Jordan: Amman's ancient name
    ("NEW YORK", "USA"),  # had been no country: GeoNames calls the city "New York City"
    ("PARIS, Texas", "USA"), ("PARIS", "FRA"), ("SAN JOSE, Costa Rica", "CRI"), ("KABUL, Afghanistan", "AFG"),
])
def test_wire_datelines_give_their_country(dateline, country):
    from tieline.geo.resolve import dateline_country

    assert dateline_country(dateline) == country
