"""Entity resolution grows with a document's length, not with its square (issue 17).

The profile of a 1 MB one-line document (docs/reliability.md) put a third of the build
in ``_Resolver.cluster``: every "the committee" compared itself with every earlier
mention of its update, every acronym with every long name, every body of a city with
every mention, and cluster roots were found by walking chains as long as a name was
frequent. Counted here in look-ups of cluster roots, never in seconds.
"""

from __future__ import annotations

from kg.records import EntityType, Mention
from kg.resolve import entities as resolve


def block_mentions(blocks: int) -> list[Mention]:
    """``blocks`` copies of a paragraph's mentions, all in one update (one long line)."""
    out = []
    for b in range(blocks):
        at = b * 1_000
        sentence = (at, at + 900)

        def m(offset: int, text: str, etype: EntityType, source: str = "ner:ORG",
              at=at, sentence=sentence) -> Mention:
            return Mention(at + offset, at + offset + len(text), text, etype, 0, sentence,
                           source)

        out += [m(0, "National Security Committee", EntityType.GOVERNMENT_BODY),
                m(40, "the committee", EntityType.GOVERNMENT_BODY, "rule:body"),
                m(80, "Allied Security Partnership", EntityType.ORGANIZATION),
                m(120, "ASP", EntityType.ORGANIZATION),
                m(160, "Zambia", EntityType.COUNTRY, "ner:GPE"),
                m(200, "the country", EntityType.COUNTRY, "rule:place-anaphor"),
                m(240, f"Jane Doe{b % 7}", EntityType.PERSON, "ner:PERSON"),
                m(300, "Ndola", EntityType.CITY, "ner:GPE")]
    return out


def finds(blocks: int, monkeypatch) -> tuple[int, list]:
    count = 0
    find = resolve._Clusters.find

    def counted(self, i):
        nonlocal count
        count += 1
        return find(self, i)

    monkeypatch.setattr(resolve._Clusters, "find", counted)
    entities, _ = resolve.resolve_entities(block_mentions(blocks))
    monkeypatch.setattr(resolve._Clusters, "find", find)
    return count, entities


def test_resolution_work_grows_linearly_with_the_mentions(monkeypatch):
    small, _ = finds(150, monkeypatch)
    large, entities = finds(600, monkeypatch)
    assert large < 5 * small, (small, large)  # four times the mentions (it was 16 times)
    found = {e.name: len(e.mentions) for e in entities}
    # every anaphor found its antecedent, every acronym its name, "the country" Zambia
    assert found["National Security Committee of Zambia"] == 1_200
    assert found["Allied Security Partnership"] == 1_200
    assert found["Zambia"] == 1_200 and found["Ndola"] == 600
