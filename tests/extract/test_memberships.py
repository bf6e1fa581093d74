"""Membership and PartOf beyond names nested in names (kg/extract/memberships.py).
Invented sentences, names and places other than the dev texts'."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _pairs(result, kind: str, a: str, b: str) -> set[tuple[str, str]]:
    return {(next(iter(names(result, f.roles[a]))), next(iter(names(result, f.roles[b]))))
            for f in facts_of(result, kind)}


# --- membership -------------------------------------------------------------------------
def test_became_a_member_of(nlp):
    r = run(nlp, "Chile, which became a full member of the Andean Community in 2024, sent its "
                 "foreign minister.")
    assert ("Chile", "Andean Community") in _pairs(r, "Membership", "member", "group")


def test_of_which_both_countries_are_members(nlp):
    r = run(nlp, "Fighting between Peru and Ecuador went on. Brazil currently chairs the "
                 "Andean Community (CAN), of which both countries are members.")
    pairs = _pairs(r, "Membership", "member", "group")
    assert ("Peru", "Andean Community") in pairs and ("Ecuador", "Andean Community") in pairs
    assert ("Brazil", "Andean Community") not in pairs


def test_leaders_at_a_summit_of_a_body_with_its_short_name_in_brackets(nlp):
    r = run(nlp, "The presidents of Chile, Peru, Colombia and Ecuador met in Lima on Thursday "
                 "for a two-day summit of the Andean Community (Comunidad) that is expected "
                 "to approve a trade deal.")
    pairs = _pairs(r, "Membership", "member", "group")
    assert {("Chile", "Andean Community"), ("Ecuador", "Andean Community")} <= pairs


def test_council_members_named_beside_the_noun(nlp):
    r = run(nlp, "The UN Security Council voted 13-0 to extend the mission, with council "
                 "members China and Russia abstaining.")
    pairs = _pairs(r, "Membership", "member", "group")
    assert ("China", "UN Security Council") in pairs and ("Russia", "UN Security Council") in pairs


def test_a_representative_of_a_country_to_a_body(nlp):
    r = run(nlp, "The Permanent Representative of Jamaica to the Organization of American "
                 "States spoke first.")
    assert ("Jamaica", "Organization of American States") in _pairs(
        r, "Membership", "member", "group")


# --- part of ----------------------------------------------------------------------------
def test_an_organisations_possessive_names_its_part(nlp):
    r = run(nlp, "NATO's Allied Joint Force Command Naples has authorised the deployment.")
    assert ("Allied Joint Force Command Naples", "NATO") in _pairs(r, "PartOf", "part", "whole")


def test_an_apposition_says_whose_organ_it_is(nlp):
    r = run(nlp, "The Inter-American Commission on Human Rights, an autonomous organ of the "
                 "Organization of American States, urged restraint.")
    assert ("Inter-American Commission on Human Rights", "Organization of American States") in \
        _pairs(r, "PartOf", "part", "whole")


def test_an_apposition_the_parser_hangs_elsewhere_still_says_whose_wing(nlp):
    r = run(nlp, "Protesters fought running battles on Monday with activists of the Ghana "
                 "Students League (GSL), the National Congress's student wing, in the port "
                 "city of Takoradi.")
    assert ("Ghana Students League", "National Congress") in _pairs(r, "PartOf", "part",
                                                                    "whole")


def test_a_council_named_after_its_organisation(nlp):
    r = run(nlp, "The Organization of American States met in Washington. The Permanent Council "
                 "of the Organization of American States approved a resolution.")
    assert ("Permanent Council of the Organization of American States",
            "Organization of American States") in _pairs(r, "PartOf", "part", "whole")


def test_a_department_of_a_topic_is_no_part(nlp):
    r = run(nlp, "The Department of Water Affairs said the dam was safe. Water Affairs staff "
                 "inspected it.")
    assert facts_of(r, "PartOf") == []


def test_a_force_controlled_by_a_ministry_is_part_of_it(nlp):
    r = run(nlp, "Since the mercenaries left, their role has passed to the Eastern Legion, a "
                 "force controlled by Russia's defence ministry. The instructors belong to the "
                 "Baltic Brigade, a unit run by the Ministry of Defence of Belarus.")
    pairs = {(next(iter(names(r, f.roles["part"]))), next(iter(names(r, f.roles["whole"]))))
             for f in facts_of(r, "PartOf")}
    assert ("Eastern Legion", "Ministry of Defense of Russia") in pairs
    assert ("Baltic Brigade", "Ministry of Defense of Belarus") in pairs


def test_the_armys_brigade_is_part_of_the_army_named(nlp):
    r = run(nlp, "The Colombian army said two soldiers were hurt. Gen. Luis Ortega, commander "
                 "of the army's Ninth Brigade, called the attack a provocation.")
    pairs = {(next(iter(names(r, f.roles["part"]))), next(iter(names(r, f.roles["whole"]))))
             for f in facts_of(r, "PartOf")}
    assert ("Ninth Brigade", "Armed Forces of Colombia") in pairs


def test_a_medium_of_a_described_body_is_no_part_of_it(nlp):
    r = run(nlp, "The Interior Ministry of Peru said 12 people were held, as quoted on the "
                 "government's Telegram channel.")
    assert not facts_of(r, "PartOf")


def test_a_named_unit_of_another_body_is_part_of_it(nlp):
    r = run(nlp, "The Ashanti Regional Police Command of the Ghana Police Service said on "
                 "Monday that 40 people had been arrested.")
    assert ("Ashanti Regional Police Command", "Ghana Police Service") in _pairs(
        r, "PartOf", "part", "whole")


# --- set phrases around names (kg/extract/member_phrases.py) -----------------------------
def test_a_country_a_group_member_since_a_year(nlp):
    r = run(nlp, "Estonia, a NATO member since 2004, is a candidate to host the summit.")
    assert ("Estonia", "NATO") in _pairs(r, "Membership", "member", "group")


def test_a_country_admitted_to_a_bloc(nlp):
    r = run(nlp, "Comoros was admitted to the Southern African Development Community as its "
                 "newest member last year.")
    assert ("Comoros", "Southern African Development Community") in _pairs(
        r, "Membership", "member", "group")


def test_a_bloc_that_counts_a_country_among_its_members(nlp):
    r = run(nlp, "The Pacific Islands Forum, which counts Samoa among its members, said the "
                 "vote was fair.")
    assert ("Samoa", "Pacific Islands Forum") in _pairs(r, "Membership", "member", "group")


def test_a_unit_part_of_a_service(nlp):
    r = run(nlp, "Officers of the Border Intelligence Unit, part of the Federal Police Service, "
                 "arrested four men in Monrovia.")
    assert ("Border Intelligence Unit", "Federal Police Service") in _pairs(
        r, "PartOf", "part", "whole")


def test_descriptions_part_of_each_other_are_no_part_of(nlp):
    r = run(nlp, "The court, part of the ministry, ruled on Monday.")
    assert not facts_of(r, "PartOf")


def test_an_organ_noun_then_its_name(nlp):
    r = run(nlp, "Thousands of residents fled into Liberia, the UN refugee agency UNHCR said.")
    assert ("UNHCR", "UN") in _pairs(r, "PartOf", "part", "whole")
    r = run(nlp, "The Arab League withdrew its own force, the Arab Deterrent Force, in 1982.")
    assert ("Arab Deterrent Force", "Arab League") in _pairs(r, "PartOf", "part", "whole")
    r = run(nlp, "Peacekeepers of the UN mission in Liberia, known as UNMIL, stayed inside "
                 "their base.")
    assert ("UNMIL", "UN") in _pairs(r, "PartOf", "part", "whole")


def test_a_list_after_an_organ_noun_is_no_part(nlp):
    r = run(nlp, "The Caribbean Community thanked its partners, Canada and Mexico, and its "
                 "agency, Jamaica and Haiti, for the aid.")
    assert not facts_of(r, "PartOf")


def test_a_name_after_an_organ_noun_and_a_comma_that_opens_a_clause_is_no_part(nlp):
    r = run(nlp, "He was arrested by officers of the Federal Police's cyber unit, the Civic "
                 "Union said in a statement.")
    assert ("Civic Union", "Federal Police") not in _pairs(r, "PartOf", "part", "whole")


def test_an_inspectorate_of_an_inspectorate_is_part_of_it(nlp):
    r = run(nlp, "The National Investigation Inspectorate (INI) of the General Police "
                 "Inspectorate led the raid in Windhoek.")
    assert ("National Investigation Inspectorate", "General Police Inspectorate") in _pairs(
        r, "PartOf", "part", "whole")
    people = {e.name for e in r.entities if e.type.value == "Person"}
    assert not people, people  # "General" opens the body's name: no rank and person
    types = {e.name: e.type.value for e in r.entities}
    assert types["General Police Inspectorate"] == "ArmedForce"  # a police body


def test_of_which_countries_are_capitalised_member_states(nlp):
    r = run(nlp, "As a founding principle of the Caribbean Community, of which both Guyana and "
                 "Suriname are Member States, disputes shall be settled by peaceful means.")
    pairs = _pairs(r, "Membership", "member", "group")
    assert {("Guyana", "Caribbean Community"), ("Suriname", "Caribbean Community")} <= pairs


# --- round 8: "one of the N member states of", an apposition's "of which", "dep" of ------
def test_one_of_the_member_states_of_a_body(nlp):
    r = run(nlp, "Palau is one of the 18 member states of the Pacific Islands Forum.")
    assert ("Palau", "Pacific Islands Forum") in _pairs(r, "Membership", "member", "group")


def test_of_which_after_a_description_of_the_body(nlp):
    # the relative clause hangs on "body", the apposition of the named assembly
    r = run(nlp, "Riga has asked the Baltic Assembly (BA), the regional body of which Latvia "
                 "is a member, to meet.")
    assert ("Latvia", "Baltic Assembly") in _pairs(r, "Membership", "member", "group")


def test_of_which_the_parser_hangs_as_dep():
    # the parser makes "of" a bare "dep" of "is" after a bracketed acronym and a comma
    # ("The X Community (XC), of which Y is a member, ..."): a parse built by hand
    import spacy
    from spacy.tokens import Doc

    from kg.extract.memberships import of_which

    words = ["Community", ",", "of", "which", "Togo", "is", "a", "member", ","]
    heads = [0, 0, 5, 2, 5, 0, 7, 5, 0]
    deps = ["ROOT", "punct", "dep", "pobj", "nsubj", "relcl", "det", "attr", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    assert [t.text for t in of_which(doc[5], doc[7])] == ["which"]
