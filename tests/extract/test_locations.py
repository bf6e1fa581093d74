"""LocatedIn (kg/extract/locations.py) on invented sentences: what the text states, the
gazetteer, containers of containers, the document's country and the dateline city."""

from __future__ import annotations

from kg.records import EntityType
from tests.extract.event_helpers import facts_of, located_pairs, names, run


def test_a_village_in_a_province_lies_in_the_province_and_its_country(nlp):
    r = run(nlp, "Artillery hit Kachar, in Lori province, on Monday, Armenia said.")
    pairs = located_pairs(r)
    assert ("Kachar", "Lori province") in pairs
    assert ("Kachar", "Armenia") in pairs
    assert ("Lori province", "Armenia") in pairs


def test_a_place_comma_region_and_a_list_is_no_container(nlp):
    r = run(nlp, "The storm made landfall over Palanan, Cagayan, in the Philippines. Schools "
                 "closed in Tuguegarao, Aparri and Claveria.")
    pairs = located_pairs(r)
    assert ("Palanan", "Cagayan") in pairs
    assert not any(p == "Tuguegarao" and c in ("Aparri", "Claveria") for p, c in pairs)


def test_a_demonym_before_the_kind_names_the_country(nlp):
    r = run(nlp, "Rockets hit the Turkish town of Akcakale. Syria denied it; Syria's army "
                 "said Damascus was calm.")
    pairs = located_pairs(r)
    assert ("Akcakale", "Syria") not in pairs  # a demonym's country outranks the document's


def test_a_district_of_a_city_lies_in_the_city(nlp):
    r = run(nlp, "He was arrested at his home in the Kololo district of Kampala. Uganda's "
                 "police said he was held in Kampala.")
    pairs = located_pairs(r)
    assert ("Kololo", "Kampala") in pairs
    assert ("Kololo", "Uganda") in pairs
    assert ("Kampala", "Uganda") in pairs


def test_the_capitals_neighbourhoods_lie_in_the_capital(nlp):
    r = run(nlp, "Kenya's police said shops in the capital's Kibera and Mathare slums were "
                 "looted. Nairobi was calm on Tuesday. Kenya's president spoke.")
    pairs = located_pairs(r)
    assert ("Kibera", "Nairobi") in pairs and ("Mathare", "Nairobi") in pairs


def test_a_place_nothing_places_lies_in_the_documents_country(nlp):
    r = run(nlp, "Gunmen attacked the village of Tagalvo on Sunday, Peru's army said. Peru "
                 "sent troops.")
    assert ("Tagalvo", "Peru") in located_pairs(r)


def test_a_large_city_wins_over_a_small_namesake_in_a_named_country(nlp):
    r = run(nlp, "The truce took effect at 21:45 (22:45 Moscow time), the United States "
                 "said. Moscow welcomed it.")
    assert ("Moscow", "United States") not in located_pairs(r)


def test_a_town_lies_in_the_state_geonames_gives_it(nlp):
    # GeoNames' first-level unit of a town the text names only with the state elsewhere
    r = run(nlp, "Gunmen attacked Gusau overnight, police said. The governor of Zamfara "
                 "State said Nigeria's army had sent troops.")
    pairs = located_pairs(r)
    assert any(p == "Gusau" and c.startswith("Zamfara") for p, c in pairs)


def test_a_district_lies_in_the_region_of_its_towns(nlp):
    # the district "Gulu" is the second-level unit of the town Gulu, in Northern Region
    r = run(nlp, "Floods displaced 4,000 people in Gulu district, Uganda's disaster "
                 "ministry said, and relief trucks reached the Northern Region on Friday.")
    pairs = located_pairs(r)
    assert any(p.startswith("Gulu") and c == "Northern Region" for p, c in pairs)
    assert not any(p == "Northern Region" and c.startswith("Gulu") for p, c in pairs)


def test_an_apposition_puts_a_town_in_its_district(nlp):
    r = run(nlp, "Police imposed a curfew on the town of Kalemba, a trading centre in "
                 "Mangochi district, on Sunday, Malawi's police said.")
    pairs = located_pairs(r)
    assert any(p == "Kalemba" and c.startswith("Mangochi") for p, c in pairs)


def test_a_district_of_the_capital_lies_in_the_capital(nlp):
    r = run(nlp, "Eleven people died overnight in Carrefour-Feuilles, a district of the "
                 "capital, the police of Haiti said. Shops in Port-au-Prince stayed shut.")
    assert ("Carrefour-Feuilles", "Port-au-Prince") in located_pairs(r)


