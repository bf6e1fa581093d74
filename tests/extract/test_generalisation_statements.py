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


# --- courtesies and feelings said in public ----------------------------------------------
def test_congratulating_and_expressing_sorrow_are_statements(nlp):
    r = run(nlp, "Norway's foreign ministry congratulated the ruling party on its win.")
    (st,) = facts_of(r, "Statement")
    assert "congratulated the ruling party" in _gist(st)
    r = run(nlp, "The Government of Laos expresses its deep sorrow at the loss of fourteen "
                 "lives.")
    (st,) = facts_of(r, "Statement")
    assert names(r, st.roles["speaker"]) == {"Government of Laos"}
    assert "deep sorrow" in _gist(st)


def test_offering_support_is_no_statement(nlp):
    r = run(nlp, "The Finnish army offered support to the farmers near Oulu.")
    assert not facts_of(r, "Statement")


# --- a quotation that goes on after the attribution --------------------------------------
def test_quotation_continued_after_the_attribution_is_the_same_speaker(nlp):
    r = run(nlp, '"We came with empty hands and they answered us with bullets," said Tomas '
                 'Berzins, a 24-year-old engineer. "There is no electricity and no water. '
                 'What else can we lose?"\nPolice said 34 people were detained in Riga.')
    berzins = [f for f in facts_of(r, "Statement")
               if names(r, f.roles["speaker"]) == {"Tomas Berzins"}]
    assert len(berzins) == 1
    assert "no electricity" in _gist(berzins[0])
    assert "34 people" not in _gist(berzins[0])


def test_quotation_with_its_own_attribution_is_not_continued(nlp):
    r = run(nlp, '"The talks failed," Foreign Minister Ana Costa said. "We will try again '
                 'in Lisbon," Prime Minister Rui Melo added.')
    costa = [f for f in facts_of(r, "Statement")
             if names(r, f.roles["speaker"]) == {"Ana Costa"}]
    assert len(costa) == 1
    assert "try again" not in _gist(costa[0])


# --- an accusation joined to a figure or a statement is said -----------------------------
def test_accusation_joined_to_a_figure_is_part_of_the_statement(nlp):
    r = run(nlp, "The Liberty Party put the death toll at more than 200 and accused the "
                 "government of hiding the scale of the disaster.")
    (st,) = facts_of(r, "Statement")
    assert "hiding the scale of the disaster" in _gist(st)


def test_accusing_participle_after_an_announcement_is_said(nlp):
    r = run(nlp, 'Interior Minister Jonas Berg announced the ban on state television, '
                 'accusing the party of "training militias".')
    (st,) = facts_of(r, "Statement")
    assert "training militias" in _gist(st)


# --- a reported clause the parser cut in two -----------------------------------------------
def test_reported_clause_cut_in_two_is_read_whole(nlp):
    r = run(nlp, "Their lawyers say the case rests on intercepted WhatsApp messages about a "
                 "joint opposition list for local elections.")
    (st,) = facts_of(r, "Statement")
    assert "intercepted WhatsApp messages" in _gist(st)


# --- an appeal or accusation that quotes the speaker's words is said -----------------------
def test_appeal_with_a_direct_quotation_is_a_statement(nlp):
    r = run(nlp, 'The Southern African Development Community urged the authorities to '
                 'release the detained politicians and to "respect the right of citizens to '
                 'assemble peacefully".')
    (st,) = facts_of(r, "Statement")
    assert names(r, st.roles["speaker"]) == {"Southern African Development Community"}
    assert "respect the right of citizens to assemble peacefully" in st.roles["quote"]
    assert facts_of(r, "Request")


def test_appeal_without_quotation_is_only_a_request(nlp):
    r = run(nlp, "The Namibian union urged its members to join the strike in Windhoek.")
    assert not facts_of(r, "Statement")
    assert facts_of(r, "Request")


def test_accusation_with_a_direct_quotation_is_a_statement(nlp):
    r = run(nlp, 'The Liberty Party accused the government of removing ministers "to cover '
                 'up its own failures".')
    (st,) = facts_of(r, "Statement")
    assert "cover up its own failures" in _gist(st)


# --- two sources across a semicolon --------------------------------------------------------
def test_figures_of_two_sources_across_a_semicolon(nlp):
    r = run(nlp, "Police put the crowd in Vilnius at 23,000; the Lithuanian Civic Forum, an "
                 "independent monitoring group, estimated it at 60,000.")
    gists = {next(iter(names(r, f.roles["speaker"]))): _gist(f)
             for f in facts_of(r, "Statement")}
    assert "23,000" in gists.get("Police", "")
    assert len(gists) == 2


# --- merging: a headline names in short an event its body tells ---------------------------
def test_headline_event_joins_the_body_events_of_its_kind(nlp):
    r = run(nlp, "Soldiers detained four opposition leaders in Maseru on Tuesday. Police "
                 "also detained 12 students at the national university in Roma.",
            headline="Lesotho junta detains opposition figures and bans protests")
    detentions = [f for f in r.facts if f.kind in ("Detention", "Arrest")]
    assert len(detentions) == 2, [(f.kind, f.roles) for f in detentions]


# --- plans and sayings still to come are no statements ---------------------------------------
def test_promise_with_only_an_infinitive_is_the_future_event(nlp):
    r = run(nlp, "Ghana has promised to send a further 1,000 troops to the border.")
    assert not facts_of(r, "Statement")
    (dep,) = facts_of(r, "Deployment")
    assert dep.factuality == "future"


