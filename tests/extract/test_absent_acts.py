"""Absent and negated acts (round 12): an act the text says did not take place is a
negated fact of its type (docs/evaluation.md, "Factuality"), in every clause shape news
uses for it:

- a determiner on the act's noun: "No arrests were made", "made no arrests", "no shots
  were fired", "has not received any request" (kg/extract/factuality.py ``absent_act``:
  such a fact needs no theme or agent of its own);
- a source that kept silent: "X did not comment", "declined to comment", "could not be
  reached for comment" (kg/extract/silences.py), and the press query it did not answer is
  no Request of its own;
- the opposite state: "the port remained open" is a negated Closure (closure.yaml
  ``closure/remained-open``), also after "was not affected and ...";
- the clause's negation does not reach an event told as its circumstance ("no shots were
  fired during the protest": the protest took place).

Sentences invented, set in Zambia, Benin, Palau, Nauru, Qatar, Latvia, Estonia, Jamaica,
Botswana and Vietnam.
"""

from __future__ import annotations

import pytest

from tests.extract.event_helpers import facts_of, names, run


def _negated(result, kind):
    return [f for f in facts_of(result, kind) if f.factuality == "negated"]


# --- absent acts: a determiner on the act's noun ----------------------------------------
@pytest.mark.parametrize(("sentence", "kind"), [
    ("No arrests were made in Lusaka on Monday.", "Arrest"),             # passive, no role
    ("Police in Porto-Novo made no arrests.", "Arrest"),                 # light verb object
    ("Police in Riga did not make any arrests.", "Arrest"),              # negated light verb
    ("No shots were fired at the protesters in Riga.", "Attack"),        # phrase verb
    ("The government of Palau did not impose a curfew.", "Curfew"),
])
def test_absent_act_is_a_negated_fact(nlp, sentence, kind):
    found = _negated(run(nlp, sentence), kind)
    assert found, f"no negated {kind}"


@pytest.mark.parametrize("sentence", [
    "The Vietnamese foreign ministry has not yet received a request from Palau.",
    "Botswana has not received any request for troops.",
])
def test_request_not_received_is_negated_with_the_one_asked(nlp, sentence):
    result = run(nlp, sentence)
    found = _negated(result, "Request")
    assert found, "no negated Request"
    who = names(result, found[0].roles.get("addressee"))
    assert who & {"Ministry of Foreign Affairs of Vietnam", "Vietnamese foreign ministry",
                  "Botswana"}, found[0].roles
    assert not found[0].roles.get("agent")  # the recipient is not the one who asks


def test_a_received_request_is_asserted_with_the_recipient_as_addressee(nlp):
    result = run(nlp, "Estonia received a request for help from Latvia on Monday.")
    found = facts_of(result, "Request")
    assert found and found[0].factuality is None
    assert names(result, found[0].roles.get("addressee")) == {"Estonia"}


# --- silences --------------------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "speaker"), [
    ("The Latvian government has not commented on the report.", "Government of Latvia"),
    ("Officials in Doha have declined to comment.", "Officials in Doha"),
    ("The Qatari interior ministry refused to comment on the reports.",
     "Ministry of Internal Affairs of Qatar"),
    ("Minister Tomas Kalnins could not be reached for comment.", "Tomas Kalnins"),
    # (a country's name before "police" owns it as the nationality would: round 16)
    ("The Palau police, which registers all boats, has not yet responded to the offer.",
     "Police of Palau"),
    ("The ministry said it had sent 200 officers to Kasane. It did not comment on the "
     "arrests.", "ministry"),
])
def test_silence_is_a_negated_statement(nlp, sentence, speaker):
    result = run(nlp, sentence)
    found = _negated(result, "Statement")
    assert found, "no negated Statement"
    assert names(result, found[0].roles["speaker"]) == {speaker}


