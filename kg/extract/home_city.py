"""Where a place nothing in the text places lies: the document's home city.

Helpers of kg/extract/locations.py: the city a square, building or neighbourhood lies in
(the dateline city, else the city the document names most), which "cities" GeoNames does
not know are that city's neighbourhoods (told in one sentence with it, not as a list of
towns), and which sites stand elsewhere (named after another town; a river or highway
that may reach beyond any one town).
"""

from __future__ import annotations

import re

from kg.extract.entity_rules import entity_rules
from kg.extract.named_sites import ROAD_CODE
from kg.records import Entity, EntityType, Mention
from kg.resolve.admin import admin_index
from kg.resolve.place_names import base_name
from kg.resolve.places import fold, gazetteer


def sublocal(place: Entity) -> bool:
    """Whether a place may lie inside a city: a square, building or neighbourhood (a
    Place), or a "city" GeoNames does not know (``beside`` tells which of them are the
    city's neighbourhoods)."""
    return place.type is EntityType.PLACE or (
        place.type is EntityType.CITY and place.geonames_id is None
        and not place.country_code)


def city_district(place: Entity) -> bool:
    """Whether a "region" is a quarter of a town: "taken from his house in the Kipé
    district" in a wire datelined from a city. The name ends in a kind noun that names a
    part of a city when a city follows ("district", kinds.jsonl ``in_city``) but no city
    follows it here, and neither GeoNames' subdivisions nor its towns of the place's
    country know the name: a district of a country is a unit GeoNames lists ("the Tovuz
    district", "Nsanje district"), a quarter of a town mostly is not."""
    if place.type is not EntityType.REGION or place.geonames_id is not None:
        return False
    base, noun = base_name(place.name)
    kinds = entity_rules().kind_nouns
    if noun is None or (kind := kinds.get(noun)) is None or kind.in_city is None:
        return False
    gaz = gazetteer()
    if gaz.regions_named(base) or gaz.city_candidates(base):
        return False
    return not (place.country_code and admin_index().towns(base, place.country_code))


def beside(place: Entity, city: Entity, text: str) -> bool:
    """Whether a name GeoNames does not know is told as part of the city: a sentence
    names both, and not as a list of towns ("the residence in Baluwatar ... in
    Kathmandu"; "Police Headquarters, Bompai, Kano"; not "in La Paz and El Alto"); the
    dateline is no such sentence, and "northern X" names a region, not a neighbourhood."""
    body = [c for c in city.mentions if c.source != "dateline"
            and not for_government(text, c)]
    at = {(c.unit, c.sentence) for c in body}
    for m in place.mentions:
        if (m.unit, m.sentence) not in at or _compass_before(text, m):
            continue
        near = [c for c in body if (c.unit, c.sentence) == (m.unit, m.sentence)]
        if not any(_in_list(text, m, c) or _two_ends(text, m, c) for c in near):
            return True
    return False


def for_government(text: str, c: Mention) -> bool:
    """Whether a city's mention stands for its government, not the place: the object of
    a verb ("has asked the capital X for funds", "urged Y to step in", "accused Z"):
    a lower-case word right before it that is no locative, compass word, article or
    conjunction, and no possessive after it ("Kano's Sabon Gari" is the place)."""
    before = text[max(0, c.start - 30):c.start].split()
    if not before or text[c.end:c.end + 2] in ("'s", "’s"):
        return False
    word = before[-1]
    return word.isalpha() and word.islower() and word not in _LOCATIVE \
        and word not in _NOT_VERBS and word not in entity_rules().compass


# lower-case words before a city's name that still write it as a place
_NOT_VERBS = {"the", "and", "or", "downtown", "greater", "metropolitan", "capital", "city",
              "town", "suburban", "rural", "urban", "coastal", "old", "new"}


# words between two places that make them two ends of a way, not one in the other
_WAY = {"to", "towards", "toward", "and"}


