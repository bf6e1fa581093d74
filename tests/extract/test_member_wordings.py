"""Membership and Position wordings of round 10: every group of "a member of A and (of) B",
a description of the story's country as the member ("The country is a member of X"),
"A and B, both X members". Invented sentences, set in countries no dev text is about."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _members(result) -> set[tuple[str, str]]:
    return {(next(iter(names(result, f.roles["member"]))),
             next(iter(names(result, f.roles["group"]))))
            for f in facts_of(result, "Membership")}


# --- Membership -----------------------------------------------------------------------------
def test_every_group_of_a_member_of_a_and_b(nlp):
    r = run(nlp, "Floods hit Estonia on Monday. Estonia, a member of the Nordic Council and the "
                 "Arctic Council, asked its neighbours for pumps.")
    assert {("Estonia", "Nordic Council"), ("Estonia", "Arctic Council")} <= _members(r)


def test_a_member_of_a_and_of_b_with_acronyms_in_brackets(nlp):
    r = run(nlp, "Floods hit Estonia on Monday. Estonia is a member of the Council of the Baltic "
                 "Sea States (CBSS) and of the Nordic Investment Bank (NIB).")
    assert {("Estonia", "Council of the Baltic Sea States"),
            ("Estonia", "Nordic Investment Bank")} <= _members(r)


def test_a_body_after_the_list_that_starts_a_new_clause_is_no_group(nlp):
    r = run(nlp, "Floods hit Estonia on Monday. Estonia is a member of the Nordic Council and "
                 "the Baltic Assembly met on Tuesday to discuss the floods.")
    assert ("Estonia", "Nordic Council") in _members(r)
    assert ("Estonia", "Baltic Assembly") not in _members(r)


def test_the_country_as_member_is_the_country_of_the_story(nlp):
    r = run(nlp, "Floods killed 12 people in Tallinn on Monday, Estonian officials said, and "
                 "Estonia asked for help. The country is a member of the Nordic Council and "
                 "of the Council of the Baltic Sea States (CBSS).")
    assert {("Estonia", "Nordic Council"),
            ("Estonia", "Council of the Baltic Sea States")} <= _members(r)
    assert not [e for e in r.entities if e.name.lower() == "the country"]


def test_the_archipelago_of_n_people_a_member_of(nlp):
    r = run(nlp, "A cyclone hit Palau on Monday, Palauan officials said, and Palau asked for "
                 "help. The archipelago of some 18,000 people, a member of the Pacific "
                 "Community and the Asian Development Bank, has been hit twice this year.")
    assert {("Palau", "Pacific Community"), ("Palau", "Asian Development Bank")} <= _members(r)


def test_the_country_with_no_country_of_the_story_gives_no_membership(nlp):
    r = run(nlp, "The country is a member of the Nordic Council, the minister said.")
    assert not facts_of(r, "Membership")
    assert not [e for e in r.entities if e.name.lower() in ("the country", "country")]


def test_a_and_b_both_group_members(nlp):
    r = run(nlp, "Floods hit Jamaica on Monday. Botswana and Zambia, both SADC members, will "
                 "each send a team of engineers, he said.")
    assert {("Botswana", "SADC"), ("Zambia", "SADC")} <= _members(r)
    r = run(nlp, "Floods hit Latvia on Monday. Estonia, Lithuania and Poland, all NATO members, "
                 "sent pumps.")
    assert {("Estonia", "NATO"), ("Lithuania", "NATO"), ("Poland", "NATO")} <= _members(r)


def test_fellow_members_with_a_third_of_a_group(nlp):
    r = run(nlp, "Floods hit Palau on Monday. Nauru and Tonga, fellow members with Palau of the "
                 "Pacific Islands Forum, have offered rescue teams.")
    assert {("Nauru", "Pacific Islands Forum"), ("Tonga", "Pacific Islands Forum"),
            ("Palau", "Pacific Islands Forum")} <= _members(r)


def test_solidarity_between_a_and_b_as_fellow_member_states(nlp):
    r = run(nlp, "Floods hit Palau on Monday. The Ministry thanked the Government of Tonga, in "
                 "the spirit of solidarity between Palau and Tonga as fellow Member States of "
                 "the Pacific Islands Forum.")
    assert {("Palau", "Pacific Islands Forum"), ("Tonga", "Pacific Islands Forum")} \
        <= _members(r)


def test_the_party_to_which_a_person_belongs(nlp):
    r = run(nlp, "Fighting broke out in Benin on Monday. Opposition party Movement for "
                 "Democratic Change (MDC), to which Paul Houngbo belongs, denied any "
                 "involvement.")
    assert ("Paul Houngbo", "Movement for Democratic Change") in _members(r)


# --- Position -------------------------------------------------------------------------------
def _positions(result) -> set[tuple[str, str, str]]:
    return {(next(iter(names(result, f.roles["holder"]))), f.roles["role"][0],
             next(iter(names(result, f.roles.get("organization"))), ""))
            for f in facts_of(result, "Position")}


def test_minister_of_the_portfolio_keeps_the_portfolio_out_of_the_name(nlp):
    r = run(nlp, "Floods hit Latvia on Monday. \"We will help,\" Minister of the Interior Anna "
                 "Ozola said. Latvia is helping people to reach the border,\" Minister of the "
                 "Interior Ilze Kalnina said.")
    people = {e.name for e in r.entities if e.type.value == "Person"}
    assert {"Anna Ozola", "Ilze Kalnina"} <= people
    assert not [p for p in people if p.startswith("Interior")]
    roles = {(h, role) for h, role, _of in _positions(r)}
    assert {("Anna Ozola", "Minister of the Interior"),
            ("Ilze Kalnina", "Minister of the Interior")} <= roles


def test_a_minister_of_a_portfolio_the_text_names_holds_it_in_that_ministry(nlp):
    r = run(nlp, "Floods hit Latvia on Monday. The Minister of Interior, Lieutenant General "
                 "Janis Kalnins, visited Riga. The Ministry of Interior said 12 people had died.")
    (_holder, role, of), = [p for p in _positions(r) if p[0] == "Janis Kalnins"]
    assert role == "Minister of Interior" and of.startswith("Ministry of Interior")
    # a title before the name ("Interior Minister X") stays the country's
    r = run(nlp, "Floods hit Latvia on Monday. Interior Minister Janis Kalnins visited Riga. "
                 "The Ministry of Interior said 12 people had died.")
    assert ("Janis Kalnins", "Interior Minister", "Latvia") in _positions(r)


def test_another_countrys_minister_is_not_of_the_ministry_the_text_names(nlp):
    r = run(nlp, "Floods hit Latvia on Monday. Estonia's Minister of Foreign Affairs, Mart Kask, "
                 "called Riga. The Ministry of Foreign Affairs of Latvia thanked him.")
    assert ("Mart Kask", "Minister of Foreign Affairs", "Estonia") in _positions(r)


def test_a_country_named_before_a_national_title_owns_it(nlp):
    r = run(nlp, "Teachers went on strike in Jamaica on Monday. The chairman of the Caribbean "
                 "Community, Botswana Prime Minister Joan Masire, urged both sides to talk.")
    assert ("Joan Masire", "Prime Minister", "Botswana") in _positions(r)
    # also when the model tags no country there (the gazetteer knows the name)
    from kg.extract.entities import entity_mentions
    from kg.extract.title_positions import title_positions
    from kg.records import EntityType
    from tests.extract.event_helpers import one_update

    _doc, unit = one_update("The chairman of the bloc, Botswana Prime Minister Joan Masire, "
                            "urged both sides to talk.")
    parsed = nlp(unit.text)
    people = [m for m in entity_mentions(parsed, unit) if m.type is EntityType.PERSON]
    (fact,) = title_positions(parsed, unit, people)
    assert fact.roles["role"] == ["Prime Minister"]
    assert [(m.text, m.type) for m in fact.roles["organization"]] == \
        [("Botswana", EntityType.COUNTRY)]


def test_a_possessive_before_a_title_and_a_comma_owns_the_office(nlp):
    r = run(nlp, "Hundreds marched in Valletta on Monday. The march was called by the civil "
                 "society group Repubblika. Repubblika's president, Simon Aquilina, said the "
                 "inquiry had to be independent. Prosecutors also charged Camilleri's campaign "
                 "coordinator, Joe Borg, with incitement.")
    positions = _positions(r)
    assert ("Simon Aquilina", "president", "Repubblika") in positions
    assert ("Joe Borg", "campaign coordinator", "Camilleri") in positions


def test_ministry_owners_leaves_an_owner_given_as_text(nlp):
    from kg.extract.positions import ministry_owners
    from kg.records import Fact

    r = run(nlp, "Floods hit Latvia on Monday. The Ministry of Interior said 12 people died.")
    holder = next(m for e in r.entities for m in e.mentions)
    fact = Fact(kind="Position", category="relation", unit=0, sentence=(0, 10),
                roles={"holder": [holder], "role": ["Minister of Interior"],
                       "organization": ["the mission"]}, rule="test", confidence=0.5)
    ministry_owners([fact], r.entities)
    assert fact.roles["organization"] == ["the mission"]
