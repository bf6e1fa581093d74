"""What a request or order asks for, with "them" written out.

"Yerevan has urged Baku to release them", "the junta has not asked Rome to withdraw them":
the theme of a Request or Order is the text of what is asked, and a "them" in it says
nothing on its own. The pronoun is replaced by the noun phrase it points back to: the
people named before (kg/extract/context.py ``plural_antecedent``), else the nearest plural
noun earlier in the sentence ("called on the assembly to withdraw the laws ... them").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.extract.context import Context, plural_antecedent
from kg.extract.syntax import text_of
from kg.records import Fact

_KINDS = ("Request", "Order")
_THEM = re.compile(r"\bthem\b")
# plural nouns that count time or amounts, never what "them" stands for
_NOT_ANTECEDENTS = {"day", "week", "month", "year", "hour", "minute", "time", "percent",
                    "number", "figure", "vote", "word"}


def spell_out_them(facts: list[Fact], ctx: Context) -> None:
    """Rewrite "them" in the text themes of the unit's requests and orders."""
    for f in facts:
        if f.kind not in _KINDS or f.trigger is None or f.unit != ctx.unit.index:
            continue
        themes = f.roles.get("theme") or []
        if not any(isinstance(v, str) and _THEM.search(v) for v in themes):
            continue
        span = ctx.char_span(f.trigger.start, f.trigger.end)
        if span is None or not len(span):
            continue
        trigger = span.root
        pron = next((t for t in trigger.subtree if t.lower_ == "them" and t.i > trigger.i
                     and t.dep_ in ("dobj", "pobj")), None)
        if pron is None:
            continue
        noun = _antecedent(ctx, pron, trigger)
        if noun is None:
            continue
        phrase = text_of([t for t in noun.lefts if t.dep_ in ("amod", "compound", "nmod")
                          and t.i == _left_edge(noun, t)] + [noun])
        f.roles["theme"] = [_THEM.sub(phrase, v, count=1) if isinstance(v, str) else v
                            for v in themes]


def _left_edge(noun: Token, mod: Token) -> int:
    """``mod``'s index when nothing but other modifiers stands between it and ``noun``."""
    between = noun.doc[mod.i + 1:noun.i]
    if all(t.dep_ in ("amod", "compound", "nmod") or (t.head.i != noun.i and t.head.i < noun.i)
           for t in between) and not any(t.is_punct for t in between):
        return mod.i
    return -1


def _antecedent(ctx: Context, pron: Token, trigger: Token) -> Token | None:
    people = plural_antecedent(ctx, pron)
    if people is not None:
        return people
    sent = ctx.sent_of[pron.i]
    own = {t.i for t in trigger.subtree}
    for t in reversed(ctx.tokens[sent.start:trigger.i]):
        if t.i in own:
            continue
        if t.pos_ == "NOUN" and t.tag_ == "NNS" and t.lemma_.lower() not in _NOT_ANTECEDENTS:
            return t
    return None
