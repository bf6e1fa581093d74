"""The story's country, on invented local stories: a country named only where one event
happened abroad does not become the country of a local paper whose town is written
mostly inside the names of its council, port and police."""

from __future__ import annotations

from tests.extract.event_helpers import located_pairs, run

_LOCAL_STORY = (
    "A man has been arrested in Latvia over the cyber attack that shut Pärnu City "
    "Council's computers and closed the Port of Pärnu for two days. Officers of "
    "Latvia's State Police detained the 31-year-old in Riga on Monday, in an operation "
    "with Pärnu Police. He will be handed over next week, the police said. Hackers left "
    "a ransom note on the screens at City Hall on Thursday, and the Government has "
    "promised help. Councillor Mart Kivisild said businesses in Pärnu lost thousands of "
    "euros.")


def test_a_local_storys_sites_are_not_put_in_the_country_of_its_one_foreign_event(nlp):
    r = run(nlp, _LOCAL_STORY)
    pairs = located_pairs(r)
    assert ("City Hall", "Latvia") not in pairs
    assert ("Riga", "Latvia") in pairs


def test_a_local_storys_national_bodies_do_not_take_the_foreign_country(nlp):
    r = run(nlp, _LOCAL_STORY)
    named = {e.name for e in r.entities}
    assert "Government of Latvia" not in named
    assert "Pärnu Police of Latvia" not in named
