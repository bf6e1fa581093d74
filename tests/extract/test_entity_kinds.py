"""Entity types from the words around a name (kg/extract/kind_cues.py), place groups
(kg/resolve/place_names.py) and the region gazetteer, each on invented sentences."""

from __future__ import annotations

from kg.records import EntityType as T
from kg.resolve.places import gazetteer
from tests.extract.event_helpers import run


def _types(result) -> dict[str, T]:
    return {e.name: e.type for e in result.entities}


def _entity(result, name):
    found = [e for e in result.entities if name == e.name or name in e.aliases]
    assert found, f"no entity {name!r} among {[e.name for e in result.entities]}"
    assert len(found) == 1, f"{name!r} is split: {[(e.name, e.type) for e in found]}"
    return found[0]


# --- the gazetteer's regions ------------------------------------------------------------
def test_subdivisions_are_regions_with_their_country():
    gaz = gazetteer()
    for name, code in (("Upper Nile", "SS"), ("Guayas", "EC"), ("Tavush", "AM"),
                       ("Santa Elena province", "EC"), ("Dhi Qar", "IQ")):
        found = gaz.regions_named(name)
        assert found and found[0].country_code == code, name
        assert found[0].type is T.REGION and found[0].key.startswith("iso:")


def test_a_name_that_is_a_small_city_and_a_region_is_the_region():
    gaz = gazetteer()
    place = gaz.decide("Nsanje", countries={"MW"})
    assert place is not None and place.type is T.REGION
    big = gaz.decide("Guayaquil", countries={"EC"})
    assert big is not None and big.type is T.CITY


# --- kind nouns ---------------------------------------------------------------------------
def test_a_village_of_and_a_province_after_type_the_names(nlp):
    r = run(nlp, "Shells hit the village of Tarvelo near Ostrani, in Kvemo Kartli region, "
                 "on Monday.")
    assert _entity(r, "Tarvelo").type is T.CITY
    assert _entity(r, "Kvemo Kartli region").type is T.REGION


def test_a_list_of_names_before_a_plural_noun(nlp):
    r = run(nlp, "Shops in the capital's Mbare and Glen View suburbs were looted.")
    assert _entity(r, "Mbare").type is T.PLACE
    assert _entity(r, "Glen View").type is T.PLACE


def test_names_listed_before_a_plural_noun_of_a_city_are_the_places(nlp):
    # "of" names the city holding them, which stays a city
    r = run(nlp, "Most of them died in the Kawale and Chinsapo townships of Lilongwe, "
                 "Malawi's police said.")
    assert _entity(r, "Kawale").type is T.PLACE
    assert _entity(r, "Chinsapo").type is T.PLACE
    assert _entity(r, "Lilongwe").type is T.CITY


def test_a_trading_centre_in_apposition_is_a_town(nlp):
    r = run(nlp, "Police imposed a dusk-to-dawn curfew on Kalemba, a trading centre in "
                 "Mangochi district, on Sunday after crowds looted shops overnight.")
    assert _entity(r, "Kalemba").type is T.CITY


def test_a_district_of_a_city_is_a_place_and_a_district_alone_a_region(nlp):
    r = run(nlp, "He was held in the Kanombe district of Kigali. Troops reached Nyagatare "
                 "district on Friday.")
    assert _entity(r, "Kanombe").type is T.PLACE
    assert _entity(r, "Nyagatare district").type is T.REGION


def test_a_named_feature_takes_its_noun(nlp):
    r = run(nlp, "Fishermen fled to Likoma island and the Mwanza bridge was closed.")
    assert _entity(r, "Likoma island").type is T.PLACE
    assert _entity(r, "Mwanza bridge").type is T.PLACE


def test_a_town_and_a_district_of_one_name_stay_apart(nlp):
    r = run(nlp, "Rebels seized the town of Ngome on Sunday. The administrator of Ngome "
                 "district said 12 people died.")
    kinds = {e.type for e in r.entities if e.name.startswith("Ngome")}
    assert kinds == {T.CITY, T.REGION}


