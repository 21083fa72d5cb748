"""The entity index the coder reads instead of `Doc.ents` (which rebuilds every span on each read)
must answer exactly as `Doc.ents` and `Span.ents` do, for any document and any span, and must
never answer for one document from another's entities."""

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from tieline.actors.party_tags import has_us_party_tag
from tieline.nlp import entities_in, entity_at

VOCAB = Vocab()
LABELS = ("PERSON", "GPE", "ORG", "NORP")


@st.composite
def documents(draw):
    n = draw(st.integers(min_value=1, max_value=40))
    words = [f"w{i}" for i in range(n)]
    doc = Doc(VOCAB, words=words)
    ents, at = [], 0
    while at < n:
        at += draw(st.integers(min_value=0, max_value=3))
        if at >= n:
            break
        end = min(n, at + draw(st.integers(min_value=1, max_value=4)))
        ents.append(Span(doc, at, end, label=draw(st.sampled_from(LABELS))))
        at = end
    doc.ents = ents
    start = draw(st.integers(min_value=0, max_value=n - 1))
    stop = draw(st.integers(min_value=start + 1, max_value=n))
    return doc, start, stop


def _same(a: Span | None, b: Span | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and
                                         (a.start, a.end, a.label_) == (b.start, b.end, b.label_))


@settings(max_examples=300, deadline=None)
@given(documents())
def test_entity_index_answers_as_spacy_does(case):
    doc, start, stop = case
    for i in range(len(doc)):
        expected = next((e for e in doc.ents if e.start <= i < e.end), None)
        assert _same(entity_at(doc, i), expected)
    span = doc[start:stop]
    assert [(e.start, e.end, e.label_) for e in entities_in(span)] == [(e.start, e.end, e.label_) for e in span.ents]


def test_entity_index_is_kept_per_document():
    docs = []
    for k in range(6):  # more documents than the index keeps
        doc = Doc(VOCAB, words=["a", "b", "c", "d"])
        doc.ents = [Span(doc, k % 4, k % 4 + 1, label="PERSON")]
        docs.append(doc)
        assert entity_at(doc, k % 4).start == k % 4
    for k, doc in enumerate(docs):  # asked again after the index let the first ones go
        assert [i for i in range(4) if entity_at(doc, i) is not None] == [k % 4]


def test_party_tag_read_from_the_words_after_the_name():
    doc = Doc(VOCAB, words=["Sen.", "Lindsey", "Graham", "(", "R", "-", "S.C.", ")", "said", "."],
              spaces=[True, True, True, False, False, False, False, True, False, False])
    assert has_us_party_tag(doc[1:3])
    assert not has_us_party_tag(doc[1:2])
    end = Doc(VOCAB, words=["Lindsey", "Graham"])
    assert not has_us_party_tag(end[0:2])  # nothing after the name: no tag, no error
