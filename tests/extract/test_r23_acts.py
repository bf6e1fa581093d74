"""Round 23, event wordings and their agents: a government of a tier below the country
named with its place and pointed back to ("the X provincial government ... the
provincial government"), orders told by their noun ("issued an evacuation order"), and
a town or city that acts as its council ("the Town of X issued ...")."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def test_tier_government_keeps_its_place(nlp):
    r = run(nlp, "The Copperbelt provincial government on Saturday suspended production at "
                  "all 38 mines in Kitwe District pending safety inspections.")
    [closure] = facts_of(r, "Closure")
    assert names(r, closure.roles.get("agent")) == {"Copperbelt provincial government"}


def test_tier_government_pointed_back_to(nlp):
    r = run(nlp, "The Ndola city government said on Friday the toll had risen to nine. "
                  "The city government has ordered all 40 factories in the zone to suspend "
                  "production.")
    [order] = facts_of(r, "Order")
    assert names(r, order.roles.get("agent")) == {"Ndola city government"}


def test_tier_government_is_not_the_country(nlp):
    r = run(nlp, "The Zambian government said on Friday it would send food. The provincial "
                  "government has ordered all 40 factories in the zone to suspend production.")
    [order] = facts_of(r, "Order")
    assert "Government of Zambia" not in names(r, order.roles.get("agent"))


def test_evacuation_order_issued_by_its_noun(nlp):
    r = run(nlp, "The disaster agency issued evacuation orders for low-lying parts of Kasane "
                 "and Kazungula before midnight.")
    [order] = facts_of(r, "Order")
    assert names(r, order.roles.get("agent")) == {"disaster agency"}
    theme = " ".join(names(r, order.roles.get("theme")))
    assert "evacuation" in theme and "Kasane" in theme


def test_evacuation_order_not_issued_is_negated(nlp):
    r = run(nlp, "The agency said no evacuation order had been issued for Shakawe, but urged "
                 "residents there to stay alert.")
    [order] = facts_of(r, "Order")
    assert order.factuality == "negated"


def test_a_town_that_acts_is_its_council(nlp):
    r = run(nlp, "The Town of Maun issued a mandatory evacuation order for all residents on "
                 "Monday evening.")
    [order] = facts_of(r, "Order")
    assert names(r, order.roles.get("agent")) == {"Town of Maun"}


def test_a_city_that_acts_is_its_council(nlp):
    r = run(nlp, "The City of Francistown closed the bus station on Monday.")
    [closure] = facts_of(r, "Closure")
    assert names(r, closure.roles.get("agent")) == {"City of Francistown"}
