"""Lists of goods the parser breaks (round 15, kg/nlp/goods_lists.py): at a modifier it
reads as a verb or an item of its own ("rice, cooking oil and medicines", "blankets and
cooking utensils", "tablets and hygiene kits"), or by giving the verb two objects ("food,
bedding and medical care"). The goods keep every item and the recipients their
preposition. Each in several clause shapes (active, passive, relative clause, headline,
negated), with a sentence where the modifier is a verb. Invented sentences set in Zambia,
Botswana, Vietnam, Nauru, Benin and Palau."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _theme(r, fact) -> str:
    return " ".join(sorted(names(r, fact.roles.get("theme"))))


def test_a_gerund_modifier_after_a_comma_keeps_the_list_and_the_recipient(nlp):
    r = run(nlp, "The minister handed over 30 tonnes of maize, cooking oil and soap to the "
                 "district commissioner, Mary Banda, and visited a camp.")
    (aid,) = facts_of(r, "Aid")
    assert _theme(r, aid) == "maize, cooking oil and soap"
    assert names(r, aid.roles["addressee"]) == {"Mary Banda"}


def test_a_modifier_read_as_a_verb_in_the_active(nlp):
    r = run(nlp, "The Red Cross has distributed food rations, blankets and cooking utensils "
                 "to 1,200 households in Maun, its director said.")
    (aid,) = facts_of(r, "Aid")
    assert _theme(r, aid) == "food rations, blankets and cooking utensils"
    assert names(r, aid.roles["addressee"]) == {"households in Maun"}


def test_a_broken_list_in_the_passive(nlp):
    r = run(nlp, "Maize, cooking oil and blankets were handed over to displaced families in "
                 "Kasama on Friday.")
    (aid,) = facts_of(r, "Aid")  # (a passive subject's items are read one by one)
    assert names(r, aid.roles["theme"]) == {"Maize", "cooking oil", "blankets"}


def test_hygiene_kits_keep_their_date_on_the_clause(nlp):
    r = run(nlp, "The Nauru Red Cross delivered water purification tablets and hygiene kits "
                 "to the shelters on Monday.")
    (aid,) = facts_of(r, "Aid")
    assert _theme(r, aid) == "water purification tablets and hygiene kits"
    assert names(r, aid.roles["addressee"]) == {"shelters"}


def test_two_objects_in_a_relative_clause_are_one_list(nlp):
    r = run(nlp, "Families were moved to schools run by the Benin Red Cross, which is "
                 "providing food, bedding and medical care to the families.")
    (aid,) = facts_of(r, "Aid")
    assert _theme(r, aid) == "food, bedding and medical care"


def test_a_negated_delivery_keeps_the_list(nlp):
    r = run(nlp, "The agency has not delivered rice, cooking oil and medicines to the "
                 "villages of Palau.")
    (aid,) = facts_of(r, "Aid")
    assert _theme(r, aid) == "rice, cooking oil and medicines"
    assert aid.factuality == "negated"


def test_a_headline_with_a_broken_list(nlp):
    r = run(nlp, "Vietnam sends rice, cooking oil and tents to flood-hit Hue")
    (aid,) = facts_of(r, "Aid")
    assert _theme(r, aid) == "rice, cooking oil and tents"


def test_a_real_verb_after_a_comma_is_left_alone(nlp):
    # "cooking" with its own subject is a clause, not an item of a list
    doc = nlp("The army delivered tents, and families were cooking meals in the camp.")
    cooking = next(t for t in doc if t.lower_ == "cooking")
    assert cooking.pos_ == "VERB"
    assert cooking.head.lower_ != "meals"
