"""Shared argument frames: the grammatical slots around a trigger, the same for every type.

A trigger's arguments sit in a few grammatical positions whatever the event: the
subject and object of an active verb, the patient and by-phrase of a passive, the
possessor, compound modifier and of-phrase of a nominalisation, the subject of the light
verb a noun is the object of ("declared a curfew"), the to-infinitive or that-clause a
verb takes ("ordered the troops [to shoot]", the object then being the one who is to
act), the one on whose orders a passive or nominal event happens ("was cut on the orders
of X": a ``by`` slot), and the object of any preposition ("appealed to X for Y").
:func:`frame_slots` lists them as ``(slot, head token)`` pairs; a type's ``args``
(kg/rules/events/*.yaml) says which role each slot fills, so the per-type differences are
data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from kg.extract.syntax import (
    RELATIVE_PRONOUNS,
    antecedent,
    passive_subject,
    prep_objects,
    subject_of,
)

_INFINITIVE_DEPS = ("xcomp", "ccomp", "advcl")
_TARGET_PREPS = {"on", "at", "against", "into", "upon"}  # what an instrument is used on
_ORDER_PREPS = {"on", "under", "at", "upon"}  # "on the orders of", "at the behest of"
_DIRECTIONS = {"to", "onto", "into", "out", "back"}  # "ordered the troops out of X"
# verbs that put a person in office, whose object the parser may read as their predicate
# ("named Minister X acting health minister")
_NAMING_VERBS = {"name", "appoint", "nominate"}
# heads of a relative clause without pronoun that are not its verb's object ("the day
# the army arrived", "the way the vote was run")
_NOT_OBJECTS = {"day", "time", "moment", "way", "reason", "year", "week", "month", "night",
                "place", "hour", "morning", "evening", "afternoon", "extent"}


@dataclass(slots=True)
class Frame:
    """The slots found around one trigger, in the order they are read."""

    voice: str
    slots: list[tuple[str, Token]] = field(default_factory=list)
    complement: Token | None = None  # the to-infinitive or that-clause head, if any

    def add(self, slot: str, tok: Token | None) -> None:
        if tok is not None:
            self.slots.append((slot, tok))


def named_person(t: Token) -> Token | None:
    """The one a naming verb puts in office when the parser reads no object: "named
    Minister X [to take on the portfolio]" (the name the verb's predicate), "named
    Minister X acting planning minister" (the name a compound of the office it is given:
    its last word that names a person)."""
    for c in t.children:
        if c.dep_ != "oprd":
            continue
        if c.pos_ == "PROPN":
            return c
        if c.pos_ == "NOUN":
            people = [x for x in c.subtree if x.i < c.i and x.pos_ == "PROPN" and
                      x.dep_ == "compound" and x.ent_type_ == "PERSON"]
            if people:
                return people[-1]
    return None


def _orderer(order: Token) -> Token | None:
    """Who gave an order: "the orders of X", "X's orders"."""
    for c in order.children:
        if c.dep_ == "poss":
            return c
    return next((o for _p, o in prep_objects(order, {"of", "from"})), None)


def complement_of(t: Token, small_clause_verbs: set[str] = frozenset()) -> Token | None:
    """The verb's to-infinitive ("urged X to release", "voted to extend") or that-clause
    ("ordered that he be held") complement; a noun's to-infinitive ("the decision to
    postpone the vote")."""
    deps = ("acl",) if t.pos_ in ("NOUN", "PROPN") else _INFINITIVE_DEPS
    for c in t.children:
        if c.dep_ in deps and c.pos_ in ("VERB", "AUX") and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            return c
    for c in t.children:
        if c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that"
                                     for g in c.children):
            return c
    if t.pos_ == "VERB" and t.lemma_.lower() in small_clause_verbs:
        # a participle small clause: "ordered all government offices closed" (the parser's
        # clause with its own subject), "ordered them held for 13 days", "wanted the
        # prisoners freed" (the participle after the verb's object): what is to be done,
        # after a verb of ordering or asking only ("revoked the state of emergency declared
        # in X" is a reduced relative clause)
        for c in t.children:
            # (the parser tags the participle of the first shape as a past tense; a
            # clause with an object of its own is a past act told, not one ordered)
            if c.dep_ in ("ccomp", "xcomp") and c.tag_ in ("VBN", "VBD") and c.i > t.i and \
                    not any(g.dep_ in ("aux", "auxpass", "mark", "dobj") for g in c.children) \
                    and (any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) or
                         small_clause_object(t, c) is not None):
                return c
    if t.pos_ == "VERB":  # "called on his supporters to march": "to" + a bare verb read
        for c in t.children:  # as a preposition and its object
            if c.dep_ == "prep" and c.lower_ == "to":
                act = next((o for o in c.children if o.dep_ == "pobj"), None)
                if act is not None and act.pos_ == "VERB" and act.tag_ == "VB":
                    return act
    return None