def test_gangs_and_broadcasters_are_typed_by_their_noun(nlp):
    r = run(nlp, "Members of the rival Barrio Rojo and Los Halcones gangs clashed, state "
                 "broadcaster TVN reported.")
    assert _entity(r, "Barrio Rojo").type is T.GROUP
    assert _entity(r, "Los Halcones").type is T.GROUP
    assert _entity(r, "TVN").type is T.MEDIA_ORGANIZATION


def test_an_organisation_someone_told_is_a_news_medium(nlp):
    r = run(nlp, "Two officials close to the minister told EFE on Sunday that talks failed. "
                 "A third told the Daily Nation that nobody was hurt.")
    assert _entity(r, "EFE").type is T.MEDIA_ORGANIZATION
    assert _entity(r, "Daily Nation").type is T.MEDIA_ORGANIZATION


# --- locative prepositions and place groups --------------------------------------------
def test_names_listed_after_in_are_places(nlp):
    r = run(nlp, "The curfew applies in Esmeraldas, Atacames and Muisne until Sunday.")
    for name in ("Atacames", "Muisne"):
        assert _entity(r, name).type.is_place, name


def test_one_place_name_is_one_entity_whatever_the_model_says(nlp):
    r = run(nlp, "Troops shelled Chongwe district on Monday. Chongwe was quiet by night.")
    entity = _entity(r, "Chongwe")
    assert entity.type is T.REGION


def test_a_large_city_the_model_calls_a_person_is_the_city(nlp):
    r = run(nlp, "Nairobi told a different story on Tuesday.")
    assert _entity(r, "Nairobi").type is T.CITY


def test_a_hyphenated_place_name_is_kept_whole(nlp):
    r = run(nlp, "Gunmen attacked a police post near Saint-Louis-du-Nord on Friday.")
    assert "Saint-Louis-du-Nord" in {e.name for e in r.entities} | {
        a for e in r.entities for a in e.aliases}


# --- heads and openers ----------------------------------------------------------------------
def test_police_commands_and_missions_are_armed_forces(nlp):
    r = run(nlp, "The Lusaka Police Command and the Zambia Police Service said the "
                 "Multinational Stabilisation Support Mission and the Republic of Malawi "
                 "Defence Forces would help.")
    for name in ("Lusaka Police Command", "Zambia Police Service",
                 "Multinational Stabilisation Support Mission"):
        assert _entity(r, name).type is T.ARMED_FORCE, name


def test_commissions_courts_and_authorities_are_government_bodies(nlp):
    r = run(nlp, "The Electoral Commission, the Constitutional Court and the Roads Authority "
                 "met on Monday.")
    for name in ("Electoral Commission", "Constitutional Court", "Roads Authority"):
        assert _entity(r, name).type is T.GOVERNMENT_BODY, name


def test_an_international_body_is_an_organisation(nlp):
    r = run(nlp, "The International Committee for Mine Clearance said two workers died.")
    assert _entity(r, "International Committee for Mine Clearance").type is T.ORGANIZATION


def test_a_persons_role_in_apposition_or_before_the_name(nlp):
    r = run(nlp, "The truce will not hold, said Carla Benavides, a conflict analyst at the "
                 "university. Kisumu governor Otieno Wafula said schools would close.")
    assert _entity(r, "Carla Benavides").type is T.PERSON
    assert _entity(r, "Otieno Wafula").type is T.PERSON


# --- words that are no names -----------------------------------------------------------------
def test_storms_time_zones_and_generic_words_are_no_entities(nlp):
    r = run(nlp, "Cyclone Amara hit the coast near Beira on Sunday. The toll from Amara rose to "
                 "12 by 14:00 (15:00 Nairobi time). Newest updates first.")
    found = {e.name for e in r.entities}
    assert not found & {"Amara", "Cyclone Amara", "Newest"}
    assert "Nairobi" not in found


