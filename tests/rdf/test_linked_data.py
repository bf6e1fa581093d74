"""Linked data (issue 19): compact JSON-LD with kg's @context that pyld frames, RDF/XML,
W3C ORG positions and memberships, ITS 2.0 mentions, and ``--entail``.

Graphs are compared as sets of quads: kg mints no blank nodes, so two graphs are
isomorphic exactly when their statements are equal.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
import rdflib
from pyld import jsonld
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store, parse, serialize
from rdf_samples import SampleDoc, every_kind, nasty_labels

from kg.errors import OutputError
from kg.formats import GraphFormat
from kg.rdf.alignments import alignments
from kg.rdf.iri import IriMinter
from kg.rdf.mapping import map_document
from kg.rdf.vocab import ITSRDF, KG, KG_NS, ORG, PREFIXES, PROV, RDF, SEM, SKOS
from kg.store import serialize_store
from kg.store.jsonld import build_context, context_path, context_text
from kg.validate import ontology_path, validate_store

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own
KG_CLI = [sys.executable, "-m", "kg"]
SAMPLES = {"every-kind": every_kind, "nasty": nasty_labels}


def written(store: Store, fmt: GraphFormat, *, entail: bool = False) -> bytes:
    buffer = io.BytesIO()
    serialize_store(store, fmt, buffer, entail=entail)
    return buffer.getvalue()


def quads_of(data: bytes, fmt: RdfFormat) -> set:
    return {(q.subject, q.predicate, q.object, q.graph_name) for q in parse(data, fmt)}


def triples_of(data: bytes, fmt: RdfFormat) -> set:
    return {(t.subject, t.predicate, t.object) for t in parse(data, fmt)}


def rdflib_quads(data: bytes, fmt: str) -> set:
    """rdflib's reading of ``data``: (s, p, o, graph) with its own literal normalisation
    (a dateTime's ``Z`` read as ``+00:00``), so compare only with another rdflib reading."""
    ds = rdflib.Dataset()
    ds.parse(data=data, format=fmt)
    out = set()
    for s, p, o, g in ds.quads((None, None, None, None)):
        ident = g.identifier if isinstance(g, rdflib.Graph) else g
        out.add((s, p, o, None if ident == rdflib.graph.DATASET_DEFAULT_GRAPH_ID else ident))
    return out


def _triple(s, p, o):
    from pyoxigraph import Triple

    return Triple(s, p, o)


def as_set(store: Store, *, triples: bool = False) -> set:
    if triples:
        return {(q.subject, q.predicate, q.object) for q in store}
    return {(q.subject, q.predicate, q.object, q.graph_name) for q in store}


# --- the @context -----------------------------------------------------------------------

def test_shipped_context_is_current():
    """ontology/context.jsonld is what the ontology gives (`make context` rewrites it)."""
    assert context_path().read_text(encoding="utf-8") == context_text(build_context()), \
        "ontology/context.jsonld is out of date: run `make context`"


def test_context_names_every_kg_term_with_its_type():
    ctx = json.loads(context_path().read_text(encoding="utf-8"))["@context"]
    onto = Store()
    onto.load(path=str(ontology_path()), format=RdfFormat.TURTLE)
    owl = "http://www.w3.org/2002/07/owl#"
    for term in KG.terms:
        kinds = {q.object.value[len(owl):] for q in onto.quads_for_pattern(KG[term], RDF.type,
                                                                            None)}
        entry = ctx[term]
        if "Class" in kinds:
            assert entry == f"kg:{term}"
        else:
            assert entry["@id"] == f"kg:{term}"
            if "ObjectProperty" in kinds:
                assert entry["@type"] == "@id", term
    for prefix, ns in PREFIXES.items():
        assert ctx[prefix] == ns


def test_context_is_json_ld_1_0():
    """Jena reads JSON-LD 1.0: the context uses no 1.1 keyword, and every prefix ends in
    '/' or '#' (JSON-LD 1.1 expands a compact IRI only with such a prefix)."""
    text = context_path().read_text(encoding="utf-8")
    for keyword in ("@version", "@protected", "@container", "@prefix", "@propagate",
                    "@import", "@nest", "@direction"):
        assert keyword not in text
    ctx = json.loads(text)["@context"]
    assert all(v.endswith(("/", "#")) for k, v in ctx.items()
               if isinstance(v, str) and not v.startswith("kg:"))


# --- compact JSON-LD ----------------------------------------------------------------------

@pytest.mark.parametrize("name", SAMPLES)
def test_jsonld_means_the_store_for_every_reader(name):
    """pyoxigraph, rdflib and pyld read back exactly the store's quads."""
    store = SAMPLES[name]().store()
    data = written(store, GraphFormat.JSONLD)
    want = as_set(store)
    assert quads_of(data, RdfFormat.JSON_LD) == want
    assert rdflib_quads(data, "json-ld") == rdflib_quads(serialize(store, None,
                                                                   RdfFormat.N_QUADS), "nquads")
    nquads = jsonld.to_rdf(json.loads(data), {"format": "application/n-quads"})
    assert quads_of(nquads.encode(), RdfFormat.N_QUADS) == want


def test_jsonld_is_compact():
    doc = json.loads(written(every_kind().store(), GraphFormat.JSONLD))
    assert doc["@context"] == json.loads(context_path().read_text())["@context"]
    [graph] = doc["@graph"]
    nodes = {n["@id"]: n for n in graph["@graph"]}
    deployment = next(n for n in nodes.values() if "Deployment" in n.get("@type", ()))
    assert sorted(deployment["@type"]) == ["Deployment", "Event"]
    assert deployment["agent"].endswith("/entity/organization/orbis-alliance")  # an IRI
    assert deployment["date"] == "2031-03-03"  # typed by the context
    assert deployment["confidence"] == "0.75"
    mention = nodes[next(iter(n for n in nodes if n.endswith("#char=4,18")))]
    assert mention["@type"] == "nif:Phrase"
    assert mention["nif:beginIndex"] == "4"
    assert mention["itsrdf:taIdentRef"] == mention["mentionOf"]


def _framed_deployments(doc: dict) -> list[dict]:
    ctx = json.loads(context_path().read_text(encoding="utf-8"))
    framed = jsonld.frame(doc, {"@context": ctx["@context"], "@type": "Deployment"})
    return framed.get("@graph", [framed] if "@id" in framed else [])


def test_pyld_frames_deployments_with_their_roles():
    store = every_kind().store()
    [node] = _framed_deployments(json.loads(written(store, GraphFormat.JSONLD)))
    assert "Deployment" in node["@type"]
    assert _id(node["theme"]).endswith("/entity/armedforce/northern-guard")
    assert _id(node["location"]).endswith("/entity/city/lake-ostrel")
    assert _id(node["requestedBy"]).endswith("/entity/governmentbody/ministry-of-roads")
    assert node["purpose"] == "guard bridges" and node["date"] == "2031-03-03"


def _id(value) -> str:
    """A framed role's filler: embedded (its first use) or referred to by IRI."""
    return value["@id"] if isinstance(value, dict) else value


@pytest.mark.slow
def test_pyld_frames_a_built_graph_by_deployment(seed_build):
    """The seed built, written as JSON-LD, framed by kg:Deployment: every deployment
    of the graph, each with the roles it has in the graph."""
    from kg.store import load_graph_file

    store = load_graph_file(seed_build[0])
    want = {q.subject.value for q in store.quads_for_pattern(None, RDF.type, KG.Deployment)}
    assert want, "the seed has deployments"
    framed = {n["@id"]: n for n in _framed_deployments(
        json.loads(written(store, GraphFormat.JSONLD)))}
    assert set(framed) == want
    for iri, node in framed.items():
        for role in ("agent", "theme", "location", "requestedBy"):
            fillers = {q.object.value for q in store.quads_for_pattern(NamedNode(iri), KG[role],
                                                                       None)}
            got = node.get(role, [])
            got = got if isinstance(got, list) else [got]
            assert {_id(g) for g in got} == fillers, (iri, role)
        assert node.get("theme") or node.get("themeText")


def test_jsonld_refuses_an_iri_a_reader_would_expand():
    store = Store()
    store.add(Quad(NamedNode("kg:not-a-prefix"), SKOS.prefLabel, Literal("x")))
    with pytest.raises(OutputError, match="JSON-LD cannot write the IRI <kg:not-a-prefix>"):
        written(store, GraphFormat.JSONLD)


# --- RDF/XML -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", SAMPLES)
def test_rdfxml_means_the_store_for_every_reader(name):
    store = SAMPLES[name]().store()
    data = written(store, GraphFormat.XML)
    want = as_set(store, triples=True)
    assert triples_of(data, RdfFormat.RDF_XML) == want
    union = serialize((_triple(s, p, o) for s, p, o in want), None,
                      RdfFormat.N_TRIPLES)
    assert rdflib_quads(data, "xml") == rdflib_quads(union, "nt")


def test_rdfxml_keeps_carriage_returns_and_markup():
    """A carriage return is a character reference: an XML parser's line-end
    normalisation would read a raw one as a line feed (pyoxigraph writes it raw)."""
    text = "a\rb\r\nc\n\td & <e> ]]> \x85\u2028 \"'"
    store = Store()
    store.add(Quad(NamedNode("http://example.org/s"), SKOS.prefLabel, Literal(text)))
    data = written(store, GraphFormat.XML)
    assert b"&#13;" in data and b"\r" not in data
    g = rdflib.Graph()
    g.parse(data=data, format="xml")
    assert [str(o) for o in g.objects()] == [text]


@pytest.mark.parametrize("char", ["\x00", "\x0b", "\x0c", "\x1f", "\ufffe", "\uffff"])
def test_rdfxml_refuses_text_xml_cannot_hold(char):
    store = Store()
    store.add(Quad(NamedNode("http://example.org/s"), SKOS.prefLabel, Literal(f"a{char}b")))
    with pytest.raises(OutputError) as info:
        written(store, GraphFormat.XML)
    message = str(info.value)
    assert "RDF/XML (XML 1.0) cannot hold" in message
    assert f"U+{ord(char):04X}" in message and "<http://example.org/s>" in message
    assert "Turtle" in message  # what to do instead


@pytest.mark.parametrize("predicate", ["http://example.org/1",
                                       "http://www.w3.org/1999/02/22-rdf-syntax-ns#li"])
def test_rdfxml_refuses_a_property_it_cannot_name(predicate):
    store = Store()
    store.add(Quad(NamedNode("http://example.org/s"), NamedNode(predicate), Literal("x")))
    with pytest.raises(OutputError, match="RDF/XML cannot write the property"):
        written(store, GraphFormat.XML)


def test_rdfxml_declares_other_namespaces():
    store = Store()
    for p in ("http://example.org/a/p2", "urn:x:q", "http://example.org/a#r"):
        store.add(Quad(NamedNode("http://example.org/s"), NamedNode(p), Literal("v")))
    data = written(store, GraphFormat.XML)
    assert triples_of(data, RdfFormat.RDF_XML) == as_set(store, triples=True)
    g = rdflib.Graph()
    g.parse(data=data, format="xml")
    assert len(g) == 3


def test_export_refuses_control_characters_as_rdfxml(tmp_path):
    """The CLI: one error line naming the format, exit status 2, no traceback, and the
    file it would have replaced left as it was."""
    store = Store()
    store.add(Quad(NamedNode("http://example.org/doc"), KG.headline, Literal("page 1\x0cpage 2"),
                   NamedNode("http://example.org/g")))
    source = tmp_path / "in.nq"
    source.write_bytes(serialize(store, None, RdfFormat.N_QUADS))
    target = tmp_path / "out.rdf"
    target.write_text("previous", encoding="utf-8")
    res = subprocess.run([*KG_CLI, "export", "--graph", str(source), "-o", str(target)],
                         capture_output=True, text=True)
    assert res.returncode == 2
    assert "Traceback" not in res.stderr
    assert "RDF/XML (XML 1.0) cannot hold the control character U+000C" in res.stderr
    assert target.read_text(encoding="utf-8") == "previous"
    ok = subprocess.run([*KG_CLI, "export", "--graph", str(source), "-o",
                         str(tmp_path / "out.data"), "--format", "ttl"], capture_output=True,
                        text=True)
    assert ok.returncode == 0, ok.stderr


def test_format_names():
    assert GraphFormat("rdf") is GraphFormat("xml") is GraphFormat.XML
    assert GraphFormat.from_path("g.rdf") is GraphFormat.from_path("g.xml") is GraphFormat.XML
    assert not GraphFormat.XML.is_dataset


# --- W3C ORG and ITS 2.0 --------------------------------------------------------------------

def offices() -> SampleDoc:
    d = SampleDoc("President Ana Varga of Norland spoke.",
                  "Norland's president Ana Varga left.",
                  "Minister Ivo Kett spoke.",
                  "Norland is a member of the Orbis Alliance.",
                  doc_id="offices")
    country = lambda i: d.mention("Norland", "Country", i)  # noqa: E731
    d.fact("Position", 0, category="relation", holder=d.mention("Ana Varga", "Person", 0),
           role="President", organization=country(0))
    d.fact("Position", 1, category="relation", holder=d.mention("Ana Varga", "Person", 1),
           role="president", organization=country(1))
    d.fact("Position", 2, category="relation", holder=d.mention("Ivo Kett", "Person", 2),
           role="Minister")
    d.fact("Membership", 3, category="relation", member=country(3),
           group=d.mention("Orbis Alliance", "Organization", 3))
    return d


def test_positions_and_memberships_are_org_memberships():
    store = offices().store()
    assert validate_store(store).findings == []
    positions = [q.subject for q in store.quads_for_pattern(None, RDF.type, KG.Position)]
    memberships = [q.subject for q in store.quads_for_pattern(None, RDF.type, KG.Membership)]
    assert len(positions) == 3 and len(memberships) == 1
    for fact in positions + memberships:
        assert Quad(fact, RDF.type, ORG.Membership, next(iter(store.named_graphs()))) in store
        members = {q.object for q in store.quads_for_pattern(fact, ORG.member, None)}
        assert members == {q.object for p in (KG.holder, KG.member)
                           for q in store.quads_for_pattern(fact, p, None)}
        organizations = {q.object for q in store.quads_for_pattern(fact, ORG.organization, None)}
        assert organizations == {q.object for p in (KG.organization, KG.group)
                                 for q in store.quads_for_pattern(fact, p, None)}
    roles = {q.object for f in positions for q in store.quads_for_pattern(f, ORG.role, None)}
    labels = {q.object.value for r in roles for q in store.quads_for_pattern(r, SKOS.prefLabel,
                                                                               None)}
    assert labels == {"President", "Minister"}  # "president" is the same role, named once


def test_a_position_in_an_organization_is_a_post_its_holder_holds():
    store = offices().store()
    [post] = [q.subject for q in store.quads_for_pattern(None, RDF.type, ORG.Post)]
    assert post.value.endswith("/post/country/norland/president")
    holders = [q.subject for q in store.quads_for_pattern(None, ORG.holds, post)]
    assert [h.value.rsplit("/", 1)[1] for h in holders] == ["ana-varga"]
    [label] = [q.object.value for q in store.quads_for_pattern(post, SKOS.prefLabel, None)]
    assert label == "President of Norland"
    # a position with no organization has a role (above), but no post
    minister = next(q.subject for q in store.quads_for_pattern(None, KG.role, Literal("Minister")))
    assert list(store.quads_for_pattern(minister, ORG.role, None))


def test_every_mention_names_its_entity_with_its_ta_ident_ref():
    quads = map_document(every_kind().result(), IriMinter())
    mentions = {(q.subject, q.object) for q in quads if q.predicate == KG.mentionOf}
    refs = {(q.subject, q.object) for q in quads if q.predicate == ITSRDF.taIdentRef}
    assert mentions and refs == mentions


# --- --entail --------------------------------------------------------------------------------

def expected_entailments(store: Store) -> set:
    """What the alignments entail, found by SPARQL property paths over the data and the
    ontology (not by kg's code): external super-classes of each kg type, external
    super-properties of each kg property, in the graph of the statement."""
    st = Store()
    st.extend(store)
    st.load(path=str(ontology_path()), format=RdfFormat.TURTLE,
            to_graph=NamedNode("urn:x-kg:ontology"))
    rows = st.query(f"""
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?s ?p ?o ?g WHERE {{
          {{ GRAPH ?g {{ ?s a ?k }}
             GRAPH <urn:x-kg:ontology> {{ ?k rdfs:subClassOf+ ?o }}
             BIND(<{RDF.type.value}> AS ?p)
             FILTER(!STRSTARTS(STR(?o), "{KG_NS}")) }}
          UNION
          {{ GRAPH ?g {{ ?s ?k ?o }}
             GRAPH <urn:x-kg:ontology> {{ ?k rdfs:subPropertyOf+ ?p }}
             FILTER(!STRSTARTS(STR(?p), "{KG_NS}")) }}
          FILTER(?g != <urn:x-kg:ontology>)
        }}""")
    return {(r["s"], r["p"], r["o"], r["g"]) for r in rows}


def test_entail_adds_exactly_what_the_alignments_entail():
    store = offices().store()
    store.extend(every_kind().store())
    plain = as_set(store)
    entailed = quads_of(written(store, GraphFormat.NQ, entail=True), RdfFormat.N_QUADS)
    assert plain <= entailed
    assert entailed - plain == expected_entailments(store) - plain
    added = entailed - plain
    # the sem:/schema:/org:/prov: view, and no kg super-class (kg's queries stay as they are)
    events = {q.subject for q in store.quads_for_pattern(None, RDF.type, KG.Event)}
    assert {s for s, p, o, _ in added if o == SEM.Event} == events
    assert any(p == SEM.hasActor for _, p, _, _ in added)
    assert any(o == NamedNode("https://schema.org/Person") for _, _, o, _ in added)
    assert not any(p == RDF.type and o.value.startswith(KG_NS) for _, p, o, _ in added)
    assert PROV.wasDerivedFrom in {p for _, p, _, _ in entailed}


@pytest.mark.parametrize("fmt", [GraphFormat.TTL, GraphFormat.NT, GraphFormat.XML,
                                 GraphFormat.JSONLD, GraphFormat.TRIG])
def test_entail_is_the_same_in_every_format(fmt):
    store = every_kind().store()
    want = {(s, p, o) for s, p, o, _ in quads_of(written(store, GraphFormat.NQ, entail=True),
                                                  RdfFormat.N_QUADS)}
    got = {(t[0], t[1], t[2]) for t in (quads_of if fmt.is_dataset else triples_of)(
        written(store, fmt, entail=True), fmt.rdf_format)}
    assert got == want


def test_alignments_are_read_from_the_ontology():
    al = alignments()
    assert SEM.Event in al.classes[KG.Curfew]  # through kg:PolicyMeasure and kg:Event
    assert ORG.Membership in al.classes[KG.Position]
    assert ORG.member in al.properties[KG.holder]
    assert ITSRDF.taIdentRef in al.properties[KG.mentionOf]
    assert all(not t.value.startswith(KG_NS) for ts in al.classes.values() for t in ts)


def test_entail_from_the_command_line(tmp_path):
    source = tmp_path / "in.trig"
    source.write_bytes(written(every_kind().store(), GraphFormat.TRIG))
    out = tmp_path / "out.ttl"
    probe = ("import sys, runpy\n"
             f"sys.argv = ['kg', 'export', '--graph', {str(source)!r}, '-o', {str(out)!r}, "
             "'--entail']\n"
             "try:\n    runpy.run_module('kg', run_name='__main__')\n"
             "except SystemExit as e:\n    assert not e.code, e.code\n"
             "assert 'spacy' not in sys.modules, 'kg export imported spaCy'\n")
    res = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert "and what they entail" in res.stderr
    assert (None, None, SEM.Event) in {(None, None, t[2]) for t in
                                        triples_of(out.read_bytes(), RdfFormat.TURTLE)}
    res = subprocess.run([*KG_CLI, "build", "x.txt", "--store", str(tmp_path / "st"),
                          "--entail"], capture_output=True, text=True)
    assert res.returncode == 2 and "--entail is for the output file" in res.stderr


# --- Wikidata links of the reference knowledge base -------------------------------------------

def test_reference_kb_links_to_wikidata():
    """Wikidata items only where they were checked (docs/ontology.md, "Wikidata"); each
    link is an entity IRI of wikidata.org, not a page."""
    import re

    from kg.resolve.kb import default_kb_files, parse_kb_file

    entries = {e.label: e.same_as for f in default_kb_files() for e in parse_kb_file(f)}
    wikidata = [i for links in entries.values() for i in links if "wikidata" in i]
    assert all(re.fullmatch(r"http://www\.wikidata\.org/entity/Q[1-9][0-9]*", i)
               for i in wikidata), wikidata
    assert "http://www.wikidata.org/entity/Q318693" in \
        entries["Collective Security Treaty Organization"]


def test_role_titles_name_a_role_alike_whatever_their_case():
    """One org:Role IRI per title whatever its case, so its name must not depend on which
    document (or part of a long one) spelt it first: SHACL allows one skos:prefLabel."""
    from kg.rdf.mapping import role_title

    assert role_title("prime  minister") == role_title("Prime Minister") == "Prime Minister"
    assert role_title("minister of foreign affairs") == "Minister of Foreign Affairs"
    assert role_title("secretary-general") == "Secretary-General"
    assert role_title("UN envoy") == "UN Envoy"  # acronyms are kept
    assert role_title(" ") == ""


def test_kg_load_sends_what_the_alignments_entail():
    """``kg load --entail``: each graph sent holds its own statements and what they entail
    (the same as ``kg export --entail``), once each."""
    from kg.load import graphs_of

    store = offices().store()
    store.extend(every_kind().store())
    plain = {(g.iri, t) for g in graphs_of(store) for t in g.triples}
    sent = [(g.iri, t) for g in graphs_of(store, entail=True) for t in g.triples]
    assert len(sent) == len(set(sent))
    want = {(g.value, _triple(s, p, o)) for s, p, o, g in expected_entailments(store)}
    assert set(sent) == plain | want
    merged = [t for g in graphs_of(store, graph_iri="urn:x:all", entail=True) for t in g.triples]
    assert set(merged) == {t for _, t in sent}


def test_one_licence_for_code_ontology_and_shapes():
    """Apache-2.0 in pyproject, the LICENSE file, and the ontology's and shapes' dct:license."""
    import tomllib
    from pathlib import Path

    from kg.validate import shapes_path

    root = Path(__file__).resolve().parents[2]
    assert tomllib.loads((root / "pyproject.toml").read_text())["project"]["license"] == \
        "Apache-2.0"
    assert "Apache License" in (root / "LICENSE").read_text()[:200]
    licence = NamedNode("http://purl.org/dc/terms/license")
    for path in (ontology_path(), shapes_path()):
        st = Store()
        st.load(path=str(path), format=RdfFormat.TURTLE)
        assert [q.object.value for q in st.quads_for_pattern(None, licence, None)] == \
            ["https://www.apache.org/licenses/LICENSE-2.0"], path


@pytest.mark.slow
@pytest.mark.parametrize("big_input", [10**9, 10], ids=["in-memory", "temporary-store"])
def test_build_entail_writes_the_entailed_file_whatever_the_build_path(tmp_path, big_input):
    """``kg build -o --entail``: the output has what the alignments entail both when the
    input is built in memory and when it goes through a temporary on-disk store."""
    from kg.build import BuildOptions, build_to_file
    from kg.ingest.sources import expand_sources

    src = tmp_path / "a.txt"
    src.write_text("The Allied Security Partnership deployed 2,056 border guards to Ndola on "
                   "Monday, the ministry said. President Midi Moreyan met Selia Halanyan in "
                   "Lusaka on Friday.\n")
    out = tmp_path / "out" / "g.nq"
    out.parent.mkdir()
    report = build_to_file(expand_sources([str(src)]), out, fmt=GraphFormat.NQ,
                           options=BuildOptions(), big_input=big_input, entail=True)
    assert report.built == 1
    quads = quads_of(out.read_bytes(), RdfFormat.N_QUADS)
    assert SEM.Event in {o for _, p, o, _ in quads if p == RDF.type}
    assert SEM.hasActor in {p for _, p, _, _ in quads}
    assert sorted(p.name for p in out.parent.iterdir()) == ["g.nq"]
