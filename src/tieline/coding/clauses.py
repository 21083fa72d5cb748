"""Reading a clause off a spaCy dependency parse: voice, subject, objects, slots and markers.

All functions look only at a token's children and a short walk up its heads, so coding a
sentence costs time proportional to its length.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..nlp import ACT_NOUNS, plain_lemma, titles_name
from .patterns import VerbPattern

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "obj"}
COMPLEMENT_DEPS = {"xcomp", "ccomp"}
RELATIVE_PRONOUNS = {"that", "which", "who", "whom", "whose"}
PERSONAL_PRONOUNS = {"he", "she", "it", "they", "we", "i", "him", "her", "them", "us"}
# A subject is inherited through these links ("agreed *to resume*", "met and *signed*").
INHERITS_SUBJECT = {"xcomp", "advcl", "conj", "ccomp"}
# Nouns whose participle modifier speaks for the noun's sender ("a message *calling for* unity").
CONTENT_NOUNS = {"message", "letter", "statement", "note", "cable", "telegram", "greeting", "communique",
                 "speech", "declaration", "resolution", "congratulation", "appeal", "call", "report", "plea",
                 "leaflet", "flyer", "pamphlet", "tweet", "post", "notice", "advertisement", "broadcast", "video"}
# What an act of force is carried out with or as ("launched *a strike that killed* ..."), and the
# verbs that use it
_FORCE_NOUNS = {"attack", "strike", "airstrike", "raid", "bombing", "bombardment", "blast", "explosion", "shelling",
                "barrage", "assault", "offensive", "missile", "rocket", "bomb", "drone", "shell", "volley"}
_USING_FORCE = {"conduct", "launch", "carry", "fire", "order", "stage", "mount", "drop", "detonate", "unleash",
                "execute", "authorize", "authorise", "approve", "send", "deploy", "use", "shoot"}
_ACCUSING = {"accuse", "blame", "allege", "charge", "criticize", "criticise", "condemn", "denounce", "fault"}
# Verbs whose object is not the subject of their complement ("promised Iraq to help").
SUBJECT_CONTROL = {"promise", "vow", "pledge", "threaten", "offer"}
# Object heads that say little on their own, so that a compound names the event: "*mediation* effort".
GENERIC_HEADS = {"effort", "mission", "operation", "programme", "program", "hour", "team", "campaign", "plan", "process",
                 "package", "drive", "initiative", "measure", "order", "bid", "strike", "activity", "attack", "unit",
                 "force", "personnel", "worker", "official", "staff", "state", "law", "rule", "decree", "regime",
                 "aid", "assistance", "support", "help", "relief", "shipment", "supply", "delivery",
                 "equipment", "hardware", "system", "vehicle", "battery"}
# Nouns that only measure their "of" phrase: "25,000 tons *of food aid*", "$50,000 worth *of goods*".
QUANTITY_NOUNS = {"ton", "tonne", "kg", "kilogram", "worth", "million", "billion", "thousand", "hundred", "dozen",
                  "lot", "number", "amount", "batch", "shipment", "consignment", "load", "package", "set", "pair",
                  "part", "portion", "supply", "quantity", "wave", "series", "string", "round", "volley", "barrage",
                  "salvo", "flurry", "raft", "host", "bunch", "group", "total", "sum", "range", "kind", "type",
                  "team", "contingent", "convoy", "fleet", "some", "most", "all", "many", "half", "rest", "remainder",
                  "bulk", "majority", "dozens", "hundreds", "thousands", "unit", "platoon", "company"}


def stative_participle(verb: Token) -> bool:
    """"were engaged in ethnic cleansing", "is involved in the fighting": the subject does it."""
    return verb.lemma_.lower() in ("engage", "involve") and any(c.dep_ == "prep" and c.lower_ == "in"
                                                                for c in verb.children) \
        and not any(c.dep_ == "agent" for c in verb.children)


def to_blame(verb: Token) -> bool:
    """ "Rebel forces were *to blame*": the subject is blamed, by someone the clause does not name."""
    return (verb.lemma_.lower() == "blame" and verb.dep_ == "xcomp" and verb.head.lemma_ == "be"
            and any(c.tag_ == "TO" for c in verb.children) and not any(c.dep_ in OBJECT_DEPS for c in verb.children))


def is_passive(verb: Token) -> bool:
    if to_blame(verb):
        return True
    if stative_participle(verb):
        return False
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return True
    if _participle_adjunct(verb) or _conjoined_passive(verb):
        return True
    if reduced_relative(verb) is not None or _small_clause_participle(verb):
        return True
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)


def reduced_relative(verb: Token) -> Token | None:
    """The noun of a participle the parser took for the main verb: in "The civilians *imprisoned*
    for ... were released by Putin" the civilians were imprisoned, and "were released" has no
    subject of its own. Returns the noun ("civilians"), else None."""
    if verb.tag_ not in ("VBD", "VBN") or any(c.dep_ in OBJECT_DEPS or c.dep_ in ("aux", "auxpass", "dative")
                                              for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.i > verb.i and any(c.dep_ == "auxpass" for c in conj.children) \
                and not any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in conj.children) \
                and not any(c.dep_ == "cc" for c in verb.children):
            return subject
    return None


def _participle_adjunct(verb: Token) -> bool:
    """"*Asked* if he was confident, Obama said ...", "*Attacked* by rebels, the convoy turned
    back": a past participle opening a clause is done to the main clause's subject. The tagger
    takes a sentence's first word for a past tense ("*Asked* his reaction, Reagan replied")."""
    participle = verb.tag_ == "VBN" or (verb.tag_ == "VBD" and verb.i == verb.sent.start)
    return verb.dep_ == "advcl" and participle and not any(
        c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"aux", "auxpass", "expl"} for c in verb.children)


def _conjoined_passive(verb: Token) -> bool:
    """"Monis was shot and *killed*": a participle joined to a passive shares its "was"."""
    head = verb.head
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and head.tag_ == "VBN" and not any(
        c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"aux", "auxpass"} for c in verb.children
    ) and any(c.dep_ == "auxpass" for c in head.children)


# Verbs done to people that are never used without their object: a bare participle of one is passive
_DONE_TO_PEOPLE = {"kill", "wound", "injure", "capture", "arrest", "detain", "abduct", "kidnap", "execute", "behead",
                   "torture", "hurt", "massacre", "slaughter", "murder", "assassinate", "jail", "imprison"}


def bare_participle(verb: Token) -> bool:
    """"three other Americans *killed* in an attack": a past participle of a verb done to people,
    with a subject, no auxiliary and no object, is a passive with its "were" left out (the tagger's
    VBN), not an act of its subject ("insurgents *fired* on the aircraft" did fire)."""
    return verb.tag_ == "VBN" and verb.lemma_.lower() in _DONE_TO_PEOPLE \
        and any(c.dep_ == "nsubj" for c in verb.children) and not any(
        c.dep_ in OBJECT_DEPS or c.dep_ in ("aux", "auxpass", "dative", "nsubjpass", "ccomp", "xcomp")
        for c in verb.children)


