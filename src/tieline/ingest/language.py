"""Language identification per paragraph (py3langid, whose model ships inside the package).

English paragraphs go on to coding; the others are kept on the article (and in the store) with
their language, and counted. Short paragraphs ("Kim Jong-un said.", a name, a photo credit) are
too short for any identifier, so a paragraph is given a language of its own only when it is long
enough and the identifier is sure, or when it is written in another script; otherwise it takes the
language of the whole article.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..models import Article, Paragraph
from ..pipeline import RunStats

STAGE = "language"
ENGLISH = "en"
MIN_LETTERS = 40  # a Latin-script paragraph shorter than this takes the article's language
MIN_CONFIDENCE = 0.95  # ... and so does one the identifier is less sure of
SCRIPT_SHARE = 0.5  # share of non-Latin letters above which a paragraph is another script
SAMPLE = 600  # characters of a paragraph the identifier reads (more adds time, not accuracy)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) for a piece of text."""
    language, probability = _identifier().classify(text)
    return language, float(probability)


def _letters(text: str) -> tuple[int, int]:
    """(letters, letters outside the Latin script)."""
    letters = other = 0
    for char in text:
        if char.isalpha():
            letters += 1
            if char > "\u024f" and "LATIN" not in unicodedata.name(char, ""):
                other += 1
    return letters, other


@dataclass(slots=True)
class Split:
    language: str | None  # of the article as a whole (most characters)
    english: list[str]
    others: list[Paragraph]


def _label(text: str) -> tuple[str | None, float]:
    """(language, confidence) of `text`; language None when the identifier cannot be trusted with it."""
    sample = text[:SAMPLE]
    letters, other = _letters(sample)
    language, confidence = identify(sample)
    if letters > 0 and other / letters > SCRIPT_SHARE:
        # Another script is evidence enough, but not for English, the usual guess for a line of symbols.
        return (language if language != ENGLISH else "und"), confidence
    if letters >= MIN_LETTERS and confidence >= MIN_CONFIDENCE:
        return language, confidence
    return None, confidence


def split_languages(paragraphs: list[str]) -> Split:
    """Label each paragraph. An unsure one is taken to be English when the article has English in it
    (or nothing sure at all), otherwise it takes the article's language: coding a non-English line
    finds nothing, while dropping an English one loses its events."""
    if not paragraphs:
        return Split(None, [], [])
    raw = [_label(paragraph) for paragraph in paragraphs]
    sure: dict[str, int] = {}
    for paragraph, (language, _) in zip(paragraphs, raw, strict=True):
        if language is not None:
            sure[language] = sure.get(language, 0) + len(paragraph)
    whole = max(sure, key=sure.get) if sure else ENGLISH
    fallback = ENGLISH if not sure or ENGLISH in sure else whole
    labels = [(language or fallback, confidence) for language, confidence in raw]
    sizes: dict[str, int] = {}
    for paragraph, (language, _) in zip(paragraphs, labels, strict=True):
        sizes[language] = sizes.get(language, 0) + len(paragraph)
    dominant = max(sizes, key=sizes.get)
    english, others = [], []
    for position, (paragraph, (language, confidence)) in enumerate(zip(paragraphs, labels, strict=True)):
        if language == ENGLISH:
            english.append(paragraph)
        else:
            others.append(Paragraph(position, language, paragraph, round(confidence, 4)))
    return Split(dominant, english, others)


def language_stage(articles: Iterable[Article], stats: RunStats) -> Iterator[Article]:
    """Pipeline stage: keep English paragraphs in `text`; move the others to `other_paragraphs`."""
    for article in articles:
        split = split_languages(article.paragraphs)
        article.language = split.language
        if split.others:
            article.text = "\n\n".join(split.english)
            article.other_paragraphs = split.others
            stats.count(STAGE, "non-english-paragraphs", len(split.others))
        if split.english:
            stats.count(STAGE, "english-documents")
        else:
            stats.count(STAGE, "non-english-documents")
        yield article
