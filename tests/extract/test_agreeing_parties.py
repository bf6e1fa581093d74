"""Parties that agree between themselves on what they will do make an Agreement (round 18,
kg/rules/events/agreement.yaml ``agreement/agreed-together``, ``sides-agreed`` and their
joined and misread forms; ``any_theme`` in kg/rules/loader.py): "A and B agreed to set up
a committee", "both sides agreed that ...", "A and B held talks and agreed to X", the
theme being what they agreed to do. "Both sides" or "the two" are the parties of the
meeting told before it (kg/extract/unit_merge.py ``agreeing_parties``). One party agreeing
("X agreed to raise wages"), agreeing to meet (the meeting itself) or to send help is none.
Several clause shapes (coordinated subject, reciprocal subject, joined verb, that-clause,
negated, a single party). Invented sentences set in Latvia, Estonia, Zambia, Benin, Palau,
Qatar and Botswana."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _agreement(r):
    (a,) = facts_of(r, "Agreement")
    return a


def test_two_named_parties_agree_to_act(nlp):
    r = run(nlp, "Latvia and Estonia agreed to set up a joint border commission.")
    a = _agreement(r)
    assert names(r, a.roles.get("participant")) == {"Latvia", "Estonia"}
    assert "joint border commission" in " ".join(names(r, a.roles.get("theme")))


def test_talks_then_agreement_in_a_joined_clause(nlp):
    r = run(nlp, "Mwale and Botswana Water Minister Kabo Molefe held talks on Tuesday and agreed "
                 "to set up a joint river commission, the Zambian government said.")
    a = _agreement(r)
    assert {"Mwale", "Kabo Molefe"} <= names(r, a.roles.get("participant"))


def test_both_sides_are_the_parties_of_the_meeting_before(nlp):
    r = run(nlp, "Zambian Foreign Minister Mutale Phiri met Benin's ambassador, Paul Adjovi, "
                 "in Lusaka on Friday. Both sides agreed to set up a joint trade commission.")
    a = _agreement(r)
    assert names(r, a.roles.get("participant")) == {"Mutale Phiri", "Paul Adjovi"}
    assert "joint trade commission" in " ".join(names(r, a.roles.get("theme")))


def test_the_two_agreed_that(nlp):
    r = run(nlp, "Palau's President Tommy Remengesau held talks with Estonian Prime Minister "
                 "Kaja Tamm on Monday, and the two agreed that a joint panel would review "
                 "fishing quotas.")
    a = _agreement(r)
    assert names(r, a.roles.get("participant")) == {"Tommy Remengesau", "Kaja Tamm"}
    # agreed at that meeting: its day (Monday before the Tuesday stamp)
    assert [d.value for d in a.roles.get("date", [])] == ["2023-03-13"]


def test_a_negated_agreement(nlp):
    r = run(nlp, "Qatar and Benin did not agree to extend the trade accord.")
    a = _agreement(r)
    assert a.factuality == "negated"


def test_one_party_agreeing_or_meeting_or_sending_is_none(nlp):
    for text in ("The government of Benin agreed to raise the minimum wage.",
                 "The two foreign ministers agreed to meet in Riga next week.",
                 "Zambia and Botswana have also agreed to send 40 police officers."):
        assert not facts_of(run(nlp, text), "Agreement"), text


def test_what_was_agreed_lies_ahead(nlp):
    # "have agreed to resume talks on Friday" (lexicon future_heads): the coming Friday,
    # not the one before the Tuesday stamp
    r = run(nlp, "Interior Minister Janis Ozols and union leaders have agreed to resume talks "
                 "in Riga on Friday morning, the ministry said.")
    (m,) = facts_of(r, "Meeting")
    assert m.factuality == "future"
    assert [d.value for d in m.roles.get("date", [])] == ["2023-03-17"]