# Verbs whose object a participle after it describes: "found *himself* criticized", "saw its embassy attacked"
_SMALL_CLAUSE_HEADS = {"find", "see", "watch", "get", "leave", "have", "want", "keep"}


def _small_clause_participle(verb: Token) -> bool:
    """"Obama found himself criticized for ...": what was done to the participle's subject, by no
    one named, not an act of that subject."""
    return verb.tag_ == "VBN" and verb.dep_ in ("ccomp", "xcomp", "oprd") \
        and verb.head.lemma_.lower() in _SMALL_CLAUSE_HEADS \
        and any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children) \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def copular_passive(verb: Token) -> bool:
    """A participle with a "by" agent that the parser hung under "be" ("Mongolia has been hard-hit
    by ..." with "been" as the verb). Only actions are read as passives this way: "alarmed by" and
    "pleased with" describe their subject's state."""
    return _copular_participle(verb) and any(c.dep_ == "agent" for c in verb.children)


def _copular_participle(verb: Token) -> bool:
    return verb.tag_ == "VBN" and verb.dep_ == "acomp" and verb.head.lemma_ in ("be", "get", "become")


def passive_subjects(verb: Token) -> list[Token]:
    """The patient of a passive verb: its passive subject, or the noun a participle modifies."""
    subjects = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    if not subjects and to_blame(verb):
        subjects = [c for c in verb.head.children if c.dep_ in SUBJECT_DEPS]
    if not subjects and (_copular_participle(verb) or _participle_adjunct(verb)):
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and _conjoined_passive(verb):
        subjects = passive_subjects(verb.head)
    if not subjects and verb.dep_ == "acl" and verb.tag_ == "VBN":
        subjects = [verb.head]
    if not subjects and (bare_participle(verb) or _small_clause_participle(verb)):
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        noun = reduced_relative(verb) or (reduced_relative(verb.head) if verb.dep_ == "conj" else None)
        if noun is not None:
            subjects = [noun]
    return subjects


def agents(verb: Token) -> list[Token]:
    return [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]


def objects(verb: Token) -> list[Token]:
    """Direct objects, or for a passive verb the patient. Conjoined verbs share a later object:
    "strengthen and expand *ties*"."""
    if is_passive(verb):
        return passive_subjects(verb)
    found = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    if not found and not any(c.dep_ in ("prt", "prep") for c in verb.children):
        for conj in verb.children:
            if conj.dep_ == "conj" and conj.pos_ in ("VERB", "AUX"):
                found = [c for c in conj.children if c.dep_ in OBJECT_DEPS]
                break
    return found


def is_temporal(prep: Token) -> bool:
    """A preposition that only dates or times the clause: "called Sandu *on Saturday*"."""
    pobjs = [p for p in prep.children if p.dep_ == "pobj"]
    return bool(pobjs) and all(
        t.ent_type_ in ("DATE", "TIME") or t.pos_ in ("DET", "ADP", "NUM", "PUNCT", "CCONJ") for p in pobjs for t in p.subtree)


# Particles the parser often tags as adverbs: "hit *back* at", "lashed *out* at".
_ADVERB_PARTICLES = {"back", "out", "off", "ahead", "forward", "away"}


def preps(head: Token) -> list[Token]:
    """Prepositions and particles of a word, leaving out those that only give a date or time, with
    the second word of compound prepositions ("pulled *out of*": "out", then "of")."""
    found = [c for c in head.children if (c.dep_ in ("prep", "prt", "dative", "agent") and not is_temporal(c))
             or (c.dep_ == "advmod" and c.lower_ in _ADVERB_PARTICLES)]
    found += [g for c in found if c.dep_ in ("prep", "prt", "advmod") and c.lower_ not in _NO_PARTICLE_HEADS
              for g in c.children if g.dep_ == "prep"]
    return found


# "according to the report", "due to", "prior to": the "to" is the verb's particle in no sense
_NO_PARTICLE_HEADS = {"according", "due", "owing", "prior", "thanks", "next", "close", "contrary", "regardless"}


def prep_objects(holder: Token, word: str | None = None) -> list[Token]:
    """Objects of the holder's prepositions (all, or those spelled `word`)."""
    return [p for c in preps(holder) if c.dep_ != "prt" and (word is None or c.lower_ == word)
            for p in c.children if p.dep_ in ("pobj", "pcomp")]


def is_each_other(tok: Token) -> bool:
    """The reciprocal pronoun: "each *other*", "*one* another"."""
    partner = {"other": "each", "one": "another"}.get(tok.lower_)
    return partner is not None and any(c.lower_ == partner for c in tok.children)


def names_each_other(head: Token) -> bool:
    """Whether the word's object, or a preposition's, is "each other": "accused each other", "met with one another"."""
    return any(is_each_other(t) for t in objects(head) + prep_objects(head))


def complement_children(head: Token) -> list[Token]:
    """Clauses that complete `head`: "agreed *to resume*", "said *that ...*", "calling *for* ..."."""
    return [c for c in head.children if c.dep_ in COMPLEMENT_DEPS and c.pos_ in ("VERB", "AUX")]


# What someone says or does, whose owner a national name before it gives ("U.S. claims")
_STANCES = {"claim", "accusation", "allegation", "charge", "statement", "proposal", "plan", "decision", "demand", "offer",
            "position", "request", "policy", "move", "action", "warning", "threat", "criticism", "assertion", "remark",
            "comment", "suggestion", "initiative", "effort", "step", "call", "appeal", "bid", "response", "stance",
            "view", "argument", "version", "insistence", "refusal", "rejection", "denial", "approach", "intervention",
            "aggression", "provocation", "violation", "interference", "meddling", "behavior", "behaviour", "conduct",
            "pressure", "support", "assessment", "conclusion", "finding", "report", "ultimatum", "plea",
            "invitation", "condition", "term", "complaint", "concession", "assurance", "pledge", "promise",
            "commitment", "guarantee", "idea", "agenda"}


def _place_of_act(pattern: VerbPattern, prep: Token) -> bool:
    return f"prep:{prep.lower_}" in pattern.target and not pattern.complement and prep.lower_ != "for"


def purpose_clauses(head: Token) -> list[Token]:
    """"called Netanyahu on Friday *to discuss* the deal": a "to" clause the parser hung on the verb
    as an adverbial rather than as its complement."""
    return [c for c in head.children if c.dep_ == "advcl" and c.pos_ == "VERB" and any(a.tag_ == "TO" for a in c.children)]


_CLAUSE_MARKS = {"mark", "aux", "auxpass", "neg", "dobj", "prt"}  # a verb the tagger took for a noun


def small_clauses(verb: Token) -> list[Token]:
    """"considers Israel an enemy", "holds Russia responsible", parsed as a verbless complement
    clause with a subject: a description of what Israel is; not "requested that they tone down",
    a verb tagged as a noun."""
    return [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("NOUN", "ADJ")
            and any(g.dep_ == "nsubj" for g in c.children) and not any(g.dep_ in _CLAUSE_MARKS for g in c.children)]


def _trailing_modifiers(verb: Token) -> list[Token]:
    """Adjectives after the object that the parser hung on it: "held Hamas *responsible*"."""
    return [a for o in objects(verb) for a in o.children if a.dep_ == "amod" and a.i > o.i]


