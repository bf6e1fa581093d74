"""Round 24, official acts and protests told in follow-up stories: the cause of a protest
told by the demand its crowd makes ("staged a protest, demanding action against X"), a
protest told as the purpose of a crowd's act ("stopped work to protest X"), and an offer
or transfer approved by its bare noun pointing back to the verb that told it
("accepted the offer")."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def test_protest_cause_is_the_demand_not_its_last_noun(nlp):
    r = run(nlp, "Relatives of the miners staged a protest outside the hospital in Gaborone on "
                 "Monday, demanding strict action against officials who ignored the warnings.")
    [protest] = facts_of(r, "Protest")
    [cause] = names(r, protest.roles.get("cause"))
    assert cause.startswith("strict action against officials")
    assert "ignored the warnings" in cause  # the relative clause says which officials


def test_protest_cause_nearest_marker_first(nlp):
    r = run(nlp, "Hundreds of vendors marched in Francistown on Friday over new market fees, "
                 "calling for the council to scrap the levy against hawkers.")
    [protest] = facts_of(r, "Protest")
    [cause] = names(r, protest.roles.get("cause"))
    assert cause.startswith("new market fees")


def test_accepted_offer_points_back_to_what_was_offered(nlp):
    r = run(nlp, "The navy of Qatar offered two high-capacity pumps, and the government of "
                 "Jamaica said it had accepted the offer.")
    [approval] = facts_of(r, "Approval")
    assert names(r, approval.roles.get("theme")) == {"offer of two high-capacity pumps"}


def test_offer_in_apposition_is_not_its_own_content(nlp):
    r = run(nlp, "The Red Cross offered $2 million in aid through a local charity, an offer "
                 "Riga had not accepted by Friday.")
    [approval] = facts_of(r, "Approval")
    assert approval.factuality == "negated"
    assert names(r, approval.roles.get("theme")) == {"offer of $2 million in aid"}


def test_authorised_transfer_points_back_to_the_flight(nlp):
    r = run(nlp, "Police flew 23 inmates identified as gang leaders to a prison in Gaborone "
                 "on Tuesday. Three more bodies were found on Wednesday.\n\nThe transfer was "
                 "authorised overnight by the Prisons Service.")
    [approval] = facts_of(r, "Approval")
    [theme] = names(r, approval.roles.get("theme"))
    assert theme.startswith("transfer of 23 inmates") and "to a prison" in theme


def test_offer_with_its_own_phrase_is_kept(nlp):
    r = run(nlp, "Estonia offered troops. The government accepted the offer of two aircraft.")
    [approval] = facts_of(r, "Approval")
    assert names(r, approval.roles.get("theme")) == {"offer of two aircraft"}


def test_stopped_work_to_protest_is_a_protest(nlp):
    r = run(nlp, "Port workers in Cotonou stopped work on Monday to protest a new pay "
                 "scale.")
    [protest] = facts_of(r, "Protest")
    assert protest.factuality is None
    assert any("pay scale" in c for c in names(r, protest.roles.get("cause")))


def test_gathered_to_protest_is_a_protest(nlp):
    r = run(nlp, "Market traders gathered outside the Kanye council offices on Monday to "
                 "protest the closure of their stalls.")
    [protest] = facts_of(r, "Protest")
    assert names(r, protest.roles.get("cause")) == {"closure of their stalls"}


def test_asked_to_protest_is_no_protest(nlp):
    r = run(nlp, "The union of Estonia urged its members to protest the new rules.")
    assert not [p for p in facts_of(r, "Protest") if p.factuality is None]
