"""Membership, Position (apposition), PartOf, LocatedIn; and merging across updates."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.extract.event_helpers import facts_of, names, run, updates


def test_membership_from_leaders_list_and_named_organisation(nlp):
    r = run(nlp, "The ASEAN leaders will meet on Monday. The summit will see the leaders of "
                 "Thailand, Vietnam and Laos discussing trade.")
    found = facts_of(r, "Membership")
    assert {next(iter(names(r, f.roles["member"]))) for f in found} == {
        "Thailand", "Vietnam", "Laos"}
    assert all(names(r, f.roles["group"]) == {"ASEAN"} for f in found)
    assert all(f.category == "relation" and f.rule == "membership/leaders-of" for f in found)


def test_no_membership_without_an_organisation(nlp):
    r = run(nlp, "The leaders of Thailand, Vietnam and Laos discussed trade.")
    assert facts_of(r, "Membership") == []


def test_position_from_apposition(nlp):
    r = run(nlp, "\"The city is calm,\" the office of Maria Lopez, the governor (prefect) of "
                 "Lima, said on Monday.")
    found = facts_of(r, "Position")
    assert len(found) == 1
    f = found[0]
    assert names(r, f.roles["holder"]) == {"Maria Lopez"}
    assert f.roles["role"] == ["governor (prefect)"]
    assert names(r, f.roles["organization"]) == {"Lima"}


def test_part_of_from_a_name_that_contains_its_organisation(nlp):
    r = run(nlp, "The NATO security council met in Brussels on Monday.")
    found = facts_of(r, "PartOf")
    assert len(found) == 1
    assert names(r, found[0].roles["whole"]) == {"NATO"}


def test_located_in_from_city_comma_country(nlp):
    r = run(nlp, "Protests continued in Lyon, France on Monday.")
    found = facts_of(r, "LocatedIn")
    assert len(found) == 1
    assert names(r, found[0].roles["place"]) == {"Lyon"}
    assert names(r, found[0].roles["container"]) == {"France"}


def test_relations_are_merged_across_updates_and_linked_cities_located(nlp):
    t1 = datetime(2023, 5, 2, 8, 0, tzinfo=UTC)
    t2 = datetime(2023, 5, 2, 9, 0, tzinfo=UTC)
    r = updates(nlp, [("Clashes were reported in Lyon, France on Monday.", t1),
                      ("The situation in Lyon, France is calm. Officials in Marseille spoke "
                       "to the press.", t2)])
    located = facts_of(r, "LocatedIn")
    pairs = sorted((next(iter(names(r, f.roles["place"]))),
                    next(iter(names(r, f.roles["container"])))) for f in located)
    assert pairs == [("Lyon", "France"), ("Marseille", "France")]
    rules = {f.rule for f in located}
    assert rules == {"locatedin/comma", "locatedin/gazetteer"}


def test_an_ongoing_situation_is_one_event_with_its_earliest_date(nlp):
    t1 = datetime(2023, 5, 2, 8, 0, tzinfo=UTC)
    r = updates(nlp, [("Protests broke out in Santiago on 28 April.", t1),
                      ("On 1 May, new protests over bus fares were held in Santiago.", t1),
                      ("The protests continued on Tuesday.", t1)])
    found = facts_of(r, "Protest")
    assert len(found) == 1
    f = found[0]
    assert f.roles["date"][0].value == "2023-04-28"
    assert names(r, f.roles["location"]) == {"Santiago"}
    assert f.roles["cause"]


def test_a_situation_in_another_place_is_another_event(nlp):
    # the gold convention (docs/evaluation.md): protests in two cities are two Protests
    t1 = datetime(2023, 5, 2, 8, 0, tzinfo=UTC)
    r = updates(nlp, [("Protests broke out in Rosario on 28 April.", t1),
                      ("On 1 May, protests over bus fares were held in Mendoza.", t1)])
    found = facts_of(r, "Protest")
    assert sorted(n for f in found for n in names(r, f.roles["location"])) == [
        "Mendoza", "Rosario"]


def test_same_deployment_in_two_updates_is_one_fact(nlp):
    t1 = datetime(2023, 5, 2, 8, 0, tzinfo=UTC)
    t2 = datetime(2023, 5, 2, 9, 0, tzinfo=UTC)
    r = updates(nlp, [("The NATO peacekeepers were deployed to Pristina on Monday.", t1),
                      ("The NATO peacekeepers were deployed to Pristina, officials said.", t2)])
    assert len(facts_of(r, "Deployment")) == 1
    assert len(facts_of(r, "PartOf")) == 1
