"""Closure wordings of news English as a family (issue 15, round 11): a closure ordered of
what is closed ("ordered N schools to close"), and transport services suspended (a
Closure, never a CommunicationsShutdown, Dissolution or Sanction), each on an invented
sentence, with a neighbour of the same words that must keep its old reading."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


# --- "ordered X to close": a Closure of X by the one who orders ---------------------------
def test_ordered_schools_to_close_is_a_closure_of_the_schools(nlp):
    r = run(nlp, "The Education Ministry of Botswana ordered 120 schools in Maun to close "
                 "on Monday.")
    (c,) = facts_of(r, "Closure")
    assert "Education Ministry of Botswana" in names(r, c.roles["agent"])
    assert any("schools" in t for t in names(r, c.roles["theme"]))
    assert not c.roles.get("purpose")  # the closing is the event, not its purpose
    assert len(facts_of(r, "Order")) == 1  # the Order is kept beside it


def test_told_shops_to_shut_is_a_closure(nlp):
    r = run(nlp, "Police in Jurmala told all shops on the seafront to shut until further "
                 "notice.")
    (c,) = facts_of(r, "Closure")
    assert any("shops" in t for t in names(r, c.roles["theme"]))


def test_ordered_the_army_to_close_the_border_is_no_closure_of_the_army(nlp):
    # the object of "ordered" is no closable: the army is not closed
    r = run(nlp, "The president of Uruguay ordered the army to close the border.")
    assert not any("army" in " ".join(names(r, c.roles.get("theme")))
                   for c in facts_of(r, "Closure"))


# --- transport services suspended: a Closure ---------------------------------------------
def test_suspended_rail_services_between_two_towns_is_a_closure(nlp):
    r = run(nlp, "Latvijas Dzelzcelsh has suspended all rail services between Valmiera and "
                 "Cesis because water is covering the tracks.")
    (c,) = facts_of(r, "Closure")
    assert "Latvijas Dzelzcelsh" in names(r, c.roles["agent"])
    assert facts_of(r, "CommunicationsShutdown") == []
    assert facts_of(r, "Dissolution") == []


def test_suspended_services_on_a_line_is_a_closure(nlp):
    r = run(nlp, "Rail operator BVR has suspended services on the Northern line between "
                 "Jurmala and Tukums after a bridge was washed away.")
    assert len(facts_of(r, "Closure")) == 1
    assert facts_of(r, "CommunicationsShutdown") == []
    assert facts_of(r, "Dissolution") == []


def test_suspended_service_on_its_lines_is_a_closure(nlp):
    # the parser hangs "on ... its lines" on the verb: the lines still tell the transport
    r = run(nlp, "The Montevideo metro has suspended service on all four of its lines.")
    assert len(facts_of(r, "Closure")) == 1
    assert facts_of(r, "CommunicationsShutdown") == []
    assert facts_of(r, "Dissolution") == []


def test_ferry_services_suspended_in_the_passive_is_a_closure(nlp):
    r = run(nlp, "Ferry services between Koror and Peleliu were suspended on Monday.")
    assert len(facts_of(r, "Closure")) == 1
    assert facts_of(r, "CommunicationsShutdown") == []


def test_suspended_data_services_stays_a_communications_shutdown(nlp):
    r = run(nlp, "Operators in Palau suspended mobile data services on the instruction of "
                 "the authorities.")
    assert len(facts_of(r, "CommunicationsShutdown")) == 1
    assert facts_of(r, "Closure") == []
