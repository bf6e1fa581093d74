"""When a clause happened, read from its tense and its day offsets.

Shared by the role reader's dates (kg/extract/circumstances.py) and the requests and
accusations reader (kg/extract/requests.py): a participle's earlier state ("already
stationed"), a perfect's start ("has been deployed since June"), the update's present,
counted days ("two days after", "a day before"), a time of day read with the day it names,
and the date of an accusation rather than of the deed alleged.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kg.records import Fact, TimeExpr
from kg.resolve.dates import normalise_date
from kg.resolve.quantities import number_words


def already_state(trigger: Token) -> bool:
    """A participle "already" modifies names a state that held before the clause above it
    ("reinforce the troops already stationed there by Sunday"): that clause's date is not
    its own."""
    return trigger.tag_ == "VBN" and trigger.dep_ in ("acl", "amod") and any(
        c.lower_ == "already" for c in trigger.children)


def perfect_state(verb: Token) -> bool:
    """"has been deployed since June": a state that began at its "since" date; not a count
    of events over the time since ("have arrested 214 people since Friday"); a sum of money
    lent or spent since a date is a programme that began then ("has lent X 690 million
    dollars since 2021")."""
    counted = any(x.dep_ in ("dobj", "nsubjpass") and x.ent_type_ != "MONEY" and (
        x.like_num or any(n.dep_ == "nummod" for n in x.children)) for x in verb.children)
    return verb.tag_ == "VBN" and not counted and any(a.dep_ == "aux" and a.lemma_ == "have"
                                                      for a in verb.children)


def present_clause(verb: Token) -> bool:
    """"police use", "police have used": the clause tells the update's present."""
    if verb.tag_ in ("VBP", "VBZ"):
        return True
    return verb.tag_ == "VBN" and any(a.dep_ == "aux" and a.tag_ in ("VBP", "VBZ")
                                      for a in verb.children)


def day_count(tok: Token, sign: int) -> int | None:
    """"two days after" -> -2, "the day before" -> +1: a count of days on ``tok``."""
    for ch in tok.children:
        if ch.dep_ != "npadvmod" or ch.lemma_.lower() != "day":
            continue
        n = next((x for x in ch.children if x.dep_ == "nummod"), None)
        if n is not None:
            value = int(n.text) if n.text.isdigit() else number_words(n.lower_)
        else:
            value = 1 if any(x.dep_ == "det" for x in ch.children) else None
        if value:
            return sign * value
    return None


def counted_before(low: str, phrase: str) -> bool:
    """Whether a count stands before ``phrase`` at the end of ``low`` ("30 hours later"
    ends in "hours later"): the phrase without it says less than the text."""
    word = low[:-len(phrase)].split()[-1]
    return word[:1].isdigit() or number_words(word) is not None


_BACK: dict[tuple, PhraseMatcher] = {}


def pointed_back(doc: Doc, phrases, ents) -> list[SpacySpan]:
    """Phrases that point back to a day told before ("Hours later, ...", "That evening,
    police ...") where the model found no date: the model misses them at the start of a
    sentence and alone after an object; they are read as DATE spans with its dates."""
    key = (id(doc.vocab), tuple(phrases))
    if key not in _BACK:
        matcher = PhraseMatcher(doc.vocab, attr="LOWER")
        matcher.add("BACK", [Doc(doc.vocab, words=p.split()) for p in phrases])
        _BACK.clear()
        _BACK[key] = matcher
    taken = {i for e in ents for i in range(e.start, e.end)}
    out: list[SpacySpan] = []
    for _id, start, end in sorted(_BACK[key](doc), key=lambda m: (m[1], -m[2])):
        counted = start > 0 and doc[start - 1].like_num  # "30 hours later"
        if taken.isdisjoint(range(start, end)) and not counted and not (
                out and start < out[-1].end):
            out.append(SpacySpan(doc, start, end, label="DATE"))
    return out


def shifted(time: TimeExpr, days: int | None) -> TimeExpr | None:
    """A day date moved by ``days``; None when there is no count or no day to move."""
    if not days or time.precision != "day" or time.value is None:
        return None
    day = date.fromisoformat(time.value) + timedelta(days=days)
    return TimeExpr(time.text, day.isoformat(), "day")


def with_day(ent: SpacySpan) -> SpacySpan:
    """"in the early hours of Thursday 26 November": the model's time of day may stop
    before the of-phrase that names the day; the phrase is read with it (a day part with
    no day in it stays as it was: the normaliser gives it no value)."""
    for c in ent.root.children:
        # "until 8am on Friday": the day of a time of day is read with it too
        if c.dep_ == "prep" and (c.lower_ == "of" or (c.lower_ == "on" and ent.label_ == "TIME")) \
                and c.i == ent.end and \
                any(x.like_num or x.ent_type_ == "DATE" for x in c.subtree):
            # (the month may hang on the day part itself: "hours [of Thursday 26] November")
            return ent.doc[ent.start:max(c.right_edge.i, ent.root.right_edge.i) + 1]
    return ent


def alleged_date(fact: Fact, verb: Token, preps, ctx) -> None:
    """A date inside what is alleged ("of bombing its positions on Tuesday") dates the deed,
    not the accusation; an accusation an inverted report tells ("..., X told reporters on
    Wednesday") is dated by the report."""
    inside = {t.i for _p, o in preps for t in o.subtree}
    alleged = {verb.doc[i].text for i in inside}
    dated = [v for v in fact.roles.get("date", []) if not alleged & set(v.text.split())]
    if dated:
        fact.roles["date"] = dated
        return
    fact.roles.pop("date", None)
    head = verb.head if verb.dep_ in ("ccomp", "parataxis") else None
    if head is None:
        head = next((c for c in verb.children if c.dep_ in ("ccomp", "parataxis")
                     and c.i > verb.i), None)
    if head is None or head.lemma_.lower() not in ctx.rules.statements["cues"]["verbs"]:
        return
    for ent in ctx.ents:
        if ent.label_ == "DATE" and ent.root.head.head == head and ent.root.dep_ == "pobj":
            t = normalise_date(ent.text, base=ctx.base)
            if t.value is not None:
                fact.roles["date"] = [t]
                return


_DAY_PART = re.compile(r"\b(?:night|morning|evening|afternoon)\b", re.I)
_COUNT_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7}


