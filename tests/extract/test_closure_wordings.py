"""Closure wordings of news English as a family (issue 15, round 11): transport services
suspended (a Closure, never a CommunicationsShutdown, Dissolution or Sanction), each on an
invented sentence, with a neighbour of the same words that must keep its old reading."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


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
