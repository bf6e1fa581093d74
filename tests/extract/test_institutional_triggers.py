"""Trigger families of news English (issue 15, round 6): institutional and onset wording
("clashes broke out between X and Y", "fighting between X and Y continued", "the treaty
has to be ratified by X"), each pinned on an invented sentence (names and places that
appear in no dev text), with a sentence of the same words in another sense that must give
no event where one is likely."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


# --- Clash: the event noun is the subject of a verb of onset or course ------------------
def test_clashes_broke_out_between_takes_the_sides_from_the_verb(nlp):
    r = run(nlp, "Clashes broke out between opposition supporters and police in the "
                 "northern town of Tolu after the results were announced.")
    (c,) = facts_of(r, "Clash")
    sides = " ".join(names(r, c.roles["participant"]))
    assert "police" in sides and "supporters" in sides


def test_fighting_erupted_between_two_militias(nlp):
    r = run(nlp, "Fighting erupted between the Mai-Tolo militia and the army near Rubaya.")
    (c,) = facts_of(r, "Clash")
    assert "army" in " ".join(names(r, c.roles["participant"]))


def test_fighting_between_as_a_gerund_subject_is_a_clash(nlp):
    r = run(nlp, "Fighting between rebels and government troops continued on Sunday "
                 "around Kisoro.")
    (c,) = facts_of(r, "Clash")
    assert names(r, c.roles["participant"]) == {"rebels", "government troops"}


def test_fighting_that_ended_takes_no_sides_from_the_verb(nlp):
    r = run(nlp, "The fighting in Rubaya ended on Sunday.")
    assert all("participant" not in c.roles for c in facts_of(r, "Clash"))


# --- Approval: a passive infinitive under a verb of obligation ----------------------------
def test_has_to_be_ratified_is_a_future_approval(nlp):
    r = run(nlp, "The treaty still has to be ratified by the parliaments of Fiji and Tonga.")
    (a,) = facts_of(r, "Approval")
    assert a.factuality == "future"
    assert "treaty" in " ".join(names(r, a.roles["theme"]))


def test_needs_to_be_approved_is_a_hypothetical_approval(nlp):
    r = run(nlp, "The reform, which still needs to be approved by the senate of Palau, "
                 "angered unions.")
    (a,) = facts_of(r, "Approval")
    assert a.factuality == "hypothetical"


def test_had_talks_is_no_future_meeting(nlp):
    r = run(nlp, "The foreign ministers of Fiji and Tonga had talks in Suva on Monday.")
    assert all(m.factuality != "future" for m in facts_of(r, "Meeting"))


# --- Neutralisation vs Casualties: fighters killed by security forces ----------------------
def test_troops_killing_militants_is_a_neutralisation_not_a_casualty_count(nlp):
    r = run(nlp, "Soldiers killed 17 militants and seized weapons near Lindi on Friday.")
    (n,) = facts_of(r, "Neutralisation")
    assert names(r, n.roles["theme"]) == {"militants"}
    assert not facts_of(r, "Casualties")


def test_smugglers_were_killed_is_a_neutralisation(nlp):
    r = run(nlp, "Four smugglers were killed in a dawn firefight on the Zorbian border.")
    assert facts_of(r, "Neutralisation")
    assert not facts_of(r, "Casualties")


def test_put_out_of_action_is_a_neutralisation(nlp):
    r = run(nlp, "Security forces put 40 members of the armed group out of action near "
                 "Gondar.")
    (n,) = facts_of(r, "Neutralisation")
    assert "members" in " ".join(names(r, n.roles["theme"]))


def test_fighters_killing_fighters_or_villagers_stays_a_casualty_count(nlp):
    r = run(nlp, "Rebels killed 20 militiamen in an ambush near Tolu.")
    assert facts_of(r, "Casualties") and not facts_of(r, "Neutralisation")
    r = run(nlp, "Soldiers killed 12 villagers in Nakuru on Sunday.")
    assert facts_of(r, "Casualties") and not facts_of(r, "Neutralisation")


# --- Dismissal: new wording of round-5 rules ---------------------------------------------
def test_voted_to_remove_is_a_dismissal_not_a_decision(nlp):
    r = run(nlp, "Parliament voted to remove Prime Minister Tomas Berg on Tuesday.")
    (d,) = facts_of(r, "Dismissal")
    assert names(r, d.roles["theme"]) == {"Tomas Berg"}
    assert not facts_of(r, "Decision")


def test_voted_to_leave_a_coalition_stays_a_decision(nlp):
    r = run(nlp, "The Green Party voted to leave the ruling coalition in Vaduz.")
    assert facts_of(r, "Decision")


def test_the_officer_suspended_from_duty_is_dismissed_by_post(nlp):
    r = run(nlp, "The officer in charge of the station has been suspended from duty "
                 "pending an investigation.")
    (d,) = facts_of(r, "Dismissal")
    assert d.roles["theme"] == ["officer in charge of the station"]


def test_a_service_suspended_is_no_dismissal(nlp):
    r = run(nlp, "The ferry service to Tarawa has been suspended until further notice.")
    assert not facts_of(r, "Dismissal")


# --- Decision: a body set up --------------------------------------------------------------
def test_set_up_a_commission_of_inquiry_is_a_decision(nlp):
    r = run(nlp, "The Fijian cabinet set up a commission of inquiry into the riots in Nadi.")
    (d,) = facts_of(r, "Decision")
    assert "commission of inquiry" in " ".join(names(r, d.roles["theme"]))


def test_created_a_mission_is_a_decision_of_its_creator(nlp):
    r = run(nlp, "The Security Council created the mission in 2011.")
    (d,) = facts_of(r, "Decision")
    assert names(r, d.roles["agent"]) == {"Security Council"}


def test_created_jobs_or_a_body_formed_in_the_past_is_no_decision(nlp):
    assert not facts_of(run(nlp, "The new factory created 300 jobs in Lautoka."), "Decision")
    assert not facts_of(run(nlp, "The mission, which has 9,000 troops in Vanuatu, was set "
                                 "up in 2011."), "Decision")


# --- Appointment: an office handed on -----------------------------------------------------
def test_the_portfolio_went_to_is_an_appointment_to_that_portfolio(nlp):
    r = run(nlp, "The finance portfolio went to Anna Kowal, a former central bank governor.")
    (a,) = facts_of(r, "Appointment")
    assert names(r, a.roles["theme"]) == {"Anna Kowal"}
    assert a.roles["role"] == ["finance portfolio"]


def test_moved_to_the_post_of_is_an_appointment_not_a_movement(nlp):
    r = run(nlp, "The outgoing foreign minister, Lena Berg, was moved to the new post of "
                 "Minister of State for Pacific Affairs.")
    (a,) = facts_of(r, "Appointment")
    assert a.roles["role"] == ["Minister of State for Pacific Affairs"]
    assert not facts_of(r, "Movement")


def test_the_money_went_to_a_person_is_no_appointment(nlp):
    r = run(nlp, "Most of the money went to Anna Kowal, a former central bank governor.")
    assert not facts_of(r, "Appointment")
