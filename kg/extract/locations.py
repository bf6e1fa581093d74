"""LocatedIn relations: which named place lies in which.

The convention (docs/evaluation.md): every named city, region or place lies in its
country, and in the named region or city of the document that contains it, each
container only when it is itself an entity of the document. Two stages:

* per unit, from the text (``unit_locations``): "Kano, Nigeria"; "Baggao, Cagayan"; "near
  Chinari, in Tavush province"; "the village of Alibeyli in the Tovuz district"; "the
  Mermoz district of Dakar"; "X, in the north of Y"; "the Israeli town of X" (the
  demonym's country); "the Y town of X"; "Dhaka's Gulshan", "the capital's A and B
  neighbourhoods" (the capital of the document's country); "X, the capital of Y";
  "X in Mali's Mopti region"; "X, a region inside Y's borders";
* per document, once mentions are resolved (``document_locations`` in
  kg/extract/containment.py): the containers the
  text states, then the gazetteer's (a linked city's or region's country), then for
  each container its own containers (a village in a province lies in its country too),
  then for a site or neighbourhood nothing places the home city (kg/extract/home_city.py),
  and last, for a place whose country nothing states, the country the document is
  about (the one it names most, at least twice as often as any other).

One LocatedIn per pair of resolved entities; a container is never the place itself nor
a place inside it.
"""

from __future__ import annotations

from datetime import datetime

from spacy.tokens import Doc, Span

from kg.extract.entity_rules import entity_rules
from kg.extract.place_contexts import DESCRIBED_SOURCE
from kg.extract.spans import sentence_of
from kg.records import EntityType, Fact, Mention, Unit
from kg.resolve.places import fold, gazetteer

RANK = {EntityType.PLACE: 0, EntityType.CITY: 1, EntityType.REGION: 2, EntityType.COUNTRY: 3}
# words that may stand between a place and its container, with the compass words of
# kg/rules/entities/compass.jsonl: "Chinari, in Tavush province", "Alibeyli in the Tovuz
# district", "X, in the north of Y", "on the outskirts of Y", "X, high in Y"; "near"
# passes over the place it names ("X near the village of Y in Z": in Z, not in Y)
_BETWEEN = {",", "in", "of", "the", "a", "on", "at", "near", "part", "outskirts", "centre",
            "center", "heart", "edge", "coast", "border", "far", "remote", "high", "deep", "-",
            "–"}
_FILLER_MAX = 7
# nouns for a part of a place its possessor names: "inside Azerbaijan's borders"
_PART_NOUNS = {"border", "borders", "north", "south", "east", "west", "territory",
               "interior", "frontier", "frontiers", "northeast", "northwest", "southeast",
               "southwest", "centre", "center"}


def located_fact(unit: int, place: Mention, container: Mention, sentence: tuple[int, int],
          rule: str, confidence: float, reported: datetime | None = None) -> Fact:
    return Fact(kind="LocatedIn", category="relation",
                roles={"place": [place], "container": [container]}, unit=unit,
                sentence=sentence, rule=rule, confidence=confidence, trigger=None,
                reported=reported)


# --- per unit: what the text states -------------------------------------------------------
class _Unit:
    """A unit's place mentions by token, for the patterns."""

    def __init__(self, doc: Doc, unit: Unit, mentions: list[Mention]):
        self.doc, self.unit = doc, unit
        self.spans: list[tuple[Span, Mention]] = []
        self.at: dict[int, Mention] = {}  # first token -> mention
        self.cover: dict[int, Mention] = {}  # every token of a mention -> the mention
        self.ends: dict[Mention, int] = {}  # mention -> the token after it
        for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
            if m.type not in RANK:
                continue
            span = doc.char_span(m.start - unit.start, m.end - unit.start,
                                 alignment_mode="expand")
            if span is None or not len(span) or span.start in self.at:
                continue
            self.spans.append((span, m))
            self.at[span.start] = m
            self.ends[m] = span.end
            for i in range(span.start, span.end):
                self.cover.setdefault(i, m)

    def rank(self, m: Mention) -> int:
        """A place's rank; a name the model took for a town but the text calls a region
        by the kind noun after it ("Mukono district") ranks as a region."""
        end = self.ends.get(m)
        if m.type is EntityType.CITY and end is not None and end < len(self.doc):
            noun = entity_rules().kind_nouns.get(self.doc[end].lower_)
            if noun is not None and noun.type is EntityType.REGION:
                return RANK[EntityType.REGION]
        return RANK[m.type]

    def fact(self, place: Mention, container: Mention, span: Span, rule: str,
             confidence: float = 0.9, *, same_rank: bool = False,
             any_rank: bool = False) -> Fact | None:
        low, high = self.rank(place), self.rank(container)
        if any_rank:  # the text says the container holds the place, whatever their types
            low, same_rank = min(low, high), True
        if high < low or (high == low and not same_rank) or fold(
                place.text) == fold(container.text):
            return None
        return located_fact(self.unit.index, place, container,
                     sentence_of(self.doc[span.start:span.start + 1], self.unit),
                     rule, confidence, self.unit.stamp)


