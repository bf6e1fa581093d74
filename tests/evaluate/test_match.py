"""The matcher on tiny hand-written gold/graph pairs, edge case by edge case."""

from __future__ import annotations

from dataclasses import replace

import pytest
from eval_builders import TinyDoc, gold_from, qty, when

from kg.errors import GoldError
from kg.evaluate.match import assign, date_matches, prf
from kg.evaluate.run import evaluate_store

LINES = (
    "The Syldavian Guard detained over 300 people in Klow on Tuesday, the Ministry of Order said.",
    "The Alliance of Northern States (ANS) deployed peacekeepers to Syldavia to guard key sites.",
    "Police and the Syldavian Guard arrested 12 members of a smuggling ring in Szohod.",
    "King Muskar, the monarch of Syldavia, spoke to Zyldav Press about Klow’s recovery.",
)

ENTITIES = """
entities:
  - {name: Syldavian Guard, type: ArmedForce, aliases: [the Guard]}
  - {name: Ministry of Order of Syldavia, type: GovernmentBody, aliases: [Ministry of Order]}
  - {name: Alliance of Northern States, type: Organization, aliases: [ANS]}
  - {name: Syldavia, type: Country, aliases: []}
  - {name: Klow, type: City, aliases: []}
  - {name: Szohod, type: City, aliases: []}
  - {name: Muskar XII, type: Person, aliases: [King Muskar]}
  - {name: Zyldav Press, type: MediaOrganization, aliases: []}
"""


def run(tmp_path, doc: TinyDoc, gold_text: str):
    gold = gold_from(tmp_path, gold_text)
    return evaluate_store(doc.store(), gold)


# --- helpers ---------------------------------------------------------------------------
def test_assign_finds_the_maximum_matching_not_the_greedy_one():
    # left 0 prefers right 0, but right 0 is the only option of left 1
    assert assign([[0, 1], [0]]) == {0: 1, 1: 0}
    assert assign([[0], [0]]) == {0: 0}
    assert assign([[], [1]]) == {1: 1}


def test_prf_f1_is_exact_where_it_equals_a_floor():
    # 2PR/(P+R) gave 0.19999999999999998 for 1 of 1 predicted and 9 gold, and a text
    # whose F1 was exactly its 0.75 floor failed the floor test.
    assert prf(1, 1, 9)["f1"] == 0.2
    assert prf(15, 18, 22)["f1"] == 0.75


def test_prf_edge_cases():
    assert prf(0, 0, 0) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert prf(0, 0, 5)["f1"] == 0.0
    s = prf(2, 4, 2)
    assert (s["precision"], s["recall"]) == (0.5, 1.0)
    assert s["f1"] == pytest.approx(2 / 3)


def test_partial_dates():
    assert date_matches("2022-01-09", "2022-01-09")
    assert not date_matches("2022-01-09", "2022-01-10")
    assert date_matches("2022-01", "2022-01-31")
    assert not date_matches("2022-01", "2022-02-01")
    assert date_matches("2022", "2022-12-31")
    assert not date_matches("2021", "2022-01-01")
    assert date_matches("2022-01-10", "2022-01-10T05:14:00Z")


# --- entities --------------------------------------------------------------------------
def test_entities_match_by_alias_case_and_typographic_quotes(tmp_path):
    doc = TinyDoc(*LINES)
    doc.mention("Syldavian Guard", "ArmedForce")
    doc.mention("ANS", "Organization")                         # alias as preferred label
    doc.mention("Klow’s", "City", name="KLOW’S")                # quotes + case, no match
    doc.mention("Klow", "City")
    doc.mention("Zyldav Press", "Organization")                 # right name, wrong type
    gold = ENTITIES + """
  - {name: Klow's Recovery, type: Place, aliases: []}
"""
    doc.mention("Klow’s recovery", "Place")                     # typographic apostrophe
    ev = run(tmp_path, doc, gold)
    pairs = {g.name: e.pref for g, e in ev.entities.pairs}
    assert pairs["Alliance of Northern States"] == "ANS"
    assert pairs["Klow's Recovery"] == "Klow’s recovery"
    assert pairs["Klow"] == "Klow"
    assert pairs["Zyldav Press"] == "Zyldav Press"
    assert {e.pref for e in ev.entities.spurious} == {"KLOW’S"}
    assert ev.entities.scores["recall"] == pytest.approx(5 / 9)
    assert ev.entities.scores["precision"] == pytest.approx(5 / 6)
    # Zyldav Press is an Organization in the graph, a MediaOrganization in the gold
    assert ev.entities.type_accuracy == pytest.approx(4 / 5)
    assert ev.entities.by_type["MediaOrganization"]["found"] == 1
    assert ev.entities.by_type["MediaOrganization"]["correct"] == 0


