"""Map extraction records to RDF quads: the only module that builds triples.

Every quad of a document goes into that document's named graph, so one
document's facts can be replaced without touching the rest. Provenance uses
NIF 2.0 throughout: the document is a ``nif:Context`` holding the exact text,
sentences and mentions are ``nif:String`` nodes with begin/end offsets.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from pyoxigraph import Literal, NamedNode, Quad

from kg.rdf.iri import IriMinter
from kg.rdf.vocab import DCT, KG, NIF, OWL, PROV, RDF, RDFS, SKOS, WGS84, XSD
from kg.records import DocumentResult, Entity, Fact, Mention, Quantity, TimeExpr

_XSD_DATE = XSD.date
_XSD_DATETIME = XSD.dateTime
_XSD_INT = XSD.nonNegativeInteger
_XSD_DECIMAL = XSD.decimal


def _int(n: int) -> Literal:
    return Literal(str(n), datatype=_XSD_INT)


def _dec(x: float) -> Literal:
    d = Decimal(repr(x)).normalize()
    text = format(d, "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=_XSD_DECIMAL)


def _datetime(dt) -> Literal:
    return Literal(dt.strftime("%Y-%m-%dT%H:%M:%SZ"), datatype=_XSD_DATETIME)


class DocumentMapper:
    """Builds the quads of one document's named graph."""

    def __init__(self, result: DocumentResult, minter: IriMinter):
        self.result = result
        self.doc = result.document
        self.minter = minter
        self.graph = minter.graph(self.doc.doc_id)
        self.doc_iri = minter.document(self.doc.doc_id)
        self.entity_iri: dict[str, NamedNode] = {
            e.key: self.entity_node(e) for e in result.entities
        }
        self.mention_entity: dict[Mention, str] = {
            m: e.key for e in result.entities for m in e.mentions
        }

    def entity_node(self, entity: Entity) -> NamedNode:
        _, _, name = entity.key.partition(":")
        return self.minter.entity(entity.type.value, name or entity.key)

    def q(self, s, p, o) -> Quad:
        return Quad(s, p, o, self.graph)

    def quads(self) -> Iterator[Quad]:
        yield from self.document_quads()
        for sent in self.result.sentences:
            yield from self.sentence_quads(sent)
        for entity in self.result.entities:
            yield from self.entity_quads(entity)
        for fact in self.result.facts:
            yield from self.fact_quads(fact)

    # --- documents and updates -------------------------------------------------
    def document_quads(self) -> Iterator[Quad]:
        d, q = self.doc_iri, self.q
        doc = self.doc
        yield q(d, RDF.type, KG.SourceDocument)
        yield q(d, RDF.type, NIF.Context)
        yield q(d, NIF.isString, Literal(doc.text))
        yield q(d, NIF.beginIndex, _int(0))
        yield q(d, NIF.endIndex, _int(len(doc.text)))
        yield q(d, DCT.identifier, Literal(doc.doc_id))
        yield q(d, KG.contentHash, Literal(doc.sha256))
        if doc.title:
            yield q(d, DCT.title, Literal(doc.title))
        if doc.live_title:
            yield q(d, KG.liveTitle, Literal(doc.live_title))
        if doc.published:
            yield q(d, KG.publishedOn, Literal(doc.published.isoformat(), datatype=_XSD_DATE))
        if doc.updated:
            yield q(d, KG.updatedAt, _datetime(doc.updated))
        for unit in doc.units:
            u = self.minter.update(doc.doc_id, unit.index)
            yield q(u, RDF.type, KG.Update)
            yield q(u, DCT.isPartOf, d)
            yield q(u, NIF.beginIndex, _int(unit.start))
            yield q(u, NIF.endIndex, _int(unit.end))
            if unit.stamp:
                yield q(u, KG.stamp, _datetime(unit.stamp))
            if unit.headline:
                yield q(u, KG.headline, Literal(unit.headline.text))
            if unit.dateline:
                yield q(u, KG.dateline, Literal(unit.dateline.text))

    def sentence_quads(self, sent: tuple[int, int, int]) -> Iterator[Quad]:
        unit, start, end = sent
        s = self.minter.span(self.doc.doc_id, start, end)
        q = self.q
        yield q(s, RDF.type, NIF.Sentence)
        yield q(s, NIF.referenceContext, self.doc_iri)
        yield q(s, NIF.beginIndex, _int(start))
        yield q(s, NIF.endIndex, _int(end))
        yield q(s, NIF.anchorOf, Literal(self.doc.text[start:end]))
        yield q(s, KG.update, self.minter.update(self.doc.doc_id, unit))

    # --- entities -----------------------------------------------------------------
    def entity_quads(self, entity: Entity) -> Iterator[Quad]:
        e, q = self.entity_iri[entity.key], self.q
        yield q(e, RDF.type, KG[entity.type.value])
        yield q(e, SKOS.prefLabel, Literal(entity.name))
        yield q(e, RDFS.label, Literal(entity.name))
        for alias in sorted(entity.aliases - {entity.name}):
            yield q(e, SKOS.altLabel, Literal(alias))
        for link in sorted(set(entity.same_as)):
            yield q(e, OWL.sameAs, NamedNode(link))
        if entity.geonames_id is not None:
            yield q(e, KG.geonamesId, _int(entity.geonames_id))
        if entity.country_code:
            yield q(e, KG.countryCode, Literal(entity.country_code))
        if entity.lat is not None and entity.long is not None:
            yield q(e, WGS84.lat, _dec(entity.lat))
            yield q(e, WGS84.long, _dec(entity.long))
        for m in entity.mentions:
            yield from self.mention_quads(m, e)
        for surface, rule in sorted(set(entity.merges)):
            yield q(e, KG.mergedBy, Literal(f"{rule}: {surface}"))

    def span_node(self, start: int, end: int, text: str) -> Iterator[Quad]:
        s, q = self.minter.span(self.doc.doc_id, start, end), self.q
        yield q(s, RDF.type, NIF.Phrase)
        yield q(s, NIF.referenceContext, self.doc_iri)
        yield q(s, NIF.beginIndex, _int(start))
        yield q(s, NIF.endIndex, _int(end))
        yield q(s, NIF.anchorOf, Literal(text))

    def mention_quads(self, m: Mention, entity: NamedNode) -> Iterator[Quad]:
        node = self.minter.span(self.doc.doc_id, m.start, m.end)
        yield from self.span_node(m.start, m.end, m.text)
        yield self.q(node, KG.mentionOf, entity)
        yield self.q(node, NIF.sentence, self.minter.span(self.doc.doc_id, *m.sentence))
        yield self.q(node, KG.update, self.minter.update(self.doc.doc_id, m.unit))
        yield self.q(node, KG.rule, self.minter.rule(m.source))

    # --- facts --------------------------------------------------------------------
    def fact_identity(self, fact: Fact) -> str:
        roles = sorted((k, sorted(repr(v) for v in vs)) for k, vs in fact.roles.items())
        trig = (fact.trigger.start, fact.trigger.end) if fact.trigger else None
        return f"{fact.kind}|{fact.unit}|{fact.sentence}|{trig}|{fact.rule}|{roles}"

    def fact_quads(self, fact: Fact) -> Iterator[Quad]:
        doc_id = self.doc.doc_id
        f = self.minter.fact(doc_id, fact.kind, self.fact_identity(fact))
        q = self.q
        yield q(f, RDF.type, KG[fact.kind])
        yield q(f, RDF.type, KG.Event if fact.category == "event" else KG.Relation)
        yield q(f, KG.rule, self.minter.rule(fact.rule))
        yield q(f, KG.confidence, _dec(round(fact.confidence, 3)))
        yield q(f, PROV.wasDerivedFrom, self.minter.span(doc_id, *fact.sentence))
        yield q(f, KG.sentence, self.minter.span(doc_id, *fact.sentence))
        yield q(f, KG.update, self.minter.update(doc_id, fact.unit))
        if fact.reported:
            yield q(f, KG.reportedAt, _datetime(fact.reported))
        if fact.trigger:
            t = fact.trigger
            yield from self.span_node(t.start, t.end, t.text)
            yield q(f, KG.trigger, self.minter.span(doc_id, t.start, t.end))
        if fact.attributed_to is not None:
            key = self.mention_entity.get(fact.attributed_to)
            if key:
                yield q(f, KG.attributedTo, self.entity_iri[key])
        n_quantity = 0
        for role, values in sorted(fact.roles.items()):
            for value in values:
                if isinstance(value, Mention):
                    key = self.mention_entity.get(value)
                    if key is not None:
                        yield q(f, KG[role], self.entity_iri[key])
                        yield q(f, PROV.wasDerivedFrom,
                                self.minter.span(doc_id, value.start, value.end))
                    else:
                        yield q(f, KG[role + "Text"], Literal(value.text))
                elif isinstance(value, Quantity):
                    qn = self.minter.quantity(f, n_quantity)
                    n_quantity += 1
                    yield q(f, KG[role], qn)
                    yield from self.quantity_quads(qn, value)
                elif isinstance(value, TimeExpr):
                    yield from self.time_quads(f, role, value)
                else:
                    yield q(f, KG[role] if role in _TEXT_ROLES else KG[role + "Text"],
                            Literal(str(value)))

    def quantity_quads(self, node: NamedNode, value: Quantity) -> Iterator[Quad]:
        q = self.q
        yield q(node, RDF.type, KG.Quantity)
        yield q(node, KG.quantityText, Literal(value.text))
        if value.value is not None:
            yield q(node, KG.value, _dec(value.value))
        if value.unit:
            yield q(node, KG.unit, Literal(value.unit))
        if value.qualifier:
            yield q(node, KG.qualifier, Literal(value.qualifier))

    def time_quads(self, f: NamedNode, role: str, value: TimeExpr) -> Iterator[Quad]:
        q = self.q
        prop = KG.dateEnd if role == "dateEnd" else KG.date
        if value.value:
            yield q(f, prop, Literal(value.value, datatype=_XSD_DATE))
        if role != "dateEnd":
            yield q(f, KG.datePrecision, Literal(value.precision))
            yield q(f, KG.dateText, Literal(value.text))
        if value.end and role != "dateEnd":
            yield q(f, KG.dateEnd, Literal(value.end, datatype=_XSD_DATE))


# Roles whose plain-text value is the property itself (not a ``...Text`` variant).
_TEXT_ROLES = frozenset({"purpose", "quote", "cue", "gist", "cause", "role", "eventType"})


def map_document(result: DocumentResult, minter: IriMinter) -> list[Quad]:
    """All quads of one document, de-duplicated, in a stable order."""
    return list(dict.fromkeys(DocumentMapper(result, minter).quads()))
