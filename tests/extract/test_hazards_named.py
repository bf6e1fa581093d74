"""A natural hazard that strikes or moves is no attacker and no traveller, however the
parser hangs it (round 19, kg/extract/role_fillers.py ``_not_agent``, lexicon
``not_agents`` and ``hazard_parts``): a measured quake whose head the parser makes
"magnitude", a named storm ("Hurricane X", "Storm Y"), a passive by-phrase, a relative
clause on a hazard's part ("tsunami waves, which struck"), an "it" standing for the storm
of its sentence, a fire moving. Actors in the same shapes still act. Invented sentences
set in Palau, Vietnam, Jamaica, Nauru, Botswana and Zambia."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, run


def test_a_measured_earthquake_strikes(nlp):
    r = run(nlp, "A magnitude 6.4 earthquake struck the north of Palau late on Sunday.")
    assert not facts_of(r, "Attack")


def test_struck_by_a_named_hurricane(nlp):
    r = run(nlp, "Kingston was struck by Hurricane Delia in 2019.")
    assert not facts_of(r, "Attack")


def test_waves_which_struck_the_shore(nlp):
    r = run(nlp, "The eruption generated tsunami waves of up to three metres, which struck "
                 "the western shores of Nauru.")
    assert not facts_of(r, "Attack")


def test_a_storm_that_moved_inland(nlp):
    r = run(nlp, "The typhoon crossed the coast near Hue on Tuesday before weakening as it "
                 "moved inland towards Hanoi.")
    assert not facts_of(r, "Movement")


def test_a_named_storm_left(nlp):
    r = run(nlp, "Storm Kaya left almost 90,000 homes in Vietnam without power.")
    assert not facts_of(r, "Movement")


def test_a_blaze_moved_north(nlp):
    r = run(nlp, "The blaze broke out near Maun on Sunday and quickly moved north towards "
                 "the Okavango Delta.")
    assert not facts_of(r, "Movement")


def test_fire_crews_still_travel(nlp):
    r = run(nlp, "Fire crews from Lusaka moved to Kabwe on Sunday.")
    assert facts_of(r, "Movement")


def test_gunmen_who_struck_still_attack(nlp):
    r = run(nlp, "Gunmen, who struck a police post in Francistown on Sunday, fled north.")
    assert facts_of(r, "Attack")


def test_a_storm_that_moved_inland_as_reported(nlp):
    r = run(nlp, "The typhoon crossed the coast near Hue shortly after 2 a.m., the weather "
                 "bureau of Vietnam said, before weakening as it moved inland towards Hanoi.")
    assert not facts_of(r, "Movement")
