"""Relations between entities of one update: Membership, Position, PartOf.

Signals are data (kg/rules/events/relations.yaml):
- Membership: "the leaders of A, B and C" (two or more countries) in an update
  that names an organisation as "<ORG> leaders" / "<ORG> member states";
- Position: an apposition "Name, the ROLE of X" (title-name pairs such as
  "President X" come from the entity rules);
- PartOf: a force or body whose name contains an organisation's
  ("the peacekeeping contingent of <ORG>", "<ORG> security council");
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


def positions(ctx) -> list[Fact]:
    from kg.extract.syntax import prep_objects, text_of

    heads = set(ctx.rules.relations["position"]["role_heads"])
    out = []
    for m in ctx.mentions:
        if m.type is not EntityType.PERSON:
            continue
        root = _token_at(ctx, m)
        if root is None:
            continue
        for app in root.children:
            if app.dep_ != "appos" or app.lemma_.lower() not in heads:
                continue
            orgs = [o for _, o in prep_objects(app, {"of"})]
            # the parser may hang "of X" on the name: "Name, the governor (prefect) of X"
            orgs = orgs or [o for _, o in prep_objects(root, {"of"}) if o.i > app.i]
            if not orgs:  # "Name, X's chief minister,"
                owned = _possessive_office(ctx, m, app)
                if owned is not None:
                    out.append(owned)
                continue
            org = ctx.mention_of(orgs[0])
            if org is None or org.type is EntityType.PERSON:
                continue
            role_toks = [t for t in app.subtree if t.i < orgs[0].i - 1 and t.dep_ != "det"]
            while role_toks and role_toks[-1].is_punct and role_toks[-1].text != ")":
                role_toks.pop()
            role = text_of(role_toks)
            if role.count("(") > role.count(")"):
                role += ")"
            if role:
                out.append(_fact(ctx, "Position", {"holder": [m], "role": [role],
                                                   "organization": [org]},
                                 root, "position/apposition", 0.8))
    # "the head of the mission, Anita Larsen,": the role noun before the name
    from kg.extract.context import named_holder

    seen = {(f.roles["holder"][0].start, f.roles["holder"][0].end) for f in out}
    for tok in ctx.tokens:
        m = named_holder(ctx, tok, heads)
        if m is None or (m.start, m.end) in seen:
            continue
        orgs = [o for _, o in prep_objects(tok, {"of"})]
        if not orgs:  # "X's chief minister, Name,"
            owned = _possessive_office(ctx, m, tok)
            if owned is not None:
                seen.add((m.start, m.end))
                out.append(owned)
            continue
        org = ctx.mention_of(orgs[0])
        if org is None or org.type is EntityType.PERSON:
            continue
        role = text_of([t for t in tok.subtree if t.i < orgs[0].head.i
                        and (t.dep_ != "det" or t.head != tok)])
        if role:
            seen.add((m.start, m.end))
            out.append(_fact(ctx, "Position", {"holder": [m], "role": [role],
                                               "organization": [org]},
                             tok, "position/apposition", 0.8))
    return out


def _possessive_office(ctx, holder: Mention, role_head: Token) -> Fact | None:
    """"X's chief minister": the office is the words after the possessive, up to the noun."""
    from kg.extract.syntax import text_of

    for poss in role_head.children:
        if poss.dep_ != "poss":
            continue
        org = ctx.mention_of(poss)
        if org is None or org.type is EntityType.PERSON:
            return None
        end = max(x.i for x in poss.subtree)
        role = text_of([t for t in role_head.doc[end + 1:role_head.i + 1]])
        if not role:
            return None
        return _fact(ctx, "Position", {"holder": [holder], "role": [role],
                                       "organization": [org]},
                     role_head, "position/apposition", 0.8)
    return None


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
    return [*membership(ctx), *positions(ctx), *part_of(ctx)]
