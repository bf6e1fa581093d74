"""Emergency crews sent or stationed are deployed as a force is (round 16): "deployed 300
rescuers to X", "firefighters have been deployed to A", "search and rescue teams were
sent"; a crew word by itself (lexicon ``crews``) or a worker, crew or team whose phrase
says it is a rescue, fire or emergency one (``crew_heads`` with ``crew_qualifiers``).
Workers or teams of another kind stay no force. Each in several clause shapes (active,
passive, relative clause, participle, nominalisation, headline, negated). Invented
sentences set in Zambia, Botswana, Latvia, Vietnam, Estonia and Nauru."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def test_rescuers_deployed_in_the_active(nlp):
    r = run(nlp, "The Disaster Management Unit deployed 250 rescuers and 40 water tankers "
                 "to Kasama on Monday to distribute drinking water.")
    (dep,) = facts_of(r, "Deployment")
    assert "250 rescuers" in " ".join(names(r, dep.roles["theme"]))
    assert names(r, dep.roles["location"]) == {"Kasama"}


def test_firefighters_deployed_in_the_passive(nlp):
    r = run(nlp, "More than 300 firefighters have been deployed to Maun, where the fire "
                 "is still burning.")
    (dep,) = facts_of(r, "Deployment")
    assert names(r, dep.roles["location"]) == {"Maun"}


def test_firefighters_beside_a_named_body_make_the_body_the_theme(nlp):
    r = run(nlp, "Firefighters and volunteers of the Estonian Rescue Board have been "
                 "deployed to Narva and Sillamae.")
    (dep,) = facts_of(r, "Deployment")
    assert names(r, dep.roles["location"]) == {"Narva", "Sillamae"}


def test_rescue_workers_in_a_relative_clause(nlp):
    r = run(nlp, "The 60 rescue workers, who were sent to Daugavpils on Tuesday, found "
                 "two survivors.")
    (dep,) = facts_of(r, "Deployment")
    assert names(r, dep.roles["theme"]) == {"rescue workers"}


def test_search_and_rescue_teams_in_a_participle_clause(nlp):
    r = run(nlp, "Search and rescue teams dispatched to Hue on Sunday reached the "
                 "village by boat.")
    (dep,) = facts_of(r, "Deployment")
    assert names(r, dep.roles["location"]) == {"Hue"}


def test_fire_crews_in_a_nominalisation(nlp):
    r = run(nlp, "The deployment of 12 fire crews to Francistown began on Friday.")
    (dep,) = facts_of(r, "Deployment")
    assert names(r, dep.roles["location"]) == {"Francistown"}


def test_rescuers_in_a_headline(nlp):
    r = run(nlp, "Vietnam sends 500 rescuers to flooded Quang Binh province")
    (dep,) = facts_of(r, "Deployment")
    assert names(r, dep.roles["agent"]) == {"Vietnam"}


def test_rescuers_not_sent_are_a_negated_deployment(nlp):
    r = run(nlp, "The government of Nauru did not send rescuers to the island.")
    (dep,) = facts_of(r, "Deployment")
    assert dep.factuality == "negated"


def test_workers_of_another_kind_are_no_force(nlp):
    r = run(nlp, "The company sent 40 construction workers and a team of accountants to "
                 "Lusaka on Monday.")
    assert not facts_of(r, "Deployment")
