"""`tieline export --format plover`: PLOVER/POLECAT JSON lines that validate against the team's schema."""

import copy
import json

import jsonschema
import pytest

from tieline import api
from tieline.demo import corpus_dir
from tieline.export import export
from tieline.export.plover import MODES, QUAD, record, schema
from tieline.store import Store


@pytest.fixture(scope="module")
def demo_export(tmp_path_factory, coder):
    folder = tmp_path_factory.mktemp("plover")
    db = folder / "demo.duckdb"
    with corpus_dir() as corpus:
        api.ingest([corpus], db=db, coder=coder)
    with Store(db, read_only=True) as store:
        result = export(store, "plover", folder / "events.jsonl")
        n_events = store.counts()["events"]
        no_category = store.sql("SELECT count(*) AS n FROM events WHERE plover_event_type IS NULL")["n"][0]
        no_recipient = store.sql("SELECT count(*) AS n FROM events WHERE actor2_code IS NULL "
                                 "AND plover_event_type IN ('COOPERATE', 'AID', 'SANCTION')")["n"][0]
    records = [json.loads(line) for line in (folder / "events.jsonl").read_text("utf-8").splitlines()]
    return result, records, n_events, {"no PLOVER category": no_category, "no recipient": no_recipient}


@pytest.fixture(scope="module")
def validator():
    jsonschema.Draft202012Validator.check_schema(schema())
    return jsonschema.Draft202012Validator(schema())


def test_demo_plover_export_validates_against_the_schema(demo_export, validator):
    result, records, n_events, left_out = demo_export
    assert len(records) == result.rows > 50
    assert result.rows + sum(result.skipped.values()) == n_events
    # PLOVER has no 01/02 categories, and COOPERATE, AID and SANCTION need a recipient
    assert dict(result.skipped) == {reason: n for reason, n in left_out.items() if n}
    for rec in records:
        errors = sorted(validator.iter_errors(rec), key=str)
        assert not errors, (rec["id"], [e.message for e in errors])
    assert len({r["id"] for r in records}) == len(records)


def test_records_carry_plover_fields(demo_export):
    _, records, _, _ = demo_export
    rec = next(r for r in records if r["event"] == ["CONSULT"] and r["mode"] == ["visit"])
    assert rec["quad_code"] == 1 and rec["event_scale"] == 4.0
    assert rec["actor"][0]["code"].isalpha() and rec["actor"][0]["country_name"]
    assert rec["text"] and rec["cite_info"]["url"].startswith("https://") and rec["cite_info"]["codebook"]
    assert rec["text_info"]["sequence"] >= 1
    assert {r["quad_code"] for r in records} <= {1, 2, 3, 4}
    accuse = [r for r in records if r["event"] == ["ACCUSE"]]
    assert accuse and all(r["event_scale"] < 0 for r in accuse)


def base_record():
    return {"id": "x-1", "date": "2024-05-01", "actor": [{"code": "PRK", "sector": "GOV"}],
            "recipient": [{"code": "CUB", "sector": "GOV"}], "event": ["CONSULT"], "mode": ["visit"],
            "quad_code": 1, "event_scale": 4.0}


@pytest.mark.parametrize("change, fragment", [
    (lambda r: r.update(mode=["riot"]), "riot"),  # a PROTEST mode on a CONSULT event
    (lambda r: r.update(event=["AID"], mode=[], quad_code=2, recipient=[]), "should be non-empty"),
    (lambda r: r.update(quad_code=3), "1 was expected"),
    (lambda r: r.update(date="2024-13-01"), "does not match"),
    (lambda r: r["actor"][0].update(code="prk"), "does not match"),
    (lambda r: r["actor"][0].update(sector="HLH"), "HLH"),  # a CAMEO sector, not a PLOVER one
    (lambda r: r.update(event=["DEMAND"]), "DEMAND"),  # PLOVER 0.5's category, since renamed REQUEST
    (lambda r: r.pop("actor"), "'actor' is a required property"),
    (lambda r: r.update(event_scale=12), "greater than the maximum"),
])
def test_schema_rejects_what_the_manual_rules_out(validator, change, fragment):
    good = base_record()
    assert not list(validator.iter_errors(good))
    bad = copy.deepcopy(good)
    change(bad)
    messages = " | ".join(e.message for e in validator.iter_errors(bad)) + " | " + " | ".join(
        sub.message for e in validator.iter_errors(bad) for sub in (e.context or []))
    assert fragment in messages


def test_schema_lists_every_category_and_mode_of_the_export():
    categories = schema()["properties"]["event"]["items"]["enum"]
    assert sorted(categories) == sorted(QUAD) and len(categories) == 16
    modes = set(schema()["properties"]["mode"]["items"]["enum"])
    assert modes == {m for ms in MODES.values() for m in ms}


def row(**overrides):
    base = {"event_id": "e1", "event_date": "2024-05-01", "actor1_code": "PRKGOV", "actor1_name": "Kim",
            "actor1_country_code": "PRK", "actor1_sector": "GOV", "actor2_code": "IGOUNO", "actor2_name": "UN",
            "actor2_country_code": None, "actor2_known_group_code": "UNO", "actor2_sector": "IGO",
            "event_code": "111", "plover_event_type": "ACCUSE", "plover_mode": "disapprove", "sentence": "s",
            "date_added": None}
    base.update(overrides)
    return base


def test_entity_codes_sectors_and_modes_follow_plover():
    names = {"PRK": "North Korea", "XKX": "Kosovo"}
    rec, _ = record(row(), names)
    assert rec["actor"][0] == {"code": "PRK", "country_name": "North Korea", "sector": "GOV", "entity_text": "Kim",
                               "identifier_text": "Kim", "cameo_code": "PRKGOV"}
    assert rec["recipient"][0]["code"] == "UNO" and rec["recipient"][0]["sector"] is None
    media, _ = record(row(actor1_sector="MED", actor1_country_code="XKX", actor1_code="XKXMED"), names)
    assert media["actor"][0]["sector"] == "JRN" and media["actor"][0]["code"] == "KOS"  # CAMEO MED is the media
    nato, _ = record(row(actor2_code="IGOWSTNAT", actor2_known_group_code="NAT"), names)
    assert nato["recipient"][0]["code"] == "IGO"
    rebels, _ = record(row(actor1_code="REB", actor1_country_code=None, actor1_sector="REB", actor1_name="Rebels"),
                       names)
    assert rebels["actor"][0]["code"] == "---" and rebels["actor"][0]["sector"] == "REB"  # a role, no country
    entity = {"$defs": schema()["$defs"], **schema()["$defs"]["entity"]}
    assert not list(jsonschema.Draft202012Validator(entity).iter_errors(rebels["actor"][0]))
    alias, _ = record(row(plover_event_type="ASSAULT", plover_mode="assassinate", event_code="186"), names)
    assert alias["mode"] == ["targeted"] and alias["event_scale"] == -9.5
    context, _ = record(row(plover_event_type="THREATEN", plover_mode="political", event_code="138"), names)
    assert context["mode"] == [] and context["context"] == ["political institutions"]
    assert record(row(plover_event_type=None, event_code="010"), names) == (None, "no PLOVER category")
    assert record(row(event_date=None), names) == (None, "no date")
    assert record(row(plover_event_type="AID", actor2_code=None), names) == (None, "no recipient")
