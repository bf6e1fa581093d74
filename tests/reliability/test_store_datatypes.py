"""Known gap found by the round-trip tests: pyoxigraph's store re-types some literals.

kg/rdf/mapping.py writes NIF offsets as ``xsd:nonNegativeInteger`` (as NIF 2.0
says), but pyoxigraph 0.5's Store keeps integer values as ``xsd:integer``, so
every graph kg exports has ``nif:beginIndex 0`` typed ``xsd:integer``. Values
are unchanged; datatype-strict consumers (SHACL ``sh:datatype``) see the
difference. This test fails loudly (strict xfail) once the store or the
mapping is changed so the datatype survives; then drop the mark.
"""

from __future__ import annotations

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store

XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.mark.xfail(strict=True, reason="pyoxigraph 0.5 Store stores xsd:nonNegativeInteger "
                   "as xsd:integer; see docs/reliability.md")
def test_non_negative_integer_survives_the_store():
    quad = Quad(NamedNode("http://example.org/s"), NamedNode("http://example.org/p"),
                Literal("7", datatype=NamedNode(XSD + "nonNegativeInteger")),
                NamedNode("http://example.org/g"))
    store = Store()
    store.add(quad)
    assert list(store) == [quad]


def test_values_survive_the_store():
    lit = Literal("7", datatype=NamedNode(XSD + "nonNegativeInteger"))
    store = Store()
    store.add(Quad(NamedNode("http://example.org/s"), NamedNode("http://example.org/p"), lit,
                   NamedNode("http://example.org/g")))
    (held,) = list(store)
    assert held.object.value == "7"
    assert held.object.datatype.value in (XSD + "integer", XSD + "nonNegativeInteger")
