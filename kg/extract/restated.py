"""A second source's figure for an event the sentence has just counted is a second fact.

"Police said they had arrested 1,240 people, while the legal aid group put the number at
more than 1,700": docs/evaluation.md counts "a second, different figure for the same event
from another source" as a fact of its own. The figure is restated by a verb of giving a
figure (statements.yaml ``figures.verbs``) whose object names the figure only as such
(``figures.restated``: "the number", "the figure", not "the number of dead", which says
what it counts) with the figure after "at"/"to"; the event is the nearest counted one
before it in the sentence. The copy keeps the event's other roles.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from kg.extract.syntax import text_of
from kg.records import Fact, Quantity
from kg.resolve.quantities import parse_quantity


def _restated_figure(verb: Token, verbs: set[str], nouns: set[str]) -> Quantity | None:
    if verb.lemma_.lower() not in verbs or verb.pos_ != "VERB":
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in nouns or \
            any(c.dep_ in ("prep", "acl", "amod") for c in obj.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ == "PRON":
        return None  # ("they put it at": the same source going on)
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("at", "to"):
            for o in c.children:
                if o.dep_ == "pobj":
                    words = text_of(list(o.subtree)).strip('"“”')
                    q = parse_quantity(words)
                    if q is not None and q.value is not None:
                        return Quantity(text=words, value=q.value, qualifier=q.qualifier)
    return None


def second_figures(events: list[Fact], ctx) -> list[Fact]:
    """Copies of counted events that another source's figure restates."""
    spec = ctx.rules.statements["cues"]["figures"]
    verbs, nouns = set(spec["verbs"]), set(spec["restated"])
    counted = [f for f in events if f.category == "event" and f.trigger is not None
               and f.roles.get("quantity")]
    if not counted:
        return []
    out: list[Fact] = []
    start = ctx.unit.start
    for tok in ctx.tokens:
        if tok.lemma_.lower() not in verbs:
            continue
        q = _restated_figure(tok, verbs, nouns)
        if q is None:
            continue
        sent = ctx.sent_of[tok.i]
        first = min(x.i for x in tok.subtree)
        before = [f for f in counted if sent.start_char <= f.trigger.start - start
                  < tok.doc[first].idx]
        if not before:
            continue
        fact = max(before, key=lambda f: f.trigger.start)
        old = fact.roles["quantity"][0]
        if isinstance(old, Quantity) and old.value == q.value:
            continue
        roles = {k: list(v) for k, v in fact.roles.items()}
        roles["quantity"] = [q]
        out.append(replace(fact, roles=roles, rule=fact.rule + "+restated-figure",
                           links={k: list(v) for k, v in fact.links.items()}))
    return out
