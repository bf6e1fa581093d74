"""Round 22, who speaks beyond the plain report: a release's own voice (its letterhead's
body states what its paragraphs say), a transcript's turn labels ("Q:", "PRESENTER:")
kept out of the sentence after them, and a person addressed before a reported clause.
Sentences written for the purpose, with invented people."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run, speakers_of

_RELEASE = "\n".join([
    "REPUBLIC OF BOTSWANA",
    "MINISTRY OF WATER AND SANITATION",
    "Press Office",
    "",
    "PRESS RELEASE",
    "",
    "The Ministry informs the public that the Gaborone dam has fallen to eight percent of "
    "its capacity after two years of low rainfall in the south of the country.",
    "",
    "Water supply to the villages of Mogoditshane and Tlokweng will be cut every night "
    "from Monday until further notice, while tankers are sent to the clinics.",
    "",
    '"We ask every household to save water," said Mr Kabo Ntsima, the director of water '
    "affairs.",
    "",
    "Residents are asked to report leaking pipes to the nearest district office without "
    "delay.",
    ""])


def _gist(fact) -> str:
    return " ".join(fact.roles.get("gist", []))


def test_a_release_states_what_its_paragraphs_say_in_its_issuers_voice(nlp):
    r = run(nlp, _RELEASE)
    mine = [f for f in facts_of(r, "Statement") if f.rule == "statement/release-voice"]
    assert len(mine) == 1
    assert {n.lower() for n in names(r, mine[0].roles["speaker"])} & {
        "ministry of water and sanitation", "ministry of water and sanitation of botswana"}
    gist = _gist(mine[0])
    assert "eight percent of its capacity" in gist
    assert "cut every night from Monday" in gist
    assert "save water" not in gist  # the director's own words are his Statement


def test_the_press_office_line_is_not_the_issuer(nlp):
    r = run(nlp, _RELEASE)
    (mine,) = [f for f in facts_of(r, "Statement") if f.rule == "statement/release-voice"]
    assert not any("press" in n.lower() for n in names(r, mine.roles["speaker"]))


def test_a_plain_report_has_no_release_voice(nlp):
    r = run(nlp, "The water ministry of Botswana said on Monday that the Gaborone dam had "
                 "fallen to eight percent of its capacity. Supply to two villages will be "
                 "cut every night from Monday, the ministry said.")
    assert not [f for f in facts_of(r, "Statement") if f.rule == "statement/release-voice"]


def test_a_questions_label_is_not_the_subject_of_the_reported_saying(nlp):
    r = run(nlp, "Q: The Jamaica Constabulary Force said on Sunday that six people had been "
                 "arrested. Is that right?")
    assert {"Jamaica Constabulary Force"} in speakers_of(r)


def test_an_answers_label_leaves_the_body_that_told_the_speaker(nlp):
    r = run(nlp, "A: The Ministry of Home Affairs of Latvia has told us it will send two "
                 "hundred officers to the border from Wednesday.")
    (st,) = facts_of(r, "Statement")
    assert any("Ministry of Home Affairs" in n for n in names(r, st.roles["speaker"]))


def test_a_presenters_label_in_capitals_is_no_speaker(nlp):
    r = run(nlp, "PRESENTER: Health Minister Lesedi Kgosana says the department has closed "
                 "two clinics near Francistown.")
    assert {"Lesedi Kgosana"} in speakers_of(r)


def test_a_person_addressed_before_the_clause_is_not_the_speaker(nlp):
    r = run(nlp, "Minister, on Saturday the Qatar Civil Defence said five people had been "
                 "rescued from the building.")
    (st,) = facts_of(r, "Statement")
    assert any("Civil Defence" in n for n in names(r, st.roles["speaker"]))
    assert "Minister" not in names(r, st.roles["speaker"])


_NAMED = "\n".join([
    "REPUBLIC OF PALAU",
    "BUREAU OF PUBLIC SAFETY (BPS)",
    "Media Relations Unit",
    "",
    "MEDIA STATEMENT",
    "",
    "The Bureau of Public Safety advises the public that two fishing boats ran aground "
    "off Koror on Sunday night in heavy seas. All eleven crew members were brought ashore "
    "unhurt by a patrol boat.",
    "",
    "The harbour at Airai will stay closed to small craft until the wind drops below "
    "thirty knots, and fishermen are told not to put to sea before Wednesday.",
    ""])


def test_the_body_an_opening_sentence_names_is_the_issuer(nlp):
    r = run(nlp, _NAMED)
    (mine,) = [f for f in facts_of(r, "Statement") if f.rule == "statement/release-voice"]
    (speaker,) = names(r, mine.roles["speaker"])
    assert "Bureau of Public Safety" in speaker and "(" not in speaker
    assert "Media" not in speaker


def test_the_release_statement_sums_up_and_quotes_nothing(nlp):
    # the gist is each paragraph's opening sentence; the release is no quotation
    r = run(nlp, _NAMED)
    (mine,) = [f for f in facts_of(r, "Statement") if f.rule == "statement/release-voice"]
    assert not mine.roles.get("quote")
    assert "eleven crew members" not in _gist(mine)  # a paragraph's second sentence


def test_a_desk_line_in_small_letters_under_the_body_is_not_the_issuer(nlp):
    text = "\n".join([
        "REPUBLIC OF ESTONIA",
        "MINISTRY OF RURAL AFFAIRS",
        "Office of the Minister",
        "",
        "PRESS RELEASE",
        "",
        "A fire at a grain store near Tartu destroyed four thousand tonnes of wheat on "
        "Tuesday night, and no one was hurt in the blaze.",
        "",
        "Farmers who lost stock will be able to apply for compensation from the first of "
        "next month through the regional agricultural offices.",
        ""])
    r = run(nlp, text)
    (mine,) = [f for f in facts_of(r, "Statement") if f.rule == "statement/release-voice"]
    (speaker,) = names(r, mine.roles["speaker"])
    assert "rural affairs" in speaker.lower()