def described(verb: Token) -> list[Token]:
    """Who a verb with a predicate describes when the parser took the object for a subject or the
    predicate for the object's modifier: "holds *Russia* responsible", "held *Hamas* responsible"."""
    return [g for c in small_clauses(verb) for g in c.children if g.dep_ == "nsubj"] + [
        a.head for a in _trailing_modifiers(verb)]


def predicative(verb: Token) -> list[Token]:
    """What a description says the object is: "called Cho *a puppet*", "described ties *as an asset*"."""
    found = [c for c in verb.children if c.dep_ in ("oprd", "acomp")]
    found += [g for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("NOUN", "PROPN", "ADJ")
              for g in c.children if g.dep_ in ("acomp", "attr", "oprd", "amod")]
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "as":  # not "called for a state *as part of* the plan"
            found.extend(p for p in c.children if p.dep_ in ("pobj", "amod", "acomp")
                         and (p.lemma_.lower() != "part" or verb.lemma_.lower() in _DESCRIBING_VERBS))
    if not found:
        found = _quoted_name(verb)
    return found


# Verbs whose "as" phrase is the description even when it says what something is part of ("described
# the institutes *as part of* China's campaign")
_DESCRIBING_VERBS = {"describe", "characterize", "characterise", "portray", "depict", "paint", "cast", "see", "view",
                     "regard", "label", "brand"}


def _quoted_name(verb: Token) -> list[Token]:
    """A word in quotation marks right after the object, which the parser took for anything but a
    predicate: "called the Iran deal an *“embarrassment”*" (with "deal" read as a verb), "called
    him *“dishonest”*". Only within three tokens of the object, none of them a preposition, a particle
    or punctuation: a call that is a call goes on with "to", "about" or a comma."""
    doc = verb.doc
    for obj in objects(verb):
        end = obj.right_edge.i
        for i in range(end + 1, min(end + 4, len(doc) - 1)):
            tok = doc[i]
            if tok.is_quote and tok.i > verb.i:
                word = doc[i + 1]
                return [word] if word.pos_ in ("NOUN", "ADJ", "PROPN") and word.head.i >= verb.i else []
            if tok.is_punct or (tok.pos_ in ("ADP", "PART", "SCONJ", "CCONJ", "VERB", "AUX") and tok.head is not verb):
                if tok.pos_ != "VERB" or tok.lemma_.lower() not in _MISREAD_NOUNS:
                    return []
    return []


# Nouns the parser reads as verbs between an object and its quoted description ("the Iran *deal*")
_MISREAD_NOUNS = {"deal", "plan", "pact", "accord", "move", "policy", "program", "programme", "bill", "talk", "probe"}


# What a predicate describes when it is an act, not an actor: "declared it a terrorist *attack*"
_DESCRIBED_EVENTS = frozenset({"attack", "act", "incident", "bombing", "shooting", "killing", "assault", "plot",
                               "crime", "atrocity", "massacre", "operation"})


def constraints_met(pattern: VerbPattern, head: Token) -> tuple[bool, Token | None, str]:
    """Whether `head` has what the pattern asks for; the object that satisfied it; why not."""
    obj = None
    if pattern.not_object and any(w.lemma_.lower() in pattern.not_object
                                  for o in objects(head) + _gapped_object(head) for w in _measured(o)):
        return False, None, "its object gives the verb another sense"
    if pattern.subject or pattern.not_subject:
        heads = _subject_words(head)
        if heads & pattern.not_subject:
            return False, None, "its subject gives the verb another sense"
        if pattern.subject and not heads & pattern.subject:
            return False, None, f"subject is not one of {sorted(pattern.subject)[:4]}"
    if pattern.object:
        obj = next((o for o in objects(head) if _names(o, pattern.object)), None)
        if obj is None:
            return False, None, f"object is not one of {sorted(pattern.object)[:4]}"
    # a fronted phrase is no particle ("For example, he called Pakistan ...", "On social media, the
    # ministry called him ...", "In making his decision, Kerry weighed ..."), only the place of an act
    # done there ("At the summit, Trump arrived")
    if pattern.prep and not any(c.lower_ in pattern.prep and (c.i > head.i or _place_of_act(pattern, c))
                                for c in preps(head)) and not (
            "for" in pattern.prep and any(for_subjects(c) for c in head.children)):
        return False, obj, f"no '{'/'.join(sorted(pattern.prep))}' after the verb"
    if pattern.modifier and not (obj is not None and _object_modified_by(obj, pattern.modifier)):
        return False, obj, f"the object is not modified by one of {sorted(pattern.modifier)[:4]}"
    if pattern.not_modifier and obj is not None and _object_modified_by(obj, pattern.not_modifier):
        return False, obj, "a modifier of the object gives the verb another sense"
    if pattern.prep_object or pattern.not_prep_object:
        holders = [head] + ([obj] if obj is not None else [])
        found = [m for h in holders for p in prep_objects(h) for m in _measured(p)]  # "with a new round *of sanctions*"
        # "with the heaviest sanctions ever imposed", parsed as a clause whose subject is the sanctions
        found += [s for p in found if p.dep_ == "pcomp" for s in p.children if s.dep_ in ("nsubj", "nsubjpass")]
        if pattern.not_prep_object and any(p.lemma_.lower() in pattern.not_prep_object
                                           or _modified_by(p, pattern.not_prep_object) for p in found):
            return False, obj, "a prepositional object gives the verb another sense"
        if pattern.prep_object and not any(p.lemma_.lower() in pattern.prep_object
                                           or _modified_by(p, pattern.prep_object) for p in found):
            return False, obj, f"no prepositional object among {sorted(pattern.prep_object)[:4]}"
    if pattern.predicate:
        said = [p for p in predicative(head) if p.lemma_.lower() not in _DESCRIBED_EVENTS
                and not (p.dep_ == "amod" and p.head.lemma_.lower() in _DESCRIBED_EVENTS)]
        if not any(t.lemma_.lower() in pattern.predicate for p in said for t in p.subtree):
            if not any(p.lemma_.lower() in pattern.predicate for p in small_clauses(head) + _trailing_modifiers(head)):
                return False, obj, f"no predicate among {sorted(pattern.predicate)[:4]}"
            obj = next(iter(described(head)), obj)
    if pattern.complement_verb and not any(
            c.lemma_.lower() in pattern.complement_verb for c in complement_children(head) + purpose_clauses(head)):
        return False, obj, f"no complement clause of {sorted(pattern.complement_verb)[:4]}"
    for excluded in pattern.excludes:
        if excluded == "complement" and (complement_children(head) or has_infinitive(head)
                                         or any(c.dep_ == "oprd" for c in head.children)):
            return False, obj, "has a complement clause, which this pattern excludes"
        if excluded == "object" and objects(head):
            return False, obj, "has an object, which this pattern excludes"
        if excluded == "dative" and any(c.dep_ == "dative" for c in head.children):
            return False, obj, "has an indirect object, which this pattern excludes"
        if excluded == "predicative" and (predicative(head) or small_clauses(head)):
            return False, obj, "has a predicative complement, which this pattern excludes"
        if excluded == "alone" and _alone(head):
            return False, obj, "one actor with nothing after the verb, which this pattern excludes"
        if excluded == "adjective" and head.pos_ == "ADJ":
            return False, obj, "is an adjective (a state, not an act), which this pattern excludes"
        if excluded == "question" and _asks(head):
            return False, obj, "its complement is a question, which this pattern excludes"
        if excluded == "future" and any(_foretells(c) for c in complement_children(head)):
            return False, obj, "its complement says what will happen, which this pattern excludes"
        if excluded == "view" and any(_states_a_view(c) for c in complement_children(head)):
            return False, obj, "its complement states what is so, which this pattern excludes"
        if excluded.startswith("prep:") and (any(c.lower_ == excluded[5:] for c in preps(head)) or (
                excluded == "prep:for" and any(for_subjects(c) for c in head.children))):  # "called for X to offer"
            return False, obj, f"has '{excluded[5:]}', which this pattern excludes"
        if excluded.startswith("particle:") and not objects(head) \
                and any(c.lower_ == excluded[9:] and c.i == head.i + 1 for c in preps(head)):
            return False, obj, f"is '{head.text} {excluded[9:]}' with no object, which this pattern excludes"
        if excluded.startswith("object_prep:") and obj is not None \
                and any(c.dep_ == "prep" and c.lower_ == excluded[12:] for c in obj.children):
            return False, obj, f"its object has '{excluded[12:]}', which this pattern excludes"
    return True, obj, ""


