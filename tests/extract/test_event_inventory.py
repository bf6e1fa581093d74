"""The event inventory for news (issue 15): each class found with its roles on sentences
written for the purpose (invented events, other places than the seed's and the dev
texts'), triggers that generalise (inflection, derived nouns, phrasal and light-verb
forms), and shared lemmas told apart by their role fillers."""

from __future__ import annotations

import pytest

from tests.extract.event_helpers import facts_of, names, run

# (sentence, type, {role: a name or text its fillers must include})
CASES = [
    ("The interior ministry of Tunisia imposed a curfew in Sfax on Monday.", "Curfew",
     {"agent": "interior ministry", "location": "Sfax"}),
    ("A night curfew was declared in Kasama by the police.", "Curfew", {"agent": "police"}),
    ("The authorities in Accra banned all street protests on Friday.", "Ban",
     {"theme": "street protests"}),
    ("Uganda blocked access to Facebook and WhatsApp on Tuesday.", "CommunicationsShutdown",
     {"agent": "Uganda"}),
    ("Mobile internet was switched off across Gulu on Monday evening.",
     "CommunicationsShutdown", {"theme": "Mobile internet"}),
    ("Zambia closed its border with Malawi on Tuesday.", "Closure", {"agent": "Zambia"}),
    ("Schools in Tegucigalpa were shut until further notice.", "Closure",
     {"theme": "Schools"}),
    ("Washington imposed sanctions on two Honduran generals.", "Sanction",
     {"agent": "Washington", "theme": "Honduran generals"}),
    ("The government of Ghana capped the prices of bread and fuel.", "PolicyMeasure", {}),
    ("The president of Fiji ordered the army to clear the roads near Suva.", "Order",
     {"addressee": "army", "theme": "clear the roads near Suva"}),
    ("Students in Lome were ordered to leave their dormitories.", "Order",
     {"addressee": "Students", "theme": "leave their dormitories"}),
    ("The cabinet of Jordan decided to extend the mission by six months.", "Decision",
     {"theme": "extend the mission by six months"}),
    ("The parliament of Latvia approved the budget on Thursday.", "Approval",
     {"theme": "budget"}),
    ("The senate of Paraguay rejected the proposal on Monday.", "Rejection",
     {"theme": "proposal"}),
    ("About 150 Ghanaian police officers arrived in Monrovia on Tuesday.", "Movement",
     {"location": "Monrovia", "theme": "Ghanaian police officers"}),
    ("The Tongan Air Force flew 40 police officers from Nuku'alofa to Suva on Monday.",
     "Movement", {"location": "Suva", "theme": "police officers"}),
    ("The prosecutor of Chisinau opened an investigation into the shooting on Friday.",
     "Investigation", {"theme": "shooting"}),
    ("Prosecutors in Windhoek charged two officials with fraud on Monday.", "Charge",
     {"theme": "officials", "cause": "fraud"}),
    ("Rebels freed 12 hostages near Tombouctou on Sunday.", "Release",
     {"agent": "Rebels", "theme": "hostages"}),
    ("At least 23 protesters were injured in Tunis on Friday.", "Injury",
     {"location": "Tunis"}),
    ("Ethiopia and Eritrea signed a peace treaty in Riyadh on Sunday.", "Agreement",
     {"participant": "Eritrea"}),
    ("Maria Costa was elected president of Portugal in 2016.", "Election",
     {"theme": "Maria Costa"}),
    ("Prime Minister Anna Kowal resigned on Tuesday.", "Resignation", {"theme": "Anna Kowal"}),
    ("Soldiers clashed with smugglers near the border with Benin on Friday.", "Clash",
     {"participant": "smugglers"}),
    ("Crowds looted shops and a grain depot in Nkhata Bay overnight.", "Looting",
     {"agent": "Crowds"}),
    ("Army officers overthrew the elected president of Burkina Faso in 2022.", "Coup", {}),
    ("The president of Tunisia dissolved parliament on Monday.", "Dissolution",
     {"theme": "parliament"}),
    ("Soldiers evacuated about 3,000 people from Beira on Sunday.", "Evacuation",
     {"agent": "Soldiers"}),
    ("Japan donated tents and water purifiers worth $2 million to Tonga.", "Aid",
     {"agent": "Japan"}),
    ("The government of Rwanda accused the rebels of shelling two villages.", "Accusation",
     {"cause": "shelling two villages"}),
    # light-verb, phrasal and derived forms of the older types
    ("Riot police fired tear gas at students in Accra on Monday.", "Attack",
     {"theme": "students"}),
    ("Police carried out arrests in Kumasi on Saturday.", "Arrest", {"agent": "Police"}),
    ("Thousands of teachers took to the streets of Asuncion on Monday.", "Protest", {}),
    ("Protesters set a police station on fire in Eldoret.", "Arson",
     {"theme": "police station"}),
    ("Rebels seized control of the port of Pemba on Friday.", "Seizure", {"agent": "Rebels"}),
    ("The last French soldiers began leaving Ouagadougou on Monday.", "Withdrawal",
     {"location": "Ouagadougou"}),
    ("The new prime minister was sworn in on Friday.", "Appointment", {}),
]