def test_promise_with_a_that_clause_still_reports(nlp):
    r = run(nlp, "President Ana Costa promised that the killers would be found.")
    (st,) = facts_of(r, "Statement")
    assert "killers would be found" in _gist(st)


def test_saying_under_a_modal_is_not_yet_said(nlp):
    r = run(nlp, "The Estonian inquiry committee will report within 45 days.")
    assert not facts_of(r, "Statement")
    r = run(nlp, "The Latvian parliament must confirm the resignation, which it is expected "
                 "to do on Friday.")
    assert not facts_of(r, "Statement")


# --- "said she would announce ...": the announcement is what is said ------------------------
def test_said_she_would_announce_reports_the_clause(nlp):
    r = run(nlp, "Minister Ana Costa said she would announce the results in Lisbon.")
    (st,) = facts_of(r, "Statement")
    assert st.rule == "statement/said-that"
    assert "she would announce the results" in _gist(st)


# --- a body named by its apposition; a second source after a semicolon -----------------------
def test_mission_named_by_its_apposition_and_two_sources(nlp):
    r = run(nlp, "Local officials said at least 23 civilians were killed; the United Nations "
                 "mission, UNMIL, put the toll at 14.")
    by = {next(iter(names(r, f.roles["speaker"]))): _gist(f) for f in facts_of(r, "Statement")}
    assert "UNMIL" in by
    assert "toll at 14" not in by.get("Local officials", "toll at 14")


# --- nobody said it ------------------------------------------------------------------------
def test_no_group_claimed_is_no_statement(nlp):
    r = run(nlp, "The Liberation Front of Guyana denied any role, and no other group claimed "
                 "responsibility.")
    assert [names(r, f.roles["speaker"]) for f in facts_of(r, "Statement")] == [
        {"Liberation Front of Guyana"}]


# --- "his office said": the unnamed office keeps whose it is -------------------------------
def test_office_named_by_a_possessive_keeps_it(nlp):
    r = run(nlp, "President Ana Costa will meet the protesters on Thursday in Lisbon, her "
                 "office said.")
    (st,) = facts_of(r, "Statement")
    assert names(r, st.roles["speaker"]) == {"her office"}


# --- "X learned from Y": Y speaks to X -----------------------------------------------------
def test_learned_from_a_press_service_gives_speaker_and_addressee(nlp):
    r = run(nlp, "The Riga City Court on Monday sentenced activist Juris Ozols to 11 years of "
                 "imprisonment, LETA learned from the press service of the Supreme Court of "
                 "Latvia.")
    (st,) = facts_of(r, "Statement")
    assert names(r, st.roles["speaker"]) == {"Supreme Court of Latvia"}
    assert names(r, st.roles["addressee"]) == {"LETA"}
    assert "11 years" in _gist(st)


def test_learning_from_mistakes_is_no_statement(nlp):
    r = run(nlp, "The Ghanaian minister said the government had learned from its mistakes.")
    assert len(facts_of(r, "Statement")) == 1


# --- factuality: "a claim X could not verify" marks its own clause, not the sentence ----------
def test_unverified_claim_apposed_to_one_clause(nlp):
    r = run(nlp, "Six people close to the president were arrested in Lilongwe, the junta said, "
                 "adding that its men had seized suitcases of cash at their homes, a claim "
                 "Reuters could not independently verify.")
    (arrest,) = [f for f in r.facts if f.kind in ("Arrest", "Detention")]
    (seizure,) = facts_of(r, "Seizure")
    assert arrest.factuality is None
    assert seizure.factuality == "claimed"


def test_learning_of_a_dismissal_from_social_media_is_no_source(nlp):
    r = run(nlp, "Education Minister Jonas Berg told reporters in Riga that he had learned of "
                 "his dismissal from social media.")
    assert [names(r, f.roles["speaker"]) for f in facts_of(r, "Statement")] == [{"Jonas Berg"}]


# --- a headline's statement joins the body's, which names the speaker in full -----------------
def test_headline_statement_takes_the_body_speaker(nlp):
    r = run(nlp, 'The Zambia Red Cross Society, whose volunteers are searching villages along '
                 'the Kafue River, put the national toll at "at least 74".',
            headline="Disaster office: 61 dead; Red Cross says at least 74")
    (st,) = facts_of(r, "Statement")
    assert names(r, st.roles["speaker"]) == {"Zambia Red Cross Society"}


# --- a statement in the present of a dated release is dated by it ----------------------------
def test_present_tense_statement_takes_the_release_day(nlp):
    r = run(nlp, "The Command wishes to state categorically that no protester in Kitwe was "
                 "killed by police.")
    (st,) = facts_of(r, "Statement")
    assert [d.value for d in st.roles.get("date", [])] == ["2023-03-14"]  # the stamp's day
    r = run(nlp, "The Zambian ministry said 40 people were detained in Kitwe.")
    (st,) = facts_of(r, "Statement")
    assert not st.roles.get("date")


def test_a_date_in_the_reported_clause_does_not_date_a_present_release(nlp):
    # the release speaks on its own day; "with effect from ..." dates the declaration
    r = run(nlp, "The Disaster Office wishes to inform the public that the President has "
                 "declared a state of disaster in Kasama, with effect from 10th March 2023.")
    (st,) = facts_of(r, "Statement")
    assert [d.value for d in st.roles.get("date", [])] == ["2023-03-14"]  # the stamp's day
    # told in the past, the clause's date is still the only day given, and stands in
    r = run(nlp, "The Disaster Office said the President had declared a state of disaster "
                 "in Kasama on 10 March 2023.")
    (st,) = facts_of(r, "Statement")
    assert [d.value for d in st.roles.get("date", [])] == ["2023-03-10"]
