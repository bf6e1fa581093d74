"""What a title before a name is, by its grammar rather than by a list of titles.

A title is an office noun (relations.yaml ``position.title_heads``, or a title of
titles.jsonl that is an office), written capitalised, with what qualifies it:

    [MODIFIERS] HEAD [-HEAD | General] [(of | for) [the] COMPLEMENT]

where the complement is capitalised words joined by "and", "&" or "and the":
"Federal Councillor", "Government Councillor-Minister", "Minister of State", "Secretary of
State for Finance and the Budget", "Minister of Justice and Interior", "Head of
Government", "Director General of Customs". Whatever the title lexicon lists, such a
phrase before a name is the person's office:

- the complement is the office's subject (a portfolio, "State", "Government"), never a
  body of its own: the model's organisations inside it ("State for Finance", "Budget",
  "Justice", "Interior", "The Head of Government") are no entities. A complement that
  names a body or a place ("Commissioner of Police", "Chairman of the Senate", "President
  of Zambia") keeps it: a body head (heads.jsonl, the part-of body words), a place the
  gazetteer knows or an acronym.
- the name after it (right after, or after a comma) is a person, never a body: a
  tag that runs the title into the name ("Federal Councillor Reto Ozols" as an
  organisation, "Interior Kabo Sithole" as a person) keeps only the name, and an
  untagged name ("Government Councillor Edgars Rozitis said") is tagged.

kg/extract/person_names.py applies this to the model's entities before mentions are made.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extract.entity_rules import EntityRules, entity_rules
from kg.extract.name_gender import known_first_name
from kg.extract.positions import position_words
from kg.extract.spans import fold, mention_from_span
from kg.records import EntityType, Mention, Unit
from kg.resolve.places import gazetteer

_OFFICE_SCOPES = {"country", "organization", "place"}
_JOINS = {"and", "&"}
_NAME_MAX = 3


@dataclass(frozen=True, slots=True)
class TitlePhrase:
    """Token offsets: the head noun, the end of the title, and the name after it (if any)."""

    head: int
    end: int  # first token after the title (its complement included)
    complement: int | None  # first token of the complement ("of"/"for"), if any
    name: tuple[int, int] | None  # the person's name after the title


def _cap(tok: Token) -> bool:
    return tok.is_alpha and (tok.is_title or (tok.is_upper and len(tok) > 1))


def office_head(tok: Token, rules: EntityRules) -> bool:
    """A capitalised office noun: "Minister", "Councillor", "Head", "Secretary"."""
    if not tok.is_title or not tok.is_alpha:
        return False
    w = position_words()
    low = tok.lower_
    return low in w.heads or tok.lemma_.lower() in w.heads \
        or rules.titles.get(fold(tok.text)) in _OFFICE_SCOPES


def _topic_word(tok: Token, rules: EntityRules) -> bool:
    """A word that can only be an office's subject or a body's, never a given name or
    surname: a portfolio noun, an office noun, a rank, a body head."""
    w = position_words()
    low = tok.lower_
    return low in w.portfolio_nouns or low in w.heads or low in w.ranks \
        or low in w.body_words or low in rules.heads or low == "state"


def _persons(doc: Doc) -> dict[int, Span]:
    """The model's entities by their last token."""
    return {e.end: e for e in doc.ents}


