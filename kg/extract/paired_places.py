"""Names the text pairs with a place: a place too.

The model often calls a small town, a square or a road a person or an organisation
("Kapiri Mposhi", "Mahalapye", "Vabaduse valjak"). When the text sets such a name in
one frame with a place, the two are of one kind:

* the two ends of a way or a stretch: "between A and B" ("closed the road between
  Kafue and Mazabuka", "trains between X and Y"), "from A to B" ("marched from
  X to Y Square");
* the items of one list whose other items are mostly places of one type, one of them a
  place the gazetteer knows or a rule typed ("a red alert for A, B, C and D", "residents
  of A, B and C"; the model often calls the later items of such a list persons).

The name takes the gazetteer's type when it knows the name as a town or region, else the
type of the place it is paired with (a city beside a city, a site beside a site). A
country is no anchor ("between Latvia and the European Union" pairs a state with a
body), nor is a name the model alone called a place in a list: the anchor of a list is a
place the gazetteer knows or a rule typed. A name with a body's head noun, in capitals,
before a possessive or after "the" (an organisation's name) is left alone.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.extract.entity_rules import EntityRules
from kg.extract.spans import mention_from_span
from kg.records import EntityType, Mention, Unit
from kg.resolve.places import gazetteer

PAIRED_SOURCE = "rule:place-paired"
_ANCHOR_TYPES = (EntityType.CITY, EntityType.REGION, EntityType.PLACE)
_LIST_WORDS = {",", "and", "or"}


def paired_place_mentions(doc: Doc, unit: Unit, found: list[Mention],
                          rules: EntityRules) -> list[Mention]:
    """``found`` with the persons and organisations the text pairs with a place retyped
    as places."""
    from kg.extract.entity_types import head_type

    span_of = [doc.char_span(m.start - unit.start, m.end - unit.start) for m in found]
    spans: dict[int, tuple[Span, Mention]] = {}  # first token -> (span, mention)
    for m, span in zip(found, span_of, strict=True):
        if span is not None and len(span):
            spans.setdefault(span.start, (span, m))
    ends = {span.end: (span, m) for span, m in spans.values()}
    out = []
    for m, first in zip(found, span_of, strict=True):
        if m.type not in (EntityType.PERSON, EntityType.ORGANIZATION) or \
                not m.source.startswith("ner:") or first is None or not len(first) or \
                m.text.isupper() or m.text[:4].lower() == "the " or \
                head_type(m.text, rules) is not None or \
                (first.end < len(doc) and doc[first.end].tag_ == "POS") or \
                (first.start > 0 and doc[first.start - 1].lower_ == "the"):
            out.append(m)
            continue
        etype = _paired_type(doc, first, spans, ends, person=m.type is EntityType.PERSON)
        known = gazetteer().place_type(m.text)
        if etype is None or known is EntityType.COUNTRY:
            out.append(m)
            continue
        out.append(mention_from_span(first, unit, known or etype, PAIRED_SOURCE))
    return out


def _paired_type(doc: Doc, span: Span, spans, ends, *, person: bool) -> EntityType | None:
    """The type of the place the text pairs ``span`` with, or None (``person``: the
    model called the name a person)."""
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    # "between A and B", "from A to B": the name first, its partner after the word
    partner, frame = None, None
    if (before, after) in (("between", "and"), ("from", "to")):
        partner, frame = spans.get(span.end + 1), before
        if partner is None:
            return None
    # the name second: its partner ends just before "and"/"to", after "between"/"from"
    elif before in ("and", "to") and span.start >= 2:
        partner = ends.get(span.start - 1)
        if partner is not None and partner[0].start > 0 and (
                doc[partner[0].start - 1].lower_, before) in (("between", "and"),
                                                              ("from", "to")):
            frame = doc[partner[0].start - 1].lower_
        else:
            partner = None
    if partner is None:
        return _list_type(doc, span, spans, ends)
    if frame == "from" and ((len(span) > 1 and person) or
                            _anchor(partner[1], strict=True) is None):
        # "a letter from Ruth Banda to Kasama": a person's full name sends; the way's
        # other end must be a place the gazetteer knows or a rule typed
        return None
    # a way's two ends: either end a place (or a town the gazetteer knows, whatever type
    # the model gave it: "between A and B", both called persons) makes the other one
    own = gazetteer().place_type(span.text)
    if own in (EntityType.CITY, EntityType.REGION) and _known(partner[1]):
        return own
    return _anchor(partner[1], strict=False)


def _list_type(doc: Doc, span: Span, spans, ends) -> EntityType | None:
    """The one type of the other items of the list ``span`` stands in ("A, B and C"),
    when all of them are places and one is a place the gazetteer knows or a rule typed."""
    items: list[Mention] = []
    joined = False  # an "and"/"or" in the list: "A, B" alone is a chain, not a list
    k = span.start  # backwards over ", B ," / " and "
    while k >= 2 and doc[k - 1].lower_ in _LIST_WORDS and (prev := ends.get(k - 1)) is not None:
        joined = joined or doc[k - 1].lower_ in ("and", "or")
        items.append(prev[1])
        k = prev[0].start
    if k >= 3 and doc[k - 1].lower_ in ("and", "or") and doc[k - 2].text == "," and \
            (prev := ends.get(k - 2)) is not None:  # "A, B, and C": the serial comma
        joined = True
        items.append(prev[1])
    k = span.end  # forwards
    while k + 1 < len(doc) and doc[k].lower_ in _LIST_WORDS:
        j = k + 1
        if doc[k].text == "," and doc[j].lower_ in ("and", "or"):
            j += 1
        nxt = spans.get(j)
        if nxt is None:
            break
        joined = joined or doc[k].lower_ in ("and", "or") or doc[j - 1].lower_ in ("and", "or")
        items.append(nxt[1])
        k = nxt[0].end
    if not items or not joined:
        return None
    # the places of the list: place mentions, and towns the gazetteer knows that the
    # model called persons or organisations ("A, B and C": only A typed a town)
    places = [_anchor(m, strict=False) for m in items]
    types = {t for t in places if t is not None}
    others = [m for m, t in zip(items, places, strict=True) if t is None]
    if len(types) != 1 or len(others) >= len(items) - len(others) or any(
            m.type not in (EntityType.PERSON, EntityType.ORGANIZATION) for m in others):
        return None
    if not any(_anchor(m, strict=True) for m in items):
        return None
    return types.pop()


def _known(m: Mention) -> bool:
    """Whether a mention may be the other end of a way: a place, or a name the model
    called a person or organisation (no country: "between Latvia and X")."""
    return m.type in _ANCHOR_TYPES or m.type in (EntityType.PERSON, EntityType.ORGANIZATION)


def _anchor(m: Mention, *, strict: bool) -> EntityType | None:
    """The place type of a mention that can anchor a pairing: a city, region or site (a
    name the model alone typed only when not ``strict``); in a way's frame (not
    ``strict``) also a town or region the gazetteer knows that the model called a person
    or organisation."""
    if not strict and m.type in (EntityType.PERSON, EntityType.ORGANIZATION) and \
            m.source.startswith("ner:"):
        known = gazetteer().place_type(m.text)
        return known if known in (EntityType.CITY, EntityType.REGION) else None
    if m.type not in _ANCHOR_TYPES:
        return None
    if strict and m.source.startswith("ner:") and gazetteer().place_type(m.text) is None:
        return None
    return m.type
