"""Actors known by their role alone ("rebels", "lawmakers", "police"), as CAMEO codes them, and the
clause structures the coder reads them in. Sentences are written for these tests."""

import json
from datetime import date

import pytest

from tieline import api
from tieline.analysis.dyads import dyad_series
from tieline.analysis.pairs import strongest_pairs
from tieline.coding import evaluate as ev
from tieline.export import export
from tieline.models import is_role_only
from tieline.store import Store


def triples(events):
    return [(e.actor1_code, e.event_code, e.actor2_code) for e in events]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Rebels attacked a convoy near the border on Sunday.", [("REB", "190", None)]),
        ("Lawmakers rejected the budget proposal on Tuesday.", [("LEG", "127", None)]),
        ("Police arrested dozens of students in the capital.", [("COP", "173", "EDU")]),
        ("Protesters denounced the government over the new tax.", [("CVL", "111", "GOV")]),
        ("Congress is pressuring the president to sign the bill.", [("LEG", "100", "GOV")]),
        # a country is added when the text gives one: a demonym, or the place the sentence is in
        ("Kenyan police arrested dozens of protesters in Nairobi.", [("KENCOP", "173", "KENCVL")]),
        ("Thousands of Iraqi Kurds demonstrated in Kirkuk on Sunday.", [("IRQ", "141", None)]),
    ],
)
def test_role_only_actors_are_actors(code_text, sentence, expected):
    assert triples(code_text(sentence)) == expected


def test_a_role_only_event_has_no_country_and_the_role_as_code(code_text):
    [event] = code_text("Rebels shelled the town, killing five civilians.")
    assert (event.actor1_code, event.actor1_sector, event.actor1_country_code) == ("REB", "REB", None)
    assert (event.actor2_code, event.actor2_country_code) == ("CVL", None)  # the outcome gives the target
    assert is_role_only(event.actor1_code, event.actor1_country_code, event.actor1_sector)
    assert ev.triple(event) == ("---", "---", "19")  # as PETRARCH writes them: ---REB, ---CVL


def test_unknown_names_never_become_a_country(code_text):
    [event] = code_text("Zorblat rebels attacked an army post.")
    assert (event.actor1_code, event.actor1_country_code, event.actor2_code) == ("REB", None, "MIL")


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # who backs or inspires an actor is not the actor
        ("US-backed rebels attacked Iranian-backed militias near the border.", [("REB", "190", "PRM")]),
        # a participle the parser took for the main verb
        ("The activists detained last week were freed on Monday by the Egyptian authorities.",
         [("EGYGOV", "0841", "CVL")]),
        # force fired from a place, with no one named
        ("Rockets were fired at Israel from Lebanon on Sunday.", [("LBNGOV", "190", "ISRGOV")]),
        # a purpose clause is part of its act and gives it its target
        ("Police fired tear gas to disperse the protesters.", [("COP", "175", "CVL")]),
        # a relative clause in the perfect describes the actor
        ("The militant group that has seized parts of the country attacked a checkpoint.", [("REB", "190", None)]),
        # so does a standing stance or struggle told in the present ("who opposes Maduro" had been 110)
        ("Raul Salazar, a former Venezuelan defense minister who opposes Maduro, spoke on Monday.", []),
        ("The YPG, which fights the Islamic State in Syria, accused Turkey of shelling its positions.",
         [("SYRREB", "112", "TURGOV")]),
        ("The European Union imposed new sanctions on Iran that are opposed by the White House.",
         [("IGOEUREEC", "163", "IRNGOV")]),
        # not yet happened
        ("The ministry will respond before the United States announces its sanctions.", []),
        # dotted names and a pronoun that refers back to them
        ("The U.S. said it would not meet the kidnappers' demands.", [("USAGOV", "124", "CRM")]),
        # possessive pronouns give the role a country
        ("Russia said its forces had struck targets in the Kharkiv region.", [("RUSMIL", "190", None)]),
        # "help" parsed as an auxiliary of "identify"
        ("Interpol said it would send a team to help Thailand identify the victims.", [("IGOCOP", "033", "THAGOV")]),
        ("A court in Ghana has issued an arrest warrant for two Nigerian men.", [("GHAJUD", "173", "NGA")]),
        ("The prime minister expressed sorrow for the victims of the floods in Pakistan.", [("GOV", "018", "PAKCVL")]),
        ("Italy faces pressure from the European Union to cut its deficit.", [("IGOEUREEC", "100", "ITAGOV")]),
        ("Security forces fired teargas at demonstrators in the capital.", [("COP", "175", "CVL")]),
        # whom a state coerces with no country named are its own people
        ("The government of China carried out a campaign, arresting hundreds of people.",
         [("CHNGOV", "173", "CHNCVL")]),
        ("Police in Iran arrested dozens of protesters.", [("IRNCOP", "173", "IRNCVL")]),
        ("Israeli forces detained three militants.", [("ISRMIL", "173", "REB")]),  # often held abroad
        ("Turkey deported hundreds of migrants.", [("TURGOV", "174", "REF")]),  # an expulsion is of foreigners
        # who is asked may be named only in a "from" phrase
        ("Ukraine requested more weapons from Germany.", [("UKRGOV", "020", "DEUGOV")]),
        ("Russia asked for help from China.", [("RUSGOV", "023", "CHNGOV")]),
        ("Russia sought help from China.", [("RUSGOV", "023", "CHNGOV")]),
    ],
)
def test_clause_structures(code_text, sentence, expected):
    assert triples(code_text(sentence)) == expected


