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
