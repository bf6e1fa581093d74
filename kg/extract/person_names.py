"""Person names the model cuts or glues to a place, fixed before mentions are made.

- Two pieces of one name: "Deputy Minister Karla Segura Vindas" tagged "Karla Segura" +
  "Vindas", "the foreign minister, Aden Moussa Youssouf" tagged a city "Aden" + a person
  "Moussa Youssouf". Adjacent pieces whose first is compounded to the second's head (no
  punctuation, no word between) are one name: a three-part name is kept whole and a
  first name that is also a town's ("Aden", "Victoria") is never split off. A country
  before a name ("Nauru Kabua wins") and a place after a locative preposition ("in Beira
  Joao Silva said") are left apart.
- A title with a country, then the name: "President of Zambia Mwila Banda",
  "Ambassador to Latvia Igor Petrov" tagged one organisation "Zambia Mwila
  Banda": the country the title names and the person who holds it are two entities.
- Two coordinated titles before a name: "Deputy Chairman of the Cabinet of Ministers and
  Foreign Minister X" tagged a body "Cabinet of Ministers and Foreign": the body ends
  before the "and" (both titles become Positions, kg/extract/title_positions.py).
- A name the model leaves untagged after a title, rank or body noun ("Commissioner of
  Police Rajen Seetaram") is a person (:func:`untagged_names`).
- "Minister of the Interior Elina Kurki": after "TITLE of the", the first capitalised
  word is the portfolio, never part of the name (tagged or untagged); after "TITLE
  for" or "TITLE of" the portfolio nouns that open the tag are ("State Secretary for
  Digitalisation Marta Ozola").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.extract.entity_rules import EntityRules
from kg.extract.entity_types import head_type
from kg.extract.name_spans import title_regex
from kg.extract.positions import position_words
from kg.extract.spans import fold, mention_from_span, title_words
from kg.extract.title_grammar import title_ents
from kg.records import EntityType, Mention, Unit
from kg.resolve.places import gazetteer

_LOCATIVE = {"in", "at", "from", "to", "near", "into", "outside", "across", "of", "on"}
_PLACE_LABELS = {"GPE", "LOC"}


def _name_words(span: Span) -> bool:
    return all(t.pos_ == "PROPN" and t.is_alpha and t.is_title for t in span)


def _one_name(doc: Doc, a: Span, b: Span, rules: EntityRules) -> bool:
    """Whether ``a`` (just before the person ``b``) is the first part of b's name."""
    if a.end != b.start or not _name_words(a) or len(a) + len(b) > 5:
        return False
    if a.root.dep_ != "compound" or not b.start <= a.root.head.i < b.end:
        return False
    if head_type(b.text, rules) is not None:
        return False  # "State" + "Sahel Province": a name with a place or body noun
    if a.label_ == "PERSON":
        return True
    if a.label_ not in _PLACE_LABELS or len(a) != 1 or gazetteer().country(a.text):
        return False
    prev = doc[a.start - 1] if a.start > 0 else None
    return prev is None or prev.lower_ not in _LOCATIVE


def _title_country_name(doc: Doc, ent: Span, rules: EntityRules) -> tuple[Span, ...] | None:
    """"President of Zambia" + "Mwila Banda" in one entity: (country, person);
    "Commissioner of Police" + "Kagiso Sebego": (person,)."""
    if ent.label_ == "PERSON" or ent.start < 2 or doc[ent.start - 1].lower_ not in ("of", "to"):
        return None
    title = doc[ent.start - 2]
    if not any(t.replace("’", "'").casefold() in rules.titles
               for t in (title.text, doc[max(0, ent.start - 3):ent.start - 1].text)):
        return None
    for n in (3, 2, 1):
        if len(ent) - n >= 2 and gazetteer().country(ent[:n].text) \
                and _name_words(ent[n:]):
            return (Span(doc, ent.start, ent.start + n, label="GPE"),
                    Span(doc, ent.start + n, ent.end, label="PERSON"))
    if 3 <= len(ent) <= 4 and doc[ent.start - 1].lower_ == "of" \
            and fold(ent[0].text) in rules.heads and _name_words(ent[1:]):
        # "Commissioner of Police" + "Kagiso Sebego": the body noun ends the title
        return (Span(doc, ent.start + 1, ent.end, label="PERSON"),)
    return None


def _before_a_title(doc: Doc, ent: Span, nxt: Span | None) -> Span | None:
    """"the Cabinet of Ministers and Foreign" + "Minister" + a person: the model ran a body
    into the second of two coordinated titles ("Deputy Chairman of the Cabinet of
    Ministers and Foreign Minister X"); the body ends before the "and"."""
    if nxt is None or nxt.label_ != "PERSON" or ent.label_ == "PERSON" \
            or not 0 <= nxt.start - ent.end <= 3:
        return None
    k = next((t.i for t in reversed(ent) if t.lower_ == "and"), None)
    if k is None or k - ent.start < 2:
        return None
    tail = doc[k + 1:nxt.start].text
    m = title_regex().match(tail + " ")
    if m is None or m.end() != len(tail):
        return None
    return Span(doc, ent.start, k, label=ent.label_)


