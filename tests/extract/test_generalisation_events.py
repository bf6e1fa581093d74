"""Event rules generalised against the development split (issue 15), each pinned on a
sentence written for the purpose, with names other than the seed's or the dev texts'."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


# --- people sent on an errand travel; only a qualified team or mission is a force -------
def test_a_delegation_sent_somewhere_is_a_movement_not_a_deployment(nlp):
    r = run(nlp, "The African Union will send a fact-finding mission to Bamako next week.")
    assert not facts_of(r, "Deployment")
    (move,) = facts_of(r, "Movement")
    assert names(r, move.roles["agent"]) == {"African Union"}
    assert names(r, move.roles["location"]) == {"Bamako"}
    assert move.factuality == "future"


def test_a_police_team_sent_somewhere_stays_a_deployment(nlp):
    r = run(nlp, "Kenya sent a police team to Haiti on Friday.")
    (dep,) = facts_of(r, "Deployment")
    assert names(r, dep.roles["agent"]) == {"Kenya"}
    assert not facts_of(r, "Movement")


def test_a_team_of_soldiers_is_a_force(nlp):
    r = run(nlp, "Ghana dispatched a team of 40 soldiers to Tamale on Friday.")
    assert facts_of(r, "Deployment")


# --- "left X dead", "left X in control of Y": a result, no departure -------------------
def test_left_in_control_is_no_movement(nlp):
    r = run(nlp, "A truce in 1997 left the rebels in control of the valley.")
    assert not facts_of(r, "Movement")


def test_left_dead_is_no_movement(nlp):
    r = run(nlp, "Riots in two jails of the city left at least 12 inmates dead and dozens "
                 "of guards in the hands of inmates.")
    assert not facts_of(r, "Movement")


# --- meetings: conjoined subjects are participants; people met by description ----------
def test_conjoined_subjects_of_a_call_and_a_planned_meeting_are_participants(nlp):
    r = run(nlp, "The Chilean foreign minister Ana Lagos and her Peruvian counterpart Luis "
                 "Vera spoke by telephone on Friday and agreed to meet in Lima next week.")
    meetings = facts_of(r, "Meeting")
    assert sorted(m.factuality == "future" for m in meetings) == [False, True]
    for m in meetings:
        assert names(r, m.roles["participant"]) == {"Ana Lagos", "Luis Vera"}
        assert "agent" not in m.roles


def test_the_people_met_are_participants_by_their_description(nlp):
    r = run(nlp, "Prime Minister Rosa Ortiz met the four army commanders at her residence "
                 "on Monday night.")
    (m,) = facts_of(r, "Meeting")
    assert names(r, m.roles["agent"]) == {"Rosa Ortiz"}
    assert "four army commanders" in names(r, m.roles["participant"])  # and the host


def test_leaders_of_several_parties_are_each_a_participant(nlp):
    r = run(nlp, "The general said he had met leaders of the Liberal Party, the Green Party "
                 "and the Farmers' Alliance on Friday.")
    (m,) = facts_of(r, "Meeting")
    assert {"Liberal Party", "Green Party"} <= names(r, m.roles["participant"])


def test_meeting_demands_is_no_meeting(nlp):
    r = run(nlp, "The government has met the demands of the striking teachers.")
    assert not facts_of(r, "Meeting")


# --- an object-less infinitive or conjunct is an event with its inherited subject -------
def test_an_arrival_in_a_conjunct_keeps_the_subject(nlp):
    r = run(nlp, "About 300 Kenyan police officers left Nairobi on Monday and arrived in "
                 "Port-au-Prince on Tuesday.")
    moves = [m for m in facts_of(r, "Movement") if "Port-au-Prince" in names(
        r, m.roles.get("location"))]
    assert moves and all("police officers" in " ".join(names(r, m.roles["theme"]))
                         for m in moves)


# --- attacks: the target of an instrument, "came under fire", weapons act for owners ----
def test_the_target_after_an_instrument_is_the_theme(nlp):
    r = run(nlp, "Ugandan forces opened fire with mortars on rebel positions near Beni late "
                 "on Thursday.")
    (attack,) = facts_of(r, "Attack")
    assert "rebel positions" in " ".join(names(r, attack.roles["theme"]))


def test_came_under_fire_makes_the_subject_the_target(nlp):
    r = run(nlp, "A UN patrol near Kidal came under machine-gun fire from rebel fighters "
                 "on Friday.")
    attacks = facts_of(r, "Attack")
    assert any("UN patrol" in " ".join(names(r, a.roles.get("theme")))
               and names(r, a.roles.get("agent")) for a in attacks)


def test_a_weapon_acts_for_the_army_the_speaker_names(nlp):
    r = run(nlp, "The Sudanese army said its warplanes had bombed rebel positions in Omdurman.")
    (attack,) = facts_of(r, "Attack")
    assert names(r, attack.roles["agent"])


def test_a_natural_hazard_striking_is_no_attack(nlp):
    r = run(nlp, "Forty people have died in Mozambique since the cyclone struck on Friday.")
    assert not facts_of(r, "Attack")


def test_striking_down_a_decree_is_no_attack(nlp):
    r = run(nlp, "The Supreme Court struck down the decree on Monday.")
    assert not facts_of(r, "Attack")


# --- deaths and injuries take the agent of the attack told with them ------------------
def test_deaths_when_forces_opened_fire_take_their_agent(nlp):
    r = run(nlp, "Four servicemen were killed and seven wounded when Ugandan forces opened "
                 "fire on positions near Beni.")
    (dead,) = facts_of(r, "Casualties")
    (attack,) = facts_of(r, "Attack")
    assert dead.roles["agent"] == attack.roles["agent"]


def test_killing_after_an_attack_takes_its_agent(nlp):
    r = run(nlp, "Gunmen of the Liberation Front attacked an army base at Kidal last week, "
                 "killing more than 40 soldiers.")
    (dead,) = facts_of(r, "Casualties")
    assert names(r, dead.roles["agent"])


def test_its_fighters_in_a_claim_are_the_claimant(nlp):
    r = run(nlp, "The Islamic Army claimed that its fighters had killed 20 soldiers.")
    (dead,) = facts_of(r, "Casualties")
    assert names(r, dead.roles["agent"]) == {"Islamic Army"}
    assert dead.factuality == "claimed"


# --- statements: a body by description speaks; a semicolon ends a source's clause ------
def test_a_union_by_description_speaks_and_a_semicolon_ends_according_to(nlp):
    r = run(nlp, "According to the prison service, 43 guards were taken hostage by inmates "
                 "during the riots; the union of prison workers said 51 of its members had "
                 "been held.")
    by = {" ".join(sorted(names(r, s.roles["speaker"]))): s.roles["gist"][0]
          for s in facts_of(r, "Statement")}
    assert by["union of prison workers"] == "51 of its members had been held"
    assert "union" not in by["prison service"]


# --- memberships: founders of a body, an envoy's "to" hung elsewhere -------------------
def _members(r):
    return {(next(iter(names(r, f.roles["member"]))), next(iter(names(r, f.roles["group"]))))
            for f in facts_of(r, "Membership")}


def test_the_three_states_that_formed_an_alliance_are_its_members(nlp):
    r = run(nlp, "In May, Mali, Chad and Niger left the Economic Community of West African "
                 "States; the three states had already formed the Sahel Defence Pact.")
    assert {m for m, g in _members(r) if g == "Sahel Defence Pact"} == {"Mali", "Chad",
                                                                       "Niger"}


def test_an_envoy_of_a_country_to_a_body_with_the_to_phrase_misattached(nlp):
    r = run(nlp, "The delegation was led by Ambassador Carlos Mena, Permanent Representative "
                 "of Peru to the Organization of American States.")
    assert ("Peru", "Organization of American States") in _members(r)


def test_both_sides_are_the_two_named_before(nlp):
    r = run(nlp, "Kenya and Uganda accused each other of shelling border villages. The "
                 "African Union urged both sides to show restraint.")
    (req,) = facts_of(r, "Request")
    assert names(r, req.roles["addressee"]) == {"Kenya", "Uganda"}


# --- movements: who flees, leaves or enters moves; results and hazards do not ----------
def test_people_who_fled_a_town_are_the_theme_with_their_count(nlp):
    r = run(nlp, "More than 10,000 people have fled Nairobi since Monday.")
    (move,) = facts_of(r, "Movement")
    assert names(r, move.roles["theme"]) == {"people"}
    assert names(r, move.roles["origin"]) == {"Nairobi"}
    assert move.roles["quantity"][0].value == 10000


def test_militants_entering_a_town_move_there(nlp):
    r = run(nlp, "Around 300 militants entered Kidal before dawn on Wednesday.")
    (move,) = facts_of(r, "Movement")
    assert names(r, move.roles["location"]) == {"Kidal"}


def test_entering_a_third_week_and_returning_to_duty_are_no_movements(nlp):
    r = run(nlp, "The strike entered its third week on Monday. The nurses returned to duty "
                 "on Friday. The cyclone moved into Mozambique on Friday.")
    assert not facts_of(r, "Movement")


def test_a_riot_that_left_inmates_dead_is_no_movement(nlp):
    r = run(nlp, "A state of emergency was declared in 2021 after a riot at the central "
                 "prison in Kano left 86 inmates dead.")
    assert not facts_of(r, "Movement")


# --- agents: counts of people, people by what they do, a body's own people -------------
def test_hundreds_of_protesters_are_the_agents(nlp):
    r = run(nlp, "In Najaf, hundreds of protesters blocked the main roads and burned tyres.")
    (arson,) = facts_of(r, "Arson")
    assert names(r, arson.roles["agent"]) == {"protesters"}


def test_inmates_and_a_group_act_by_their_description(nlp):
    r = run(nlp, "Inmates set fire to mattresses in the central prison in Kano. Police "
                 "arrested 23 protesters after a group threw stones at officers.")
    (arson,) = facts_of(r, "Arson")
    assert names(r, arson.roles["agent"]) == {"Inmates"}
    (attack,) = facts_of(r, "Attack")
    assert names(r, attack.roles["agent"]) == {"group"}


def test_its_officers_in_a_body_s_statement_are_the_body(nlp):
    r = run(nlp, "The Kano Police Command said its officers had arrested 17 people in Kano.")
    (arrest,) = facts_of(r, "Arrest")
    assert names(r, arrest.roles["agent"]) == {"Kano Police Command"}


def test_an_indefinite_court_orders_by_its_description(nlp):
    r = run(nlp, "On Monday, a Nairobi court accepted a murder case against the minister and "
                 "ordered the police to investigate.")
    (order,) = facts_of(r, "Order")
    assert names(r, order.roles["agent"]) == {"Nairobi court"}


def test_a_descriptive_apposition_is_no_part_of_the_theme(nlp):
    r = run(nlp, "Soldiers took over Uhuru Square, the main square in central Nairobi, on "
                 "Thursday.")
    (seizure,) = facts_of(r, "Seizure")
    assert names(r, seizure.roles["theme"]) == {"Uhuru Square"}


def test_demanded_that_x_do_y_asks_x(nlp):
    r = run(nlp, "Kigali has demanded that Uganda withdraw its troops from the border.")
    (req,) = facts_of(r, "Request")
    assert names(r, req.roles["addressee"]) == {"Uganda"}
    assert req.roles["theme"] == ["withdraw its troops from the border"]


def test_a_day_name_is_never_the_body_a_description_points_to():
    from kg.extract.speakers import described
    from kg.records import EntityType, Mention
    text = "The GPA said Police held its leader early on Monday, the party said."
    gpa = Mention(start=4, end=7, text="GPA", type=EntityType.ORGANIZATION, unit=0,
                  sentence=(0, len(text)), source="ner")
    monday = Mention(start=text.index("Monday"), end=text.index("Monday") + 6,
                     text="Monday", type=EntityType.ORGANIZATION, unit=0,
                     sentence=(0, len(text)), source="ner")
    assert described([gpa, monday], "party", text.index("the party"), (0, len(text))) is gpa


def test_a_resignation_takes_the_title_before_the_name_as_its_office(nlp):
    r = run(nlp, "Serbian Prime Minister Marko Ilic resigned on Tuesday after weeks of protests.")
    (res,) = facts_of(r, "Resignation")
    assert names(r, res.roles["theme"]) == {"Marko Ilic"}
    assert res.roles["role"] == ["Prime Minister"]


def test_the_wounded_in_an_elliptical_passive_are_an_injury(nlp):
    r = run(nlp, "Four servicemen were killed and seven wounded when Ugandan forces opened "
                 "fire on positions near Beni.")
    (hurt,) = facts_of(r, "Injury")
    assert names(r, hurt.roles["theme"]) == {"seven"}
    assert names(r, hurt.roles["agent"]) == {"Ugandan forces"}


# --- detention: holding people, taken hostage, a counted share of a group ---------------
def test_holding_counted_nationals_is_a_detention(nlp):
    r = run(nlp, "Kenya is holding at least 19 Ugandans, according to officials.")
    (det,) = facts_of(r, "Detention")
    assert names(r, det.roles["agent"]) == {"Kenya"}
    assert det.roles["quantity"][0].value == 19


def test_taken_hostage_and_held_members_are_detentions(nlp):
    r = run(nlp, "At least 30 journalists were taken hostage by the gunmen in Kidal. The "
                 "union said 51 of its members had been held.")
    themes = [" ".join(names(r, d.roles["theme"])) for d in facts_of(r, "Detention")]
    assert any("journalists" in t for t in themes) and any("members" in t for t in themes)


def test_a_prison_holding_inmates_and_held_talks_are_no_detentions(nlp):
    r = run(nlp, "The prison held 310 inmates. The ministers held talks in Lima on Monday.")
    assert not facts_of(r, "Detention")


def test_people_rescued_or_relocated_are_evacuated(nlp):
    r = run(nlp, "Helicopters of the Kenya Defence Forces had rescued more than 2,300 people in "
                 "Garissa since Thursday. Of these, 1,200 people have been relocated to 14 camps.")
    evac = facts_of(r, "Evacuation")
    assert len(evac) == 2 and not facts_of(r, "Movement")
    assert any(names(r, e.roles.get("agent")) == {"Kenya Defence Forces"} for e in evac)


def test_goods_airlifted_are_no_evacuation(nlp):
    r = run(nlp, "The army airlifted food to Garissa.")
    assert not facts_of(r, "Evacuation")


def test_money_released_or_promised_is_aid(nlp):
    r = run(nlp, "The UN's Central Emergency Response Fund has released $4 million for the "
                 "response. The United States has promised $20 million in security aid.")
    aid = facts_of(r, "Aid")
    agents = set().union(*(names(r, a.roles.get("agent")) for a in aid))
    assert {"Central Emergency Response Fund", "United States"} <= agents
    assert any(a.factuality == "future" for a in aid)


def test_hostages_released_are_no_aid(nlp):
    r = run(nlp, "The rebels released 12 hostages on Friday.")
    assert not facts_of(r, "Aid") and facts_of(r, "Release")
