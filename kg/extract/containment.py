"""LocatedIn per document, once mentions are resolved (kg/extract/locations.py reads
what each unit states): the containers the text states, then the gazetteer's (a linked
city's or region's country), then for each container its own containers (a village in a
province lies in its country too), then for a site or neighbourhood nothing places the
home city (kg/extract/home_city.py), and last, for a place whose country nothing states,
the country the document is about (the one it names most, at least twice as often as
any other).
"""

from __future__ import annotations

from collections import Counter
from math import cos, radians

from kg.extract.entity_rules import entity_rules
from kg.extract.home_city import (
    beside,
    city_district,
    home_city,
    outlying,
    site_of_other_town,
    sublocal,
    told_as_town,
    told_outside,
    unplaced,
    wide,
)
from kg.extract.locations import (
    COMPASS_PART_RULE,
    IN_APPOSITION_RULE,
    ONE_OF_RULE,
    RANK,
    located_fact,
)
from kg.extract.site_towns import named_after_town, written_as_town
from kg.extract.story_region import SOURCE_RULE as STORY_RULE
from kg.extract.story_region import area, own_town, story_region
from kg.extract.territories import TERRITORY_RULE, state_of, territory_states
from kg.records import Entity, EntityType, Fact
from kg.resolve.admin import admin_index, unit_keys
from kg.resolve.place_names import base_name
from kg.resolve.places import fold, gazetteer
from kg.resolve.town_names import named_after_towns


