"""How a phrase hangs on an event's clause in a dependency parse.

Dates and places are both read off the clause of the event's verb: a phrase that modifies the
verb, or one of the verb's own noun phrases, belongs to the event; one inside a relative clause,
a participle or a topic ("messages *about* the congress in January") belongs to something else.
"""

from __future__ import annotations

from spacy.tokens import Token

VERBAL = ("VERB", "AUX")
NOMINAL = ("NOUN", "PROPN", "PRON", "NUM")
# A phrase reached through these prepositions belongs to a topic, not to the event:
# "messages about the congress in January", "the anniversary of March 1".
TOPIC_PREPS = {"about", "regarding", "concerning", "of"}
# ... and so is one inside these when they introduce a noun: "congratulated Modi *on* his
# re-election earlier this year" (while "on Thursday" itself is a date).
_NOUN_TOPIC_PREPS = {"on", "over"}
# Clauses that share their head's circumstances: "said on Thursday that ...", "met on Monday and signed".
_GOVERNED_BY = {"ccomp", "xcomp", "advcl", "conj", "pcomp"}
_WH_SUBJECTS = {"what", "which", "it"}


# How a date written before a noun hangs on it ("the 2015 deal", "his 2016 campaign")
_CLASSIFIER_DEPS = {"nummod", "compound", "amod", "nmod"}
# Prepositions whose noun is the time frame of the clause ("in the 2013 Westgate attack, gunmen stormed")
_FRAME_PREPS = {"in", "during", "amid", "throughout", "at"}


def _classifies(year: Token, noun: Token) -> bool:
    """Whether a bare year written before a noun only says which one it is ("the 2015 deal"). A day
    says when the thing was done ("an April 14 letter", "the July 25 call"), and a noun that frames
    the clause gives it its time ("in the 1967 war")."""
    if year.dep_ not in _CLASSIFIER_DEPS or noun.pos_ not in NOMINAL or year.i > noun.i:
        return False
    if not (year.like_num and len(year.text) == 4 and not any(c.dep_ != "punct" for c in year.children)):
        return False
    while noun.dep_ in _CLASSIFIER_DEPS and noun.head.pos_ in NOMINAL and noun.head.i > noun.i:
        noun = noun.head  # "the 2012 re-election campaign": the year hangs on "election", a part of the name
    prep = noun.head
    return not (noun.dep_ == "pobj" and prep.lower_ in _FRAME_PREPS
                and (prep.head.pos_ in VERBAL or prep.i == prep.sent.start))  # fronted: "During the 2012 campaign, ..."


def attachment(root: Token, verb: Token) -> tuple[int, int] | None:
    """How directly the expression headed by `root` modifies the clause of `verb`: (0, hops)
    when it hangs on the verb or on one of its phrases, (1, hops) when it hangs on a clause
    embedded as the verb's own complement ("fired what appeared to be missiles on March 25"),
    None when it belongs to something else."""
    nouns, embedded, hops = 0, False, 0
    tok = root
    while True:
        head = tok.head
        if head.i == tok.i:
            return None  # reached the sentence root without meeting the verb
        hops += 1
        if head.i == verb.i:
            break
        if tok is root and _classifies(root, head):
            return None  # "opposed the 2015 nuclear deal": which deal, not when it was opposed
        if head.pos_ == "ADP" and (head.lower_ in TOPIC_PREPS or (head.lower_ in _NOUN_TOPIC_PREPS and tok.i != root.i)):
            return None
        if head.pos_ in VERBAL:
            if not _transparent(head):
                return None
            embedded = True
        elif head.pos_ in NOMINAL:
            nouns += 1
        tok = head
    if nouns > 2:
        return None
    return (1 if embedded else 0), hops


def _transparent(clause: Token) -> bool:
    """Whether an embedded clause has no time of its own apart from the event it belongs to."""
    if clause.dep_ not in ("xcomp", "ccomp"):
        return False  # relative clauses, participles and adverbial clauses are other events
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return all(s.lower_ in _WH_SUBJECTS for s in subjects)


def governors(verb: Token) -> list[tuple[Token, Token]]:
    """The clauses above `verb` that lend it their time, nearest first, each with the child
    through which it was reached."""
    chain: list[tuple[Token, Token]] = []
    tok = verb
    for _ in range(4):
        head = tok.head
        if head.i == tok.i:
            break
        if tok.dep_ in _GOVERNED_BY and head.pos_ in VERBAL:
            chain.append((head, tok))
            tok = head
        elif tok.dep_ == "acl" and head.pos_ in NOMINAL and head.head.pos_ in VERBAL and head.head.i != head.i:
            chain.append((head.head, head))  # "sent a message to congratulate ..."
            tok = head.head
        else:
            break
    return chain
