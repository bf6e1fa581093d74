"""Speakers and agents named by a description, an apposition or a body's officers
("The Minister stressed", "According to the spokesperson, X, the cabinet decided", "The
prefect of X, Y, says", "Police said officers detained", "President X signed a decree
declaring", "He will be sworn in"). Invented sentences, names and places other than the
dev texts'."""

from __future__ import annotations

from kg.records import Mention
from tests.extract.event_helpers import facts_of, names, run


def _one(result, kind):
    found = facts_of(result, kind)
    assert len(found) == 1, [(f.rule, f.roles) for f in found]
    return found[0]


def test_a_bare_title_speaker_is_the_holder_of_a_title_with_that_head(nlp):
    r = run(nlp, "The Interior Minister of Zambia, Mwila Banda, visited Ndola on Monday. "
                 "The Minister stressed that the police would protect residents.")
    s = _one(r, "Statement")
    assert names(r, s.roles["speaker"]) == {"Mwila Banda"}


def test_a_bare_title_is_not_the_holder_of_a_vice_title(nlp):
    r = run(nlp, "Vice President Chanda Mulenga of Zambia visited Ndola on Monday. "
                 "The President stressed that the police would protect residents.")
    s = _one(r, "Statement")
    assert names(r, s.roles["speaker"]) != {"Chanda Mulenga"}


def test_for_his_part_is_never_a_theme(nlp):
    r = run(nlp, "The Governor of the Southern Province, Chanda Mulenga, met community "
                 "leaders in Livingstone on Monday. The Governor, for his part, appealed to "
                 "parents to keep children at home.")
    req = _one(r, "Request")
    assert names(r, req.roles["agent"]) == {"Chanda Mulenga"}
    assert "part" not in " ".join(str(t) for t in req.roles.get("theme", []))
    assert "keep children at home" in req.roles["theme"][0]


def test_according_to_a_described_source_the_apposed_name_speaks(nlp):
    for name in ("Ruth Chanda Banda", "Maria Fernanda Olivera"):
        r = run(nlp, f"According to the government spokesperson, {name}, the cabinet "
                     "decided to send two battalions to the border.")
        s = _one(r, "Statement")
        assert names(r, s.roles["speaker"]) == {name}
        assert not s.roles["gist"][0].startswith(name.split()[0])
        assert s.roles["gist"][0].startswith("the cabinet decided")


def test_the_apposed_name_of_a_fronted_source_is_not_the_agent(nlp):
    r = run(nlp, "President Kwame Asante has chaired a meeting of the Council of Ministers "
                 "in Porto-Novo. According to the government spokesperson, Fatima Ali "
                 "Bako, the cabinet decided to send two additional battalions to the "
                 "Alibori region.")
    for kind in ("Decision", "Deployment"):
        f = _one(r, kind)
        assert "Fatima Ali Bako" not in names(r, f.roles.get("agent")), kind
    s = _one(r, "Statement")
    assert names(r, s.roles["speaker"]) == {"Fatima Ali Bako"}


def test_the_prefect_of_a_town_named_in_apposition_speaks(nlp):
    r = run(nlp, "The prefect of the Zou department, Marcel Dossou, says the road to "
                 "Abomey is closed.")
    s = _one(r, "Statement")
    assert names(r, s.roles["speaker"]) == {"Marcel Dossou"}


def test_officers_a_force_reports_act_for_it(nlp):
    r = run(nlp, "Police in Gaborone said officers detained 14 people and seized two rifles "
                 "on Sunday.")
    for kind in ("Detention", "Seizure"):
        (agent,) = _one(r, kind).roles["agent"]
        assert isinstance(agent, Mention) and "police" in agent.text.lower(), kind


def test_officers_a_ministry_reports_stay_as_written(nlp):
    r = run(nlp, "The Ministry of Home Affairs of Botswana said officers detained 14 people "
                 "in Maun on Sunday.")
    assert _one(r, "Detention").roles["agent"] == ["officers"]