def small_clause_object(t: Token, clause: Token) -> Token | None:
    """The object of ``t`` that is the subject of its participle clause ``clause`` ("ordered
    [them] held for 13 days", "ordered [all schools in the district] closed"), when the
    clause has no subject of its own."""
    if clause.dep_ not in ("ccomp", "xcomp") or clause.tag_ not in ("VBN", "VBD") or any(
            g.dep_ in ("nsubj", "nsubjpass") for g in clause.children):
        return None
    return next((o for o in t.children if o.dep_ == "dobj" and o.i < clause.i), None)


def shared_object(t: Token) -> Token | None:
    """The object a verb shares with the verb coordinated after it ("stormed and looted
    the shops", "stormed and set fire to the building"), when it has none of its own."""
    if any(c.dep_ in ("dobj", "prep", "ccomp", "xcomp") for c in t.children):
        return None
    for c in t.children:
        if c.dep_ != "conj" or c.pos_ != "VERB":
            continue
        for _p, o in prep_objects(c, {"to"}):  # "set fire to X": the object of "to"
            if any(d.dep_ == "dobj" for d in c.children):
                return o
        objs = [o for o in c.children if o.dep_ == "dobj" and o.pos_ in ("NOUN", "PROPN")]
        if objs:
            return objs[0]
    return None


def light_verb(t: Token, light_verbs: set[str], *, participle: bool = True
               ) -> tuple[Token, str] | None:
    """The light verb a noun trigger is the object of ("declared [a curfew]"), also through
    a measure or amount ("announced [3 million euros] in [aid]"), with the noun phrase's
    relation to it (dobj, nsubjpass, or acl for a participle after the noun)."""
    # "the curfew imposed by the governor", "a curfew and a shutdown imposed by X"
    nouns = [t, *(c for c in t.children if c.dep_ == "conj")] if participle else []
    if t.dep_ == "conj" and participle:
        nouns.append(t.head)
    for noun in nouns:
        for c in noun.children:
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in light_verbs:
                return c, "acl"
    n = t
    for _ in range(3):
        if n.dep_ in ("dobj", "nsubjpass") and n.head.lemma_.lower() in light_verbs:
            if _figure_given(n.head):
                return None
            return n.head, n.dep_
        if n.dep_ == "pobj" and n.head.lemma_.lower() in ("in", "of") and \
                n.head.head.pos_ in ("NOUN", "NUM"):
            n = n.head.head
            continue
        return None
    return None


def _figure_given(verb: Token) -> bool:
    """"prosecutors put the losses at 23 million", "the agency set the damage at $4
    million", "estimated the cost at": a verb of estimating with the figure in an
    at-phrase gives a source's figure; its subject reckons the loss and did not cause it."""
    return verb.lemma_.lower() in _FIGURE_VERBS and any(
        c.dep_ == "prep" and c.lower_ == "at" for c in verb.children)


_FIGURE_VERBS = {"put", "place", "set", "estimate"}
_SITTING_PREPS = {"at", "in", "during"}
_CALL_NOUNS = {"call", "conversation"}  # "in a phone call", "during a telephone conversation"


