"""Entity mentions from a parsed unit, and the positions titles before names state.

Recognition is the statistical NER plus the rule layer in front of it (the
reference KB and the country gazetteer, see :mod:`kg.nlp.components`), then
general rules driven by the data files in ``kg/rules/entities/``:

* noise: stamps, credits, bylines and boilerplate give no entities;
* titles: "Nigerian President Amara Okafor" -> the person "Amara Okafor" (the title
  becomes a Position fact, :func:`title_positions`);
* demonyms alone ("Nigerian", "Peruvians") are not entities;
* types: place names via the gazetteer, organisation heads ("... Ministry",
  "... Guard"), media appositions ("X, a local TV channel");
* institution phrases ("the government", "the Peruvian military", "the X
  peacekeepers", "the mayoral office") and acronyms defined in text;
* the unit's dateline ("LAGOS") and agency ("Reuters").

Mentions in a Title Case headline found only by the statistical model carry the
source suffix ``:headline``; the resolver keeps them only when the body confirms them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc, Span

from kg.extract.entity_rules import EntityRules, entity_rules
from kg.ingest.reader import DATELINE
from kg.records import EntityType, Fact, Mention, Unit
from kg.records import Span as RecSpan
from kg.resolve.places import gazetteer

# spaCy labels that name entities kg models; the rest (dates, money, ...) are
# handled as values by the event extractors.
LABEL_TYPES = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORGANIZATION,
    "GPE": EntityType.PLACE,
    "LOC": EntityType.REGION,
    "FAC": EntityType.PLACE,
    "NORP": EntityType.PLACE,  # kept only when it is a country name the model mislabelled
}
HEADLINE = ":headline"
_TITLE_WINDOW = 80  # characters before a name searched for "[qualifier] Title "
_VALUE_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
_DETERMINERS = {"the", "a", "an"}
_STOP = {"of", "the", "and", "for", "on", "in", "de", "&", "to"}


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc (spaCy rebuilds it from the tokens on each access)."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


def sentence_bounds(doc: Doc) -> tuple[list[int], list[tuple[int, int]]]:
    """Token starts and character ranges of the sentences, computed once per Doc."""
    cached = doc.user_data.get("kg_sents")
    if cached is None:
        sents = list(doc.sents)
        cached = doc.user_data["kg_sents"] = ([s.start for s in sents],
                                              [_trimmed(s) for s in sents])
    return cached


def _trimmed(sent: Span) -> tuple[int, int]:
    """Character range of a sentence without surrounding whitespace, as sentence nodes have."""
    text = sent.text
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


_NAME_PARTICLES = {"del", "de", "da", "do", "dos", "das", "di", "la", "le", "of", "von", "van"}


def _complete_name(span: Span) -> Span:
    """"Radio Programas del" + "Peru": a name the model cut after a particle goes on to
    the capitalised word that follows it."""
    doc, end = span.doc, span.end
    if span[-1].lower_ in _NAME_PARTICLES and end < len(doc) and doc[end].is_title:
        while end < len(doc) and doc[end].is_title and not doc[end].is_sent_start:
            end += 1
        return doc[span.start:end]
    return span


def _trim(span: Span) -> Span | None:
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


def initials(text: str) -> set[str]:
    """Acronyms a long name may take: 'Pan-Andean Water Authority' -> {'PWA', 'PAWA'}."""
    words = [w for w in re.split(r"\s+", text.replace("’", "'")) if w]
    words = [re.sub(r"'s$", "", w) for w in words if w.lower() not in _STOP]
    if len(words) < 2:
        return set()
    plain = "".join(w[0] for w in words if w[0].isalnum()).upper()
    split = "".join(p[0] for w in words for p in w.split("-") if p and p[0].isalnum()).upper()
    return {plain, split}


def spells(acronym: str, name: str) -> bool:
    """Whether ``acronym`` abbreviates the long ``name``.

    Plain initials ('PWA', 'PAWA') always count. Beyond them an acronym may take the
    first letters of a word ('ECOWAS': Economic COmmunity of West African States) and
    the initial of a linking word ('UNMISS': ... Mission In South Sudan), but every
    other word gives at least its initial, in order.
    """
    if acronym in initials(name):
        return True
    words = [re.sub(r"'s$", "", w) for w in re.split(r"[\s-]+", name.replace("’", "'")) if w]
    words = [w for w in words if w[0].isalnum()]
    if len([w for w in words if w.lower() not in _STOP]) < 2 or not 2 <= len(acronym) <= 10:
        return False
    target = acronym.upper()

    @cache
    def fit(wi: int, ai: int) -> bool:
        if wi == len(words):
            return ai == len(target)
        w = words[wi].upper()
        optional = words[wi].lower() in _STOP
        if optional and fit(wi + 1, ai):
            return True
        longest = 1 if optional else min(len(w), 3)
        for k in range(1, longest + 1):
            if ai + k <= len(target) and w[:k] == target[ai:ai + k] and fit(wi + 1, ai + k):
                return True
        return False

    return fit(0, 0)


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().split())


# --- typing ---------------------------------------------------------------------------------
def head_type(text: str, rules: EntityRules) -> EntityType | None:
    """Type from the head of an organisation name ('National Guard' -> ArmedForce)."""
    core = re.split(r"\s+of\s+", _fold(text), maxsplit=1)[0]
    words = core.split()
    for n in (2, 1):
        if len(words) >= n:
            t = rules.heads.get(" ".join(words[-n:]))
            if t is not None:
                return t
    # "Radio Sol Mansi", "Television Nacional": a media word opens a broadcaster's name
    if len(words) > 1 and rules.heads.get(words[0]) is EntityType.MEDIA_ORGANIZATION:
        return EntityType.MEDIA_ORGANIZATION
    return None


def place_type(text: str, *, strict: bool = False) -> EntityType | None:
    """Country, City or Region from the gazetteer.

    ``strict`` (for names the model called an organisation) accepts only countries and
    cities that are unique and large, so that a company named after a small town
    stays an organisation.
    """
    gaz = gazetteer()
    if gaz.country(text):
        return EntityType.COUNTRY
    if strict:
        found = gaz.cities_named(text)
        if len(found) == 1 and found[0].population >= 100_000:
            return EntityType.CITY
        return None
    return gaz.place_type(text)


@cache
def _place_preps() -> frozenset[str]:
    """The event rules' locative prepositions but "of" ("the son of Jordan")."""
    from kg.rules.loader import event_rules

    return frozenset(event_rules().lists["locative_preps"]) - {"of"}


