"""Names the model called a person or an organisation that the sentence writes as a place.

The small model labels the villages, islands, streets and squares it has never seen as
people or organisations: "en route from Mongu to Senanga" (an organisation, then a
person), "all service stations on Koror", "six shops on Lindenstraat were looted", "the
crisis cell at Sigulda", "a man from Mochudi". The words around the name say it is a
place, whatever the label:

* the name is the object of a locative preposition ("in", "at", "on", "near", "outside",
  "inside", "off", "across", "around", "towards", "into"; "between" when another name of
  the pair is a place), not after a head whose "on X" is an argument ("called on X",
  "a statement on X": kg/rules/entities/place_words.jsonl) nor after a person noun
  ("a researcher at X": where the person works);
* "from X" and "to X" / "through X" only where the event rules move people or things
  (the verbs and nouns of Movement, Deployment, Evacuation and Withdrawal: "flew to X",
  "evacuated from X"), on a route ("from X to Y", "en route from X to Y"), or, for
  "from", after a person noun ("a man from X", "a backbencher from X": where they come
  from);
* or it is listed with such a name or a place ("on Koror and Babeldaob", "from Kafue,
  Mazabuka and Monze").

The name must look like a place's, not a person's or a body's: one to three capitalised
words, none a title, a body's head word ("University", "Party"), a kind noun, a demonym
or a date word, not in capitals (an acronym), not a country, nothing capitalised or
possessive right after it; a name the model tagged a person has one word, unless it is
listed with a place or ends a route (two capitalised words after "in" are as often a
person sworn in). A word that is the first or last name of a person named in full in the
unit is that person's. A Title Case headline is left alone.

The type is the gazetteer's when it knows the name (a country is left alone), a Place
for a one-word street or square name ("-straat", "-platz": place_words.jsonl), else a
City (the annotation guide's type for towns and villages).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from kg.extract.entity_rules import entity_rules
from kg.extract.entity_types import head_type, person_nouns
from kg.extract.spans import in_ranges
from kg.records import EntityType, Mention, Unit
from kg.resolve.places import gazetteer

#: the source of a name retyped as a place by the words around it
PLACED_SOURCE = "rule:placed-name"

# prepositions whose object is where something is or happens
_WHERE = frozenset({"in", "at", "on", "near", "outside", "inside", "off", "across",
                    "around", "towards", "toward", "into", "onto", "within", "throughout"})
# prepositions whose object is a place only after a head that moves people or things
_MOTION_PREPS = frozenset({"to", "from", "through", "via"})
# event types whose triggers move people or things (kg/rules/events/*.yaml)
_MOTION_TYPES = ("Movement", "Deployment", "Evacuation", "Withdrawal")
_DATE_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday"})
_MODEL_SOURCES = frozenset({"ner:PERSON", "ner:ORG"})


@cache
def motion_heads() -> frozenset[str]:
    """The first words of the verbs and nouns of the event types that move people or
    things ("fly", "evacuate", "deploy", "convoy")."""
    from kg.rules.loader import event_rules

    types = event_rules().types
    return frozenset(w.split()[0].lower() for k in _MOTION_TYPES if k in types
                     for w in (*types[k].verbs, *types[k].nouns))


def placed_names(doc: Doc, unit: Unit, found: list[Mention],
                 noise: list[tuple[int, int]]) -> list[Mention]:
    """``found`` with the model's person and organisation names that the sentence writes
    as places retyped (module doc)."""
    spans = []
    for m in found:
        sp = doc.char_span(m.start - unit.start, m.end - unit.start, alignment_mode="expand")
        spans.append((sp, m))
    placed = {i for sp, m in spans if sp is not None and m.type.is_place
              for i in range(sp.start, sp.end)}
    people = _person_words(spans)
    # words the model also names alone in the unit ("Katoba" beside "Katoba Mwanza")
    alone = {sp.text for sp, _ in spans if sp is not None and len(sp) == 1}
    named = {i for sp, _ in spans if sp is not None for i in range(sp.start, sp.end)}
    headline = None
    if unit.headline is not None:
        headline = (unit.headline.start - unit.start, unit.headline.end - unit.start)
    candidates: dict[int, tuple[Span, Mention]] = {}
    for k, (sp, m) in enumerate(spans):
        if sp is None or m.source not in _MODEL_SOURCES or \
                m.type not in (EntityType.PERSON, EntityType.ORGANIZATION) or \
                in_ranges(noise, sp.start_char, sp.end_char) or not _shaped(sp, people):
            continue
        if headline is not None and headline[0] <= sp.start_char < headline[1] and \
                gazetteer().place_type(sp.text) is None:
            continue
        candidates[k] = (sp, m)
    if not candidates:
        return found
    out = list(found)
    for k, (sp, m) in candidates.items():
        prefixed = _prefixed(sp)
        if prefixed is not None:  # "off Pulau X", "the road to Jebel Y"
            out[k] = replace(m, type=gazetteer().place_type(sp.text) or prefixed,
                             source=PLACED_SOURCE)
            continue
        if len(sp) > 1 and any(t.text in alone for t in sp):
            # the model splits the name elsewhere in the unit: retyping the whole here
            # would leave that piece a stray entity of its own; resolution joins them
            continue
        listed = _listed(sp, placed)
        if m.type is EntityType.PERSON and len(sp) > 1 and not listed and not _route(sp):
            continue  # "sworn in Ana Lopes": two words may be a person's name
        if not (listed or _written_as_place(sp, named)):
            continue
        etype = _place_type(sp.text, doc)
        if etype is None:
            continue
        out[k] = replace(m, type=etype, source=PLACED_SOURCE)
    return out


def _place_type(text: str, doc: Doc) -> EntityType | None:
    """The gazetteer's type; a Region when the unit names it with a region's kind noun
    elsewhere ("deployed units to X" and "X Governorate"); a Place for a one-word street
    or square name; else a City."""
    known = gazetteer().place_type(text)
    if known is EntityType.COUNTRY:
        return None
    if known is not None:
        return known
    kinds = entity_rules().kind_nouns
    for m in re.finditer(rf"\b{re.escape(text)}\s+(\w+)", doc.text):
        noun = kinds.get(m.group(1).lower())
        if noun is not None and noun.type is EntityType.REGION:
            return EntityType.REGION
    word = text.split()[-1].casefold()
    for suffix, etype in entity_rules().place_suffixes.items():
        if word.endswith(suffix) and len(word) >= len(suffix) + 3:
            return etype
    return EntityType.CITY


# verbs whose subject speaks: "Koh X said" is a person of that surname, not an island
def _prefixed(sp: Span) -> EntityType | None:
    """The type of a name of two or more words opened by a place word of another
    language ("Pulau X", "Wadi Y": place_words.jsonl ``prefix``), else None; not when
    a title stands before it ("Mr Koh X", "Minister Koh Y") or it is the subject of a
    speech verb (place_words.jsonl ``speaking``): a person of that surname."""
    rules = entity_rules()
    if len(sp) < 2 or (etype := rules.place_prefixes.get(sp[0].text.casefold())) is None:
        return None
    if not all(t.text[:1].isupper() for t in sp if t.is_alpha):
        return None
    if sp.start > 0 and sp.doc[sp.start - 1].lower_.rstrip(".") in rules.titles:
        return None
    root = sp.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in rules.prefixed_speech:
        return None
    return etype


def _person_words(spans) -> frozenset[str]:
    """The first and last words of the persons the unit names in full."""
    out = set()
    for sp, m in spans:
        if m.type is EntityType.PERSON and sp is not None:
            words = [t.text for t in sp if t.is_alpha]
            if len(words) >= 2:
                out.update((words[0], words[-1]))
    return frozenset(out)


def _shaped(sp: Span, people: frozenset[str]) -> bool:
    """Whether the span looks like a place's name (module doc)."""
    rules = entity_rules()
    words = [t for t in sp if not (t.text in ("-", "'", "’") or t.is_punct)]
    if not 1 <= len(words) <= 3 or len(sp) > 5:
        return False
    for t in words:
        low = t.lower_
        if not t.text[:1].isupper() or t.text.isupper() or not (
                t.is_title or "-" in t.text or "'" in t.text or "’" in t.text) or \
                low in _DATE_WORDS or low in rules.titles or low in rules.heads or \
                low in rules.kind_nouns or rules.is_demonym(t.text) or \
                low in rules.openers:
            return False
    if len(words) == 1 and words[0].text in people:
        return False
    if head_type(sp.text, rules) is not None or gazetteer().country(sp.text) is not None:
        return False
    doc = sp.doc
    if sp.end < len(doc):
        nxt = doc[sp.end]
        if nxt.tag_ == "POS" or nxt.lower_ in rules.kind_nouns or (
                nxt.text[:1].isupper() and nxt.pos_ == "PROPN"):
            return False
    return True


