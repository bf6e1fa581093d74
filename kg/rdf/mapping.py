"""Map extraction records to RDF quads: the only module that builds triples.

Every quad of a document goes into that document's named graph, so one
document's facts can be replaced without touching the rest. Provenance uses
NIF 2.0 throughout: the document is a ``nif:Context`` holding the exact text,
sentences and mentions are ``nif:String`` nodes with begin/end offsets; a mention
also points to its entity with ITS 2.0's ``itsrdf:taIdentRef``. Positions and
memberships are also W3C ORG ``org:Membership`` nodes (and posts, ``org:Post``).
:func:`entailed_quads` builds the aligned super-types and super-properties that
``--entail`` writes for stores without reasoning.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

from pyoxigraph import Literal, NamedNode, Quad

from kg.rdf.alignments import Alignments
from kg.rdf.iri import IriMinter
from kg.rdf.vocab import DCT, ITSRDF, KG, NIF, ORG, OWL, PROV, RDF, RDFS, SKOS, WGS84, XSD
from kg.records import DocumentResult, Entity, Fact, Mention, Quantity, TimeExpr

_XSD_DATE = XSD.date
_XSD_ANYURI = XSD.anyURI
_XSD_DATETIME = XSD.dateTime
_XSD_INT = XSD.nonNegativeInteger
_XSD_DECIMAL = XSD.decimal

# The shape of the graph written for a document (kg:graphFormat). Raise it when kg starts
# writing triples its queries rely on, so that an incremental build rebuilds the graphs
# that lack them instead of skipping them for an unchanged content hash.
# 1: before kg:graphFormat; 2: kg:labelKey on every labelled node.
GRAPH_FORMAT = 2
_GRAPH_FORMAT = Literal(str(GRAPH_FORMAT), datatype=XSD.integer)


@functools.lru_cache(maxsize=65536, typed=True)  # offsets repeat from document to document
def _int(n: int) -> Literal:
    return Literal(str(n), datatype=_XSD_INT)


def _dec(x: float) -> Literal:
    return _decimal(repr(x))


def _count(x: float) -> Literal:
    """A quantity's value: a whole number (every count) is an xsd:integer, else a decimal."""
    if x == int(x):
        return Literal(str(int(x)), datatype=XSD.integer)
    return _dec(x)


