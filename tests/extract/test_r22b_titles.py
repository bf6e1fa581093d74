"""Titles, names and approvals (round 22, second wave). Invented sentences set in Latvia,
Botswana, Qatar and Vietnam, with invented people."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


# --- a word between a title word and an office noun is part of one title -------------------
def test_a_qualifier_inside_a_long_title_is_no_holder(nlp):
    r = run(nlp, "Chief Cabinet Secretary Tran Van Hieu told reporters in Hanoi that the "
                 "talks would resume on Monday.")
    (p,) = facts_of(r, "Position")
    assert names(r, p.roles["holder"]) == {"Tran Van Hieu"}
    assert names(r, p.roles["role"]) == {"Chief Cabinet Secretary"}
    assert "Cabinet" not in {e.name for e in r.entities}


def test_a_body_after_a_title_without_an_office_noun_stays(nlp):
    r = run(nlp, "The talks in Gaborone were chaired by the Cabinet, Minister Kabo Sithole "
                 "said.")
    (p,) = facts_of(r, "Position")
    assert names(r, p.roles["holder"]) == {"Kabo Sithole"}