def test_a_site_named_after_a_town_stands_in_it(nlp):
    r = run(nlp, "Gunmen stormed the Jacmel civil prison overnight and freed 200 inmates, "
                 "Haiti's police said. Jacmel was calm on Sunday.")
    assert ("Jacmel civil prison", "Jacmel") in located_pairs(r)
    r = run(nlp, "Insurgents seized the port of Beira on Sunday, Mozambique's army said. "
                 "Fighting in Beira went on.")
    assert ("port of Beira", "Beira") in located_pairs(r)


def test_a_river_or_island_gets_the_home_citys_country_not_the_city(nlp):
    r = run(nlp, "Boats reached Inhaca island on Monday, officials in Maputo said. Shops in "
                 "Maputo stayed shut and Maputo's mayor asked Mozambique's government for "
                 "help. The Limpopo River rose overnight.")
    pairs = located_pairs(r)
    assert ("Inhaca island", "Mozambique") in pairs and ("Limpopo River", "Mozambique") in pairs
    assert ("Inhaca island", "Maputo") not in pairs and ("Limpopo River", "Maputo") not in pairs


def test_no_document_country_for_a_city_known_only_abroad_or_a_continent(nlp):
    r = run(nlp, "Envoys met in Washington on Monday. Honduras said the talks in Tegucigalpa "
                 "would resume, and Europe would send observers to Honduras.")
    pairs = located_pairs(r)
    assert ("Tegucigalpa", "Honduras") in pairs
    assert ("Washington", "Honduras") not in pairs and ("Europe", "Honduras") not in pairs


def test_the_a_and_b_townships_of_a_city_lie_in_the_city(nlp):
    r = run(nlp, "Most of them died in the Kawale and Chinsapo townships of Lilongwe, "
                 "Malawi's police said. Officials in Mzuzu said.")
    pairs = located_pairs(r)
    assert ("Kawale", "Lilongwe") in pairs and ("Chinsapo", "Lilongwe") in pairs
    assert not any(c in ("Kawale", "Chinsapo") for _p, c in pairs)


def test_a_square_lies_in_the_capital_named_as_often_as_any_other_town(nlp):
    # the capital ties with another town: squares and palaces are mostly the capital's
    r = run(nlp, "Riot police in Quito fired tear gas at marchers on Monday, Ecuador's "
                 "government said. Thousands later gathered in Plaza Grande. Shops in "
                 "Guayaquil stayed shut, and a curfew was imposed in Guayaquil and Quito.")
    pairs = located_pairs(r)
    assert ("Plaza Grande", "Quito") in pairs and ("Plaza Grande", "Guayaquil") not in pairs


def test_no_home_city_from_another_country(nlp):
    r = run(nlp, "Troops guarded Camp Ravenna on Monday, Honduras's army said. Envoys met "
                 "in Managua and Managua's mayor said the talks in Managua went well.")
    assert not any(p == "Camp Ravenna" and c == "Managua" for p, c in located_pairs(r))


def test_a_region_the_model_leaves_untagged_after_a_compass_word_or_before_a_body(nlp):
    # "in southern X", "the X provincial towns": a name the gazetteer knows only as a region
    r = run(nlp, "Floods are expected in southern Cagayan and in the Zambales mountains.")
    assert any(e.name == "Cagayan" and e.type is EntityType.REGION for e in r.entities)
    r = run(nlp, "Shops were shut, and the Apurimac regional government declared a state of "
                 "emergency.")
    assert any(e.type is EntityType.REGION and e.name.startswith("Apur") for e in r.entities)


def test_a_name_ending_in_a_region_word_is_a_region(nlp):
    # the model calls "X Metropolitan Region" and "X State" organisations
    r = run(nlp, "Looting spread to Maipú, in the west of the Valparaíso Metropolitan Region, "
                 "on Sunday.")
    region = next(e for e in r.entities if e.name == "Valparaíso Metropolitan Region")
    assert region.type is EntityType.REGION
    assert ("Maipú", "Valparaíso Metropolitan Region") in located_pairs(r)
    r = run(nlp, "The Ondo State police command said 12 people died.")
    assert any(e.type is EntityType.REGION and e.name.startswith("Ondo") for e in r.entities)


def test_a_hyphen_in_the_geonames_unit_name_compares_as_a_space(nlp):
    # GeoNames writes the town's district "Al-Zubair District"; the text "Al Zubair"
    r = run(nlp, "Dockers went on strike in Umm Qasr on Monday, and the governor said "
                 "protests had spread across the Al Zubair district of Iraq.")
    assert ("Umm Qasr", "Al Zubair district") in located_pairs(r)


