"""Resolve the noun phrases of a parsed article to CAMEO actor codes (with PLOVER sectors).

`ActorResolver.for_doc(doc, when)` finds every gazetteer name in a spaCy `Doc` once (one
PhraseMatcher pass), then walks the article's noun phrases in reading order so that people and
states are remembered where they are first introduced, even in an apposition or a clause that
is never coded. `DocActors.resolve(token)` then turns the noun phrase headed by `token` into zero
or more actors:

- names, adjectives, capitals and informal names of countries ("Pyongyang", "the North");
- titles and roles with a nationality ("Cuban President Miguel Diaz-Canel", "Kenyan police");
- people the package knows, with their office on the article's date ("the North Korean leader"
  is Kim Jong-il in 2010 and Kim Jong-un in 2021);
- international bodies and named groups;
- coreference to what the article said before: surnames ("Kim"), titles ("the Cuban leader"),
  "the regime", pronouns ("he", "its") and pairs ("both countries", "the two leaders").

A phrase with no country or group evidence resolves to nothing: unknown names never become a
country by accident.
"""

from __future__ import annotations

import dataclasses
import heapq
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..models import Mention
from ..nlp import ACT_NOUNS, entity_at, plain_lemma, titles_name, when_it_comes_to
from .gazetteer import COUNTRY_KINDS, Entry, Gazetteer, load_gazetteer
from .party_tags import has_us_party_tag
from .people import FAMILY_NAME_FIRST, OFFICE_RANK, Person, Term, fold, unaccent

# Children whose subtrees are not part of the actor's own noun phrase.
_OUTSIDE_NP = {"relcl", "acl", "advcl", "appos", "conj", "cc", "punct", "prep", "parataxis", "ccomp", "det"}
_NP_PREPOSITIONS = {"of", "from", "for", "at", "with"}
_PLACE_PREPOSITIONS = {"in", "across", "inside", "within", "throughout", "based"}
_WHERE_PREPOSITIONS = _PLACE_PREPOSITIONS | {"at", "near", "to"}  # "met in Baghdad", "talks at the UN"
_MAX_ROLE_WORDS = 6
_CLAUSES_IN_A_PHRASE = {"relcl", "acl", "advcl", "ccomp", "pcomp"}
_STAFF = {"office", "spokesman", "spokeswoman", "spokesperson", "aide", "staff", "staffer", "adviser", "advisor"}
_SAYS_WHOSE = {"work", "serve", "blame", "link", "tie", "back", "support", "affiliate", "associate", "connect",
               "belong", "represent", "ally", "align", "sponsor", "fund", "control", "own", "run", "lead", "employ",
               "attach", "loyal", "base", "arm", "train", "direct", "command", "claim"}
_FORMER = {"former", "ex", "retired", "ousted", "exiled", "deposed", "late"}
_CALENDAR_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                   "yesterday", "tonight", "january", "february", "march", "april", "june", "july", "august",
                   "september", "october", "november", "december"}
_HEAD_POS = {"NOUN", "PROPN", "PRON"}
_NOT_HEAD_DEPS = {"compound", "amod", "nmod", "det", "nummod", "quantmod", "punct"}
_PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
_PRONOUN_GENDERS = {"he": "male", "him": "male", "his": "male", "himself": "male",
                    "she": "female", "her": "female", "hers": "female", "herself": "female"}
_THING_PRONOUNS = {"it", "its", "itself"}
_PLURAL_PRONOUNS = {"they", "them", "their", "themselves"}
_REFLEXIVE_PRONOUNS = {"itself", "himself", "herself", "themselves"}
_OBJECT_PRONOUNS = {"him", "her", "it", "them"}
_LEADER_OFFICES = {"leader", "supreme_leader", "president", "prime_minister", "chancellor", "monarch",
                   "general_secretary", "head_of_state", "head_of_government"}
_GENERIC_LEADER = {"leader", "head_of_state", "head_of_government"}
_LEADER_WORDS = {"leader", "leadership"}  # whose leaders they are, a role word before them says
_US_CONGRESS_TITLES = {"sen.", "sens.", "rep.", "reps.", "congressman", "congresswoman", "congressmen", "congresswomen"}
# military aircraft named by model: "F-16s", "B-52", "MiG-29s", "Su-24", "MQ-9", "J-20"
_AIRCRAFT_MODEL = re.compile(r"(?:F|FA|F/A|B|A|AC|C|KC|E|EA|EC|MQ|RQ|AH|UH|CH|MH|MiG|Su|Tu|Mi|Ka|Yak|J|JF|H)"
                             r"-\d{1,3}[A-Z]?s?$")
_DIPLOMATIC_WORDS = {"embassy", "embassies", "ambassador", "ambassadors", "diplomat", "diplomats"}
_MINISTRY_FIELDS = {"foreign", "defence", "defense"}
_MINISTRY_WORDS = {"ministry", "minister", "ministers", "office", "affairs", "department", "secretary"}
# executive titles that a party tag does not make a member of Congress: "Gov. Chris Christie (R-N.J.)"
_EXECUTIVE_TITLES = {"gov.", "governor", "secretary", "mayor", "attorney"}
_PAIR_MARKERS = {"both", "two"}
# clauses of time whose "he" is the main clause's subject (not "because": "criticized Putin because he ...")
_SUBJECT_KEEPING_MARKS = {"as", "while", "whilst", "before", "after", "until", "once"}
# Nouns that, owned by a pronoun, name the owner's own state ("its allies" are other states).
_OWN_STATE = {"country", "nation", "state", "homeland", "motherland", "fatherland"}
_STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", None}
# "Lawmakers", "the court", "police" with no state in their phrase are the article's state when it
# names one state this much more than all others together (share of its country, capital, demonym
# and people names). Measured by hand on 180 such actors in real news: about 95% right for these
# sectors at these shares, but not for "the military", "rebels", "protesters" or "experts" (50-85%),
# who are as often foreigners, victims or no state at all. The military (at 0.7) and intelligence
# (at 0.5) were added later, after a paired judgement of AllSides news: of about 50 sentences where
# a military, intelligence, government or rebel actor gained a state, 5 gained the wrong one (AQAP's
# "soldiers" in a story about France, a Nigerian soldier in an American one); the 18 events it made
# right outweighed them. The opposition was tried at 0.5 and left out: in American news it is as often
# Syria's or Venezuela's ("the United States watched as Assad slaughtered the opposition").
# Citizens, parties, unions, experts and unknown attackers were added at 0.8 after an audit of AllSides
# news: on five slices about 55 actors gained a state and about 4 the wrong one (Libyans "who helped the
# U.S." in a story about Benghazi); hostages, refugees and the like keep none (_OFTEN_FOREIGN).
# Rebels and former officials were added at 0.8 after the AllSides 300-499 audit: on seven slices 17
# actors gained a state and 2 the wrong one (ISIS "fighters from the group" in a poll about Americans,
# "violent extremists" in a DHS statement about Europe).
_ARTICLE_STATE_SHARE = {"LEG": 0.5, "JUD": 0.5, "COP": 0.5, "SPY": 0.5, "GOV": 0.7, "MIL": 0.7,
                        "CVL": 0.8, "PTY": 0.8, "LAB": 0.8, "EDU": 0.8, "UAF": 0.8, "REB": 0.8, "ELI": 0.8}
_ARTICLE_STATE_NAMES = 3  # a sentence that names one state once is no article about it
_PLACED_SECTORS = {"COP", "JUD", "LEG", "CVL", "REB", "UAF", "CRM", "MED"}
# Bodies of no one state, and rebels, who a reporter in a capital writes about elsewhere: not the dateline's
_NO_HOME_SECTORS = {"IGO", "NGO", "IMG", "MNC", "UNK", "REB", "REF"}
# People who are where the story is filed but often from elsewhere: not the dateline's either
_OFTEN_FOREIGN = {"hostage", "captive", "victim", "tourist", "refugee", "migrant", "passenger", "prisoner",
                  "detainee", "visitor", "foreigner", "expatriate", "asylum", "seeker", "pilgrim"}
_MINISTRY_WORDS = {"ministry", "department"}
_COMPANY_WORDS = {"company", "firm", "corporation"}
_COMPANY_HEADS = _COMPANY_WORDS | {"bank"}  # "Sumitomo Bank president": an officer of a business
# (sector of the role word, head) of those who act for whoever an "of", "for" or "from" phrase names
_SENT = {("LEG", "representative"), (None, "committee")}
# What a company has as a state does: "its Aerospace Division", "the president of Acme Corp".
_COMPANY_PARTS = {"division", "unit", "office", "branch", "arm", "department", "board", "committee", "council",
                  "president", "chairman", "director", "executive", "official", "officer", "spokesman",
                  "spokeswoman", "head", "chief", "representative", "parent", "owner"}
_FOREIGN_OFFICES = {"ministry", "minister", "office", "secretary", "affairs", "service"}
_LEGAL_FORMS = {"inc", "corp", "co", "cos", "ltd", "plc", "llc", "gmbh", "bhd"}  # not "AG": the attorney general
_INSTITUTIONS_AT_LARGE = {"press", "media", "public", "people", "market", "industry"}  # "the press" is not the AP
_PLACES_IN_A_STATE = ("city", "capital", "region")
_VENUES = {"meeting", "talk", "summit", "conference", "negotiation", "session", "forum", "ceremony"}
ANCESTRY_NOUNS = {"descent", "origin", "heritage", "ancestry", "extraction", "parentage"}
# How a state was guessed for an actor from the whole article, not its sentence: a guess that is
# not repeated for a later actor
_GUESSED_KINDS = ("article", "dateline")
_STATE_NAMES = ("country", "capital", "city", "region", "informal")  # "Russia", "Moscow", "the North"
# How far back (in tokens, some ten sentences) "the rebels" finds the "Syrian rebels" it repeats
_SAME_ROLE_REACH = 300
_UNKNOWN_WHO = {"unidentified", "unknown", "mystery", "unmarked", "allied", "coalition", "multinational", "joint"}
_MEETING_PEERS = {"minister", "leader", "president", "premier", "envoy", "delegate", "delegation", "negotiator",
                  "ambassador", "diplomat", "head"}
_LOCAL_CIVILIANS = {"protester", "demonstrator", "crowd", "rioter", "resident", "villager", "marcher", "people", "civilian",
                    "person", "worshipper", "shopper", "bystander", "passerby"}
_PLACE_KINDS = {"country", "capital", "city", "region"}
_LOCATIVE_PREPS = {"in", "across", "throughout", "inside"}
_SPATIAL_PREPS = {"outside", "at", "near", "inside", "in", "beside", "behind", "opposite", "around"}
# "in Ghor province", "in the town of": a place name before one of these is the place itself
_PLACE_HEADS = {"province", "region", "state", "governorate", "district", "county", "prefecture", "oblast",
                "territory", "city", "town", "village", "area"}
_CLAUSE_DEPS = {"ccomp", "xcomp", "pcomp", "acl", "relcl", "advcl", "csubj"}
_EXAMPLE_WORDS = {"including", "like", "such"}
_PLAIN_PERSON_NOUNS = {"man", "woman"}  # "the man" is seldom the office holder the article named
_SURNAME_LEAD = timedelta(days=365)  # a bare surname may name someone this long before their first office
_SURNAME_AFTER = timedelta(days=12 * 365)  # and this long after their last, unless they led a state
# roles of people who serve a state's leader, so that a surname after them is not the leader's
_SERVING_ROLES = {"negotiator", "envoy", "diplomat", "deputy", "aide", "adviser", "advisor", "spokesman",
                  "spokeswoman", "spokesperson", "official", "delegate", "ambassador", "emissary", "interpreter",
                  "bodyguard", "secretary", "staffer", "representative"}
_HEAD_OFFICES = {"president", "prime_minister", "chancellor", "monarch", "supreme_leader", "general_secretary"}
_TITLE_ABBREVIATIONS = frozenset({"sen", "rep", "gov", "gen", "lt", "col", "adm", "maj", "capt", "sgt", "pres", "amb",
                                   "sec", "atty"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "sir", "dame", "lord", "lady", "madam", "madame", "dr", "prof"})
# Words for the other side of a relation: "its creditor banks" are not its banks.
_OTHER_PARTIES = {"creditor", "lender", "rival", "competitor", "adversary", "enemy", "foe", "neighbour", "neighbor"}
_NOT_ONE_STATE = {"world", "foreign", "international", "global", "other", "western", "overseas", "regional", "creditor",
                  "local", "state", "european", "arab", "african", "asian", "latin", "gulf", "nordic", "baltic",
                  "balkan"}
# Peoples and faiths of no one state: "Kurdish forces" in an American story are not American, though
# "Kurdish forces in Iraq" are Iraq's
_STATELESS_PEOPLES = {"kurdish", "yazidi", "shiite", "shia", "sunni", "druze", "tamil", "uighur", "uyghur", "baloch",
                      "baluch", "pashtun", "rohingya", "tribal", "tuareg", "hazara", "alawite", "houthi"}
# Heads that stand for the people of their "of" phrase: "dozens of peacekeepers", "members of parliament".
_COLLECTIVE = {"member", "group", "dozen", "hundred", "thousand", "million", "number", "some", "many", "most", "all",
               "several", "majority", "minority", "band", "team", "unit", "contingent", "handful", "score", "couple",
               "pair", "one", "none", "few", "each", "any", "both", "rest", "part", "batch", "wave", "crowd", "head"}
_TEXT_WORD = re.compile(r"[^\W\d][\w'’.-]*")  # words of a text not parsed, for titles before names
_NOT_NOW = _FORMER | {"then", "onetime", "erstwhile", "previous", "past"}  # titles of offices no longer held
_STANCE_WORDS = {"radical", "extremist", "fundamentalist", "islamist", "militant", "hardline", "hardliner"}
_RANKS = {"colonel", "col.", "general", "gen.", "admiral", "adm.", "marshal", "brigadier", "major", "captain",
          "lieutenant", "commander"}
_PATRON_WORDS = {"backed", "linked", "allied", "affiliated", "sponsored", "supported", "funded", "aligned",
                 "inspired", "trained", "armed", "leaning", "friendly", "oriented", "loyal",
                 "made", "built", "manufactured", "supplied", "designed", "produced"}  # a maker is not the user
# What "both sides of ..." may divide that is not a pair of states
_DIVIDES = {"spectrum", "aisle", "debate", "argument", "issue", "divide", "fence", "equation", "ledger", "story",
            "coin", "question", "controversy", "dispute", "house", "chamber", "party", "movement", "camp"}
_ARMED_NON_STATE = {"REB", "PRM", "UAF", "INS"}
_TITLE_SUFFIXES = {"-elect", "elect", "-designate", "designate"}  # "President-elect", "Prime Minister-designate"
# Those who speak for a state at an international body ("the Palestinian U.N. *observer*")
_ENVOYS = {"ambassador", "envoy", "observer", "representative", "mission", "delegation", "delegate", "diplomat",
           "negotiator", "emissary", "consul"}
# "the *Saudi*-led coalition", "the *Democrat*-controlled House": who leads a body, not the body
_LEADING_WORDS = {"led", "controlled", "dominated", "run", "headed", "commanded", "ruled"}
# Bodies whose head word names no role, and the sector they have when a state or a party leads them
_LED_BY_A_STATE = {"coalition": "MIL", "alliance": "MIL", "mission": "MIL", "intervention": "MIL"}
_LED_BY_A_PARTY = {"coalition": "GOV", "house": "LEG", "chamber": "LEG"}


@dataclass
class _Seen:
    """An actor the article has named, and where: the memory behind coreference."""

    i: int  # token index of the phrase head
    mention: Mention
    verb: int  # index of the verb governing the phrase (-1: none)
    person: bool
    office: str | None = None
    group: int = 0  # phrases naming several actors share a group number
    gender: str | None = None  # "female"/"male" when a given name, honorific or pronoun tells


@dataclass
class _Unknown:
    """A person the article names whom no file knows and nothing around the name places: a "he"
    or "she" after it may be this person, so it binds to no one rather than to someone older."""

    i: int  # token index of the name's last word
    surname: str
    verb: int
    gender: str | None = None


