"""Hypothesis strategies for hostile strings and helpers to compare RDF across parsers.

Shared by the hostile-string, injection and fuzz tests (imported by module name:
pytest puts this directory on ``sys.path``).
"""

from __future__ import annotations

import io
import os
import re
from decimal import Decimal

import rdflib
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, Quad, Store, parse

from kg.formats import GraphFormat
from kg.store import serialize_store

# Examples per property test are multiplied by this (e.g. 10 for a long local run).
SCALE = float(os.environ.get("KG_HYPOTHESIS_SCALE", "1"))


def examples(n: int):
    """Deterministic settings for ``n`` (scaled) examples with no per-example deadline."""
    return settings(max_examples=max(1, int(n * SCALE)), deadline=None, derandomize=True,
                    database=None, suppress_health_check=[HealthCheck.too_slow,
                                                          HealthCheck.data_too_large])


# Pieces that break naive serialisers and query builders.
PIECES = [
    '"', "'", '"""', "'''", "\\", "\\\\", "\\n", "\\u0022", "\n", "\r", "\r\n", "\t", "\x0b",
    "\x0c", "\x00", "\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff", "<", ">",
    "<http://evil.example/x>", "> .", " . ", " ; ", " , ", "{", "}", "[", "]", "(", ")",
    "@prefix ex: <http://evil.example/> .", "@base <http://evil.example/> .", "^^xsd:string",
    "^^<http://www.w3.org/2001/XMLSchema#integer>", "@en", "_:b0", "?s ?p ?o", "$x",
    "} ; DROP ALL ; #", "GRAPH <http://evil.example/g> { ?s ?p ?o }", "INSERT DATA {",
    "# comment", "%", "%2F", "%00", "/", "..", "#", "?", "&", "=", ":", "ex:x", "a",
    '{"@id": "http://evil.example/"}', '"@context"', "</script>", "&amp;", "&#x22;",
    "\u202e", "\u200f", "\u200b", "\u0301", "مرحبا بالعالم", "שלום", "東京", "😀",
    "👩\u200d👩\u200d👧", "🇰🇿", "Zürich", "ǅ", "İ", "ß", "ﬁ", " ", "  ", "\u00a0",
]


def decode_hostile(data: bytes) -> str:
    """Bytes to a hostile string: a byte below len(PIECES) picks a piece, a byte up to 223
    a printable ASCII character, and a higher byte starts a three-byte code point anywhere
    in Unicode except the surrogates.

    Drawing one ``binary`` is far cheaper in hypothesis than nested ``lists``/``text``
    strategies, and it still shrinks towards short, simple strings.
    """
    out = []
    i = 0
    while i < len(data):
        b = data[i]
        i += 1
        if b < len(PIECES):
            out.append(PIECES[b])
        elif b < 224:
            out.append(chr(32 + (b - len(PIECES)) % 95))
        else:
            hi, lo = (data[i:i + 2] + b"\0\0")[:2]
            i += 2
            cp = (((b - 224) << 16) | (hi << 8) | lo) % 0x110000
            if 0xD800 <= cp <= 0xDFFF:
                cp += 0x800
            out.append(chr(cp))
    return "".join(out)


assert len(PIECES) < 224
hostile_text = st.binary(max_size=20).map(decode_hostile)
nonempty_hostile = hostile_text.filter(lambda s: s.strip() != "")


# --- comparing RDF ------------------------------------------------------------------------

