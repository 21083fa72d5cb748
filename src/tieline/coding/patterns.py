"""Verb patterns: readable data that maps verb phrases to CAMEO codes, validated on load."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from ..errors import ConfigError
from .taxonomy import Taxonomy, load_taxonomy

_SLOTS = {"dobj", "dative", "agent"}


@dataclass(frozen=True, slots=True)
class VerbPattern:
    id: str
    verbs: frozenset[str]
    code: str
    target: tuple[str, ...]
    object: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    complement: bool = False
    source: str = "built-in"


@dataclass
class PatternSet:
    patterns: tuple[VerbPattern, ...]
    version: str
    by_lemma: dict[str, list[VerbPattern]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.by_lemma = {}
        # Patterns that constrain the object or preposition are tried before bare-verb ones.
        for p in sorted(self.patterns, key=lambda p: not (p.object or p.prep)):
            for verb in p.verbs:
                self.by_lemma.setdefault(verb, []).append(p)

    def for_lemma(self, lemma: str) -> list[VerbPattern]:
        return self.by_lemma.get(lemma, [])


def _validate_slot(slot: str, where: str) -> str:
    if slot in _SLOTS or (slot.startswith("prep:") and len(slot) > 5):
        return slot
    raise ConfigError(
        f"{where}: unknown target slot '{slot}'. Use one of dobj, dative, agent or prep:WORD (e.g. prep:with)."
    )


def _words(item: dict, key: str, where: str) -> frozenset[str]:
    values = item.get(key, [])
    values = values if isinstance(values, list) else [values]
    for value in values:
        if not isinstance(value, str):
            raise ConfigError(
                f"{where} ({item.get('id')}): `{key}` holds {value!r}, not a word. YAML reads unquoted "
                f"on/off/yes/no as true/false: quote them, e.g. \"on\"."
            )
    return frozenset(v.lower() for v in values)


def parse_patterns(data: dict, origin: str, taxonomy: Taxonomy) -> list[VerbPattern]:
    if not isinstance(data, dict) or not isinstance(data.get("patterns"), list):
        raise ConfigError(f"{origin}: expected a mapping with a `patterns:` list; see tieline/coding/data/verbs.yaml.")
    patterns = []
    for n, item in enumerate(data["patterns"], 1):
        where = f"{origin}, pattern {n}"
        if not isinstance(item, dict):
            raise ConfigError(f"{where}: each pattern must be a mapping with id, verbs, target and code.")
        missing = [k for k in ("id", "verbs", "target", "code") if k not in item]
        if missing:
            raise ConfigError(f"{where}: missing {', '.join(missing)}.")
        code = str(item["code"])
        if code not in taxonomy:
            raise ConfigError(f"{where} ({item['id']}): '{code}' is not a CAMEO code; quote codes like \"042\".")
        targets = item["target"] if isinstance(item["target"], list) else [item["target"]]
        patterns.append(
            VerbPattern(
                id=str(item["id"]),
                verbs=_words(item, "verbs", where),
                code=code,
                target=tuple(_validate_slot(str(t), where) for t in targets),
                object=_words(item, "object", where),
                prep=_words(item, "prep", where),
                complement=bool(item.get("complement", False)),
                source=origin,
            )
        )
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