def document_locations(stated: list[Fact], entities: list[Entity], *, text: str = "",
                       home: str | None = None) -> list[Fact]:
    """One LocatedIn per pair of entities: the text's, the gazetteer's, the containers'
    containers, and the document's country for places nothing else places. ``text``:
    the document's text (mention offsets index it); ``home``: the country code of the
    release's letterhead (kg/extract/letterhead.py), which is the document's country."""
    entity_of = {m: e for e in entities for m in e.mentions}
    countries = {e.country_code: e for e in entities
                 if e.type is EntityType.COUNTRY and e.country_code and e.mentions}
    main = countries.get(home or "") or _main_country(entities)
    capital = _capital(entities, main)
    direct: dict[str, dict[str, tuple[Entity, Fact | None, str]]] = {}
    elsewhere: set[str] = set()  # places a demonym puts in a country the document lacks

    def add(place: Entity, container: Entity, fact: Fact | None, rule: str, *,
            same_rank: bool = False) -> None:
        low, high = RANK.get(place.type, 9), RANK.get(container.type, -1)
        if rule == "locatedin/city-part" and container.type is EntityType.CITY:
            low = min(low, high)  # "the Havana districts of A and B", whatever their type
        if rule in (ONE_OF_RULE, IN_APPOSITION_RULE, "locatedin/kind-of"):
            # "X, one of the Y Islands", "X, on Y": the group or island holds X; so does
            # Y in "the Y town of X", whatever the model called Y ("the Y enclave")
            low, same_rank = min(low, high), True
        if place is container or high < low or (high == low and not same_rank) \
                or place.key in direct.get(container.key, {}):
            return
        direct.setdefault(place.key, {}).setdefault(container.key, (container, fact, rule))

    for f in stated:
        place = entity_of.get(f.roles["place"][0])
        if place is None:
            continue
        if f.rule == "locatedin/capital":
            if capital is not None:
                add(place, capital, None, f.rule, same_rank=True)
            continue
        if "containerCode" in f.roles:
            country = countries.get(f.roles["containerCode"][0])
            if country is not None:
                add(place, country, None, f.rule)
            else:
                elsewhere.add(place.key)
            continue
        container = entity_of.get(f.roles["container"][0])
        if container is not None:
            add(place, container, f, f.rule,
                same_rank=f.rule in ("locatedin/unit-of", "locatedin/city-part", COMPASS_PART_RULE,
                                     "locatedin/unit-chain"))
    # a territory part of a state the document names lies in it ("Martinique" and
    # "France"), and its places with it
    territories = territory_states(countries)
    for territory, state in territories:
        add(territory, state, None, TERRITORY_RULE, same_rank=True)
    places = [e for e in entities if e.type in (EntityType.CITY, EntityType.REGION,
                                                EntityType.PLACE) and e.mentions
              and not _world_region(e)]
    by_key = {e.key: e for e in entities}
    starts = frozenset(m.start for e in entities if e.type in RANK for m in e.mentions)
    # the towns, islands and regions the document names, by folded name: a site named
    # after one stands there, not in the home city ("Andros International Airport")
    # (a "town" GeoNames does not know only when the text writes it as a place, "on X",
    # "in X": not a bloc's name the model took for a town)
    towns = frozenset(fold(n) for e in places if e.type is EntityType.REGION or (
        e.type is EntityType.CITY and (e.geonames_id is not None or _told_as_place(e, text)))
        for n in (e.name, *e.aliases))
    for e in places:
        code = _home_namesake(e, countries, main) or e.country_code \
            or _namesake_country(e, countries)
        country = countries.get(code or "") or state_of(code, countries)
        if country is not None:
            add(e, country, None, "locatedin/gazetteer")
    _administrative(places, countries, add, main)
    named_after_town(places, add, lambda e: written_as_town(e, text))
    namesakes = {fold(e.name): sum(1 for m in e.mentions if not m.source.endswith(":headline"))
                 for e in places if e.type is EntityType.CITY and e.geonames_id is None
                 and not e.country_code}
    region = story_region([e for e in places if (e.type is EntityType.REGION
                                                 and not city_district(e)) or area(e)],
                          main, direct, elsewhere, namesakes)

    # the parts a state's name lists ("A" and "B" of "A and B")
    # are peers: neither lies in the other
    peers = set(fold(main.name).split(" and ")) if main is not None else set()

    def in_region(e: Entity, containers) -> bool:
        """Whether a place nothing places in a town or region lies in the story's (not
        the region's namesake: "Kasama" beside "Kasama District"; nor the country's
        capital, whatever the gazetteer knows of it, nor a part its name lists)."""
        return region is not None and e is not region and e is not capital \
            and e.type is not EntityType.REGION and fold(e.name) not in peers \
            and e.geonames_id is None and not e.country_code and e.key not in elsewhere \
            and not any(c.type in (EntityType.CITY, EntityType.REGION) for c in containers) \
            and not wide(e) and not _abroad(e, main) and not unplaced(e, text, starts) \
            and main is not None and not _known_elsewhere(e, main) \
            and not own_town(e, main) and not _national(e, countries) \
            and fold(e.name) != fold(base_name(region.name)[0]) \
            and not (e.type is EntityType.PLACE and site_of_other_town(e, region, countries,
                                                                         towns))

    for e in places:  # a village of the story's region: "the village of X"
        if e.type is EntityType.CITY and in_region(
                e, [c for c, _, _ in direct.get(e.key, {}).values()]):
            # (a peninsula or island holds its towns, whatever the ranks of their types)
            direct.setdefault(e.key, {}).setdefault(region.key, (region, None, STORY_RULE))
    out: list[Fact] = []
    for e in places:
        found: dict[str, tuple[Entity, Fact | None, str]] = {}
        todo = list(direct.get(e.key, {}).values())
        while todo:
            container, fact, rule = todo.pop(0)
            if container.key in found or container.key == e.key:
                continue
            found[container.key] = (container, fact, rule)
            for c2, _, _ in direct.get(container.key, {}).values():
                todo.append((c2, None, "locatedin/contained"))
        if not found and unplaced(e, text, starts):
            continue
        # a town GeoNames knows only abroad, or a site named after one ("In Colombo, ..."
        # in a story about Palau, "the port of Hamburg" in one about Latvia):
        # not in the home city nor the home country, but in its own country when the
        # document names it
        abroad = _abroad(e, main) if not found else set()
        named = abroad & set(countries)  # "Odessa": the one in a country the text names
        if len(named) == 1 and (own := countries.get(next(iter(named)))) is not None:
            found[own.key] = (own, None, "locatedin/gazetteer")
        quarter = city_district(e)
        # a unit nothing places (no GeoNames unit, no container stated) told in one
        # sentence with the home city lies in it ("a depot at X in Y Local Government
        # Area" after "Z Estate, Kano"); nor does it keep the home city from X
        floating = e.type is EntityType.REGION and e.geonames_id is None \
            and not e.country_code and not found and not quarter \
            and _unit_named(e.name)  # named as a unit: "Y District"
        if not abroad and not _national(e, countries) and (
                sublocal(e) or quarter or floating) and not any(
                c.type is EntityType.CITY or (c.type is EntityType.REGION and (
                    c.geonames_id is not None or c.country_code or direct.get(c.key)))
                for c, _, _ in found.values()):
            city = home_city(e, entities, main, capital, dateline_only=quarter)
            if city is not None and (e.type is EntityType.CITY or floating) and \
                    not beside(e, city, text):
                city = None
            if city is not None and floating and e.key in _above(city.key, direct):
                city = None  # "Lunsar, ..., Port Loko District": the unit holds the town
            if city is not None and e.type is EntityType.PLACE and \
                    site_of_other_town(e, city, countries, towns):
                city = None
            if city is not None and (told_outside(e, text) or (
                    e.type is EntityType.CITY and told_as_town(e, text))):
                # "X prison, west of Y": outside the town, though in its country; so
                # is "the fishing town of X", a town of its own
                if city.country_code in countries:
                    country = countries[city.country_code]
                    found.setdefault(country.key, (country, None, "locatedin/contained"))
                city = None
            if city is not None and city.key != e.key:
                # a river or island gets the city's region, not the city; so does an
                # base, a depot or a dam, which stands outside the town it serves
                if not wide(e) and not outlying(e):
                    found[city.key] = (city, None, "locatedin/dateline-city")
                for c2, _, _ in direct.get(city.key, {}).values():
                    found.setdefault(c2.key, (c2, None, "locatedin/contained"))
                if city.country_code and city.country_code in countries:
                    country = countries[city.country_code]
                    found.setdefault(country.key, (country, None, "locatedin/contained"))
        if e.type is EntityType.PLACE and in_region(e, [c for c, _, _ in found.values()]):
            found[region.key] = (region, None, STORY_RULE)  # "the X bridge" of the story
            for c2, _, _ in direct.get(region.key, {}).values():
                found.setdefault(c2.key, (c2, None, "locatedin/contained"))
        if not any(c.type is EntityType.COUNTRY for c, _, _ in found.values()) \
                and main is not None and e.key not in elsewhere and not abroad \
                and not (e.country_code and e.country_code != main.country_code) \
                and not _known_elsewhere(e, main):
            found[main.key] = (main, None, "locatedin/document-country")
        for container, fact, rule in found.values():
            if container.key not in by_key:
                continue
            out.append(fact if fact is not None else _entity_fact(e, container, rule))
    for territory, state in territories:
        if direct.get(territory.key, {}).get(state.key, (None, None, ""))[2] == TERRITORY_RULE:
            out.append(_entity_fact(territory, state, TERRITORY_RULE))
    return out


