"""Round 22, bodies and offices: each rule pinned on an invented sentence (places only
Zambia, Benin, Palau, Nauru, Qatar, Latvia, Estonia, Jamaica, Botswana or Vietnam; invented
people), with a neighbouring wording that must not give the owner."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _owner(r, surname: str) -> set[str]:
    """The owner names of the Position whose holder's name holds ``surname``."""
    for f in facts_of(r, "Position"):
        if surname in " ".join(names(r, f.roles.get("holder"))):
            return names(r, f.roles.get("organization"))
    raise AssertionError(f"no Position of {surname}")


# --- a mayor or a judge named by the bare title (kg/extract/seat_offices.py) ---------------
def test_bare_mayor_is_the_mayor_of_the_town_the_story_is_about(nlp):
    r = run(nlp, "Floodwater cut the main road into Palapye on Monday, and about 300 families "
                 "in Palapye were moved to higher ground. Mayor Kagiso Moremi said the "
                 "shelters at the school in Serowe were full.",
            headline="Flood cuts off Palapye")
    assert _owner(r, "Moremi") == {"Palapye"}


def test_bare_mayor_gets_no_town_when_two_towns_are_named_alike(nlp):
    r = run(nlp, "Floodwater reached Palapye and Serowe on Monday. Mayor Kagiso Moremi said "
                 "the shelters were full.")
    assert _owner(r, "Moremi") == set()


def test_mayor_whose_title_names_the_town_keeps_it(nlp):
    r = run(nlp, "Floodwater reached Palapye on Monday and again on Tuesday, and roads to "
                 "Palapye were closed. Serowe Mayor Kagiso Moremi offered shelter.")
    assert _owner(r, "Moremi") == {"Serowe"}


def test_bare_magistrate_sits_in_the_court_named_before(nlp):
    r = run(nlp, "A former council treasurer appeared at the Gaborone District Court on "
                 "Monday. Magistrate Neo Seretse granted him bail of 5,000 pula.")
    assert _owner(r, "Seretse") == {"Gaborone District Court"}


def test_bare_magistrate_gets_no_court_when_none_is_named(nlp):
    r = run(nlp, "A former council treasurer appeared in court in Gaborone on Monday. "
                 "Magistrate Neo Seretse granted him bail of 5,000 pula.")
    assert _owner(r, "Seretse") == set()


def test_bare_judge_sits_in_the_court_the_story_names_most(nlp):
    r = run(nlp, "The Riga Regional Court on Monday sentenced a former port official to six "
                 "years in prison for bribery. The Riga Regional Court also ordered the "
                 "confiscation of his flat. The prosecution said it would consider an appeal. "
                 "Among those the government praised was judge Ilze Kalnina, who presided "
                 "at the trial.",
            headline="Riga Regional Court jails former port official")
    assert _owner(r, "Kalnina") == {"Riga Regional Court"}


# --- an office or court named after its head's title (kg/extract/titled_offices.py) --------
def _bodies(r) -> set[str]:
    return {e.name for e in r.entities if e.type.name == "GOVERNMENT_BODY"}


def test_town_and_title_before_a_possessive_office_name_one_body(nlp):
    r = run(nlp, "Within the scope of the investigation initiated by the Maun Chief Public "
                 "Prosecutor's Office, three suspects have been detained.")
    assert "Maun Chief Public Prosecutor's Office" in _bodies(r)


def test_a_magistrate_s_court_of_a_town_is_a_body(nlp):
    r = run(nlp, "He appeared at the Lobatse Magistrate's Court on Monday.")
    assert "Lobatse Magistrate's Court" in _bodies(r)


def test_a_letterhead_in_capitals_names_the_office(nlp):
    r = run(nlp, "JELGAVA STATE ATTORNEY GENERAL'S OFFICE\nPress release\nThe office opened "
                 "an inquiry into the kidnapping of two men on Monday, officials said.")
    assert "Jelgava State Attorney General's Office" in _bodies(r)


def test_a_demonym_before_the_title_is_not_part_of_the_office_name(nlp):
    r = run(nlp, "A spokesman for the Latvian Prime Minister's Office said the talks would "
                 "resume.")
    assert "Prime Minister's Office" in _bodies(r)
    assert "Latvian Prime Minister's Office" not in _bodies(r)


def test_an_office_name_that_goes_on_after_for_is_not_cut(nlp):
    r = run(nlp, "Officers of the Prosecutor's Office for Combating Organised Crime searched "
                 "the house in Tartu on Monday.")
    assert "Prosecutor's Office" not in _bodies(r)


# --- a title whose words name a body of the text (kg/extract/seat_offices.py) ---------------
def test_commissioner_of_a_named_commission_holds_office_in_it(nlp):
    r = run(nlp, "The Kgalagadi State Election Commission said turnout was low. State Election "
                 "Commissioner Mpho Kealeboga said 12 polling stations had opened late.")
    assert _owner(r, "Kealeboga") == {"Kgalagadi State Election Commission"}


def test_councillor_of_a_named_council(nlp):
    r = run(nlp, "The Federal Council met in Tallinn on Monday. Federal Councillor Liis "
                 "Tamm said it would decide next week.")
    assert _owner(r, "Tamm") == {"Federal Council"}


def test_title_whose_words_name_no_body_gets_none_from_it(nlp):
    r = run(nlp, "The Kgalagadi State Election Commission said turnout was low. Land "
                 "Commissioner Mpho Kealeboga said 12 farms had been flooded.")
    assert "Kgalagadi State Election Commission" not in _owner(r, "Kealeboga")
