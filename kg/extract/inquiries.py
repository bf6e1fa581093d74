"""Inquiries told as a body set up: "the ministry formed a committee to investigate the
collapse", "the government will set up an independent inquiry into the fire".

News English often reports an inquiry by the body created to carry it out. The
Decision rules read the setting up of a body (kg/rules/events/decision.yaml,
decision/set-up-body, decision/created-body); when what is set up is an inquiry itself
("set up an inquiry into X") or a body given the task of investigating by a purpose
infinitive ("a committee to investigate X", "a panel to examine X"), the act told is the
inquiry, and the one who sets it up is its agent (the annotation guide's Investigation:
an inquiry opened or carried out). The Decision gives way to an Investigation then; a
body set up with no such task ("set up a commission of inquiry" told without an
infinitive, "formed a relief committee") stays a Decision.

The verbs are data: lexicon lists ``inquiry_purpose_verbs`` and ``setting_up_verbs``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.context import Context
from kg.extract.syntax import text_of, to_infinitive
from kg.records import Fact

__all__ = ["inquiries_set_up"]

_ARTICLES = {"a", "an", "the"}


def _purpose(body: Token, verb: Token, purpose_verbs: set[str]) -> Token | None:
    """The purpose infinitive of an inquiry ("[to investigate] X") after the body or the
    verb that sets it up (the parser hangs it on either)."""
    for c in (*body.children, *verb.children):
        if c.dep_ in ("acl", "advcl", "xcomp", "relcl") and c.pos_ == "VERB" and \
                c.lemma_.lower() in purpose_verbs and to_infinitive(c):
            return c
    return None


def _what(v: Token) -> str | None:
    """What the purpose infinitive looks into: its object or clause ("investigate [why X]",
    "look [into the collapse]"), without a leading article."""
    for c in v.children:
        if c.dep_ in ("dobj", "ccomp"):
            toks = list(c.subtree)
            break
        if c.dep_ == "prep" and c.lower_ in ("into", "on"):
            objs = [o for o in c.children if o.dep_ in ("pobj", "pcomp")]
            if objs:
                toks = list(objs[0].subtree)
                break
    else:
        return None
    while toks and (toks[0].lower_ in _ARTICLES or toks[0].is_punct):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    return text_of(toks) if toks else None


def inquiries_set_up(events: list[Fact], read: list[tuple[Fact, int, list[str]]],
                     doc: Doc, ctx: Context) -> list[Fact]:
    """``events`` with each Decision to set up an inquiry replaced by that Investigation
    (agent the one who sets it up), or giving its agent to the Investigation its inquiry
    noun already tells."""
    lists = ctx.rules.lists
    purpose_verbs = set(lists["inquiry_purpose_verbs"])
    setting_up = set(lists["setting_up_verbs"])
    kept = {id(f) for f in events}
    inquiries = {i: f for f, i, _ in read if f.kind == "Investigation" and id(f) in kept}
    drop: set[int] = set()
    added: list[Fact] = []
    for f, i, _ in read:
        if f.kind != "Decision" or id(f) not in kept or not f.roles.get("agent"):
            continue
        verb = doc[i]
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in setting_up:
            continue
        body = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if body is None:
            continue
        if body.i in inquiries:  # "set up an inquiry into X": the inquiry is the act
            inquiry = inquiries[body.i]
            if not inquiry.roles.get("agent"):
                inquiry.roles["agent"] = list(f.roles["agent"])
            drop.add(id(f))
            continue
        v = _purpose(body, verb, purpose_verbs)
        what = _what(v) if v is not None else None
        if what is None:
            continue
        if v.i in inquiries:  # already read from the infinitive itself
            inquiry = inquiries[v.i]
            if not inquiry.roles.get("agent"):
                inquiry.roles["agent"] = list(f.roles["agent"])
        else:
            added.append(Fact(kind="Investigation", category="event",
                              roles={"agent": list(f.roles["agent"]), "theme": [what]},
                              unit=f.unit, sentence=f.sentence,
                              rule="investigation/body-set-up-to-investigate",
                              confidence=f.confidence, trigger=ctx.span([v]),
                              reported=f.reported, factuality=f.factuality))
        drop.add(id(f))
    if not drop:
        return events
    return [f for f in events if id(f) not in drop] + added