def test_duplicates_are_one_match_and_spurious_copies(tmp_path):
    doc = TinyDoc(*LINES)
    doc.mention("Alliance of Northern States", "Organization")
    doc.mention("ANS", "Organization")
    ev = run(tmp_path, doc, ENTITIES)
    (pair,) = ev.entities.pairs
    assert pair[1].pref == "Alliance of Northern States"    # canonical name preferred
    (dup,) = ev.entities.spurious
    assert dup.pref == "ANS"
    assert ev.entities.duplicate_of[dup.iri] == ["Alliance of Northern States"]
    spurious = ev.as_json()["spurious"]
    assert spurious[0]["duplicate_of"] == ["Alliance of Northern States"]
    assert "(ANS)" in spurious[0]["sentence"]


def test_one_graph_entity_cannot_match_two_gold_entities(tmp_path):
    doc = TinyDoc(*LINES)
    # one graph entity whose labels name two gold entities
    doc.mention("Syldavian Guard", "ArmedForce", aliases=("Ministry of Order",))
    ev = run(tmp_path, doc, ENTITIES)
    assert len(ev.entities.pairs) == 1
    assert len(ev.entities.missed) == 7


def test_missed_entity_is_shown_in_its_sentence(tmp_path):
    doc = TinyDoc(*LINES)
    doc.mention("Klow", "City")
    ev = run(tmp_path, doc, ENTITIES)
    misses = {m["name"]: m for m in ev.as_json()["misses"] if m["kind"] == "entity"}
    assert misses["Szohod"]["sentence"] == LINES[2]
    assert misses["Muskar XII"]["sentence"] == LINES[3]       # found by its alias
    assert misses["Muskar XII"]["line"] == 9


# --- facts -----------------------------------------------------------------------------
def detention_doc(doc: TinyDoc | None = None, **roles) -> TinyDoc:
    doc = doc or TinyDoc(*LINES)
    guard = doc.mention("Syldavian Guard", "ArmedForce")
    klow = doc.mention("Klow", "City")
    defaults = {"agent": guard, "quantity": qty(300, "over 300 people", "people", "over"),
                "location": klow, "date": when("2022-03-08", "on Tuesday")}
    defaults.update(roles)
    doc.fact("Detention", 0, **{k: v for k, v in defaults.items() if v is not None})
    return doc


DETENTION = ENTITIES + """
events:
  - {type: Detention, core: true, agent: Syldavian Guard, quantity: 300,
     quantity_qualifier: more than, location: Klow, date: 2022-03-08}
"""


def test_fact_matches_with_every_column_agreeing(tmp_path):
    ev = run(tmp_path, detention_doc(), DETENTION)
    ((gold, fact, cols),) = ev.facts.pairs
    assert gold.type == "Detention" and fact.cls == "Detention"
    assert cols == {"quantity": True, "qualifier": True, "location": True, "date": True}
    assert ev.facts.scores["f1"] == 1.0
    assert ev.facts.core_recall == 1.0


def test_columns_disagree_without_breaking_the_match(tmp_path):
    doc = TinyDoc(*LINES)
    szohod = doc.mention("Szohod", "City")
    detention_doc(doc, quantity=qty(30, "30", None, "at least"), location=szohod,
                  date=when("2022-03-09"))
    ev = run(tmp_path, doc, DETENTION)
    ((_, _, cols),) = ev.facts.pairs
    assert cols == {"quantity": False, "qualifier": False, "location": False, "date": False}
    assert ev.facts.columns["date"] == {"given": 1, "agree": 0, "accuracy": 0.0}
    partial = ev.as_json()["partial"]
    assert partial[0]["disagree"] == ["date", "location", "qualifier", "quantity"]
    assert partial[0]["sentence"] == LINES[0]


