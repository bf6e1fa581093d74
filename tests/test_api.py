"""The public API (docs/api.md runs the full example as a doctest; these pin regressions)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pyoxigraph import Literal, NamedNode, Store

from kg.api import IRI, Graph, to_python, to_term

XSD = "http://www.w3.org/2001/XMLSchema#"


def test_build_graph_is_not_shadowed_by_the_build_module():
    # `import kg.build` (the module) once replaced a function named kg.build
    import kg.build

    assert callable(kg.build_graph)
    assert callable(kg.open_graph)


def test_values_are_typed_and_round_trip():
    cases = [(Literal("3", datatype=NamedNode(f"{XSD}integer")), 3),
             (Literal("2.50", datatype=NamedNode(f"{XSD}decimal")), Decimal("2.50")),
             (Literal("2022-01-10", datatype=NamedNode(f"{XSD}date")), dt.date(2022, 1, 10)),
             (NamedNode("urn:x"), IRI("urn:x")), (Literal("plain"), "plain")]
    for term, value in cases:
        assert to_python(term) == value
        assert type(to_python(term)) is type(value)
    assert to_python(Literal("not a date", datatype=NamedNode(f"{XSD}date"))) == "not a date"
    assert to_term(dt.date(2022, 1, 10)) == cases[2][0]
    assert to_term(IRI("urn:x")) == NamedNode("urn:x")


def test_query_forms_on_an_empty_graph():
    g = Graph(Store())
    assert g.query("ASK { ?s ?p ?o }") is False
    result = g.query("documents")
    assert result.columns[0] == "docId" and len(result) == 0
