"""One entity per place name in a document, whatever each mention's guess.

The model may call one village a person in one sentence and a place in the next
("Tavush" / "Tavush province", "Baku told a different story" / "in Baku"). Every
mention whose name (without a kind noun: "province", "town", "district") is the name of
a place mention of the document joins that place, unless it is the surname of a
person named in full. The group's type comes from the text's cues ("the village of
X", "X province": sources ``rule:kind-*``, ``rule:place-*``) when it has any, else from
the gazetteer (kg.resolve.places.Gazetteer.decide), else from the mentions' types.
A city and a district of one name that the text keeps apart ("the town of Rivera",
"Rivera department") stay two places.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from kg.extract.entity_rules import entity_rules
from kg.extract.kind_cues import UNIT_OF
from kg.extract.place_contexts import CONTEXT_SOURCE
from kg.records import EntityType, Mention
from kg.resolve.places import Gazetteer, Place, fold

_PLACES = (EntityType.CITY, EntityType.REGION, EntityType.PLACE)
_CUED = ("rule:kind-", "rule:place-")


# the rule of a place kept apart from its namesake and named as written ("Rivera city")
KEPT_APART = "place named with its kind, kept apart"


@dataclass(frozen=True, slots=True)
class PlaceChoice:
    """What the resolver should take for one mention of a place."""

    key: str
    name: str
    type: EntityType
    place: Place | None
    rule: str
    alias: str | None = None  # the bare name of "X province"


@cache
def _kind_suffix() -> re.Pattern[str]:
    nouns = [n for n, k in entity_rules().kind_nouns.items()
             if k.type in _PLACES and not k.part_of_name]
    alts = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(rf"^(?P<base>.+?)\s+(?P<noun>{alts})$")


def base_name(text: str) -> tuple[str, str | None]:
    """("Santa Elena", "province") of "Santa Elena province"; (text, None) otherwise (a
    capitalised noun is part of the name: "Colombo District")."""
    m = _kind_suffix().match(text.strip())
    if m is None:
        return text.strip(), None
    return m.group("base"), m.group("noun").lower()


@cache
def _site_of() -> re.Pattern[str]:
    nouns = [n for n, k in entity_rules().kind_nouns.items() if k.sited]
    alts = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(rf"^(?P<noun>{alts})\s+of\s+(?P<name>.+)$", re.IGNORECASE)


def site_order(text: str) -> str:
    """"Tema port" of "port of Tema": a site named "<noun> of X" and "X <noun>" is one
    place (news writes both), so both take one key."""
    m = _site_of().match(text.strip())
    return f"{m.group('name')} {m.group('noun')}" if m else text


def place_groups(mentions: list[Mention], names: list[str], skip: set[int], gaz: Gazetteer,
                 countries: set[str]) -> dict[int, PlaceChoice]:
    """Choices for the mentions (by index) that belong to a place group.

    ``names`` are the mentions' display names; ``skip`` the indices the resolver has
    already decided (knowledge-base entries, countries, institution phrases).
    """
    surnames = {fold(n.split()[-1]) for m, n in zip(mentions, names, strict=True)
                if m.type is EntityType.PERSON and len(n.split()) > 1}
    groups: dict[str, list[int]] = {}
    nouns: dict[int, str | None] = {}
    has_place: set[str] = set()
    for i, (m, n) in enumerate(zip(mentions, names, strict=True)):
        if i in skip or m.type is EntityType.COUNTRY or n.islower() or n.isupper():
            continue  # "the city" is an anaphor, "OAS" an acronym: no place names
        if m.type.is_agent and not m.source.startswith("ner:"):
            continue
        base, noun = base_name(n) if m.type in _PLACES else (n, None)
        key = fold(site_order(base) if m.type is EntityType.PLACE else base)
        if m.type.is_agent and (key in surnames or n.isupper()):
            continue
        groups.setdefault(key, []).append(i)
        nouns[i] = noun
        if m.type in _PLACES:
            has_place.add(key)
    _join_facilities(groups, mentions, gaz)
    out: dict[int, PlaceChoice] = {}
    for key, members in groups.items():
        if key not in has_place:
            continue
        unit = _unit_apart(members, mentions, names, nouns, gaz, countries)
        if unit is not None:
            out.update(_unit_and_town(unit, members, mentions, names, gaz, countries))
            continue
        parts = _split(members, mentions, names, nouns, gaz, countries)
        for part in parts:
            out.update(_choose(part, mentions, names, nouns, gaz, countries,
                               apart=len(parts) > 1))
    return out


def _unit_apart(members: list[int], mentions: list[Mention], names: list[str],
                nouns: dict[int, str | None], gaz: Gazetteer,
                countries: set[str]) -> tuple[list[int], str] | None:
    """"the county of Valga" and "to Valka and Valga": a unit above towns
    named only as "the UNIT of X" and a town X the text names bare are two places, the
    unit named as written ("canton of X": it is named after its chief town). Only when
    the gazetteer knows a town X in the text's countries, no mention writes the name
    with a kind noun ("Rivera city", "the Puno region": see _split) and no bare mention
    is cued a region by a kind noun. The unit's members and noun, or None."""
    unit = [i for i in members if mentions[i].source.startswith(UNIT_OF)]
    rest = [i for i in members if i not in unit]
    if not unit or not rest or any(nouns[i] is not None for i in members) or \
            len({mentions[i].source for i in unit}) > 1 or any(
            mentions[i].type is EntityType.REGION and mentions[i].source.startswith("rule:kind-")
            for i in rest):
        return None
    town = gaz.link(names[rest[0]], EntityType.CITY, countries=countries)
    if (town is None or town.type is not EntityType.CITY or
            (countries and town.country_code not in countries)) and \
            not any(_listed_with_town(mentions, i) for i in rest):
        return None
    return unit, mentions[unit[0]].source.removeprefix(UNIT_OF).split(":")[0]


