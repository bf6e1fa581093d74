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
