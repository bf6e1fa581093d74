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
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable

from kg.extract.entity_rules import EntityRules, entity_rules
from kg.extract.place_contexts import DESCRIBED_SOURCE, described_head
from kg.records import Entity, EntityType, Fact, Mention
from kg.resolve.body_names import _Info, article_forms, body_info
from kg.resolve.clusters import Clusters as _Clusters
from kg.resolve.kb import KnowledgeBase, load_kb
from kg.resolve.links import Links
from kg.resolve.names import (  # normalise_name is part of this module's interface
    _is_acronym,
    display_name,
    normalise_name,
    spelling_key,
)
from kg.resolve.place_names import KEPT_APART, official, place_groups
from kg.resolve.places import Place, country_code, fold, gazetteer
from kg.resolve.tiers import name_tier_governments
from kg.resolve.town_names import named_after_towns

HEADLINE = ":headline"

# How strongly a source's type is believed when mentions of one entity disagree.
_TYPE_RANK = {"kb": 0, "rule": 1, "gazetteer": 2, "dateline": 3, "ner": 4}


def entity_type_of(value: str) -> EntityType:
    return EntityType(value)


def _source_kind(m: Mention) -> str:
    return m.source.split(":")[0]


# Sources that only ever produce names (a capital at the start of a sentence is still a name).
_NAMING_SOURCES = ("ner", "kb", "gazetteer", "dateline", "rule:title-name", "rule:surname",
                   "rule:acronym", "rule:apposition", "rule:demonym", "rule:body",
                   "rule:office", "rule:local-body")


def _looks_named(m: Mention) -> bool:
    """Whether a mention is a name rather than a common noun phrase ('Law enforcement officers')."""
    if m.source.startswith(_NAMING_SOURCES):
        return True
    words = [w for w in re.split(r"[\s-]+", m.text.strip()) if w]
    if m.start == m.sentence[0] and words:
        words = words[1:]  # a sentence-initial capital says nothing
    return any(w[:1].isupper() or w[:1].isdigit() for w in words)