def test_a_site_the_model_calls_a_product_or_law_is_a_place(nlp):
    # the small model tags "Air Base 172" a product and "the Unity Monument" a law
    r = run(nlp, "Chad pulled its last 200 soldiers out of Air Base 172 on Sunday. "
                 "Protesters marched to the Unity Monument in Lusaka.")
    for name in ("Air Base 172", "Unity Monument"):
        found = [e for e in r.entities if e.name == name]
        assert found and found[0].type is EntityType.PLACE, name
    assert ("Unity Monument", "Lusaka") in located_pairs(r)


def test_a_name_geonames_lacks_told_with_the_city_is_its_neighbourhood(nlp):
    r = run(nlp, "Police fired tear gas at students outside the minister's residence in "
                 "Kisenyi on Tuesday, as unrest spread across Kampala.")
    assert ("Kisenyi", "Kampala") in located_pairs(r)


def test_a_town_listed_with_the_city_or_told_apart_is_no_neighbourhood(nlp):
    r = run(nlp, "Schools were closed in Kampala and Lutembera on Tuesday, Uganda's education "
                 "ministry said. Rebels attacked the village of Amuriat on Monday. The army "
                 "said in Kampala that it had sent troops.")
    pairs = located_pairs(r)
    assert ("Lutembera", "Uganda") in pairs
    assert not any(p in ("Lutembera", "Amuriat") and c == "Kampala" for p, c in pairs)


def test_a_kind_noun_after_a_noun_modifier_types_the_name(nlp):
    # "the port town of X", "the mining village of X": the noun before "of" still says
    r = run(nlp, "The rebellion began with a raid on the port town of Mocímboa da Praia in "
                 "2017. Soldiers reached the mining village of Kalembe Ndusi on Friday.")
    for name in ("Mocímboa da Praia", "Kalembe Ndusi"):
        found = [e for e in r.entities if e.name == name]
        assert found and found[0].type is EntityType.CITY, name


def test_the_outskirts_of_a_name_is_a_place(nlp):
    # the model tags "Maroun al-Ras" a person; "the outskirts of" says it is a place
    r = run(nlp, "Shells landed on the outskirts of Maroun al-Ras overnight.")
    found = [e for e in r.entities if e.name == "Maroun al-Ras"]
    assert found and found[0].type is EntityType.CITY


def test_a_possessed_region_is_the_container_not_its_country(nlp):
    # "X in Mali's Mopti region": X lies in the region (and through it in Mali)
    r = run(nlp, "Gunmen attacked Zanga village in Mali's Mopti region. Niger condemned it.")
    pairs = located_pairs(r)
    assert ("Zanga village", "Mopti") in pairs
    assert ("Zanga village", "Mali") in pairs


def test_a_compass_word_between_possessor_and_region(nlp):
    r = run(nlp, "Rebels seized villages in Cameroon's northern Mayo-Tsanaga department, "
                 "Nigeria and Chad said.")
    assert ("Mayo-Tsanaga department", "Cameroon") in located_pairs(r)


def test_an_apposition_inside_or_within_a_country_places_the_region(nlp):
    r = run(nlp, "The first war over Ogaden, a dry region inside Ethiopia's old borders "
                 "then claimed by Somalia, broke out in 1977. Fighting resumed in Cabinda, "
                 "an enclave within Angola, on Monday, Congo said.")
    pairs = located_pairs(r)
    assert ("Cabinda", "Angola") in pairs
    assert ("Ogaden", "Ethiopia") in pairs


def test_a_site_named_after_another_town_is_not_put_in_the_home_city(nlp):
    r = run(nlp, "Relief flights landed at Tacloban Airport on Friday, officials in Manila said. "
                 "Protesters gathered at Rizal Park in Manila.")
    pairs = located_pairs(r)
    assert not any(p == "Tacloban Airport" and c == "Manila" for p, c in pairs)
    assert ("Rizal Park", "Manila") in pairs


def test_congo_is_the_country_of_the_towns_the_story_names(nlp):
    # a story from Bukavu and Uvira says "Congo" for the Democratic Republic of the Congo
    r = run(nlp, "Fighting spread from Bukavu to Uvira on Monday, Congo's army said. The "
                 "army sent troops to Uvira.")
    congo = next(e for e in r.entities if e.type is EntityType.COUNTRY)
    assert congo.country_code == "CD"
    assert ("Bukavu", "Congo") in located_pairs(r)