def unit_locations(doc: Doc, unit: Unit, mentions: list[Mention]) -> list[Fact]:
    """LocatedIn facts the text of one unit states."""
    u = _Unit(doc, unit, mentions)
    if not u.spans:
        return []
    out: list[Fact | None] = []
    kinds = entity_rules().kind_nouns
    for span, m in u.spans:
        out.append(_after(u, span, m, kinds))
        out.extend(_kind_of(u, span, m, kinds))
        out.append(_possessive(u, span, m))
        out.append(_scene(u, span, m, kinds))
        out.append(_apposition(u, span, m, kinds))
        out.append(_one_of(u, span, m, kinds))
        out.append(_counted_parts(u, span, m, kinds))
        out.append(_described(u, span, m))
    return [f for f in out if f is not None]


def _described(u: _Unit, span: Span, m: Mention) -> Fact | None:
    """"the parliament building in X" (one descriptive place, kg/extract/place_contexts.py):
    the place its locating phrase names contains it."""
    if m.source != DESCRIBED_SOURCE:
        return None
    inner = [pm for s, pm in u.spans if pm is not m and span.start < s.start
             and s.end <= span.end]
    return u.fact(m, inner[-1], span, "locatedin/described") if inner else None


def _apposition(u: _Unit, span: Span, m: Mention, kinds) -> Fact | None:
    """"Bangula, a trading centre in Nsanje district", "Gono Bhaban, the prime minister's
    residence in Dhaka", "Delmas, a district of the capital", "X, a region inside
    Y's borders", "X, the provincial capital of Y": the place in the apposition's
    "in"/"inside"/"within" phrase (or its possessor) or "of" after a kind noun ("a
    district of", "a suburb of") or "capital"."""
    doc = u.doc
    if span.end >= len(doc) or doc[span.end].text != ",":
        return None
    for t in span.root.children:
        if t.dep_ != "appos" or t.i <= span.end or t.i in u.cover:
            continue
        if any(c.dep_ == "conj" for c in t.children):
            continue  # "to protect X, the parliament building in Y and other buildings": a list
        for p in t.children:
            if p.dep_ != "prep" or p.lower_ not in ("in", "inside", "within", "of") or (
                    p.lower_ == "of" and t.lower_ not in kinds and t.lower_ != "capital"):
                continue
            obj = next((c for c in p.children if c.dep_ == "pobj"), None)
            if obj is None or any(c.dep_ == "conj" for c in obj.children):
                continue  # "..., the X building in Y and other buildings": a list
            if obj.i not in u.cover and obj.lower_ in _PART_NOUNS:
                # "a region inside Azerbaijan's borders", "a town in Ghana's north"
                obj = next((c for c in obj.children if c.dep_ == "poss"), obj)
            if obj.i not in u.cover and obj.lower_ in kinds:
                # "a town in Kajiado district": the name before the kind noun
                obj = next((c for c in obj.children if c.dep_ == "compound"
                            and c.i in u.cover), obj)
            if obj.lower_ == "capital" and any(c.lower_ == "the" for c in obj.children):
                return located_fact(u.unit.index, m, m, sentence_of(doc[span.start:span.start + 1],
                                                             u.unit),
                             "locatedin/capital", 0.8, u.unit.stamp)
            c = u.cover.get(obj.i)
            if c is not None and c is not m:
                return u.fact(m, c, span, "locatedin/apposition")
    return None


