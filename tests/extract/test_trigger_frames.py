"""Triggers across clause shapes and fillers (issue 15, round 12, "brittleness"): a rule
that exists for a type fires whatever clause shape the trigger sits in (a report frame
"regrets to report that", a participle clause or apposition with its doer) and for every
filler of its family (ships beside aircraft, "lost their lives" beside "were killed", an
office "assigned/handed to" someone, an "emergency situation" declared). Each pinned on
invented sentences (places and people no dev text is about), with a near wording that
must give nothing."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


# --- "lose life": the subject is who died -------------------------------------------------
def test_lost_their_lives_is_casualties_of_the_subject(nlp):
    r = run(nlp, "Two fishermen lost their lives off the coast of Benin on Monday.")
    (c,) = facts_of(r, "Casualties")
    assert "fishermen" in " ".join(names(r, c.roles["theme"]))


def test_lost_their_lives_in_coordinated_clauses(nlp):
    r = run(nlp, "Three miners lost their lives and four others were injured in Kabwe.")
    assert facts_of(r, "Casualties") and facts_of(r, "Injury")
    r = run(nlp, "Floods hit Kabwe on Monday, and two children lost their lives.")
    (c,) = facts_of(r, "Casualties")
    assert "children" in " ".join(names(r, c.roles["theme"]))


def test_lost_their_jobs_is_no_death(nlp):
    assert not facts_of(run(nlp, "Two hundred miners lost their jobs in Kabwe."),
                        "Casualties")


# --- report frames: what is reported is told as fact ------------------------------------
def test_regrets_to_report_that_passes_the_events_through(nlp):
    r = run(nlp, "The Government of Palau regrets to report that three people lost their "
                 "lives and four others were injured when a landslide struck Melekeok.")
    assert facts_of(r, "Casualties") and facts_of(r, "Injury")
    assert all(f.factuality is None for f in facts_of(r, "Casualties"))


def test_wishes_to_inform_the_public_that_passes_an_arrest_through(nlp):
    r = run(nlp, "The Ministry of Interior of Botswana wishes to inform the public that two "
                 "suspects were arrested in Gaborone on Sunday.")
    (a,) = facts_of(r, "Arrest")
    assert a.factuality is None


def test_pleased_to_announce_passes_a_release_through(nlp):
    r = run(nlp, "The police of Jamaica are pleased to announce that two journalists were "
                 "freed in Montego Bay.")
    assert facts_of(r, "Release")


def test_a_wish_to_act_stays_a_wish(nlp):
    r = run(nlp, "The Botswana army wishes to attack the rebel camp.")
    assert all(f.factuality == "hypothetical" for f in facts_of(r, "Attack"))


# --- participle clauses and appositions that name their doer -----------------------------
def test_passed_by_parliament_in_an_apposition_is_an_approval(nlp):
    r = run(nlp, "The Mining Act, passed by parliament last month, comes into force in "
                 "Zambia on Monday.")
    (a,) = facts_of(r, "Approval")
    assert "Mining Act" in " ".join(names(r, a.roles["theme"]))
    assert "parliament" in " ".join(names(r, a.roles["agent"]))


def test_arrested_by_police_in_an_apposition_is_an_arrest(nlp):
    r = run(nlp, "The two men, arrested by police in Cotonou on Monday, were charged with "
                 "fraud.")
    (a,) = facts_of(r, "Arrest")
    assert "men" in " ".join(names(r, a.roles["theme"]))


def test_freed_by_the_rebels_as_a_reduced_relative_is_a_release(nlp):
    r = run(nlp, "The journalists freed by the rebels arrived in Lusaka on Sunday.")
    (a,) = facts_of(r, "Release")
    assert "rebels" in " ".join(names(r, a.roles["agent"]))


def test_a_participle_without_its_doer_stays_a_description(nlp):
    r = run(nlp, "The bill passed last year allows fishing off Nauru.")
    assert not facts_of(r, "Approval")


# --- ships a state or a force sends are deployed, as aircraft are -------------------------
def test_sent_corvettes_is_a_deployment(nlp):
    r = run(nlp, "Estonia has sent two corvettes to the Gulf of Riga.")
    (d,) = facts_of(r, "Deployment")
    assert names(r, d.roles["agent"]) == {"Estonia"}


def test_sent_corvettes_and_a_helicopter_unit_is_a_deployment(nlp):
    r = run(nlp, "Latvia sent two corvettes and a helicopter unit to the Baltic Sea.")
    assert facts_of(r, "Deployment")


def test_would_send_ships_is_a_future_deployment(nlp):
    r = run(nlp, "The Estonian navy would send three additional ships to the area.")
    assert facts_of(r, "Deployment")


def test_a_shipping_firm_sending_a_vessel_is_no_deployment(nlp):
    r = run(nlp, "A shipping firm in Riga sent a vessel to collect the cargo.")
    assert not facts_of(r, "Deployment")


# --- an office handed or assigned to someone ------------------------------------------------
def test_portfolio_assigned_to_is_an_appointment_of_the_person(nlp):
    r = run(nlp, "The finance portfolio has been assigned ad interim to Maria Ozolina.")
    (a,) = facts_of(r, "Appointment")
    assert names(r, a.roles["theme"]) == {"Maria Ozolina"}


def test_handed_the_portfolio_to_is_an_appointment_of_the_person(nlp):
    r = run(nlp, "The president handed the ports portfolio to Janis Berzins on an acting "
                 "basis.")
    (a,) = facts_of(r, "Appointment")
    assert names(r, a.roles["theme"]) == {"Janis Berzins"}


# --- an emergency situation or regime declared ------------------------------------------
def test_declared_an_emergency_situation_is_a_state_of_emergency(nlp):
    r = run(nlp, "The government of Botswana declared an emergency situation in the north "
                 "of the country on Monday.")
    assert facts_of(r, "StateOfEmergency")


def test_an_emergency_situation_described_is_none(nlp):
    r = run(nlp, "Doctors in Gaborone described an emergency situation in the hospitals.")
    assert not facts_of(r, "StateOfEmergency")


def test_a_time_after_by_names_no_doer(nlp):
    r = run(nlp, "The observer mission, MISNAU, left by the end of 2023 at the request of "
                 "Nauru.")
    assert not [f for f in r.facts if f.kind in ("Withdrawal", "Movement") and
                f.roles.get("agent")]


# --- a gerund after "after"/"upon" is told as done, by the main clause's subject ----------
def test_after_visiting_is_a_movement_of_the_main_subject(nlp):
    r = run(nlp, "The minister spoke to reporters in Kabwe after visiting the flooded "
                 "villages.")
    (m,) = facts_of(r, "Movement")
    assert "minister" in " ".join(names(r, m.roles["theme"]))


def test_accused_of_killing_stays_untold(nlp):
    r = run(nlp, "The guard was accused of killing two inmates in Lobatse.")
    assert not facts_of(r, "Casualties")


# --- craft diverted or rerouted somewhere ----------------------------------------------------
def test_a_ship_diverted_to_is_a_movement(nlp):
    r = run(nlp, "The cargo ship had been diverted to Montego Bay.")
    (m,) = facts_of(r, "Movement")
    assert names(r, m.roles["location"]) == {"Montego Bay"}


def test_a_debt_diverted_to_a_fund_is_no_movement(nlp):
    r = run(nlp, "The ministry said the money had been diverted to a private account.")
    assert not facts_of(r, "Movement")


def test_relief_diverted_to_supporters_is_no_movement(nlp):
    r = run(nlp, "Opposition lawmakers said relief maize had been diverted to party "
                 "supporters in Kabwe.")
    assert not facts_of(r, "Movement")


# --- guards on the shared readings ---------------------------------------------------------
def test_shots_fired_from_a_territory_name_no_attack(nlp):
    r = run(nlp, "The shots were fired from Latvian territory.")
    assert not facts_of(r, "Attack")


def test_shots_fired_at_a_patrol_are_an_attack(nlp):
    r = run(nlp, "Shots were fired at the patrol near Valga.")
    assert facts_of(r, "Attack")


def test_a_participle_whose_doer_is_not_read_is_no_event(nlp):
    r = run(nlp, "The declaration, approved unanimously by the Kgotla Panlalawigan in a "
                 "special session, allows spending.")
    assert not facts_of(r, "Approval")