class _Resolver(Links):
    def __init__(self, mentions: list[Mention], kb: KnowledgeBase, rules: EntityRules):
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.kb = kb
        self.rules = rules
        self.gaz = gazetteer()
        self.place_codes: Counter[str] = self._place_codes()
        self.info: list[_Info | None] = [None] * len(self.mentions)
        self.clusters = _Clusters()
        self.positions: list[Fact] = []
        self._held: frozenset[str] | None = None
        self.described: set[int] = set()  # description mentions merged into a named body
        self.fillers: set[Mention] | None = None  # mentions that fill a role of a fact
        self.home: str | None = None  # the letterhead's country code
        self.owners: dict[Mention, str] = {}  # bodies whose sentence names their country
        # names of the countries English writes with "the" ("Gambia": "the Gambia")
        self.article_names = [p.name for c in sorted(rules.article_countries)
                              if (p := self.gaz.by_code.get(c)) is not None]

    # -- countries ------------------------------------------------------------------------
    def country_of(self, m: Mention) -> Place | None:
        if m.source == "rule:demonym":
            code = self.rules.demonym_country(m.text)
            return self.gaz.by_code.get(code) if code else None
        if m.type in (EntityType.COUNTRY, EntityType.PLACE):
            return self.country(display_name(m.text))
        return None

    def _place_codes(self) -> Counter[str]:
        """The countries of the unambiguous towns and regions the text names, counted by
        mention, when it names a country two countries share ("Congo"); else empty."""
        names = self.gaz.namesakes
        if not any(m.type in (EntityType.COUNTRY, EntityType.PLACE) and
                   fold(display_name(m.text)) in names for m in self.mentions):
            return Counter()
        codes: Counter[str] = Counter()
        for m in self.mentions:
            if m.type in (EntityType.CITY, EntityType.REGION):
                place = self.gaz.link(display_name(m.text), m.type)
                if place is not None and place.country_code:
                    codes[place.country_code] += 1
        return codes

    def dominant_country(self) -> Place | None:
        if self.home is not None and self.home in self.gaz.by_code:
            return self.gaz.by_code[self.home]  # the release's letterhead
        counts: Counter[str] = Counter()
        for m in self.mentions:
            place = self.country_of(m)
            if place is not None and not m.source.endswith(HEADLINE):
                counts[place.country_code] += 1
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 2:
            return self._country_of_places(counts)
        if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
            return None
        return self._unless_towns_elsewhere(ranked[0][0], counts)

    def _unless_towns_elsewhere(self, first: str, counts: Counter[str]) -> Place | None:
        """The country named most, unless the text's towns and regions lie in another one
        more often than that country and its own towns are written: a local story that
        names only the foreign country of one of its events ("a man arrested in X", "X's
        police") or a wire naming a neighbour's capital or mediator more often than the
        country whose towns it tells of. Then each town's mention counts for its
        country, and the winner (at least three, twice any other) is the story's country;
        without one, no country (as kg/extract/containment.py chooses the LocatedIn
        country)."""
        places = self._town_codes()
        if not places or places.most_common(1)[0][1] <= counts[first] + places[first]:
            return self.gaz.by_code.get(first)
        ranked = (counts + places).most_common(2)
        if ranked[0][1] < 3 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
            return None
        return self.gaz.by_code.get(ranked[0][0])

    def _town_codes(self) -> Counter[str]:
        """The countries of the unambiguous towns and regions of the body, one per mention,
        and one per mention of a local body or site named after such a town ("X City
        Council", "the Port of X", "X Central"): a local paper writes its town mostly
        inside the names of its council, port and constituency."""
        places: Counter[str] = Counter()
        towns: dict[str, str] = {}
        guessed: Counter[str] = Counter()  # a headline's guesses count once the body names them
        for m in self.mentions:
            if m.type in (EntityType.CITY, EntityType.REGION) and self.country_of(m) is None:
                place = self.gaz.link(name := display_name(m.text), m.type)
                if place is not None and place.country_code:
                    if m.source.endswith(HEADLINE):
                        guessed[name] += 1
                        continue
                    towns[name] = place.country_code
                    places[place.country_code] += 1
        for name, n in guessed.items():
            if name in towns:
                places[towns[name]] += n
        return places + named_after_towns(((m.text, m.type) for m in self.mentions), towns)

    def _country_of_places(self, counts: Counter[str]) -> Place | None:
        """A story that names its country once or never but its cities and regions often
        ("Police in Kathmandu ...", "the government" of a report from Belgrade): the country
        of the unambiguous cities and regions, with the countries named, when it has at least
        three such mentions and twice as many as any other country."""
        places = Counter(counts)
        for m in self.mentions:
            if m.type in (EntityType.CITY, EntityType.REGION, EntityType.PLACE) and \
                    not m.source.endswith(HEADLINE) and self.country_of(m) is None:
                place = self.gaz.link(display_name(m.text), m.type)
                if place is not None and place.country_code:
                    places[place.country_code] += 1
        ranked = places.most_common(2)
        if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and
                                                ranked[0][1] < 2 * ranked[1][1]):
            return None
        return self.gaz.by_code.get(ranked[0][0])

    # -- first pass ---------------------------------------------------------------------------
    def first_pass(self) -> None:
        self.dominant = self.dominant_country()
        self.doc_countries = {p.country_code for m in self.mentions
                              if (p := self.country_of(m)) is not None}
        if not self.doc_countries and self.dominant is not None and self.dominant.country_code:
            # a story that never names its country but whose towns lie in one ("Georgia"
            # beside Atlanta and Macon is the US state, not the country of that name)
            self.doc_countries = {self.dominant.country_code}
        for i, m in enumerate(self.mentions):
            self.info[i] = self.describe(m)
            text = normalise_name(m.text)
            if " " not in text and text in self.rules.heads and not m.type.is_place \
                    and self.info[i].rule == "same name":
                # "the bloc" twice may point back to two blocs: each finds its own
                # (kg/resolve/links.py, link_anaphors), none by its name
                self.info[i].key = f"head:{i}"
        self.group_places()
        self.name_state_words()

    def group_places(self) -> None:
        """One entity per place name, whatever each mention's type (kg/resolve/place_names)."""
        skip = {i for i, inf in enumerate(self.info)
                if inf.kb is not None or inf.rule in ("body phrase", "national body", "demonym")
                or inf.owner_pending is not None}
        names = [display_name(m.text) for m in self.mentions]
        choices = place_groups(self.mentions, names, skip, self.gaz, self.doc_countries)
        for i, c in choices.items():
            inf = self.info[i]
            inf.key, inf.name, inf.type, inf.place, inf.rule = c.key, c.name, c.type, c.place, \
                c.rule
            inf.alias, inf.named = c.alias, True

    def describe(self, m: Mention) -> _Info:
        text = display_name(m.text)
        if m.antecedent is not None:  # a pronoun: it joins its antecedent (link_pronouns)
            return _Info(f"pronoun:{m.start}", text, m.type, m.source, named=False)
        if m.source == "rule:demonym":
            place = self.country_of(m)
            if place is not None:
                return _Info(place.key, place.name, EntityType.COUNTRY,
                             "demonym", place=place)
        entry = self.kb.lookup(m.text)
        if entry is not None:
            return _Info(f"kb:{entry.iri}", entry.label, entry.type, "knowledge base",
                         kb=entry)
        if m.type.is_place and not (m.type is EntityType.PLACE and m.source.startswith("rule:")):
            # a place the text calls a neighbourhood, a bridge or a prison is not the city
            # or region of the same name
            place = self.gaz.link(text, m.type, countries=self.doc_countries)
            if place is not None and place.type is EntityType.COUNTRY:
                place = self.country(text) or place
            if place is not None:
                ptype = place.type if m.type is EntityType.PLACE else m.type
                if place.type is EntityType.COUNTRY:
                    ptype = EntityType.COUNTRY
                return _Info(place.key, place.name, ptype, "GeoNames name",
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
        if title in self.rules.titles:
            return title, code
        # "The Chief Minister said" after "The Chief Minister, X, ...", "the prefect told"
        # after "Prefect X": an office the document's positions give a holder is a bare
        # title too when written alone, whether or not kg lists it
        if m.type is EntityType.PERSON and title in self.held_roles():
            return title, code
        return None

    def held_roles(self) -> frozenset[str]:
        """The offices (folded) the document's Position facts give a holder."""
        if self._held is None:
            self._held = frozenset(normalise_name(r) for f in self.positions
                                   for r in f.roles.get("role", []) if isinstance(r, str))
        return self._held

    def body_name(self, m: Mention) -> _Info | None:
        return body_info(self, m)

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
        self.link_pronouns()
        self.link_acronyms()
        self.link_surnames()
        self.resolve_pending()
        self.link_anaphors()
        self.link_short_forms()
        self.link_titles()
        self.link_place_anaphors()
        self.link_descriptions()
        name_tier_governments(self)

    def _root_info(self, i: int) -> _Info:
        inf = self.info[self.clusters.find(i)]
        assert inf is not None
        return inf

    def resolve_pending(self) -> None:
        """Bodies owned by an organisation or a city, named after their owner."""
        pending = [i for i, inf in enumerate(self.info)
                   if inf is not None and inf.owner_pending is not None]
        cities = self._city_mentions() if pending else {}
        starts = [m.start for m in self.mentions]
        for i in pending:
            m, inf = self.mentions[i], self.info[i]
            assert inf is not None and inf.owner_pending is not None
            owner_name = None
            if inf.key.startswith("pending-city"):
                city = self._owner_city(cities.get(m.unit, ([], [])), m.start)
                if city is not None:
                    owner_name = self._root_info(city).name
            else:
                # the mentions inside this one (sorted by start: one slice), first in order
                lo, hi = bisect_left(starts, m.start), bisect_right(starts, m.end)
                nested = [j for j in range(lo, hi) if j != i and self.mentions[j].end <= m.end
                          and self._root_info(j).type in (EntityType.ORGANIZATION,
                                                          EntityType.GOVERNMENT_BODY)]
                if nested:
                    owner_name = self._root_info(nested[0]).name
                else:  # "UN Security Council": the owner's name opens the mention
                    words = display_name(m.text).split(" ")
                    if len(words) > 2 and words[0][:1].isupper():
                        head = " ".join(words[:-2]) if not words[0].isupper() else words[0]
                        owner = self.kb.lookup(head)
                        owner_name = owner.label if owner is not None else head
            if owner_name is None:
                inf.key = f"unresolved:{i}"
                continue
            force = self._peacekeeping_force(i, owner_name) \
                if inf.type is EntityType.ARMED_FORCE else None
            if force is not None:  # "UNIFIL peacekeepers", "NATO peacekeepers" of KFOR
                inf.key, inf.owner_pending = f"force:{i}", None
                inf.rule, inf.named = "peacekeepers of the one named force", False
                self.clusters.union(i, force, "peacekeepers of the one named force")
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

    def _peacekeeping_force(self, i: int, owner: str) -> int | None:
        """The one named armed force an organisation's peacekeepers belong to: the owner
        itself when it is a force ("UNIFIL peacekeepers"), else the one named force of
        the document whose name holds the owner's ("NATO-led Kosovo Force") or spells it
        ("UN" of "United Nations Interim Force in Lebanon")."""
        low = normalise_name(owner)
        # "the NATO-led Kosovo Force": where a mention of the owner ends just before
        led = {(m.unit, m.end) for m in self.mentions if normalise_name(m.text) == low}
        found = set()
        for j, m in enumerate(self.mentions):
            inf = self._root_info(j)
            if j == i or inf.type is not EntityType.ARMED_FORCE or not inf.named \
                    or inf.rule in ("body phrase", "national body") \
                    or inf.owner_pending is not None or m.antecedent is not None:
                continue
            text = normalise_name(m.text)
            words = re.findall(r"[\w]+", display_name(m.text))
            initials = "".join(w[0] for w in words[:len(owner)]).lower()
            if text == low or re.search(rf"\b{re.escape(low)}\b", text) \
                    or any((m.unit, m.start - k) in led for k in range(1, 7)) or (
                    _is_acronym(owner) and len(words) > len(owner) and initials == low):
                found.add(self.clusters.find(j))
        return found.pop() if len(found) == 1 else None

    def _city_mentions(self) -> dict[int, tuple[list[int], list[int]]]:
        """Per unit, the mentions whose cluster is a city: (their starts, their indices),
        in mention order (which is the order of their starts)."""
        out: dict[int, tuple[list[int], list[int]]] = {}
        for j, c in enumerate(self.mentions):
            if self._root_info(j).type is EntityType.CITY:
                starts, index = out.setdefault(c.unit, ([], []))
                starts.append(c.start)
                index.append(j)
        return out

    @staticmethod
    def _owner_city(cities: tuple[list[int], list[int]], start: int) -> int | None:
        """The city a city's body belongs to: the last one named before it in the update
        (the first such mention when several start there), else the nearest after it."""
        starts, index = cities
        before = bisect_left(starts, start)
        if before:
            first = bisect_left(starts, starts[before - 1])
            return index[first]
        return index[0] if index else None

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
            if self.fillers is not None and all(
                    inf.rule in ("body phrase", "national body") and (
                        (self.is_description(m.text) and inf.type is EntityType.ARMED_FORCE)
                        or normalise_name(m.text).split(" ")[-1] == "authorities")
                    for m, inf in zip(ms, infos, strict=True)) \
                    and not any(m in self.fillers for m in ms):
                # "the police", "the authorities" that fill no role (the annotation guide's
                # rule for descriptive entities)
                continue
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
            name = official(place.name, [m.text for m in ms], etype)
            name = next((inf.name for inf in infos if inf.rule == KEPT_APART), name)
        else:
            name = self.pick_name(members, etype)
        key = f"{etype.value}:{spelling_key(name, self.rules)}"
        ent = Entity(key=key, name=name, type=etype)
        reasons: dict[str, str] = {}
        for i, m in zip(members, ms, strict=True):
            ent.mentions.append(m)
            if m.antecedent is not None:
                continue  # a pronoun is a mention, never a label
            if self.info[i].rule == KEPT_APART and display_name(m.text) != name:
                continue  # "the canton of X" kept apart from the town X: "X" is the town's
            ent.aliases.add(m.text)
            if m.source == DESCRIBED_SOURCE and (head := described_head(m.text)):
                ent.aliases.add(head)  # "parliament building" of "... building in X"
            if self.info[i].alias:
                ent.aliases.add(self.info[i].alias)
            ent.aliases.update(self.info[i].labels)
            if display_name(m.text) == name:
                continue
            rule = self.clusters.why.get(i) or self.info[i].rule
            if rule == "same name":
                rule = reasons.get(m.text) or "spelling, case or possessive folded"
            if m.text not in reasons or reasons[m.text].startswith("spelling"):
                reasons[m.text] = rule
        ent.merges = sorted(reasons.items())
        if etype.is_agent:
            ent.aliases |= article_forms(ent.aliases | {name}, self.article_names)
        if kb is not None:
            ent.same_as = sorted({kb.iri, *kb.same_as})
        if place is not None and etype.is_place:
            ent.geonames_id = place.geonames_id
            ent.same_as = sorted({*ent.same_as, place.iri} - {None})
            ent.country_code = country_code(place)
            ent.lat, ent.long = place.lat, place.long
        return ent

    def pick_type(self, members: list[int]) -> EntityType:
        # "the mission" pointing back to a named body says nothing of its type; the named
        # body's own head does ("National Gendarmerie" the model calls an ORG)
        named = [i for i in members if self.info[i].named]
        if named and len(named) < len(members):
            from kg.extract.entity_types import head_type, institution_site

            heads = {head_type(self.mentions[i].text, self.rules) for i in named
                     if self.mentions[i].source.startswith("ner:")
                     and not _is_acronym(self.mentions[i].text)
                     # a hospital that speaks is the body (kg/extract/entity_types.py)
                     and not (institution_site(self.mentions[i].text)
                              and self.mentions[i].type is EntityType.ORGANIZATION)} - {None}
            if len(heads) == 1 and all(self.info[i].kb is None and self.info[i].place is None
                                       for i in named):
                return heads.pop()
        members = named or members
        from kg.extract.entity_types import institution_site

        if any(self.mentions[i].type is EntityType.ORGANIZATION
               and institution_site(self.mentions[i].text) for i in members):
            # "State House spokeswoman X", "the hospital said": the institution acts; its
            # building is where it sits (kg/extract/entity_types.py)
            return EntityType.ORGANIZATION
        votes: Counter[EntityType] = Counter()
        best_rank = min(_TYPE_RANK.get(_source_kind(self.mentions[i]), 9) for i in members)
        for i in members:
            inf = self.info[i]
            if self.mentions[i].antecedent is not None:
                continue
            if inf.kb is not None:
                return inf.kb.type
            if inf.place is not None:
                return inf.type
            rank = _TYPE_RANK.get(_source_kind(self.mentions[i]), 9)
            weight = 3 if rank == best_rank else 1
            if (_is_acronym(self.mentions[i].text) and any(
                    not _is_acronym(self.mentions[j].text) for j in members)) \
                    or self.clusters.why.get(i) == "short form of a longer name":
                weight = 0  # the model's guess for "UNIFIL"; the long name's head decides
            if self.clusters.why.get(i, "").endswith("of a person named in full"):
                weight = 3
            votes[inf.type] += weight
        return votes.most_common(1)[0][0]

    def pick_name(self, members: list[int], etype: EntityType) -> str:
        infos = [self.info[i] for i in members if i not in self.described] or \
            [self.info[i] for i in members]
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
                     positions: Iterable[Fact] = (), home: str | None = None,
                     owners: dict[Mention, str] | None = None
                     ) -> tuple[list[Entity], dict[Mention, str]]:
    """Canonical entities of one document's mentions; returns entities and mention -> key.

    ``positions`` are the document's facts: Position facts (titles before names) let a
    bare title ("the president") refer to its holder, and a description no name backs
    ("the police", "security forces") is an entity only when it fills a role of one.

    Mentions that resolve to nothing (an unconfirmed headline guess, an anaphor or common
    noun with no antecedent) are left out of the index.
    ``home``: the country code of a release's letterhead (kg/extract/letterhead.py), the
    dominant country whatever the counts. ``owners``: body mentions whose sentence names
    their country (kg/extract/stated_owners.py).
    """
    unique = list(dict.fromkeys(mentions))
    if not unique:
        return [], {}
    resolver = _Resolver(unique, kb if kb is not None else load_kb(), entity_rules())
    resolver.home, resolver.owners = home, owners or {}
    facts = list(positions)
    resolver.positions = [f for f in facts if f.kind == "Position"]
    if facts:
        resolver.fillers = {v for f in facts for vs in f.roles.values() for v in vs
                            if isinstance(v, Mention)} | {f.attributed_to for f in facts
                                                          if f.attributed_to is not None}
    resolver.first_pass()
    resolver.cluster()
    return resolver.entities()
