"""Round 22, charges and releases: each rule pinned on an invented sentence (places only
Zambia, Benin, Palau, Nauru, Qatar, Latvia, Estonia, Jamaica, Botswana or Vietnam;
invented people), with a neighbouring wording that must not give the fact."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


# --- charges faced: the subject of "face" is the one charged (frames.py faced_subject) ------
def test_the_one_who_faces_charges_is_charged(nlp):
    r = run(nlp, "Janis Berzins, who was arrested last week, faces charges of fraud and money "
                 "laundering.")
    (charge,) = facts_of(r, "Charge")
    assert names(r, charge.roles["theme"]) == {"Janis Berzins"}
    assert names(r, charge.roles["cause"]) == {"fraud and money laundering"}
    assert not charge.roles.get("agent")


def test_charges_those_arrested_would_face_are_future(nlp):
    r = run(nlp, "Those arrested in Lusaka would face charges of unlawful assembly, she said.")
    (charge,) = facts_of(r, "Charge")
    assert names(r, charge.roles["theme"]) == {"Those arrested in Lusaka"} or \
        "Those arrested" in " ".join(names(r, charge.roles["theme"]))
    assert charge.factuality == "future"


def test_the_one_who_faces_protests_is_not_their_agent(nlp):
    r = run(nlp, "The government of Estonia faced protests in Tallinn.")
    assert all(not f.roles.get("agent") for f in facts_of(r, "Protest"))


# --- freed on bail, bond or parole (release/on-bail-*) -------------------------------------
def test_a_count_released_on_bail_is_a_release(nlp):
    r = run(nlp, "Police in Lusaka later said all seven had been released on bail.")
    (rel,) = facts_of(r, "Release")
    assert names(r, rel.roles["theme"]) == {"seven"}


def test_people_released_on_bail_by_a_court(nlp):
    r = run(nlp, "The court in Lusaka released the two journalists on bail on Monday.")
    (rel,) = facts_of(r, "Release")
    assert names(r, rel.roles["theme"]) == {"journalists"}


def test_released_on_a_day_is_no_release_of_people(nlp):
    r = run(nlp, "The report of the Lusaka inquiry was released on Monday.")
    assert facts_of(r, "Release") == []


# --- captives handed over to the Red Cross (release/handed-to-red-cross*) -------------------
def test_captives_handed_over_to_the_red_cross_are_released(nlp):
    r = run(nlp, "The rebels handed the hostages over to the Red Cross in Cotonou.")
    (rel,) = facts_of(r, "Release")
    assert names(r, rel.roles["theme"]) == {"hostages"}
    assert names(r, rel.roles["agent"]) == {"rebels"}


def test_soldiers_handed_to_the_committee_of_the_red_cross_are_released(nlp):
    r = run(nlp, "The rebels hand over 41 captured soldiers to the International Committee "
                 "of the Red Cross.")
    (rel,) = facts_of(r, "Release")
    assert "soldiers" in " ".join(names(r, rel.roles["theme"]))


def test_detainees_handed_to_the_police_or_goods_to_the_red_cross_are_no_release(nlp):
    r = run(nlp, "The detainees were handed over to the border police in Porto-Novo.")
    assert facts_of(r, "Release") == []
    r = run(nlp, "The minister handed over 40 tonnes of rice to the Red Cross.")
    assert facts_of(r, "Release") == []


def test_a_bare_pronoun_released_on_bail_takes_the_usual_check(nlp):
    r = run(nlp, "Both were later released on bail in Lusaka.")
    assert facts_of(r, "Release") == []
