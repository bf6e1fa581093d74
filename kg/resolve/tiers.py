"""A government of a tier below the country that the story names by its tier alone.

"The regional government has banned fires", "the provincial government imposed a
curfew", "the state government introduced rationing": written when no such body was named
before ("the X provincial government" is linked by kg/resolve/descriptions.py), the
phrase means the government of a region of the story. It joins the one government body
the text names after one of its regions ("the X government", "Government of X").
Else it is the government of the region the story is about: the one region of the
document's country the text names most, at least twice and at least twice as often as
any other. It is named the annotation guide's way, the body by its function with its
owner ("regional government of X"; a national body gets its country the same way), and
carries the other forms English writes the same name in as labels ("Government of X",
"X regional government"). With no such region it stays a description, left as text.
"""

from __future__ import annotations

import re
from collections import Counter

from kg.records import EntityType
from kg.resolve.descriptions import leveled
from kg.resolve.names import display_name, normalise_name

RULE = "tier: the named government of one of the story's regions"


def story_region_name(res) -> str | None:
    """The name, as the text writes it, of the region the document names most (of its
    dominant country, when the gazetteer knows the region's country), else None."""
    counts: Counter[int] = Counter()
    texts: dict[int, Counter[str]] = {}
    home = res.dominant.country_code if res.dominant is not None else None
    for j, m in enumerate(res.mentions):
        if m.antecedent is not None or m.source.endswith(":headline"):
            continue
        root = res.clusters.find(j)
        inf = res.info[root]
        if inf is None or inf.type is not EntityType.REGION:
            continue
        if home and inf.place is not None and inf.place.country_code not in (None, home):
            continue
        counts[root] += 1
        texts.setdefault(root, Counter())[display_name(m.text)] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    name = texts[ranked[0][0]].most_common(1)[0][0]
    return name[4:] if name.lower().startswith("the ") else name


def name_tier_governments(res) -> None:
    """Give each cluster made only of a tier's government phrase ("regional government")
    the story region's name: "regional government of X" (label "Government of X")."""
    groups: dict[int, list[int]] = {}
    for j, m in enumerate(res.mentions):
        if m.antecedent is None:
            groups.setdefault(res.clusters.find(j), []).append(j)
    region = None
    for root, members in groups.items():
        inf = res.info[root]
        if inf is None or inf.type is not EntityType.GOVERNMENT_BODY:
            continue
        shown = {j: normalise_name(res.mentions[j].text) for j in members}
        bare = {j for j, t in shown.items() if leveled(t.casefold(), res.rules) is not None
                and t.casefold().endswith(" government")}
        if not bare:
            continue
        if len(bare) < len(members):
            # "the provincial government" joined with "the X provincial government": the
            # body is named by the named form, not the bare one
            if all(t.casefold().endswith(" " + shown[k].casefold())
                   for j, t in shown.items() if j not in bare for k in bare):
                res.described.update(bare)
            continue
        surfaces = {shown[j].casefold() for j in members}
        if len(surfaces) != 1:
            continue
        surface = surfaces.pop()
        own = _region_government(res, root, groups)
        if own is not None:  # "the Chobe government" ... "the state government"
            res.clusters.union(root, own, RULE)
            res.described.update(members)
            continue
        region = region or story_region_name(res)
        if region is None:
            for j in range(len(res.mentions)):  # no region to own it: a description, left
                if res.clusters.find(j) == root:  # as text (with the pronouns that point
                    res.info[j].key = f"unresolved:{j}"  # back to it)
            continue
        name = f"{surface} of {region}"
        words = region.split(" ")
        kind = res.rules.kind_nouns.get(words[-1].casefold()) if len(words) > 1 else None
        # "X Province" + "provincial government": "X provincial government"
        short = " ".join(words[:-1]) if kind is not None and kind.type is EntityType.REGION \
            else region
        for j in members:
            inf = res.info[j]
            inf.name, inf.rule = name, "body phrase"
            inf.labels = (f"Government of {region}", f"{short} {surface}")


def _region_government(res, root: int, groups: dict[int, list[int]]) -> int | None:
    """The one other government body the document names after one of its regions ("the
    Chobe government", "Government of X", "the X provincial government"), else None."""
    regions = {display_name(res.mentions[j].text).casefold()
               for r, members in groups.items() if (inf := res.info[r]) is not None
               and inf.type is EntityType.REGION for j in members}
    regions = {r[4:] if r.startswith("the ") else r for r in regions}
    found = set()
    for r, members in groups.items():
        inf = res.info[r]
        if r == root or inf is None or inf.type is not EntityType.GOVERNMENT_BODY:
            continue
        for j in members:
            text = display_name(res.mentions[j].text).casefold()
            if not res.info[j].named or not re.search(r"\bgovernment\b", text):
                continue
            if any(re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", text) for p in regions):
                found.add(r)
    return found.pop() if len(found) == 1 else None
