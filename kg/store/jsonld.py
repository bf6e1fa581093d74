"""Compact JSON-LD with kg's shipped ``@context`` (``ontology/context.jsonld``).

A file is one JSON object: the context (inline, so that no reader fetches anything)
and a ``@graph`` with one object per named graph (``{"@id": graph, "@graph": [...]}``)
and the default graph's nodes. A node object has its ``@id``, its ``@type`` (kg's
classes by their local names, other classes as compact IRIs) and its properties: kg's
by their local names (``agent``, ``date``), others as compact IRIs (``skos:prefLabel``,
``nif:beginIndex``). The context types each property's values (``"agent"`` holds IRIs,
``"date"`` an ``xsd:date``), so a value of the expected kind is a plain JSON string; any
other value is written in full (``{"@value": "13", "@type": "xsd:integer"}``), so that
nothing changes meaning. The context is JSON-LD 1.0 (Jena's reader is 1.0) and 1.1.

The writer does the compaction itself (a JSON-LD processor is far too slow for large
graphs); tests expand its files with pyld, rdflib and Jena and compare the graphs, and
frame them by type with pyld (docs/ontology.md).

``ontology/context.jsonld`` is made from the ontology and kg's prefixes by
:func:`build_context` (``make context``); a test checks that the shipped file is current.
"""

from __future__ import annotations

import functools
import itertools
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Store

from kg.errors import OutputError
from kg.rdf.vocab import DCT, ITSRDF, KG_NS, NIF, ORG, OWL, PREFIXES, PROV, WGS84, XSD

_XSD = XSD.iri
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = _XSD + "string"
_OWL = "http://www.w3.org/2002/07/owl#"

# Properties of other vocabularies that kg writes with IRIs or typed values: typed in the
# context so that their values are plain strings. (Plain-string properties need nothing.)
_EXTERNAL = {
    OWL.sameAs: "@id", NIF.referenceContext: "@id", NIF.sentence: "@id",
    DCT.isPartOf: "@id", PROV.wasDerivedFrom: "@id", ITSRDF.taIdentRef: "@id",
    ORG.member: "@id", ORG.organization: "@id", ORG.role: "@id", ORG.holds: "@id",
    ORG.postIn: "@id", NIF.beginIndex: _XSD + "integer", NIF.endIndex: _XSD + "integer",
    WGS84.lat: _XSD + "decimal", WGS84.long: _XSD + "decimal",
}
# The datatype a value has in the store (pyoxigraph keeps integers as xsd:integer), and
# kg:value, whose values are xsd:integer but for the rare non-whole amount.
_STORED = {_XSD + "nonNegativeInteger": _XSD + "integer"}
_OVERRIDE = {KG_NS + "value": _XSD + "integer"}


def context_path() -> Path:
    from kg.resources import ontology_dir

    return ontology_dir() / "context.jsonld"


# --- making the context from the ontology ----------------------------------------------------

