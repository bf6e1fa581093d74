"""Whose office a Position is (round 25): a judge's title, bodies a role phrase or a
title carries. Invented sentences set in Zambia, Benin,
Botswana, Latvia and Jamaica, with invented people."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _positions(r, holder: str):
    return [f for f in facts_of(r, "Position") if names(r, f.roles["holder"]) == {holder}]


def _roles(r, holder: str) -> set[str]:
    return {str(f.roles.get("role", [""])[0]) for f in _positions(r, holder)}


# --- "Justice X": a judge's title, of the court the text names ------------------------------
def test_a_justice_before_a_name_holds_an_office_of_the_court(nlp):
    r = run(nlp, "Justice Chanda Phiri of the High Court of Zambia dismissed the petition on "
                 "Monday.")
    owned = [f for f in _positions(r, "Chanda Phiri") if f.roles.get("role") == ["Justice"]]
    assert owned and names(r, owned[0].roles.get("organization")) == {"High Court of Zambia"}


def test_each_justice_of_a_bench_holds_the_title(nlp):
    r = run(nlp, "A panel of Justice Mutale Banda and Justice Chanda Phiri adjourned the "
                 "appeal in Lusaka.")
    assert _roles(r, "Mutale Banda") == {"Justice"}
    assert _roles(r, "Chanda Phiri") == {"Justice"}


def test_a_minister_of_justice_keeps_the_minister_title(nlp):
    r = run(nlp, "Minister of Justice Koffi Adjovi told reporters in Cotonou that the law "
                 "would stand.")
    assert _roles(r, "Koffi Adjovi") == {"Minister of Justice"}


# --- a role phrase carrying its body ---------------------------------------------------------
def test_a_remit_before_the_body_stays_in_the_role(nlp):
    r = run(nlp, "Kagiso Molefe, the chief spokeswoman for trade affairs at the Southern "
                 "African Development Community, said the tariff talks would restart in "
                 "Gaborone.")
    p = [f for f in facts_of(r, "Position")
         if f.roles.get("role") == ["chief spokeswoman for trade affairs"]]
    assert p and names(r, p[0].roles.get("organization")) & {
        "SADC", "Southern African Development Community"}


def test_a_named_site_before_its_kind_noun_owns_the_office(nlp):
    r = run(nlp, "Father Lesego Dintwe, director of the Saint Agnes Mission shelter, said "
                 "the roof had collapsed in the storm.")
    p = _positions(r, "Lesego Dintwe")
    assert p and p[0].roles.get("role") == ["director"]
    assert names(r, p[0].roles.get("organization")) == {"Saint Agnes Mission"}


# --- a body noun before a national office ----------------------------------------------------
def test_a_body_noun_before_a_president_names_the_body(nlp):
    r = run(nlp, "The Zambia Beekeepers Association warned of a poor honey harvest. Prices "
                 "will rise, association president Mutale Banda told a meeting in Ndola.")
    p = _positions(r, "Mutale Banda")
    assert p and names(r, p[0].roles.get("organization")) == {"Zambia Beekeepers Association"}


def test_a_long_acronym_before_a_lower_case_title_owns_it(nlp):
    r = run(nlp, "The harvest was the worst in a decade, said VIFISHCO chairperson Nguyen Van "
                 "Long.")
    p = _positions(r, "Nguyen Van Long")
    assert p and p[0].roles.get("role") == ["chairperson"]
    assert {n.upper() for n in names(r, p[0].roles.get("organization"))} == {"VIFISHCO"}
