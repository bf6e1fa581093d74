"""The query library: every query parses, runs on the seed graph with and without its
parameters, and returns the columns its header promises; the store engineer's queries
are also checked row by row on small hand-built graphs (made by the real mapper)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pyoxigraph import Store

# the hand-built graph helpers (real records through the real mapper) live with the
# evaluation tests; share them rather than copy them
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "evaluate"))
from eval_builders import TinyDoc, qty, when

from kg.errors import QueryError
from kg.query import LibraryQuery, find_query, library, rows, run_query
from kg.store import load_graph_file

KINDS = {"iri": "urn:kg-test:nothing", "string": "nobody in particular", "date": "2020-02-29",
         "integer": "3", "decimal": "2.5", "literal": "x", "key": "nobody in particular"}


@pytest.fixture(scope="module")
def seed_store(seed_build) -> Store:
    return load_graph_file(seed_build[0])


def returns(q: LibraryQuery) -> list[str]:
    return [c.strip() for c in q.returns.split(",") if c.strip()]


def run(store: Store, name: str, **params) -> tuple[list[str], list[dict[str, str | None]]]:
    header, data = rows(run_query(store, find_query(name), params))
    return header, [dict(zip(header, r, strict=True)) for r in data]


def test_library_has_at_least_12_documented_queries():
    queries = library()
    assert len(queries) >= 12
    for name, q in queries.items():
        assert q.title, name
        assert q.description, name
        assert returns(q), f"{name}: no '# returns:' line"
        for p in q.params:
            assert p.description, f"{name}: parameter {p.name} has no description"


@pytest.mark.parametrize("name", sorted(library()))
def test_query_runs_on_the_seed_with_its_promised_columns(seed_store, name):
    q = find_query(name)
    header, _ = rows(run_query(seed_store, q))
    promised = returns(q)
    assert [c for c in header if c in promised] == promised, (
        f"{name}: SELECT gives {header}, header promises {promised}")
    # every parameter can be bound (pyoxigraph needs it in the projection)
    for p in q.params:
        h, _ = rows(run_query(seed_store, q, {p.name: KINDS[p.kind]}))
        assert h == header


def test_a_parameter_missing_from_the_projection_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.rq"
    path.write_text("# title: Bad\n# param: who (string) Someone.\n# returns: s\n"
                    "SELECT ?s WHERE { ?s ?p ?who }\n", encoding="utf-8")
    with pytest.raises(QueryError, match="parameter must be a variable the query SELECTs"):
        run_query(Store(), find_query(str(path)), {"who": "x"})


def test_rows_follow_the_projection_order_with_none_for_unbound():
    solutions = Store().query('SELECT ?b ?a ?c ?d WHERE { BIND(1 AS ?a) BIND("x" AS ?b) '
                              'BIND(<urn:kg-test:d> AS ?d) }')
    assert rows(solutions) == (["b", "a", "c", "d"], [["x", "1", None, "urn:kg-test:d"]])


# --- on the seed ------------------------------------------------------------------------

def test_seed_documents(seed_store, seed_build):
    _, data = run(seed_store, "documents")
    assert len(data) == 1
    row = data[0]
    assert row["title"] and row["published"] and row["updated"]
    assert int(row["updates"]) > 1 and int(row["sentences"]) > 10
    assert int(row["facts"]) == seed_build[1].facts
    assert len(row["contentHash"]) == 64


def test_seed_entities_by_type_have_links(seed_store):
    _, data = run(seed_store, "entities-by-type")
    assert len(data) > 10
    assert [int(r["mentions"]) for r in data] == sorted((int(r["mentions"]) for r in data),
                                                         reverse=True)
    linked = [r for r in data if r["geonames"]]
    assert linked, "no place has a GeoNames IRI"
    assert all(r["geonames"].startswith("http://sws.geonames.org/") for r in linked)
    assert all(r["countryCode"] for r in data if r["class"] == "Country")
    _, people = run(seed_store, "entities-by-type",
                    type="https://w3id.org/kg-news/ns#Person")
    assert people and {r["class"] for r in people} == {"Person"}


def test_seed_profile_and_mentions_agree(seed_store):
    _, ents = run(seed_store, "entities-by-type")
    top = ents[0]
    _, profile = run(seed_store, "entity-profile", entity=top["entity"])
    assert {r["entity"] for r in profile} == {top["entity"]}
    mentioned = [r for r in profile if r["relation"] == "mentioned in"]
    assert sum(int(r["value"]) for r in mentioned) == int(top["mentions"])
    _, mentions = run(seed_store, "mentions-of", entity=top["entity"])
    assert len(mentions) == int(top["mentions"])


def test_seed_fact_provenance_covers_every_fact(seed_store, seed_build):
    _, data = run(seed_store, "fact-provenance")
    assert len({r["fact"] for r in data}) == seed_build[1].facts
    for r in data:
        assert r["sentence"] and r["docId"] and r["rule"] and r["confidence"]
        assert int(r["begin"]) < int(r["end"])


@pytest.mark.parametrize("name", ["entities", "entities-by-type"])
def test_entities_of_one_class_are_the_listing_rows_of_that_class(seed_store, name):
    """With ``type`` bound, the entities are looked up from the class and their values
    aggregated per entity (issue 19, speed); the rows must be the listing's rows of that
    class, values and unbound cells alike (an entity without aliases or links has them
    unbound, not the empty string an aggregate over nothing would give)."""
    header, listing = rows(run_query(seed_store, find_query(name)))
    col = header.index("type")
    classes = {r[col] for r in listing}
    assert len(classes) >= 3
    for cls in sorted(classes):
        _, one = rows(run_query(seed_store, find_query(name), {"type": cls}))
        assert sorted(map(tuple, one), key=str) == sorted(
            (tuple(r) for r in listing if r[col] == cls), key=str), cls
    _, data = run(seed_store, name)
    multi = ["aliases", "links"] if name == "entities" else ["sameAs", "within"]
    for column in multi:
        assert all(r[column] != "" for r in data), column
        assert any(r[column] is None for r in data), column


# --- on hand-built graphs ---------------------------------------------------------------

@pytest.fixture(scope="module")
def river_store() -> Store:
    """Two documents about floods in an invented town, with figures that change."""
    a = TinyDoc("Floods in Varnholm killed 12 people on Monday.",
                "Mayor Ida Brekke said rescuers had deployed 40 boats in Varnholm.",
                "By Tuesday the death toll in Varnholm had risen to 19.",
                doc_id="flood-a")
    v1, v2, v3 = (a.mention("Varnholm", "City", nth=i) for i in range(3))
    brekke = a.mention("Ida Brekke", "Person", aliases=("Brekke",))
    f1 = a.fact("Casualties", 0, location=v1, quantity=qty(12, "12 people", "people"),
                date=when("2031-03-03", "on Monday"))
    a.fact("Deployment", 1, agent=brekke, location=v2, quantity=qty(40, "40 boats", "boat"))
    f3 = a.fact("Casualties", 2, location=v3, quantity=qty(19, "19", "people"),
                date=when("2031-03-04", "By Tuesday"))
    f3.unit = 1  # a later update of the live page
    f1.reported = datetime(2031, 3, 3, 9, 0, tzinfo=UTC)
    f3.reported = datetime(2031, 3, 4, 9, 0, tzinfo=UTC)
    b = TinyDoc("Officials in Varnholm put the number of dead at 12.", doc_id="flood-b")
    b.fact("Casualties", 0, location=b.mention("Varnholm", "City"),
           quantity=qty(12, "12", "people"))
    store = a.store()
    b.store(store)
    return store


def test_conflicting_figures_across_updates_and_documents(river_store):
    _, data = run(river_store, "conflicting-figures")
    assert {(r["type"], r["about"], r["unit"], float(r["value"]), r["docId"]) for r in data} == {
        ("Casualties", "Varnholm", "people", 12.0, "flood-a"),
        ("Casualties", "Varnholm", "people", 19.0, "flood-a"),
        ("Casualties", "Varnholm", "people", 12.0, "flood-b"),
    }
    a_rows = [r for r in data if r["docId"] == "flood-a"]
    assert [float(r["value"]) for r in sorted(a_rows, key=lambda r: r["reported"])] == [12, 19]
    _, none = run(river_store, "conflicting-figures", factType="deployment")
    assert none == []


def test_conflicting_figures_need_the_same_anchor_in_the_same_role():
    """A figure about a place and one about that place as an agent do not disagree: the
    pair is joined on class, role, anchor and unit (issue 19 rewrote that join)."""
    a = TinyDoc("Floods in Varnholm killed 12 people.", "Varnholm said 19 people died.",
                "Floods in Varnholm killed 19 people.", doc_id="roles")
    f = a.fact("Casualties", 0, location=a.mention("Varnholm", "City", nth=0),
               quantity=qty(12, "12 people", "people"))
    g = a.fact("Casualties", 1, agent=a.mention("Varnholm", "City", nth=1),
               quantity=qty(19, "19 people", "people"))
    g.unit = 1
    _, data = run(a.store(), "conflicting-figures")
    assert data == []
    h = a.fact("Casualties", 2, location=a.mention("Varnholm", "City", nth=2),
               quantity=qty(19, "19 people", "people"))
    h.unit = 1
    assert f.unit != h.unit
    _, data = run(a.store(), "conflicting-figures", factType="CASUALTIES")
    assert sorted(float(r["value"]) for r in data) == [12.0, 19.0]
    _, other = run(a.store(), "conflicting-figures", factType="Deployment")
    assert other == []


def test_no_conflict_when_figures_agree():
    a = TinyDoc("Floods in Varnholm killed 12 people.", "Varnholm counts 12 dead.")
    f = a.fact("Casualties", 0, location=a.mention("Varnholm", "City", nth=0),
               quantity=qty(12, "12 people", "people"))
    g = a.fact("Casualties", 1, location=a.mention("Varnholm", "City", nth=1),
               quantity=qty(12, "12", "people"))
    g.unit = 1
    assert f.unit != g.unit
    _, data = run(a.store(), "conflicting-figures")
    assert data == []


def test_fact_provenance_by_type_and_entity(river_store):
    _, data = run(river_store, "fact-provenance", factType="deployment")
    assert len(data) == 1
    row = data[0]
    assert row["type"] == "Deployment"
    assert row["sentence"] == "Mayor Ida Brekke said rescuers had deployed 40 boats in Varnholm."
    assert row["docId"] == "flood-a"
    assert row["rule"].lower().endswith("/rule/test%2fdeployment")
    assert float(row["confidence"]) == pytest.approx(0.9)
    _, by_alias = run(river_store, "fact-provenance", entity="BREKKE")
    assert [r["fact"] for r in by_alias] == [row["fact"]]
    _, one = run(river_store, "fact-provenance", fact=row["fact"])
    assert [r["fact"] for r in one] == [row["fact"]]
    _, everything = run(river_store, "fact-provenance")
    assert len(everything) == 4
    assert [int(r["begin"]) for r in everything if r["docId"] == "flood-a"] == sorted(
        int(r["begin"]) for r in everything if r["docId"] == "flood-a")


def test_entity_profile_by_alias(river_store):
    _, data = run(river_store, "entity-profile", label="brekke")
    assert {r["name"] for r in data} == {"Ida Brekke"}
    relations = {r["relation"] for r in data}
    assert {"prefLabel", "altLabel", "agent of Deployment", "mentioned in"} <= relations
    deployment = next(r for r in data if r["relation"] == "agent of Deployment")
    assert "40 boats" in deployment["sentence"]
    _, town = run(river_store, "entity-profile", label="Varnholm")
    counts = {r["valueLabel"] or r["source"]: int(r["value"]) for r in town
              if r["relation"] == "mentioned in"}
    assert sorted(counts.values()) == [1, 3]
    assert sum(1 for r in town if r["relation"] == "location of Casualties") == 3


def test_mentions_of_in_text_order(river_store):
    _, data = run(river_store, "mentions-of", label="varnholm")
    a = [r for r in data if r["docId"] == "flood-a"]
    assert [r["surface"] for r in a] == ["Varnholm"] * 3
    assert [int(r["begin"]) for r in a] == sorted(int(r["begin"]) for r in a)
    assert all(r["sentence"] and "Varnholm" in r["sentence"] for r in data)
    _, nobody = run(river_store, "mentions-of", label="Nobody Here")
    assert nobody == []


def test_documents_counts(river_store):
    _, data = run(river_store, "documents")
    by_id = {r["docId"]: r for r in data}
    assert set(by_id) == {"flood-a", "flood-b"}
    assert (int(by_id["flood-a"]["facts"]), int(by_id["flood-a"]["sentences"])) == (3, 3)
    assert int(by_id["flood-a"]["mentions"]) == 4
    assert int(by_id["flood-b"]["facts"]) == 1


def _fact_classes_in(text: str) -> set[str]:
    """The kg: class names of a query's `VALUES ?class { ... }` block."""
    import re

    block = re.search(r"VALUES \?class \{([^}]*)\}", text)
    assert block, "no VALUES ?class block"
    return set(re.findall(r"kg:(\w+)", block.group(1)))


