"""PLOVER/POLECAT event records as JSON lines, following the PLOVER manual's data fields.

One JSON object per event: `id`, `date`, `event` (the PLOVER category), `mode`, `context`,
`actor` and `recipient` (lists of entity objects with the country or international-actor code,
the country's name and the PLOVER sector), `event_loc`, `event_text`, `quad_code` and
`event_scale` (PLOVER's quad and score for the category and mode), `text` (the sentence),
`text_info`, `cite_info`, `coder`, `coded_date`, `coded_time`; and, as the manual invites,
extra named fields: the CAMEO code and Goldstein score, GDELT's counts and tieline's ids.

Events PLOVER does not code are left out and counted: CAMEO roots 01 and 02 (PLOVER dropped
them), events without a date, and categories that need a recipient (COOPERATE, AID, SANCTION)
coded without one. The record layout is checked against `plover.schema.json`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from typing import IO, Any

from ..models import is_role_only

# PLOVER categories: their quad class (chapter 3 of the manual) and their modes with scores (table 2.2).
QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
NEEDS_RECIPIENT = frozenset({"COOPERATE", "AID", "SANCTION"})
SCORE = {
    "AGREE": 2.5, "CONSULT": 2.5, "SUPPORT": 5, "CONCEDE": 4.5, "COOPERATE": 9.5, "AID": 10, "RETREAT": 6.5,
    "REQUEST": 0, "ACCUSE": -3,  # the manual prints 3, a sign slip among the conflict scores
    "REJECT": -2, "THREATEN": -3.5, "PROTEST": -5, "SANCTION": -6, "MOBILIZE": -5.5, "COERCE": -7, "ASSAULT": -9,
}
MODES: dict[str, dict[str, float | None]] = {
    "CONSULT": {"visit": 4, "third-party": 1, "multilateral": 4, "phone": 1.5},
    "RETREAT": {"withdraw": 8, "release": 6.5, "disarm": 10, "ceasefire": 7.5, "access": 6.5, "resign": 4.5},
    "REQUEST": {"assist": 0.5, "change": -1, "yield": -1, "meet": 0},
    "ACCUSE": {"disapprove": -2, "investigate": -3.5, "allege": -3.5},
    "REJECT": {"assist": -1.5, "change": -2, "yield": -2, "meet": -2},
    "THREATEN": {"restrict": -3, "arrest": -3.5, "relations": -3.5, "expel": -3.5, "territory": -4, "violence": -3.5},
    "PROTEST": {"demo": -5, "riot": -7, "strike": -5, "hunger": -4.5, "boycott": -4.5, "obstruct": -4.5,
                "vandalize": None},
    "SANCTION": {"convict": -6, "expel": -5.5, "withdraw": -6, "discontinue": -6},
    "MOBILIZE": {"troops": -6.5, "weapons": -6.5, "police": -5.5, "militia": -6},
    "COERCE": {"seize": -7, "restrict": -7, "censor": -6.5, "curfew": -6.5, "martial-law": -7.5, "arrest": -7,
               "deport": -7, "withhold": -7, "misinformation": -6.5, "cyber": -7},
    "ASSAULT": {"abduct": -8.5, "beat": -7.5, "torture": -8.5, "sexual": -8.5, "targeted": -9.5, "destroy": -8.5,
                "primitive": -8, "firearms": -9, "explosives": -9, "suicide-attack": -9.5, "aerial": -9.5,
                "drone": -9.5, "heavy-weapons": -9.5, "crowd-control": -7.5, "unconventional": -10, "sideAB": None},
}
CONTEXTS = (
    "military", "intelligence", "executive", "legislative", "election", "political institutions", "pro democracy",
    "pro autocracy", "economic", "legal", "reparations", "human rights", "rights freedoms", "repression",
    "human security", "gender", "lgbt", "religion ethnicity", "inequality", "diplomatic", "territory",
    "peacekeeping", "health", "asylum", "migration", "disasters", "natural resource", "environment", "technology",
    "terrorism", "cbrn", "cyber", "misinformation", "crime", "corruption", "illegal drugs", "trafficking",
)
SECTORS = (
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM", "CVL", "EDU",
    "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
)
INTERNATIONAL = {"IGO": "International Governmental Organization", "UNO": "United Nations",
                 "EUR": "European Union", "NGO": "Non-governmental Organization",
                 "ISM": "International Social Movement", "IMG": "Transnational Militarized Group",
                 "MNC": "Multi-national Corporation"}
# CAMEO sectors whose PLOVER name differs: CAMEO MED is the media, HLH health; INS and SEP are rebels.
_SECTOR_FROM_CAMEO = {"MED": "JRN", "HLH": "MED", "INS": "REB", "SEP": "REB", "RAD": "OPP", "UAF": "UAF",
                      "IGO": None, "NGO": None, "MNC": None}
# Modes in tieline's CAMEO table that the manual names differently, or that are PLOVER contexts.
_MODE_ALIASES = {("ASSAULT", "assassinate"): "targeted", ("ASSAULT", "massacre"): "targeted",
                 ("COERCE", "ban"): "restrict", ("THREATEN", "ban"): "restrict"}
_MODE_CONTEXTS = {"pro_autocracy": "pro autocracy", "political": "political institutions"}
_KNOWN_GROUP_CODES = {"UNO": "UNO", "EEC": "EUR", "EUR": "EUR"}
_COUNTRY_CODE_EXCEPTIONS = {"XKX": "KOS"}  # PLOVER's code for Kosovo
NO_COUNTRY = "---"  # an actor with a role but no country ("rebels"), as CAMEO and PETRARCH write it
CODEBOOK = "plover-2021"
# Characters JSON leaves raw but some line readers split on: escaped so one record stays one line.
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON schema of one exported PLOVER record."""
    return json.loads(resources.files("tieline.export").joinpath("plover.schema.json").read_text("utf-8"))


