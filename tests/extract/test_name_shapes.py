"""Name shapes as written (round 12): formal state names and "St" for "Saint" in a country's
name; an internal "and"; a town's own body ("X cantonal police", "Police in X"); a body's
"of COUNTRY" ending; an article that is part of a name; lowercase particles.
Invented sentences, set in countries no dev text is about."""

from __future__ import annotations

from kg.records import EntityType
from kg.resolve.places import gazetteer
from tests.extract.event_helpers import facts_of, names, run


def _entity(result, name):
    found = [e for e in result.entities if e.name == name]
    assert found, f"no entity {name!r} among {[e.name for e in result.entities]}"
    return found[0]


def _labels(result):
    return {a for e in result.entities for a in (e.aliases | {e.name})}


def _speakers(result):
    return [names(result, f.roles.get("speaker")) for f in facts_of(result, "Statement")]


# --- formal state names ---------------------------------------------------------------------
def test_a_formal_state_name_is_the_country_in_every_shape(nlp):
    for text, country in [
        ("The Republic of Botswana said on Monday it would close the border.", "Botswana"),
        ("Talks with the Socialist Republic of Vietnam began on Monday in Hanoi.", "Vietnam"),
        ("The Latvian Republic said on Monday it would close the border.", "Latvia"),
        ("Officials of the State of Qatar arrived in Doha on Monday.", "Qatar"),
        ("Troops were sent on Monday by the Estonian Republic, Estonian media said.",
         "Estonia"),
    ]:
        r = run(nlp, text)
        assert _entity(r, country).type is EntityType.COUNTRY, text
        assert not [e for e in r.entities if "Republic" in e.name or "State of" in e.name], text


def test_a_body_name_ending_in_state_is_no_country():
    assert gazetteer().country("Latvian State Police") is None
    assert gazetteer().country("State Border Guard Service of Latvia") is None
    assert gazetteer().country("Union of Zambian Teachers") is None


def test_st_abbreviates_saint_in_every_country_name_that_has_it():
    saints = [p.name for p in gazetteer().by_code.values() if p.name.startswith("Saint ")]
    assert saints
    for name in saints:
        for short in (f"St {name[6:]}", f"St. {name[6:]}"):
            assert gazetteer().country(short).name == name
