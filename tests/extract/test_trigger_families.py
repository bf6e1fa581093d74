"""Trigger families of news English (issue 15, round 5): the wordings reporters use for
elections won, votes to act, people expelled or taken somewhere, counts of the dead,
partitive subjects ("Nine of them were released"), each pinned on an invented sentence
(names and places that appear in no dev text), with a sentence of the same words in
another sense that must give no event."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


# --- Election: what an election gives is won; the count declares the winner ----------
def test_won_a_term_is_an_election(nlp):
    r = run(nlp, "President Paul Banda won a second consecutive term in 2021.")
    (e,) = facts_of(r, "Election")
    assert names(r, e.roles["theme"]) == {"Paul Banda"}


def test_won_a_majority_is_an_election(nlp):
    r = run(nlp, "Opposition leader Ana Lobo said she had won a clear majority.")
    (e,) = facts_of(r, "Election")
    assert names(r, e.roles["theme"]) == {"Ana Lobo"}


def test_won_a_share_of_the_vote_is_an_election(nlp):
    r = run(nlp, "Ana Ruiz won 52 percent of the vote in the run-off.")
    (e,) = facts_of(r, "Election")
    assert names(r, e.roles["theme"]) == {"Ana Ruiz"}


def test_declared_the_winner_is_an_election_dated_by_nothing_of_its_own(nlp):
    r = run(nlp, "The electoral commission on Thursday declared Amina Diallo the winner "
                 "of the presidential election.")
    (e,) = facts_of(r, "Election")
    assert names(r, e.roles["theme"]) == {"Amina Diallo"}
    assert "date" not in e.roles  # the day of the count, not of the vote


def test_won_a_match_or_approval_is_no_election(nlp):
    assert not facts_of(run(nlp, "The national team won the final in Lagos."), "Election")
    assert not facts_of(run(nlp, "The plan won approval from donors."), "Election")


# --- Decision / Approval / Dismissal by vote -------------------------------------------
def test_voted_to_leave_is_a_decision(nlp):
    r = run(nlp, "The Liberal Party voted to leave the governing coalition.")
    (d,) = facts_of(r, "Decision")
    assert "leave the governing coalition" in " ".join(map(str, d.roles["theme"]))


def test_voted_to_extend_is_an_approval_not_a_decision(nlp):
    r = run(nlp, "The UN Security Council voted to extend the mission in Liberia for a year.")
    assert facts_of(r, "Approval")
    assert not facts_of(r, "Decision")


def test_announced_withdrawal_from_a_bloc_is_a_decision(nlp):
    r = run(nlp, "Gambia announced its withdrawal from the regional bloc on Monday.")
    assert facts_of(r, "Decision")


def test_a_force_withdrawn_from_a_base_is_no_decision(nlp):
    r = run(nlp, "The withdrawal of French personnel from the air base near Gao was "
                 "completed in May.")
    assert not facts_of(r, "Decision")


def test_stripped_of_citizenship_is_a_decision(nlp):
    r = run(nlp, "The assembly stripped 94 opponents of their citizenship in 2023.")
    assert facts_of(r, "Decision")


def test_voted_out_is_a_dismissal(nlp):
    r = run(nlp, "Parliament voted out Prime Minister Tomas Berg on Tuesday.")
    (d,) = facts_of(r, "Dismissal")
    assert names(r, d.roles["theme"]) == {"Tomas Berg"}


def test_accepting_an_offer_is_an_approval_accepting_a_gift_is_not(nlp):
    r = run(nlp, "Morocco has accepted offers of rescue teams from Spain and Qatar.")
    (a,) = facts_of(r, "Approval")
    assert names(r, a.roles["agent"]) == {"Morocco"}
    assert not facts_of(run(nlp, "The mayor accepted a watch from the visitors."), "Approval")


# --- people moved: expelled, deported, taken somewhere ---------------------------------
def test_expelled_to_a_country_is_a_movement(nlp):
    r = run(nlp, "The government expelled twelve priests to Honduras in 2024.")
    (m,) = facts_of(r, "Movement")
    assert names(r, m.roles["location"]) == {"Honduras"}


def test_expelled_with_no_destination_is_no_movement(nlp):
    assert not facts_of(run(nlp, "The government expelled the ambassador."), "Movement")


def test_taken_to_a_city_is_a_movement_with_the_taker_as_agent(nlp):
    r = run(nlp, "Police officers took the activist from her home in Kribi to Yaounde.")
    (m,) = facts_of(r, "Movement")
    assert m.roles.get("location") and m.roles.get("origin")
    assert names(r, m.roles["theme"]) == {"activist"}  # the taker is no theme


def test_taken_to_court_or_to_hospital_is_no_movement(nlp):
    assert not facts_of(run(nlp, "The union took the case to court in Accra."), "Movement")
    assert not facts_of(run(nlp, "Two students were taken to hospital."), "Movement")


# --- detention, investigation, request, emergency, casualties --------------------------
def test_deprived_of_liberty_is_a_detention(nlp):
    r = run(nlp, "Forty people have been deprived of their liberty since Friday.")
    assert facts_of(r, "Detention")


def test_questioned_by_a_unit_is_an_investigation(nlp):
    r = run(nlp, "Two officers are being questioned by the internal affairs unit.")
    (i,) = facts_of(r, "Investigation")
    assert "officers" in names(r, i.roles["theme"])


def test_questioning_a_decision_is_no_investigation(nlp):
    r = run(nlp, "The opposition questioned the decision to delay the vote.")
    assert not facts_of(r, "Investigation")


def test_advised_not_to_travel_is_a_request(nlp):
    r = run(nlp, "The British embassy advised its citizens not to travel to the border.")
    assert facts_of(r, "Request")


def test_state_of_prevention_is_a_state_of_emergency(nlp):
    r = run(nlp, "The government declared a 15-day state of prevention in Lima.")
    assert facts_of(r, "StateOfEmergency")


def test_counted_dead_is_a_casualties_count(nlp):
    r = run(nlp, "Rights groups counted more than 200 dead in the capital.")
    (c,) = facts_of(r, "Casualties")
    assert c.roles["quantity"][0].value == 200
    assert "agent" not in c.roles  # who counts did not kill


def test_states_forming_an_alliance_agree(nlp):
    r = run(nlp, "Kenya, Uganda and Tanzania formed the Great Lakes Defence Alliance in 2019.")
    (a,) = facts_of(r, "Agreement")
    assert names(r, a.roles["participant"]) == {"Kenya", "Uganda", "Tanzania"}


def test_a_country_suspended_from_a_bloc_is_a_sanction(nlp):
    r = run(nlp, "The African Union suspended Gabon from all its activities.")
    (s,) = facts_of(r, "Sanction")
    assert names(r, s.roles["theme"]) == {"Gabon"}


def test_sent_barrels_of_oil_is_aid(nlp):
    r = run(nlp, "Mexico will send 400,000 barrels of crude oil to Cuba.")
    (a,) = facts_of(r, "Aid")
    assert a.factuality == "future"


def test_given_a_portfolio_is_an_appointment(nlp):
    r = run(nlp, "A retired general, Samir Haddad, was given the home affairs portfolio.")
    (a,) = facts_of(r, "Appointment")
    assert names(r, a.roles["theme"]) == {"Samir Haddad"}
    assert not facts_of(run(nlp, "Akosita Vuli takes the education portfolio."), "Seizure")


# --- partitive subjects ----------------------------------------------------------------
def test_nine_of_them_released_are_the_people_held_before(nlp):
    r = run(nlp, "Police detained 23 people in Kara on Friday. Nine of them were released "
                 "without charge on Sunday.")
    (rel,) = facts_of(r, "Release")
    assert names(r, rel.roles["theme"]) == {"people"}
    assert rel.roles["quantity"][0].value == 9


def test_most_of_the_detainees_released(nlp):
    r = run(nlp, "Most of the detainees were released on Monday.")
    (rel,) = facts_of(r, "Release")
    assert names(r, rel.roles["theme"]) == {"detainees"}


def test_many_of_them_that_are_shops_are_no_people(nlp):
    r = run(nlp, "Shops in the suburb were looted, many of them owned by traders, and "
                 "at least 30 buildings were set on fire.")
    assert not any(names(r, f.roles.get("theme")) == {"traders"}
                   for f in facts_of(r, "Arson"))


# --- dates counted in years; facts of two years stay two -------------------------------
def test_two_years_later_counts_from_the_year_before(nlp):
    r = run(nlp, "In 2021 the police arrested six candidates. Two years later, 218 "
                 "political prisoners were put on a plane to Washington.")
    (m,) = facts_of(r, "Movement")
    assert str(m.roles["date"][0].value).startswith("2023")
