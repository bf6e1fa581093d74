"""Mentions found by rules rather than the model: institution phrases ("the government",
"the X peacekeepers"), definite heads ("the committee"), media appositions, offices,
appositive descriptions and names the model joined. Later uses of a surname and places
the model left untagged are kg/extract/missed_names.py's."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span

from kg.extract.entity_rules import EntityRules, entity_rules
from kg.extract.name_shapes import country_modifier, of_a_place
from kg.extract.spans import HEADLINE, doc_text, fold, in_ranges, mention_from_span
from kg.extract.titled_offices import office_name_start
from kg.records import EntityType, Mention, Unit
from kg.resolve.places import gazetteer

_VALUE_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}


@cache
def _body_regex() -> re.Pattern[str]:
    phrases = sorted(entity_rules().bodies, key=len, reverse=True)
    alts = "|".join(re.escape(p).replace("'", "['’]") for p in phrases)
    return re.compile(rf"\b(?:{alts})\b", re.IGNORECASE)


def body_mentions(doc: Doc, unit: Unit, rules: EntityRules, found: list[Mention],
                   noise: list[tuple[int, int]]) -> list[Mention]:
    """Institution phrases: 'the government', 'the Peruvian military', 'the X peacekeepers'.

    The mention covers the owner when the text states it ('Peruvian military',
    'peacekeepers of the X'), so that the resolver can name the institution after it.
    """
    out = []
    named = [(m.start - unit.start, m.end - unit.start, m) for m in found]
    for match in _body_regex().finditer(doc_text(doc)):
        body = rules.bodies[fold(match.group(0)).replace("’", "'")]
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or in_ranges(noise, span.start_char, span.end_char):
            continue
        # a phrase that modifies a following noun is no reference ("government bodies"),
        nxt = doc[span.end] if span.end < len(doc) else None  # nor "the Federal Government"
        if (nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.tag_ != "POS") or \
                body.written_as_name(span):
            continue
        start, end = span.start, span.end
        prev = doc[start - 1] if start > 0 else None
        if body.scope == "country":
            if of_a_place(doc, span.end, named):
                continue  # "the prefecture of X Province": X's own body, not the country's
            if prev is not None and rules.is_demonym(prev.text):
                start -= 1
            elif prev is not None and prev.tag_ == "POS" and start >= 2 and (n := next(
                    (k for k in (3, 2, 1) if start - 1 - k >= 0
                     and gazetteer().country(doc[start - 1 - k:start - 1].text)), None)):
                start -= n + 1  # "South Sudan's government": the whole country name
            elif (n := country_modifier(doc, start)) is not None:
                start -= n  # "the US embassy", "the Qatar police": the country owns it
            elif prev is not None and prev.tag_ == "POS" and (group := next(
                    (a for a, b, m in named if m.type in (EntityType.GROUP,
                                                          EntityType.ORGANIZATION)
                     and b == prev.idx), None)) is not None:
                # "the Taliban's defence ministry": a group's or organisation's own body
                start = doc.char_span(group, prev.idx, alignment_mode="expand").start
            elif body.owner_required:
                continue  # "the embassy" alone: some foreign country's
            elif prev is not None and prev.is_title and not prev.is_sent_start \
                    and not span[0].is_title:
                continue  # part of a longer name the model handles
            elif (prev is None or prev.lower_ not in {"the", "'s", "’s", "its", "their", "by"}) \
                    and not span[0].is_title and not _sized(doc, start):
                continue
        elif body.scope == "text":
            if of_a_place(doc, span.end, named):
                continue  # "the regional government of X": X's own, named with X
            # "the Bokeo provincial administration": the place's name before it is its own
            place = next((doc.char_span(a, b, alignment_mode="expand") for a, b, m in named
                          if b <= span.start_char and not doc_text(doc)[b:span.start_char].strip()
                          and m.type.is_place), None)
            if body.alone and (place is not None or prev is None or prev.lower_ != "the"
                               or (start > 1 and doc[start - 2].tag_ == "POS")):
                continue  # "the regional government" alone (bodies.jsonl ``alone``)
            k = start  # or capitalised words no entity holds, after "the"
            while k > 0 and start - k < 3 and doc[k - 1].is_title and not doc[k - 1].is_sent_start:
                k -= 1
            if place is not None:
                start = place.start
            elif prev is not None and rules.is_demonym(prev.text):
                start -= 1  # "Kuwaiti state security officers", "the Russian border guards"
            elif k < start and doc[k - 1].lower_ == "the":
                start = k
            elif prev is None or prev.lower_ not in {"the", "'s", "’s", "its", "their", "by"}:
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
        in_headline = unit.headline is not None and \
            unit.headline.start <= unit.start + sub.start_char < unit.headline.end
        # a Title Case headline's "Security Forces" is a guess the body must confirm
        out.append(mention_from_span(sub, unit, body.type,
                                     "rule:body" + (HEADLINE if in_headline else "")))
    return out


@cache
def _anaphor_regex() -> re.Pattern[str]:
    rules = entity_rules()
    heads = sorted(h for h, t in rules.heads.items()
                   if " " not in h and t in (EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION,
                                             EntityType.ARMED_FORCE)
                   and h not in rules.bodies and t is not EntityType.PLACE)
    # "the alliance" and "The Alliance" (a short form of "the X Alliance for Y" written as
    # a name): an organisation's head also with a capital (a capitalised "the Ministry"
    # whose body is not named would be given the country's name by the resolver)
    words = [*heads, *(h[:1].upper() + h[1:] for h in heads
                       if rules.heads[h] is EntityType.ORGANIZATION)]
    return re.compile(rf"\b[Tt]he\s+(?P<head>{'|'.join(map(re.escape, words))})\b")


def anaphor_mentions(doc: Doc, unit: Unit, rules: EntityRules, found: list[Mention],
                      noise: list[tuple[int, int]]) -> list[Mention]:
    """'the committee said': a definite head noun the resolver may link to a named body.

    Only a whole noun phrase counts ("the committee", not "the committee members" or
    "the office of X"); the resolver drops it when no single named body fits.
    """
    out = []
    text = doc_text(doc)
    for match in _anaphor_regex().finditer(text):
        span = doc.char_span(match.start("head"), match.end("head"))
        if span is None or in_ranges(noise, span.start_char, span.end_char):
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
    # up to two words between the article and the descriptor, or a possessive phrase in
    # lower case: "X, the prime minister's official residence"; the name starts a word
    # ("Place du 13-Mai, the square": not "Mai")
    between = r"(?:(?:[\w-]+\s+){0,2}?|(?:[a-z][\w-]*\s+)?[a-z][\w-]*['’]s\s+(?:[a-z][\w-]*\s+)?)"
    return re.compile(rf"(?<![\w-])(?P<name>{name})\s*,\s+(?i:a|an|the)\s+{between}"
                      rf"(?P<what>(?i:{alts}))\b")


def media_appositions(doc: Doc, unit: Unit, rules: EntityRules,
                       found: list[Mention]) -> list[Mention]:
    """'Canal Andino, a local TV channel': the apposition types (or finds) the name."""
    out = list(found)
    for match in _apposition_regex().finditer(doc_text(doc)):
        if not match.group("name")[0].isupper():
            continue
        etype = rules.descriptors[fold(match.group("what"))]
        span = doc.char_span(match.start("name"), match.end("name"), alignment_mode="contract")
        if span is None or any(t.ent_type_ in _VALUE_LABELS for t in span):
            continue  # "on Friday, a TV channel said": a date is no name
        # "according to Canal Andino": drop leading words the model does not see as the name
        while len(span) > 1 and not span[0].is_title:
            span = span[1:]
        a, b = unit.start + span.start_char, unit.start + span.end_char
        if etype is EntityType.PERSON and any(m.start < b and a < m.end and (m.start, m.end)
                                              != (a, b) for m in out):
            continue  # "Colonel Anar X, a spokesman": the name found is the person's
        out = [m for m in out if not (m.start == a and m.end == b and m.source != "kb")]
        if any(m.start == a and m.end == b for m in out):
            continue
        out.append(mention_from_span(span, unit, etype, "rule:apposition"))
    return out


_POSSESSIVE_REST = re.compile(r"['’][sS]\s+(?P<rest>(?:[A-Za-z]+\s+){0,2}[A-Za-z]+)")


def office_mentions(doc: Doc, unit: Unit, rules: EntityRules, found: list[Mention],
                    noise: list[tuple[int, int]]) -> list[Mention]:
    """"the Prime Minister's Office", "the President's Media Division", "the attorney
    general's office": an office named after the title of the one who heads it is a
    government body, the title and its possessive part of the name (the model keeps only
    "Media Office", or nothing)."""
    out = []
    text = doc_text(doc)
    for match in _POSSESSIVE_REST.finditer(text):
        begin = office_name_start(text, match.start(), rules)
        if begin is None:
            continue
        words = match.group("rest").split()
        end = next((k for k in range(len(words), 0, -1)
                    if rules.heads.get(fold(" ".join(words[k - 1:k]))) is
                    EntityType.GOVERNMENT_BODY or rules.heads.get(
                        fold(" ".join(words[max(0, k - 2):k]))) is EntityType.GOVERNMENT_BODY),
                   None)
        if end is None:
            continue
        stop = match.start("rest") + len(" ".join(words[:end]))
        if not re.fullmatch(r"[\w\s]+", match.group("rest")[:stop - match.start("rest")]):
            continue
        span = doc.char_span(begin, stop, alignment_mode="expand")
        if span is None or in_ranges(noise, span.start_char, span.end_char):
            continue
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.tag_ != "POS":
            continue  # "the president's office staff"
        if nxt is not None and nxt.lower_ in ("for", "of") and span.end + 1 < len(doc) and \
                doc[span.end + 1].is_title:
            continue  # "the Prosecutor's Office for Organised Crime": the name goes on
        if span[0].lower_ in ("the",):
            span = span[1:]
        in_headline = unit.headline is not None and \
            unit.headline.start <= unit.start + span.start_char < unit.headline.end
        out.append(mention_from_span(span, unit, EntityType.GOVERNMENT_BODY,
                                     "rule:office" + (HEADLINE if in_headline else "")))
    if not out:
        return found
    inside = [(m.start, m.end) for m in out]
    kept = [m for m in found if m.type.is_place or not any(
        a <= m.start and m.end <= b and (m.start, m.end) != (a, b) for a, b in inside)]
    return kept + out


_NAMED = ("ner:", "kb", "rule:acronym", "rule:apposition", "rule:kind")
_BODY_TYPES = (EntityType.GOVERNMENT_BODY, EntityType.ARMED_FORCE, EntityType.ORGANIZATION)
_PLACES = (EntityType.CITY, EntityType.REGION, EntityType.PLACE)


def _sized(doc: Doc, start: int) -> bool:
    """"the 25-seat parliament", "the 150-member assembly": a size between "the" and the
    institution noun."""
    k = start - 1
    while k > 0 and start - k < 5 and (doc[k].like_num or doc[k].text in ("-", "‐")
                                       or doc[k].lower_ in ("seat", "member", "strong")):
        k -= 1
    return k < start - 1 and doc[k].lower_ == "the"


def _after_the(doc: Doc, unit: Unit, m: Mention) -> bool:
    """Whether "the" stands right before the mention ("the Riigikogu")."""
    first = doc.char_span(m.start - unit.start, m.end - unit.start, alignment_mode="expand")
    return first is not None and first.start > 0 and doc[first.start - 1].lower_ == "the"


def _untagged_name(doc: Doc, unit: Unit, comma: int, etype: EntityType,
                   found: list[Mention]) -> Mention | None:
    """"The Saeima, the 100-seat parliament,": one to three capitalised words the model
    left untagged, opened by "the" and closed by the comma before an institution phrase,
    are the name of that institution (a foreign name the model does not know)."""
    k = comma
    while k > 0 and comma - k < 3 and doc[k - 1].is_title and doc[k - 1].is_alpha \
            and doc[k - 1].lower_ != "the":
        k -= 1
    if k == comma or k == 0 or doc[k - 1].lower_ != "the":
        return None
    span = doc[k:comma]
    a, b = unit.start + span.start_char, unit.start + span.end_char
    if any(m.start < b and a < m.end for m in found) or gazetteer().place_type(span.text) \
            or fold(span.text) in entity_rules().titles:
        return None
    return mention_from_span(span, unit, etype, "rule:apposed-name")


def appositive_descriptions(doc: Doc, unit: Unit, rules: EntityRules,
                            found: list[Mention]) -> list[Mention]:
    """"Kyrgyzstan's parliament, the Jogorku Kenesh, ..."; "the Assembly of the Republic,
    the country's parliament, ...": an institution phrase in apposition to the name of a
    body of its type is that body (it points to the name, as a resolved pronoun does),
    not the country's body of that kind the resolver would name after it."""
    if not any(m.source.startswith("rule:body") for m in found):
        return found
    by_start = {m.start: m for m in found if m.source.startswith(_NAMED)
                and m.type in _BODY_TYPES and m.antecedent is None}
    by_end = {m.end: m for m in by_start.values()}
    for m in found:  # "the Riigikogu, Estonia's parliament": a foreign name the model took
        # for a town, which the gazetteer does not know
        if m.source.startswith("ner:") and m.type in (EntityType.CITY, EntityType.PLACE) \
                and m.antecedent is None and gazetteer().place_type(m.text) is None:
            by_end.setdefault(m.end, m)
    text = doc_text(doc)
    out = []
    retyped: dict[Mention, Mention] = {}
    for m in found:
        if not m.source.startswith("rule:body") or m.source.endswith(HEADLINE):
            out.append(m)
            continue
        span = doc.char_span(m.start - unit.start, m.end - unit.start, alignment_mode="expand")
        name = None
        if span is not None:
            left = span.start
            while left > 0 and span.start - left < 6 and (
                    doc[left - 1].lower_ in ("the", "its", "their", "country", "nation")
                    or doc[left - 1].tag_ == "POS" or _sized(doc, left)):
                left -= 1
            closed = span.end < len(doc) and doc[span.end].text == ","
            if left >= 2 and doc[left - 1].text == ",":
                name = by_end.get(unit.start + doc[left - 2].idx + len(doc[left - 2]))
                if name is not None and name.type.is_place and not (
                        closed and _after_the(doc, unit, name)):
                    name = None  # "in Vecsilmala, Latvia's interior ministry said"
                if name is None and closed and not _listed(doc, left - 1, span.end):
                    name = _untagged_name(doc, unit, left - 1, m.type, found)
                    if name is not None:
                        out.append(name)
                # "... the Fiscalía, the police": the name must open the apposition
                if name is not None and _listed(doc, left - 1, span.end):
                    name = None
            if name is None and span.end + 1 < len(doc) and doc[span.end].text == ",":
                at = span.end + 1
                if doc[at].lower_ == "the" and at + 1 < len(doc):
                    at += 1
                name = by_start.get(unit.start + doc[at].idx)
                if name is not None:
                    after = doc.char_span(name.end - unit.start, name.end - unit.start + 1,
                                          alignment_mode="expand")
                    nxt = text[name.end - unit.start:].lstrip()[:1]
                    if after is None or nxt not in (",", ".", ")", ";", "") or (
                            nxt == "," and _list_goes_on(doc, after.start)):
                        name = None
        if name is not None and name.sentence == m.sentence and name.type is not m.type \
                and ((name.type is EntityType.ORGANIZATION and name.source == "ner:ORG")
                     or name.type in (EntityType.CITY, EntityType.PLACE)):
            # the model's default guess for a name with no head ("the Oliy Majlis"): the
            # phrase says what kind of body it is
            retyped[name] = replace(name, type=m.type)
            name = retyped[name]
        if name is not None and name.type is m.type and name.sentence == m.sentence:
            out.append(replace(m, antecedent=name, source="coref:apposition"))
        else:
            out.append(m)
    if retyped:
        out = [retyped.get(m, m) for m in out]
        out = [replace(m, antecedent=retyped[m.antecedent])
               if m.antecedent in retyped else m for m in out]
    return out


