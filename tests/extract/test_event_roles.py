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