def build_context(ontology: Path | None = None) -> dict[str, Any]:
    """The ``@context`` document for the ontology (default: the shipped ``kg.ttl``)."""
    from kg.resources import ontology_dir

    store = Store()
    store.load(path=str(ontology or ontology_dir() / "kg.ttl"), format=RdfFormat.TURTLE)
    owl = {k: NamedNode(_OWL + k) for k in ("Class", "ObjectProperty", "DatatypeProperty")}
    rdf_type = NamedNode(_RDF_TYPE)
    range_ = NamedNode("http://www.w3.org/2000/01/rdf-schema#range")
    sub_property = NamedNode("http://www.w3.org/2000/01/rdf-schema#subPropertyOf")

    def kg_terms(kind: str) -> list[NamedNode]:
        return sorted((q.subject for q in store.quads_for_pattern(None, rdf_type, owl[kind])
                       if isinstance(q.subject, NamedNode)
                       and q.subject.value.startswith(KG_NS)), key=str)

    coercion: dict[str, str | None] = {}
    for kind in ("ObjectProperty", "DatatypeProperty"):
        for prop in kg_terms(kind):
            if kind == "ObjectProperty":
                coercion[prop.value] = "@id"
                continue
            ranges = [q.object.value for q in store.quads_for_pattern(prop, range_, None)]
            dt = _STORED.get(ranges[0], ranges[0]) if len(ranges) == 1 else None
            coercion[prop.value] = _OVERRIDE.get(prop.value,
                                                 None if dt == _XSD_STRING else dt)
    # an external super-property holds what all its kg sub-properties hold
    supers: dict[str, set[str | None]] = {}
    for q in store.quads_for_pattern(None, sub_property, None):
        if q.subject.value in coercion and not q.object.value.startswith(KG_NS):
            supers.setdefault(q.object.value, set()).add(coercion[q.subject.value])
    external = {p.value: c for p, c in _EXTERNAL.items()}
    for prop, kinds in supers.items():
        if len(kinds) == 1 and None not in kinds:
            external.setdefault(prop, next(iter(kinds)))

    ctx: dict[str, Any] = dict(sorted(PREFIXES.items()))
    for cls in kg_terms("Class"):
        ctx[cls.value[len(KG_NS):]] = "kg:" + cls.value[len(KG_NS):]
    for prop, c in sorted(coercion.items()):
        name = prop[len(KG_NS):]
        ctx[name] = {"@id": "kg:" + name, **({"@type": _curie(c)} if c else {})}
    for key, c in sorted((_curie(p), c) for p, c in external.items()):
        if ":" in key and not key.startswith(("http:", "https:")) and c:
            ctx[key] = {"@id": key, "@type": _curie(c)}
    return {"@context": ctx}


def _curie(iri: str) -> str:
    if iri.startswith("@"):
        return iri
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def write_context(path: Path | None = None) -> Path:
    """Write ``ontology/context.jsonld`` (or ``path``) from the ontology: ``make context``."""
    path = path or context_path()
    path.write_text(context_text(build_context()), encoding="utf-8")
    return path


def context_text(context: dict[str, Any]) -> str:
    """The context file's text: one entry per line, stable."""
    entries = [f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}"
               for k, v in context["@context"].items()]
    return '{\n  "@context": {\n' + ",\n".join(entries) + "\n  }\n}\n"


# --- compaction --------------------------------------------------------------------------

class Compactor:
    """Turns RDF terms into compact JSON-LD under one context."""

    def __init__(self, context: dict[str, Any]):
        ctx = context["@context"]
        self.context = context
        self.prefixes = {k: v for k, v in ctx.items() if isinstance(v, str) and ":" not in k
                         and v.endswith(("#", "/"))}
        self.names = set(ctx)  # a scheme equal to one of these would read as a compact IRI
        self.terms: dict[str, str] = {}  # IRI -> term (classes and properties)
        self.coercion: dict[str, str | None] = {}  # property key -> "@id", a datatype or None
        for key, value in ctx.items():
            if key in self.prefixes:
                continue
            iri = self.expand(value if isinstance(value, str) else value.get("@id", key))
            self.terms.setdefault(iri, key)
            if isinstance(value, dict) and "@type" in value:
                t = value["@type"]
                self.coercion[key] = t if t == "@id" else self.expand(t)
            else:
                self.coercion[key] = None

    def expand(self, value: str) -> str:
        prefix, sep, rest = value.partition(":")
        if sep and prefix in self.prefixes and not rest.startswith("//"):
            return self.prefixes[prefix] + rest
        return value

    @functools.lru_cache(maxsize=4096)  # noqa: B019  (one compactor per context, kept)
    def key(self, iri: str) -> str:
        """A property or class IRI as a term, a compact IRI or the IRI itself."""
        term = self.terms.get(iri)
        if term is not None:
            return term
        for prefix, ns in self.prefixes.items():
            if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns):].startswith("//"):
                return f"{prefix}:{iri[len(ns):]}"
        self.check(iri)
        return iri

    def check(self, iri: str) -> str:
        """An IRI as it may be written; refused when a reader would take it for a compact IRI."""
        scheme = iri.partition(":")[0]
        if scheme in self.names:
            raise OutputError(f"JSON-LD cannot write the IRI <{iri}>: its scheme {scheme!r} "
                              "is also a name in kg's @context, so readers would expand it",
                              hint="export another format (Turtle, N-Triples, N-Quads, TriG, "
                                   "RDF/XML)")
        return iri

    def node_id(self, term) -> str:
        if isinstance(term, NamedNode):
            return self.check(term.value)
        if isinstance(term, BlankNode):
            return "_:" + term.value
        raise OutputError(f"JSON-LD cannot hold the RDF-star triple term {term}",
                          hint="export N-Triples, N-Quads, Turtle or TriG")

    def value(self, term, coercion: str | None):
        """A property value: a plain string when it is what the property's type says."""
        if isinstance(term, Literal):
            if getattr(term, "direction", None):
                raise OutputError(f"kg's JSON-LD does not write directional literals ({term})",
                                  hint="export N-Quads or TriG")
            if term.language:
                return {"@value": term.value, "@language": term.language}
            datatype = term.datatype.value
            if datatype == _XSD_STRING:
                return term.value if coercion is None else {"@value": term.value}
            if datatype == coercion:
                return term.value
            return {"@value": term.value, "@type": self.key(datatype)}
        ident = self.node_id(term)
        return ident if coercion == "@id" else {"@id": ident}

    def node(self, subject, pairs: list[tuple[Any, Any]]) -> dict[str, Any]:
        """The node object of ``subject`` with its (predicate, object) pairs."""
        types: list[str] = []
        props: dict[str, list] = {}
        for predicate, obj in pairs:
            if predicate.value == _RDF_TYPE and isinstance(obj, NamedNode):
                types.append(self.key(obj.value))
                continue
            key = self.key(predicate.value)
            props.setdefault(key, []).append(self.value(obj, self.coercion.get(key)))
        out: dict[str, Any] = {"@id": self.node_id(subject)}
        if types:
            out["@type"] = types[0] if len(types) == 1 else sorted(types)
        for key in sorted(props):
            values = props[key]
            out[key] = values[0] if len(values) == 1 else values
        return out


