"""Names as written (round 12): an internal "and" kept whole, a town's local body.

1. Names with an internal "and".

The model cuts a capitalised name at its "and" when the words before the "and" are no
name of their own: "the Palau Air" + "and" + "Sea Ports Authority", "the Jamaica Dockers"
+ "and" + "Seamen's Union", "The Great and" + "General Assembly". The pattern: a body's
name (it ends in a body head: Authority, Union, Council, Directorate...) written right
after "and" with no determiner, and before the "and" capitalised words that hold no body
head, person or title of their own; they are the first half of the same name. A country
before the "and" joins only when the two halves begin a country's name the gazetteer
knows ("Turks and Caicos" + "Islands Airports Authority"); "Zambia and the Botswana Police"
(a determiner) and "the Health Ministry and Police Service" (a head before the "and")
stay two names. :func:`kg.extract.rule_mentions.joined_names` handles the cuts that end
in "and" or go on from an "of"/"for" complement.

2. A local body named by its town (:func:`local_bodies`): "the Tartu police
headquarters", "Riga cantonal police", "The Gaborone prosecutor general's office" (a town
or region, at most one lower-case level word, a local body noun). "Police in Tartu" is
left to the body rules (the gold is split between the town's police and the country's
force with that alias). The town's own mention stays (it is the
place of the events); a national police ("Latvian police", "Zambia police") is left to
the body rules, which name the country's police.

3. A country's name in the nationality's place (:func:`country_modifier`, round 16): "the
US embassy", "the Qatar police" own the body as "the Qatari police" does.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from spacy.tokens import Doc

from kg.extract.entity_rules import EntityRules
from kg.extract.spans import doc_text, in_ranges, mention_from_span, past_the, title_words
from kg.records import EntityType, Mention, Unit
from kg.resolve.places import fold, gazetteer

_BODIES = {EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION, EntityType.ARMED_FORCE,
           EntityType.MEDIA_ORGANIZATION}
# a first half the model typed as one of these may be the front of a body's name
_FRONTS = _BODIES | {EntityType.CITY, EntityType.REGION, EntityType.PLACE}


def _token_at(doc: Doc, unit: Unit, offset: int):
    local = offset - unit.start
    i = bisect_left(doc, local, key=lambda t: t.idx)  # token offsets strictly increase
    return doc[i] if i < len(doc) and doc[i].idx == local else None


def _no_head(words: list[str], rules: EntityRules) -> bool:
    """No body head ("Police", "Ministry") and no title among ``words`` (a place word,
    "Road", may begin a body's name: "the Road and Bridge Directorate")."""
    return all(rules.heads.get(w.lower()) not in _BODIES and fold(w) not in rules.titles
               for w in words)


def and_names(doc: Doc, unit: Unit, rules: EntityRules, found: list[Mention]) -> list[Mention]:
    """Join "A" + "and" + "B Head" into one body's name (see the module doc)."""
    from kg.extract.entity_types import head_type

    by_end = {m.end: m for m in found if m.antecedent is None}
    joined: dict[Mention, Mention] = {}
    gone: set[Mention] = set()
    for b in found:
        if b.antecedent is not None or b.type not in _BODIES or b in gone \
                or head_type(b.text, rules) is None or not b.text[:1].isupper():
            continue
        first = _token_at(doc, unit, b.start)
        if first is None or first.i < 2 or doc[first.i - 1].lower_ != "and" \
                or doc[first.i - 1].text != "and" or first.text.lower() in ("the", "a", "an"):
            continue
        before = doc[first.i - 2]  # the last word of the first half
        if not before.is_title:
            continue
        a = by_end.get(unit.start + before.idx + len(before.text))
        if a is not None:
            if a in gone or a.sentence != b.sentence or a.type not in _FRONTS | {
                    EntityType.COUNTRY} or not _no_head(a.text.split(), rules):
                continue
            if a.type is EntityType.COUNTRY and not _country_front(a.text, b.text):
                continue
            start, gone_a = a.start, a
        else:
            continue
        whole = doc_text_between(doc, unit, start, b.end)
        joined[b] = replace(b, start=start, text=whole, type=head_type(whole, rules) or b.type)
        if gone_a is not None:
            gone.add(gone_a)
    if not joined:
        return found
    return [joined.get(m, m) for m in found if m not in gone]


def _country_front(front: str, body: str) -> bool:
    """"Turks" + "Caicos Islands Airports Authority": the words around the "and" begin a
    country's name the gazetteer knows."""
    words = body.split()
    return any(gazetteer().country(f"{front} and {' '.join(words[:n])}") is not None
               for n in range(1, len(words)))


def doc_text_between(doc: Doc, unit: Unit, start: int, end: int) -> str:
    return doc_text(doc)[start - unit.start:end - unit.start]


# a local body noun after a town, with at most one level word before it
_LOCAL_BODY = re.compile(
    r"(?:(?:cantonal|municipal|city|regional|provincial|district|county|local|metropolitan|"
    r"state|traffic|criminal|public) )?"
    r"(?P<head>police(?: headquarters| directorate| department| command| service)?|"
    r"(?:chief )?prosecutor(?: general)?'s office|prosecutors|prosecution office|"
    r"fire (?:brigade|service|department))\b", re.IGNORECASE)
_TOWN_TYPES = {EntityType.CITY, EntityType.REGION}
# " of [the] " + capitalised words (a country's name, "and" inside it allowed)
_OF_NAME = re.compile(r" of (?:the )?([A-Z][\w'.-]*(?: (?:and )?[A-Z][\w'.-]*){0,3})")


def _town_before(doc: Doc, i: int, unit: Unit, found: list[Mention], *, country: bool):
    """The first token of the town or region named right before token ``i`` (capitalised
    words a place mention holds, or the gazetteer knows as a town or region), or None;
    with ``country``, a country's name too ("the Nauru prosecutor's office": a country's
    police is its national police, left to the body rules)."""
    k = i
    while k > 0 and i - k < 3 and doc[k - 1].is_title and doc[k - 1].is_alpha \
            and doc[k - 1].lower_ not in ("the", "a", "an"):
        k -= 1
    if k == i:
        return None
    for j in range(k, i):
        words = doc[j:i]
        a, b = unit.start + words.start_char, unit.start + words.end_char
        name = words.text
        if country and gazetteer().country(name) is not None:
            return j
        if any(m.start == a and m.end == b and m.type in _TOWN_TYPES for m in found):
            return j
        if gazetteer().country(name) is None and not _demonym(name) and \
                gazetteer().place_type(name) in _TOWN_TYPES:
            return j
    return None


def _demonym(word: str) -> bool:
    from kg.extract.entity_rules import entity_rules

    return entity_rules().is_demonym(word)


def local_bodies(doc: Doc, unit: Unit, found: list[Mention],
                 noise: list[tuple[int, int]]) -> list[Mention]:
    """A town's own police, prosecutors or fire brigade named as written (module doc, 2)."""
    text = doc_text(doc)
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for t in doc:
        if t.lower_ not in ("police", "prosecutors", "prosecutor", "fire", "cantonal",
                            "municipal", "city", "regional", "provincial", "district",
                            "county", "local", "metropolitan", "state", "traffic",
                            "criminal", "public", "chief") or (t.i and doc[t.i - 1].is_lower):
            continue
        m = _LOCAL_BODY.match(text, t.idx)
        if m is None:
            continue
        end = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if end is None:
            continue
        nxt = doc[end.end] if end.end < len(doc) else None
        if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.tag_ != "POS":
            continue  # "the Tartu police chief", "police officers": no body
        etype = EntityType.ARMED_FORCE if m.group("head").lower().startswith("police") \
            else EntityType.GOVERNMENT_BODY
        if not t.text[0].islower() or (j := _town_before(
                doc, t.i, unit, found, country=etype is EntityType.GOVERNMENT_BODY)) is None:
            continue
        if j >= 2 and doc[j - 1].lower_ == "the" and doc[j - 2].lower_ == "of":
            continue  # "the head of the Puno police": the text names the office
        span = doc[j:end.end]
        if in_ranges(noise, span.start_char, span.end_char):
            continue
        out.append(mention_from_span(span, unit, etype, "rule:local-body"))
        if span[0].i < t.i:  # the town stays a place of its own
            taken.append(doc[span[0].i:t.i])
    if not out:
        return found
    # the town before the body: a place, also when the model read it into an organisation
    towns = {(unit.start + s.start_char, unit.start + s.end_char): s for s in taken}
    kept = []
    for f in found:
        town = towns.pop((f.start, f.end), None)
        if town is not None and not f.type.is_place and f.type is not EntityType.COUNTRY:
            f = replace(f, type=gazetteer().place_type(f.text) or EntityType.CITY)
        kept.append(f)
    kept += [mention_from_span(s, unit, EntityType.COUNTRY if gazetteer().country(s.text)
                               else gazetteer().place_type(s.text) or EntityType.CITY,
                               "rule:local-body-town") for s in towns.values()]
    return kept + out


def country_suffixes(doc: Doc, unit: Unit, rules: EntityRules,
                     found: list[Mention]) -> list[Mention]:
    """3. A body's name that ends in "of COUNTRY" keeps it: the model ends "the State Border
    Guard Service" before "of Latvia", "the Office of the Prosecutor General" before "of
    Estonia". The body (a name with a body head, or an "Office of"/"Ministry of" name)
    takes the country named right after it in the same sentence; the country keeps its
    own mention (the model may leave it out: the gazetteer knows it)."""
    from kg.extract.entity_types import head_type

    text = doc_text(doc)
    out = []
    for m in found:
        local = text[m.end - unit.start:]
        suffix = _OF_NAME.match(local)
        if m.type not in _BODIES or m.antecedent is not None or suffix is None \
                or (head_type(m.text, rules) is None and not m.text.startswith(
                    ("Office of", "office of", "Ministry of"))):
            out.append(m)
            continue
        words = suffix.group(1).split(" ")
        n = next((n for n in range(len(words), 0, -1)
                  if gazetteer().country(" ".join(words[:n])) is not None), 0)
        if n < len(words) or words[-1] == "and":  # "of the Zambia Police Service": no
            out.append(m)
            continue
        end = m.end + suffix.start(1) + len(" ".join(words[:n]))
        out.append(replace(m, end=end, text=text[m.start - unit.start:end - unit.start]))
    return out


def article_names(doc: Doc, unit: Unit, found: list[Mention]) -> list[Mention]:
    """4. An article that is part of a name: "is expected to stay with The Centre", "told
    The Daily Courier". A capital "The" inside a sentence is written only as part of a
    name, so the organisation's mention takes it (its label "The Centre" then names it as
    written; the name without the article stays its canonical name)."""
    text = doc_text(doc)
    out = []
    for m in found:
        local = m.start - unit.start
        before = text[max(0, local - 6):local]
        if m.type in (EntityType.ORGANIZATION, EntityType.MEDIA_ORGANIZATION) \
                and m.antecedent is None and re.fullmatch(r"[a-z,;] The ", before):
            m = replace(m, start=m.start - 4, text="The " + m.text)
        out.append(m)
    return out


# 5. lowercase particles of Romance, Catalan, Dutch and German names
_PARTICLES = {"de", "del", "della", "delle", "dei", "degli", "di", "da", "das", "dos", "do",
              "du", "des", "van", "von", "der", "den", "la", "le", "y"}
_ELIDED = re.compile(r"^[dl]['’][A-ZÀ-Ý]")
# a lower-case geographic noun after such a name is part of it ("the X valley")
_GEO_HEADS = {"valley", "pass", "river", "square", "bridge", "road", "highway", "lake",
              "mountain", "mountains", "peak", "canal", "bay", "island", "islands", "gorge",
              "plateau", "crossing", "tunnel", "port", "harbour", "harbor", "district"}
_PARTICLE_KEEP = {EntityType.PERSON, EntityType.COUNTRY}


def particle_names(doc: Doc, unit: Unit, found: list[Mention]) -> list[Mention]:
    """A name with a lowercase particle is one name: "Piazza della" + "Vittoria", "Coll
    d'Ordino pass", "the Val d'Aosta valley", "Rua dos Anjos". The pattern:
    capitalised words, a particle (de, della, dos, van, von...) or an elided "d'"/"l'"
    word, capitalised words, and a lower-case geographic noun that may end it. The run
    becomes one mention when a mention the model made lies in it or a geographic noun
    ends it; it is a place unless the mention in it was a body. People's names ("Jan van
    Dijk") and countries are left to their own rules."""
    out_new: list[Mention] = []
    gone: set[Mention] = set()
    caps = title_words(doc)
    i = 0
    while i < len(doc):
        k = i
        while k < len(doc) and caps[k]:
            k += 1
        if k == i or k >= len(doc) or (i > 0 and doc[i - 1].is_title):
            i = max(k, i + 1)
            continue
        j, parts = k, 0
        while j < len(doc):
            t = doc[j]
            if t.lower_ in _PARTICLES and j + 1 < len(doc) and doc[j + 1].is_title \
                    and t.text.islower():
                j += 1
            elif _ELIDED.match(t.text):
                j += 1
                parts += 1
                while j < len(doc) and caps[j]:
                    j += 1
                continue
            else:
                break
            parts += 1
            while j < len(doc) and caps[j]:
                j += 1
        if parts == 0:
            i = k
            continue
        end = j + 1 if j < len(doc) and doc[j].lower_ in _GEO_HEADS else j
        a, b = unit.start + doc[i].idx, unit.start + doc[end - 1].idx + len(doc[end - 1])
        inside = [m for m in found if m.antecedent is None and a <= m.start and m.end <= b
                  and not m.source.startswith("rule:local")]
        across = [m for m in found if m.start < b and a < m.end and m not in inside]
        if across or any(m.type in _PARTICLE_KEEP for m in inside) \
                or not (inside or end > j) or any(m.start == a and m.end == b for m in inside):
            i = end
            continue
        span = doc[i:end]
        bodies = [m for m in inside if m.type in _BODIES]
        etype = bodies[0].type if bodies and end == j else (
            gazetteer().place_type(span.text) or EntityType.PLACE)
        out_new.append(mention_from_span(span, unit, etype, "rule:particle-name"))
        gone.update(inside)
        i = end
    if not out_new:
        return found
    return [m for m in found if m not in gone] + out_new


# 6. a route named by the two places it joins ("the Valga-Valka crossing")
_ROUTE_HEADS = {"crossing", "road", "highway", "motorway", "railway", "line", "pipeline",
                "route", "corridor", "bridge", "border", "expressway", "checkpoint"}


# first parts of compounds that name no place ("Pan-American", "Trans-Siberian")
_NO_PLACE = {"Pan", "Trans", "Inter", "Anglo", "Afro", "Euro", "Sino", "Indo", "Franco",
             "Greco", "Austro", "Russo", "Mid", "North", "South", "East", "West", "Upper",
             "Lower", "Central", "Greater", "New", "Old"}
_UNIT_WORDS = r"(?:District|Province|Region|County|Governorate|Oblast|State|Department)\b"


def route_ends(doc: Doc, unit: Unit, found: list[Mention]) -> list[Mention]:
    """"the Valga-Valka crossing", "the Tartu-Riga road": a route named by a hyphenated
    pair of places names both places. Each end is minted as a place (a town unless the
    gazetteer says otherwise) when one of the two is a town the gazetteer knows or the
    text names alone (not a single place's hyphenated name, "Raja-Jooseppi"), and
    neither is a demonym or a prefix ("the Thai-Cambodian border", "the Pan-American
    Highway"); an end the text names as a district or province is that region's mention.
    The route's own name is left to the other rules."""
    text = doc_text(doc)
    out = list(found)
    for t in doc[1:-2]:
        if t.text not in ("-", "–") or t.whitespace_:
            continue
        a, b, head = doc[t.i - 1], doc[t.i + 1], doc[t.i + 2]
        if a.whitespace_ or not a.is_title \
                or not b.is_title or not a.is_alpha or not b.is_alpha \
                or head.lower_ not in _ROUTE_HEADS:
            continue
        if any(_demonym(x.text) or x.text in _NO_PLACE for x in (a, b)) or not any(
                gazetteer().place_type(x.text) in _TOWN_TYPES
                or re.search(rf"(?<![-\w]){re.escape(x.text)}(?![-\w])", text)
                for x in (a, b)):
            continue  # "the Thai-Cambodian border", "the Pan-American Highway"
        for x in (a, b):
            if re.search(rf"\b{re.escape(x.text)} {_UNIT_WORDS}", text):
                continue  # "Rubavu District" is named: the region's own mention
            s, e = unit.start + x.idx, unit.start + x.idx + len(x.text)
            if any(m.start == s and m.end == e and m.type.is_place for m in out):
                continue
            out = [m for m in out if not (m.start == s and m.end == e)]
            etype = gazetteer().place_type(x.text) or EntityType.CITY
            out.append(mention_from_span(doc[x.i:x.i + 1], unit, etype, "rule:route-end"))
    return out


def headed_bodies(doc: Doc, unit: Unit, rules: EntityRules,
                  found: list[Mention]) -> list[Mention]:
    """6. A body's name the model left untagged: "the Presidency of the Republic", "the
    Office of the Ombudsman", "the Council of Ministers". The pattern: "the", a
    capitalised body head (heads.jsonl: a body, force, organisation or medium), "of",
    an optional "the" and capitalised words; no mention of the model lies in it."""
    out = list(found)
    taken = [(m.start, m.end) for m in found]
    for t in doc[1:]:
        etype = rules.heads.get(t.lower_)
        if etype not in _BODIES or not t.is_title or doc[t.i - 1].lower_ != "the" \
                or t.i + 2 >= len(doc) or doc[t.i + 1].lower_ != "of":
            continue
        k = t.i + 3 if doc[t.i + 2].lower_ == "the" else t.i + 2
        e = k
        while e < len(doc) and doc[e].is_title and doc[e].is_alpha and not doc[e].is_sent_start:
            e += 1
            if e + 1 < len(doc) and doc[e].lower_ in ("of", "for") and doc[e + 1].is_title:
                e += 1  # "the Secretariat of State for Justice"
        if e == k or (e < len(doc) and doc[e].tag_ == "POS"):
            continue  # "the Office of the President's": the office is the person's
        if e + 1 < len(doc) and doc[e].lower_ in (",", "and", "&") and doc[e + 1].is_title:
            continue  # "the Ministry of the Interior, Community Development and ...": the
            # name goes on past where this reading would cut it
        span = doc[t.i:e]
        a, b = unit.start + span.start_char, unit.start + span.end_char
        inner = [m for m in out if a <= m.start and m.end <= b and (m.start, m.end) != (a, b)]
        if any(s < b and a < x and not (a <= s and x <= b) for s, x in taken) or any(
                m.type is EntityType.PERSON or m.type.is_place for m in inner) or any(
                (s, x) == (a, b) for s, x in taken):
            continue  # a name across its ends, a person or place inside it, or found
        # the model's pieces of it ("State for Justice") give way to the whole name
        out = [m for m in out if m not in inner]
        out.append(mention_from_span(span, unit, etype, "rule:headed-body"))
        taken.append((a, b))
    return out


def country_modifier(doc: Doc, start: int) -> int | None:
    """How many tokens before ``start`` name a country used as a modifier of the body
    phrase at ``start``, after "the": "the US embassy", "the United States embassy", "the
    Qatar police" (a country's name in the demonym's place owns the body as the demonym
    would: "the Qatari police"). Only after "the", so that "across Latvia police
    detained ..." keeps its place out of the body's name."""
    for k in (3, 2, 1):
        if start - k - 1 < 0:
            continue
        words = doc[start - k:start]
        if doc[start - k - 1].lower_ != "the" or any(t.tag_ == "POS" for t in words) or \
                not words[-1].text[:1].isupper():
            continue
        if gazetteer().country(words.text):
            return k
    return None


def of_a_place(doc: Doc, end: int, named: list[tuple[int, int, Mention]]) -> bool:
    """Whether a body phrase ending before token ``end`` is followed by "of" and a town,
    region or site the model named ("the prefecture of Y", "the police of X
    District"): a body of that place, which the country's body of that kind is not."""
    if end >= len(doc) or doc[end].lower_ != "of":
        return False
    k = past_the(doc, end + 1)
    if k >= len(doc):
        return False
    at = doc[k].idx
    return any(a == at and m.type.is_place and m.type is not EntityType.COUNTRY
               for a, _b, m in named)