def _alone(head: Token) -> bool:
    """"Sen. King agreed.", "Smith agreed, saying ...": one person and the verb with nothing after it
    (no object, complement, infinitive or preposition), so what is agreed to is someone's view ("Russia
    agreed" after a proposal, "Iran and Iraq agreed" still agree to act)."""
    own = subjects(head)[0]
    return len(own) == 1 and not own[0].conjuncts and (own[0].ent_type_ == "PERSON" or own[0].lower_ in ("he", "she")) \
        and not (objects(head) or complement_children(head) or has_infinitive(head) or preps(head)
                 or any(c.dep_ in ("dative", "oprd") for c in head.children))


def _subject_words(head: Token) -> set[str]:
    """Lemmas of the clause's subject heads, and of what a count of them counts ("thousands *of workers*")."""
    words = set()
    for tok in subjects(head)[0]:
        words.add(tok.lemma_.lower())
        words.update(p.lemma_.lower() for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj")
    return words


def _gapped_object(verb: Token) -> list[Token]:
    """"the price *it charges* customers": the noun a relative clause with its own subject leaves out."""
    if verb.dep_ != "relcl" or not any(c.dep_ in SUBJECT_DEPS and c.lower_ not in RELATIVE_PRONOUNS
                                       for c in verb.children):
        return []
    return [verb.head]


_ANONYMOUS = {"name", "identify", "quote"}


def asks_anonymity(head: Token) -> bool:
    """"who asked not to be named": the source's condition, not a request to anyone."""
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in _ANONYMOUS and any(a.dep_ == "auxpass" for a in c.children)
               for c in head.children)


def _foretells(clause: Token) -> bool:
    """Whether a complement says what will or may happen, as a threat does: "police will no longer
    tolerate", "Pyongyang could make the U.S. pay", "all options are on the table if sanctions
    fail" — not "the strategy could have repercussions", a judgement."""
    state, _ = own_markers(clause)
    if _has_condition(clause):
        return True
    subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
    if state in ("future", "refusal", "would"):
        # someone will act ("police will no longer tolerate", "it would retaliate"), not a forecast
        # about things ("the campaign would take time", "any talks would only benefit the enemy")
        return any(can_act(c) for c in subjects)
    return state == "modal" and any(c.pos_ == "PROPN" or c.lower_ == "we" for c in subjects)


def _states_a_view(clause: Token) -> bool:
    """Whether a complement is a finite clause about what is or was so ("agreed that the talks had
    failed"), not about what will, would, may or should be done ("agreed the meetings should continue")."""
    if clause.dep_ != "ccomp" or not any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in clause.children):
        return False
    if clause.lemma_.lower() in ("have", "need", "ought") and any(c.dep_ == "xcomp" for c in clause.children):
        return False  # "agreed that we have to lead": what must be done
    state, _ = own_markers(clause)
    return state not in ("future", "refusal", "would", "modal", "obligation") and not _has_condition(clause)


_QUESTION_WORDS = frozenset({"whether", "if", "how", "why", "what", "when", "where", "who", "whom", "which"})


def _asks(head: Token) -> bool:
    """"asked whether North Korea was playing games", "asked how the money was spent": a question
    put, not a request; so is a quoted question before the verb ("'Why now?' Cheney asked")."""
    doc = head.doc
    for c in head.children:
        if c.dep_ not in ("ccomp", "xcomp", "advcl"):
            continue
        if is_question(c) if c.i > head.i else c.dep_ == "ccomp" and "?" in doc[c.left_edge.i:head.i].text:
            return True
    # the parser often leaves the quotation out of the clause
    quote = head.left_edge.i if head.left_edge.is_quote else head.left_edge.i - 1
    return quote >= 1 and doc[quote].is_quote and doc[quote - 1].text == "?"


def is_question(clause: Token) -> bool:
    """Whether a complement clause asks: it opens with a question word or "whether", or ends in "?"."""
    if clause.left_edge.lower_ in _QUESTION_WORDS:
        return True
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children):
        return True
    return clause.dep_ == "ccomp" and any(t.text == "?" for t in clause.subtree)


# Common nouns for those who can carry out what a warning foretells.
_AGENT_NOUNS = frozenset({"police", "army", "military", "troop", "force", "government", "regime", "authority",
                          "country", "nation", "side", "militant", "rebel", "administration", "state", "navy",
                          "leader", "official", "people", "group", "party", "ally", "enemy", "partner", "member"})


def can_act(subject: Token) -> bool:
    """Whether a subject can carry out an act: a name, a pronoun or an agent noun, not a thing."""
    return (subject.pos_ in ("PROPN", "PRON") or subject.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")
            or plain_lemma(subject) in _AGENT_NOUNS)


def with_listed(tokens: list[Token]) -> list[Token]:
    """Add the items of a list the parser hung as an apposition: "The US, *Russia*, and Switzerland"."""
    out = list(tokens)
    for tok in tokens:
        for child in tok.children:
            if child.dep_ == "appos" and any(c.dep_ == "conj" for c in child.children):
                out.append(child)
            elif child.dep_ == "nmod" and child.ent_type_ == "PERSON" and child.i < tok.i \
                    and any(c.dep_ == "cc" for c in child.children) \
                    and any(c.dep_ == "conj" and c.pos_ == "PROPN" and titles_name(c, tok) for c in child.children):
                out.insert(0, child)  # "President Trump and President Xi agreed": Trump hung on Xi's name
    return out


def _modified_by(tok: Token, lemmas: frozenset[str], deps: tuple[str, ...] = ("amod", "compound")) -> bool:
    """Whether one of `lemmas` modifies `tok`: "a *joint* exercise", "a *policy* review"."""
    return any(c.dep_ in deps and c.lemma_.lower() in lemmas for c in tok.children)


