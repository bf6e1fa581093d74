"""Hand-written text searches in kg/extract/entities.py against the regexes they replace."""

from __future__ import annotations

import re
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.missed_names import word_uses as _word_uses

ALPHABET = ["Ana", "ana", "-", " ", "_", "'", ".", "é", "7", "\u0663", "Okafor", "x"]


@settings(max_examples=2000, deadline=None, derandomize=True, database=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=12).map("".join),
       st.sampled_from(["Ana", "Okafor", "A.A", "x", "ana-Ana"]))
def test_word_uses_finds_what_the_regex_finds(text, word):
    expected = [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)]
    assert list(_word_uses(text, word)) == expected


def test_word_uses_skips_longer_words_and_compounds():
    text = "Okafor said; Okafors, Okafor-Smith and Okafor_2 did not; (Okafor)."
    assert list(_word_uses(text, "Okafor")) == [(0, 6), (58, 64)]


# --- _after_title: the reversed-title shortcut never changes the answer ----------------------
def _after_title_reference(span) -> bool:
    """The search without the shortcut: a capitalised title match with only blanks after it."""
    from kg.extract.name_spans import title_regex as _title_regex

    before = span.doc.text[max(0, span.start_char - 40):span.start_char]
    return any(m.group(0)[:1].isupper() and not before[m.end():].strip()
               for m in _title_regex().finditer(before + " "))


@cache
def _title_pieces() -> list[str]:
    from kg.extract.entity_rules import entity_rules

    titles = sorted(entity_rules().title_forms.values())[:12]
    return titles + [t.lower() for t in titles[:4]] + [t.upper() for t in titles[:2]] + [
        " ", "  ", ", ", "\n", "-", "ex-", "Vice ", "the ", "Acting", "of", "Kenya's "]


@cache
def _blank():
    import spacy

    return spacy.blank("en")


@settings(max_examples=800, deadline=None, derandomize=True, database=None)
@given(st.data())
def test_after_title_shortcut_gives_the_same_answer(data):
    from kg.extract.name_spans import after_title as _after_title

    before = "".join(data.draw(st.lists(st.sampled_from(_title_pieces()), max_size=6)))
    doc = _blank().make_doc(before + " Amara Okafor")
    span = doc[len(doc) - 2:]
    assert _after_title(span) == _after_title_reference(span)


def test_after_title_finds_a_title_before_a_name():
    from kg.extract.entity_rules import entity_rules
    from kg.extract.name_spans import after_title as _after_title

    title = sorted(entity_rules().title_forms.values())[0]
    doc = _blank().make_doc(f"Yesterday {title} Amara Okafor said")
    assert _after_title(doc[len(doc) - 3:len(doc) - 1])
    doc = _blank().make_doc("Yesterday the farmer Amara Okafor said")
    assert not _after_title(doc[len(doc) - 3:len(doc) - 1])
