"""A pronoun that fills a theme stands for the noun its clause says (round 18,
kg/extract/syntax.py ``pronoun_antecedent``): a relative pronoun ("a woman, who was
released without charge": the woman), a partitive of one ("900 evacuees, most of whom
were taken to X": the evacuees), a partitive "of them" set off by a comma right after a
plural noun ("55 boats, most of them from X, sailed into Y": the boats). Several clause
shapes (relative clause, partitive relative, partitive apposition, passive, negated).
Invented sentences set in Jamaica, Nauru, Vietnam, Qatar and Botswana."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _themes(r, kind):
    return {t for f in facts_of(r, kind) for t in names(r, f.roles.get("theme"))}


def test_a_relative_pronoun_released_without_charge(nlp):
    r = run(nlp, "Police in Kingston detained two men and a 30-year-old woman, who was later "
                 "released without charge.")
    (charge,) = facts_of(r, "Charge")
    assert charge.factuality == "negated"
    assert names(r, charge.roles.get("theme")) == {"30-year-old woman"}


def test_most_of_whom_were_taken_to_a_hall(nlp):
    r = run(nlp, "Officials in Hanoi gave a figure of about 700 evacuees, most of whom were "
                 "taken to a school in Haiphong.")
    assert _themes(r, "Movement") == {"evacuees"}


def test_most_of_them_in_apposition_sailed(nlp):
    r = run(nlp, "Early this morning around 40 Vietnamese fishing boats, most of them from "
                 "Ha Long, sailed into Haiphong harbour.")
    assert "Vietnamese fishing boats" in _themes(r, "Movement")
    assert not any("most of" in t for t in _themes(r, "Movement"))


def test_a_relative_pronoun_in_a_passive(nlp):
    r = run(nlp, "The army sent 200 soldiers to Gaborone, some of whom were flown to "
                 "Francistown on Tuesday.")
    assert not any(t in ("whom", "some of whom") for t in _themes(r, "Movement"))


def test_a_partitive_of_a_place_count_stays(nlp):
    # "them" with no plural noun right before its comma keeps its words
    r = run(nlp, "Five officers were injured in Doha, and two of them were taken to "
                 "Hamad General Hospital.")
    assert not any(t == "whom" for t in _themes(r, "Movement"))


def test_a_partitive_joined_to_more_things_keeps_them(nlp):
    # "stripped of their goods, many of them owned by X, and 30 buildings were set on fire":
    # the partitive heads a list the parser joined it to; the buildings stay in the theme
    r = run(nlp, "Shops in the suburb of Tanji were stripped of their goods, many of them owned "
                 "by foreign traders, and at least 20 buildings were set on fire across "
                 "Kingston, police said.")
    assert any("buildings" in t for t in _themes(r, "Arson"))
