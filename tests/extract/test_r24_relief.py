"""Aid and movements of goods (round 24): money paid to the bereaved or to
the hurt is a compensation payment; what is "flown in" is the load, not a place (the
parser's preposition mended into a particle), and relief a sender flies in is given as
well as moved. Invented sentences set in Botswana, Zambia, Latvia, Estonia, Vietnam,
Qatar and Jamaica, with invented people."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _count(fact) -> tuple[float, str] | None:
    q = fact.roles.get("quantity") or []
    return (q[0].value, q[0].unit) if q else None


# --- money paid to the bereaved or the hurt: a compensation payment ----------------------
def test_a_sum_promised_to_the_relatives_of_the_dead_is_compensation(nlp):
    r = run(nlp, "The Ministry of Local Government of Botswana said it will pay 50,000 pula "
                 "to the relatives of every miner who died.")
    (aid,) = facts_of(r, "Aid")
    assert names(r, aid.roles["theme"]) == {"compensation payment"}
    assert "relatives" in " ".join(names(r, aid.roles["addressee"]))
    assert _count(aid)[0] == 50000
    assert aid.factuality == "future"


def test_a_sum_paid_for_each_of_the_wounded_with_the_payee_after_for(nlp):
    r = run(nlp, "The Zambian mining company Kafue Copper paid 20,000 kwacha for each of the "
                 "wounded miners on Tuesday.")
    (aid,) = facts_of(r, "Aid")
    assert names(r, aid.roles["theme"]) == {"compensation payment"}


def test_aid_paid_to_the_bereaved_keeps_its_own_name(nlp):
    r = run(nlp, "Minister Aivars Ozols said the government will pay relief assistance of "
                 "3,000 euros to the families of the drowned fishermen.")
    (aid,) = facts_of(r, "Aid")
    assert "relief assistance" in " ".join(names(r, aid.roles["theme"]))
    assert "families" in " ".join(names(r, aid.roles["addressee"]))
    assert names(r, aid.roles["agent"])


def test_a_sum_paid_to_a_contractor_or_a_tribute_paid_is_no_aid(nlp):
    r = run(nlp, "The council of Riga paid 2 million euros to the contractor in March.")
    assert facts_of(r, "Aid") == []
    r = run(nlp, "Prime Minister Tran Van Long paid tribute to the drowned sailors in Hanoi.")
    assert facts_of(r, "Aid") == []


# --- "flew in N tonnes of X": the load is what moves --------------------------------------
def test_goods_flown_in_are_the_load_not_the_place(nlp):
    r = run(nlp, "A Zambia Air Force helicopter on Monday flew in 4 tonnes of maize and "
                 "blankets to a school field in Kasama.")
    (move,) = facts_of(r, "Movement")
    theme = " ".join(names(r, move.roles["theme"]))
    assert "maize" in theme and "helicopter" not in theme
    assert "maize" not in " ".join(names(r, move.roles.get("location")))


def test_the_parse_keeps_in_a_place_a_time_or_a_craft(nlp):
    for text, word in [("The minister flew in a military helicopter to Kasama.", "helicopter"),
                       ("The team flew in formation over Tallinn.", "formation"),
                       ("The relief plane flew in May to Kingston.", "May")]:
        doc = nlp(text)
        tok = next(t for t in doc if t.text == word)
        assert tok.dep_ == "pobj", text


def test_the_list_flown_in_stays_one_load(nlp):
    doc = nlp("Estonia said it would fly in blankets and water tanks.")
    fly = next(t for t in doc if t.text == "fly")
    assert [c.text for c in fly.children if c.dep_ == "dobj"] == ["blankets"]
    assert next(t for t in doc if t.text == "tanks").head.text == "blankets"


def test_rescuers_flown_in_from_a_body_are_the_load(nlp):
    r = run(nlp, "Latvia flew in 30 rescuers from its State Fire and Rescue Service to Tartu.")
    for move in facts_of(r, "Movement"):
        assert "Tartu" not in " ".join(names(r, move.roles.get("theme")))


# --- relief flown in: given and moved -------------------------------------------------------
def test_relief_flown_by_a_craft_is_an_aid_and_a_movement(nlp):
    r = run(nlp, "A Botswana Defence Force helicopter flew in 4 tonnes of maize meal and "
                 "blankets to Maun on Monday.")
    (aid,) = facts_of(r, "Aid")
    (move,) = facts_of(r, "Movement")
    assert "maize meal" in " ".join(names(r, aid.roles["theme"]))
    assert names(r, aid.roles["agent"]) == {"Botswana Defence Force"}
    assert names(r, move.roles["location"]) == {"Maun"}


def test_relief_a_country_will_fly_in_is_aid_pledged(nlp):
    r = run(nlp, "Qatar said it would fly in tents and water filters.")
    (aid,) = facts_of(r, "Aid")
    assert names(r, aid.roles["agent"]) == {"Qatar"}
    assert "tents" in " ".join(names(r, aid.roles["theme"]))
    assert aid.factuality == "future"


def test_police_flown_somewhere_are_no_aid(nlp):
    r = run(nlp, "The Jamaica Defence Force flew 40 police officers from Kingston to Montego "
                 "Bay on Friday.")
    assert facts_of(r, "Aid") == []
    assert len(facts_of(r, "Movement")) == 1


def test_relief_flown_without_the_particle_or_a_giver_is_a_movement_alone(nlp):
    r = run(nlp, "A Botswana Defence Force helicopter flew maize meal to Maun on Monday.")
    assert facts_of(r, "Aid") == [] and len(facts_of(r, "Movement")) == 1
    r = run(nlp, "Maize is being flown in to Maun on army aircraft, the agency said.")
    assert facts_of(r, "Aid") == []
