"""Read the entities and facts of a graph for evaluation, through SPARQL only.

The queries live next to this module (``kg/evaluate/queries/*.rq``); nothing
here imports spaCy, so ``kg eval --graph`` starts fast. The result is a plain
in-memory view the matcher can walk without knowing RDF.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Store

from kg.errors import GoldError
from kg.query import LibraryQuery, parse_query_file, rows, run_query
from kg.rdf.vocab import KG_NS

_QUERIES = Path(__file__).with_name("queries")


@dataclass(slots=True)
class GraphEntity:
    iri: str
    cls: str
    pref: str
    alts: list[str] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)
    mentions: int = 0
    sentence: str | None = None
    _first: int | None = None

    @property
    def labels(self) -> list[str]:
        return [self.pref, *self.alts]


@dataclass(frozen=True, slots=True)
class GraphQuantity:
    iri: str
    value: float | None
    unit: str | None
    qualifier: str | None
    text: str | None

    def describe(self) -> str:
        if self.text:
            return self.text
        shown = "?" if self.value is None else f"{self.value:g}"
        return " ".join(p for p in (self.qualifier, shown, self.unit) if p)


@dataclass(frozen=True, slots=True)
class FactRef:
    """A role filled by another fact (e.g. the operation of a Participation)."""

    iri: str
    cls: str


Value = GraphEntity | GraphQuantity | FactRef | str


@dataclass(slots=True)
class GraphFact:
    iri: str
    cls: str
    doc: str | None = None
    begin: int | None = None
    sentence: str | None = None
    values: dict[str, list[Value]] = field(default_factory=lambda: defaultdict(list))

    def fillers(self, properties: tuple[str, ...]) -> list[Value]:
        out: list[Value] = []
        for p in properties:
            out.extend(self.values.get(p, ()))
        return out


@dataclass(slots=True)
class GraphData:
    documents: list[str]
    entities: list[GraphEntity]
    facts: list[GraphFact]
    sentences: list[str]


@cache
def _query(name: str) -> LibraryQuery:
    return parse_query_file(_QUERIES / f"{name}.rq")


def _select(store: Store, name: str) -> list[dict[str, str | None]]:
    header, data = rows(run_query(store, _query(name)))
    return [dict(zip(header, row, strict=True)) for row in data]


_CHAR = re.compile(r"#char=(\d+),(\d+)$")


class _Texts:
    """Sentence text from nif:anchorOf, or sliced from the document by the RFC 5147 IRI."""

    def __init__(self, documents: dict[str, str | None]):
        self.documents = documents

    def sentence(self, node: str | None, anchor: str | None, doc: str | None) -> str | None:
        if anchor:
            return anchor
        m = _CHAR.search(node or "")
        text = self.documents.get(doc or "")
        if m is None or text is None:
            return None
        return text[int(m.group(1)):int(m.group(2))].strip() or None

    @staticmethod
    def begin(node: str | None, begin: str | None) -> int | None:
        if begin:
            return int(begin)
        m = _CHAR.search(node or "")
        return int(m.group(1)) if m else None


def _local(iri: str) -> str:
    return iri[len(KG_NS):] if iri.startswith(KG_NS) else iri.rsplit("#", 1)[-1]


def select_documents(available: list[str], document: str | None) -> set[str] | None:
    """The graph documents a gold ``document:`` names (None: all of them)."""
    if document is None:
        return None
    stem = Path(document).stem
    chosen = {d for d in available if d in (document, stem, Path(document).name)}
    if not chosen:
        shown = ", ".join(available[:10]) or "none"
        raise GoldError(f"the gold file annotates {document!r}, which is not in the graph",
                        hint=f"build that source first; documents in the graph: {shown}")
    return chosen


class GraphRows:
    """The evaluation queries' rows of one store, run once and indexed by document.

    Scoring a split reads one document's view per gold file; run per view, the queries
    read the whole store each time (the dev split's 187 documents: 187 full reads, most
    of ``kg eval``'s time). The store must not change while this is in use.
    """

    def __init__(self, store: Store):
        doc_rows = _select(store, "documents")
        self.documents = [r["doc"] for r in doc_rows if r["doc"]]
        self.texts = _Texts({r["doc"]: r["text"] for r in doc_rows if r["doc"]})
        classes: dict[str, list[str]] = defaultdict(list)
        labels: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
        for r in _select(store, "entities"):
            iri = r["entity"]
            cls = _local(r["class"])
            if cls not in classes[iri]:
                classes[iri].append(cls)
            prefs, alts = labels[iri]
            target = prefs if r["preferred"] == "true" else alts
            if r["label"] not in target:
                target.append(r["label"])
        # (iri, sorted classes, sorted preferred labels, alternative labels) per labelled node
        self.labelled = [(iri, sorted(classes[iri]), sorted(prefs), alts)
                         for iri, (prefs, alts) in labels.items() if prefs]
        self.mentions = _by_doc(_select(store, "entity-mentions"))
        self.quantities = _select(store, "quantities")
        self.facts = _by_doc(_select(store, "facts"))
        self.values: dict[str, list[tuple[str, object]]] = defaultdict(list)
        for sol in run_query(store, _query("fact-values")):
            self.values[sol["fact"].value].append((sol["property"].value, sol["value"]))
        self.sentences = _by_doc(_select(store, "sentences"))

    def rows(self, index: dict[str | None, list[dict]], keep: set[str] | None) -> list[dict]:
        """The rows of the kept documents (all rows with ``keep`` None), in query order."""
        if keep is None:
            return index[_ALL]
        return [r for r in index[_ALL] if r["doc"] in keep] if len(keep) > 1 else \
            index.get(next(iter(keep)), [])


_ALL = "\x00all"


def _by_doc(found: list[dict]) -> dict[str | None, list[dict]]:
    index: dict[str | None, list[dict]] = defaultdict(list)
    index[_ALL] = found
    for r in found:
        index[r["doc"]].append(r)
    return index


def read_graph(store: Store, *, document: str | None = None,
               entity_classes: set[str] | None = None,
               rows: GraphRows | None = None) -> GraphData:
    """Entities, facts and sentences of the graph (or of one document in it).

    ``entity_classes`` are the kg: class names that make a node an entity of
    that class; a node with none of them keeps its first kg: class. ``rows``: the
    store's rows read once, for reading many documents' views of one store.
    """
    rows = rows or GraphRows(store)
    documents, texts = rows.documents, rows.texts
    keep = select_documents(documents, document)

    entities: dict[str, GraphEntity] = {}
    for iri, cls_list, prefs, alts in rows.labelled:
        known = [c for c in cls_list if entity_classes and c in entity_classes]
        entities[iri] = GraphEntity(iri, (known or cls_list)[0], prefs[0],
                                    sorted(set(prefs[1:] + alts) - {prefs[0]}))
    for r in rows.rows(rows.mentions, keep):
        e = entities.get(r["entity"])
        if e is None:
            continue
        doc = r["doc"]
        if doc:
            e.docs.add(doc)
        e.mentions += 1
        begin = int(r["begin"]) if r["begin"] else 0
        shown = texts.sentence(r["sentenceNode"], r["sentence"], doc) or r["anchor"]
        if shown and (e._first is None or begin < e._first):
            e._first, e.sentence = begin, shown
    every_entity = entities
    if keep is not None:
        entities = {k: e for k, e in entities.items() if e.docs & keep}
    elif any(e.mentions for e in entities.values()):
        # a labelled node nothing in the text mentions (e.g. a loaded reference entity)
        # was not extracted; graphs without mentions at all are scored as they are
        entities = {k: e for k, e in entities.items() if e.mentions}

    quantities = {
        r["quantity"]: GraphQuantity(r["quantity"], float(r["value"]) if r["value"] else None,
                                     r["unit"], r["qualifier"], r["text"])
        for r in rows.quantities
    }
    facts: dict[str, GraphFact] = {}
    for r in rows.rows(rows.facts, keep):
        fact = facts.get(r["fact"])
        if fact is None:
            fact = facts[r["fact"]] = GraphFact(
                r["fact"], _local(r["class"]), r["doc"],
                texts.begin(r["sentenceNode"], r["begin"]),
                texts.sentence(r["sentenceNode"], r["sentence"], r["doc"]))
        elif _local(r["class"]) < fact.cls:  # several specific classes: keep one, stably
            fact.cls = _local(r["class"])

    for fact in facts.values():
        for prop_iri, term in rows.values.get(fact.iri, ()):
            prop = _local(prop_iri)
            value: Value
            if isinstance(term, NamedNode):
                if term.value in every_entity:
                    value = every_entity[term.value]
                elif term.value in quantities:
                    value = quantities[term.value]
                elif term.value in facts:
                    value = FactRef(term.value, facts[term.value].cls)
                else:
                    value = term.value
            elif isinstance(term, Literal):
                value = term.value
            else:
                continue
            fact.values[prop].append(value)

    sentences = [r["sentence"] for r in rows.rows(rows.sentences, keep) if r["sentence"]]
    ordered = sorted(facts.values(), key=lambda f: (f.doc or "", f.begin or 0, f.cls, f.iri))
    return GraphData(documents if keep is None else sorted(keep),
                     sorted(entities.values(), key=lambda e: (e.pref.casefold(), e.iri)),
                     ordered, sentences)
