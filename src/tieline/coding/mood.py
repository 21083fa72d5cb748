"""Whether a clause states a fact, and if not, what it does state: the walk up its governors.

"Iran *will* release ..." is an intent (03), "threatened *to* impose sanctions" a threat (13),
"refused *to* meet" a rejection (12), "did *not* attend" nothing at all, "*if* Iran attacks"
nothing, "said *that* ..." reported speech, "urged X *to* ..." an appeal made by someone else.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..nlp import when_it_comes_to
from .clauses import OBJECT_DEPS, is_question, own_markers, practice_owners
from .moods import MoodLexicon

# Prepositions whose gerund is the reason or content of another event, not an event of its own:
# "accused Russia *of attacking*", "criticised Japan *for sending*", "barred *from entering*".
_CONTENT_PREPOSITIONS = {"of", "for", "over", "about", "from", "against", "on", "into", "toward", "towards"}
# "charged two officers *with hacking*": what the charge says they did, not an event of its own
_CHARGED_WITH = {"charge", "indict", "accuse", "tax", "task", "credit"}
_MAX_LEVELS = 6
_FACTIVE_QUESTIONS = {"why", "how", "when", "where"}  # "did not say why X happened" leaves X a given
_GUESSES_ABOUT_THE_PAST = {"may have", "might have", "must have"}  # what an act did, not whether it was done
_DEGREE = {"less", "more", "too", "so", "least", "most", "increasingly"}
# Adverbs that make a clause tell what is done again and again, no one act: "Tokyo *annually* pays
# Washington $2 billion", "the two *regularly* meet", "he *often* criticized Merkel"
_HABITUAL_ADVERBS = {"annually", "usually", "routinely", "regularly", "typically", "normally",
                     "customarily", "habitually", "traditionally", "often", "frequently", "sometimes",
                     "occasionally", "periodically", "ordinarily"}
_RECURRING_PERIODS = {"day", "week", "month", "year", "summer", "winter", "spring", "autumn", "weekend"}


@dataclass
class Mood:
    state: str  # fact, future, refusal, commit, threat, directive, or drop
    reason: str = ""
    governors: list[tuple[str, str]] = field(default_factory=list)  # (word, kind) from inner to outer
    report: tuple[Token, str] | None = None  # nearest report/claim/deny governor and its kind
    directive: Token | None = None  # a governor that asks its object to act ("wants Putin to ...")
    addressee: list[Token] = field(default_factory=list)  # who the directive asks to act
    words: list[Token] = field(default_factory=list)  # governors that changed the code, for the evidence
    purpose_of: Token | None = None  # the act this clause is the purpose of ("opened fire *to disperse*")
    purpose_done: bool = False  # that act was done ("sent troops *to help*"): help meant is no intent of its own
    penalty: float = 0.0

    @property
    def dropped(self) -> bool:
        return self.state == "drop"

    def drop(self, reason: str) -> Mood:
        self.state, self.reason = "drop", reason
        return self


_TRIP_VERBS = {"travel", "fly", "go", "come", "arrive", "head", "return", "stop", "journey"}


def _trip_made(verb: Token) -> bool:
    """A journey told in the past or perfect tense: "traveled to Iraq", "flew in", "was in
    Washington", "have joined Al Shabab and gone to fight"."""
    auxiliaries = list(verb.children) + (list(verb.head.children) if verb.dep_ == "conj" else [])
    perfect = verb.tag_ == "VBN" and verb.lemma_.lower() != "be" and any(  # not "have been in touch to help"
        c.dep_ == "aux" and c.lemma_ == "have" for c in auxiliaries)
    if verb.tag_ != "VBD" and not perfect:
        return False
    if verb.lemma_.lower() == "be":
        return any(c.dep_ == "prep" and c.lower_ in ("in", "at") for c in verb.children)
    return verb.lemma_.lower() in _TRIP_VERBS


