"""Offices read from the offices around them, once a document's Positions are all read.

- "MDU leader X and his deputy, Y" / "Inspector General of the Police X was suspended. His
  deputy, Y, ...": a deputy named by a personal possessive holds the office in the body
  of the person the possessive points to: the organisation of the nearest Position before
  it, in its sentence or the one before (:func:`deputy_owners`);
- "The ministry rejected it, spokesman X told reporters": a spokesperson with no owner
  said speaks for the body subject of the clause before the comma (:func:`reporting_body`,
  called by kg/extract/positions.py while it reads titles);
- "Superintendent X, a spokeswoman for the police" / "a police spokesman, Commissioner X":
  a police or military rank written as a title before a name is no office when the
  sentence gives the person an office (:func:`rank_titles`).

Words are data: kg/rules/events/relations.yaml (``position.deputy_heads``,
``position.rank_titles``, ``position.reporting_heads``).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.records import EntityType, Fact, Mention
from kg.rules.loader import event_rules

PERSONAL_RULE = "position/apposition:personal"
TITLE_RULE = "position:title-name"


def _holder(f: Fact) -> Mention | None:
    h = f.roles.get("holder", [None])[0]
    return h if isinstance(h, Mention) else None


def _role(f: Fact) -> str:
    r = f.roles.get("role", [""])[0]
    return r.lower() if isinstance(r, str) else ""


def deputy_owners(facts: list[Fact], sentences: list[tuple[int, int]]) -> None:
    """Give "his deputy, X" the body of the office held by the person named last before it
    (in the same sentence or the one before) whose Position names its owner;
    ``sentences``: the (start, end) offsets of the document's sentences."""
    heads = set(event_rules().relations["position"].get("deputy_heads", ()))
    owned = sorted((f for f in facts if f.kind == "Position" and f.roles.get("organization")
                    and _holder(f) is not None), key=lambda f: _holder(f).start)
    for f in facts:
        words = _role(f).split()
        me = _holder(f)
        if f.kind != "Position" or f.rule != PERSONAL_RULE or f.roles.get("organization") \
                or not words or words[-1] not in heads or me is None:
            continue
        previous = max((s for s in sentences if s[1] <= f.sentence[0]), default=None)
        before = [g for g in owned if _holder(g).start < me.start
                  and _holder(g).text != me.text
                  and (g.sentence == f.sentence or g.sentence == previous)]
        if before:
            f.roles["organization"] = list(before[-1].roles["organization"])
            f.rule = PERSONAL_RULE + ":deputy"


def rank_titles(facts: list[Fact]) -> list[Fact]:
    """Drop a Position whose title before the name is only a rank ("Superintendent X")
    when another Position of the same sentence gives that person an office."""
    ranks = set(event_rules().relations["position"].get("rank_titles", ()))
    others: dict[tuple, int] = {}
    for f in facts:
        h = _holder(f)
        if f.kind == "Position" and h is not None:
            others[(f.sentence, h.text)] = others.get((f.sentence, h.text), 0) + 1
    return [f for f in facts if not (
        f.kind == "Position" and f.rule == TITLE_RULE and _role(f) in ranks
        and not f.roles.get("organization") and (h := _holder(f)) is not None
        and others.get((f.sentence, h.text), 0) > 1)]


_BODY_TYPES = {EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION, EntityType.ARMED_FORCE,
               EntityType.GROUP}


def reporting_body(role: list[Token], head: Token, cover: dict[int, Mention],
                   heads: set[str]) -> Mention | None:
    """"The ministry rejected the claim, spokesman X told reporters": a spokesperson whose
    title, after a comma, names no owner speaks for the body that is the subject of the
    clause before the comma (the first body subject of the sentence; when the title holds
    a body noun, "ministry spokeswoman X", a body whose name holds it)."""
    if head.lemma_.lower() not in heads and head.lower_ not in heads:
        return None
    doc = head.doc
    start = role[0].i
    sent = doc[start].sent
    if start - 1 <= sent.start or doc[start - 1].text != ",":
        return None
    nouns = {t.lemma_.lower() for t in role if t is not head and t.pos_ in ("NOUN", "PROPN")}
    for k in range(sent.start, start - 1):
        m = cover.get(k)
        t = doc[k]
        if m is None or m.type not in _BODY_TYPES or t.dep_ not in ("nsubj", "nsubjpass") \
                or t.head.pos_ not in ("VERB", "AUX"):
            continue
        if nouns and not nouns & set(m.text.lower().split()):
            return None
        return m
    return None
