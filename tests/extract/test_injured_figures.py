"""The injured counted by a figure (round 17, kg/rules/events/injury.yaml
``injury/number-of-injured``): "put the number of injured at 19", "put the number of
injured protesters at about 30", "the number of wounded soldiers rose to 52"; whoever
gives the figure did not injure anyone. Several clause shapes (active figure verb,
figure as subject, relative clause, headline, with a qualifier). Invented sentences set
in Zambia, Jamaica, Vietnam, Botswana, Estonia and Qatar."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _count(fact) -> float | None:
    qs = fact.roles.get("quantity") or []
    return qs[0].value if qs else None


def test_a_ministry_puts_the_number_of_injured_at_a_figure(nlp):
    r = run(nlp, "The Zambian health ministry put the number of injured at 19 on Monday.")
    (i,) = facts_of(r, "Injury")
    assert _count(i) == 19
    assert not i.roles.get("agent")


def test_the_number_of_injured_people_with_a_qualifier(nlp):
    r = run(nlp, "Local officials in Kingston put the number of injured protesters at about "
                 "30.")
    (i,) = facts_of(r, "Injury")
    assert _count(i) == 30
    assert names(r, i.roles.get("agent")) == set()


def test_the_figure_as_a_subject(nlp):
    r = run(nlp, "The number of wounded soldiers in Hue rose to 52 on Tuesday.")
    (i,) = facts_of(r, "Injury")
    assert _count(i) == 52


def test_a_figure_given_in_a_relative_clause(nlp):
    r = run(nlp, "The Red Cross, which put the number of injured at 38, sent two teams to "
                 "Francistown.")
    (i,) = facts_of(r, "Injury")
    assert _count(i) == 38
    assert not i.roles.get("agent")


def test_a_headline_figure(nlp):
    r = run(nlp, "Estonia puts number of injured at 12 after Tartu blast")
    (i,) = facts_of(r, "Injury")
    assert _count(i) == 12


def test_a_verb_of_injuring_keeps_its_agent(nlp):
    r = run(nlp, "The blast injured nine soldiers near Doha.")
    (i,) = facts_of(r, "Injury")
    assert names(r, i.roles.get("agent")) == {"blast"} or not i.roles.get("agent")
    assert _count(i) == 9