# words right before a name that write it as a place: "on X", "in X", "into X" (not
# "of X": "a member of X")
_PLACE_WORDS = {"in", "on", "at", "to", "from", "across", "into", "near", "towards",
                "toward", "around", "outside"}


def _told_as_place(place: Entity, text: str) -> bool:
    """Whether a mention of the place follows a word that writes it as a place ("a
    house in Y, on X", "deployed marines to A and X": the word before the name or before
    the list it ends)."""
    for m in place.mentions:
        before = text[max(0, m.start - 30):m.start].split()
        while len(before) > 1 and (before[-1] == "and" or before[-1][:1].isupper()):
            before.pop()  # "to A and X": back over the list
        if before and before[-1].lower() in _PLACE_WORDS:
            return True
    return False


def _administrative(places: list[Entity], countries: dict[str, Entity], add,
                    main: Entity | None = None) -> None:
    """A town or district in the region or city of the document that GeoNames gives as
    its first- or second-level unit ("Mehar" in "Sindh" and "Dadu"; the district
    "Nsanje" in "Southern Region"; "Savski Venac" in "Belgrade"). A town unlinked to a
    country is looked up in the document's countries; a city is a container only as the
    town's second-level unit, named as it is ("Colombo District" is not "Colombo"), and
    when the town lies within 15 km of it."""
    regions: dict[str, list[Entity]] = {}
    cities: dict[str, list[Entity]] = {}
    english = [e for e in places if e.type is EntityType.REGION and len(e.mentions) < 2
               and gazetteer().english_unit_only(base_name(e.name)[0])]
    for e in places:
        if e.type not in (EntityType.REGION, EntityType.CITY):
            continue
        names = (e.name, *e.aliases)
        if e in english and len(english) > 1:
            # regions known by GeoNames' English names only, each named once, in a list
            # ("raids in Tuscany, Umbria and Lazio"): they hold what the text puts in
            # them; a lone one is the story's region and holds the towns GeoNames puts there
            continue
        if e.type is EntityType.REGION:
            for k in {k for n in names for k in unit_keys(base_name(n)[0])}:
                regions.setdefault(k, []).append(e)
        else:
            for k in {fold(n) for n in names}:
                cities.setdefault(k, []).append(e)
    if not regions and not cities:
        return
    index = admin_index()
    # a story that names no country ("Georgia", "Macon", "Valdosta"): the country most
    # of its linked towns and regions lie in (twice as many as any other) is where its
    # unlinked towns are looked up
    linked = Counter(e.country_code for e in places if e.country_code).most_common(2)
    others = sorted(countries) or ([linked[0][0]] if linked and (
        len(linked) == 1 or linked[0][1] >= 2 * linked[1][1]) else [])
    for e in places:
        home = _home_namesake(e, countries, main)
        codes = [home] if home else [e.country_code] if e.country_code else others
        name = base_name(e.name)[0]
        for code in codes:
            for town in index.towns(name, code):
                for k in unit_keys(town.state) | unit_keys(town.county):
                    for c in regions.get(k, ()):
                        if c.country_code in (None, code):
                            add(e, c, None, "locatedin/admin", same_rank=True)
                if not town.county or e.type is EntityType.REGION:
                    continue
                for c in cities.get(fold(town.county), ()):
                    if c.country_code == code and _near(town, c):
                        add(e, c, None, "locatedin/admin", same_rank=True)
            if e.type is EntityType.REGION:
                for state in index.county_states(name, code):
                    for k in unit_keys(state):
                        for c in regions.get(k, ()):
                            if c.country_code in (None, code):
                                add(e, c, None, "locatedin/admin", same_rank=True)