def _span_type(span: Span, label: str, rules: EntityRules) -> EntityType | None:
    text = span.text
    if label.startswith("KG_"):
        return EntityType(label[3:])
    if label == "NORP":
        return EntityType.COUNTRY if gazetteer().country(text) else None
    base = LABEL_TYPES.get(label)
    if base is None:
        return None
    if base in (EntityType.ORGANIZATION, EntityType.PERSON) and len(span) <= 3 and \
            span.root.dep_ == "pobj" and span.root.head.lower_ in _place_preps() and \
            head_type(text, rules) is None:
        # "Police in Gao", "the airport in Bissau": a known place after a locative
        # preposition is that place, whatever the model guessed
        found = place_type(text)
        if found is not None:
            return found
    if base is EntityType.ORGANIZATION:
        return head_type(text, rules) or place_type(text, strict=True) or base
    if base is EntityType.PERSON:
        # "Sahel People's Defence Forces" tagged a person: a long name ending in a body
        # head is that body ("Mary Guard" stays a person)
        if len(span) >= 3 or any(t.lower_ in _STOP or t.tag_ == "POS" for t in span):
            found = head_type(text, rules)
            if found is not None and found is not EntityType.MEDIA_ORGANIZATION:
                return found
        return base
    if label == "GPE" or label == "LOC":
        found = place_type(text)
        if found is not None:
            return found
        ht = head_type(text, rules)
        return ht or base
    return base


# --- titles -----------------------------------------------------------------------------------
@cache
def _title_regex() -> re.Pattern[str]:
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
    m = _title_regex().match(rest.text)
    if not m:
        return None, None, None
    name = rest.char_span(m.end(), len(rest.text), alignment_mode="contract")
    if name is None:
        return None, None, None
    name = _trim(name)
    if name is None or not name[0].is_title:
        return None, None, None
    return qualifier, m.group(0), name


def _inside_title(span: Span) -> bool:
    """Whether the span is the start of a longer title phrase followed by a name
    ("Interior Minister Ana Ruiz", or with a comma: "Interior Minister, Ana Ruiz,")."""
    text = doc_text(span.doc)
    m = _title_regex().match(text, span.start_char)
    if m is None or m.end() <= span.end_char:
        return False
    rest = text[m.end():m.end() + 8].lstrip().removeprefix(",").lstrip()
    return rest[:1].isupper()


