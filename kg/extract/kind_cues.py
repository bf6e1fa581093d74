"""Entity types from the common nouns around a name, before the model's guess.

News says what a name is with a common noun (kg/rules/entities/kinds.jsonl):

* before it: "the village of Alibeyli", "the districts of A, B and C", "the Dakar
  neighbourhoods of A and B" (each name of the list), "state broadcaster ORTM", "the
  rights group RNDDH", "gangs such as A and B";
* after it: "Tavush province", "the capital's A and B neighbourhoods", "the Mermoz
  district of Dakar" (a district of a city is a place in it), "the Gran Grif gang";
* in an apposition: "Delmas, a district of the capital", "White Army, a youth militia";
* a named feature takes the noun into its name: "Ibo island", "the Gazela bridge",
  "the port of Guayaquil".

Two more cues need no noun: a name the model called a person or an organisation right
after a locative preposition ("near X", "in A, B and C") is a place (``rule:place-locative``),
and an organisation someone "told" is a news medium ("told AFP", ``rule:media-told``).
Cue types win over the model's (sources ``rule:kind-*``, ``rule:place-*``, ``rule:media-*``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc

from kg.extract.entity_rules import EntityRules, KindNoun, entity_rules
from kg.extract.name_spans import name_after, name_before
from kg.extract.named_sites import bare_roads, named_body, numbered_road, road_code, settlement_of
from kg.extract.paired_places import paired_place_mentions
from kg.extract.spans import HEADLINE, doc_text, mention_from_span
from kg.records import EntityType, Mention, Unit
from kg.resolve.places import gazetteer

_DETS = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those"}
_LIST = {",", "and", "&"}
# prepositions after which a bare name is a place ("near Kfar Kila", "in Khiam")
_LOCATIVE = {"in", "near", "outside", "around", "across", "towards", "toward", "into", "to",
             "from"}
_LOCATIVE_KNOWN = {"to", "from"}  # after these, only a name the gazetteer knows
# "the outskirts of X", "the centre of X": a part of a place, then "of" and the place
_PART_OF_PLACE = {"outskirts", "centre", "center", "heart", "edge", "suburbs", "vicinity",
                  "streets", "environs", "parts"}
_PLACES = {EntityType.CITY, EntityType.REGION, EntityType.PLACE}
_Typed = dict[tuple[int, int], tuple[EntityType, str]]  # token range -> type, rule


@cache
def _noun_regex() -> re.Pattern[str]:
    nouns = sorted(entity_rules().kind_nouns, key=len, reverse=True)
    # a noun that opens a hyphenated compound ("island-hopper", "district-wide") is none
    return re.compile(rf"\b(?:{'|'.join(re.escape(n) for n in nouns)})\b(?!-[^\W\d_])",
                      re.IGNORECASE)


_WORD = re.compile(r"\w+")


@cache
def _noun_starts() -> frozenset[str]:
    """The first word of every kind noun ("aid" of "aid agency")."""
    return frozenset(_WORD.match(n).group(0) for n in entity_rules().kind_nouns)


def noun_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_noun_regex()`` in ``text``, as ``finditer`` gives them.

    The regex is tried only where a word that can begin a noun starts: tried at every
    position, its 180 alternatives cost more than the rest of the entity rules. A noun
    that opens a hyphenated compound ("island-hopper", "district-wide") is no kind noun.
    """
    regex, starts, end = _noun_regex(), _noun_starts(), 0
    for word in _WORD.finditer(text):
        if word.start() < end or word.group(0).casefold() not in starts:
            continue
        m = regex.match(text, word.start())
        if m is not None:
            end = m.end()
            yield m


def _list_names(doc: Doc, start: int) -> list[tuple[int, int]]:
    """Token ranges of the names listed from ``start``: "A, B and C"."""
    out = []
    i = start
    while i < len(doc):
        end = name_after(doc, i)
        if end is None:
            break
        out.append((i, end))
        i = end
        if i < len(doc) and doc[i].text in _LIST:
            i += 1
            if i < len(doc) and doc[i].lower_ == "and":
                i += 1
            continue
        break
    return out


