"""A person's name apposed to a title the model did not tag as a person (round 21).

News names an office first and its holder in an apposition between commas: "The mayor of
X, Jane Doe, said", "The district commissioner, Mr A B, told reporters". The model knows
the common first names; a name it has not seen (two or three capitalised words, the
pieces of a hyphenated surname among them) it leaves untagged or tags a place. The
pattern, read from the parse and the shape of the words, not from any name list:

- a definite noun phrase ("the", "its", a possessive) whose head is an office noun
  (relations.yaml ``title_heads``/``role_heads``) or, capitalised, a word the text
  writes with "the" before it ("The Commissioner", "The Voivode"): a name takes no
  article, so a capitalised noun after "the" is a title;
- then a comma, an optional honorific (titles.jsonl, scope ``honorific``: "Mr", "Mrs"),
  two or three capitalised proper nouns the parser hangs on that head as an apposition,
  and a comma or the end of the clause.

The name becomes a person mention (``rule:apposed-name``); a mention of another type the
model made inside it ("Wilk" of "Anna Kowal-Wilk" taken for a town) is dropped. A name
already tagged a person is left alone, and so is an apposition that holds a body head or
a place the gazetteer knows as a country ("the capital, Riga").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract.entity_rules import EntityRules
from kg.extract.positions import position_words
from kg.extract.spans import mention_from_span
from kg.records import EntityType, Mention, Unit
from kg.resolve.places import fold, gazetteer
from kg.rules.loader import event_rules

SOURCE = "rule:apposed-name"
_DEFINITE = {"the", "its", "his", "her", "their"}
_HYPHENS = {"-", "‐"}


def _office_head(head: Token, rules: EntityRules) -> bool:
    """Whether ``head`` heads a definite phrase naming an office."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    left = head.doc[head.left_edge.i]
    definite = left.lower_ in _DEFINITE or any(c.dep_ == "poss" for c in head.children)
    if not definite:
        return False
    w = position_words()
    lemma = head.lemma_.lower()
    if lemma in w.heads or lemma in event_rules().relations["position"]["role_heads"]:
        return True
    # "The Commissioner, X": a capitalised noun after "the" is a title, not a name
    return head.is_title and head.i > 0 and head.doc[head.i - 1].lower_ == "the" and \
        fold(head.text) not in rules.heads


def _name_tokens(doc: Doc, start: int, rules: EntityRules) -> Span | None:
    """The name after the comma at ``start - 1``: an optional honorific, then two or three
    capitalised words (hyphen pieces joined), then a comma or the clause's verb."""
    i = start
    w = position_words()
    while i < len(doc) and (rules.titles.get(fold(doc[i].text)) == "honorific" or
                            doc[i].lower_ in w.heads or doc[i].lower_ in w.ranks):
        i += 1  # "Mrs", "Deputy", "Colonel": no part of the name
    first, words = i, 0
    while i < len(doc):
        t = doc[i]
        if t.text in _HYPHENS and not doc[i - 1].whitespace_ and i + 1 < len(doc) \
                and doc[i + 1].is_title:
            i += 2  # "Kowal-Wilk": one word
            continue
        if not (t.is_title and t.is_alpha and t.pos_ == "PROPN"):
            break
        words += 1
        i += 1
    if not 2 <= words <= 3 or i >= len(doc) or doc[i].text != ",":
        return None
    span = doc[first:i]
    if any(fold(t.text) in rules.heads or fold(t.text) in rules.titles for t in span):
        return None  # a body's name, or a title going on
    if gazetteer().country(span.text) is not None:
        return None
    return span


def apposed_names(doc: Doc, unit: Unit, rules: EntityRules,
                  found: list[Mention]) -> list[Mention]:
    """``found`` with the apposed names of office nouns made person mentions."""
    added: list[Mention] = []
    for comma in doc:
        if comma.text != "," or comma.i == 0 or comma.i + 2 >= len(doc):
            continue
        name = _name_tokens(doc, comma.i + 1, rules)
        if name is None:
            continue
        head = name[-1].head
        if name[-1].dep_ != "appos" or head.i >= comma.i or not _office_head(head, rules):
            continue
        m = mention_from_span(name, unit, EntityType.PERSON, SOURCE)
        if any(o.type is EntityType.PERSON and o.start < m.end and m.start < o.end
               and " " in o.text for o in found):
            continue  # the model's own name (a first name alone is a piece of this one)
        added.append(m)
    if not added:
        return found
    kept = [o for o in found if not any(a.start <= o.start and o.end <= a.end
                                        for a in added)]
    return kept + added