# --- extraction -------------------------------------------------------------------------------
def _noise_ranges(doc: Doc, rules: EntityRules) -> list[tuple[int, int]]:
    """Local character ranges of lines that are noise (bylines, credits, boilerplate)."""
    out = []
    pos = 0
    for line in doc_text(doc).split("\n"):
        if line.strip() and any(p.search(line) for p in rules.noise_line):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _in(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in ranges)


def _headline_range(unit: Unit) -> tuple[int, int] | None:
    if unit.headline is None:
        return None
    return unit.headline.start - unit.start, unit.headline.end - unit.start


def entity_mentions(doc: Doc, unit: Unit, *,
                    acronyms: dict[str, EntityType] | None = None) -> list[Mention]:
    """Mentions of the named entities in ``doc`` with kg types.

    ``acronyms`` carries the acronyms defined in earlier units of the document (a live
    page defines "(ECOWAS)" once and uses it in later updates); this unit's definitions
    are added to it.
    """
    rules = entity_rules()
    noise = _noise_ranges(doc, rules)
    headline = _headline_range(unit)
    out: list[Mention] = []

    def add(span: Span, etype: EntityType, source: str) -> None:
        if _in(noise, span.start_char, span.end_char):
            return
        if any(p.search(span.text) for p in rules.noise_mention):
            return
        if headline and not source.startswith(("kb", "gazetteer", "rule")) \
                and headline[0] <= span.start_char < headline[1]:
            source += HEADLINE
        out.append(mention_from_span(span, unit, etype, source))

    for ent in doc.ents:
        etype = _span_type(ent, ent.label_, rules)
        if etype is None:
            continue
        span = _trim(ent)
        if span is None or not any(t.is_alpha for t in span):
            continue
        span = _complete_name(span)
        prev = doc[span.start - 1] if span.start > 0 else None
        if prev is not None and prev.is_title and not prev.is_sent_start and \
                rules.heads.get(prev.lower_) is EntityType.MEDIA_ORGANIZATION:
            # "Radio" + "Sol Mansi" (tagged a person): the broadcaster's whole name
            add(doc[span.start - 1:span.end], EntityType.MEDIA_ORGANIZATION, "rule:media-name")
            continue
        if ent.label_.startswith("KG_"):
            add(span, etype, "kb")
            continue
        if ent.kb_id_ == "gazetteer:country":
            add(span, EntityType.COUNTRY, "gazetteer:country")
            continue
        # A demonym alone, or a demonym before common nouns ("Peruvian city"), is no entity.
        if rules.is_demonym(span[0].text) and all(not t.is_title for t in span[1:]):
            continue
        if etype is not EntityType.PERSON and _inside_title(span):
            continue  # "State" of "State Secretary Rosa Benitez"
        _qualifier, _title, name = split_title(span, rules)
        if name is not None:
            add(name, EntityType.PERSON, "rule:title-name")
            continue
        if etype is not EntityType.PERSON and _after_title(span) \
                and place_type(span.text) is None:
            add(span, EntityType.PERSON, "rule:title-name")  # "President Amara Okafor" as GPE
            continue
        add(span, etype, f"ner:{ent.label_}")

    out.extend(_body_mentions(doc, unit, rules, out, noise))
    out.extend(_anaphor_mentions(doc, unit, rules, out, noise))
    out = _media_appositions(doc, unit, rules, out)
    out.extend(_acronym_mentions(doc, unit, out, acronyms if acronyms is not None else {}))
    out.extend(_surname_mentions(doc, unit, out))
    out.extend(_missed_cities(doc, unit, out, noise))
    datelines = _dateline_mentions(doc, unit) + _byline_mentions(doc, unit)
    if datelines:
        out = [m for m in out if not any(m.start < d.end and d.start < m.end
                                         for d in datelines)]
    out.extend(datelines)
    return _dedupe(out)


@cache
def _title_end_regex() -> re.Pattern[str] | None:
    """Reversed titles, to test cheaply whether a text ends with one (None: no shortcut)."""
    titles = sorted(entity_rules().title_forms.values(), key=len, reverse=True)
    if any(t != t.rstrip() for t in titles):
        return None
    return re.compile("|".join(re.escape(t[::-1]) for t in titles), re.IGNORECASE)