def _two_ends(text: str, a: Mention, b: Mention) -> bool:
    """Whether two mentions are the ends of a way: "flew 22 people from A to the hospital
    in B", "the road between A and B" ("from" or "between" just before the first, "to" or
    "and" among the words between them)."""
    first, second = (a, b) if a.start < b.start else (b, a)
    before = text[max(0, first.start - 12):first.start].split()[-1:]
    if [w.lower() for w in before] not in (["from"], ["between"]):
        return False
    words = _GAP_WORD.findall(text[first.end:second.start])
    return len(words) <= 12 and any(w.lower() in _WAY for w in words)


def _compass_before(text: str, m: Mention) -> bool:
    words = text[max(0, m.start - 12):m.start].split()
    return bool(words) and words[-1].lower() in entity_rules().compass


_GAP_WORD = re.compile(r"[\w'’.-]+|,")


def _in_list(text: str, a: Mention, b: Mention) -> bool:
    """Whether two mentions stand in one list of towns ("A and B", "A, B and C"): the
    words between them are commas, other names of the list and an "and" or "or"."""
    first, second = (a, b) if a.start < b.start else (b, a)
    words = _GAP_WORD.findall(text[first.end:second.start])
    if not words or len(words) > 12 or not any(w in ("and", "or") for w in words):
        return False
    return all(w in (",", "and", "or") or w[:1].isupper() for w in words)


def site_of_other_town(place: Entity, city: Entity, countries: dict[str, Entity],
                       towns: frozenset[str] = frozenset()) -> bool:
    """Whether a site is named after another town than the home city: "Tuguegarao
    Airport" in a story datelined Manila stands in Tuguegarao, not Manila (the town is
    one GeoNames knows in a country of the document: a city, or a town of the admin
    data; or a town, island or region the document names, ``towns``: folded names). A
    word that tells the site's reach may stand between the town and the site noun
    ("Ndola International Airport", "Kasama District Hospital"). A road or bridge is
    named after the town it leads to or stands at ("the Jelgava road", "the Cesis
    bridge") when the document names that town. A square or palace (an ``honorific``
    kind noun) is named after people and events as often: "Freedom Square" stays in the
    home city."""
    kinds = entity_rules().kind_nouns
    words = fold(place.name).split()
    k = len(words)
    way = False  # a road or bridge named after a town
    while k > 1:  # off with the site nouns at the end: "air base", "airport"
        n = next((n for n in (2, 1) if k - n >= 1 and (kind := kinds.get(
            " ".join(words[k - n:k]))) is not None and kind.sited), 0)
        if not n and k == len(words) and (words[-1] in _WAYS or words[-1] in _WORKS):
            n, way = 1, True
        if not n:
            break
        k -= n
        if way and k > 1 and words[k - 1] == "high":
            k -= 1  # "the X High Dam"
        while k > 1 and words[k - 1] in _SITE_REACH:
            k -= 1
    if k == len(words) or getattr(kinds.get(words[-1]), "honorific", False):
        return False  # "Victoria Square": named after a queen as often as after a town
    town = " ".join(words[:k])
    if town == fold(city.name) or any(town == fold(a) for a in city.aliases):
        return False
    if town in towns:
        return True
    if way:
        return False  # "Kafue Road" in Lusaka: a town the text never names
    codes = set(countries) | {city.country_code or ""}
    found = gazetteer().city_candidates(town)
    if city.geonames_id is not None and any(c.geonames_id == city.geonames_id
                                            for c in found):
        return False  # another name of the home city itself
    if any(c.country_code in codes for c in found):
        return True
    index = admin_index()
    return any(index.towns(town, code) for code in codes if code)


# words between a town's name and a site noun that tell the site's reach, not its name:
# "Ndola International Airport", "Kasama District Hospital", "Mansa Referral
# Hospital"
_SITE_REACH = {"international", "regional", "district", "referral", "provincial"}
# roads and bridges, named after a town they lead to or stand at as often as not
_WAYS = {"road", "bridge"}
# dams and reservoirs, named after the town they stand near (the "X High Dam" in a story
# datelined in the capital is no work of the capital's) when the document names that town
_WORKS = {"dam", "barrage", "reservoir"}