def test_fact_class_lists_match_the_ontology():
    """fact-provenance lists kg's event and relation classes instead of reading the type of
    every fact (issue 19, speed): the list must be the ontology's, or a new class would be
    left out of the listing."""
    from pyoxigraph import RdfFormat

    from kg.resources import ontology_dir

    onto = Store()
    onto.load(path=str(ontology_dir() / "kg.ttl"), format=RdfFormat.TURTLE)
    ns = "https://w3id.org/kg-news/ns#"
    expected = {row[0].value.removeprefix(ns) for row in onto.query(
        "PREFIX kg: <https://w3id.org/kg-news/ns#> "
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT DISTINCT ?c WHERE { VALUES ?k { kg:Event kg:Relation } "
        "?c rdfs:subClassOf+ ?k }")}
    assert expected
    text = find_query("fact-provenance").text
    assert _fact_classes_in(text) == expected
    # the same list where a FILTER(?foundClass IN (...)) checks an entity's facts
    import re

    listed = re.search(r"FILTER\(\?foundClass IN \(([^)]*)\)\)", text)
    assert listed and set(re.findall(r"kg:(\w+)", listed.group(1))) == expected


def test_a_name_matches_every_entity_whose_label_has_its_case_folded_form():
    """kg:labelKey makes the match a lookup; it must stay case-insensitive: labels that
    differ only in case may name different entities (IBADAN the city, Ibadan a person)."""
    d = TinyDoc("IBADAN was calm.", "Ibadan spoke to reporters.", doc_id="ibadan")
    d.mention("IBADAN", "City")
    d.mention("Ibadan", "Person")
    store = d.store()
    for asked in ("ibadan", "IBADAN", "IbAdAn"):
        _, data = run(store, "mentions-of", label=asked)
        assert sorted((r["name"], r["surface"]) for r in data) == [
            ("IBADAN", "IBADAN"), ("Ibadan", "Ibadan")], asked
        _, profile = run(store, "entity-profile", label=asked)
        assert {r["name"] for r in profile} == {"IBADAN", "Ibadan"}
        assert "labelKey" not in {r["relation"] for r in profile}  # the key repeats a label


def test_a_key_parameter_is_bound_from_its_name_in_lower_case(tmp_path):
    from kg.query import bind_parameters, sparql_with_values

    q = find_query("mentions-of")
    subs = {v.value: t.value for v, t in bind_parameters(q, {"label": "VarnHOLM"}).items()}
    assert subs == {"label": "VarnHOLM", "labelKey": "varnholm"}
    assert bind_parameters(q, {}) == {}
    given = bind_parameters(q, {"label": "A", "labelKey": "b"})  # given, it is kept
    assert {v.value: t.value for v, t in given.items()} == {"label": "A", "labelKey": "b"}
    text = sparql_with_values(q, {"label": "Ümit"})
    assert 'VALUES ?labelKey { "ümit" }' in text and 'VALUES ?label { "Ümit" }' in text
    bad = tmp_path / "bad.rq"
    bad.write_text("# title: Bad\n# param: nameKey (key of name) Its key.\n# returns: s\n"
                   "SELECT ?s ?nameKey WHERE { ?s ?p ?nameKey }\n", encoding="utf-8")
    with pytest.raises(QueryError, match="does not declare"):
        find_query(str(bad))


def test_statements_of_a_speaker_name_every_speaker_as_the_listing_does():
    """With a speaker, its labels are read once per entity and only the statement's other
    speakers are looked up per statement (issue 19, speed): a statement's ``who`` must be
    the listing's, with every label the asked-for speaker has in any document (here two
    that differ in case, one per document) and its co-speaker's label."""
    a = TinyDoc("Ida Brekke and Tor Lund said the dam held.", doc_id="dam-a")
    a.fact("Statement", 0, speaker=[a.mention("Ida Brekke", "Person"),
                                    a.mention("Tor Lund", "Person")],
           quote="the dam held")
    b = TinyDoc("IDA BREKKE said the river fell.", doc_id="dam-b")
    b.fact("Statement", 0, speaker=b.mention("IDA BREKKE", "Person"), quote="the river fell")
    c = TinyDoc("Tor Lund said the rain stopped.", doc_id="dam-c")
    c.fact("Statement", 0, speaker=c.mention("Tor Lund", "Person"), quote="the rain stopped")
    store = a.store()
    b.store(store)
    c.store(store)

    def who(data):
        return {r["fact"]: sorted(r["who"].split("; ")) for r in data}

    _, listing = run(store, "statements")
    _, asked = run(store, "statements", speaker="ida brekke")
    assert len(listing) == 3 and len(asked) == 2
    assert who(asked) == {f: w for f, w in who(listing).items() if f in who(asked)}
    assert sorted(who(asked).values()) == [["IDA BREKKE", "Ida Brekke"],
                                           ["IDA BREKKE", "Ida Brekke", "Tor Lund"]]
    _, co = run(store, "statements", speaker="Tor Lund")
    assert len(co) == 2
    assert who(co) == {f: w for f, w in who(listing).items() if f in who(co)}
