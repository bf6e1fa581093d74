"""Merge facts of one document that state the same thing, once entities are resolved.

- Relations are facts about the world: one per set of (resolved) role fillers; a PartOf
  whose part and whole resolve to one entity says nothing and is dropped.
- An ongoing situation (Protest, Riot, StateOfEmergency, CounterTerrorismOperation)
  that a live page mentions again and again is one event (agents and places pooled, its
  date the earliest given: when it started); protests and riots are one per place: a
  telling that names no place, or a place it already has, joins it, while protests in
  two other cities are two, and so are protests of two different years (a background
  protest "in 2019" is not the one of the day).
- Other events of one kind from different updates merge when every role both
  fill agrees (same resolved entity, quantity value or text) and at least the
  theme, the quantity or the date is shared: "the contingent deployed" told twice.
- An event a headline tells joins the body's telling of it (docs/evaluation.md: "a
  headline, a lead and a body sentence telling the same event are one fact"): the body
  fact of its kind that agrees with it, else the one that shares a filler with it, else
  the only one of its kind in the update; it brings its roles along.
- Statements stay one per update and speaker (kg/extract/statements.py); a headline's
  Statement whose speaker resolves to the entity of a body Statement of its update is
  that one ("Israeli military confirms strikes" over the body's IDF statement), and so is
  a body Statement in a sentence close after another whose speaker resolves to the same
  entity ("the NAF said ... Later the NAF added ...": gists joined).

LocatedIn relations are merged apart, by kg/extract/locations.py.
"""

from __future__ import annotations

from kg.extract.unit_merge import same_filler, same_year
from kg.records import Entity, EntityType, Fact, Mention, Quantity, TimeExpr
from kg.rules.loader import event_rules

_IDENTIFYING = ("theme", "quantity", "date", "participant")


def _keys(values: list, entity_of: dict[Mention, str]) -> set:
    out = set()
    for v in values:
        if isinstance(v, Mention):
            out.add(entity_of.get(v, v.text.lower()))
        elif isinstance(v, Quantity):
            out.add(("q", v.value))
        elif isinstance(v, TimeExpr):
            out.add(("t", v.value))
        else:
            out.add(str(v).lower())
    return out


def _signature(fact: Fact, entity_of: dict[Mention, str]) -> tuple:
    return (fact.kind, tuple(sorted((r, tuple(sorted(map(str, _keys(v, entity_of)))))
                                    for r, v in fact.roles.items())))


def _absorb(into: Fact, other: Fact, entity_of: dict[Mention, str]) -> None:
    for role, values in other.roles.items():
        bucket = into.roles.setdefault(role, [])
        if role in ("date", "dateEnd"):
            if not bucket:
                bucket.extend(values)
            elif role == "date" and _earlier(values[0], bucket[0]):
                bucket[:] = values
            continue
        have = _keys(bucket, entity_of)
        for v in values:
            k = _keys([v], entity_of)
            if not (k & have):
                bucket.append(v)
                have |= k
    into.confidence = max(into.confidence, other.confidence)
    for prop, facts in other.links.items():
        into.links.setdefault(prop, []).extend(f for f in facts if f not in into.links[prop])


# situations the news tells place by place: protests in two cities are two protests; an
# emergency or an operation declared for a country covers its cities
_BY_PLACE = frozenset({"Protest", "Riot"})


def _same_place(a: Fact, b: Fact, entity_of: dict[Mention, str]) -> bool:
    """Two tellings of a situation are one unless both say where and no place is shared:
    protests in Najaf and in Basra are two protests (docs/evaluation.md)."""
    la, lb = a.roles.get("location"), b.roles.get("location")
    return not (la and lb) or bool(_keys(la, entity_of) & _keys(lb, entity_of))


_PRECISION = {"day": 0, "range": 1, "month": 2, "year": 3}


def _earlier(new, old) -> bool:
    """A more precise date wins; between equally precise ones, the earlier."""
    if not (isinstance(new, TimeExpr) and isinstance(old, TimeExpr) and new.value):
        return False
    if not old.value:
        return True
    pn, po = _PRECISION.get(new.precision, 9), _PRECISION.get(old.precision, 9)
    return pn < po or (pn == po and new.value < old.value)


