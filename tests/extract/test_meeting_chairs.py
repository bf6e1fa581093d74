"""Whoever chairs a meeting holds it (round 19, kg/extract/meeting_chairs.py): "the
Council, chaired by X, held a meeting", "the Council met, chaired by X", "the Council,
meeting under the chairmanship of X, adopted ...", "held a meeting under X's
chairmanship", "a meeting chaired by the President, X, was held": X is the Meeting's agent
and the body that sits is one of its participants. Several clause shapes (a body with a
participle, a verb with a participle clause, a noun with a light verb, a passive, a
possessive, a relative clause, a future meeting). Invented sentences set in Zambia, Benin,
Palau, Latvia, Estonia, Botswana and Jamaica."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _meeting(r):
    (m,) = facts_of(r, "Meeting")
    return m


def test_a_body_chaired_by_a_person_holds_a_meeting(nlp):
    r = run(nlp, "The Zambia National Security Council, chaired by the Vice-President of "
                 "Zambia, Mutale Phiri, held an emergency meeting in Lusaka on Friday.")
    m = _meeting(r)
    assert names(r, m.roles.get("agent")) == {"Mutale Phiri"}
    assert "Zambia National Security Council" in names(r, m.roles.get("participant"))


def test_a_body_met_chaired_by_a_person(nlp):
    r = run(nlp, "The Council of Ministers of Benin met in special session in Porto-Novo on "
                 "Monday, chaired by the Prime Minister, Paul Adjovi.")
    m = _meeting(r)
    assert names(r, m.roles.get("agent")) == {"Paul Adjovi"}
    assert "Council of Ministers of Benin" in names(r, m.roles.get("participant"))


def test_under_the_chairmanship_of_a_person(nlp):
    r = run(nlp, "The Cabinet of Palau, meeting on Friday at the Capitol in Ngerulmud under "
                 "the chairmanship of the Head of State, President Tommy Remengesau, adopted "
                 "a decree on fuel rationing.")
    m = _meeting(r)
    assert names(r, m.roles.get("agent")) == {"Tommy Remengesau"}
    assert "Cabinet of Palau" in names(r, m.roles.get("participant"))


def test_under_a_named_persons_chairmanship(nlp):
    r = run(nlp, "The Cabinet of Latvia held an emergency meeting in Riga on Monday under "
                 "Prime Minister Janis Ozols's chairmanship and decided to close the border.")
    m = _meeting(r)
    assert names(r, m.roles.get("agent")) == {"Janis Ozols"}
    assert "Cabinet of Latvia" in names(r, m.roles.get("participant"))


def test_a_meeting_chaired_by_a_titled_person_was_held(nlp):
    r = run(nlp, "An extraordinary meeting of the Cabinet of Estonia chaired by the Prime "
                 "Minister, Kaja Tamm, was held in Tallinn on 5 May 2026.")
    m = _meeting(r)
    assert names(r, m.roles.get("agent")) == {"Kaja Tamm"}


def test_a_future_meeting_under_a_chairmanship(nlp):
    r = run(nlp, "The Botswana Security Council will meet in Gaborone on Friday under the "
                 "chairmanship of President Duma Kgosi.")
    m = _meeting(r)
    assert m.factuality == "future"
    assert names(r, m.roles.get("agent")) == {"Duma Kgosi"}


def test_a_body_that_meets_without_a_chair_still_holds_it(nlp):
    r = run(nlp, "The Cabinet of Jamaica met in emergency session in Kingston on Sunday.")
    m = _meeting(r)
    assert names(r, m.roles.get("agent")) == {"Cabinet of Jamaica"}


def test_a_chaired_committee_that_does_not_meet_makes_no_meeting(nlp):
    r = run(nlp, "The Zambia Electoral Commission, chaired by retired judge Mutale Phiri, "
                 "rejected the petition on Friday.")
    assert not facts_of(r, "Meeting")


# "X convened <a body>": X holds a sitting of the body (round 19, meeting.yaml
# ``meeting/convened-body``)

def test_a_minister_convenes_a_body(nlp):
    r = run(nlp, "Latvian Prime Minister Janis Ozols convened the government's security "
                 "council on Sunday evening.")
    m = _meeting(r)
    assert names(r, m.roles.get("agent")) == {"Janis Ozols"}
    assert names(r, m.roles.get("participant")) & {"government's security council",
                                                   "the government's security council"}


def test_a_convened_body_in_a_clause_with_another_verb(nlp):
    r = run(nlp, "Interior Minister Kaja Tamm convened the state's crisis team in Tallinn "
                 "and later travelled to Narva.")
    m = _meeting(r)
    assert names(r, m.roles.get("agent")) == {"Kaja Tamm"}
    assert names(r, m.roles.get("participant")) & {"state's crisis team",
                                                   "the state's crisis team"}


def test_a_named_body_convened(nlp):
    r = run(nlp, "President Duma Kgosi convened the Botswana National Security Council on "
                 "Monday.")
    m = _meeting(r)
    assert "Botswana National Security Council" in names(r, m.roles.get("participant"))


def test_a_future_convened_body(nlp):
    r = run(nlp, "Prime Minister Paul Adjovi will convene the Cabinet of Benin on Friday.")
    m = _meeting(r)
    assert m.factuality == "future"


def test_convening_a_meeting_is_one_meeting(nlp):
    r = run(nlp, "Prime Minister Kaja Tamm convened an emergency meeting of the Cabinet of "
                 "Estonia on Sunday.")
    assert len(facts_of(r, "Meeting")) == 1


def test_a_convened_body_and_a_call_the_same_day_are_two_meetings(nlp):
    r = run(nlp, "Prime Minister Kaja Tamm convened the government's security council on "
                 "Sunday evening. Latvian Foreign Minister Janis Ozols spoke by telephone "
                 "with his Estonian counterpart on Sunday.")
    assert len(facts_of(r, "Meeting")) == 2


def test_a_meeting_told_twice_stays_one(nlp):
    r = run(nlp, "Prime Minister Kaja Tamm convened the government's security council on "
                 "Sunday. The meeting, chaired by Kaja Tamm, lasted three hours.")
    assert len(facts_of(r, "Meeting")) == 1
