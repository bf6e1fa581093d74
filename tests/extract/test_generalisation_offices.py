"""Event rules of offices, measures and material damage generalised against the dev split
(issue 15, round 15f), each pinned on a sentence written for the purpose, with names other
than the seed's or the dev texts'."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


# --- material damage counted by what was damaged or destroyed -----------------------------
def test_things_damaged_by_a_verb_are_counted_damage(nlp):
    r = run(nlp, "Artillery fire damaged at least 40 houses in Kherson on Sunday.")
    (damage,) = facts_of(r, "Damage")
    (q,) = damage.roles["quantity"]
    assert (q.value, q.qualifier) == (40, "at least")
    assert names(r, damage.roles["location"]) == {"Kherson"}


def test_things_destroyed_in_the_passive_are_counted_damage(nlp):
    r = run(nlp, "More than 300 homes were destroyed or damaged in the floods in Sylhet.")
    (damage,) = facts_of(r, "Damage")
    assert damage.roles["quantity"][0].value == 300


def test_damage_without_a_count_is_no_fact(nlp):
    assert not facts_of(run(nlp, "The strike destroyed the bridge."), "Damage")
    assert not facts_of(run(nlp, "The war destroyed the lives of 3 million people."), "Damage")
