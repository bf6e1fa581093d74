"""Events of force, movement and protest (issue 15): general patterns of how news tells
them, each pinned on invented sentences (other names and countries than the dev texts)."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _qty(fact):
    return [q.value for q in fact.roles.get("quantity", [])]


# --- a standing force told as a holding or as staying ----------------------------------
def test_a_force_one_keeps_somewhere_is_deployed_there(nlp):
    r = run(nlp, "Spain, which keeps about 600 troops at a base in Riga, called for calm.")
    (dep,) = facts_of(r, "Deployment")
    assert names(r, dep.roles["agent"]) == {"Spain"}
    assert names(r, dep.roles["theme"]) == {"troops"}
    assert names(r, dep.roles["location"]) == {"Riga"}
    assert _qty(dep) == [600]


def test_a_force_with_its_place_on_the_noun(nlp):
    r = run(nlp, "The Kenya Defence Forces, which have about 3,000 personnel in Somalia, "
                 "did not comment.")
    (dep,) = facts_of(r, "Deployment")
    assert names(r, dep.roles["agent"]) == {"Kenya Defence Forces"}
    assert _qty(dep) == [3000]


def test_a_holder_of_deployed_troops_is_the_agent(nlp):
    r = run(nlp, "The African Union, which has about 14,000 peacekeepers deployed in "
                 "Somalia, opened an inquiry.")
    (dep,) = facts_of(r, "Deployment")
    assert names(r, dep.roles["agent"]) == {"African Union"}


def test_soldiers_who_remain_somewhere_are_deployed_there(nlp):
    r = run(nlp, "About 400 Dutch marines remain in Paramaribo under a training accord.")
    (dep,) = facts_of(r, "Deployment")
    assert names(r, dep.roles["location"]) == {"Paramaribo"}
    assert _qty(dep) == [400]
    for text in ("About 5,000 soldiers remain deployed across the northern provinces.",
                 "About 3,000 troops remain deployed in the north of the country."):
        (dep,) = facts_of(run(nlp, text), "Deployment")
        assert "troops" in str(dep.roles["theme"]) or "soldiers" in str(dep.roles["theme"])


def test_holding_no_force_is_no_deployment(nlp):
    for text in ("The company has 300 employees in Lagos.",
                 "The police have 12 suspects in custody.",
                 "Protesters remained in Tahrir Square."):
        assert not facts_of(run(nlp, text), "Deployment"), text


# --- protests: crowds blocking roads, the cause -----------------------------------------
def test_a_crowd_blocking_a_road_is_a_protest(nlp):
    r = run(nlp, "In Oruro, striking miners blocked the main highway on Monday.")
    (protest,) = facts_of(r, "Protest")
    assert names(r, protest.roles["location"]) == {"Oruro"}
    r = run(nlp, "Hundreds of teachers blocked the roads into Tegucigalpa on Friday.")
    assert facts_of(r, "Protest")


def test_police_blocking_a_road_is_no_protest(nlp):
    r = run(nlp, "Police blocked the roads into Asunción on Friday.")
    assert not facts_of(r, "Protest")


def test_a_protest_told_later_keeps_the_cause_told_first(nlp):
    r = run(nlp, "Thousands protested in Quito on Monday against the new water law. "
                 "In Cuenca, students blocked the main roads on Tuesday.")
    protests = facts_of(r, "Protest")
    assert len(protests) == 2
    assert all("water law" in str(p.roles.get("cause")) for p in protests)


def test_what_a_crowd_took_to_the_streets_for_is_the_cause(nlp):
    r = run(nlp, "Hundreds of people took to the streets of Harare to celebrate the "
                 "general's return.")
    (protest,) = facts_of(r, "Protest")
    assert "celebrate" in str(protest.roles.get("cause"))


# --- force against a crowd: who it is to disperse is its target -------------------------
def test_tear_gas_fired_to_disperse_a_crowd_targets_the_crowd(nlp):
    r = run(nlp, "Police in Tegucigalpa used tear gas to disperse the crowd on Friday.")
    (attack,) = facts_of(r, "Attack")
    assert names(r, attack.roles["theme"]) == {"crowd"}


def test_them_in_to_disperse_them_is_the_people_told_before(nlp):
    r = run(nlp, "Hundreds of farmers blocked the motorway near Lyon, and riot police fired "
                 "tear gas to disperse them.")
    (attack,) = facts_of(r, "Attack")
    assert names(r, attack.roles["theme"]) == {"farmers"}
    assert "riot police" in str(attack.roles["agent"]).lower() or \
        names(r, attack.roles["agent"])


# --- the people of a named group move or act as that group -------------------------------
def test_fighters_of_a_group_who_arrive_are_the_group(nlp):
    r = run(nlp, "Fighters of the Arakan Army began arriving in Sittwe in May 2024.")
    (move,) = facts_of(r, "Movement")
    assert names(r, move.roles["theme"]) == {"Arakan Army"}


def test_group_fighters_who_attack_are_the_group(nlp):
    r = run(nlp, "Al-Shabaab fighters attacked an army post near Baidoa on Sunday.")
    (attack,) = facts_of(r, "Attack")
    assert names(r, attack.roles["agent"]) == {"Al-Shabaab"}


# --- what a vehicle carries is what arrives ----------------------------------------------
def test_what_a_plane_carries_is_what_arrives(nlp):
    for text in ("A cargo plane landed in Bangui on Monday carrying about 80 Turkish "
                 "engineers.",
                 "A plane carrying 120 Zambian soldiers landed in Bangui on Monday."):
        r = run(nlp, text)
        (move,) = facts_of(r, "Movement")
        theme = " ".join(names(r, move.roles["theme"]))
        assert "engineers" in theme or "soldiers" in theme, text
        assert "plane" not in theme


def test_a_date_inside_what_a_protest_is_about_does_not_date_it(nlp):
    r = run(nlp, "Thousands of people marched in Tunis to protest against the results of "
                 "Sunday's election.")
    (protest,) = facts_of(r, "Protest")
    assert "date" not in protest.roles


def test_force_used_on_a_crowd_without_a_day_is_dated_by_its_protest(nlp):
    r = run(nlp, "Thousands of teachers protested in Tegucigalpa on Friday against the pay "
                 "freeze. Police fired tear gas to disperse the crowd.")
    (attack,) = facts_of(r, "Attack")
    assert [t.value for t in attack.roles.get("date", [])] == ["2023-03-10"]