def _list_names_before(doc: Doc, end: int) -> list[tuple[int, int]]:
    """Token ranges of the names listed right before token ``end``: "A and B" + noun."""
    out = []
    j = end
    while j > 0:
        start = name_before(doc, j)
        if start is None:
            break
        out.append((start, j))
        j = start
        if j > 0 and doc[j - 1].text in _LIST:
            j -= 1
            if j > 0 and doc[j - 1].text == ",":
                j -= 1
            continue
        break
    return out[::-1]


def _scene_city(doc: Doc, i: int, cities: set[str]) -> bool:
    """Whether the sentence of token ``i`` opens in a city ("In Douala, police ... in the
    Bonanjo district"): a district the sentence names is one of that city's."""
    sent = doc[i].sent
    j = sent.start
    if doc[j].lower_ != "in" or j + 1 >= i:
        return False
    end = name_after(doc, j + 1)
    if end is None or end >= i or doc[end].text != ",":
        return False
    name = doc[j + 1:end].text
    return name.casefold() in cities or gazetteer().place_type(name) is EntityType.CITY


def _of_city(doc: Doc, i: int, cities: set[str]) -> bool:
    """Whether "of/in <a city>" (or "of the capital") follows token ``i``."""
    if i >= len(doc) or doc[i].lower_ not in ("of", "in"):
        return False
    j = i + 1
    if j < len(doc) and doc[j].lower_ == "the":
        if j + 1 < len(doc) and doc[j + 1].lower_ in ("capital", "city"):
            return True
        j += 1
    end = name_after(doc, j)
    if end is None:
        return False
    name = doc[j:end].text
    return name.casefold() in cities or gazetteer().place_type(name) is EntityType.CITY


def _suffix(old: list[Mention]) -> str:
    """":headline" when the mentions a cue retypes were guesses in a Title Case headline
    (the resolver keeps those only when the body confirms them)."""
    return HEADLINE if old and all(m.source.endswith(HEADLINE) for m in old) else ""


def _no_place_name(doc: Doc, s: int, e: int) -> bool:
    """Names a place noun cannot type: countries and demonyms ("south Lebanon villages",
    "the Kenyan town")."""
    text = doc[s:e].text
    return gazetteer().country(text) is not None or entity_rules().is_demonym(text)


def kind_cue_mentions(doc: Doc, unit: Unit, found: list[Mention]) -> list[Mention]:
    """``found`` with the mentions a kind noun, a locative word or "told" types (or finds)."""
    from kg.extract.entity_types import head_type

    rules = entity_rules()
    text = doc_text(doc)
    cities = {m.text.casefold() for m in found if m.type is EntityType.CITY}
    typed: _Typed = {}
    plural_ends: set[int] = set()  # where a capitalised plural unit noun ends ("Districts")
    for match in noun_matches(text):
        noun_span = doc.char_span(match.start(), match.end())
        if noun_span is None:
            continue
        noun = rules.kind_nouns[match.group(0).lower()]
        if not match.group(0).split()[-1].islower():
            # "Freedom Square", "Upper Nile State": part of a name; a unit's name the
            # model cut or missed is taken whole ("Marampa Chiefdom", "Oddar Meanchey
            # Province")
            _unit_name(doc, noun_span.start, noun_span.end, noun, typed)
            numbered_road(doc, noun_span.start, noun_span.end, typed)
            if unit.headline is None or not (
                    unit.headline.start <= unit.start + match.start() < unit.headline.end):
                # (not in a Title Case headline: "Force Guards Bissau Airport")
                _facility_name(doc, noun_span.start, noun_span.end, noun, typed)
            if noun.type is EntityType.REGION and match.group(0).lower() in _UNIT_PLURALS \
                    and len(_list_names_before(doc, noun_span.start)) > 1:
                # "Rubavu, Nyabihu and Ngororero Districts of the Western Province": a
                # capitalised plural unit noun after a list types each name
                _noun_cues(doc, noun_span.start, noun_span.end, noun, cities, typed)
                plural_ends.add(unit.start + match.end())
            elif _capitalised_units_of(doc, noun_span.start, noun_span.end, noun):
                # "the Quarters of A and B", "the Parishes of A and B": a capitalised
                # plural unit noun before "of" and a list types each name of the list
                _noun_cues(doc, noun_span.start, noun_span.end, noun, cities, typed)
            continue
        _noun_cues(doc, noun_span.start, noun_span.end, noun, cities, typed)
    bare_roads(doc, typed)
    out = found
    if typed:
        out = list(found)
        for (s, e), (etype, rule) in sorted(typed.items()):
            span = doc[s:e]
            a, b = unit.start + span.start_char, unit.start + span.end_char
            old = [m for m in out if m.start < b and a < m.end]
            if any(m.source.startswith("kb") or not (a <= m.start <= m.end <= b or (
                    m.start == a and m.end in plural_ends)) for m in old):
                continue  # a longer name ("Tavush Province Police") or a KB entry stays
            if etype in _PLACES and any(m.type is EntityType.COUNTRY for m in old):
                continue
            if etype is EntityType.PERSON and any(
                    m.type is EntityType.COUNTRY or not m.source.startswith("ner:")
                    or head_type(m.text, rules) is not None for m in old):
                continue  # "Kenya, a member of", "the ministry's spokesman"
            if etype is EntityType.PERSON and (not old or all(
                    m.type is EntityType.PERSON for m in old)):
                continue  # nothing to retype ("chief General X" keeps the model's "X")
            out = [m for m in out if m not in old]
            out.append(mention_from_span(span, unit, etype, rule + _suffix(old)))
    out = paired_place_mentions(doc, unit, _locative(doc, unit, out, rules), rules)
    return _told(doc, unit, out, rules)