def _after_title(span: Span) -> bool:
    """Whether a capitalised title ends right before the span ('... President ' + span)."""
    before = doc_text(span.doc)[max(0, span.start_char - 40):span.start_char]
    # a title that ends right before the span ends where the text does, blanks aside:
    # one anchored match on the reversed text rules out almost every span
    ends_with = _title_end_regex()
    if ends_with is not None and not ends_with.match(before.rstrip()[::-1]):
        return False
    for m in _title_regex().finditer(before + " "):
        if m.group(0)[:1].isupper() and not before[m.end():].strip():
            return True
    return False


def _surname_mentions(doc: Doc, unit: Unit, found: list[Mention]) -> list[Mention]:
    """'Okafor said': later uses of the surname of a person the unit names in full."""
    out: list[Mention] = []
    surnames = {m.text.split()[-1] for m in found
                if m.type is EntityType.PERSON and len(m.text.split()) > 1}
    for surname in sorted(surnames):
        if not surname[:1].isupper() or len(surname) < 3:
            continue
        for a, b in _word_uses(doc_text(doc), surname):
            s, e = unit.start + a, unit.start + b
            # the model's guess of another type for the bare surname ("the appointment
            # of Okafor" as a place) gives way, unless the word is a known place
            if any(m.start < e and s < m.end and not (
                    (m.start, m.end) == (s, e) and m.source.startswith("ner:")
                    and m.type is not EntityType.PERSON and place_type(m.text) is None)
                   for m in found + out):
                continue
            span = doc.char_span(a, b)
            if span is not None:
                out.append(mention_from_span(span, unit, EntityType.PERSON, "rule:surname"))
    return out


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # exactly what \w matches in a str regex


def _word_uses(text: str, word: str) -> Iterator[tuple[int, int]]:
    r"""Offsets of ``word`` not inside a longer word or hyphenated compound.

    What ``re.finditer(r"(?<![\w-])WORD(?![\w-])")`` finds, without compiling a regex
    per name (the regex cache overflows on a long page of names).
    """
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not (_is_word_char(text[at - 1]) or text[at - 1] == "-")) and \
                (end == len(text) or not (_is_word_char(text[end]) or text[end] == "-")):
            yield at, end
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)


_BEFORE_PLACE = {"in", "to", "at", "from", "near", "and", "of", "outside", "into"}


def _missed_cities(doc: Doc, unit: Unit, found: list[Mention],
                   noise: list[tuple[int, int]]) -> list[Mention]:
    """"spread to Cusco and Arequipa", "the town of Eldoret": a capitalised word after a
    locative word that the model left untagged is a city when the gazetteer knows one large
    city of that name (place_type strict)."""
    out = []
    covered = {i for m in found if (sp := doc.char_span(m.start - unit.start, m.end - unit.start,
                                                        alignment_mode="expand")) is not None
               for i in range(sp.start, sp.end)}
    i = 1
    while i < len(doc):
        tok = doc[i]
        if tok.pos_ != "PROPN" or not tok.is_title or i in covered or \
                doc[i - 1].lower_ not in _BEFORE_PLACE:
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end - i < 3 and doc[end].pos_ == "PROPN" and \
                doc[end].is_title and end not in covered:
            end += 1
        span = doc[i:end]
        if place_type(span.text, strict=True) is EntityType.CITY and \
                not gazetteer().country(span.text) and \
                not _in(noise, span.start_char, span.end_char):
            out.append(mention_from_span(span, unit, EntityType.CITY, "gazetteer:city"))
        i = end
    return out


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    """One mention per span; rule and KB mentions win over the model's."""
    rank = {"kb": 0, "rule": 1, "gazetteer": 2, "dateline": 3, "ner": 4}
    best: dict[tuple[int, int], Mention] = {}
    for m in mentions:
        old = best.get((m.start, m.end))
        if old is None or rank.get(m.source.split(":")[0], 9) < rank.get(
                old.source.split(":")[0], 9):
            best[(m.start, m.end)] = m
    return sorted(best.values(), key=lambda m: (m.start, m.end))


@cache
def _body_regex() -> re.Pattern[str]:
    phrases = sorted(entity_rules().bodies, key=len, reverse=True)
    alts = "|".join(re.escape(p).replace("'", "['’]") for p in phrases)
    return re.compile(rf"\b(?:{alts})\b", re.IGNORECASE)