def _country_names() -> dict[str, str]:
    from ..actors import load_gazetteer

    return load_gazetteer().country_names


def entity(row: dict[str, Any], n: int, names: dict[str, str]) -> dict[str, Any] | None:
    code = row.get(f"actor{n}_code")
    if not code:
        return None
    country = row.get(f"actor{n}_country_code")
    group = row.get(f"actor{n}_known_group_code")
    if country:
        top = _COUNTRY_CODE_EXCEPTIONS.get(country, country)
        country_name = names.get(country, "")
    elif not group and is_role_only(code, country, row.get(f"actor{n}_sector")):
        top, country_name = NO_COUNTRY, ""  # "rebels", "police": an actor known by its role alone
    else:
        top = _KNOWN_GROUP_CODES.get(group or "", code[:3] if code[:3] in INTERNATIONAL else "IGO")
        country_name = INTERNATIONAL[top]
    cameo_sector = row.get(f"actor{n}_sector")
    sector = _SECTOR_FROM_CAMEO.get(cameo_sector, cameo_sector) if cameo_sector else None
    if sector not in SECTORS:
        sector = None
    out = {"code": top, "country_name": country_name, "sector": sector, "entity_text": row.get(f"actor{n}_name") or "",
           "identifier_text": row.get(f"actor{n}_name") or "", "cameo_code": code}
    if group:
        out["known_group_code"] = group
    return out


def _mode_and_context(event_type: str, mode: str | None) -> tuple[list[str], list[str], str | None]:
    """PLOVER's mode and context for the CAMEO table's mode, and the label kept aside if neither."""
    if not mode:
        return [], [], None
    mode = _MODE_ALIASES.get((event_type, mode), mode)
    if mode in MODES.get(event_type, {}):
        return [mode], [], None
    if mode in _MODE_CONTEXTS:
        return [], [_MODE_CONTEXTS[mode]], None
    return [], [], mode


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)[:10]


