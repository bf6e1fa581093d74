"""Communication frames (round 13): what a speaker says, whom a request or accusation is
about, and who is dismissed, in the clause shapes news uses for them.

- a reported clause in two halves: the parser hangs the second half on the verb of
  saying as its conjunct ("said that X was calm and expected no disruption", "said he
  condemned X but understood Y", "told the meeting that X, but that Y"); it is said too
  (kg/extract/statement_cues.py ``_reported_conjuncts``), while a conjunct with its own
  subject and no "that" is the narrative going on;
- an appeal joined to an accusation that is said by its quotation ("accused X of 'Y' and
  called on Z to W") is part of the same statement;
- an object pronoun never stands for its own clause's subject ("X accused him of ...",
  "X called on her to resign": kg/extract/coref.py ``_coargument_subject``);
- a title with its holder's name after a comma, however the parser hung the name
  ("dismissed the Chief Executive Officer of X, Mr Y,"; "the commander of X, Colonel Y,
  had been relieved of his duties", the name hung on the place);
- "would not confirm" told by the narrator is a refusal that took place (a negated
  Statement), while "said it would not comment" is only announced.

Sentences invented, set in Zambia, Benin, Palau, Nauru, Qatar, Latvia, Estonia, Jamaica,
Botswana and Vietnam.
"""

from __future__ import annotations

import pytest

from tests.extract.event_helpers import facts_of, names, run


def _gists(result) -> list[str]:
    return [g for f in facts_of(result, "Statement") for g in f.roles.get("gist", [])]


# --- a reported clause in two halves ----------------------------------------------------
@pytest.mark.parametrize(("sentence", "second"), [
    ('A European Commission spokesman said on Thursday that Riga was following events '
     '"calmly" and expected no disruption to payments.', "no disruption to payments"),
    ('Prime Minister Kalani Banda told a cabinet meeting in Lusaka that the government would '
     '"not tolerate an illegal occupation", but that police would not enter the dock before '
     'the deadline expires.', "police would not enter the dock"),
    ('Housing Minister Ilze Ozola said he condemned the rioting "without any reservation" '
     'but understood "the deep frustration of a generation".', "understood the deep frustration"),
])
def test_second_half_of_reported_clause_is_said(nlp, sentence, second):
    gists = _gists(run(nlp, sentence))
    assert any(second in g for g in gists), gists


def test_second_half_quote_is_kept(nlp):
    result = run(nlp, 'Housing Minister Ilze Ozola said he condemned the rioting "without any '
                      'reservation" but understood "the deep frustration of a generation".')
    quotes = [q for f in facts_of(result, "Statement") for q in f.roles.get("quote", [])]
    assert "the deep frustration of a generation" in quotes


def test_narrative_conjunct_with_own_subject_is_not_said(nlp):
    gists = _gists(run(nlp, "The interior ministry of Botswana said 20 people were arrested "
                            "on Monday, and police deployed 300 officers in Gaborone."))
    assert gists and not any("deployed" in g for g in gists), gists


# --- an appeal joined to a quoted accusation ---------------------------------------------
@pytest.mark.parametrize(("sentence", "appeal"), [
    ('Opposition leader Kabo Sebego accused the government of "jailing anyone who disagrees '
     'with it" and called on the African Union to send a fact-finding mission.',
     "fact-finding mission"),
    ('Zambian opposition leader Mwila Banda accused the cabinet of "treating the state as a '
     'family business" and urged the president to set an early date.', "set an early date"),
])
def test_appeal_joined_to_quoted_accusation_is_said(nlp, sentence, appeal):
    gists = _gists(run(nlp, sentence))
    assert len(facts_of(run(nlp, sentence), "Statement")) == 1
    assert any(appeal in g for g in gists), gists


# --- an object pronoun is not its own clause's subject -------------------------------------
@pytest.mark.parametrize(("sentence", "kind", "role"), [
    ('Prime Minister Kalani Banda spoke in Lusaka on Monday. Opposition leader Mwila Zulu '
     'accused him of "treating the state as a family business".', "Accusation", "theme"),
    ("Prime Minister Kalani Banda spoke in Lusaka on Monday. Opposition leader Mwila Zulu "
     "has called on him to step aside.", "Request", "addressee"),
    ("Prime Minister Kalani Banda spoke in Lusaka on Monday. Opposition leader Mwila Zulu "
     "urged him to resign.", "Request", "addressee"),
])
def test_object_pronoun_is_not_the_subject(nlp, sentence, kind, role):
    result = run(nlp, sentence)
    found = facts_of(result, kind)
    assert found
    assert all("Mwila Zulu" not in names(result, f.roles.get(role)) for f in found), \
        [f.roles for f in found]