def _habitual(verb: Token) -> str:
    """The word that makes the verb's clause habitual ("annually", "every year"), or ""."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in _HABITUAL_ADVERBS:
            return child.text
        if child.dep_ in ("npadvmod", "advmod") and child.lemma_.lower() in _RECURRING_PERIODS \
                and any(d.dep_ == "det" and d.lower_ in ("every", "each") for d in child.children):
            return f"every {child.text}"
    return ""


def _measure(verb: Token) -> str:
    """"as clever as he hoped", "better than Russia expected": the verb is the measure a degree is
    compared with, not something done."""
    if verb.dep_ != "advcl" or verb.head.pos_ not in ("ADJ", "ADV"):
        return ""
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in ("as", "than")), None)
    if mark is None or (mark.lower_ == "as" and not any(
            c.dep_ == "advmod" and c.lower_ in ("as", "so") for c in verb.head.children)):
        return ""  # "right as Trump was speaking": a time, not a measure
    return f"{mark.text} {verb.text}"


def _act_done(verb: Token) -> bool:
    """A verb that tells of an act done: "sent", "has sent" (not "will send", "is sending")."""
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)):
        return own_markers(verb, borrowed=True)[0] == "fact"
    return False


# "not doing enough to beat it", "did little to stop the war", "must do more to fight terrorism": how
# much is done for an end is judged, and neither the end nor the doing is an act of its own ("promised
# to do everything to assist France" is a promise, and stays one)
_EFFORTS = {"enough", "more", "less", "little", "much", "nothing"}


def _effort(verb: Token) -> str:
    if verb.lemma_.lower() != "do":
        return ""
    return next((c.text for c in verb.children if c.dep_ in ("dobj", "advmod", "npadvmod")
                 and c.lower_ in _EFFORTS), "")


# Nouns that offer a chance to act: "still time *for the US to* help broker a deal", "creates
# opportunities for Iran to intervene", "paved the way for talks to resume"
_CHANCES = frozenset({"time", "opportunity", "chance", "room", "window", "moment", "way", "incentive", "reason",
                      "scope", "possibility", "option", "need", "pressure", "space"})


def _chance(clause: Token) -> str:
    """The noun a "for X to do" clause is the chance or need of, or ""."""
    if not any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children) or clause.dep_ not in (
            "relcl", "acl", "advcl"):
        return ""
    head = clause.head
    noun = head if head.pos_ == "NOUN" else next(
        (o for o in head.children if o.dep_ in ("dobj", "attr") and o.i < clause.i), None)  # the parser's misreading
    return noun.text if noun is not None and noun.lemma_.lower() in _CHANCES else ""


def _is_purpose(clause: Token) -> bool:
    return any(c.dep_ in ("aux", "mark") and c.tag_ == "TO" for c in clause.children) or any(
        c.dep_ == "mark" and c.lower_ in ("so", "in") for c in clause.children
    )


def analyse(head: Token, lexicon: MoodLexicon, transparent: set[int], stop: set[int],
            borrowed: bool = False) -> Mood:
    """The mood of the clause headed by `head`. Governors in `transparent` (a message whose content
    is coded on its own) change nothing; the walk ends at governors in `stop` (patterns that absorb
    their complement). `borrowed`: `head` is the verb of an event noun, not the event ("a Russian
    airstrike *has* no purpose": "no" on the verb's object negates no strike)."""
    state, word = own_markers(head, borrowed=borrowed)
    mood = Mood("fact")
    if state in ("negated", "modal", "conditional"):
        return mood.drop({"negated": f"negated ('{word}')", "modal": f"modal ('{word}')",
                          "conditional": f"conditional ('{word}')"}[state])
    habit = _habitual(head)
    if habit:
        return mood.drop(f"habitual ('{habit}'): no one act")
    measure = _measure(head)
    if measure:
        return mood.drop(f"a measure of comparison ('{measure}'): no act")
    mood.state = state
    if word:
        mood.governors.append((word, state))
    tok = head
    means = False  # the walk came up from a "by ...ing": the means of what is governed
    for _ in range(_MAX_LEVELS):
        dep = tok.dep_
        chance = _chance(tok)
        if chance:
            return mood.drop(f"a chance or need to act ('{chance} for ... to'), no act")
        if dep == "conj" and tok.head != tok:
            head = tok.head
            if (tok.tag_ in ("VBD", "VBZ", "VBP") and head.tag_ == "VBG" and head.dep_ == "pcomp"
                    and head.head.head.pos_ in ("VERB", "AUX")):
                tok = head.head.head  # "criticized X for sending ... and *accused* Y": a misparsed conjunct
                continue
            tok = head
            continue
        if dep == "acomp" and tok.head != tok:  # "is ready to mediate": the mood of "is"
            degree = next((c for c in tok.children if c.dep_ == "advmod" and c.lower_ in _DEGREE), None)
            if degree is not None:
                return mood.drop(f"a comparison ('{degree.text} {tok.text}'), not an intent")
            tok = tok.head
            state, word = own_markers(tok, borrowed=True)
            if state in ("negated", "modal", "conditional"):
                return mood.drop(f"'{tok.text}' is {state} ('{word}')")
            if state in ("future", "obligation", "refusal") and mood.state in ("fact", "future"):
                mood.state = state if state != "future" or mood.state == "fact" else mood.state
            continue
        if dep == "acl" and tok.pos_ in ("VERB", "AUX") and _is_purpose(tok):
            if tok.head.i in transparent:
                break  # "sent a message to congratulate": the message's content
            kind = lexicon.governor(tok.head.lemma_.lower(), "xcomp")
            if kind is None:
                return mood.drop(f"infinitive modifying '{tok.head.text}'")
            _apply(mood, kind, tok.head, tok)
            break
        if dep in ("advcl", "xcomp") and _is_purpose(tok) and tok.head.i not in transparent \
                and tok.lemma_.lower() in lexicon.protests and tok.head.lemma_.lower() in lexicon.gatherings:
            # "took to the streets to protest", "marched to condemn": the protest took place (coded
            # with the gathering when that is coded itself: "held rallies to protest")
            mood.governors.append((tok.head.text, "gathering"))
            if mood.purpose_of is None:
                mood.purpose_of = tok.head
            tok = tok.head
            continue
        if dep == "advcl" and _is_purpose(tok) and tok.head.i not in transparent and _trip_made(tok.head):
            # "traveled to Iraq to thank the troops", "was in Washington to meet officials": a trip
            # made, and what it was made for done
            tok = tok.head
            state, word = own_markers(tok, borrowed=True)
            if state in ("negated", "modal", "conditional"):
                return mood.drop(f"'{tok.text}' is {state} ('{word}')")
            continue
        if dep == "advcl" and _is_purpose(tok) and (effort := _effort(tok.head)):
            return mood.drop(f"an effort measured ('{tok.head.text} {effort} to'), no act meant")
        if dep == "advcl" and _is_purpose(tok) and tok.head.i not in transparent:
            # "is sending experts to investigate": what the subject sets out to do, an intent; what a
            # past act was for ("sent troops to help Iraq") is part of that act, or nothing of its own;
            # what an act not done would have been for is not meant either ("is not considering
            # strikes to destroy the missiles")
            h_state, h_word = own_markers(tok.head, borrowed=True)
            if h_state in ("negated", "modal", "conditional"):
                return mood.drop(f"'{tok.head.text}' is {h_state} ('{h_word}')")
            if mood.state == "fact":
                mood.state = "future"
            mood.penalty += 0.1
            mood.governors.append((tok.head.text, "purpose"))
            if mood.purpose_of is None:
                mood.purpose_of = tok.head
                mood.purpose_done = _act_done(tok.head)
            tok = tok.head
            continue
        if dep == "pcomp" and tok.head.lower_ == "to" and when_it_comes_to(tok.head.head):
            return mood.drop("the topic of 'when it comes to', no act")
        if dep == "pcomp" and tok.head.lower_ in ("by", "including", "to") and tok.head.head.pos_ in ("VERB", "AUX"):
            # "retaliated by firing missiles", "failed to show leadership by providing aid": the means
            # stands as the act it is the means of does; so does a part of an act ("would have to give
            # up its weapons, including making a declaration") and what one commits or agrees to ("must
            # commit to dismantling its arsenal")
            means = means or tok.head.lower_ == "by"
            gerund, preposition, tok = tok, tok.head.lower_, tok.head.head
            state, word = own_markers(tok, borrowed=True)
            if state == "modal" and word.lower() in _GUESSES_ABOUT_THE_PAST:
                continue  # "may have done more damage by meeting Putin": the meeting took place
            if state in ("negated", "modal", "conditional"):
                return mood.drop(f"'{tok.text}' is {state} ('{word}')")
            if state in ("future", "refusal") and mood.state in ("fact", "future"):
                mood.state = state
                mood.governors.append((word, state))
            if preposition == "to" and not any(c.dep_ in OBJECT_DEPS for c in tok.children):
                # "committed to dismantling", "looks forward to meeting": as "to dismantle" would be
                # ("will not commit you to fighting" sends others, asks nothing of them)
                _apply(mood, lexicon.governor(tok.lemma_.lower(), "xcomp"), tok, gerund)
                if mood.dropped:
                    return mood
            continue
        if dep == "pcomp" and (tok.head.lower_ in _CONTENT_PREPOSITIONS or (
                tok.head.lower_ == "with" and tok.head.head.lemma_.lower() in _CHARGED_WITH)):
            if practice_owners(tok):
                mood.governors.append((tok.head.head.text, "practice"))
                break  # "its policy of severing ties": what its owner does
            return mood.drop(f"content of '{tok.head.head.text} {tok.head.text}'")
        said = _content_of(tok, lexicon)
        if said is not None:
            # "claims that it attacked the tankers", "rejected reports that its jets bombed": what the noun says
            _apply(mood, said[1], said[0], tok)
            if mood.dropped:
                return mood
            break
        if dep == "acl" and tok.tag_ == "VBG" and tok.head.dep_ in ("dobj", "obj") and tok.head.head.pos_ == "VERB":
            # "could imagine Bolton pushing for a strike": what the object does depends on the verb, as a
            # complement would; only the verb's own negation or modality, belief or prevention count,
            # since its intents are its subject's, not the object's
            governor = tok.head.head
            g_state, g_word = own_markers(governor, borrowed=True)
            if g_state in ("negated", "modal", "conditional"):
                return mood.drop(f"'{governor.text}' is {g_state} ('{g_word}')")
            kind = lexicon.governor(governor.lemma_.lower(), "ccomp")
            if kind in ("epistemic", "negative"):
                _apply(mood, kind, governor, tok)
                return mood
            break
        if dep not in ("xcomp", "ccomp") or tok.head == tok:
            break
        governor = tok.head
        if governor.i in stop:
            # "had not asked France to help *drive* ...": what an unmade request would have led to did not happen
            above = governor
            while True:
                a_state, a_word = own_markers(above, borrowed=True)
                if a_state in ("negated", "modal", "conditional"):
                    return mood.drop(f"'{above.text}' is {a_state} ('{a_word}')")
                if above.dep_ not in ("xcomp", "ccomp") or above.head == above:
                    break
                above = above.head
            break
        if governor.i in transparent:
            tok = governor
            continue
        g_state, g_word = own_markers(governor, borrowed=True)
        if g_state == "negated" and tok.left_edge.lower_ in _FACTIVE_QUESTIONS \
                and lexicon.governor(governor.lemma_.lower(), dep) == "report":
            # "did not say why it had changed its stance by agreeing to talks": the change is a given
            mood.governors.append((governor.text, "presupposed"))
            tok = governor
            continue
        if g_state in ("negated", "modal", "conditional", "obligation"):
            return mood.drop(f"'{governor.text}' is {g_state} ('{g_word}')")
        kind = lexicon.governor(governor.lemma_.lower(), dep)
        if governor.lemma_.lower() in lexicon.infinitive_only and not _planned(governor, tok):
            kind = None
        judged = _judging_complement(governor, lexicon) if kind is None else None
        if judged is not None:  # "it's unlikely (that) North Korea would launch an attack": no act
            _apply(mood, judged[1], judged[0], tok)
            return mood
        if means and kind == "intent" and governor.lemma_.lower() in _SEEKING and _done(governor, g_state):
            # "sought to influence the election by hacking Democrats": the aim may have failed, the means
            # was used
            mood.governors.append((governor.text, "aspect"))
            tok = governor
            continue
        _apply(mood, kind, governor, tok)
        if mood.dropped:
            return mood
        if g_state in ("future", "refusal") and mood.state in ("fact", "would", "commit"):
            mood.state = "future" if g_state == "future" else "refusal"
        tok = governor
    if mood.state == "would":
        return mood.drop("hypothetical ('would')")
    if mood.state == "obligation" and mood.report is None:
        return mood.drop(f"obligation ('{word}') nobody reports")
    return mood


def _judging_complement(be: Token, lexicon: MoodLexicon) -> tuple[Token, str] | None:
    """The word that judges a clause in "it is unlikely that ...", "it was possible (that) ...", and
    its kind: an adjective of belief or need after a copula, whose complement the clause is."""
    if be.lemma_.lower() != "be":
        return None
    for word in be.children:
        kind = lexicon.governor(word.lemma_.lower(), "ccomp") if word.dep_ in ("acomp", "attr") else None
        if kind in ("epistemic", "negative"):
            return word, kind
    return None


def _content_of(clause: Token, lexicon: MoodLexicon) -> tuple[Token, str] | None:
    """The word that says a "that" clause hung on a noun, and its kind: the noun itself ("reports
    that ..." report, "fears that ..." epistemic), or the verb that has the noun as object when
    that verb denies it ("rejected claims that ...") or says it again ("repeated claims that ...")."""
    noun = clause.head
    if noun == clause or noun.pos_ != "NOUN" or clause.dep_ not in ("acl", "relcl", "ccomp"):
        return None
    if clause.dep_ != "ccomp" and not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return None  # "the troops it sent", "reports saying": no content clause
    kind = lexicon.content_nouns.get(noun.lemma_.lower())
    if kind is None:
        return None
    if noun.lemma_.lower() in ("doubt", "question") and any(c.lower_ == "no" for c in noun.children):
        return None  # "left no doubt that Iran attacked": it did
    verb = noun.head
    if noun.dep_ in ("dobj", "obj") and verb.lemma_.lower() in lexicon.denied_by:
        return verb, "deny"
    if noun.dep_ in ("dobj", "obj") and verb.lemma_.lower() in lexicon.asserted_by and kind in ("report", "claim"):
        return verb, "report"
    return noun, kind


def _done(verb: Token, state: str) -> bool:
    """Whether an attempt was made: "tried", "has tried"; not "is trying" (still under way: its
    cooperative aims are intents), "will try" or "to try"."""
    return state == "fact" and verb.tag_ in ("VBD", "VBN")


def _planned(be: Token, clause: Token) -> bool:
    """Whether "is to" plans the clause: "Nakasone is to meet Reagan", "it is to buy the stake".
    "The policy is to oppose the loans" says what a policy is, and "Japan is to blame" accuses."""
    if clause.lemma_.lower() == "blame":
        return False
    if any(c.dep_ in ("acomp", "attr") or (c.dep_ == "prep" and not _when(c)) for c in be.children):
        return False  # "it was difficult to discuss", "is on track to admit"; not "on Monday ... is to meet"
    return any(c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.lower_ in _PLANNERS) for c in be.children)