def _prep_of(tok: Token) -> Token | None:
    """The preposition the token is the object of, up a list ("on A and B": "on")."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok.head if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "dative") else None


def _written_as_place(sp: Span, named: set[int]) -> bool:
    """Whether the preposition before the name says where (module doc)."""
    prep = _prep_of(sp.root)
    if prep is None:
        return False
    word = prep.lower_
    head = prep.head
    lemma = head.lemma_.lower()
    if head.pos_ == "PROPN" and head.is_title:
        return False  # "Military Aid to the Civil Power": inside a name
    if word in _WHERE:
        if word == "on" and (lemma in entity_rules().argument_on
                             or head.lower_ in entity_rules().argument_on):
            return False
        return not (word == "at" and _affiliation(head))
    if word not in _MOTION_PREPS:
        return False
    before = prep.doc[prep.i - 1] if prep.i > 0 else None
    if before is not None and before.is_title and not before.is_sent_start and \
            before.i not in named:
        return False  # "Military Aid to the Civil Power": a name's own "to"
    if lemma in motion_heads() or _route(sp):
        return True
    return word == "from" and head.pos_ == "NOUN" and (
        lemma in person_nouns() or lemma in _people())


def _affiliation(head: Token) -> bool:
    """Whether "at X" says where a person works: "Ana Lopes, a researcher at X", "she is
    an analyst at X" (a person noun in apposition to a person, or after a copula)."""
    if head.pos_ != "NOUN":
        return False
    if head.lemma_.lower() in person_nouns() or head.dep_ == "attr":
        return True
    return head.dep_ == "appos" and head.head.ent_type_ == "PERSON"


