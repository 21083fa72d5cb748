"""Verb and noun patterns: readable data that maps phrases to CAMEO codes, validated on load.

The format is documented at the top of `data/verbs.yaml`; analysts add their own file with
`--patterns my_verbs.yaml` (a pattern with a built-in id replaces it). Every problem found on
load raises `ConfigError` naming the file, the pattern and what to write instead.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from ..errors import ConfigError
from .taxonomy import Taxonomy, load_taxonomy

SLOT_NAMES = ("dobj", "dative", "agent", "poss", "for_subject", "that_subject")
# What a pattern may do with a complement clause that is itself an event ("urged X *to withdraw*").
COMPLEMENT_ROLES = ("content", "appeal", "demand")
EXCLUSIONS = ("complement", "object", "dative", "predicative", "future", "question", "view", "adjective", "alone")
KEYS = {
    "id", "verbs", "nouns", "code", "target", "object", "not_object", "subject", "not_subject", "modifier",
    "not_modifier", "predicate", "complement_verb",
    "prep", "prep_object", "not_prep_object", "complement", "excludes",
    "reverse", "reciprocal", "appraisal", "negative_code", "needs_target", "confidence", "note",
}


@dataclass(frozen=True, slots=True)
class VerbPattern:
    id: str
    lemmas: frozenset[str]
    code: str
    target: tuple[str, ...] = ()
    kind: str = "verb"  # "verb" or "noun"
    object: frozenset[str] = frozenset()
    not_object: frozenset[str] = frozenset()  # objects that make the verb mean something else
    subject: frozenset[str] = frozenset()  # one must head the subject: "*miners* struck" is a labour strike
    not_subject: frozenset[str] = frozenset()  # subjects that make the verb mean something else: "*stocks* rallied"
    modifier: frozenset[str] = frozenset()  # one must modify the object: "*joint* exercise", "*air* strike"
    not_modifier: frozenset[str] = frozenset()  # none may modify the object: "*policy* review" is no inquiry
    predicate: frozenset[str] = frozenset()  # one must be in the predicative complement: "found X *guilty*"
    complement_verb: frozenset[str] = frozenset()  # one must head a complement clause: "refused *to say*"
    prep: frozenset[str] = frozenset()
    prep_object: frozenset[str] = frozenset()
    not_prep_object: frozenset[str] = frozenset()  # prepositional objects that give the verb another sense
    complement: str | None = None  # one of COMPLEMENT_ROLES
    excludes: frozenset[str] = frozenset()
    reverse: bool = False  # the target slot names actor1, the subject actor2 ("received aid from")
    reciprocal: bool = False  # conjoined subjects with no target act on each other ("A and B met")
    appraisal: bool = False  # the code depends on how the predicative complement judges the target
    negative_code: str | None = None  # for appraisal patterns: the code of a negative judgement
    # an event only when the target names an actor ("received *Kim*"); "act": only when the verb helps
    # with another act ("help *offset* a shortage", "helped *pave* the way"), not "America is coming to help"
    needs_target: bool | str = False
    confidence: float | None = None
    source: str = "built-in"

    @property
    def verbs(self) -> frozenset[str]:
        return self.lemmas

    @property
    def specificity(self) -> int:
        """How many constraints the pattern puts on the clause; the most specific match wins."""
        return (2 * bool(self.object) + 2 * bool(self.prep_object) + 2 * bool(self.subject) + bool(self.prep)
                + bool(self.appraisal)
                + bool(self.excludes) + bool(self.modifier) + 2 * bool(self.predicate)
                + 2 * bool(self.complement_verb))


@dataclass
class PatternSet:
    patterns: tuple[VerbPattern, ...]
    version: str
    by_lemma: dict[str, list[VerbPattern]] = field(init=False, repr=False)
    by_noun: dict[str, list[VerbPattern]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.by_lemma, self.by_noun = {}, {}
        for p in sorted(self.patterns, key=lambda p: -p.specificity):
            index = self.by_noun if p.kind == "noun" else self.by_lemma
            for lemma in p.lemmas:
                index.setdefault(lemma, []).append(p)

    def for_lemma(self, lemma: str) -> list[VerbPattern]:
        return self.by_lemma.get(lemma, [])

    def for_noun(self, lemma: str) -> list[VerbPattern]:
        return self.by_noun.get(lemma, [])


def _validate_slot(slot: str, where: str) -> str:
    parts = slot.split(">")
    if all(p in SLOT_NAMES or (p.startswith("prep:") and len(p) > 5) for p in parts):
        return slot
    raise ConfigError(
        f"{where}: unknown target slot '{slot}'. Use one of {', '.join(SLOT_NAMES)} or prep:WORD "
        f"(e.g. prep:with), or a path such as prep:against>prep:to."
    )


def _words(item: dict, key: str, where: str) -> frozenset[str]:
    values = item.get(key, [])
    values = values if isinstance(values, list) else [values]
    # a named list may stand inside another: [troop, force, *markets]
    values = [v for value in values for v in (value if isinstance(value, list) else [value])]
    for value in values:
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(
                f"{where} ({item.get('id')}): `{key}` holds {value!r}, not a word. YAML reads unquoted "
                f"on/off/yes/no as true/false: quote them, e.g. \"on\"."
            )
    return frozenset(" ".join(v.lower().split()) for v in values)


def _code(item: dict, key: str, where: str, taxonomy: Taxonomy) -> str:
    code = item[key]
    if isinstance(code, int):
        raise ConfigError(f"{where} ({item.get('id')}): `{key}: {code}` lost its leading zero; quote codes like \"042\".")
    code = str(code)
    if code not in taxonomy:
        raise ConfigError(f"{where} ({item.get('id')}): '{code}' is not a CAMEO code; quote codes like \"042\".")
    return code


def _parse_one(item: object, where: str, taxonomy: Taxonomy, origin: str) -> VerbPattern:
    if not isinstance(item, dict):
        raise ConfigError(f"{where}: each pattern must be a mapping with id, verbs (or nouns) and code.")
    unknown = sorted(set(item) - KEYS)
    if unknown:
        raise ConfigError(f"{where} ({item.get('id')}): unknown key(s) {', '.join(unknown)}. "
                          f"Valid keys: {', '.join(sorted(KEYS))}.")
    missing = [k for k in ("id", "code") if k not in item]
    if "verbs" not in item and "nouns" not in item:
        missing.append("verbs (or nouns)")
    if missing:
        raise ConfigError(f"{where}: missing {', '.join(missing)}.")
    if "verbs" in item and "nouns" in item:
        raise ConfigError(f"{where} ({item['id']}): give either `verbs` or `nouns`, not both; split it into two patterns.")
    kind = "noun" if "nouns" in item else "verb"
    lemmas = _words(item, "nouns" if kind == "noun" else "verbs", where)
    if not lemmas:
        raise ConfigError(f"{where} ({item['id']}): `{kind}s` is empty; list at least one lemma.")
    targets = item.get("target", [])
    targets = targets if isinstance(targets, list) else [targets]
    complement = item.get("complement")
    if complement is True:  # the first format's `complement: true`
        complement = "content"
    if complement not in (None, False) and complement not in COMPLEMENT_ROLES:
        raise ConfigError(f"{where} ({item['id']}): `complement: {complement}` is not one of "
                          f"{', '.join(COMPLEMENT_ROLES)}.")
    excludes = _words(item, "excludes", where)
    bad = sorted(e for e in excludes if e not in EXCLUSIONS and not e.startswith(("prep:", "object_prep:", "particle:")))
    if bad:
        raise ConfigError(f"{where} ({item['id']}): cannot exclude {', '.join(bad)}; use "
                          f"{', '.join(EXCLUSIONS)}, prep:WORD, object_prep:WORD or particle:WORD.")
    appraisal = bool(item.get("appraisal", False))
    negative_code = _code(item, "negative_code", where, taxonomy) if "negative_code" in item else None
    if appraisal and negative_code is None:
        raise ConfigError(f"{where} ({item['id']}): an appraisal pattern needs `negative_code` for a negative judgement.")
    confidence = item.get("confidence")
    if confidence is not None and not (isinstance(confidence, (int, float)) and 0 < confidence <= 1):
        raise ConfigError(f"{where} ({item['id']}): `confidence` must be a number in (0, 1], not {confidence!r}.")
    for flag in ("reverse", "reciprocal", "appraisal"):
        if not isinstance(item.get(flag, False), bool):
            raise ConfigError(f"{where} ({item['id']}): `{flag}` must be true or false.")
    needs_target = item.get("needs_target", False)
    if needs_target not in (True, False, "act"):
        raise ConfigError(f"{where} ({item['id']}): `needs_target` must be true, false or act.")
    return VerbPattern(
        id=str(item["id"]),
        lemmas=lemmas,
        code=_code(item, "code", where, taxonomy),
        target=tuple(_validate_slot(str(t), where) for t in targets),
        kind=kind,
        object=_words(item, "object", where),
        not_object=_words(item, "not_object", where),
        subject=_words(item, "subject", where),
        not_subject=_words(item, "not_subject", where),
        modifier=_words(item, "modifier", where),
        not_modifier=_words(item, "not_modifier", where),
        predicate=_words(item, "predicate", where),
        complement_verb=_words(item, "complement_verb", where),
        prep=_words(item, "prep", where),
        prep_object=_words(item, "prep_object", where),
        not_prep_object=_words(item, "not_prep_object", where),
        complement=complement or None,
        excludes=excludes,
        reverse=bool(item.get("reverse", False)),
        reciprocal=bool(item.get("reciprocal", False)),
        appraisal=appraisal,
        negative_code=negative_code,
        needs_target=needs_target,
        confidence=float(confidence) if confidence is not None else None,
        source=origin,
    )


def parse_patterns(data: object, origin: str, taxonomy: Taxonomy) -> list[VerbPattern]:
    if not isinstance(data, dict) or not isinstance(data.get("patterns"), list):
        raise ConfigError(f"{origin}: expected a mapping with a `patterns:` list; see tieline/coding/data/verbs.yaml.")
    patterns: list[VerbPattern] = []
    seen: dict[str, int] = {}
    for n, item in enumerate(data["patterns"], 1):
        pattern = _parse_one(item, f"{origin}, pattern {n}", taxonomy, origin)
        if pattern.id in seen:
            raise ConfigError(f"{origin}, pattern {n}: id '{pattern.id}' is already used by pattern {seen[pattern.id]}; "
                              f"ids must be unique within a file.")
        seen[pattern.id] = n
        patterns.append(pattern)
    return patterns


def load_patterns(extra_files: tuple[Path, ...] = ()) -> PatternSet:
    """The built-in patterns, followed by any user files (whose ids override built-in ones)."""
    taxonomy = load_taxonomy()
    raw = resources.files("tieline.coding").joinpath("data", "verbs.yaml").read_bytes()
    digest = hashlib.sha256(raw)
    data = yaml.safe_load(raw)
    by_id = {p.id: p for p in parse_patterns(data, "verbs.yaml", taxonomy)}
    for path in extra_files:
        try:
            user_raw = Path(path).read_bytes()
            user = yaml.safe_load(user_raw)
        except OSError as exc:
            raise ConfigError(f"Cannot read pattern file {path}: {exc.strerror}. Check the path.") from exc
        except yaml.YAMLError as exc:
            raise ConfigError(f"Pattern file {path} is not valid YAML: {exc}") from exc
        digest.update(user_raw)
        for p in parse_patterns(user, str(path), taxonomy):
            by_id[p.id] = p
    version = f"{data.get('version', '?')}+{digest.hexdigest()[:8]}"
    return PatternSet(tuple(by_id.values()), version)
