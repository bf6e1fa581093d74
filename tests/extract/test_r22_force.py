"""Movements, evacuations, deployments and tolls of round 22: evacuations told by their
outcome, the sender of what arrives, teams put in place by a verb of stationing, the dead
told by their finding. Invented sentences set in Botswana, Zambia, Latvia, Vietnam, Palau
and Qatar; each rule has a sentence of the same words in another sense that must give no
fact."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _count(fact) -> float | None:
    q = fact.roles.get("quantity") or []
    return q[0].value if q else None


# --- evacuations told by their outcome ------------------------------------------------------
def test_people_staying_in_relief_centres_are_evacuated(nlp):
    r = run(nlp, "About 900 residents of Mahalapye were staying in 12 relief centres on "
                 "Monday, the district council said.")
    (e,) = facts_of(r, "Evacuation")
    assert "residents" in " ".join(names(r, e.roles["theme"]))
    assert _count(e) == 900


def test_people_registered_at_an_emergency_centre_are_evacuated(nlp):
    r = run(nlp, "Nearly 500 people had registered at the emergency centre in Kafue by noon, "
                 "Mayor Chanda Mwale said.")
    (e,) = facts_of(r, "Evacuation")
    assert names(r, e.roles["theme"]) == {"people"}
    assert _count(e) == 500


def test_villagers_who_spent_the_night_away_from_home_are_evacuated(nlp):
    r = run(nlp, "About 800 villagers spent a second night away from their homes after a "
                 "dam burst near Liepaja.")
    (e,) = facts_of(r, "Evacuation")
    assert _count(e) == 800


def test_a_night_in_a_hall_or_an_uncounted_stay_is_no_evacuation(nlp):
    r = run(nlp, "Thirty delegates spent the night in a conference hall in Hue.")
    assert not facts_of(r, "Evacuation")
    r = run(nlp, "Most villagers are staying in relief centres in Hue.")
    assert not facts_of(r, "Evacuation")


# --- the sender of what arrives is the mover's agent ----------------------------------------
def test_craft_sent_by_a_state_that_land_are_moved_by_it(nlp):
    r = run(nlp, "Three water-bombing planes sent by Qatar landed at Riga International "
                 "Airport on Monday.")
    moves = facts_of(r, "Movement")
    assert any(names(r, f.roles.get("agent")) == {"Qatar"} for f in moves)


def test_a_relative_clause_on_what_was_sent_gives_its_sender(nlp):
    r = run(nlp, "Vietnam has sent six water purification plants, which arrived in Koror by "
                 "sea on Tuesday.")
    (m,) = facts_of(r, "Movement")
    assert names(r, m.roles["agent"]) == {"Vietnam"}
    r = run(nlp, "Qatar sent a team of engineers, who arrived in Gaborone on Monday.")
    (m,) = facts_of(r, "Movement")
    assert names(r, m.roles["agent"]) == {"Qatar"}


def test_craft_chartered_by_a_state_name_no_sender(nlp):
    r = run(nlp, "Two planes chartered by Qatar landed in Riga on Monday.")
    (m,) = facts_of(r, "Movement")
    assert not m.roles.get("agent")


# --- any team a verb of stationing puts in place is deployed ---------------------------------
def test_a_team_of_inspectors_deployed_is_a_deployment(nlp):
    r = run(nlp, "The Zambia Railways Board said it had deployed a team of four inspectors "
                 "to the line near Kabwe.")
    (d,) = facts_of(r, "Deployment")
    assert "team of four inspectors" in names(r, d.roles["theme"])


def test_rescue_teams_deployed_in_the_passive_are_a_deployment(nlp):
    r = run(nlp, "A fisherman is still missing off Koror, where three rescue teams were "
                 "deployed on Sunday.")
    (d,) = facts_of(r, "Deployment")
    assert "rescue teams" in names(r, d.roles["theme"])


def test_a_team_sent_is_no_deployment(nlp):
    r = run(nlp, "The ministry sent a team of four inspectors to the line near Kabwe.")
    assert not facts_of(r, "Deployment")


# --- the dead told by their finding or its confirmation -------------------------------------
def test_people_confirmed_dead_are_casualties(nlp):
    r = run(nlp, "As of Thursday, 63 villagers have been confirmed dead in Kabwe, the "
                 "disaster office said.")
    (c,) = facts_of(r, "Casualties")
    assert _count(c) == 63
    assert "Kabwe" in names(r, c.roles.get("location"))


def test_fishermen_found_dead_are_casualties(nlp):
    r = run(nlp, "Three fishermen were found dead on a beach near Maun on Saturday.")
    (c,) = facts_of(r, "Casualties")
    assert _count(c) == 3


def test_a_report_confirmed_is_no_casualty(nlp):
    r = run(nlp, "Two reports were confirmed by the police in Maun on Sunday.")
    assert not facts_of(r, "Casualties")
