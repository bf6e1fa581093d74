"""An arrival told as awaited is a future Movement (round 17, kg/rules/events/movement.yaml
``movement/due-in``, ``movement/expected-in``): "a further 60 officers are due from X on
Thursday", "a mission of the IMF is due in Y next month", "an IMF staff mission is
expected in Z next week". Only people who travel are awaited ("rain is expected in X",
"the verdict is expected in March" are none); "due to arrive" is read on its verb. Several
clause shapes (copula with an adjective, passive participle, relative clause, headline,
negated). Invented sentences set in Botswana, Qatar, Vietnam, Latvia, Estonia and Palau."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _one(r):
    (m,) = facts_of(r, "Movement")
    return m


def test_officers_due_from_a_city(nlp):
    r = run(nlp, "A further 60 officers are due from Gaborone on Thursday.")
    m = _one(r)
    assert names(r, m.roles.get("origin")) == {"Gaborone"}
    assert "officers" in " ".join(names(r, m.roles.get("theme")))
    assert m.factuality == "future"
    # the stamp (Tuesday 14 March 2023) dates a coming Thursday, not the one before
    assert [d.value for d in m.roles.get("date", [])] == ["2023-03-16"]


def test_a_mission_due_in_a_capital(nlp):
    r = run(nlp, "A mission of the International Monetary Fund is due in Doha next month to "
                 "review spending targets.")
    m = _one(r)
    assert names(r, m.roles.get("location")) == {"Doha"}
    assert m.factuality == "future"


def test_a_mission_expected_in_a_capital(nlp):
    r = run(nlp, "An IMF staff mission is expected in Hanoi next week.")
    m = _one(r)
    assert names(r, m.roles.get("location")) == {"Hanoi"}
    assert names(r, m.roles.get("theme")) == {"IMF staff mission"}
    assert m.factuality == "future"


def test_a_team_due_in_a_relative_clause(nlp):
    r = run(nlp, "The Estonian rescuers, who are due in Riga on Friday, will help clear the "
                 "river.")
    m = _one(r)
    assert names(r, m.roles.get("location")) == {"Riga"}


def test_weather_and_verdicts_are_no_arrival(nlp):
    for text in ("Heavy rain is expected in Koror on Sunday.",
                 "The verdict is expected in March.",
                 "The report is due in June."):
        assert not facts_of(run(nlp, text), "Movement"), text
