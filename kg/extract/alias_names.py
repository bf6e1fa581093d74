"""Names given as a person's alias: 'Juan Ortiz, alias "El Toro"', 'a man known by the
alias "Toro"', 'the capture of alias "Toro"'.

Crime and conflict reporting (Latin American and West African outlets above all) names
gang members and fighters by their aliases, the word "alias" (or "a.k.a.") before the
quoted name. The quoted name is a person's:

* right after a person's name ('Juan Ortiz, alias "El Toro"', 'Juan Ortiz alias "Toro"'),
  it is that person's other name: a mention of the same person, never a second entity
  (the model often calls "El Toro" an organisation);
  a name of two to four capitalised words there that the model left untagged is that
  person's name;
* with no name before it ('a man known by the alias "Toro"', 'the capture of alias
  "Toro"'), it is the only name the story gives the person: a Person entity.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from kg.extract.spans import doc_text, mention_from_span
from kg.records import EntityType, Mention, Unit

# the cue, then a quoted capitalised name of at most five words
_ALIAS = re.compile(r"\b(?:alias|a\.k\.a\.?|aka)\s+[\"“](?P<name>[A-Z][^\"”\n]{0,40}?)[\"”]")
# what may stand between a person's name and the cue: a comma, brackets, spaces
_GAP = re.compile(r"[\s,(]*$")


def alias_names(doc: Doc, unit: Unit, found: list[Mention]) -> list[Mention]:
    """``found`` with each quoted alias a Person mention (of the person named right before
    the cue, when one is) in place of whatever the model made of it."""
    text = doc_text(doc)
    matches = [m for m in _ALIAS.finditer(text) if len(m.group("name").split()) <= 5]
    if not matches:
        return found
    people = sorted((m for m in found if m.type is EntityType.PERSON and m.antecedent is None),
                    key=lambda m: m.end)
    out = list(found)
    for match in matches:
        span = doc.char_span(match.start("name"), match.end("name"))
        if span is None:
            continue
        s, e = unit.start + span.start_char, unit.start + span.end_char
        cue = unit.start + match.start()
        owner = next((p for p in reversed(people) if p.end <= cue
                      and _GAP.fullmatch(text[p.end - unit.start:match.start()])), None)
        if owner is None:
            owner = _untagged_owner(doc, unit, match.start(), out)
            if owner is not None:
                out.append(owner)
        alias = mention_from_span(span, unit, EntityType.PERSON, "rule:alias")
        if owner is not None:
            alias = replace(alias, antecedent=owner, source="coref:alias")
        out = [m for m in out if not (m.start < e and s < m.end)]
        out.append(alias)
    return out


def _untagged_owner(doc: Doc, unit: Unit, cue: int, found: list[Mention]) -> Mention | None:
    """'Juan Pablo Ortiz, alias ...' with no entity on "Juan Pablo Ortiz": the two to four
    capitalised words right before the cue (after a comma or not), when no mention
    overlaps them and they do not open the sentence with a lone word."""
    at = doc.char_span(cue, cue + 1, alignment_mode="expand")
    if at is None:
        return None
    end = at.start
    if end > 0 and doc[end - 1].text == ",":
        end -= 1
    start = end
    while start > 0 and end - start < 4 and doc[start - 1].is_title and doc[start - 1].is_alpha:
        start -= 1
    if end - start < 2:
        return None
    span = doc[start:end]
    s, e = unit.start + span.start_char, unit.start + span.end_char
    if any(m.start < e and s < m.end for m in found):
        return None
    return mention_from_span(span, unit, EntityType.PERSON, "rule:alias-owner")
