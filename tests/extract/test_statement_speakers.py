"""Statements beyond "X said that ...": who speaks (kg/extract/speakers.py), stances and
figures, quotes inside what is said, addressees and media. Invented sentences, names and
places other than the dev texts'."""

from __future__ import annotations

from kg.records import EntityType, Mention
from tests.extract.event_helpers import facts_of, names, run


def _statements(result):
    return facts_of(result, "Statement")


def _one(result):
    found = _statements(result)
    assert len(found) == 1, [(f.rule, f.roles) for f in found]
    return found[0]


# --- who speaks -------------------------------------------------------------------------
def test_each_government_of_a_list_speaks(nlp):
    r = run(nlp, "The governments of Chile, Uruguay and Paraguay condemned the attack on "
                 "the parliament in Asuncion.")
    found = _statements(r)
    assert {n for f in found for n in names(r, f.roles["speaker"])} == {
        "Chile", "Uruguay", "Paraguay"}
    assert all("condemned the attack" in f.roles["gist"][0] for f in found)


def test_a_country_speaks_for_its_government(nlp):
    r = run(nlp, "Canada said 38 of its citizens had been flown out of Port Moresby.")
    assert names(r, _one(r).roles["speaker"]) == {"Canada"}


def test_an_unnamed_spokesman_speaks_for_the_body(nlp):
    r = run(nlp, "Police arrested 12 people in Arequipa on Monday, a police spokesman said.")
    s = _one(r)
    (speaker,) = s.roles["speaker"]
    assert isinstance(speaker, Mention) and speaker.type is EntityType.ARMED_FORCE
    assert speaker.text.lower() == "police"


def test_a_spokeswoman_for_a_named_body_speaks_for_it(nlp):
    r = run(nlp, "A spokeswoman for the Andean Water Authority said the dam at Yura was safe.")
    assert names(r, _one(r).roles["speaker"]) == {"Andean Water Authority"}


def test_people_named_by_role_speak_as_text(nlp):
    r = run(nlp, "The river burst its banks near Tarija overnight, residents said. Two "
                 "officials close to the governor told EFE that she had left the city.")
    speakers = {s for f in _statements(r) for s in f.roles["speaker"]}
    assert "residents" in speakers
    assert "Two officials close to the governor" in speakers


def test_he_is_the_last_person_who_was_a_subject(nlp):
    r = run(nlp, "President Tomas Vera has not ruled out early elections, a step his rival "
                 "Carla Mendez opposes. \"Nothing is off the table,\" he told a business "
                 "forum in Quito.")
    s = next(f for f in _statements(r) if f.roles.get("quote"))
    assert names(r, s.roles["speaker"]) == {"Tomas Vera"}
    assert "business forum" in s.roles["addressee"][0]


def test_the_agency_is_the_agency_named_in_its_sentence(nlp):
    r = run(nlp, "Gunmen attacked a convoy of the Pan-Andean Relief Agency near Oruro on "
                 "Monday and seized two trucks, the agency said.")
    assert names(r, _one(r).roles["speaker"]) == {"Pan-Andean Relief Agency"}


def test_a_conjoined_cue_shares_the_subject(nlp):
    r = run(nlp, "Lena Horvat of the Danube Institute said a deal might come within weeks, "
                 "but warned that a single incident on the river could derail the talks.")
    s = _one(r)
    assert names(r, s.roles["speaker"]) == {"Lena Horvat"}
    assert set(s.roles["cue"]) == {"say", "warn"}
    (gist,) = s.roles["gist"]  # one gist: both pieces, in order
    assert "deal might come" in gist and "single incident" in gist


def test_adding_that_belongs_to_the_same_statement(nlp):
    r = run(nlp, "Another flight could leave Tarawa on Saturday, the foreign ministry said, "
                 "adding that its embassy would stay open.")
    s = _one(r)
    assert set(s.roles["cue"]) == {"say", "add"}
    assert "embassy would stay open" in s.roles["gist"][0]


# --- what is said ---------------------------------------------------------------------
def test_a_quotation_inside_the_reported_clause_is_a_quote(nlp):
    r = run(nlp, "Governor Rosa Quispe said the police had acted \"with restraint\" and that "
                 "nobody was hurt.")
    assert "with restraint" in _one(r).roles["quote"]


def test_a_stance_verb_states_its_object(nlp):
    r = run(nlp, "The Andean Farmers Union denied any role in the blockade of the highway.")
    s = _one(r)
    assert "denied any role in the blockade" in s.roles["gist"][0]


def test_calling_something_a_name_is_a_statement(nlp):
    r = run(nlp, "Opposition leader Rita Sol called the budget \"a betrayal of voters\".")
    s = _one(r)
    assert names(r, s.roles["speaker"]) == {"Rita Sol"}
    assert "a betrayal of voters" in s.roles["quote"]


def test_dismissing_as_is_a_statement(nlp):
    r = run(nlp, "The defence ministry dismissed the report as propaganda.")
    assert "dismissed the report as propaganda" in _one(r).roles["gist"][0]


def test_a_figure_put_by_a_source_is_a_statement(nlp):
    r = run(nlp, "Activists who organised the march put the death toll at nine.")
    s = _one(r)
    assert s.roles["speaker"][0].startswith("Activists")
    assert "death toll at nine" in s.roles["gist"][0]