def test_a_town_lies_in_its_province_named_with_an_english_compass_word(nlp):
    # GeoNames gives Rutshuru the first-level unit "Nord Kivu"; the text writes North Kivu
    r = run(nlp, "Rebels entered the town of Rutshuru on Monday. Thousands fled across North Kivu, "
                 "Congo's army said.")
    assert ("Rutshuru", "North Kivu") in located_pairs(r)


def test_a_letterhead_country_and_its_towns_outweigh_the_donors_named(nlp):
    # a Fijian release names Fiji only in its letterhead, its donor three times
    text = ("REPUBLIC OF FIJI\nPRIME MINISTER'S OFFICE\n\nA cyclone struck Lautoka on "
            "Monday. Homes in Lautoka and the village of Vuda were destroyed. Japan "
            "sent tents, Japan sent water and Japan sent a ship to Lautoka. Schools in "
            "Lautoka stay closed and the Lautoka market is shut; power in Lautoka is out.")
    pairs = located_pairs(run(nlp, text))
    assert ("Vuda", "Japan") not in pairs
    assert ("Vuda", "Fiji") in pairs


def test_an_all_caps_country_name_in_a_letterhead_is_the_country(nlp):
    r = run(nlp, "REPUBLIC OF KENYA\nMINISTRY OF INTERIOR\n\nA curfew is imposed in Eldoret "
                 "from Monday.")
    kenya = [e for e in r.entities if e.type is EntityType.COUNTRY]
    assert [e.country_code for e in kenya] == ["KE"]
    assert ("Eldoret", "Kenya") in located_pairs(r)


def test_a_country_inside_an_all_caps_body_name_is_no_country(nlp):
    r = run(nlp, "GHANA POLICE SERVICE\n\nPolice arrested 12 people in Tamale on Monday.")
    assert not any(e.type is EntityType.COUNTRY for e in r.entities)


def test_a_town_is_in_the_province_it_is_the_capital_of(nlp):
    r = run(nlp, "In Kindu, the provincial capital of Maniema province, the governor imposed a "
                 "curfew, Congo's army said.")
    assert ("Kindu", "Maniema") in located_pairs(r)


def test_a_place_before_a_title_apposition_is_no_person(nlp):
    # "the capital of North Kivu, the military governor, X": North Kivu is the place
    r = run(nlp, "In Bukavu, the provincial capital of South Kivu, the military governor, "
                 "Gen. Tomas Ilunga, imposed a curfew, Congo's army said.")
    assert not any(e.type is EntityType.PERSON and "Kivu" in e.name for e in r.entities)


def test_a_part_of_a_continent_is_in_no_country(nlp):
    r = run(nlp, "Bishkek is the most open capital in Central Asia, the president of "
                 "Kyrgyzstan said. Kyrgyzstan held a vote.")
    assert not any(p == "Central Asia" for p, _ in located_pairs(r))


def test_the_zones_of_a_region_lie_in_the_region(nlp):
    # "the A, B and C zones of the Y region": each unit of the list in the named unit
    r = run(nlp, "The government declared an emergency in the Bale, Arsi and Guji zones of "
                 "the Oromia region, Ethiopia said.")
    pairs = located_pairs(r)
    assert {("Arsi", "Oromia"), ("Guji", "Oromia"), ("Bale", "Oromia")} <= pairs


def test_a_district_of_a_province_lies_in_the_province(nlp):
    r = run(nlp, "Troops moved into Rutshuru territory of North Kivu province, Congo's army "
                 "said.")
    assert ("Rutshuru", "North Kivu") in located_pairs(r)


def test_a_town_in_a_district_the_model_took_for_a_town(nlp):
    # "a town in Mukono district": the district's name, tagged a town, is the container
    r = run(nlp, "Mulenga, the 52-year-old leader of the Uganda Renewal Party (URP), was "
                 "arrested by police on Friday in Kasoga, a town in Buikwe district east of "
                 "the capital, minutes after a rally.")
    assert any(p == "Kasoga" and c.startswith("Buikwe") for p, c in located_pairs(r))


def test_a_region_of_the_world_lies_in_no_country(nlp):
    r = run(nlp, "Libya's oil is key to the Middle East, Libya's premier said. Tripoli was "
                 "calm.")
    assert not any(p == "Middle East" for p, _ in located_pairs(r))


