"""The country a sentence gives a national body it names without one.

"In neighbouring Zambia, the defence ministry said ..." and "Benin ... called for calm.
Its foreign ministry said ..." name a ministry of a country that need not be the story's
own: the resolver would give "the defence ministry" the document's dominant country
(kg/resolve/entities.py, body_name). Two wordings state the owner:

- a sentence that opens with a locative phrase naming a country ("In X,", "In
  neighbouring X,") and goes on with the body as its first noun phrase;
- "its"/"their" right before the body, where the subject of the same or the previous
  sentence is a country ("X, which ..., called on ... . Its defence ministry said").

The result maps each such body mention to the country mention's text; the resolver
names the body after it (only when the mention itself names no owner).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract.entity_rules import entity_rules
from kg.extract.spans import fold
from kg.records import EntityType, Mention, Unit
from kg.resolve.names import display_name

_POSSESSIVES = frozenset({"its", "their"})


def stated_owners(doc: Doc, unit: Unit, mentions: list[Mention]) -> dict[Mention, str]:
    countries = [m for m in mentions if m.type is EntityType.COUNTRY and m.antecedent is None]
    if not countries:
        return {}
    bodies = entity_rules().bodies
    out: dict[Mention, str] = {}
    for m in mentions:
        if m.source != "rule:body" and not (  # or the model's "the defence ministry"
                m.source.startswith("ner:") and (b := bodies.get(fold(display_name(m.text))))
                is not None and b.scope == "country"):
            continue
        span = doc.char_span(m.start - unit.start, m.end - unit.start,
                             alignment_mode="expand")
        if span is None:
            continue
        owner = _opening_country(span, countries, unit) or _possessor_country(
            span, countries, unit)
        if owner is not None:
            out[m] = owner.text
    return out


def _country_at(tok: Token, countries: list[Mention], unit: Unit) -> Mention | None:
    at = unit.start + tok.idx
    return next((c for c in countries if c.start <= at < c.end), None)


def _opening_country(span: Span, countries: list[Mention], unit: Unit) -> Mention | None:
    """'In (neighbouring) X, the ministry said': the sentence opens with 'In', a country
    and a comma, then the body's noun phrase (its article only between)."""
    sent = span.sent
    first = sent[0]
    if first.lower_ != "in":
        return None
    comma = next((t for t in sent if t.text == "," and t.i < span.start), None)
    if comma is None or any(t.lower_ not in ("the", "a") for t in
                            sent.doc[comma.i + 1:span.start]):
        return None
    before = sent.doc[first.i + 1:comma.i]
    if not 1 <= len(before) <= 5:
        return None
    found = {id(c): c for t in before if (c := _country_at(t, countries, unit)) is not None}
    if len(found) != 1:
        return None
    owner = next(iter(found.values()))
    # nothing but adjectives before the country ("neighbouring", "southern")
    lead = [t for t in before if unit.start + t.idx < owner.start]
    if any(t.pos_ not in ("ADJ", "VERB") for t in lead):
        return None
    return owner


def _possessor_country(span: Span, countries: list[Mention], unit: Unit) -> Mention | None:
    """'Its defence ministry': the subject of this or the previous sentence, a country."""
    if span.start == 0 or span.doc[span.start - 1].lower_ not in _POSSESSIVES:
        return None
    sent = span.sent
    sents = [sent]
    if sent.start > 0:
        sents.append(span.doc[sent.start - 1].sent)
    for s in sents:
        for tok in s:
            if tok.i >= span.start - 1:
                break
            # a relative clause after the subject can make the parser take it for the root
            if (tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT") or (
                    tok.dep_ == "ROOT" and tok.pos_ in ("PROPN", "NOUN")):
                return _country_at(tok, countries, unit)
    return None