def _name_in_run(doc: Doc, a: int, b: int, rules: EntityRules) -> int | None:
    """Where the name starts in the capitalised run [a, b) after "TITLE of/for [the]": the
    model's entity that ends the run (cut to its proper nouns that are no portfolio), or
    the last two proper nouns when the model tagged nothing there. At least one word of
    the run stays the complement."""
    ent = _persons(doc).get(b)
    if ent is None:  # "Joao Lopes" tagged of "Joao Lopes Tavares": the person's start
        ent = next((e for e in doc.ents if e.label_ == "PERSON" and a < e.start < b < e.end + 2
                    and b - e.start <= _NAME_MAX), None)
        if ent is not None:
            ent = Span(doc, ent.start, b, label="PERSON")
    if ent is not None and ent.start < b:
        s = max(ent.start, a + 1, b - _NAME_MAX)
        while s < b and (_topic_word(doc[s], rules) or doc[s].lower_ in _JOINS
                         or doc[s].lower_ == "the"):
            s += 1
        if s < b and _after_join(doc, s):
            # "Minister of Maritime Affairs and Insular Policy, Mr. X": what follows "and"
            # in a complement is its second subject, never the holder's name
            return None
        if s < b and ent.label_ in ("PERSON", "ORG", "GPE", "NORP", "WORK_OF_ART") \
                and all(doc[k].pos_ == "PROPN" for k in range(s, b)):
            if ent.label_ != "PERSON" and (b - s < 2 or ent.start < s):
                return None  # a body or place that ends the complement, no name
            if ent.start < s and (b - s < 2 or not (_topic_word(doc[s - 1], rules) or
                                                    gazetteer().country(doc[s - 1].text))):
                return None  # "President of Republika Srpska" tagged a person: no name
            if ent.label_ == "PERSON" and ent.start == s and b - s <= 2 and s - 1 > a and \
                    _given_name(doc[s - 1], rules):
                s -= 1  # "Minister of Roads Kagiso [Tau]": the model's person cut after
                # the given name it left to the complement
            return s
        return None
    if b - a >= 3 and all(doc[k].pos_ == "PROPN" and not _topic_word(doc[k], rules)
                          for k in (b - 2, b - 1)) and doc[b - 3].lower_ not in _JOINS:
        if b - a >= 4 and _given_name(doc[b - 3], rules) and doc[b - 4].lower_ not in _JOINS:
            return b - 3  # "... Territorial Governance Kalev Tamm Saar": a given name
            # before the two untagged words opens the name
        return b - 2
    return None


def _given_name(tok: Token, rules: EntityRules) -> bool:
    """Whether a capitalised word left between a title's complement and the person's name
    the model tagged is the first word of that name: a proper noun of no entity, no
    portfolio, office or body word, no country, and a first name people bear."""
    return tok.pos_ == "PROPN" and tok.is_title and not tok.ent_type_ and \
        not _topic_word(tok, rules) and not office_head(tok, rules) and \
        tok.lower_ not in rules.heads and not gazetteer().country(tok.text) and \
        known_first_name(tok.text)


def _after_join(doc: Doc, s: int) -> bool:
    """Whether ``doc[s]`` follows "and", "&" or "and the" in a title's complement."""
    k = s - 1
    if k > 0 and doc[k].lower_ == "the":
        k -= 1
    return k > 0 and doc[k].lower_ in _JOINS


def _joined(doc: Doc, k: int) -> bool:
    """Whether the word before ``doc[k]`` goes on in it: "Nakato-", "Ozols'"."""
    return not doc[k - 1].whitespace_ and (doc[k].text in ("-", "‐") or doc[k].tag_ == "POS")


def _honorifics(doc: Doc, i: int, rules: EntityRules) -> int:
    """How many tokens from ``doc[i]`` are honorifics or ranks before a name (the entity
    rules' ``honorific`` titles, of one to three words: "Mr.", "Dame", "Lieutenant
    General", "Brig. Gen."), when a capitalised word follows them."""
    n = 0
    while n < 4:
        for size in (3, 2, 1):
            end = i + n + size
            if end < len(doc) and _cap(doc[end]) and rules.titles.get(
                    fold(" ".join(t.text for t in doc[i + n:end]))) == "honorific":
                n += size
                break
        else:
            return n
    return n


def _name_after_comma(doc: Doc, i: int, rules: EntityRules) -> tuple[int, int] | None:
    """", Karlis Berzins," after a title: one to three proper nouns closed by punctuation
    or a lower-case word."""
    if i + 1 >= len(doc) or doc[i].text != ",":
        return None
    i += _honorifics(doc, i + 1, rules)  # ", Mr. Karlis Berzins,", ", Lieutenant General
    # Karlis Berzins,": the honorific or rank is no part of the name
    k = i + 1
    while k < len(doc) and _cap(doc[k]) and doc[k].pos_ == "PROPN" and k - i <= _NAME_MAX:
        k += 1
    if k == i + 1 or k - i - 1 > _NAME_MAX or (k < len(doc) and (_cap(doc[k])
                                                                  or _joined(doc, k))):
        return None
    if any(_topic_word(doc[n], rules) for n in range(i + 1, k)):
        return None
    return i + 1, k


