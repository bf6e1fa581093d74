"""The wording news uses for force against a crowd, people carried or moved off, cordons,
equipment stationed, charges not brought and posts filled by a body's vote, and the
over-general triggers it must not fire on (issue 15, round 8), each pinned on an invented
sentence (people and places of no dev text), with a sentence of the same words in
another sense that must give no event."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


# --- police force against a crowd (docs/evaluation.md: an Attack by the force) ----------
def test_responded_with_pepper_spray_and_pushed_back_is_an_attack_on_the_crowd(nlp):
    r = run(nlp, "Demonstrators hurled stones at the riot squad in Tallinn, and the "
                 "officers responded with tear gas and drove the marchers back.")
    by_agent = {" ".join(names(r, f.roles.get("agent"))): f for f in facts_of(r, "Attack")}
    assert "officers" in by_agent
    assert "marchers" in " ".join(names(r, by_agent["officers"].roles["theme"]))


def test_used_pepper_spray_to_push_back_protesters_is_an_attack(nlp):
    r = run(nlp, "Riot police in Montevideo used pepper spray to push back students who "
                 "tried to climb the fence.")
    (e,) = facts_of(r, "Attack")
    assert "students" in " ".join(names(r, e.roles["theme"]))


def test_dispersing_them_takes_the_crowd_of_the_sentence_before(nlp):
    r = run(nlp, "Thousands of students gathered outside the ministry in Gaborone. "
                 "Police fired water cannon to scatter them near the main gate.")
    (e,) = facts_of(r, "Attack")
    assert names(r, e.roles["theme"]) == {"students"}


def test_responded_with_a_statement_is_no_attack(nlp):
    r = run(nlp, "The ministry responded with a statement on Monday in Tallinn.")
    assert not facts_of(r, "Attack")


# --- people carried off or moved to shelter: Evacuation -----------------------------------
def test_carried_away_by_paramedics_is_an_evacuation(nlp):
    r = run(nlp, "Three injured protesters were carried away by paramedics in Gaborone on "
                 "Friday.")
    (e,) = facts_of(r, "Evacuation")
    assert names(r, e.roles["agent"]) == {"paramedics"}


def test_carried_away_furniture_is_no_evacuation(nlp):
    r = run(nlp, "Looters in Lautoka carried away furniture and television sets.")
    assert not facts_of(r, "Evacuation")


def test_people_moved_to_schools_are_evacuated(nlp):
    r = run(nlp, "Some 1,300 villagers were moved to schools and churches in Lautoka.")
    assert facts_of(r, "Evacuation")
    assert not facts_of(r, "Movement")


# --- a cordon closes an area ---------------------------------------------------------
def test_sealed_off_the_area_is_a_closure(nlp):
    r = run(nlp, "Police sealed off the area around the market in Lome.")
    (e,) = facts_of(r, "Closure")
    assert "area" in " ".join(names(r, e.roles["theme"]))


def test_closed_the_area_of_study_is_no_closure(nlp):
    r = run(nlp, "The university in Lome closed its area of study on rural law.")
    assert not facts_of(r, "Closure")


# --- a force's equipment stationed ---------------------------------------------------
def test_armoured_vehicles_deployed_are_a_deployment(nlp):
    r = run(nlp, "Armoured vehicles were deployed around the parliament in Riga on Friday.")
    (e,) = facts_of(r, "Deployment")
    assert "vehicles" in " ".join(names(r, e.roles["theme"]))


def test_patrol_boats_stationed_are_a_deployment(nlp):
    r = run(nlp, "The Estonian Navy stationed three patrol boats off Tallinn harbour on "
                 "Monday.")
    (e,) = facts_of(r, "Deployment")
    assert "Navy" in " ".join(names(r, e.roles["agent"]))


def test_trucks_sent_to_the_scene_are_no_deployment(nlp):
    r = run(nlp, "Police in Lome sent two trucks to the scene.")
    assert not facts_of(r, "Deployment")


# --- charges not brought --------------------------------------------------------------
def test_released_without_charge_is_a_negated_charge_of_the_one_released(nlp):
    r = run(nlp, "Jone Vatu was released without charge on Wednesday morning.")
    (e,) = facts_of(r, "Charge")
    assert e.factuality == "negated"
    assert names(r, e.roles["theme"]) == {"Jone Vatu"}
    assert facts_of(r, "Release")


def test_left_without_warning_is_no_charge(nlp):
    r = run(nlp, "Jone Vatu was released without a warning on Wednesday in Suva.")
    assert not facts_of(r, "Charge")


# --- a post filled by a body's vote ----------------------------------------------------
def test_body_electing_a_prosecutor_general_is_an_appointment(nlp):
    r = run(nlp, "The Senate of Uruguay elected Maria Lopez as the new prosecutor general "
                 "on Tuesday.")
    (e,) = facts_of(r, "Appointment")
    assert names(r, e.roles["theme"]) == {"Maria Lopez"}
    assert not facts_of(r, "Election")


def test_elected_chief_justice_by_the_senate_is_an_appointment(nlp):
    r = run(nlp, "Maria Lopez was elected chief justice by the senate on Friday.")
    assert facts_of(r, "Appointment")
    assert not facts_of(r, "Election")


def test_elected_president_stays_an_election(nlp):
    r = run(nlp, "Maria Lopez was elected president of Uruguay in 2019.")
    assert facts_of(r, "Election")
    assert not facts_of(r, "Appointment")


# --- over-general triggers --------------------------------------------------------------
def test_i_was_elected_in_a_quote_is_no_election(nlp):
    r = run(nlp, 'The mayor of Kingston, Maria Lopez, refused to step down. "I was elected '
                 'by the people of this city," she told reporters.')
    assert not facts_of(r, "Election")


def test_a_no_confidence_vote_is_no_election(nlp):
    for text in ("The cabinet of Palau survived a no-confidence vote on Tuesday.",
                 "Opposition lawmakers in Riga threatened to seek a vote of no confidence "
                 "in Latvia."):
        assert not facts_of(run(nlp, text), "Election"), text


def test_a_presidential_vote_stays_an_election(nlp):
    r = run(nlp, "Palau held a presidential vote on 12 August.")
    assert facts_of(r, "Election")


def test_officials_who_protected_operators_are_no_protection(nlp):
    r = run(nlp, "Two governors who had protected the smugglers were dismissed in Hanoi.")
    assert not facts_of(r, "Protection")


def test_soldiers_protecting_a_building_stay_a_protection(nlp):
    r = run(nlp, "Soldiers protected the parliament building in Riga on Friday.")
    assert facts_of(r, "Protection")


def test_which_supplies_most_of_a_neighbours_fuel_is_no_aid(nlp):
    r = run(nlp, "Qatar, which supplies most of Fiji's gas and diesel, called for restraint.")
    assert not facts_of(r, "Aid")


def test_supplied_fuel_to_a_neighbour_stays_aid(nlp):
    r = run(nlp, "Qatar supplied 40 tonnes of fuel to Togo on Monday.")
    assert facts_of(r, "Aid")


def test_picked_up_in_raids_is_no_attack(nlp):
    r = run(nlp, "Four students were picked up in dawn raids in Kingston on Sunday.")
    assert not facts_of(r, "Attack")


def test_a_raid_on_a_village_stays_an_attack(nlp):
    r = run(nlp, "Gunmen killed four people in a raid on a village near Lautoka.")
    assert facts_of(r, "Attack")


# --- a re-mention is no new event -------------------------------------------------------
def test_among_those_detained_is_no_new_detention(nlp):
    r = run(nlp, "Police in Hanoi detained 650 people on Friday. Among those detained "
                 "were 120 Fijian citizens.")
    assert len(facts_of(r, "Detention")) == 1


def test_a_bare_count_released_without_charge_names_no_one_charged(nlp):
    r = run(nlp, "Police in Kingston detained 14 observers on Saturday. Nine were released "
                 "without charge on Sunday.")
    assert not facts_of(r, "Charge")


def test_a_whole_town_sealed_off_is_no_closure_of_its_own(nlp):
    r = run(nlp, "The town of Ba was sealed off on Sunday as rescuers searched the mud.")
    assert not facts_of(r, "Closure")