def test_wrong_agent_is_a_miss_and_a_spurious_fact_with_sentences(tmp_path):
    doc = TinyDoc(*LINES)
    ministry = doc.mention("Ministry of Order", "GovernmentBody")
    doc.fact("Detention", 0, agent=ministry, quantity=qty(300))
    ev = run(tmp_path, doc, DETENTION)
    assert ev.facts.pairs == []
    data = ev.as_json()
    (miss,) = [m for m in data["misses"] if m["kind"] == "fact"]
    assert miss["sentence"] == LINES[0]
    assert miss["nearest"]["disagree"] == ["agent", "quantity_qualifier", "location", "date"]
    (spur,) = [s for s in data["spurious"] if s["kind"] == "fact"]
    assert spur["sentence"] == LINES[0]
    assert spur["fact"].startswith("Detention(agent=Ministry of Order")


def test_null_role_accepts_anything_and_absent_roles_are_not_checked(tmp_path):
    gold = ENTITIES + """
events:
  - {type: Detention, agent: null, quantity: 300}
"""
    ev = run(tmp_path, detention_doc(), gold)
    assert len(ev.facts.pairs) == 1


def test_factuality_left_out_is_asserted_on_both_sides(tmp_path):
    # an event the text denies, read as a fact, is a miss and a spurious fact
    negated = DETENTION.replace("date: 2022-03-08}", "date: 2022-03-08, factuality: negated}")
    ev = run(tmp_path, detention_doc(), negated)
    assert ev.facts.pairs == []
    (miss,) = [m for m in ev.as_json()["misses"] if m["kind"] == "fact"]
    assert miss["nearest"]["disagree"] == ["factuality"]
    # the same fact marked negated in the graph matches it
    assert len(run(tmp_path, detention_doc(factuality="negated"), negated).facts.pairs) == 1
    # a planned event in the graph does not match an asserted gold fact
    assert run(tmp_path, detention_doc(factuality="future"), DETENTION).facts.pairs == []
    assert len(run(tmp_path, detention_doc(factuality="asserted"), DETENTION).facts.pairs) == 1


def test_factuality_and_background_are_read_and_checked(tmp_path):
    gold = gold_from(tmp_path, ENTITIES + """
events:
  - {type: Curfew, agent: Ministry of Order, location: Klow, factuality: future}
  - {type: Coup, agent: Syldavian Guard, date: 1998, background: true}
""")
    assert [f.background for f in gold.facts] == [False, True]
    assert gold.facts[0].roles["factuality"] == "future"
    with pytest.raises(GoldError, match="unknown factuality 'planned'"):
        gold_from(tmp_path, ENTITIES + "events:\n  - {type: Curfew, factuality: planned}\n")


def test_list_role_needs_half_of_its_items(tmp_path):
    gold = ENTITIES + """
events:
  - {type: Arrest, agent: [Syldavian Guard, police, Ministry of Order of Syldavia],
     location: Szohod}
"""
    doc = TinyDoc(*LINES)
    guard = doc.mention("Syldavian Guard", "ArmedForce", nth=1)
    police = doc.mention("Police", "Organization")
    doc.fact("Arrest", 2, agent=[guard, police])
    assert len(run(tmp_path, doc, gold).facts.pairs) == 1     # 2 of 3

    doc = TinyDoc(*LINES)
    guard = doc.mention("Syldavian Guard", "ArmedForce", nth=1)
    doc.fact("Arrest", 2, agent=[guard])
    assert run(tmp_path, doc, gold).facts.pairs == []         # 1 of 3

    doc = TinyDoc(*LINES)
    guard = doc.mention("Syldavian Guard", "ArmedForce", nth=1)
    doc.fact("Arrest", 2, agent=[guard, guard])               # one filler counts once
    assert run(tmp_path, doc, gold).facts.pairs == []


def test_duplicate_graph_facts_count_once(tmp_path):
    doc = detention_doc()
    doc.facts.append(replace(doc.facts[0], rule="test/another-rule"))
    ev = run(tmp_path, doc, DETENTION)
    assert len(ev.facts.pairs) == 1
    assert len(ev.facts.spurious) == 1
    assert ev.facts.scores["precision"] == 0.5


