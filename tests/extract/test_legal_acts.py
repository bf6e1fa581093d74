"""Institutional wordings of news English (issue 15, round 10): a decision that is the
measure it takes, people named to office without "as", civil-protection phases, a
parliament prorogued, a body's sitting told after its name. Each pinned on an invented
sentence (names and places that appear in no dev text), with a sentence of neighbouring
words that must not give the event."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


# --- Appointment: "named NAME TITLE", "named NAME to take on the X portfolio" ---------------
def test_named_minister_acting_title_is_an_appointment(nlp):
    # the parser reads the name as a compound of the office it is given
    r = run(nlp, "President Ana Tembo accepted it and named Environment Minister Ruth "
                 "Banda acting planning minister.")
    (a,) = facts_of(r, "Appointment")
    assert names(r, a.roles["theme"]) == {"Ruth Banda"}
    assert names(r, a.roles["agent"]) == {"Ana Tembo"}
    assert a.roles["role"] == ["acting planning minister"]


def test_named_minister_to_take_on_a_portfolio_is_an_appointment(nlp):
    r = run(nlp, "President Kabwe Mulenga named Energy Minister Ruth Banda to take on the "
                 "mining portfolio as well.")
    (a,) = facts_of(r, "Appointment")
    assert names(r, a.roles["theme"]) == {"Ruth Banda"}
    assert a.roles["role"] == ["mining portfolio"]


def test_a_clinic_named_after_a_nurse_is_no_appointment(nlp):
    r = run(nlp, "The council of Lusaka named its new clinic the Ruth Banda Clinic.")
    assert facts_of(r, "Appointment") == []


# --- a decision to take a measure is the measure ---------------------------------------------
def test_decided_to_close_the_border_is_a_closure_without_a_decision(nlp):
    r = run(nlp, "The government of Estonia decided to close the Narva border crossing on "
                 "Monday.")
    assert len(facts_of(r, "Closure")) == 1
    assert facts_of(r, "Decision") == []


def test_decided_to_declare_a_state_of_emergency_is_no_decision(nlp):
    r = run(nlp, "The cabinet of Botswana decided to declare a state of emergency in "
                 "Maun.")
    (s,) = facts_of(r, "StateOfEmergency")
    assert "cabinet of Botswana" in names(r, s.roles["agent"])
    assert facts_of(r, "Decision") == []


def test_decided_to_extend_a_mission_stays_a_decision(nlp):
    r = run(nlp, "The cabinet of Botswana decided to extend the mission by six months.")
    assert len(facts_of(r, "Decision")) == 1


# --- StateOfEmergency: a civil-protection phase declared ------------------------------------
def test_declared_an_emergency_phase_is_a_state_of_emergency(nlp):
    r = run(nlp, "The civil protection chief of Jamaica declared an emergency phase for "
                 "the north coast on Monday.")
    assert len(facts_of(r, "StateOfEmergency")) == 1


def test_raised_the_alert_level_is_no_state_of_emergency(nlp):
    r = run(nlp, "The police of Jamaica raised the alert level to orange on Monday.")
    assert facts_of(r, "StateOfEmergency") == []


# --- Dissolution: a parliament prorogued ----------------------------------------------------
def test_parliament_will_not_be_prorogued_is_a_negated_dissolution(nlp):
    r = run(nlp, "The Government of Nauru said that Parliament will not be prorogued.")
    (d,) = facts_of(r, "Dissolution")
    assert d.factuality == "negated"


# --- Meeting: a sitting set off after the subject -------------------------------------------
def test_a_sitting_after_the_subject_is_a_meeting_of_the_subject(nlp):
    r = run(nlp, "The cabinet of Palau, at an emergency session on Monday, decided to "
                 "declare a state of emergency.")
    (m,) = facts_of(r, "Meeting")
    assert "cabinet of Palau" in names(r, m.roles["agent"])


def test_a_press_conference_after_the_subject_is_no_meeting(nlp):
    r = run(nlp, "The minister of Benin, at a press conference on Monday, said the talks "
                 "had failed.")
    assert facts_of(r, "Meeting") == []


# --- Meeting: an act done in a phone call ---------------------------------------------------
def test_congratulated_in_a_phone_call_is_a_meeting_of_both(nlp):
    r = run(nlp, "The president of Palau thanked Prime Minister Ana Tembo of Nauru in a "
                 "telephone call on Monday.")
    (m,) = facts_of(r, "Meeting")
    assert "Ana Tembo" in names(r, m.roles["participant"])
    assert m.roles["medium"] == ["telephone call"]


def test_told_a_reporter_in_a_phone_call_is_no_meeting(nlp):
    r = run(nlp, "A spokesman for the Government of Palau told Reuters in a phone call "
                 "that the port had reopened.")
    assert facts_of(r, "Meeting") == []