@pytest.mark.parametrize(("sentence", "kind", "roles"), CASES, ids=[c[1] + ":" + c[0][:30]
                                                                    for c in CASES])
def test_each_class_is_read_with_its_roles(nlp, sentence, kind, roles):
    r = run(nlp, sentence)
    found = facts_of(r, kind)
    assert found, f"no {kind} in {[f.kind for f in r.facts]}"
    fact = found[0]
    for role, want in roles.items():  # a filler names it, or a text filler holds it
        got = names(r, fact.roles.get(role))
        assert want in got or any(want in g for g in got), (role, got)


def test_a_lemma_shared_by_types_goes_by_its_theme(nlp):
    # "cut", "close", "suspend", "freeze": what is cut or frozen decides the type
    assert facts_of(run(nlp, "Authorities in Harare cut mobile internet on Sunday."),
                    "CommunicationsShutdown")
    assert not facts_of(run(nlp, "Authorities in Harare cut mobile internet on Sunday."),
                        "Closure")
    r = run(nlp, "The ministry suspended parliament and closed the airport in Male.")
    assert facts_of(r, "Dissolution") and facts_of(r, "Closure")
    assert facts_of(run(nlp, "The bank froze the accounts of the junta leaders."), "Sanction")
    assert not facts_of(run(nlp, "The bank froze the accounts of the junta leaders."),
                        "PolicyMeasure")


def test_a_force_that_leaves_is_a_withdrawal_not_a_movement(nlp):
    r = run(nlp, "The last French soldiers began leaving Ouagadougou on Monday.")
    assert facts_of(r, "Withdrawal") and not facts_of(r, "Movement")


def test_lifting_or_defying_a_measure_imposes_none(nlp):
    assert not facts_of(run(nlp, "The governor lifted the curfew in Kitwe on Monday."),
                        "Curfew")
    assert not facts_of(run(nlp, "Hundreds of students defied the ban in Zomba."), "Ban")


def test_released_a_statement_frees_nobody(nlp):
    assert not facts_of(run(nlp, "The ministry released a statement on Monday."), "Release")


def test_resultative_left_is_no_movement(nlp):
    r = run(nlp, "Riots in two prisons of Kisumu left at least 19 inmates dead.")
    assert not facts_of(r, "Movement")


def test_what_is_ordered_is_no_event_of_its_own(nlp):
    r = run(nlp, "The prime minister of Tonga ordered an investigation into the fire.")
    assert facts_of(r, "Order") and not facts_of(r, "Investigation")


def test_a_quote_that_goes_on_is_its_speakers(nlp):
    r = run(nlp, '"We will not give up," General Ana Mota said. "I urge everyone in '
                 'Maputo to stay at home."')
    (req,) = facts_of(r, "Request")
    assert "Ana Mota" in names(r, req.roles.get("agent"))