def call_parties(t: Token) -> list[tuple[str, Token]]:
    """The two sides of a call an act was done in: "X congratulated Y [in a phone call]",
    "X thanked Y during a telephone conversation" (the subject the caller, the object the
    one called; both take part)."""
    if t.lemma_.lower() not in _CALL_NOUNS or t.dep_ != "pobj" or \
            t.head.lower_ not in ("in", "during", "over") or t.head.head.pos_ != "VERB" or \
            t.head.head.lemma_.lower() in ("tell", "say", "inform"):  # told a reporter
        return []
    verb = t.head.head
    caller = subject_of(verb)
    called = [o for o in verb.children if o.dep_ == "dobj" and o.pos_ in ("PROPN", "NOUN")]
    if caller is None or not called:
        return []
    return [("sitting_subject", caller), ("call_party", caller),
            *(("call_party", o) for o in called)]


def sitting_subject(t: Token) -> Token | None:
    """The subject of the clause a sitting of its own is the setting of: "the Cabinet is to
    review X [at its weekly session]", "[At an extraordinary session], the government
    appointed X": its own sitting, by a possessor or a modifier ("in one session" is none;
    "proposed at the next meeting of the ministers" is theirs, not the proposer's)."""
    if t.dep_ != "pobj" or t.head.lower_ not in _SITTING_PREPS or \
            any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
        return None
    host = t.head.head
    if host.pos_ in ("NOUN", "PROPN") and host.dep_ in ("nsubj", "nsubjpass") and \
            t.head.i > 0 and t.doc[t.head.i - 1].lower_ == "," and \
            any(c.dep_ in ("poss", "amod", "compound") for c in t.children):
        # set off after the subject: "The Council, at its extraordinary session on
        # DATE, declared X", "The cabinet, at an emergency session, decided"
        return host
    if host.pos_ not in ("VERB", "AUX"):
        return None
    if not any(c.dep_ in ("poss", "amod") for c in t.children):
        return None
    return subject_of(host)


def direction_of(t: Token) -> Token | None:
    """The phrase that says where a verb sends its object ("ordered soldiers [onto the
    streets]", "[out of Niger]", "[back to their barracks]", "[to the highest level of
    readiness]"); not a date ("to Monday")."""
    for c in t.children:
        if c.lower_ in _DIRECTIONS and c.dep_ in ("prep", "advmod", "prt") and \
                any(x.dep_ == "pobj" or (x.dep_ == "prep" and any(
                    o.dep_ == "pobj" for o in x.children)) for x in c.children) and \
                not any(x.ent_type_ in ("DATE", "TIME") for x in c.subtree):
            return c
    return None


_ONSET_MARKS = ("when", "as")
_STATE_VERBS = {"remain", "stay"}
_RECEIVING = {"receive", "get"}
# verbs whose subject is the one the noun's act is aimed at: "X faces charges of fraud"
# (X is charged); a type that names no role for it takes none (no agent)
_FACING = {"face"}


def onset_actors(verb: Token) -> list[Token]:
    """Who acts around an event's onset: the subject of its when-clause ("scuffles broke
    out when demonstrators tried to push past") and of the clause it is joined to
    ("police blocked the march, and scuffles broke out")."""
    out = []
    for c in verb.children:
        if c.dep_ != "advcl" or c.pos_ not in ("VERB", "AUX"):
            continue
        # the parser may hang "when" on a verb further down the clause: the word before it
        edge = c.left_edge
        mark = edge if edge.i == 0 else edge.doc[edge.i - 1]
        if edge.lower_ in _ONSET_MARKS or (mark.i > verb.i and mark.lower_ in _ONSET_MARKS):
            out.extend(s for s in c.children if s.dep_ == "nsubj")
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        out.extend(s for s in verb.head.children if s.dep_ == "nsubj")
    return out


