"""SHACL validation: conforming graphs pass, and every shape catches a broken graph.

The broken graph is the hand-built ``every_kind`` sample (one fact of each
type, which conforms with no finding at all) with many small mutations, each
on its own node; each mutation must produce its own finding from the shape
meant to catch it, on the node it broke.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent / "rdf"))

from rdf_samples import every_kind

from kg.cli.app import app
from kg.formats import GraphFormat
from kg.rdf.vocab import DCT, ITSRDF, KG, NIF, ORG, OWL, PROV, RDF, SKOS, WGS84, XSD
from kg.store import export_store, load_graph_file
from kg.validate import shapes_path, validate_graph_file, validate_store

SHAPES = "https://w3id.org/kg-news/shapes#"


# --- helpers over a store -------------------------------------------------------------
def graph_of(st: Store) -> NamedNode:
    return next(iter(st.named_graphs()))


def fact(st: Store, kind: str) -> NamedNode:
    return next(iter(st.quads_for_pattern(None, RDF.type, KG[kind]))).subject


def entity(st: Store, label: str) -> NamedNode:
    return next(iter(st.quads_for_pattern(None, SKOS.prefLabel, Literal(label)))).subject


def objects(st: Store, s, p) -> list:
    return [q.object for q in st.quads_for_pattern(s, p, None)]


def drop(st: Store, s, *preds) -> None:
    for p in preds:
        for q in list(st.quads_for_pattern(s, p, None)):
            st.remove(q)


def put(st: Store, s, p, o) -> None:
    st.add(Quad(s, p, o, graph_of(st)))


def replace(st: Store, s, p, o) -> None:
    drop(st, s, p)
    put(st, s, p, o)


def mention_of(st: Store, label: str, nth: int = 0) -> NamedNode:
    ms = sorted((q.subject for q in st.quads_for_pattern(None, KG.mentionOf, entity(st, label))),
                key=lambda n: n.value)
    return ms[nth]


def doc(st: Store) -> NamedNode:
    return next(iter(st.quads_for_pattern(None, RDF.type, KG.SourceDocument))).subject


def update(st: Store) -> NamedNode:
    return next(iter(st.quads_for_pattern(None, RDF.type, KG.Update))).subject


def sentence(st: Store, nth: int) -> NamedNode:
    return sorted((q.subject for q in st.quads_for_pattern(None, RDF.type, NIF.Sentence)),
                  key=lambda n: int(re.search(r"char=(\d+)", n.value).group(1)))[nth]


def quantity_of(st: Store, kind: str) -> NamedNode:
    return objects(st, fact(st, kind), KG.quantity)[0]


# --- mutation cases ----------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    name: str
    shape: str  # local name in kgsh:
    message: str  # fragment of the expected message
    severity: str = "Violation"


def _mutations(st: Store) -> dict[str, NamedNode]:
    """Apply every mutation; return the focus node each case must be reported on."""
    f: dict[str, NamedNode] = {}

    def case(name: str, node: NamedNode) -> NamedNode:
        f[name] = node
        return node

    # required roles by type
    n = case("deployment-no-theme", fact(st, "Deployment"))
    drop(st, n, KG.theme, KG.themeText)
    n = case("request-nothing-requested", fact(st, "Request"))
    drop(st, n, KG.theme, KG.themeText, KG.purpose)
    n = case("detention-no-who", fact(st, "Detention"))
    case("quantity-orphan", quantity_of(st, "Detention"))
    drop(st, n, KG.theme, KG.themeText, KG.quantity, KG.agent, KG.agentText)
    n = case("attack-no-target", fact(st, "Attack"))
    drop(st, n, KG.theme, KG.themeText, KG.location, KG.locationText)
    n = case("protest-nothing", fact(st, "Protest"))
    drop(st, n, KG.location, KG.locationText, KG.date, KG.cause)
    n = case("emergency-nothing", fact(st, "StateOfEmergency"))
    drop(st, n, KG.location, KG.locationText, KG.date, KG.dateEnd, KG.agent, KG.agentText)
    n = case("cto-nothing", fact(st, "CounterTerrorismOperation"))
    drop(st, n, KG.agent, KG.agentText, KG.location, KG.locationText)
    n = case("participation-no-participant", fact(st, "Participation"))
    drop(st, n, KG.participant, KG.participantText)
    n = case("protection-no-theme", fact(st, "Protection"))
    drop(st, n, KG.theme, KG.themeText)
    n = case("casualties-no-quantity", fact(st, "Casualties"))
    drop(st, n, KG.quantity)
    n = case("meeting-nobody", fact(st, "Meeting"))
    drop(st, n, KG.agent, KG.participant)
    n = case("curfew-nothing", fact(st, "Curfew"))
    drop(st, n, KG.agent, KG.agentText, KG.location, KG.locationText, KG.date, KG.dateEnd)
    n = case("policymeasure-nothing", fact(st, "PolicyMeasure"))
    drop(st, n, KG.agent, KG.agentText, KG.theme, KG.themeText, KG.location, KG.locationText)
    n = case("ban-no-theme", fact(st, "Ban"))
    drop(st, n, KG.theme, KG.themeText)
    n = case("order-nothing-ordered", fact(st, "Order"))
    drop(st, n, KG.theme, KG.themeText, KG.addressee, KG.addresseeText)
    n = case("decision-no-theme", fact(st, "Decision"))
    drop(st, n, KG.theme, KG.themeText)
    n = case("movement-nothing", fact(st, "Movement"))
    drop(st, n, KG.theme, KG.themeText, KG.location, KG.locationText, KG.origin,
         KG.originText)
    n = case("charge-nobody", fact(st, "Charge"))
    drop(st, n, KG.theme, KG.themeText, KG.cause, KG.quantity)
    n = case("injury-nothing", fact(st, "Injury"))
    drop(st, n, KG.theme, KG.themeText, KG.agent, KG.agentText)
    drop(st, quantity_of(st, "Injury"), KG.value)  # keep the node: no orphan finding
    drop(st, n, KG.quantity)
    n = case("agreement-nothing", fact(st, "Agreement"))
    drop(st, n, KG.participant, KG.participantText, KG.theme, KG.themeText)
    n = case("election-nothing", fact(st, "Election"))
    drop(st, n, KG.theme, KG.themeText, KG.role, KG.location, KG.locationText, KG.date)
    n = case("resignation-nobody", fact(st, "Resignation"))
    drop(st, n, KG.theme, KG.themeText)
    n = case("looting-nothing", fact(st, "Looting"))
    drop(st, n, KG.agent, KG.agentText, KG.theme, KG.themeText, KG.location, KG.locationText,
         KG.quantity, KG.date)
    n = case("statement-no-speaker", fact(st, "Statement"))
    drop(st, n, KG.speaker, KG.speakerText)
    n = case("appointment-theme-not-person", fact(st, "Appointment"))
    replace(st, n, KG.theme, entity(st, "Orbis Alliance"))
    n = case("position-no-role", fact(st, "Position"))
    case("position-two-holders", n)
    drop(st, n, KG.role, KG.roleText)
    put(st, n, KG.holder, entity(st, "Northern Guard"))
    drop(st, case("membership-no-group", fact(st, "Membership")), KG.group, KG.groupText)
    drop(st, case("partof-no-whole", fact(st, "PartOf")), KG.whole, KG.wholeText)
    drop(st, case("locatedin-no-container", fact(st, "LocatedIn")), KG.container)

    # provenance and values common to every fact
    drop(st, case("fact-no-rule", fact(st, "Withdrawal")), KG.rule)
    replace(st, case("fact-confidence-range", fact(st, "Arson")), KG.confidence,
            Literal("1.5", datatype=XSD.decimal))
    n = case("fact-confidence-string", fact(st, "Riot"))
    replace(st, n, KG.confidence, Literal("0.75"))
    case("fact-date-end-before-start", n)
    put(st, n, KG.dateEnd, Literal("2031-03-01", datatype=XSD.date))
    drop(st, case("fact-no-sentence", fact(st, "Damage")), KG.sentence)
    n = case("fact-not-derived-from-sentence", fact(st, "Seizure"))
    st.remove(Quad(n, PROV.wasDerivedFrom, objects(st, n, KG.sentence)[0], graph_of(st)))
    n = case("fact-no-specific-class", fact(st, "Neutralisation"))
    st.remove(Quad(n, RDF.type, KG.Neutralisation, graph_of(st)))
    case("fact-empty-text-role", n)
    replace(st, n, KG.agentText, Literal(""))
    put(st, case("fact-event-and-relation", fact(st, "Dismissal")), RDF.type, KG.Relation)
    n = fact(st, "Deployment")
    replace(st, case("fact-date-not-xsd-date", n), KG.date, Literal("2031-03-03"))
    replace(st, case("fact-bad-date-precision", n), KG.datePrecision, Literal("week"))
    replace(st, case("fact-location-not-place", fact(st, "Casualties")), KG.location,
            entity(st, "Tessa Marlowe"))
    replace(st, case("fact-trigger-not-phrase", fact(st, "Meeting")), KG.trigger,
            entity(st, "Orbis Alliance"))
    replace(st, case("fact-reported-not-datetime", fact(st, "Protection")), KG.reportedAt,
            Literal("2031-03-04", datatype=XSD.date))

    # NIF strings: sentences and mentions
    replace(st, case("mention-anchor-mismatch", mention_of(st, "Orbis Alliance", 0)),
            NIF.anchorOf, Literal("Orbis Alliancx"))
    n = case("mention-begin-not-before-end", mention_of(st, "Kell Province", 0))
    replace(st, n, NIF.beginIndex, objects(st, n, NIF.endIndex)[0])
    n = case("span-no-context", mention_of(st, "Kell Province", 1))
    drop(st, n, NIF.referenceContext)
    put(st, case("mention-two-entities", mention_of(st, "Tessa Marlowe", 0)), KG.mentionOf,
        entity(st, "Orbis Alliance"))
    drop(st, case("mention-no-rule", mention_of(st, "Tessa Marlowe", 1)), KG.rule)
    n = case("mention-not-phrase", mention_of(st, "Tessa Marlowe", 2))
    st.remove(Quad(n, RDF.type, NIF.Phrase, graph_of(st)))
    drop(st, case("sentence-no-update", sentence(st, 5)), KG.update)

    # document and update
    d = doc(st)
    replace(st, case("document-end-not-length", d), NIF.endIndex,
            Literal("3", datatype=XSD.integer))
    case("document-bad-hash", d)
    replace(st, d, KG.contentHash, Literal("XYZ"))
    case("document-two-titles", d)
    put(st, d, DCT.title, Literal("Another title"))
    case("document-published-not-date", d)
    replace(st, d, KG.publishedOn, Literal("2031-03-04T00:00:00Z", datatype=XSD.dateTime))
    case("document-not-context", d)
    st.remove(Quad(d, RDF.type, NIF.Context, graph_of(st)))
    # a text piece (of a document over 16 million characters) whose text is not as long
    # as its offsets say, and that no document has
    piece = case("piece-text-wrong-length", NamedNode(d.value + "#piece=0,5"))
    put(st, piece, RDF.type, KG.TextPiece)
    put(st, piece, NIF.beginIndex, Literal("0", datatype=XSD.integer))
    put(st, piece, NIF.endIndex, Literal("5", datatype=XSD.integer))
    put(st, piece, KG.pieceText, Literal("four"))
    case("piece-of-no-document", piece)
    u = update(st)
    replace(st, case("update-stamp-not-datetime", u), KG.stamp, Literal("yesterday"))
    drop(st, case("update-not-part-of-document", u), DCT.isPartOf)

    # entities
    put(st, case("entity-two-preflabels", entity(st, "Tessa Marlowe")), SKOS.prefLabel,
        Literal("T. Marlowe"))
    city = entity(st, "Lake Ostrel")
    replace(st, case("entity-bad-country-code", city), KG.countryCode, Literal("vr"))
    replace(st, case("entity-latitude-range", city), WGS84.lat,
            Literal("123.0", datatype=XSD.decimal))
    put(st, case("place-lat-without-long", entity(st, "Ostrel Harbour")), WGS84.lat,
        Literal("1.5", datatype=XSD.decimal))
    put(st, case("entity-two-classes", entity(st, "Daily Lantern")), RDF.type, KG.Person)
    put(st, case("entity-same-as-literal", entity(st, "Orbis Alliance")), OWL.sameAs,
        Literal("not an IRI"))
    lonely = case("entity-without-mention", NamedNode("https://w3id.org/kg-news/data/entity/"
                                                      "group/lonely-group"))
    put(st, lonely, RDF.type, KG.Group)
    put(st, lonely, SKOS.prefLabel, Literal("Lonely group"))

    # quantities
    drop(st, case("quantity-no-text", quantity_of(st, "Deployment")), KG.quantityText)
    replace(st, case("quantity-value-not-decimal", quantity_of(st, "Damage")),
            KG.value, Literal("three"))

    # ITS 2.0 and W3C ORG views of mentions, positions and memberships
    replace(st, case("mention-ta-ident-ref-differs", mention_of(st, "Orbis Alliance", 1)),
            ITSRDF.taIdentRef, entity(st, "Northern Guard"))
    n = case("org-member-differs", fact(st, "Membership"))
    drop(st, n, ORG.member)
    case("org-role-missing", n)
    put(st, n, KG.role, Literal("Chair"))
    put(st, case("org-membership-not-position", fact(st, "PartOf")), RDF.type, ORG.Membership)
    minister = objects(st, fact(st, "Position"), ORG.role)[0]
    drop(st, case("org-role-no-label", minister), SKOS.prefLabel)
    post = NamedNode("https://w3id.org/kg-news/data/post/organization/orbis-alliance/envoy")
    for p, o in ((RDF.type, ORG.Post), (ORG.postIn, entity(st, "Orbis Alliance")),
                 (ORG.role, minister), (SKOS.prefLabel, Literal("Envoy of Orbis Alliance"))):
        put(st, case("org-post-not-held", post), p, o)
    held = NamedNode(post.value.replace("envoy", "minister"))
    for p, o in ((RDF.type, ORG.Post), (ORG.postIn, entity(st, "Orbis Alliance")),
                 (ORG.role, minister), (SKOS.prefLabel, Literal("Minister of Orbis Alliance"))):
        put(st, case("org-post-without-position", held), p, o)
    put(st, entity(st, "Tessa Marlowe"), ORG.holds, held)

    # references to a sentence that is not in the graph
    ghost = NamedNode(sentence(st, 0).value + "0")
    replace(st, case("mention-sentence-missing", mention_of(st, "Varnia", 0)),
            NIF.sentence, ghost)
    n = case("fact-sentence-missing", fact(st, "Withdrawal"))
    replace(st, n, KG.sentence, ghost)
    case("fact-source-missing", n)
    put(st, n, PROV.wasDerivedFrom, ghost)
    return f


CASES = [
    Case("deployment-no-theme", "DeploymentShape", "needs a theme"),
    Case("request-nothing-requested", "RequestShape", "what was requested"),
    Case("detention-no-who", "DetentionShape", "needs who or what"),
    Case("quantity-orphan", "QuantityShape", "must be the kg:quantity of an event"),
    Case("attack-no-target", "AttackShape", "needs a target or place"),
    Case("protest-nothing", "ProtestShape", "needs a location, a date or a cause"),
    Case("emergency-nothing", "StateOfEmergencyShape", "needs a location, a date, an end"),
    Case("cto-nothing", "CounterTerrorismOperationShape", "needs an agent or a location"),
    Case("participation-no-participant", "ParticipationShape", "needs a participant"),
    Case("protection-no-theme", "ProtectionShape", "needs what is protected"),
    Case("casualties-no-quantity", "CasualtiesShape", "need a kg:quantity"),
    Case("meeting-nobody", "MeetingShape", "needs an agent or participants"),
    Case("curfew-nothing", "MeasureShape", "who imposed it, where or when"),
    Case("policymeasure-nothing", "PolicyMeasureShape", "what it bears on, who imposed it"),
    Case("ban-no-theme", "MeasureThemeShape", "needs what it bears on"),
    Case("order-nothing-ordered", "OrderShape", "what was ordered"),
    Case("decision-no-theme", "DecisionShape", "what was decided"),
    Case("movement-nothing", "MovementShape", "what moved or where"),
    Case("charge-nobody", "JusticeShape", "needs who or what"),
    Case("injury-nothing", "InjuryShape", "how many or who was injured"),
    Case("agreement-nothing", "AgreementShape", "needs its parties"),
    Case("election-nothing", "ElectionShape", "a winner, an office, a place or a date"),
    Case("resignation-nobody", "ResignationShape", "who resigned"),
    Case("looting-nothing", "LootingShape", "a role beyond its type"),
    Case("statement-no-speaker", "StatementShape", "needs a speaker"),
    Case("appointment-theme-not-person", "AppointmentShape", "person appointed or dismissed"),
    Case("position-no-role", "PositionShape", "needs a holder"),
    Case("position-two-holders", "PositionShape", "at most one kg:holder"),
    Case("membership-no-group", "MembershipShape", "needs a member and a group"),
    Case("partof-no-whole", "PartOfShape", "needs a part and a whole"),
    Case("locatedin-no-container", "LocatedInShape", "needs a place and a container"),
    Case("fact-no-rule", "FactShape", "exactly one kg:rule"),
    Case("fact-confidence-range", "FactShape", "kg:confidence"),
    Case("fact-confidence-string", "FactShape", "kg:confidence"),
    Case("fact-date-end-before-start", "FactShape", "is before kg:date"),
    Case("fact-no-sentence", "FactShape", "exactly one kg:sentence"),
    Case("fact-not-derived-from-sentence", "FactShape", "does not include the kg:sentence"),
    Case("fact-no-specific-class", "FactShape", "one specific class"),
    Case("fact-empty-text-role", "FactShape", "kg:agentText is a non-empty"),
    Case("fact-event-and-relation", "FactShape", "is not a kg:Relation"),
    Case("fact-date-not-xsd-date", "FactShape", "kg:date is at most one xsd:date"),
    Case("fact-bad-date-precision", "FactShape", "kg:datePrecision is one of"),
    Case("fact-location-not-place", "FactShape", "kg:location points to a kg:Place"),
    Case("fact-trigger-not-phrase", "FactShape", "kg:trigger"),
    Case("fact-reported-not-datetime", "FactShape", "kg:reportedAt"),
    Case("mention-anchor-mismatch", "SpanShape", "is not the document text"),
    Case("mention-begin-not-before-end", "SpanShape", "< its nif:endIndex"),
    Case("span-no-context", "SpanShape", "nif:referenceContext"),
    Case("mention-two-entities", "MentionShape", "exactly one kg:Entity"),
    Case("mention-no-rule", "MentionShape", "needs the kg:rule"),
    Case("mention-not-phrase", "MentionShape", "must be a nif:Phrase"),
    Case("sentence-no-update", "SentenceShape", "exactly one kg:Update"),
    Case("document-end-not-length", "SourceDocumentShape", "is not the length"),
    Case("document-bad-hash", "SourceDocumentShape", "kg:contentHash"),
    Case("document-two-titles", "SourceDocumentShape", "at most one dct:title"),
    Case("document-published-not-date", "SourceDocumentShape", "kg:publishedOn"),
    Case("document-not-context", "SourceDocumentShape", "must also be a nif:Context"),
    Case("piece-text-wrong-length", "TextPieceShape", "characters long"),
    Case("piece-of-no-document", "TextPieceShape", "exactly one kg:SourceDocument"),
    Case("update-stamp-not-datetime", "UpdateShape", "kg:stamp"),
    Case("update-not-part-of-document", "UpdateShape", "dct:isPartOf"),
    Case("entity-two-preflabels", "EntityShape", "exactly one non-empty skos:prefLabel"),
    Case("entity-bad-country-code", "EntityShape", "kg:countryCode"),
    Case("entity-latitude-range", "EntityShape", "wgs84:lat"),
    Case("place-lat-without-long", "PlaceShape", "without wgs84:long"),
    Case("entity-two-classes", "EntityShape", "more than one kg entity class"),
    Case("entity-same-as-literal", "EntityShape", "owl:sameAs"),
    Case("entity-without-mention", "EntityShape", "at least one mention"),
    Case("quantity-no-text", "QuantityShape", "exactly one kg:quantityText"),
    Case("quantity-value-not-decimal", "QuantityShape", "kg:value"),
    Case("mention-ta-ident-ref-differs", "MentionShape", "itsrdf:taIdentRef"),
    Case("org-member-differs", "OrgMembershipShape", "org:member and kg:holder/kg:member"),
    Case("org-role-missing", "OrgMembershipShape", "needs its org:role"),
    Case("org-membership-not-position", "OrgMembershipShape", "is a kg:Position or"),
    Case("org-role-no-label", "OrgRoleShape", "skos:prefLabel"),
    Case("org-post-not-held", "OrgPostShape", "is held (org:holds)"),
    Case("org-post-without-position", "OrgPostShape", "no kg:Position of this graph"),
    Case("mention-sentence-missing", "MentionSentenceShape", "not a nif:Sentence"),
    Case("fact-sentence-missing", "FactSourceShape", "not a nif:Sentence"),
    Case("fact-source-missing", "FactSourceShape", "not a sentence or phrase"),
]


@pytest.fixture(scope="module")
def mutated():
    st = every_kind().store()
    focus = _mutations(st)
    return validate_store(st), focus, st


def test_sample_conforms_without_any_finding():
    report = validate_store(every_kind().store())
    assert report.graphs == 1
    assert report.conforms
    assert report.findings == []


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_shape_catches_mutation(mutated, case):
    report, focus, _ = mutated
    node = focus[case.name]
    short = "<" + node.value.split("/data/", 1)[1] + ">"
    hits = [f for f in report.findings if f.focus == short and f.shape == f"kgsh:{case.shape}"
            and case.message in f.message]
    assert hits, (f"no finding from {case.shape} on {short}; findings on it: "
                  f"{[(f.shape, f.message) for f in report.findings if f.focus == short]}")
    assert {f.severity for f in hits} == {case.severity}


def test_mutated_graph_does_not_conform(mutated):
    report, _, _ = mutated
    assert not report.conforms


def test_every_shape_has_a_mutation_case():
    text = shapes_path().read_text(encoding="utf-8")
    declared = set(re.findall(r"^kgsh:(\w+) a sh:NodeShape", text, flags=re.M))
    assert declared == {c.shape for c in CASES}


def test_warnings_alone_keep_a_graph_conforming(tmp_path):
    """A shape with sh:severity sh:Warning is listed but does not fail the graph."""
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix kg: <https://w3id.org/kg-news/ns#> .\n"
        "<urn:x:LowConfidence> a sh:NodeShape ; sh:targetClass kg:Event ;\n"
        "  sh:property [ sh:path kg:confidence ; sh:minInclusive 0.9 ;\n"
        "                sh:severity sh:Warning ; sh:message \"low confidence\" ] .\n",
        encoding="utf-8")
    report = validate_store(every_kind().store(), shapes=shapes)
    assert report.conforms
    assert report.findings and {f.severity for f in report.findings} == {"Warning"}
    assert {f.message for f in report.findings} == {"low confidence"}


def test_nonnegative_integer_offsets_are_accepted(tmp_path):
    """The mapper writes xsd:nonNegativeInteger; a file keeps it, the store makes it integer."""
    st = every_kind().store()
    path = tmp_path / "g.nq"
    export_store(st, path, GraphFormat.NQ)
    assert validate_graph_file(path).conforms


# --- the seed and the CLI -----------------------------------------------------------------
@pytest.mark.slow
def test_seed_build_conforms(seed_build):
    path, _ = seed_build
    report = validate_graph_file(path)
    assert report.graphs >= 1
    assert report.conforms, [f for f in report.violations][:10]


@pytest.mark.slow
def test_cli_validate_exit_codes(seed_build, tmp_path):
    path, _ = seed_build
    runner = CliRunner()
    ok = runner.invoke(app, ["validate", str(path)])
    assert ok.exit_code == 0, ok.output
    assert "conforms" in ok.output

    st = load_graph_file(path)
    for q in list(st.quads_for_pattern(None, KG.confidence, None)):
        st.remove(q)
    for q in list(st.quads_for_pattern(None, SKOS.prefLabel, None))[:1]:
        st.remove(q)
    broken = tmp_path / "broken.trig"
    export_store(st, broken, GraphFormat.TRIG)
    bad = runner.invoke(app, ["validate", str(broken)])
    assert bad.exit_code == 1, bad.output
    assert "does NOT conform" in bad.output
    assert "skos:prefLabel" in bad.output

    garbage = tmp_path / "garbage.ttl"
    garbage.write_text("this is not turtle", encoding="utf-8")
    assert runner.invoke(app, ["validate", str(garbage)]).exit_code == 2
    assert runner.invoke(app, ["validate", str(tmp_path / "missing.ttl")]).exit_code == 2


def test_validate_does_not_import_spacy(tmp_path):
    """Read-only commands stay light: a fresh process validating a graph never loads spaCy."""
    import subprocess

    path = tmp_path / "sample.trig"
    export_store(every_kind().store(), path, GraphFormat.TRIG)
    code = ("import sys\nfrom typer.testing import CliRunner\nfrom kg.cli.app import app\n"
            f"r = CliRunner().invoke(app, ['validate', {str(path)!r}])\n"
            "assert r.exit_code == 0, r.output\n"
            "assert not [m for m in sys.modules if m.startswith('spacy')]\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr


def test_cli_validate_store_directory(tmp_path):
    store_dir = tmp_path / "store"
    st = Store(str(store_dir))
    st.extend(every_kind().store())
    st.flush()
    del st
    result = CliRunner().invoke(app, ["validate", "--store", str(store_dir)])
    assert result.exit_code == 0, result.output
    assert "conforms: 1 graph(s) checked, 0 violation(s)" in result.output