def _home_namesake(place: Entity, countries: dict[str, Entity],
                   main: Entity | None) -> str | None:
    """The home country's code for a town the gazetteer linked to a country the document
    never names when the home country has a town of that name (``_home_town``: "Foca" in
    a story about Bosnia, linked to the Turkish town of 28,000): the story's town is its
    namesake at home."""
    if main is None or not main.country_code or place.type is not EntityType.CITY or \
            not place.country_code or place.country_code in countries:
        return None
    return main.country_code if _home_town(place.name, main.country_code) else None


def _home_town(name: str, code: str) -> bool:
    """Whether the country ``code`` has a town of this name that a story about it means
    rather than GeoNames' namesakes abroad: one the admin data lists, unless a namesake
    abroad is a capital or ten times as large ("Moscow" in a story about the United
    States is Russia's, though Idaho has one)."""
    towns = admin_index().towns(base_name(name)[0], code)
    if not towns:
        return False
    gaz = gazetteer()
    abroad = [c for c in gaz.city_candidates(name) if c.country_code != code]
    home = max(t.population for t in towns) or 1
    return not any(c.population >= 10 * home or (c.country_code and fold(
        gaz.capitals.get(c.country_code, "")) == fold(c.name)) for c in abroad)


def _above(key: str, direct: dict) -> set[str]:
    """The keys of every container of a place, containers of containers included."""
    seen: set[str] = set()
    todo = list(direct.get(key, {}))
    while todo:
        k = todo.pop()
        if k not in seen:
            seen.add(k)
            todo.extend(direct.get(k, {}))
    return seen


# units a city is divided into, or that divide a city's surroundings ("X Local Government
# Area", "Y District"): not a region, province or state, which hold cities
_LOCAL_UNITS = ("local government area", "district")


def _unit_named(name: str) -> bool:
    """Whether a name ends in the kind noun of a local unit ("X District", "Y Local
    Government Area")."""
    folded = fold(name)
    return any(folded.endswith(" " + n) for n in _LOCAL_UNITS)


def _known_elsewhere(place: Entity, main: Entity) -> bool:
    """Whether GeoNames knows the name only outside the document's country, or as a
    continent ("Washington" in a story about Bolivia; "Europe", "South America"): then the
    document's country is no guess for it; nor for a part of a continent ("Central Asia",
    "West Africa"). A town the home country's own towns also name ("Falmouth" in a story
    about Jamaica) is the home country's."""
    gaz = gazetteer()
    words = fold(place.name).split()
    while len(words) > 1 and words[0] in entity_rules().compass:
        words = words[1:]  # "Central Asia", "North Africa": a part of a continent
    if fold(place.name) in gaz.continents or " ".join(words) in gaz.continents:
        return True
    if place.type is not EntityType.CITY or place.country_code or not main.country_code:
        return False
    found = gaz.city_candidates(place.name)
    return bool(found) and all(c.country_code != main.country_code for c in found) \
        and not _home_town(place.name, main.country_code)


