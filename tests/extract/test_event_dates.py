"""Event dates (issue 15): an event takes the date of its own clause, resolved against the
unit's anchor; no stated day, no date (docs/evaluation.md). Sentences written for the
purpose; the update is stamped Tuesday 14 March 2023."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, run


def _date(fact, role="date"):
    return [t.value for t in fact.roles.get(role, [])]


def test_a_part_of_the_day_keeps_the_day(nlp):
    (attack,) = facts_of(run(nlp, "Gunmen attacked a police post in Kidal late on Sunday."),
                         "Attack")
    assert _date(attack) == ["2023-03-12"]
    (arrest,) = facts_of(run(nlp, "Police arrested 12 people in Mopti on Monday afternoon."),
                         "Arrest")
    assert _date(arrest) == ["2023-03-13"]


def test_the_same_day_is_the_day_told_before(nlp):
    r = run(nlp, "Troops seized the airport in Gao on Sunday. Schools in Gao were shut the "
                 "same day.")
    (closure,) = facts_of(r, "Closure")
    assert _date(closure) == ["2023-03-12"]


def test_from_a_day_until_another(nlp):
    r = run(nlp, "The ministry closed all schools in Sikasso from today until Friday.")
    (closure,) = facts_of(r, "Closure")
    assert _date(closure) == ["2023-03-14"]
    assert _date(closure, "dateEnd") == ["2023-03-17"]  # an end lies ahead


def test_no_stated_day_no_date(nlp):
    (arrest,) = facts_of(run(nlp, "Police arrested 12 people in Mopti."), "Arrest")
    assert "date" not in arrest.roles


def test_a_date_under_since_is_not_the_events(nlp):
    r = run(nlp, "Mali has had five coups since independence from France in 1960.")
    for coup in facts_of(r, "Coup"):
        assert "date" not in coup.roles


def test_an_event_some_days_before_the_dated_clause_is_stepped_back(nlp):
    # the noun under "two days after" and the clause under "a day after"
    r = run(nlp, "Soldiers retook the border post in Menaka on Monday, two days after heavy "
                 "clashes with rebels in the town.")
    (clash,) = facts_of(r, "Clash")
    assert _date(clash) == ["2023-03-11"]
    r = run(nlp, "The first engineers arrived in Gao on Sunday, a day after the government "
                 "asked Senegal for help.")
    (request,) = facts_of(r, "Request")
    assert _date(request) == ["2023-03-11"]


def test_some_days_after_in_a_present_clause_counts_from_the_update(nlp):
    r = run(nlp, "Police have fired tear gas at students in Segou, three days after "
                 "parliament approved the new tax.")
    (approval,) = facts_of(r, "Approval")
    assert _date(approval) == ["2023-03-11"]


def test_a_state_since_a_date_began_then_but_a_count_since_does_not(nlp):
    r = run(nlp, "Chadian troops have been deployed in Kidal since May 2021.")
    (deployment,) = facts_of(r, "Deployment")
    assert _date(deployment) == ["2021-05-01"]
    r = run(nlp, "The government has deployed soldiers to guard the port in Beira since "
                 "February.")
    (deployment,) = facts_of(r, "Deployment")
    assert _date(deployment) == ["2023-02-01"]
    r = run(nlp, "Police have arrested 40 people in Gao since Friday.")
    (arrest,) = facts_of(r, "Arrest")
    assert "date" not in arrest.roles


def test_coordinated_verbs_share_the_date_told_after_them(nlp):
    r = run(nlp, "Protesters stormed and set fire to the town hall in Kayes late on Sunday.")
    assert [_date(f) for f in facts_of(r, "Arson")] == [["2023-03-12"]]
    for riot in facts_of(r, "Riot") + facts_of(r, "Seizure"):
        assert _date(riot) == ["2023-03-12"]


def test_would_in_a_reported_clause_looks_ahead(nlp):
    # future in the past: "said ... would V on WEEKDAY" is the coming weekday (the update
    # is a Tuesday, so Thursday is two days on and Sunday five)
    (move,) = facts_of(run(nlp, "The minister said she would travel to Cotonou on Thursday."),
                       "Movement")
    assert _date(move) == ["2023-03-16"]
    r = run(nlp, "A spokesman said on Monday that the envoy would fly to Doha on Sunday for "
                 "talks with Qatari officials.")
    (move,) = facts_of(r, "Movement")
    assert _date(move) == ["2023-03-19"]


def test_would_in_a_condition_is_not_the_future(nlp):
    # a bare "would" reported by nothing stays in the past reading of the weekday
    r = run(nlp, "Troops would have reached Lusaka on Sunday without the floods.")
    for move in facts_of(r, "Movement"):
        assert _date(move) in ([], ["2023-03-12"])


def test_a_degree_of_a_day_part_keeps_its_day(nlp):
    # "early this afternoon", "late this evening": the model tags them TIME; the day is
    # the update's
    (arrest,) = facts_of(run(nlp, "Two men were arrested in Koror early this afternoon on "
                                  "suspicion of burglary, police said."), "Arrest")
    assert _date(arrest) == ["2023-03-14"]
    (held,) = facts_of(run(nlp, "Police detained three men in Riga late this evening."),
                       "Detention")
    assert _date(held) == ["2023-03-14"]


def test_a_day_after_the_time_of_an_end_is_the_end(nlp):
    r = run(nlp, "The airport in Koror will stay closed to all flights until 8am on Friday, "
                 "the authority said.")
    (closure,) = facts_of(r, "Closure")
    assert _date(closure, "dateEnd") == ["2023-03-17"]
    assert "date" not in closure.roles


def test_a_time_before_the_day_of_the_event_is_no_end(nlp):
    r = run(nlp, "Mobile internet was cut across Benin shortly before midnight on Saturday, "
                 "a monitoring group said.")
    (cut,) = facts_of(r, "CommunicationsShutdown")
    assert _date(cut) == ["2023-03-11"]


def test_two_days_of_one_month_start_on_the_first(nlp):
    r = run(nlp, "All schools in Riga will be closed on Tuesday 3 and Wednesday 4 November.")
    (closure,) = facts_of(r, "Closure")
    assert _date(closure) == ["2023-11-03"]