def test_assignment_is_one_to_one_and_maximal(tmp_path):
    gold = ENTITIES + """
events:
  - {type: Detention, agent: null, quantity: 300}
  - {type: Detention, agent: Syldavian Guard, quantity: 40}
"""
    doc = TinyDoc(*LINES)
    guard = doc.mention("Syldavian Guard", "ArmedForce")
    doc.fact("Detention", 0, agent=guard, quantity=qty(40))
    doc.fact("Detention", 0, quantity=qty(300))
    ev = run(tmp_path, doc, gold)
    assert len(ev.facts.pairs) == 2
    by_line = {g.roles["quantity"]: f.fillers(("quantity",))[0].value
               for g, f, _ in ev.facts.pairs}
    assert by_line == {300.0: 300.0, 40.0: 40.0}


def test_text_roles_match_leniently(tmp_path):
    gold = ENTITIES + """
events:
  - {type: Deployment, agent: Alliance of Northern States, theme: peacekeepers,
     location: Syldavia, purpose: guarding key sites}
"""
    doc = TinyDoc(*LINES)
    ans = doc.mention("ANS", "Organization", name="Alliance of Northern States")
    syl = doc.mention("Syldavia", "Country")
    doc.fact("Deployment", 1, agent=ans, theme="the peacekeepers", location=syl,
             purpose="guard key sites")
    assert len(run(tmp_path, doc, gold).facts.pairs) == 1

    doc = TinyDoc(*LINES)
    ans = doc.mention("ANS", "Organization", name="Alliance of Northern States")
    doc.fact("Deployment", 1, agent=ans, theme="peacekeepers", purpose="keep order")
    assert run(tmp_path, doc, gold).facts.pairs == []


def test_quantity_with_unit_text_and_unit_plurals(tmp_path):
    gold = ENTITIES + """
events:
  - {type: Arrest, quantity: "12 members", location: Szohod}
"""
    doc = TinyDoc(*LINES)
    szohod = doc.mention("Szohod", "City")
    doc.fact("Arrest", 2, quantity=qty(12, "12 members", "member"), location=szohod)
    ev = run(tmp_path, doc, gold)
    ((g, _, cols),) = ev.facts.pairs
    assert g.roles["unit"] == "members"
    assert cols == {"quantity": True, "unit": True, "location": True}


def test_relations_and_type_roles(tmp_path):
    gold = ENTITIES + """
events:
  - {type: Participation, participant: Syldavian Guard, event: CounterTerrorismOperation}
relations:
  - {type: Position, person: Muskar XII, role: king, of: Syldavia}
  - {type: Membership, member: Syldavia, of: Alliance of Northern States}
"""
    doc = TinyDoc(*LINES)
    guard = doc.mention("Syldavian Guard", "ArmedForce")
    king = doc.mention("King Muskar", "Person", name="Muskar XII")
    syl = doc.mention("Syldavia", "Country", nth=1)
    ans = doc.mention("ANS", "Organization")
    doc.fact("Participation", 0, participant=guard, eventType="CounterTerrorismOperation")
    doc.fact("Position", 3, category="relation", holder=king, role="monarch",
             organization=syl)
    doc.fact("Membership", 1, category="relation", member=syl, group=ans)
    ev = run(tmp_path, doc, gold)
    assert {g.type for g, _, _ in ev.facts.pairs} == {"Participation", "Membership"}
    (miss,) = ev.facts.missed
    assert miss[0].type == "Position" and miss[1].disagree == ["role"]


def test_unmapped_graph_fact_is_spurious(tmp_path):
    doc = detention_doc()
    doc.fact("Attack", 2)
    ev = run(tmp_path, doc, DETENTION)
    assert [f.cls for f in ev.facts.spurious] == ["Attack"]
    assert ev.facts.by_type["Attack"]["predicted"] == 1


def test_gold_document_selects_one_document_of_the_graph(tmp_path):
    doc_a = detention_doc()
    doc_b = TinyDoc("The Syldavian Guard detained 5 people in Klow.", doc_id="other")
    g = doc_b.mention("Syldavian Guard", "ArmedForce")
    doc_b.fact("Detention", 0, agent=g, quantity=qty(5))
    store = doc_b.store(doc_a.store())
    gold = gold_from(tmp_path, "document: tiny.txt\n" + DETENTION)
    ev = evaluate_store(store, gold)
    assert ev.graph.documents == ["tiny"]
    assert len(ev.graph.facts) == 1 and len(ev.facts.pairs) == 1
    gold = gold_from(tmp_path, "document: elsewhere.txt\n" + DETENTION)
    with pytest.raises(GoldError, match="not in the graph"):
        evaluate_store(store, gold)


