"""Vocabulary terms as pyoxigraph nodes.

Namespaces are closed where kg owns or relies on a fixed set of terms, so a
misspelt term fails at import time instead of producing silent garbage. A
test checks that every ``KG`` term is declared in ``ontology/kg.ttl``.
"""

from __future__ import annotations

from pyoxigraph import NamedNode

KG_NS = "https://w3id.org/kg-news/ns#"
DEFAULT_BASE_IRI = "https://w3id.org/kg-news/data/"


class Namespace:
    """A namespace whose attribute access mints NamedNodes; closed if ``terms`` given."""

    def __init__(self, iri: str, terms: str | None = None):
        self._iri = iri
        self._terms = frozenset(terms.split()) if terms else None
        self._cache: dict[str, NamedNode] = {}

    @property
    def iri(self) -> str:
        return self._iri

    def term(self, name: str) -> NamedNode:
        node = self._cache.get(name)
        if node is None:
            if self._terms is not None and name not in self._terms:
                raise AttributeError(f"{name!r} is not a term of <{self._iri}>")
            node = self._cache[name] = NamedNode(self._iri + name)
        return node

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        node = self.term(name)
        setattr(self, name, node)  # later reads skip __getattr__ (hot in mapping)
        return node

    def __getitem__(self, name: str) -> NamedNode:
        return self.term(name)

    @property
    def terms(self) -> frozenset[str]:
        return self._terms or frozenset()


KG = Namespace(
    KG_NS,
    """
    Entity Person Organization GovernmentBody ArmedForce MediaOrganization Group
    Place Country City Region
    Event Relation Deployment Withdrawal Request Detention Arrest Neutralisation Seizure
    Protest Riot StateOfEmergency CounterTerrorismOperation Participation Protection
    Casualties Damage Attack Arson Meeting Statement Appointment Dismissal
    PolicyMeasure Curfew Ban Closure Sanction CommunicationsShutdown Order Decision
    Approval Rejection Movement Investigation Charge Conviction Release Injury Agreement
    Election Resignation Clash Looting Coup Dissolution Evacuation Aid Accusation
    Position Membership PartOf LocatedIn
    Quantity Mention Update SourceDocument Rule TextPiece
    agent theme themeText location addressee participant participantText quantity date
    dateEnd datePrecision dateText purpose requestedBy requestedByText cause medium mediumText
    speaker quote cue gist attributedTo reportedAt event eventType origin originText factuality
    purposeEvent sameAct
    holder role roleText organization member group part whole place container
    value unit qualifier quantityText
    confidence rule trigger mention mentionOf sentence update stamp headline dateline
    mentionCount alias countryCode geonamesId contentHash graphFormat labelKey
    publishedOn updatedAt liveTitle mergedBy textPiece pieceText
    agentText addresseeText locationText speakerText holderText organizationText
    memberText groupText partText wholeText placeText containerText eventText
    """,
)
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
# W3C Organization Ontology: positions and memberships are also org:Membership nodes, a
# position with an organization and a role also an org:Post its holder org:holds.
ORG = Namespace("http://www.w3.org/ns/org#",
                "Membership Post Role member organization role holds postIn")
# ITS 2.0 (the NIF mapping): a mention's itsrdf:taIdentRef is the entity it refers to.
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#", "taIdentRef")
# Wikidata items (owl:sameAs targets of the reference knowledge base's entries).
WD = Namespace("http://www.wikidata.org/entity/")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
DCT = Namespace("http://purl.org/dc/terms/")
WGS84 = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
GN = Namespace("http://www.geonames.org/ontology#")
# PLOVER event types and modes, ACE 2005 event types: the event classes' skos:closeMatch /
# skos:relatedMatch targets (ontology/kg.ttl, docs/ontology.md). Neither publishes RDF;
# the concepts are declared in kg.ttl with their codebook definitions.
PLOVER = Namespace("https://w3id.org/kg-news/plover#")
ACE = Namespace("https://w3id.org/kg-news/ace2005#")

PREFIXES: dict[str, str] = {
    "kg": KG.iri,
    "sem": SEM.iri,
    "prov": PROV.iri,
    "schema": SCHEMA.iri,
    "skos": SKOS.iri,
    "nif": NIF.iri,
    "org": ORG.iri,
    "itsrdf": ITSRDF.iri,
    "wd": WD.iri,
    "rdf": RDF.iri,
    "rdfs": RDFS.iri,
    "owl": OWL.iri,
    "xsd": XSD.iri,
    "dct": DCT.iri,
    "wgs84": WGS84.iri,
    "gn": GN.iri,
    "plover": PLOVER.iri,
    "ace": ACE.iri,
}