def frame_slots(t: Token, voice: str, phrase: list[Token], *, light_verbs: set[str],
                with_complement: bool, object_preps: set[str] = frozenset(),
                order_nouns: set[str] = frozenset(), directed: bool = False,
                participle_light: bool = True, onset_verbs: set[str] = frozenset(),
                sitting: bool = False,
                small_clause_verbs: set[str] = frozenset()) -> Frame:
    """The slots of trigger ``t`` in ``voice`` (active, passive or nominal).

    ``phrase`` is the trigger with the rest of a multi-word trigger ("set fire to"),
    whose tokens fill no slot; ``with_complement``: the type reads a complement clause
    (otherwise an infinitive is a purpose, read apart); ``directed``: an object sent
    somewhere with no complement is a ``directed_object`` and the phrase saying where a
    ``direction`` ("ordered soldiers onto the streets"); ``object_preps``: prepositions that
    belong to the verb even when the parser hangs them on its object ("accused [the
    rebels of shelling]"); ``small_clause_verbs``: verbs of ordering or asking whose
    participle small clause is their complement ("ordered all offices closed"). A date is
    no preposition's object here ("on Monday").
    ``participle_light``: a light participle after a noun gives its by-agent ("the curfew
    imposed by X"); off for types that read their host themselves (Meeting). ``sitting``:
    the type reads a ``sitting_subject`` (:func:`sitting_subject`).
    ``onset_verbs``: a noun that is the subject of one of these takes the verb's phrases
    ("clashes broke out [between X and Y]").
    """
    frame = Frame(voice)
    in_phrase = {x.i for x in phrase}
    comp = complement_of(t, small_clause_verbs) if with_complement else None
    frame.complement = comp
    if voice == "active":
        subj = subject_of(t)
        if subj is None and t.dep_ == "conj" and t.lemma_.lower() in _STATE_VERBS:
            # "was not affected and remained open", "was shut on Monday and remains
            # closed": a state verb joined to a clause is told of that clause's subject
            subj = next((c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")),
                        None)
        frame.add("subject", subj)
        obj = next((c for c in t.children if c.dep_ == "dobj" and c.i not in in_phrase), None)
        if obj is not None and obj.lemma_.lower() in RELATIVE_PRONOUNS and t.dep_ == "relcl":
            obj = antecedent(t.head)  # "the bloc, which Mali left": the bloc
        if obj is None and t.dep_ == "acl":  # "the junta named [X] as ...", misread
            obj = next((c for c in t.children if c.dep_ == "oprd" and c.pos_ == "PROPN"), None)
        if obj is None and t.lemma_.lower() in _NAMING_VERBS:
            obj = named_person(t)
        if obj is None and t.dep_ == "relcl" and t.head.pos_ == "NOUN" and \
                t.head.ent_type_ not in ("DATE", "TIME") and \
                t.head.lemma_.lower() not in _NOT_OBJECTS and \
                any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS
                    for c in t.children) and \
                not any(c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "prep" and not any(
                    o.dep_ in ("pobj", "pcomp") for o in c.children)) for c in t.children):
            obj = t.head  # "the security agreement the two countries signed in 2019"
        if obj is None:  # "declared [X] the winner": a verbless small clause's subject
            obj = next((c for c in t.children if c.dep_ == "ccomp" and c.pos_ == "PROPN" and
                        any(g.dep_ == "appos" for g in c.children) and
                        not any(g.dep_ in ("nsubj", "aux", "mark") for g in c.children)), None)
        if obj is None:
            obj = shared_object(t)  # "stormed and set fire to the building"
        direction = direction_of(t) if directed and comp is None and obj is not None \
            else None
        if direction is not None:
            frame.add("directed_object", obj)
            frame.add("direction", direction)
        else:
            frame.add("controlled" if comp is not None and obj is not None else "object", obj)
        for prep, o in prep_objects(obj, object_preps) if obj is not None else []:
            frame.add(prep, o)
        for c in t.children:  # "gave the city aid": the dative noun is the recipient
            if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON"):
                frame.add("to", c)
    elif voice == "passive":  # "were urged to move": the one urged
        frame.add("controlled" if comp is not None else "passive_subject", passive_subject(t))
        by = [obj for _prep, obj in prep_objects(t, {"by"})]
        if not by:
            # "closed to all commercial shipping by the Department of Ports": the parser
            # hangs the by-agent on the object of the verb's preposition before it
            by = [o for _p, obj in prep_objects(t) if _p != "by" for _q, o in
                  prep_objects(obj, {"by"}) if o.pos_ in ("NOUN", "PROPN")][:1]
        for obj in by:
            frame.add("by", obj)
    else:
        frame.add("trigger", t)
        for c in t.children:
            if c.dep_ == "poss":
                frame.add("possessor", c)
            elif c.dep_ == "compound" and c.i not in in_phrase:
                frame.add("compound", c)
        light = light_verb(t, light_verbs, participle=participle_light)
        if light is not None:
            verb, dep = light
            subj = subject_of(verb) if dep == "dobj" else None
            if subj is None and dep == "dobj" and verb.dep_ == "conj":
                # "said it was ready to help but has not yet received a request"
                subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
            if subj is None:
                subj = next((o for _p, o in prep_objects(verb, {"by"})), None)
            # "X received a request": the one the light verb's subject is given it to
            lemma = verb.lemma_.lower()
            frame.add("recipient_subject" if lemma in _RECEIVING else "faced_subject"
                      if lemma in _FACING else "light_subject", subj)
            # "imposed a curfew on X", "opened an inquiry into X": the verb's phrases
            for prep, obj in prep_objects(verb):
                if prep != "by" and obj.i not in in_phrase and \
                        obj.ent_type_ not in ("DATE", "TIME"):
                    frame.add(prep, obj)
        for _prep, obj in prep_objects(t, {"by"}):
            frame.add("by", obj)
        if sitting and (sitter := sitting_subject(t)) is not None:
            frame.add("sitting_subject", sitter)
        elif sitting:
            for slot, tok in call_parties(t):
                frame.add(slot, tok)
        if t.dep_ == "nsubj" and t.head.lemma_.lower() in onset_verbs:
            for prep, obj in prep_objects(t.head):
                if prep != "by" and obj.ent_type_ not in ("DATE", "TIME"):
                    frame.add(prep, obj)
            if not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those")
                       for c in t.children):  # ("the fighting began when ...": told before)
                for actor in onset_actors(t.head):
                    frame.add("onset_actor", actor)
    if comp is not None:
        frame.add("complement", comp)
        # "demanded that Armenia remove ...": the one who is to act
        if comp.dep_ == "ccomp" and voice == "active" and not any(
                s == "controlled" for s, _ in frame.slots):
            # (a passive clause's subject is acted on: "demanded that the bill be withdrawn")
            subj = next((c for c in comp.children if c.dep_ == "nsubj"), None)
            if subj is not None and comp.dep_ == "ccomp" and subj.pos_ in ("PROPN", "NOUN"):
                frame.add("controlled", subj)
    directed_at = {x.i for s, d in frame.slots if s == "direction" for x in d.subtree}
    for prep, obj in prep_objects(t):
        if prep == "by" or obj.i in in_phrase or (
                prep == "of" and voice != "nominal" and prep not in object_preps) or \
                obj.ent_type_ in ("DATE", "TIME") or obj.i in directed_at:
            continue
        if voice != "active" and prep in _ORDER_PREPS and obj.lemma_.lower() in order_nouns:
            # "was switched off on the orders of X", "on X's orders": X acts (``by``)
            frame.add("by", _orderer(obj))
            continue
        frame.add(prep, obj)
        if prep == "with" and voice != "nominal":
            # "opened fire with mortars on X": the target hangs on the instrument
            for p2, o2 in prep_objects(obj, _TARGET_PREPS):
                frame.add(p2, o2)
    if len(phrase) > 1:  # "set fire to X", "opened fire on X"
        for x in phrase:
            for _p, o in prep_objects(x, {"to", "on", "at", "of", "over", "against", "into",
                                          "upon"}):
                if o.i not in in_phrase and o.ent_type_ not in ("DATE", "TIME"):
                    frame.add("phrase_object", o)
    return frame
