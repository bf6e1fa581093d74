"""Acts of people described by what they are suspected of, and break-ins (issue 15, round
11): "arrested N men suspected of VERBing X" tells the act as claimed, with the men as its
agent (any act, not only looting); "who allegedly broke into shops" is a claimed Looting;
invented sentences, with a neighbour of the same words that must stay untold."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def test_men_suspected_of_looting_shops_is_a_claimed_looting(nlp):
    r = run(nlp, "Police arrested five men suspected of looting shops in Gaborone.")
    (lt,) = facts_of(r, "Looting")
    assert lt.factuality == "claimed"
    assert any("men" in a for a in names(r, lt.roles["agent"]))
    assert any("shops" in t for t in names(r, lt.roles["theme"]))
    assert len(facts_of(r, "Arrest")) == 1


def test_suspected_of_in_the_passive_clause_is_claimed_too(nlp):
    r = run(nlp, "Two men suspected of looting a pharmacy in Francistown were detained.")
    (lt,) = facts_of(r, "Looting")
    assert lt.factuality == "claimed"


def test_suspected_of_any_act_with_its_object(nlp):
    r = run(nlp, "Police in Maun arrested four men suspected of throwing petrol bombs at "
                 "soldiers in Kasane on Sunday.")
    (a,) = facts_of(r, "Attack")
    assert a.factuality == "claimed"
    assert any("men" in x for x in names(r, a.roles["agent"]))


def test_accused_of_killing_stays_untold(nlp):
    r = run(nlp, "Police said the three men are accused of killing a guard in Gaborone.")
    assert facts_of(r, "Attack") == [] and facts_of(r, "Casualties") == []


def test_who_allegedly_broke_into_shops_is_a_claimed_looting(nlp):
    r = run(nlp, "Police in Maun said they had arrested four men who allegedly broke into "
                 "flooded shops in the town overnight.")
    (lt,) = facts_of(r, "Looting")
    assert lt.factuality == "claimed"
    assert any("shops" in t for t in names(r, lt.roles["theme"]))


def test_broke_into_song_is_no_looting(nlp):
    r = run(nlp, "The crowd broke into song in Maun.")
    assert facts_of(r, "Looting") == []
