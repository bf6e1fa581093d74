"""A PartOf whose part and whole resolve to one entity is dropped (kg/extract/merge.py):
"the Army's 6th Infantry Division" read with "Army" as the division itself says nothing
of what the division belongs to. Invented sentences in several shapes."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, run


def _self_parts(r) -> list:
    entity_of = {m: e for e in r.entities for m in e.mentions}
    return [f for f in facts_of(r, "PartOf")
            if {entity_of.get(m) for m in f.roles["part"]}
            == {entity_of.get(m) for m in f.roles.get("whole", [])}]


def test_a_possessive_unit_is_no_part_of_itself_active(nlp):
    r = run(nlp, "Troops of the Army's 6th Infantry Division have set up checkpoints on the "
                 "highway to Kasama, Zambia's defence ministry said.")
    assert not _self_parts(r)


def test_a_possessive_unit_is_no_part_of_itself_passive(nlp):
    r = run(nlp, "Soldiers from the Army's 2nd Infantry Division were deployed to Hue on "
                 "Monday, Vietnam's defence ministry said.")
    assert not _self_parts(r)


def test_a_part_named_apart_from_its_whole_is_kept(nlp):
    # apposition "X, part of Y": two entities, the relation stays
    r = run(nlp, "Officers of the Riga Municipal Police, part of the State Police, detained "
                 "two men on Monday, Latvia's interior ministry said.")
    assert facts_of(r, "PartOf")
