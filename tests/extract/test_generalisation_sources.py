"""Statements, relations and causes (issue 15, round 4): each rule pinned on sentences
written for the purpose, with other names, places and crises than the dev texts."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


# --- Statement: who reports ----------------------------------------------------------------
def test_a_document_of_a_source_shows_a_finding(nlp):
    r = run(nlp, "Preliminary assessments by the Civil Defence Office (CDO) show that at "
                 "least 30 houses in the Suva town centre have been damaged.")
    (s,) = facts_of(r, "Statement")
    assert names(r, s.roles["speaker"]) == {"Civil Defence Office"}
    assert "30 houses" in s.roles["gist"][0]


def test_an_official_notice_advises_that(nlp):
    r = run(nlp, "The Government of Tonga advises that a state of emergency has been "
                 "declared over Tongatapu.")
    (s,) = facts_of(r, "Statement")
    assert "state of emergency" in s.roles["gist"][0]
    assert s.rule == "statement/notice"


def test_advising_people_to_act_is_no_notice(nlp):
    r = run(nlp, "Police advised residents to stay indoors.")
    assert not facts_of(r, "Statement")


def test_figures_without_a_source_report_nothing(nlp):
    r = run(nlp, "The figures show that the economy grew by 3 percent.")
    assert not facts_of(r, "Statement")


def test_according_to_a_tally_by_a_body(nlp):
    r = run(nlp, "Police have detained more than 200 students across Peru this year, "
                 "according to a tally by the Lima Bar Association, which said many of them "
                 "were held without charge.")
    (s,) = facts_of(r, "Statement")
    assert names(r, s.roles["speaker"]) == {"Lima Bar Association"}
    assert "200 students" in s.roles["gist"][0] and "without charge" in s.roles["gist"][0]


def test_officials_at_a_named_body_speak_for_it(nlp):
    r = run(nlp, "Nine people died, according to officials at the Kenyatta National "
                 "Hospital.")
    (s,) = facts_of(r, "Statement")
    assert names(r, s.roles["speaker"]) == {"Kenyatta National Hospital"}


def test_officials_in_a_country_stay_people_by_role(nlp):
    r = run(nlp, "Health officials in Peru said 20 people had died.")
    (s,) = facts_of(r, "Statement")
    assert s.roles["speaker"] == ["Health officials in Peru"]


def test_unnamed_hospitals_speak_as_text(nlp):
    r = run(nlp, "At least 14 people were injured in the town, six of them police officers, "
                "according to local hospitals.")
    (s,) = facts_of(r, "Statement")
    assert s.roles["speaker"] == ["local hospitals"]


def test_rejecting_an_accusation_is_a_statement(nlp):
    r = run(nlp, "The opposition leader, Ivan Petrov, dismissed the allegations on Monday.")
    (s,) = facts_of(r, "Statement")
    assert names(r, s.roles["speaker"]) == {"Ivan Petrov"}


def test_rejecting_a_bill_is_no_statement(nlp):
    r = run(nlp, "The senate rejected the bill on Monday.")
    assert not facts_of(r, "Statement")


def test_an_accusation_is_no_statement_of_its_own(nlp):
    r = run(nlp, "The Chilean foreign ministry accused Bolivia of arming the rebels.")
    assert facts_of(r, "Accusation")
    assert not facts_of(r, "Statement")


# --- Membership and PartOf -----------------------------------------------------------------
def _pairs(r, kind: str, a: str, b: str) -> set[tuple[str, str]]:
    return {(next(iter(names(r, f.roles[a]))), next(iter(names(r, f.roles[b]))))
            for f in facts_of(r, kind)}


def test_its_member_states_listed_by_name(nlp):
    r = run(nlp, "The Andean Community said its member states Peru and Chile would send "
                 "900 troops to Arica.")
    assert _pairs(r, "Membership", "member", "group") == {
        ("Peru", "Andean Community"), ("Chile", "Andean Community")}


def test_a_persons_party_named_after_her(nlp):
    r = run(nlp, "Maria Gonzalez was detained at her home, her party, the Civic Union, said.")
    assert ("Maria Gonzalez", "Civic Union") in _pairs(r, "Membership", "member", "group")


def test_a_numbered_unit_of_a_named_army(nlp):
    r = run(nlp, "The Chilean Army said its 4th Mountain Brigade had reached the border.")
    assert ("4th Mountain Brigade", "Armed Forces of Chile") in _pairs(r, "PartOf", "part",
                                                                         "whole")


def test_a_companys_numbered_division_is_no_unit_of_a_force(nlp):
    r = run(nlp, "Andes Mining Corporation said its 2nd copper division would close.")
    assert not [f for f in facts_of(r, "PartOf") if f.rule == "partof/unit-of"]


def test_a_bodys_own_television(nlp):
    r = run(nlp, "The Kurdistan Workers' Party denied any role in a statement carried by "
                 "its Roj television.")
    assert ("Roj", "Kurdistan Workers' Party") in _pairs(r, "PartOf", "part", "whole")


def test_an_acronym_named_alone_is_the_whole_of_its_bodies(nlp):
    r = run(nlp, "The U.N. has had observers in Mali since 2013. The U.N. refugee agency "
                 "said 4,000 people had fled.")
    assert ("U.N. refugee agency", "U.N.") in _pairs(r, "PartOf", "part", "whole")


def test_an_acronym_only_inside_names_is_no_whole(nlp):
    r = run(nlp, "The U.N. refugee agency said 4,000 people had fled.")
    assert not facts_of(r, "PartOf")


# --- Cause of a protest or an inquiry ------------------------------------------------------
def _cause(r, kind: str) -> list[str]:
    return [c for f in facts_of(r, kind) for c in f.roles.get("cause", [])]


def test_protests_after_an_event_are_about_it(nlp):
    r = run(nlp, "Thousands protested in Accra after the arrest of the opposition leader.")
    assert _cause(r, "Protest") == ["arrest of the opposition leader"]


def test_protests_after_an_election_day(nlp):
    r = run(nlp, "Protests broke out in several Peruvian cities after Sunday's regional "
                 "elections, which the opposition says were rigged.")
    assert _cause(r, "Protest") == ["regional elections"]


def test_a_time_after_which_people_march_is_no_cause(nlp):
    r = run(nlp, "Protesters marched in Lima after Friday prayers.")
    assert not _cause(r, "Protest")
    r = run(nlp, "Riots erupted in Quito after midnight.")
    assert not _cause(r, "Riot")


def test_supporters_rally_in_support(nlp):
    r = run(nlp, "Hundreds of supporters of the junta took to the streets of Niamey on "
                 "Sunday evening.")
    assert _cause(r, "Protest") == ["support for the junta"]


def test_an_investigation_opened_for_a_crime(nlp):
    r = run(nlp, "Prosecutors said an investigation had been opened for money laundering.")
    assert _cause(r, "Investigation") == ["money laundering"]


# --- Event location: the scene, not where people were taken -------------------------------
def _places(r, kind: str) -> set[str]:
    return {n for f in facts_of(r, kind) for n in names(r, f.roles.get("location", []))}


def test_where_the_injured_were_taken_is_not_where_they_were_hurt(nlp):
    r = run(nlp, "Eleven people were wounded in clashes in Lima and taken to a hospital in "
                 "Callao.")
    assert _places(r, "Injury") == {"Lima"}


def test_counts_after_a_riot_are_counted_at_its_scene(nlp):
    r = run(nlp, "A riot broke out at Sabaneta prison in Cusco on Monday. Twelve inmates "
                 "and two guards were injured and taken to the hospital in Urcos.")
    assert "Urcos" not in _places(r, "Injury")
    assert _places(r, "Injury") == _places(r, "Riot")


def test_what_the_denial_calls_the_claim_is_part_of_it(nlp):
    r = run(nlp, 'Ivan Petrov rejected the accusations in a post on Telegram, calling the '
                 'case "a farce staged before the vote".')
    (s,) = facts_of(r, "Statement")
    assert "farce" in s.roles["gist"][0]
    assert s.roles["quote"] == ["a farce staged before the vote"]
