"""The actor data files: complete for the countries the issue names, consistent, and extensible."""

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import tieline
from tieline.actors import load_gazetteer
from tieline.actors.gazetteer import Entry, Gazetteer

TODAY = date(2026, 11, 29)
G20 = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS", "SAU",
       "ZAF", "TUR", "GBR", "USA"]
REQUIRED = sorted(set(G20 + ["PRK", "CUB", "VNM", "LAO"]))


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer(())


@pytest.mark.parametrize("country", REQUIRED)
def test_leaders_and_ministers_are_known_every_day_since_2000(gaz, country):
    days = [date(year, month, 15) for year in range(2000, 2027) for month in (1, 4, 7, 10)] + [TODAY]
    for office in ("leader", "foreign_minister", "defence_minister"):
        gaps = [d for d in days if gaz.holder(country, office, d) is None]
        # A few handovers leave the post empty for some weeks; never for long.
        assert len(gaps) <= 3, f"{country} {office} has no holder on {gaps[:5]}"


def test_terms_of_one_office_do_not_overlap(gaz):
    for (country, office), holders in gaz.holders.items():
        if office.startswith("acting") or office in gaz.shared_offices:
            continue
        terms = sorted((t.start, t.end or date.max, p.name) for p, t in holders)
        for (s1, e1, n1), (s2, _, n2) in zip(terms, terms[1:], strict=False):
            assert s2 >= e1 or (s2 == s1 and n1 == n2) or (country, office) in {("KOR", "president")}, \
                f"{country} {office}: {n1} until {e1} overlaps {n2} from {s2}"


def test_every_country_has_names_and_adjectives(gaz):
    import pycountry

    adjectives = {e.country_code for entries in gaz.phrases.values() for e in entries if e.kind == "demonym"}
    sovereign = [c.alpha_3 for c in pycountry.countries if " (" not in c.name and c.alpha_3 not in {
        "ATA", "BVT", "HMD", "UMI", "ATF", "IOT", "SGS", "CCK", "CXR", "NFK", "PCN", "TKL", "SJM", "ALA",
        "BES", "BLM", "MAF", "SXM", "SPM", "WLF", "SHN", "NIU", "MSR", "AIA", "TCA", "VGB", "VIR", "GGY", "JEY",
        "IMN", "FRO", "GIB", "BMU", "CYM", "ABW", "CUW", "ASM", "GUM", "MNP", "PRI", "GLP", "MTQ", "GUF",
        "REU", "MYT", "NCL", "PYF", "COK", "ESH", "FLK"}]
    missing = [c for c in sovereign if c not in adjectives]
    assert not missing, f"no adjective for {missing}"


def test_leader_office_can_change_over_time(gaz):
    assert gaz.holder("TUR", "leader", date(2010, 1, 1)).name == "Recep Tayyip Erdogan"
    assert gaz.holder("PAK", "leader", date(2005, 1, 1)).name == "Pervez Musharraf"
    assert gaz.holder("CUB", "leader", date(2021, 4, 15)).name == "Miguel Diaz-Canel"


def test_user_file_extends_and_overrides(tmp_path):
    user = tmp_path / "actors.yaml"
    user.write_text(
        "groups:\n"
        "  - {names: [Ministry of Magic], country: GBR, sector: GOV}\n"
        "  - {names: [Instagram], country: USA, sector: UNK}\n"
        "people:\n"
        "  PRK:\n"
        "    party_official:\n"
        "      - Kim Yo-jong | 2021-01-10 |\n",
        encoding="utf-8",
    )
    gaz = load_gazetteer((user,))
    assert gaz.lookup("Ministry of Magic")[0].country_code == "GBR"
    assert gaz.lookup("Instagram")[0].sector == "UNK"  # the user's entry comes first
    assert "PRK:kim yo-jong" in gaz.people
    assert "+user" in gaz.version


