"""Modality data: which verbs govern a complement clause, and how a governor changes its code.

Loaded from `data/moods.yaml` (documented there). `derive("future", "040")` is "036" (express
intent to meet), `derive("refusal", "084")` is "1243" (decline to release), and so on.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from ..errors import ConfigError
from .taxonomy import load_taxonomy

GOVERNOR_KINDS = ("intent", "commit", "threat", "refusal", "directive", "report", "claim", "deny", "negative",
                  "epistemic", "aspect")
DERIVATIONS = ("future", "refusal", "appeal", "demand")
KEEP = "="


@dataclass(frozen=True)
class MoodLexicon:
    governors: dict[str, tuple[str, ...]]  # lemma -> kinds, in the file's order
    tables: dict[str, dict[str, str | None]]
    positive: frozenset[str]
    negative: frozenset[str]
    event_nouns: dict[str, str]  # noun lemma -> the verb lemma of the same event: "invasion" -> "invade"
    version: str
    infinitive_only: frozenset[str] = frozenset()
    gatherings: frozenset[str] = frozenset()  # acts that do the protest they are for
    protests: frozenset[str] = frozenset()
    content_nouns: dict[str, str] = field(default_factory=dict)  # "claim" -> "claim", "fear" -> "epistemic"
    denied_by: frozenset[str] = frozenset()  # "rejected claims that ...": the clause denied
    asserted_by: frozenset[str] = frozenset()  # "reiterated the claim that ...": the clause said
    described_acts: frozenset[str] = frozenset()  # "called it a criminal act": "it" is an act, not a state

    def governor(self, lemma: str, dep: str) -> str | None:
        """The kind of governor `lemma` is for a complement attached with `dep` (xcomp or ccomp)."""
        kinds = self.governors.get(lemma)
        if not kinds or (dep != "xcomp" and lemma in self.infinitive_only):
            return None
        if len(kinds) > 1:
            if dep == "xcomp" and "directive" in kinds:
                return "directive"
            if dep == "ccomp" and "report" in kinds:
                return "report"
        return kinds[0]

    def derive(self, table: str, code: str) -> str | None:
        """The code of `code` under a governor, or None when no such event exists."""
        mapping = self.tables[table]
        for n in range(len(code), 1, -1):
            prefix = code[:n]
            if prefix in mapping:
                value = mapping[prefix]
                return code if value == KEEP else value
        return None

    def polarity(self, lemmas: list[str]) -> int:
        """+1 for a positive judgement, -1 for a negative one, 0 when there is none or both."""
        pos = any(lemma in self.positive for lemma in lemmas)
        neg = any(lemma in self.negative for lemma in lemmas)
        return 0 if pos == neg else (1 if pos else -1)


def _words(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"moods.yaml: {where} must be a list of words.")
    return [v.lower() for v in value]


@lru_cache(maxsize=1)
def load_moods() -> MoodLexicon:
    raw = resources.files("tieline.coding").joinpath("data", "moods.yaml").read_bytes()
    data = yaml.safe_load(raw)
    taxonomy = load_taxonomy()
    governors: dict[str, list[str]] = {}
    for kind, words in (data.get("governors") or {}).items():
        if kind not in GOVERNOR_KINDS:
            raise ConfigError(f"moods.yaml: unknown governor kind '{kind}'; use one of {', '.join(GOVERNOR_KINDS)}.")
        for word in _words(words, f"governors.{kind}"):
            governors.setdefault(word, [])
            if kind not in governors[word]:
                governors[word].append(kind)
    tables: dict[str, dict[str, str | None]] = {}
    for name in DERIVATIONS:
        table = (data.get("derive") or {}).get(name)
        if not isinstance(table, dict):
            raise ConfigError(f"moods.yaml: derive.{name} is missing.")
        for prefix, value in table.items():
            if value not in (None, KEEP) and str(value) not in taxonomy:
                raise ConfigError(f"moods.yaml: derive.{name}.{prefix} -> '{value}' is not a CAMEO code.")
        tables[name] = {str(k): (None if v is None else str(v)) for k, v in table.items()}
    content_nouns: dict[str, str] = {}
    for kind, words in (data.get("content_nouns") or {}).items():
        if kind not in GOVERNOR_KINDS:
            raise ConfigError(f"moods.yaml: unknown content_nouns kind '{kind}'; use one of {', '.join(GOVERNOR_KINDS)}.")
        for word in _words(words, f"content_nouns.{kind}"):
            content_nouns.setdefault(word, kind)
    appraisal = data.get("appraisal") or {}
    gathering = data.get("protest_by_gathering") or {}
    return MoodLexicon(
        governors={k: tuple(v) for k, v in governors.items()},
        tables=tables,
        positive=frozenset(_words(appraisal.get("positive", []), "appraisal.positive")),
        negative=frozenset(_words(appraisal.get("negative", []), "appraisal.negative")),
        event_nouns={str(k).lower(): str(v).lower() for k, v in (data.get("event_nouns") or {}).items()},
        version=f"{data.get('version', '?')}+{hashlib.sha256(raw).hexdigest()[:8]}",
        infinitive_only=frozenset(_words(data.get("infinitive_only", []), "infinitive_only")),
        gatherings=frozenset(_words(gathering.get("gatherings", []), "protest_by_gathering.gatherings")),
        protests=frozenset(_words(gathering.get("protests", []), "protest_by_gathering.protests")),
        content_nouns=content_nouns,
        denied_by=frozenset(_words(data.get("denied_by", []), "denied_by")),
        asserted_by=frozenset(_words(data.get("asserted_by", []), "asserted_by")),
        described_acts=frozenset(_words(data.get("described_acts", []), "described_acts")),
    )