def _agree(a: Fact, b: Fact, entity_of: dict[Mention, str]) -> bool:
    if a.factuality != b.factuality:  # "will meet" and "met" are two facts
        return False
    shared = False
    for role in set(a.roles) & set(b.roles):
        if role in ("purpose", "requestedBy", "dateEnd", "cause", "medium"):
            continue
        ka, kb = _keys(a.roles[role], entity_of), _keys(b.roles[role], entity_of)
        same = bool(ka & kb) or same_filler(a.roles[role], b.roles[role])
        if ka and kb and not same:
            return False
        if role in _IDENTIFYING and same:
            shared = True
    return shared


def merge_facts(facts: list[Fact], entities: list[Entity], *,
                headlines: tuple[tuple[int, int], ...] = (),
                titles: tuple[tuple[int, int], ...] = ()) -> list[Fact]:
    """The document's facts with repeats folded into their first telling; ``headlines``
    are the (start, end) offsets of the headlines, whose events join the body's;
    ``titles`` those of title lines in capitals, whose events join the body's too and
    are dropped when the body tells events of their kind but none is theirs (a title
    names what the body tells, with fewer roles)."""
    headlines = (*headlines, *titles)
    entity_of = {m: e.key for e in entities for m in e.mentions}
    situations_ = event_rules().situations
    told = [f for f in facts if not _headline_event(f, headlines, situations_)]
    out = _merge(told, entity_of, situations_, headlines)
    for f in facts:
        if len(told) == len(facts):
            break
        if not _headline_event(f, headlines, situations_):
            continue
        target = _body_telling(f, out, entity_of)
        if target is None and any(s <= f.sentence[0] < e for s, e in titles) and any(
                g.kind == f.kind and g.category == "event" for g in out):
            continue
        if target is None and not f.roles.get("quantity") and any(
                g.kind == f.kind and g.category == "event" and
                g.factuality == f.factuality and g.unit == f.unit for g in out):
            # a headline or title names in short what its body tells: with events of
            # its kind told below and none its own, it is one of them with fewer words
            # ("junta detains opposition figures" over the body's detentions); a figure
            # of its own is a telling of its own ("7,100 dead" over the body's 5,300)
            continue
        if target is None:
            out.append(f)
        else:
            _absorb(target, f, entity_of)
    carry_situation_causes(out)
    return out


def carry_situation_causes(facts: list[Fact]) -> None:
    """A protest told without its cause in a document that gives one is about the same
    thing ("protests against the bill ... In X, students blocked the roads"): the first
    cause told for its kind."""
    first: dict[str, list] = {}
    for f in facts:
        if f.kind in _BY_PLACE and f.roles.get("cause"):
            first.setdefault(f.kind, f.roles["cause"])
    for f in facts:
        if f.kind in first and not f.roles.get("cause"):
            f.roles["cause"] = list(first[f.kind])


def _headline_event(f: Fact, headlines: tuple[tuple[int, int], ...],
                    situations: frozenset[str] | set[str]) -> bool:
    return f.category == "event" and f.kind not in situations and \
        f.kind not in ("Statement", "Participation") and \
        any(s <= f.sentence[0] < e for s, e in headlines)


def _body_telling(f: Fact, out: list[Fact], entity_of: dict[Mention, str]) -> Fact | None:
    """The body fact a headline's event is: one that agrees with it, else one sharing a
    filler, else the only one of its kind in its update."""
    # a different figure is a different telling ("12 dead" in the headline, 19 later)
    same = [g for g in out if g.kind == f.kind and g.category == "event" and
            g.factuality == f.factuality and not (
                g.roles.get("quantity") and f.roles.get("quantity") and not (
                    _keys(g.roles["quantity"], entity_of) &
                    _keys(f.roles["quantity"], entity_of)))]
    agreeing = [g for g in same if _agree(g, f, entity_of)]
    if agreeing:
        return agreeing[0]
    sharing = [g for g in same if any(
        _keys(g.roles[r], entity_of) & _keys(v, entity_of)
        for r, v in f.roles.items() if r in g.roles and r not in ("date", "reported"))]
    if sharing:
        return sharing[0]
    local = [g for g in same if g.unit == f.unit]
    return local[0] if len(local) == 1 else None


