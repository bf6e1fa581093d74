"""Event agents named by a description and event-type precision rules (issue 15, the
agent/precision round), each pinned on a sentence written for the purpose, with names
other than the seed's or the dev texts'."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


# --- "The President has directed ...": a definite title alone is its holder ---------------
def test_a_bare_title_as_agent_is_the_holder_of_that_office(nlp):
    r = run(nlp, "President Laura Okonjo of Zambia spoke on Monday. The President has "
                 "directed the Zambia Army to support rescue operations. The President "
                 "appeals to the private sector to support the relief effort.")
    (order,) = facts_of(r, "Order")
    assert names(r, order.roles["agent"]) == {"Laura Okonjo"}
    (req,) = facts_of(r, "Request")
    assert names(r, req.roles["agent"]) == {"Laura Okonjo"}


def test_a_bare_title_nobody_holds_stays_the_title(nlp):
    r = run(nlp, "The Prime Minister ordered the navy to evacuate the island of Tonu.")
    (order,) = facts_of(r, "Order")
    assert names(r, order.roles["agent"]) == {"Prime Minister"}


# --- "members of the X gang": the group the common noun is named by ------------------------
def test_members_of_a_named_gang_are_the_gang(nlp):
    r = run(nlp, "Dozens of members of the Red Viper gang opened fire on the police station "
                 "in Kitwe and set two cars on fire.")
    (attack,) = facts_of(r, "Attack")
    assert names(r, attack.roles["agent"]) == {"Red Viper"}
    (arson,) = facts_of(r, "Arson")
    assert names(r, arson.roles["agent"]) == {"Red Viper"}


# --- a blockade by protesters is how they protest, not a closure -------------------------
def test_protesters_blocking_a_road_is_no_closure(nlp):
    for text in ("Hundreds of protesters blocked the main highway to Lusaka on Monday.",
                 "The bridge was blocked in both directions by demonstrators waving flags.",
                 "The protests were led by farmers, who have blocked roads across the "
                 "country."):
        assert not facts_of(run(nlp, text), "Closure"), text


def test_an_authority_closing_a_road_is_a_closure(nlp):
    r = run(nlp, "Police closed the main highway to Lusaka on Monday.")
    assert facts_of(r, "Closure")


# --- a movement names who or where: nothing named, no movement -----------------------------
def test_a_movement_with_nothing_named_is_no_fact(nlp):
    for text in ("A senior officer said the troops would return to their barracks once "
                 "order is restored.",
                 "A nurse said the bodies had been brought to the clinic."):
        assert not facts_of(run(nlp, text), "Movement"), text


def test_a_movement_to_a_named_place_stays(nlp):
    r = run(nlp, "The troops returned to Kindu on Monday.")
    assert facts_of(r, "Movement")


# --- asking a question is no request --------------------------------------------------------
def test_asking_questions_is_no_request(nlp):
    r = run(nlp, "The mayor urged residents to return looted goods, promising that no "
                 "questions would be asked.")
    (req,) = facts_of(r, "Request")
    assert "return looted goods" in names(r, req.roles["theme"])
    r = run(nlp, "Reporters asked questions about the budget on Monday.")
    assert not facts_of(r, "Request")


# --- people recaptured are not seized; an occupation by protesters is a sit-in ------------
def test_recaptured_people_are_no_seizure(nlp):
    for text in ("Eleven of the escapees had been recaptured by Wednesday afternoon.",
                 "Police said two prisoners who escaped in May were recaptured in Lobito.",
                 "Students have blocked roads and occupied faculties across the country."):
        assert not facts_of(run(nlp, text), "Seizure"), text
    r = run(nlp, "Rebels seized the town of Kidal and captured two army trucks.")
    assert len(facts_of(r, "Seizure")) == 2


# --- "X accused Y and said its artillery struck ...": the speaker's artillery -------------
def test_its_weapons_after_a_conjoined_saying_verb_are_the_speakers(nlp):
    r = run(nlp, "The Zambian army accused the rebels of firing the rockets and said its "
                 "artillery had struck the launch sites near Kaoma.")
    (attack,) = facts_of(r, "Attack")
    assert names(r, attack.roles["agent"]) == {"Armed Forces of Zambia"}


# --- a demonym before a force noun says whose force it is ---------------------------------
def test_demonym_units_are_the_named_army_of_that_country(nlp):
    r = run(nlp, "The Armed Forces of Azerbaijan denied the report. Azerbaijani units seized "
                 "the hill above Chinari on Monday.")
    (seizure,) = facts_of(r, "Seizure")
    assert names(r, seizure.roles["agent"]) == {"Armed Forces of Azerbaijan"}


def test_a_counted_demonym_force_makes_no_entity(nlp):
    r = run(nlp, "About 2,000 Russian personnel are deployed in Mali.")
    assert not [e for e in r.entities if e.name == "Russian personnel"]


# --- the agent of a deployment's purpose: the force sent, or who sent a counted force -----
def test_a_counted_force_sent_to_protect_leaves_the_protection_to_its_sender(nlp):
    r = run(nlp, "The Multinational Stabilisation Force (MSF) has deployed 300 peacekeepers "
                 "to the town of Jowhar to protect civilians.")
    (prot,) = facts_of(r, "Protection")
    assert names(r, prot.roles["agent"]) == {"Multinational Stabilisation Force"}


def test_described_units_sent_to_guard_are_the_protection_agent(nlp):
    r = run(nlp, "The Kirkuk Operations Command imposed a curfew, and army units were "
                 "deployed to guard power stations and government buildings.")
    (prot,) = facts_of(r, "Protection")
    assert names(r, prot.roles["agent"]) == {"army units"}


def test_a_named_force_sent_to_protect_is_the_protection_agent(nlp):
    r = run(nlp, "Kenya sent the Rapid Deployment Battalion to Garissa to protect the airport.")
    (prot,) = facts_of(r, "Protection")
    assert names(r, prot.roles["agent"]) == {"Rapid Deployment Battalion"}

