"""People or units drawn out of a named armed force act, or are sent, as that force (round
15): "officers from the X Policing arrested", "200 soldiers from the Y Defence Force were
deployed", "ten companies of the Z Rifles", "rescue teams from the Civil Defence"; a force
noun or a unit noun (lexicon ``unit_nouns``) before of/from. Names ending in "Policing" or
"Civil Defence" name forces (kg/rules/entities/heads.jsonl). From a place, a country or a
body that is no force, the people stay as the text says. Each in several clause shapes
(active, passive, relative clause, nominalisation, headline, negated). Invented sentences
set in Zambia, Botswana, Latvia, Jamaica, Qatar, Estonia and Palau."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.extract.event_helpers import facts_of, names, run


# --- who acts: the force the officers come from -----------------------------------------
def test_officers_from_a_policing_command_arrest_as_that_command(nlp):
    r = run(nlp, "Officers from Serious Crime Policing arrested three men in Lusaka on "
                 "Thursday.")
    (arrest,) = facts_of(r, "Arrest")
    assert names(r, arrest.roles["agent"]) == {"Serious Crime Policing"}


def test_arrested_by_officers_from_a_force_in_the_passive(nlp):
    r = run(nlp, "Two men were arrested in Gaborone by officers from the Botswana Defence "
                 "Force.")
    (arrest,) = facts_of(r, "Arrest")
    assert names(r, arrest.roles["agent"]) == {"Botswana Defence Force"}


def test_officers_from_a_force_in_a_relative_clause(nlp):
    r = run(nlp, "Two men, who were arrested at Riga airport by officers from Border "
                 "Policing, appeared in court on Friday.")
    (arrest,) = facts_of(r, "Arrest")
    assert names(r, arrest.roles["agent"]) == {"Border Policing"}


def test_agents_named_by_an_acronym_act_as_its_body(nlp):
    # the parser may read the acronym as an adjective ("OIJ agents"): still the body's
    r = run(nlp, "The Jamaica Fraud Squad (ONIJ) opened a case last week. Curfews have "
                 "been imposed. ONIJ agents carried out 34 raids in Kingston on Tuesday and "
                 "arrested 12 suspects.")
    (arrest,) = facts_of(r, "Arrest")
    assert names(r, arrest.roles["agent"]) == {"Jamaica Fraud Squad"}


# --- what is sent: the force the soldiers, teams or companies come from ----------------
def test_soldiers_from_a_force_sent_in_the_passive(nlp):
    r = run(nlp, "About 300 soldiers from the Jamaica Defence Force were sent to Kingston "
                 "on Monday.")
    (dep,) = facts_of(r, "Deployment")
    assert names(r, dep.roles["theme"]) == {"Jamaica Defence Force"}


def test_companies_of_a_force_in_a_nominalisation(nlp):
    r = run(nlp, "The ministry announced the deployment of four companies of the Zambia "
                 "Police Service to the border.")
    (dep,) = facts_of(r, "Deployment")
    assert names(r, dep.roles["theme"]) == {"Zambia Police Service"}


def test_rescue_teams_from_the_civil_defence_deployed_in_the_active(nlp):
    r = run(nlp, "The Interior Ministry has deployed rescue teams from the Civil Defence to "
                 "Doha.")
    (dep,) = facts_of(r, "Deployment")
    assert names(r, dep.roles["theme"]) == {"Civil Defence"}


def test_a_headline_sending_officers_from_a_force(nlp):
    r = run(nlp, "Latvia sends 120 officers from the State Border Guard to Daugavpils")
    (dep,) = facts_of(r, "Deployment")
    assert names(r, dep.roles["theme"]) == {"State Border Guard"}


def test_a_negated_sending_keeps_the_force(nlp):
    r = run(nlp, "Estonia did not send soldiers from the Estonian Defence Forces to Narva.")
    (dep,) = facts_of(r, "Deployment")
    assert names(r, dep.roles["theme"]) == {"Defence Forces of Estonia"}
    assert dep.factuality == "negated"


# --- people from a place or a body that is no force stay as the text says --------------
def test_firefighters_from_a_country_stay_as_written(nlp):
    r = run(nlp, "Forty firefighters from Palau landed in Koror on Saturday.")
    (move,) = facts_of(r, "Movement")
    assert names(r, move.roles["theme"]) != {"Palau"}


def test_experts_from_a_company_are_no_force(nlp):
    r = run(nlp, "Qatar sent engineers from the Doha Water Company to Benin.")
    for dep in facts_of(r, "Deployment"):
        assert names(r, dep.roles.get("theme")) != {"Doha Water Company"}


# --- the day a time of day names: "in the early hours of Thursday 26 November" ---------
_DEC_2 = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


def _day(fact) -> str | None:
    dates = fact.roles.get("date") or []
    return dates[0].value if dates else None


def test_the_early_hours_of_a_dated_day_give_that_day(nlp):
    r = run(nlp, "Officers from Serious Crime Policing arrested two men in Lusaka and Ndola "
                 "in the early hours of Thursday 26 November.", stamp=_DEC_2)
    (arrest,) = facts_of(r, "Arrest")
    assert _day(arrest) == "2026-11-26"


def test_the_early_hours_of_a_dated_day_in_the_passive(nlp):
    r = run(nlp, "Two men were arrested in Gaborone in the early hours of Thursday 26 "
                 "November.", stamp=_DEC_2)
    (arrest,) = facts_of(r, "Arrest")
    assert _day(arrest) == "2026-11-26"