def test_a_country_possessive_keeps_two_ministries_apart(nlp):
    r = run(nlp, "Chad's Defence Ministry said three soldiers died. Niger's Defence Ministry "
                 "said it had sent troops.")
    ministries = {e.name for e in r.entities if e.type is T.GOVERNMENT_BODY}
    assert len(ministries) == 2
    assert all("Chad" in n or "Niger" in n for n in ministries)


def test_police_that_fill_a_role_are_an_entity_and_idle_police_are_not(nlp):
    r = run(nlp, "Zambia's police arrested 40 protesters in Lusaka on Monday.")
    assert any(e.type is T.ARMED_FORCE and "Zambia's police" in e.aliases for e in r.entities)
    r = run(nlp, "Zambia's police station in Lusaka was quiet on Monday, residents said.")
    assert not any(e.type is T.ARMED_FORCE for e in r.entities)


def test_squares_rivers_bases_and_prisons_are_places(nlp):
    r = run(nlp, "Protesters marched from Independence Square to Plaza Bolivar. The Ruvuma River "
                 "burst its banks near the Mtwara Air Base and the Ukonga Penitentiary.")
    for name in ("Independence Square", "Plaza Bolivar", "Ruvuma River", "Ukonga Penitentiary"):
        assert _entity(r, name).type is T.PLACE, name


def test_the_middle_items_of_a_place_list_after_in_are_places(nlp):
    # "in A, B, C, D and E": a middle item the model took for a person is a town too
    r = run(nlp, "Raids were carried out in Soroca, Ungheni, Orhei, Cahul and Edinet on "
                 "Tuesday.")
    types = {m.text: e.type for e in r.entities for m in e.mentions}
    assert types.get("Ungheni") is not T.PERSON
    assert types.get("Orhei") is not T.PERSON


def test_bureaus_and_legislatures_are_government_bodies_campuses_and_estates_places(nlp):
    # a name's head noun gives its kind: a bureau is an arm of government, as an office
    # is; a legislature is a parliament; a campus or an estate is a site
    r = run(nlp, "The Latvia Education Bureau closed all schools on Monday. The Estonia "
                 "Legislature met on Tuesday. Staff at the Tallinn Health Care Campus walked "
                 "out. Police searched the Kiri Industrial Estate near Yaren.")
    types = _types(r)
    assert types.get("Latvia Education Bureau") is T.GOVERNMENT_BODY, types
    assert types.get("Estonia Legislature") is T.GOVERNMENT_BODY, types
    assert types.get("Tallinn Health Care Campus") is T.PLACE, types
    assert types.get("Kiri Industrial Estate") is T.PLACE, types


def test_chambers_prosecutions_directorates_and_crisis_centres_are_government_bodies(nlp):
    # a head of several words, "of" included, names the body: a chamber of a legislature,
    # a directorate-general, a public prosecution, a management or coordination centre
    r = run(nlp, "The Chamber of Deputies rejected the bill on Monday. The Directorate-General "
                 "of Roads closed the highway. The National Crisis Management Centre said 12 "
                 "people died. The House of Commons of Jamaica met on Tuesday. Floods hit "
                 "Nassarawa Local Government Area.")
    types = _types(r)
    for name in ("Chamber of Deputies", "Directorate-General of Roads",
                 "National Crisis Management Centre"):
        assert types.get(name) is T.GOVERNMENT_BODY, (name, types)
    assert any(t is T.GOVERNMENT_BODY for n, t in types.items() if "House of Commons" in n), types
    assert types.get("Nassarawa Local Government Area") is T.REGION, types


def test_a_possessive_ending_is_no_part_of_a_bodys_head(nlp):
    # the model may keep "'s" in the span ("the Social Welfare Department's portal"); the
    # head noun before it still gives the kind
    r = run(nlp, "According to the Botswana Social Welfare Department's portal, 4,100 people "
                 "were sheltering in Maun. The Defence Ministry's engineers rebuilt the bridge.")
    types = _types(r)
    assert any(t is T.GOVERNMENT_BODY for n, t in types.items()
               if "Social Welfare Department" in n), types
    assert any(t is T.GOVERNMENT_BODY for n, t in types.items() if "Defence Ministry" in n), types
