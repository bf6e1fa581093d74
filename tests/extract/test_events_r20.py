"""Round 20, events: three wording families, each on invented sentences in several clause
shapes, with a neighbour that must keep its old reading.

- an agreement told by its noun is about what the noun names ("a 1998 treaty between A
  and B": the treaty), read only once the noun has its parties;
- a protest "in support of X" / "in solidarity with X" is about that support;
- a civil body told in lower case whose head noun the tagger took for a name ("the state
  education department closed ..."), or an "administration", acts as that body;
- everyone a meeting verb's object lists takes part ("met A and B").
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


# --- "met A and B": each one met takes part ----------------------------------------------
def test_met_two_named_people(nlp):
    r = run(nlp, "President Maris Kalnins met Estonian Prime Minister Kaja Tamm and Nauru's "
                 "President Lionel Aingimea in Riga on Monday.")
    (m,) = facts_of(r, "Meeting")
    assert {"Kaja Tamm", "Lionel Aingimea"} <= names(r, m.roles["participant"])


def test_met_two_people_in_a_relative_clause(nlp):
    r = run(nlp, "The Latvian president, who met Kaja Tamm and Lionel Aingimea in Riga on "
                 "Monday, said the talks went well.")
    (m,) = facts_of(r, "Meeting")
    assert {"Kaja Tamm", "Lionel Aingimea"} <= names(r, m.roles["participant"])


def test_has_not_yet_met_two_people(nlp):
    r = run(nlp, "President Maris Kalnins has not yet met Kaja Tamm and Lionel Aingimea, his "
                 "office said.")
    (m,) = facts_of(r, "Meeting")
    assert m.factuality == "negated"
    assert {"Kaja Tamm", "Lionel Aingimea"} <= names(r, m.roles["participant"])


def test_met_a_title_and_people_named_by_their_role(nlp):
    r = run(nlp, "The minister met the Chairman of the Commission and the joint "
                 "administrators on Sunday.")
    (m,) = facts_of(r, "Meeting")
    assert "joint administrators" in names(r, m.roles["participant"])


def test_met_the_demands_of_two_groups_is_no_meeting(nlp):
    # (neighbour) an abstract object is another sense of the verb, whatever follows it
    r = run(nlp, "The president met the demands of the strikers and the unions.")
    assert facts_of(r, "Meeting") == []
