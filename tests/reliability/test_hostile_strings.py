"""Hostile strings never break an export format and never make triples of their own.

Property tests (hypothesis, derandomised) over IRI minting (kg/rdf/iri.py),
literal escaping, the mapping of hand-built records (kg/rdf/mapping.py) and
every serializer (kg/store serialize_store): each dataset is written by kg
and read back by pyoxigraph and by rdflib, and both must give exactly the
statements kg meant, no more and no fewer. About 10,000 cases per run in
total with the default scale (see ``EXAMPLES`` and the last test).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import UTC, date, datetime
from urllib.parse import unquote

import pytest
import rdflib
from hypothesis import given
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, Quad
from reliability_strategies import (
    SCALE,
    assert_round_trip,
    examples,
    hostile_text,
    nonempty_hostile,
)

from kg.formats import GraphFormat
from kg.rdf.iri import IriMinter, slug
from kg.rdf.mapping import map_document
from kg.records import (
    DocumentResult,
    Entity,
    EntityType,
    Fact,
    Mention,
    Quantity,
    SourceDocument,
    Span,
    TimeExpr,
    Unit,
)

EXAMPLES = {"slug": 6000, "minter": 1500, "literal": 500, "mapping": 100}
RAN: Counter[str] = Counter()
MINTER = IriMinter()
_IRI_PATH_SAFE = re.compile(r"^[A-Za-z0-9._~%-]+$")
_WS = re.compile(r"\s+")


# --- IRI minting --------------------------------------------------------------------------

@examples(EXAMPLES["slug"])
@given(hostile_text)
def test_slug_is_one_safe_readable_path_segment(label):
    RAN["slug"] += 1
    s = slug(label)
    assert _IRI_PATH_SAFE.match(s), s  # no '/', '#', '?', '<', '>', quotes or spaces
    assert slug(label) == s
    assert len(s) <= 91
    norm = _WS.sub("-", unicodedata.normalize("NFC", label).casefold().strip()) or "_"
    if len(s) <= 80 and not re.search(r"-[0-9a-f]{10}$", s):
        assert unquote(s) == norm  # readable: decoding gives the label back
    node = MINTER.entity("Person", label)
    assert rdflib.URIRef(node.value).n3() == f"<{node.value}>"
    assert_round_trip([Quad(node, NamedNode("http://example.org/p"), Literal(label),
                            MINTER.graph(label))], GraphFormat.NT)


@examples(EXAMPLES["minter"])
@given(doc_id=hostile_text, key=hostile_text, rule=hostile_text,
       start=st.integers(0, 10**9), length=st.integers(0, 10**6))
def test_every_minted_iri_stays_under_the_base_and_parses(doc_id, key, rule, start, length):
    RAN["minter"] += 1
    base = MINTER.base
    fact = MINTER.fact(doc_id, key, rule)
    nodes = [
        MINTER.document(doc_id), MINTER.graph(doc_id), MINTER.update(doc_id, start),
        MINTER.span(doc_id, start, start + length), MINTER.entity(key, key), fact,
        MINTER.quantity(fact, 2), MINTER.rule(rule),
    ]
    for node in nodes:
        assert node.value.startswith(base)
        rest = node.value[len(base):]
        assert not any(ch in rest for ch in ' <>"{}|\\^`\n\r\t'), rest
    assert nodes[3].value.endswith(f"#char={start},{start + length}")
    quads = [Quad(n, NamedNode("http://example.org/p"), Literal(doc_id), nodes[1])
             for n in nodes]
    assert_round_trip(quads, GraphFormat.NQ)


# --- literals in every format -------------------------------------------------------------

@pytest.mark.parametrize("fmt", list(GraphFormat), ids=lambda f: f.value)
def test_hostile_literals_round_trip_in_every_format(fmt):
    @examples(EXAMPLES["literal"])
    @given(value=hostile_text, other=hostile_text, label=nonempty_hostile)
    def check(value, other, label):
        RAN[f"literal-{fmt.value}"] += 1
        s = MINTER.entity("Organization", label)
        g = MINTER.graph(label)
        quads = [
            Quad(s, NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"), Literal(value), g),
            Quad(s, NamedNode("http://purl.org/dc/terms/title"), Literal(other, language="en"), g),
            Quad(MINTER.document(label), NamedNode("http://example.org/p"), Literal(value),
                 MINTER.graph(other)),
        ]
        assert_round_trip(quads, fmt)

    check()


# --- hand-built records with hostile strings through the mapping --------------------------

@st.composite
def document_results(draw) -> DocumentResult:
    text = draw(nonempty_hostile) + " " + draw(hostile_text)
    n = len(text)
    cut = draw(st.integers(1, n))
    headline = Span(0, cut, text[:cut])
    unit = Unit(index=0, kind="update", start=0, end=n, text=text, headline=headline,
                stamp=datetime(2023, 2, 4, 14, 30, tzinfo=UTC),
                dateline=Span(0, cut, draw(hostile_text)), agency=Span(0, 1, text[:1]))
    doc = SourceDocument(doc_id=draw(nonempty_hostile), path=draw(hostile_text), text=text,
                         sha256="0" * 64, title=draw(hostile_text) or None,
                         published=date(2023, 2, 3), live_title=draw(hostile_text) or None,
                         units=[unit])
    a = draw(st.integers(0, n - 1))
    b = draw(st.integers(a + 1, n))
    speaker = Mention(a, b, text[a:b], EntityType.PERSON, 0, (0, n), draw(hostile_text))
    place = Mention(0, cut, text[:cut], EntityType.CITY, 0, (0, n), "ner:GPE")
    name = draw(nonempty_hostile)
    entities = [
        Entity(key=f"person:{name}", name=name, type=EntityType.PERSON, mentions=[speaker],
               aliases={draw(hostile_text), draw(hostile_text)},
               merges=[(draw(hostile_text), draw(hostile_text))]),
        Entity(key=draw(hostile_text), name=draw(hostile_text), type=EntityType.CITY,
               mentions=[place], country_code=draw(hostile_text) or None, lat=1.5, long=-2.25,
               geonames_id=7),
    ]
    fact = Fact(
        kind="Statement", category="event",
        roles={"speaker": [speaker], "quote": [draw(hostile_text)], "gist": [draw(hostile_text)],
               "cue": [draw(hostile_text)], "medium": [draw(hostile_text)],
               "date": [TimeExpr(draw(hostile_text), "2023-02-04", "day")]},
        unit=0, sentence=(0, n), rule=draw(hostile_text), confidence=0.5,
        trigger=Span(a, b, text[a:b]), reported=datetime(2023, 2, 4, 14, 30, tzinfo=UTC),
        attributed_to=speaker)
    seizure = Fact(
        kind="Seizure", category="event",
        roles={"agent": [place], "theme": [draw(hostile_text)],
               "quantity": [Quantity(draw(hostile_text), 13.0, draw(hostile_text) or None,
                                     draw(hostile_text) or None)]},
        unit=0, sentence=(0, n), rule="seizure/test", confidence=0.75)
    return DocumentResult(document=doc, sentences=[(0, 0, n)], entities=entities,
                          facts=[fact, seizure])


@examples(EXAMPLES["mapping"])
@given(document_results())
def test_mapped_documents_round_trip_in_every_format(result):
    RAN["mapping"] += 1
    quads = map_document(result, MINTER)
    doc = result.document
    graph = MINTER.graph(doc.doc_id)
    assert {q.graph_name for q in quads} == {graph}
    # every hostile string is one literal, whole: the text, the headline, the quote
    literals = Counter(q.object.value for q in quads if isinstance(q.object, Literal))
    assert literals[doc.text] >= 1
    assert all(isinstance(q.subject, NamedNode) and isinstance(q.predicate, NamedNode)
               for q in quads)
    for fmt in GraphFormat:
        assert_round_trip(quads, fmt)


# --- the budget --------------------------------------------------------------------------

def test_the_property_tests_ran_their_cases():
    """Runs last in this module: at least 10,000 generated cases at the default scale."""
    planned = (EXAMPLES["slug"] + EXAMPLES["minter"] + EXAMPLES["literal"] * len(GraphFormat)
               + EXAMPLES["mapping"])
    assert planned >= 10_000
    if len(RAN) < 3 + len(GraphFormat):
        pytest.skip("only part of this module was selected")
    for name, n in EXAMPLES.items():
        ran = [v for k, v in RAN.items() if k.split("-")[0] == name]
        assert all(v >= int(n * SCALE) for v in ran), (name, ran)
