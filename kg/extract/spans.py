"""Shared helpers of the entity extractors: the text and sentences of a parsed unit,
and mentions made from spaCy spans (offsets into the source text)."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from kg.records import EntityType, Mention, Unit

HEADLINE = ":headline"
# "the country" standing for the country a story is about (kg/extract/memberships.py)
HOME_DESCRIPTION = "rule:country-description"
# words a name may contain that are no part of its initials ("Bank of the West")
NAME_STOP = {"of", "the", "and", "for", "on", "in", "de", "&", "to"}


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc (spaCy rebuilds it from the tokens on each access)."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


def title_words(doc: Doc) -> list[bool]:
    """For each token, whether it is a capitalised word (``is_title and is_alpha``), read
    once per Doc (the name rules scan for capitalised runs token by token)."""
    cached = doc.user_data.get("kg_title_words")
    if cached is None:
        cached = doc.user_data["kg_title_words"] = [t.is_title and t.is_alpha for t in doc]
    return cached


def sentence_bounds(doc: Doc) -> tuple[list[int], list[tuple[int, int]]]:
    """Token starts and character ranges of the sentences, computed once per Doc."""
    cached = doc.user_data.get("kg_sents")
    if cached is None:
        sents = list(doc.sents)
        cached = doc.user_data["kg_sents"] = ([s.start for s in sents],
                                              [trimmed_range(s) for s in sents])
    return cached


def trimmed_range(sent: Span) -> tuple[int, int]:
    """Character range of a sentence without surrounding whitespace, as sentence nodes have."""
    # ``sent.text``, sliced from the doc's text (spaCy joins it token by token)
    text = doc_text(sent.doc)[sent.start_char:sent.end_char]
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    if lead == len(text):
        return sent.start_char, sent.end_char
    return sent.start_char + lead, sent.end_char - trail


def sentence_of(span: Span, unit: Unit) -> tuple[int, int]:
    starts, ranges = sentence_bounds(span.doc)
    a, b = ranges[max(0, bisect_right(starts, span.start) - 1)]
    return unit.start + a, unit.start + b


def mention_from_span(span: Span, unit: Unit, etype: EntityType, source: str) -> Mention:
    return Mention(
        start=unit.start + span.start_char,
        end=unit.start + span.end_char,
        text=span.text,
        type=etype,
        unit=unit.index,
        sentence=sentence_of(span, unit),
        source=source,
    )


def past_the(doc: Doc, i: int) -> int:
    """Token ``i``, or the one after it when ``i`` is "the" ("of the X District": X)."""
    return i + 1 if i < len(doc) and doc[i].lower_ == "the" else i


def fold(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().split())


def in_ranges(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in ranges)
