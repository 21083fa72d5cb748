"""Contractions written with a typographic apostrophe ("didn’t", "it’s"), as most web pages write
them, are read as the straight forms the model learnt: the model had tagged "n’t" a noun, so "Iran
didn’t attack Israel" was an attack."""

import pytest

from tieline.nlp import load_pipeline

TEXT = ("Iran didn’t attack Israel. It’s clear that they’re angry. We’ll see. I’m sure they’ve gone, "
        "and he’d stay. Iran’s army won’t move. DON’T GO.")


def _reading(doc):
    return [(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_.replace("’", "'")) for t in doc]


def test_curly_contractions_are_tagged_parsed_and_lemmatised_as_straight_ones():
    nlp = load_pipeline()
    curly, straight = nlp(TEXT), nlp(TEXT.replace("’", "'"))
    assert [t.text for t in curly] == [t.text.replace("'", "’") for t in straight]
    assert _reading(curly) == _reading(straight)
    assert curly.text == TEXT  # the text itself is kept as written


@pytest.mark.parametrize("sentence", ["Iran didn’t attack Israel.", "Iran won’t attack Israel.",
                                      "Iran hasn’t attacked Israel."])
def test_a_negation_with_a_curly_apostrophe_is_no_event(code_text, sentence):
    assert code_text(sentence) == []


def test_a_curly_expletive_it_is_no_actor(code_text):
    # "it" had been Iran, criticizing the Saudis; no one in the text does
    assert code_text("Iran is a threat. It’s necessary to criticize the Saudis.") == []
