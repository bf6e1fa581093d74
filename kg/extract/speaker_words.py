"""Small readers of who speaks shared by the speaker and statement readers: the source a
document names ("a toll established by X") and a surname the model typed as a body."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import prep_objects
from kg.records import EntityType, Mention


def document_source(doc: Token) -> Token | None:
    """Who a document is by: "a statement by the army", "figures from the ministry", or
    through a participle, "a provisional toll established by the national police", "a
    count compiled by the bar association" (the by-agent of the participle)."""
    for _p, obj in prep_objects(doc, {"by", "from"}):
        return obj
    for c in doc.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.i > doc.i:
            for _p, obj in prep_objects(c, {"by"}):
                return obj
    return None


def surname_like(m: Mention) -> bool:
    """One capitalised word typed as a body that is no acronym and no place the gazetteer
    knows: a person's surname the model mistyped ("Lomani said")."""
    from kg.resolve.places import gazetteer

    text = m.text
    return m.type is EntityType.ORGANIZATION and " " not in text and text[:1].isupper() \
        and not text.isupper() and text.isalpha() and gazetteer().place_type(text) is None

