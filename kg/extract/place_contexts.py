"""Small place names the model misses or mislabels where the sentence says they are places.

News names villages, islands and suburbs the model has never seen; it then labels them an
event, a product or a work ("protesters gather in Ngermid", "his home in Meyuns", "the
road between Ngermid and Meyuns"), or leaves them untagged ("380 nautical miles northwest
of Koror", "the container terminals at Malakal"). The words around the name say it is a
place:

* a name the model called an event, product, work, law or people (not a demonym)
  right after a locative preposition ("in", "at", "near", "from", "outside",
  "between"), or listed after one ("between A and B", "from A to B": each name);
* an untagged capitalised name after "in", "near", a compass word and "of" ("northwest
  of X", "south of X"), or "at" after a site noun ("the terminals at X", "the camp at
  X"), or ending a list of places after "in" or "near" ("in A, B and C"), or ending a
  route from a place ("en route from A to X").

The type is the gazetteer's when it knows the name (not as a country; a town before a
region of its name: "shelters in X" are in the town), else a city (a name the gazetteer
does not know is most often a village or a small town). The name is
not taken when a kind noun follows it ("X province", "X prison": kg/extract/kind_cues.py
names those), when it is a title, a body's head word, a demonym or a date word, or when
it stands in a Title Case headline and the gazetteer does not know it.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from kg.extract.entity_rules import entity_rules
from kg.extract.spans import in_ranges, mention_from_span
from kg.records import EntityType, Mention, Unit
from kg.resolve.places import gazetteer

# labels the model gives names it does not know as places ("gather in Ngermid" PRODUCT)
_ODD_LABELS = frozenset({"EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "NORP"})
# prepositions after which an oddly labelled name is a place
_ODD_PREPS = frozenset({"in", "at", "near", "from", "outside", "between"})
# prepositions after which an untagged name is a place ("at" only after a site noun)
_UNTAGGED_PREPS = frozenset({"in", "near"})  # (not "between": "talks between A and B")
# words inside an oddly labelled span that join two places ("A and B", "from A to B")
_JOINS = frozenset({"and", "to", ","})
# first words of a unit's or a line's name, not a place's ("in Sector West", "in Phase Two")
_NOT_PLACE_FIRST = frozenset({"sector", "zone", "phase", "section", "block", "unit", "line",
                              "grade", "level", "stage", "round"})
_DATE_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday"})
#: the source of a place found by the words around it (kg/resolve/place_names.py reads it)
CONTEXT_SOURCE = "rule:context-place"


def context_places(doc: Doc, unit: Unit, found: list[Mention],
                   noise: list[tuple[int, int]]) -> list[Mention]:
    """Place mentions for the names the words around them call places (module doc)."""
    spans = _spans(doc, unit, found)
    covered = {i for sp, _ in spans for i in range(sp.start, sp.end)}
    placed = {i for sp, m in spans if m.type.is_place for i in range(sp.start, sp.end)}
    headline = None
    if unit.headline is not None:
        headline = (unit.headline.start - unit.start, unit.headline.end - unit.start)
    out: list[Mention] = []

    def add(span: Span) -> None:
        if in_ranges(noise, span.start_char, span.end_char) or \
                any(i in covered for i in range(span.start, span.end)):
            return
        known = gazetteer().place_type(span.text)
        in_headline = headline is not None and headline[0] <= span.start_char < headline[1]
        if known is EntityType.COUNTRY or (known is None and in_headline):
            return
        out.append(mention_from_span(span, unit, known or EntityType.CITY, CONTEXT_SOURCE))
        covered.update(range(span.start, span.end))

    for ent in doc.ents:
        if ent.label_ not in _ODD_LABELS or _place_word(doc, ent.start) not in _ODD_PREPS:
            continue
        for s, e in _parts(doc, ent.start, ent.end):
            if _placeable(doc, s, e):
                add(doc[s:e])
    # untagged capitalised proper nouns, read once rather than token by token
    untagged = [not t.ent_type_ and t.pos_ == "PROPN" and _title(t) for t in doc]
    i = 1
    while i < len(doc):
        if not untagged[i] or i in covered:
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end - i < 3 and untagged[end] and end not in covered:
            end += 1
        while end + 1 < len(doc) and _hyphen(doc, end) and not doc[end + 1].ent_type_ \
                and end + 1 not in covered:
            end += 2  # "Ivano-Frankivsk": one name over its hyphen
        if (_untagged_context(doc, i) or _listed_after(doc, i, end, placed)
                or _route_end(doc, i, placed)) and _placeable(doc, i, end):
            add(doc[i:end])
        i = end
    return out


def _title(tok) -> bool:
    return tok.is_title and tok.is_alpha


def _site_word(tok) -> bool:
    """Whether a word is the kind noun of a site ("hospital", "prison", "airport")."""
    noun = entity_rules().kind_nouns.get(tok.lower_)
    return noun is not None and noun.type is EntityType.PLACE


def _hyphen(doc: Doc, k: int) -> bool:
    """Whether token ``k`` is a hyphen inside a hyphenated name ("Ivano-Frankivsk",
    "Kuressaare-Nasva"): no space around it, a capitalised word on each side."""
    return 0 < k < len(doc) - 1 and doc[k].text == "-" and not doc[k - 1].whitespace_ \
        and not doc[k].whitespace_ and _title(doc[k - 1]) and _title(doc[k + 1])


def _place_word(doc: Doc, start: int) -> str | None:
    """The locative word the name at ``start`` follows: "in", "at", ...; "compass" for
    "northwest of X"; None otherwise."""
    if start == 0:
        return None
    prev = doc[start - 1].lower_
    if prev == "of" and start > 1 and doc[start - 2].lower_ in entity_rules().compass \
            and not (start > 2 and doc[start - 3].lower_ == "the"):
        return "compass"  # "20 km northwest of X" (not "the north of X": a region's part)
    return prev


def _untagged_context(doc: Doc, i: int) -> bool:
    """Whether an untagged name at ``i`` stands where only a place can: after "in",
    "near", "between", a compass word and "of", or "at" after a site noun."""
    word = _place_word(doc, i)
    if word in _UNTAGGED_PREPS or word == "compass":
        # (not "Minister in Charge of ...": part of a title; but "the X Hospital in Y"
        # is a site in a town)
        return not (word == "in" and i > 1 and _title_word(doc[i - 2])
                    and not _site_word(doc[i - 2]))
    if word == "at" and i > 1:
        noun = entity_rules().kind_nouns.get(doc[i - 2].lemma_.lower()) or \
            entity_rules().kind_nouns.get(doc[i - 2].lower_)
        return noun is not None and noun.type is EntityType.PLACE
    return False


def _route_end(doc: Doc, i: int, placed: set[int]) -> bool:
    """Whether the name at ``i`` ends a route from a place the text found: "from A to
    X", "en route from A to X"."""
    if i < 4 or doc[i - 1].lower_ != "to" or i - 2 not in placed:
        return False
    j = i - 2
    while j > 0 and j in placed:
        j -= 1
    return doc[j].lower_ == "from"


