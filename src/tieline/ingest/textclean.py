"""Clean text that was copied out of a web page: drop navigation, previous/next links, stray
markup, repeated paragraphs and footers; keep the byline and news-agency attributions apart.

Two modes. Plain text (`web=False`, the default) is whatever a person or a scraper copied, so
short lines in a minority script ("新闻中心" above an English report) and one- or two-word lines
without a full stop are navigation. Text that trafilatura already took out of a page
(`web=True`) has lost its page furniture; there, headings and short lines are article text and
only markup residue, repeats, previous/next links, footers, the byline line, photo and video
captions that sites leave in the text, and reporting credits are removed.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

# Stray HTML tags in a text field; only real element names, so that Reuters' "<Uniclub Inc>" company
# markup (and its "<KRPG.D>" tickers) is not taken for one and the name lost with it.
_TAG = re.compile(
    r"</?(?:a|abbr|article|aside|audio|b|big|blockquote|body|br|button|center|cite|code|dd|div|dl|dt|em|figcaption"
    r"|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|label|li|link|mark|meta|nav|noscript"
    r"|ol|p|path|picture|pre|q|s|script|section|small|source|span|strike|strong|style|sub|sup|svg|table|tbody|td"
    r"|th|thead|time|tr|tt|u|ul|var|video|wbr)\b[^<>]{0,200}>",
    re.IGNORECASE,
)
_TICKER = re.compile(r"\s?<[A-Z0-9]{1,8}(?:\.[A-Z]{1,3})?>")  # "Fried Krupp <KRPG.D>"
_BRACKETED_NAME = re.compile(r"<([A-Z][^<>=/@]{0,80})>")  # "<Uniclub Inc>": the name, without its brackets
_PREV_NEXT = re.compile(
    r"^\s*(上一篇|下一篇|上一条|下一条|上一頁|下一頁|이전\s?글|다음\s?글|前の記事|次の記事"
    r"|(previous|next|older|newer)\s+(article|post|story|entry)\b|(previous|next)\s*:|«\s*(previous|older)|<<)",
    re.IGNORECASE,
)
# A footer starts with the copyright notice, or carries one of the phrases only footers have.
_FOOTER = re.compile(
    r"^\s*(©|\(c\)\s*(19|20)\d\d|copyright\b)|all rights reserved|版权所有|版權所有|powered by\b|网站地图|網站地圖"
    r"|©\s*(19|20)\d\d",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^\s*(?:By|BY|by)\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})\s*$")
# Photo and video captions that news sites leave in the text (the BBC's "Image copyright … Image
# caption …", NPR's "toggle caption", CNN's galleries), and reporting credits at an article's end.
_CAPTION = re.compile(
    r"^\s*(image copyright\b|image caption\b|media playback is unsupported\b|media caption\b"
    r"|enlarge this image\b|toggle caption\b|hide caption\b|photos?: photos?:"
    r"|facebook twitter pinterest\b)"  # an image's share buttons before its caption
    r"|\bPhotograph: [^.!?]{0,80}$",  # a caption's credit closes it
    re.IGNORECASE,
)
# A CNN photo gallery pasted into the text as one long line: "Photos: … Hide Caption 1 of 21 …".
_GALLERY = re.compile(r"hide caption \d+ of \d+", re.IGNORECASE)
# A video player's text pasted into the article: "JUST WATCHED <title> Replay More Videos ... MUST WATCH <title> 02:17".
_VIDEO = re.compile(r"^\s*JUST WATCHED\b.*\bMUST WATCH\b")
# A politician's hover card pasted into the sentence that names them (The Hill): the name again in
# full, run together with the first of the site's headlines about them, up to "MORE". "Sen. Todd Young
# Todd Christopher YoungOvernight Defense: … | … MORE (R-Ind.)" reads "Sen. Todd Young (R-Ind.)".
_HOVER_CARD = re.compile(
    r"\b(?P<name>[A-Z][\w'’-]+)"
    r"(?P<card>\s+(?:[A-Z(][\w().'’-]*\s+){0,4}(?P=name)(?:MORE\b|(?=[A-Z0-9'‘“\"])[^\n]{0,900}?\sMORE\b))"
)
# Older cards keep a space after the name; then the name must be the shown one said again in full
# ("Paul Ryan Paul Davis Ryan Retirees … MORE"), and headlines or a party tag must follow.
_SPACED_HOVER_CARD = re.compile(
    r"\b(?P<name>(?P<first>[A-Z][\w'’-]+)\s+(?P<last>[A-Z][\w'’-]+))"
    r"(?P<card>\s+(?P=first)\s+(?:[A-Z(][\w().'’-]*\s+){0,3}(?P=last)\s"
    r"(?:[^\n|]{0,300}\|[^\n]{0,600}?\sMORE\b|[^\n]{0,900}?\sMORE(?=(?:'s)?\s\([RDI]-)))"
)
# A link to another story: "Read more: <headline>", or the Guardian's "<headline> Read more".
_RELATED_LINK = re.compile(r"^\s*\[?read more\b|\bread more\s*$", re.IGNORECASE)
# "( Also on POLITICO: ...)", "More: ...", "Related: ...", "Click for more from The Times": a link's label
_LINK_LABEL = re.compile(r"^\s*[(\[]?\s*(?:(?:More|Related|See also|Also read|Read also|Recommended)\s*:"
                         r"|Also on [A-Z][\w.'’ ]{0,30}:|Click (?:here )?for more\b)")
_READ_MORE_AFTER_SENTENCE = re.compile(r"(?<=[.!?\"”’])\s+Read more\s*$")
# A photo's credit after its caption, and what follows it on the line (a teaser for another story):
# "... in Ankara. | Saul Loeb/AFP/Getty Images Trump makes first trip to Iraq as president", and the
# photographer's name between the caption and the bar ("... June 12, 2018. Susan Walsh | Reuters").
_PHOTO_CREDIT = re.compile(
    r"(?:(?<=[.!?\"”’])\s+(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)?\s*\|\s*"
    r"(?:[A-Z][\w.'’ -]{0,40}/)*"
    r"(?:AP Photo|AP|Getty Images|AFP|Reuters|REUTERS|POLITICO|EPA|Bloomberg|Bloomberg News|Xinhua|Yonhap|"
    r"KCNA|Sputnik|TASS|Anadolu|Shutterstock|Pool|AP Images|The Washington Post|The New York Times)\b(?P<rest>.*)$"
)
_TEASER_WORDS = 60  # longer than a teaser: the line goes on with text of its own, kept
_CREDIT = re.compile(
    r"\bcontributed (?:reporting|to this (?:report|story|article))\.?\s*$"
    r"|^\s*(?:additional )?(?:reporting|writing|editing) by\b",
    re.IGNORECASE,
)
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
# "PYONGYANG, Sept. 10, 2024 --", "SEOUL, May 3, 2024 (Yonhap) --" or, without the year, "PYONGYANG, May 16 --"
# and Reuters' "NEW YORK, April 13 - ": where and when a wire story was filed.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’-]{1,40}(?:, [A-Z][A-Za-z .]{1,30})?), "
    r"(?P<month>[A-Z][a-z]{2,8}|[A-Z]{3,9})\.? (?P<day>\d{1,2})(?:, (?P<year>\d{4}))?\s*(?:\([^)]{1,40}\))?\s*(?:--|—|–|-(?=\s))\s*"
)
# Most wire and network stories carry no date in the dateline: "WASHINGTON — ", "KABUL, Afghanistan
# (AP) — ", "BRUSSELS/LONDON (Reuters) - ", and CNN's mixed-case "Havana (CNN)" with no dash.
_NETWORKS = r"CNN|CNN Business|AP|UPI|Reuters|AFP"
_AFTER_CREDIT = r"\s*(?:--|—|–|-)?\s*(?=[A-Z\"“‘'])"  # an optional dash, then the story's first word
_UNDATED_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?)"
    r"\s*(?:\((?P<agency>[A-Za-z. ]{1,30})\))?\s*(?:(?:--|—|–| -)\s+(?=\S)|(?:--|—|–)(?=[A-Z\"“‘']))"
    r"|^(?P<mixed>[A-Z][a-z]+(?:[ /][A-Z][a-z]+){0,2}(?:, [A-Z][a-z]+(?: [A-Z][a-z]+){0,2})?)"
    rf" \((?P<network>{_NETWORKS})\){_AFTER_CREDIT}"
)
# A network's credit with no place before it: "(CNN) President Trump said ...".
_BARE_CREDIT = re.compile(rf"^\((?:{_NETWORKS})\){_AFTER_CREDIT}")
# Story kickers that look like an all-capital dateline but name no place.
_KICKERS = frozenset({"BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "ANALYSIS", "OPINION", "WATCH",
                      "LIVE", "EDITORIAL", "COMMENTARY", "CORRECTION", "FACT CHECK", "VIDEO", "PHOTOS"})
_FULL_STOP = re.compile(r"[.!?。！？][\"”’)」』]?\s*$")  # a sentence ends here, not just a bracket
_SENTENCE_END = re.compile(r"[.!?\"”’)。！？」』]\s*$")
# Agencies and state media whose names mark where a report or a photo came from.
AGENCIES = (
    "Yonhap", "Rodong Sinmun", "Rodong Shinmun", "Korean Central News Agency", "KCNA",
    "Korean Central Television", "Xinhua", "Reuters", "AFP", "Agence France-Presse",
    "Associated Press", "AP", "TASS", "RIA Novosti", "Interfax", "Kyodo", "Anadolu", "IRNA",
    "EFE", "ANSA", "dpa", "Bernama", "Antara", "PTI", "VNA", "Prensa Latina", "KPL",
)
_AGENCY_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in AGENCIES) + r")(?![\w-])")


@dataclass
class CleanText:
    text: str
    title: str | None = None
    byline: str | None = None
    attributions: list[str] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (reason, line)
    dateline: str | None = None  # the place of a wire dateline, e.g. "PYONGYANG"
    published: date | None = None  # the date of a wire dateline


def _script_share(line: str) -> float:
    """Share of letters that are Latin, so a CJK navigation word can be told from English text."""
    letters = [c for c in line if c.isalpha()]
    if not letters:
        return 0.0
    latin = sum(1 for c in letters if c <= "\u024f" or "LATIN" in unicodedata.name(c, ""))
    return latin / len(letters)


def _mostly_latin(lines: list[str]) -> bool:
    """Whether most letters of the text are Latin (then short non-Latin lines are page furniture)."""
    sample = "".join(lines)[:20000]
    return _script_share(sample) >= 0.5


def _untagged(line: str) -> str:
    return _BRACKETED_NAME.sub(r"\1", _TICKER.sub("", _TAG.sub("", line)))


def _key(line: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", "", line.lower()).split())


def clean_text(raw: str, detect_title: bool = True, web: bool = False) -> CleanText:
    result = CleanText(text="")
    kept: list[str] = []
    seen: set[str] = set()
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if not web:
        raw = unwrap(raw)
    lines = [" ".join(html.unescape(_untagged(original)).split()) for original in raw.split("\n")]
    lines = [line for line in lines if line]
    latin = _mostly_latin(lines)
    for line in lines:
        line = _without_hover_cards(line, result)
        line = _without_photo_credit(line, result)
        line = _READ_MORE_AFTER_SENTENCE.sub("", line)  # "... miles away. Read more": the link, not the text
        reason = _drop_reason(line, seen, result, web, latin)
        if reason:
            result.dropped.append((reason, line))
            continue
        seen.add(_key(line))
        kept.append(line)
    if detect_title and kept and result.title is None and _looks_like_title(kept[0]) and len(kept) > 1:
        result.title = kept.pop(0)
    for match in _AGENCY_RE.finditer("\n\n".join(kept)):  # before the dateline's "(Reuters)" goes
        if match.group(1) not in result.attributions:
            result.attributions.append(match.group(1))
    for i, paragraph in enumerate(kept[:3]):
        found = _parse_dateline(paragraph)
        if found:
            result.dateline, result.published, kept[i] = found
            break
        credit = _BARE_CREDIT.match(paragraph)
        if credit:  # "(CNN) Aerial bombardments ...": the network is no subject of the first sentence
            kept[i] = paragraph[credit.end():]
            break
    result.text = "\n\n".join(kept)
    return result


def unwrap(raw: str) -> str:
    """Join the lines of hard-wrapped text into paragraphs. Wire archives and mail wrap lines at
    60-80 characters ("Moi pressed the U.S.\nto ease ..."); read line by line, every sentence that
    crosses a line break would be cut in two. Text is taken as wrapped when nearly all its lines
    are of one width and a good share of them stop in mid-sentence; then a blank line, an indented
    line or a short line that ends a sentence ends a paragraph. Other text is returned as it is."""
    lines = raw.split("\n")
    body = [line.rstrip() for line in lines if line.strip()]
    if len(body) < 4:
        return raw
    lengths = sorted(len(line) for line in body)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not 40 <= width <= 100 or lengths[-1] > width + 20:
        return raw  # a paragraph per line (web copies), or lines of any length
    # a wrapped line stops in mid-sentence and the next goes on in lower case ("will continue\nto")
    continued = sum(1 for line, nxt in zip(body, body[1:], strict=False)
                    if not _SENTENCE_END.search(line) and nxt.lstrip()[:1].islower())
    if continued < 0.25 * len(body):
        return raw
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        stripped = line.strip()
        if current and (not stripped or line[:1] in (" ", "\t")):
            paragraphs.append(" ".join(current))
            current = []
        if not stripped:
            continue
        current.append(stripped)
        if len(line.rstrip()) < 0.6 * width and _FULL_STOP.search(stripped):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def _parse_dateline(paragraph: str) -> tuple[str, date | None, str] | None:
    match = _DATELINE.match(paragraph)
    if not match:
        return _parse_undated_dateline(paragraph)
    month = _MONTHS.get(match.group("month")[:3].lower())
    if month is None:
        return None  # "PARIS, Texas --" is no date
    when = None  # "SEOUL, May 16 (Yonhap) --": the day without its year; the article's date says which
    if match.group("year"):
        try:
            when = date(int(match.group("year")), month, int(match.group("day")))
        except ValueError:
            return None
    rest = paragraph[match.end():]
    return match.group("place").strip(), when, rest[:1].upper() + rest[1:]


def _parse_undated_dateline(paragraph: str) -> tuple[str, None, str] | None:
    match = _UNDATED_DATELINE.match(paragraph)
    if not match:
        return None
    place = (match.group("place") or match.group("mixed")).strip()
    if place.upper() in _KICKERS:
        return None
    rest = paragraph[match.end():]
    return place, None, rest[:1].upper() + rest[1:]


def _without_hover_cards(line: str, result: CleanText) -> str:
    def drop(match: re.Match[str]) -> str:
        result.dropped.append(("hover-card", match.group("card").strip()))
        return match.group("name")
    if "MORE" not in line:
        return line
    return _SPACED_HOVER_CARD.sub(drop, _HOVER_CARD.sub(drop, line))


def _without_photo_credit(line: str, result: CleanText) -> str:
    match = _PHOTO_CREDIT.search(line) if "|" in line else None
    if match is None:
        return line
    rest = match.group("rest")
    if len(rest.split()) > _TEASER_WORDS:
        result.dropped.append(("photo-credit", line[match.start(): match.start("rest")].strip()))
        return line[: match.start()].rstrip() + rest
    result.dropped.append(("photo-credit", match.group(0).strip()))
    return line[: match.start()].rstrip()


def _looks_like_title(line: str) -> bool:
    return 3 <= len(line.split()) <= 20 and not _SENTENCE_END.search(line)


def _drop_reason(line: str, seen: set[str], result: CleanText, web: bool, latin: bool) -> str | None:
    words = line.split()
    if _PREV_NEXT.search(line):
        return "previous-next"
    if _FOOTER.search(line) and len(words) < 40:
        return "footer"
    if _key(line) in seen and (len(words) >= 3 or len(line) >= 15):
        return "duplicate"
    byline = _BYLINE.match(line)
    if byline and result.byline is None:
        result.byline = byline.group(1)
        return "byline"
    if _CAPTION.search(line) and len(words) < 80:
        return "caption"
    if _VIDEO.search(line):
        return "caption"
    galleries = len(_GALLERY.findall(line))
    if galleries >= 2 or (galleries and line.lstrip().lower().startswith("photos:")):
        return "caption"
    if _CREDIT.search(line) and len(words) < 40:
        return "credit"
    if (_RELATED_LINK.search(line) or _LINK_LABEL.match(line)) and len(words) <= 40:
        return "related-link"
    if web:
        return None
    if latin and _script_share(line) < 0.5 and len(line) < 40:
        return "navigation"
    if len(words) <= 2 and len(line) < 25 and not _SENTENCE_END.search(line):
        return "navigation"
    return None
