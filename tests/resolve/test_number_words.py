"""Counts written in words and their datatype (issue 17, item 8): "twenty-five" is 25 (not
20), "three hundred" 300 (not 3), "two thousand" 2000 (not 2); whole counts are
xsd:integer, not xsd:decimal."""

from __future__ import annotations

import pytest

from kg.resolve.quantities import parse_quantity

XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


@pytest.mark.parametrize("text,value,qualifier", [
    ("twenty-five soldiers", 25, None),
    ("Twenty five soldiers", 25, None),
    ("three hundred protesters", 300, None),
    ("two thousand police", 2000, None),
    ("one hundred and twenty troops", 120, None),
    ("a hundred people", 100, None),
    ("more than forty-two people", 42, "more than"),
    ("about two million dollars", 2_000_000, "about"),
    ("seven", 7, None),
    ("a dozen", 12, None),
])
def test_number_words(text, value, qualifier):
    q = parse_quantity(text)
    assert q is not None and q.value == value and q.qualifier == qualifier


@pytest.mark.parametrize("text", ["dozens of soldiers", "several people"])
def test_vague_counts_have_no_value(text):
    q = parse_quantity(text)
    assert q is not None and q.value is None


def test_counts_are_integers_in_the_graph(tmp_path):
    from kg.build import BuildOptions, build_into
    from kg.ingest.sources import expand_sources
    from kg.rdf.vocab import KG
    from kg.store import open_store

    path = tmp_path / "counts.txt"
    path.write_text("Troops Deployed\nThe army deployed twenty-five soldiers to Varn on Sunday. "
                    "Police detained three hundred protesters in Kessel on Monday. The "
                    "government sent two thousand police officers to Tarsk.\n")
    store = open_store(None)
    report = build_into(store, expand_sources([str(path)]), options=BuildOptions())
    assert report.built == 1
    values = [q.object for q in store.quads_for_pattern(None, KG.value, None)]
    assert sorted(int(v.value) for v in values) == [25, 300, 2000]
    assert {v.datatype.value for v in values} == {XSD_INTEGER}


def test_a_fraction_stays_a_decimal():
    from pyoxigraph import NamedNode

    from kg.rdf.mapping import _count

    assert _count(13.0).datatype == NamedNode(XSD_INTEGER)
    assert _count(2.5).value == "2.5" and _count(2.5).datatype.value.endswith("#decimal")