ONE_OF_RULE = "locatedin/one-of"
COMPASS_PART_RULE = "locatedin/compass-part"
IN_APPOSITION_RULE = "locatedin/in-apposition"


def _one_of(u: _Unit, span: Span, m: Mention, kinds) -> Fact | None:
    """A place the text names as one member of a named group or one unit of a named
    place: "X, one of the Y Islands" (in the group Y Islands), "X, one of the four
    districts of Y", "X, one of the islands of Y" (in Y). The group holds the place
    whatever the types the model gave the two ("Y Islands" a Place, X a town)."""
    doc = u.doc
    if span.end + 4 >= len(doc) or doc[span.end].text != "," \
            or doc[span.end + 1].lower_ != "one" or doc[span.end + 2].lower_ != "of":
        return None
    j = span.end + 3
    if doc[j].lower_ != "the":
        return None
    j += 1
    while j < len(doc) and (doc[j].like_num or doc[j].lower_ in _ONE_OF_FILLER):
        j += 1  # "one of the four main islands of Y"
    c = u.at.get(j)
    if c is not None:  # "one of the Y Islands": the group itself, named in the plural
        last = doc[u.ends[c] - 1]
        if last.tag_ not in ("NNS", "NNPS") and not last.lower_.endswith("s"):
            return None
        return u.fact(m, c, span, ONE_OF_RULE, any_rank=True) if c is not m else None
    # "one of the (N) districts/islands of Y": a plural unit noun, then "of" and the place
    if j + 2 < len(doc) and doc[j].tag_ == "NNS" and doc[j + 1].lower_ == "of" and (
            doc[j].lemma_.lower() in kinds or doc[j].lemma_.lower() in _GROUP_NOUNS):
        k = j + 2
        if doc[k].lower_ == "the":
            k += 1
        c = u.at.get(k)
        if c is not None and c is not m:
            return u.fact(m, c, span, ONE_OF_RULE, any_rank=True)
    return None


# words between "one of the" and the group: "one of the four main islands of Y"
_ONE_OF_FILLER = {"main", "largest", "biggest", "smallest", "outer", "inner", "northern",
                  "southern", "eastern", "western", "remote", "inhabited", "two", "three"}
# plural nouns of the members of a place that are not units of it: "the islands of Y"
_GROUP_NOUNS = {"island", "atoll", "islet", "village", "town", "suburb", "neighbourhood",
                "neighborhood", "quarter", "borough"}