def _world_region(place: Entity) -> bool:
    """An area that spans countries ("the Middle East", "the Sahel";
    kg/rules/entities/world_regions.jsonl), a continent ("Africa") or open waters ("the
    Caspian Sea", "the Indian Ocean", "the Gulf of Aden": a ``waters`` noun ends the name
    or opens it before "of") lies in no country, region or town."""
    rules = entity_rules()
    continents = gazetteer().continents
    for n in (place.name, *place.aliases):
        words = fold(n).split()  # (fold drops a leading "the")
        name = " ".join(words)
        if name in rules.world_regions or name in continents:
            return True
        if len(words) > 1 and (words[-1] in rules.waters or (
                words[0] in rules.waters and words[1] == "of")):
            return True
    return False


def _abroad(place: Entity, main: Entity | None) -> set[str]:
    """The countries of a place GeoNames knows only outside the document's country: an
    unlinked town ("Colombo" in a story about Palau) or a site named after one ("the
    port of Hamburg", "Hamburg port" in one about Latvia); empty when a town of
    the name lies in the document's country, or the document has none."""
    if main is None or not main.country_code or place.country_code or \
            place.type not in (EntityType.CITY, EntityType.PLACE):
        return set()
    town = place.name if place.type is EntityType.CITY else _site_town(place.name)
    if not town:
        return set()
    codes = {c.country_code for c in gazetteer().city_candidates(town)}
    if not codes or main.country_code in codes or \
            admin_index().towns(town, main.country_code):
        return set()
    return codes


# sites nearly always named after the town they serve ("the port of X", "X airport");
# squares, prisons and palaces are as often named after people, events or villages
# GeoNames does not know ("Republic Square", "La Esperanza prison")
_TOWN_SITES = {"port", "airport", "harbour", "harbor"}


def _site_town(name: str) -> str | None:
    """The town a port or airport is named after: "port of X", "X port", "X airport"."""
    words = name.split()
    low = [w.lower() for w in words]
    if len(words) > 2 and low[0] in _TOWN_SITES and low[1] == "of":
        return " ".join(words[2:])
    if len(words) > 1 and low[-1] in _TOWN_SITES:
        return " ".join(words[:-1])
    return None


def _national(place: Entity, countries: dict[str, Entity]) -> bool:
    """Whether a site is named after a country of the document ("the X Defence Force
    Hospital", "X International Airport"): a national site, which the text does not put
    in the home city (it stays in the country)."""
    if place.type is not EntityType.PLACE:
        return False
    name = fold(place.name)
    return any(name.startswith(fold(c.name) + " ") for c in countries.values())


def _near(town, city: Entity, km: float = 15.0) -> bool:
    if city.lat is None or city.long is None or town.lat is None:
        return False
    dlat = (town.lat - city.lat) * 111.0
    dlon = (town.long - city.long) * 111.0 * cos(radians(city.lat))
    return dlat * dlat + dlon * dlon <= km * km


_CONFIDENCE = {"locatedin/admin": 0.7, "locatedin/named-after": 0.7,
               "locatedin/gazetteer": 0.7, "locatedin/contained": 0.7,
               "locatedin/document-country": 0.5, "locatedin/capital": 0.7,
               "locatedin/demonym": 0.8, "locatedin/dateline-city": 0.5,
               STORY_RULE: 0.5}


def _entity_fact(place: Entity, container: Entity, rule: str) -> Fact:
    pm = min(place.mentions, key=lambda m: m.start)
    near = [m for m in container.mentions if m.unit == pm.unit] or container.mentions
    cm = min(near, key=lambda m: abs(m.start - pm.start))
    return located_fact(pm.unit, pm, cm, pm.sentence, rule, _CONFIDENCE.get(rule, 0.7))


def _namesake_country(place: Entity, countries: dict[str, Entity]) -> str | None:
    """The country of a district no subdivision code names ("the worst-hit districts are
    Dadu, Jacobabad and Larkana"): that of the one town of its name in the document's
    countries, which gives the district its name."""
    if place.type is not EntityType.REGION or place.geonames_id is not None:
        return None
    codes = {c.country_code for c in gazetteer().cities_named(place.name)} & set(countries)
    return codes.pop() if len(codes) == 1 else None


_NATIONAL_BODIES = (EntityType.GOVERNMENT_BODY, EntityType.ARMED_FORCE)


