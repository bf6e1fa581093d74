"""The province, county or governorate an office of a place belongs to.

News names a governor's, senator's or regent's unit by its bare name ("X Governor Y",
"the governor of X, Y", "X Senator Y", "X Regional Governor Y"), which is often a city's
name too; the owner the title reader finds then resolves to the city. When the document
also names the unit with its kind ("X province", "X County", "the governorate of X"), the
office belongs to that unit: the office is the unit's, and the text says which unit it
is. Offices of a city (mayor) are left alone, as are owners the text names no unit of.

Words are data: kg/rules/events/relations.yaml (``position.region_offices``,
``position.region_kinds``, ``position.unit_adjectives``).
"""

from __future__ import annotations

from kg.extract.positions import position_words
from kg.extract.spans import HEADLINE, fold
from kg.records import EntityType, Fact, Mention
from kg.rules.loader import event_rules

_OWNER_TYPES = {EntityType.CITY, EntityType.REGION, EntityType.PLACE,
                EntityType.ORGANIZATION}


def _units(mentions: list[Mention]) -> dict[str, Mention]:
    """Each bare name the document gives a unit of ("x" for "X province", "the county of
    X"), mapped to the first such Region mention."""
    kinds = event_rules().relations["position"].get("region_kinds", ())
    out: dict[str, Mention] = {}
    for m in mentions:
        if m.type is not EntityType.REGION or m.source.endswith(HEADLINE):
            continue
        name = fold(m.text).removeprefix("the ")
        for kind in kinds:
            bare = None
            if name.endswith(" " + kind):
                bare = name[:-len(kind) - 1]
            elif name.startswith(kind + " of "):
                bare = name[len(kind) + 4:]
            if bare:
                out.setdefault(bare, m)
                break
    return out


def _bare(name: str) -> str:
    """The place name of an owner read with its level adjective ("X Regional")."""
    words = fold(name).removeprefix("the ").split()
    if len(words) > 1 and words[-1] in position_words().unit_adjectives:
        words = words[:-1]
    return " ".join(words)


def _office(role: str) -> tuple[str, str] | None:
    """(the words before the office noun, the office noun) when the title ends in an
    office of a unit ("Kasama governor" -> ("Kasama", "governor"))."""
    spec = event_rules().relations["position"]
    words = role.split()
    if not words or words[-1].lower() not in spec.get("region_offices", ()):
        return None
    return " ".join(words[:-1]), words[-1].lower()


def region_owners(facts: list[Fact], mentions: list[Mention]) -> None:
    """Give each Position of a unit's office whose owner (or the name its title opens
    with) the document also names as a unit ("X province") that unit's mention."""
    units = None
    for f in facts:
        if f.kind != "Position":
            continue
        role = (f.roles.get("role") or [None])[0]
        if not isinstance(role, str):
            continue
        office = _office(role.partition(" of ")[0])
        if office is None:
            continue
        owner = (f.roles.get("organization") or [None])[0]
        if isinstance(owner, Mention):
            if owner.type not in _OWNER_TYPES:
                continue
            name = _bare(owner.text)
        else:
            before = office[0]
            if owner is not None or not before or not all(
                    w[:1].isupper() for w in before.split()):
                continue
            name = _bare(before)  # "X Governor Y" with no owner read
        if units is None:
            units = _units(mentions)
        unit = units.get(name)
        if unit is not None and unit is not owner:
            f.roles["organization"] = [unit]
            f.rule += ":unit-kind"