def _body_mentions(doc: Doc, unit: Unit, rules: EntityRules, found: list[Mention],
                   noise: list[tuple[int, int]]) -> list[Mention]:
    """Institution phrases: 'the government', 'the Peruvian military', 'the X peacekeepers'.

    The mention covers the owner when the text states it ('Peruvian military',
    'peacekeepers of the X'), so that the resolver can name the institution after it.
    """
    out = []
    named = [(m.start - unit.start, m.end - unit.start, m) for m in found]
    for match in _body_regex().finditer(doc_text(doc)):
        body = rules.bodies[_fold(match.group(0)).replace("’", "'")]
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or _in(noise, span.start_char, span.end_char):
            continue
        # a phrase that modifies a following noun is no reference ("government bodies")
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.tag_ != "POS":
            continue
        start, end = span.start, span.end
        prev = doc[start - 1] if start > 0 else None
        if body.scope == "country":
            if prev is not None and rules.is_demonym(prev.text):
                start -= 1
            elif prev is not None and prev.tag_ == "POS" and start >= 2 and (n := next(
                    (k for k in (3, 2, 1) if start - 1 - k >= 0
                     and gazetteer().country(doc[start - 1 - k:start - 1].text)), None)):
                start -= n + 1  # "South Sudan's government": the whole country name
            elif prev is not None and prev.is_title and not prev.is_sent_start \
                    and not span[0].is_title:
                continue  # part of a longer name the model handles
            elif (prev is None or prev.lower_ not in {"the", "'s", "’s", "its", "their"}) \
                    and not span[0].is_title:
                continue
        elif body.scope == "organization":
            owner = _owner_org(doc, unit, start, end, named)
            if owner is None:
                continue
            start, end = min(start, owner.start), max(end, owner.end)
        sub = doc[start:end]
        a, b = unit.start + span.start_char, unit.start + span.end_char
        if any(m.start < b and a < m.end and not m.source.endswith(HEADLINE) for m in found):
            continue  # the phrase is (part of) a name already found; the resolver names it
        out.append(mention_from_span(sub, unit, body.type, "rule:body"))
    return out


@cache
def _anaphor_regex() -> re.Pattern[str]:
    rules = entity_rules()
    heads = sorted(h for h, t in rules.heads.items()
                   if " " not in h and t is EntityType.GOVERNMENT_BODY and h not in rules.bodies)
    return re.compile(rf"\b[Tt]he\s+(?P<head>{'|'.join(map(re.escape, heads))})\b")


def _anaphor_mentions(doc: Doc, unit: Unit, rules: EntityRules, found: list[Mention],
                      noise: list[tuple[int, int]]) -> list[Mention]:
    """'the committee said': a definite head noun the resolver may link to a named body.

    Only a whole noun phrase counts ("the committee", not "the committee members" or
    "the office of X"); the resolver drops it when no single named body fits.
    """
    out = []
    text = doc_text(doc)
    for match in _anaphor_regex().finditer(text):
        span = doc.char_span(match.start("head"), match.end("head"))
        if span is None or _in(noise, span.start_char, span.end_char):
            continue
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and (nxt.pos_ in ("NOUN", "PROPN", "ADP") or nxt.lower_ == "'s"
                                or nxt.tag_ == "POS"):
            continue
        a, b = unit.start + span.start_char, unit.start + span.end_char
        if any(m.start < b and a < m.end for m in found):
            continue
        out.append(mention_from_span(span, unit, rules.heads[span.text.lower()],
                                     "rule:anaphor"))
    return out


def _owner_org(doc: Doc, unit: Unit, start: int, end: int,
               named: list[tuple[int, int, Mention]]) -> Span | None:
    """The organisation named right before ('the X peacekeepers') or after ('... of the X')."""
    orgs = [(a, b) for a, b, m in named if m.type in (EntityType.ORGANIZATION,
                                                      EntityType.GOVERNMENT_BODY)]
    first = doc[start].idx
    for a, b in orgs:
        if b <= first and not doc_text(doc)[b:first].strip(" ’'s"):
            return doc.char_span(a, b, alignment_mode="expand")
    last = doc[end - 1].idx + len(doc[end - 1])
    for a, b in orgs:
        gap = doc_text(doc)[last:a]
        if a >= last and re.fullmatch(r"\s+of\s+(?:the\s+)?", gap):
            return doc.char_span(a, b, alignment_mode="expand")
    return None