def days_apart(verb: Token, ctx):
    """"arrived on Sunday night, a day after X asked Y for help": a clause "N days after"
    (or "before") another, dated one, happened N days earlier (or later)."""
    if verb.dep_ != "advcl":
        return None
    mark = next((c for c in verb.children if c.dep_ == "mark"
                 and c.lower_ in ("after", "before")), None)
    unit = next((c for c in mark.children if c.dep_ == "npadvmod" and
                 c.lemma_.lower() == "day"), None) if mark is not None else None
    if unit is None:  # the parser may hang it the other way: "[a day [after]] X asked"
        unit = next((c for c in verb.children if c.dep_ == "npadvmod" and
                     c.lemma_.lower() == "day"), None)
        mark = mark or (next((c for c in unit.children if c.lower_ in ("after", "before")),
                             None) if unit is not None else None)
    if unit is None or mark is None:
        return None
    count = next((_COUNT_WORDS.get(c.lower_) or (int(c.text) if c.text.isdigit() else None)
                  for c in unit.children if c.dep_ in ("det", "nummod")), None)
    if not count:
        return None
    own = {t.i for t in verb.subtree}
    sent = ctx.sent_of[verb.i]
    before = [e for e in ctx.ents if e.label_ in ("DATE", "TIME") and e.root.i not in own
              and sent.start <= e.start and e.end <= unit.i]
    for ent in reversed(before):  # the date of the clause the "N days after" hangs on
        t = normalise_date(ent.text, base=ctx.base)
        if t.value is None:  # "Sunday night": the day of it
            t = normalise_date(_DAY_PART.sub("", ent.text).strip(), base=ctx.base)
        if t.value is None or t.precision != "day":
            continue
        day = date.fromisoformat(t.value[:10])
        shift = timedelta(days=count)
        day = day - shift if mark.lower_ == "after" else day + shift
        return TimeExpr(text=f"{unit.text} {mark.text} {ent.text}".strip(), value=day.isoformat(),
                        precision="day")
    return None


def by_time_of_day(on: Token) -> str | None:
    """"until 8am on Friday": the parser may hang the day's on-phrase on the verb beside
    the time of day; the day then takes the time's preposition when that makes it an end
    ("shortly before midnight on Saturday" stays the day of the event)."""
    if on.i == 0:
        return None
    before = on.doc[on.i - 1]
    if before.ent_type_ == "TIME" and before.dep_ == "pobj" and before.head.i < before.i:
        return before.head.lemma_.lower()
    return None


def day_follows(ent: SpacySpan) -> bool:
    """Whether the day of a time of day follows it ("at 06:00 on Monday", "midnight
    Saturday"): the time is then not on the day told before."""
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return nxt is not None and (nxt.lower_ in ("on", "of") or nxt.ent_type_ == "DATE")
