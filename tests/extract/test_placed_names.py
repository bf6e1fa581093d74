"""Names the model calls a person or an organisation that the sentence writes as a place
(kg/extract/placed_names.py), on invented sentences: the name is a place, in the story's
country, and the place of the event told there; the same word after "called on", "a
statement on" or "a researcher at" is left as the model read it.
"""

from __future__ import annotations

import pytest

from kg.records import EntityType, Mention
from tests.extract.event_helpers import entity_named, facts_of, located_pairs, run


def _locations(result, kind: str) -> set[str]:
    entity_of = {m: e.name for e in result.entities for m in e.mentions}
    return {entity_of.get(v, v.text) for f in facts_of(result, kind)
            for v in f.roles.get("location", []) if isinstance(v, Mention)}


@pytest.mark.parametrize("text, name, kind", [
    # passive, with the event's own "from"
    ("About 200 residents were evacuated from Ngerkeyukl by boat on Tuesday, Palau's "
     "disaster office said.", "Ngerkeyukl", "Evacuation"),
    # relative clause: a craft towed somewhere
    ("The boat, which had been towed to Ngerkeyukl overnight, was inspected by Palau's "
     "police.", "Ngerkeyukl", "Movement"),
    # negated event told on an island
    ("No one was hurt on Ngerkeyukl, Palau's disaster office said.", "Ngerkeyukl", None),
    # participle clause
    ("Residents stranded on Ngerkeyukl were taken to Koror, Palau's disaster office said.",
     "Ngerkeyukl", None),
    # nominalisation
    ("The evacuation from Ngerkeyukl ended on Friday, Palau's disaster office said.",
     "Ngerkeyukl", None),
    # a person's origin
    ("Botswana's police said a man from Mmankgodi had been arrested in Gaborone on Monday.",
     "Mmankgodi", None),
])
def test_a_name_written_as_a_place_is_a_place_of_the_story(nlp, text, name, kind):
    r = run(nlp, text)
    place = entity_named(r, name)
    assert place.type.is_place, (place.name, place.type)
    country = "Palau" if "Palau" in text else "Botswana"
    assert (name, country) in located_pairs(r)
    if kind is not None:
        assert name in _locations(r, kind)


def test_both_ends_of_a_route_are_places(nlp):
    r = run(nlp, "A ferry en route from Ngaraard to Ngerkeyukl caught fire on Monday, "
                 "Palau's coast guard said.")
    pairs = located_pairs(r)
    assert ("Ngaraard", "Palau") in pairs
    assert ("Ngerkeyukl", "Palau") in pairs


def test_one_word_street_and_square_names_are_places_of_their_town(nlp):
    r = run(nlp, "Two cars were set alight on Kalnciemstraat and six shops on Brivibasplatz "
                 "were looted in Riga on Sunday, Latvia's police said.")
    for name in ("Kalnciemstraat", "Brivibasplatz"):
        assert entity_named(r, name).type is EntityType.PLACE
        assert (name, "Latvia") in located_pairs(r)


def test_names_after_arguments_and_affiliations_stay_as_the_model_read_them(nlp):
    r = run(nlp, "The opposition called on Ozolins to resign, Latvia's police said in a "
                 "statement on Instagram. Maris Kalnins, a researcher at Kalnciema Institute, "
                 "said the vote was fair.")
    for name in ("Ozolins", "Instagram", "Kalnciema Institute"):
        assert not entity_named(r, name).type.is_place, name
    assert not any(p in ("Ozolins", "Instagram") for p, _ in located_pairs(r))


def test_a_title_and_name_after_a_place_is_no_list_of_places(nlp):
    # "in X, State Secretary Y said": a comma, no "and": Y is the speaker, not a place
    r = run(nlp, "Only local special forces are taking part in the operation in Latvia, "
                 "State Secretary Janis Berzins said on Monday.")
    assert entity_named(r, "Janis Berzins").type is EntityType.PERSON
    assert not any(p == "Janis Berzins" for p, _ in located_pairs(r))


def test_a_name_the_model_also_splits_is_left_alone(nlp):
    # the model named one word of the name alone elsewhere in the unit: retyping the whole
    # would leave that word a stray place of its own (found mentions given by hand)
    from kg.extract.placed_names import placed_names
    from kg.records import EntityType, Mention
    from tests.extract.event_helpers import one_update

    text = ("Water rose near Katoba on Monday. Two boys drowned near Katoba Mwanza "
            "on Tuesday.")
    _, unit = one_update(text)
    doc = nlp(unit.text)
    first = text.index("Katoba")
    second = text.index("Katoba Mwanza")
    whole = Mention(start=second, end=second + len("Katoba Mwanza"), text="Katoba Mwanza",
                    type=EntityType.ORGANIZATION, unit=0, sentence=(34, len(text)),
                    source="ner:ORG")
    piece = Mention(start=first, end=first + 6, text="Katoba", type=EntityType.CITY,
                    unit=0, sentence=(0, 33), source="ner:GPE")
    assert placed_names(doc, unit, [piece, whole], [])[1].type is EntityType.ORGANIZATION
    # without the piece, the same name written as a place is retyped
    out = placed_names(doc, unit, [whole], [])
    assert out[0].type.is_place
