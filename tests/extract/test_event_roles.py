"""Roles of events across types (issue 15h): who acts and on what, pinned on sentences
written for the purpose (other names and countries than the dev texts')."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


# --- "the government" of a story that names its cities, not its country ----------------
def test_the_government_of_a_story_told_by_its_cities(nlp):
    r = run(nlp, "Protesters gathered in Kumasi on Monday. Crowds also marched in Tamale and "
                 "Takoradi. The government urged the protesters to go home.")
    (request,) = facts_of(r, "Request")
    assert names(r, request.roles["agent"]) == {"Government of Ghana"}


def test_cities_of_two_countries_name_no_government(nlp):
    r = run(nlp, "Talks opened in Accra on Monday. Delegates flew in from Lagos and Abuja, "
                 "and from Lome. The government urged both sides to stay calm.")
    (request,) = facts_of(r, "Request")
    assert not any(n.startswith("Government of") for n in names(r, request.roles.get("agent")))


# --- a document acts for whoever issued it ----------------------------------------------
def test_the_signer_of_a_decree_is_the_agent_of_what_it_does(nlp):
    r = run(nlp, "On Friday the interim leader Colonel Tomas Ruud signed a decree dissolving "
                 "all political parties and banning public gatherings.")
    (dissolution,) = facts_of(r, "Dissolution")
    (ban,) = facts_of(r, "Ban")
    assert names(r, dissolution.roles["agent"]) == {"Tomas Ruud"}
    assert names(r, ban.roles["agent"]) == {"Tomas Ruud"}


def test_a_decree_whose_issuer_is_untold_has_no_agent(nlp):
    r = run(nlp, "A decree published in Vaduz on Monday bans all public gatherings.")
    for ban in facts_of(r, "Ban"):
        assert not ban.roles.get("agent")


def test_a_drafter_is_not_the_issuer(nlp):
    r = run(nlp, "The resolution, drafted by Peru and Chile, asks the secretary-general to "
                 "present a report by June.")
    for request in facts_of(r, "Request"):
        assert not names(r, request.roles.get("agent")) & {"Peru", "Chile"}


# --- a headline's event is the body's ----------------------------------------------------
def test_a_headline_event_joins_the_body_telling(nlp):
    r = run(nlp, "The Arctic Union Mission (AUM) has deployed 300 peacekeepers to the town of "
                 "Varde to protect civilians, the mission said on Monday.",
            headline="Arctic Union sends troops into Varde after riots")
    (deployment,) = facts_of(r, "Deployment")  # one event, with the roles of both
    assert "Arctic Union Mission" in names(r, deployment.roles["agent"])
    assert "Arctic Union" in names(r, deployment.roles["agent"])


def test_a_headline_figure_that_differs_stays_a_fact_of_its_own(nlp):
    r = run(nlp, "Police said 12 people were killed in the clashes in Oruro. Hospital staff "
                 "later said 19 people had died.",
            headline="Death toll in Oruro clashes rises to 25")
    tolls = {q.value for f in facts_of(r, "Casualties") for q in f.roles.get("quantity", [])}
    assert 25 in tolls and 12 in tolls


# --- relative clauses and counted descriptions point back to the right one ----------------
def test_who_after_an_apposition_is_the_person_not_the_body(nlp):
    r = run(nlp, '"The risk remains," said Anna Berg, a Baltic analyst at the European Policy '
                 'Centre, who urged both governments to publish the maps.')
    (request,) = facts_of(r, "Request")
    assert names(r, request.roles["agent"]) == {"Anna Berg"}


def test_which_after_a_body_still_points_to_the_body(nlp):
    r = run(nlp, "Delegates met at the Andean Forum, which urged the army to withdraw.")
    for request in facts_of(r, "Request"):
        assert "Delegates" not in names(r, request.roles.get("agent"))


def test_both_governments_are_states_not_the_two_presidents_named_last(nlp):
    r = run(nlp, "Latvia and Estonia signed the treaty, which was signed by Latvian President "
                 "Ilze Kalna and Estonian President Mart Tamm. An analyst urged both "
                 "governments to publish the maps.")
    (request,) = facts_of(r, "Request")
    assert names(r, request.roles["addressee"]) == {"Latvia", "Estonia"}


# --- "on the orders of X": X acts ----------------------------------------------------------
def test_on_the_orders_of_names_the_agent_of_a_passive(nlp):
    r = run(nlp, "Mobile internet was switched off across Latvia on Monday on the orders of the "
                 "National Media Council, two operators said.")
    (shutdown,) = facts_of(r, "CommunicationsShutdown")
    assert names(r, shutdown.roles["agent"]) == {"National Media Council"}
    assert names(r, shutdown.roles["theme"]) == {"Mobile internet"}


def test_at_the_request_of_is_no_agent(nlp):
    r = run(nlp, "Estonian troops were deployed to Narva at the request of the Latvian "
                 "government.")
    for deployment in facts_of(r, "Deployment"):
        assert not any("Latvia" in n for n in names(r, deployment.roles.get("agent")))


# --- the target of a multi-word attack verb ------------------------------------------------
def test_the_target_after_against_of_a_phrase_verb(nlp):
    r = run(nlp, "Riot police have again used water cannon and tear gas against "
                 "demonstrators on Baker Avenue.")
    (attack,) = facts_of(r, "Attack")
    assert "demonstrators" in names(r, attack.roles["theme"])


# --- a sanction's target is whose assets are frozen ---------------------------------------
def test_a_sanction_targets_the_owner_named_by_a_demonym(nlp):
    r = run(nlp, "In March the Andean Community closed its members' borders with Bolivia and "
                 "froze Bolivian state assets.")
    (sanction,) = facts_of(r, "Sanction")
    assert "Bolivia" in names(r, sanction.roles["theme"])


def test_a_sanction_targets_the_country_the_text_points_back_to(nlp):
    r = run(nlp, "Bolivia was hit hard. In March the bloc froze the country's assets at the "
                 "central bank.")
    (sanction,) = facts_of(r, "Sanction")
    assert "Bolivia" in names(r, sanction.roles["theme"])


# --- "two of them, including X": X, not what "them" was guessed to be ----------------------
def test_a_counted_pronoun_with_including_names_the_one_included(nlp):
    r = run(nlp, "Police detained four opposition leaders in Lome. Two of them, including Kofi "
                 "Mensah of the Union for Change, have since been charged with treason, their "
                 "lawyers said.")
    (charge,) = facts_of(r, "Charge")
    assert names(r, charge.roles["theme"]) == {"Kofi Mensah"}
