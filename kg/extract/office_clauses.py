"""Offices that a clause states rather than a title: "X, who heads the Y delegation",
"a committee headed by X".

A person is the head of what they head (the leader of what they lead, the chair of what they
chair, the commander of what they command): the office is "head", owned by the
body headed when it is named ("X, who heads the Red Cross in Peru"), else "head of" the
phrase as written ("head of the rebel delegation", owned by the body named inside it).
The verbs are data: kg/rules/events/relations.yaml (``position.heading_verbs``).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.context import self_named
from kg.extract.spans import mention_from_span
from kg.extract.syntax import np_tokens, text_of
from kg.records import EntityType, Fact, Mention


def heading_positions(ctx) -> list[Fact]:
    """Positions of the people one unit says head a body (relative or participle clause)."""
    spec = ctx.rules.relations["position"]
    verbs = set(spec.get("heading_verbs", ()))
    bodies = set(spec.get("heading_bodies", ()))
    out: list[Fact] = []
    for tok in ctx.tokens:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in verbs:
            continue
        if tok.dep_ == "relcl":  # "X, who heads the Y"
            who = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            body = next((c for c in tok.children if c.dep_ == "dobj"), None)
            holder = ctx.mention_of(tok.head)
            if who is None or who.lower_ != "who" or body is None:
                continue
        elif tok.dep_ == "acl" and tok.tag_ == "VBN":  # "a committee headed by X"
            body = tok.head
            by = [o for c in tok.children if c.dep_ == "agent" for o in c.children
                  if o.dep_ == "pobj"]
            holder = ctx.mention_of(by[0]) if by else None
        else:
            continue
        if holder is None or holder.type is not EntityType.PERSON or body.pos_ not in (
                "NOUN", "PROPN"):
            continue
        named = ctx.mention_of(body) or self_named(ctx, body)
        if (named is None or named.type is EntityType.PERSON) and \
                body.lemma_.lower() not in bodies:
            continue  # "protesters led by X", "who led the march": no office
        fact = _fact(ctx, holder, body, tok)
        if fact is not None:
            out.append(fact)
    return out


def _fact(ctx, holder: Mention, body: Token, verb: Token) -> Fact | None:
    named = ctx.mention_of(body) or self_named(ctx, body)
    roles: dict = {"holder": [holder]}
    office = ctx.rules.relations["position"].get("heading_roles", {}).get(
        verb.lemma_.lower(), "head")
    if named is not None and named.type is not EntityType.PERSON and not named.type.is_place:
        roles["role"] = [office]
        roles["organization"] = [named]
    else:
        words = [t for t in np_tokens(body) if t.i not in _clauses(body)]
        if verb.dep_ == "acl":  # "a committee headed by X": its phrase, not the clause
            words = [t for t in words if t.i < verb.i]
        phrase = text_of(words)
        if not phrase or len(words) > 10:
            return None
        inner = [m for t in words if (m := ctx.mention_of(t) or _named_elsewhere(ctx, t))
                 is not None and m.type is not EntityType.PERSON and not m.type.is_place]
        if verb.dep_ == "acl":  # "a team from the IMF, led by X": whose team is unsaid
            if inner:
                return None
            roles["role"] = [office]
            roles["organization"] = [_bare(words)]
        else:
            roles["role"] = [f"head of {phrase}"]
            if inner:
                roles["organization"] = [inner[0]]
    return Fact(kind="Position", category="relation", roles=roles, unit=ctx.unit.index,
                sentence=ctx.sentence(verb), rule="position:heads", confidence=0.7)


def _named_elsewhere(ctx, tok: Token) -> Mention | None:
    """"the ELN delegation": an acronym the document names as a body elsewhere."""
    if not tok.is_upper or len(tok.text) < 2:
        return None
    etype = next((m.type for m in ctx.mentions if m.text == tok.text
                  and m.type is not EntityType.PERSON), None)
    if etype is None:
        return None
    return mention_from_span(tok.doc[tok.i:tok.i + 1], ctx.unit, etype, "rule:title-owner")


def _clauses(body: Token) -> set[int]:
    return {x.i for c in body.children if c.dep_ in ("relcl", "acl", "appos", "punct")
            for x in c.subtree}


def _bare(words: list[Token]) -> str:
    """The phrase without its article: "a three-member committee" -> "three-member
    committee"."""
    while words and words[0].dep_ == "det":
        words = words[1:]
    return text_of(words)