# "the fishing town of X", "the Y town of X", "the village of X": a settlement of its own
_TOWN_OF = re.compile(r"\b(?:town|village|hamlet)\s+of\s+$", re.IGNORECASE)


def told_as_town(place: Entity, text: str) -> bool:
    """Whether the text calls a place a town or village of its own ("the fishing town of
    X", "the Oecusse town of X", "the village of X"): a settlement, not a quarter of the
    home city, whatever sentence names both."""
    for m in place.mentions:
        try:  # sliced, never indexed: a long document's part text (PartText)
            before = text[max(0, m.start - 20):m.start]
        except IndexError:
            continue
        if _TOWN_OF.search(before):
            return True
    return False


def told_outside(place: Entity, text: str) -> bool:
    """Whether the text places a site beside a town, not in it: "X prison, west of Y",
    "X, a base near the city of Y", "X, known as Z, on the outskirts of Y", "X, 20 km
    south of the capital" (a compass word and "of", "outskirts of", or "near" and a
    town noun, after the name, in its sentence and within 60 characters). Such a site
    lies outside the home city, though in its country."""
    compass = entity_rules().compass
    for m in place.mentions:
        try:  # sliced, never indexed: a long document's part text (PartText)
            after = text[m.end:m.end + 60]
        except IndexError:
            continue
        cased = _GAP_WORD.findall(re.split(r"[.;:!?\n]", after, maxsplit=1)[0])
        words = [w.lower() for w in cased]
        for k, w in enumerate(words):
            nxt = words[k + 1] if k + 1 < len(words) else ""
            if (w in compass or w == "outskirts") and nxt == "of" and (
                    k == 0 or words[k - 1] != "the" or w == "outskirts"):
                return True
            # "near the (northern) city of Y"; not "near the port", "near X Church"
            if w == "near" and _TOWN_NOUNS & set(words[k + 1:k + 4]):
                return True
    return False


_TOWN_NOUNS = {"city", "town", "village", "capital", "border"}


def _ends_in_kind(words: list[str], kinds, flag: str) -> bool:
    """Whether the words end in (or are) a kind noun of one or two words with ``flag`` set
    (a field of kinds.jsonl: ``sited``, ``outlying``)."""
    return any(len(words) >= n and getattr(kinds.get(" ".join(words[-n:])), flag, False)
               for n in (1, 2))


def sited(words: list[str], kinds) -> bool:
    """Whether the words end in (or are) a site noun: "civil prison", "port", "air base"."""
    return _ends_in_kind(words, kinds, "sited")


def home_city(place: Entity, entities: list[Entity], main: Entity | None = None,
               capital: Entity | None = None, *, dateline_only: bool = False
               ) -> Entity | None:
    """The city a square, building or neighbourhood nothing else places lies in: the
    dateline city of the unit that first names it, else the city of the document's
    country GeoNames knows that the document names most: more than once (or in the place's
    own sentence) and at least twice as often as any other, or as often as any other when
    it is the country's capital (squares, palaces and ministries are mostly the capital's).
    Unlinked "cities" are left out of the count: they are mostly villages or
    neighbourhoods themselves."""
    first = min(place.mentions, key=lambda m: m.start)
    if fold(place.name) in gazetteer().continents:
        return None
    cities = [e for e in entities if e.type is EntityType.CITY and e.mentions]
    # a dateline names a town, though GeoNames may know the name only as a unit of the
    # same name ("HAAPSALU (Reuters) -": a unit of the same name)
    for e in cities + [e for e in entities if e.type is EntityType.REGION
                       and e.geonames_id is None]:
        if any(m.source == "dateline" and m.unit == first.unit for m in e.mentions):
            return e
    if dateline_only:  # a city quarter (city_district): only the dateline says whose
        return None
    ranked = sorted((e for e in cities if e.country_code),
                    key=lambda e: (-len(e.mentions), e is not capital))
    if not ranked or (main is not None and ranked[0].country_code != main.country_code):
        return None
    top = len(ranked[0].mentions)
    second = len(ranked[1].mentions) if len(ranked) > 1 else 0
    if ranked[0] is capital and top >= second:
        return ranked[0]
    # a town the text names once ("readings in X remained safe") is no town the story is
    # set in: a hospital or site nothing places does not lie there by default (unless the
    # sentence that names the site names the town too: "outside X, as unrest spread
    # across Y")
    if top >= 2 * second and (top >= 2 or any(
            m.sentence == first.sentence and m.unit == first.unit
            for m in ranked[0].mentions)):
        return ranked[0]
    return None