def test_turning_down_is_no_figure(nlp):
    r = run(nlp, "Workers put the new roof on the school in Potosi.")
    assert _statements(r) == []


# --- to whom and through what ------------------------------------------------------------
def test_told_reporters_gives_a_text_addressee(nlp):
    r = run(nlp, "\"The road to Puno is open,\" Interior Minister Carlos Mamani told reporters.")
    assert _one(r).roles["addressee"] == ["reporters"]


def test_speaking_to_reporters_gives_the_addressee(nlp):
    r = run(nlp, "Speaking to reporters in the square, General Hugo Paz said the army would "
                 "withdraw.")
    assert "reporters" in _one(r).roles["addressee"]


def test_a_platform_and_a_phone_are_media(nlp):
    r = run(nlp, "Foreign Minister Ines Koval wrote on X that the embassy was closed. Her "
                 "deputy, Marek Dvorak, told Reuters by phone that staff were safe.")
    media = [v for f in _statements(r) for v in f.roles.get("medium", [])]
    assert "X" in media and "phone" in media


def test_a_body_named_with_its_owner_speaks_by_the_whole_phrase(nlp):
    r = run(nlp, "The aid will reach Tarija next week, the office of the regional coordinator "
                 "in Bolivia said.")
    (speaker,) = _one(r).roles["speaker"]
    assert speaker.text == "office of the regional coordinator in Bolivia"


def test_a_title_subject_with_a_named_apposition_is_that_person(nlp):
    r = run(nlp, "The Head of Mission and Force Commander, Major General Pavel Novak, said: "
                 "\"No one should ever open fire on peacekeepers.\"")
    assert names(r, _one(r).roles["speaker"]) == {"Pavel Novak"}


def test_an_estimate_at_a_figure_is_the_estimators_statement(nlp):
    r = run(nlp, "Police put the crowd at 20,000; the Civic Monitoring Centre, an "
                 "independent group, estimated it at between 50,000 and 55,000.")
    centre = [f for f in _statements(r)
              if names(r, f.roles["speaker"]) == {"Civic Monitoring Centre"}]
    assert centre and "50,000" in centre[0].roles["gist"][0]


def test_a_stance_reported_by_an_inverted_cue_is_the_reporters(nlp):
    r = run(nlp, "Laos's Defence Ministry accused the Thai air force of bombing its posts, "
                 "ministry spokeswoman Vanna Phommavong told reporters on Wednesday.")
    s = _one(r)
    assert names(r, s.roles["speaker"]) == {"Vanna Phommavong"}


def test_the_platform_of_an_account_is_the_medium(nlp):
    r = run(nlp, "The Zambian army said on its X account that two soldiers were wounded.")
    assert "X" in _one(r).roles["medium"]


def test_the_army_points_back_to_the_named_army(nlp):
    r = run(nlp, "The Chadian Armed Forces said rebels had attacked Abeche. Later the army "
                 "said six soldiers had been killed.")
    assert names(r, _one(r).roles["speaker"]) == {"Armed Forces of Chad"}  # resolver's name


def test_who_vowed_is_a_named_speaker_but_who_had_said_is_background(nlp):
    r = run(nlp, "Crowds chanted the name of President Nino Beridze, who vowed on Monday to "
                 "veto the law. Mr Kvara, who had said he would not run again, stayed silent.")
    found = _statements(r)
    assert [names(r, f.roles["speaker"]) for f in found] == [{"Nino Beridze"}]


def test_a_headline_place_speaker_is_left_to_the_body(nlp):
    r = run(nlp, "Laos's defence ministry said Thai jets had bombed its positions.",
            headline="Laos Says Thai Jets Bombed Its Positions")
    assert all(not f.roles["speaker"][0].type.is_place for f in _statements(r))


def test_an_inverted_report_the_parser_joined_to_its_clause(nlp):
    r = run(nlp, "In Suva, police have arrested 40 people over the looting since Friday, acting "
                 "Police Commissioner Mere Tuilagi told reporters on Monday.")
    s = _one(r)
    assert names(r, s.roles["speaker"]) == {"Mere Tuilagi"}
    assert "arrested 40 people" in s.roles["gist"][0]
    assert s.roles["addressee"] == ["reporters"]


def test_a_report_goes_on_after_the_cue(nlp):
    r = run(nlp, "Army chief Hugo Paz insists this time is different. The army \"has no wish "
                 "to rule\", he told officers on Sunday, and the troops will return to barracks "
                 "soon.")
    s = next(f for f in _statements(r) if "has no wish to rule" in " ".join(f.roles["quote"]))
    assert "troops will return to barracks" in s.roles["gist"][0]


def test_a_first_name_the_model_took_for_a_place_is_the_person(nlp):
    r = run(nlp, "Thousands fled the border villages, Surin governor Chatchai Wongsa said. "
                 "\"We are moving families to schools,\" Chatchai told reporters.")
    s = _one(r)
    assert "We are moving families to schools" in s.roles["quote"]


def test_a_countrys_embassy_speaks(nlp):
    r = run(nlp, "China's embassy in Suva said on Sunday that no Chinese nationals had been "
                "hurt.")
    assert _one(r).roles["speaker"][0].text == "China's embassy in Suva"
