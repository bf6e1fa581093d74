"""Purpose clauses of forces sent somewhere: "deployed 300 soldiers to X and to guard Y".

- ``purpose_clause``: the verb a to-infinitive is the purpose of, through a list of
  purposes ("sent to help firefighters and to guard the depot": both purposes of "sent");
- ``purpose_places``: the named place a purpose locates ("deployed to guard the
  substations in the northern province": the force is sent to that province).

Used by the role reader (kg/extract/arguments.py) and the place reader
(kg/extract/circumstances.py).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.extract.syntax import is_passive, passive_subject, to_infinitive
from kg.records import EntityType, Mention

_PURPOSE_DEPS = ("advcl", "xcomp", "acl")


def purpose_clause(t: Token) -> Token | None:
    """The verb whose purpose the to-infinitive ``t`` states, or None.

    A second purpose joined to the first ("to help X and to guard Y") shares the first's
    governor; the parser may hang it on a participle inside the first purpose ("to seal off
    roads leading out of X and to guard Y"), so a to-infinitive conjunct climbs to the
    nearest to-infinitive above it. A conjunct with a subject of its own ("to clear roads,
    and police guard the bridge") is a clause of its own, no purpose."""
    first = t
    while first.dep_ == "conj" and first.head.pos_ in ("VERB", "AUX") and \
            first.head.i < first.i:
        first = first.head
    if first is not t and not to_infinitive(first) and to_infinitive(t):
        first = next((a for a in first.ancestors if a.pos_ == "VERB" and
                      to_infinitive(a)), first)
    if first.dep_ not in _PURPOSE_DEPS or not to_infinitive(first):
        return None
    if first is not t and any(c.dep_ == "nsubj" for c in t.children):
        return None
    return first.head


def purpose_agent(verb: Token, agentish: Callable[[Token], object]) -> Token | None:
    """Who carries out the purpose of ``verb``, the force sent: "sent the X battalion to
    protect the port": the battalion; "the army deployed engineering units to secure X":
    a named force (not a state) that sent an unnamed one acts through it; "the UN mission sent
    250 peacekeepers to protect ...": a count names no one, the force that sent them does
    (None: the subject the parse gives stands)."""
    patient = passive_subject(verb) if is_passive(verb) else next(
        (c for c in verb.children if c.dep_ == "dobj"), None)
    sender = None if is_passive(verb) else next(
        (c for c in verb.children if c.dep_ == "nsubj"), None)
    if patient is not None and isinstance(agentish(patient), Mention):
        return patient
    by = agentish(sender) if sender is not None else None
    if isinstance(by, Mention) and by.type is EntityType.ARMED_FORCE:
        return sender  # (a state that sends soldiers guards through them: "the soldiers")
    if patient is not None and (agentish(patient) is not None or
                                not any(c.dep_ == "nummod" for c in patient.children)):
        return patient
    return None


def purposes_of(verb: Token) -> list[Token]:
    """The to-infinitive purposes of ``verb`` with the ones joined to them."""
    out = []
    for c in verb.children:
        if c.dep_ in _PURPOSE_DEPS and c.pos_ == "VERB" and to_infinitive(c):
            out.append(c)
            out.extend(x for x in c.conjuncts if x.i > c.i and x.pos_ == "VERB")
    return out


def purpose_places(verb: Token, preps: set[str], place: Callable[[Token], Mention | None],
                   named: Callable[[Token], Mention | None],
                   place_nouns: set[str] = frozenset()) -> list[Mention]:
    """The named places the purposes of ``verb`` locate what they act on: "sent to guard
    the substations in the Y Region", "to reinforce embankments along the X
    River" (a place after one of ``preps``; not the end of a road, "to clear the road to
    X", nor a place inside a clause the purpose's object has of its own); "in the villages
    of A and B": the places the place noun's of-phrase names."""
    for purpose in purposes_of(verb):
        stack = [c for c in purpose.children if c.dep_ in ("dobj", "prep")]
        while stack:
            tok = stack.pop(0)
            if tok.dep_ in ("relcl", "advcl", "ccomp") and tok.pos_ in ("VERB", "AUX"):
                continue
            at = tok if tok.dep_ == "pobj" and tok.head.lower_ in preps else None
            if at is not None and named(at) is None and at.lemma_.lower() in place_nouns:
                at = next((o for p in at.children if p.dep_ == "prep" and p.lower_ == "of"
                           for o in p.children if o.dep_ == "pobj"), at)
            if at is not None and named(at) is not None:
                tok = at
                found = place(tok)
                if found is not None:
                    out = [found]
                    for x in tok.conjuncts:
                        p = place(x) if x.i > tok.i and named(x) is not None else None
                        if p is not None and p not in out:
                            out.append(p)
                    return out
            stack.extend(tok.children)
    return []