_NOUN_MODIFIER_DEPS = ("amod", "compound", "nmod", "poss")


def noun_sense_fits(noun: Token, pattern) -> bool:
    """For an event noun, `modifier` and `not_modifier` name modifiers of the noun itself: a
    *trade* war is no war, a *seamen's* strike no air strike."""
    if pattern.not_modifier and _modified_by(noun, pattern.not_modifier, _NOUN_MODIFIER_DEPS):
        return False
    return not pattern.modifier or _modified_by(noun, pattern.modifier, _NOUN_MODIFIER_DEPS)


def _object_modified_by(obj: Token, lemmas: frozenset[str]) -> bool:
    return _modified_by(obj, lemmas, ("amod", "compound", "nmod"))


def has_infinitive(head: Token) -> bool:
    """Whether a "to" clause completes the verb or its prepositional object ("called on X *to leave*"),
    also where the parser hung it deeper in the object's phrase ("called on its member states,
    which include ..., *to improve* ...")."""
    holders = [head] + [t for c in head.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
                        for t in p.subtree]
    if any(c.tag_ == "RP" for c in head.children):  # "call *on* all the parties concerned *to exercise* restraint"
        holders += [t for c in head.children if c.dep_ == "dobj" for t in c.subtree]
    return any(c.dep_ in ("xcomp", "ccomp", "advcl", "acl", "relcl") and any(a.tag_ == "TO" for a in c.children)
               for h in holders for c in h.children)


_SUMS = frozenset({"million", "billion", "trillion", "thousand", "worth", "sum", "amount"})


def _measured(obj: Token) -> list[Token]:
    """The object and, when it is a quantity, what it measures ("thousands of *emails*", "$50
    billion in *tariffs*")."""
    if obj.lemma_.lower() not in QUANTITY_NOUNS:
        return [obj]
    preps = ("of", "in") if obj.lemma_.lower() in _SUMS else ("of",)
    return [obj, *(p for c in obj.children if c.dep_ == "prep" and c.lower_ in preps
                   for p in c.children if p.dep_ == "pobj")]


def _names(obj: Token, lemmas: frozenset[str]) -> bool:
    """Whether an object is one of `lemmas`: its head word, a compound ("*mediation* mission"),
    the title before a name, or what a quantity measures ("25,000 tons of *aid*")."""
    if "*" in lemmas or plain_lemma(obj) in lemmas or obj.lower_ in lemmas:
        return True
    for child in obj.children:
        if child.dep_ in ("compound", "amod") and child.lemma_.lower() in lemmas and obj.lemma_.lower() in GENERIC_HEADS:
            return True
        if child.dep_ == "compound" and child.pos_ == "NOUN" and obj.pos_ == "PROPN" and child.lemma_.lower() in lemmas:
            return True  # a title before a name: "summoned *ambassador* Laurie Bristow", "launched *Operation* Sea Guardian"
        if child.dep_ == "prep" and child.lower_ == "of" and obj.lemma_.lower() in QUANTITY_NOUNS:
            if any(p.dep_ == "pobj" and _names(p, lemmas) for p in child.children):
                return True
    return False


# "its policy of severing ties with ...": a practice its owner carries out.
_PRACTICE_NOUNS = frozenset({"policy", "strategy", "practice", "campaign", "tactic"})


def practice_owners(gerund: Token) -> list[Token]:
    """The owners of the practice a gerund names ("*its* policy of severing ties"), else []."""
    if gerund.dep_ != "pcomp" or gerund.head.lower_ != "of" or gerund.head.head.lemma_.lower() not in _PRACTICE_NOUNS:
        return []
    return [c for c in gerund.head.head.children if c.dep_ == "poss"]


def used_force(relative: Token) -> Token | None:
    """"conducted *a drone strike* that killed Soleimani": the verb whose object is the force a
    relative clause tells the work of, else None."""
    noun = relative.head
    if relative.dep_ != "relcl" or noun.lemma_.lower() not in _FORCE_NOUNS or noun.dep_ != "dobj":
        return None
    # not "downed an Iranian drone that came within 1,000 yards": force met, not used
    return noun.head if noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in _USING_FORCE else None


_PHRASE_PREPOSITIONS = {"of", "in", "on", "against", "at"}


def relative_antecedent(noun: Token, pronoun: Token) -> Token:
    """What "which" stands for when the parser hung its clause on a noun inside an act's phrase:
    "the bombings of the embassies in Tanzania and Kenya, *which* killed 200" (the bombings, not
    Kenya), "the military takeover of the government, *which* expelled Morsi"; else the noun."""
    if pronoun.lower_ not in ("which", "that"):
        return noun
    tok = noun
    for _ in range(4):
        while tok.dep_ == "conj" and tok.head != tok:
            tok = tok.head
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ not in _PHRASE_PREPOSITIONS or prep.head.pos_ != "NOUN":
            return noun
        tok = prep.head
        if tok.lemma_.lower() in ACT_NOUNS:
            return tok
    return noun


