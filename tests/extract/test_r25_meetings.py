"""Round 25, meetings told by what brings the two sides together: a diplomat summoned by a
ministry (the diplomatic summons: the ministry holds the meeting, the diplomat attends it)
and one who testifies or appears before a parliamentary body (the body holds the sitting;
a court appearance is none)."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def test_summoned_diplomat_named_in_apposition(nlp):
    r = run(nlp, "The Ministry of International Relations of Botswana summoned the Zambian "
                 "chargé d'affaires in Gaborone, Mwila Banda, on Thursday and gave him a "
                 "written complaint.")
    [meeting] = facts_of(r, "Meeting")
    assert names(r, meeting.roles.get("agent")) == {"Ministry of International Relations "
                                                    "of Botswana"}
    assert "Mwila Banda" in names(r, meeting.roles.get("participant"))


def test_summoned_ambassador_by_title_alone(nlp):
    r = run(nlp, "The Foreign Office of Jamaica summoned the Vietnamese ambassador in Kingston "
                 "on Thursday to complain about a deputy minister's remarks.")
    [meeting] = facts_of(r, "Meeting")
    assert names(r, meeting.roles.get("agent")) == {"Foreign Office of Jamaica"}
    assert any("ambassador" in p for p in names(r, meeting.roles.get("participant")))


def test_summoned_witness_is_no_meeting(nlp):
    r = run(nlp, "The court in Gaborone summoned the two accused farmers on Monday.")
    assert facts_of(r, "Meeting") == []


def test_due_to_testify_before_committee_is_its_future_sitting(nlp):
    r = run(nlp, "Minister Ruta Ozola is due to testify on Thursday before the budget "
                 "committee of the Saeima.")
    [meeting] = facts_of(r, "Meeting")
    assert meeting.factuality == "future"
    assert names(r, meeting.roles.get("agent")) == {"budget committee"}
    assert "Ruta Ozola" in names(r, meeting.roles.get("participant"))


def test_appeared_before_parliamentary_committee(nlp):
    r = run(nlp, "The health minister of Botswana, Kabo Sebina, appeared before parliament's "
                 "health committee on Monday.")
    [meeting] = facts_of(r, "Meeting")
    assert names(r, meeting.roles.get("agent")) == {"health committee"}
    assert "Kabo Sebina" in names(r, meeting.roles.get("participant"))


def test_appeared_before_court_is_no_meeting(nlp):
    r = run(nlp, "Two herders from Kanye appeared on Monday before the Gaborone "
                 "Magistrate's Court.")
    assert facts_of(r, "Meeting") == []


def test_committee_to_hold_hearing_is_its_future_sitting(nlp):
    r = run(nlp, "The Saeima's defence committee will hold a hearing next week on the conscription "
                 "bill.")
    [meeting] = facts_of(r, "Meeting")
    assert meeting.factuality == "future"
    assert names(r, meeting.roles.get("agent")) == {"defence committee"}


def test_court_hearing_is_no_meeting(nlp):
    r = run(nlp, "The High Court in Gaborone held a hearing on the petition on Monday.")
    assert facts_of(r, "Meeting") == []


def test_hearing_without_light_verb_is_no_meeting(nlp):
    r = run(nlp, "The Jamaican union's lawyer, speaking to journalists after the hearing, said "
                 "the order stands.")
    assert facts_of(r, "Meeting") == []

