"""GeoNames / ISO linking: renamed cities, ambiguity, countries."""

from __future__ import annotations

from kg.records import EntityType as T
from kg.resolve.places import country_code, fold, fold_many, gazetteer


def test_fold_matches_caps_accents_and_article():
    assert fold("SAINT-DENIS") == fold("Saint-Denis")
    assert fold("Zürich") == "zurich"
    assert fold("the Netherlands") == "netherlands"


def test_renamed_city_resolves_to_the_current_record():
    place = gazetteer().link("Bombay", T.CITY)
    assert place is not None and place.geonames_id == 1275339 and place.name == "Mumbai"
    assert place.iri == "https://sws.geonames.org/1275339/"
    assert place.lat is not None and place.long is not None


def test_ambiguous_city_is_left_unlinked_unless_the_document_decides():
    gaz = gazetteer()
    assert len(gaz.city_candidates("Springfield")) > 1
    assert gaz.link("Springfield", T.CITY) is None
    assert gaz.link("Lagos", T.CITY) is None
    assert gaz.link("Lima", T.CITY) is None  # Peru and Ohio
    lagos = gaz.link("Lagos", T.CITY, countries={"NG"})
    assert lagos is not None and lagos.country_code == "NG"


def test_countries_by_short_and_official_name_with_iso_code():
    gaz = gazetteer()
    for name in ("Kenya", "Republic of Kenya", "the Republic of Kenya"):
        place = gaz.link(name, T.COUNTRY)
        assert place is not None and country_code(place) == "KE"
    assert gaz.place_type("Bolivia") is T.COUNTRY
    assert gaz.place_type("Ohio") is T.REGION
    assert gaz.link("Qwertyville", T.PLACE) is None


def test_gazetteer_is_built_once():
    assert gazetteer() is gazetteer()


def test_a_large_city_outranks_a_small_namesake_in_another_named_country():
    gaz = gazetteer()
    lagos = gaz.link("Lagos", T.CITY, countries={"NG", "PT"})  # a story naming both
    assert lagos is not None and lagos.country_code == "NG"
    assert gaz.link("Springfield", T.CITY, countries={"US", "CA"}) is None


def test_a_compass_region_name_links_only_in_a_named_country():
    gaz = gazetteer()
    assert gaz.decide("Northern Region", countries={"UG"}) is None or \
        gaz.decide("Northern Region", countries={"UG"}).country_code == "UG"
    assert gaz.link("Northern Region", T.REGION, countries={"UG"}) is None or \
        gaz.link("Northern Region", T.REGION, countries={"UG"}).country_code == "UG"


def test_a_hyphenated_city_is_found_by_the_spaced_name_news_writes():
    # GeoNames writes "Port-Vila"; "Port-au-Prince" is matched by its spaced form too
    assert [p.country_code for p in gazetteer().city_candidates("Port Vila")] == ["VU"]
    assert gazetteer().city_candidates("Port au Prince")[0].country_code == "HT"


def test_a_foreign_compass_word_in_a_unit_name_reads_as_english():
    # ISO 3166-2 "Sud-Kivu", "Haut-Katanga": news writes South Kivu, Upper Katanga
    gaz = gazetteer()
    assert [p.code for p in gaz.regions_named("South Kivu")] == ["CD-SK"]
    assert [p.code for p in gaz.regions_named("Upper Katanga")] == ["CD-HK"]


def test_a_chinese_province_is_found_without_its_kind_word():
    # ISO 3166-2 "Sichuan Sheng" is the "Sichuan province" of the news
    assert [p.country_code for p in gazetteer().regions_named("Sichuan")] == ["CN"]


def test_a_shared_short_country_name_follows_the_documents_towns():
    from collections import Counter

    gaz = gazetteer()
    assert gaz.country("Congo").country_code == "CG"
    assert gaz.country_among("Congo", Counter({"CD": 2, "RW": 1})).country_code == "CD"
    assert gaz.country_among("Congo", Counter({"CG": 1})).country_code == "CG"
    assert gaz.country_among("Kenya", Counter({"CD": 2})).country_code == "KE"


def test_fold_many_folds_each_text_as_fold_does():
    texts = ["SAINT-DENIS", "Zürich", "the Netherlands", "The  Hague ", " Tórshavn",
             "Kettering’s Ford", "ΣΑΣ Οδός", "Straße", "ﬁeld Ⅻ", "", "the", "the ",
             "Line\nbreak", "tab\there", "e\u0301\u0327", "\u0301start", "İzmir", "x\x00y",
             "ǅemal", "\u00a0Nbsp\u00a0"]
    assert fold_many(texts) == [fold(t) for t in texts]  # with a NUL: one by one
    clean = [t for t in texts if "\x00" not in t]
    assert fold_many(clean) == [fold(t) for t in clean]
    for i in range(len(clean)):  # each mark stays with its own text
        assert fold_many(clean[i:] + clean[:i]) == [fold(t) for t in clean[i:] + clean[:i]]
    assert fold_many([]) == [] and fold_many([""]) == [""]


def test_fold_many_folds_the_geonames_town_names_as_fold_does():
    import json

    from kg.resolve.admin import admin_index

    raw = admin_index()._raw
    if not raw:
        return
    names = [row["city"] for row in json.loads(raw)]
    assert fold_many(names) == [fold.__wrapped__(n) for n in names]