def test_a_named_person_with_a_title_but_no_known_country_keeps_the_title(code_text):
    [event] = code_text("President Zorblat Kundu praised the protesters for their courage.")
    assert (event.actor1_code, event.actor1_name, event.actor1_country_code) == ("GOV", "Zorblat Kundu", None)


def test_meetings_need_two_parties_and_restatements_are_not_counted_twice(code_text):
    assert code_text("The cabinet met on Sunday.") == []
    events = code_text("France accused Rwanda of lying, alleging that it had hidden the evidence.")
    assert triples(events) == [("FRAGOV", "112", "RWAGOV")]
    # an act on someone of one's own code restates no other act of the sentence
    events = code_text("Attorney General William Barr praised Robert Mueller and said he hopes to release much of "
                       "the report.", date(2019, 3, 25))
    # (releasing a report is no release of anyone: no 0353 for "hopes to release much of the report")
    assert sorted(triples(events)) == [("USAJUD", "051", "USAJUD")]


def test_store_relations_and_exports_take_role_only_and_one_sided_events(tmp_path, coder):
    text = ("Rebels attacked a convoy near the border on Monday.\n\n"
            "Kenyan police arrested dozens of protesters on Monday.\n\n"
            "China sent a trade delegation to Kenya on Monday.\n\n"
            "Kenya praised China for its support on Monday.\n")
    source = tmp_path / "report.txt"
    source.write_text(text, encoding="utf-8")
    db = tmp_path / "roles.duckdb"
    api.ingest([source], db=db, coder=coder)
    with Store(db, read_only=True) as store:
        rows = store.sql("SELECT actor1_code, event_code, coalesce(actor2_code, '-') AS actor2_code "
                         "FROM events ORDER BY event_code").to_dict("records")
        pairs = strongest_pairs(store, "cooperative")
        gdelt = export(store, "gdelt", tmp_path / "events.tsv")
        plover = export(store, "plover", tmp_path / "events.jsonl")
    coded = {(r["actor1_code"], r["event_code"], r["actor2_code"]) for r in rows}
    assert ("REB", "190", "-") in coded and ("KENCOP", "173", "KENCVL") in coded
    assert {("CHNGOV", "042", "KENGOV"), ("KENGOV", "051", "CHNGOV")} <= coded
    # the relation analysis counts only events between two countries
    assert list(zip(pairs["country_a"], pairs["country_b"], strict=True)) == [("CHN", "KEN")]
    series = dyad_series(db, "CHN", "KEN", by="year", direction="both")
    assert int(series["events"].sum()) == 2
    assert gdelt.rows == len(rows)
    lines = (tmp_path / "events.tsv").read_text("utf-8").splitlines()
    rebels = next(line.split("\t") for line in lines if "\tREB\t" in line)
    assert rebels[5:8] == ["REB", "Rebels", ""]  # Actor1Code, Actor1Name, no Actor1CountryCode
    records = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text("utf-8").splitlines()]
    assert plover.rows == len(records)
    assert any(r["actor"][0]["code"] == "---" and r["actor"][0]["sector"] == "REB" for r in records)