def _after(u: _Unit, span: Span, m: Mention, kinds) -> Fact | None:
    """The container named after the place: "X, Y", "X, in Y province", "X in the north
    of Y", "X district of Y", "X, the capital of Y"."""
    doc = u.doc
    i, sent_end = span.end, span.sent.end
    skipped = 0
    compass = entity_rules().compass
    # "the A, B and C zones of the Y region", "the X district of Y province": a unit of
    # a unit (the kind noun may end the place's mention)
    unit_of = _unit_kind(doc, span.end - 1, kinds)
    near = False  # "X near Y (in Z)": X is beside Y, not in it (but in Z)
    while i < sent_end and skipped <= _FILLER_MAX:
        if i in u.at and near:
            near = False
            i = u.ends[u.at[i]]
            skipped += 1
            continue
        if i in u.at:
            c = u.at[i]
            if skipped == 0 or _listed(u, i, c) or _beside(doc, span.end, i, compass):
                return None
            owned = _owned(u, c)
            if owned is not None:  # "X in Mali's Mopti region": in the region (and Mali)
                c = owned
            if unit_of and m.type is c.type is EntityType.REGION:
                return u.fact(m, c, span, "locatedin/unit-of", same_rank=True)
            if skipped == 1 and doc[i - 1].text == "," and m.type is c.type is \
                    EntityType.REGION and _kind_noun(u, m) and _kind_noun(u, c) and \
                    _kind_noun(u, m) != _kind_noun(u, c):
                # "Banteay Ampil District, Oddar Meanchey Province": units of two kinds
                return u.fact(m, c, span, "locatedin/unit-chain", same_rank=True)
            rule = "locatedin/comma" if skipped == 1 and doc[i - 1].text == "," \
                else "locatedin/text"
            # "the town of X, in central Y": a part of Y by the compass, so Y is wider than
            # X even when the model gave both the same type (an island, a county)
            if doc[i - 1].lower_ in compass and doc[i - 2].lower_ == "in":
                return u.fact(m, c, span, COMPASS_PART_RULE, same_rank=True)
            # "Olbia, in Sardinia", "Kuressaare, on Saaremaa": the apposition says Y holds
            # X, so Y is the wider place whatever the types the model gave the two (an
            # island or region it took for a town, a state on an island)
            if skipped == 2 and doc[i - 2].text == "," and doc[i - 1].lower_ in ("in", "on"):
                return u.fact(m, c, span, IN_APPOSITION_RULE, any_rank=True)
            return u.fact(m, c, span, rule)
        tok = doc[i]
        low = tok.lower_
        nxt = u.at.get(i + 1)
        if low in ("and", ",") and nxt is not None and nxt.type is m.type:
            # "the A and B townships of Y", "the A, B and C zones of Y": over the list to
            # the kind noun after it
            end = next(s.end for s, pm in u.spans if pm is nxt)
            while end + 1 < sent_end and doc[end].lower_ in ("and", ",") and \
                    (more := u.at.get(end + 1)) is not None and more.type is m.type:
                end = next(s.end for s, pm in u.spans if pm is more)
            if end < sent_end and doc[end].lower_ in kinds:
                unit_of = _unit_kind(doc, end, kinds)
                i = end
                skipped += 1
                continue
        if skipped == 0 and _unit_kind(doc, i, kinds):
            unit_of = True  # "the X district of Y province"
        if low == "near":
            near = True
        if low in _BETWEEN or low in compass or low in kinds or low in ("capital", "city") \
                or (low in ("main", "largest", "second", "biggest", "provincial", "regional")
                    and skipped):
            i += 1
            skipped += 1
            continue
        return None
    return None


def _beside(doc: Doc, start: int, end: int, compass) -> bool:
    """Whether the words between a place and a name put it beside that name, not in it:
    "X, west of Tunis", "a village 20 km south of Y" (a compass word and "of" with no
    "the" before it; "in the north of Y" is inside Y)."""
    for k in range(start, end - 1):
        if doc[k].lower_ in compass and doc[k + 1].lower_ == "of" and \
                (k == 0 or doc[k - 1].lower_ != "the"):
            return True
    return False


def _unit_kind(doc: Doc, i: int, kinds) -> bool:
    """Whether token ``i`` is a region's kind noun followed by "of" ("zones of")."""
    noun = kinds.get(doc[i].lower_)
    return noun is not None and noun.type is EntityType.REGION and i + 1 < len(doc) \
        and doc[i + 1].lower_ == "of"


def _owned(u: _Unit, c: Mention) -> Mention | None:
    """The place a possessive container owns: "Mali's (central) Mopti region" -> Mopti."""
    doc = u.doc
    span = next(s for s, pm in u.spans if pm is c)
    j = span.end
    if j >= len(doc) or doc[j].tag_ != "POS":
        return None
    j += 1
    while j < len(doc) and doc[j].lower_ in entity_rules().compass:
        j += 1
    owned = u.at.get(j)
    return owned if owned is not None and owned.type in (EntityType.REGION,
                                                         EntityType.CITY) else None


def _listed(u: _Unit, i: int, c: Mention) -> bool:
    """Whether the place at token ``i`` goes on a list ("in A, B and C"), not a container.
    Names joined by commas alone, with no "and" or "or" to end them, are no list but a
    chain of containers ("in Lunsar, Marampa Chiefdom, Port Loko District, on ...")."""
    doc = u.doc
    seen = {c}
    while True:
        span = next(s for s, pm in u.spans if pm is c)
        j = span.end
        comma = j < len(doc) and doc[j].text == ","
        if comma:
            j += 1
        if j < len(doc) and doc[j].lower_ in ("and", "or"):
            j += 2 if j + 2 < len(doc) and doc[j + 1].lower_ == "the" else 1
            return j in u.at  # "in A, B and (the) C", whatever type the model gave C
        nxt = u.at.get(j) if comma else None
        if nxt is None or nxt.type is not c.type or nxt in seen:
            return False
        seen.add(nxt)
        c = nxt