def _capitalised_units_of(doc: Doc, i: int, j: int, noun: KindNoun) -> bool:
    """Whether the capitalised plural place noun at [i, j) opens "the Xs of A and B"
    (two names or more after "of")."""
    return noun.type in _PLACES and not noun.part_of_name and "of" in noun.cues and \
        doc[j - 1].lower_.endswith("s") and i > 0 and doc[i - 1].lower_ == "the" and \
        j + 1 < len(doc) and doc[j].lower_ == "of" and len(_list_names(doc, j + 1)) > 1


# singular unit nouns of the divisions that hold towns (not "municipality", "commune":
# those are the town itself); "the canton of X" names such a unit (source UNIT_OF + noun)
UNITS_ABOVE_TOWNS = frozenset({"canton", "county", "province", "parish", "department",
                               "governorate", "prefecture", "district", "region", "oblast"})
UNIT_OF = "rule:kind-unit-of:"

_UNIT_PLURALS = {"provinces", "regions", "districts", "counties", "prefectures",
                 "governorates", "communes", "municipalities"}
# region nouns that, capitalised after a name, end a unit's name ("Department", "State",
# "Zone" end the names of government bodies, groups and military zones as often)
_UNIT_NOUNS = {"province", "region", "district", "chiefdom", "county", "prefecture",
               "governorate", "oblast", "woreda", "local government area"}


def _unit_name(doc: Doc, i: int, j: int, noun: KindNoun, typed: _Typed) -> None:
    """"in Lunsar, Marampa Chiefdom, Port Loko District": a capitalised region noun
    (Province, District, Chiefdom, Region...) after a capitalised name ends a region's
    name, unless a body's name goes on ("Port Loko District Council") or the words before
    are a demonym or an adjective ("Islamic State"); compass words may open the name
    ("Southern Region")."""
    if noun.type is not EntityType.REGION or noun.part_of_name or \
            doc[i:j].text.lower() not in _UNIT_NOUNS or (
            j < len(doc) and doc[j].text[:1].isupper() and doc[j].pos_ in ("NOUN", "PROPN")
            and not doc[j].is_sent_start):
        return
    start = name_before(doc, i, limit=4)
    if start is None:
        return
    compass = entity_rules().compass
    words = doc[start:i]
    kinds = entity_rules().kind_nouns
    if any(t.lower_ not in compass and (t.pos_ != "PROPN" or entity_rules().is_demonym(t.text))
           for t in words) or _no_place_name(doc, start, i) or \
            any((k := kinds.get(t.lower_)) is not None and k.type is EntityType.REGION
                for t in words):
        return  # "Islamic State Sahel Province": a name with a unit noun inside is a group's
    typed.setdefault((start, j), (EntityType.REGION, "rule:kind-noun"))


