"""An offer to send or provide helpers or relief is Aid offered (round 19, aid.yaml
``aid/offered-to-send``; "offer" a future head in factuality.yaml): "X offered to send a
team of rescuers" is a `future` Aid by X of the team (no Deployment: the force is not yet
sent), and an offer the text says was not taken up ("..., but Y has not yet accepted") is
`hypothetical`. Several clause shapes (a plain offer, a perfect, a reported offer, a
relative clause, an offer of relief, one not taken up, a negated offer, one to send a
mediator, which is no aid). Invented sentences set in Qatar, Botswana, Zambia, Benin,
Palau, Latvia, Estonia and Vietnam."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _aid(r):
    (a,) = facts_of(r, "Aid")
    return a


def test_an_offer_to_send_rescuers(nlp):
    r = run(nlp, "Qatar offered to send a team of rescuers to Botswana on Monday.")
    a = _aid(r)
    assert a.factuality == "future"
    assert names(r, a.roles.get("agent")) == {"Qatar"}
    assert any("rescuers" in t for t in names(r, a.roles.get("theme")))
    assert not facts_of(r, "Deployment")


def test_a_perfect_offer_of_firefighters_with_a_count(nlp):
    r = run(nlp, "Latvia has offered to send 80 firefighters to Estonia.")
    a = _aid(r)
    assert a.factuality == "future"
    assert names(r, a.roles.get("agent")) == {"Latvia"}
    assert [q.value for q in a.roles.get("quantity", [])] == [80.0]


def test_a_reported_offer(nlp):
    r = run(nlp, "Vietnam offered to send a 40-member search and rescue team, its foreign "
                 "ministry said.")
    a = _aid(r)
    assert a.factuality == "future"
    assert names(r, a.roles.get("agent")) == {"Vietnam"}


def test_an_offer_in_a_relative_clause(nlp):
    r = run(nlp, "Palau thanked Benin, which had offered to provide two water pumps.")
    a = _aid(r)
    assert names(r, a.roles.get("agent")) == {"Benin"}


def test_an_offer_not_taken_up_stays_an_offer(nlp):
    r = run(nlp, "Zambia has offered to send a team of investigators, but the government "
                 "of Botswana has not yet accepted.")
    a = _aid(r)
    assert a.factuality == "hypothetical"


def test_an_offer_not_answered_stays_an_offer(nlp):
    r = run(nlp, "Estonia offered to send divers, but Latvia has not responded to the "
                 "offer.")
    a = _aid(r)
    assert a.factuality == "hypothetical"


def test_an_offer_to_send_a_mediator_is_no_aid(nlp):
    r = run(nlp, "Qatar offered to send a mediator to Botswana.")
    assert not facts_of(r, "Aid")


def test_troops_sent_are_still_a_deployment(nlp):
    r = run(nlp, "Botswana sent 200 soldiers to Zambia on Friday.")
    assert facts_of(r, "Deployment")
    assert not facts_of(r, "Aid")
