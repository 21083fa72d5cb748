"""The package's public face: its API, registry, records and documented commands."""

import dataclasses
import re
from pathlib import Path

import pytest

import tieline
from tieline import models
from tieline.cli import cli
from tieline.registry import coders

ROOT = Path(__file__).resolve().parents[1]


def test_public_api_is_deliberate():
    assert sorted(tieline.__all__) == sorted(
        ["Article", "ConfigError", "Document", "Event", "Failure", "InputError", "Mention", "ModelError",
         "Pipeline", "RegistryError", "RunStats", "Store", "StoreError", "TielineError", "__version__",
         "code", "events", "ingest", "make_coder", "open", "read_articles"]
    )
    for name in tieline.__all__:
        assert hasattr(tieline, name)


def test_errors_form_one_hierarchy():
    for name in ("ConfigError", "InputError", "ModelError", "RegistryError", "StoreError"):
        assert issubclass(getattr(tieline, name), tieline.TielineError)


@pytest.mark.parametrize("record", [models.Document, models.Article, models.Mention, models.Event, models.Failure])
def test_records_are_slotted_dataclasses(record):
    assert dataclasses.is_dataclass(record) and hasattr(record, "__slots__")


def test_event_has_design_contract_fields():
    contract = ("doc_id event_date actor1_code actor1_name actor1_country_code actor1_known_group_code "
                "actor2_code actor2_name actor2_country_code actor2_known_group_code event_code "
                "event_root_code quad_class goldstein_scale plover_event_type sentence evidence_start "
                "evidence_end source_url coder confidence").split()
    assert list(models.EVENT_FIELDS[: len(contract)]) == contract


def test_coder_registry_lists_versioned_builtin():
    assert "cameo.rules.v2" in coders.available()
    assert coders.get("cameo.rules").version == "2"
    with pytest.raises(tieline.RegistryError, match="Available: .*cameo.rules.v2"):
        coders.get("petrarch")


def test_every_command_has_help_with_an_example_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "Example" in (cli.help or "")
    for name, command in cli.commands.items():
        assert "Example:" in (command.help or ""), f"`tieline {name} --help` has no example"
        assert re.search(rf"tieline {name}\b", readme), f"`tieline {name}` is not documented in README.md"


def test_taxonomy_quad_classes_follow_roots():
    from tieline.coding import load_taxonomy

    tax = load_taxonomy()
    assert len(tax.codes) > 280
    for code in tax.codes.values():
        root = int(code.root)
        expected = 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4
        assert code.quad_class == expected, code
        assert -10 <= code.goldstein <= 10
    assert tax["042"].plover_event == "CONSULT" and tax["042"].plover_mode == "visit"


def test_user_pattern_file_is_validated(tmp_path):
    from tieline.coding import load_patterns

    bad = tmp_path / "p.yaml"
    bad.write_text("patterns:\n  - {id: x, verbs: [snub], target: [dobj], code: '999'}\n", encoding="utf-8")
    with pytest.raises(tieline.ConfigError, match="'999' is not a CAMEO code"):
        load_patterns((bad,))
    bad.write_text("patterns:\n  - {id: x, verbs: [lean], prep: [on], target: [prep:on], code: '050'}\n", encoding="utf-8")
    with pytest.raises(tieline.ConfigError, match="quote them"):
        load_patterns((bad,))
    good = tmp_path / "g.yaml"
    good.write_text("patterns:\n  - {id: snub, verbs: [snub], target: [dobj], code: '120'}\n", encoding="utf-8")
    assert "snub" in {p.id for p in load_patterns((good,)).patterns}
