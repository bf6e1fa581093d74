"""Names the model left untagged, found by rules: later uses of a surname, and places
after a locative word or before a body noun that the gazetteer knows."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc

from kg.extract.entity_rules import entity_rules
from kg.extract.entity_types import place_type
from kg.extract.spans import doc_text, in_ranges, mention_from_span
from kg.records import EntityType, Mention, Unit
from kg.resolve.places import gazetteer


def surname_mentions(doc: Doc, unit: Unit, found: list[Mention]) -> list[Mention]:
    """'Okafor said': later uses of the surname of a person the unit names in full."""
    out: list[Mention] = []
    surnames = {m.text.split()[-1] for m in found
                if m.type is EntityType.PERSON and len(m.text.split()) > 1}
    # the first of two surnames ("Rodrigo Salinas Quispe" -> "Salinas"): Spanish and
    # Portuguese names are often shortened to it
    surnames |= {m.text.split()[-2] for m in found
                 if m.type is EntityType.PERSON and len(m.text.split()) > 2
                 and m.text.split()[-2][:1].isupper() and len(m.text.split()[-2]) > 3}
    capitals = {m.text for m in found if m.type is EntityType.PERSON and m.text.isupper()}
    for surname in sorted(surnames):
        if not surname[:1].isupper() or len(surname) < 3:
            continue
        if surname.isupper() and not any(surname in c.split() for c in capitals):
            continue  # "Headquarters KFOR" taken for a person: an acronym is no surname
        for a, b in word_uses(doc_text(doc), surname):
            s, e = unit.start + a, unit.start + b
            # the model's guess of another type for the bare surname ("the appointment
            # of Okafor" as a place) gives way, unless the word is a known place
            if any(m.start < e and s < m.end and not (
                    (m.start, m.end) == (s, e) and m.source.startswith("ner:")
                    and m.type is not EntityType.PERSON and place_type(m.text) is None)
                   for m in found + out):
                continue
            span = doc.char_span(a, b)
            if span is not None:
                out.append(mention_from_span(span, unit, EntityType.PERSON, "rule:surname"))
    return out


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # exactly what \w matches in a str regex


def word_uses(text: str, word: str) -> Iterator[tuple[int, int]]:
    r"""Offsets of ``word`` not inside a longer word or hyphenated compound.

    What ``re.finditer(r"(?<![\w-])WORD(?![\w-])")`` finds, without compiling a regex
    per name (the regex cache overflows on a long page of names).
    """
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not (_is_word_char(text[at - 1]) or text[at - 1] == "-")) and \
                (end == len(text) or not (_is_word_char(text[end]) or text[end] == "-")):
            yield at, end
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)


_BEFORE_PLACE = {"in", "to", "at", "from", "near", "and", "of", "outside", "into"}


def missed_cities(doc: Doc, unit: Unit, found: list[Mention],
                   noise: list[tuple[int, int]]) -> list[Mention]:
    """"spread to Cusco and Arequipa", "the town of Eldoret": a capitalised word after a
    locative word that the model left untagged is a city when the gazetteer knows one large
    city of that name (place_type strict); "Baggao, Cagayan": after a place and a comma, a
    region the gazetteer knows is that region."""
    out = []
    covered = {i for m in found if (sp := doc.char_span(m.start - unit.start, m.end - unit.start,
                                                        alignment_mode="expand")) is not None
               for i in range(sp.start, sp.end)}
    place_ends = {sp.end for m in found if m.type.is_place and (sp := doc.char_span(
        m.start - unit.start, m.end - unit.start, alignment_mode="expand")) is not None}
    proper = [t.pos_ == "PROPN" and t.is_title for t in doc]  # read once, not per lookup
    i = 1
    while i < len(doc):
        if not proper[i] or i in covered:
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end - i < 3 and proper[end] and end not in covered:
            end += 1
        span = doc[i:end]
        before = doc[i - 1].lower_
        if before in entity_rules().compass and i > 1:  # "in southern Punjab"
            before = doc[i - 2].lower_
        if before not in _BEFORE_PLACE and doc[i - 1].text != ",":
            if _region_modifier(span) and not in_ranges(noise, span.start_char, span.end_char):
                out.append(mention_from_span(span, unit, EntityType.REGION, "gazetteer:region"))
            i = end
            continue
        if gazetteer().place_type(span.text) is EntityType.REGION and \
                doc[i - 1].text != "," and not in_ranges(noise, span.start_char, span.end_char):
            out.append(mention_from_span(span, unit, EntityType.REGION, "gazetteer:region"))
        elif place_type(span.text, strict=True) is EntityType.CITY and \
                not gazetteer().country(span.text) and \
                not in_ranges(noise, span.start_char, span.end_char):
            out.append(mention_from_span(span, unit, EntityType.CITY, "gazetteer:city"))
        elif doc[i - 1].text == "," and i - 1 in place_ends and \
                gazetteer().regions_named(span.text) and \
                not in_ranges(noise, span.start_char, span.end_char):
            out.append(mention_from_span(span, unit, EntityType.REGION, "gazetteer:region"))
        i = end
    return out




@cache
def _body_heads() -> frozenset[str]:
    """The head nouns of bodies, forces and organisations (heads.jsonl, places left out)."""
    return frozenset(h for h, t in entity_rules().heads.items() if not t.is_place)


def _region_modifier(span) -> bool:
    """"the Punjab government", "The Sindh Police", "the Cagayan provincial board": a name
    the gazetteer knows only as a region (no country, no city of that name), standing
    before a body noun (kg/rules/entities/heads.jsonl) or an adjective of one."""
    doc = span.doc
    if span.end >= len(doc) or gazetteer().place_type(span.text) is not EntityType.REGION:
        return False
    nxt = doc[span.end]
    heads = _body_heads()
    if nxt.lower_ in heads or nxt.lemma_.lower() in heads:
        return True
    return nxt.pos_ == "ADJ" and span.end + 1 < len(doc) and (
        doc[span.end + 1].lower_ in heads or doc[span.end + 1].lemma_.lower() in heads)
