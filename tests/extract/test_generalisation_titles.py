"""Ranks, honorifics and titles in apposition (issue 15, cause 4 of /work/next-round.md):
each rule pinned on sentences written for the purpose, with other names and countries
than the dev texts'."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _positions(result):
    return {(next(iter(names(result, f.roles["holder"]))), f.roles["role"][0])
            for f in facts_of(result, "Position")}


# --- a dotted rank is one token: the parse keeps the title, the rank and the name -------
def test_a_dotted_rank_between_title_and_name_is_no_holder(nlp):
    r = run(nlp, "Army spokesman Col. Peter Banda said the troops had left Kasama.")
    assert ("Peter Banda", "spokesman") in _positions(r)
    assert "Col" not in {e.name for e in r.entities}


def test_a_rank_after_an_appositive_title_ends_no_sentence(nlp):
    r = run(nlp, "Two guards were hurt in the riot in Tarija, a police spokesman, "
                 "Capt. Juan Ortiz, said.")
    (said,) = facts_of(r, "Statement")
    assert names(r, said.roles["speaker"]) == {"Juan Ortiz"}
    assert ("Juan Ortiz", "police spokesman") in _positions(r)


def test_an_honorific_after_an_appositive_title(nlp):
    r = run(nlp, "The Prime Minister, Hon. Joel Kalsakau, thanked the donors in Apia.")
    assert ("Joel Kalsakau", "Prime Minister") in _positions(r)


def test_an_abbreviated_given_name_opens_the_name(nlp):
    r = run(nlp, "The navy sent two ships, navy spokesperson Lt. Ma. Teresa Cruz said.")
    assert "Ma. Teresa Cruz" in {e.name for e in r.entities}


# --- the title subject whose holder is in apposition acts as the holder ------------------
def test_a_fronted_place_does_not_swallow_the_subject(nlp):
    r = run(nlp, "In Huambo, the provincial governor, Brig. Gen. Tomás Ruiz, imposed a "
                 "curfew on the city.")
    (curfew,) = facts_of(r, "Curfew")
    assert names(r, curfew.roles["agent"]) == {"Tomás Ruiz"}
    assert ("Huambo", "provincial governor") not in _positions(r)


def test_a_place_before_an_appositive_title_holds_no_office(nlp):
    r = run(nlp, "In Lobito, the port city of Benguela, the military governor, "
                 "Maj. Gen. Rui Falcão, banned all rallies.")
    holders = {h for h, _role in _positions(r)}
    assert "Rui Falcão" in holders and not holders & {"Lobito", "Benguela"}


def test_a_title_subject_with_the_name_in_apposition_acts_as_the_person(nlp):
    r = run(nlp, "On Monday, the Inspector General of Police, Maria Okafor, banned all "
                 "rallies in Lusaka.")
    (ban,) = facts_of(r, "Ban")
    assert names(r, ban.roles["agent"]) == {"Maria Okafor"}
    r = run(nlp, "On Monday, the Inspector General of Police, Maria Okafor, said the "
                 "rallies in Lusaka were banned.")
    (said,) = facts_of(r, "Statement")
    assert names(r, said.roles["speaker"]) == {"Maria Okafor"}


# --- descriptions of a country's ruling bodies ---------------------------------------------
def test_a_military_government_and_the_junta_are_one_body_of_their_country(nlp):
    r = run(nlp, "Guinea's military government dissolved all political parties on Tuesday. "
                 "The junta said the decision was final.")
    (said,) = facts_of(r, "Statement")
    assert names(r, said.roles["speaker"]) == {"Military government of Guinea"}


def test_the_presidents_office_that_speaks_is_a_body_of_its_country(nlp):
    r = run(nlp, "The army chief was relieved of his duties, the president's office in "
                 "Conakry said.")
    (said,) = facts_of(r, "Statement")
    assert names(r, said.roles["speaker"]) == {"Presidency of Guinea"}
    r = run(nlp, "In 2019 the general won the presidency of Guinea with 60 percent.")
    assert "Presidency of Guinea" not in {e.name for e in r.entities}  # an office held


def test_a_present_perfect_with_a_year_gives_the_page_its_year():
    from kg.ingest.pagedates import text_year

    assert text_year("Police have arrested more than 300 activists across the country in "
                     "2024, according to a rights group.") == 2024
    assert text_year("The mission has about 9,000 troops in Liberia, was set up in 2003.") \
        is None
    assert text_year("The army has been deployed in 2019 and 2020.") is None


# --- clipped names and the owner of an office named by a body noun -------------------------
def test_a_body_name_cut_before_its_remit_goes_on(nlp):
    r = run(nlp, "The UN Office for the Coordination of Humanitarian Affairs said 40,000 "
                 "people needed shelter.")
    (said,) = facts_of(r, "Statement")
    assert names(r, said.roles["speaker"]) == {
        "UN Office for the Coordination of Humanitarian Affairs"}
    r = run(nlp, "President Ana Silva appointed Joao Lima, Member of Parliament for the Huila "
                 "District, as Prime Minister on Tuesday.")
    assert "Huila District" in {e.name for e in r.entities}  # a place is no remit


def test_a_ministry_spokesman_speaks_for_the_ministry_named_before(nlp):
    r = run(nlp, "Ghana's foreign ministry summoned the envoy on Monday. Ministry spokesman "
                 "Kofi Mensah said the envoy had left Accra.")
    (office,) = facts_of(r, "Position")
    assert names(r, office.roles["organization"]) == {"Ministry of Foreign Affairs of Ghana"}


def test_the_ministry_after_a_minister_is_that_ministers_ministry(nlp):
    r = run(nlp, "Ghana expelled the Togolese envoy, Foreign Minister Ama Boateng said on "
                 "Monday. The ministry accused the envoy of meeting rebels in Accra.")
    (accusation,) = facts_of(r, "Accusation")
    assert names(r, accusation.roles["agent"]) == {"Ministry of Foreign Affairs of Ghana"}


# --- round 11: a portfolio is part of the title, never an owner nor part of the name ------
def test_a_two_word_portfolio_before_minister_is_part_of_the_title(nlp):
    r = run(nlp, "National Security Minister Kwame Tetteh said patrols would be stepped up "
                 "in Riga.")
    (pos,) = facts_of(r, "Position")
    assert pos.roles["role"] == ["National Security Minister"]
    assert "organization" not in pos.roles


def test_a_portfolio_ending_in_administration_is_no_body(nlp):
    r = run(nlp, "Territorial Administration Minister Ousmane Dossou banned all rallies "
                 "in Cotonou.")
    assert ("Ousmane Dossou", "Territorial Administration Minister") in _positions(r)
    (pos,) = facts_of(r, "Position")
    assert "organization" not in pos.roles


def test_a_named_company_before_a_title_still_owns_it(nlp):
    r = run(nlp, "Apex Mining chief executive Andris Kalns said the mine would reopen.")
    (pos,) = facts_of(r, "Position")
    assert names(r, pos.roles["organization"]) == {"Apex Mining"}


def test_the_portfolio_after_title_for_is_not_part_of_the_name(nlp):
    r = run(nlp, "The vote came a day after State Secretary for Digitalisation Marta Ozola "
                 "resigned in protest at the bill.")
    people = {e.name for e in r.entities}
    assert "Marta Ozola" in people and "Digitalisation Marta Ozola" not in people
    (quit_,) = facts_of(r, "Resignation")
    assert names(r, quit_.roles["theme"]) == {"Marta Ozola"}


def test_the_portfolio_after_title_of_is_not_a_given_name(nlp):
    r = run(nlp, "Minister of Finance Janis Kalns said the budget was ready.")
    assert ("Janis Kalns", "Minister of Finance") in _positions(r)
    assert "Finance Janis Kalns" not in {e.name for e in r.entities}


def test_the_companys_title_is_of_the_company_the_sentence_before_named(nlp):
    r = run(nlp, "Baltic Power Grid said crews were arriving to help restore supply in "
                 "Tartu. The company's head of operations, Peteris Ozols, said more than "
                 "300 poles had been damaged.")
    (pos,) = facts_of(r, "Position")
    assert names(r, pos.roles["organization"]) == {"Baltic Power Grid"}


def test_the_companys_title_takes_no_body_from_further_back(nlp):
    r = run(nlp, "Baltic Power Grid said crews were arriving in Tartu. Rain fell all day. "
                 "The company's head of operations, Peteris Ozols, said 300 poles fell.")
    (pos,) = facts_of(r, "Position")
    assert "organization" not in pos.roles