# capitalised site nouns that end a place's name after other capitalised words ("Monrovia
# Central Prison", "Tema General Hospital"); "Church", "Mosque", "Temple", "Headquarters"
# or "Compound" after a name as often name the body or faith ("the Catholic Church"), and
# "Market" a trade bloc ("the Southern Common Market")
_NAME_ENDING_SITES = {"airport", "port", "harbour", "harbor", "prison", "penitentiary", "jail",
                      "hospital", "clinic", "stadium", "camp", "palace", "dam",
                      "reservoir", "refinery", "bridge", "square", "base", "air base",
                      "airbase", "building", "police station", "polling station",
                      "bus terminal", "bus station", "metro station", "railway station",
                      "train station", "airstrip", "depot", "fuel depot", "border post",
                      "school", "primary school", "secondary school", "high school",
                      "comprehensive school", "boarding school",
                      # a street named after a person is no person ("Sir X Y Street")
                      "street", "avenue", "road", "boulevard"}


def _facility_name(doc: Doc, i: int, j: int, noun: KindNoun, typed: _Typed) -> None:
    """"the Monrovia Central Prison", "Guayaquil Regional Prison": a capitalised site noun
    after capitalised words the model missed or mistyped ends a place's name, unless a
    body's name goes on ("Airport Authority") or the words before are only a country or a
    demonym ("Kenyan Prison")."""
    from kg.extract.entity_types import _speaks, head_type, institution_site

    if noun.type is not EntityType.PLACE or not noun.part_of_name or \
            doc[i:j].text.lower() not in _NAME_ENDING_SITES or doc[i].is_sent_start or (
            j < len(doc) and doc[j].text[:1].isupper() and doc[j].pos_ in ("NOUN", "PROPN")
            and not doc[j].is_sent_start) or (j < len(doc) and doc[j].text == "("):
        return  # "... Airport Authority", "... Camp (ABC)": a body's name
    start = name_before(doc, i, limit=5)
    if start is None or _no_place_name(doc, start, i) or \
            head_type(doc[start:i].text, entity_rules()) not in (None, EntityType.PLACE) or \
            all(t.pos_ != "PROPN" and not t.is_digit for t in doc[start:i]):
        return
    if institution_site(doc[start:j].text) and _speaks(doc[start:j]):
        return  # "X General Hospital said": the institution speaks (kg/extract/entity_types.py)
    typed.setdefault((start, j), (EntityType.PLACE, "rule:kind-noun"))


