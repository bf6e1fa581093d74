"""Sites news names by their kind alone: descriptive places.

"Soldiers were posted at the central market and at the fuel depot in X", "protesters
gathered outside the parliament building in Y", "troops pulled back towards the
airstrip": a definite noun phrase whose head is a site noun (kinds.jsonl, cue
``described``: market, building, depot, airstrip, palace, police station...) after a
locative preposition names one specific place of the story. The annotation guide calls
it a descriptive Place, named as the text names it without its article ("central
market", "fuel depot in X": an "in <place>" right after the head belongs to the name).

Not a site of its own: a phrase with a name in it ("the Kamenge bus terminal" is the
kind cues' named place), one whose owner is given by a possessive or "of" ("the CEIB's
building", "the headquarters of X": other rules), and a bare noun that points back to a
named site of that kind the unit gave before ("Tema market ... at the market").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.entity_rules import entity_rules
from kg.extract.spans import in_ranges, mention_from_span
from kg.records import EntityType, Mention, Unit

# prepositions of place before a site ("at the central market", "outside the parliament
# building", "towards the airstrip")
_AT = frozenset({"at", "outside", "near", "around", "inside", "to", "towards", "toward",
                 "into", "in", "on", "from", "behind", "beside", "opposite"})
_PLACES = (EntityType.CITY, EntityType.REGION, EntityType.PLACE)
# "the building" alone points back to one the text named ("the municipal building ... the
# building"); only "the parliament/government building" is a site of its own
_NEEDS_MODIFIER = frozenset({"building"})


def _site_nouns() -> dict[str, int]:
    """The site nouns of cue ``described``, by their number of words."""
    return {n: len(n.split()) for n, k in entity_rules().kind_nouns.items()
            if "described" in k.cues}


def _head_phrase(tok: Token, nouns: dict[str, int]) -> int | None:
    """The first token of the site noun ending at ``tok`` ("police station"), or None."""
    for noun, words in sorted(nouns.items(), key=lambda x: -x[1]):
        start = tok.i - words + 1
        if start >= 0 and tok.doc[start:tok.i + 1].text.lower() == noun:
            return start
    return None


def _located_at(tok: Token) -> bool:
    """Whether the phrase of ``tok`` is the object of a locative preposition, or a
    conjunct of one ("around the parliament building and the army barracks")."""
    while tok.dep_ == "conj":
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in _AT


def site_mentions(doc: Doc, unit: Unit, found: list[Mention],
                  noise: list[tuple[int, int]]) -> list[Mention]:
    """Descriptive Place mentions of the unit that ``found`` does not hold."""
    nouns = _site_nouns()
    taken = [(m.start - unit.start, m.end - unit.start) for m in found]
    out: list[Mention] = []
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ not in ("NN", "NNP") or \
                not tok.is_lower or \
                not _located_at(tok):
            continue
        first = _head_phrase(tok, nouns)
        if first is None:
            continue
        dets = [c for c in tok.children if c.dep_ == "det"]
        if len(dets) != 1 or dets[0].lower_ != "the" or any(
                c.dep_ in ("poss", "nummod") for c in tok.children):
            continue  # "a market", "the CEIB's building", "two depots"
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < first]
        left = min([first, *(x.i for c in mods for x in c.subtree)])
        if left <= dets[0].i or any(not x.is_lower or x.pos_ not in ("ADJ", "NOUN")
                                    for x in doc[left:first]):
            continue  # "the Kamenge bus terminal": a name's; "the main, busy market"
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            continue  # "the headquarters of X", "the market of X": whose it is
        end = tok.i + 1
        bare = left == first  # the site noun alone: "the market"
        nxt = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
                    and c.i == tok.i + 1), None)
        if nxt is not None:
            place = _place_at(nxt, found, unit)
            if place is not None:
                end = place.end - unit.start
                bare = False
        span = doc[left:end] if end == tok.i + 1 else \
            doc.char_span(doc[left].idx, end, alignment_mode="expand")
        if span is None or in_ranges(noise, span.start_char, span.end_char):
            continue
        if any(a < doc[tok.i].idx + len(tok) and doc[left].idx < b for a, b in taken):
            continue  # a name the entity rules found already holds it
        if bare and (tok.lower_ in _NEEDS_MODIFIER or
                     _named_before(doc[first:tok.i + 1].text, tok, found, unit)):
            continue
        out.append(mention_from_span(span, unit, EntityType.PLACE, "rule:site-described"))
    return out


def _place_at(prep: Token, found: list[Mention], unit: Unit) -> Mention | None:
    """The place mention that opens the object of ``prep`` ("in Wanica district")."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    a = min(x.idx for x in obj.subtree)
    for m in found:
        if m.type in _PLACES and m.start - unit.start == a:
            return m
    return None


def _named_before(noun: str, tok: Token, found: list[Mention], unit: Unit) -> bool:
    """Whether the unit named a site of this kind before ("Tema market ... the market")."""
    at = unit.start + tok.idx
    return any(m.type is EntityType.PLACE and m.start < at and
               m.text.lower().endswith(noun.lower()) for m in found)