def test_a_town_lies_in_the_region_the_sentence_opens_in(nlp):
    r = run(nlp, "Further south, in Nampula province, gunmen entered the town of Mecuburi "
                 "on Monday, Mozambique's army said.")
    assert ("Mecuburi", "Nampula") in located_pairs(r)
    r = run(nlp, "In Kivu province, rebels said the city of Kinshasa was calm.")
    assert not any(p == "Kinshasa" and c.startswith("Kivu") for p, c in located_pairs(r))


def test_a_countrys_short_name_is_the_country_never_a_place_inside_another(nlp):
    # "US"/"UK" before a body: the country (demonyms.jsonl short_names), so never put in
    # the story's country or city
    r = run(nlp, "The US embassy in Lilongwe urged calm, and the UK embargo on Malawi was "
                 "criticised. Malawi's president spoke in Lilongwe.")
    types = {e.name: e.type for e in r.entities}
    assert types.get("United States") is EntityType.COUNTRY
    assert types.get("United Kingdom") is EntityType.COUNTRY
    pairs = located_pairs(r)
    assert not any(p in ("US", "United States", "UK", "United Kingdom") for p, _ in pairs)


def test_a_state_house_or_hospital_is_a_site_in_the_dateline_city(nlp):
    r = run(nlp, "The new ministers were sworn in at Government House on Monday. The injured "
                 "were taken to Kasama General Hospital. Zambia's president spoke in Lusaka "
                 "and Lusaka was calm.")
    types = {e.name: e.type for e in r.entities}
    assert types.get("Government House") is EntityType.PLACE
    assert types.get("Kasama General Hospital") is EntityType.PLACE
    assert ("Government House", "Zambia") in located_pairs(r)


def test_a_hospital_that_speaks_is_a_body(nlp):
    r = run(nlp, "Kitwe Central Hospital said it had treated 40 people, Zambia's police said.")
    types = {e.name: e.type for e in r.entities}
    assert types.get("Kitwe Central Hospital") is EntityType.ORGANIZATION


def test_a_denominations_church_is_a_body_and_a_numbered_base_a_site(nlp):
    r = run(nlp, "The Anglican Church condemned the arrests in Harare. Soldiers took over "
                 "Air Base 301 near Gweru, Zimbabwe's army said.")
    types = {e.name: e.type for e in r.entities}
    assert types.get("Anglican Church") is EntityType.ORGANIZATION
    assert types.get("Air Base 301") is EntityType.PLACE
    assert not any(p == "Anglican Church" for p, _ in located_pairs(r))


def test_the_citys_districts_of_a_list_lie_in_the_city(nlp):
    # "the <City> districts of A, B and C": parts of the city whatever the model typed them
    r = run(nlp, "In the Nairobi districts of Kibera Flats, Mathare North and Githurai, crowds "
                 "blocked streets, Kenya's police said.")
    pairs = located_pairs(r)
    for part in ("Kibera Flats", "Mathare North", "Githurai"):
        assert (part, "Nairobi") in pairs


def test_a_district_of_a_sentence_that_opens_in_a_city_lies_in_it(nlp):
    r = run(nlp, "In Kumasi, police fired tear gas at protesters in the Asafo district on "
                 "Wednesday, Ghana's police said. Accra was calm. Accra's mayor spoke in Accra.")
    types = {e.name: e.type for e in r.entities}
    asafo = next(n for n in types if n.startswith("Asafo"))
    assert types[asafo] is EntityType.PLACE
    assert (asafo, "Kumasi") in located_pairs(r)
    assert (asafo, "Accra") not in located_pairs(r)


def test_people_and_utilities_the_model_calls_places_are_not_placed(nlp):
    # "who gave her name only as X", "X, director general of ...", "the utility X",
    # "X billing office": a person, a person, a body, the body again
    r = run(nlp, '"We are hungry," one of its organisers, a student who gave her name only '
                 "as Tiana, told AFP in Kumasi. The president dismissed Kojo Antwi Boateng, "
                 "director general of the state water and electricity utility GWCL. "
                 "Protesters torched a GWCL billing office in Kumasi, Ghana's police said.")
    types = {e.name: e.type for e in r.entities}
    assert types.get("Tiana") is EntityType.PERSON
    assert types.get("GWCL") is EntityType.ORGANIZATION
    placed = {p for p, _ in located_pairs(r)}
    assert not placed & {"Tiana", "GWCL", "Kojo Antwi Boateng"}


