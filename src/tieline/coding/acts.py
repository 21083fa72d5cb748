"""How clauses of one sentence relate as acts: background descriptions, outcomes and aims that are
part of an act already coded, force whose origin stands for its user, and restatements."""

from __future__ import annotations

from spacy.tokens import Token

from ..actors.resolve import DocActors
from ..models import Event
from .clauses import used_force

VIOLENT_ROOTS = {"18", "19", "20"}
_PLACE_KINDS = {"country", "capital", "city", "region", "informal"}


# Stances that say who someone is when a clause on a noun tells them in the present ("who opposes",
# "supporting", "opposed by"); struggles only in the simple present ("which fights ISIS": "protesters
# fighting police in Paris" fought there)
_STANDING_STANCES = {"oppose", "support", "back", "favor", "favour", "disapprove"}
_STANDING_STRUGGLES = {"fight", "battle"}


def background(head: Token) -> str | None:
    """Why a clause on a noun describes an actor rather than tells an event of the report, else None:
    "the militant group *that has seized* parts of Iraq" (the perfect); "a former minister *who
    opposes* Maduro", "sanctions *opposed* by the White House", "the YPG, *which fights* ISIS" (a
    standing stance or struggle). The report's own events are in its main clauses."""
    if head.dep_ == "relcl" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children):
        return "a relative clause in the perfect says who an actor is"
    if head.dep_ not in ("relcl", "acl") or any(c.dep_ == "aux" for c in head.children):
        return None
    word, present = head.lemma_.lower(), head.tag_ in ("VBZ", "VBP")
    if (word in _STANDING_STANCES and (present or head.tag_ in ("VBG", "VBN"))) or (word in _STANDING_STRUGGLES and present):
        return "a standing stance or struggle on a noun says who an actor is"
    return None


def result_of(code: str, head: Token) -> Token | None:
    """"Rebels shelled the city*, killing eight people*", "announced sanctions*, targeting firms*":
    a trailing participle of violence that tells the outcome or the aim of the act before it (the
    same act, not another one); "conducted a drone strike *that killed* Soleimani": a relative
    clause of violence on the force an act used. Returns that act's verb."""
    if code[:2] not in VIOLENT_ROOTS:
        return None
    if head.dep_ == "relcl":
        return used_force(head)
    if head.dep_ != "advcl" or head.tag_ != "VBG" or head.i < head.head.i:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in head.children):
        return None
    return head.head if head.i > 0 and head.doc[head.i - 1].text == "," else None


def origin(verb: Token, actors: DocActors) -> list[Token]:
    """"A rocket was fired *from Gaza*": with no one named, the place force came from stands for
    whoever used it."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            places = [p for p in prep.children if p.dep_ == "pobj"
                      and any(m.kind in _PLACE_KINDS for m in actors.resolve(p))]
            if places:
                return places
    return []


def restatements(events: list[Event]) -> list[Event]:
    """Events without a target whose source acts on a known target in the same sentence: they say
    again what that event says ("accused Rwanda ... by *alleging* ...", "met X *to discuss*")."""
    # An act on someone of the source's own code restates only an act of its kind ("executed the
    # minister by shooting him"), not another ("Barr praised Mueller and said he hopes to release it").
    acting = {e.actor1_code for e in events if e.actor2_code and e.actor2_code != e.actor1_code}
    acting_alike = {(e.actor1_code, e.event_root_code) for e in events if e.actor2_code == e.actor1_code}
    return [e for e in events if not e.actor2_code
            and (e.actor1_code in acting or (e.actor1_code, e.event_root_code) in acting_alike)]
