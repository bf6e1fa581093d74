"""Round 6 (issue 15): statement cues, speakers and gists, and factuality in conditions,
each pinned on sentences written for the purpose (other names, other countries than the
dev texts)."""

from __future__ import annotations

from kg.records import Mention
from tests.extract.event_helpers import facts_of, names, run


def _gist(fact):
    return " ".join(fact.roles.get("gist", []))


# --- "said in a statement that ...": the clause hung on the medium noun ----------------
def test_said_in_a_statement_that_reports_the_clause(nlp):
    r = run(nlp, "The Zambian police put the number of arrests at 14 and said in a statement "
                 "that the suspects would be charged with sedition.")
    (st,) = facts_of(r, "Statement")
    assert "suspects would be charged with sedition" in _gist(st)
    assert "statement" in names(r, st.roles.get("medium"))
    (charge,) = facts_of(r, "Charge")
    assert charge.factuality == "future"  # "would" under the saying, not a condition


# --- "X put the number at N and said ...": the saying joined to a figure ---------------
def test_said_joined_to_a_figure_of_a_second_source(nlp):
    r = run(nlp, "Police said 300 people had been detained, while the Ghana Bar Association "
                 "put the number at more than 500 and said dozens of students were being "
                 "held.")
    bar = [f for f in facts_of(r, "Statement")
           if names(r, f.roles["speaker"]) == {"Ghana Bar Association"}]
    assert len(bar) == 1
    assert "students were being held" in _gist(bar[0])


# --- a named spokesperson hung on the body by the parser --------------------------------
def test_named_spokesman_for_a_body_speaks_himself(nlp):
    r = run(nlp, "A spokesman for the Botswana Defence Force, Kabelo Mosweu, said the "
                 "border would stay closed.")
    (st,) = facts_of(r, "Statement")
    assert names(r, st.roles["speaker"]) == {"Kabelo Mosweu"}


# --- an unnamed official of an unnamed body speaks for the body -------------------------
def test_official_of_an_unnamed_body_speaks_for_the_body(nlp):
    r = run(nlp, "Two bridges collapsed near Kasane, an official of the district disaster "
                 "office told Reuters.")
    (st,) = facts_of(r, "Statement")
    assert names(r, st.roles["speaker"]) == {"district disaster office"}


def test_official_named_by_the_acronym_of_a_body_speaks_for_it(nlp):
    r = run(nlp, "The Southern African Development Community (SADC) sent observers to "
                 "Maseru. The observers will stay until June, an SADC official said.")
    st = [f for f in facts_of(r, "Statement") if "observers will stay" in _gist(f)]
    assert len(st) == 1
    assert names(r, st[0].roles["speaker"]) == {"Southern African Development Community"}


# --- a heading line the layout did not mark: its speaker by role is told in the body ----
def test_heading_line_with_a_speaker_by_role_is_not_a_statement(nlp):
    r = run(nlp, "Police in Maseru detained 20 people on Monday.\n"
                 "Rights group puts toll at 12\n"
                 "The Lesotho Red Cross Society said twelve people had been killed.")
    speakers = [f.roles["speaker"][0] for f in facts_of(r, "Statement")]
    assert len(speakers) == 1 and isinstance(speakers[0], Mention)


# --- factuality: a negation inside a condition leaves the event open --------------------
def test_negated_event_in_a_condition_is_hypothetical(nlp):
    r = run(nlp, "If no suspects are arrested by Friday, the Estonian opposition will hold "
                 "a protest in Tallinn.")
    (arrest,) = [f for f in r.facts if f.kind in ("Arrest", "Detention")]
    assert arrest.factuality == "hypothetical"
