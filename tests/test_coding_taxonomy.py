"""The CAMEO table shipped as data: every root and sub-code with name, Goldstein, QuadClass and the
PLOVER type and mode, and the modality table that derives intent, threat, refusal, appeal and
demand codes from it."""

import pytest

from tieline.coding import load_taxonomy
from tieline.coding.moods import DERIVATIONS, load_moods


@pytest.fixture(scope="module")
def tax():
    return load_taxonomy()


def test_all_twenty_roots_and_their_sub_codes(tax):
    roots = {c.root for c in tax.codes.values()}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    assert len(tax.codes) >= 300
    for code in tax.codes.values():
        assert code.code.startswith(code.root) and code.name
        assert 2 <= len(code.code) <= 4


@pytest.mark.parametrize("code, goldstein, quad, plover, mode", [
    ("010", 0.0, 1, None, None),
    ("036", 4.0, 1, "AGREE", None),
    ("042", 1.9, 1, "CONSULT", "visit"),
    ("057", 8.0, 1, "SUPPORT", None),
    ("0841", 7.0, 2, "RETREAT", "release"),
    ("112", -2.0, 3, "ACCUSE", "disapprove"),
    ("1312", -5.8, 3, "THREATEN", "restrict"),
    ("163", -8.0, 4, "COERCE", "restrict"),
    ("190", -10.0, 4, "ASSAULT", None),
])
def test_known_codes(tax, code, goldstein, quad, plover, mode):
    c = tax[code]
    assert (c.goldstein, c.quad_class, c.plover_event, c.plover_mode) == (goldstein, quad, plover, mode)


def test_every_code_past_statements_has_a_plover_type(tax):
    missing = [c.code for c in tax.codes.values() if c.root != "01" and not c.plover_event]
    assert missing == []


def test_moods_derive_valid_codes(tax):
    moods = load_moods()
    for table in DERIVATIONS:
        for prefix, value in moods.tables[table].items():
            assert value in (None, "=") or value in tax, (table, prefix, value)
    assert moods.derive("future", "0841") == "0353"  # will release -> intent to release
    assert moods.derive("future", "190") == "138"  # will attack -> threaten military force
    assert moods.derive("refusal", "040") == "125"  # refuse to meet
    assert moods.derive("appeal", "087") == "0256"  # urge to de-escalate
    assert moods.derive("demand", "0841") == "1053"  # demand release
    assert moods.derive("refusal", "190") is None  # refusing to attack is no event


def test_unknown_code_error_says_how_to_fix(tax):
    import tieline

    with pytest.raises(tieline.ConfigError, match="2 to 4 digits"):
        tax["9999"]