def _when(prep: Token) -> bool:
    """Whether a preposition only dates the clause: "on Monday", "in March", "later this week"."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") or o.lemma_.lower() in _TIME_WORDS for o in objects)


_TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "weekend", "month",
               "year", "morning", "afternoon", "evening", "night", "day", "today", "tomorrow", "summer", "winter",
               "spring", "autumn", "fall"}
_PLANNERS = {"he", "she", "it", "they", "we", "i"}
_ATTEMPT = {"try", "attempt"}
_SEEKING = _ATTEMPT | {"seek", "work", "strive", "endeavour", "endeavor", "aim"}
# Intent words that, with an object, foretell what the object will do rather than ask it of them
_FORECASTS = {"expect"}
# Intent verbs that, with a clause of another subject, wish rather than promise: "vowed that China
# would defend its interests" is China's intent, "hoped that Germany would grant relief" is not Germany's.
_WISHES = {"hope", "wish", "expect", "want", "propose", "look", "mean", "aim"}
_SOURCING = {"anonymity", "confidentiality"}


# "I want to thank you", "we wish to congratulate": acts done by saying one wants to do them
_SAID_BY_WANTING = frozenset({"thank", "congratulate", "apologize", "apologise", "commend", "salute", "welcome",
                              "express"})


def _says_it_by_wanting_to(governor: Token, clause: Token) -> bool:
    return governor.lemma_.lower() in ("want", "wish") and clause.lemma_.lower() in _SAID_BY_WANTING \
        and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in governor.children)


def _apply(mood: Mood, kind: str | None, governor: Token, clause: Token) -> None:
    word = governor.text
    mood.governors.append((word, kind or "unknown"))
    if kind is None:
        mood.penalty += 0.1
        if mood.state == "would":
            mood.state = "future"
        return
    if kind == "intent" and governor.lemma_.lower() in _ATTEMPT \
            and _done(governor, own_markers(governor, borrowed=True)[0]):
        mood.governors[-1] = (word, "aspect")
        return  # "tried to test a missile": the attempt was made, not only intended
    if kind == "intent" and _says_it_by_wanting_to(governor, clause):
        mood.governors[-1] = (word, "aspect")
        return  # "I want to thank you": the thanks, said
    if kind == "aspect":
        return
    if kind in ("report", "claim", "deny"):
        if mood.report is None:
            mood.report = (governor, kind)
        if mood.state == "would":
            mood.state = "future"
        return
    if mood.state == "obligation":
        mood.drop(f"obligation under '{word}'")
        return
    addressee = [c for c in governor.children if c.dep_ in OBJECT_DEPS and c.i < clause.i]
    if clause.dep_ == "ccomp" and any(c.tag_ == "TO" for c in clause.children):
        addressee = addressee or [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    if kind == "intent" and addressee and governor.lemma_.lower() in _FORECASTS:
        mood.drop(f"a forecast ('{word}') of what another actor will do")
        return  # "Kudlow said he expected China to retaliate": no appeal to China
    if kind == "intent" and addressee:
        kind = "directive"  # "wants Putin to attack": an appeal to Putin, not Obama's intent
    elif kind == "intent" and governor.lemma_.lower() in _WISHES and clause.dep_ == "ccomp" and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in clause.children):
        mood.drop(f"a hope or expectation ('{word}') about what another actor will do")
        return  # "Tsipras hoped Germany would grant relief" is no intent of Germany's
    if kind == "directive":
        sourcing = next((c for c in governor.children if c.dep_ in OBJECT_DEPS and c.lemma_.lower() in _SOURCING),
                        None)
        if sourcing is not None:
            mood.drop(f"'{word} {sourcing.text}' is how a source is quoted")
            return  # "who requested anonymity to discuss security matters"
        if is_question(clause):
            mood.drop(f"a question '{word}' puts, not a request")
            return  # "asked Trump why he had met Kim", "asked whether the talks had failed"
        mood.state, mood.directive, mood.addressee = "directive", governor, addressee
        mood.reason = f"what '{word}' asks another actor to do"
    elif kind == "intent":
        mood.words.append(governor)
        if mood.state in ("fact", "would", "future", "commit"):
            mood.state = "future"
    elif kind == "commit":
        mood.words.append(governor)
        if mood.state in ("fact", "would"):
            mood.state = "commit"
    elif kind == "threat":
        mood.words.append(governor)
        if mood.state == "refusal":
            mood.drop(f"a threat not to act ('{word}')")
        else:
            mood.state = "threat"
    elif kind == "refusal":
        mood.words.append(governor)
        if mood.state == "refusal":
            mood.drop(f"double refusal ('{word}')")
        else:
            mood.state = "refusal"
    elif kind == "negative":
        mood.drop(f"did not happen ('{word}')")
    elif kind == "epistemic":
        mood.drop(f"belief, possibility or need ('{word}')")
