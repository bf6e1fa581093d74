"""Positions and the bodies their offices belong to (round 23). Invented sentences set in
Latvia, Botswana, Jamaica and Estonia, with invented people."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _position(r, holder: str):
    return next(f for f in facts_of(r, "Position") if names(r, f.roles["holder"]) == {holder})


# --- a bare title whose office the text names after the title ------------------------------
def test_a_bare_title_belongs_to_the_office_named_after_it(nlp):
    r = run(nlp, "The Kingston Regional Prosecutor's Office opened an inquiry into the fire on "
                 "Monday. Prosecutor Marlon Bramwell said three men had been questioned.")
    p = _position(r, "Marlon Bramwell")
    assert names(r, p.roles["organization"]) == {"Kingston Regional Prosecutor's Office"}


def test_a_bare_title_takes_the_office_named_nearest_before_it(nlp):
    r = run(nlp, "The Gaborone City Sheriff's Office said the road was closed. The Gaborone "
                 "Prosecutor's Office later charged two men. Sheriff Kagiso Molefe said no "
                 "one was hurt.")
    p = _position(r, "Kagiso Molefe")
    assert names(r, p.roles["organization"]) == {"Gaborone City Sheriff's Office"}


def test_a_title_with_no_office_named_after_it_gets_none_so(nlp):
    r = run(nlp, "The Tartu County Court heard the case on Monday. Prosecutor Liis Tamm said "
                 "the men would appeal.")
    p = _position(r, "Liis Tamm")
    assert "Tartu County Court" not in names(r, p.roles.get("organization"))
