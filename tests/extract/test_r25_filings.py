"""Requests whose asker or addressee the parse misleads (kg/extract/request_roles.py)."""

from __future__ import annotations

import pytest

from tests.extract.event_helpers import facts_of, names, requests_of, run

pytestmark = pytest.mark.usefixtures("nlp")


def test_backshifted_conjunct_keeps_the_reported_asker(nlp):
    # a reported clause continued by a backshifted conjunct: its own subject asks
    result = run(nlp, "In a short written note, the Zambian presidency said President Mwila "
                      "Banda had received the letter and had asked his deputies to keep "
                      "their posts until Friday.")
    agents = [agent for _who, _what, agent in requests_of(result)]
    assert {"Mwila Banda"} in agents or {"President Mwila Banda"} in agents, agents


def test_own_side_conjunct_leaves_the_teller_asking(nlp):
    # "her party would ... and would ask": the teller's own side; the teller asks
    result = run(nlp, "Liga Ozola said her party would stay in the coalition and would "
                      "ask Tallinn for talks on the border.")
    assert any("Liga Ozola" in agent for _who, _what, agent in requests_of(result)), \
        requests_of(result)


def test_two_role_nouns_joined_as_a_modifier_are_both_asked(nlp):
    result = run(nlp, "The Beninese presidency said President Koffi Adjovi had asked the "
                      "ministers and state governors to keep working.")
    assert any("ministers and state governors" in who
               for who, _what, _agent in requests_of(result)), requests_of(result)


def test_people_placed_by_a_phrase_are_asked_with_it(nlp):
    result = run(nlp, "Chief Justice Neo Kgosi urged magistrates across the province to keep "
                      "hearing bail applications.")
    assert any("magistrates across the province" in who
               for who, _what, _agent in requests_of(result)), requests_of(result)


def test_a_phrase_that_places_nothing_is_left_out(nlp):
    # "in a radio address" tells how the appeal was made, not who is asked
    result = run(nlp, "The mayor of Doha urged supporters in a radio address to stay calm.")
    assert not any("radio" in w for who, _what, _agent in requests_of(result) for w in who), \
        requests_of(result)


def test_ordered_group_placed_by_a_phrase_keeps_it(nlp):
    # the shared role reader keeps the object's head; the placing phrase is widened back
    result = run(nlp, "On Wednesday Jamaica's education ministry ordered schools in the "
                      "northern region to stay shut.")
    orders = facts_of(result, "Order")
    assert any("schools in the northern region" in w for f in orders
               for w in names(result, f.roles.get("addressee"))), \
        [f.roles for f in orders]


def test_hung_placing_phrase_after_the_object(nlp):
    # the parser hangs "near ..." on the verb; it still says who is asked
    result = run(nlp, "Mayor Tran Van Long urged villagers near mangroves to move their "
                      "boats by dusk.")
    assert any("villagers near mangroves" in who
               for who, _what, _agent in requests_of(result)), requests_of(result)