def _main_country(entities: list[Entity]) -> Entity | None:
    """The country the document is about: named most, at least twice as often as any other
    (headline guesses aside). When the towns and regions the gazetteer links lie in
    another country more often than that one is named, or when no country is named twice
    as often as any other, a town's or region's mention counts for its country too: a
    release from Port Vila that names Vanuatu once, in its letterhead, and its donors
    Australia and New Zealand three times each is about Vanuatu. A winner the document
    never names as a country leaves the first choice; no winner, no country. An
    abbreviation ("US", "UK") does not count: news writes it before a foreign body ("the
    US embassy", "US forces"), not for the country a story is about."""
    shorts = entity_rules().short_names

    def named(e: Entity) -> int:
        return sum(1 for m in e.mentions if not m.source.endswith(":headline")
                   and not (m.text.replace(".", "").isupper()
                            and fold(m.text) in shorts))

    def winner(counts: Counter[str]) -> str | None:
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 1 or (len(ranked) > 1 and
                                                ranked[0][1] < 2 * ranked[1][1]):
            return None
        return ranked[0][0]

    countries: Counter[str] = Counter()
    by_count_key: dict[str, Entity] = {}
    places: Counter[str] = Counter()
    for e in entities:
        if e.type is EntityType.COUNTRY:
            k = e.country_code or e.key
            countries[k] += named(e)
            by_count_key.setdefault(k, e)
        elif e.type in (EntityType.CITY, EntityType.REGION) and e.country_code:
            places[e.country_code] += len(e.mentions)  # a headline's too: the body has it
    # "X City Council", "the Port of X": a local paper's town inside its bodies' names
    places += named_after_towns(((m.text, e.type) for e in entities for m in e.mentions), {
        m.text: e.country_code for e in entities if e.type in (EntityType.CITY, EntityType.REGION)
        and e.country_code for m in e.mentions})
    first = winner(countries)
    if first is None:
        # a story names its own country mostly through its bodies ("the Latvian Coast
        # Guard", "Latvian authorities", "the Latvian Armed Forces": bodies the resolver
        # names "X of Latvia"), a foreign one by name: when no country is named twice as
        # often as any other, each national body counts once for its country
        owners = {fold(e.name): k for k, e in by_count_key.items()}
        for e in entities:
            if e.type in _NATIONAL_BODIES and e.mentions and " of " in e.name and \
                    not all(_short_owner(m.text, shorts) for m in e.mentions):
                owner = owners.get(fold(e.name.rpartition(" of ")[2]))
                if owner is not None:
                    countries[owner] += 1
        first = winner(countries)
    if first is not None and (not places or places.most_common(1)[0][1]
                              <= countries[first] + places[first]):
        return by_count_key[first]
    best = winner(countries + places)
    if best is None:
        return _dateline_country(entities, countries + places, by_count_key)
    if best in by_count_key:
        return by_count_key[best]
    return by_count_key[first] if first is not None else None


def _short_owner(text: str, shorts) -> bool:
    """Whether a body's mention opens with a country's abbreviation ("US military", "UK
    embassy"): a foreign body, as the abbreviation alone is a foreign country."""
    first = text.split(" ", 1)[0]
    return first.replace(".", "").isupper() and fold(first) in shorts


def _dateline_country(entities: list[Entity], counts: Counter[str],
                      by_count_key: dict[str, Entity]) -> Entity | None:
    """With no country named twice as often as any other, the country of the dateline's
    town, when the document names that country more often than any other (its towns
    counted): "GABORONE -" over a story that names Botswana four times and Zambia three is
    Botswana's. A correspondent's base abroad is named no more often than the country the
    story is about, and loses; so does a tie.)"""
    codes = {e.country_code for e in entities if e.type is EntityType.CITY
             and e.country_code and any(m.source == "dateline" for m in e.mentions)}
    if len(codes) != 1:
        return None
    code = codes.pop()
    if code not in by_count_key or any(n >= counts[code] for k, n in counts.items()
                                       if k != code):
        return None
    return by_count_key[code]


def _capital(entities: list[Entity], main: Entity | None) -> Entity | None:
    """The city entity that is the capital of the document's country."""
    if main is None or not main.country_code:
        return None
    name = gazetteer().capitals.get(main.country_code)
    if not name:
        return None
    # by any of its names: the resolved name may be another spelling of the gazetteer's
    # ("Peking" for "Beijing")
    return next((e for e in entities if e.type is EntityType.CITY and fold(name) in {
        fold(n) for n in (e.name, *e.aliases, *(m.text for m in e.mentions))}), None)