def test_unnamed_countries_are_not_an_actor(code_text):
    events = code_text("North Korea is reaching out to communist nations and other friendly countries to strengthen "
                       "ties with them.")
    assert all(e.actor2_code is None for e in events)


@pytest.mark.parametrize("text, when, expected", [
    # another person or body of the source's state is a target of its own
    ("Ambassador J. Christopher Stevens arrived in Benghazi.\n\nPresident Obama praised Stevens.", date(2012, 9, 1),
     ("USAGOV", "051", "USAGOV")),
    ("Nancy Pelosi said Congress must oppose the movement.", date(2019, 3, 1), ("USALEG", "100", "USALEG")),
    # the state itself, or a government addressed by its own head, is not
    ("President Obama said the United States must act.", date(2014, 3, 1), ("USAGOV", "100", None)),
    ("Premier Zhao Ziyang said the country must continue to reform its prices.", date(1987, 3, 1),
     ("CHNGOV", "100", None)),
    # nor is a body a group acts through ("NATO")
    ("NATO Secretary General Jens Stoltenberg said NATO must act.", date(2019, 3, 1), ("IGOWSTNAT", "100", None)),
    # a legislator addressing legislators is
    ("Senator John McCain urged American lawmakers to act.", date(2015, 3, 1), ("USALEG", "020", "USALEG")),
])
def test_a_target_of_the_sources_own_state(code_text, text, when, expected):
    assert triples(code_text(text, when))[-1:] == [expected]


@pytest.mark.parametrize("text, when, expected", [
    # two titled names the parser hung one on the other
    ("President Trump and President Xi Jinping agreed on a truce.", date(2019, 3, 1),
     [("USAGOV", "030", "CHNGOV"), ("CHNGOV", "030", "USAGOV")]),
    # "both ... and" joins two, each of its own: not the last two actors named
    ("Venezuela's President Nicolás Maduro spoke on Monday. National Security Adviser John Bolton warned Mr Maduro. "
     "Both the president and his rivals have called on their supporters to take to the streets.", date(2019, 5, 1),
     [("USAGOV", "130", "VENGOV"), ("VENGOV", "020", "CVL")]),
])
def test_coordinated_actors(code_text, text, when, expected):
    assert sorted(triples(code_text(text, when))) == sorted(expected)


@pytest.mark.parametrize("text, published, expected", [
    # a person is coded in the office held on the day the sentence gives the act
    ("In 2002, Senator Chuck Hagel urged the Bush administration to seek a resolution.", date(2013, 1, 8),
     [("USALEG", "020", "USAGOV")]),  # the nominee for Defense Secretary in 2013 was a senator then
    ("In 2009, Hillary Clinton accused Pakistan of harboring militants.", date(2019, 5, 1),
     [("USAGOV", "112", "PAKGOV")]),  # the Secretary of State that year, out of office in 2019
    ("Hillary Clinton accused Pakistan of harboring militants.", date(2019, 5, 1), [("USAELI", "112", "PAKGOV")]),
    # a month is enough when the sentence names it: Comey led the FBI until May 2017 (had been USAELI)
    ("In February, James Comey warned Russia against meddling in the election.", date(2017, 11, 24),
     [("USACOP", "130", "RUSGOV")]),
    ("Last week, James Comey warned Russia against meddling in the election.", date(2017, 11, 24),
     [("USAELI", "130", "RUSGOV")]),
])
def test_a_person_is_coded_in_the_role_of_the_acts_day(code_text, text, published, expected):
    assert triples(code_text(text, published)) == expected
