"""Build the seed and read the result back with two independent parsers."""

from __future__ import annotations

import pyoxigraph
import rdflib

from kg.query import find_query, rows, run_query
from kg.store import load_graph_file

NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"


def test_seed_builds_and_parses_in_rdflib_and_pyoxigraph(seed_build):
    path, report = seed_build
    assert report.built == 1 and report.failed == 0
    ds = rdflib.Dataset()
    ds.parse(path, format="trig")
    n_rdflib = sum(1 for _ in ds.quads((None, None, None, None)))
    store = load_graph_file(path)
    assert len(store) == n_rdflib == report.triples
    assert len(list(store.named_graphs())) == 1


def test_every_mention_slices_back_to_the_source(seed_build, seed_path):
    path, _ = seed_build
    text = seed_path.read_bytes().decode("utf-8")
    store = load_graph_file(path)
    sols = store.query(
        f"""PREFIX nif: <{NIF}>
        SELECT ?b ?e ?a WHERE {{ ?m nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?a }}""",
        use_default_graph_as_union=True,
    )
    n = 0
    for sol in sols:
        b, e = int(sol["b"].value), int(sol["e"].value)
        assert text[b:e] == sol["a"].value
        n += 1
    assert n > 50


def test_entities_by_type_query_returns_rows(seed_build):
    path, _ = seed_build
    store = load_graph_file(path)
    header, data = rows(run_query(store, find_query("entities-by-type")))
    assert header[:3] == ["label", "class", "mentions"]
    labels = {r[0] for r in data}
    assert "Kazakhstan" in labels
    assert len(data) > 10


def test_turtle_output_parses(tmp_path, seed_build):
    from kg.formats import GraphFormat
    from kg.store import export_store

    path, _ = seed_build
    store = load_graph_file(path)
    ttl = tmp_path / "g.ttl"
    export_store(store, ttl, GraphFormat.TTL)
    g = rdflib.Graph().parse(ttl, format="turtle")
    assert len(g) > 0
    assert len(list(pyoxigraph.parse(ttl.read_bytes(), pyoxigraph.RdfFormat.TURTLE))) == len(g)