def office_heads(doc: Doc, rules: EntityRules) -> list[int]:
    """The indices of the tokens ``title_at`` can read a title at (its first test), in one
    pass over the doc instead of a token lookup per index."""
    return [t.i for t in doc if t.is_title and office_head(t, rules)]


def title_at(doc: Doc, h: int, rules: EntityRules) -> TitlePhrase | None:
    """The title whose head noun is ``doc[h]``, with the name that follows it, if any."""
    if not office_head(doc[h], rules) or (h > 0 and doc[h - 1].lower_ in ("of", "for")):
        return None  # (the head of a complement: "Secretary of State" has one head)
    i = h + 1
    n = len(doc)
    # a second head joined by a hyphen ("Councillor-Minister"), "General", "Regent"
    while i < n:
        if doc[i].text in ("-", "‐") and i + 1 < n and not doc[i].whitespace_ \
                and not doc[i - 1].whitespace_ and office_head(doc[i + 1], rules):
            i += 2
        elif doc[i].lower_ == "general" and doc[i].is_title:
            i += 1
        else:
            break
    complement = None
    if i + 1 < n and doc[i].lower_ in ("of", "for") and (
            _cap(doc[i + 1]) or (doc[i + 1].lower_ == "the" and i + 2 < n and _cap(doc[i + 2]))):
        complement = i
        k = i + 1
        if doc[k].lower_ == "the":
            k += 1
        a = k
        while k < n:
            if _cap(doc[k]) and not doc[k].is_sent_start:
                k += 1
            elif doc[k].lower_ in _JOINS and k + 1 < n and (
                    _cap(doc[k + 1]) or (doc[k + 1].lower_ == "the" and k + 2 < n
                                         and _cap(doc[k + 2]))):
                k += 2 if _cap(doc[k + 1]) else 3
            elif doc[k].lower_ in ("of", "for") and k + 1 < n and (
                    _cap(doc[k + 1]) or (doc[k + 1].lower_ == "the" and k + 2 < n
                                         and _cap(doc[k + 2]))):
                # "Secretary of State for Finance": a complement of the complement
                k += 2 if _cap(doc[k + 1]) else 3
                a = k - 1 if _cap(doc[k - 1]) else k - 2
                a = max(a, k - 1)
            else:
                break
        s = _name_in_run(doc, a, k, rules)
        if s is not None:
            return TitlePhrase(h, s, complement, (s, k))
        return TitlePhrase(h, k, complement, _name_after_comma(doc, k, rules))
    # no complement: the name right after the head, or after a comma
    k = i
    while k < n and _cap(doc[k]) and doc[k].pos_ == "PROPN" and not _topic_word(doc[k], rules) \
            and k - i < _NAME_MAX + 1:
        k += 1
    if i < k <= i + _NAME_MAX and not (k < n and (_cap(doc[k]) or _joined(doc, k))):
        return TitlePhrase(h, i, None, (i, k))
    return TitlePhrase(h, i, None, _name_after_comma(doc, i, rules))


def _keeps(span: Span, rules: EntityRules) -> bool:
    """Whether an entity inside a title's complement names a body or place of its own."""
    words = [t.lower_ for t in span if t.is_alpha]
    w = position_words()
    if any(x in rules.heads or x in w.body_words for x in words):
        return True
    gaz = gazetteer()
    text = span.text[4:] if span.text.lower().startswith("the ") else span.text
    if gaz.country(text) or gaz.regions_named(text) or gaz.city_candidates(text):
        return True
    return any(t.is_upper and len(t) > 1 for t in span)


