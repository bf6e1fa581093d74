"""Query parameters are bound as terms, never spliced into SPARQL.

Injection attempts (quotes, braces, `DROP ALL`, IRIs with SPARQL after them,
newlines, comments) are run through kg/query.py and the CLI: a string
parameter finds exactly the entities whose label is that string, a typed
parameter that is not a valid IRI/date/number is a clear QueryError, the
store is never changed, and no extra rows appear. A differential check runs
every library query on two graphs that differ only in one label (hostile in
one, harmless in the other): the answers must match.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from pyoxigraph import Literal, NamedNode, Quad, Store
from reliability_strategies import examples, hostile_text

from kg.errors import QueryError
from kg.query import LibraryQuery, find_query, library, parse_params, rows, run_query
from kg.rdf.iri import IriMinter
from kg.rdf.mapping import map_document
from kg.records import (
    DocumentResult,
    Entity,
    EntityType,
    Fact,
    Mention,
    SourceDocument,
    Span,
    TimeExpr,
    Unit,
)

INJECTIONS = [
    '" } ; DROP ALL ; #',
    "\" } DELETE WHERE { ?s ?p ?o } #",
    "<http://x> . ?s ?p ?o",
    "x\" || true || \"",
    "') ; DROP ALL ; ('",
    "\"\"\" . } INSERT DATA { <http://e/s> <http://e/p> <http://e/o> } #",
    "a\nb } ; CLEAR ALL",
    "\\\" ; DROP ALL",
    "?s ?p ?o",
    "%22%7D%3B DROP ALL",
    "Robert'); DROP TABLE students;--",
    "\u202eLLA PORD",
    "",
]
SKOS_LABEL = NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
LOOKUP = """# title: Entities with this exact label
# description: Test query with one string parameter.
# param: name (string) The label.
# returns: entity
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?entity ?name WHERE { ?entity skos:prefLabel ?name }
ORDER BY ?entity
"""
TYPED = """# title: Typed parameters
# param: kind (iri) A class.
# param: day (date) A day.
# param: n (integer) A number.
# param: x (decimal) A decimal.
SELECT ?s ?kind ?day ?n ?x WHERE { ?s a ?kind }
"""


@pytest.fixture(scope="module")
def queries(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rq")
    (folder / "lookup.rq").write_text(LOOKUP, encoding="utf-8")
    (folder / "typed.rq").write_text(TYPED, encoding="utf-8")
    return {"lookup": find_query(str(folder / "lookup.rq")),
            "typed": find_query(str(folder / "typed.rq")), "folder": folder}


def label_store(labels: dict[str, str]) -> Store:
    store = Store()
    g = NamedNode("http://example.org/graph")
    store.extend(Quad(NamedNode(f"http://example.org/e/{k}"), SKOS_LABEL, Literal(v), g)
                 for k, v in labels.items())
    return store


def lookup(store: Store, query: LibraryQuery, value: str) -> list[str]:
    _, found = rows(run_query(store, query, {"name": value}))
    return [r[0] for r in found]


def expected(labels: dict[str, str], value: str) -> list[str]:
    """Entities labelled ``value``; an empty value leaves the parameter unbound: all."""
    return sorted(f"http://example.org/e/{k}" for k, v in labels.items()
                  if v == value or value == "")


@pytest.mark.parametrize("value", INJECTIONS)
def test_string_parameter_is_one_literal(queries, value):
    labels = {"plain": "Ann Hale", "hostile": value, "decoy": value + " ", "all": "?s ?p ?o x"}
    store = label_store(labels)
    before = set(store)
    assert lookup(store, queries["lookup"], value) == expected(labels, value)
    assert lookup(store, queries["lookup"], "no such label") == []
    assert set(store) == before  # nothing dropped, deleted or inserted


@examples(600)
@given(value=hostile_text, other=hostile_text)
def test_any_string_parameter_finds_exactly_its_label(queries, value, other):
    labels = {"a": value, "b": other, "c": "Ann Hale"}
    store = label_store(labels)
    assert lookup(store, queries["lookup"], value) == expected(labels, value)
    assert len(store) == 3


@pytest.mark.parametrize("value", INJECTIONS[:9])
@pytest.mark.parametrize("param", ["kind", "day", "n", "x"])
def test_typed_parameter_refuses_what_is_not_its_type(queries, param, value):
    store = label_store({"a": "Ann"})
    with pytest.raises(QueryError) as info:
        run_query(store, queries["typed"], {param: value})
    assert f"parameter {param!r} needs a valid" in str(info.value)
    assert len(store) == 1


def test_unknown_parameter_is_refused(queries):
    with pytest.raises(QueryError, match="has no parameter"):
        run_query(Store(), queries["lookup"], {"name": "x", "evil } ; DROP ALL": "y"})


def test_param_values_keep_equals_signs_and_spaces():
    assert parse_params(['name=a = b } ; DROP ALL ; #=']) == {"name": "a = b } ; DROP ALL ; #="}


# --- every library query: a hostile label behaves exactly like a harmless one --------------

HOSTILE = '" } ; DROP ALL ; # <http://x> . ?s ?p ?o'
HARMLESS = "Annabel Hale-Junior of Northern Varnland"  # as long: the same offsets
assert len(HARMLESS) == len(HOSTILE)


def small_graph(name: str) -> Store:
    """A hand-built document in which one person, group and place are called ``name``."""
    text = (f"{name} said on Monday that {name} troops were sent to {name}. "
            f"The council asked {name} for help.")
    n = len(text)
    unit = Unit(index=0, kind="article", start=0, end=n, text=text)
    doc = SourceDocument(doc_id="injection", path="injection.txt", text=text, sha256="0" * 64,
                         title="Title", published=date(2022, 1, 10), units=[unit])
    k = len(name)
    p1 = text.index(" troops") - k
    p2 = text.index(". The council") - k
    p3 = text.index(" for help") - k
    speaker = Mention(0, k, name, EntityType.PERSON, 0, (0, n), "ner:PERSON")
    group = Mention(p1, p1 + k, name, EntityType.ARMED_FORCE, 0, (0, n), "ner:ORG")
    place = Mention(p2, p2 + k, name, EntityType.CITY, 0, (0, n), "ner:GPE")
    asked = Mention(p3, p3 + k, name, EntityType.PERSON, 0, (0, n), "ner:PERSON")
    council = Mention(text.index("The council"), text.index(" asked"), "The council",
                      EntityType.GOVERNMENT_BODY, 0, (0, n), "rule:body")
    entities = [
        Entity(key=f"person:{name}", name=name, type=EntityType.PERSON,
               mentions=[speaker, asked]),
        Entity(key=f"armedforce:{name}", name=name, type=EntityType.ARMED_FORCE, mentions=[group]),
        Entity(key=f"city:{name}", name=name, type=EntityType.CITY, mentions=[place]),
        Entity(key="governmentbody:the council", name="The council",
               type=EntityType.GOVERNMENT_BODY, mentions=[council]),
    ]
    when = TimeExpr("on Monday", "2022-01-10", "day")
    stamp = datetime(2022, 1, 10, 5, 1, tzinfo=UTC)
    facts = [
        Fact("Statement", "event", {"speaker": [speaker], "quote": ["help is coming"],
                                    "date": [when]}, 0, (0, n), "statement/test", 0.9,
             trigger=Span(k + 1, k + 5, "said"), reported=stamp),
        Fact("Deployment", "event", {"agent": [speaker], "theme": [group], "location": [place],
                                     "date": [when]}, 0, (0, n), "deployment/test", 0.8,
             reported=stamp),
        Fact("Request", "event", {"agent": [council], "addressee": [asked],
                                  "purpose": ["help"]}, 0, (0, n), "request/test", 0.8),
        Fact("Membership", "relation", {"member": [speaker], "group": [group]}, 0, (0, n),
             "membership/test", 0.7),
    ]
    result = DocumentResult(document=doc, sentences=[(0, 0, n)], entities=entities, facts=facts)
    store = Store()
    store.extend(map_document(result, IriMinter()))
    return store


def answer(store: Store, query: LibraryQuery, params: dict[str, str], name: str):
    """Header and sorted rows with the name, its slug and fact hashes made neutral."""
    header, found = rows(run_query(store, query, params))
    name_slug = IriMinter().entity("x", name).value.rsplit("/", 1)[1]

    def neutral(cell):
        if cell is None:
            return None
        # the name, its kg:labelKey (the name in lower case) and its slug
        cell = cell.replace(name, "NAME").replace(name.lower(), "NAME").replace(name_slug, "SLUG")
        return re.sub(r"/[0-9a-f]{12}\b", "/FACT", cell)

    norm = [[neutral(c) for c in row] for row in found]
    return header, sorted(norm, key=lambda r: [str(c) for c in r])


def string_params():
    out = []
    for name, q in sorted(library().items()):
        for p in q.params:
            if p.kind in ("string", "literal"):
                out.append(pytest.param(name, p.name, id=f"{name}:{p.name}"))
    return out


@pytest.mark.parametrize("query_name,param", string_params())
def test_library_queries_treat_a_hostile_label_like_a_harmless_one(query_name, param):
    query = library()[query_name]
    hostile, harmless = small_graph(HOSTILE), small_graph(HARMLESS)
    size = len(hostile)
    got = answer(hostile, query, {param: HOSTILE}, HOSTILE)
    want = answer(harmless, query, {param: HARMLESS}, HARMLESS)
    assert got == want
    for value in INJECTIONS:
        if value:
            header, found = rows(run_query(hostile, query, {param: value}))
            assert header == got[0]
            assert found == [], (value, found)  # no label equals the attempt: no rows
    assert len(hostile) == size


def test_the_differential_check_sees_rows():
    """Most string-parameter queries find the hostile name, so equal answers mean something."""
    params = string_params()
    assert params, "no library query takes a string parameter any more"
    hostile = small_graph(HOSTILE)
    found = [p for p in params
             if rows(run_query(hostile, library()[p.values[0]], {p.values[1]: HOSTILE}))[1]]
    assert len(found) * 2 >= len(params), [p.id for p in found]


# --- through the command line --------------------------------------------------------------

def test_cli_binds_hostile_values(queries, tmp_path):
    graph = tmp_path / "g.nq"
    store = label_store({"a": INJECTIONS[0], "b": "Ann Hale"})
    from kg.formats import GraphFormat
    from kg.store import export_store

    export_store(store, graph, GraphFormat.NQ)
    run = [sys.executable, "-m", "kg", "query", str(queries["folder"] / "lookup.rq"),
           "--graph", str(graph), "--format", "csv"]
    res = subprocess.run([*run, "--param", f"name={INJECTIONS[0]}"], capture_output=True,
                         text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines()[0] == "entity,name"
    assert [ln.split(",")[0] for ln in res.stdout.splitlines()[1:]] == ["http://example.org/e/a"]
    res = subprocess.run([*run, "--param", "name=<http://x> . ?s ?p ?o"], capture_output=True,
                         text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.split() == ["entity,name"]
    typed = [sys.executable, "-m", "kg", "query", str(queries["folder"] / "typed.rq"),
             "--graph", str(graph), "--param", "kind=<http://x> . ?s ?p ?o"]
    res = subprocess.run(typed, capture_output=True, text=True, timeout=120)
    assert res.returncode == 2
    assert "parameter 'kind' needs a valid iri" in res.stderr and "Traceback" not in res.stderr