@cache
def _apposition_regex() -> re.Pattern[str]:
    rules = entity_rules()
    alts = "|".join(re.escape(p) for p in sorted(rules.descriptors, key=len, reverse=True))
    name = r"[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|\d+))*"
    return re.compile(rf"(?P<name>{name})\s*,\s+(?i:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?"
                      rf"(?P<what>(?i:{alts}))\b")


def _media_appositions(doc: Doc, unit: Unit, rules: EntityRules,
                       found: list[Mention]) -> list[Mention]:
    """'Canal Andino, a local TV channel': the apposition types (or finds) the name."""
    out = list(found)
    for match in _apposition_regex().finditer(doc_text(doc)):
        if not match.group("name")[0].isupper():
            continue
        etype = rules.descriptors[_fold(match.group("what"))]
        span = doc.char_span(match.start("name"), match.end("name"), alignment_mode="contract")
        if span is None or any(t.ent_type_ in _VALUE_LABELS for t in span):
            continue  # "on Friday, a TV channel said": a date is no name
        # "according to Canal Andino": drop leading words the model does not see as the name
        while len(span) > 1 and not span[0].is_title:
            span = span[1:]
        a, b = unit.start + span.start_char, unit.start + span.end_char
        out = [m for m in out if not (m.start == a and m.end == b and m.source != "kb")]
        if any(m.start == a and m.end == b for m in out):
            continue
        out.append(mention_from_span(span, unit, etype, "rule:apposition"))
    return out


# all capitals ("(PAWA)") or one capitalised word ("(Ecowas)"); either must spell the name
_ACRONYM = re.compile(r"\(\s*([A-Z][A-Z0-9&-]{1,9}|[A-Z][a-z]{2,9})\s*\)")


def _acronym_mentions(doc: Doc, unit: Unit, found: list[Mention],
                      defined: dict[str, EntityType]) -> list[Mention]:
    """'The Pan-Andean Water Authority (PAWA) ...; PAWA later': every use of a defined acronym.

    A use inside a longer name ("the PAWA Standby Force") is a mention too: the longer
    name is then part of (or sent by) the organisation the acronym names.
    """
    text = doc_text(doc)
    ends = {}
    for m in found:
        if m.type.is_agent:
            ends.setdefault(m.end, m)
    out: list[Mention] = []
    for match in _ACRONYM.finditer(text):
        acronym = match.group(1)
        a = unit.start + match.start()
        for gap in range(5):
            m = ends.get(a - gap)
            if m is not None and spells(acronym, m.text):
                defined.setdefault(acronym, m.type)
                break
        else:
            longer = _longer_name(doc, unit, found, match.start(), acronym) or \
                _spelled_name(doc, unit, found, match.start(), acronym)
            if longer is not None:
                out.append(longer)
                defined.setdefault(acronym, longer.type)
    if not defined:
        return out
    for acronym, etype in defined.items():
        for use in re.finditer(rf"\b{re.escape(acronym)}\b", text):
            s, e = unit.start + use.start(), unit.start + use.end()
            if any(m.start < e and s < m.end and not (m.start <= s and e <= m.end
                                                      and m.end - m.start > e - s
                                                      and m.type is not etype)
                   for m in found):
                continue
            span = doc.char_span(use.start(), use.end())
            if span is not None:
                out.append(mention_from_span(span, unit, etype, "rule:acronym"))
                named = _named_after(span, unit, found)
                if named is not None:
                    out.append(named)
    return out


_NAME_TAIL = re.compile(r"\s+(?:in|of|for|on)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
                        r"\s*$")


def _longer_name(doc: Doc, unit: Unit, found: list[Mention], paren: int,
                 acronym: str) -> Mention | None:
    """"the United Nations Mission in Orania (UNMO)": the model stopped the name before
    "in Orania", but the acronym spells the whole; the short mention is dropped."""
    text = doc_text(doc)
    for m in found:
        s, e = m.start - unit.start, m.end - unit.start
        if not (m.type.is_agent and 0 < paren - e <= 60 and _NAME_TAIL.match(text, e, paren)):
            continue
        span = doc.char_span(s, paren, alignment_mode="contract")
        span = _trim(span) if span is not None else None
        if span is None or not spells(acronym, span.text):
            continue
        found.remove(m)
        return mention_from_span(span, unit, m.type, "rule:acronym-name")
    return None


