"""Bodies named with their seat, and national bodies placed by their city.

* A body whose head is flagged ``seated`` in ``kg/rules/entities/heads.jsonl`` (embassy,
  high commission, consulate, delegation, mission, prosecutor's office) is named with
  the place after "in" or "to": "the Ruritanian embassy in Zenda", "the UN Verification
  Mission in Ruritania", "the EU Delegation to Ruritania" are the bodies' whole names
  (the annotation guide's "fullest form"), and two embassies of one country in two
  cities stay two bodies.
* A national institution phrase with no owner in it, placed in a city ("the Defence
  Ministry in Zenda"), belongs to that city's country: the mention takes the city in, and
  the resolver reads the owner from it (kg/resolve/entities.py, ``body_name``).

The place keeps its own mention (it is an entity and lies in its country).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from kg.extract.entity_rules import EntityRules
from kg.extract.spans import doc_text, fold, past_the
from kg.records import EntityType, Mention, Unit

_BODIES = (EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION, EntityType.ARMED_FORCE)
_SEAT_PREPS = ("in", "to")


def is_seated(core: str, rules: EntityRules) -> bool:
    """Whether a body name (without its seat) ends in a seated head ("... Embassy")."""
    low = fold(core).removeprefix("the ")
    return any(low == h or low.endswith(" " + h) for h in rules.seated_heads)


def with_seats(doc: Doc, unit: Unit, mentions: list[Mention],
               rules: EntityRules) -> list[Mention]:
    """``mentions`` with each seated body's (or city-placed national body's) span
    stretched over "in/to" and the place mention right after it."""
    places = {m.start: m for m in mentions if m.type.is_place and m.antecedent is None}
    if not places:
        return mentions
    return [_seated(doc, unit, m, places, rules) or m
            if m.type in _BODIES and m.antecedent is None else m for m in mentions]


def _seated(doc: Doc, unit: Unit, m: Mention, places: dict[int, Mention],
            rules: EntityRules) -> Mention | None:
    span = doc.char_span(m.start - unit.start, m.end - unit.start, alignment_mode="expand")
    if span is None or len(span) < 1:
        return None
    if len(span) > 1 and span[-1].lower_ in _SEAT_PREPS:
        prep = span.end - 1  # "European Union Delegation to" cut before its seat
    elif span.end < len(doc) and doc[span.end].lower_ in _SEAT_PREPS:
        prep = span.end
    else:
        return None
    core = doc[span.start:prep].text
    seated = is_seated(core, rules)
    if not seated:
        body = rules.bodies.get(fold(core).removeprefix("the "))
        if body is None or body.scope != "country" or doc[prep].lower_ != "in" \
                or m.type is not EntityType.GOVERNMENT_BODY:
            return None
    at = past_the(doc, prep + 1)
    if at >= len(doc):
        return None
    place = places.get(unit.start + doc[at].idx)
    if place is None and seated:
        return _named_seat(doc, unit, m, at)
    if place is None or place.sentence != m.sentence:
        return None
    if not seated and place.type is not EntityType.CITY:
        return None  # "the government in power", "parliament in the region": no owner
    return replace(m, end=place.end,
                   text=doc_text(doc)[m.start - unit.start:place.end - unit.start])


def _named_seat(doc: Doc, unit: Unit, m: Mention, at: int) -> Mention | None:
    """"Australia's High Commission in Koror" where the model found no place in "Koror":
    a seated body's seat is the proper name right after its "in"/"to" (one or two
    capitalised words, then no other), a place the body's name holds."""
    end = at
    while end < len(doc) and end - at < 3 and doc[end].is_title and doc[end].is_alpha \
            and doc[end].pos_ == "PROPN":
        end += 1
    if not 1 <= end - at <= 2 or (end < len(doc) and doc[end].pos_ == "PROPN"):
        return None
    stop = unit.start + doc[end - 1].idx + len(doc[end - 1].text)
    return replace(m, end=stop, text=doc_text(doc)[m.start - unit.start:stop - unit.start])