def test_an_institution_site_that_acts_is_the_body(nlp):
    # "State House spokeswoman X" makes State House the presidency, not a building to
    # place; "the National Hospital of <Country>" is the national institution
    r = run(nlp, '"We will deliver," State House spokeswoman Jane Wanjiru told Reuters. The '
                 "new ministers will be sworn in at State House on Monday. At least 12 people "
                 "were treated at the National Hospital of Uganda, a hospital official said "
                 "in Kampala.")
    types = {e.name: e.type for e in r.entities}
    assert types.get("State House") is EntityType.ORGANIZATION
    assert types.get("National Hospital of Uganda") is EntityType.ORGANIZATION
    assert not any(p in ("State House", "National Hospital of Uganda") for p, _ in located_pairs(r))


def test_a_city_quarter_called_a_district_lies_in_the_dateline_city(nlp):
    # "in the X district" with no city after it, in a wire datelined from a city: a name
    # GeoNames knows as no unit or town is a quarter of that city; a known district is not
    from tests.extract.test_entities import run as run_text

    r = run_text(nlp, "LUSAKA, May 4 (Reuters) - Police detained two activists at their "
                      "homes in the Kabulonga district on Tuesday and three more in the "
                      "Mumbwa district, Zambia's police said.")
    pairs = located_pairs(r)
    quarter = next(p for p, _ in pairs if p.startswith("Kabulonga"))
    assert (quarter, "Lusaka") in pairs
    assert not any(p.startswith("Mumbwa") and c == "Lusaka" for p, c in pairs)


def test_an_apposition_that_calls_a_name_a_residence_makes_it_a_place_in_the_city(nlp):
    r = run(nlp, "Protesters broke through the gates of Osu Lodge, the president's official "
                 "residence in Accra, on Friday, Ghana's police said.")
    types = {e.name: e.type for e in r.entities}
    assert types.get("Osu Lodge") is EntityType.PLACE
    assert ("Osu Lodge", "Accra") in located_pairs(r)


def test_a_theatre_in_a_town_is_a_place_in_it(nlp):
    r = run(nlp, "Several thousand people gathered outside the Regional Theatre in Kumasi on "
                 "Saturday, Ghana's police said.")
    types = {e.name: e.type for e in r.entities}
    assert types.get("Regional Theatre") is EntityType.PLACE
    assert ("Regional Theatre", "Kumasi") in located_pairs(r)


def test_a_list_after_a_comma_is_no_apposition_and_a_name_starts_a_word(nlp):
    # "to protect X, the Y building in Z and other buildings": X is listed with the
    # building, not placed in Z; "Place du 12-Juin, the square in ...": "Juin" is no name
    r = run(nlp, "Soldiers were sent to protect Ridge House, the parliament building in "
                 "Osu and other key buildings in Accra. Crowds marched on the Place du "
                 "12-Juin, the square in central Cotonou, Benin's police said.")
    pairs = located_pairs(r)
    assert ("Ridge House", "Osu") not in pairs
    assert not any(e.name == "Juin" for e in r.entities)


def test_a_long_apposition_with_no_possessive_is_no_descriptor(nlp):
    # "In a statement on X, the party called its leader ...": "leader" does not describe X
    r = run(nlp, "In a statement on X, the FDPZ called its leader a political prisoner, "
                 "Zambia's police said.")
    types = {e.name: e.type for e in r.entities}
    assert types.get("X") is not EntityType.PERSON


def test_a_comma_chain_of_units_is_read_as_containment(nlp):
    # "in Town, X Chiefdom, Y District, on ...": no "and" ends the names, so they are no
    # list but a town in its chiefdom in its district; units of two kinds joined by a
    # comma, the first in the second
    r = run(nlp, "The riot occurred in Kasenda, Mpika Chiefdom, Chinsali District, on "
                 "Monday. Troops were sent to Chongwe District, Lusaka Province, Zambia's "
                 "army said. Schools closed in Kitwe, Ndola and Kabwe.")
    types = {e.name: e.type for e in r.entities}
    assert types.get("Mpika Chiefdom") is EntityType.REGION
    assert types.get("Chinsali District") is EntityType.REGION
    pairs = located_pairs(r)
    assert ("Kasenda", "Mpika Chiefdom") in pairs
    assert ("Mpika Chiefdom", "Chinsali District") in pairs
    assert ("Kasenda", "Chinsali District") in pairs
    assert ("Chongwe District", "Lusaka Province") in pairs
    assert not any(p == "Kitwe" and c in ("Ndola", "Kabwe") for p, c in pairs)


