"""Recall of under-found event types and statements (issue 15i): how reporters phrase a
toll, an injury, a meeting or a statement, each pinned on a sentence written for the
purpose, with names other than the seed's or the dev texts'."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _count(fact) -> float | None:
    (q,) = fact.roles["quantity"]
    return q.value


# --- resultative "leave": "left N dead / injured" -------------------------------------
def test_left_dead_is_a_toll_of_the_object(nlp):
    r = run(nlp, "Floods in the north of Zorbia left at least 40 villagers dead on Sunday.")
    (c,) = facts_of(r, "Casualties")
    assert _count(c) == 40
    assert names(r, c.roles["theme"]) == {"villagers"}
    assert not facts_of(r, "Movement") and not facts_of(r, "Withdrawal")


def test_left_injured_is_an_injury_of_the_object(nlp):
    r = run(nlp, "A bus crash near Tamale left nine passengers seriously injured.")
    (i,) = facts_of(r, "Injury")
    assert _count(i) == 9
    assert not facts_of(r, "Movement")


def test_leaving_a_town_stays_a_departure(nlp):
    r = run(nlp, "The troops left the town on Monday.")
    assert not facts_of(r, "Casualties") and not facts_of(r, "Injury")


# --- a source's figure: "raised the toll to N", "put the number of dead at N" ----------
def test_a_toll_raised_to_a_figure_is_counted(nlp):
    r = run(nlp, "The civil protection agency raised the death toll to 57 on Monday.")
    (c,) = facts_of(r, "Casualties")
    assert _count(c) == 57
    assert "agent" not in c.roles  # who gives a figure did not kill


def test_the_number_of_dead_put_at_a_figure_is_counted(nlp):
    r = run(nlp, "The provincial government put the number of dead at 12.")
    (c,) = facts_of(r, "Casualties")
    assert _count(c) == 12
    assert "agent" not in c.roles


def test_counted_deaths_and_injuries_are_facts(nlp):
    r = run(nlp, "The agency has recorded twenty-two deaths and 93 injuries so far.")
    (c,) = facts_of(r, "Casualties")
    (i,) = facts_of(r, "Injury")
    assert _count(c) == 22 and _count(i) == 93


def test_uncounted_deaths_are_no_new_toll(nlp):
    r = run(nlp, "The opposition condemned the deaths and called for an inquiry.")
    assert not facts_of(r, "Casualties")


# --- an unnamed official described by a body noun speaks for the body named before ----
def test_a_hospital_official_speaks_for_the_hospital_named_before(nlp):
    r = run(nlp, "At least 30 people were treated for injuries at the Central Hospital of "
                 "Ruritania, a hospital official said.")
    (s,) = facts_of(r, "Statement")
    assert names(r, s.roles["speaker"]) == {"Central Hospital of Ruritania"}


def test_an_official_of_no_named_body_speaks_as_text(nlp):
    r = run(nlp, "A hospital official said 30 people were treated.")
    (s,) = facts_of(r, "Statement")
    assert names(r, s.roles["speaker"]) == {"hospital official"}


# --- talks named by a noun: their host, and who holds a meeting "with" someone --------
def test_talks_brokered_by_a_host_have_the_clause_parties_as_participants(nlp):
    r = run(nlp, "Zorbia and Karvia signed a truce after three weeks of talks brokered by "
                 "Qatar and Turkey.")
    (m,) = facts_of(r, "Meeting")
    assert names(r, m.roles["agent"]) == {"Qatar", "Turkey"}
    assert names(r, m.roles["participant"]) == {"Zorbia", "Karvia"}


def test_a_meeting_with_someone_is_held_by_the_clause_subject(nlp):
    r = run(nlp, "President Ana Ruiz dissolved parliament on Friday following a meeting "
                 "with the army chiefs and student leaders.")
    (m,) = facts_of(r, "Meeting")
    assert names(r, m.roles["agent"]) == {"Ana Ruiz"}


def test_proposing_at_a_meeting_is_not_holding_it(nlp):
    r = run(nlp, "Lena Voss said Zorbia would propose at the next meeting of the alliance's "
                 "foreign ministers that the bloc impose travel bans.")
    for m in facts_of(r, "Meeting"):
        assert "Zorbia" not in names(r, m.roles.get("agent"))


# --- an inverted report whose speaker the parse hangs elsewhere ------------------------
def test_a_named_speaker_right_before_an_inverted_cue_speaks(nlp):
    r = run(nlp, "Local authorities on Monday evacuated more than 900 residents of Kofi, a "
                 "hill village in Ashanti province where most houses collapsed, to a camp in "
                 "Obuasi, the regional governor, Kwame Mensah, told reporters on Tuesday.")
    (s,) = facts_of(r, "Statement")
    assert names(r, s.roles["speaker"]) == {"Kwame Mensah"}
    (gist,) = s.roles["gist"]
    assert "residents of Kofi" in gist and "governor" not in gist


def test_its_chairman_named_before_the_cue_speaks_and_is_no_part_of_the_gist(nlp):
    r = run(nlp, "The commission has opened an inquiry into the assets of 12 former "
                 "ministers, its chairman, Jan Novak, said.")
    (s,) = facts_of(r, "Statement")
    assert names(r, s.roles["speaker"]) == {"Jan Novak"}
    assert s.roles["gist"] == ["The commission has opened an inquiry into the assets of 12 "
                               "former ministers"]


def test_a_name_before_a_participle_is_no_inverted_speaker(nlp):
    r = run(nlp, "Ruiz also suspended Police Commissioner Jan Novak, saying the force had "
                 "lost control of the city.")
    for s in facts_of(r, "Statement"):
        assert "Jan Novak" not in names(r, s.roles["speaker"])


def test_a_speaker_in_apposition_to_the_subject_is_no_report_of_its_own(nlp):
    r = run(nlp, "The ruling party's candidate, former prime minister Ana Ruiz, conceded on "
                 "17 March, before the count was complete.")
    for s in facts_of(r, "Statement"):
        assert s.roles.get("gist") != ["The ruling party's candidate"]


def test_a_speaker_with_a_reduced_relative_speaks(nlp):
    r = run(nlp, "Relatives of inmates gathered outside the prison said on social media that "
                 "guards had fired on prisoners.")
    (s,) = facts_of(r, "Statement")
    assert names(r, s.roles["speaker"]) == {"Relatives of inmates"}
    assert "fired on prisoners" in s.roles["gist"][0]


# --- detention phrased as house arrest or recapture -----------------------------------
def test_placed_under_house_arrest_is_a_detention(nlp):
    r = run(nlp, "Police placed the opposition leader under house arrest on Monday.")
    (d,) = facts_of(r, "Detention")
    assert names(r, d.roles["theme"]) == {"opposition leader"}
    assert not facts_of(r, "Arrest")


def test_recaptured_people_are_detained_but_not_a_recaptured_town(nlp):
    r = run(nlp, "Police recaptured 11 of the escapees on Wednesday.")
    (d,) = facts_of(r, "Detention")
    assert _count(d) == 11
    r = run(nlp, "In 2020, Zorbia recaptured most of the lost territory.")
    assert not facts_of(r, "Detention")


# --- "installed": the English model lemmatises it "instal" -----------------------------
def test_installed_as_leader_is_an_appointment(nlp):
    r = run(nlp, "Rebel soldiers installed Colonel Ivo Maran as leader of the junta.")
    (a,) = facts_of(r, "Appointment")
    assert names(r, a.roles["theme"]) == {"Ivo Maran"}


# --- winning a vote: the winner is who is elected -------------------------------------
def test_the_winner_of_an_election_is_its_theme(nlp):
    r = run(nlp, "Ana Ruiz won the presidential election in Zorbia in 2019.")
    (e,) = facts_of(r, "Election")
    assert names(r, e.roles["theme"]) == {"Ana Ruiz"}


def test_winning_seats_is_no_election_of_its_own(nlp):
    r = run(nlp, "The Green Party won 40 seats.")
    assert not facts_of(r, "Election")


def test_a_toll_raised_to_a_counted_figure_keeps_that_figure(nlp):
    r = run(nlp, "The Ministry of Health raised the toll from the strikes to 14 dead, three "
                 "of them children, and said 41 people had been wounded.")
    (c,) = facts_of(r, "Casualties")
    assert _count(c) == 14