def outlying(place: Entity) -> bool:
    """Whether a site usually stands outside the town it serves, so that the dateline
    city is no guess for it: an air base, a military base, a depot, a dam, a power plant
    (an ``outlying`` kind noun of kg/rules/entities/kinds.jsonl ends its name: "the X
    air base", "the Y fuel depot"; an airport is as often inside its city)."""
    return _ends_in_kind(fold(place.name).split(), entity_rules().kind_nouns, "outlying")


def wide(place: Entity) -> bool:
    """Whether a place may reach beyond any one town: a river, island or highway ("the
    Shire River": a ``wide`` kind noun ends its name), or a part of a country named with a
    compass word ("the Lower Shire", "Northern Highlands")."""
    words = fold(place.name).split()
    if not words:
        return False
    if words[0] in entity_rules().compass:
        return True
    kinds = entity_rules().kind_nouns
    if len(words) > 1 and words[-1] in _WAYS and _ENDS.search(place.name):
        return True  # "the Liepaja-Kuldiga road": a road between two towns
    if place.type is EntityType.PLACE and ROAD_CODE.fullmatch(place.name):
        return True  # "the T2": a numbered road runs between towns
    for n in (1, 2):
        if len(words) < n:
            continue
        tail = " ".join(words[-n:])
        # "the Muchinga Mountains", "the X Lakes": the plural of a wide noun
        if any((k := kinds.get(t)) is not None and k.wide
               for t in (tail, tail[:-1] if tail.endswith("s") else tail)):
            return True
    return False


# a road named after its two ends: "A-B road", "A–B highway"
_ENDS = re.compile(r"\w[-–]\w+\s+\w+$")


# words before a mention that say it names a place: "in X", "at X", "near X", "on the X"
# (a road, a river: "a car dealership on the X was set on fire", "the dams on the X")
_LOCATIVE = {"in", "at", "near", "outside", "around", "across", "towards", "toward", "into",
             "to", "from", "through", "inside", "over", "on", "along", "off",
             "of"}  # "control of X", "residents of X"


def unplaced(place: Entity, text: str, starts: frozenset[int] = frozenset()) -> bool:
    """Whether a "place" is likely no place at all, so no town or country is guessed for
    it: a name GeoNames does not know that the model alone called a place and the text
    never uses as one ("the Jatiya Party and Jamaat-e-Islami", "X has denied any
    wrongdoing"; no "in X", "at X", "of X", kind noun or head), a word in lower case ("sentenced
    in absentia") or a bare head noun ("The Church has been a target")."""
    if place.type not in (EntityType.CITY, EntityType.PLACE) or place.geonames_id is not None \
            or place.country_code:
        return False
    words = fold(place.name).split()
    rules = entity_rules()
    if place.name.islower() or (len(words) == 1 and words[0] in rules.heads):
        return True
    if any(w in rules.heads or w in rules.kind_nouns or w in rules.openers for w in words):
        return False  # "Government House", "the Limpopo River", "Plaza X", "Air Base 101"
    for m in place.mentions:
        if not m.source.startswith("ner:"):
            return False
        # "in X", "at the X", "in A and X": a locative word among the words before it
        before = text[max(0, m.start - 40):m.start].split()[-4:]
        if any(w.lower() in _LOCATIVE for w in before):
            return False
        # sliced, never indexed: a long document's part text (kg.ingest.parts.PartText)
        # is only sliced, and raises past the part's end, where no town of it follows
        try:
            k = m.end + 1
            while text[k:k + 1] == " ":
                k += 1
            town_after = text[m.end:m.end + 1] == "," and k in starts
        except IndexError:
            town_after = False
        if town_after:
            return False  # "Police Headquarters, X, Kano": a place before its town
    return True