def subjects(verb: Token) -> tuple[list[Token], str]:
    """The clause's subject and how it was found: own, inherited, object-control, relative, participle."""
    tok = verb
    for depth in range(6):
        own = [c for c in tok.children
               if c.dep_ in SUBJECT_DEPS or (c.dep_ in PASSIVE_SUBJECT_DEPS and stative_participle(tok))]
        if not own:  # "the US had *become* isolated": the parser may hang the subject on an auxiliary
            own = [s for c in tok.children if c.dep_ in ("aux", "auxpass") and c.i < tok.i
                   for s in c.children if s.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
        if own:
            if tok.dep_ == "relcl" and own[0].lower_ in RELATIVE_PRONOUNS:
                user = used_force(tok)
                users, how = subjects(user) if user is not None else ([], "none")
                if how == "own":
                    return users, "relative"  # who used the force did what it did
                return [relative_antecedent(tok.head, own[0])], "relative"
            return with_listed(own), "own" if depth == 0 else "inherited"
        if tok.dep_ == "xcomp":
            head = tok.head
            controllers = [c for c in head.children if c.dep_ in OBJECT_DEPS and c.i < tok.i]
            if controllers and head.lemma_.lower() not in SUBJECT_CONTROL:
                return controllers, "object-control"
        if tok.dep_ == "relcl":
            return [tok.head], "relative"
        if reduced_relative(tok) is not None:
            return [], "none"  # the noun is the participle's patient, not its subject
        if tok.dep_ == "acl" and tok == verb:
            if tok.tag_ == "VBN":
                return [], "none"
            if tok.head.lemma_.lower() not in CONTENT_NOUNS:
                return [tok.head], "participle"
            tok = tok.head.head  # "sent a message calling for ...": the message's sender
            continue
        owners = practice_owners(tok)
        if owners:
            return owners, "practice"  # "its policy of severing ties": its owner severs them
        if tok.dep_ == "pcomp" and tok.head.dep_ in ("prep", "agent") and tok.head.head.pos_ in ("VERB", "AUX"):
            tok = tok.head.head  # "retaliated by launching ...": the subject of "retaliated"
            continue
        if tok.dep_ == "acomp" and tok.head != tok:
            tok = tok.head  # "is *willing* to withdraw": the subject of "is"
            continue
        if tok.dep_ not in INHERITS_SUBJECT or tok.head == tok:
            break
        if tok.dep_ == "conj":
            speaker = _speaker_outside_quote(tok)
            if speaker is not None:
                tok = speaker  # '... said "Russia interfered" and called on Trump': the speaker called
                continue
        came_by = tok.dep_
        tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in OBJECT_DEPS | {"pobj"}:
            tok = tok.head  # "sent a message to congratulate": the message's sender
        patients = [c for c in tok.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        if patients and came_by == "xcomp" and tok.lemma_.lower() not in SUBJECT_CONTROL:
            return patients, "object-control"  # "Iran was asked *to leave*": Iran is to leave
        if patients and came_by in ("advcl", "ccomp"):
            break  # "children were killed in *shelling*": the shelling is not the children's, nor the reporter's
    return [], "none"


def _speaker_outside_quote(conj: Token) -> Token | None:
    """For a verb the parser conjoined to one inside a quotation that has closed before it, the
    verb outside the quotation that governs the quotation."""
    head = conj.head
    between = conj.doc[head.i + 1 : conj.i]
    if not any(t.tag_ == "''" for t in between):
        return None
    opening = next((t.i for t in reversed(conj.doc[conj.sent.start : head.i]) if t.tag_ == "``"), None)
    if opening is None:
        return None
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in conj.children):
        return None  # 'urged Trump to "stop fighting" and to resume talks': Trump is to resume them
    tok = head
    for _ in range(8):
        if tok.head == tok:
            return None
        tok = tok.head
        if tok.i < opening:
            return tok if tok.pos_ in ("VERB", "AUX") else None
    return None


def bind_pronoun(subject: Token) -> list[Token]:
    """For a personal pronoun subject of a reported or intended clause ("Israel said *it* would ..."),
    the nearest subject up the chain of clauses that is not itself a pronoun; else []."""
    if not _is_pronoun(subject):
        return []
    tok = subject.head
    for _ in range(5):
        if tok.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or tok.head == tok:
            return []
        reason = tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _REASON_MARKS for c in tok.children)
        tok = tok.head
        found = [c for c in tok.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
        if found:
            if reason and _plural(subject) != _plural(found[0]) and found[0].ent_type_ not in _COLLECTIVE_NAMES:
                return []  # "accused the businessmen of ingratitude because *they* invested abroad": not the prince
            return [] if _is_pronoun(found[0]) or found[0].lower_ in RELATIVE_PRONOUNS else found
    return []


# Pronouns a target slot may hold, and whether each stands for many ("them", "their") or one person.
_TARGET_PRONOUNS = {"them": True, "their": True, "him": False, "his": False, "her": False}
# Prepositions whose object an act is done to or with ("responded *to* Trudeau by calling him ...").
_PARTNER_PREPS = {"to", "with", "at", "on", "against", "toward", "towards"}
_CHAINED_CLAUSES = {"advcl", "conj", "xcomp", "ccomp", "pcomp"}


def bind_object_pronoun(pronoun: Token) -> list[Token]:
    """For a "them", "him" or "her" in a target slot (or "their", "his" owning it), the nouns of the
    same sentence it may stand for, nearest first: up the chain of clauses it is part of, each
    governor's objects and partners before its subject, all before the pronoun. "backing the
    Taliban, sending *them* weapons", "responded to Trudeau by calling *him* weak", "China threatened
    to retaliate after Trump said he would tax *their* imports". The caller keeps the first that
    names an actor of the pronoun's number other than the source (`pronoun_fits`)."""
    if pronoun.lower_ not in _TARGET_PRONOUNS or pronoun.pos_ != "PRON":
        return []
    clause = pronoun.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head != clause:
        clause = clause.head
    if pronoun.dep_ == "poss":
        # an owner is mostly the doer's own ("uphold *their* commitments", "the rebels sent their
        # fighters"), unless the clause's own subject cannot be it ("*he* would tax *their* imports")
        own = [c for c in clause.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
        if not own or any(_plural(c) == _TARGET_PRONOUNS[pronoun.lower_] for c in own):
            return []
    found: list[Token] = []
    for _ in range(4):
        if clause.dep_ not in _CHAINED_CLAUSES or clause.head == clause:
            break
        governor = clause.head
        if clause.dep_ == "pcomp":  # "by *calling* him": the clause hangs on a preposition of the governor
            governor = governor.head
        if governor.pos_ not in ("VERB", "AUX"):
            break
        if clause.dep_ == "xcomp":  # "called on the Taliban to uphold *their* pledges": the doer's own
            clause = governor
            continue
        arguments = [c for c in governor.children if c.dep_ in OBJECT_DEPS or c.dep_ == "dative"]
        arguments += [p for c in governor.children if c.dep_ == "prep" and c.lower_ in _PARTNER_PREPS
                      for p in c.children if p.dep_ == "pobj"]
        arguments += [c for c in governor.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
        found.extend(a for a in arguments if a.i < pronoun.i and a.pos_ in ("NOUN", "PROPN"))
        clause = governor
    return found


def pronoun_fits(pronoun: Token, noun: Token, kind: str) -> bool:
    """Whether the pronoun may stand for the noun, which names an actor of this kind: "them" for many
    people, a group or a state ("the Taliban ... them"), "him" or "her" for one person."""
    if _TARGET_PRONOUNS[pronoun.lower_]:
        return _plural(noun) or kind not in ("person", "role")
    return not _plural(noun) and kind in ("person", "role")


_REASON_MARKS = {"because", "although", "though", "whereas", "unless", "if", "since"}
_PLURAL_PRONOUNS = {"they", "them", "we", "us"}
_COLLECTIVE_NAMES = {"GPE", "NORP", "ORG"}  # "Iran ... because they welcome": a state or body may be "they"


def _plural(tok: Token) -> bool:
    if tok.pos_ == "PRON":
        return tok.lower_ in _PLURAL_PRONOUNS
    return tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)


def _is_pronoun(tok: Token) -> bool:
    return tok.pos_ == "PRON" and tok.lower_ in PERSONAL_PRONOUNS  # not "US", the country


_RELATIVE_WORDS = RELATIVE_PRONOUNS | {"where", "when", "why", "how"}


def _antecedent(word: Token) -> Token:
    """The noun a relative pronoun stands for ("Apple and Google, *who* he praised"), else the word."""
    verb = word.head
    if word.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" \
            and not any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):  # "which he helped run"
        return verb.head
    return word


def object_gap(verb: Token) -> Token | None:
    """The noun a relative clause is on when the clause leaves it out as its object: "the officials
    *it indicted*", "loyalists *he accused* of ..." (not "officials who resigned", "the assembly
    where he met Trump", "the protesters he spoke to", "the committee he helped run")."""
    if verb.dep_ != "relcl" or verb.pos_ != "VERB" or is_passive(verb):
        return None
    children = list(verb.children)
    if not any(c.dep_ == "nsubj" for c in children) \
            or any(c.lower_ in _RELATIVE_WORDS or c.dep_ in OBJECT_DEPS or c.dep_ == "dative" for c in children) \
            or any(c.pos_ in ("VERB", "AUX") and c.dep_ not in ("aux", "auxpass", "neg") for c in children) \
            or any(c.dep_ == "prep" and not any(p.dep_ in ("pobj", "pcomp") for p in c.children) for c in children):
        return None
    return verb.head


def _slot_step(holders: list[Token], step: str, head: Token, obj: Token | None) -> list[Token]:
    found: list[Token] = []
    if step == "dobj":
        for h in holders:
            found.extend(_antecedent(c) for c in h.children if (c.dep_ in OBJECT_DEPS and not _what_is_named(c))
                         or (c.dep_ == "xcomp" and c.pos_ in ("NOUN", "PROPN")))
            # "slammed what they call *Labour's sham inquiry*": the thing named is what is described
            found.extend(p for c in h.children if _what_is_named(c) for p in h.children if p.dep_ == "oprd")
            # "helped *Sudan* rebuild its army": the parser makes the object the subject of a bare infinitive
            found.extend(s for c in h.children if _bare_infinitive(c) for s in c.children if s.dep_ == "nsubj")
            if h is not head:
                continue
            if not any(c.dep_ in OBJECT_DEPS for c in h.children):
                # "called Egyptian Foreign Minister Sameh Shoukry", parsed as what he was called
                found.extend(c for c in h.children if c.dep_ == "oprd" and c.pos_ == "PROPN")
                if is_passive(h):  # "Obama is being pressed by Republicans": the one pressed
                    found.extend(passive_subjects(h))
            found.extend(g for c in small_clauses(h) for g in c.children if g.dep_ == "nsubj")  # "holds *Russia* responsible"
    elif step == "dative":
        for h in holders:
            for c in h.children:
                if c.dep_ == "dative":
                    found.extend([p for p in c.children if p.dep_ == "pobj"] if c.pos_ == "ADP" else [c])
            if h is head and not found:
                found.extend(_dative_in_object(h))
    elif step == "agent":
        for h in holders:
            found.extend(agents(h))
    elif step == "poss":
        for h in holders:
            found.extend(c for c in h.children if c.dep_ == "poss")
            # "rejected *U.S.* claims", "welcomed the *Chinese* decision": the state named before what
            # someone said or did is its owner, as a possessor would be (not "the Paris accord", "the
            # Benghazi attack", "West German *press* reports", "the Mexico tariffs")
            if h.lemma_.lower() in _STANCES and not any(
                    p.dep_ == "poss" or (p.dep_ == "compound" and p.pos_ == "NOUN") for p in h.children):
                found.extend(c for c in h.children if c.i < h.i and c.dep_ in ("compound", "amod")
                             and c.ent_type_ in ("GPE", "NORP"))
    elif step == "for_subject":
        for h in holders:
            found.extend(s for c in h.children for s in for_subjects(c))
    elif step == "that_subject" and not (head.dep_ == "advcl" and head.head.lemma_.lower() in _ACCUSING):
        # "charged that *the administration* wants a deal too badly": the one the clause is about (not
        # in "accused Rwanda of lying, *alleging* that it ...", which says the accusation again)
        found.extend(s for c in head.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")
                     for s in c.children if s.dep_ in ("nsubj", "nsubjpass"))
    elif step.startswith("prep:"):
        word = step[5:]
        for h in _looked_through(holders, head):
            found.extend(prep_objects(h, word))
            if any(c.dep_ == "prt" and c.lower_ == word for c in h.children) and h == head:
                found.extend(o for o in h.children if o.dep_ in OBJECT_DEPS)
    return found


def _dative_in_object(verb: Token) -> list[Token]:
    """The first of two objects the parser ran into one noun phrase: "gave *a Russian associate*
    internal polling data", "sent the army new heavy weapons". A noun compound before an adjective of
    the object's head is another phrase, since an adjective does not stand between a compound and its
    head; only a common noun with its own article or adjective ("sent U.S. military aid" is one
    phrase)."""
    found = []
    for obj in verb.children:
        if obj.dep_ not in OBJECT_DEPS or obj.pos_ != "NOUN":
            continue
        for c in obj.children:
            if c.dep_ != "compound" or c.pos_ != "NOUN" or c.i >= obj.i:
                continue
            after = [t for t in obj.doc[c.i + 1: obj.i] if t.dep_ == "amod" and t.tag_ == "JJ" and t not in c.subtree]
            own = any(m.dep_ in ("amod", "det", "poss") for m in c.children) \
                or any(d.dep_ == "det" and d.i < c.i for d in obj.children)
            if after and own:
                found.append(c)
                break
    return found


def _what_is_named(obj: Token) -> bool:
    """The "what" of "what they call *Labour's* sham inquiry", which stands for the thing the name
    gives with its owner (not "what Trump termed a 'Harvard for terrorists'", a name alone)."""
    return obj.dep_ in OBJECT_DEPS and obj.lower_ == "what" and any(
        c.dep_ == "oprd" and any(p.dep_ == "poss" for p in c.children) for c in obj.head.children)


def with_an_act(verb: Token) -> bool:
    """Whether a verb helps with another act: "help *offset* a shortage", "helped *pave* the way"
    (where the parser makes "helped" the auxiliary)."""
    return verb.dep_ == "aux" or any(c.dep_ == "xcomp" or (c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX"))
                                     for c in verb.children)  # "helped shares *dip*", tagged a noun


def _bare_infinitive(clause: Token) -> bool:
    """"help Sudan *rebuild*", "let Iran *keep*": a complement in the base form with no "to", modal or "that"."""
    return (clause.dep_ == "ccomp" and clause.tag_ == "VB"
            and not any(c.dep_ in ("aux", "auxpass", "mark") for c in clause.children))


def _looked_through(holders: list[Token], head: Token) -> list[Token]:
    """Add what a quantity noun measures and what an apposition of the verb's object restates: "a
    new round of sanctions *against* X" hangs "against" on the sanctions, not on the round; "the
    INF Treaty, a pact *with* Russia" on the pact. An event noun's own apposition is another
    event ("the summit, the first meeting between ...") and is not looked through."""
    out = list(holders)
    for h in holders:
        if plain_lemma(h) in QUANTITY_NOUNS:
            out.extend(p for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
                       for p in c.children if p.dep_ == "pobj")
        if h is not head and h.pos_ in ("NOUN", "PROPN"):
            out.extend(c for c in h.children if c.dep_ == "appos" and c.pos_ == "NOUN")
    return out


def for_subjects(clause: Token) -> list[Token]:
    """The subject of a "for X to do" clause: "called for *Iran* to release the sailors"."""
    if clause.dep_ not in ("advcl", "acl", "ccomp", "xcomp", "relcl") or clause.pos_ not in ("VERB", "AUX"):
        return []
    marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ == "for"]
    if not marks:
        return []
    # "called for it to be lifted": "it" is mostly the thing to be done, not an actor
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "it"]
    # "a loan for India to help lessen ...": the parser may hang the subject on "for" itself
    return subjects + [p for m in marks for p in m.children if p.dep_ == "pobj" and p.lower_ != "it"]


def slot_tokens(head: Token, obj: Token | None, slot: str) -> list[Token]:
    """Tokens heading the phrase a target slot names, e.g. "prep:on" of "imposed sanctions *on Iran*"."""
    steps = slot.split(">")
    holders = [head]
    if obj is not None:
        holders.append(obj)
    elif steps[0].startswith("prep:"):
        holders.extend(o for o in objects(head) if o.pos_ in ("NOUN", "PROPN"))  # "on" often hangs on the object
    found = _slot_step(holders, steps[0], head, obj)
    for step in steps[1:]:
        found = _slot_step(found, step, head, None)
    return found


# "rarely rebukes", "seldom agrees": what the subject mostly does not do is no event.
_NEGATING_ADVERBS = {"never", "no longer", "rarely", "seldom", "hardly", "scarcely"}
_PAST_MODALS = {"should", "ought", "must", "would", "could", "might", "may", "'d"}


def _instead_of(prep: Token) -> str:
    """ "rather than" or "instead of" when `prep` is the preposition of one, else ""."""
    before = prep.doc[prep.i - 1].lower_ if prep.i > 0 else ""
    if prep.lower_ == "than" and before == "rather":
        return "rather than"
    if prep.lower_ == "of" and before == "instead":
        return "instead of"
    return ""


def _has_condition(verb: Token) -> bool:
    """Whether an "if" or "unless" clause hangs on the verb."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
               for c in verb.children)


def _inverted_condition(verb: Token) -> str:
    """"Had Russia attacked Ukraine, ...", "..., had they captured him", "Were China to invade ...": a
    condition said by putting "had", "were" or "should" before the subject, first in its clause."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS), None)
    if subject is None:
        return ""
    words = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < subject.i] + [verb]
    word = next((w for w in words if w.lower_ in ("had", "were", "should") and w.i < subject.i), None)
    if word is None:
        return ""
    before = verb.doc[word.i - 1] if word.i > verb.sent.start else None
    return word.text if before is None or before.is_punct else ""


