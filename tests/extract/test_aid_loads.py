"""What is given as aid, as a family of wordings (round 14): a load named by its container
or its measure ("a shipment of 40 pumps", "3,000 tonnes of rice") is the load; machines that
run a grid, a water works or a shelter are relief ("donated two transformers"); what may be
lent may be offered ("offered two helicopters"). Each in several clause shapes (active,
passive, participle, relative clause, headline, negated), with sentences of the same
words that give no aid. Invented sentences set in Qatar, Vietnam, Benin, Latvia, Estonia,
Palau, Botswana and Jamaica."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _count(fact) -> tuple[float, str] | None:
    q = fact.roles.get("quantity") or []
    return (q[0].value, q[0].unit) if q else None


# --- a container's load: the theme of the Aid is what it holds -------------------------
def test_a_shipment_donated_in_a_participle_clause_gives_its_load(nlp):
    r = run(nlp, "A shipment of 40 water pumps donated by Qatar arrived in Hanoi on Sunday.")
    (aid,) = facts_of(r, "Aid")
    assert names(r, aid.roles["theme"]) == {"water pumps"}
    assert names(r, aid.roles["agent"]) == {"Qatar"}
    # the Movement is the container's, as the text tells it
    (move,) = facts_of(r, "Movement")
    assert "shipment" in " ".join(names(r, move.roles["theme"]))


def test_a_consignment_handed_over_in_the_passive_gives_its_load(nlp):
    r = run(nlp, "A first consignment of water purification tablets was handed over to the "
                 "Maun district council on Thursday.")
    (aid,) = facts_of(r, "Aid")
    assert names(r, aid.roles["theme"]) == {"water purification tablets"}
    assert names(r, aid.roles["addressee"]) == {"Maun district council"}


def test_a_cargo_in_a_relative_clause_gives_its_load(nlp):
    r = run(nlp, "The cargo of rice, which was donated by Vietnam, reached Cotonou on Friday.")
    (aid,) = facts_of(r, "Aid")
    assert names(r, aid.roles["theme"]) == {"rice"}
    assert names(r, aid.roles["agent"]) == {"Vietnam"}


def test_a_consignment_delivered_in_the_active_gives_its_load(nlp):
    r = run(nlp, "Qatar delivered a consignment of tents to Benin.")
    (aid,) = facts_of(r, "Aid")
    assert names(r, aid.roles["theme"]) == {"tents"}
    assert names(r, aid.roles["addressee"]) == {"Benin"}


def test_a_measure_of_goods_gives_the_goods_and_the_count(nlp):
    r = run(nlp, "Vietnam delivered 3,000 tonnes of rice to Benin on Monday.")
    (aid,) = facts_of(r, "Aid")
    assert names(r, aid.roles["theme"]) == {"rice"}
    assert _count(aid) == (3000.0, "tonne")


def test_sacks_distributed_are_aid_of_their_contents(nlp):
    r = run(nlp, "The agency distributed 500 sacks of maize to families in Maun.")
    (aid,) = facts_of(r, "Aid")
    assert names(r, aid.roles["theme"]) == {"maize"}
    assert _count(aid) == (500.0, "sack")


def test_a_measure_in_the_passive_gives_the_goods(nlp):
    r = run(nlp, "Forty tonnes of maize were delivered to Maun by the agency.")
    (aid,) = facts_of(r, "Aid")
    assert names(r, aid.roles["theme"]) == {"maize"}


# --- machines given are relief ---------------------------------------------------------
def test_transformers_donated_are_aid(nlp):
    r = run(nlp, "Latvia has donated two transformers and a mobile substation to Estonia.")
    (aid,) = facts_of(r, "Aid")
    assert names(r, aid.roles["agent"]) == {"Latvia"}
    assert names(r, aid.roles["addressee"]) == {"Estonia"}
    assert "transformers" in " ".join(names(r, aid.roles["theme"]))


def test_turbines_pledged_in_a_headline_are_future_aid(nlp):
    r = run(nlp, "Qatar pledges two turbines to Palau after storm")
    (aid,) = facts_of(r, "Aid")
    assert aid.factuality == "future"
    assert names(r, aid.roles["theme"]) == {"turbines"}
    assert names(r, aid.roles["addressee"]) == {"Palau"}


def test_transformers_donated_in_a_participle_clause_are_aid(nlp):
    r = run(nlp, "Two transformers donated by Latvia were installed in Tallinn.")
    (aid,) = facts_of(r, "Aid")
    assert names(r, aid.roles["agent"]) == {"Latvia"}
    assert names(r, aid.roles["theme"]) == {"transformers"}


def test_transformers_not_pledged_are_negated_aid(nlp):
    r = run(nlp, "Latvia has not pledged any transformers to Estonia.")
    (aid,) = facts_of(r, "Aid")
    assert aid.factuality == "negated"


# --- what may be lent may be offered ---------------------------------------------------
def test_helicopters_offered_are_future_aid(nlp):
    r = run(nlp, "Estonia offered two helicopters to Latvia.")
    (aid,) = facts_of(r, "Aid")
    assert aid.factuality == "future"
    assert names(r, aid.roles["agent"]) == {"Estonia"}
    assert names(r, aid.roles["addressee"]) == {"Latvia"}
    assert _count(aid) == (2.0, "helicopter")


def test_planes_offered_after_a_further_are_future_aid(nlp):
    r = run(nlp, "Jamaica has offered a further two planes, according to the Botswana "
                 "government.")
    (aid,) = facts_of(r, "Aid")
    assert names(r, aid.roles["agent"]) == {"Jamaica"}
    assert "planes" in " ".join(names(r, aid.roles["theme"]))


def test_condolences_or_a_plan_offered_are_no_aid(nlp):
    assert not facts_of(run(nlp, "Latvia offered its condolences to Estonia."), "Aid")
    assert not facts_of(run(nlp, "The minister offered a plan to close the border."), "Aid")