@dataclass
class DocActors:
    """Actor mentions of one article and what it has introduced so far."""

    doc: Doc
    gazetteer: Gazetteer
    by_token: dict[int, tuple[Span, Entry]]
    when: date | None = None  # the article's date, for titles whose holder changes over time
    _cache: dict[int, list[Mention]] = field(default_factory=dict)
    _history: list[_Seen] = field(default_factory=list)
    _unknown_people: list[_Unknown] = field(default_factory=list)
    _names: dict[str, list[tuple[int, frozenset[str], Mention, str | None]]] = field(default_factory=dict)
    _groups: int = 0
    _walked: bool = False
    _forms: dict[tuple[int, ...], list[str] | None] = field(default_factory=dict)  # see `_window_forms`
    state_names: Counter = field(default_factory=Counter)  # state -> how often the article names it
    common_words: frozenset[str] = frozenset()  # English dictionary words: "Director" is no given name
    dateline_country: str | None = None  # the state a wire story was filed from ("TOKYO, June 18 -")
    undated: bool = False  # `when` is only when the page was fetched: the article may be years older
    page_text: str = ""  # the whole article, of which `doc` may hold only the sentences worth parsing

    @property
    def day(self) -> date:
        return self.when or date.today()

    @cached_property
    def _aircraft(self) -> frozenset[int]:
        """Tokens naming a military aircraft by its model ("F-16s", "Su-24"): a role word, "military aircraft"."""
        return frozenset(t.i for t in self.doc if "-" in t.text and _AIRCRAFT_MODEL.match(t.text))

    def _other_namesake(self, surname: str, known: Person) -> bool:
        """Whether the article names in full someone else of the surname, and neither the person the
        files know by it (in any spelling) nor that person's state: then "Sanchez" alone is the
        captain "Alfredo Sanchez", not Spain's prime minister. Read from the whole text, of which the
        parse may hold only some sentences. "A man named Abe" is someone else, whatever else is named."""
        text = self.page_text or self.doc.text
        if re.search(r"\b(?:a|an|one)\s+(?:[a-z-]+\s+){0,3}(?:named|called)\s+" + re.escape(surname) + r"\b", text):
            return True
        if any(e.country_code == known.country and e.kind in COUNTRY_KINDS for _, e in self.by_token.values()):
            return False
        if any(fold(alias) in self._folded_text for alias in (known.name, *known.aliases)):
            return False
        return named_with_a_given_name(text, surname, self.common_words, self.gazetteer)

    @cached_property
    def _folded_text(self) -> str:
        return fold(self.page_text or self.doc.text)

    @property
    def people_day(self) -> date:
        """The day known people are coded as of: the article's, or on an undated page the day its
        titles tell (see `_titled_day`)."""
        return (self._titled_day or self.day) if self.undated else self.day

    def _called_former(self, person: Person) -> bool:
        """Whether the page says "former" before a title of an office the person held ("the former
        national security adviser" of a page about Bolton's book)."""
        offices = {t.office for t in person.terms}
        titles = [title for title, office in self.gazetteer.titles.items() if office in offices]
        text = self._folded_text
        return any(re.search(rf"\b(?:former|ex-)\s+(?:\w+\s+){{0,2}}{re.escape(title)}\b", text) for title in titles)

    @cached_property
    def _titled_day(self) -> date | None:
        """An undated page's day as its titles tell it. News gives people the title of the office
        they hold ("President Obama", "Prime Minister Theresa May") and says "former" of the others:
        the last day of the first period in which most of the known people the page names with the
        title of an office they held held it together (the first: a president re-elected years
        later, as Trump was, does not move a page about his first term to his second). Of the days the
        titles allow, one that keeps in office the people the page names without a title, counted by
        how often it names them (a page about Trump that recalls Peres once is not dated to Peres's
        last year). Read from the whole text, not only the sentences parsed. None when it titles no
        one the files know."""
        words = _TEXT_WORD.findall(self.page_text or self.doc.text)
        spans: list[tuple[date, date]] = []
        untitled: dict[str, list[tuple[date, date]]] = {}  # "Mr Trump", "Donald Trump": named, no office title
        decided: set[str] = set()
        named_times: Counter[str] = Counter()
        for i, word in enumerate(words):
            name = word.rstrip(".-").removesuffix("'s").removesuffix("’s")
            people = self.gazetteer.people_by_surname(name) if i > 0 and name[:1].isupper() else []
            if not people:
                continue
            office, given = _title_before(words, i, self.gazetteer.titles)
            if office is None or office in _GENERIC_LEADER:
                named = _named_without_title(words[i - 1], people)
                if named is None or named.name in decided:
                    named_times.update(p.name for p in people if p.name in decided)  # "Trump" after "Mr. Trump"
                    continue
                decided.add(named.name)
                named_times[named.name] += 1
                if not self._called_former(named):
                    untitled[named.name] = [(t.start, min(t.end or self.day, self.day)) for t in named.terms
                                            if t.start <= self.day and t.sector not in ("PTY", "BUS")]  # no campaign or company
                continue
            held = [p for p in people if (given is None or fold(p.name).startswith(fold(given)))
                    and any(_same_office(t.office, office) for t in p.terms)]
            if len(held) == 1:
                spans.extend((t.start, min(t.end or self.day, self.day)) for t in held[0].terms
                             if _same_office(t.office, office) and t.start <= self.day)
        if not spans:
            # no one titled: the people named without "former" are taken to be in office, each in the
            # last office the files know ("Mrs May ... Mr Corbyn" of an undated page: the last day May
            # led while Corbyn led the opposition, not the crawl day, when both were out)
            spans = [max(terms) for terms in untitled.values() if terms]
            if len(spans) < 2:
                return None

        def last_days(periods: list[tuple[date, date]]) -> set[date]:
            return {end - timedelta(days=1) if end < self.day else end for _, end in periods}

        def held_on(day: date) -> int:
            return sum(start <= day <= end for start, end in spans)

        def in_office(day: date) -> int:
            return sum(named_times[name] for name, terms in untitled.items()
                       if any(start <= day <= end for start, end in terms))
        most = max(held_on(day) for day in last_days(spans))
        # Of the days the titles allow, one that also keeps in office the people the page names
        # without a title ("Mr Trump" on a page that titles only President Moon)
        days = [day for day in last_days(spans) | last_days([t for ts in untitled.values() for t in ts])
                if held_on(day) == most]
        best = max(in_office(day) for day in days)
        return min(day for day in days if in_office(day) == best)

    @cached_property
    def _international_names(self) -> int:
        """How often the article names international bodies (the EC, the IMF, the UN)."""
        return sum(1 for span, entry in _named_spans(self.by_token) if entry.kind == "group" and entry.plover_country)

    @cached_property
    def main_state(self) -> tuple[str, float] | None:
        """The state the article names most, and its share of the article's state names."""
        total = sum(self.state_names.values())
        if total < _ARTICLE_STATE_NAMES:
            return None
        country, count = self.state_names.most_common(1)[0]
        return country, count / total

    @property
    def mentions(self) -> list[Mention]:
        """Every actor mention of the article, in text order."""
        self.introduce_people()
        unique: dict[tuple[int, str], Mention] = {}
        for mentions in self._cache.values():
            for m in mentions:
                unique.setdefault((m.start, m.code), m)
        return sorted(unique.values(), key=lambda m: (m.start, m.code))

    def resolve(self, token: Token, allow_roleless: bool = True, unknown_roles: bool = False) -> list[Mention]:
        """Actors named by the noun phrase headed by `token` (with its conjuncts).

        Actors with a role but no country or group ("rebels", "lawmakers", "the police") are
        actors as in CAMEO (code = the role, `country_code` None); `allow_roleless=False` leaves
        them out. `unknown_roles` also gives people of no known role ("two men": sector UNK,
        code ""), which name no actor to code."""
        self.introduce_people()
        actors: list[Mention] = []
        for head in [token, *[t for t in token.conjuncts if t.i > token.i]]:
            if head is not token and token.dep_ == "nmod" and token.ent_type_ == "PERSON" \
                    and head.lemma_.lower() in self.gazetteer.titles and titles_name(head, token.head):
                continue  # "President Trump and President Xi (Jinping)" misparsed: the second title is Xi's
            if head.i in self._cache and not (unknown_roles and not self._cache[head.i]):
                actors.extend(self._cache[head.i])
            else:
                actors.extend(self._resolve_head(head, unknown_roles))
        unique: dict[tuple, Mention] = {}
        for actor in actors:
            if allow_roleless or not actor.role_only:
                unique.setdefault((actor.code, actor.start), actor)
        return list(unique.values())

    def introduce_people(self) -> None:
        """Walk the article's noun phrases in order once, remembering every actor it names, so
        that "Kim", "the Cuban leader" or "he" later on resolve to who was introduced."""
        if self._walked:
            return
        self._walked = True
        for tok in self.doc:
            if tok.pos_ not in _HEAD_POS or tok.dep_ in _NOT_HEAD_DEPS or not (
                    tok.is_alpha or tok.pos_ == "PRON" or tok.i in self.by_token):  # "U.S." is a name
                continue
            if tok.dep_ == "poss" and tok.pos_ == "PRON" and tok.lower_ not in _THING_PRONOUNS | _PERSON_PRONOUNS:
                continue
            mentions = self._resolve_head(tok)
            self._cache[tok.i] = mentions
            self._note(tok, mentions)
            if not mentions and tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN":
                self._unknown_people.append(_Unknown(tok.i, tok.text, _governing_verb(tok), self._unknown_gender(tok)))

    # --- one noun phrase ---------------------------------------------------------------------

    def _resolve_head(self, head: Token, unknown_roles: bool = False) -> list[Mention]:
        if head.pos_ == "PRON" or head.lower_ in _PERSON_PRONOUNS | _THING_PRONOUNS | _PLURAL_PRONOUNS:
            return self._pronoun(head)
        if head.lemma_.lower() in ANCESTRY_NOUNS:
            return []  # "of Mexican descent" says where someone's family is from, and names no actor
        tokens, places = self._np_tokens(head)
        extent = self.doc[tokens[0].i : tokens[-1].i + 1]
        form = _legal_form_after_and(head)
        if form is not None:  # "Mitsui and Co Ltd", "Procter and Gamble Co": one company
            whole = self.doc[extent.start : form.i + 1]
            return self._company(list(whole), whole, places)
        if head.dep_ == "conj" and _legal_form_after_and(head.head) == head:
            return []  # the "Co Ltd" of "Mitsui and Co Ltd" is a part of the name, not another company
        own = self.by_token.get(head.i)
        if own is not None and own[1].kind == "blocked":
            return []
        if own is not None and own[1].kind == "person":
            span = own[0]
            outside = [t for t in tokens if not span.start <= t.i < span.end]
            body = self._body_of_office(outside, own[1])
            if body is not None and not self._former(tokens):
                return [self._body_person_mention(body, own[1], extent)]
            stated, rank = self._role(outside, head)
            held = self.gazetteer.people[own[1].person].office_on(self.people_day) if rank is not None else None
            if held is not None and (rank.lemma_.lower() in _RANKS or _names_office(rank, held.office)
                                     or (rank.lemma_.lower() == "leader" and stated != "OPP"
                                         and (held.office in ("party_leader", "opposition_leader") or stated == "PTY"))):
                # "Colonel Qaddafi", "Gen. Mattis" as defence secretary: the office, not the rank;
                # Hong Kong's "Chief Executive Leung" is its government, not a company's; "Liberal
                # Democrat leader Vince Cable" leads a party, not the state; "Labor leader Isaac Herzog" leads
                # the opposition, and "Labour leader Keir Starmer" as prime minister the state ("Opposition
                # New Democrat leader Jagmeet Singh" is the opposition the text says he is)
                stated = None
            stated = stated or self._in_congress(self.gazetteer.people[own[1].person], span)
            acting_for = self._out_of_office_body(own[1], outside, head)
            if acting_for is not None:
                # "EC farm commissioner Frans Andriessen", "LDP executive council chairman Shintaro Abe":
                # out of the offices the files know, the person acts for the body the phrase names
                person = self.gazetteer.people[own[1].person]
                mention = _copy(self._group_mention(acting_for[0], acting_for[1], extent, stated),
                                name=person.name, kind="person")
                self._remember(person.name, mention, head.i, None, person)
                return [mention]
            mention = self._person_mention(own[1], extent, self._former(tokens), stated)
            written = _clean_name(span)
            if mention.name and _name_words(written) != _name_words(mention.name):
                # "Mohamed Morsy" is the files' "Mohamed Morsi": a later "Morsy" is the same person
                person = self.gazetteer.people[own[1].person]
                self._remember(written, mention, head.i, person.sector_on(self.day)[1], person)
            return [mention]
        sector, role_tok = self._role(tokens, head)
        if self._former(tokens) and sector in ("GOV", "MIL", "SPY", "COP", "JUD", "LEG", None):
            sector = "ELI" if sector or role_tok is not None else sector
        office = self._title(tokens, head)
        if _is_legal_form(head) and head.text[:1].isupper() and head.i not in self.by_token:
            return self._company(tokens, extent, places)
        if head.lemma_.lower() == "opposition" and _names_a_stance(head):
            return []  # "Reagan's opposition to a tax" is what he thinks, not an opposition party
        if sector not in (None, "BUS") and head.lemma_.lower() in _COMPANY_PARTS:
            business = self._business_owner(head)
            if business is not None:
                return [_moved(business, extent, kind="coreference")]
        if (sector, head.lemma_.lower()) in _SENT:
            # "representatives of the rebels" speak for the rebels, "the steering committee of its creditor
            # banks" for the banks; only a "Representative" with no one named behind the word sits in a legislature
            senders = self._senders(head)
            if senders is not None:
                return [_moved(m, extent, kind="coreference") for m in senders]
        if own is not None and own[1].kind == "group" and not _owned_by_another(
                own[1], self._countries_in([t for t in tokens if t.i < own[0].start])):
            return [self._group_mention(own[0], own[1], extent, sector)]
        if own is not None and own[1].kind in COUNTRY_KINDS:
            return [self._place_mention(own[1], extent)]

        if (head.like_num or head.lemma_.lower() in _COLLECTIVE) and (role_tok is None or role_tok.i > head.i):
            # "thousands of Iraqi Kurds", "dozens of peacekeepers": the people counted
            counted = _of_objects(head)
            found = [m for p in counted for m in self._resolve_head(p, unknown_roles)]
            if found:
                return [_moved(m, extent, kind=m.kind) for m in found]
        person = self._person_span(tokens, head)
        entries = self._entries(tokens, head, person)
        if person is not None:
            return self._named_person(person, entries, sector, office, extent, head)
        if entries and head.lemma_.lower() in _ENVOYS:
            owner = next((c for c in head.children if c.dep_ == "poss" and c.i < entries[0][0].start), None)
            owners = [m for m in self.resolve(owner) if m.country_code] if owner is not None else []
            if owners:  # "Trump's Syria envoy": the owner's envoy to Syria
                return [self._of_state(owners[0].country_code, extent, sector or "GOV", kind="coreference")]
        if entries:
            return self._with_entries(entries, sector, office, extent, head, tokens)
        led = self._led_body(tokens, head, extent, sector, office)
        if led:
            return led
        if sector is not None and places:
            # "its embassy in London", "their troops in Syria": the owner's, placed where it stands
            owned = self._owned_role(head, sector, extent)
            if owned:
                return owned
            place_entries = self._entries(places, head, None)
            if place_entries:
                return self._with_entries(place_entries, sector, office, extent, head, tokens)
        led = self._led_by(head, extent, sector)
        if led is not None:
            return led
        named = self._named_body(head, extent)
        if named:
            return named
        generic = self._generic(head, tokens, extent, office)
        if generic:
            return generic
        if role_tok is not None and role_tok.i > head.i and not (head.like_num or head.lemma_.lower() in _COLLECTIVE):
            return []  # "the deployment of a force" is not the force; "dozens of peacekeepers" are peacekeepers
        owned = self._owned_role(head, sector, extent)
        if owned:
            return owned
        if generic is None and self.gazetteer.generic.get(head.lemma_.lower()) == "country":
            return []  # "friendly countries", "other nations", "governments": no particular state
        sole = self.gazetteer.sole_offices.get(office or "")
        if sole is not None and all(t.pos_ == "DET" or t.lemma_.lower() in self.gazetteer.titles for t in tokens):
            # "the Pope": the Holy See's, whatever state the article is about ("the Coptic pope" is not)
            return self._with_entries([(extent, Entry(sole, sole, "country"))], sector, office, extent, head, tokens)
        shared = self._first_conjuncts_state(head) if sector is not None else None
        if shared is not None:
            return [self._of_state(shared, extent, sector, kind="role")]
        if role_tok is not None and self._only_as_head(role_tok):
            return []  # "the missile hit": a weapon no state is named with is no actor
        apposed = self._apposed_known(head) if sector is not None else None
        if apposed is not None:
            return [_moved(apposed, extent, kind="person")]
        if generic is None or sector is not None:
            # "the government" with no state named before it is still a government
            return self._placed_in_sentence(sector, extent) or self._administrations(sector, extent) \
                or self._named_before(sector, extent) or self._in_main_state(sector, extent) \
                or self._at_dateline(sector, extent) or self._role_only(sector, extent, unknown=unknown_roles)
        return []

    def _first_conjuncts_state(self, head: Token) -> str | None:
        """"Iranian police and security forces": a nationality before the first of two joined role
        words is the second's too, when the second has no modifier of its own; "Kerry, Hagel, Dempsey
        and other top officials": the others are of the one state all the people before them are of."""
        if head.dep_ == "conj" and any(c.lower_ == "other" and c.dep_ == "amod" for c in head.children):
            before = [t for t in head.head.conjuncts + (head.head,) if t.i < head.i]
            states = {m.country_code for t in before for m in self._cache.get(t.i, [])}
            if len(before) >= 2 and len(states) == 1 and None not in states \
                    and all(self._cache.get(t.i) for t in before):
                return states.pop()
            return None
        if head.dep_ != "conj" or any(c.dep_ in ("amod", "poss", "det", "nummod") or c.i in self.by_token
                                      for c in head.children if c.i < head.i):
            return None
        first = head.head
        for child in first.children:
            hit = self.by_token.get(child.i)
            if child.i < first.i and child.dep_ in ("amod", "compound") and hit is not None \
                    and hit[1].kind in ("demonym", "country"):
                return hit[1].country_code
        return None

    def _placed_in_sentence(self, sector: str | None, extent: Span) -> list[Mention]:
        """"In Sao Paulo, police used tear gas", "rebels in eastern Ukraine": police, courts,
        lawmakers, protesters, rebels, gunmen, gangs and doctors with no state in their phrase are of
        the one state the sentence places its action in. Not the military, so often abroad, nor
        victims or tourists."""
        if sector not in _PLACED_SECTORS or _of_no_one_state(extent):
            return []
        if sector == "CVL" and extent.root.lemma_.lower() not in _LOCAL_CIVILIANS:
            return []  # victims, tourists and hostages of a place are often foreigners
        own = {t.i for t in extent.root.subtree}
        above = {a.i for a in extent.root.ancestors}
        states = set()
        for tok in extent.sent:
            hit = self.by_token.get(tok.i)
            if hit is None or hit[1].kind not in _PLACE_KINDS or hit[0].start != tok.i:
                continue
            place = hit[0].root
            if place.dep_ == "compound" and place.head.lemma_.lower() in _PLACE_HEADS:
                place = place.head
            while place.dep_ == "conj":
                place = place.head
            if place.dep_ == "pobj" and place.head.lower_ in _LOCATIVE_PREPS and hit[1].country_code \
                    and self._places_the_clause(place.head, own, above):
                states.add(hit[1].country_code)
        if len(states) != 1:
            return []
        country = states.pop()
        return [self._of_state(country, extent, sector, kind="place")]

    def _places_the_clause(self, prep: Token, own: set[int], above: set[int]) -> bool:
        """Whether "in X" says where the actor acts, not where something else the sentence tells of
        is: not inside another clause ("concern about ISIS gaining ground *in Afghanistan*"), a list
        of examples ("including *in the UK*") or the phrase of another person ("Jim Muir *in
        Beirut*"); inside the actor's own phrase ("protesters who burned cars *in Paris*") it is."""
        holder = prep.head
        if holder.lemma_.lower() in _VENUES and holder.i not in own:
            return False  # "agreed to peace talks at a meeting in Belarus": where they met, not whose they are
        building = holder.dep_ == "pobj" and holder.head.lower_ in _SPATIAL_PREPS and holder.ent_type_ != "PERSON"
        if (holder.i in self.by_token or holder.ent_type_ == "PERSON" or holder.lemma_.lower() in self.gazetteer.roles) \
                and not building:  # "outside a mosque in Quetta": the mosque is where, not who
            return holder.i in own
        for up in prep.ancestors:
            if up.i in own or up.i in above:  # the actor's own phrase, or the clause it acts in
                return True
            if up.dep_ in _CLAUSE_DEPS or up.lower_ in _EXAMPLE_WORDS:
                return False
        return True

    def _administrations(self, sector: str | None, extent: Span) -> list[Mention]:
        """"administration officials", "a senior administration official": with no state named,
        American usage, when the article names the United States at all (as "the administration")."""
        if sector not in ("GOV", "SPY", "MIL") or "USA" not in self.state_names:
            return []
        if not any(t.lower_ == "administration" and t.dep_ in ("compound", "nmod") for t in extent):
            return []
        return [self._of_state("USA", extent, sector, kind="article")]

    def _named_before(self, sector: str | None, extent: Span) -> list[Mention]:
        """"Syrian rebels ... the rebels", "Venezuelan officials ... The officials said": a role word
        with no state named is of the state it was last named with, when the two are near, no other
        state or one of that role from another state is named since, and no place of another state
        in the sentence ("the CIA prepares to arm the rebels" does not make them American)."""
        role = self.gazetteer.cameo_role(sector)
        if not role or _of_no_one_state(extent) or any(t.lower_ in _UNKNOWN_WHO for t in extent):
            return []
        if any(t.i in self.by_token for t in extent):
            return []  # "banks in London" after "U.S. banks": the phrase places them itself
        word, here = extent.root.lemma_.lower(), extent.root.i
        since: set[str] = set()
        for seen in reversed(self._history):
            if seen.i >= here:
                continue
            if here - seen.i > _SAME_ROLE_REACH:
                break
            m = seen.mention
            if not m.country_code:
                continue
            if m.sector == role and not seen.person and extent.doc[seen.i].lemma_.lower() == word \
                    and m.kind not in _GUESSED_KINDS:
                places_here = {hit[1].country_code for t in extent.sent
                               if (hit := self.by_token.get(t.i)) and hit[1].kind in _PLACES_IN_A_STATE}
                if (since | places_here) - {m.country_code, None}:
                    return []  # "Venezuelan officials met Colombian diplomats", "phoned banks in London"
                return [self._of_state(m.country_code, extent, sector, kind="coreference")]
            if m.sector == role or m.kind in _STATE_NAMES:
                since.add(m.country_code)
        return []

    def _proxy(self, sector: str | None, extent: Span) -> bool:
        """An armed group the phrase says another backs: "Iranian-backed militia", "Russian-backed rebels"."""
        return sector in _ARMED_NON_STATE and any(
            _patron(hit[0]) for t in extent if (hit := self.by_token.get(t.i)) is not None)

    def _in_main_state(self, sector: str | None, extent: Span) -> list[Mention]:
        needed = _ARTICLE_STATE_SHARE.get(sector or "")
        if needed is None or self.main_state is None or self.main_state[1] < needed:
            return []
        if _of_no_one_state(extent) or _several_peers(extent) \
                or any(t.lower_ in _STATELESS_PEOPLES for t in extent if t.i < extent.root.i):
            return []  # "world leaders", "foreign officials", "state lawmakers", "the G7 finance ministers"
        if extent.root.lemma_.lower() in _OFTEN_FOREIGN:
            return []  # "the hostages" of a story about Turkey
        if self._proxy(sector, extent):
            return []  # "Iranian-backed militia" in a US story: a state's proxy abroad, not an American militia
        country = self.main_state[0]
        return [self._of_state(country, extent, sector, kind="article")]

    def _in_congress(self, person: Person, name: Span) -> str | None:
        """"Dan Glickman (D-Kan.)" in 1987, years before his cabinet post: a party tag on someone the
        files know only from another time makes a member of Congress (LEG)."""
        return "LEG" if person.office_on(self.day) is None and has_us_party_tag(name) else None

    def _in_congress_by_title(self, sector: str | None, extent: Span, name: str) -> list[Mention]:
        """"Rep. Frederica Wilson", "Sen. Jon Tester", "Congresswoman Ilhan Omar": titles of the US
        Congress, for members the files do not know and no state is named with."""
        if sector != "LEG" or not any(t.lower_ in _US_CONGRESS_TITLES for t in extent):
            return []
        return [self._of_state("USA", extent, sector, name=name, kind="person")]

    def _titled_at_home(self, sector: str | None, office: str | None, extent: Span, name: str) -> list[Mention]:
        if sector == "BUS":  # "TOKYO - Sumitomo Bank president Koh Komatsu": a company's, as companies are
            return [_copy(m, name=name) for m in self._at_dateline(sector, extent, company=True)]
        country = self.dateline_country
        if country is None or sector not in _STATE_SECTORS or sector is None:
            return []
        # A story that names another state too may be about a visitor; where the files list the state's
        # ministers, a stranger with a title is likelier one, else likelier a minister the files lack
        # ("COLOMBO - Defense Minister Ruwan Wijewardena", in a story naming the US four times)
        own = self.state_names.get(country, 0)
        covered = country in self.gazetteer.covered_states
        if any(n and (covered or 2 * n >= own) for c, n in self.state_names.items() if c != country):
            return []
        if office and (country, office) in self.gazetteer.holders:
            holder = self.gazetteer.holder(country, office, self.day)
            if holder is not None and holder.name.split()[-1].lower() != name.split()[-1].lower():
                return []  # someone else holds that office there: a visitor's title
        elif office in OFFICE_RANK and covered:
            return []  # "Prime Minister Zorblat" in a Washington story: no US office
        return [self._of_state(country, extent, sector, name=name, kind="dateline")]

    def _company(self, tokens: list[Token], extent: Span, places: Sequence[Token] = ()) -> list[Mention]:
        """"CPC International Inc", "Baker International Corp": a company, whatever names its name
        holds; a state or place named in it ("Japan Tobacco Inc", "Tokyo-based Nippon Oil Co") or the
        dateline's gives its country."""
        before = self.by_token.get(extent.root.i - 1)
        if before is not None and before[1].kind == "group" and before[0].start == _first_name_token(tokens):
            return [self._group_mention(before[0], before[1], extent, "BUS")]  # "Apple Inc": Apple
        located = [(t, self.by_token[t.i][1]) for t in [*places, *tokens] if t.i in self.by_token]
        located = [(t, e) for t, e in located if e.kind in _PLACE_KINDS | {"demonym"} and e.country_code]
        form = max((t.i for t in tokens if _is_legal_form(t)), default=extent.end)
        if located and self.dateline_country not in (None, located[0][1].country_code) \
                and not self.state_names.get(located[0][1].country_code) \
                and all(e.kind in ("city", "region") and t.i < form and t not in places and not _based(t)
                        for t, e in located):
            # a town in the name only: "Thies Cos Inc" filed from Arkansas is no Senegalese company;
            # "California-based" and "Dubilier PLC, of Abingdon, England" say where the company is
            located = []
        country = located[0][1].country_code if located else None
        if country is not None:
            return [self._of_state(country, extent, "BUS", kind="role")]
        return self._at_dateline("BUS", extent, company=True) or self._role_only("BUS", extent)

    def _senders(self, head: Token) -> list[Mention] | None:
        """Who a delegate or a committee acts for: the "of", "for" or "from" phrase after it ("from
        Brazil, Colombia and Mexico"), one actor each; None when there is no such phrase."""
        senders = [p for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "from")
                   for p in c.children if p.dep_ == "pobj"]
        if not senders:
            return None
        senders += [c for p in senders for c in p.conjuncts]
        found = [(self._cache.get(p.i) or self._resolve_head(p))[:1] for p in senders]
        return [m[0] for m in found if m]

    def _business_owner(self, head: Token) -> Mention | None:
        """"its Lake States Transportation Division", "the Dallas division of Safeway Stores Inc",
        "the president of Acme Corp": a part or officer of a company is the company's, whatever
        its word means in a state."""
        owners = [c for c in head.children if c.dep_ == "poss" and (c.pos_ != "PRON" or c.lower_ == "its")]
        owners += _of_objects(head)
        for owner in owners:
            if owner.pos_ != "PRON" and owner.lemma_.lower() not in _COMPANY_WORDS and owner.i not in self.by_token \
                    and not any(_is_legal_form(t) for t in owner.subtree):
                continue  # "the bank of Mexico" is no company we know to be one; "the company" is
            found = self._cache.get(owner.i)
            if found is None:
                found = self._resolve_head(owner)
            if found and all(m.sector == "BUS" for m in found):
                return found[0]
        return None

    def _named_body(self, head: Token, extent: Span) -> list[Mention]:
        """"The agency" after "the International Atomic Energy Agency", "the bank" after "the World
        Bank", "the court" after "the International Criminal Court": a bare definite noun is the
        body named last whose name ends in it."""
        if head.pos_ != "NOUN" or head.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return []
        if any(c.dep_ in ("amod", "compound", "poss", "nummod", "nmod") for c in head.children):
            return []  # "the central bank", "the appeals court", "Iran's court": another body
        word = head.lower_
        if word in self.gazetteer.generic or word in _INSTITUTIONS_AT_LARGE:
            return []  # "the administration" after "the Drug Enforcement Administration" is still the government
        for seen in reversed(self._history):
            m = seen.mention
            if seen.i >= head.i or m.kind != "group" or not m.name:
                continue
            names = [m.name, *(e.name for e in self.gazetteer.lookup(m.name) if e.kind == "group" and e.name)]
            # "the IAEA": its full name too; "the bank" after "the Bank of England": the word before "of"
            if any(_name_head(name) == word for name in names):
                return [_moved(m, extent)]
        return []

    def _at_dateline(self, sector: str | None, extent: Span, company: bool = False) -> list[Mention]:
        """"TOKYO, June 18 - The Finance Ministry said": in a wire story, a role with no state named
        is of the state the story was filed from, unless the article names another state more."""
        country = self.dateline_country
        if country is None or not self.gazetteer.cameo_role(sector) or sector in _NO_HOME_SECTORS:
            return []
        if _of_no_one_state(extent, company) or any(t.lower_ in _UNKNOWN_WHO for t in extent):
            return []  # "foreign banks", "world leaders", "unidentified jets"
        if extent.root.lemma_.lower() in _OFTEN_FOREIGN:
            return []  # "the hostages" of a story filed from Istanbul
        if self._proxy(sector, extent):
            return []  # "WASHINGTON - Iranian-backed militia besieged the U.S. Embassy in Baghdad"
        if _several_peers(extent):
            return []  # "four trade ministers", "the negotiators": often of as many states
        own = self.state_names.get(country, 0)
        if any(n >= 2 and n > own for c, n in self.state_names.items() if c != country):
            return []  # "TOKYO - The Soviet Union said ...": a story about another state, filed from Tokyo
        if sector == "GOV" and self._international_names >= max(own, 1) and extent.root.lemma_.lower() not in _MINISTRY_WORDS:
            # "BRUSSELS - EC ministers ... the council": an international body's meeting, not Belgium's;
            # "TOKYO - ... the EC ... the ministry": a ministry is always a state's
            return []
        if sector == "MIL" and any(n >= own for c, n in self.state_names.items() if c != country):
            return []  # forces fight abroad: "TAIPEI - China's military deployed warships"
        return [self._of_state(country, extent, sector, kind="dateline")]

    def _owned_role(self, head: Token, sector: str | None, extent: Span) -> list[Mention]:
        """"its forces", "his government", "their executives": the role, in the country of whoever
        the possessive pronoun stands for."""
        # "its forces"; "that country's military", the state named last ("the country's" is the one
        # most named, often not the one the writer means)
        owner = next((c for c in head.children if c.dep_ == "poss"
                      and (c.pos_ == "PRON" or (c.lemma_.lower() in _OWN_STATE and _that(c)))), None)
        if any(t.lemma_.lower() in _OTHER_PARTIES for t in extent):
            return []  # "its creditor banks", "its rivals": other parties, not its own
        if sector is None and head.lemma_.lower() in _OWN_STATE:
            sector = "GOV"  # "his country", "its nation": the state of whoever the pronoun stands for
        if sector is None or owner is None:
            return []
        owners = self._cache.get(owner.i) or (self._pronoun(owner) if owner.pos_ == "PRON" else self._resolve_head(owner))
        own_people = (head.lemma_.lower() in _LEADER_WORDS and owner.lower_ == "its") \
            or (head.lemma_.lower() in _STAFF and owner.lower_ in ("his", "her"))  # not "their leader" of supporters
        if own_people and len(owners) == 1 and owners[0].country_code and owners[0].plover_sector not in (None, "ELI", "UNK"):
            # "Sen. Sanders ... his office", "her spokesman": the person's own staff, in the person's sector;
            # "the Marine Corps ... its leadership" leads the corps
            return [self._mention(Entry(owners[0].country_code, owners[0].country_code, "country"), extent,
                                  owners[0].plover_sector, kind="coreference")]
        countries = list(dict.fromkeys(m.country_code for m in owners if m.country_code))
        return [self._mention(Entry(c, c, "country"), extent, sector, kind="coreference") for c in countries]

    def _role_only(self, sector: str | None, extent: Span, name: str | None = None,
                   kind: str = "role", unknown: bool = False) -> list[Mention]:
        """An actor known by its role alone ("rebels", "lawmakers"): CAMEO's role-only code, no
        country. Roles without a CAMEO code ("a man", UNK) name no actor unless `unknown`."""
        role = self.gazetteer.cameo_role(sector)
        if not role and not (unknown and sector):
            return []
        return [Mention(text=extent.text, start=extent.start_char, end=extent.end_char, code=role, sector=role,
                        plover_sector=sector, name=name, kind=kind)]

    def _named_person(self, person: Span, entries, sector, office, extent, head) -> list[Mention]:
        name = _clean_name(person)
        remembered = self._recall(name, head.i)
        known = self._known_by_surname(name, sector, office)
        served = None
        if office is None and _serving_role_before(extent, person):
            # "negotiator Kim" in a North Korean story: not Kim Jong-un, but one of his state's
            if remembered is not None and self._heads_a_state(remembered.name):
                served, remembered = remembered.country_code, None
            if known is not None and _heads(known, self.day):
                served = served or (known.country if self._names_state(known.country) else None)
                known = None
        if known is not None and remembered is None and sector is None and office is None \
                and self._other_namesake(name, known):
            known = None  # "Alfredo Sanchez ... Sanchez ordered", in a story that names no Spain: not Pedro Sanchez
        if entries and all(span.start > person.start for span, _ in entries) and (remembered or known):
            entries = []  # "Mr. Trump with North Korean leader Kim": who Trump is does not come from the company
        if entries and has_us_party_tag(person):
            entries = [(span, e) for span, e in entries if span.start < person.end]  # the tag's state: see below
        if entries:
            span, entry = entries[0]
            if entry.kind == "group":  # "Fox News' Catherine Herridge" is of Fox News, in its sector
                mention = _copy(self._group_mention(span, entry, extent, sector), name=name, kind="person")
            else:
                if remembered is not None and remembered.country_code == entry.country_code and remembered.name \
                        and len(name.split()) == 1:
                    name = remembered.name  # "North Korea's Kim" after "Kim Myong Gil": the one named before
                mention = self._mention(entry, extent, sector or "GOV", name=name, kind="person")
            self._remember(name, mention, head.i, office)
            return [mention]
        if remembered is not None and not (office and known is not None and remembered.name != known.name
                                           and _holds(known, office, self.day)):
            return [_moved(remembered, extent)]
        if known is not None:
            # "President Trump" after "Melania Trump": the president, not the Trump named last;
            # "then-Defense Secretary Leon E. Panetta": the office the text says he held then
            former = self._former(list(extent))
            if former and known.office_on(self.day) is not None and self.when is not None:
                former = False
            then = any(t.lower_ == "then" for t in extent if t.dep_ in ("advmod", "amod", "compound"))
            stated = sector if then and sector not in (None, "ELI") and not former else None
            mention = self._mention_from_person(known, extent, kind="person", former=former,
                                                stated=stated or self._in_congress(known, person))
            self._remember(known.name, mention, head.i, office, known)
            return [mention]
        if served is not None:
            mention = self._of_state(served, extent, sector, name=name, kind="person")
            self._remember(name, mention, head.i, office)
            return [mention]
        if has_us_party_tag(person):  # "Rep. Adam Schiff (D-Calif.)": a member of Congress
            mention = self._mention(Entry("USA", "USA", "country"), extent, _tagged_sector(sector, extent),
                                    name=name, kind="person")
            self._remember(name, mention, head.i, office)
            return [mention]
        apposed = self._from_apposition(head, name)
        if apposed is not None:
            if apposed.plover_sector == "PTY" and apposed.country_code and sector not in (None, "PTY"):
                # "Rep. Joe Kennedy III, a Massachusetts Democrat": the title says the role, the party the state
                apposed = self._of_state(apposed.country_code, extent, sector, name=name, kind="person")
            self._remember(name, apposed, head.i, None)
            return [_moved(apposed, extent, kind="person")]
        sole = self.gazetteer.sole_offices.get(office or "")
        if sole is not None:  # "Pope John Paul": whoever holds an office only one state has is that state's
            mention = self._mention(Entry(sole, sole, "country"), extent, sector, name=name, kind="person")
            self._remember(name, mention, head.i, office)
            return [mention]
        # "President Francois Mitterand" with no country we know: a president all the same, of the
        # dateline's state when the story names no other ("TOKYO - Agriculture Minister Mutsuki Kato")
        found = self._titled_at_home(sector, office, extent, name) or self._in_congress_by_title(sector, extent, name) \
            or self._role_only(sector, extent, name, kind="person")
        for mention in found:
            self._remember(name, mention, head.i, office)
        return found

    def _with_entries(self, entries, sector, office, extent, head, tokens) -> list[Mention]:
        resolved = []
        with_group = any(entry.kind == "group" for _, entry in entries)
        for span, entry in entries:
            if entry.kind == "group" and entry.country_code and (sector == "ELI" or (
                    sector is None and entry.sector in _STATE_SECTORS and self._former(tokens))):
                # "a former CIA official", "the former director of the Defense Intelligence Agency"
                resolved.append(self._mention(entry, extent, "ELI", kind="role"))
                continue
            if entry.kind == "group":
                mention = self._group_mention(span, entry, extent, sector)
                if office is not None and len(entries) == 1 and entry.name and not _plural_noun(head):
                    holder = self.gazetteer.holder(entry.name, office, self.day)  # "the UN chief"
                    if holder is not None:
                        mention = _copy(mention, name=holder.name)
                resolved.append(mention)
                continue
            if entry.kind == "person":
                person = self.gazetteer.people[entry.person]
                resolved.append(self._mention(Entry(person.country, person.country, "country"), extent,
                                              sector or "GOV", kind="role"))
                continue
            if sector is None:
                # "North Korea's missile launch", "Beijing's decision": the state behind the act.
                # ("Yemen's Al Qaeda branch" is Al Qaeda's, where it is)
                if entry.kind in ("country", "capital", "informal") and span.root.dep_ == "poss" \
                        and head.ent_type_ not in ("ORG", "PERSON") and not with_group \
                        and head.lemma_.lower() not in _OTHER_PARTIES | RELATION_NOUNS:  # "America's allies" are others
                    resolved.append(self._mention(entry, extent, "GOV", kind="possessive"))
                elif entry.kind == "demonym" and (head.pos_ == "NOUN" or head.tag_ == "NNPS") \
                        and span.root.head.i == head.i and span.root.dep_ in ("amod", "compound", "nmod") \
                        and head.ent_type_ in ("", "NORP") and not _allies_of(head):
                    # "four Syrian men", "North Korean individuals", "Chinese ships": the country,
                    # with no sector the text states ("American allies" are other states)
                    resolved.append(self._mention(entry, extent, "UNK", kind="demonym"))
                continue
            if sector == "PTY" and entry.country_code in self.gazetteer.one_party:
                sector = "GOV"  # the ruling party of a one-party state is its government
            name = None
            if office is not None and len(entries) == 1 and not _plural_noun(head):  # not "Chinese leaders"
                name = self._office_holder(entry.country_code, office, head.i)
            resolved.append(self._mention(entry, extent, sector, name=name, kind="role"))
        if len(resolved) == 1 and resolved[0].kind == "role":
            apposed = self._apposed_known(head)
            if apposed is not None and resolved[0].name not in (None, apposed.name):
                return [_moved(apposed, extent, kind="person")]  # "the Labour leader, Jeremy Corbyn": not the PM
            for child in head.children:  # "the Cuban leader, Miguel Diaz-Canel": remember the name
                if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                    ent = entity_at(self.doc, child.i)
                    named = _copy(resolved[0], name=_clean_name(ent))
                    self._remember(named.name, named, child.i, office)
                    resolved[0] = named
        return resolved

    # --- phrase structure --------------------------------------------------------------------

    def _np_tokens(self, head: Token) -> tuple[list[Token], list[Token]]:
        """The head's own noun phrase (modifiers and of/for/at phrases), and its place phrases."""
        tokens, places = [head], []
        for child in head.children:
            if child.dep_ == "det":
                tokens.extend(child.subtree)  # "the", "both", "those"
                continue
            if child.dep_ == "prep" and child.lower_ in _PLACE_PREPOSITIONS:
                places.extend(_without_clauses(child))  # not "in Yemen, *where it fears attacks on the US*"
                continue
            if child.dep_ in _OUTSIDE_NP and not (child.dep_ == "prep" and child.lower_ in _NP_PREPOSITIONS):
                continue
            tokens.extend(_without_clauses(child))
        # "hosted a delegation from Laos": the parser often hangs "from Laos" on the verb.
        if head.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in self.gazetteer.roles:
            after = max(t.i for t in tokens) + 1
            for sibling in head.head.children:
                if sibling.i == after and sibling.dep_ == "prep" and sibling.lower_ in _NP_PREPOSITIONS:
                    tokens.extend(sibling.subtree)
        tokens.sort(key=lambda t: t.i)
        # A phrase never runs across a paragraph break (a caption's credit line and the next paragraph).
        breaks = [t.i for t in tokens if t.is_space and "\n" in t.text]
        if breaks:
            before = max((b for b in breaks if b < head.i), default=-1)
            after = min((b for b in breaks if b > head.i), default=len(self.doc))
            tokens = [t for t in tokens if before < t.i < after]
        return tokens, sorted(places, key=lambda t: t.i)

    def _entries(self, tokens: list[Token], head: Token, person: Span | None) -> list[tuple[Span, Entry]]:
        """Country, group and known-person names in the phrase; those before the head (its own
        modifiers) win over those in its of/for/at phrases."""
        found, seen = [], set()
        skip = set(range(person.start, person.end)) if person is not None else set()
        for tok in tokens:
            hit = self.by_token.get(tok.i)
            if not hit or hit[0].start in seen or tok.i in skip:
                continue
            span, entry = hit
            if entry.kind == "blocked" or (entry.kind not in COUNTRY_KINDS and entry.kind not in ("group", "person")):
                continue
            seen.add(span.start)
            if _patron(span) or _leads(span):
                continue  # "Al-Qaeda-linked rebels", "pro-Russia rebels": rebels, not Al-Qaeda or Russia
            if span.root.head.lemma_.lower() in ANCESTRY_NOUNS and span.root.head.i != head.i:
                continue  # "a federal judge of Mexican descent" is no Mexican judge
            found.append(hit)
        before = [h for h in found if h[0].start < head.i]
        # "the Russian bombing of Aleppo" is Russia's; "the bombing of Aleppo" no one's
        chosen = before if before or head.lemma_.lower() in ACT_NOUNS else found
        # an owner is named before the body ("Chile's Defense Department"), not after ("a Democrat from Georgia")
        chosen = [(s, e) for s, e in chosen if not _owned_by_another(
            e, {o.country_code for os, o in chosen if o.kind in COUNTRY_KINDS and os.start < s.start})]
        chosen = self._national_arms(chosen)
        if head.lemma_.lower() in _ENVOYS and len(chosen) > 1 and chosen[0][0].start < head.i:
            # "the Palestinian U.N. observer", "the UN's Syria envoy", "the US North Korea envoy": the
            # first name says whose envoy it is, the next ones where to ("the Russian and Chinese envoys": both)
            chosen = chosen[:1] + [(s, e) for s, e in chosen[1:] if s.root.dep_ == "conj"]
        # A university, ministry or party of a country stands for it: keep the group, drop the country.
        group_countries = {e.country_code for _, e in chosen if e.kind == "group" and e.country_code}
        return [(s, e) for s, e in chosen if e.kind == "group" or e.country_code not in group_countries]

    def _national_arms(self, chosen: list[tuple[Span, Entry]]) -> list[tuple[Span, Entry]]:
        """"Merrill Lynch Canada", "Shell Canada": a country's name right after a company's is the
        company's arm in that country, a business of that country."""
        arms: dict[int, tuple[Span, Entry]] = {}
        for span, entry in chosen:
            if entry.kind != "group" or entry.sector != "BUS":
                continue
            after = self.by_token.get(span.end)
            if after is not None and after[1].kind == "country" and after[0].start == span.end \
                    and after[1].country_code != entry.country_code:
                country = after[1].country_code
                arm = dataclasses.replace(entry, code=self.gazetteer.cameo_code(country, "BUS"), country_code=country)
                arms[span.start] = (self.doc[span.start : after[0].end], arm)
        if not arms:
            return chosen
        ends = {arm_span.end for arm_span, _ in arms.values()}
        return [arms.get(s.start, (s, e)) for s, e in chosen if not (e.kind == "country" and s.end in ends)]

    def _countries_in(self, tokens: list[Token]) -> set[str]:
        hits = (self.by_token.get(t.i) for t in tokens)
        return {hit[1].country_code for hit in hits if hit is not None and hit[1].kind in COUNTRY_KINDS}

    def _role(self, tokens: list[Token], head: Token) -> tuple[str | None, Token | None]:
        """The PLOVER sector of the role word that is the head, else the nearest before it, else
        the first after it: "spokeswoman for the Foreign Ministry" -> GOV, "state media" -> JRN."""
        named = self.by_token.get(head.i)
        group_start = named[0].start if named is not None and named[1].kind == "group" else -1
        # "radical Republicans", "the extremist Muslim Brotherhood": a stance before a group's name does
        # not make it another kind of group ("Committee Democrats" are legislators)
        hits = [h for h in self._phrase_hits(tokens, self.gazetteer.roles)
                if h[1].i == head.i or not (self._only_as_head(h[1], h[2])
                                            or (h[2] == 1 and h[1].i < group_start and h[1].lemma_.lower() in _STANCE_WORDS))]
        sector, tok = _nearest(hits, head)
        if tok is not None and tok.lemma_.lower() in _LEADER_WORDS:
            # on the word or, in a title before a name, beside it ("Opposition New Democrat leader Jagmeet Singh")
            led = [h for h in hits if h[1].head.i in (tok.i, tok.head.i) and h[1].i < tok.i
                   and h[1].dep_ in ("amod", "compound")
                   and h[0] not in ("GOV", "UNK", "CVL", "LEG")]  # not India's "Congress leader Rahul Gandhi"
            if len(led) == 1:
                return led[0][0], led[0][1]  # "Muslim leaders" are religious, "separatist leaders" rebels
        if sector != "BUS" and tok is not None and tok.lemma_.lower() in _COMPANY_PARTS \
                and any(value == "BUS" and t.i < tok.i and (t.lemma_.lower() in _COMPANY_HEADS or _is_legal_form(t))
                        for value, t, _ in hits):
            return "BUS", tok  # "Sumitomo Bank president Koh Komatsu", "Acme Corp chairman John Smith"
        return sector, tok

    def _only_as_head(self, last: Token, n: int | None = None) -> bool:
        """Whether the role word ending at `last` gives its sector only as a phrase's head (a weapon:
        "missile", "cruise missile"), `n` words long when known."""
        if n in (None, 1) and last.i in self._aircraft:
            return True
        sizes = [n] if n else range(1, _MAX_ROLE_WORDS + 1)
        return any(" ".join(plain_lemma(t) for t in self.doc[max(last.i - k + 1, 0) : last.i + 1])
                   in self.gazetteer.only_as_head for k in sizes)

    def _title(self, tokens: list[Token], head: Token) -> str | None:
        hits = [hit for hit in self._phrase_hits(tokens, self.gazetteer.titles)
                if not (hit[0] in _GENERIC_LEADER and self._modifies_a_job(hit[1]))]
        return _nearest(hits, head)[0]

    def _modifies_a_job(self, word: Token) -> bool:
        """ "Chief" in "Chief Political Correspondent Vicky Young" qualifies a job that leads no state."""
        job = word.head
        return (job.i > word.i and (job.pos_ == "NOUN" or (job.pos_ == "PROPN" and job.ent_type_ != "PERSON"))
                and word.dep_ in ("amod", "compound")
                and plain_lemma(job) not in self.gazetteer.titles)

    def _window_forms(self, window: list[Token]) -> list[str] | None:
        """The ways a run of words can be looked up in the role tables (lemmas, as written, a
        hyphenated word whole), or None when the words are named as no role. Asked for the same
        words by every table: kept for the article."""
        key = tuple(t.i for t in window)
        if key in self._forms:
            return self._forms[key]
        forms: list[str] | None = [" ".join(plain_lemma(t) for t in window), " ".join(t.lower_ for t in window)]
        if len(window) > 2 and any(t.text == "-" for t in window):  # "secretary-general" comes in three tokens
            forms.append("".join(t.lower_ + t.whitespace_ for t in window).strip())
        if len(window) == 1 and window[0].i in self._aircraft:
            forms.append("military aircraft")
        if any(form in self.gazetteer.not_roles for form in forms):
            forms = None
        self._forms[key] = forms
        return forms

    def _phrase_hits(self, tokens: list[Token], table: dict[str, str]) -> list[tuple[str, Token, int]]:
        hits = []
        taken: set[int] = set()
        ends = self.gazetteer.phrase_ends(table)
        may_end = [t.lower_ in ends or plain_lemma(t) in ends or t.i in self._aircraft for t in tokens]
        for n in range(_MAX_ROLE_WORDS, 0, -1):
            for i in range(len(tokens) - n + 1):
                if not may_end[i + n - 1]:
                    continue
                window = tokens[i : i + n]
                if window[-1].i - window[0].i != n - 1 or any(t.i in taken for t in window):
                    continue
                value = None
                forms = self._window_forms(window)
                if forms is None:
                    taken.update(t.i for t in window)  # "air campaign" is no (party) campaign
                    continue
                for form in forms:
                    value = table.get(form)
                    if value is not None:
                        break
                if value is None:
                    continue
                last = window[-1]
                before = self.doc[window[0].i - 1] if window[0].i > 0 else None
                if before is not None and before.lower_.rstrip(".") in _HONORIFICS and window[0].text[:1].isupper():
                    continue  # "Mr Christian", "Mrs Judge": a surname, not a faith or an office
                if n == 1 and len(last.text) <= 3 and last.text.istitle() and last.ent_type_ == "PERSON":
                    continue  # "Ngo Dinh Diem": a name, not an NGO (the acronym is written in capitals)
                if n == 1 and last.lower_ in self.gazetteer.capitals_only \
                        and (not last.text.isupper() or (before is not None and before.like_num)):
                    continue  # "the PM" is the prime minister; "3 pm" and "3 PM" are times
                if n == 1 and last.pos_ == "ADJ" and last.text.islower() and last.lower_ in self.gazetteer.not_as_adjectives \
                        and not (last.i + 1 < len(self.doc) and self.doc[last.i + 1].ent_type_ == "PERSON"):
                    # "general commitments": no general ("Iranian general Qassem Soleimani" is);
                    # "Yemen's local Al Qaeda branch": no locals
                    continue
                hit = self.by_token.get(last.i)
                if hit and hit[1].kind in ("group", "person", "country", "capital") and not hit[1].generic_name:
                    continue  # part of a name ("Security Council", "Workers' Party"), not a role
                hits.append((value, last, n))
                taken.update(t.i for t in window)
        return hits

    def _person_span(self, tokens: list[Token], head: Token) -> Span | None:
        ent = entity_at(self.doc, head.i)
        if ent is not None and ent.label_ == "PERSON":
            if all(self.by_token.get(t.i, (None, None))[1] is not None for t in ent):
                return None  # all of it is a country or group name mislabelled as a person
            end = ent.end
            while end - 1 > ent.start and self.doc[end - 1].lower_ in _CALENDAR_WORDS:
                end -= 1  # "President Trump Sunday said": the tagger took the day into the name
            start = ent.start
            while start < end - 1 and start < head.i:
                # "Reps. Darrell E. Issa", "Mrs May", "Special Counsel Mueller" tagged whole: a title or an
                # honorific is no part of the name
                title = self._title_words_at(start, min(end - 1, head.i))
                if not title:
                    break
                start += title
            while start > 0 and self._given_name(self.doc[start - 1]):
                start -= 1  # "Mayor Sadiq Khan" tagged as "Khan": not the Khan the files know
            return self._unless_a_word(self.doc[start:end], head)
        if head.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "EVENT", "LAW", "TIME", "MONEY", "CARDINAL"):
            return None
        if head.tag_ == "NNPS":
            return None  # "Iraqi Kurds", "Rebels attacked": a people or a capitalised plural, not a person
        if head.pos_ != "PROPN" and not (head.pos_ == "NOUN" and head.text[:1].isupper() and head.i == head.sent.start
                                         and (head.ent_type_ in ("PERSON", "ORG", "NORP") or self._known_surname(head))):
            return None  # a capitalised noun at the start of a sentence may still be a name ("Trump said")
        if head.i in self.by_token:
            return None
        start = head.i
        while start > 0:
            prev = self.doc[start - 1]
            if prev.text in ("-", "'") and not prev.whitespace_ and start > 1 \
                    and not self.doc[start - 2].whitespace_ and self.doc[start - 2].pos_ == "PROPN":
                start -= 2  # "Diaz-Canel" comes in three tokens
                continue
            if prev.pos_ != "PROPN" or prev.i in self.by_token or prev.lemma_.lower() in self.gazetteer.roles \
                    or prev.lower_.rstrip(".") in _HONORIFICS:
                break  # "Mr Trump" untagged is "Trump", as the tagger would have it
            start -= 1
        if head.lemma_.lower() in self.gazetteer.roles:
            return None
        while start < head.i and (title := self._title_words_at(start, head.i)):
            start += title  # "Special Counsel Mueller" untagged: "Mueller"
        span = self.doc[start : head.i + 1]
        titled = any(t.lemma_.lower() in self.gazetteer.roles for t in tokens if t.i < start)
        if head.ent_type_ == "ORG" and not titled and self._recall(_clean_name(span), head.i) is None \
                and self._known_by_surname(_clean_name(span)) is None:
            return None  # an organisation we do not know
        return self._unless_a_word(span, head)

    def _unless_a_word(self, span: Span, head: Token) -> Span | None:
        """The name, unless it is one dictionary word no known or introduced person bears ("a Navy
        F-18 Hornet", "the nuclear triad" are no people for "he" to stand for), or one word after
        "the" ("asked the Hill to authorize": Congress, not Australia's Robert Hill)."""
        if len(span) != 1:
            return span
        if span.start > 0 and self.doc[span.start - 1].lower_ == "the":
            return None
        if span[0].lower_ in self.common_words and self._recall(span.text, head.i) is None \
                and not self.gazetteer.people_by_surname(span.text):
            return None
        return span

    def _given_name(self, tok: Token) -> bool:
        """A capitalised name word the tagger left out of the person's name before it."""
        return (tok.pos_ == "PROPN" and tok.is_alpha and tok.text[:1].isupper() and not tok.is_upper
                and tok.i not in self.by_token and tok.lemma_.lower() not in self.gazetteer.roles
                and tok.lower_ not in _HONORIFICS and tok.lower_ not in self.common_words
                and tok.ent_type_ in ("", "PERSON"))

    def _former(self, tokens: list[Token]) -> bool:
        return any(t.lower_ in _FORMER for t in tokens if t.dep_ in ("amod", "compound", "advmod"))

    # --- building mentions -------------------------------------------------------------------

    def _of_state(self, country: str, extent: Span, sector: str | None, name: str | None = None,
                  kind: str | None = None) -> Mention:
        """The phrase as an actor of `country` in `sector`, however the state was found."""
        return self._mention(Entry(country, country, "country"), extent, sector, name=name, kind=kind)

    def _mention(self, entry: Entry, extent: Span, sector: str | None, name: str | None = None,
                 kind: str | None = None) -> Mention:
        country = entry.country_code or entry.code
        if country in self.gazetteer.sovereigns and _armed_or_diplomatic(sector, extent):
            country = self.gazetteer.sovereigns[country]  # "the Foreign Ministry" in a story about Hong Kong
        return Mention(
            text=extent.text, start=extent.start_char, end=extent.end_char,
            code=self.gazetteer.cameo_code(country, sector), country_code=country,
            sector=self.gazetteer.cameo_role(sector) or None, plover_sector=sector,
            name=name or self.gazetteer.country_names.get(country), kind=kind or entry.kind,
        )

    def _place_mention(self, entry: Entry, extent: Span) -> Mention:
        if entry.kind == "demonym":
            # "the Cubans" may be the state's people or its government; "Kenyans", "ordinary Iranians"
            # and "many Israelis" are its people
            return self._mention(entry, extent, "CVL" if _a_public(extent) else None, kind="demonym")
        return self._mention(entry, extent, entry.sector, kind=entry.kind)

    def _group_mention(self, span: Span, entry: Entry, extent: Span, role: str | None) -> Mention:
        code, sector = entry.code, entry.sector
        for since, new_code, new_sector in entry.since:
            if self.people_day >= since:  # on an undated page, as of the day its titles tell
                code, sector = new_code, new_sector
        if role and entry.plover_country and role not in ("GOV", sector):
            sector = role  # "EU legislators": the body, in the legislative role
        elif role and entry.country_code and sector == "PTY" and (role not in ("PTY", "GOV") or self._holds_office(extent)):
            # "Republican lawmakers": members of a party acting in another role (LEG); "the Republican
            # president" acts in his office, though "Republican leaders" lead the party
            code, sector = self.gazetteer.cameo_code(entry.country_code, role), role
        return Mention(
            text=extent.text, start=extent.start_char, end=extent.end_char, code=code,
            country_code=entry.country_code, sector=self.gazetteer.cameo_role(sector) or None,
            known_group_code=entry.known_group_code, name=span.text, kind="group",
            plover_sector=sector, plover_country=entry.plover_country,
        )

    def _holds_office(self, extent: Span) -> bool:
        office = self.gazetteer.titles.get(extent.root.lemma_.lower())
        return office is not None and office not in _GENERIC_LEADER

    def _person_mention(self, entry: Entry, extent: Span, former: bool = False,
                        stated: str | None = None) -> Mention:
        """A person the package knows. A role the text states ("Vietnamese President Vo Van
        Thuong", "army chief ...") wins over the dated record; without one the record says what
        the person was on the article's date (in office, or ELI once all offices ended)."""
        person = self.gazetteer.people[entry.person]
        if former and person.office_on(self.day) is not None and self.when is not None:
            former, stated = False, None  # "former CIA director Mike Pompeo" as secretary of state
        mention = self._mention_from_person(person, extent, kind="person", former=former, stated=stated)
        self._remember(person.name, mention, extent.root.i, person.sector_on(self.day)[1], person)
        return mention

    def _out_of_office_body(self, entry: Entry, tokens: list[Token], head: Token) -> tuple[Span, Entry] | None:
        """The group named before a known person's name when the person holds none of the files'
        offices on the day and the phrase is not about a former office."""
        if self.gazetteer.people[entry.person].office_on(self.day) is not None or self._former(tokens):
            return None
        if head.dep_ == "pobj" and head.head.lower_ in ("to", "at"):
            return None  # "Ambassador to the United Nations Samantha Power", parsed as one phrase after "to"
        hits = [self.by_token[t.i] for t in tokens if t.i < head.i and t.i in self.by_token]
        if any(h[1].kind in COUNTRY_KINDS for h in hits):
            return None  # "U.S. Ambassador to the UN Samantha Power": the country's, as the record says
        return next((h for h in hits if h[1].kind == "group"), None)

    def _body_of_office(self, tokens: list[Token], entry: Entry) -> Entry | None:
        """The international body named with a person who held one of its offices at some time:
        "NATO Secretary General Jens Stoltenberg" is NATO's whatever the article's date says
        (an undated article is coded as of today, when he holds another office)."""
        bodies = {t.body for t in self.gazetteer.people[entry.person].terms if t.body}
        for tok in tokens:
            hit = self.by_token.get(tok.i)
            if hit is None or hit[1].kind != "group":
                continue
            if any(e.code == hit[1].code for body in bodies for e in self.gazetteer.lookup(body)):
                return hit[1]
        return None

    def _body_person_mention(self, body: Entry, entry: Entry, extent: Span) -> Mention:
        person = self.gazetteer.people[entry.person]
        mention = self._member_of(body, person, extent, "person")
        office = next((t.office for t in person.terms if t.body), None)
        self._remember(person.name, mention, extent.root.i, office, person)
        return mention

    def _member_of(self, body: Entry, person: Person, extent: Span, kind: str) -> Mention:
        """A person acting for an international body: the body's code, the person's name."""
        return _copy(self._group_mention(extent, body, extent, None), name=person.name, kind=kind)

    def _mention_from_person(self, person: Person, extent: Span, kind: str, former: bool = False,
                             stated: str | None = None) -> Mention:
        day = self.people_day
        sector, _ = person.sector_on(day)
        term = person.office_on(day)
        if term is not None and term.body and not former:
            body = next((e for e in self.gazetteer.lookup(term.body) if e.kind == "group"), None)
            if body is not None:
                return self._member_of(body, person, extent, kind)
        if former:
            sector = "ELI"
        elif stated is not None:
            sector = stated
        return self._mention(Entry(person.country, person.country, "country"), extent, sector,
                             name=person.name, kind=kind)

    def _office_holder(self, country: str | None, office: str, before: int) -> str | None:
        """The name behind "the Cuban leader": whom the article introduced with that office,
        else who held it on the article's date."""
        if country is None:
            return None
        for seen in reversed(self._history):
            if seen.i >= before or not seen.person or seen.mention.country_code != country:
                continue
            if _same_office(seen.office, office):
                return seen.mention.name
        holder = self.gazetteer.holder(country, office, self.day)
        return holder.name if holder is not None else None

    # --- memory and coreference ----------------------------------------------------------------

    def _note(self, head: Token, mentions: list[Mention]) -> None:
        if not mentions:
            return
        self._groups += 1
        verb = _governing_verb(head)
        for m in mentions:
            person = names_a_person(m, self.gazetteer) or (
                m.kind == "group" and any(e.individual for e in self.gazetteer.lookup(m.name or "")))
            office = None
            if person and m.name:
                entries = self._names.get(_name_words(m.name)[-1] if _name_words(m.name) else "", [])
                office = next((o for _, _, mm, o in reversed(entries) if mm.name == m.name), None)
            gender = self._gender(m) if person else None
            self._history.append(_Seen(head.i, m, verb, person, office, self._groups, gender))

    def _gender(self, m: Mention) -> str | None:
        """"Sen. Jeanne Shaheen", "Mr. Trump", "she" (bound to her): female or male; None when
        nothing says."""
        said = _PRONOUN_GENDERS.get(m.text.lower())
        if said:
            return said
        words = m.text.lower().split()
        if m.kind == "coreference":
            words = [w for w in words if w.rstrip(".") in _HONORIFICS]  # "Ms. Wickett" for "Xenia Wickett"
        if m.name and m.country_code not in FAMILY_NAME_FIRST:
            words.append(m.name.lower().split()[0])
        return self._gender_of(words)

    def _gender_of(self, words: list[str]) -> str | None:
        return next((self.gazetteer.genders[w] for w in words if w in self.gazetteer.genders), None)

    def _unknown_gender(self, tok: Token) -> str | None:
        """The gender of a person no file knows, named by the name ending at `tok`: the given name or
        the honorific before it ("Jane Doe", "Mr. Smith"); for a bare surname, the full name's gender
        ("Sarah Huckabee Sanders … Sanders said"), also where the pre-filter left it unparsed."""
        start = tok.i
        while start > 0 and self.doc[start].ent_iob_ == "I":
            start -= 1
        return self._gender_of([self.doc[start].lower_] + ([self.doc[start - 1].lower_] if start > 0 else [])) \
            or next((u.gender for u in reversed(self._unknown_people) if u.surname == tok.text and u.gender), None) \
            or self._given_names_gender(tok.text)

    def _given_names_gender(self, surname: str) -> str | None:
        """The gender of the given names the page writes before this surname, when they agree
        ("Sarah Huckabee Sanders", "Sarah Sanders"): None for none or for both."""
        found = {self.gazetteer.genders[m.group(1).lower()]
                 for m in re.finditer(r"\b([A-Z][a-z]+) (?:[A-Z][a-z]+ )?" + re.escape(surname) + r"\b",
                                      self.page_text or self.doc.text)
                 if m.group(1).lower() in self.gazetteer.genders}
        return found.pop() if len(found) == 1 else None

    def _is_place(self, i: int) -> bool:
        tok = self.doc[i]
        return tok.dep_ == "pobj" and tok.head.lower_ in _WHERE_PREPOSITIONS

    def _shared_subject_verbs(self, verb: int) -> set[int]:
        """The verbs whose subject a conjoined verb without one of its own shares ("called ...
        and asked"): an object pronoun of that verb is not their subject."""
        found: set[int] = set()
        if verb < 0:
            return found
        tok = self.doc[verb]
        while tok.dep_ == "conj" and tok.head.i != tok.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            tok = tok.head
            found.add(tok.i)
        return found

    def _remember(self, name: str | None, mention: Mention, i: int, office: str | None,
                  person: Person | None = None) -> None:
        if not name:
            return
        words = frozenset(_name_words(name))
        for word in words:
            self._names.setdefault(word, []).append((i, words, mention, office))

    def _recall(self, name: str, before: int) -> Mention | None:
        """Whom the article named before with this name, the latest such mention; of several people
        it named so ("Trudeau" after Justin and Pierre Trudeau), the one in office on the day when
        only some are."""
        words = _name_words(name)
        if not words:
            return None
        earlier = [(i, mention) for i, known, mention, _ in self._names.get(words[-1], [])
                   if i < before and set(words) <= known]
        if len({m.name for _, m in earlier}) > 1:
            serving = [(i, m) for i, m in earlier if self._in_office(m)]
            if serving:
                earlier = serving
        return max(earlier, key=lambda seen: seen[0])[1] if earlier else None

    def _people_named(self, name: str | None) -> list[Person]:
        """The people the files know by this name."""
        keys = {e.person for e in self.gazetteer.lookup(name or "") if e.kind == "person"}
        return [self.gazetteer.people[key] for key in keys]

    def _heads_a_state(self, name: str | None) -> bool:
        """Whether the files know the named person as a head of state or government on the day."""
        return any(_heads(person, self.day) for person in self._people_named(name))

    def _in_office(self, mention: Mention) -> bool:
        return any(t.covers(self.day) for person in self._people_named(mention.name) for t in person.terms)

    def _known_by_surname(self, name: str, sector: str | None = None, office: str | None = None) -> Person | None:
        """A bare surname ("Putin", "Macron") of someone the package knows, if only one such
        person holds or held a top office, or if a title before it fits only one ("Sen. Graham",
        "Attorney General Barr"); or a full name written with middle initials the files leave out
        ("Rex W. Tillerson", "Vladimir V. Putin")."""
        words = name.split()
        while len(words) > 1 and (words[0].lower() in self.gazetteer.title_words or words[0].lower() in _TITLE_SUFFIXES):
            words = words[1:]  # "[Special] Counsel Mueller", "President[-elect] Trump": the tagger's name took in a title's word
        if len(words) != 1:
            if office:
                # "Vice President George Bush" in 1987: the files' George H. W. Bush, who held the office
                titled = [p for p in self.gazetteer.people_by_surname(words[-1])
                          if fold(p.name.split()[0]) == fold(words[0])
                          and any(_fits_title(t, sector, office) and t.covers(self.day) for t in p.terms)]
                if len(titled) == 1:
                    return titled[0]
            short = [w for w in words if not _initial(w)]
            if len(short) < 2 or len(short) == len(words):
                return None
            found = {e.person for e in self.gazetteer.lookup(" ".join(short)) if e.kind == "person"}
            return self.gazetteer.people[found.pop()] if len(found) == 1 else None
        if sector or office:
            titled = [p for p in self.gazetteer.people_by_surname(words[0])
                      if any(_fits_title(t, sector, office) and t.covers(self.day) for t in p.terms)]
            if len(titled) == 1:
                return titled[0]
        candidates = [p for p in self.gazetteer.people_by_surname(words[0]) if p.is_top and not _faded(p, self.day)]
        if len(candidates) > 1:
            candidates = _latest_in_office(candidates, self.day)
        if len(candidates) != 1 or not surname_in_use(candidates[0], self.day):
            return None
        known = candidates[0]
        if sector is None and office is None and not self._names_state(known.country) \
                and not any(t.covers(self.day) or t.office in _HEAD_OFFICES for t in known.terms):
            return None  # "Mr. Smith" in a story that names no Australia: not its minister of 2013
        return known

    def _names_state(self, country: str) -> bool:
        """Whether the article names the state itself (its name, people, capital or places) or someone
        of it in full, not only a bare surname that may be one of its people's."""
        return any(entry.country_code == country and (entry.kind in COUNTRY_KINDS or len(span) > 1)
                   for span, entry in _named_spans(self.by_token))

    def _title_words_at(self, start: int, limit: int) -> int:
        """How many words from `start` (ending by `limit`) are a role, a title or an honorific."""
        if self.doc[start].lower_.rstrip(".") in _HONORIFICS:
            return 1
        for n in range(min(_MAX_ROLE_WORDS, limit - start), 0, -1):
            words = " ".join(t.lower_ for t in self.doc[start : start + n])
            if words in self.gazetteer.roles or (n > 1 and words in self.gazetteer.titles):
                return n
        return 0

    def _apposed_known(self, head: Token) -> Mention | None:
        """A person the files know, in apposition to a role: "Vice President, Joe Biden" (the parser
        often hangs the name on the title), "the Labour leader, Jeremy Corbyn"."""
        named = [c for c in head.children if c.dep_ == "appos"]
        after = self.doc[head.i + 1] if head.i + 1 < len(self.doc) else None
        if after is not None and after.ent_iob_ == "B" and head.ent_type_ != "PERSON":
            # "Both Obama and Vice President Joe Biden": the name, hung elsewhere, right after the title
            named.append(entity_at(self.doc, after.i).root)
        for child in named:
            if child.ent_type_ != "PERSON":
                continue
            own = self.by_token.get(child.i)
            if own is None or own[1].kind != "person" \
                    or self.gazetteer.people[own[1].person].office_on(self.people_day) is None:
                continue  # not "a Chinese diplomat, Yang Jiechi" as a former official: the text says what he is
            found = self._resolve_head(child)
            if len(found) == 1 and found[0].name and found[0].country_code:
                return found[0]
        return None

    def _from_apposition(self, head: Token, name: str) -> Mention | None:
        """"Yang Moo-jin, a professor at the University of North Korean Studies": the person
        takes the actor of the phrase in apposition."""
        for child in head.children:
            if child.dep_ != "appos":
                continue
            found = [m for m in self._resolve_head(child) if m.country_code or m.plover_country]
            if len(found) == 1:
                return _copy(found[0], name=name)
        return None

    def _pronoun(self, tok: Token) -> list[Mention]:
        word = tok.lower_
        if word in _REFLEXIVE_PRONOUNS:
            return self._reflexive(tok)
        if _expletive(tok):
            return []
        verb = _governing_verb(tok) if word in _OBJECT_PRONOUNS else -2
        shared = self._shared_subject_verbs(verb)
        extent = self.doc[tok.i : tok.i + 1]
        gender = _PRONOUN_GENDERS.get(word)
        if word in _PERSON_PRONOUNS:
            subject = self._last_sentences_subject(tok, gender) or self._main_clause_subject(tok, gender) \
                or self._own_clause_subject(tok, gender)
            if isinstance(subject, _Unknown):
                return []
            if subject is not None:
                return [_moved(subject.mention, extent)]
        if word in ("it", "its"):
            subject = self._last_sentences_actor_subject(tok)
            if subject is not None:
                return [_moved(subject.mention, extent)]
        if word in _PLURAL_PRONOUNS:
            group = self._speakers_group(tok)
            if group is None:
                group = self._last_sentences_group(tok)
            if group is not None:
                return [_moved(m, extent) for m in group]
        # "Obama later criticized *him*": not Obama, even where the article named him before
        co_arguments = {s.mention.name for s in self._history if s.verb == verb and s.person and s.mention.name
                        and self.doc[s.i].dep_ in ("nsubj", "nsubjpass")} \
            if verb >= 0 and tok.head.i == verb and tok.dep_ in ("dobj", "dative") else set()
        # "the British tanker *it* seized": not the noun its own relative clause describes
        described = {a.head.i for a in tok.ancestors if a.dep_ == "relcl"}
        for seen in reversed(self._history):
            if seen.i >= tok.i or seen.verb == verb or seen.i < tok.i - 120 or seen.i in described:
                continue
            if seen.person and seen.mention.name in co_arguments:
                continue
            if gender and seen.gender and seen.gender != gender:
                continue  # "he" after "Jeanne Shaheen" is someone else
            if seen.verb in shared and self.doc[seen.i].dep_ in ("nsubj", "nsubjpass"):
                continue  # "the President called Sessions and asked *him*": not the President
            if word in _PERSON_PRONOUNS and seen.person:
                if any(seen.i < u.i < tok.i and not (gender and u.gender and u.gender != gender)
                       and not (u.verb == verb and tok.dep_ in ("dobj", "dative")) and u.i not in described
                       for u in self._unknown_people):
                    return []  # "Putin met Kim. John Smith, who attended, said *he* …": not Kim
                return [_moved(seen.mention, extent)]
            if word in _THING_PRONOUNS and not seen.person and seen.mention.kind != "demonym":
                return [_moved(seen.mention, extent)]
            if word in _PLURAL_PRONOUNS:
                group = [s.mention for s in self._history if s.group == seen.group]
                if len(group) > 1 or _plural_noun(self.doc[seen.i]):  # "three American companies ... their"
                    return [_moved(m, extent) for m in group]
        return []

    def _main_clause_subject(self, tok: Token, gender: str | None) -> _Seen | _Unknown | None:
        """"Trump thanks Kim Jong Un as *he* welcomes home detainees": the subject of a clause of time
        is the person the main clause is about, not the last person it named."""
        clause = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "advcl" \
                or not any(c.dep_ == "mark" and c.lower_ in _SUBJECT_KEEPING_MARKS for c in clause.children):
            return None
        return self._person_subject_of(clause.head, gender, ("nsubj",), 0, tok.i)

    def _own_clause_subject(self, tok: Token, gender: str | None) -> _Seen | None:
        """"Manafort, Donald Trump's former campaign chairman, was found to have breached *his* plea
        deal": a "his" or "her" after its clause's subject is the subject's when no other person
        stands between them outside the subject's own phrase ("met Putin and criticized *his* ..." is
        left to the nearest person)."""
        if tok.dep_ != "poss" or tok.lower_ not in ("his", "her"):
            return None
        for verb in tok.ancestors:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i]
            if not subjects:
                if verb.dep_ in ("xcomp", "conj", "advcl"):
                    continue  # the clause shares the subject of the one it hangs on
                return None
            subject = subjects[0]
            seen = next((s for s in reversed(self._history) if s.i == subject.i and s.person), None)
            if seen is None or (gender and seen.gender and seen.gender != gender):
                return None
            own = {t.i for t in subject.subtree}
            if any(subject.i < s.i < tok.i and s.person and s.i not in own and s.mention.name != seen.mention.name
                   for s in self._history):
                return None
            return seen
        return None

    def _last_sentences_subject(self, tok: Token, gender: str | None) -> _Seen | _Unknown | None:
        """"The congresswoman pressed Clinton on Benghazi. She accused the department of ...": a "he"
        or "she" that opens a sentence as its subject is the person the sentence before was about
        (the subject of its main clause), not the last person it named; so is a "his" or "her" that
        opens the subject ("Sen. Sanders criticized Trump. *His* office said ...")."""
        previous = self._sentence_before_opening(tok)
        if previous is None:
            return None
        return self._person_subject_of(previous.root, gender, ("nsubj", "nsubjpass"), previous.start, previous.end)

    def _last_sentences_actor_subject(self, tok: Token) -> _Seen | None:
        """"China criticized Japan over the islands. *It* also summoned ...": an "it" that opens a
        sentence as its subject (or owns it) is the state or body the sentence before was about, the
        subject of its main clause, else the last subject of its other clauses that is one ("... with
        Egypt, which recalled its ambassador to Israel. *It* also delivered a protest"), not the last
        state it named."""
        previous = self._sentence_before_opening(tok)
        if previous is None:
            return None
        subjects = [t for t in previous if t.dep_ in ("nsubj", "nsubjpass")]
        root = previous.root
        main = [t for t in subjects if t.head == root]
        reported = [t for t in subjects if t.head.dep_ == "ccomp" and t.head.head == root]
        others = [t.head.head for t in reversed(subjects)
                  if t.lower_ in ("which", "that") and t.head.dep_ == "relcl"] \
            + [t for t in reversed(subjects) if t.head.dep_ == "conj" and t.head.head == root]
        for subject in main + reported + others:
            seen = next((s for s in reversed(self._history) if s.i == subject.i), None)
            if seen is None or seen.person or seen.mention.kind == "demonym" \
                    or not (seen.mention.country_code or seen.mention.known_group_code):
                continue
            if subject in main and seen.mention.plover_sector == "JRN" and reported:
                continue  # "AP reports that China is taking a tougher stance. *It* has supported ...": China
            return seen
        return None

    def _sentence_before_opening(self, tok: Token) -> Span | None:
        """The sentence before the one `tok` opens as its subject (or the owner of its subject), when
        it does, outside a quotation."""
        sent = tok.sent
        subject = tok if tok.dep_ != "poss" else tok.head
        if subject.dep_ not in ("nsubj", "nsubjpass") or subject.head != sent.root or sent.start == 0 \
                or any(not t.is_punct and not (t.i == sent.start and t.dep_ == "cc") for t in self.doc[sent.start: tok.i]):
            return None  # "But he said" opens the sentence as "He said" does
        if any(t.is_quote for t in self.doc[sent.start: tok.i]):
            return None  # a quotation's "he" is whom the speaker talks about, often not the last subject
        return self.doc[sent.start - 1].sent

    def _last_sentences_group(self, tok: Token) -> list[Mention] | None:
        """"Sens. McCain and Graham said Obama had failed to arm the Free Syrian Army. *They* called
        for ...": a "they" that opens a sentence as its subject is the subject of the sentence before
        when that names several actors or a plural one, not the last group it named; of a sentence
        that reports ("officials said the two leaders would discuss it. They will also talk ..."),
        the actors the report is about, when it names several. [] when the subject is one nobody
        knows ("Two men said ... They added ...")."""
        previous = self._sentence_before_opening(tok)
        if previous is None:
            return None
        root = previous.root
        reported = [c for c in root.children if c.dep_ == "ccomp"]
        reported += [j for c in reported for j in c.conjuncts]
        for clause in sorted(reported, key=lambda c: -c.i):
            subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            group = self._plural_actors(subject) if subject is not None else None
            if group:
                return group
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return self._plural_actors(subject) if subject is not None else None

    def _speakers_group(self, tok: Token) -> list[Mention] | None:
        """"two women who alleged *they* had affairs", "Russia and China said *they* would veto it": a
        "they" that is the subject of a reported clause is the plural subject of the verb that
        reports it, known or not."""
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ccomp":
            return None
        verb = tok.head.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
            subject = verb.head
        if subject is None or subject.i >= tok.i:
            return None
        return self._plural_actors(subject)

    def _plural_actors(self, subject: Token) -> list[Mention] | None:
        """What a plural subject names, from the article's memory: "Mr. Obama and Mr. Putin", "the two
        nations", "Iranian protesters"; [] for a plural no one knows; None for a singular subject."""
        if not (subject.tag_ in ("NNS", "NNPS") or subject.lower_ in _PLURAL_PRONOUNS or subject.conjuncts):
            return None
        heads = {subject.i, *(c.i for c in subject.conjuncts)}
        groups = {s.group for s in self._history if s.i in heads}
        return [s.mention for s in self._history if s.group in groups]

    def _person_subject_of(self, verb: Token, gender: str | None, deps: tuple[str, ...], first: int,
                           end: int) -> _Seen | _Unknown | None:
        """The first person named between tokens `first` and `end` as the subject of `verb`, of the
        pronoun's gender where both are known: one the article remembered, or an unknown person."""
        people = heapq.merge((seen for seen in self._history if seen.person), self._unknown_people, key=lambda p: p.i)
        for seen in people:  # both lists are in the order the article names them
            head = self.doc[seen.i]
            if first <= seen.i < end and head.dep_ in deps and head.head == verb \
                    and not (gender and seen.gender and seen.gender != gender):
                return seen
        return None

    def _led_by(self, head: Token, extent: Span, sector: str | None) -> list[Mention] | None:
        """"the Obama administration", "the Assad regime": the government of the state its leader
        headed, not the state the article named last; an unknown leader's is a government of no
        known state. "Assad forces", "a Trump adviser", "Obama administration officials": the role,
        in the known leader's state. None when no leader's name comes before the noun."""
        if head.lemma_.lower() in _OTHER_PARTIES | RELATION_NOUNS:
            return None  # "Trump's top rival", "Assad's allies": others, not his government
        state_noun = self.gazetteer.generic.get(head.lemma_.lower()) == "country"
        if not state_noun and sector is None:
            return None
        holders = [head]
        if not state_noun:
            holders += [c for c in head.children if c.dep_ == "compound" and c.i < head.i
                        and self.gazetteer.generic.get(c.lemma_.lower()) == "country"]
        leader = next((c for h in holders for c in h.children if c.i < h.i and c.i not in self.by_token and (
            (c.dep_ in ("compound", "poss") and c.pos_ == "PROPN")
            or (c.dep_ == "amod" and c.text[:1].isupper() and not self._capital_of_the_first_word(c)
                and (c.ent_type_ in ("PERSON", "ORG") or self._leaders_country(c.text, head))))), None)
        if leader is None or _patron(self.doc[leader.i : leader.i + 1]):
            return None  # "pro-Assad forces" are not Assad's
        name = _clean_name(self.doc[leader.left_edge.i : leader.i + 1])
        remembered = self._recall(name, head.i)
        country = remembered.country_code if remembered is not None else self._leaders_country(leader.text, head)
        if country is None:
            if not state_noun or leader.ent_type_ in ("NORP", "GPE", "LOC"):
                return None  # "the Tory government": a party's or a place's, left to the article's state
            return self._role_only("GOV", extent)
        return [self._of_state(country, extent, "GOV" if state_noun else sector, kind="coreference")]

    def _led_body(self, tokens: list[Token], head: Token, extent: Span, sector: str | None,
                  office: str | None) -> list[Mention]:
        """"the Saudi-led coalition" is Saudi Arabia's armed forces, "the Democrat-led House" the US
        legislature, "the Brotherhood-led alliance" the Brotherhood: a body named by nothing but who
        leads it is the leader's, in the body's sector ("the Kurdish-led Syrian Democratic Forces", which
        have a name, are that name's). What a leader holds and is no body ("ISIS-controlled oil
        facilities") stands for the leader, wherever it is."""
        leaders = [hit for t in tokens if t.i < head.i and (hit := self.by_token.get(t.i)) is not None
                   and hit[0].end == t.i + 1 and _leads(hit[0])]
        if not leaders:
            return []
        span, entry = leaders[-1]
        if entry.kind not in COUNTRY_KINDS and entry.kind != "group":
            return []
        state = entry.kind in COUNTRY_KINDS
        body = (_LED_BY_A_PARTY if entry.sector == "PTY" else _LED_BY_A_STATE if state else {}).get(head.lemma_.lower())
        if (sector or body) and entry.country_code:
            return [self._of_state(entry.country_code, extent, sector or body, kind="role")]
        return self._with_entries([(span, entry)], None, office, extent, head, tokens)

    def _known_surname(self, tok: Token) -> bool:
        """ "Trump accused ..." tagged as the noun "trump": a surname the files know, and not a
        dictionary word unless the article named the person before ("Rice prices rose" is no Rice)."""
        return not tok.is_upper and bool(self.gazetteer.people_by_surname(tok.text)) and (
            tok.lower_ not in self.common_words or self._recall(tok.text, tok.i) is not None)  # not "BIDEN MOCKED"

    def _capital_of_the_first_word(self, tok: Token) -> bool:
        """"Key senators said": a dictionary word capitalised only because it opens the sentence,
        not John Key's name, unless the tagger or the article made it one."""
        return tok.i == tok.sent.start and tok.lower_ in self.common_words and tok.ent_type_ != "PERSON" \
            and self._recall(tok.text, tok.i) is None

    def _joined_pair(self, head: Token, verb: int, people_only: bool) -> list[Mention]:
        """The two actors the previous sentence (or this one) joins with "and" ("Obama and Netanyahu
        offered an approach to Iran's ambitions. Both countries ..."): the pair a "both" refers to,
        before any actor named after them."""
        first = self.doc[head.sent.start - 1].sent.start if head.sent.start > 0 else head.sent.start
        recent = [seen for seen in self._history if first <= seen.i < head.i]
        for seen in reversed(recent):
            token = self.doc[seen.i]
            partners = [o for o in recent if o is not seen and (
                (token.dep_ == "conj" and o.i == token.head.i)
                or (o.i == seen.i and o.group and o.group == seen.group and _joined_modifiers(token)))]
            for other in partners:
                if verb >= 0 and verb in (seen.verb, other.verb):
                    continue
                if people_only and not (seen.person and other.person):
                    continue
                codes = [other.mention.country_code, seen.mention.country_code]
                if None not in codes and codes[0] != codes[1] and not any(self._is_place(s.i) for s in (seen, other)):
                    return [other.mention, seen.mention]
        return []

    def _leaders_country(self, surname: str, head: Token) -> str | None:
        """The state of the known leader called `surname` ("Assad" is al-Assad): the one in office
        on the article's day if the name is shared, else one the article has named."""
        people = [p for form in (surname, f"al-{surname}") for p in self.gazetteer.people_by_surname(form) if p.is_top]
        countries = {p.country for p in people}
        if len(countries) > 1:
            countries = {p.country for p in people if p.office_on(self.day) is not None} or countries
        if len(countries) > 1:
            named = {seen.mention.country_code for seen in self._history if seen.i < head.i}
            countries = countries & named
        return next(iter(countries)) if len(countries) == 1 else None

    def _generic(self, head: Token, tokens: list[Token], extent: Span, office: str | None) -> list[Mention] | None:
        """"the regime", "the country", "both sides", "the two leaders", "the president"."""
        meaning = self.gazetteer.generic.get(head.lemma_.lower()) or self.gazetteer.generic.get(head.lower_)
        words = {t.lower_ for t in tokens}
        own = {t.lower_ for t in tokens if t.i < head.i}  # not its of-phrase: "Presidents of both parties"
        # "that country" points back as "the country" does ("this country" is often the speaker's own)
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "both", "that") for c in head.children) or "both" in own
        if meaning is None or not definite or (head.lower_ in self.gazetteer.capitals_only and not head.text.isupper()):
            return None
        pair = bool(words & _PAIR_MARKERS) or head.lower_ == "pair"
        if pair and any(p.lemma_.lower() in _DIVIDES for p in _of_objects(head)):
            return []  # "both sides of the political spectrum", "of the aisle", "of the debate": no states
        if pair and "two" not in words and any(c.dep_ == "conj" for c in head.children):
            pair = False  # "both the president and Mr Guaidó": "both ... and" joins two, each of its own
        people_only = meaning == "person"
        if pair:
            picked: list[Mention] = []
            verb = _governing_verb(head)
            joined = self._joined_pair(head, verb, people_only)
            if joined:
                return [_moved(m, extent, sector="" if people_only else "GOV", gaz=self.gazetteer,
                               name=people_only) for m in joined]
            for seen in reversed(self._history):
                if seen.i >= head.i or (people_only and not seen.person) or seen.mention.country_code is None:
                    continue
                if verb >= 0 and seen.verb == verb:
                    continue  # "China urged the two countries": China is not one of them
                if self._is_place(seen.i):
                    continue  # "met in Baghdad. Both countries agreed": Iraq is where, not who
                if all(p.country_code != seen.mention.country_code for p in picked):
                    picked.append(seen.mention)
                if len(picked) == 2:
                    return [_moved(m, extent, sector="" if people_only else "GOV", gaz=self.gazetteer,
                                   name=people_only)
                            for m in reversed(picked)]
            return []
        if _plural_noun(head):
            return None
        if people_only:
            plain = head.lemma_.lower() in _PLAIN_PERSON_NOUNS
            for seen in reversed(self._history):
                if seen.i >= head.i or seen.mention.country_code is None or not seen.person:
                    continue
                if plain and seen.mention.plover_sector in _STATE_SECTORS:
                    continue  # "police arrested the man": a suspect, not the minister named before
                if office is None or _same_office(seen.office, office):
                    return [_moved(seen.mention, extent)]
            return []
        if head.lemma_.lower() == "administration" and "USA" in self.state_names:
            # a government called "the administration" with no leader's name is American usage: in a US
            # story about Syria it is not Syria's, however recently Assad was named
            return [self._mention(Entry("USA", "USA", "country"), extent, "GOV", kind="coreference")]
        exclude = self._other_party(head)
        if _that(head):
            # "a fundraising arm in Sweden ... at the same time that country was lobbying": the last
            # state named, however often the article names another
            last = self._last_named_state(head, exclude)
            return [_moved(last, extent, sector="GOV", gaz=self.gazetteer, name=False)] if last else []
        named_regime = self._named_regime(head, exclude)
        if named_regime is not None:
            return [_moved(named_regime, extent, sector="GOV", gaz=self.gazetteer, name=False)]
        scene = self._scene_state(head)
        if scene is not None and scene not in exclude:
            return [self._mention(Entry(scene, scene, "country"), extent, "GOV", kind="coreference")]
        state = self._salient_state(head, exclude)
        return [_moved(state, extent, sector="GOV", gaz=self.gazetteer, name=False)] if state else []

    def _named_regime(self, head: Token, exclude: set[str]) -> Mention | None:
        """"the regime" after the article has called one state's government a regime ("the Burmese
        regime", "the Assad regime", "Pyongyang's regime"): that one, however often the article
        names its own country's leader, if the regime or its state is named in this sentence or the
        three before (a story on the Iran deal that turns to Myanmar: "the regime has barred her" is
        not Iran's)."""
        if head.lemma_.lower() != "regime":
            return None
        near = head.sent.start
        for _ in range(3):
            near = self.doc[near - 1].sent.start if near > 0 else near
        nearby = {seen.mention.country_code for seen in self._history if near <= seen.i < head.i}
        for i in range(head.i - 1, -1, -1):
            tok = self.doc[i]
            if tok.lemma_.lower() != "regime" or not any(
                    c.dep_ in ("amod", "compound", "poss", "nmod", "prep") for c in tok.children):
                continue  # a bare "the regime" before: not named, only guessed
            states = {m.country_code for m in self._cache.get(i, []) if m.country_code}
            if len(states) == 1 and not states & exclude and (states & nearby or i >= near):
                return self._cache[i][0]
        return None

    def _scene_state(self, head: Token) -> str | None:
        """"In South Africa, thousands marched and the government recalled its ambassadors": the
        state a sentence opens by placing itself in is the one its "government" or "country" means,
        however often the article names another."""
        first = head.sent[0]
        if first.lower_ not in _LOCATIVE_PREPS or first.i >= head.i:
            return None
        places = [self.by_token[p.i][1] for p in first.children if p.dep_ == "pobj" and p.i in self.by_token]
        if len(places) != 1 or places[0].kind not in _PLACE_KINDS or not places[0].country_code:
            return None
        comma = next((t for t in head.sent if t.i > first.i and t.text == ","), None)
        return places[0].country_code if comma is not None and comma.i < head.i else None

    def _last_named_state(self, head: Token, exclude: set[str]) -> Mention | None:
        """The state named last before `head` by its name, capital or one of its state bodies."""
        for seen in reversed(self._history):
            m = seen.mention
            if seen.i < head.i and m.country_code and m.country_code not in exclude and m.kind != "demonym" \
                    and m.plover_sector in _STATE_SECTORS:
                return m
        return None

    def _salient_state(self, head: Token, exclude: set[str]) -> Mention | None:
        """The state "the regime" or "the country" refers to: the one the article has named most,
        counting mentions in this and the previous sentence twice; on a tie, the latest."""
        sent_start = head.sent.start
        previous_start = self.doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
        scores: dict[str, float] = {}
        latest: dict[str, _Seen] = {}
        for seen in self._history:
            m = seen.mention
            if seen.i >= head.i or m.country_code is None or m.country_code in exclude or m.kind == "demonym":
                continue
            if m.plover_sector not in _STATE_SECTORS:
                continue  # a professor or a newspaper does not make a state salient; its congress does
            scores[m.country_code] = scores.get(m.country_code, 0) + (2 if seen.i >= previous_start else 1)
            latest[m.country_code] = seen
        if not scores:
            return None
        best = max(scores, key=lambda c: (scores[c], latest[c].i))
        return latest[best].mention

    def _other_party(self, head: Token) -> set[str]:
        """States a phrase cannot refer to: in "its ties with the island nation" or "Pyongyang
        strengthened ties with the nation", the nation is not the owner or the subject."""
        if head.dep_ != "pobj" or head.head.dep_ != "prep":
            return set()
        anchor = head.head.head
        found: set[str] = set()
        holders = [c for c in anchor.children if c.dep_ == "poss"]
        verb = anchor
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        holders += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb.dep_ in ("acl", "xcomp") and verb.head.pos_ in ("NOUN", "PROPN"):
            holders += [c for c in verb.head.children if c.dep_ == "poss"]  # "Pyongyang's effort to strengthen ..."
        for tok in holders:
            found.update(m.country_code for m in self._cache.get(tok.i, []) if m.country_code)
        return found

    def _reflexive(self, tok: Token) -> list[Mention]:
        """"itself", "himself": the subject of its clause, or the owner of the noun the clause
        belongs to ("the regime's efforts to isolate itself"); "Putin himself" is Putin."""
        if tok.dep_ == "appos" and self._cache.get(tok.head.i):
            return [_moved(m, self.doc[tok.i : tok.i + 1]) for m in self._cache[tok.head.i]]
        verb = tok.head
        for _ in range(4):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "poss") and c.i < tok.i]
            for subject in subjects:
                found = self._cache.get(subject.i) or []
                if found:
                    extent = self.doc[tok.i : tok.i + 1]
                    return [_moved(m, extent) for m in found]
            if verb.head.i == verb.i:
                break
            verb = verb.head
        return []