# --- a title with its holder's name after a comma ----------------------------------------
@pytest.mark.parametrize(("sentence", "person", "role"), [
    ("The cabinet of Benin has dismissed the Chief Executive Officer of the Benin Port "
     "Authority, Mr Koffi Adjovi, with immediate effect.", "Koffi Adjovi",
     "Chief Executive Officer"),
    ("The minister fired the chief executive of the Jamaica Water Authority, Desmond Clarke, "
     "on Monday.", "Desmond Clarke", "chief executive"),
    ("In a statement issued late on Monday, the presidency of Botswana said the provincial "
     "police commander of Ghanzi, Commissioner Tebogo Sechele, had been relieved of "
     "his duties.", "Tebogo Sechele", "police commander"),
])
def test_dismissed_title_holder_named_after_comma(nlp, sentence, person, role):
    result = run(nlp, sentence)
    found = [f for f in facts_of(result, "Dismissal")
             if person in names(result, f.roles.get("theme"))]
    assert found, [f.roles for f in facts_of(result, "Dismissal")]
    assert any(role in r for f in found for r in f.roles.get("role", []))


# --- a refusal told by the narrator ---------------------------------------------------------
def test_would_not_confirm_is_a_negated_statement(nlp):
    found = [f for f in facts_of(run(nlp, "Police in Riga would not confirm the report."),
                                 "Statement") if f.factuality == "negated"]
    assert found


def test_said_it_would_not_comment_is_only_announced(nlp):
    found = [f for f in facts_of(run(nlp, "The ministry of Latvia said it would not comment "
                                          "on the case."), "Statement")
             if f.factuality == "negated"]
    assert not found


# --- what a request asks for: its own conjuncts, not the asker's next act -----------------
def test_request_theme_keeps_conjoined_gerunds(nlp):
    result = run(nlp, "Latvia asked its allies on Friday for help in detecting and bringing "
                      "down small drones.")
    themes = [t for f in facts_of(result, "Request") for t in f.roles.get("theme", [])]
    assert any("bringing down small drones" in t for t in themes if isinstance(t, str)), themes


@pytest.mark.parametrize("sentence", [
    "The opposition Harmony Party of Estonia called on the justice minister to appear before "
    "parliament's legal affairs committee and accused the government of leaving the "
    "country's airspace \"wide open\".",
    "The teachers' union of Jamaica urged the ministry to withdraw the decree and accused the "
    "cabinet of ignoring workers.",
])
def test_finite_verb_after_requested_infinitive_is_the_askers_act(nlp, sentence):
    result = run(nlp, sentence)
    themes = [t for f in facts_of(result, "Request") for t in f.roles.get("theme", [])]
    assert themes and not any("accused" in t for t in themes if isinstance(t, str)), themes
    accusations = facts_of(result, "Accusation")
    assert accusations and all(f.roles.get("agent") for f in accusations)
    assert all(f.factuality is None for f in accusations)


def test_conjoined_infinitives_stay_asked(nlp):
    result = run(nlp, "The party of Vietnam asked the court to release the men and to drop "
                      "the charges.")
    themes = [t for f in facts_of(result, "Request") for t in f.roles.get("theme", [])]
    assert any("drop the charges" in t for t in themes if isinstance(t, str)), themes


# --- an appointment to lead something: the charge is the office ---------------------------
@pytest.mark.parametrize(("sentence", "person", "charge"), [
    ("Deputy Commissioner Lucia Banda was appointed to lead the provincial command on an "
     "interim basis.", "Lucia Banda", "lead the provincial command"),
    ("The president of Zambia appointed judge Mary Phiri to head the inquiry into the deaths.",
     "Mary Phiri", "head the inquiry"),
])
def test_appointed_to_lead_has_that_office(nlp, sentence, person, charge):
    result = run(nlp, sentence)
    found = [f for f in facts_of(result, "Appointment")
             if person in names(result, f.roles.get("theme"))]
    assert found
    roles = [r for f in found for r in f.roles.get("role", [])]
    assert any(charge in r for r in roles), roles
    assert not any("Commissioner" in r for r in roles), roles


# --- an appeal turned down, named by what it asks -----------------------------------------
@pytest.mark.parametrize(("sentence", "theme"), [
    ("The opposition called on Minister Ilze Ozola to resign. Ozola has rejected the call.",
     "call to resign"),
    ("The union urged the government of Qatar to raise wages. The government rejected the "
     "demand on Monday.", "demand to raise wages"),
])
def test_rejected_appeal_is_named_by_what_it_asks(nlp, sentence, theme):
    themes = [t for f in facts_of(run(nlp, sentence), "Rejection")
              for t in f.roles.get("theme", [])]
    assert theme in themes, themes


# --- a measure's stated reason; permits suspended -----------------------------------------
@pytest.mark.parametrize(("sentence", "cause"), [
    ("On Monday, the Financial Authority of Estonia suspended the banking licence of Tallinn "
     "Bank with immediate effect, saying the bank had failed to report suspicious transfers.",
     "failed to report suspicious transfers"),
    ("Qatar froze the assets of two firms, citing links to the militia.", "links to the militia"),
])
def test_sanction_cause_from_stated_reason(nlp, sentence, cause):
    causes = [c for f in facts_of(run(nlp, sentence), "Sanction") for c in f.roles.get("cause", [])]
    assert any(cause in c for c in causes), causes


def test_suspended_certificate_is_a_sanction(nlp):
    found = facts_of(run(nlp, "The Ministry of Latvia has suspended the seaworthiness "
                              "certificate of the ferry until the investigation is completed."),
                     "Sanction")
    assert found
