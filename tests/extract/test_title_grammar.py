"""Titles before names read by their grammar (kg/extract/title_grammar.py): an office noun,
its modifiers and its "of/for" complement, whatever the title lexicon lists; and a bare
title that points back to the person named with it before. Sentences written for the
purpose (Latvia, Estonia, Botswana, Nauru), in several clause shapes."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _positions(result):
    return {(next(iter(names(result, f.roles["holder"]))), f.roles["role"][0])
            for f in facts_of(result, "Position")}


def _kinds(result):
    return {e.name: e.type.value for e in result.entities}


# --- the complement of a title is its subject, never a body of its own ------------------
def test_a_portfolio_with_and_the_is_no_body_in_an_apposition(nlp):
    r = run(nlp, "The Secretary of State for Finance and the Budget, Karlis Berzins, "
                 "resigned on Monday.")
    kinds = _kinds(r)
    assert kinds.get("Karlis Berzins") == "Person"
    assert not {"State for Finance", "Budget", "Finance"} & set(kinds)
    (quit_,) = facts_of(r, "Resignation")
    assert names(r, quit_.roles["theme"]) == {"Karlis Berzins"}
    assert quit_.roles["role"] == ["Secretary of State for Finance and the Budget"]


def test_a_long_title_right_before_the_name_is_the_role(nlp):
    r = run(nlp, "Secretary of State for Health and Social Security Ilze Kalnina said the "
                 "hospital in Riga would close.")
    assert "State for Health and Social Security" not in _kinds(r)
    assert ("Ilze Kalnina", "Secretary of State for Health and Social Security") \
        in _positions(r)
    (said,) = facts_of(r, "Statement")
    assert names(r, said.roles["speaker"]) == {"Ilze Kalnina"}


def test_two_portfolios_joined_by_and_stay_out_of_the_name(nlp):
    r = run(nlp, "Minister of Justice and Interior Kabo Sithole said the prison in "
                 "Gaborone would close.")
    kinds = _kinds(r)
    assert kinds.get("Kabo Sithole") == "Person"
    assert not {"Justice", "Interior", "Interior Kabo Sithole"} & set(kinds)
    assert ("Kabo Sithole", "Minister of Justice and Interior") in _positions(r)


def test_a_single_word_complement_after_director_general(nlp):
    r = run(nlp, "The border with Namibia will close, Director General of Customs Kabo "
                 "Sithole told reporters in Gaborone.")
    assert "Customs Kabo Sithole" not in _kinds(r)
    assert ("Kabo Sithole", "Director General of Customs") in _positions(r)


def test_a_country_in_the_complement_stays_the_owner(nlp):
    r = run(nlp, "President of Botswana Kabo Sithole opened the bridge at Kasane.")
    kinds = _kinds(r)
    assert kinds.get("Kabo Sithole") == "Person" and kinds.get("Botswana") == "Country"


# --- the name after an unlisted title is a person -----------------------------------------
def test_an_unlisted_title_in_a_prepositional_phrase_leaves_the_person(nlp):
    r = run(nlp, "The resignation of Federal Councillor Juris Berzins was announced in Riga.")
    kinds = _kinds(r)
    assert kinds.get("Juris Berzins") == "Person"
    assert "Federal Councillor Juris Berzins" not in kinds
    (quit_,) = facts_of(r, "Resignation")
    assert names(r, quit_.roles["theme"]) == {"Juris Berzins"}


def test_a_name_the_model_left_untagged_after_an_unlisted_title(nlp):
    r = run(nlp, "Government Councillor Edgars Rozitis said the port of Ventspils would "
                 "reopen.")
    (said,) = facts_of(r, "Statement")
    assert names(r, said.roles["speaker"]) == {"Edgars Rozitis"}
    assert ("Edgars Rozitis", "Government Councillor") in _positions(r)


def test_a_hyphenated_name_after_a_title_is_left_to_the_model(nlp):
    r = run(nlp, "Chief Magistrate Aleksis Ozols-Priede of the Tartu court adjourned the case.")
    assert "Magistrate Aleksis Ozols" not in _kinds(r)


def test_a_site_that_opens_with_an_office_word_is_no_title(nlp):
    r = run(nlp, "Rescue teams were sent to Yaren, the Executive Residence said on Monday.")
    assert "Residence" not in _kinds(r)


# --- a bare title points back to its holder -------------------------------------------
def test_the_title_alone_later_is_the_person_named_with_it(nlp):
    r = run(nlp, "The Head of Government, Maris Vitols, chaired the meeting in Riga. "
                 "The Head of Government said the talks were useful.")
    (said,) = facts_of(r, "Statement")
    assert names(r, said.roles["speaker"]) == {"Maris Vitols"}
    assert ("Maris Vitols", "Head of Government") in _positions(r)
    assert "Head of Government" not in _kinds(r)


def test_the_title_alone_as_an_agent_is_the_person_named_with_it(nlp):
    r = run(nlp, "Minister of State Juris Liepa arrived in Tallinn on Monday. On Tuesday the "
                 "Minister of State met the mayor of Tartu.")
    meetings = facts_of(r, "Meeting")
    assert meetings and all(names(r, m.roles["agent"]) == {"Juris Liepa"} for m in meetings)


def test_a_title_never_given_to_a_name_points_back_to_nobody(nlp):
    r = run(nlp, "The Head of Government said the talks in Riga were useful.")
    (said,) = facts_of(r, "Statement")
    assert not {n for n in names(r, said.roles["speaker"]) if n[:1].isupper()} - {
        "Head of Government", "Government"}


# --- people described after a named body speak for it ----------------------------------
def test_a_body_member_described_by_any_person_noun_speaks_for_the_body(nlp):
    for text in ("A Red Cross doctor said three children were treated in Tartu.",
                 "Three children were treated in Tartu, a Red Cross doctor told reporters."):
        r = run(nlp, text)
        (said,) = facts_of(r, "Statement")
        assert names(r, said.roles["speaker"]) == {"Red Cross"}, text
    r = run(nlp, "Two Amnesty International researchers said the detainees in Riga had been "
                 "beaten.")
    (said,) = facts_of(r, "Statement")
    assert names(r, said.roles["speaker"]) == {"Amnesty International"}


def test_a_named_member_or_a_resident_of_a_town_is_no_body(nlp):
    r = run(nlp, "A Red Cross doctor, Ilze Kalnina, said three children were treated in Tartu.")
    (said,) = facts_of(r, "Statement")
    assert names(r, said.roles["speaker"]) == {"Ilze Kalnina"}
    r = run(nlp, "A Tartu resident said the water had risen overnight.")
    (said,) = facts_of(r, "Statement")
    assert names(r, said.roles["speaker"]) != {"Tartu"}
