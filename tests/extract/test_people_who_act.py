"""People named by what they are to the story act as agents by their text (round 16):
"masked individuals attacked X", "beaten by relatives of a patient", "miscreants set fire
to", "hoodlums looted", "escapees attacked" (lexicon ``actor_nouns``). Each in several
clause shapes (active, passive, relative clause, participle, nominalisation). Invented
sentences set in Benin, Zambia, Vietnam, Palau and Qatar."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def test_masked_individuals_attack_in_the_active(nlp):
    r = run(nlp, "Masked individuals attacked a police post in Parakou on Sunday night.")
    (a,) = facts_of(r, "Attack")
    assert names(r, a.roles["agent"]) == {"Masked individuals"}


def test_beaten_by_relatives_in_the_passive(nlp):
    r = run(nlp, "A doctor and two nurses were beaten by relatives of a patient at the "
                 "hospital in Ndola.")
    (a,) = facts_of(r, "Attack")
    (agent,) = names(r, a.roles["agent"])
    assert agent.startswith("relatives of a patient")


def test_hoodlums_loot_in_a_relative_clause(nlp):
    r = run(nlp, "Police in Hue arrested the hoodlums who looted the market on Monday.")
    (lo,) = facts_of(r, "Looting")
    assert names(r, lo.roles["agent"]) == {"hoodlums"}


def test_set_on_fire_by_miscreants_in_a_participle_clause(nlp):
    r = run(nlp, "A police car, set on fire by miscreants in Koror, was still burning at "
                 "dawn.")
    (ar,) = facts_of(r, "Arson")
    assert names(r, ar.roles["agent"]) == {"miscreants"}


def test_an_attack_by_escapees_in_a_nominalisation(nlp):
    r = run(nlp, "The attack by escapees on two guards in Doha was condemned by the "
                 "ministry.")
    (a,) = facts_of(r, "Attack")
    assert names(r, a.roles["agent"]) == {"escapees"}
