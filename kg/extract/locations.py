"""LocatedIn relations: which named place lies in which.

Two stages, like the entities themselves:

* per unit, from the text: "Kano, Nigeria" (a place, a comma, a country);
* per document, once mentions are resolved to entities: a city or region linked to
  GeoNames lies in its country when the document names that country.

One LocatedIn per pair of resolved entities.
"""

from __future__ import annotations

from datetime import datetime

from spacy.tokens import Doc

from kg.extract.spans import sentence_of
from kg.records import Entity, EntityType, Fact, Mention, Unit


def _fact(unit: int, place: Mention, container: Mention, sentence: tuple[int, int],
          rule: str, confidence: float, reported: datetime | None = None) -> Fact:
    return Fact(kind="LocatedIn", category="relation",
                roles={"place": [place], "container": [container]}, unit=unit,
                sentence=sentence, rule=rule, confidence=confidence, trigger=None,
                reported=reported)


def unit_locations(source: str, doc: Doc, unit: Unit, mentions: list[Mention]) -> list[Fact]:
    """LocatedIn facts the text of one unit states ("Kano, Nigeria"); ``source`` is the
    document's text."""
    out = []
    by_start = sorted(mentions, key=lambda m: m.start)
    places = [m for m in by_start if m.type in (EntityType.CITY, EntityType.REGION,
                                                EntityType.PLACE)]
    countries = [m for m in by_start if m.type is EntityType.COUNTRY]
    for p in places:
        nxt = next((c for c in countries if c.start > p.end), None)
        if nxt is None or source[p.end:nxt.start].strip() != ",":
            continue
        span = doc.char_span(p.start - unit.start, p.end - unit.start, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        out.append(_fact(unit.index, p, nxt, sentence_of(doc[root.i:root.i + 1], unit),
                         "locatedin/comma", 0.9, unit.stamp))
    return out


def _signature(fact: Fact, entity_of: dict[Mention, str]) -> tuple[str, str]:
    place, container = fact.roles["place"][0], fact.roles["container"][0]
    return (entity_of.get(place, place.text.lower()),
            entity_of.get(container, container.text.lower()))


def document_locations(stated: list[Fact], entities: list[Entity]) -> list[Fact]:
    """The stated LocatedIn facts, one per pair of entities, plus the gazetteer's:
    a linked city or region lies in its country when the document names it."""
    entity_of = {m: e.key for e in entities for m in e.mentions}
    out: list[Fact] = []
    have: dict[tuple[str, str], Fact] = {}
    for f in stated:
        sig = _signature(f, entity_of)
        if sig in have:
            have[sig].confidence = max(have[sig].confidence, f.confidence)
            continue
        have[sig] = f
        out.append(f)
    countries = {e.country_code: e for e in entities
                 if e.type is EntityType.COUNTRY and e.country_code and e.mentions}
    for e in entities:
        if e.type not in (EntityType.CITY, EntityType.REGION) or not e.mentions:
            continue
        country = countries.get(e.country_code or "")
        if country is None or (e.key, country.key) in have:
            continue
        place = min(e.mentions, key=lambda m: m.start)
        near = [m for m in country.mentions if m.unit == place.unit] or country.mentions
        container = min(near, key=lambda m: abs(m.start - place.start))
        fact = _fact(place.unit, place, container, place.sentence, "locatedin/gazetteer", 0.7)
        out.append(fact)
        have[(e.key, country.key)] = fact
    return out

