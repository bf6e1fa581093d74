"""Descriptions that point back to the group or company named before them.

A story names a union, an association or a company once and then calls it by its kind:
"..., said the head of the X Growers' Association. The group urged the ministry to
...", "a spokeswoman for Y, who said the association would tell its branches", "Z Ltd
... The company said". A definite description ("the"/"this" before a head noun of
lexicon ``group_descriptions``, with no name or other word of its own) left as the text
of an event's agent, theme, addressee or participant, or of a statement's speaker,
stands for the one organisation (lexicon: the entity types the head fits) named in the
nearest sentence that names one: the description's own sentence before it, then up to
two sentences back. Two different organisations there: which one is meant is unclear,
and the description stays text. An organisation that fills another role of the same fact
("the group urged the ministry") is not the one meant. A head that bodies carry in their
names (lexicon ``named_heads``: "the board", "the council", "the commission") first
stands for the one body named earlier in the story whose name holds it ("the X Industrial
Relations Board ... directed the board"), as the resolver links a body's bare head
(kg/resolve/descriptions.py) when it is a mention rather than text.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.extract.context import Context
from kg.extract.counted_people import role_texts
from kg.records import EntityType, Fact, Mention

_ROLES = ("agent", "theme", "addressee", "participant", "speaker")
_SENTENCES_BACK = 2
_DETS = ("the", "this")


def point_back_groups(facts: list[Fact], ctx: Context) -> None:
    """Replace a definite group description left as role text by the group named before."""
    heads: dict[str, list[str]] = ctx.rules.lists["group_descriptions"]
    named_heads = set(ctx.rules.lists["named_heads"])
    sents = None
    for f, role, values, k, v in role_texts(facts, ctx.unit.index, _ROLES):
        words = v.casefold().split()
        if words and words[0] in _DETS:
            words = words[1:]
        if len(words) != 1 or (words[0] not in heads and words[0] not in named_heads):
            continue
        head = _head(words[0], f, ctx)
        if head is None:
            continue
        if sents is None:
            sents = list(ctx.doc.sents)
        others = {x.text for r, xs in f.roles.items() for x in xs
                  if isinstance(x, Mention) and r != role}
        named = _head_named(ctx, head, others) if words[0] in named_heads else None
        if named is None and words[0] in heads:
            kinds = {EntityType(t) for t in heads[words[0]]}
            named = _named_before(ctx, head, kinds, others, sents)
        if named is not None:
            f.roles[role] = [*values[:k], named, *values[k + 1:]]


def _head(word: str, f: Fact, ctx: Context) -> Token | None:
    """The token of "the WORD" in the fact's sentence, a bare definite description."""
    local = (f.sentence[0] - ctx.unit.start, f.sentence[1] - ctx.unit.start)
    text = ctx.text[local[0]:local[1]]
    for match in re.finditer(rf"(?<![\w-])(?:the|this)\s+({re.escape(word)})(?![\w-])",
                             text, re.IGNORECASE):
        span = ctx.doc.char_span(local[0] + match.start(1), local[0] + match.end(1))
        if span is None or len(span) != 1:
            continue
        head = span[0]
        if ctx.mention_of(head) is not None or head.pos_ != "NOUN" or any(
                c.dep_ in ("compound", "amod", "nmod", "poss", "nummod", "prep", "appos")
                for c in head.children):
            continue  # "the fishers' group", "the group of lawyers": more than the kind
        return head
    return None


def _named_before(ctx: Context, head: Token, kinds: set[EntityType], others: set[str],
                  sents: list) -> Mention | None:
    own = ctx.sent_of[head.i]
    at = next(i for i, s in enumerate(sents) if s.start == own.start)
    found = []
    for m in ctx.mentions:
        if m.type not in kinds or m.antecedent is not None or m.text in others or \
                m.source.startswith("rule:event"):
            continue
        sp = ctx.char_span(m.start, m.end)
        if sp is None or not len(sp) or sp.end > head.i:
            continue
        found.append((sp.start, m))
    for s in reversed(sents[max(0, at - _SENTENCES_BACK):at + 1]):
        here = [m for start, m in found if s.start <= start < s.end]
        if not here:
            continue
        if len({m.text for m in here}) == 1 or _one_named(here, ctx.text, ctx.unit.start):
            return max(here, key=lambda m: m.end - m.start)
        return None
    return None


def _head_named(ctx: Context, head: Token, others: set[str]) -> Mention | None:
    """"the board" of a story that named "the X Relations Board" before it: the one body
    named earlier in the unit whose name holds the head word (two such bodies: none)."""
    word = re.compile(rf"(?<![\w-]){re.escape(head.lower_)}(?![\w-])", re.IGNORECASE)
    here = []
    for m in ctx.mentions:
        if not m.type.is_agent or m.type is EntityType.PERSON or m.antecedent is not None \
                or m.text in others or m.source.startswith("rule:event") or \
                len(m.text.split()) < 2 or not word.search(m.text):
            continue
        sp = ctx.char_span(m.start, m.end)
        if sp is not None and len(sp) and sp.end <= head.i:
            here.append(m)
    if here and _one_named(here, ctx.text, ctx.unit.start):
        return max(here, key=lambda m: m.end - m.start)
    return None


def _one_named(here: list[Mention], text: str, offset: int) -> bool:
    """Mentions of one body: a name and its short form ("the X Association (XA)": the
    initials of its name, or the letters in brackets right after it)."""
    longest = max(here, key=lambda m: m.end - m.start)
    initials = {w[0] for w in longest.text.split() if w[:1].isupper()}
    bracketed = {text[m.end - offset:m.end - offset + 40].partition(")")[0].strip(" (")
                 for m in here if m.text == longest.text}
    return all(m.text in longest.text or (m.text.isupper() and (
        set(m.text) <= initials or m.text in bracketed)) for m in here)