def _list_goes_on(doc: Doc, i: int) -> bool:
    """Whether a list goes on after the comma at or after token ``i`` ("the government,
    the Senate, the National Assembly and ...")."""
    while i < len(doc) and doc[i].text != ",":
        i += 1
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is not None and (nxt.lower_ in ("the", "a", "an", "and", "or")
                                or (nxt.is_title and nxt.pos_ == "PROPN"))


def _listed(doc: Doc, comma: int, end: int) -> bool:
    """Whether the phrase after ``comma`` goes on as a list ("..., the police and ...")."""
    return end < len(doc) and (doc[end].lower_ in ("and", "or") or (
        doc[end].text == "," and end + 1 < len(doc) and doc[end + 1].lower_ in ("and", "or")))


def _capitals_go_on(doc: Doc, at: int, rules: EntityRules, found: list[Mention],
                    unit: Unit) -> int | None:
    """The end (a character offset) of the run of capitalised words starting at ``at``
    ("Disaster Relief", "Housing and Urban Development"), or None when there is none, when
    a title starts it or stands in it ("and Foreign Minister X") or when a person or
    place the model found lies in it ("and Ghana's police")."""
    first = next((t for t in doc if t.idx == at), None)
    if first is None:
        return None
    k, end = first.i, None
    while k < len(doc):
        t = doc[k]
        pair = fold(doc[k:k + 2].text)
        if t.is_title and t.is_alpha and fold(t.text) not in rules.titles \
                and pair not in rules.titles and not t.is_sent_start:
            end, k = k + 1, k + 1
        elif t.lower_ in ("of", "for", "and") and end is not None and k + 1 < len(doc) \
                and doc[k + 1].is_title:
            k += 1
        else:
            break
    if end is None or (end < len(doc) and doc[end].tag_ == "POS"):
        return None
    stop = doc[end - 1].idx + len(doc[end - 1].text)
    if any(m.start < unit.start + stop and unit.start + at < m.end and (
            m.type is EntityType.PERSON or m.type.is_place) for m in found):
        return None
    return stop


