"""Ministries named by their portfolio in lower case: "the education ministry said", "a
health ministry official told AFP", "Benin's agriculture ministry".

News names most ministries by the portfolio noun before "ministry", in lower case; the
model tags none of them, and the phrase list of kg/rules/entities/bodies.jsonl holds only
the few ministries it gives a canonical name. The pattern is the syntax, not a list of
portfolios: one to three lower-case nouns compounded to "ministry", after a determiner or
a possessive, as a whole noun phrase or before the noun of an unnamed official or
spokesperson (statements.yaml ``officials``, ``spokespeople``), who then speaks for the
ministry (kg/extract/speakers.py). The resolver names the body as written with its
country ("Education Ministry of X", kg/resolve/body_names.py).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from kg.extract.entity_rules import EntityRules
from kg.extract.spans import HEADLINE, in_ranges, mention_from_span
from kg.records import EntityType, Mention, Unit
from kg.resolve.places import gazetteer
from kg.rules.loader import event_rules

_OPENERS = {"the", "a", "an", "its", "their", "'s", "’s"}


@cache
def _speaker_nouns() -> frozenset[str]:
    spec = event_rules().statements["speakers"]
    return frozenset(spec["officials"]) | frozenset(spec["spokespeople"])


def portfolio_mentions(doc: Doc, unit: Unit, rules: EntityRules, found: list[Mention],
                       noise: list[tuple[int, int]]) -> list[Mention]:
    """One GovernmentBody mention per "the PORTFOLIO ministry" no other mention covers."""
    out = []
    for tok in doc:
        if tok.lower_ != "ministry" or not tok.text.islower():
            continue
        k = tok.i
        while k > 0 and tok.i - k < 3 and doc[k - 1].dep_ == "compound" \
                and doc[k - 1].pos_ == "NOUN" and doc[k - 1].text.isalpha() \
                and doc[k - 1].text.islower() and doc[k - 1].head.i in range(k, tok.i + 1):
            k -= 1
        if k == tok.i:
            continue  # "the ministry" alone: an anaphor (kg/extract/rule_mentions.py)
        start = k
        prev = doc[k - 1] if k > 0 else None
        if prev is not None and rules.is_demonym(prev.text):
            start -= 1  # "the Latvian education ministry": the adjective gives the owner
            prev = doc[start - 1] if start > 0 else None
        elif prev is not None and prev.tag_ == "POS" and (n := next(
                (n for n in (3, 2, 1) if prev.i - n >= 0
                 and gazetteer().country(doc[prev.i - n:prev.i].text)), None)):
            start = prev.i - n  # "Benin's education ministry": the country owns it
            prev = doc[start - 1] if start > 0 else None
        elif prev is None or prev.lower_ not in _OPENERS:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.tag_ != "POS" \
                and nxt.lemma_.lower() not in _speaker_nouns():
            continue  # "the health ministry building": a modifier, no reference
        span = doc[start:tok.i + 1]
        a, b = unit.start + span.start_char, unit.start + span.end_char
        if in_ranges(noise, span.start_char, span.end_char) or any(
                m.start < b and a < m.end for m in found):
            continue
        in_headline = unit.headline is not None and \
            unit.headline.start <= a < unit.headline.end
        out.append(mention_from_span(span, unit, EntityType.GOVERNMENT_BODY,
                                     "rule:body" + (HEADLINE if in_headline else "")))
    return out