def names_a_person(m: Mention, gazetteer: Gazetteer) -> bool:
    """Whether a mention is a person, named here or before ("Stevens" after "Ambassador J.
    Christopher Stevens"), and not a state or a body a pronoun stood for ("It" after "the United
    Nations" is no person, so a later "she" does not become the UN)."""
    if m.kind == "person":
        return True
    return m.kind == "coreference" and m.name is not None \
        and m.name != gazetteer.country_names.get(m.country_code or "") \
        and not any(e.kind != "person" for e in gazetteer.lookup(m.name))


def _nearest(hits: list[tuple[str, Token, int]], head: Token) -> tuple[str | None, Token | None]:
    if not hits:
        return None, None
    at_head = [h for h in hits if h[1].i == head.i]
    before = [h for h in hits if h[1].i < head.i]
    after = [h for h in hits if h[1].i > head.i]
    if at_head:
        return at_head[0][0], at_head[0][1]
    if before:
        best = max(before, key=lambda h: h[1].i)
        return best[0], best[1]
    best = min(after, key=lambda h: h[1].i)
    return best[0], best[1]


def _is_legal_form(tok: Token) -> bool:
    """"Inc", "Corp.", "Ltd": the word that ends a company's name."""
    return tok.lower_.rstrip(".") in _LEGAL_FORMS


