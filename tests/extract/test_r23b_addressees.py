"""Round 23, second wave: the portfolio of an unnamed office holder's title is no body
(kg/extract/name_spans.py title_portfolio)."""

from __future__ import annotations

from event_helpers import requests_of, run


def _bodies(result) -> set[str]:
    return {e.name for e in result.entities if e.type.value != "Person"}


def test_portfolio_before_an_unnamed_secretary_is_no_body(nlp):
    r = run(nlp, "Opposition MP Rosa Banda has written to the Local Government Secretary "
                 "about the flooding in Gaborone.")
    assert "Local Government" not in _bodies(r)


def test_unnamed_secretary_asked_is_the_addressee_not_a_body(nlp):
    r = run(nlp, "Minister Ruta Ozola had asked the Cabinet Secretary to carry out a review.")
    assert "Cabinet" not in _bodies(r)
    assert any("Cabinet Secretary" in addressee for addressee, _t, _a in requests_of(r))


def test_a_unit_noun_before_the_office_keeps_the_body(nlp):
    r = run(nlp, "Officials from the Home Office visited Riga on Monday, and the Home Office "
                 "Minister met the mayor.")
    assert "Home Office" in _bodies(r)
