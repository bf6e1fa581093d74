"""SHACL validation of a kg graph against ``ontology/shapes.ttl``.

Each named graph (one per document) is validated on its own, so a document's
graph must be self-contained: that is what lets one document be replaced
without touching the rest. The ontology is mixed in (no inference) so that
``sh:class`` sees the class hierarchy. Warnings are reported but do not make
a graph non-conforming.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode, RdfFormat, Store, serialize

from kg.errors import ValidationError
from kg.rdf.vocab import PREFIXES
from kg.resources import ontology_dir

SH = "http://www.w3.org/ns/shacl#"
SHAPES_NS = "https://w3id.org/kg-news/shapes#"


@dataclass(frozen=True, slots=True)
class Finding:
    """One SHACL result, with every node already shortened for display."""

    severity: str  # "Violation", "Warning" or "Info"
    graph: str
    focus: str
    path: str
    value: str
    message: str
    shape: str


@dataclass(slots=True)
class ValidationReport:
    """What ``kg validate`` found: conforming means no violation in any graph."""

    graphs: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Violation"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity != "Violation"]

    @property
    def conforms(self) -> bool:
        return not self.violations


def shapes_path() -> Path:
    return ontology_dir() / "shapes.ttl"


def ontology_path() -> Path:
    return ontology_dir() / "kg.ttl"


@cache
def _rdflib_graph(path: Path):
    import rdflib

    if not path.is_file():
        raise ValidationError("file missing", path=path, hint="reinstall kg")
    g = rdflib.Graph()
    try:
        g.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many unrelated types for bad Turtle
        raise ValidationError(f"cannot parse: {exc}", path=path) from exc
    return g


def _graph_names(store: Store) -> list[NamedNode | DefaultGraph]:
    names: list[NamedNode | DefaultGraph] = sorted(
        (g for g in store.named_graphs() if isinstance(g, NamedNode)), key=lambda g: g.value)
    if next(iter(store.quads_for_pattern(None, None, None, DefaultGraph())), None) is not None:
        names.insert(0, DefaultGraph())
    return names


@cache
def _prepared(text: str):
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text)


def _query_graph_class():
    """An rdflib Graph that parses each SPARQL text once.

    pyshacl runs a SPARQL constraint once per focus node with the same text and
    rdflib would parse it every time (most of the validation time otherwise).
    """
    import rdflib

    class QueryCachingGraph(rdflib.Graph):
        def query(self, query_object, *args, **kwargs):
            if isinstance(query_object, str):
                query_object = _prepared(query_object)
            return super().query(query_object, *args, **kwargs)

    return QueryCachingGraph


def _as_rdflib(store: Store, graph: NamedNode | DefaultGraph, ontology):
    """One graph of the store plus the ontology as an rdflib Graph, through N-Triples."""
    buf = io.BytesIO()
    triples = (q.triple for q in store.quads_for_pattern(None, None, None, graph))
    serialize(triples, buf, RdfFormat.N_TRIPLES)
    g = _query_graph_class()()
    g.parse(data=buf.getvalue().decode("utf-8"), format="nt")
    g += ontology
    return g


class _Shortener:
    """Prefixed names for vocabulary terms, ``<relative>`` IRIs for data under the base."""

    def __init__(self, graph: NamedNode | DefaultGraph):
        self.prefixes = sorted([*PREFIXES.items(), ("kgsh", SHAPES_NS)],
                               key=lambda kv: -len(kv[1]))
        self.base = None
        if isinstance(graph, NamedNode) and "/graph/" in graph.value:
            self.base = graph.value[: graph.value.rindex("/graph/") + 1]

    def __call__(self, node) -> str:
        import rdflib

        if node is None:
            return ""
        if isinstance(node, rdflib.URIRef):
            iri = str(node)
            for prefix, ns in self.prefixes:
                if iri.startswith(ns) and iri[len(ns):].replace("_", "a").isalnum():
                    return f"{prefix}:{iri[len(ns):]}"
            if self.base and iri.startswith(self.base):
                return f"<{iri[len(self.base):]}>"
            return f"<{iri}>"
        if isinstance(node, rdflib.Literal):
            text = str(node)
            if len(text) > 60:
                text = text[:57] + "..."
            dt = f"^^{self(node.datatype)}" if node.datatype else ""
            lang = f"@{node.language}" if node.language else ""
            return f'"{text}"{lang}{dt}'
        return "[]"


def _path_text(results, path, short: _Shortener) -> str:
    import rdflib

    if path is None:
        return ""
    if isinstance(path, rdflib.BNode):
        inv = results.value(path, rdflib.URIRef(SH + "inversePath"))
        if inv is not None:
            return "^" + short(inv)
    return short(path)


def _named_shape(shapes, shape):
    """The named shape a result came from: a blank property shape's parent node shape."""
    import rdflib

    seen = set()
    while isinstance(shape, rdflib.BNode) and shape not in seen:
        seen.add(shape)
        parent = next(iter(shapes.subjects(None, shape)), None)
        if parent is None:
            break
        shape = parent
    return shape


