"""Titles, names and approvals (round 22, second wave). Invented sentences set in Latvia,
Botswana, Qatar and Vietnam, with invented people."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


# --- a word between a title word and an office noun is part of one title -------------------
def test_a_qualifier_inside_a_long_title_is_no_holder(nlp):
    r = run(nlp, "Chief Cabinet Secretary Tran Van Hieu told reporters in Hanoi that the "
                 "talks would resume on Monday.")
    (p,) = facts_of(r, "Position")
    assert names(r, p.roles["holder"]) == {"Tran Van Hieu"}
    assert names(r, p.roles["role"]) == {"Chief Cabinet Secretary"}
    assert "Cabinet" not in {e.name for e in r.entities}


def test_a_body_after_a_title_without_an_office_noun_stays(nlp):
    r = run(nlp, "The talks in Gaborone were chaired by the Cabinet, Minister Kabo Sithole "
                 "said.")
    (p,) = facts_of(r, "Position")
    assert names(r, p.roles["holder"]) == {"Kabo Sithole"}


# --- a given name the model left inside a title's complement -------------------------------
def test_a_given_name_after_a_title_complement_is_the_holders(nlp):
    r = run(nlp, "Director General of Police Tshepo Motsumi told reporters in Gaborone on "
                 "Wednesday that 12 people were held.")
    (p,) = facts_of(r, "Position")
    assert names(r, p.roles["holder"]) == {"Tshepo Motsumi"}
    assert names(r, p.roles["role"]) == {"Director General of Police"}


def test_a_given_name_before_a_two_word_surname_is_the_holders(nlp):
    r = run(nlp, "Minister of Defence Abdirahman Yusuf Warsame said troops were sent to Doha.")
    (p,) = facts_of(r, "Position")
    assert names(r, p.roles["holder"]) == {"Abdirahman Yusuf Warsame"}
    assert names(r, p.roles["role"]) == {"Minister of Defence"}


def test_a_portfolio_word_is_no_given_name(nlp):
    r = run(nlp, "Deputy Minister for Territorial Governance Ernesto Kalnins said talks in Riga "
                 "would resume.")
    (p,) = facts_of(r, "Position")
    assert names(r, p.roles["holder"]) == {"Ernesto Kalnins"}
    assert names(r, p.roles["role"]) == {"Deputy Minister for Territorial Governance"}


def test_known_first_names():
    from kg.extract.name_gender import known_first_name
    assert known_first_name("Tshepo") and known_first_name("Abdirahman")
    assert not known_first_name("Governance") and not known_first_name("Finance")


def test_a_given_name_before_two_untagged_names_is_the_holders(nlp):
    r = run(nlp, "The team in Gaborone is led by Deputy Minister for Local Governance Kagiso "
                 "Tau Molefe, and officials attend.")
    (p,) = facts_of(r, "Position")
    assert names(r, p.roles["holder"]) == {"Kagiso Tau Molefe"}
    assert names(r, p.roles["role"]) == {"Deputy Minister for Local Governance"}