def _names_a_stance(head: Token) -> bool:
    """Whether "opposition" names a stance, opposition *to* something, *from* someone or his or hers,
    rather than a party."""
    return any((c.dep_ == "prep" and c.lower_ in ("to", "from", "among"))
               or (c.dep_ == "poss" and c.lower_ in ("his", "her")) for c in head.children)


def _based(tok: Token) -> bool:
    """"*California*-based": a place said to be a company's base."""
    return any(t.lower_ == "based" for t in tok.doc[tok.i + 1: tok.i + 3])


def _legal_form_after_and(head: Token) -> Token | None:
    """The legal form closing a company name that the parser split at its "and": "Mitsui and *Ltd*"."""
    if head.pos_ != "PROPN" or head.ent_type_ != "ORG":
        return None
    for conj in head.children:
        if conj.dep_ == "conj" and _is_legal_form(conj) and conj.text[:1].isupper() \
                and conj.ent_type_ == "ORG" and not any(t.ent_iob_ == "B" for t in head.doc[head.i + 1: conj.i + 1]) \
                and all(t.pos_ == "PROPN" or t.lower_ in ("and", "&") for t in head.doc[head.i + 1: conj.i]):
            return conj
    return None


def _owned_by_another(entry: Entry, owners: set[str]) -> bool:
    """A generic body name with another country named as its owner: "Chile's Defense Department"."""
    return entry.generic_name and bool(owners) and entry.country_code not in owners


