"""A death or an injury of one person told with an article is counted as one (round 16):
"a 62-year-old man has died", "a woman was killed when ...", "another motorist was
injured" (a singular noun of lexicon ``people``, with "a", "an" or "another"). "The man"
points back to someone counted before; a damaged thing is counted by its own count. Each
in several clause shapes (active, passive, relative clause, conjoined clause). Invented
sentences set in Botswana, Palau, Nauru, Latvia, Benin and Qatar."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _value(fact) -> float:
    (q,) = fact.roles["quantity"]
    return q.value


def test_a_man_has_died_intransitive(nlp):
    r = run(nlp, "A 62-year-old man has died after being swept into the sea at Koror, "
                 "police said.")
    (c,) = facts_of(r, "Casualties")
    assert _value(c) == 1
    assert names(r, c.roles["location"]) == {"Koror"}


def test_a_woman_was_killed_passive(nlp):
    r = run(nlp, "A woman was killed when a wall collapsed on her house in Francistown.")
    (c,) = facts_of(r, "Casualties")
    assert _value(c) == 1


def test_a_fisherman_drowned(nlp):
    r = run(nlp, "A fisherman drowned off the coast of Nauru on Tuesday.")
    (c,) = facts_of(r, "Casualties")
    assert _value(c) == 1


def test_a_motorist_injured_in_a_conjoined_clause(nlp):
    r = run(nlp, "Trees fell across the road in Jurmala, and a motorist was injured when "
                 "his car was hit.")
    (i,) = facts_of(r, "Injury")
    assert _value(i) == 1


def test_another_officer_wounded_in_a_relative_clause(nlp):
    r = run(nlp, "The patrol, in which another officer was wounded, returned to Cotonou.")
    (i,) = facts_of(r, "Injury")
    assert _value(i) == 1


def test_the_man_points_back_and_counts_no_one_new(nlp):
    r = run(nlp, "The man died in hospital in Doha on Friday.")
    assert facts_of(r, "Casualties") == []


def test_a_person_counts_no_damage(nlp):
    r = run(nlp, "A house was destroyed and a motorist was swept away in Gaborone.")
    assert facts_of(r, "Damage") == []


def test_a_count_with_one_named_among_them_keeps_the_count(nlp):
    # the parser makes "a woman" the object of "died": the people counted are the dead
    r = run(nlp, "The health ministry gave a higher figure, saying eleven people had died, "
                 "among them a woman who passed away in hospital in Riga.")
    (c,) = facts_of(r, "Casualties")
    assert _value(c) == 11