def _spelled_name(doc: Doc, unit: Unit, found: list[Mention], paren: int,
                  acronym: str) -> Mention | None:
    """"The Sahel People's Defence Forces (SPDF)" the model did not tag: the capitalised
    words before the acronym that it spells name an organisation (typed by its head)."""
    span = doc.char_span(0, paren, alignment_mode="contract")
    if span is None or not len(span):
        return None
    end = span.end
    while end > 0 and doc[end - 1].is_space:
        end -= 1
    start = end
    while start > 0 and (doc[start - 1].is_title or doc[start - 1].lower_ in _STOP
                         or doc[start - 1].tag_ == "POS") and not doc[start - 1].is_sent_end:
        start -= 1
    for s in range(start, end - 1):
        if not doc[s].is_title or doc[s].lower_ in ("the",):
            continue
        name = doc[s:end]
        a, b = unit.start + name.start_char, unit.start + name.end_char
        if any(m.start < b and a < m.end for m in found):
            return None
        if spells(acronym, name.text):
            etype = head_type(name.text, entity_rules()) or EntityType.ORGANIZATION
            return mention_from_span(name, unit, etype, "rule:acronym-name")
    return None


_NAMED_AFTER = re.compile(r"(?:[ ]+[A-Z][\w'-]*){1,3}")


def _named_after(span: Span, unit: Unit, found: list[Mention]) -> Mention | None:
    """"the PAWA Standby Force": capitalised words after an organisation's acronym that end
    in a type head (kg/rules/entities/heads.jsonl) name a unit or body of its own."""
    m = _NAMED_AFTER.match(doc_text(span.doc), span.end_char)
    if m is None:
        return None
    rules = entity_rules()
    ends = [span.end_char + w.end() for w in re.finditer(r"\S+", m.group(0))]
    for end in ends:  # the shortest: "the PAWA Standby Force Guards ..." in a headline
        whole = span.doc.char_span(span.start_char, end)
        if whole is None:
            continue
        etype = head_type(whole.text, rules)
        if etype is None or etype is EntityType.MEDIA_ORGANIZATION:
            continue
        s, e = unit.start + whole.start_char, unit.start + whole.end_char
        if any(f.start <= s and e <= f.end and (f.start, f.end) != (s, e) for f in found):
            return None  # inside a longer name the model found
        return mention_from_span(whole, unit, etype, "rule:acronym-unit")
    return None


def _dateline_spans(doc: Doc, unit: Unit) -> tuple[RecSpan | None, RecSpan | None]:
    """The reader's dateline and agency; else a dateline opening a line of an article."""
    if unit.dateline is not None or unit.agency is not None:
        return unit.dateline, unit.agency
    pos = 0
    for line in doc_text(doc).split("\n"):
        lead = len(line) - len(line.lstrip())
        m = DATELINE.match(line[lead:])
        if m:
            base = unit.start + pos + lead
            return (RecSpan(base + m.start("place"), base + m.end("place"), m.group("place")),
                    RecSpan(base + m.start("agency"), base + m.end("agency"), m.group("agency")))
        pos += len(line) + 1
    return None, None


def _dateline_mentions(doc: Doc, unit: Unit) -> list[Mention]:
    """The dateline place ('LAGOS') and the agency ('Reuters') of the unit."""
    out = []
    place, agency = _dateline_spans(doc, unit)
    for span, kind in ((place, "dateline"), (agency, "dateline:agency")):
        if span is None or not span.text.strip():
            continue
        if kind == "dateline":
            etype = place_type(span.text) or EntityType.PLACE
        else:
            etype = EntityType.MEDIA_ORGANIZATION
        out.append(Mention(start=span.start, end=span.end, text=span.text, type=etype,
                           unit=unit.index, sentence=_first_sentence(doc, unit, span.start),
                           source=kind))
    return out


_BYLINE_TYPES = {"person": EntityType.PERSON, "media": EntityType.MEDIA_ORGANIZATION}


def _byline_mentions(doc: Doc, unit: Unit) -> list[Mention]:
    """The people, agency and places the reader found in the unit's bylines."""
    out = []
    for span, kind in unit.bylines:
        etype = _BYLINE_TYPES.get(kind) or place_type(span.text) or EntityType.PLACE
        out.append(Mention(start=span.start, end=span.end, text=span.text, type=etype,
                           unit=unit.index, sentence=_first_sentence(doc, unit, span.start),
                           source=f"byline:{kind}"))
    return out