@functools.cache
def shipped_context() -> dict[str, Any]:
    try:
        return json.loads(context_path().read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise OutputError(f"cannot read kg's JSON-LD context: {exc}", path=context_path(),
                          hint="reinstall kg") from exc


@functools.cache
def compactor() -> Compactor:
    return Compactor(shipped_context())


def _nodes(triples: Iterable, c: Compactor) -> Iterator[dict[str, Any]]:
    """The node object of each subject of ``triples`` (or quads), which come grouped by
    subject (sorted); one subject's statements are held at a time."""
    for subject, group in itertools.groupby(triples, key=lambda t: t.subject):
        yield c.node(subject, [(t.predicate, t.object) for t in group])


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def write_jsonld(default: Iterable, named: Iterable[tuple[Any, Iterable]], output: BinaryIO,
                 *, compact: Compactor | None = None) -> None:
    """Write the default graph's triples (or quads) and ``(graph name, triples)`` pairs
    as one JSON-LD file; each graph's statements come grouped by subject (sorted).

    Nodes are written as they come: memory holds one subject's statements. A node of the
    default graph whose IRI names a graph shares one object with that graph, as JSON-LD
    requires (the default graph's other nodes are written first).
    """
    c = compact or compactor()
    named = list(named)
    graph_ids = {c.node_id(g) for g, _ in named}
    # the context as in ontology/context.jsonld, one entry a line; then a node a line
    output.write(context_text(c.context)[:-3].encode("utf-8") + b',\n  "@graph": [')
    first = True

    def emit(text: str) -> None:
        nonlocal first
        output.write((("\n" if first else ",\n") + text).encode("utf-8"))
        first = False

    held: dict[str, dict[str, Any]] = {}
    for node in _nodes(default, c):
        if node["@id"] in graph_ids:
            held[node["@id"]] = node
        else:
            emit(_dump(node))
    for graph, triples in named:
        nodes = _nodes(triples, c)
        node = next(nodes, None)
        if node is None:
            continue
        gid = c.node_id(graph)
        emit(_dump(held.pop(gid, {"@id": gid}))[:-1] + ',"@graph":[\n' + _dump(node))
        for node in nodes:
            output.write((",\n" + _dump(node)).encode("utf-8"))
        output.write(b"]}")
    for node in held.values():
        emit(_dump(node))
    output.write(b"\n  ]\n}\n")