def test_a_capitalised_department_or_state_is_no_unit_name(nlp):
    # "the Criminal Investigations Department", "Islamic State": a body's or group's name
    r = run(nlp, "The Criminal Investigations Department arrested two men in Kitwe, "
                 "Zambia's police said.")
    types = {e.name: e.type for e in r.entities}
    assert types.get("Criminal Investigations Department") is not EntityType.REGION


def test_a_name_with_a_unit_noun_inside_is_no_unit(nlp):
    r = run(nlp, "Fighters of the Islamic State Lake Province attacked Kasenda, Zambia's "
                 "army said.")
    types = {e.name: e.type for e in r.entities}
    assert all(t is not EntityType.REGION for n, t in types.items() if "State" in n)


def test_a_name_never_used_as_a_place_gets_no_country(nlp):
    # the model's guess of a place for a name GeoNames does not know, never after "in",
    # "at" or "near" and with no kind noun: no country of the document is guessed for it;
    # nor for a word in lower case or a bare head noun
    r = run(nlp, "Zambia's police said Mwansabombwe has denied any wrongdoing. Chilufya was "
                 "sentenced in absentia. The Church has been a target. Troops were sent to "
                 "Kasenda, Zambia's army said, and Zambia's president spoke in Lusaka.")
    pairs = located_pairs(r)
    for name in ("Mwansabombwe", "absentia", "Church"):
        assert not any(p == name for p, _ in pairs), name


def test_a_site_noun_inside_a_units_name_does_not_stop_it(nlp):
    # "Port X District": "port" is a site's noun, not a unit's
    r = run(nlp, "The riot occurred in Kasenda, Port Mambwe District, on Monday, Zambia's "
                 "police said.")
    types = {e.name: e.type for e in r.entities}
    assert types.get("Port Mambwe District") is EntityType.REGION



def test_a_name_before_a_comma_and_its_town_is_placed():
    # "Police Headquarters, Kabwata, Lusaka": a name the model alone called a city, with
    # no locative word before it, is still placed when a town follows after a comma
    from kg.extract.home_city import unplaced
    from kg.records import Entity, Mention

    text = "A statement by the Police Headquarters, Kabwata, Lusaka. Chanda denied it."
    at = text.index("Kabwata")
    m = Mention(at, at + 7, "Kabwata", EntityType.CITY, 0, (0, 63), "ner:GPE")
    e = Entity("city:kabwata", "Kabwata", EntityType.CITY, [m])
    assert not unplaced(e, text, frozenset({text.index("Lusaka")}))
    assert unplaced(e, text, frozenset())
    at = text.index("Chanda")
    m = Mention(at, at + 6, "Chanda", EntityType.CITY, 0, (64, 83), "ner:GPE")
    assert unplaced(Entity("city:chanda", "Chanda", EntityType.CITY, [m]), text)


def test_the_sites_of_a_list_before_a_plural_noun_are_places_in_the_region(nlp):
    r = run(nlp, "The Mwami and Nakonde crossings in the Muchinga region were closed on "
                 "Monday, Zambia's interior ministry said.")
    types = {e.name: e.type for e in r.entities}
    assert types.get("Mwami") is EntityType.PLACE and types.get("Nakonde") is EntityType.PLACE
    pairs = located_pairs(r)
    assert any(p == "Nakonde" and c.startswith("Muchinga") for p, c in pairs)
    assert any(p == "Mwami" and c.startswith("Muchinga") for p, c in pairs)


def test_a_place_beside_a_town_or_listed_with_others_is_not_in_it(nlp):
    # "X, west of Y" puts X beside Y; "in A, B, C and the D Province" is a list whatever
    # type the last name has
    r = run(nlp, "The six were taken to Kamfinsa prison, west of Kitwe, on Monday. Searches "
                 "were conducted in Ndola, Kabwe, Chingola and the Luapula Province, "
                 "Zambia's police said.")
    pairs = located_pairs(r)
    assert not any(p.startswith("Kamfinsa") and c == "Kitwe" for p, c in pairs)
    assert not any(p in ("Ndola", "Kabwe") and c in ("Kabwe", "Chingola") for p, c in pairs)


def test_a_border_crossing_is_not_in_the_dateline_city(nlp):
    from tests.extract.test_entities import run as run_text

    r = run_text(nlp, "LUSAKA, May 4 (Reuters) - The Chanika border crossing was closed on "
                      "Monday after clashes, Zambia's police said.")
    pairs = located_pairs(r)
    assert any(p.startswith("Chanika") for p, _ in pairs)
    assert not any(p.startswith("Chanika") and c == "Lusaka" for p, c in pairs)