def _noun_cues(doc: Doc, i: int, j: int, noun: KindNoun, cities: set[str],
               typed: _Typed) -> None:
    """Names the noun at tokens [i, j) types, into ``typed``."""
    plural = doc[j - 1].lower_.endswith("s") and not noun.part_of_name \
        and noun.type in _PLACES
    place = noun.type in _PLACES
    # "the village of X", "the districts of A, B and C", "the port of X" (but "the Mermoz
    # district of Dakar": a singular noun right after a name names that name)
    named_before = i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].pos_ != "DET" \
        and not entity_rules().is_demonym(doc[i - 1].text)
    # "the Bangwe and Zingwangwa townships of Blantyre": names listed before a plural noun
    # are its places; "of" names the city that holds them (not "the Dakar neighbourhoods
    # of A and B", one name before)
    listed_before = plural and named_before and len(_list_names_before(doc, i)) > 1
    if noun.of_towns and j < len(doc) and doc[j].lower_ == "of" and i > 0 and \
            doc[i - 1].lower_ in _DETS:
        # "taken to the prisons of A and B", "the ports of A and B": each name after "of"
        # is the town that holds one of the sites
        for s, e in _list_names(doc, j + 1):
            if not _no_place_name(doc, s, e):
                typed.setdefault((s, e), (EntityType.CITY, "rule:kind-noun"))
        return
    if "of" in noun.cues and not listed_before and j < len(doc) and doc[j].lower_ == "of" \
            and i > 0 and \
            (doc[i - 1].lower_ in _DETS or doc[i - 1].pos_ == "ADJ" or doc[i - 1].tag_ == "POS"
             or (doc[i - 1].dep_ == "amod" and doc[i - 1].is_lower)  # "the neighbouring"
             or doc[i - 1].pos_ == "PROPN" or (doc[i - 1].dep_ == "compound"
                                               and doc[i - 1].is_lower)) \
            and (plural or not named_before or (noun.sited and name_after(doc, j + 1))):
        # "the port town of X", "the mining village of X"; "the Red Sea port of X" (a site
        # noun's name is after its "of": the words before it only say where it is)
        names = _list_names(doc, j + 1)
        if noun.part_of_name and len(names) == 1 and (
                own := _named_by_of(doc, i, j, names[0])) is not None:
            # (a port's name is no cue of its type: "the port of X" and "in X" may be
            # one town the gazetteer spells otherwise)
            typed[names[0]] = (own, "rule:kind-noun" if own is EntityType.REGION
                               else "rule:port-name")
        elif noun.part_of_name and len(names) == 1:
            typed[(i, names[0][1])] = (noun.type, "rule:kind-noun")
        elif not noun.part_of_name:
            if noun.in_city is not None and len(names) == 1 and \
                    _of_city(doc, j, cities):
                return  # "residential districts of Omdurman": the city holds them
            # "the canton of X": a unit above towns written singular before its one name
            # says its noun (kg/resolve/place_names.py keeps it apart from a town X)
            word = doc[i:j].text.lower()
            rule = f"{UNIT_OF}{word}" if word in UNITS_ABOVE_TOWNS and len(names) == 1 \
                else "rule:kind-noun"
            for s, e in names:
                if not (place and _no_place_name(doc, s, e)):
                    typed.setdefault((s, e), (noun.type, rule))
        return
    # "the worst-hit districts are A, B and C", "the hardest-hit province was X": the
    # names the noun's copula lists
    if "of" in noun.cues and not noun.part_of_name and j + 1 < len(doc) \
            and doc[j].lemma_ == "be" and doc[j].dep_ in ("ROOT", "ccomp", "conj") \
            and doc[j - 1].dep_ in ("nsubj", "nsubjpass") and doc[j - 1].head == doc[j]:
        names = _list_names(doc, j + 1)
        if plural or len(names) == 1:
            for s, e in names:
                if not (place and _no_place_name(doc, s, e)):
                    typed.setdefault((s, e), (noun.type, "rule:kind-noun"))
            return
    # "gangs such as A and B"
    if "such-as" in noun.cues and j + 1 < len(doc) and doc[j].lower_ == "such" \
            and doc[j + 1].lower_ == "as":
        for s, e in _list_names(doc, j + 2):
            typed.setdefault((s, e), (noun.type, "rule:kind-noun"))
        return
    # "state broadcaster ORTM", "the rights group RNDDH"
    if "before" in noun.cues:
        end = name_after(doc, j)
        if end is not None and not doc[j].is_sent_start:
            typed.setdefault((j, end), (noun.type, "rule:kind-noun"))
            return
    if "after" in noun.cues and _after(doc, i, j, noun, plural, cities, typed):
        return
    if "apposition" in noun.cues:
        _apposition(doc, i, j, noun, cities, typed)


def _named_by_of(doc: Doc, i: int, j: int, name: tuple[int, int]) -> EntityType | None:
    """"the island of X" is the island X (a region of its country), and "the port of X"
    the port named X when no gazetteer knows a town X: the name alone is the place (news
    writes "X" as often), not "island of X" / "port of X"; None otherwise (the port of a
    known town is a site of that town: "the port of Tema")."""
    noun = doc[i:j].text.lower()
    if noun == "island":
        return EntityType.REGION
    if noun in ("port", "harbour", "harbor") and \
            gazetteer().place_type(doc[name[0]:name[1]].text) is None:
        return EntityType.PLACE
    return None