def _speaker_key(f: Fact, entity_of: dict[Mention, str]) -> tuple | None:
    """(update, resolved speaker) of a Statement: "Israeli military confirms strikes" over
    an update whose body quotes the IDF is one speaker once names are resolved."""
    speakers = f.roles.get("speaker") or []
    if len(speakers) != 1 or f.factuality is not None:
        return None
    sp = speakers[0]
    key = entity_of.get(sp) if isinstance(sp, Mention) else None
    return None if key is None else (f.unit, key)


def _absorb_statement(into: Fact, other: Fact, entity_of: dict[Mention, str]) -> None:
    """One Statement per speaker per update (docs/evaluation.md): roles pooled, the
    gists joined in the order said."""
    _absorb(into, other, entity_of)
    gists = [g for g in into.roles.get("gist", []) if isinstance(g, str)]
    if len(gists) > 1:
        into.roles["gist"] = ["; ".join(gists)]


_TELLING_GAP = 400  # characters between two sentences of one continuing telling


def _continued(first: Fact, then: Fact) -> bool:
    """A speaker's telling goes on in a later sentence close after it ("The NAF said two
    drones had crashed. Later the NAF added that no one was hurt"): one Statement once the
    names resolve to one speaker. Two sayings in one sentence that the statement reader
    kept apart are two speakers ("the bloc has said ..., a bloc official told X"), and a
    speaker heard again paragraphs later speaks on another occasion."""
    a, b = sorted((first.sentence, then.sentence))
    return a != b and 0 <= b[0] - a[1] <= _TELLING_GAP


def _in(f: Fact, heads: tuple[tuple[int, int], ...]) -> bool:
    return any(s <= f.sentence[0] < e for s, e in heads)


# a person leaves an office once: two tellings in one update of the Resignation (or
# Dismissal) of one resolved person are one ("X resigned on Wednesday ... said in a letter
# that he was stepping down": the pronoun resolves only after the update's own merge)
_ONCE_PER_PERSON = ("Resignation", "Dismissal")


def _one_per_person(a: Fact, b: Fact, entity_of: dict[Mention, str]) -> bool:
    if a.kind not in _ONCE_PER_PERSON:
        return False
    ka = {entity_of[v] for v in a.roles.get("theme", []) if isinstance(v, Mention)
          and v.type is EntityType.PERSON and v in entity_of}
    kb = {entity_of[v] for v in b.roles.get("theme", []) if isinstance(v, Mention)
          and v in entity_of}
    return bool(ka & kb)


def _merge(facts: list[Fact], entity_of: dict[Mention, str],
           situations_: frozenset[str] | set[str],
           heads: tuple[tuple[int, int], ...] = ()) -> list[Fact]:
    out: list[Fact] = []
    seen_relations: dict[tuple, Fact] = {}
    situations: dict[str, list[Fact]] = {}
    statements: dict[tuple, Fact] = {}
    for f in facts:
        if f.category == "relation":
            if f.kind == "PartOf" and f.roles.get("part") and _keys(
                    f.roles["part"], entity_of) == _keys(f.roles.get("whole", []), entity_of):
                # the part and the whole resolved to one entity ("the Army's 6th Infantry
                # Division" with "Army" read as the division): a body is no part of itself
                continue
            sig = _signature(f, entity_of)
            if sig in seen_relations:
                prior = seen_relations[sig]
                prior.confidence = max(prior.confidence, f.confidence)
                continue
            seen_relations[sig] = f
            out.append(f)
        elif f.kind in situations_:  # one per kind, factuality and place
            told = situations.setdefault(f"{f.kind}|{f.factuality}", [])
            target = next((g for g in told if f.kind not in _BY_PLACE
                           or (_same_place(g, f, entity_of) and same_year(g, f))), None)
            if target is not None:
                _absorb(target, f, entity_of)
            else:
                told.append(f)
                out.append(f)
        elif f.kind == "Statement":
            key = _speaker_key(f, entity_of)
            target = statements.get(key) if key is not None else None
            if target is not None and (_in(f, heads) or _in(target, heads) or
                                       _continued(target, f)):
                _absorb_statement(target, f, entity_of)
            else:
                if key is not None:
                    statements[key] = f
                out.append(f)
        elif f.kind == "Participation":
            out.append(f)
        else:
            target = next((g for g in out if g.kind == f.kind and g.category == "event"
                           and (g.unit != f.unit or _one_per_person(g, f, entity_of))
                           and _agree(g, f, entity_of)), None)
            if target is not None:
                _absorb(target, f, entity_of)
            else:
                out.append(f)
    return out
