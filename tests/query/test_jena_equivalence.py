"""Every library query gives the same rows on Oxigraph and on Apache Jena (issue 19).

Oxigraph runs each query as kg does (pyoxigraph, parameters bound by substitution, the
default graph the union of the document graphs, duplicates across graphs kept); Jena
runs the text ``kg query --print-sparql`` writes (parameters in VALUES blocks), parsed as
strict SPARQL 1.1, over an in-memory TDB2 dataset with ``tdb:unionDefaultGraph`` (Fuseki's
setting; a set union). Both run over the seed and over a generated 100-document graph,
with default parameters and with each parameter bound to a value found in the graph.
Rows are compared as multisets; where the query has ORDER BY, the order of its sort
columns too. A cell that joins several values with "; " is compared as the sorted list
of its parts (GROUP_CONCAT's order is the engine's).

Jena comes from Debian (apt-get install libapache-jena-java default-jre-headless, which
``.ci/run`` does as root); in CI (CI=true) its absence fails the test, locally it skips.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "rdf"))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import rdf_parsers as P

from kg.query import library, run_query, sparql_with_values
from kg.store import load_graph_file

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
RUNNER = Path(__file__).with_name("JenaQueries.java")
QUERIES = library()
KG = "https://w3id.org/kg-news/ns#"


def jena_classpath() -> str:
    cp = P.riot_classpath()
    if cp is None:
        message = ("Apache Jena or Java is not installed (apt-get install libapache-jena-java "
                   "default-jre-headless)")
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return cp


def run_jena(data: Path, queries: dict[str, str], work: Path) -> dict[str, dict]:
    """Run every query text in one JVM; name -> SPARQL JSON results (or {'error': ...})."""
    qdir, odir = work / "q", work / "out"
    qdir.mkdir(parents=True, exist_ok=True)
    odir.mkdir(parents=True, exist_ok=True)
    files = []
    for name, text in queries.items():
        path = qdir / f"{name}.rq"
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    proc = subprocess.run(["java", "-cp", jena_classpath(), str(RUNNER), str(data), str(odir),
                           *files], capture_output=True, text=True, timeout=900, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out: dict[str, dict] = {}
    for name in queries:
        err = odir / f"{name}.error"
        if err.exists():
            out[name] = {"error": err.read_text(encoding="utf-8")}
        else:
            out[name] = json.loads((odir / f"{name}.srj").read_text(encoding="utf-8"))
    return out


# -- values for the parameters, read from the graph ------------------------------------------
_NAME_CLASS = {"label": "Country", "agent": "GovernmentBody", "speaker": "Person",
               "addressee": "Organization", "organization": "Organization", "place": "City",
               "entity": "Person"}


def parameter_values(store) -> dict[str, str]:
    """A value for each parameter name of the library that selects something in the graph."""
    def first(query: str) -> str | None:
        for row in store.query(query, use_default_graph_as_union=True):
            return row[0].value
        return None

    def most_mentioned(cls: str) -> str | None:
        return first(f"PREFIX kg: <{KG}> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                     f"SELECT ?l WHERE {{ {{ SELECT ?e (COUNT(?m) AS ?n) WHERE {{ ?m kg:mentionOf"
                     f" ?e }} GROUP BY ?e }} ?e a kg:{cls} ; skos:prefLabel ?l }} "
                     "ORDER BY DESC(?n) ?l LIMIT 1")

    values = {name: most_mentioned(cls) for name, cls in _NAME_CLASS.items()}
    values["entity_iri"] = first(f"PREFIX kg: <{KG}> SELECT ?e WHERE {{ {{ SELECT ?e "
                                 "(COUNT(?m) AS ?n) WHERE { ?m kg:mentionOf ?e } GROUP BY ?e } "
                                 "} ORDER BY DESC(?n) ?e LIMIT 1")
    values["fact"] = first(f"PREFIX kg: <{KG}> SELECT ?f WHERE {{ ?f a kg:Deployment }} "
                           "ORDER BY ?f LIMIT 1")
    values["date"] = first(f"PREFIX kg: <{KG}> SELECT ?d WHERE {{ ?f a kg:Statement ; "
                           "kg:date ?d } ORDER BY ?d LIMIT 1")
    values["type"] = f"{KG}Person"
    values["factType"] = "Deployment"
    values["operationType"] = "CounterTerrorismOperation"
    return {k: v for k, v in values.items() if v is not None}


# Listings left out of the 100-document comparison (compared on the seed without a
# parameter, and about one thing on both graphs): Jena 4.5 takes more than 5 minutes for
# entity-profile without a parameter (the profile of every entity) on 100 documents, and
# 18 to 40 seconds each for timeline, mentions-of and entity-actions over every place,
# entity and agent (90 of the test's 135 seconds in Jena; Oxigraph answers each in under
# one second). Their bound forms still run on both graphs.
TOO_SLOW_ON_JENA = {"entity-profile", "timeline", "mentions-of", "entity-actions"}


def cases(values: dict[str, str], *, listings: bool = True
          ) -> dict[str, tuple[str, dict[str, str]]]:
    """case id -> (query name, parameters): defaults, then each parameter bound alone."""
    out: dict[str, tuple[str, dict[str, str]]] = {}
    for name, q in QUERIES.items():
        if listings or name not in TOO_SLOW_ON_JENA:
            out[name] = (name, {})
        for p in q.params:
            key = "entity_iri" if p.kind == "iri" and p.name == "entity" else p.name
            if key in values:
                out[f"{name}.{p.name}"] = (name, {p.name: values[key]})
    return out


# -- comparing rows ------------------------------------------------------------------------
# columns whose values are joined by a space (IRIs) rather than "; " or U+001F
_SPACE_JOINED = {"links", "sameAs"}


def _cell(term: dict | None, column: str):
    if term is None:
        return None
    value = term["value"]
    if term["type"] == "literal":
        for sep in ("; ", "\u001f") + ((" ",) if column in _SPACE_JOINED else ()):
            if sep in value:
                value = sep.join(sorted(value.split(sep)))
    kind = "iri" if term["type"] == "uri" else term["type"]
    return (kind, value, term.get("datatype"), term.get("xml:lang"))


def table(results: dict) -> tuple[list[str], list[tuple]]:
    header = results["head"]["vars"]
    return header, [tuple(_cell(b.get(v), v) for v in header)
                    for b in results["results"]["bindings"]]


def order_columns(text: str, header: list[str]) -> list[int]:
    m = re.search(r"^ORDER BY (.*)$", text, re.MULTILINE)
    if not m:
        return []
    names = re.findall(r"\?(\w+)", m.group(1))
    return [header.index(n) for n in names if n in header]


def sort_keys(rows: list[tuple], keys: list[int]) -> list[tuple]:
    """The sort columns of each row, in order; rows sorted on a joined cell are left out
    (the engine's GROUP_CONCAT order decides where they sort)."""
    out = []
    for row in rows:
        key = tuple(row[k] for k in keys)
        if not any(c and ("; " in c[1] or "\u001f" in c[1]) for c in key):
            out.append(key)
    return out


@pytest.fixture(scope="module")
def hundred_docs(tmp_path_factory) -> Path:
    """A generated corpus of 100 documents, built into N-Quads."""
    from generate import generate

    from kg.build import BuildOptions, build_to_file
    from kg.formats import GraphFormat
    from kg.ingest.sources import expand_sources

    corpus = tmp_path_factory.mktemp("corpus100")
    generate(75_000, corpus, seed=9)
    docs = sorted(p for p in corpus.iterdir() if p.name != "manifest.json" and p.is_file())
    for extra in docs[100:]:
        extra.unlink()
    out = tmp_path_factory.mktemp("g100") / "graph.nq"
    report = build_to_file(expand_sources([str(corpus)]), out, fmt=GraphFormat.NQ,
                           options=BuildOptions())
    assert report.built == 100, report
    return out


def check_graph(graph: Path, work: Path, *, listings: bool = True) -> list[str]:
    store = load_graph_file(graph)
    todo = cases(parameter_values(store), listings=listings)
    texts = {cid: sparql_with_values(QUERIES[name], params) for cid, (name, params) in todo.items()}
    jena = run_jena(graph, texts, work)
    problems = []
    for cid, (name, params) in todo.items():
        if "error" in jena[cid]:
            problems.append(f"{cid}: Jena: {jena[cid]['error']}")
            continue
        from pyoxigraph import QueryResultsFormat

        ox = json.loads(run_query(store, QUERIES[name], params)
                        .serialize(format=QueryResultsFormat.JSON))
        oh, orows = table(ox)
        jh, jrows = table(jena[cid])
        if oh != jh:
            problems.append(f"{cid}: columns differ: {oh} vs {jh}")
            continue
        if Counter(orows) != Counter(jrows):
            only_o = list((Counter(orows) - Counter(jrows)).elements())[:2]
            only_j = list((Counter(jrows) - Counter(orows)).elements())[:2]
            problems.append(f"{cid} {params}: {len(orows)} rows on Oxigraph, {len(jrows)} on "
                            f"Jena; only Oxigraph: {only_o}; only Jena: {only_j}")
            continue
        keys = order_columns(QUERIES[name].text, oh)
        if keys and sort_keys(orows, keys) != sort_keys(jrows, keys):
            problems.append(f"{cid}: the rows come in another order")
    return problems


@pytest.mark.slow
def test_seed_same_rows_on_oxigraph_and_jena(seed_build, tmp_path):
    jena_classpath()
    assert check_graph(seed_build[0], tmp_path) == []


@pytest.mark.slow
def test_hundred_documents_same_rows_on_oxigraph_and_jena(hundred_docs, tmp_path):
    jena_classpath()
    assert check_graph(hundred_docs, tmp_path, listings=False) == []


def test_every_parameter_has_a_values_block():
    """A store binds a parameter by its VALUES block, so every parameter needs one."""
    for name, q in QUERIES.items():
        code = "\n".join(line for line in q.text.splitlines() if not line.lstrip().startswith("#"))
        for p in q.params:
            assert re.search(r"VALUES\s+\?" + p.name + r"\s*\{", code), f"{name}: ?{p.name}"


def test_print_sparql_writes_values_as_escaped_terms():
    text = sparql_with_values(QUERIES["statements"],
                              {"speaker": 'A "b" \\ c', "date": "2022-01-10"})
    assert 'VALUES ?speaker { "A \\"b\\" \\\\ c" }' in text
    assert 'VALUES ?date { "2022-01-10"^^<http://www.w3.org/2001/XMLSchema#date> }' in text
    assert "UNDEF" not in "\n".join(line for line in text.splitlines()
                                    if not line.lstrip().startswith("#"))


def test_no_query_uses_lateral():
    for name, q in QUERIES.items():
        code = "\n".join(line.split("#")[0] for line in q.text.splitlines())
        assert "LATERAL" not in code.upper(), name