def _after(doc: Doc, i: int, j: int, noun: KindNoun, plural: bool, cities: set[str],
           typed: _Typed) -> bool:
    """"Tavush province", "the A and B neighbourhoods", "Ibo island", "the X gang"."""
    if not plural and not noun.part_of_name and j < len(doc) and \
            doc[j].pos_ in ("NOUN", "PROPN") and not doc[j].is_sent_start:
        return False  # a modifier: "state television", "the district police command"
    before = i
    if noun.part_of_name and i > 0 and doc[i - 1].pos_ == "ADJ" and doc[i - 1].is_lower:
        before = i - 1  # "the Saint-Marc civil prison"
    place = noun.type in _PLACES
    names = [(s, e) for s, e in _list_names_before(doc, before)
             if not (place and _no_place_name(doc, s, e))
             and not (not place and _people_name(doc, s, e))]
    if not names and road_code(doc, i, j):
        typed[(i - 1, j)] = (noun.type, "rule:kind-noun")  # "the B8 highway"
        return True
    if not names:
        return False
    etype = noun.type
    if noun.in_city is not None and (_of_city(doc, j, cities)
                                     or _scene_city(doc, i, cities)):
        etype = noun.in_city
    if noun.part_of_name:
        if named_body(doc, names, i, j):
            return True  # "a Northern Railway line", "their Radio X station"
        acronym = doc[names[0][0]:names[0][1]].text.isupper() if names else False
        if len(names) == 1 and not (doc[i:j].text.lower() == "building" and acronym):
            # (not "the CENI building": a body's offices, named by the body's acronym)
            typed[(names[0][0], j)] = (etype, "rule:kind-noun")
        return True
    if len(names) == 1 and not plural and settlement_of(doc, j, noun):
        # "the Y town of X": Y is where the town X lies (a region, unless the gazetteer
        # knows Y as a town: then the model's type stands), not a "Y town"
        if gazetteer().place_type(doc[names[0][0]:names[0][1]].text) is None:
            typed.setdefault(names[0], (EntityType.REGION, "rule:kind-noun"))
        return True
    if len(names) == 1 and not plural and place:
        typed[(names[0][0], j)] = (etype, "rule:kind-noun")  # "Santa Elena province"
        return True
    for s, e in names:
        typed.setdefault((s, e), (etype, "rule:kind-noun"))
    return True


def _people_name(doc: Doc, s: int, e: int) -> bool:
    """A demonym or a country ("Ukrainian fighters", "Chad's militants"): a people's or a
    country's, not a group's name."""
    text = doc[s:e].text
    return entity_rules().is_demonym(text) or gazetteer().country(text) is not None


def _apposition(doc: Doc, i: int, j: int, noun: KindNoun, cities: set[str],
                typed: _Typed) -> None:
    """'Delmas, a district of the capital', 'White Army, a youth militia'."""
    k = i - 1
    while k > 0 and i - k <= 2 and doc[k].pos_ in ("ADJ", "NOUN") and doc[k].is_lower:
        k -= 1
    if k < 2 or doc[k].lower_ not in _DETS or doc[k - 1].text != "," or noun.part_of_name:
        return
    end = k - 1
    if end >= 3 and doc[end - 1].text == ")" and doc[end - 3].text == "(":
        end -= 3  # "the Popular Action Cell (PAC), a radical group": the name before it
    start = name_before(doc, end)
    if start is None:
        return
    etype = noun.in_city if noun.in_city is not None and _of_city(doc, j, cities) else noun.type
    if etype is EntityType.PERSON and gazetteer().place_type(doc[start:end].text) is not None:
        return  # "the capital of North Kivu, the military governor": the place is no person
    typed.setdefault((start, end), (etype, "rule:kind-apposition"))


def _locative(doc: Doc, unit: Unit, found: list[Mention], rules: EntityRules) -> list[Mention]:
    """"near Kfar Kila", "in Guayaquil, Durán and Samborondón": a name the model called a
    person or an organisation right after a locative preposition (or in a list after
    one) is a place: a city when the gazetteer knows nothing else of it."""
    from kg.extract.entity_types import head_type

    out = []
    for m in found:
        if m.type not in (EntityType.PERSON, EntityType.ORGANIZATION) or \
                not m.source.startswith("ner:"):
            out.append(m)
            continue
        span = doc.char_span(m.start - unit.start, m.end - unit.start)
        prep = _after_locative(span) if span is not None else None
        if span is None or prep is None or head_type(m.text, rules) is not None \
                or m.text.isupper() or (span.end < len(doc) and doc[span.end].tag_ == "POS") \
                or (m.type is EntityType.ORGANIZATION and span.start > 0
                    and doc[span.start - 1].lower_ == "the"):
            out.append(m)
            continue
        etype = gazetteer().place_type(m.text)
        if etype is None and prep in _LOCATIVE_KNOWN:
            # "sent a letter to Ana Ruiz", "access to Facebook, WhatsApp and X": only a
            # known place after "to"
            out.append(m)
            continue
        for s, e in _coordinated(span):
            part = doc[s:e]
            etype = gazetteer().place_type(part.text) if (s, e) != (span.start, span.end) \
                else etype
            if etype is EntityType.COUNTRY:
                continue
            out.append(mention_from_span(part, unit, etype or EntityType.CITY,
                                         "rule:place-locative" + _suffix([m])))
    return out


