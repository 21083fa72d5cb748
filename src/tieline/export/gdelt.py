"""GDELT 2.0's layouts: the 61-column event table and the 16-column mentions table.

Tab-separated, no header, one record per line, exactly as GDELT publishes its export files, so
that tools written for GDELT read them unchanged. Fields tieline does not measure are empty:
ethnic and religious actor codes, actor geography, AvgTone and document tone. Tabs, line
breaks and double quotes inside text fields become spaces and single quotes, so that every line
splits into exactly the published number of fields.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import IO, Any

EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)

MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
    "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
    "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)

MENTION_TYPE_WEB = 1  # MentionIdentifier is a URL
MENTION_TYPE_CITATION = 2  # MentionIdentifier is a textual citation (here: the file or document id)

# GDELT's Geo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1); 0 none
_GEO_TYPES = {"country": (1, 1), "admin1": (5, 2), "city": (4, 3)}


def text(value: Any) -> str:
    """A field's text with nothing in it that would break a tab-separated line."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        return repr(round(value, 6))
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        return value.strftime("%Y%m%d%H%M%S")
    if isinstance(value, date):
        return value.strftime("%Y%m%d")
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ").replace('"', "'")


def fraction_date(day: date) -> float:
    """GDELT's FractionDate: YYYY + (month * 30 + day) / 365, to four decimals."""
    return round(day.year + (day.month * 30 + day.day) / 365, 4)


def _type_code(code: str | None, country: str | None, sector: str | None) -> str:
    if sector:
        return sector
    if code and country and code.startswith(country) and len(code) >= len(country) + 3:
        return code[len(country):len(country) + 3]
    return ""


def _geo(row: dict[str, Any]) -> list[Any]:
    precision = row.get("action_geo_precision") or "none"
    if precision not in _GEO_TYPES:
        return [0, "", "", "", "", "", "", ""]
    world, us = _GEO_TYPES[precision]
    geo_type = us if row.get("action_geo_country_code") == "USA" else world
    return [geo_type, row.get("action_geo_full_name"), row.get("action_geo_fips_code"),
            row.get("action_geo_adm1_code"), "", row.get("action_geo_lat"), row.get("action_geo_long"),
            row.get("action_geo_feature_id")]


def event_record(row: dict[str, Any]) -> list[Any]:
    """The 61 fields of one event, from a row of the events table (with its document's fields)."""
    day = row.get("event_date")
    code = row["event_code"]
    actor_fields = []
    for n in (1, 2):
        actor_code, country = row.get(f"actor{n}_code"), row.get(f"actor{n}_country_code")
        actor_fields += [actor_code, row.get(f"actor{n}_name"), country, row.get(f"actor{n}_known_group_code"),
                         "", "", "", _type_code(actor_code, country, row.get(f"actor{n}_sector")), "", ""]
    no_geo = [0, "", "", "", "", "", "", ""]
    return [
        row["global_event_id"],
        day, day.strftime("%Y%m") if day else "", day.year if day else "", fraction_date(day) if day else "",
        *actor_fields,
        1 if row.get("is_root_event") else 0, code, code[:3], row["event_root_code"], row["quad_class"],
        row["goldstein_scale"], row["num_mentions"], row["num_sources"], row["num_articles"], "",
        *no_geo, *no_geo, *_geo(row),
        row["date_added"], row.get("source_url") or row.get("doc_url") or row.get("doc_source") or row["doc_id"],
    ]


def mention_record(row: dict[str, Any]) -> list[Any]:
    """The 16 fields of one mention, from a row of event_mentions (with its event's and document's fields)."""
    url = row.get("source_url") or row.get("doc_url")
    sentence = row.get("sentence_index")
    confidence = row.get("confidence")
    return [
        row["global_event_id"], row["event_date_added"], row["added_at"],
        MENTION_TYPE_WEB if url else MENTION_TYPE_CITATION,
        row.get("source_name") or row.get("doc_site_name") or "",
        url or row.get("doc_source") or row["doc_id"],
        sentence + 1 if sentence is not None and sentence >= 0 else "",
        _offset(row.get("actor1_start")), _offset(row.get("actor2_start") if row.get("actor2_code") else -1),
        _offset(row.get("event_start")), 1,
        round(confidence * 100) if confidence is not None and confidence == confidence else "",
        row.get("doc_len") if row.get("doc_len") is not None else "", "", "", "",
    ]


def _offset(value: Any) -> int:
    return -1 if value is None or value != value or value < 0 else int(value)


def write_tsv(records: Iterable[list[Any]], out: IO[str], width: int) -> int:
    n = 0
    for record in records:
        if len(record) != width:
            raise AssertionError(f"a GDELT record has {len(record)} fields instead of {width}")
        out.write("\t".join(text(v) for v in record) + "\n")
        n += 1
    return n


def write_events(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    return write_tsv((event_record(r) for r in rows), out, len(EVENT_COLUMNS))


def write_mentions(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    return write_tsv((mention_record(r) for r in rows), out, len(MENTION_COLUMNS))