RELATION_NOUNS = {"ally", "enemy", "foe", "adversary"}  # "American allies" are not American
# What a state's soldiers, spies or diplomats do more often than its people ("Americans fought",
# "Russians hacking", "Israelis and Palestinians negotiate").
_AGENT_ACTS = {"fight", "attack", "hack", "kill", "shoot", "bomb", "invade", "raid", "interfere", "meddle", "spy",
               "negotiate", "sign", "wage", "storm", "capture", "seize", "occupy", "torture", "execute", "behead",
               "deploy", "patrol", "embed", "infiltrate", "launch", "fire", "shell", "strike", "battle", "defend"}
# What is done to a state's soldiers, spies or diplomats more often than to its people.
_STATE_AGENTS_TREATED = {"expel", "indict", "sanction", "charge", "accuse", "deploy", "capture", "embed", "infiltrate"}
_PUBLIC_WORDS = {"ordinary", "young", "average", "many", "most", "some", "poor", "rich", "older", "elderly",
                 "millions", "thousands", "hundreds", "fellow", "everyday", "working", "common", "local", "other"}


def _allies_of(head: Token) -> bool:
    """"American allies", "U.S. enemies": of the state, not the state ("its Philippine partner" is
    Philippine)."""
    return head.lemma_.lower() in RELATION_NOUNS and not any(c.dep_ == "poss" for c in head.children)


