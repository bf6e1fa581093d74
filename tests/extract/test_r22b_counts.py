"""Counted people (round 22, second wave): the evacuated counted by their noun ("had
counted 2,300 evacuees", "the tally of evacuees climbed to N"), or counted and housed in
tents or dormitories, tell an Evacuation of that many.
Invented sentences set in Botswana, Latvia, Palau and Nauru."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _quantities(result) -> set[float]:
    return {f.roles["quantity"][0].value for f in facts_of(result, "Evacuation")
            if f.roles.get("quantity")}


def test_counted_evacuees_are_an_evacuation_of_that_many(nlp):
    r = run(nlp, "Relief workers had counted 2,300 evacuees at a school in Francistown.")
    assert _quantities(r) == {2300}
    ev = facts_of(r, "Evacuation")[0]
    assert "Relief workers" not in names(r, ev.roles.get("agent"))  # who counts did not evacuate
    assert "Francistown" in names(r, ev.roles.get("location"))


def test_a_tally_of_evacuees_gives_the_figure(nlp):
    r = run(nlp, "The tally of evacuees in Daugavpils climbed to 4,120 by noon, the welfare "
                 "ministry said.")
    assert _quantities(r) == {4120}


def test_a_figure_estimated_for_the_evacuees_gives_the_count(nlp):
    r = run(nlp, "Officials in Koror estimated the total number of evacuees at 7,400 on "
                 "Tuesday.")
    assert _quantities(r) == {7400}


def test_a_source_citing_a_total_of_evacuees_is_no_agent(nlp):
    r = run(nlp, "The district council of Maun cited a smaller total of some 600 evacuees.")
    assert _quantities(r) == {600}
    assert not any(f.roles.get("agent") for f in facts_of(r, "Evacuation"))


def test_uncounted_evacuees_tell_no_evacuation(nlp):
    r = run(nlp, "The evacuees returned to their homes in Jelgava on Friday.")
    assert not facts_of(r, "Evacuation")


def test_counted_people_housed_in_tents_were_evacuated(nlp):
    r = run(nlp, "About 600 villagers were housed in tents near Serowe on Sunday.")
    assert _quantities(r) == {600}


def test_a_count_of_islanders_lodged_in_dormitories_was_evacuated(nlp):
    r = run(nlp, "Some 1,740 of the islanders were lodged in school dormitories in Ventspils.")
    assert _quantities(r) == {1740}


def test_people_housed_in_a_building_are_no_evacuation(nlp):
    r = run(nlp, "Six ministers of Nauru were housed in the new building.")
    assert not facts_of(r, "Evacuation")