def test_bad_user_file_gives_a_message_that_says_how_to_fix_it(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("people:\n  PRK:\n    president:\n      - Kim | 2021-02-30 |\n", encoding="utf-8")
    with pytest.raises(tieline.ConfigError, match="YYYY-MM-DD"):
        load_gazetteer((bad,))
    bad.write_text("people:\n  ZZZ:\n    president:\n      - Kim | 2021-02-01 |\n", encoding="utf-8")
    with pytest.raises(tieline.ConfigError, match="ISO 3166-1"):
        load_gazetteer((bad,))
    bad.write_text("sole_offices: {dalai_lama: CHN}\n", encoding="utf-8")  # an office no title means
    with pytest.raises(tieline.ConfigError, match="Add a title for it"):
        load_gazetteer((bad,))
    bad.write_text("former_capitals: ['Bonn | DEU | 1949-09-07']\n", encoding="utf-8")  # no end date
    with pytest.raises(tieline.ConfigError, match="Name | ISO3"):
        load_gazetteer((bad,))
    bad.write_text("territories: {HKG: ZZZ}\n", encoding="utf-8")  # a sovereign no code names
    with pytest.raises(tieline.ConfigError, match="ISO 3166-1"):
        load_gazetteer((bad,))


def test_a_user_file_can_give_a_territory_its_sovereign(tmp_path):
    user = tmp_path / "actors.yaml"
    user.write_text("territories: {NIU: NZL}\n", encoding="utf-8")
    gaz = load_gazetteer((user,))
    assert gaz.sovereigns["NIU"] == "NZL"
    assert gaz.sovereigns["HKG"] == "CHN"  # the built-in ones stay


def test_a_user_file_can_date_a_seat_of_government_and_a_group(tmp_path):
    user = tmp_path / "actors.yaml"
    user.write_text("former_capitals: ['Calcutta | IND | | 1911-12-12']\n"
                    "groups:\n  - {names: [Quad Council], code: IGOQUD, sector: IGO, founded: 2007-05-25}\n",
                    encoding="utf-8")
    gaz = load_gazetteer((user,))
    calcutta = gaz.lookup("Calcutta")[0]
    assert (calcutta.code, calcutta.kind) == ("IND", "capital")
    assert calcutta.valid_on(date(1905, 1, 1)) and not calcutta.valid_on(date(1950, 1, 1))
    assert not gaz.lookup("Quad Council")[0].valid_on(date(2001, 1, 1))


def test_a_user_file_can_name_an_office_only_one_state_has(tmp_path):
    user = tmp_path / "actors.yaml"
    user.write_text("titles:\n  grand duke: monarch_lux\nsole_offices: {monarch_lux: LUX}\n", encoding="utf-8")
    assert load_gazetteer((user,)).sole_offices["monarch_lux"] == "LUX"


# 1987, the year of the Reuters-21578 stories: the Soviet Union stands where Russia later does.
_ADJECTIVES_1987 = {
    "ARG": "Argentine", "AUS": "Australian", "BRA": "Brazilian", "CAN": "Canadian", "CHN": "Chinese", "FRA": "French",
    "DEU": "West German", "IND": "Indian", "IDN": "Indonesian", "ITA": "Italian", "JPN": "Japanese",
    "KOR": "South Korean", "MEX": "Mexican", "SUN": "Soviet", "SAU": "Saudi", "ZAF": "South African",
    "TUR": "Turkish", "GBR": "British", "USA": "American", "PRK": "North Korean", "CUB": "Cuban",
    "VNM": "Vietnamese", "LAO": "Lao",
}


@pytest.mark.parametrize("iso3", sorted(_ADJECTIVES_1987))
def test_leaders_of_the_1980s_are_known_by_title(iso3):
    from tieline.actors import lookup_actor

    found = lookup_actor(f"the {_ADJECTIVES_1987[iso3]} leader", date(1987, 6, 1))
    assert [m.code for m in found] == [f"{iso3}GOV"]
    assert found[0].name and found[0].name != load_gazetteer().country_names[iso3]  # a person, not the state


@pytest.mark.parametrize("name, when, sector", [
    ("Donald Trump", date(2016, 8, 1), "PTY"),    # the Republican candidate
    ("Donald Trump", date(2016, 12, 1), "GOV"),   # the president-elect acts in the office to come
    ("Donald Trump", date(2019, 3, 1), "GOV"),
    ("Donald Trump", date(2022, 3, 1), "ELI"),    # between his terms
    ("Donald Trump", date(2011, 3, 1), "BUS"),    # the company he led, not the office he took six years later
    ("Mitt Romney", date(2012, 9, 12), "PTY"),
    ("Mitt Romney", date(2020, 3, 1), "LEG"),
    ("John Brennan", date(2013, 2, 7), "GOV"),    # the White House adviser, a month before he ran the CIA
    ("John Brennan", date(2014, 2, 7), "SPY"),
])
def test_a_person_is_coded_in_the_role_of_the_day(gaz, name, when, sector):
    [person] = [p for p in gaz.people.values() if p.name == name]
    assert person.sector_on(when)[0] == sector


def test_names_are_found_with_or_without_their_accents(gaz):
    assert [e.code for e in gaz.lookup("Juan Guaidó")] == [e.code for e in gaz.lookup("Juan Guaido")] != []
    assert gaz.lookup("Guaidó Guaidó") == []


def test_no_flow_list_in_the_data_runs_two_items_into_one():
    """A list written over several lines needs a comma at each line's end: without one, YAML joins
    the last word of a line and the first of the next into one name ("pres. chief minister")."""
    joined = []
    for path in sorted(Path(tieline.__file__).parent.rglob("*.yaml")):
        depth = 0
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = re.sub(r"\s+#.*$", "", line)
            bare = re.sub(r"\"[^\"]*\"|'[^']*'", "", code)
            depth += bare.count("[") + bare.count("{") - bare.count("]") - bare.count("}")
            if depth > 0 and code.strip() and not code.rstrip().endswith((",", "[", "{")):
                joined.append(f"{path.name}:{number}: {line.strip()}")
    assert not joined, joined


def test_abbreviated_titles_and_the_role_after_them_are_both_roles(gaz):
    assert gaz.roles.get("pres.") == "GOV" and gaz.roles.get("chief minister") == "GOV"


def test_the_gazetteer_is_the_same_whatever_the_hash_seed():
    # name variants come as a set: read in set order, "'Asīr" beside "'Asir" was kept on some runs only
    script = ("from tieline.actors import load_gazetteer; import hashlib; g = load_gazetteer(); "
              "print(hashlib.sha256(repr(sorted((k, [repr(e) for e in v]) for k, v in g.phrases.items()))"
              ".encode()).hexdigest())")
    digests = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(digests) == 1


def test_the_table_of_unaccented_names_follows_adds_made_after_it_was_built():
    gaz = Gazetteer()
    gaz.add("Guaidó", Entry("VEN", "VEN", "person"))
    assert [e.code for e in gaz.lookup("Guaidó")] == ["VEN"]  # builds the table
    gaz.add("Guaido", Entry("ESP", "ESP", "country"))
    gaz.add("Guaidó", Entry("VEN", "VEN", "person"))
    gaz.add("Bogotá", Entry("COL", "COL", "capital"), first=True)
    rebuilt = Gazetteer(phrases={key: list(entries) for key, entries in gaz.phrases.items()})
    assert gaz._unaccented == rebuilt._unaccented
    assert [e.code for e in gaz.lookup("Bógota")] == ["COL"]