def _findings(results, shapes, graph_label: str, short: _Shortener) -> list[Finding]:
    import rdflib

    def sh(name: str) -> rdflib.URIRef:
        return rdflib.URIRef(SH + name)

    out = []
    for r in results.subjects(rdflib.RDF.type, sh("ValidationResult")):
        severity = str(results.value(r, sh("resultSeverity")) or SH + "Violation")
        messages = sorted(str(m) for m in results.objects(r, sh("resultMessage")))
        shape = _named_shape(shapes, results.value(r, sh("sourceShape")))
        out.append(Finding(
            severity=severity.rsplit("#", 1)[-1],
            graph=graph_label,
            focus=short(results.value(r, sh("focusNode"))),
            path=_path_text(results, results.value(r, sh("resultPath")), short),
            value=short(results.value(r, sh("value"))),
            message="; ".join(messages) or "constraint not met",
            shape=short(shape) if isinstance(shape, rdflib.URIRef) else "",
        ))
    return out


def validate_store(store: Store, *, shapes: Path | None = None,
                   ontology: Path | None = None) -> ValidationReport:
    """Validate every graph of ``store``; raises ValidationError only if validation cannot run."""
    from pyshacl import validate as shacl_validate

    shapes_g = _rdflib_graph((shapes or shapes_path()).resolve())
    ont_g = _rdflib_graph((ontology or ontology_path()).resolve())
    report = ValidationReport()
    for name in _graph_names(store):
        data = _as_rdflib(store, name, ont_g)
        try:
            _, results, _ = shacl_validate(
                data, shacl_graph=shapes_g, inference="none", inplace=True,
                allow_warnings=True, abort_on_first=False, advanced=False)
        except Exception as exc:  # pyshacl reports broken shapes with its own types
            raise ValidationError(f"SHACL validation failed to run: {exc}",
                                  hint="check ontology/shapes.ttl") from exc
        label = name.value if isinstance(name, NamedNode) else "default graph"
        found = _findings(results, shapes_g, label, _Shortener(name))
        report.findings.extend(sorted(found, key=lambda f: (
            f.severity != "Violation", f.focus, f.path, f.message, f.value)))
        report.graphs += 1
    return report


def validate_graph_file(path: Path) -> ValidationReport:
    """Parse a graph file (any kg format) and validate it."""
    from kg.store import load_graph_file

    return validate_store(load_graph_file(path))


def owl_rl_inconsistencies(store: Store, *, ontology: Path | None = None) -> list[str]:
    """Inconsistencies that OWL 2 RL reasoning (owlrl) finds in ontology + all graphs.

    The graphs are merged first: an entity typed differently in two documents
    is exactly the kind of clash this is meant to catch.
    """
    import owlrl
    import rdflib

    g = rdflib.Graph()
    g += _rdflib_graph((ontology or ontology_path()).resolve())
    for name in _graph_names(store):
        g += _as_rdflib(store, name, rdflib.Graph())
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False,
                           datatype_axioms=False).expand(g)
    error = rdflib.URIRef("http://www.daml.org/2002/03/agents/agent-ont#error")
    return sorted(str(o) for o in g.objects(None, error))
