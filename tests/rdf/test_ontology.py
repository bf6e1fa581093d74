"""ontology/kg.ttl: closed vocabulary both ways, documented, design table covered, OWL RL."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdf_samples import every_kind

from kg.rdf.vocab import ACE, KG, KG_NS, PLOVER, PREFIXES, RDF, RDFS, SKOS
from kg.records import EntityType
from kg.resources import ontology_dir
from kg.store import load_graph_file
from kg.validate import ontology_path, owl_rl_inconsistencies

ROOT = Path(__file__).resolve().parents[2]
OWL_NS = "http://www.w3.org/2002/07/owl#"


@pytest.fixture(scope="module")
def onto() -> ox.Store:
    st = ox.Store()
    st.load(path=str(ontology_path()), format=ox.RdfFormat.TURTLE)
    return st


def kg_terms_used(st: ox.Store) -> set[str]:
    terms = set()
    for q in st:
        for node in (q.subject, q.predicate, q.object):
            if isinstance(node, ox.NamedNode) and node.value.startswith(KG_NS):
                terms.add(node.value[len(KG_NS):])
    return terms


def declared(st: ox.Store) -> dict[str, str]:
    """kg term -> its OWL kind (Class, ObjectProperty, DatatypeProperty)."""
    out = {}
    for kind in ("Class", "ObjectProperty", "DatatypeProperty"):
        for q in st.quads_for_pattern(None, RDF.type, ox.NamedNode(OWL_NS + kind)):
            if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(KG_NS):
                out[q.subject.value[len(KG_NS):]] = kind
    return out


def test_every_vocab_term_is_declared(onto):
    missing = KG.terms - set(declared(onto))
    assert not missing, f"in kg/rdf/vocab.py but not declared in ontology/kg.ttl: {missing}"


def test_every_ontology_term_is_in_vocab(onto):
    extra = kg_terms_used(onto) - KG.terms
    assert not extra, f"used in ontology/kg.ttl but not in kg/rdf/vocab.py KG: {extra}"


def test_terms_have_label_comment_domain_range(onto):
    problems = []
    for term, kind in declared(onto).items():
        node = KG[term]
        for p in (RDFS.label, RDFS.comment):
            if not list(onto.quads_for_pattern(node, p, None)):
                problems.append(f"kg:{term} lacks {p.value}")
        if kind != "Class":
            for p in (RDFS.domain, RDFS.range):
                if len(list(onto.quads_for_pattern(node, p, None))) != 1:
                    problems.append(f"kg:{term} needs exactly one {p.value}")
    assert not problems, problems


def test_ontology_is_versioned(onto):
    ont = ox.NamedNode(KG_NS.rstrip("#"))
    assert list(onto.quads_for_pattern(ont, RDF.type, ox.NamedNode(OWL_NS + "Ontology")))
    version = list(onto.quads_for_pattern(ont, ox.NamedNode(OWL_NS + "versionIRI"), None))
    assert len(version) == 1 and version[0].object.value.startswith(KG_NS.rstrip("#") + "/")


def test_alignments_use_known_vocabularies(onto):
    """Every external term the ontology points to is in a namespace kg declares a prefix for."""
    known = tuple(v for k, v in PREFIXES.items() if k != "kg")
    external = {q.object.value for p in (RDFS.subClassOf, RDFS.subPropertyOf, *_MATCHES)
                for q in onto.quads_for_pattern(None, p, None)
                if isinstance(q.object, ox.NamedNode) and not q.object.value.startswith(KG_NS)}
    assert external, "the ontology should align to external vocabularies"
    assert all(iri.startswith(known) for iri in external), sorted(external)


_MATCHES = (SKOS.closeMatch, SKOS.relatedMatch)
# event classes neither PLOVER nor ACE 2005 has a type for (docs/ontology.md says why)
_UNMATCHED = {"Event", "Statement"}


def _event_classes(st: ox.Store) -> set[str]:
    """kg:Event and every class below it (transitively)."""
    found, todo = set(), [KG.Event]
    while todo:
        node = todo.pop()
        found.add(node.value[len(KG_NS):])
        todo.extend(q.subject for q in st.quads_for_pattern(None, RDFS.subClassOf, node)
                    if q.subject.value.startswith(KG_NS)
                    and q.subject.value[len(KG_NS):] not in found)
    return found


def test_event_classes_align_to_plover_or_ace(onto):
    """Every event class has a PLOVER or ACE 2005 match, each a declared, defined concept."""
    problems = []
    for kind in sorted(_event_classes(onto) - _UNMATCHED):
        targets = [q.object for p in _MATCHES for q in onto.quads_for_pattern(KG[kind], p, None)]
        if not any(t.value.startswith((PLOVER.iri, ACE.iri)) for t in targets):
            problems.append(f"kg:{kind} has no PLOVER or ACE match")
        for t in targets:
            if not list(onto.quads_for_pattern(t, RDF.type, SKOS.Concept)) or \
                    not list(onto.quads_for_pattern(t, SKOS.definition, None)):
                problems.append(f"{t.value} is not a declared skos:Concept with a definition")
    assert not problems, problems
    doc = (ROOT / "docs" / "ontology.md").read_text(encoding="utf-8")
    missing = [k for k in _event_classes(onto) - {"Event"} if f"| `kg:{k}` |" not in doc]
    assert not missing, f"docs/ontology.md's alignment table lacks {missing}"


def _design_table() -> list[tuple[list[str], list[str]]]:
    text = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
    section = text[text.index("Roles by type"):]
    rows = []
    for line in section.splitlines():
        m = re.match(r"^\|\s*([A-Z][^|]*?)\s*\|\s*([^|]+?)\s*\|$", line)
        if m:
            types = re.findall(r"[A-Z][A-Za-z]+", re.sub(r"\(.*?\)", "", m.group(1)))
            roles = re.findall(r"[a-z][A-Za-z]+", re.sub(r"\(.*?\)", "", m.group(2)))
            rows.append((types, roles))
    return rows


def test_design_table_classes_and_roles_are_declared(onto):
    rows = _design_table()
    assert len(rows) >= 15, "could not read the roles table of docs/design.md"
    have = declared(onto)
    problems = []
    for types, roles in rows:
        for t in types:
            if have.get(t) != "Class":
                problems.append(f"class kg:{t}")
        for r in roles:
            if r not in have:
                problems.append(f"property kg:{r}")
    assert not problems, f"design table terms not declared: {problems}"


def test_entity_types_are_classes_below_entity(onto):
    for t in EntityType:
        node = KG[t.value]
        parents = set()
        frontier = [node]
        while frontier:
            n = frontier.pop()
            for q in onto.quads_for_pattern(n, RDFS.subClassOf, None):
                if q.object not in parents:
                    parents.add(q.object)
                    frontier.append(q.object)
        assert KG.Entity in parents, t


def test_ontology_dir_is_the_one_kg_reads():
    assert ontology_path() == ontology_dir() / "kg.ttl"


# --- OWL 2 RL --------------------------------------------------------------------------------
def test_owl_rl_sample_is_consistent():
    assert owl_rl_inconsistencies(every_kind().store()) == []


def test_owl_rl_finds_a_clash():
    """The check can fail: a person used as a location clashes with Person ⊓ Place = ∅."""
    st = every_kind().store()
    fact = next(iter(st.quads_for_pattern(None, RDF.type, KG.Riot))).subject
    person = next(iter(st.quads_for_pattern(None, RDF.type, KG.Person))).subject
    st.add(ox.Quad(fact, KG.location, person, next(iter(st.named_graphs()))))
    errors = owl_rl_inconsistencies(st)
    assert any("Person" in e and "Place" in e for e in errors), errors


@pytest.mark.slow
def test_owl_rl_seed_is_consistent(seed_build):
    path, _ = seed_build
    assert owl_rl_inconsistencies(load_graph_file(path)) == []
