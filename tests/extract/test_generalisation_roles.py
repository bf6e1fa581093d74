"""Who did it and the other roles (round 7): speakers that are a body's press office or a
description of a body named before, agents of a verb joined after a participle of saying,
and theme spans that keep a count with no number. Invented sentences (other names and
countries than the dev texts)."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _one(r, kind):
    found = facts_of(r, kind)
    assert len(found) == 1, [f.roles for f in r.facts]
    return found[0]


# --- theme: a count with no number is part of what the text names ------------------------
def test_a_count_without_a_number_stays_in_the_theme(nlp):
    r = run(nlp, "Gendarmes fired tear gas at several hundred protesters who had blocked "
                 "the main road in Lome.")
    attack = _one(r, "Attack")
    theme = " ".join(names(r, attack.roles["theme"]))
    assert theme.startswith("several hundred protesters"), theme


def test_a_few_dozen_stays_in_the_theme(nlp):
    r = run(nlp, "Soldiers detained a few dozen students outside the university in Cotonou.")
    detention = _one(r, "Detention")
    assert " ".join(names(r, detention.roles["theme"])).startswith("a few dozen students") or \
        " ".join(names(r, detention.roles["theme"])).startswith("few dozen students")


def test_an_exact_count_is_the_quantity_not_the_theme(nlp):
    r = run(nlp, "Police detained 40 protesters in Suva on Tuesday.")
    detention = _one(r, "Detention")
    assert names(r, detention.roles["theme"]) == {"protesters"}


# --- agent: a verb joined after ", saying ..., and" continues the main clause ------------
def test_a_verb_after_a_reported_clause_shares_the_main_subject(nlp):
    r = run(nlp, "High Commissioner Ilze Vitola also ordered the app blocked across Latvia, "
                 "saying the platform had been used to organise the riots, and extended a "
                 "curfew in Riga.")
    curfew = _one(r, "Curfew")
    assert names(r, curfew.roles["agent"]) == {"Ilze Vitola"}


def test_an_appointment_after_a_reported_clause_is_the_main_subjects(nlp):
    r = run(nlp, "Interior Minister Janis Ozols suspended Police Commissioner Edgars Liepa, "
                 "saying the force had lost control of the city, and named Deputy "
                 "Commissioner Anna Ozola as acting commissioner.")
    appointment = _one(r, "Appointment")
    assert names(r, appointment.roles["agent"]) == {"Janis Ozols"}


def test_a_reported_clause_in_the_same_tense_keeps_its_own_subject(nlp):
    # "saying the council met and agreed": the joined verb is part of what was said
    r = run(nlp, "Mayor Tomas Berzins welcomed the plan, saying the council met on Monday "
                 "and approved the budget.")
    approval = _one(r, "Approval")
    assert names(r, approval.roles["agent"]) == {"council"}


# --- speaker: a press office speaks for its body; a described ministry is the named one ---
def test_the_press_service_of_a_ministry_named_before_speaks_for_it(nlp):
    r = run(nlp, "Estonia's Emergencies Ministry sent 40 rescuers to the region. The rescuers "
                 "reached Tartu on Tuesday, the ministry's press service told ERR.")
    statement = _one(r, "Statement")
    assert names(r, statement.roles["speaker"]) == {"Emergencies Ministry of Estonia"}


def test_the_press_service_of_an_office_speaks_for_the_office(nlp):
    r = run(nlp, "The Prosecutor General's Office opened a criminal case on Monday, and two "
                 "officials of the water authority were detained for questioning, the "
                 "office's press service said.")
    statement = _one(r, "Statement")
    assert names(r, statement.roles["speaker"]) == {"Prosecutor General's Office"}


def test_a_ministry_described_by_its_country_is_the_ministry_named_before(nlp):
    r = run(nlp, "Latvia's Health Ministry is ready to send a team of doctors, a spokesman "
                 "for the Latvian ministry told LETA.")
    statement = _one(r, "Statement")
    assert names(r, statement.roles["speaker"]) == {"Ministry of Health of Latvia"}


# --- an unquoted "we" in a body's own release is that body --------------------------------
def test_an_unquoted_we_in_a_release_is_the_body_that_issues_it(nlp):
    r = run(nlp, "The Botswana Democratic Alliance has today formally asked the electoral "
                 "commission to recount the ballots. We further call upon the African Union "
                 "to send an observer team, and we demand the release of our five detained "
                 "agents.")
    requests = facts_of(r, "Request")
    assert len(requests) == 3
    assert all(names(r, q.roles.get("agent")) == {"Botswana Democratic Alliance"}
               for q in requests)


def test_a_quoted_we_is_not_the_body_named_before(nlp):
    r = run(nlp, 'The Botswana Police Service detained 20 people in Maun. "We call on '
                 'everyone to stay calm."')
    request = _one(r, "Request")
    assert not request.roles.get("agent")


# --- "the two bodies" acting: the two named just before ----------------------------------
def test_the_two_bodies_named_before_are_the_agents(nlp):
    r = run(nlp, "The African Union and the Pacific Islands Forum said on Monday that they "
                 "would send a mission to Suva. The two bodies urged all sides to show "
                 "restraint.")
    request = _one(r, "Request")
    assert names(r, request.roles["agent"]) == {"African Union", "Pacific Islands Forum"}


# --- "them" in what a request asks for: the plural named before ---------------------------
def test_them_in_a_request_is_the_people_named_before(nlp):
    r = run(nlp, "About 300 Uruguayan soldiers remain in Suva under a training agreement, "
                 "and the government has not asked Montevideo to withdraw them.")
    request = _one(r, "Request")
    assert request.roles["theme"] == ["withdraw Uruguayan soldiers"]


def test_them_in_a_request_may_be_things_named_in_its_sentence(nlp):
    r = run(nlp, "The president described the new laws as an attack on the constitution and "
                 "called on the assembly to withdraw them.")
    request = _one(r, "Request")
    assert request.roles["theme"] == ["withdraw new laws"]


# --- cause: on the phrase the trigger's preposition opens ---------------------------------
def test_the_cause_of_a_charge_in_cases_over_something(nlp):
    r = run(nlp, "Ozols, who has been held at a jail in Riga since 2023, was charged on Friday "
                 "in two new cases over the violence that followed his arrest.")
    charge = _one(r, "Charge")
    assert charge.roles["cause"] == ["the violence that followed his arrest"]


def test_the_cause_of_an_investigation_into_people_for_a_crime(nlp):
    r = run(nlp, "The Public Prosecutor's Office has opened an investigation into the guards "
                 "and into officials of the prison service for alleged bribery and "
                 "facilitating the escape.")
    investigation = _one(r, "Investigation")
    assert investigation.roles["cause"] == ["alleged bribery"]