def _kind_noun(u: _Unit, m: Mention) -> str | None:
    """The kind noun that ends a place's name ("district" of "Port Loko District")."""
    words = fold(m.text).split()
    return words[-1] if words and words[-1] in entity_rules().kind_nouns else None


def _kind_of(u: _Unit, span: Span, m: Mention, kinds) -> list[Fact | None]:
    """"the Israeli town of X", "the Dakar neighbourhoods of A and B": the word before the
    kind noun names the container (a demonym: its country)."""
    doc = u.doc
    j = span.start - 1
    # back over "A, B and" of a list to the "of"
    while j > 0 and doc[j].text in (",", "and"):
        j -= 1
        prev = next(((s, pm) for s, pm in u.spans if s.end == j + 1), None)
        if prev is None:
            return []
        j = prev[0].start - 1
    if j < 2 or doc[j].lower_ != "of" or doc[j - 1].lower_ not in kinds:
        return []
    k = j - 2
    while k >= 0 and doc[k].pos_ == "ADJ" and doc[k].is_lower:
        k -= 1
    if k < 0:
        return []
    before = next((pm for s, pm in u.spans if s.end == k + 1), None)
    if before is not None:
        noun = kinds[doc[j - 1].lower_]
        if before.type is EntityType.CITY and (noun.in_city is not None
                                               or noun.type is EntityType.PLACE):
            # "the Havana districts of A, B and C", "the Accra suburbs of X": parts of
            # the city, whatever the model called them (GeoNames knows no such "towns")
            return [located_fact(u.unit.index, m, before,
                          sentence_of(doc[span.start:span.start + 1], u.unit),
                          "locatedin/city-part", 0.9, u.unit.stamp)]
        return [u.fact(m, before, span, "locatedin/kind-of")]
    code = entity_rules().demonym_country(doc[k].text)
    if code is not None:
        country = next((pm for s, pm in u.spans if pm.type is EntityType.COUNTRY
                        and (p := gazetteer().country(pm.text)) is not None
                        and p.country_code == code), None)
        if country is not None:
            return [u.fact(m, country, span, "locatedin/demonym")]
        return [Fact(kind="LocatedIn", category="relation",
                     roles={"place": [m], "containerCode": [code]}, unit=u.unit.index,
                     sentence=sentence_of(doc[span.start:span.start + 1], u.unit),
                     rule="locatedin/demonym", confidence=0.8, reported=u.unit.stamp)]
    return []


# "the city's X", "the town's Y": the town the text named last
_TOWN_ANAPHORS = {"city", "town"}


def _possessive(u: _Unit, span: Span, m: Mention) -> Fact | None:
    """"Dhaka's Gulshan", "Mali's central Mopti region": the possessor is the container;
    "the capital's X" too (the capital of the document's country, settled after
    resolution)."""
    doc = u.doc
    j = span.start - 1
    while j > 1 and doc[j].lower_ in entity_rules().compass:
        j -= 1  # "Mozambique's northern Cabo Delgado province"
    if j < 1 or doc[j].tag_ != "POS":
        return None
    owner = next((pm for s, pm in u.spans if s.end == j), None)
    if owner is not None:
        return u.fact(m, owner, span, "locatedin/possessive")
    if doc[j - 1].lower_ in _TOWN_ANAPHORS and j >= 2 and doc[j - 2].lower_ == "the":
        # "the western city of X ... the city's Y district": Y lies in the town the unit
        # named last before it (the dateline's town only when it is that town)
        town = next((pm for s, pm in reversed(u.spans) if s.end <= j - 2
                     and pm.type is EntityType.CITY and pm is not m), None)
        if town is not None:
            return u.fact(m, town, span, "locatedin/city-part", any_rank=True)
    if doc[j - 1].lower_ == "capital":
        return located_fact(u.unit.index, m, m, sentence_of(doc[span.start:span.start + 1], u.unit),
                     "locatedin/capital", 0.8, u.unit.stamp)
    return None


