"""What is ordered may be a participle small clause (round 17, kg/extract/frames.py
``complement_of``, ``small_clause_object``; kg/rules/events/order.yaml
``order/inherited-clause``): "ordered all government offices closed", "ordered them held
for 13 days", "declared an emergency and ordered all schools closed". The clause is the
Order's theme (its subject leading it), and what is ordered is no fact of its own (no
Closure). Each in several clause shapes (active, conjunct, relative clause, passive
control verb kept, with a to-infinitive kept). Invented sentences set in Benin, Palau,
Nauru, Qatar, Latvia, Estonia and Botswana."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _themes(r, fact) -> set[str]:
    return names(r, fact.roles.get("theme"))


def test_offices_ordered_closed_is_an_order_not_a_closure(nlp):
    r = run(nlp, "The governor of Nauru ordered all government offices closed.")
    (o,) = facts_of(r, "Order")
    assert "all government offices closed" in _themes(r, o)
    assert not facts_of(r, "Closure")


def test_a_conjunct_orders_a_small_clause(nlp):
    r = run(nlp, "The president of Palau declared a state of emergency on Saturday and "
                 "ordered all schools in the capital closed.")
    (o,) = facts_of(r, "Order")
    assert "schools in the capital closed" in _themes(r, o)
    assert names(r, o.roles["agent"]) == {"president of Palau"}
    assert not facts_of(r, "Closure")


def test_a_court_orders_suspects_held(nlp):
    r = run(nlp, "A court in Cotonou ordered them held for three months pending trial.")
    (o,) = facts_of(r, "Order")
    assert "them held for three months pending trial" in _themes(r, o)


def test_a_court_in_a_relative_clause_orders_them_held(nlp):
    r = run(nlp, "The two men appeared before a judge in Tallinn, who ordered them held in "
                 "custody for 13 days.")
    (o,) = facts_of(r, "Order")
    assert any(x.endswith("held in custody for 13 days") for x in _themes(r, o))


def test_an_order_with_a_to_infinitive_is_unchanged(nlp):
    r = run(nlp, "Police in Gaborone ordered the crowd to disperse.")
    (o,) = facts_of(r, "Order")
    assert _themes(r, o) == {"disperse"}
    assert names(r, o.roles["addressee"]) == {"crowd"}


def test_a_reported_past_act_is_no_order(nlp):
    r = run(nlp, "The minister said the port authority closed the harbour in Riga.")
    assert not facts_of(r, "Order")
    assert facts_of(r, "Closure")
