"""Institutional, legal and policy wordings of news English (issue 15, round 9): a body's
own sitting, places declared disaster areas, detainees handed back to their families,
each pinned on an invented sentence (names and places that appear in no dev text), with a
sentence of the same words in another sense that must give no event where one is likely."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


# --- Meeting: the sitting of the clause's subject ------------------------------------------
def test_at_its_weekly_session_is_a_meeting_of_the_clause_subject(nlp):
    r = run(nlp, "The Cabinet of Nauru is to review the new tariffs at its weekly session "
                 "on Monday.")
    (m,) = facts_of(r, "Meeting")
    assert "Cabinet of Nauru" in names(r, m.roles["agent"])
    assert m.factuality == "future"
    # "is to review ... on Monday": the Monday to come (the stamp is Tuesday 2023-03-14)
    assert [d.value for d in m.roles["date"]] == ["2023-03-20"]


def test_at_an_extraordinary_session_the_government_acted(nlp):
    r = run(nlp, "At an extraordinary session on Monday, the government of Benin appointed "
                 "Ana Lisa Dossou as its commissioner for reconstruction.")
    (m,) = facts_of(r, "Meeting")
    assert "government" in " ".join(names(r, m.roles["agent"]))


def test_a_bare_session_in_a_time_phrase_is_no_meeting(nlp):
    r = run(nlp, "In one session last October, a court in Cotonou convicted 49 men.")
    assert facts_of(r, "Meeting") == []


def test_is_due_to_hold_takes_the_subject_of_the_adjective(nlp):
    # "X is due / likely / ready to VERB": the subject of "is" is the verb's subject
    r = run(nlp, "The parliament of Palau is due to hold a special session next week on a "
                 "relief package.")
    (m,) = facts_of(r, "Meeting")
    assert "parliament" in " ".join(names(r, m.roles["agent"]))
    assert m.factuality == "future"


# --- StateOfEmergency: a place declared a disaster area ------------------------------------
def test_declared_the_valley_a_disaster_area_is_a_state_of_emergency(nlp):
    r = run(nlp, "The government of Latvia declared the Gauja valley a disaster area on "
                 "Monday.")
    (s,) = facts_of(r, "StateOfEmergency")
    assert "government" in " ".join(names(r, s.roles["agent"]))
    assert facts_of(r, "Statement") == []  # a status given, not a report


def test_districts_declared_disaster_zones_in_the_passive(nlp):
    r = run(nlp, "The districts of Jurmala and Tukums were declared disaster zones by the "
                 "cabinet.")
    assert len(facts_of(r, "StateOfEmergency")) == 1


def test_reaching_the_disaster_zone_is_no_state_of_emergency(nlp):
    r = run(nlp, "Rescuers from Latvia reached the disaster zone on Monday.")
    assert facts_of(r, "StateOfEmergency") == []


# --- Release: detainees handed back to their families --------------------------------------
def test_handed_over_to_their_parents_is_a_release(nlp):
    r = run(nlp, "The twelve students were handed over to their parents in Gaborone on "
                 "Friday.")
    (f,) = facts_of(r, "Release")
    assert "students" in " ".join(names(r, f.roles["theme"]))


def test_handed_over_to_the_police_is_no_release(nlp):
    r = run(nlp, "The suspects were handed over to the police of Botswana.")
    assert facts_of(r, "Release") == []


def test_declared_the_winner_is_no_statement(nlp):
    r = run(nlp, "The electoral commission of Palau declared Tommy Ngirmang the winner of "
                 "the presidential election.")
    assert facts_of(r, "Statement") == []


# --- Dissolution: instruments suspended, armies abolished ----------------------------------
def test_a_court_suspending_a_decree_is_a_dissolution(nlp):
    r = run(nlp, "A labour court in Riga suspended the working-hours decree on Tuesday.")
    (d,) = facts_of(r, "Dissolution")
    assert "decree" in " ".join(names(r, d.roles["theme"]))


# --- Aid: teams offered, supplies delivered -------------------------------------------------
def test_offered_pumping_teams_is_pledged_aid(nlp):
    r = run(nlp, "Estonia and Finland have offered pumping teams.")
    (a,) = facts_of(r, "Aid")
    assert names(r, a.roles["agent"]) == {"Estonia", "Finland"}
    assert a.factuality == "future"


def test_offering_the_team_a_contract_is_no_aid(nlp):
    r = run(nlp, "The coach offered the team a new contract.")
    assert facts_of(r, "Aid") == []


def test_delivered_purification_tablets_is_aid_not_movement(nlp):
    r = run(nlp, "UNICEF said it had delivered water purification tablets and hygiene kits "
                 "to the shelters in Tartu.")
    assert len(facts_of(r, "Aid")) == 1
    assert facts_of(r, "Movement") == []


# --- PolicyMeasure: levies raised or cut, sales limited -------------------------------------
def test_resolution_limiting_the_sale_is_a_policy_measure_of_the_adopter(nlp):
    r = run(nlp, "The Cabinet of Nauru adopted a resolution limiting the sale of subsidised "
                 "flour to two bags per family per month.")
    (p,) = facts_of(r, "PolicyMeasure")
    assert "Cabinet of Nauru" in names(r, p.roles["agent"])
    assert "two bags per family" in " ".join(names(r, p.roles["theme"]))


def test_an_increase_in_water_tariffs_is_a_policy_measure(nlp):
    r = run(nlp, "Protesters in Montevideo marched against an increase in water tariffs "
                 "announced last month.")
    (p,) = facts_of(r, "PolicyMeasure")
    assert "tariffs" in " ".join(names(r, p.roles["theme"]))


def test_prices_rising_or_a_cable_cut_is_no_policy_measure(nlp):
    for text in ("Prices rose sharply in Montevideo after the storm.",
                 "The storm cut the power cable in Salto.",
                 "The report noted an increase in violence in Salto."):
        assert facts_of(run(nlp, text), "PolicyMeasure") == [], text


# --- Meeting: a host receiving a visitor ----------------------------------------------------
def test_received_the_ambassador_is_a_meeting_of_host_and_guest(nlp):
    r = run(nlp, "Foreign Minister Janis Ozols received Estonian Ambassador Mart Tamm in Riga "
                 "on Tuesday.")
    (m,) = facts_of(r, "Meeting")
    assert "Janis Ozols" in names(r, m.roles["agent"])
    assert "Mart Tamm" in names(r, m.roles["participant"])


def test_received_a_letter_or_patients_is_no_meeting(nlp):
    for text in ("The ministry in Riga received a letter from Mart Tamm.",
                 "The hospital in Riga received 40 injured people."):
        assert facts_of(run(nlp, text), "Meeting") == [], text


def test_the_guest_named_beside_his_title_is_a_participant(nlp):
    # "received the envoy, Deputy Minister X", "met the army commander, General X"
    r = run(nlp, "Later on Monday, Tommy Remengesau received the Japanese prime minister's "
                 "special envoy for Asia and Africa, Deputy Foreign Minister Kenji Sato, at "
                 "the presidential palace in Ngerulmud.")
    (m,) = facts_of(r, "Meeting")
    assert "Kenji Sato" in names(r, m.roles["participant"])
    r = run(nlp, "The prime minister of Palau met the army commander, General Tommy "
                 "Remengesau, in Koror.")
    (m,) = facts_of(r, "Meeting")
    assert "Tommy Remengesau" in names(r, m.roles["participant"])