# Verbs whose past is spelled as their present
_SAME_IN_THE_PAST = frozenset({"set", "hit", "put", "cut", "let", "shut", "spread", "cast", "burst", "quit", "beat",
                               "bet", "cost", "hurt", "split", "shed", "thrust", "upset", "broadcast", "forecast",
                               "bid", "rid", "read", "slit", "outbid", "reset", "offset"})


def _past_misread(verb: Token) -> bool:
    """"was severing ties, hours after protesters *set* fires": a past the tagger took for a present,
    told by the past of the clause it hangs on."""
    head = verb.head
    return verb.tag_ == "VBP" and verb.lower_ in _SAME_IN_THE_PAST and (
        head.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in head.children))


_SINGULAR_SUBJECTS = {"i", "he", "she", "it"}


def _unreal_condition(verb: Token) -> str:
    """ "If I were in the government, I would hit soybeans first": a condition the speaker knows to be
    false ("were" of one person or thing), so what "would" happen is no threat or intent, only
    fancy. "If Iran were to attack, we would respond" is a condition that may come true."""
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.lower_ != "were" \
                or not any(c.dep_ == "mark" and c.lower_ == "if" for c in clause.children) \
                or any(c.dep_ == "xcomp" for c in clause.children):
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None and (subject.lower_ in _SINGULAR_SUBJECTS or subject.tag_ in ("NN", "NNP")):
            return f"if {subject.text} were"
    return ""