# confidences and coordinates repeat; keyed by repr, not by value: -0.0 == 0.0
@functools.lru_cache(maxsize=4096)
def _decimal(number: str) -> Literal:
    d = Decimal(number).normalize()
    text = format(d, "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=_XSD_DECIMAL)


def _datetime(dt: datetime) -> Literal:
    return Literal(dt.strftime("%Y-%m-%dT%H:%M:%SZ"), datatype=_XSD_DATETIME)


def label_keys(node: NamedNode, labels: Iterable[str], graph: NamedNode, add) -> None:
    """``kg:labelKey``: each skos:prefLabel/altLabel of the node in lower case, once.

    Why: a name is asked for case-insensitively; with its key in the graph that is an index
    lookup (the queries bind the lower-cased name, kg/query.py) instead of a scan of every
    label. ``str.lower`` is SPARQL's ``LCASE`` (Unicode's full lower-case mapping), so a
    graph gets the same keys from ``LCASE(STR(?label))`` (docs/store.md).
    """
    for key in sorted({label.lower() for label in labels}):
        add(Quad(node, _LABEL_KEY, Literal(key), graph))


# Terms used for every document, bound once: attribute lookups per quad add up.
_TYPE = RDF.type
_BEGIN, _END, _ANCHOR, _CONTEXT = NIF.beginIndex, NIF.endIndex, NIF.anchorOf, NIF.referenceContext
_PHRASE, _SENTENCE = NIF.Phrase, NIF.Sentence
_KG_UPDATE, _KG_RULE, _KG_SENTENCE = KG.update, KG.rule, KG.sentence
_DERIVED = PROV.wasDerivedFrom
_PREF, _LABEL, _ALT, _SAME = SKOS.prefLabel, RDFS.label, SKOS.altLabel, OWL.sameAs
_LABEL_KEY = KG.labelKey
_EVENT, _RELATION = KG.Event, KG.Relation
_TA_IDENT_REF = ITSRDF.taIdentRef
# W3C ORG: the role that names the member and the one that names the organization.
_ORG_ROLES = {"Position": ("holder", "organization"), "Membership": ("member", "group")}


class DocumentMapper:
    """Builds the quads of one document's named graph.

    Quads are appended to one list (no generator chain), and the terms a document
    repeats (span, update and rule nodes, anchor texts) are made once per document:
    building pyoxigraph terms and quads is most of the mapping's time.
    """

    def __init__(self, result: DocumentResult, minter: IriMinter, *, head: bool = True,
                 tail: bool = True, whole_text: bool = True):
        self.head, self.tail, self.whole_text = head, tail, whole_text  # see map_document
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
        self.out: list[Quad] = []
        self._spans: dict[tuple[int, int], NamedNode] = {}
        self._updates: dict[int, NamedNode] = {}
        self._rules: dict[str, NamedNode] = {}
        self._texts: dict[str, Literal] = {}
        self._times: dict[int, tuple[datetime, Literal]] = {}
        self._org_nodes: set[NamedNode] = set()  # org:Role and org:Post nodes described

    def entity_node(self, entity: Entity) -> NamedNode:
        _, _, name = entity.key.partition(":")
        return self.minter.entity(entity.type.value, name or entity.key)

    # --- per-document caches of repeated terms ---------------------------------------
    def span(self, start: int, end: int) -> NamedNode:
        node = self._spans.get((start, end))
        if node is None:
            node = self._spans[start, end] = self.minter.span(self.doc.doc_id, start, end)
        return node

    def update(self, index: int) -> NamedNode:
        node = self._updates.get(index)
        if node is None:
            node = self._updates[index] = self.minter.update(self.doc.doc_id, index)
        return node

    def text(self, text: str) -> Literal:
        """A plain literal, made once per document: a name is anchored at each mention."""
        lit = self._texts.get(text)
        if lit is None:
            lit = self._texts[text] = Literal(text)
        return lit

    def time(self, dt: datetime) -> Literal:
        """The literal of a report time; facts share their update's datetime object.

        Keyed by identity, not equality (equal aware datetimes may print differently);
        the cache holds the object, so its id cannot be reused meanwhile.
        """
        hit = self._times.get(id(dt))
        if hit is None:
            hit = self._times[id(dt)] = (dt, _datetime(dt))
        return hit[1]

    def rule(self, rule_id: str) -> NamedNode:
        node = self._rules.get(rule_id)
        if node is None:
            node = self._rules[rule_id] = self.minter.rule(rule_id)
        return node

    def quads(self) -> list[Quad]:
        """Every quad of the document in mapping order, duplicates included."""
        self.out = []
        self.document_quads()
        for sent in self.result.sentences:
            self.sentence_quads(sent)
        for entity in self.result.entities:
            self.entity_quads(entity)
        self.fact_iri = {id(fact): self.minter.fact(self.doc.doc_id, fact.kind,
                                                    self.fact_identity(fact))
                         for fact in self.result.facts}
        for fact in self.result.facts:
            self.fact_quads(fact)
        return self.out

    # --- documents and updates -------------------------------------------------
    def document_quads(self) -> None:
        """The document node (``head``), its updates, then its hash (``tail``): a graph
        that has the hash has every other quad of the document."""
        d, g, add = self.doc_iri, self.graph, self.out.append
        doc = self.doc
        if self.head:
            add(Quad(d, _TYPE, KG.SourceDocument, g))
            add(Quad(d, _TYPE, NIF.Context, g))
            if self.whole_text:
                add(Quad(d, NIF.isString, Literal(doc.text), g))
            add(Quad(d, _BEGIN, _int(0), g))
            add(Quad(d, _END, _int(len(doc.text)), g))
            add(Quad(d, DCT.identifier, Literal(doc.doc_id), g))
            if doc.title:
                add(Quad(d, DCT.title, Literal(doc.title), g))
            if doc.url:
                add(Quad(d, DCT.source, Literal(doc.url, datatype=_XSD_ANYURI), g))
            if doc.live_title:
                add(Quad(d, KG.liveTitle, Literal(doc.live_title), g))
            if doc.published:
                add(Quad(d, KG.publishedOn,
                         Literal(doc.published.isoformat(), datatype=_XSD_DATE), g))
        self.document_updates()
        if self.tail:
            add(Quad(d, KG.contentHash, Literal(doc.sha256), g))
            add(Quad(d, KG.graphFormat, _GRAPH_FORMAT, g))
            if doc.updated:
                add(Quad(d, KG.updatedAt, _datetime(doc.updated), g))

    def document_updates(self) -> None:
        d, g, add = self.doc_iri, self.graph, self.out.append
        for unit in self.doc.units:
            u = self.update(unit.index)
            add(Quad(u, _TYPE, KG.Update, g))
            add(Quad(u, DCT.isPartOf, d, g))
            add(Quad(u, _BEGIN, _int(unit.start), g))
            add(Quad(u, _END, _int(unit.end), g))
            if unit.stamp:
                add(Quad(u, KG.stamp, _datetime(unit.stamp), g))
            if unit.headline:
                add(Quad(u, KG.headline, Literal(unit.headline.text), g))
            if unit.dateline:
                add(Quad(u, KG.dateline, Literal(unit.dateline.text), g))

    def sentence_quads(self, sent: tuple[int, int, int]) -> None:
        unit, start, end = sent
        s, g, add, lit = self.span(start, end), self.graph, self.out.append, _int
        add(Quad(s, _TYPE, _SENTENCE, g))
        add(Quad(s, _CONTEXT, self.doc_iri, g))
        add(Quad(s, _BEGIN, lit(start), g))
        add(Quad(s, _END, lit(end), g))
        add(Quad(s, _ANCHOR, Literal(self.doc.text[start:end]), g))
        add(Quad(s, _KG_UPDATE, self.update(unit), g))

    # --- entities -----------------------------------------------------------------
    def entity_quads(self, entity: Entity) -> None:
        e, g, add = self.entity_iri[entity.key], self.graph, self.out.append
        add(Quad(e, _TYPE, KG[entity.type.value], g))
        name = Literal(entity.name)
        add(Quad(e, _PREF, name, g))
        add(Quad(e, _LABEL, name, g))
        aliases = sorted(entity.aliases - {entity.name})
        for alias in aliases:
            add(Quad(e, _ALT, Literal(alias), g))
        label_keys(e, [entity.name, *aliases], g, add)
        for link in sorted(set(entity.same_as)):
            add(Quad(e, _SAME, NamedNode(link), g))
        if entity.geonames_id is not None:
            add(Quad(e, KG.geonamesId, _int(entity.geonames_id), g))
        if entity.country_code:
            add(Quad(e, KG.countryCode, Literal(entity.country_code), g))
        if entity.lat is not None and entity.long is not None:
            add(Quad(e, WGS84.lat, _dec(entity.lat), g))
            add(Quad(e, WGS84.long, _dec(entity.long), g))
        mention_of, sentence, span, update, rule = (
            KG.mentionOf, NIF.sentence, self.span, self.update, self.rule)
        for m in entity.mentions:
            node = self.span_node(m.start, m.end, m.text)
            add(Quad(node, mention_of, e, g))
            add(Quad(node, _TA_IDENT_REF, e, g))
            add(Quad(node, sentence, span(*m.sentence), g))
            add(Quad(node, _KG_UPDATE, update(m.unit), g))
            add(Quad(node, _KG_RULE, rule(m.source), g))
        for surface, rule_id in sorted(set(entity.merges)):
            add(Quad(e, KG.mergedBy, Literal(f"{rule_id}: {surface}"), g))

    def span_node(self, start: int, end: int, text: str) -> NamedNode:
        """Add the NIF phrase quads of a span; return its node."""
        s, g, add, lit = self.span(start, end), self.graph, self.out.append, _int
        add(Quad(s, _TYPE, _PHRASE, g))
        add(Quad(s, _CONTEXT, self.doc_iri, g))
        add(Quad(s, _BEGIN, lit(start), g))
        add(Quad(s, _END, lit(end), g))
        add(Quad(s, _ANCHOR, self.text(text), g))
        return s

    # --- facts --------------------------------------------------------------------
    @staticmethod
    def fact_identity(fact: Fact) -> str:
        """What a fact's IRI is minted from (also read by kg/evaluate/filter_training.py)."""
        roles = sorted((k, sorted(repr(v) for v in vs)) for k, vs in fact.roles.items())
        trig = (fact.trigger.start, fact.trigger.end) if fact.trigger else None
        return f"{fact.kind}|{fact.unit}|{fact.sentence}|{trig}|{fact.rule}|{roles}"

    def fact_quads(self, fact: Fact) -> None:
        f = self.fact_iri[id(fact)]
        g, add, span = self.graph, self.out.append, self.span
        add(Quad(f, _TYPE, KG[fact.kind], g))
        add(Quad(f, _TYPE, _EVENT if fact.category == "event" else _RELATION, g))
        add(Quad(f, _KG_RULE, self.rule(fact.rule), g))
        confidence = fact.confidence if fact.probability is None else fact.probability
        add(Quad(f, KG.confidence, _dec(round(confidence, 3)), g))
        sentence = span(*fact.sentence)
        add(Quad(f, _DERIVED, sentence, g))
        add(Quad(f, _KG_SENTENCE, sentence, g))
        add(Quad(f, _KG_UPDATE, self.update(fact.unit), g))
        if fact.reported:
            add(Quad(f, KG.reportedAt, self.time(fact.reported), g))
        if fact.trigger:
            t = fact.trigger
            add(Quad(f, KG.trigger, self.span_node(t.start, t.end, t.text), g))
        if fact.factuality:
            add(Quad(f, KG.factuality, Literal(fact.factuality), g))
        for prop, others in sorted(fact.links.items()):
            for other in others:
                target = self.fact_iri.get(id(other))
                if target is not None:
                    add(Quad(f, KG[prop], target, g))
        if fact.attributed_to is not None:
            key = self.mention_entity.get(fact.attributed_to)
            if key:
                add(Quad(f, KG.attributedTo, self.entity_iri[key], g))
        n_quantity = 0
        for role, values in sorted(fact.roles.items()):
            for value in values:
                if isinstance(value, Mention):
                    key = self.mention_entity.get(value)
                    if key is not None:
                        add(Quad(f, KG[role], self.entity_iri[key], g))
                        add(Quad(f, _DERIVED, span(value.start, value.end), g))
                    else:
                        add(Quad(f, KG[role + "Text"], Literal(value.text), g))
                elif isinstance(value, Quantity):
                    qn = self.minter.quantity(f, n_quantity)
                    n_quantity += 1
                    add(Quad(f, KG[role], qn, g))
                    self.quantity_quads(qn, value)
                elif isinstance(value, TimeExpr):
                    self.time_quads(f, role, value)
                else:
                    add(Quad(f, KG[role] if role in _TEXT_ROLES else KG[role + "Text"],
                             Literal(str(value)), g))
        if fact.kind in _ORG_ROLES:
            self.org_quads(f, fact)

    def org_quads(self, f: NamedNode, fact: Fact) -> None:
        """A position or membership as W3C ORG: the fact node is also an ``org:Membership``
        of its member in its organization, with the position's title as an ``org:Role``;
        a position with a known holder, organization and title is also an ``org:Post``
        in the organization that the holder ``org:holds``."""
        g, add = self.graph, self.out.append
        member_role, organization_role = _ORG_ROLES[fact.kind]
        members = self.role_entities(fact, member_role)
        organizations = self.role_entities(fact, organization_role)
        add(Quad(f, _TYPE, ORG.Membership, g))
        for member in members:
            add(Quad(f, ORG.member, member, g))
        for organization in organizations:
            add(Quad(f, ORG.organization, organization, g))
        if fact.kind != "Position":
            return
        for value in fact.roles.get("role", ()):
            title = role_title(str(value))
            if isinstance(value, Mention | Quantity | TimeExpr) or not title:
                continue
            role = self.minter.org_role(title)
            add(Quad(f, ORG.role, role, g))
            if role not in self._org_nodes:
                self._org_nodes.add(role)
                add(Quad(role, _TYPE, ORG.Role, g))
                add(Quad(role, _PREF, Literal(title), g))
                label_keys(role, [title], g, add)
            for organization in organizations:
                post = self.minter.post(organization, title)
                if post not in self._org_nodes:
                    self._org_nodes.add(post)
                    add(Quad(post, _TYPE, ORG.Post, g))
                    add(Quad(post, ORG.postIn, organization, g))
                    add(Quad(post, ORG.role, role, g))
                    post_label = f"{title} of {self.entity_names[organization]}"
                    add(Quad(post, _PREF, Literal(post_label), g))
                    label_keys(post, [post_label], g, add)
                for member in members:
                    add(Quad(member, ORG.holds, post, g))

    def role_entities(self, fact: Fact, role: str) -> list[NamedNode]:
        """The entities (resolved mentions) that fill ``role`` of ``fact``."""
        keys = (self.mention_entity.get(v) for v in fact.roles.get(role, ())
                if isinstance(v, Mention))
        return [self.entity_iri[k] for k in keys if k is not None]

    @functools.cached_property
    def entity_names(self) -> dict[NamedNode, str]:
        return {self.entity_iri[e.key]: e.name for e in self.result.entities}

    def quantity_quads(self, node: NamedNode, value: Quantity) -> None:
        g, add = self.graph, self.out.append
        add(Quad(node, _TYPE, KG.Quantity, g))
        add(Quad(node, KG.quantityText, Literal(value.text), g))
        if value.value is not None:
            add(Quad(node, KG.value, _count(value.value), g))
        if value.unit:
            add(Quad(node, KG.unit, Literal(value.unit), g))
        if value.qualifier:
            add(Quad(node, KG.qualifier, Literal(value.qualifier), g))

    def time_quads(self, f: NamedNode, role: str, value: TimeExpr) -> None:
        g, add = self.graph, self.out.append
        prop = KG.dateEnd if role == "dateEnd" else KG.date
        if value.value:
            add(Quad(f, prop, Literal(value.value, datatype=_XSD_DATE), g))
        if role != "dateEnd":
            add(Quad(f, KG.datePrecision, Literal(value.precision), g))
            add(Quad(f, KG.dateText, Literal(value.text), g))
        if value.end and role != "dateEnd":
            add(Quad(f, KG.dateEnd, Literal(value.end, datatype=_XSD_DATE), g))


_MINOR_WORDS = frozenset({"a", "an", "and", "at", "de", "for", "in", "of", "on", "the", "to"})


def role_title(text: str) -> str:
    """A position's title as its ``org:Role`` and ``org:Post`` are named: spaces collapsed,
    lower-case words capitalised but for minor ones ('prime minister' and 'Prime Minister'
    -> 'Prime Minister'; 'UN envoy' -> 'UN Envoy'), so that every document, and every part
    of a long one, names a role (one IRI per title whatever its case) alike."""
    words = text.split()
    return " ".join(
        w if not w.islower() or (i and w in _MINOR_WORDS)
        else "-".join(part[:1].upper() + part[1:] for part in w.split("-"))
        for i, w in enumerate(words))


# Roles whose plain-text value is the property itself (not a ``...Text`` variant).
_TEXT_ROLES = frozenset({"purpose", "quote", "cue", "gist", "cause", "role", "eventType",
                         "factuality"})


# A document's text longer than this is stored as ``kg:TextPiece`` nodes, one per part,
# not as one ``nif:isString`` literal: pyoxigraph's bulk loader takes about 1.9 bytes per
# character of a literal while it writes it (measured: +382 MiB for 200 MB, +763 MiB for
# 400 MB; bench/literalmemory.py), so no one literal keeps a build's memory bounded for
# any input. At 16 million characters the literal costs about 30 MB; every document
# below it (all news, and the 10 and 50 MB test lines' parts alike) keeps its one literal.
TEXT_LITERAL_CHARS = 16_000_000


def text_piece_quads(minter: IriMinter, doc_id: str, start: int, end: int,
                     text: str) -> list[Quad]:
    """The quads of one piece of a long document's text: the characters ``start`` to
    ``end`` of the whole text (docs/design.md, "Long documents: built in parts").

    ``<doc> kg:textPiece <doc#piece=start,end>``, typed ``kg:TextPiece``, with its
    ``nif:beginIndex``/``nif:endIndex`` in the whole text and its characters in
    ``kg:pieceText``. The pieces are the parts the document was built in, so every
    sentence, mention and update lies within one piece."""
    doc, piece, g = minter.document(doc_id), minter.text_piece(doc_id, start, end), \
        minter.graph(doc_id)
    return [Quad(doc, KG.textPiece, piece, g), Quad(piece, _TYPE, KG.TextPiece, g),
            Quad(piece, _BEGIN, _int(start), g), Quad(piece, _END, _int(end), g),
            Quad(piece, KG.pieceText, Literal(text), g)]


def map_document(result: DocumentResult, minter: IriMinter, *, head: bool = True,
                 tail: bool = True, whole_text: bool = True) -> list[Quad]:
    """All quads of one document, de-duplicated, in a stable order.

    For one part of a long document (kg/ingest/parts.py) only the first part has the
    ``head`` (the document node: type, text, id, title, dates) and only the last the
    ``tail`` (its content hash and latest update time); every part has its updates,
    sentences, entities and facts. Without ``whole_text`` the head lacks the text
    itself (``nif:isString``): a long document's is streamed into the store on its own
    (:func:`kg.store.bulk_add_text`), never made a string or a term in memory.
    """
    mapper = DocumentMapper(result, minter, head=head, tail=tail, whole_text=whole_text)
    return list(dict.fromkeys(mapper.quads()))


def entailed_quads(quads: Iterable[Quad], alignments: Alignments) -> list[Quad]:
    """What a reasoner would add to ``quads`` from the ontology's alignments: each
    ``rdf:type`` of a kg class also as its aligned external classes (``sem:Event``,
    ``schema:Person``, ``org:Membership``...), each kg property also as its external
    super-properties (``sem:hasActor``, ``prov:wasDerivedFrom``...), in the same graph.

    Only RDFS subclass and subproperty entailment to terms outside kg's namespace: a
    kg class is not given its kg super-classes (a ``kg:City`` does not become a
    ``kg:Place`` too), so kg's queries and shapes see the graph they expect. Some of
    the results may already be in ``quads`` or repeat: the caller de-duplicates.
    """
    classes, properties = alignments.classes, alignments.properties
    out: list[Quad] = []
    add = out.append
    for q in quads:
        p = q.predicate
        if p == _TYPE:
            for c in classes.get(q.object, ()):
                add(Quad(q.subject, _TYPE, c, q.graph_name))
        for sp in properties.get(p, ()):
            add(Quad(q.subject, sp, q.object, q.graph_name))
    return out
