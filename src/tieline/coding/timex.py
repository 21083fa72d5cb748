"""Temporal expressions in news text, and the dates they stand for.

`find_timexes(text)` finds the expressions news copy uses ("on Thursday", "earlier this week",
"in March", "on March 25", "last month", "in 2019", "two days ago", "the same month") with the
preposition in front of them. `resolve(timex, anchor, ...)` turns one into a date and a
precision, counting from the anchor (the article's publication date): weekdays and month names
go back to the latest such day or month not after the anchor, unless the clause speaks of the
future ("next Thursday", "will visit on May 3").

Conventions for the value of a coarse date: a week is stored as its Monday, a month as its first
day, a year as January 1; the precision says which of them it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None, "few": None,
}

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.|Sept\b)")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_PART = r"(?:(?P<part>[Ee]arly|[Mm]id|[Ll]ate)[- ]\s*)"

# Each pattern has a kind; where several match the same text, the longest wins.
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b")),
    # Numeric dates ("14/02/2022", "2022.02.14") are left to dateparser, which knows the orders.
    ("parsed", re.compile(r"\b(?P<text>\d{1,4}[/.]\d{1,2}[/.]\d{2,4})\b")),
    ("month_day", re.compile(
        rf"(?:{_WEEKDAY},?\s+)?(?P<mon>{_MONTH})\s+(?P<d>{_DAY})\b(?!\s*%)(?:,?\s+(?P<y>{_YEAR})\b)?")),
    ("day_month", re.compile(
        rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR})\b)?")),
    ("month_year", re.compile(rf"{_PART}?(?P<mon>{_MONTH})\s+(?:of\s+)?(?P<y>{_YEAR})\b")),
    ("month", re.compile(
        rf"(?:(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+|{_PART})?(?P<mon>{_MONTH})(?![\w-])(?!\s+\d)")),
    ("year", re.compile(rf"(?:{_PART}|(?P<rel>[Ss]ummer|[Ww]inter|[Ss]pring|[Aa]utumn|[Ff]all)\s+(?:of\s+)?)?"
                        rf"\b(?P<y>{_YEAR})\b(?![%/]|[.-]\d|s\b|'s\b)")),
    ("weekday", re.compile(
        rf"(?:(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Cc]oming)\s+)?\b(?P<wd>{_WEEKDAY})(?:'s)?"
        r"(?:\s+(?:morning|afternoon|evening|night))?\b")),
    ("dayword", re.compile(
        r"(?i)\b(?P<word>the\s+day\s+before\s+yesterday|yesterday|today|tonight|last\s+night"
        r"|(?:earlier|later)\s+today|this\s+(?:morning|afternoon|evening))\b")),
    ("relative", re.compile(
        r"(?i)\b(?:(?P<mod>earlier|later)\s+)?(?P<rel>this|last|next|the\s+coming)\s+(?P<unit>week|month|year)\b")),
    ("weekend", re.compile(r"(?i)\b(?P<rel>the|this|last|the\s+past|next|the\s+coming)\s+weekend\b")),
    ("ago", re.compile(
        r"(?i)\b(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
        r"(?P<unit>day|week|month|year)s?\s+ago\b")),
    ("same", re.compile(r"(?i)\b(?:the\s+(?:very\s+)?same|that)\s+(?P<unit>day|week|month|year)\b")),
    ("shift", re.compile(
        r"(?i)\b(?:the\s+(?P<dir1>next|following|previous|preceding)\s+(?P<unit1>day|week|month|year)"
        r"|(?:an?|one)\s+(?P<unit2>day|week|month|year)\s+(?P<dir2>later|earlier|before(?=\s*[,.;:)]))"
        r"|the\s+(?P<unit3>day|week|month|year)\s+(?P<dir3>before|after)(?=\s*[,.;:)]))")),
]

_PREP_BEFORE = re.compile(
    r"(?i)\b(?P<prep>on|in|during|at|since|until|till|before|after|by|from|through|throughout|over|of|for|"
    r"between|around|as\s+of|as\s+early\s+as|as\s+late\s+as|no\s+later\s+than|prior\s+to)\s+$")
# An expression after one of these bounds the event in time rather than dating it.
BOUNDING_PREPS = {
    "since", "until", "till", "before", "after", "by", "from", "through", "between", "as of",
    "as early as", "as late as", "no later than", "prior to",
}
_MAY_NEEDS = {"in", "during", "of", "since", "until", "by", "from", "through", "throughout", "before", "after"}


@dataclass(frozen=True, slots=True)
class Timex:
    start: int  # character offsets of the expression (without its preposition) in the text searched
    end: int
    text: str  # with its preposition, as the article says it: "on Thursday"
    kind: str
    prep: str | None
    fields: tuple[tuple[str, str], ...]  # the pattern's named groups that matched

    def get(self, name: str) -> str | None:
        return dict(self.fields).get(name)

    @property
    def bounding(self) -> bool:
        return self.prep is not None and self.prep in BOUNDING_PREPS

    @property
    def needs_previous(self) -> bool:
        return self.kind in ("same", "shift")

    @property
    def needs_anchor(self) -> bool:
        """Whether the date depends on when the article was written (no year of its own)."""
        if self.kind == "parsed":
            return not re.search(_YEAR, self.text)
        return not (self.kind in ("iso", "month_year", "year")
                    or (self.kind in ("month_day", "day_month") and self.get("y")))


def find_timexes(text: str) -> list[Timex]:
    """The temporal expressions in `text`, in order, none overlapping."""
    found: list[tuple[int, int, str, re.Match]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            found.append((match.start(), match.end(), kind, match))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[Timex] = []
    last_end = -1
    for start, end, kind, match in found:
        if start < last_end:
            continue
        timex = _make(text, start, end, kind, match)
        if timex is not None:
            out.append(timex)
            last_end = end
    return out


def _make(text: str, start: int, end: int, kind: str, match: re.Match) -> Timex | None:
    fields = tuple((k, v) for k, v in match.groupdict().items() if v)
    prep_match = _PREP_BEFORE.search(text, 0, start)
    prep = " ".join(prep_match.group("prep").lower().split()) if prep_match else None
    context = dict(fields)
    if kind == "month":
        mon = context["mon"]
        # "March" needs a preposition or a modifier to be a month; "May" even more so.
        if prep is None and "rel" not in context and "part" not in context:
            if not (start == 0 or text[:start].rstrip().endswith((".", ",", ";", ":", "(", "—", "–"))):
                return None
            if mon == "May":
                return None
        if mon == "May" and prep not in _MAY_NEEDS and "rel" not in context and "part" not in context:
            return None
    if kind == "year" and prep is None and "part" not in context and "rel" not in context:
        return None  # a bare number such as "2021" is too often not a date
    spoken = text[prep_match.start("prep"):end] if prep_match else text[start:end]
    return Timex(start, end, spoken, kind, prep, fields)


# A number alone is not enough: dateparser reads "75 years" as 75 years ago.
_NAMED = re.compile(rf"{_MONTH}|{_WEEKDAY}|\b{_YEAR}\b|\d[/.-]\d", re.IGNORECASE)


def parsed_timex(text: str, start: int, end: int, prep: str | None = None) -> Timex | None:
    """A date expression found by other means (spaCy's DATE entities), left to dateparser;
    only expressions with a month, a weekday, a year or a numeric date in them, so that vague
    ones ("in recent months") and lengths of time ("75 years") never become a date."""
    if not _NAMED.search(text):
        return None
    return Timex(start, end, f"{prep} {text}" if prep else text, "parsed", prep, (("text", text),))


@lru_cache(maxsize=64)
def _dateparser(anchor: date | None, future: bool) -> DateDataParser:
    settings = {
        "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_TIME_AS_PERIOD": True,
        "PREFER_DAY_OF_MONTH": "first",
    }
    if anchor is not None:
        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
    return DateDataParser(languages=["en"], settings=settings)


def _parse(text: str, anchor: date | None, future: bool) -> tuple[date, str] | None:
    has_year = re.search(_YEAR, text) is not None
    if anchor is None and not has_year:
        return None
    data = _dateparser(anchor, future).get_date_data(text)
    if data.date_obj is None or data.period not in PRECISION_RANK:
        return None
    value = truncate(data.date_obj.date(), data.period)
    if anchor is not None and not has_year and not future and value > anchor:
        return None
    return value, data.period


def month_number(name: str) -> int:
    return _MONTHS[name.rstrip(".").lower()]


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def shift_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def truncate(day: date, precision: str) -> date:
    if precision == "week":
        return monday(day)
    if precision == "month":
        return day.replace(day=1)
    if precision == "year":
        return date(day.year, 1, 1)
    return day


def resolve(timex: Timex, anchor: date | None, *, future: bool = False,
            previous: tuple[date, str] | None = None) -> tuple[date, str] | None:
    """The date and precision `timex` stands for, or None when it cannot be worked out.

    `anchor` is the publication date (None: only expressions with their own year resolve);
    `future` says the clause looks forward; `previous` is the date of the event told before,
    for "the same month" and "the next day".
    """
    f = dict(timex.fields)
    try:
        if timex.kind == "iso":
            return date(int(f["y"]), int(f["m"]), int(f["d"])), "day"
        if timex.kind in ("month_day", "day_month"):
            return _month_day(month_number(f["mon"]), int(re.sub(r"\D", "", f["d"])), f.get("y"), anchor, future)
        if timex.kind == "month_year":
            return date(int(f["y"]), month_number(f["mon"]), 1), "month"
        if timex.kind == "year":
            return date(int(f["y"]), 1, 1), "year"
    except ValueError:
        return None  # "February 30"
    if timex.kind in ("same", "shift"):
        return _from_previous(f, previous)
    if timex.kind == "parsed":
        return _parse(f["text"], anchor, future)
    if anchor is None:
        return None
    if timex.kind == "month":
        return _month(month_number(f["mon"]), (f.get("rel") or "").lower(), anchor, future), "month"
    if timex.kind == "weekday":
        return _weekday(_WEEKDAYS[f["wd"].lower()], (f.get("rel") or "").lower(), anchor, future), "day"
    if timex.kind == "dayword":
        word = " ".join(f["word"].lower().split())
        back = {"yesterday": 1, "last night": 1, "the day before yesterday": 2}.get(word, 0)
        return anchor - timedelta(days=back), "day"
    if timex.kind == "relative":
        rel = " ".join(f["rel"].lower().split())
        step = {"this": 0, "last": -1, "next": 1, "the coming": 1}[rel]
        return _shift(anchor, f["unit"].lower(), step)
    if timex.kind == "weekend":
        return _weekend(" ".join(f["rel"].lower().split()), anchor, future), "week"
    if timex.kind == "ago":
        n = _NUMBERS.get(f["n"].lower(), None) if not f["n"].isdigit() else int(f["n"])
        if n is None:
            return None
        return _shift(anchor, f["unit"].lower(), -n)
    return None


def _month_day(month: int, day: int, year: str | None, anchor: date | None, future: bool) -> tuple[date, str] | None:
    if year:
        return date(int(year), month, day), "day"
    if anchor is None:
        return None
    for back in range(0, 8):  # February 29 needs a leap year
        y = anchor.year + (back if future else -back)
        try:
            candidate = date(y, month, day)
        except ValueError:
            continue
        if (candidate >= anchor) if future else (candidate <= anchor):
            return candidate, "day"
    return None


def _month(month: int, rel: str, anchor: date, future: bool) -> date:
    year = anchor.year
    if rel == "this":
        return date(year, month, 1)
    if rel == "next" or (future and rel != "last"):
        return date(year if month > anchor.month or (month == anchor.month and rel != "next") else year + 1,
                    month, 1)
    if rel == "last":
        return date(year if month < anchor.month else year - 1, month, 1)
    return date(year if month <= anchor.month else year - 1, month, 1)


def _weekday(weekday: int, rel: str, anchor: date, future: bool) -> date:
    if rel in ("next", "coming") or (future and rel not in ("last", "past")):
        ahead = (weekday - anchor.weekday()) % 7
        return anchor + timedelta(days=ahead or (7 if rel in ("next", "coming") else 0))
    back = (anchor.weekday() - weekday) % 7
    if rel in ("last", "past") and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def _weekend(rel: str, anchor: date, future: bool) -> date:
    """The Monday of the week whose weekend is meant: "over the weekend" in a Monday paper is
    the one just past."""
    this_saturday = monday(anchor) + timedelta(days=5)
    if rel in ("next", "the coming"):
        saturday = this_saturday if this_saturday > anchor else this_saturday + timedelta(weeks=1)
    elif rel == "this" or (rel == "the" and future):
        saturday = this_saturday
    elif rel in ("last", "the past"):
        saturday = this_saturday - timedelta(weeks=1)
    else:  # "over the weekend": the latest one that has begun
        saturday = this_saturday if anchor >= this_saturday else this_saturday - timedelta(weeks=1)
    return monday(saturday)


def _shift(day: date, unit: str, step: int) -> tuple[date, str]:
    if unit == "day":
        return day + timedelta(days=step), "day"
    if unit == "week":
        return monday(day) + timedelta(weeks=step), "week"
    if unit == "month":
        return shift_months(day, step), "month"
    return date(day.year + step, 1, 1), "year"


def _from_previous(f: dict[str, str], previous: tuple[date, str] | None) -> tuple[date, str] | None:
    if previous is None:
        return None
    value, precision = previous
    unit = (f.get("unit") or f.get("unit1") or f.get("unit2") or f.get("unit3") or "").lower()
    if PRECISION_RANK[precision] > PRECISION_RANK[unit]:
        return None  # "the same day" after an event known only to the month
    if "unit" in f:
        return truncate(value, unit), unit
    direction = (f.get("dir1") or f.get("dir2") or f.get("dir3") or "").lower()
    step = -1 if direction in ("previous", "preceding", "before", "earlier") else 1
    return _shift(value, unit, step)
