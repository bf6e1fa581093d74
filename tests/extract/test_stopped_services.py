"""Services, runs and lessons stopped are closures (round 16): "halted all ferry services",
"suspended all sailings to X", "flights at X Airport were suspended", "cancelled morning
classes at all public schools", "its branches will stay shut"; the place phrase the parser
hangs on the verb after the closed thing is part of the theme ("sailings to X"), and a
later "the schools" is the same closure as "schools in X". Cancelled flights or matches
close nothing; a named thing closed "to traffic" keeps its name. Each in several clause
shapes (active, passive, relative clause, nominalisation, headline, negated). Invented
sentences set in Estonia, Latvia, Palau, Botswana, Jamaica, Qatar and Vietnam."""

from __future__ import annotations

from tests.extract.event_helpers import STAMP, facts_of, names, run, updates


def _theme(r, fact) -> str:
    return " ".join(sorted(names(r, fact.roles["theme"])))


# --- halted and suspended runs -----------------------------------------------------------
def test_ferry_services_halted_in_the_passive(nlp):
    r = run(nlp, "All ferry services between Koror and Peleliu were halted on Monday.")
    (c,) = facts_of(r, "Closure")
    assert "ferry services" in _theme(r, c)


def test_production_halted_in_the_active(nlp):
    r = run(nlp, "The strike halted production at the Orapa mine on Tuesday.")
    (c,) = facts_of(r, "Closure")
    assert _theme(r, c).startswith("production at")


def test_sailings_suspended_take_their_place(nlp):
    r = run(nlp, "Saaremaa Shipping has suspended all sailings to Ruhnu until further "
                 "notice.")
    (c,) = facts_of(r, "Closure")
    assert _theme(r, c) == "sailings to Ruhnu"
    assert names(r, c.roles["agent"]) == {"Saaremaa Shipping"}


def test_sailings_in_a_nominalisation(nlp):
    r = run(nlp, "The suspension of sailings to Ruhnu has left the island without "
                 "supplies.")
    assert len(facts_of(r, "Closure")) == 1


def test_flights_at_an_airport_suspended_are_a_closure(nlp):
    r = run(nlp, "Flights at Kasane Airport were suspended for six hours on Monday.")
    (c,) = facts_of(r, "Closure")
    assert "Kasane Airport" in _theme(r, c)
    assert facts_of(r, "Sanction") == []


def test_an_airline_suspending_its_flights_is_no_closure(nlp):
    r = run(nlp, "Qatar Airways said it had suspended its flights to Gaborone until "
                 "further notice.")
    assert facts_of(r, "Closure") == []


def test_halted_ferry_services_in_a_headline(nlp):
    r = run(nlp, "Vietnam halts all ferry services to Phu Quoc ahead of typhoon")
    (c,) = facts_of(r, "Closure")
    assert names(r, c.roles["agent"]) == {"Vietnam"}


# --- lessons cancelled ------------------------------------------------------------------
def test_classes_cancelled_in_the_active_keep_their_schools(nlp):
    r = run(nlp, "The Ministry of Education cancelled morning classes at all public "
                 "schools in Kingston on Wednesday.")
    (c,) = facts_of(r, "Closure")
    assert _theme(r, c).startswith("morning classes at all public schools")
    assert names(r, c.roles["agent"]) == {"Ministry of Education"}


def test_classes_cancelled_in_a_relative_clause(nlp):
    r = run(nlp, "Parents gathered at the school in Hue, where classes were cancelled "
                 "until Friday.")
    (c,) = facts_of(r, "Closure")
    assert "classes" in _theme(r, c)


def test_classes_not_cancelled_are_a_negated_closure(nlp):
    r = run(nlp, "Classes in Doha were not cancelled, the ministry said.")
    (c,) = facts_of(r, "Closure")
    assert c.factuality == "negated"


def test_cancelled_flights_and_matches_close_nothing(nlp):
    r = run(nlp, "More than 200 flights were cancelled at Riga airport and the league "
                 "cancelled Saturday's match.")
    assert facts_of(r, "Closure") == []


# --- outlets that stay shut ---------------------------------------------------------------
def test_branches_stay_shut(nlp):
    r = run(nlp, "All 11 of the bank's branches will stay shut on Monday and Tuesday.")
    (c,) = facts_of(r, "Closure")
    assert "branches" in _theme(r, c)


# --- the place phrase: names kept, the later telling joined -------------------------------
def test_a_named_crossing_closed_to_traffic_keeps_its_name(nlp):
    r = run(nlp, "Botswana closed the Kazungula border crossing to freight traffic on "
                 "Monday.")
    (c,) = facts_of(r, "Closure")
    assert _theme(r, c) == "Kazungula border crossing"


def test_schools_in_a_town_and_the_schools_later_are_one_closure(nlp):
    r = updates(nlp, [("The ministry has shut 14 schools in Tartu because there is no "
                       "water.", STAMP),
                      ("Parents were told that the schools would stay closed until supply "
                       "is restored.", STAMP.replace(hour=11))])
    assert len(facts_of(r, "Closure")) == 1