def _scene(u: _Unit, span: Span, m: Mention, kinds) -> Fact | None:
    """"Further north, in Hiraan region, fighters entered the town of X": a town the
    sentence introduces with its kind ("the town of X") lies in the region its opening
    phrase sets the scene in, when the gazetteer does not know the town."""
    doc = u.doc
    j = span.start
    if m.type is EntityType.PLACE:
        return _scene_city(u, span, m)
    if m.type is not EntityType.CITY or j < 2 or doc[j - 1].lower_ != "of":
        return None
    noun = kinds.get(doc[j - 2].lower_)
    if noun is None or noun.type is not EntityType.CITY or gazetteer().city_candidates(m.text):
        return None  # a town GeoNames knows has its own region (_administrative)
    sent = span.sent
    for i in range(sent.start, min(sent.start + 6, j)):
        region = u.at.get(i + 1) if doc[i].lower_ == "in" else None
        if region is None or region.type is not EntityType.REGION:
            continue
        end = u.ends[region]
        if end < len(doc) and doc[end].lower_ in kinds:
            end += 1  # "in Hiraan region,"
        if end < j and doc[end].text == ",":
            return u.fact(m, region, span, "locatedin/scene")
        return None
    return None


def _scene_city(u: _Unit, span: Span, m: Mention) -> Fact | None:
    """"In Douala, police fired tear gas ... in the Bonanjo district": a square, building
    or neighbourhood of a sentence that opens in a city lies in that city (not a river,
    island or highway, which may reach beyond it)."""
    doc, sent = u.doc, span.sent
    city = u.at.get(sent.start + 1) if doc[sent.start].lower_ == "in" else None
    if city is None or city is m or city.type is not EntityType.CITY:
        return None
    end = u.ends[city]
    if end >= span.start or doc[end].text != ",":
        return None
    kinds = entity_rules().kind_nouns
    words = fold(m.text).split()
    if any((k := kinds.get(w)) is not None and k.wide for w in words[:1] + words[-1:]):
        return None
    return u.fact(m, city, span, "locatedin/scene-city", same_rank=True)


# the parts of a place a counted apposition names: "two of the poorer parts of X"
_PART_PLURALS = {"parts", "areas", "sections", "corners"}
# the town a counted apposition may point back to: "two districts of the capital"
_PART_ANAPHORS = {"capital": "locatedin/capital"}


def _counted_parts(u: _Unit, span: Span, m: Mention, kinds) -> Fact | None:
    """"A and B, two working-class districts of X", "A and B, two of the most crowded
    parts of the capital": every place of a list lies in the place a counted apposition
    makes them parts of (a plural kind noun of kinds.jsonl or "parts"/"areas", then "of"
    and the place; "the capital" is the document's capital, settled after resolution).
    Each name of the list gets its fact: the words after the list are read from each."""
    doc = u.doc
    j = span.end
    while j + 1 < len(doc) and doc[j].text in (",", "and") and (
            nxt := u.at.get(j + 1 if doc[j + 1].lower_ != "and" else j + 2)) is not None:
        j = u.ends[nxt]  # over the rest of the list: "A, B and C"
    if j == span.end and j > 0 and not (span.start > 1 and doc[span.start - 1].lower_ in (
            "and", ",")):
        return None  # one name, no list
    if j + 3 >= len(doc) or doc[j].text != "," or not doc[j + 1].like_num:
        return None
    k = j + 2
    while k < len(doc) and k - j < 8 and not (
            doc[k].tag_ in ("NNS", "NNPS") and (doc[k].lower_ in _PART_PLURALS or (
                (noun := kinds.get(doc[k].lower_)) is not None and noun.type.is_place))):
        if (doc[k].is_punct and doc[k].text != "-") or doc[k].pos_ in ("VERB", "AUX"):
            return None  # ("working-class districts": a hyphen inside a modifier)
        k += 1
    if k + 2 >= len(doc) or k - j >= 8 or doc[k + 1].lower_ != "of":
        return None
    c_at = k + 2 + (doc[k + 2].lower_ == "the")
    if doc[c_at].lower_ in _PART_ANAPHORS and doc[k + 2].lower_ == "the":
        return located_fact(u.unit.index, m, m, sentence_of(doc[span.start:span.start + 1],
                                                             u.unit),
                            _PART_ANAPHORS[doc[c_at].lower_], 0.8, u.unit.stamp)
    c = u.at.get(c_at)
    if c is None or c is m:
        return None
    return u.fact(m, c, span, "locatedin/city-part", any_rank=True)


# --- per document: resolved entities ------------------------------------------------------
