"""A blank line ends a sentence, so an event's evidence is the sentence that gave it and not a
caption credit, a closing quote or the last sentence of the paragraph before."""

from datetime import date

from tieline.models import Article
from tieline.nlp import load_pipeline

TEXT = (
    "Photo: the two leaders at the summit in Tokyo. Reuters\n\n"
    "Japan signed a trade agreement with Canada on Monday.\n\n"
    'The minister said the deal opened "a new chapter."\n\n'
    "Also on Monday, Germany accused Russia of cyber attacks.\n\n"
    "The talks with Iran ended without a deal with the U.S.\n\n"
    "Along with France, Italy condemned Iran."
)
EVIDENCE = {
    ("JPN", "CAN"): "Japan signed a trade agreement with Canada on Monday.",
    ("DEU", "RUS"): "Also on Monday, Germany accused Russia of cyber attacks.",
    ("ITA", "IRN"): "Along with France, Italy condemned Iran.",
}


def test_each_paragraph_starts_a_sentence(coder):
    starts = [s.text.strip() for s in coder.nlp(TEXT).sents]
    assert starts == [
        "Photo: the two leaders at the summit in Tokyo.",
        "Reuters",
        "Japan signed a trade agreement with Canada on Monday.",
        'The minister said the deal opened "a new chapter."',
        "Also on Monday, Germany accused Russia of cyber attacks.",
        "The talks with Iran ended without a deal with the U.S.",
        "Along with France, Italy condemned Iran.",
    ]


def test_a_closing_quote_stays_with_its_sentence(coder):
    text = 'He said: "We will not give in." Then he left.\n\nShe replied "never!" and walked out.\n\n' \
           'Iran called the plan "a trap."\n\nThe talks (in Geneva.) ended.'
    assert [s.text.strip() for s in coder.nlp(text).sents] == [
        'He said: "We will not give in."',
        "Then he left.",
        'She replied "never!" and walked out.',
        'Iran called the plan "a trap."',
        "The talks (in Geneva.) ended.",
    ]


def test_a_single_line_break_does_not_end_a_sentence(coder):
    wrapped = "Japan signed a trade agreement\nwith Canada on Monday."
    assert len(list(coder.nlp(wrapped).sents)) == 1


def _evidence(events):
    return {(e.actor1_country_code, e.actor2_country_code): e.sentence for e in events}


def test_event_evidence_is_its_own_paragraph_sentence(code_text):
    found = _evidence(code_text(TEXT))
    for dyad, sentence in EVIDENCE.items():
        assert found.get(dyad) == sentence


def test_the_same_with_the_prefilter(coder):
    article = Article(doc_id="p", text=TEXT, published=date(2024, 5, 6), date_source="document")
    [(_, events)] = list(coder.code_many([article]))
    found = _evidence(events)
    for dyad, sentence in EVIDENCE.items():
        assert found.get(dyad) == sentence


def test_a_short_title_ends_no_sentence():
    # AllSides: "the Chinese have invited Amb. | Robert Lighthizer ... to Beijing" lost the invitee
    nlp = load_pipeline()
    doc = nlp("Beijing said the Chinese have invited Amb. Robert Lighthizer to Beijing. Police said Capt. John Smith "
              "and Sgt. Mary Jones were hurt.")
    assert [s.text for s in doc.sents] == [
        "Beijing said the Chinese have invited Amb. Robert Lighthizer to Beijing.",
        "Police said Capt. John Smith and Sgt. Mary Jones were hurt."]