def test_sentence_shown_even_when_the_graph_lacks_its_nif_description(tmp_path):
    """A fact whose kg:sentence node has no nif:anchorOf is shown by slicing the document."""
    from pyoxigraph import Quad

    from kg.rdf.vocab import NIF

    store = detention_doc().store()
    anchors = [q for q in store.quads_for_pattern(None, NIF.anchorOf, None)
               if q.subject.value.endswith(f"#char=0,{len(LINES[0])}")]
    assert anchors
    for q in anchors:
        store.remove(Quad(q.subject, q.predicate, q.object, q.graph_name))
    ev = evaluate_store(store, gold_from(tmp_path, DETENTION.replace("agent: Syldavian Guard",
                                                                     "agent: Klow")))
    (spur,) = [s for s in ev.as_json()["spurious"] if s["kind"] == "fact"]
    assert spur["sentence"] == LINES[0]


def test_unmentioned_labelled_nodes_are_not_extracted_entities(tmp_path):
    from pyoxigraph import Literal, NamedNode, Quad

    from kg.rdf.vocab import KG, RDF, SKOS

    store = detention_doc().store()
    ref = NamedNode("https://example.org/reference/borduria")
    store.add(Quad(ref, RDF.type, KG.Country))
    store.add(Quad(ref, SKOS.prefLabel, Literal("Borduria")))
    ev = evaluate_store(store, gold_from(tmp_path, DETENTION))
    assert "Borduria" not in {e.pref for e in ev.graph.entities}
    assert {e.pref for e in ev.graph.entities} == {"Syldavian Guard", "Klow"}


def test_text_fillers_of_entity_roles(tmp_path):
    """An agent the text names but no entity resolves (kg:agentText) still counts."""
    gold = ENTITIES + """
events:
  - {type: Arrest, agent: [Syldavian Guard, police officers], location: Szohod}
"""
    doc = TinyDoc(*LINES)
    szohod = doc.mention("Szohod", "City")
    doc.fact("Arrest", 2, agent="Police officers", location=szohod)
    ev = run(tmp_path, doc, gold)
    assert len(ev.facts.pairs) == 1                            # 1 of 2 items is half
    assert ev.facts.pairs[0][1].values["agentText"] == ["Police officers"]


@pytest.mark.parametrize(("gold_date", "agrees"), [
    ("2022-03-08", True), ("2022-03", True), ("2022", True),
    ("2022-03-09", False), ("2022-04", False), ("2021", False)])
def test_partial_gold_dates_in_the_date_column(tmp_path, gold_date, agrees):
    gold = DETENTION.replace("date: 2022-03-08", f"date: {gold_date}")
    ev = run(tmp_path, detention_doc(), gold)                  # graph date 2022-03-08
    ((_, _, cols),) = ev.facts.pairs
    assert cols["date"] is agrees


# --- legacy gold files (older than the event inventory and factuality) -------------------
def _legacy_doc() -> TinyDoc:
    doc = detention_doc()
    doc.facts[-1].factuality = "claimed"
    police = doc.mention("Police", "ArmedForce")  # named by the Clash alone
    doc.fact("Clash", 2, participant=[police, doc.mention("Syldavian Guard", "ArmedForce",
                                                          nth=1)])
    return doc


def test_strict_scoring_judges_every_type_and_factuality(tmp_path):
    ev = run(tmp_path, _legacy_doc(), DETENTION)
    data = ev.as_json()
    assert data["facts"]["matched"] == 0  # the gold's asserted detention is no 'claimed' one
    assert {s.get("type") for s in data["spurious"]} >= {"Clash", "Detention", "ArmedForce"}


def test_legacy_scoring_leaves_unannotated_types_and_factuality_unjudged(tmp_path):
    ev = evaluate_store(_legacy_doc().store(), gold_from(tmp_path, DETENTION), legacy=True)
    data = ev.as_json()
    assert data["facts"]["matched"] == 1 and data["facts"]["predicted"] == 1
    assert data["facts"]["unjudged"] == 1 and data["facts"]["precision"] == 1.0
    # 'Police' fills a role of the unjudged Clash only: not judged either; the Guard, also
    # a Detention agent, still is
    assert data["entities"]["unjudged"] == 1
    assert {u.get("label") for u in data["unjudged"] if u["kind"] == "entity"} == {"Police"}
    assert not [s for s in data["spurious"] if s["kind"] == "entity"]
