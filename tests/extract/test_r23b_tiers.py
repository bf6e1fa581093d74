"""r23b-tiers: a government named by its tier alone ("the regional government") is the
government of a region of the story (kg/resolve/tiers.py, bodies.jsonl ``alone``)."""

from __future__ import annotations

from tests.extract.event_helpers import run


def _bodies(result) -> dict[str, set[str]]:
    return {e.name: set(e.aliases) for e in result.entities
            if e.type.value == "GovernmentBody"}


def test_regional_government_is_the_story_regions(nlp):
    text = ("Floods hit Chobe District of Botswana on Monday. Hundreds of homes in Chobe "
            "District were flooded. The regional government has banned the use of boats on "
            "the river.")
    bodies = _bodies(run(nlp, text))
    assert "regional government of Chobe District" in bodies
    labels = bodies["regional government of Chobe District"]
    assert "Government of Chobe District" in labels
    assert "Chobe regional government" in labels


def test_tier_government_joins_the_one_named_after_a_region(nlp):
    text = ("Drought has emptied the reservoirs of Ngamiland District in Botswana. The "
            "Ngamiland District Government said on Monday that water trucks would reach "
            "Maun. The provincial government later imposed a curfew in Maun.")
    result = run(nlp, text)
    body = next(e for e in result.entities if e.name == "Ngamiland District Government")
    assert "provincial government" in {m.text for m in body.mentions}
    assert not any(n.startswith("provincial government") for n in _bodies(result))


def test_tier_government_without_a_story_region_stays_text(nlp):
    text = ("Heavy rain fell across Botswana on Monday. The state government has banned "
            "fishing on the river until further notice.")
    result = run(nlp, text)
    assert not any("state government" in n for n in _bodies(result))


def test_regional_government_of_a_named_place_keeps_its_place(nlp):
    text = ("Protests spread through Vidzeme and Latgale in Latvia on Tuesday. The regional "
            "government of Latgale asked the central government to suspend the tax.")
    bodies = _bodies(run(nlp, text))
    assert not any(n.startswith("regional government of Vidzeme") for n in bodies)