def title_ents(doc: Doc, ents: list[Span], rules: EntityRules) -> list[Span]:
    """``ents`` with the titles before names read as above."""
    phrases = [p for h in office_heads(doc, rules) if (p := title_at(doc, h, rules)) is not None
               and (p.complement is not None or p.name is not None)]
    if not phrases:
        return ents
    out = list(ents)
    for p in phrases:
        kept: list[Span] = []
        for e in out:
            if p.complement is not None and (e.label_ != "PERSON" or _after_join(doc, e.start)) \
                    and p.complement < e.start and e.end <= p.end and not _keeps(e, rules):
                continue  # "State for Finance", "Budget", "Insular Policy": its subject
            if e.label_ != "PERSON" and e.start <= p.head < e.end and e.end <= p.end \
                    and (p.name is not None or p.complement is not None) \
                    and all(t.is_title or t.lower_ == "the" for t in doc[e.start:p.head]):
                continue  # "The Head of Government (, NAME,) said": an office, no body
            kept.append(e)
        out = kept
        if p.name is None:
            continue
        a, b = p.name
        name = Span(doc, a, b, label="PERSON")
        over = [e for e in out if e.start < b and a < e.end]
        if any(e.label_ == "PERSON" and e.start == a and e.end == b for e in over):
            continue
        if any(e.end > b or e.start < p.head - 3 for e in over):
            continue  # the name runs on into another entity, or one from further back
        if any(e.label_ != "PERSON" and e.start <= p.head for e in over) and (
                b - a < 2 or any(t.lower_ in rules.heads for t in doc[a:b])):
            continue  # "the Executive Mansion": a body or site that opens with an office
        if b - a < 2 and not over:
            continue  # one untagged word after a title: too weak to be a name
        out = [e for e in out if e not in over]
        out.append(name)
        cut = min((e.start for e in over), default=a)
        if p.complement is not None and p.complement < cut < a and \
                gazetteer().country(doc[cut:a].text):
            out.append(Span(doc, cut, a, label="GPE"))  # "President of Botswana" + name
    return sorted(out, key=lambda e: e.start)


def _title_key(doc: Doc, p: TitlePhrase) -> str:
    return " ".join(t.lower_ for t in doc[p.head:p.end])


def title_anaphors(doc: Doc, unit: Unit, mentions: list[Mention],
                   holders: dict[str, Mention]) -> tuple[list[Mention], list[Mention]]:
    """"The Head of Government, Jordi Ozols, chaired the meeting ... the Head of Government
    said": a definite capitalised title with no name after it points back to the person the
    text named with that title before (in this unit or an earlier one, ``holders``, which
    grows with the titled names of this unit). Returns the unit's mentions without those
    inside such a title ("Government") and the title mentions, typed as their holder and
    with it as ``antecedent`` (source ``coref:title``)."""
    rules = entity_rules()
    person_at = {}
    for m in mentions:
        if m.type is EntityType.PERSON and m.unit == unit.index:
            span = doc.char_span(m.start - unit.start, m.end - unit.start,
                                 alignment_mode="expand")
            if span is not None:
                person_at[span.start] = m
    out: list[Mention] = []
    drop: list[tuple[int, int]] = []
    for h in office_heads(doc, rules):
        p = title_at(doc, h, rules)
        if p is None:
            continue
        key = _title_key(doc, p)
        if p.name is not None:
            m = person_at.get(p.name[0])
            if m is not None:
                holders[key] = m
            continue
        if p.complement is None and h > 0 and doc[h - 1].lower_ == "the" \
                and key not in holders:
            # "The Minister of X and Y, Mr. Z, ... The Minister ordered": a bare head
            # points back to the one holder named with a title of that head and an of/for
            # complement
            full = {holders[k] for k in holders if k.split(" ")[0] == key and " " in k}
            if len(full) == 1 and len({k for k in holders if k.split(" ")[0] == key}) == 1:
                key = next(k for k in holders if k.split(" ")[0] == key)
                p = TitlePhrase(p.head, p.end, h, None)
        if p.complement is None or h == 0 or doc[h - 1].lower_ != "the" or key not in holders \
                or (p.end < len(doc) and (doc[p.end].text == "," or _cap(doc[p.end]))):
            continue  # (", NAME," or a name the grammar did not read: no pointing back)
        span = doc[h:p.end]
        holder = holders[key]
        tm = mention_from_span(span, unit, holder.type, "coref:title")
        out.append(Mention(tm.start, tm.end, tm.text, tm.type, tm.unit, tm.sentence,
                           tm.source, antecedent=holder))
        drop.append((tm.start, tm.end))
    kept = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in drop)]
    return kept, out
