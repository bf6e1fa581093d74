"""Round 5 (issue 15): statements, document structure, factuality scope and merging,
each pinned on sentences written for the purpose (other names, other countries than the
dev texts)."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run, speakers_of


def _gist(fact):
    return " ".join(fact.roles.get("gist", []))


# --- speakers in an apposition with a determiner or in a relative clause ----------------
def test_apposed_speaker_with_said_earlier_that(nlp):
    r = run(nlp, 'An opposition senator, Kwame Mensah, said earlier that the army should '
                 '"take its responsibilities".')
    (st,) = facts_of(r, "Statement")
    assert names(r, st.roles["speaker"]) == {"Kwame Mensah"}
    assert "take its responsibilities" in _gist(st)


def test_speaker_named_in_a_relative_clause_of_the_description(nlp):
    r = run(nlp, '"Changing governors does not bring bread to our tables," one of its '
                 'organisers, a 31-year-old law student who gave his name only as Kofi, '
                 'told AFP.')
    (st,) = facts_of(r, "Statement")
    assert names(r, st.roles["speaker"]) == {"Kofi"}
    assert "one of its organisers" not in _gist(st)


def test_according_to_a_body_which_said(nlp):
    r = run(nlp, "Father Luis Gomez was taken from his home by police officers, according "
                 "to the diocese, which said three priests had been detained.")
    (st,) = facts_of(r, "Statement")
    assert names(r, st.roles["speaker"]) == {"diocese"}
    assert "three priests had been detained" in _gist(st)


def test_reduced_relative_before_a_plural_speaker(nlp):
    r = run(nlp, "The president could call an early election, a move critics say he is "
                 "reluctant to make.")
    assert {"critics"} in speakers_of(r)


# --- statement cues from general reporting verbs ----------------------------------------
def test_a_count_given_by_a_source_is_a_statement(nlp):
    r = run(nlp, "Human rights monitors counted more than 120 dead.")
    (st,) = facts_of(r, "Statement")
    assert names(r, st.roles["speaker"]) == {"Human rights monitors"}


def test_published_results_are_a_statement_of_the_publisher(nlp):
    r = run(nlp, "The unrest began on Monday, when the electoral board published provisional "
                 "results giving the ruling party 98 of the 150 seats.")
    (st,) = facts_of(r, "Statement")
    assert "98 of the 150 seats" in _gist(st)
    assert not _gist(st).startswith("when")


def test_an_expectation_is_a_statement(nlp):
    r = run(nlp, "Marta Silva, an economist in Lima, expects more arrests before the vote.")
    (st,) = facts_of(r, "Statement")
    assert names(r, st.roles["speaker"]) == {"Marta Silva"}


def test_another_sources_figure_is_cut_from_the_gist_and_counted_apart(nlp):
    r = run(nlp, "Police said they had detained 640 people in Kisumu since Friday, while the "
                 "Legal Defence Centre put the number at more than 900.")
    police = [f for f in facts_of(r, "Statement")
              if names(r, f.roles["speaker"]) == {"Police"}]
    assert police and "Legal Defence Centre" not in _gist(police[0])
    values = sorted(f.roles["quantity"][0].value for f in facts_of(r, "Detention"))
    assert values == [640, 900]


# --- a list under a header line naming the body ----------------------------------------
def test_bullets_under_a_verbless_header_take_the_body_as_agent(nlp):
    r = run(nlp, "The Ghana Workers' Union (GWU) condemns the arrest of its members.\n\n"
                 "In view of the foregoing, the GWU:\n"
                 "- demands the immediate release of all detained workers;\n"
                 "- calls on the Government to lift the ban on strikes;\n"
                 "- demands that the new labour law be submitted to a referendum.")
    requests = facts_of(r, "Request")
    assert len(requests) == 3
    assert all(names(r, f.roles.get("agent")) == {"Ghana Workers' Union"} for f in requests)


def test_a_gapped_second_addressee_is_a_second_request(nlp):
    r = run(nlp, "The union calls on the Government to lift the ban on strikes and on the "
                 "regulator to withdraw its decision.")
    got = {(frozenset(names(r, f.roles.get("addressee"))), f.roles["theme"][0])
           for f in facts_of(r, "Request")}
    assert got == {(frozenset({"Government"}), "lift the ban on strikes"),
                   (frozenset({"regulator"}), "withdraw its decision")}


# --- factuality scope -------------------------------------------------------------------
def test_modal_does_not_reach_a_conjunct_in_its_own_tense(nlp):
    r = run(nlp, "The opposition said it would challenge the results in court and urged "
                 "supporters to stay calm.")
    (req,) = facts_of(r, "Request")
    assert req.factuality is None


def test_negation_does_not_reach_a_conjunct_in_its_own_tense(nlp):
    r = run(nlp, "The army will not interfere in the political process and called on all "
                 "sides to show restraint.")
    (req,) = facts_of(r, "Request")
    assert req.factuality is None


def test_shared_auxiliary_still_scopes_over_a_bare_conjunct(nlp):
    r = run(nlp, "Police will arrest and charge anyone who loots shops.")
    assert all(f.factuality == "future" for f in facts_of(r, "Arrest"))


def test_an_offer_not_accepted_is_hypothetical(nlp):
    r = run(nlp, "Norway offered $3 million in aid, an offer the government has not "
                 "accepted.")
    (aid,) = facts_of(r, "Aid")
    assert aid.factuality == "hypothetical"


# --- merging ------------------------------------------------------------------------------
def test_a_protest_of_another_year_stays_apart(nlp):
    r = run(nlp, "Thousands of people protested in Accra on Monday against the new tax. "
                 "Similar protests in 2019 over a rise in fuel prices were dispersed by "
                 "police.")
    assert len(facts_of(r, "Protest")) == 2


def test_a_title_line_in_capitals_does_not_repeat_a_body_event(nlp):
    r = run(nlp, "PRESS RELEASE ON THE ARREST OF JOURNALISTS IN THE CAPITAL\n\n"
                 "Police arrested the journalist Ana Lima at her home in Maputo on Monday.")
    assert len(facts_of(r, "Arrest")) == 1


def test_the_person_named_before_the_verb_speaks_when_the_title_is_misparsed(nlp):
    r = run(nlp, "Posts and Telecommunications Minister Josiane Mbarga denied that the "
                 "government had ordered a shutdown.")
    (st,) = facts_of(r, "Statement")
    assert names(r, st.roles["speaker"]) == {"Josiane Mbarga"}


def test_a_saying_dated_by_a_weekday_with_its_part_of_day(nlp):
    r = run(nlp, "President Ana Diaz dissolved the government on Monday night, saying in a "
                 "televised address that ministers had failed the people.")
    (st,) = facts_of(r, "Statement")
    assert [t.value for t in st.roles.get("date", [])] == ["2023-03-13"]
