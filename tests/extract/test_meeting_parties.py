"""Who holds or convenes a meeting takes part in it (round 18, kg/extract/type_roles.py
``_meeting``): the Meeting's agent is also one of its participants, so that "X met Y",
"X held talks with Y", "X spoke by phone with Y", "the council met" list both sides as
participants whoever the parser made the subject. Several clause shapes (active verb,
noun with a light verb, phrase, relative clause, headline, negated). Invented sentences
set in Zambia, Benin, Palau, Latvia, Estonia and Botswana."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _meeting(r):
    (m,) = facts_of(r, "Meeting")
    return m


def test_a_host_meeting_a_visitor_takes_part(nlp):
    r = run(nlp, "Zambian Foreign Minister Mutale Phiri met Benin's ambassador, Paul Adjovi, "
                 "in Lusaka on Friday.")
    m = _meeting(r)
    assert {"Mutale Phiri", "Paul Adjovi"} <= names(r, m.roles.get("participant"))


def test_talks_held_with_someone(nlp):
    r = run(nlp, "Palau's President Tommy Remengesau held talks with Estonian Prime Minister "
                 "Kaja Tamm on Monday.")
    m = _meeting(r)
    assert "Tommy Remengesau" in names(r, m.roles.get("participant"))


def test_a_call_by_telephone(nlp):
    r = run(nlp, "Latvian Interior Minister Janis Ozols spoke by telephone with his Estonian "
                 "counterpart on Tuesday.")
    m = _meeting(r)
    assert "Janis Ozols" in names(r, m.roles.get("participant"))


def test_in_a_relative_clause(nlp):
    r = run(nlp, "The statement was issued by Botswana's President Duma Kgosi, who met "
                 "union leaders in Gaborone on Wednesday.")
    m = _meeting(r)
    assert "Duma Kgosi" in names(r, m.roles.get("participant"))


def test_a_body_that_meets_sits_in_its_own_meeting(nlp):
    r = run(nlp, "The Cabinet of Zambia met in emergency session on Sunday.")
    m = _meeting(r)
    assert names(r, m.roles.get("participant")) == names(r, m.roles.get("agent"))
    assert m.roles.get("participant")


def test_a_negated_meeting_keeps_its_parties(nlp):
    r = run(nlp, "Estonian Prime Minister Kaja Tamm did not meet the Latvian delegation.")
    m = _meeting(r)
    assert m.factuality == "negated"
    assert "Kaja Tamm" in names(r, m.roles.get("participant"))
