"""Statements: speaker, cue, addressee, medium, date, quotes; attribution of inner facts."""

from __future__ import annotations

from datetime import UTC, datetime

from kg.records import EntityType, Mention, TimeExpr
from tests.extract.event_helpers import facts_of, names, run


def _statement(result):
    found = facts_of(result, "Statement")
    assert len(found) == 1, [(f.rule, f.roles) for f in found]
    return found[0]


def _date(fact):
    return next((v.value for v in fact.roles.get("date", []) if isinstance(v, TimeExpr)), None)


def test_told_gives_addressee_and_the_reported_clause(nlp):
    r = run(nlp, "The talks will continue in Geneva, presidential aide Ivan Petrov told Reuters.")
    s = _statement(r)
    assert names(r, s.roles["speaker"]) == {"Ivan Petrov"}
    assert names(r, s.roles["addressee"]) == {"Reuters"}
    assert s.roles["cue"] == ["tell"]
    assert "talks will continue in Geneva" in s.roles["gist"][0]
    assert s.rule == "statement/told"


def test_said_on_weekday_resolves_against_the_stamp(nlp):
    stamp = datetime(2022, 1, 10, 5, 0, tzinfo=UTC)  # a Monday
    r = run(nlp, "Only local police units are taking part in the search in Oslo, Justice "
                 "Minister Kari Berg said on Sunday.", stamp=stamp)
    s = _statement(r)
    assert names(r, s.roles["speaker"]) == {"Kari Berg"}
    assert _date(s) == "2022-01-09"
    assert s.reported == stamp


def test_quote_medium_and_one_statement_per_speaker(nlp):
    r = run(nlp, "\"Five trucks and ten rifles were seized in Tromso,\" the Norwegian police "
                 "said in a statement. \"The situation is calm,\" the police said in an "
                 "interview with Reuters.")
    s = _statement(r)
    assert "Five trucks and ten rifles were seized in Tromso" in s.roles["quote"]
    media = names(r, s.roles["medium"])
    assert "statement" in media and "Reuters" in media
    seizure = facts_of(r, "Seizure")[0]
    assert seizure.attributed_to is not None
    # a passive security action reported by a security body has that body as its agent
    agent = seizure.roles["agent"][0]
    assert isinstance(agent, Mention) and agent.type is EntityType.ARMED_FORCE
    assert seizure.rule.endswith("+reporter-agent")


def test_according_to_names_the_speaker(nlp):
    r = run(nlp, "The city is calm, according to Radio Lima, a local station.")
    s = _statement(r)
    assert names(r, s.roles["speaker"]) == {"Radio Lima"}
    assert s.roles["cue"] == ["according to"]
    assert "city is calm" in s.roles["gist"][0]


def test_according_to_the_release_points_back_to_the_last_speaker(nlp):
    r = run(nlp, "Three cells have been dismantled in Cali, the Colombian police said in a "
                 "statement. According to the release, nine members of the cells were "
                 "arrested on Sunday.")
    s = _statement(r)
    arrest = facts_of(r, "Arrest")[0]
    assert arrest.attributed_to is not None
    assert arrest.attributed_to.text == s.roles["speaker"][0].text


def test_message_sent_to_gives_the_addressee(nlp):
    r = run(nlp, "\"We are ready to help,\" Kenyan President John Mwangi said in a message "
                 "sent to Tanzanian President Asha Juma.")
    s = _statement(r)
    assert names(r, s.roles["speaker"]) == {"John Mwangi"}
    assert names(r, s.roles["addressee"]) == {"Asha Juma"}
    assert "message" in s.roles["medium"]


def test_pronoun_speaker_is_the_last_speaker(nlp):
    r = run(nlp, "The curfew will end on Friday, Interior Minister Ana Costa said. She added "
                 "that the army would stay in Porto.")
    s = _statement(r)
    assert names(r, s.roles["speaker"]) == {"Ana Costa"}
    assert set(s.roles["cue"]) == {"say", "add"}


def test_headline_statement_merges_with_the_body(nlp):
    r = run(nlp, "The situation is under control, the interior ministry said on Tuesday.",
            headline="Situation in Peru Under Control, Interior Ministry Says")
    s = _statement(r)
    assert _date(s) == "2023-03-14"
    assert s.rule == "statement/inverted"


def test_a_correspondents_report_is_no_statement(nlp):
    # the outlet's own narration (people by role otherwise speak as text: speakers.py)
    r = run(nlp, "A correspondent reported on Monday that the power was back in Lima.")
    assert facts_of(r, "Statement") == []


def test_two_officials_of_one_update_stay_two_statements(nlp):
    r = run(nlp, "Interior Minister Ana Costa told reporters that the curfew would end. "
                 "The mayor of Porto said on Monday that three buses were torched overnight.")
    speakers = [f.roles["speaker"][0].text for f in facts_of(r, "Statement")]
    assert len(speakers) == 2 and "Ana Costa" in speakers


def test_a_description_merges_with_the_titled_name(nlp):
    r = run(nlp, "Kenyan President John Mwangi says the border will reopen. The Kenyan "
                 "president said in his letter that trade would resume.")
    s = _statement(r)
    assert names(r, s.roles["speaker"]) == {"John Mwangi"}
    assert "letter" in s.roles["medium"]


def test_quotation_after_the_cue(nlp):
    r = run(nlp, "The Chilean interior minister said: \"Forty people were detained in "
                 "Valparaiso.\"")
    s = _statement(r)
    assert s.roles["quote"] == ["Forty people were detained in Valparaiso."]
    detention = facts_of(r, "Detention")[0]
    assert detention.attributed_to is not None