def _listed_with_town(mentions: list[Mention], i: int) -> bool:
    """Whether mention ``i`` is listed beside a town ("to Valka and Valga", "in
    A, X and B"): a name one short gap (", ", " and ", " or ") from a City mention of
    the same sentence."""
    m = mentions[i]
    return any(o.type is EntityType.CITY and o.unit == m.unit and o.sentence == m.sentence
               and o.text != m.text and (0 < m.start - o.end <= 5 or 0 < o.start - m.end <= 5)
               for o in mentions)


def _unit_and_town(unit: tuple[list[int], str], members: list[int], mentions: list[Mention],
                   names: list[str], gaz: Gazetteer,
                   countries: set[str]) -> dict[int, PlaceChoice]:
    """Choices for a unit kept apart from its chief town (_unit_apart): the unit a Region
    "canton of X", the bare mentions the town X (a City, linked as one)."""
    idx, noun = unit
    bare = min((names[i] for i in idx), key=len)
    name = f"{noun} of {bare}"
    out = {i: PlaceChoice(f"place:{EntityType.REGION.value}:{fold(name)}", name,
                          EntityType.REGION, None, KEPT_APART, None) for i in idx}
    town = gaz.link(bare, EntityType.CITY, countries=countries)
    if town is not None and town.type is not EntityType.CITY:
        town = None
    key = town.key if town is not None else f"place:{EntityType.CITY.value}:{fold(bare)}"
    tname = official(town.name, [names[i] for i in members], EntityType.CITY) \
        if town is not None else bare
    for i in members:
        if i not in idx:
            out[i] = PlaceChoice(key, tname, EntityType.CITY, town, KEPT_APART, None)
    return out


@cache
def _facility_suffix() -> re.Pattern[str]:
    nouns = [n for n, k in entity_rules().kind_nouns.items()
             if k.type is EntityType.PLACE and k.part_of_name]
    alts = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(rf"^(?P<base>.+?)\s+(?:{alts})$")


