"""Force, movement and measure events read through shared parts of the role frame (issue
15, round 13): a named place whose phrase only says where it lies is the theme itself; a
clause set off by commas deeper in a theme's phrase is no part of it; a crew named by what
it does acts as written; people
by trade act together; purpose clauses of dispersal with a particle or hung on a verb the
parser joined to the trigger; money given as aid; goods handed to someone; the second of
two joined participles taking people somewhere. Invented sentences set in Zambia, Benin,
Botswana, Latvia, Estonia, Qatar and Palau; each family has a sentence that must give no
fact, or not that reading."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


# --- a named place with where it lies: the place itself is the theme ----------------------
def test_a_named_airport_in_a_region_closed_in_the_passive_is_the_theme(nlp):
    # (the parser hangs the long subject on the auxiliary: shapes.yaml verb-passive)
    r = run(nlp, "Mfuwe Airport in eastern Zambia, which serves the national park, was "
                 "closed for two hours on Friday.")
    (e,) = facts_of(r, "Closure")
    assert names(r, e.roles["theme"]) == {"Mfuwe Airport"}


def test_a_named_airport_in_a_city_closed_in_the_active_is_the_theme(nlp):
    r = run(nlp, "Police in Zambia closed Kenneth Kaunda International Airport in Lusaka on "
                 "Monday.")
    (e,) = facts_of(r, "Closure")
    assert names(r, e.roles["theme"]) == {"Kenneth Kaunda International Airport"}
    assert "Lusaka" in names(r, e.roles.get("location"))


def test_a_named_port_in_a_region_closed_in_the_passive_is_the_theme(nlp):
    r = run(nlp, "Cotonou Port in southern Benin was closed by the port authority on "
                 "Sunday.")
    (e,) = facts_of(r, "Closure")
    assert names(r, e.roles["theme"]) == {"Cotonou Port"}


def test_the_closure_of_a_named_port_in_a_region_is_of_the_port(nlp):
    r = run(nlp, "The closure of Cotonou Port in southern Benin disrupted trade.")
    (e,) = facts_of(r, "Closure")
    assert names(r, e.roles["theme"]) == {"Cotonou Port"}


def test_a_place_with_a_restrictive_phrase_stays_as_written(nlp):
    # no locative phrase: the name alone, as the text writes it
    r = run(nlp, "Authorities closed Mfuwe Airport on Friday.")
    (e,) = facts_of(r, "Closure")
    assert names(r, e.roles["theme"]) == {"Mfuwe Airport"}


# --- a clause set off by commas inside the theme's phrase ---------------------------------
def test_a_relative_clause_on_the_goods_is_no_part_of_the_aid(nlp):
    r = run(nlp, "Qatar has agreed to provide 1.5 million litres of diesel, which is "
                 "expected to arrive in Cotonou by 3 May.")
    (aid,) = facts_of(r, "Aid")
    # the relative clause is cut; a measure of a load gives the Aid its contents (the
    # load_containers of kg/rules/events/lexicon.yaml), while a Movement keeps the phrase
    assert names(r, aid.roles["theme"]) == {"diesel"}
    (move,) = facts_of(r, "Movement")
    assert names(r, move.roles["theme"]) == {"litres of diesel"}
    assert names(r, move.roles["location"]) == {"Cotonou"}


def test_the_goods_sent_to_a_state_which_reach_a_city_move(nlp):
    r = run(nlp, "Latvia will send 40 tonnes of flour to Estonia, which should reach Tallinn "
                 "by Friday.")
    (e,) = facts_of(r, "Movement")
    assert names(r, e.roles["theme"]) == {"tonnes of flour"}


# --- crews named by what they do, people by trade ----------------------------------------
def test_rescue_teams_evacuating_people_are_the_agent(nlp):
    r = run(nlp, "Civil protection teams evacuated the residents of Kasane overnight.")
    (e,) = facts_of(r, "Evacuation")
    assert names(r, e.roles["agent"]) == {"Civil protection teams"}


def test_rescue_crews_in_a_relative_clause_are_the_agent(nlp):
    r = run(nlp, "Emergency teams, which arrived from Gaborone on Monday, evacuated 300 "
                 "villagers from Maun.")
    (e,) = facts_of(r, "Evacuation")
    assert names(r, e.roles["agent"]) == {"Emergency teams"}


def test_miners_attacking_a_patrol_are_the_agent(nlp):
    r = run(nlp, "Witnesses said the miners attacked a police patrol near Solwezi with "
                 "stones.")
    (e,) = facts_of(r, "Attack")
    assert names(r, e.roles["agent"]) == {"miners"}


def test_a_patrol_attacked_by_fishermen_in_a_relative_clause(nlp):
    r = run(nlp, "The fishermen, who attacked a police patrol near Parakou on Sunday, fled.")
    (e,) = facts_of(r, "Attack")
    assert names(r, e.roles["agent"]) == {"fishermen"}


# --- police force against a crowd: what it is used to break up ----------------------------
def test_tear_gas_fired_to_break_up_a_crowd_targets_the_crowd(nlp):
    r = run(nlp, "Zambian police fired tear gas on Thursday to break up hundreds of young "
                 "people who had gathered in Kabwe.")
    (e,) = facts_of(r, "Attack")
    assert "young people who had gathered in Kabwe" in names(r, e.roles["theme"])


def test_water_cannon_used_to_disperse_a_group_targets_it(nlp):
    # the parser joins "mounted" to "used" as a verb; the purpose clause hangs on it
    r = run(nlp, "Riot officers of the Botswana Police Service used a water cannon and "
                 "mounted police to disperse the group.")
    (e,) = facts_of(r, "Attack")
    assert names(r, e.roles["theme"]) == {"group"}


def test_tear_gas_fired_to_chase_away_protesters(nlp):
    r = run(nlp, "Police fired tear gas in Porto-Novo to chase away protesters.")
    (e,) = facts_of(r, "Attack")
    assert names(r, e.roles["theme"]) == {"protesters"}


def test_a_meeting_broken_up_is_no_attack(nlp):
    r = run(nlp, "The chairman broke up the meeting in Kabwe on Thursday.")
    assert not facts_of(r, "Attack")


# --- money and goods given ---------------------------------------------------------------
def test_money_pledged_in_funds_is_aid(nlp):
    r = run(nlp, "Qatar has also pledged $250,000 in emergency funds, the embassy said.")
    (e,) = facts_of(r, "Aid")
    assert names(r, e.roles["agent"]) == {"Qatar"}
    assert e.factuality is not None  # pledged: future


def test_money_granted_in_the_passive_is_aid(nlp):
    r = run(nlp, "$250,000 was granted to Palau by Qatar for reconstruction.")
    (e,) = facts_of(r, "Aid")
    assert names(r, e.roles["agent"]) == {"Qatar"}


def test_a_reward_offered_in_money_is_no_aid(nlp):
    r = run(nlp, "The ministry offered a $5,000 reward for information about the attack in "
                 "Parakou.")
    assert not facts_of(r, "Aid")


def test_rice_handed_over_to_a_body_is_aid(nlp):
    r = run(nlp, "Qatar's ambassador, Hamad Al-Kuwari, handed over 20 tonnes of rice to the "
                 "National Disaster Management Office in Koror.")
    (e,) = facts_of(r, "Aid")
    assert names(r, e.roles["agent"]) == {"Hamad Al-Kuwari"}
    assert "rice" in " ".join(names(r, e.roles["theme"]))


def test_blankets_handed_to_families_is_aid(nlp):
    r = run(nlp, "Volunteers of the Red Cross handed blankets to families in Kasane.")
    assert facts_of(r, "Aid")


def test_suspects_handed_over_to_police_are_no_aid(nlp):
    r = run(nlp, "Qatar handed over the two suspects to the police in Doha.")
    assert not facts_of(r, "Aid")


# --- taken somewhere as the second of two participles --------------------------------------
def test_suspects_detained_and_taken_to_a_town_move_there(nlp):
    r = run(nlp, "A total of 43 suspects were detained and taken to Livingstone, where they "
                 "are being questioned.")
    (e,) = facts_of(r, "Movement")
    assert names(r, e.roles["location"]) == {"Livingstone"}
    assert names(r, e.roles["theme"]) == {"suspects"}


def test_a_journalist_arrested_and_taken_to_a_station_moves_there(nlp):
    r = run(nlp, "The journalist was arrested at her home and taken to the central police "
                 "station in Tartu.")
    (e,) = facts_of(r, "Movement")
    assert names(r, e.roles["theme"]) == {"journalist"}


def test_a_case_reviewed_and_taken_to_court_is_no_movement(nlp):
    r = run(nlp, "The case was reviewed and taken to court in Tartu.")
    assert not facts_of(r, "Movement")


def test_a_crowd_heading_towards_a_square_moves(nlp):
    r = run(nlp, "A group of several hundred young men broke away and headed towards "
                 "Independence Square in Tallinn.")
    (e,) = facts_of(r, "Movement")
    assert "young men" in " ".join(names(r, e.roles["theme"]))


# --- a relative clause after the thing sent: the thing sent moves -------------------------
def test_a_detachment_sent_from_a_base_which_arrived_moves(nlp):
    r = run(nlp, "The Zambia Army has sent a detachment of 60 troops and heavy machinery "
                 "from its base in Kabwe, which arrived in Chipata on Sunday night.")
    (e,) = facts_of(r, "Movement")
    assert "troops" in " ".join(names(r, e.roles["theme"]))
    assert names(r, e.roles["location"]) == {"Chipata"}
    assert names(r, e.roles["origin"]) == {"Kabwe"}


def test_aircraft_loaded_with_relief_which_will_land_move(nlp):
    r = run(nlp, "Qatar has pledged to send two aircraft loaded with relief supplies, which "
                 "are expected to land at Cotonou airport on Sunday.")
    (e,) = facts_of(r, "Movement")
    assert "aircraft" in " ".join(names(r, e.roles["theme"]))


def test_a_mission_headed_by_an_envoy_which_will_travel_moves(nlp):
    r = run(nlp, "The council decided to send a high-level mission, to be headed by its "
                 "chair, Ambassador Ruth Kamau, Permanent Representative of Botswana to the "
                 "OAS, which will travel to Kingston next week.")
    (e,) = facts_of(r, "Movement")
    assert names(r, e.roles["theme"]) == {"high-level mission"}


def test_a_town_the_clause_is_about_stays_the_one_that_moves(nlp):
    # no verb of sending above: the noun the clause hangs on is what it is about
    r = run(nlp, "Rescuers searched the port of Riga, which received 300 evacuees from "
                 "Liepaja on Monday.")
    for e in facts_of(r, "Movement"):
        assert "port" not in " ".join(names(r, e.roles.get("theme")))


# --- the one given to, hung on the goods' phrase -----------------------------------------
def test_families_given_boxes_and_blankets_are_the_addressee(nlp):
    r = run(nlp, "The Botswana Red Cross Society has distributed 3,000 food boxes and 2,500 "
                 "blankets to the affected families.")
    (e,) = facts_of(r, "Aid")
    assert names(r, e.roles["addressee"]) == {"affected families"}
    assert "families" not in " ".join(names(r, e.roles["theme"]))


def test_a_coast_guard_given_scanners_is_the_addressee(nlp):
    r = run(nlp, "Qatar would donate two scanners for containers and $4 million in "
                 "equipment to the Jamaica Defence Force.")
    (e,) = facts_of(r, "Aid")
    assert names(r, e.roles["addressee"]) == {"Jamaica Defence Force"}


def test_displaced_people_sent_food_are_the_addressee(nlp):
    r = run(nlp, "The commission has dispatched 60 trucks of food aid for about 40,000 "
                 "displaced persons in Maun.")
    (e,) = facts_of(r, "Aid")
    assert any("displaced persons" in a for a in names(r, e.roles["addressee"]))


def test_aid_for_projects_names_no_addressee(nlp):
    r = run(nlp, "Estonia donated 200 tonnes of flour for bakeries and schools' kitchens.")
    for e in facts_of(r, "Aid"):
        assert not e.roles.get("addressee") or \
            names(r, e.roles["addressee"]) != {"bakeries"}


# --- closable things: passes, strips, work stopped at a site -------------------------------
def test_a_mountain_pass_that_remains_closed_is_a_closure(nlp):
    r = run(nlp, "The Sani pass between Botswana and Zambia remains closed until the slope "
                 "has been secured.")
    assert facts_of(r, "Closure")


def test_mining_suspended_at_a_concession_is_a_closure(nlp):
    r = run(nlp, "The governor said mining on the Kansanshi concession had been suspended.")
    (e,) = facts_of(r, "Closure")
    assert "mining" in " ".join(names(r, e.roles["theme"]))


def test_production_shut_down_at_a_platform_is_a_closure(nlp):
    r = run(nlp, "The company shut down production at the platform off Qatar on Monday.")
    assert facts_of(r, "Closure")


def test_a_meeting_suspended_is_no_closure(nlp):
    r = run(nlp, "The speaker suspended the debate in Riga on Monday.")
    assert not facts_of(r, "Closure")


def test_money_provided_for_supplies_gives_the_supplies(nlp):
    r = run(nlp, "Qatar said on Monday it would provide $500,000 for emergency water "
                 "supplies.")
    (e,) = facts_of(r, "Aid")
    assert "emergency water supplies" in names(r, e.roles["theme"])


def test_money_granted_for_victims_names_them_as_addressee(nlp):
    r = run(nlp, "Qatar granted $300,000 for flood victims in Palau.")
    (e,) = facts_of(r, "Aid")
    assert names(r, e.roles["addressee"]) == {"flood victims"}