def _after_of_the(doc: Doc, ent: Span, rules: EntityRules) -> Span | None:
    """"Minister of the Interior Elina Kurki" tagged a person "Interior Elina Kurki": after
    "TITLE of the", the first capitalised word is the portfolio (no name follows "the"), the
    rest the person's name."""
    if ent.label_ != "PERSON" or len(ent) < 3 or ent.start < 3 \
            or doc[ent.start - 1].lower_ != "the" \
            or doc[ent.start - 2].lower_ not in ("of", "for") \
            or fold(doc[ent.start - 3].text) not in rules.titles \
            or not _name_words(ent[1:]):
        return None
    return Span(doc, ent.start + 1, ent.end, label="PERSON")


def _after_title_for(doc: Doc, ent: Span, rules: EntityRules) -> Span | None:
    """"State Secretary for Digitalisation Marta Ozola" tagged a person (or a body)
    "Digitalisation Marta Ozola": after "TITLE for" (or "TITLE of"), the leading words
    that are portfolio nouns (relations.yaml ``portfolio_nouns``, joined by "and") are the
    office's subject, the rest (two or three proper nouns) the person's name."""
    w = position_words()
    if ent.label_ not in ("PERSON", "ORG") or len(ent) < 3 or ent.start < 2 \
            or doc[ent.start - 1].lower_ not in ("of", "for") \
            or not (fold(doc[ent.start - 2].text) in rules.titles
                    or doc[ent.start - 2].lower_ in w.portfolio_titles):
        return None
    nouns = w.portfolio_nouns
    k = ent.start
    while k < ent.end - 2 and (doc[k].lower_ in nouns or (
            doc[k].lower_ in ("and", "&") and k > ent.start)):
        k += 1
    if k == ent.start or doc[k - 1].lower_ in ("and", "&") or not _name_words(doc[k:ent.end]) \
            or not 2 <= ent.end - k <= 3:
        return None
    return Span(doc, k, ent.end, label="PERSON")


def person_ents(doc: Doc, rules: EntityRules) -> list[Span]:
    """The model's entities with the person names above joined or split off."""
    ents = list(doc.ents)
    out: list[Span] = []
    i = 0
    while i < len(ents):
        a = ents[i]
        b = ents[i + 1] if i + 1 < len(ents) else None
        if b is not None and b.label_ == "PERSON" and _one_name(doc, a, b, rules):
            out.append(Span(doc, a.start, b.end, label="PERSON"))
            i += 2
            continue
        a = _before_a_title(doc, a, b) or _after_of_the(doc, a, rules) \
            or _after_title_for(doc, a, rules) or a
        parts = _title_country_name(doc, a, rules)
        out.extend(parts if parts is not None else (a,))
        i += 1
    return title_ents(doc, out, rules)


def untagged_names(doc: Doc, unit: Unit, rules: EntityRules,
                   found: list[Mention]) -> list[Mention]:
    """"Commissioner of Police Rajen Seetaram", "Chief of Staff Brigadier Alain Payet": a
    name the model left untagged (or tagged a work of art) right after a title or a rank
    (titles.jsonl, relations.yaml ``ranks``), or after the body noun of "TITLE of BODY".
    The capitalised run ending in the name holds such a word; the two or three proper
    nouns after the last one, with no capitalised word after them, are a person's name."""
    taken = [(m.start, m.end) for m in found]
    w = position_words()
    ranks = w.ranks
    out = []
    caps = title_words(doc)
    k = 0
    while k < len(doc):
        if not caps[k]:
            k += 1
            continue
        end = k
        while end < len(doc) and caps[end]:
            end += 1
        run, k = doc[k:end], end
        words = [fold(t.text) for t in run]
        titled = run.start >= 2 and doc[run.start - 1].lower_ == "of" \
            and fold(doc[run.start - 2].text) in rules.titles
        # "Minister of the Interior Anna Ozola": after "TITLE of the", the first word is
        # the portfolio, whatever it is
        portfolio = run.start >= 3 and doc[run.start - 1].lower_ == "the" \
            and doc[run.start - 2].lower_ in ("of", "for") \
            and fold(doc[run.start - 3].text) in rules.titles
        last = max((n for n, w in enumerate(words) if w in rules.titles or w in ranks
                    or (n == 0 and (portfolio or (titled and w in rules.heads)))),
                   default=None)
        if last is None or not 2 <= len(run) - last - 1 <= 3:
            continue
        name = run[last + 1:]
        if any(t.pos_ != "PROPN" or f in rules.heads or f in ranks or f in w.heads
               for t, f in zip(name, words[last + 1:], strict=True)) or (
                end < len(doc) and (doc[end].pos_ == "PROPN" or (
                    doc[end].text in "-‐" and not doc[end - 1].whitespace_))):
            continue  # an office noun ("Chief Magistrate X"), a name going on ("X-Y")
        a, b = unit.start + name.start_char, unit.start + name.end_char
        if any(s < b and a < e for s, e in taken):
            continue
        out.append(mention_from_span(name, unit, EntityType.PERSON, "rule:title-name"))
    return out

