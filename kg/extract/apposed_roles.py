"""Role nouns apposed to a name that say something other than the office's words
(kg/extract/appositions.py): a name before a kind noun that owns the office ("director of
the Saint Agnes Mission shelter")."""

from __future__ import annotations

from spacy.tokens import Token

from kg.records import EntityType, Mention


def named_before(ctx, obj: Token) -> Mention | None:
    """"director of the Saint Agnes Mission shelter": a common noun after a name of two
    words or more (no person, country, region or city) names what the name names: the
    name owns the office."""
    prev = obj.doc[obj.i - 1] if obj.i > 0 else None
    m = ctx.cover.get(prev.i) if prev is not None and prev.dep_ == "compound" else None
    if m is None or len(m.text.split()) < 2 or m.type in _NO_SITE:
        return None
    return m


_NO_SITE = {EntityType.PERSON, EntityType.COUNTRY, EntityType.REGION, EntityType.CITY}
