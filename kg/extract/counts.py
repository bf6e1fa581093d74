"""Counts told without a number (round 16): "a 62-year-old man has died", "another
motorist was injured" count one."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import text_of
from kg.records import Quantity


def one_person(head: Token, people: list[str]) -> Quantity | None:
    """One person told with an article ("a 62-year-old man", "an officer", "another
    motorist"; a singular noun of lexicon `people`): a count of one. "The man" points
    back to someone counted before and counts no one."""
    if head.pos_ != "NOUN" or head.tag_ != "NN" or head.lemma_.lower() not in people:
        return None
    det = next((c for c in head.children if c.dep_ == "det"), None)
    if det is None or det.lower_ not in ("a", "an", "another"):
        return None
    return Quantity(text=text_of(list(head.doc[det.i:head.i + 1])), value=1.0)
