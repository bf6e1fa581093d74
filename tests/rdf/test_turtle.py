"""Readable Turtle export: same graph, used prefixes only, one block per subject."""

from __future__ import annotations

import pyoxigraph as ox
import rdflib
from rdf_samples import every_kind, nasty_labels
from rdflib.compare import isomorphic

from kg.rdf.turtle import pretty_turtle
from kg.rdf.vocab import KG, RDFS


def triples(store: ox.Store) -> list[ox.Triple]:
    return [q.triple for q in store]


def same_graph(store: ox.Store, data: bytes) -> bool:
    want = rdflib.Graph()
    want.parse(data=ox.serialize(triples(store), None, ox.RdfFormat.N_TRIPLES).decode(),
               format="nt")
    got = rdflib.Graph()
    got.parse(data=data.decode("utf-8"), format="turtle")
    return isomorphic(want, got)


def test_pretty_turtle_is_the_same_graph():
    for sample in (every_kind(), nasty_labels()):
        store = sample.store()
        data = pretty_turtle(triples(store))
        assert same_graph(store, data)
        assert len(list(ox.parse(data, ox.RdfFormat.TURTLE))) == len(store)


def test_layout():
    text = pretty_turtle(triples(every_kind().store())).decode("utf-8")
    head, _, body = text.partition("\n\n")
    prefixes = head.splitlines()
    assert prefixes == sorted(prefixes) and all(p.startswith("@prefix ") for p in prefixes)
    declared = {p.split()[1].rstrip(":") for p in prefixes}
    assert {"kg", "nif", "prov", "skos", "xsd"} <= declared
    assert "sem" not in declared and "schema" not in declared  # unused: not declared
    assert "person" in declared and "person:tessa-marlowe" in body
    blocks = body.strip().split("\n\n")
    assert len(blocks) > 20
    for block in blocks:
        first = block.splitlines()[0]
        assert " a " in first, first  # rdf:type comes first, on the subject's line
        assert block.endswith(" .")


def test_line_breaks_in_literals_survive():
    s = ox.NamedNode("https://w3id.org/kg-news/data/doc/x")
    tricky = "ends with .\nnext line .\u0085nel\u2028ls\r\n."
    store = ox.Store()
    store.add(ox.Quad(s, RDFS.comment, ox.Literal(tricky)))
    store.add(ox.Quad(s, KG.headline, ox.Literal("x .")))
    data = pretty_turtle(triples(store))
    assert same_graph(store, data)


def test_no_prefix_when_a_name_needs_escapes():
    text = pretty_turtle(triples(nasty_labels().store())).decode("utf-8")
    assert "@prefix organization:" not in text
    assert "\\%" not in text
