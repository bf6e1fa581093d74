"""Regions of round 21 (r21b-regions), on invented sentences set in Vietnam: a region
known only by GeoNames' English name that the text names once holds the towns GeoNames
puts in it when it is the document's only such region; several such regions named once
each, in a list, hold only what the text puts in them (kg/extract/containment.py)."""

from __future__ import annotations

from tests.extract.event_helpers import located_pairs, run


def test_a_lone_region_named_once_holds_the_towns_the_gazetteer_puts_there(nlp):
    # the text never says the town lies in the province: GeoNames does
    r = run(nlp, "Hanoi, 4 May 2026. Floods cut the road to Son Tay on Monday, officials "
                 "in Hanoi province said. Vietnam sent soldiers to Son Tay.")
    pairs = located_pairs(r)
    assert ("Son Tay", "Hanoi province") in pairs
    assert ("Son Tay", "Vietnam") in pairs


def test_regions_named_once_in_a_list_hold_only_what_the_text_puts_there(nlp):
    r = run(nlp, "Hanoi, 4 May 2026. Storms cut the road to Son Tay on Monday, and police "
                 "raided warehouses in Hanoi province and Ho Chi Minh province, officials "
                 "said. Vietnam sent soldiers to Son Tay.")
    pairs = located_pairs(r)
    assert ("Son Tay", "Vietnam") in pairs
    assert ("Son Tay", "Hanoi province") not in pairs