def _coordinated(span) -> list[tuple[int, int]]:
    """The names of "A and B" the model took for one organisation after a locative
    word ("flooded parts of A and B": two places, never one body named "A and B"); the
    span itself otherwise. Each part is capitalised words with no kind noun or body
    head."""
    rules = entity_rules()
    ands = [k for k in range(span.start + 1, span.end - 1) if span.doc[k].lower_ == "and"]
    if len(ands) != 1:
        return [(span.start, span.end)]
    parts = [(span.start, ands[0]), (ands[0] + 1, span.end)]
    for s, e in parts:
        words = span.doc[s:e]
        if not all(t.is_title or t.text in ("'s", "'", "-") for t in words) or any(
                t.lower_ in rules.heads or t.lower_ in rules.kind_nouns for t in words):
            return [(span.start, span.end)]
    return parts


def _after_locative(span) -> str | None:
    """The locative preposition the span is the object of, or is listed after ("in A, B
    and C"; not "in Baghdad, Ana Ruiz, said": a list has "and" or "or"); else None."""
    doc = span.doc
    i = span.start - 1
    coordinated = (span.end < len(doc) and doc[span.end].lower_ in ("and", "or")) or (
        span.end + 1 < len(doc) and doc[span.end].text == ","
        and doc[span.end + 1].lower_ in ("and", "or")) or _list_goes_on(doc, span.end)
    while i >= 0:
        tok = doc[i]
        if tok.lower_ in _LOCATIVE:
            return tok.lower_
        if tok.lower_ == "of" and i > 0 and doc[i - 1].lower_ in _PART_OF_PLACE:
            return "of"
        if tok.text in _LIST or tok.lower_ == "or":  # back over "A, B and" to the preposition
            while i > 0 and (doc[i].text in _LIST or doc[i].lower_ == "or"):
                coordinated = coordinated or doc[i].lower_ in ("and", "or")
                i -= 1
            if not coordinated:
                return None
            start = name_before(doc, i + 1)
            if start is None:
                return None
            i = start - 1
            continue
        return None
    return None


def _list_goes_on(doc: Doc, j: int) -> bool:
    """Whether a list of names goes on from token ``j`` to its "and"/"or": the middle
    item of "in A, B, C, D and E" is listed after the preposition too."""
    k = j
    while k < len(doc) and k - j < 12 and (doc[k].text == "," or (
            doc[k].is_title and doc[k].pos_ == "PROPN")):
        k += 1
    return k > j + 1 and doc[j].text == "," and k < len(doc) and \
        doc[k].lower_ in ("and", "or")


def _told(doc: Doc, unit: Unit, found: list[Mention], rules: EntityRules) -> list[Mention]:
    """"two officials told AFP": an organisation someone tells news is a news medium."""
    from kg.extract.entity_types import head_type

    out = []
    for m in found:
        if m.type is EntityType.ORGANIZATION and m.source.startswith("ner:"):
            span = doc.char_span(m.start - unit.start, m.end - unit.start)
            k = span.start - 1 if span is not None else -1
            if k > 0 and doc[k].lower_ == "the":
                k -= 1
            if k >= 0 and doc[k].lemma_ == "tell" and head_type(m.text, rules) is None:
                out.append(mention_from_span(span, unit, EntityType.MEDIA_ORGANIZATION,
                                             "rule:media-told" + _suffix([m])))
                continue
        out.append(m)
    return out
