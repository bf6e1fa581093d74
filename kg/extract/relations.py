"""Relations between entities of one update: Membership, Position, PartOf.

Signals are data (kg/rules/events/relations.yaml):
- Membership: "the leaders of A, B and C" (two or more countries) in an update
  that names an organisation as "<ORG> leaders" / "<ORG> member states";
- Position: appositions ("Name, a spokesman for X", "the head of X, Name") are read by
  kg/extract/appositions.py, titles before names by kg/extract/positions.py;
- PartOf: a force or body whose name contains an organisation's
  ("the peacekeeping contingent of <ORG>", "<ORG> security council");
- more Membership and PartOf (member of, joined, "members A and B", possessives,
  appositions, names after their organisation): kg/extract/memberships.py.
LocatedIn has its own module, kg/extract/locations.py.
Duplicates across updates are merged after resolution (kg/extract/merge.py).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.records import EntityType, Fact, Mention


def _fact(ctx, kind: str, roles: dict, tok: Token, rule: str, confidence: float) -> Fact:
    return Fact(kind=kind, category="relation", roles=roles, unit=ctx.unit.index,
                sentence=ctx.sentence(tok), rule=rule, confidence=confidence,
                trigger=None, reported=ctx.unit.stamp)


def _token_at(ctx, m: Mention) -> Token | None:
    span = ctx.char_span(m.start, m.end)
    return span.root if span is not None and len(span) else None


def membership(ctx) -> list[Fact]:
    from kg.extract.syntax import prep_objects

    spec = ctx.rules.relations["membership"]
    member_heads = set(spec["member_heads"])
    group_heads = set(spec["group_heads"])
    groups: list[tuple[int, Mention]] = []
    for tok in ctx.tokens:
        m = ctx.cover.get(tok.i)
        if m is None or m.type is not EntityType.ORGANIZATION:
            continue
        if tok.dep_ in ("nmod", "compound") and tok.head.i == tok.i + 2 and \
                tok.doc[tok.i + 1].text == "(":
            tok = tok.head  # "a summit of the Southern Common Market (Mercosur)": the
            # parser hangs the name on its bracketed short name
        # "the <ORG> leaders", or "the leaders of the <ORG>"
        head = tok.head if tok.dep_ in ("compound", "poss", "nmod") else (
            tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None)
        if head is not None and head.lemma_.lower() in group_heads and \
                ctx.cover.get(head.i) is None:
            groups.append((tok.i, m))
    if not groups:
        return []
    out = []
    for tok in ctx.tokens:
        if tok.lemma_.lower() not in member_heads or tok.pos_ != "NOUN":
            continue
        for _, obj in prep_objects(tok, {"of"}):
            items = [obj]
            i = 0
            while i < len(items):
                items.extend(c for c in items[i].children if c.dep_ == "conj")
                i += 1
            countries = []
            for x in items:
                m = ctx.cover.get(x.i)
                if m is not None and m.type is EntityType.COUNTRY and m not in countries:
                    countries.append(m)
            if len(countries) < int(spec["min_members"]):
                continue
            group = min(groups, key=lambda g: abs(g[0] - tok.i))[1]
            for c in countries:
                out.append(_fact(ctx, "Membership", {"member": [c], "group": [group]}, tok,
                                 "membership/leaders-of", 0.75))
    return out


def part_of(ctx) -> list[Fact]:
    spec = ctx.rules.relations["part_of"]
    parts = {EntityType(t) for t in spec["part_types"]}
    wholes = {EntityType(t) for t in spec["whole_types"]}
    out = []
    for outer in ctx.mentions:
        if outer.type not in parts:
            continue
        for inner in ctx.mentions:
            if inner is outer or inner.type not in wholes:
                continue
            if outer.start <= inner.start and inner.end <= outer.end and \
                    (inner.end - inner.start) < (outer.end - outer.start):
                rest = (outer.text[:inner.start - outer.start]
                        + outer.text[inner.end - outer.start:]).lower()
                if not rest.replace("the", "").replace("of", "").strip():
                    continue
                tok = _token_at(ctx, outer)
                if tok is not None:
                    out.append(_fact(ctx, "PartOf", {"part": [outer], "whole": [inner]}, tok,
                                     "partof/nested", 0.8))
    return out


def relation_facts(ctx) -> list[Fact]:
    """Every relation of one update (duplicates across updates are merged later)."""
    from kg.extract.appositions import apposition_positions
    from kg.extract.member_phrases import phrase_relations
    from kg.extract.memberships import membership_facts
    from kg.extract.office_clauses import heading_positions
    from kg.extract.part_of import part_of_facts

    return [*membership(ctx), *membership_facts(ctx), *apposition_positions(ctx),
            *heading_positions(ctx),
            *part_of(ctx), *part_of_facts(ctx), *phrase_relations(ctx)]
