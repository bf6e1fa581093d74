"""Round 21, acts and their legal sequel: each rule pinned on an invented sentence (places
only Zambia, Benin, Palau, Nauru, Qatar, Latvia, Estonia, Jamaica, Botswana or Vietnam;
invented people), with a neighbouring wording that must not give the fact."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


# --- an inquiry told as the body set up to carry it out (kg/extract/inquiries.py) -----------
def test_committee_formed_to_investigate_is_an_investigation_of_its_founder(nlp):
    r = run(nlp, "The Ministry of Health of Latvia has formed a three-member committee to "
                 "investigate why patients were discharged despite a warning.")
    (inv,) = facts_of(r, "Investigation")
    assert names(r, inv.roles["agent"]) == {"Ministry of Health of Latvia"}
    assert "why patients were discharged" in " ".join(names(r, inv.roles["theme"]))
    assert facts_of(r, "Decision") == []


def test_inquiry_set_up_takes_the_agent_of_the_one_setting_it_up(nlp):
    r = run(nlp, "The government of Botswana said it will set up an independent inquiry "
                 "into the fire.")
    (inv,) = facts_of(r, "Investigation")
    assert inv.roles.get("agent")
    assert inv.factuality == "future"
    assert facts_of(r, "Decision") == []


def test_a_body_set_up_without_an_inquiry_stays_a_decision(nlp):
    r = run(nlp, "The council of Jamaica formed a relief committee on Monday.")
    assert len(facts_of(r, "Decision")) == 1
    assert facts_of(r, "Investigation") == []


# --- a legal officer told apart by the court or town where they sit (role_fillers.py) -------
def test_prosecutor_at_a_court_keeps_the_court_in_the_agent(nlp):
    r = run(nlp, "The public prosecutor at the Gaborone court of first instance has opened an "
                 "investigation into fraud.")
    (inv,) = facts_of(r, "Investigation")
    assert names(r, inv.roles["agent"]) == {
        "public prosecutor at the Gaborone court of first instance"}


def test_judge_in_a_town_is_the_agent_with_the_town(nlp):
    r = run(nlp, "A judge in Porto-Novo has opened an investigation into the fire that "
                 "destroyed two market stalls.")
    (inv,) = facts_of(r, "Investigation")
    assert names(r, inv.roles["agent"]) == {"judge in Porto-Novo"}


def test_people_at_a_place_are_not_seated_there(nlp):
    r = run(nlp, "Gunmen at the market in Francistown attacked a bus.")
    (a,) = facts_of(r, "Attack")
    assert names(r, a.roles["agent"]) == {"Gunmen"}