def test_silence_stays_apart_from_what_the_speaker_said(nlp):
    result = run(nlp, "The ministry said it had sent 200 officers to Kasane. It did not "
                      "comment on the arrests.")
    asserted = [f for f in facts_of(result, "Statement") if f.factuality is None]
    assert asserted and _negated(result, "Statement")


def test_unanswered_press_query_is_no_request_and_names_the_one_asking(nlp):
    result = run(nlp, "The Ministry of Health of Botswana did not respond to a request for "
                      "comment.")
    assert not facts_of(result, "Request")
    assert _negated(result, "Statement")
    result = run(nlp, "Jamaican officials did not respond to Reuters inquiries about the "
                      "incident.")
    found = _negated(result, "Statement")
    assert found and names(result, found[0].roles.get("addressee")) == {"Reuters"}
    assert not facts_of(result, "Investigation")


@pytest.mark.parametrize("sentence", [
    "The Latvian foreign minister said Riga would not comment on internal affairs of Estonia.",
    "Police in Gaborone did not confirm that two officers had died.",
])
def test_announced_silence_or_withheld_report_is_no_silence(nlp, sentence):
    assert not _negated(run(nlp, sentence), "Statement")


# --- the opposite state ----------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "theme"), [
    ("The border crossing at Valka remained open on Tuesday.", "Valka"),
    ("The airport in Tallinn was not affected and remained open.", "Tallinn"),
    ("The port at Ventspils, which was not affected by the strike, remains open.",
     "Ventspils"),
    ("The main road to Kasane was kept open by soldiers.", "Kasane"),
])
def test_remained_open_is_a_negated_closure(nlp, sentence, theme):
    found = _negated(run(nlp, sentence), "Closure")
    assert found, "no negated Closure"
    assert any(theme in str(v) or getattr(v, "text", "").endswith(theme)
               for v in found[0].roles.get("theme", []) + found[0].roles.get("location", []))


@pytest.mark.parametrize("sentence", [
    "Schools in Lusaka will remain open.",
    "The embassy in Riga would remain open with reduced staff.",
])
def test_promised_open_state_is_no_fact(nlp, sentence):
    assert not facts_of(run(nlp, sentence), "Closure")


def test_closed_and_remains_closed_is_one_asserted_closure(nlp):
    found = facts_of(run(nlp, "The border crossing at Valga was closed on Monday and "
                              "remains closed."), "Closure")
    assert found and all(f.factuality is None for f in found)


# --- a circumstance keeps its own factuality --------------------------------------------
@pytest.mark.parametrize(("sentence", "kind"), [
    ("Police said no shots were fired during the protest in Riga.", "Protest"),
    ("The port at Charlestown was not affected by the strike and remained open.", "Protest"),
])
def test_circumstance_of_a_negated_clause_took_place(nlp, sentence, kind):
    found = facts_of(run(nlp, sentence), kind)
    assert found and all(f.factuality is None for f in found)


# --- one update retelling one act (round 12, e2) ------------------------------------------
@pytest.mark.parametrize("text", [
    "Latvia's interior minister, Andris Kalnins, resigned on Wednesday. In a letter to the "
    "president, Kalnins said he was stepping down so that the police could work calmly.",
    "Jamaica's health minister, Carla Reid, stepped down on Monday. Reid, who had held the "
    "post since 2021, told reporters she had resigned to spend time with her family.",
])
def test_one_persons_resignation_told_twice_is_one_fact(nlp, text):
    assert len(facts_of(run(nlp, text), "Resignation")) == 1


# --- "released without charge" after a count or a rank ------------------------------------
@pytest.mark.parametrize("text", [
    "Police detained three men in Lusaka on Monday. Two were charged with fraud; the third, "
    "an architect, was released without charge.",
    "Police in Riga detained eight protesters. Three were charged and the remaining five "
    "were freed without charge.",
])
def test_counted_rest_released_without_charge(nlp, text):
    result = run(nlp, text)
    assert facts_of(result, "Release"), "no Release"
    assert _negated(result, "Charge"), "no negated Charge"