def own_markers(verb: Token, borrowed: bool = False) -> tuple[str, str]:
    """The clause's own mood marker: ("fact", ""), ("future", "will"), ("would", "would"),
    ("obligation", "must"), ("modal", "could"), ("negated", "not"), ("refusal", "will not") or
    ("conditional", "if"). `borrowed`: for another clause (a conjunct's, a complement's), where "no"
    on the object negates nothing ("left no doubt that Iran attacked" says it did)."""
    neg = aux = None
    if verb.dep_ == "pcomp" and verb.head.lower_ == "without":
        return "negated", "without"  # "claimed without providing evidence": none was provided
    if verb.dep_ == "pcomp" and (instead := _instead_of(verb.head)):
        return "negated", instead  # "sent them back rather than holding them in custody": none was held
    if verb.i >= 1 and (instead := _instead_of(verb.doc[verb.i - 1])):
        return "negated", instead  # "Rather than meet the vice-president, Abbas travelled to Brussels"
    for child in verb.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in _NEGATING_ADVERBS):
            neg = child
        elif child.dep_ in SUBJECT_DEPS and not borrowed and (neither := next(
                (g for g in child.children if g.dep_ == "preconj" and g.lower_ == "neither"), None)) is not None:
            neg = neither  # "Neither X nor Y commented"
        elif child.dep_ == "dobj" and not borrowed:
            none = next((d for d in child.children if d.dep_ == "det" and d.lower_ == "no"), None)
            neg = none or neg  # "raised *no* objections", but "gave no credit and *penalized* it" did penalize
        elif child.dep_ in ("aux", "auxpass") and child.tag_ == "MD":
            aux = child
        elif child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether", "lest"):
            return "conditional", child.text
        elif child.dep_ == "mark" and child.lower_ in ("before", "until", "till") and (
                (verb.tag_ in ("VBZ", "VBP") and not _past_misread(verb))
                or (verb.tag_ == "VBD" and any(c.dep_ == "aux" and c.lower_ in ("would", "will")
                                               for c in verb.head.children))):
            # "before the US announces its review", "sanctions would stay until North Korea dismantled
            # its program": not yet happened
            return "conditional", child.text
        elif child.dep_ in ("advmod", "mark") and child.lower_ in ("when", "once", "after") and child.i < verb.i \
                and verb.tag_ in ("VBZ", "VBP") and verb.dep_ == "advcl" and not _past_misread(verb):
            return "future", child.text  # "when Kim and Moon meet next Friday": present tense, a later day
    inverted = _inverted_condition(verb)
    if inverted:
        return "conditional", inverted
    if verb.dep_ == "conj" and aux is None and neg is None and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return own_markers(verb.head, borrowed=True)  # "will meet X and sign ...": the auxiliary is shared
    word = aux.lower_ if aux is not None else ""
    if word in _PAST_MODALS and verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children):
        return "modal", f"{aux.text} have"  # "should have demanded", "would not have attacked": it did not happen
    future = word in ("will", "shall", "'ll", "wo", "ll")
    if neg is not None:
        if future or word == "would":
            return "refusal", f"{aux.text} {neg.text}"
        return "negated", neg.text
    if future:
        return "future", aux.text
    if word in ("would", "'d"):
        unreal = _unreal_condition(verb)
        return ("modal", f"{aux.text} ... {unreal}") if unreal else ("would", aux.text)
    if word in ("must", "should", "ought"):
        return "obligation", aux.text
    if aux is not None:
        if _has_condition(verb):
            return "future", f"{aux.text} ... if"  # "may halt mediation if ...": a conditional threat or offer
        return "modal", aux.text
    return "fact", ""
