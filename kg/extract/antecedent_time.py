"""The day of a relative clause told of a recapped event: its antecedent's day.

A follow-up story recaps the first event in a noun phrase dated by a possessive day or a
day hung on the noun, and tells its counts in a relative clause on it: "questioned the
owner over Monday's blaze at the mill, which killed five people", "the raid on Sunday
in which three guards were wounded", "last Friday, when police held 40 people". The
clause gives no day of its own; the day is its antecedent's, not the day of the
sentence's main verb (kg/extract/circumstances.py asks here before falling back to that).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from kg.extract.syntax import clause_head
from kg.records import TimeExpr

# prepositions that hang a date on an event noun ("the raid on Sunday", "the fire of 3 May",
# "an attack in October 2025")
_DAY_PREPS = frozenset({"on", "of", "in"})
_NOUNS = frozenset({"NOUN", "PROPN"})
# links by which the antecedent reaches the noun phrase above it
_UP = frozenset({"appos", "conj", "compound", "nmod"})


def antecedent_date(chain: list[Token], dates: Iterable[SpacySpan],
                    normalise: Callable[[str], TimeExpr],
                    dated: Iterable[tuple[SpacySpan, str, Token, TimeExpr]]) -> TimeExpr | None:
    """The day of the noun phrase a relative clause (the last of ``chain``) hangs on: a
    possessive day ("Monday's blaze"), a day on the noun ("the ambush on Sunday") or the day
    itself ("last Friday, when ..."), on the antecedent or the nouns it is part of ("the
    fire at the depot in X, which": up from X to the fire); else, when the antecedent is
    part of a clause below the main one, the one date of that clause ("a man who took part
    in the raid on Sunday in which three guards were wounded": the day of taking part,
    not of the sentence's main verb). None when there is none."""
    top = chain[-1]
    if top.dep_ != "relcl":
        return None
    by_token = {i: e for e in dates for i in range(e.start, e.end)}
    h = top.head
    for _ in range(8):
        found = [by_token.get(h.i)]
        for c in h.children:
            if c.dep_ == "poss":
                found.append(by_token.get(c.i))
            elif c.dep_ == "prep" and c.lower_ in _DAY_PREPS:
                found += [by_token.get(o.i) for o in c.children if o.dep_ == "pobj"]
        for ent in found:
            if ent is None:
                continue
            time = normalise(ent.text)
            if time.value is not None:
                return time
        if h.dep_ == "pobj" and h.head.dep_ == "prep" and h.head.head.pos_ in _NOUNS:
            h = h.head.head
        elif h.dep_ in _UP and h.head.pos_ in _NOUNS:
            h = h.head
        else:
            break
    clause = clause_head(h)
    if clause.dep_ in ("ROOT", "ccomp", "parataxis") or clause == clause_head(clause.head):
        return None  # the main clause's date is the fallback's business
    told = {time.value: time for _ent, _prep, c, time in dated if c == clause}
    return next(iter(told.values())) if len(told) == 1 else None