def _a_public(extent: Span) -> bool:
    """Whether a plural nationality word names a state's people rather than, possibly, the state or
    its agents: "Kenyans protested", "ordinary Iranians", "many Israelis", "killed four Americans";
    not "the Russians", "Americans fought", "Russians hacking", "expelled 60 Russians"."""
    head = extent.root
    if head.tag_ not in ("NNPS", "NNS"):
        return False
    first = head
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head  # "the Russians and Chinese": "the" is the Chinese's too
    before = [t for t in head.children if t.i < head.i] + [t for t in first.children if t.i < first.i]
    if any(t.lower_ in _PUBLIC_WORDS for t in before):
        return True
    if any(t.dep_ in ("det", "poss") for t in before) and not any(t.like_num for t in before):
        return False  # "the Russians", but "the four Americans" held in Iran
    verb = first.head
    if first.dep_ == "nsubj" or (first.dep_ == "pobj" and verb.lower_ == "by"):
        verb = verb.head if first.dep_ == "pobj" else verb
        acts = {verb.lemma_.lower()} | {c.lemma_.lower() for c in verb.children if c.dep_ in ("xcomp", "conj")}
        return not acts & _AGENT_ACTS  # "Americans fought", "Russians hacking": maybe its agents
    return verb.lemma_.lower() not in _STATE_AGENTS_TREATED  # "expelled 60 Russians": its diplomats