def test_a_village_in_a_unit_nothing_places_still_gets_the_dateline_city(nlp):
    # "a depot at X in Y Local Government Area" in a wire datelined from a city: the
    # unit GeoNames does not know places X in no country, so the dateline city still does
    from tests.extract.test_entities import run as run_text

    r = run_text(nlp, "LUSAKA, May 4 (Reuters) - Looters broke into shops in Lusaka and a "
                      "depot at Kalundu in Mwembeshi Local Government Area on Monday, police "
                      "said.")
    pairs = located_pairs(r)
    assert any(p == "Kalundu" and c.startswith("Mwembeshi") for p, c in pairs)
    assert ("Kalundu", "Lusaka") in pairs
    # the unit itself, told in one sentence with the city, lies in it
    assert ("Mwembeshi Local Government Area", "Lusaka") in pairs


def test_a_unit_that_holds_the_dateline_town_is_not_in_it(nlp):
    from tests.extract.test_entities import run as run_text

    r = run_text(nlp, "MPIKA, May 4 (Reuters) - Youths rioted in Mpika, Chambeshi Chiefdom, "
                      "Luchembe District, on Monday, police said.")
    pairs = located_pairs(r)
    assert any(p == "Mpika" and c.startswith("Luchembe") for p, c in pairs)
    assert not any(p.startswith("Luchembe") and c == "Mpika" for p, c in pairs)


def test_a_letterhead_address_makes_the_home_country_over_a_donor_named_more(nlp):
    # a Palauan government release names its donor more often than Palau itself: the
    # letterhead ("Town, Country") says whose towns, offices and police these are
    text = ("REPUBLIC OF PALAU\nOFFICE OF THE PRESIDENT\nNgerulmud, Palau\n\n"
            "A storm flooded the village of Ngchesar on Monday and cut the road to "
            "Airai. Japan sent tents, Japan sent water and Japan sent a ship. Japan "
            "also pledged $2 million and Japan will send engineers. President Kalen "
            "Ongesii thanked Japan. The Commissioner of Police, Dirk Rengulbai, imposed "
            "a curfew in Ngchesar.")
    r = run(nlp, text)
    pairs = located_pairs(r)
    assert ("Ngchesar", "Japan") not in pairs
    assert ("Ngchesar", "Palau") in pairs
    owners = {names(r, f.roles.get("organization")).pop() for f in facts_of(r, "Position")
              if names(r, f.roles["holder"]) == {"Kalen Ongesii"} and f.roles.get("organization")}
    assert owners == {"Palau"}


def test_a_menu_line_naming_a_country_is_no_letterhead(nlp):
    # a copied page's menu ("Home / World / Japan") names no issuer
    text = ("Skip to content\nHome\nWorld\nPalau\nJapan\n\n"
            "A storm flooded the village of Ngchesar on Monday. Japan sent tents, Japan "
            "sent water and Japan sent a ship, Japan said, and Japan will send more.")
    from kg.extract.letterhead import letterhead_country
    from tests.extract.event_helpers import one_update

    doc, unit = one_update(text)
    r = run(nlp, text)
    mentions = [m for e in r.entities for m in e.mentions]
    assert letterhead_country(doc.text, [unit], mentions) is None


def test_a_site_told_beside_a_town_is_not_in_the_dateline_city(nlp):
    # "X, west of Y", "X, on the outskirts of Y", "X, a base near the city of Y": the site
    # stands outside the town, so the dateline city is no container for it
    r = run(nlp, "GABORONE (Reuters) - Inmates rioted at Motshegare Prison, west of Gaborone, "
                 "on Monday, and troops were sent to Kweneng Air Base, a base near the "
                 "city of Molepolole. Protesters later marched to Tlotlo Square, police in "
                 "Gaborone said.")
    pairs = located_pairs(r)
    assert ("Motshegare Prison", "Gaborone") not in pairs
    assert ("Kweneng Air Base", "Gaborone") not in pairs
    assert ("Tlotlo Square", "Gaborone") in pairs


def test_a_square_named_like_a_far_town_stays_in_the_dateline_city(nlp):
    # "Victoria Square": a square or palace is named after people and events as often
    # as after towns; a namesake town the text never names does not move it
    r = run(nlp, "GABORONE (Reuters) - Protesters marched to Francistown Square on Monday "
                 "and police fired tear gas near the square, police in Gaborone said.")
    assert ("Francistown Square", "Gaborone") in located_pairs(r)