def _people() -> frozenset[str]:
    from kg.rules.loader import lexicon_words

    return lexicon_words("people")


def _route(sp: Span) -> bool:
    """Whether the name ends a route: "from X to Y", "en route from X to Y" (the head
    of the "from" also has a "to", or the other way round)."""
    prep = _prep_of(sp.root)
    if prep is None or prep.lower_ not in ("from", "to"):
        return False
    other = "to" if prep.lower_ == "from" else "from"
    return any(c.dep_ == "prep" and c.lower_ == other and c is not prep
               for c in prep.head.children)


def _listed(sp: Span, placed: set[int]) -> bool:
    """Whether the name is listed with a place the text found, after a locative
    preposition or on a route ("on Koror and Babeldaob", "between A and B")."""
    root = sp.root
    first = root
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    group = [first, *first.conjuncts]
    if len(group) < 2 or not any(c.dep_ == "cc" for t in group for c in t.children):
        return False  # a list has its "and" or "or" ("in X, State Secretary Y said": none)
    before = sp.doc[sp.start - 1].lower_ if sp.start > 0 else ""
    after = sp.doc[sp.end].lower_ if sp.end < len(sp.doc) else ""
    if before not in (",", "and", "or") and after not in (",", "and", "or"):
        return False
    if not any(t.i in placed for t in group if t.i != root.i):
        return False
    prep = _prep_of(first)
    return prep is not None and (prep.lower_ in _WHERE or prep.lower_ in _MOTION_PREPS
                                 or prep.lower_ == "between")
