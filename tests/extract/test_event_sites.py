"""Where an event is when its sentence names several places (kg/extract/circumstances.py,
arguments.py), on invented stories: a named site closed or seized is where it happens;
a place in another clause the trigger heads (a conjoined clause, a relative clause) is
not the event's."""

from __future__ import annotations

import pytest

from kg.records import Mention
from tests.extract.event_helpers import facts_of, run


def _locations(result, kind: str) -> list[set[str]]:
    entity_of = {m: e.name for e in result.entities for m in e.mentions}
    return [{entity_of.get(v, v.text) for v in f.roles.get("location", [])
             if isinstance(v, Mention)} for f in facts_of(result, kind)]


@pytest.mark.parametrize("text, kind, site", [
    # active, with a conjoined clause that names another place
    ("Latvian authorities closed Riga Airport for four hours on Thursday, and police "
     "arrested two men near an air base in western Kurzeme.", "Closure", "Riga Airport"),
    # passive
    ("The A1 highway between Kingston and Ocho Rios was closed by police on Wednesday, "
     "Jamaica's police said.", "Closure", "A1 highway"),
    # a site seized
    ("Members of the dockers' union have occupied the Tien Sa port since Monday, "
     "Vietnam's police said.", "Seizure", "Tien Sa port"),
])
def test_a_named_site_closed_or_seized_is_where_it_happens(nlp, text, kind, site):
    found = _locations(run(nlp, text), kind)
    assert found and site in found[0], found


def test_a_place_of_a_relative_clause_is_not_the_events(nlp):
    r = run(nlp, "Jamaican security forces stormed the prison wing at dawn and freed two "
                 "guards, who were taken to the Kingston Public Hospital with minor injuries.")
    for locs in _locations(r, "Release"):
        assert "Kingston Public Hospital" not in locs
