"""Bodies named as the text writes them and owned by the country the sentence gives
(round 8, kg/extract/stated_owners.py, kg/resolve/body_names.py); sentences invented,
set in countries no dev text is about."""

from __future__ import annotations

from kg.records import EntityType
from tests.extract.event_helpers import facts_of, names, run


def _entity(result, name):
    found = [e for e in result.entities if e.name == name]
    assert found, f"no entity {name!r} among {[e.name for e in result.entities]}"
    return found[0]


# --- a ministry keeps the text's wording, with its country, as a label -------------------
def test_a_ministry_is_labelled_as_written_with_its_country(nlp):
    r = run(nlp, "Police in Lome detained 12 people in Togo on Monday. Togo's opposition "
                 "protested. The interior ministry said the detainees would be charged.")
    ministry = _entity(r, "Ministry of Internal Affairs of Togo")
    assert "Interior Ministry of Togo" in ministry.aliases


def test_a_ministry_of_x_keeps_its_of_phrase_as_written(nlp):
    r = run(nlp, "Latvia said on Monday that the Ministry of Interior of Latvia had "
                 "detained four men in Riga.")
    ministry = _entity(r, "Ministry of Internal Affairs of Latvia")
    assert "Ministry of Interior of Latvia" in ministry.aliases


def test_a_force_keeps_its_canonical_name_only(nlp):
    r = run(nlp, "Zambia's military said it had sent troops to Lusaka.")
    army = _entity(r, "Armed Forces of Zambia")
    assert not any(a.endswith("of Zambia") for a in army.aliases if a != army.name)


# --- the country the sentence gives owns the body ----------------------------------------
def test_in_neighbouring_x_the_ministry_is_xs(nlp):
    r = run(nlp, "Togo said its troops had repelled an attack near Dapaong. Togo closed the "
                 "border. In neighbouring Benin, the defence ministry said it had sent troops "
                 "to the north.")
    ministry = _entity(r, "Ministry of Defense of Benin")
    assert "Defence Ministry of Benin" in ministry.aliases
    assert not [e for e in r.entities if e.name == "Ministry of Defense of Togo"]
    (statement,) = [f for f in facts_of(r, "Statement")
                    if names(r, f.roles.get("speaker")) == {"Ministry of Defense of Benin"}]
    assert statement


def test_its_ministry_after_a_country_subject_is_that_countrys(nlp):
    r = run(nlp, "Fiji's prime minister met the opposition in Suva. Fiji closed its ports. "
                 "Qatar, which buys much of Fiji's timber, called for calm. Its foreign "
                 "ministry said it would send an envoy.")
    _entity(r, "Ministry of Foreign Affairs of Qatar")
    assert not [e for e in r.entities if e.name == "Ministry of Foreign Affairs of Fiji"]


def test_a_body_with_no_stated_country_stays_the_storys(nlp):
    # control: without "In X," or "its", the document's country owns the ministry
    r = run(nlp, "Togo said its troops had repelled an attack near Dapaong. Togo closed the "
                 "border to Benin. The defence ministry said it had sent troops to the north.")
    _entity(r, "Ministry of Defense of Togo")


# --- descriptive bodies named as written -------------------------------------------------
def test_a_provincial_administration_is_named_with_its_place(nlp):
    r = run(nlp, "Floods hit northern Vietnam. The Lao Cai provincial administration ordered "
                 "residents of three villages to leave their homes.")
    body = _entity(r, "Lao Cai provincial administration")
    assert body.type is EntityType.GOVERNMENT_BODY
    (order,) = facts_of(r, "Order")
    assert names(r, order.roles["agent"]) == {"Lao Cai provincial administration"}


def test_the_presidential_press_service_speaks_as_a_body(nlp):
    r = run(nlp, "The presidential press service said the commander had been dismissed "
                 "in Tallinn.")
    _entity(r, "presidential press service")
    (statement,) = facts_of(r, "Statement")
    assert names(r, statement.roles["speaker"]) == {"presidential press service"}


def test_a_press_service_word_inside_a_longer_phrase_is_no_body(nlp):
    r = run(nlp, "Journalists said the presidential press service staff had left Tallinn.")
    assert not [e for e in r.entities if e.name == "presidential press service"]


def test_a_groups_ministry_is_its_own_named_as_written(nlp):
    r = run(nlp, "Botswana said its troops had clashed with rebels near the border. A spokesman "
                 "for the Patriotic Front's defence ministry said two fighters had died.")
    _entity(r, "Patriotic Front's defence ministry")
    assert not [e for e in r.entities if e.name == "Ministry of Defense of Botswana"]


# --- names the model cuts ----------------------------------------------------------------
def test_an_office_named_after_a_title_keeps_the_whole_title(nlp):
    r = run(nlp, "The president directed the Office of the Prime Minister to coordinate "
                 "relief in Lusaka.")
    _entity(r, "Office of the Prime Minister")
    assert not [e for e in r.entities if e.name == "Office of the Prime"]


def test_a_rulers_force_keeps_the_possessive_in_its_name(nlp):
    r = run(nlp, "The Sultan's Armed Forces deployed helicopters to Lome on Monday.")
    force = _entity(r, "Sultan's Armed Forces")
    assert force.type is EntityType.ARMED_FORCE


def test_a_ministry_of_several_portfolios_is_one_name(nlp):
    r = run(nlp, "On Monday, the Ministry of Youth, Sport and Culture said that 12 people "
                 "had been hurt in Lome.")
    assert [e for e in r.entities if e.name.startswith("Ministry of Youth, Sport and Culture")]
    assert not [e for e in r.entities if e.name in ("Sport and Culture", "Sport")]


def test_a_letterhead_ministry_of_several_portfolios_is_one_name(nlp):
    r = run(nlp, "REPUBLIC OF TOGO\nMINISTRY OF TRADE, INDUSTRY AND TOURISM\n\nThe ministry "
                 "said on Monday that exports to Benin had been suspended in Lome.")
    assert [e for e in r.entities if e.name.lower().startswith(
        "ministry of trade, industry and tourism")], [e.name for e in r.entities]


def test_the_models_own_ministry_mention_takes_the_sentences_country(nlp):
    # the model may tag "the defence ministry" itself (source ner:ORG), not the body rule
    from kg.extract.spans import mention_from_span
    from kg.extract.stated_owners import stated_owners
    from tests.extract.event_helpers import one_update

    text = "Togo closed the border. In neighbouring Benin, the defence ministry said it was calm."
    _document, unit = one_update(text)
    doc = nlp(text)
    benin = mention_from_span(doc[7:8], unit, EntityType.COUNTRY, "gazetteer:country")
    ministry = mention_from_span(doc[9:12], unit, EntityType.GOVERNMENT_BODY, "ner:ORG")
    togo = mention_from_span(doc[0:1], unit, EntityType.COUNTRY, "gazetteer:country")
    assert (benin.text, ministry.text) == ("Benin", "the defence ministry")
    assert stated_owners(doc, unit, [togo, benin, ministry]) == {ministry: "Benin"}


def test_a_descriptive_force_keeps_its_demonym_as_written(nlp):
    r = run(nlp, "Qatari state security officers detained a former MP in Doha on Monday.")
    force = _entity(r, "Qatari state security officers")
    assert force.type is EntityType.ARMED_FORCE
    (detention,) = facts_of(r, "Detention")
    assert names(r, detention.roles["agent"]) == {"Qatari state security officers"}