def _names_office(last: Token, office: str) -> bool:
    """Whether the words ending at `last` spell the office ("chief executive" for chief_executive)."""
    words = office.split("_")
    start = last.i - len(words) + 1
    return start >= 0 and [t.lower_ for t in last.doc[start : last.i + 1]] == words


def _joined_modifiers(head: Token) -> bool:
    """"Chinese and Japanese officials": the phrase's own modifiers are joined with "and"."""
    return any(c.dep_ in ("amod", "compound", "nmod") and c.i < head.i and any(g.dep_ == "conj" for g in c.children)
               for c in head.children)


def _without_clauses(tok: Token) -> list[Token]:
    """`tok`'s subtree without the clauses in it: "crowds of Iraqis *protesting America's strikes*"
    are Iraqis, of no American sector. A participle that says whose someone is stays ("journalists
    *working for Russian media*", "bombings *blamed on the PKK*")."""
    cut = {t.i for d in tok.subtree if d is not tok and d.dep_ in _CLAUSES_IN_A_PHRASE
           and not (d.dep_ == "acl" and d.lemma_.lower() in _SAYS_WHOSE) for t in d.subtree}
    return [t for t in tok.subtree if t.i not in cut]


def _patron(span: Span) -> bool:
    """A name that says who backs, inspires or made the actor, not who it is: "*US*-backed rebels",
    "*Al-Qaeda*-linked militants", "*pro-Russia* separatists", "*anti-Israel* protesters",
    "*Iranian*-made missiles"."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == "-" and not doc[span.end - 1].whitespace_ \
            and doc[span.end + 1].lower_ in _PATRON_WORDS:
        return True
    before = doc[span.start - 2 : span.start] if span.start >= 2 else None
    if before is not None and before[1].text == "-" and before[0].lower_ in ("pro", "anti") \
            and not before[0].whitespace_:
        return True
    return span.start >= 1 and doc[span.start - 1].lower_ in ("pro-", "anti-")


def _of_objects(tok: Token) -> list[Token]:
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]


def _plural_noun(tok: Token) -> bool:
    return tok.tag_ in ("NNS", "NNPS")


def _leads(span: Span) -> bool:
    """ "*Saudi*-led", "*Hamas*-run", "*Republican*-controlled"."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text == "-" and not doc[span.end - 1].whitespace_ \
        and doc[span.end + 1].lower_ in _LEADING_WORDS


def _governing_verb(tok: Token) -> int:
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") and cur.i != tok.i:
            return cur.i
        if cur.head.i == cur.i:
            return -1
        cur = cur.head
    return -1


def _name_head(name: str) -> str:
    """The word a body's name is about: "Agency" in "International Atomic Energy Agency", "Bank" in
    "Bank of England"."""
    words = name.lower().split()
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


def _name_words(name: str) -> list[str]:
    return [w.strip(".,'’") for w in fold(name).split() if len(w.strip(".,'’")) > 1]


def _same_office(held: str | None, named: str) -> bool:
    """Whether an office named in the text is the one held. "Leader" names any leader, and a person
    known only as a leader may hold any leader's office; but "the president" is not a supreme
    leader or a prime minister (a North Korean supreme leader named last is not "the president"
    of a US article)."""
    if held == named:
        return True
    if named in _GENERIC_LEADER and held in _LEADER_OFFICES:
        return True
    return held in _GENERIC_LEADER and named in _LEADER_OFFICES


def _fits_title(term: Term, sector: str | None, office: str | None) -> bool:
    """Whether a term fits the title written before a surname: its office when the title names one
    ("Attorney General"), else its sector ("Sen." is LEG)."""
    return _same_office(term.office, office) if office else term.sector == sector


def _holds(person: Person, office: str, day) -> bool:
    term = person.office_on(day)
    return term is not None and _same_office(term.office, office)


def _outweighed(entry: Entry, named: Counter) -> bool:
    """Whether a state the name must not be read with is named as often as the name's own
    ("Congress" in an article about Peru; not in a US article that mentions Mexico once)."""
    others = [named[c] for c in entry.not_with if named[c]]
    return bool(others) and max(others) >= max((named[c] for c in entry.context), default=0)


def _named_without_title(before: str, people: list[Person]) -> Person | None:
    """The one known person a surname names with no title before it: by the given name before it
    ("Donald Trump"), or after an honorific ("Mr Trump") when only one person has the surname."""
    honorific = before.lower().rstrip(".") in _HONORIFICS
    if honorific:
        return people[0] if len(people) == 1 else None
    if not before[:1].isupper():
        return None
    named = [p for p in people if fold(p.name).startswith(fold(before))]
    return named[0] if len(named) == 1 else None


def _title_before(words: list[str], i: int, titles: dict[str, str]) -> tuple[str | None, str | None]:
    """The office a title before the name at `words[i]` gives, and the given name between them:
    "Secretary of State [Mike] Pompeo", "Prime Minister [Mrs] May". No office when the title is
    of a past office ("former President", "then-Sen.")."""
    k, given = i - 1, None
    while k >= max(0, i - 4):
        office = next((titles[t] for n in (4, 3, 2, 1) if k - n + 1 >= 0
                       for t in [" ".join(words[k - n + 1 : k + 1]).lower()] if t in titles), None)
        if office is not None:
            past = any(w.lower().rstrip("-") in _NOT_NOW for w in words[max(0, k - 5) : k + 1])
            return (None if past else office), given
        if not words[k][:1].isupper():
            break
        if words[k].lower().rstrip(".") not in _HONORIFICS:
            given = words[k]
        k -= 1
    return None, None


def _named_spans(by_token: dict[int, tuple[Span, Entry]]) -> list[tuple[Span, Entry]]:
    """Each gazetteer name of the article once (`by_token` holds it under every token it covers)."""
    return list({id(span): (span, entry) for span, entry in by_token.values()}.values())


def _drop_namesake_towns(doc: Doc, by_token: dict[int, tuple[Span, Entry]]) -> None:
    """"Oxford, Mississippi,", "Paris, Texas,", "Cambridge, Mass.,": a town named after a foreign
    city, with its own state or country set off by commas after it, is not that city ("In Kyiv,
    Russia is ..." is), and nor, after a state or province, is the same name anywhere else in the
    article ("police in Cambridge" after "Cambridge, Mass."). Not in a list: "talks involving
    Kiev, Russia, the European Union"."""
    towns: set[str] = set()
    for span, entry in _named_spans(by_token):
        if entry.kind not in ("city", "capital") or span.end + 1 >= len(doc) or doc[span.end].text != ",":
            continue
        after = by_token.get(span.end + 1)
        if after is None or after[1].country_code == entry.country_code:
            continue
        if after[1].kind not in ("region", "country") and not (after[1].kind == "city" and after[0].text.endswith(".")):
            continue  # a state abbreviation ("Mass.") is filed as a city: it places and stands for no one
        closed = after[0].end == len(doc) or doc[after[0].end].text in (",", ".", ")", ";")
        listed = after[1].kind == "country" and after[0].end + 1 < len(doc) and doc[after[0].end].text == "," \
            and (after[0].end + 1 in by_token or doc[after[0].end + 1].lower_ in ("and", "the"))
        if closed and not listed:
            for i in range(span.start, span.end):
                by_token.pop(i, None)
            if after[1].kind != "country":
                towns.add(span.text)
    for span, entry in _named_spans(by_token):
        if entry.kind in ("city", "capital") and span.text in towns:
            for i in range(span.start, span.end):
                by_token.pop(i, None)


def named_with_a_given_name(text: str, name: str, common_words: frozenset[str], gazetteer: Gazetteer) -> bool:
    """Whether the text writes `name` after a word that may be a given name ("Dakota Bordeaux",
    "Alfredo Sanchez"), not after a title, an honorific, a place or a dictionary word opening a
    sentence ("Later Sanchez")."""
    for match in re.finditer(r"\b([A-Z][\w-]+) " + re.escape(name) + r"\b", text):
        given = match.group(1).lower()
        before = text[max(0, match.start() - 8) : match.start()].rstrip(" \t\"“‘'(")
        opening = not before or before[-1] in ".!?:\n"
        if (opening and given in common_words) or given in gazetteer.titles or given in gazetteer.roles \
                or given in _HONORIFICS or gazetteer.lookup(given) or gazetteer.lookup(match.group(0)):
            continue
        return True
    return False


def _drop_towns_named_for_people(doc: Doc, by_token: dict[int, tuple[Span, Entry]], text: str,
                                 common_words: frozenset[str], gazetteer: Gazetteer) -> None:
    """"Dakota Bordeaux ... Bordeaux said": a one-word town or region that the article also writes
    as a person's surname, in a story that names nothing else of its country, is that person."""
    spans = _named_spans(by_token)
    names_of: dict[str | None, set[str]] = {}
    for span, entry in spans:
        names_of.setdefault(entry.country_code, set()).add(span.text)
    surnames = {span.text for span, entry in spans
                if len(span) == 1 and entry.kind in ("city", "region") and names_of[entry.country_code] == {span.text}
                and named_with_a_given_name(text, span.text, common_words, gazetteer)}
    for span, _ in spans:
        if len(span) == 1 and span.text in surnames:
            by_token.pop(span.start, None)


def _drop_groups_named_for_people(doc: Doc, by_token: dict[int, tuple[Span, Entry]], gazetteer: Gazetteer) -> None:
    """"Michael Bloomberg" is a person, not the news agency: a one-word group name written after a
    given name, in one person's name, is that person's surname."""
    for start, (span, entry) in list(by_token.items()):
        if entry.kind != "group" or len(span) != 1 or span.text.isupper():
            continue
        person = entity_at(doc, start)
        if person is not None and person.label_ == "PERSON" and person.start < start \
                and doc[start - 1].lower_ in gazetteer.genders:
            by_token.pop(start, None)


