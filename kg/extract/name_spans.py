"""Where a name starts and ends: trimming, particles, and titles before names.

"the Southern Trade Council (Sotrac" -> "Southern Trade Council"; "Radio Programas del"
-> "Radio Programas del Peru"; "Nigerian President Amara Okafor" -> (Nigerian,
President, Amara Okafor).
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span

from kg.extract.entity_rules import EntityRules, entity_rules
from kg.extract.spans import doc_text
from kg.resolve.places import gazetteer

_DETERMINERS = {"the", "a", "an"}
_NAME_PARTICLES = {"del", "de", "da", "do", "dos", "das", "di", "la", "le", "of", "von", "van"}


def complete_name(span: Span) -> Span:
    """"Radio Programas del" + "Peru": a name the model cut after a particle goes on to
    the capitalised word that follows it."""
    doc, end = span.doc, span.end
    if span[-1].lower_ in _NAME_PARTICLES and end < len(doc) and doc[end].is_title:
        while end < len(doc) and doc[end].is_title and not doc[end].is_sent_start:
            end += 1
        return doc[span.start:end]
    return span


def trim_span(span: Span) -> Span | None:
    """Drop leading determiners/possessive endings and surrounding punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in _DETERMINERS or doc[start].is_punct
                           or doc[start].is_space):
        start += 1
    # "the Southern Trade Council (Sotrac": a bracket the name does not close ends the name
    opened = [t.i for t in doc[start:end] if t.text == "("]
    if opened and not any(t.text == ")" for t in doc[opened[-1]:end]):
        end = opened[-1]

    def closing(i: int) -> bool:  # ")" of a bracket opened inside the name stays
        return doc[i].text == ")" and any(t.text == "(" for t in doc[start:i])

    while end > start and not closing(end - 1) and (
            doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].tag_ == "POS"
            or doc[end - 1].lower_ in {"'s", "’s"}):
        end -= 1
    return doc[start:end] if end > start else None


@cache
def title_regex() -> re.Pattern[str]:
    titles = sorted(entity_rules().title_forms.values(), key=len, reverse=True)
    alts = "|".join(re.escape(t) for t in titles)
    return re.compile(rf"(?:{alts})(?=[\s,])", re.IGNORECASE)


def split_title(span: Span, rules: EntityRules) -> tuple[Span | None, str | None, Span | None]:
    """(qualifier, title, name) of '[Nigerian] President Amara Okafor', or Nones."""
    doc = span.doc
    start = span.start
    qualifier = None
    if rules.is_demonym(doc[start].text) or (gazetteer().country(doc[start].text)
                                             and start + 1 < span.end):
        qualifier = doc[start:start + 1]
        start += 1
    if start >= span.end:
        return None, None, None
    rest = doc[start:span.end]
    m = title_regex().match(rest.text)
    if not m:
        return None, None, None
    name = rest.char_span(m.end(), len(rest.text), alignment_mode="contract")
    if name is None:
        return None, None, None
    name = trim_span(name)
    if name is None or not name[0].is_title:
        return None, None, None
    return qualifier, m.group(0), name


def inside_title(span: Span) -> bool:
    """Whether the span is the start of a longer title phrase followed by a name
    ("Interior Minister Ana Ruiz", or with a comma: "Interior Minister, Ana Ruiz,")."""
    text = doc_text(span.doc)
    m = title_regex().match(text, span.start_char)
    if m is None or m.end() <= span.end_char:
        return False
    rest = text[m.end():m.end() + 8].lstrip().removeprefix(",").lstrip()
    return rest[:1].isupper()


@cache
def title_end_regex() -> re.Pattern[str] | None:
    """Reversed titles, to test cheaply whether a text ends with one (None: no shortcut)."""
    titles = sorted(entity_rules().title_forms.values(), key=len, reverse=True)
    if any(t != t.rstrip() for t in titles):
        return None
    return re.compile("|".join(re.escape(t[::-1]) for t in titles), re.IGNORECASE)


def after_title(span: Span) -> bool:
    """Whether a capitalised title ends right before the span ('... President ' + span)."""
    before = doc_text(span.doc)[max(0, span.start_char - 40):span.start_char]
    # a title that ends right before the span ends where the text does, blanks aside:
    # one anchored match on the reversed text rules out almost every span
    ends_with = title_end_regex()
    if ends_with is not None and not ends_with.match(before.rstrip()[::-1]):
        return False
    for m in title_regex().finditer(before + " "):
        if m.group(0)[:1].isupper() and not before[m.end():].strip():
            return True
    return False
