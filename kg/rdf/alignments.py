"""The ontology's alignments to other vocabularies, as lookup tables for ``--entail``.

``ontology/kg.ttl`` aligns kg's terms one way, by ``rdfs:subClassOf`` and
``rdfs:subPropertyOf`` (``kg:Event`` ⊑ ``sem:Event``, ``kg:agent`` ⊑ ``sem:hasActor``,
``kg:Position`` ⊑ ``org:Membership``). A store that reasons derives the external types
and properties itself; for one that does not, ``kg build/export --entail`` writes them
(:func:`kg.rdf.mapping.entailed_quads`). This module only reads the ontology.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, Store

from kg.rdf.vocab import KG_NS, RDFS


@dataclass(frozen=True)
class Alignments:
    """kg class -> every external class above it; kg property -> every external
    property above it (transitively, through kg's own hierarchy)."""

    classes: dict[NamedNode, tuple[NamedNode, ...]]
    properties: dict[NamedNode, tuple[NamedNode, ...]]


def _closure(edges: dict[NamedNode, set[NamedNode]]) -> dict[NamedNode, tuple[NamedNode, ...]]:
    """For each kg term, the external terms reachable over ``edges``, sorted."""
    out: dict[NamedNode, tuple[NamedNode, ...]] = {}
    for term in edges:
        if not term.value.startswith(KG_NS):
            continue
        seen: set[NamedNode] = set()
        todo = list(edges[term])
        while todo:
            node = todo.pop()
            if node not in seen:
                seen.add(node)
                todo.extend(edges.get(node, ()))
        external = sorted((n for n in seen if not n.value.startswith(KG_NS)), key=str)
        if external:
            out[term] = tuple(external)
    return out


def _edges(store: Store, predicate: NamedNode) -> dict[NamedNode, set[NamedNode]]:
    edges: dict[NamedNode, set[NamedNode]] = {}
    for q in store.quads_for_pattern(None, predicate, None, None):
        if isinstance(q.subject, NamedNode) and isinstance(q.object, NamedNode):
            edges.setdefault(q.subject, set()).add(q.object)
    return edges


def read_alignments(path: Path) -> Alignments:
    store = Store()
    store.load(path=str(path), format=RdfFormat.TURTLE)
    return Alignments(classes=_closure(_edges(store, RDFS.subClassOf)),
                      properties=_closure(_edges(store, RDFS.subPropertyOf)))


@functools.cache
def alignments() -> Alignments:
    """The alignments of the ontology kg ships (``ontology/kg.ttl``), read once."""
    from kg.resources import ontology_dir

    return read_alignments(ontology_dir() / "kg.ttl")


def external_terms(al: Alignments) -> Iterable[NamedNode]:
    """Every external class and property the alignments lead to."""
    for targets in (*al.classes.values(), *al.properties.values()):
        yield from targets
