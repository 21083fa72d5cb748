"""Accuracy floors on the field's gold sets: a change that codes worse than this fails.

The gold sets are not part of tieline. They are looked for in $TIELINE_EVAL_DIR, then in
../shared/eval next to the repository; without them these tests are skipped. Figures and their
meaning: benchmarks/coding_accuracy.py and the README's table.
"""

import os
from pathlib import Path

import pytest

from tieline.coding import evaluate as ev

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = Path(os.environ.get("TIELINE_EVAL_DIR") or ROOT.parent / "shared" / "eval")
EVENTS = EVAL_DIR / "events"

pytestmark = pytest.mark.skipif(
    not (EVENTS / "PETR2_GSR_validation.xml").exists(),
    reason=f"the event gold sets are not at {EVENTS}; set TIELINE_EVAL_DIR to the folder holding events/",
)

# Measured values minus a small margin (see README, "How well it codes"), for the coder as shipped
# (its default actor policy) and, for the event typing alone, with actors="any". Raise them when the
# coder improves; never lower them to make a change pass.
FLOORS = {
    "petr2_recall": 0.62,
    "petr2_extra_per_gold_max": 0.31,
    "plover_accuracy": 0.70,
    "plover_accuracy_any": 0.73,
    "confli_test_macro_f1": 0.80,
    "confli_test_macro_f1_any": 0.81,
}


@pytest.fixture(scope="module")
def petr2(coder):
    items = ev.read_petr2(EVENTS / "PETR2_GSR_validation.xml")
    return ev.score_petr2(items, ev.code_items(coder, items).events[coder.actors])


@pytest.fixture(scope="module")
def plover(coder):
    items = ev.read_plover(EVENTS / "PLOVER_GSR_CAMEO.txt")
    coded = ev.code_items(coder, items, (coder.actors, "any"))
    return {policy: ev.score_plover(items, coded.events[policy]) for policy in (coder.actors, "any")}


@pytest.fixture(scope="module")
def confli(coder):
    items = ev.read_confli(EVENTS / "confli-cameo" / "cameo_class_test.tsv")
    coded = ev.code_items(coder, items, (coder.actors, "any"))
    return {policy: ev.score_confli(items, coded.events[policy]) for policy in (coder.actors, "any")}


def test_petr2_recall_and_extra_events(petr2):
    assert petr2.gold == 80
    assert petr2.recall >= FLOORS["petr2_recall"], petr2.details
    assert petr2.extra_per_gold <= FLOORS["petr2_extra_per_gold_max"]


def test_plover_event_type_accuracy(plover, coder):
    assert plover["any"].total == 322
    assert plover[coder.actors].accuracy >= FLOORS["plover_accuracy"]
    assert plover["any"].accuracy >= FLOORS["plover_accuracy_any"]


def test_confli_cameo_quad_grouping_macro_f1(confli, coder):
    assert confli["any"].total == 451
    assert confli[coder.actors].macro_f1 >= FLOORS["confli_test_macro_f1"]
    assert confli["any"].macro_f1 >= FLOORS["confli_test_macro_f1_any"]