_RDFLIB_FORMAT = {
    GraphFormat.TTL: "turtle",
    GraphFormat.NT: "nt",
    GraphFormat.NQ: "nquads",
    GraphFormat.TRIG: "trig",
    GraphFormat.JSONLD: "json-ld",
    GraphFormat.XML: "xml",
}
# Characters XML 1.0 cannot hold at all (section 2.2: Char), written out here rather
# than taken from kg: RDF/XML refuses a text holding one (kg/store/rdfxml.py).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def as_rdflib(term):
    if isinstance(term, NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    raise AssertionError(f"unexpected term {term!r}")  # kg mints no blank nodes


def expected_sets(quads: list[Quad], fmt: GraphFormat) -> tuple[set, set]:
    """What a parser must give back: (pyoxigraph terms, rdflib terms) tuples."""
    if fmt.is_dataset:
        pox = {(q.subject, q.predicate, q.object, q.graph_name) for q in quads}
    else:
        pox = {(q.subject, q.predicate, q.object) for q in quads}
    rdf = {tuple(as_rdflib(t) for t in row) for row in pox}
    return pox, rdf


_NUMERIC = {f"http://www.w3.org/2001/XMLSchema#{t}" for t in (
    "integer", "nonNegativeInteger", "decimal", "double", "float", "int", "long")}


def _by_value(term):
    """Numeric literals by value: pyoxigraph's store keeps values, not lexical forms."""
    if isinstance(term, Literal) and term.datatype.value in _NUMERIC:
        return ("number", Decimal(term.value))
    return term


def stored(quads: list[Quad]) -> Store:
    """The quads in a store, checked to hold exactly what was put in (numbers by value)."""
    store = Store()
    store.extend(quads)
    held = {tuple(_by_value(t) for t in (q.subject, q.predicate, q.object, q.graph_name))
            for q in store}
    given = {tuple(_by_value(t) for t in (q.subject, q.predicate, q.object, q.graph_name))
             for q in quads}
    assert held == given, held ^ given
    return store


def serialize_quads(store: Store, fmt: GraphFormat) -> bytes:
    buf = io.BytesIO()
    serialize_store(store, fmt, buf)
    return buf.getvalue()


def parse_pyoxigraph(data: bytes, fmt: GraphFormat) -> set:
    out = set()
    for item in parse(data, fmt.rdf_format):
        if fmt.is_dataset:
            out.add((item.subject, item.predicate, item.object, item.graph_name))
        else:
            out.add((item.subject, item.predicate, item.object))
    return out


def parse_rdflib(data: bytes, fmt: GraphFormat) -> set:
    if fmt.is_dataset:
        ds = rdflib.Dataset()
        ds.parse(data=data, format=_RDFLIB_FORMAT[fmt])
        out = set()
        for s, p, o, g in ds.quads((None, None, None, None)):
            ident = g.identifier if isinstance(g, rdflib.Graph) else g
            out.add((s, p, o, ident))
        return out
    graph = rdflib.Graph()
    graph.parse(data=data, format=_RDFLIB_FORMAT[fmt])
    return set(graph)


def assert_round_trip(quads: list[Quad], fmt: GraphFormat) -> None:
    """Store and serialise with kg, parse with pyoxigraph and rdflib: the same statements.

    Exactly the store's statements come back from both parsers, no more and no fewer,
    and the store holds exactly the given ones (numbers compared by value).
    """
    store = stored(quads)
    if fmt is GraphFormat.XML and any(isinstance(q.object, Literal)
                                      and _NOT_XML.search(q.object.value) for q in quads):
        assert_refused_as_xml(store)
        return
    data = serialize_quads(store, fmt)
    want_pox, want_rdf = expected_sets(list(store), fmt)
    got_pox = parse_pyoxigraph(data, fmt)
    assert got_pox == want_pox, (fmt, got_pox ^ want_pox, data[:3000])
    got_rdf = parse_rdflib(data, fmt)
    assert got_rdf == want_rdf, (fmt, got_rdf ^ want_rdf, data[:3000])


def assert_refused_as_xml(store: Store) -> None:
    """RDF/XML refuses a text XML 1.0 cannot hold: one clear error naming the format."""
    from kg.errors import OutputError

    try:
        serialize_quads(store, GraphFormat.XML)
    except OutputError as exc:
        message = str(exc)
        assert "RDF/XML" in message and "XML 1.0" in message, message
        assert re.search(r"U\+00[01][0-9A-F]|U\+FFF[EF]", message), message
        return
    raise AssertionError("RDF/XML wrote a text that XML 1.0 cannot hold")
