"""A real Oxigraph server on loopback: load the seed graph, run the query library over
HTTP, load twice without duplicates, survive a server stopped in the middle of a load."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter

import pytest
from load_servers import OxigraphServer
from pyoxigraph import Literal, NamedNode, Quad, Store

from kg.errors import LoadError
from kg.load import LoadOptions, load_store
from kg.query import library, rows
from kg.store import load_graph_file

pytestmark = pytest.mark.slow
EX = "http://example.org/"


@pytest.fixture
def server(tmp_path):
    srv = OxigraphServer(tmp_path / "oxigraph").start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="module")
def seed_store(seed_build) -> Store:
    return load_graph_file(seed_build[0])


def cell(value: str | None):
    """A value with GROUP_CONCAT parts sorted: SPARQL leaves their order unspecified."""
    return None if value is None else tuple(sorted(re.split(r"[\x1f;\s]+", value)))


def remote_rows(server: OxigraphServer, text: str) -> list[tuple]:
    result = server.select(text)
    names = result["head"]["vars"]
    return [tuple(cell(b.get(n, {}).get("value")) for n in names)
            for b in result["results"]["bindings"]]


def test_every_library_query_gives_the_same_rows_over_http(server, seed_store):
    # with the ontology in its own graph, as `kg load` sends it: the server's union default
    # graph (oxigraph serve --union-default-graph) then holds it too, and the rows must not
    # change (issue 19)
    from kg.load import ONTOLOGY_GRAPH, ontology_payload

    report = load_store(seed_store, server.url, options=LoadOptions(timeout=30), ontology=True)
    assert report.graphs == len(list(seed_store.named_graphs())) + 1
    assert report.triples == len(seed_store) + len(ontology_payload().triples)
    assert server.select(f"ASK {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }}")["boolean"]
    queries = library()
    assert len(queries) >= 12
    compared = 0
    for name, q in queries.items():
        # the same text on both sides: parameters stay unbound (their "all" reading)
        local = seed_store.query(q.text, use_default_graph_as_union=True)
        _, local_rows = rows(local)
        remote = remote_rows(server, q.text)
        local_cells = [tuple(cell(v) for v in r) for r in local_rows]
        assert Counter(local_cells) == Counter(remote), name
        compared += 1
    assert compared == len(queries)


def test_loading_twice_leaves_the_same_quads(server, seed_store):
    load_store(seed_store, server.url)
    first = server.dataset()
    load_store(seed_store, server.url)
    second = server.dataset()
    assert first == second == set(seed_store)
    counted = server.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(counted["results"]["bindings"][0]["n"]["value"]) == len(seed_store)


def many_graphs(n: int = 6, triples: int = 200) -> Store:
    store = Store()
    store.extend(Quad(NamedNode(f"{EX}s{t}"), NamedNode(f"{EX}p"), Literal(f"g{g} t{t}"),
                      NamedNode(f"{EX}graph/{g}"))
                 for g in range(n) for t in range(triples))
    return store


def test_server_stopped_mid_load_then_a_rerun_completes(server):
    store = many_graphs()
    # a stale, different version of one graph already on the server
    stale = Store()
    stale.add(Quad(NamedNode(f"{EX}old"), NamedNode(f"{EX}p"), Literal("stale"),
                   NamedNode(f"{EX}graph/4")))
    load_store(stale, server.url)

    def stop_after_two(payload):
        if payload.iri == f"{EX}graph/1":
            server.stop()

    options = LoadOptions(retries=2, backoff=0.05, timeout=5)
    with pytest.raises(LoadError) as info:
        load_store(store, server.url, options=options, on_graph=stop_after_two)
    message = str(info.value)
    assert "cannot connect" in message
    assert "gave up after 3 attempts" in message
    assert "2 graphs, 400 triples were loaded before this" in message
    assert "run the same kg load again" in message

    server.start()  # same directory, same port
    report = load_store(store, server.url, options=options)
    assert (report.graphs, report.triples) == (6, 1200)
    assert server.dataset() == set(store)  # the stale graph was replaced, nothing doubled


def test_cli_load_from_a_store_directory(server, tmp_path):
    store_dir = tmp_path / "store"
    disk = Store(str(store_dir))
    disk.extend(many_graphs(n=2, triples=5))
    disk.flush()
    del disk
    for _ in range(2):
        done = subprocess.run([sys.executable, "-m", "kg", "load", "--store", str(store_dir),
                               "--endpoint", server.url, "--store-type", "oxigraph",
                               "--graph-per-document", "--no-ontology"],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert "loaded 2 graphs, 10 triples" in done.stderr
    assert server.dataset() == set(many_graphs(n=2, triples=5))
    # without --no-ontology the ontology goes into a graph of its own
    done = subprocess.run([sys.executable, "-m", "kg", "load", "--store", str(store_dir),
                           "--endpoint", server.url], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "loaded 3 graphs" in done.stderr
    assert {q.graph_name.value for q in server.dataset()} >= {"https://w3id.org/kg-news/ns"}


def test_kg_load_entail_lets_a_store_without_reasoning_see_the_aligned_types(
        server, seed_store, seed_build):
    """Oxigraph does not reason: with ``kg load --entail`` a query in SEM, schema.org and
    W3C ORG terms finds the seed's events, people and positions; each graph is still
    replaced whole by a second load (no duplicates)."""
    sem_events = ("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { "
                  "?e a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> }")
    kg_events = ("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { "
                 "?e a <https://w3id.org/kg-news/ns#Event> }")

    def count(text: str) -> int:
        return int(server.select(text)["results"]["bindings"][0]["n"]["value"])

    load_store(seed_store, server.url, options=LoadOptions(timeout=30))
    assert count(sem_events) == 0
    report = load_store(seed_store, server.url, options=LoadOptions(timeout=30), entail=True)
    assert report.triples > len(seed_store)
    assert count(sem_events) == count(kg_events) > 0
    res = subprocess.run([sys.executable, "-m", "kg", "load", "--graph", str(seed_build[0]),
                          "--endpoint", server.url, "--entail", "--no-ontology"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert f"{report.triples} triples" in res.stderr  # the same graphs, replaced
    assert count(sem_events) == count(kg_events)
    assert server.select("ASK { ?m a <http://www.w3.org/ns/org#Membership> ; "
                         "<http://www.w3.org/ns/org#member> ?who . "
                         "?who a <https://schema.org/Person> }")["boolean"]