def _listed_after(doc: Doc, i: int, end: int, placed: set[int]) -> bool:
    """Whether the name ``doc[i:end]`` is in a list of places after "in" or "near" ("in
    A, B and C": C untagged, A and B found as places). After a comma it must lead on to
    another found place ("in A, B and C": B): "In Dili, Petroleum and Mineral Resources
    Minister X said" is an opening phrase's comma and a portfolio, not a list. A title
    word right after the name makes it a portfolio either way."""
    if i < 3 or doc[i - 1].lower_ not in ("and", ","):
        return False
    if end < len(doc) and _title_word(doc[end]):
        return False
    if doc[i - 1].text == "," and not (end + 1 < len(doc) and doc[end].lower_ in ("and", ",")
                                       and end + 1 in placed):
        return False
    j = i - 2
    while j > 0 and i - j < 14:
        if j not in placed:
            return False
        j -= 1
        while j > 0 and j in placed:
            j -= 1
        if doc[j].text in (",", "and"):
            j -= 1
            continue
        return doc[j].lower_ in _UNTAGGED_PREPS
    return False


def _spans(doc: Doc, unit: Unit, found: list[Mention]) -> list[tuple[Span, Mention]]:
    """Each mention of ``found`` with its tokens in ``doc`` (mentions no span covers left out)."""
    out = []
    for m in found:
        sp = doc.char_span(m.start - unit.start, m.end - unit.start, alignment_mode="expand")
        if sp is not None:
            out.append((sp, m))
    return out


