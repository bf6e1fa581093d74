"""Quantities: value, unit and a normalised qualifier."""

import pytest

from kg.resolve.quantities import parse_quantity


@pytest.mark.parametrize(("text", "value", "unit", "qualifier"), [
    ("1,204", 1204.0, None, None),
    ("Over 3,000", 3000.0, None, "more than"),
    ("more than 12", 12.0, None, "more than"),
    ("at least one", 1.0, None, "at least"),
    ("$35 million", 35_000_000.0, "USD", None),
    ("over $1.5 billion", 1_500_000_000.0, "USD", "more than"),
    ("€40,000", 40_000.0, "EUR", None),
    ("about 300", 300.0, None, "about"),
    ("all 12", 12.0, None, "exactly"),
    ("A total of 1,204", 1204.0, None, "exactly"),
    ("nearly 40", 40.0, None, "about"),
    ("up to 70", 70.0, None, "at most"),
    ("four", 4.0, None, None),
    ("2 million roubles", 2_000_000.0, "RUB", None),
])
def test_value_unit_qualifier(text, value, unit, qualifier):
    q = parse_quantity(text)
    assert q is not None
    assert (q.value, q.unit, q.qualifier, q.text) == (value, unit, qualifier, text)


def test_vague_amounts_keep_no_value():
    q = parse_quantity("dozens")
    assert q is not None and q.value is None and q.qualifier == "dozens"
    assert parse_quantity("hundreds", unit="protester").unit == "protester"


def test_counted_noun_is_the_unit_unless_money():
    assert parse_quantity("40", unit="protester").unit == "protester"
    assert parse_quantity("$40", unit="car").unit == "USD"


def test_nothing_countable():
    assert parse_quantity("the police") is None
