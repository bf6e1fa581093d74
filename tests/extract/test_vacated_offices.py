"""The office a person leaves, read from how the sentence names the one who leaves (round
17, kg/extract/vacated_offices.py): the office alone ("the country's interior minister
resigned"), an apposition ("the company's managing director, X, resigned"), a relative
clause ("X, who held the transport portfolio, stepped down"), the clause the leaving ends
("X was finance minister until he resigned"), and a title the role words did not hold
("Federal Councillor X resigned"). Each in several clause shapes (active, passive,
relative clause, nominalisation, headline, negated). Invented sentences set in Zambia,
Latvia, Palau, Botswana, Jamaica, Qatar and Vietnam."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _roles(r, kind: str) -> list[set[str]]:
    return [names(r, f.roles.get("role")) for f in facts_of(r, kind)]


def test_the_office_alone_names_the_one_who_resigns(nlp):
    r = run(nlp, "Latvia's interior minister resigned on Monday after the riots in Riga.")
    assert _roles(r, "Resignation") == [{"interior minister"}]


def test_the_office_alone_in_a_headline(nlp):
    r = run(nlp, "Botswana finance minister resigns over diamond audit")
    (role,) = _roles(r, "Resignation")
    assert any(x.endswith("finance minister") for x in role)


def test_a_former_holder_told_by_his_office(nlp):
    r = run(nlp, "The election was called after the previous president stepped down in "
                 "March on health grounds.")
    assert _roles(r, "Resignation") == [{"previous president"}]


def test_an_apposition_before_the_name(nlp):
    r = run(nlp, "The utility's managing director, Mr. Edwin Sakala, resigned this morning.")
    (role,) = _roles(r, "Resignation")
    assert [x for x in role if x.endswith("managing director")] == list(role) != []


def test_an_apposition_after_the_name_in_a_nominalisation(nlp):
    r = run(nlp, "The cabinet accepted the resignation of the Secretary of State for "
                 "Energy and Mines, Kalinda Mwale, on Friday.")
    assert _roles(r, "Resignation") == [{"Secretary of State for Energy and Mines"}]


def test_a_relative_clause_that_holds_a_portfolio(nlp):
    r = run(nlp, "Toma Rengiil, who held the fisheries portfolio, stepped down on Tuesday.")
    assert _roles(r, "Resignation") == [{"fisheries portfolio"}]


def test_a_relative_clause_that_serves_until_the_leaving(nlp):
    r = run(nlp, "Ilze Berzina, who served as health minister until she quit in 2019, "
                 "now leads the opposition.")
    assert {"health minister"} <= _roles(r, "Resignation")[0]


def test_the_clause_the_leaving_ends(nlp):
    r = run(nlp, "Nguyen Van Long was Vietnam's trade minister until he resigned in May.")
    assert _roles(r, "Resignation") == [{"trade minister"}]


def test_a_dismissal_in_a_relative_clause(nlp):
    r = run(nlp, "The mayor of Kingston, who was dismissed last week, has appealed to the "
                 "courts.")
    assert _roles(r, "Dismissal") == [{"mayor of Kingston"}]


def test_a_dismissal_in_the_passive(nlp):
    r = run(nlp, "Vietnam's deputy trade minister was dismissed by the prime minister on "
                 "Sunday.")
    assert _roles(r, "Dismissal") == [{"deputy trade minister"}]


def test_a_title_beyond_the_role_words(nlp):
    r = run(nlp, "Federal Councillor Anna Kalnina resigned with immediate effect.")
    assert _roles(r, "Resignation") == [{"Federal Councillor"}]


def test_two_who_leave_keep_one_office_each(nlp):
    r = run(nlp, "The Palau justice minister and his deputy resigned on Friday.")
    (role,) = _roles(r, "Resignation")
    assert [x for x in role if x.endswith("justice minister")] == list(role)


def test_a_name_with_no_office_gets_none(nlp):
    r = run(nlp, "Edwin Sakala resigned on Friday, saying he was exhausted.")
    assert _roles(r, "Resignation") == [set()]
