"""Institutional, legal and policy wordings of news English (issue 15, round 9): a body's
own sitting, places declared disaster areas, detainees handed back to their families,
each pinned on an invented sentence (names and places that appear in no dev text), with a
sentence of the same words in another sense that must give no event where one is likely."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


# --- Meeting: the sitting of the clause's subject ------------------------------------------
def test_at_its_weekly_session_is_a_meeting_of_the_clause_subject(nlp):
    r = run(nlp, "The Cabinet of Nauru is to review the new tariffs at its weekly session "
                 "on Monday.")
    (m,) = facts_of(r, "Meeting")
    assert "Cabinet of Nauru" in names(r, m.roles["agent"])
    assert m.factuality == "future"


def test_at_an_extraordinary_session_the_government_acted(nlp):
    r = run(nlp, "At an extraordinary session on Monday, the government of Benin appointed "
                 "Ana Lisa Dossou as its commissioner for reconstruction.")
    (m,) = facts_of(r, "Meeting")
    assert "government" in " ".join(names(r, m.roles["agent"]))


def test_a_bare_session_in_a_time_phrase_is_no_meeting(nlp):
    r = run(nlp, "In one session last October, a court in Cotonou convicted 49 men.")
    assert facts_of(r, "Meeting") == []


def test_is_due_to_hold_takes_the_subject_of_the_adjective(nlp):
    # "X is due / likely / ready to VERB": the subject of "is" is the verb's subject
    r = run(nlp, "The parliament of Palau is due to hold a special session next week on a "
                 "relief package.")
    (m,) = facts_of(r, "Meeting")
    assert "parliament" in " ".join(names(r, m.roles["agent"]))
    assert m.factuality == "future"


# --- StateOfEmergency: a place declared a disaster area ------------------------------------
def test_declared_the_valley_a_disaster_area_is_a_state_of_emergency(nlp):
    r = run(nlp, "The government of Latvia declared the Gauja valley a disaster area on "
                 "Monday.")
    (s,) = facts_of(r, "StateOfEmergency")
    assert "government" in " ".join(names(r, s.roles["agent"]))
    assert facts_of(r, "Statement") == []  # a status given, not a report


def test_districts_declared_disaster_zones_in_the_passive(nlp):
    r = run(nlp, "The districts of Jurmala and Tukums were declared disaster zones by the "
                 "cabinet.")
    assert len(facts_of(r, "StateOfEmergency")) == 1


def test_reaching_the_disaster_zone_is_no_state_of_emergency(nlp):
    r = run(nlp, "Rescuers from Latvia reached the disaster zone on Monday.")
    assert facts_of(r, "StateOfEmergency") == []


# --- Release: detainees handed back to their families --------------------------------------
def test_handed_over_to_their_parents_is_a_release(nlp):
    r = run(nlp, "The twelve students were handed over to their parents in Gaborone on "
                 "Friday.")
    (f,) = facts_of(r, "Release")
    assert "students" in " ".join(names(r, f.roles["theme"]))


def test_handed_over_to_the_police_is_no_release(nlp):
    r = run(nlp, "The suspects were handed over to the police of Botswana.")
    assert facts_of(r, "Release") == []