def record(row: dict[str, Any], names: dict[str, str]) -> tuple[dict[str, Any] | None, str | None]:
    """(the PLOVER record of one event, None) or (None, why it has none)."""
    event_type = row.get("plover_event_type")
    if not event_type or event_type not in QUAD:
        return None, "no PLOVER category"
    day = _iso(row.get("event_date"))
    if not day:
        return None, "no date"
    actor = entity(row, 1, names)
    recipient = entity(row, 2, names)
    if actor is None:
        return None, "no actor"
    if event_type in NEEDS_RECIPIENT and recipient is None:
        return None, "no recipient"
    mode, context, other_mode = _mode_and_context(event_type, row.get("plover_mode"))
    score = MODES.get(event_type, {}).get(mode[0]) if mode else None
    added = row.get("date_added")
    url = row.get("source_url") or row.get("doc_url")
    rec: dict[str, Any] = {
        "id": f"tieline-{row['event_id']}",
        "date": day,
        "event": [event_type],
        "mode": mode,
        "context": context,
        "actor": [actor],
        "recipient": [recipient] if recipient else [],
        "event_text": [row["event_text"]] if row.get("event_text") else [],
        "quad_code": QUAD[event_type],
        "event_scale": float(score if score is not None else SCORE[event_type]),
        "text": row.get("sentence") or "",
        "text_info": {"sequence": (row.get("sentence_index") or 0) + 1 if (row.get("sentence_index") or 0) >= 0 else None,
                      "start": _nonneg(row.get("evidence_start")), "end": _nonneg(row.get("evidence_end"))},
        "cite_info": {"corpus": row.get("doc_source") or "", "citation": row.get("doc_id") or "", "url": url or "",
                      "title": row.get("doc_title") or "", "language": (row.get("doc_language") or "")[:2],
                      "publication": row.get("doc_source_name") or row.get("doc_site_name") or "",
                      "coder": row.get("coder") or "", "codebook": CODEBOOK},
        "coder": row.get("coder") or "",
        "coded_date": _iso(added) or "",
        "coded_time": added.strftime("%H:%M:%S") if isinstance(added, datetime) else "",
        "event_loc": _location(row),
        "cameo_code": row["event_code"],
        "goldstein_scale": row.get("goldstein_scale"),
        "num_mentions": row.get("num_mentions"),
        "num_sources": row.get("num_sources"),
        "num_articles": row.get("num_articles"),
        "global_event_id": row.get("global_event_id"),
        "doc_id": row.get("doc_id"),
        "confidence": row.get("confidence"),
    }
    if other_mode:
        rec["comment"] = f"tieline mode '{other_mode}' has no PLOVER equivalent"
    return rec, None


def _nonneg(value: Any) -> int | None:
    return int(value) if value is not None and value == value and value >= 0 else None


def _location(row: dict[str, Any]) -> dict[str, Any] | None:
    precision = row.get("action_geo_precision") or "none"
    if precision == "none":
        return None
    lat, lon = row.get("action_geo_lat"), row.get("action_geo_long")
    return {
        "resolved_place": row.get("action_geo_full_name") or "",
        "lat": lat if lat == lat else None,
        "lon": lon if lon == lon else None,
        "country_code": row.get("action_geo_country_code") or "",
        "resolution": {"country": 1, "admin1": 2, "city": 4}.get(precision),
        "geonameid": row.get("action_geo_feature_id") or "",
    }


def write(rows: Iterable[dict[str, Any]], out: IO[str]) -> tuple[int, Counter]:
    names = _country_names()
    written, skipped = 0, Counter()
    for row in rows:
        rec, why = record(row, names)
        if rec is None:
            skipped[why] += 1
            continue
        out.write(json.dumps(rec, ensure_ascii=False, default=str).translate(_LINE_BREAKS) + "\n")
        written += 1
    return written, skipped