# --- roles from shared frames -----------------------------------------------------------
def test_the_addressee_of_an_appeal_and_what_it_is_for(nlp):
    r = run(nlp, "The dockers' union appealed to the African Union for assistance.")
    (req,) = facts_of(r, "Request")
    assert names(r, req.roles["addressee"]) == {"African Union"}
    assert names(r, req.roles["theme"]) == {"assistance"}
    assert not facts_of(r, "Aid")  # what is asked for is no aid given


def test_a_control_verb_names_who_is_to_act(nlp):
    r = run(nlp, "The president of Togo asked parliament to approve the new budget.")
    (req,) = facts_of(r, "Request")
    assert "parliament" in names(r, req.roles["addressee"])
    assert names(r, req.roles["theme"]) == {"approve the new budget"}
    assert not facts_of(r, "Approval")
    r = run(nlp, "The junta ordered the troops to fire on the crowd in Conakry.")
    (order,) = facts_of(r, "Order")
    assert names(r, order.roles["addressee"]) == {"troops"}
    assert not facts_of(r, "Attack")


def test_a_purpose_that_is_an_event_of_its_own_is_linked(nlp):
    r = run(nlp, "Kenya sent 400 police officers to protect the port of Mombasa.")
    (dep,) = facts_of(r, "Deployment")
    (prot,) = facts_of(r, "Protection")
    assert names(r, prot.roles["agent"]) == {"police officers"}
    assert names(r, prot.roles["theme"]) == {"port of Mombasa"}
    assert dep.links["purposeEvent"] == [prot]
    assert names(r, dep.roles["purpose"]) == {"protect the port of Mombasa"}


def test_other_purposes_stay_text(nlp):
    r = run(nlp, "Ghana sent 200 soldiers to Juba to repair the bridges.")
    (dep,) = facts_of(r, "Deployment")
    assert names(r, dep.roles["purpose"]) == {"repair the bridges"}
    assert not dep.links and not facts_of(r, "Protection")


def test_an_ing_participle_acts_for_the_noun_it_modifies(nlp):
    r = run(nlp, "Soldiers guarding the compound in Bamako stood aside.")
    (prot,) = facts_of(r, "Protection")
    assert "Soldiers" in names(r, prot.roles["agent"])


def test_a_relative_pronoun_object_is_its_antecedent(nlp):
    r = run(nlp, "The convoy, which gunmen ambushed near Gao on Monday, was carrying food.")
    (attack,) = facts_of(r, "Attack")
    assert names(r, attack.roles["theme"]) == {"convoy"}


# --- one fact per event in a document ----------------------------------------------------
def test_headline_and_body_tell_one_arrest(nlp):
    r = run(nlp, "Police in Mbale arrested 23 students on Monday after a march.",
            headline="Ugandan police arrest 23 students")
    assert len(facts_of(r, "Arrest")) == 1


def test_an_attack_and_its_arson_are_two_facts_of_one_act(nlp):
    r = run(nlp, "Protesters stormed and set fire to the town hall in Kisumu on Friday.")
    (attack,) = facts_of(r, "Attack")
    (arson,) = facts_of(r, "Arson")
    assert "town hall" in " ".join(names(r, attack.roles["theme"]))
    assert attack.links["sameAct"] == [arson] and arson.links["sameAct"] == [attack]


def test_two_wordings_of_one_target_merge_across_updates(nlp):
    from datetime import UTC, datetime

    from tests.extract.event_helpers import updates
    r = updates(nlp, [("Gunmen stormed the central prison in Gitega on Monday.",
                       datetime(2023, 3, 13, 8, 0, tzinfo=UTC)),
                      ("The gunmen stormed the prison in Gitega before dawn, police said.",
                       datetime(2023, 3, 13, 12, 0, tzinfo=UTC))])
    assert len(facts_of(r, "Attack")) == 1