def test_officers_who_plotted_are_not_the_force_that_reports_it(nlp):
    r = run(nlp, "The army says a group of officers had planned to seize the headquarters of "
                 "the state broadcaster in Gaborone.")
    for f in facts_of(r, "Seizure"):
        assert f.roles.get("agent") == ["officers"]


def test_the_signer_of_a_decree_declares_what_it_declares(nlp):
    r = run(nlp, "President Kabelo Sebina signed a decree declaring a state of emergency in "
                 "the Chobe district.")
    soe = _one(r, "StateOfEmergency")
    assert names(r, soe.roles["agent"]) == {"Kabelo Sebina"}


def test_he_to_be_sworn_in_is_the_person_just_appointed(nlp):
    r = run(nlp, "President Mwila Banda has named Chanda Phiri, a lawyer from Ndola, as the "
                 "new justice minister. He will be sworn in on Friday.")
    found = facts_of(r, "Appointment")
    assert found and all(names(r, f.roles["theme"]) == {"Chanda Phiri"} for f in found)


def test_his_office_of_a_described_officer_is_the_body(nlp):
    r = run(nlp, "The Southern African Development Community chairperson has spoken by "
                 "phone with President Kabelo Sebina of Botswana and plans to send a team to "
                 "Maun next week, his office says.")
    s = _one(r, "Statement")
    assert names(r, s.roles["speaker"]) == {"Southern African Development Community"}


# --- one Statement per speaker -------------------------------------------------------------
def test_a_quoted_addressee_of_an_appeal_is_no_statement(nlp):
    r = run(nlp, 'The African Union urged "all Beninese political actors" to exercise '
                 "restraint and to settle their disputes through the courts.")
    assert len(facts_of(r, "Request")) == 1
    assert facts_of(r, "Statement") == []


def test_a_quoted_appeal_is_still_said(nlp):
    r = run(nlp, 'The African Union urged the parties in Benin to "settle their disputes '
                 'through the courts and nowhere else".')
    assert len(facts_of(r, "Statement")) == 1


def test_a_body_named_by_its_acronym_and_in_full_speaks_once_per_update(nlp):
    r = run(nlp, "The Latvian National Armed Forces (NAF) said two drones had crashed near "
                 "Rezekne on Monday. Later the NAF added that no one was hurt.")
    statements = facts_of(r, "Statement")
    assert len(statements) == 1, [f.roles for f in statements]
    gist = statements[0].roles["gist"][0]
    assert "drones" in gist and "no one was hurt" in gist


def test_an_unnamed_officer_of_a_country_speaks_for_the_country(nlp):
    r = run(nlp, "Estonia's foreign minister said Tallinn was watching closely.")
    assert names(r, _one(r, "Statement").roles["speaker"]) == {"Estonia"}


def test_an_officer_introduced_by_name_stays_the_person(nlp):
    r = run(nlp, "Estonian Foreign Minister Kadri Tamm visited Riga. Estonia's foreign "
                 "minister said Tallinn was watching closely.")
    assert names(r, _one(r, "Statement").roles["speaker"]) == {"Kadri Tamm"}


def test_the_issuer_of_a_decision_banning_is_the_agent(nlp):
    r = run(nlp, "The Commissioner of Police, Senior Superintendent Kabelo Sebina, has issued "
                 "a decision banning all marches in Francistown until further notice.")
    assert names(r, _one(r, "Ban").roles["agent"]) == {"Kabelo Sebina"}


def test_his_office_is_not_the_office_named_later_in_the_update(nlp):
    """"his office said" after "Prime Minister X ...": the office of the person just
    named, a speaker of its own, never joined to the attorney general's office the
    update names next."""
    r = run(nlp, "Prime Minister Janis Ozols accepted the resignation and named Transport "
                 "Minister Ilze Kalnina to take on the finance portfolio as well, his office said. "
                 "The attorney general's office said it was studying the ruling.")
    speakers = [names(r, f.roles["speaker"]) for f in facts_of(r, "Statement")]
    assert {"his office"} in speakers, speakers
    assert len(speakers) == 2, speakers


