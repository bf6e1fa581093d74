"""Round 20, events: three wording families, each on invented sentences in several clause
shapes, with a neighbour that must keep its old reading.

- an agreement told by its noun is about what the noun names ("a 1998 treaty between A
  and B": the treaty), read only once the noun has its parties;
- a protest "in support of X" / "in solidarity with X" is about that support;
- a civil body told in lower case whose head noun the tagger took for a name ("the state
  education department closed ..."), or an "administration", acts as that body;
- an event told with no cue of its own but dated after the day of its report is to come.
"""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


# --- an agreement's noun names its theme -------------------------------------------------
def test_treaty_between_two_states_is_about_the_treaty(nlp):
    r = run(nlp, "A 1998 treaty between Latvia and Estonia still governs fishing on the "
                 "shared lake.")
    (a,) = facts_of(r, "Agreement")
    assert a.roles["theme"] == ["treaty"]  # the year is the date's, not the theme's
    assert {"Latvia", "Estonia"} <= names(r, a.roles["participant"])


def test_peace_deal_in_a_relative_clause_keeps_its_kind_word(nlp):
    r = run(nlp, "Qatar, which brokered the March 2021 peace deal between Benin and the "
                 "rebels, urged calm.")
    (a,) = facts_of(r, "Agreement")
    assert a.roles["theme"] == ["peace deal"]


def test_agreements_with_a_partner_under_a_plural_noun(nlp):
    r = run(nlp, "The courts of Palau tried 40 fishermen under transfer agreements with "
                 "Nauru.")
    (a,) = facts_of(r, "Agreement")
    assert a.roles["theme"] == ["transfer agreements"]
    assert "Nauru" in names(r, a.roles["participant"])


def test_a_bare_agreement_with_no_party_makes_no_fact(nlp):
    r = run(nlp, "The agreement was welcomed by investors in Riga.")
    assert facts_of(r, "Agreement") == []


def test_a_signed_treaty_stays_one_fact_with_the_object_as_theme(nlp):
    # (neighbour) the noun object of a verb of the type is the verb's theme: no second
    # Agreement of the noun alone
    r = run(nlp, "Latvia and Estonia signed a border treaty in Riga on Monday.")
    (a,) = facts_of(r, "Agreement")
    assert all(v.startswith("border treaty") for v in a.roles["theme"])


# --- "in support of X": what a protest is about ------------------------------------------
def test_protested_in_support_of_someone(nlp):
    r = run(nlp, "About 300 people protested in Lusaka on Monday in support of the jailed "
                 "mayor.")
    (p,) = facts_of(r, "Protest")
    assert p.roles["cause"] == ["support of jailed mayor"]


def test_a_march_in_solidarity_with_strikers(nlp):
    r = run(nlp, "A march in solidarity with the striking miners was held in Gaborone on "
                 "Friday.")
    (p,) = facts_of(r, "Protest")
    assert p.roles["cause"] == ["solidarity with striking miners"]


def test_a_crowd_chanting_in_support_of_a_leader(nlp):
    r = run(nlp, "Hundreds of people gathered outside the court in Cotonou, chanting "
                 "slogans in support of the opposition leader.")
    (p,) = facts_of(r, "Protest")
    assert p.roles["cause"] == ["support of opposition leader"]


def test_marched_in_support_of_people_named_by_a_relative_clause(nlp):
    r = run(nlp, "Thousands of teachers marched through Kingston in support of the nurses "
                 "who walked out.")
    (p,) = facts_of(r, "Protest")
    assert p.roles["cause"] == ["support of nurses"]


def test_a_cause_over_something_is_read_as_before(nlp):
    r = run(nlp, "Students demonstrated in Hanoi over tuition fees.")
    (p,) = facts_of(r, "Protest")
    assert p.roles["cause"] == ["tuition fees"]


# --- a civil body in lower case acts -----------------------------------------------------
def test_lower_case_department_closing_schools_is_the_agent(nlp):
    r = run(nlp, "The state water department closed schools in 40 villages in Botswana.")
    (c,) = facts_of(r, "Closure")
    assert names(r, c.roles["agent"]) == {"state water department"}


def test_an_administration_in_the_by_phrase_of_a_passive_noun_clause(nlp):
    r = run(nlp, "An investigation was opened by the regional food safety administration "
                 "into the deaths in Hanoi.")
    (i,) = facts_of(r, "Investigation")
    assert names(r, i.roles["agent"]) == {"regional food safety administration"}


def test_lower_case_department_with_a_relative_clause(nlp):
    r = run(nlp, "The national transport department, which runs the ports, closed the port "
                 "of Liepaja to shipping.")
    (c,) = facts_of(r, "Closure")
    assert names(r, c.roles["agent"]) == {"national transport department"}


def test_an_administration_opening_an_inquiry_is_the_agent(nlp):
    r = run(nlp, "The regional food safety administration has opened an investigation into "
                 "the deaths in Hanoi.")
    (i,) = facts_of(r, "Investigation")
    assert names(r, i.roles["agent"]) == {"regional food safety administration"}


# --- dated after the day it is told: future (the stamp is Tuesday 14 March 2023) ----------
def test_session_convened_for_a_later_day_is_future(nlp):
    r = run(nlp, "The Speaker of the Saeima, Maris Kalnins, has convened a special session of "
                 "the Saeima for Thursday 16 March 2023.")
    (m,) = facts_of(r, "Meeting")
    assert m.factuality == "future"


def test_schools_that_remain_closed_on_a_later_day_is_a_future_closure(nlp):
    r = run(nlp, "Schools in Riga will remain closed on Thursday.")
    (c,) = facts_of(r, "Closure")
    assert c.factuality == "future"


def test_an_announced_closure_dated_after_the_report_is_future(nlp):
    r = run(nlp, "Police announced the closure of the Narva border crossing on Thursday 16 "
                 "March.")
    (c,) = facts_of(r, "Closure")
    assert c.factuality == "future"


def test_a_closure_dated_before_the_report_stays_asserted(nlp):
    # (neighbour) "on Monday" in a past clause is the day before the stamp
    r = run(nlp, "Estonian police closed the border crossing at Narva on Monday.")
    (c,) = facts_of(r, "Closure")
    assert c.factuality is None


def test_an_end_date_after_the_report_makes_no_future(nlp):
    # (neighbour) "until Friday" ends the closure; it began before the report
    r = run(nlp, "Estonian police closed the border crossing at Narva on Monday until Friday.")
    (c,) = facts_of(r, "Closure")
    assert c.factuality is None
