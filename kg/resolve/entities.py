"""Group mentions into canonical entities, by general rules, each merge explained.

Rules, in order:

1. every mention gets a name key: a KB entry it matches, the GeoNames record a
   place name links to, the canonical name of an institution phrase ("the Peruvian
   military" -> "Armed Forces of Peru"), or its own name folded for case,
   quotes, possessives, a leading "the" and British/American spelling;
2. mentions with the same key are one entity;
3. an acronym right after a long name whose initials it spells ("... Authority (PAWA)")
   joins that name; so does an acronym spelling the initials of exactly one long name;
4. a one-word name equal to the surname of exactly one person named in full is that person;
5. a bare head noun ("the committee", "the ministry") joins the nearest compatible named
   body when there is exactly one candidate;
6. national bodies with no country stated ("the government", "the National Guard") take the
   document's dominant country: the country mentioned most, at least twice and at least
   twice as often as any other; without one they keep their bare name;
7. headline-only mentions the model found are kept only when the body confirms them.

Keys are ``Type:name`` with a name that is the same in every document for the same
referent (KB label, GeoNames name, canonical institution name), so entity IRIs are
shared across documents.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from kg.extract.entity_rules import EntityRules, entity_rules
from kg.records import Entity, EntityType, Fact, Mention
from kg.resolve.kb import KbEntry, KnowledgeBase, load_kb
from kg.resolve.places import Place, country_code, gazetteer

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "`": "'"})
_POSSESSIVE = re.compile(r"(?:'s|')$")
_WS = re.compile(r"\s+")
HEADLINE = ":headline"

# How strongly a source's type is believed when mentions of one entity disagree.
_TYPE_RANK = {"kb": 0, "rule": 1, "gazetteer": 2, "dateline": 3, "ner": 4}


@lru_cache(maxsize=65536)
def normalise_name(text: str) -> str:
    """Fold typographic quotes, case, possessives and spacing for matching (cached: the
    resolver asks for the same names many times)."""
    s = unicodedata.normalize("NFC", text).translate(_QUOTES).strip()
    s = _POSSESSIVE.sub("", s)
    s = _WS.sub(" ", s)
    if s.lower().startswith("the "):
        s = s[4:]
    return s.casefold()


@lru_cache(maxsize=65536)
def display_name(text: str) -> str:
    """A clean surface form: quotes folded, possessive dropped, title case for ALL CAPS."""
    s = unicodedata.normalize("NFC", text).translate(_QUOTES).strip()
    s = _POSSESSIVE.sub("", s).strip()
    s = _WS.sub(" ", s)
    if s.lower().startswith("the "):
        s = s[4:]
    if s.isupper() and len(s) > 5:
        s = "-".join(part.capitalize() for part in s.lower().split("-"))
        s = " ".join(w[:1].upper() + w[1:] for w in s.split(" "))
    return s


def spelling_key(text: str, rules: EntityRules) -> str:
    """normalise_name plus British -> American spelling, word by word."""
    words = normalise_name(text).split(" ")
    return " ".join(rules.spelling.get(w, w) for w in words)


def entity_type_of(value: str) -> EntityType:
    return EntityType(value)


def _is_acronym(text: str) -> bool:
    t = text.strip()
    return 2 <= len(t) <= 10 and t.replace("-", "").replace("&", "").isalnum() \
        and t.upper() == t and any(c.isalpha() for c in t)


def _source_kind(m: Mention) -> str:
    return m.source.split(":")[0]


# Sources that only ever produce names (a capital at the start of a sentence is still a name).
_NAMING_SOURCES = ("ner", "kb", "gazetteer", "dateline", "rule:title-name", "rule:surname",
                   "rule:acronym", "rule:apposition", "rule:demonym", "rule:body")


def _looks_named(m: Mention) -> bool:
    """Whether a mention is a name rather than a common noun phrase ('Law enforcement officers')."""
    if m.source.startswith(_NAMING_SOURCES):
        return True
    words = [w for w in re.split(r"[\s-]+", m.text.strip()) if w]
    if m.start == m.sentence[0] and words:
        words = words[1:]  # a sentence-initial capital says nothing
    return any(w[:1].isupper() or w[:1].isdigit() for w in words)


@dataclass(slots=True)
class _Info:
    """What the first pass learns about one mention."""

    key: str  # type-agnostic cluster key
    name: str  # canonical name proposed by this mention
    type: EntityType
    rule: str  # why it carries this key
    kb: KbEntry | None = None
    place: Place | None = None
    owner_pending: str | None = None  # body template waiting for an owner organisation
    named: bool = True  # False: a common noun or a bare title that needs an antecedent


@dataclass(slots=True)
class _Clusters:
    parent: dict[int, int] = field(default_factory=dict)
    why: dict[int, str] = field(default_factory=dict)

    def find(self, i: int) -> int:
        while self.parent.get(i, i) != i:
            i = self.parent[i]
        return i

    def union(self, child: int, root: int, rule: str) -> None:
        a, b = self.find(child), self.find(root)
        if a != b:
            self.parent[a] = b
            self.why.setdefault(child, rule)


class _Resolver:
    def __init__(self, mentions: list[Mention], kb: KnowledgeBase, rules: EntityRules):
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.kb = kb
        self.rules = rules
        self.gaz = gazetteer()
        self.info: list[_Info | None] = [None] * len(self.mentions)
        self.clusters = _Clusters()
        self.positions: list[Fact] = []

    # -- countries ------------------------------------------------------------------------
    def country_of(self, m: Mention) -> Place | None:
        if m.source == "rule:demonym":
            code = self.rules.demonym_country(m.text)
            return self.gaz.by_code.get(code) if code else None
        if m.type in (EntityType.COUNTRY, EntityType.PLACE):
            return self.gaz.country(display_name(m.text))
        return None

    def dominant_country(self) -> Place | None:
        counts: Counter[str] = Counter()
        for m in self.mentions:
            place = self.country_of(m)
            if place is not None and not m.source.endswith(HEADLINE):
                counts[place.country_code] += 1
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 2:
            return None
        if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
            return None
        return self.gaz.by_code.get(ranked[0][0])

    # -- first pass ---------------------------------------------------------------------------
    def first_pass(self) -> None:
        self.dominant = self.dominant_country()
        self.doc_countries = {p.country_code for m in self.mentions
                              if (p := self.country_of(m)) is not None}
        for i, m in enumerate(self.mentions):
            self.info[i] = self.describe(m)

    def describe(self, m: Mention) -> _Info:
        text = display_name(m.text)
        if m.source == "rule:demonym":
            place = self.country_of(m)
            if place is not None:
                return _Info(f"geo:{place.geonames_id}", place.name, EntityType.COUNTRY,
                             "demonym", place=place)
        entry = self.kb.lookup(m.text)
        if entry is not None:
            return _Info(f"kb:{entry.iri}", entry.label, entry.type, "knowledge base",
                         kb=entry)
        if m.type.is_place:
            place = self.gaz.link(text, m.type, countries=self.doc_countries)
            if place is not None:
                ptype = place.type if m.type is EntityType.PLACE else m.type
                if place.type is EntityType.COUNTRY:
                    ptype = EntityType.COUNTRY
                return _Info(f"geo:{place.geonames_id}", place.name, ptype, "GeoNames name",
                             place=place)
        if m.type in (EntityType.GOVERNMENT_BODY, EntityType.ARMED_FORCE,
                      EntityType.ORGANIZATION):
            body = self.body_name(m)
            if body is not None:
                return body
        info = _Info(f"name:{spelling_key(text, self.rules)}", text, m.type, "same name")
        info.named = _looks_named(m) and self.title_of(m) is None
        return info

    def title_of(self, m: Mention) -> tuple[str, str | None] | None:
        """(title, country code) of a bare title mention: 'the Ghanaian president'."""
        words = normalise_name(m.text).split(" ")
        code = None
        if len(words) > 1 and self.rules.demonym_country(words[0]):
            code = self.rules.demonym_country(words[0])
            words = words[1:]
        title = " ".join(words)
        return (title, code) if title in self.rules.titles else None

    def body_name(self, m: Mention) -> _Info | None:
        """Canonical name of an institution: 'Peruvian military' -> 'Armed Forces of Peru'."""
        rules = self.rules
        text = display_name(m.text)
        core = text
        owner: Place | None = None
        words = core.split(" ")
        if len(words) > 1 and rules.demonym_country(words[0]):
            owner = self.gaz.by_code.get(rules.demonym_country(words[0]) or "")
            core = " ".join(words[1:])
        poss = re.match(r"^(.+?)'s\s+(.+)$", core)
        if poss and (self.gaz.country(poss.group(1)) or poss.group(1).lower() == "the country"):
            owner = self.gaz.country(poss.group(1)) or None
            core = poss.group(2)
        for of in re.finditer(r"\s+of\s+", core):
            country = self.gaz.country(core[of.end():])
            if country is not None:
                owner, core = country, core[:of.start()]
                break
        folded = spelling_key(core, rules)
        body = rules.bodies.get(folded) or rules.bodies.get(normalise_name(core))
        if body is None:
            # an organisation's body: "the X peacekeepers", "peacekeepers of the X"
            low = normalise_name(core)
            for phrase, candidate in rules.bodies.items():
                if candidate.scope == "organization" and (
                        low.endswith(" " + phrase) or low.startswith(phrase + " of ")):
                    body = candidate
                    break
        if body is not None and body.scope == "country":
            country = owner or self.dominant
            if country is None:
                return None
            name = body.name.format(owner=country.name)
            return _Info(f"name:{spelling_key(name, rules)}", name, body.type, "body phrase")
        if body is not None and body.scope == "organization":
            return _Info(f"pending:{m.start}", core, body.type, "body phrase",
                         owner_pending=body.name)
        if body is not None and body.scope == "city":
            return _Info(f"pending-city:{m.start}", core, body.type, "body phrase",
                         owner_pending=body.name)
        # A named national body ("National Security Committee") takes its country.
        from kg.extract.entity_types import head_type

        htype = head_type(core, rules)
        head = re.split(r"\s+of\s+", normalise_name(core), maxsplit=1)[0].split(" ")[-1]
        names_a_place = any(self.gaz.country(w) or rules.is_demonym(w)
                            for w in re.findall(r"[\w'-]+", core))
        if htype in (EntityType.GOVERNMENT_BODY, EntityType.ARMED_FORCE) \
                and head in rules.national_heads and not names_a_place \
                and m.type in (EntityType.GOVERNMENT_BODY, EntityType.ARMED_FORCE) \
                and not _is_acronym(core) and core[:1].isupper() \
                and not _is_acronym(core.split(" ")[0]):  # "the UN Standby Force": the UN's
            country = owner or self.dominant
            if country is not None:
                name = f"{display_name(core)} of {country.name}"
                return _Info(f"name:{spelling_key(name, rules)}", name, m.type,
                             "national body")
        return None

    # -- second pass: clusters -----------------------------------------------------------
    def cluster(self) -> None:
        by_key: dict[str, int] = {}
        for i, inf in enumerate(self.info):
            assert inf is not None
            if inf.key in by_key:
                self.clusters.union(i, by_key[inf.key], inf.rule if inf.rule != "same name"
                                    else "same name")
            else:
                by_key[inf.key] = i
        self.link_acronyms()
        self.link_surnames()
        self.resolve_pending()
        self.link_anaphors()
        self.link_titles()
        self.link_place_anaphors()

    def _root_info(self, i: int) -> _Info:
        inf = self.info[self.clusters.find(i)]
        assert inf is not None
        return inf

    def link_acronyms(self) -> None:
        from kg.extract.acronyms import spells

        longs = [(i, m) for i, m in enumerate(self.mentions)
                 if m.type.is_agent and not _is_acronym(m.text) and len(m.text.split()) > 1
                 and self.info[i] is not None and self.info[i].kb is None]
        for i, m in enumerate(self.mentions):
            # "Ecowas": a capitalised word the text defined as an acronym counts as one
            if not (_is_acronym(m.text) or m.source == "rule:acronym") or \
                    not m.type.is_agent or self.info[i].kb is not None:
                continue
            defined = [j for j, lm in longs if 0 <= m.start - lm.end <= 4
                       and spells(m.text, lm.text)]
            if defined:
                self.clusters.union(i, defined[0], "acronym defined in text")
                continue
            roots = {self.clusters.find(j) for j, lm in longs if spells(m.text, lm.text)}
            if len(roots) == 1:
                self.clusters.union(i, roots.pop(), "acronym initials")

    def link_surnames(self) -> None:
        full: dict[str, set[int]] = {}
        for i, m in enumerate(self.mentions):
            if m.type is EntityType.PERSON and len(display_name(m.text).split()) > 1 \
                    and self.info[i].named:
                last = normalise_name(display_name(m.text).split()[-1])
                full.setdefault(last, set()).add(self.clusters.find(i))
        for i, m in enumerate(self.mentions):
            text = display_name(m.text)
            if " " in text or self.info[i].kb is not None or not m.type.is_agent \
                    or _is_acronym(m.text) or not self.info[i].named:
                continue
            roots = {self.clusters.find(j) for j in full.get(normalise_name(text), set())}
            roots = {self.clusters.find(r) for r in roots}
            if len(roots) == 1:
                root = roots.pop()
                if self.clusters.find(i) != root:
                    self.clusters.union(i, root, "surname of a person named in full")
                    self.info[i].type = EntityType.PERSON

    def resolve_pending(self) -> None:
        """Bodies owned by an organisation or a city, named after their owner."""
        for i, m in enumerate(self.mentions):
            inf = self.info[i]
            if inf is None or inf.owner_pending is None:
                continue
            owner_name = None
            if inf.key.startswith("pending-city"):
                cities = [j for j, c in enumerate(self.mentions)
                          if c.unit == m.unit and c.start < m.start
                          and self._root_info(j).type is EntityType.CITY]
                if not cities:
                    cities = [j for j, c in enumerate(self.mentions)
                              if c.unit == m.unit and self._root_info(j).type is EntityType.CITY]
                    cities.sort(key=lambda j: abs(self.mentions[j].start - m.start))
                else:
                    cities.sort(key=lambda j: -self.mentions[j].start)
                if cities:
                    owner_name = self._root_info(cities[0]).name
            else:
                nested = [j for j, c in enumerate(self.mentions) if j != i
                          and m.start <= c.start and c.end <= m.end
                          and self._root_info(j).type in (EntityType.ORGANIZATION,
                                                          EntityType.GOVERNMENT_BODY)]
                if nested:
                    owner_name = self._root_info(nested[0]).name
            if owner_name is None:
                inf.key = f"unresolved:{i}"
                continue
            name = inf.owner_pending.format(owner=owner_name)
            inf.key = f"name:{spelling_key(name, self.rules)}"
            inf.name = name
            inf.owner_pending = None
        by_key: dict[str, int] = {}
        for i, inf in enumerate(self.info):
            if inf is not None and inf.rule == "body phrase" and inf.key.startswith("name:"):
                if inf.key in by_key:
                    self.clusters.union(i, by_key[inf.key], "body phrase")
                else:
                    by_key[inf.key] = i
        # a body phrase that names the same thing as a named mention joins it
        names = {inf.key: i for i, inf in enumerate(self.info)
                 if inf is not None and inf.rule != "body phrase"}
        for k, i in by_key.items():
            if k in names:
                self.clusters.union(i, names[k], "body phrase")

    def link_anaphors(self) -> None:
        """'the committee' -> the one earlier named body whose head is 'committee'."""
        for i, m in enumerate(self.mentions):
            text = normalise_name(m.text)
            if " " in text or text not in self.rules.heads or m.type.is_place \
                    or self.info[i].rule != "same name":
                continue
            self.info[i].named = False
            cands = []
            for j in range(i - 1, -1, -1):
                c = self.mentions[j]
                if c.unit != m.unit:
                    continue
                root = self.clusters.find(j)
                rname = normalise_name(self._root_info(j).name)
                # "the mission" -> "United Nations Mission in Liberia"
                core = re.split(r"\s+(?:of|in|for|on)\s+", rname, maxsplit=1)[0]
                if root != self.clusters.find(i) and core.split(" ")[-1] == text \
                        and " " in rname:
                    cands.append(root)
            if len(set(cands)) == 1:
                self.clusters.union(i, cands[0], "anaphor: nearest named body")
            else:
                self.info[i].key = f"unresolved:{i}"

    def link_titles(self) -> None:
        """'the Ghanaian president' -> the one person a title before a name made president."""
        holders: dict[str, list[tuple[int, str | None]]] = {}
        where = {m: i for i, m in enumerate(self.mentions)}
        for fact in self.positions:
            holder = fact.roles.get("holder", [None])[0]
            role = fact.roles.get("role", [None])[0]
            if not isinstance(holder, Mention) or not isinstance(role, str) \
                    or holder not in where:
                continue
            org = (fact.roles.get("organization") or [None])[0]
            code = None
            if isinstance(org, Mention) and org in where:
                place = self.info[self.clusters.find(where[org])].place
                code = place.country_code if place is not None else None
            holders.setdefault(normalise_name(role), []).append((where[holder], code))
        for i, m in enumerate(self.mentions):
            if m.type is not EntityType.PERSON or self.info[i].named:
                continue
            found = self.title_of(m)
            if found is None:
                continue
            title, code = found
            roots = {self.clusters.find(j) for j, c in holders.get(title, [])
                     if code is None or c == code}
            if len(roots) == 1:
                self.clusters.union(i, roots.pop(), "title refers to its holder")

    def link_place_anaphors(self) -> None:
        """'the country' / 'the city' -> the nearest such place named before in the update."""
        nouns = {"country": EntityType.COUNTRY, "city": EntityType.CITY}
        for i, m in enumerate(self.mentions):
            want = nouns.get(normalise_name(m.text))
            if want is None or self.info[i].named:
                continue
            before = [j for j in range(i - 1, -1, -1) if self.mentions[j].unit == m.unit
                      and self._root_info(j).type is want and self._root_info(j).named]
            if before:
                self.clusters.union(i, self.clusters.find(before[0]),
                                    f"anaphor: nearest {normalise_name(m.text)}")
            elif want is EntityType.COUNTRY and self.dominant is not None:
                roots = {self.clusters.find(j) for j, inf in enumerate(self.info)
                         if inf.place is not None and inf.place.geonames_id
                         == self.dominant.geonames_id}
                if len(roots) == 1:
                    self.clusters.union(i, roots.pop(), "anaphor: dominant country")

    # -- entities -----------------------------------------------------------------------
    def entities(self) -> tuple[list[Entity], dict[Mention, str]]:
        groups: dict[int, list[int]] = {}
        for i in range(len(self.mentions)):
            groups.setdefault(self.clusters.find(i), []).append(i)
        entities: dict[str, Entity] = {}
        index: dict[Mention, str] = {}
        for members in groups.values():
            ms = [self.mentions[i] for i in members]
            infos = [self.info[i] for i in members]
            if all(inf.key.startswith(("unresolved:", "pending")) for inf in infos):
                continue
            if all(m.source.endswith(HEADLINE) for m in ms):
                continue
            if not any(inf.named for inf in infos):
                continue  # common nouns and bare titles with no named antecedent
            ent = self.make_entity(members)
            if ent.key in entities:
                old = entities[ent.key]
                old.mentions.extend(ent.mentions)
                old.aliases |= ent.aliases
                old.merges.extend(ent.merges)
                old.same_as = sorted(set(old.same_as) | set(ent.same_as))
            else:
                entities[ent.key] = ent
            for m in ms:
                index[m] = ent.key
        for ent in entities.values():
            ent.mentions.sort(key=lambda m: (m.start, m.end))
            ent.merges = sorted(set(ent.merges))
        return sorted(entities.values(), key=lambda e: e.key), index

    def make_entity(self, members: list[int]) -> Entity:
        ms = [self.mentions[i] for i in members]
        infos = [self.info[i] for i in members]
        kb = next((inf.kb for inf in infos if inf.kb is not None), None)
        place = next((inf.place for inf in infos if inf.place is not None), None)
        etype = self.pick_type(members)
        if kb is not None:
            name, etype = kb.label, kb.type
        elif place is not None and etype.is_place:
            name = place.name
        else:
            name = self.pick_name(members, etype)
        key = f"{etype.value}:{spelling_key(name, self.rules)}"
        ent = Entity(key=key, name=name, type=etype)
        reasons: dict[str, str] = {}
        for i, m in zip(members, ms, strict=True):
            ent.mentions.append(m)
            ent.aliases.add(m.text)
            if display_name(m.text) == name:
                continue
            rule = self.clusters.why.get(i) or self.info[i].rule
            if rule == "same name":
                rule = reasons.get(m.text) or "spelling, case or possessive folded"
            if m.text not in reasons or reasons[m.text].startswith("spelling"):
                reasons[m.text] = rule
        ent.merges = sorted(reasons.items())
        if kb is not None:
            ent.same_as = sorted({kb.iri, *kb.same_as})
        if place is not None and etype.is_place:
            ent.geonames_id = place.geonames_id
            ent.same_as = sorted({*ent.same_as, place.iri})
            ent.country_code = country_code(place)
            ent.lat, ent.long = place.lat, place.long
        return ent

    def pick_type(self, members: list[int]) -> EntityType:
        votes: Counter[EntityType] = Counter()
        best_rank = min(_TYPE_RANK.get(_source_kind(self.mentions[i]), 9) for i in members)
        for i in members:
            inf = self.info[i]
            if inf.kb is not None:
                return inf.kb.type
            if inf.place is not None:
                return inf.type
            rank = _TYPE_RANK.get(_source_kind(self.mentions[i]), 9)
            weight = 3 if rank == best_rank else 1
            if inf.rule == "surname of a person named in full":
                weight = 3
            votes[inf.type] += weight
        return votes.most_common(1)[0][0]

    def pick_name(self, members: list[int], etype: EntityType) -> str:
        infos = [self.info[i] for i in members]
        named = [inf.name for inf in infos if inf.rule in ("body phrase", "national body")
                 and inf.owner_pending is None]
        if named:
            return Counter(named).most_common(1)[0][0]
        infos = [inf for inf in infos if inf.named] or infos
        names = [inf.name for inf in infos if not _is_acronym(inf.name)] \
            or [inf.name for inf in infos]
        longest = max(len(n.split()) for n in names)
        top = [n for n in names if len(n.split()) == longest]
        return Counter(top).most_common(1)[0][0]


def resolve_entities(mentions: Iterable[Mention], *, kb: KnowledgeBase | None = None,
                     positions: Iterable[Fact] = ()
                     ) -> tuple[list[Entity], dict[Mention, str]]:
    """Canonical entities of one document's mentions; returns entities and mention -> key.

    ``positions`` (Position facts from titles before names) let a bare title ("the
    president") refer to its holder. Mentions that resolve to nothing (an unconfirmed
    headline guess, an anaphor or common noun with no antecedent) are left out of the index.
    """
    unique = list(dict.fromkeys(mentions))
    if not unique:
        return [], {}
    resolver = _Resolver(unique, kb if kb is not None else load_kb(), entity_rules())
    resolver.positions = [f for f in positions if f.kind == "Position"]
    resolver.first_pass()
    resolver.cluster()
    return resolver.entities()