def test_an_unnamed_officer_of_a_described_body_speaks_for_that_body(nlp):
    """"the bloc's secretary-general said": the bloc named before speaks."""
    r = run(nlp, "The Baltic Coastal Union (BCU) has pledged a relief "
                 "package of US$3 million, the bloc's secretary-general said.")
    s = _one(r, "Statement")
    assert names(r, s.roles["speaker"]) == {"Baltic Coastal Union"}


def test_an_unnamed_officer_of_a_named_body_speaks_for_it(nlp):
    r = run(nlp, "The Latvian Red Cross Society sent 40 volunteers to Valmiera, the society's "
                 "director said.")
    s = _one(r, "Statement")
    assert names(r, s.roles["speaker"]) == {"Latvian Red Cross Society"}


def test_a_spokeswoman_for_the_company_speaks_for_the_site_it_runs(nlp):
    """"The X spa was closed ..., a spokeswoman for the company said": the unnamed
    operator of the named site speaks as that site; a company named before is that
    company."""
    r = run(nlp, "The Silver Birch spa, which lies west of the lake, was closed and some 300 "
                 "guests and staff were evacuated from the site, a spokeswoman for the "
                 "company said.")
    s = _one(r, "Statement")
    assert names(r, s.roles["speaker"]) == {"Silver Birch"}
    r = run(nlp, "Ventspils Amber Company closed its Liepaja plant on Monday. Some 300 "
                 "workers were sent home, a spokesman for the company said.")
    s = _one(r, "Statement")
    assert names(r, s.roles["speaker"]) == {"Ventspils Amber Company"}


def test_campaigners_and_administrators_speak_as_text(nlp):
    r = run(nlp, "The strike has forced the Stradins Hospital in Riga to cancel "
                 "all non-urgent surgery, hospital administrators said.")
    assert names(r, _one(r, "Statement").roles["speaker"]) == {"hospital administrators"}
    r = run(nlp, "Campaigners say the new law will silence critics in Latvia.")
    assert names(r, _one(r, "Statement").roles["speaker"]) == {"Campaigners"}
    # a singular "the administrator" is a title, no speaker by role
    r = run(nlp, "Janis Ozols, the administrator of Valmiera district, told reporters by "
                 "telephone that 40 houses burned. \"They went from house to house,\" the "
                 "administrator said.")
    assert all(names(r, f.roles["speaker"]) != {"administrator"}
               for f in facts_of(r, "Statement"))


def test_a_majority_of_a_bodys_members_voting_is_the_body(nlp):
    """"9 of the 16 members of parliament voted for a motion": the parliament approves;
    a minority of its members is not the body."""
    r = run(nlp, "Nine of the sixteen members of parliament voted for the motion on Monday.")
    assert names(r, _one(r, "Approval").roles["agent"]) == {"parliament"}
    r = run(nlp, "Twelve of the 40 members of the National Assembly voted against the "
                 "budget on Monday.")
    assert not names(r, _one(r, "Rejection").roles.get("agent"))


def test_an_officer_speaker_the_parser_hangs_on_the_report_still_speaks(nlp):
    """"X has pledged aid and a team of specialists, the bloc's secretary-general said":
    the parser takes "a team" for the subject of "said" and the officer for its
    apposition; the bloc still speaks."""
    r = run(nlp, "The Baltic Coastal Union (BCU) has pledged a relief "
                 "package of US$3 million and a team of disaster specialists, the bloc's "
                 "secretary-general said in a statement from Riga.")
    s = _one(r, "Statement")
    assert names(r, s.roles["speaker"]) == {"Baltic Coastal Union"}