def _states_named(doc: Doc, by_token: dict[int, tuple[Span, Entry]], gazetteer: Gazetteer, day: date) -> Counter:
    spans = _named_spans(by_token)
    names = Counter(entry.country_code for _, entry in spans
                    if entry.kind in ("country", "demonym", "capital", "person") and entry.country_code)
    named_in_full = {entry.person for _, entry in spans if entry.kind == "person"}
    state_of: dict[str, str | None] = {}
    for tok in doc:  # "Trump said": a leader named by surname alone names a state too
        if tok.pos_ == "PROPN" and tok.i not in by_token and tok.text[:1].isupper() \
                and not _in_longer_name(tok, gazetteer):
            if tok.text not in state_of:
                state_of[tok.text] = _surname_state(tok.text, named_in_full, gazetteer, day)
            if state_of[tok.text] is not None:
                names[state_of[tok.text]] += 1
    return names


def _surname_state(surname: str, named_in_full: set[str | None], gazetteer: Gazetteer, day: date) -> str | None:
    """The state a leader's bare surname names: "Harry Reid ... Reid said" is whoever the article
    named in full with it (a legislator, no leader), though a namesake of higher office (John Reid,
    a British minister) is known too."""
    in_use = [p for p in gazetteer.people_by_surname(surname) if surname_in_use(p, day)]
    named = [p for p in in_use if p.key in named_in_full]
    known = [p for p in named or in_use if p.is_top]
    return known[0].country if len({p.country for p in known}) == 1 else None


def _in_longer_name(tok: Token, gazetteer: Gazetteer) -> bool:
    """"Street" in "Wall Street", "Dan" in "Dan Ives": part of another name, not a leader's surname
    ("President Trump" is still Trump)."""
    def name_word(t: Token) -> bool:
        word = t.lower_.rstrip(".")
        return t.pos_ == "PROPN" and word not in _HONORIFICS and word not in gazetteer.roles \
            and word not in gazetteer.titles and word not in _TITLE_ABBREVIATIONS
    if tok.dep_ == "compound" and name_word(tok.head):
        return True
    return any(c.dep_ == "compound" and name_word(c) for c in tok.children)


def surname_in_use(person: Person, day: date) -> bool:
    """Whether a bare surname could mean the person on the day: from a year before the first office
    ("Zelensky" in 2015 is not Ukraine's president of 2019) until some years after the last ("Powell"
    in 2020 is not the Secretary of State of 2005), or for good if they led a state."""
    first = min((t.start for t in person.terms), default=None)
    return (first is None or first <= day + _SURNAME_LEAD) and not _faded(person, day)


def _faded(person: Person, day: date) -> bool:
    """Out of office for so long that a bare surname no longer means them; heads of state and
    government ("Reagan", "Thatcher") are remembered."""
    ends = [t.end for t in person.terms]
    if not ends or None in ends or any(t.office in _HEAD_OFFICES for t in person.terms):
        return False
    return max(ends) < day - _SURNAME_AFTER


def _latest_in_office(people: list[Person], day: date) -> list[Person]:
    """Of several known people with one surname: whoever holds a top office on the day; else, when
    all are of one country, whoever left office last (either way the country and ELI are right)."""
    serving = [p for p in people if any(t.covers(day) and t.office in OFFICE_RANK for t in p.terms)]
    if serving:
        return serving
    if len({p.country for p in people}) > 1:
        return people

    def left(person: Person) -> date:
        return max((t.end for t in person.terms if t.end is not None and t.end <= day), default=date.min)
    ranked = sorted(people, key=left, reverse=True)
    return ranked[:1] if left(ranked[0]) > left(ranked[1]) else ranked


def _initial(word: str) -> bool:
    """"W." in "Rex W. Tillerson", left out of the files' names. A suffix is not left out:
    "Donald Trump Jr." is not Donald Trump."""
    bare = word.strip(".,")
    return len(bare) == 1 and bare.isupper()


def _ends_with_place(span: Span, ent_start: int, ent_end: int) -> bool:
    """A name of several words ("White House", "South Korea") that closes a longer person
    entity: the tagger ran a name into the place ("the Obama White House"). One-word names
    stay parts of people's names ("Michael Jordan", the "un" of "Kim Jong-un")."""
    words = [t for t in span if t.is_alpha]
    return len(words) > 1 and span.end == ent_end and span.start > ent_start


def _expletive(tok: Token) -> bool:
    """"*It* would be impossible to destroy ...", "*It*'s a crime to ...", "*it* is clear that ...":
    an "it" that stands for the clause after it, not for an actor."""
    if tok.lower_ != "it":
        return False
    if tok.dep_ == "expl":
        return True
    verb = tok.head
    if tok.dep_ == "nsubj" and verb.lemma_ in ("take", "cost") and any(
            c.dep_ in ("xcomp", "ccomp") and c.i > tok.i and any(t.tag_ == "TO" for t in c.children)
            for c in verb.children):
        return True  # "It took Russia years to rebuild", not "it took Crimea"
    raising = verb.lemma_ in ("seem", "appear", "happen") or (
        verb.lemma_ == "turn" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children))
    if tok.dep_ == "nsubj" and raising and (
            any(c.dep_ == "ccomp" and c.i > tok.i for c in verb.children)
            or (verb.dep_ in ("ccomp", "parataxis") and verb.head.i > verb.i)):
        return True  # "It seems that Iran attacked", "It turns out, Iran asked", not "it seems ready to strike"
    if tok.dep_ == "nsubj" and when_it_comes_to(verb):
        return True
    if tok.dep_ != "nsubj" or verb.lemma_ != "be":
        return False
    # the clause hangs on "be" itself ("It is ready to strike": on "ready", and "it" is someone)
    return any(c.dep_ in ("acomp", "attr") for c in verb.children) and any(
        c.dep_ in ("xcomp", "ccomp") and c.i > tok.i for c in verb.children)


def _dictionary_words(nlp) -> frozenset[str]:
    """The base forms the lemmatizer knows for any part of speech (empty without its tables)."""
    if "lemmatizer" not in nlp.pipe_names or not nlp.get_pipe("lemmatizer").lookups.has_table("lemma_index"):
        return frozenset()
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(word for pos in index for word in index[pos])


def _clean_name(span: Span) -> str:
    text = span.text
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip(" ,")


def _that(noun: Token) -> bool:
    """Whether the noun is said with "that" ("that country"), pointing back to the one named last."""
    return any(c.dep_ == "det" and c.lower_ == "that" for c in noun.children)


def _several_peers(extent: Span) -> bool:
    """"four trade ministers", "the finance ministers from the Group of Seven": people counted or
    gathered who meet their like, often of as many states."""
    root = extent.root
    if root.tag_ not in ("NNS", "NNPS") or root.lemma_.lower() not in _MEETING_PEERS:
        return False
    return any(c.dep_ == "nummod" or (c.dep_ == "prep" and c.lower_ in ("from", "of")) for c in root.children)


def _shouting(span: Span) -> bool:
    """Whether the span's sentence is written in capitals (a headline), where case says nothing."""
    words = [t for t in span.sent if t.is_alpha]
    return sum(t.is_upper for t in words) * 2 > len(words)


def _first_name_token(tokens: list[Token]) -> int:
    return next((t.i for t in tokens if t.pos_ == "PROPN"), -1)


def _of_no_one_state(extent: Span, company: bool = False) -> bool:
    """"foreign officials", "world leaders", "other governments"; not "the Foreign Ministry", nor, in
    a `company`'s name, "International Surgical and Pharmaceutical Corp"."""
    for tok in extent:
        if tok.lower_ not in _NOT_ONE_STATE:
            continue
        after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if tok.lower_ == "foreign" and after is not None and after.lemma_.lower() in _FOREIGN_OFFICES:
            continue
        if tok.pos_ == "PROPN" and tok.ent_type_ == "ORG" and (company or _in_ministry_name(tok)):
            continue  # "International Surgical and Pharmaceutical Corp", "Ministry of International Trade"
        return True
    return False


def _in_ministry_name(tok: Token) -> bool:
    """Whether a word is in the name of a ministry or department, which is one state's."""
    name = entity_at(tok.doc, tok.i)
    return name is not None and any(t.lower_ in _MINISTRY_WORDS for t in name)


def _copy(m: Mention, **changes) -> Mention:
    return dataclasses.replace(m, **changes)


def _moved(actor: Mention, extent: Span, kind: str = "coreference", sector: str | None = "",
           gaz: Gazetteer | None = None, name: bool = True) -> Mention:
    """The remembered actor, at the span of the later mention that refers to it."""
    changes = dict(text=extent.text, start=extent.start_char, end=extent.end_char, kind=kind)
    if sector != "" and gaz is not None and actor.country_code:
        changes.update(code=gaz.cameo_code(actor.country_code, sector), sector=gaz.cameo_role(sector) or None,
                       plover_sector=sector, known_group_code=None, plover_country=None)
        if not name:
            changes["name"] = gaz.country_names.get(actor.country_code, actor.name)
    return _copy(actor, **changes)


class ActorResolver:
    """Finds gazetteer names in parsed articles; one instance per spaCy pipeline."""

    def __init__(self, nlp, gazetteer: Gazetteer | None = None):
        self.nlp = nlp
        self.gazetteer = gazetteer or load_gazetteer()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # Lower-cased and as spelled: the tokenizer splits "u.s." in two but keeps "U.S." whole.
        phrases = sorted(set(self.gazetteer.phrases) | {p for forms in self.gazetteer.spelled.values() for p in forms if p.lower() != p})
        self.matcher.add("ACTOR", list(nlp.tokenizer.pipe(phrases)))
        self.common_words = _dictionary_words(nlp)

    def for_doc(self, doc: Doc, when: date | None = None, dateline_country: str | None = None,
                undated: bool = False, page_text: str = "") -> DocActors:
        candidates = []
        day = when or date.today()
        for start, end in self._matches(doc):
            span = doc[start:end]
            entry = self._choose(span, day)
            if entry is not None:
                candidates.append((span, entry))
        named = Counter(e.country_code for _, e in candidates if e.kind in ("country", "demonym", "capital", "person"))

        def holds(entry: Entry) -> bool:
            return (not entry.context or bool(set(named).intersection(entry.context))) and not _outweighed(entry, named)

        kept = []
        for span, entry in candidates:
            if not holds(entry):
                # a name two groups bear by context: "the Taliban" is Pakistan's in a Pakistani story only
                entry = next((e for e in self.gazetteer.lookup(span.text) if e is not entry and e.kind == entry.kind
                              and e.valid_on(day) and holds(e)), None)
                if entry is None:
                    continue
            kept.append((span, entry))
        candidates = kept
        # Longest names win over the names inside or across them ("North Korean" over "the North"),
        # and of two as long, a name over an informal one ("the [North Koreans]", not "[the North] Koreans").
        candidates.sort(key=lambda c: (-(c[0].end - c[0].start), c[1].kind == "informal", c[0].start))
        by_token: dict[int, tuple[Span, Entry]] = {}
        for span, entry in candidates:
            if any(i in by_token for i in range(span.start, span.end)):
                continue
            for i in range(span.start, span.end):
                by_token[i] = (span, entry)
        self._add_misspellings(doc, by_token, day)
        _drop_namesake_towns(doc, by_token)
        _drop_towns_named_for_people(doc, by_token, page_text or doc.text, self.common_words, self.gazetteer)
        _drop_groups_named_for_people(doc, by_token, self.gazetteer)
        actors = DocActors(doc, self.gazetteer, by_token, when=when,
                           state_names=_states_named(doc, by_token, self.gazetteer, day), common_words=self.common_words,
                           dateline_country=dateline_country, undated=undated, page_text=page_text)
        actors.introduce_people()
        return actors

    def _matches(self, doc: Doc) -> list[tuple[int, int]]:
        """Where the files' names occur, written with accents or without ("Guaidó", "Guaido")."""
        found = {(start, end) for _, start, end in self.matcher(doc)}
        if any(t.is_alpha and not t.is_ascii for t in doc):
            plain = Doc(doc.vocab, words=[unaccent(t.text) or t.text for t in doc],
                        spaces=[bool(t.whitespace_) for t in doc])
            found.update((start, end) for _, start, end in self.matcher(plain))
        return sorted(found)

    def _add_misspellings(self, doc: Doc, by_token: dict[int, tuple[Span, Entry]], day: date) -> None:
        """A capitalised word that is a known one-word place name with two neighbouring letters
        swapped ("Dehli", "Kazahks") stands for that place. Checks a handful of spellings per word,
        never the whole gazetteer."""
        for tok in doc:
            text = tok.text
            if tok.i in by_token or len(text) < 5 or not text[:1].isupper() or not text.isalpha() \
                    or text.lower() in self.gazetteer.phrases:
                continue
            if tok.ent_type_ == "PERSON" and (tok.ent_iob_ != "B" or (tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I")):
                continue  # part of a longer person's name
            found = set()
            for k in range(1, len(text) - 1):
                swapped = text[:k] + text[k + 1] + text[k] + text[k + 2:]
                entries = [e for e in self.gazetteer.lookup(swapped) if e.valid_on(day)]
                if entries and entries[0].kind in COUNTRY_KINDS:
                    found.add(entries[0])
            if len(found) == 1:
                by_token[tok.i] = (doc[tok.i : tok.i + 1], found.pop())

    def _namesake_of_the_day(self, people: list[Entry], day: date) -> Entry:
        """Of two people the files know by one name (Spain's Pedro Sanchez, prime minister from 2018;
        Colombia's, defence minister from 2025), the one in office on the day, else the one whose
        offices came nearest to it; of two in office, a head of state or government."""
        def distance(entry: Entry) -> int:
            terms = self.gazetteer.people[entry.person].terms
            return min(((t.start - day).days if t.start > day else 0 if t.covers(day) else (day - t.end).days
                        for t in terms), default=1 << 30)
        def rank(entry: Entry) -> int:
            term = self.gazetteer.people[entry.person].office_on(day)
            return OFFICE_RANK.index(term.office) if term is not None and term.office in OFFICE_RANK else len(OFFICE_RANK)
        return min(people, key=lambda e: (distance(e), rank(e)))

    def _capitals_fit(self, text: str) -> bool:
        """Whether the text keeps the capitals of one of the files' spellings of the name."""
        text = " ".join(text.split())
        forms = self.gazetteer.spelled.get(text.lower(), ())
        # strict=False: lower-casing may change a name's length ("İ"), then the overlap decides
        return not forms or any(all(not f.isupper() or t.isupper() for f, t in zip(form, text, strict=False))
                                for form in forms)

    def _choose(self, span: Span, day: date) -> Entry | None:
        entries = [e for e in self.gazetteer.lookup(span.text) if e.valid_on(day)]
        if not entries:
            return None
        entry = entries[0]
        if entry.kind == "person":
            entry = self._namesake_of_the_day([e for e in entries if e.kind == "person"], day)
        text = span.text
        if text.upper() in self.gazetteer.acronyms and text != text.upper() and not self.gazetteer.is_spelling(text):
            return None  # "us", "who": acronyms count only in capitals (or as the files spell them: "DfID")
        if entry.kind == "blocked":
            return entry
        if entry.kind in ("city", "region") and text.isupper() and len(text) > 2 and not _shouting(span):
            return None  # "the GAO" is an office, not the Malian town of Gao
        if entry.kind == "group" and len(span) > 1 and not self._capitals_fit(text):
            return None  # "visited Russia today" is not the broadcaster Russia Today
        if entry.kind == "group" and " of " in text and span.start > 0 and span[0].ent_iob_ == "I":
            prev = span.doc[span.start - 1]
            if prev.pos_ == "PROPN" and prev.text[:1].isupper() \
                    and not any(e.kind in COUNTRY_KINDS for e in self.gazetteer.lookup(prev.text)):
                return None  # "Royal Bank of Canada" is a longer name, not the Bank of Canada
        if not text[:1].isupper() and not text[:1].isdigit() and not any(c.isupper() for c in text[1:]):
            if entry.kind != "informal" or len(span) == 1:
                return None  # "china", "turkey" in lower case are not countries ("iSrael", a typo, is)
        if entry.kind == "informal" and not span[-1].text[:1].isupper():
            return None  # "the North" stands for a country, "the north" for a region
        if entry.kind in COUNTRY_KINDS and entry.kind != "demonym":
            nxt = span.doc[span.end] if span.end < len(span.doc) else None
            if nxt is not None and nxt.text in ("Studies", "Affairs"):
                return None  # "Institute of Korean Studies": the subject, not the owner
        if entry.kind in COUNTRY_KINDS and entry.kind != "demonym":
            for tok in span:
                if tok.ent_type_ != "PERSON":
                    continue
                ent = entity_at(span.doc, tok.i)
                ent_end = ent.end if ent is not None else -1
                if ent is not None and span.doc[ent_end - 1].lower_ in ("'s", "’s", "'", "’"):
                    ent_end -= 1  # "Burkina Faso’s" tagged as a person, possessive included
                exact = ent is not None and ent.start == span.start and ent_end == span.end
                if ent is not None and _ends_with_place(span, ent.start, ent_end):
                    break  # "the Trump White House": a leader's name before a seat of government
                if not exact or text.lower() in self.gazetteer.given_names:
                    return None  # "Chad", "Jordan", the "un" of "Kim Jong-un": parts of people's names
                break
        return entry


def _tagged_sector(sector: str | None, extent: Span) -> str:
    """A party tag makes a member of Congress, whatever "Government" says inside a committee's name
    ("House Oversight and Government Reform Chairman Jason Chaffetz (R-Utah)"); a governor stays one."""
    if sector in (None, "GOV") and not any(t.lower_ in _EXECUTIVE_TITLES for t in extent):
        return "LEG"
    return sector


def _armed_or_diplomatic(sector: str | None, extent: Span) -> bool:
    """Whether the phrase is an army ("the army", "the garrison") or a foreign or defence ministry,
    its minister or an embassy: what a territory leaves to its sovereign."""
    if sector == "MIL":
        return True
    if sector != "GOV":
        return False
    words = {t.lower_ for t in extent}
    return bool(words & _DIPLOMATIC_WORDS) or bool(words & _MINISTRY_FIELDS and words & _MINISTRY_WORDS)


def _serving_role_before(extent: Span, person: Span) -> bool:
    """Whether a role of someone who serves a state's leader stands before the name ("negotiator Kim")."""
    return any(t.lower_ in _SERVING_ROLES for t in extent if t.i < person.start)


def _heads(person: Person, day: date) -> bool:
    term = person.office_on(day)
    return term is not None and term.office in _HEAD_OFFICES