def _join_facilities(groups: dict[str, list[int]], mentions: list[Mention],
                     gaz: Gazetteer) -> None:
    """"the A and B border crossing points" then "the A crossing point", "air strikes at
    X" then "the X power station": a site named bare and with its facility noun is one
    place when every mention of both is a site (type Place) and the gazetteer knows no
    place of the bare name (a town "X" and "X port" stay two). The bare name's group
    joins the named site's (in place)."""
    for key in list(groups):
        m = _facility_suffix().match(key) if key in groups else None
        if m is None or (base := m.group("base")) not in groups or base == key:
            continue
        if all(mentions[i].type is EntityType.PLACE for i in groups[key] + groups[base]) \
                and gaz.place_type(base) is None:
            groups[key].extend(groups.pop(base))


def _split(members: list[int], mentions: list[Mention], names: list[str],
           nouns: dict[int, str | None], gaz: Gazetteer,
           countries: set[str]) -> list[list[int]]:
    """"the town of Rivera" and "Rivera department": the cued city and the region apart.

    So too a town named bare and a unit named after it with its unit noun ("in Maseru",
    "the Maseru district"): when no bare mention is cued a region ("the districts of A
    and X") and the gazetteer takes the bare name for a town, the text names two places
    (a unit named after its chief town), not one region written two ways."""
    cued = {mentions[i].type for i in members if mentions[i].source.startswith(_CUED)}
    suffixed = [i for i in members if nouns[i] is not None]
    if {EntityType.CITY, EntityType.REGION} <= cued and suffixed and \
            len(suffixed) < len(members) and len({
                entity_rules().kind_nouns[nouns[i]].type for i in suffixed}) == 1:
        # "Rivera city" and "the department of Rivera", "Rivera department" and "the town of
        # Rivera": the name written with its kind noun is one place, the name written
        # bare (and its "X of" cue) the other
        return [suffixed, [i for i in members if i not in suffixed]]
    region = [i for i in members if nouns[i] is not None and
              entity_rules().kind_nouns[nouns[i]].type is EntityType.REGION]
    rest = [i for i in members if i not in region]
    if not {EntityType.CITY, EntityType.REGION} <= cued:
        if not region or not rest or any(
                mentions[i].type is EntityType.REGION and mentions[i].source.startswith(_CUED)
                for i in rest) or not any(mentions[i].type is EntityType.CITY for i in rest):
            return [members]
        town = gaz.decide(names[rest[0]], countries=countries)
        if town is None or town.type is not EntityType.CITY:
            return [members]
    return [p for p in (region, rest) if p]


def _choose(members: list[int], mentions: list[Mention], names: list[str],
            nouns: dict[int, str | None], gaz: Gazetteer, countries: set[str], *,
            apart: bool) -> dict[int, PlaceChoice]:
    """The type, link and name of one group; ``apart``: a city and a region of one name
    ("Rivera", "Rivera department") keep their words apart."""
    cues = Counter(mentions[i].type for i in members
                   if mentions[i].source.startswith(_CUED) and mentions[i].type in _PLACES)
    bare = min((base_name(names[i])[0] for i in members), key=len)
    place: Place | None = None
    if cues:
        etype = cues.most_common(1)[0][0]
        rule = "place named with its kind"
        if etype is not EntityType.PLACE:
            place = gaz.link(bare, etype, countries=countries)
    else:
        place = gaz.decide(bare, countries=countries)
        if place is not None and countries and place.country_code not in countries and \
                all(mentions[i].source == CONTEXT_SOURCE for i in members):
            place = None  # a village named only by its context is no namesake abroad
        if place is not None:
            etype, rule = place.type, "GeoNames name"
        else:
            votes = Counter(mentions[i].type for i in members if mentions[i].type in _PLACES)
            etype, rule = votes.most_common(1)[0][0], "same place name"
    if place is not None and place.type is not etype:
        place = None
    if place is not None and countries and place.country_code not in countries and \
            not _written_as(place, bare):
        # a village is never relabelled with a foreign namesake's other name: the
        # gazetteer's "Port Lavelle" (also called "Belair") of a country the text never
        # names is not the "Belair" it lists among its own villages
        place = None
    key = place.key if place is not None else f"place:{etype.value}:{fold(bare)}"
    name = place.name if place is not None else max((names[i] for i in members), key=len)
    if place is not None:
        name = official(place.name, [names[i] for i in members], etype)
        if apart and all((n := nouns.get(i)) and entity_rules().kind_nouns[n].type
                         is EntityType.CITY for i in members):
            # "Rivera city" kept apart from the province: its name as written
            name = max((names[i] for i in members), key=len)
            rule = KEPT_APART
    out = {}
    for i in members:
        alias = base_name(names[i])[0] if nouns.get(i) and not apart else None
        out[i] = PlaceChoice(key, name, etype, place, rule, alias)
    return out