def _first_sentence(doc: Doc, unit: Unit, offset: int) -> tuple[int, int]:
    """The trimmed sentence after a blanked dateline (the one the dateline belongs to);
    for a line after the unit's text (a closing byline), its last sentence."""
    local = offset - unit.start
    last = None
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        last = sent
        if sent.end_char > local:
            break
    if last is None:
        return offset, offset
    a, b = _trimmed(last)
    return unit.start + a, unit.start + b


# --- positions from titles -----------------------------------------------------------------
def title_positions(doc: Doc, unit: Unit, mentions: list[Mention]) -> list[Fact]:
    """Position facts from a title before a name: 'White House spokeswoman Jane Doe'.

    The holder is the person mention; the organisation is what precedes the title
    (a demonym -> its country, a named organisation), or, for a national title with
    no country stated ('State Secretary X'), the country the unit mentions most.
    """
    rules = entity_rules()
    suffix = _title_suffix_regex()
    facts: list[Fact] = []
    by_end = {m.end: m for m in mentions if m.type is not EntityType.PERSON}
    countries = [m for m in mentions if m.type is EntityType.COUNTRY]
    for person in mentions:
        if person.type is not EntityType.PERSON or person.unit != unit.index \
                or person.source.endswith(HEADLINE):
            continue  # a headline guess may be dropped by the resolver
        local = person.start - unit.start
        window = max(0, local - _TITLE_WINDOW)
        before = doc_text(doc)[window:local]
        match = suffix.search(before)
        if match is None:
            continue
        scope = _title_scope(match.group(1), rules)
        title = match.group(1)
        if not any(c.isupper() for c in title) and scope == "country":
            continue  # "the president Amara Okafor" with a lower-case title is rare; skip
        org, rule, confidence = None, "position:title-name", 0.9
        pre_end = match.start(1)
        pre = before[:pre_end].rstrip()
        qual = re.search(r"([A-Z][\w’'-]*)$", pre)
        if qual:
            word = qual.group(1)
            end_abs = unit.start + window + len(pre)
            if end_abs in by_end and by_end[end_abs].type is not EntityType.PERSON:
                org = by_end[end_abs]
            elif rules.demonym_country(word):
                span = doc.char_span(window + qual.start(1), window + len(pre))
                if span is not None:
                    org = mention_from_span(span, unit, EntityType.COUNTRY, "rule:demonym")
        if org is None and scope == "country":
            org = _unit_country(countries, person)
            rule, confidence = "position:title-name:unit-country", 0.6
        roles: dict = {"holder": [person], "role": [_title_case(title, rules)]}
        if org is not None:
            roles["organization"] = [org]
        sent = person.sentence
        facts.append(Fact(kind="Position", category="relation", roles=roles, unit=unit.index,
                          sentence=sent, rule=rule, confidence=confidence))
    return facts


def _title_form(key: str) -> str:
    """A title key as a regex: spaces stand for any run of blanks."""
    return re.escape(key).replace(r"\ ", r"\s+")


@cache
def _title_suffix_regex() -> re.Pattern[str]:
    """One regex for 'a title, then only spaces, at the end of the text'.

    Every match ends at the same place, so the leftmost one is the longest title:
    one search instead of one per title and name.
    """
    forms = [_title_form(key) for key, scope in entity_rules().titles.items()
             if scope != "honorific"]
    return re.compile(rf"(?:^|(?<=\W))({'|'.join(forms) or '(?!)'})\s+$", re.IGNORECASE)


def _title_scope(written: str, rules: EntityRules) -> str:
    """The scope of the (non-honorific) title key that ``written`` spells."""
    scope = rules.titles.get(_fold(written))
    if scope is not None and scope != "honorific":
        return scope
    for key, scope in rules.titles.items():  # a case-folding corner: match as the search did
        if scope != "honorific" and re.fullmatch(_title_form(key), written, re.IGNORECASE):
            return scope
    raise AssertionError(f"no title key spells {written!r}")


def _title_case(title: str, rules: EntityRules) -> str:
    return rules.title_forms.get(_fold(title), title)


def _unit_country(countries: list[Mention], person: Mention) -> Mention | None:
    """The country the unit names most (ties: none); its mention nearest the person."""
    if not countries:
        return None
    counts: dict[str, int] = {}
    for m in countries:
        counts[_fold(m.text)] = counts.get(_fold(m.text), 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    top = [m for m in countries if _fold(m.text) == ranked[0][0]]
    return min(top, key=lambda m: abs(m.start - person.start))