def _title_word(tok) -> bool:
    rules = entity_rules()
    return tok.lower_ in rules.titles or tok.lower_ in rules.heads


def _parts(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The names of an oddly labelled span, split at "and", "to" and commas ("Ngermid and
    Meyuns" -> two names)."""
    out, s = [], start
    for k in range(start, end + 1):
        if k == end or doc[k].lower_ in _JOINS:
            if s < k:
                out.append((s, k))
            s = k + 1
    return out


def _placeable(doc: Doc, s: int, e: int) -> bool:
    """Whether tokens [s, e) can be a place's name: capitalised words only, none a title,
    a body's head word, a kind noun, a demonym or a date word; no kind noun or further
    name right after it; no possessive."""
    rules = entity_rules()
    words = doc[s:e]
    if not all(_title(t) or _hyphen(doc, t.i) for t in words) or \
            words[0].lower_ in _NOT_PLACE_FIRST:
        return False
    for t in words:
        low = t.lower_
        if low in _DATE_WORDS or _title_word(t) or low in rules.kind_nouns or \
                rules.is_demonym(t.text):
            return False
    if e < len(doc):
        nxt = doc[e]
        if nxt.lower_ in rules.kind_nouns or nxt.tag_ == "POS" or \
                (nxt.text[:1].isupper() and nxt.pos_ == "PROPN" and not nxt.is_sent_start):
            return False
    return gazetteer().country(words.text) is None


# --- descriptive places: "the national referral hospital in X" ------------------------------
# site nouns a descriptive place is named by: buildings and institutions a story's
# events happen at ("the parliament building in X", "the national referral hospital in
# X"); not camps, stations, depots or markets, which news names in passing as often
_DESCRIBED_SITES = frozenset({"building", "hospital", "police station", "headquarters",
                              "palace", "airport", "garrison", "residence"})
#: the source of a descriptive place ("the national referral hospital in X")
DESCRIBED_SOURCE = "rule:described-place"
_MODIFIERS_MAX = 3


def described_places(doc: Doc, unit: Unit, found: list[Mention],
                     noise: list[tuple[int, int]]) -> list[Mention]:
    """``found`` with the descriptive places news names by a modified site noun and the
    place it stands in: "the national referral hospital in X", "the parliament building
    in X", "an army garrison in X", "the Y building at X" (a named building then "at X":
    the whole phrase, the building's own mention given up). Not a bare site noun ("the
    police station in X": the most specific named place is X) nor a described site "at"
    a place ("the army base at X": beside it as often as in it).
    The phrase is one Place (its head without the locating phrase becomes an alias,
    kg/resolve/entities.py) and the named place inside it stays a mention of its own (the
    LocatedIn between them: kg/extract/locations.py)."""
    spans = _spans(doc, unit, found)
    by_end = {sp.end: (sp, m) for sp, m in spans}
    out = list(found)
    for sp, m in spans:
        if m.type not in (EntityType.CITY, EntityType.REGION, EntityType.PLACE) or \
                sp.start < 3 or doc[sp.start - 1].lower_ not in ("in", "at"):
            continue
        j = sp.start - 2  # the site noun's last token
        named_sp, named = by_end.get(j + 1, (None, None))
        if named is not None and named.type is EntityType.PLACE and named is not m:
            start = named_sp.start
            if doc[sp.start - 1].lower_ != "at" or start < 1 or \
                    doc[start - 1].lower_ != "the":
                continue
            drop = named
        elif doc[sp.start - 1].lower_ != "in":
            continue  # "the army base at X", "the evacuation camp at X": a site by X
        else:
            start = _described_start(doc, j)
            if start is None or any(start <= s.start < sp.start for s, _ in spans):
                continue
            drop = None
        end = sp.end
        if end < len(doc) and (k := entity_rules().kind_nouns.get(doc[end].lower_)) \
                is not None and k.type is EntityType.REGION:
            end += 1  # "the fuel depot in X district"
        phrase = doc[start:end]
        if in_ranges(noise, phrase.start_char, phrase.end_char):
            continue
        if drop is not None:
            out = [x for x in out if x is not drop]
        out.append(mention_from_span(phrase, unit, EntityType.PLACE, DESCRIBED_SOURCE))
    return out


def _site_noun(doc: Doc, j: int) -> int | None:
    """Start of the site noun ending at token ``j`` ("hospital", "police station"), or
    None."""
    for n in (2, 1):
        if j - n + 1 < 0:
            continue
        words = doc[j - n + 1:j + 1]
        if not all(t.is_lower for t in words):
            continue
        if words.text.lower() in _DESCRIBED_SITES:
            return j - n + 1
    return None


def _described_start(doc: Doc, j: int) -> int | None:
    """Start of "the/an [modifiers] SITE" ending at token ``j`` (after its article), when
    the site noun has a lower-case modifier before it ("the national referral
    hospital", not "the police station"); None otherwise."""
    s = _site_noun(doc, j)
    if s is None:
        return None
    k = s
    while k > 0 and s - k < _MODIFIERS_MAX and doc[k - 1].is_lower and \
            doc[k - 1].pos_ in ("ADJ", "NOUN", "PROPN", "VERB") and \
            doc[k - 1].tag_ not in ("VBD", "VBZ", "VBP", "MD") and doc[k - 1].lower_ not in _DETS:
        k -= 1
    if k == 0 or doc[k - 1].lower_ not in _DETS or k == s:
        return None  # (not "the (police station) in X": a bare site noun is an anaphor)
    return k


_DETS = frozenset({"the", "an", "a"})


def described_head(text: str) -> str | None:
    """"parliament building" of "parliament building in X": the head of a descriptive
    place without its locating phrase, when it has two words or more."""
    for sep in (" in ", " at "):
        head, found, _rest = text.rpartition(sep)
        if found and len(head.split()) >= 2:
            return head
    return None


# --- elliptical sites: "the port and airport of X" ------------------------------------------
#: the source of a site named by an elliptical coordination ("the port and airport of X")
ELLIPTICAL_SOURCE = "rule:elliptical-site"


def elliptical_sites(doc: Doc, unit: Unit, found: list[Mention],
                     noise: list[tuple[int, int]]) -> list[Mention]:
    """``found`` with the two sites of an elliptical coordination: "the port and airport of
    X", "the hospital and prison of X" name "port of X" and "airport of X", each a site of
    X (the first noun shares the second's "of X"). Both nouns are sited kind nouns whose
    name goes on with "of" (kg/rules/entities/kinds.jsonl); the first has an article
    before it; X is a place the text found. The second site is its own words ("airport
    of X"); the first is named "port of X" on the span of its noun. The place X stays a
    mention of its own (the LocatedIn between them: kg/extract/locations.py)."""
    spans = _spans(doc, unit, found)
    places = {sp.start: sp for sp, m in spans if m.type.is_place}
    covered = {(sp.start, sp.end) for sp, _ in spans}
    out = list(found)
    for k in [t.i for t in doc if t.lower_ == "and"]:
        if not 2 <= k < len(doc) - 3:
            continue
        first = _site_before(doc, k)
        second = _site_after(doc, k + 1)
        if first is None or second is None or doc[first - 1].lower_ not in _DETS:
            continue
        place = places.get(second + 1)
        if doc[second].lower_ != "of" or place is None:
            continue
        named = doc[k + 1:place.end]
        if in_ranges(noise, doc[first].idx, named.end_char) or \
                (named.start, named.end) in covered:
            continue
        one = mention_from_span(doc[first:k], unit, EntityType.PLACE, ELLIPTICAL_SOURCE)
        out.append(replace(one, text=f"{doc[first:k].text} of {place.text}"))
        out.append(mention_from_span(named, unit, EntityType.PLACE, ELLIPTICAL_SOURCE))
    return out


def _sited(words: str) -> bool:
    k = entity_rules().kind_nouns.get(words)
    return k is not None and k.type is EntityType.PLACE and k.sited and "of" in k.cues


def _site_before(doc: Doc, k: int) -> int | None:
    """Start of a sited kind noun (one or two lower-case words) ending right before ``k``."""
    for n in (2, 1):
        s = k - n
        if s >= 1 and all(t.is_lower for t in doc[s:k]) and _sited(doc[s:k].text):
            return s
    return None


def _site_after(doc: Doc, k: int) -> int | None:
    """End of a sited kind noun (one or two lower-case words) starting at ``k``."""
    for n in (2, 1):
        e = k + n
        if e < len(doc) and all(t.is_lower for t in doc[k:e]) and _sited(doc[k:e].text):
            return e
    return None