def _written_as(place: Place, bare: str) -> bool:
    """Whether the gazetteer's ``place`` bears about the name the text writes: its own
    name, one word of it, or a spelling of it ("Kiev" for "Kyiv"); not a wholly other
    name GeoNames lists among its alternates ("Port Lavelle" for "Belair")."""
    own, written = fold(place.name).replace("-", " "), fold(bare).replace("-", " ")
    return own == written or written in own.split() or own in written.split() or \
        SequenceMatcher(None, own, written).ratio() >= 0.5


# unit nouns a region's official name ends with, written capitalised ("Zambezi Region",
# "Rubavu District", "Shefa Province"); the lower-case noun says only what kind it is
_UNIT_WORDS = frozenset({"Region", "District", "Province", "Commune", "Governorate",
                         "County", "Prefecture", "Department", "Oblast", "Municipality"})


def official(name: str, written: list[str], etype: EntityType) -> str:
    """"Zambezi Region" for the GeoNames "Zambezi" the text writes "the Zambezi Region":
    a capitalised unit noun after a region's name is part of its official name. The
    name as the text writes it when it differs from GeoNames' only by accents the text
    never uses ("Paysandu" for "Paysandú", "Colon" for "Colón"): a label adds no accents.
    A country the text writes only in its ISO 3166 short name is named so."""
    if etype is EntityType.COUNTRY:
        return _country_as_written(name, written)
    if not name.isascii():
        plain = [w for w in written if w.isascii() and not w.isupper()
                 and fold(w) == fold(name)]
        if plain and not any(fold(w) == fold(name) and not w.isascii() for w in written):
            name = plain[0]
    if etype is not EntityType.REGION:
        return name
    for w in sorted(written, key=len, reverse=True):
        base, _, noun = w.rpartition(" ")
        if noun in _UNIT_WORDS and fold(base) == fold(name):
            return w
    return name


@cache
def _iso_short_names() -> dict[str, str]:
    """Folded GeoNames country name -> the ISO 3166 short name, where the two differ and
    the ISO name has no comma or bracket ("Turkey" -> "Türkiye", "Ivory Coast" -> "Côte
    d'Ivoire", "Timor Leste" -> "Timor-Leste")."""
    import pycountry

    from kg.resolve.places import gazetteer

    by_code = gazetteer().by_code
    out = {}
    for c in pycountry.countries:
        place = by_code.get(c.alpha_2)
        if place is not None and place.name and not set(c.name) & set(",()") and \
                fold(c.name) != fold(place.name):
            out[fold(place.name)] = c.name
    return out


def _country_as_written(name: str, written: list[str]) -> str:
    """A country's name as the text writes it: the ISO 3166 short name (a newer official
    English name, "Eswatini", "Cabo Verde", "Türkiye") when the text writes that name and
    never the gazetteer's older or common one; a name written in capitals only ("REPUBLIC
    OF TÜRKİYE") gets the ISO name's letters (docs/evaluation.md: the name as the text
    uses it)."""
    iso = _iso_short_names().get(fold(name))
    if iso is None:
        return name
    forms = {fold(w) for w in written}
    return iso if fold(iso) in forms and fold(name) not in forms else name