def joined_names(doc: Doc, unit: Unit, rules: EntityRules,
                 found: list[Mention]) -> list[Mention]:
    """A body's name the model cut at its "and": "the Office for Istria" + "and Dalmatia",
    "the Ruritanian Atmospheric, Geophysical and" + "Astronomical Services Administration".
    The second part joins the first when the first is a body's name that ends in "and"
    (or a comma), or whose "of"/"for" complement the second part goes on ("Office for
    Istria and Dalmatia"), and the second part is no person or country of its own."""
    from kg.extract.entity_types import head_type

    starts = {m.start: m for m in found if m.antecedent is None}
    text = doc_text(doc)
    joined: dict[Mention, Mention] = {}
    gone: set[Mention] = set()
    for a in found:
        if a.antecedent is not None or a in gone or a.type not in _BODY_TYPES:
            continue
        local = text[a.end - unit.start:]
        gap = len(local) - len(local.lstrip())
        if a.text.endswith((" and", ",")):
            b = starts.get(a.end + gap)
            cut = True
        elif local[gap:gap + 4] == "and " and re.search(r"\s(?:of|for)\s", a.text) \
                and head_type(a.text, rules) is not None:
            b = starts.get(a.end + gap + 4)
            cut = False
            if b is None and (end := _capitals_go_on(doc, a.end - unit.start + gap + 4,
                                                     rules, found, unit)) is not None:
                # "the Administration for Civil Protection and Disaster Relief": the
                # capitals after the "and" go on with no name of their own
                whole = text[a.start - unit.start:end]
                joined[a] = replace(a, end=unit.start + end, text=whole,
                                    type=head_type(whole, rules) or a.type)
                continue
        else:
            continue
        if b is None or b.type in (EntityType.PERSON, EntityType.COUNTRY) or b in gone \
                or b.sentence != a.sentence:
            continue
        if a.text.endswith(" and") and b.type in _PLACES and " " not in a.text[:-4] and \
                head_type(a.text[:-4], rules) is None:
            # "from Kotu and" + "Tungua": one word before the "and" of a place is the
            # first place of a list, not a body's name cut short
            joined[a] = replace(a, end=a.end - 4, text=a.text[:-4], type=b.type)
            continue
        if not cut:
            after = text[b.end - unit.start:].lstrip()[:1]
            if b.type is not EntityType.ORGANIZATION or not after or after.isupper() or (
                    " " in b.text and any(rules.heads.get(w.lower()) is not None
                                          or fold(w) in rules.titles for w in b.text.split())):
                # "the Office for X and the police"; "... and Dalmatia Ltd"; "the Ministry
                # of Health and Red Cross Society" (a body of its own). "the Ministry of
                # Fisheries and" + "Marine Resources" is one name
                continue
        whole = text[a.start - unit.start:b.end - unit.start]
        etype = head_type(whole, rules) or a.type
        joined[a] = replace(a, end=b.end, text=whole, type=etype)
        gone.add(b)
    if not joined:
        return found
    return [joined.get(m, m) for m in found if m not in gone]
