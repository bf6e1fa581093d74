"""The resolver's linking rules (a mixin of kg.resolve.entities._Resolver): pronouns,
acronyms, surnames and name parts, bare heads, short forms, titles, place anaphors and
descriptions. Each merge records the rule that made it (``kg:mergedBy``)."""

from __future__ import annotations

import re

from kg.extract.positions import position_words
from kg.records import EntityType, Mention
from kg.resolve.body_names import _Info, written_name
from kg.resolve.descriptions import RULE as DESCRIPTION_RULE
from kg.resolve.descriptions import Described, description_links, leveled
from kg.resolve.names import _is_acronym, display_name, normalise_name
from kg.resolve.places import gazetteer

# the words of a state's formal name that stand alone for the state, capitalised: "the
# Sultanate", "the Kingdom's authorities", "the Grand Duchy", "autonomy within the Republic"
_STATE_WORD = re.compile(r"(?:sultanate|kingdom|principality|grand duchy|duchy|emirate|republic)")

# words that make a title another office than its head word names ("Vice President",
# "Deputy Minister", "Prime Minister", "former Governor")
_SUBORDINATE = {"vice", "deputy", "prime", "former", "ex", "assistant", "junior", "first"}


class Links:
    """Linking rules; the resolver provides mentions, info, clusters, rules, gaz, kb and
    place_codes (the countries of the document's unambiguous towns and regions)."""

    def country(self, name: str):
        """The country ``name`` denotes in this document ("Congo" in a story from Goma is
        the Democratic Republic of the Congo), else None."""
        return self.gaz.country_among(name, self.place_codes)

    def link_descriptions(self) -> None:
        """'the police' -> the one named police force of the document (kg/resolve/descriptions)."""
        groups: dict[int, list[int]] = {}
        for j in range(len(self.mentions)):
            groups.setdefault(self.clusters.find(j), []).append(j)
        items = []
        for root, members in groups.items():
            inf = self._root_info(root)
            # a pronoun that points back to the description ("police ... they") names
            # nothing of its own
            described = all(self.is_description(self.mentions[j].text) for j in members
                            if self.mentions[j].antecedent is None
                            or not self.mentions[j].source.startswith("coref:"))
            surface = self.country_qualified(normalise_name(self.mentions[root].text))
            items.append(Described(root, inf.name, surface, inf.type,
                                   self.country_in(inf.name), described))
        for child, root in description_links(items, self.rules):
            self.clusters.union(child, root, DESCRIPTION_RULE)
            self.described.update(j for j in groups[child]
                                  if self.info[j].rule in ("body phrase", "national body"))

    def country_qualified(self, surface: str) -> str:
        """'azerbaijani forces' -> 'azerbaijani armed forces': a head that names a kind of
        body only after a country or demonym (equivalents.jsonl ``after_country``) is read
        as the first head of its set; anything else is returned as it is."""
        words = surface.split(" ")
        if len(words) == 2 and words[1] in self.rules.after_country and (
                self.rules.is_demonym(words[0]) or self.country(words[0])):
            return f"{words[0]} {sorted(self.rules.after_country[words[1]])[0]}"
        return surface

    def is_description(self, text: str) -> bool:
        """'police', 'the army', 'Kenya's police', 'the Kenyan military': a head word with at
        most a country before it (not 'the Bangladesh Army', a name)."""
        words = display_name(text).split(" ")
        if len(words) > 1 and (self.rules.is_demonym(words[0]) or self.country(words[0])):
            words = words[1:]
        poss = re.match(r"^.+?'s\s+(.+)$", " ".join(words))
        rest = poss.group(1) if poss else " ".join(words)
        if len(words) < len(display_name(text).split(" ")) and \
                rest.casefold() in self.rules.after_country:
            return True  # "Azerbaijani forces": the country's armed forces
        if leveled(rest.casefold(), self.rules) and rest.islower() and len(words) == 2:
            return True  # "the provincial government": the one of that tier named before
        return rest.casefold() in self.rules.equivalents and (
            " " not in rest or rest.islower()) and not (len(words) > 1 and rest[:1].isupper()
                                                      and not poss)

    def country_in(self, name: str) -> str | None:
        """The ISO code of the country a body's name states ("Police of Kenya", "Bangladesh
        Army", "Kenyan police"), else None."""
        words = re.findall(r"[\w'-]+", name)
        for n in (3, 2, 1):
            for k in range(len(words) - n + 1):
                place = self.country(" ".join(words[k:k + n]))
                if place is not None:
                    return place.country_code
        for w in words:
            code = self.rules.demonym_country(w)
            if code:
                return code
        return None

    def link_pronouns(self) -> None:
        """"He told reporters": a resolved pronoun is a mention of its antecedent's entity."""
        where = {m: i for i, m in enumerate(self.mentions)}
        for i, m in enumerate(self.mentions):
            if m.antecedent is not None and m.antecedent in where:
                self.clusters.union(i, where[m.antecedent], m.source)

    _ACRONYM_SOURCES = ("rule:acronym", "rule:acronym-defined")

    def link_acronyms(self) -> None:
        """Long names are indexed by where they end (an acronym right after one) and, per
        acronym text, the long names it spells are found once and kept as the roots of
        their clusters (an acronym used a thousand times asks once)."""
        from kg.extract.acronyms import spells

        longs = [(i, m) for i, m in enumerate(self.mentions)
                 if m.type.is_agent and not _is_acronym(m.text) and len(m.text.split()) > 1
                 and self.info[i] is not None and self.info[i].kb is None]
        by_end: dict[int, list[int]] = {}
        by_text: dict[str, list[int]] = {}
        for j, lm in longs:
            by_end.setdefault(lm.end, []).append(j)
            by_text.setdefault(lm.text, []).append(j)
        spelled: dict[str, set[int]] = {}  # acronym text -> roots of the long names it spells
        for i, m in enumerate(self.mentions):
            # "Ecowas": a capitalised word the text defined as an acronym counts as one
            if not (_is_acronym(m.text) or m.source in self._ACRONYM_SOURCES) or \
                    not m.type.is_agent or self.info[i].kb is not None:
                continue
            # "(FADM)" right after the name it was defined for spells another language's
            # name (kg.extract.acronyms): no spelling asked
            defined = [j for end in range(m.start - 4, m.start + 1)
                       for j in by_end.get(end, ())
                       if m.source == "rule:acronym-defined"
                       or spells(m.text, self.mentions[j].text)]
            if defined:
                self.clusters.union(i, min(defined), "acronym defined in text")
                continue
            reps = spelled.get(m.text)
            if reps is None:
                reps = {j for text, js in by_text.items() if spells(m.text, text) for j in js}
            roots = {self.clusters.find(j) for j in reps}
            spelled[m.text] = roots  # roots only ever merge: their roots stay the answer
            if len(roots) == 1:
                self.clusters.union(i, next(iter(roots)), "acronym initials")

    def link_surnames(self) -> None:
        """'Okafor' -> 'Amara Okafor'; also 'J. Okafor', and another part of exactly one
        person's name ('Saavedra' of 'Rodrigo Saavedra Quispe', 'Kittisak' of 'Kittisak
        Wongsuwan') when no surname fits. A one-word name the model took for a place that
        no gazetteer knows is such a name too ("Kittisak told reporters", tagged a city)."""
        full: dict[str, set[int]] = {}
        parts: dict[str, set[int]] = {}
        for i, m in enumerate(self.mentions):
            words = display_name(m.text).split()
            if m.type is EntityType.PERSON and len(words) > 1 and self.info[i].named \
                    and m.antecedent is None:
                root = self.clusters.find(i)
                full.setdefault(normalise_name(words[-1]), set()).add(root)
                for w in words[:-1]:
                    if len(w) > 2 and w[:1].isupper() and not w.endswith("."):
                        parts.setdefault(normalise_name(w), set()).add(root)
        tails: dict[str, set[int]] = {}  # "zelaya pineda" -> roots of "Rosa Elena Zelaya Pineda"
        for i, m in enumerate(self.mentions):
            words = display_name(m.text).split()
            if m.type is EntityType.PERSON and len(words) > 2 and self.info[i].named \
                    and m.antecedent is None:
                for k in range(1, len(words) - 1):
                    tails.setdefault(normalise_name(" ".join(words[k:])), set()).add(
                        self.clusters.find(i))
        for i, m in enumerate(self.mentions):
            text = display_name(m.text)
            initial = re.fullmatch(r"([A-Z])\.\s*([\w'-]+)", text)
            tail = tails.get(normalise_name(text)) if " " in text and \
                m.type is EntityType.PERSON and m.antecedent is None else None
            if tail:
                # "Zelaya Pineda" after "President Rosa Elena Zelaya Pineda": the two
                # surnames of a person named in full
                roots = {self.clusters.find(j) for j in tail}
                rule = "surnames of a person named in full"
            elif initial:
                roots = {self.clusters.find(j) for j in full.get(normalise_name(
                    initial.group(2)), set()) if normalise_name(display_name(
                        self.mentions[j].text))[:1] == initial.group(1).lower()}
                rule = "initial and surname of a person named in full"
            elif " " in text or self.info[i].kb is not None or _is_acronym(m.text) \
                    or not self.info[i].named or not (m.type.is_agent or _unknown_place(m)):
                continue
            else:
                key = normalise_name(text)
                roots = {self.clusters.find(j) for j in full.get(key, set())}
                rule = "surname of a person named in full"
                if not roots and key not in full:
                    roots = {self.clusters.find(j) for j in parts.get(key, set())}
                    rule = "part of the name of a person named in full"
            if len(roots) == 1:
                root = roots.pop()
                if self.clusters.find(i) != root:
                    self.clusters.union(i, root, rule)
                    self.info[i].type = EntityType.PERSON

    def link_anaphors(self) -> None:
        """'the committee' -> the one earlier named body whose head is 'committee' (or an
        equivalent: 'the bloc' -> '... Community of West African States'), in this update
        or the one before.

        Candidates are the clusters of the earlier mentions, kept as they are met per
        update and per head noun of the cluster's name, so an anaphor looks only at the
        bodies with its head (scanning every earlier mention made a document's resolution
        grow with the square of its length). A cluster that joins another here takes its
        updates along to the new root.
        """
        find = self.clusters.find
        heads: dict[int, str | None] = {}  # root -> head noun of its name, None: not named

        def head(root: int) -> str | None:
            if root not in heads:
                rname = normalise_name(self._root_info(root).name)
                # "the mission" -> "United Nations Mission in Liberia"
                core = re.split(r"\s+(?:of|in|for|on)\s+", rname, maxsplit=1)[0]
                heads[root] = core.split(" ")[-1] if " " in rname else None
            return heads[root]

        seen: dict[int, dict[str, set[int]]] = {}  # unit -> head -> roots met in it
        units_of: dict[int, set[int]] = {}  # root -> the units where it was met
        last: dict[int, Mention] = {}  # root -> its last mention met

        def meet(root: int, unit: int, m: Mention) -> None:
            if root not in last or last[root].start < m.start:
                last[root] = m
            units_of.setdefault(root, set()).add(unit)
            h = head(root)
            if h is not None:
                seen.setdefault(unit, {}).setdefault(h, set()).add(root)

        for i, m in enumerate(self.mentions):
            text = normalise_name(m.text)
            if not (" " in text or text not in self.rules.heads or m.type.is_place
                    or self.info[i].rule != "same name"):
                self.info[i].named = False
                mine = find(i)
                wanted = {text, *self.rules.equivalents.get(text, ())}
                met = [r for unit in (m.unit, m.unit - 1) for h in wanted
                       for r in seen.get(unit, {}).get(h, ())]
                cands = {r for r in map(find, met) if r != mine and head(r) in wanted
                         and self._root_info(r).type.is_agent}
                if len(cands) > 1:
                    cands = _nearest_named(m, text, cands, head, last)
                if len(cands) == 1:
                    root = cands.pop()
                    self.clusters.union(i, root, "anaphor: nearest named body")
                    if mine in last:
                        meet(root, m.unit, last.pop(mine))
                    for unit in units_of.pop(mine, ()):  # its mentions now count as root's
                        meet(root, unit, m)
                elif not cands and (named := self.ministry_of_minister(m)) is not None:
                    self.info[i].name, self.info[i].key = named, f"name:{named.casefold()}"
                    self.info[i].named = True
                    if (of := re.fullmatch(r"(\w+) Ministry of (.+)", named)) is not None:
                        # "Culture Ministry of X" is also "Ministry of Culture of X"
                        self.info[i].alias = f"Ministry of {of.group(1)} of {of.group(2)}"
                else:
                    self.info[i].key = f"unresolved:{i}"
            meet(find(i), m.unit, m)

    def ministry_of_minister(self, m: Mention) -> str | None:
        """"Foreign Minister X said ... The ministry accused ...": a bare "the ministry" no
        named ministry precedes is the ministry of the last minister before it whose title
        names a portfolio (bodies.jsonl: "foreign ministry" -> "Ministry of Foreign Affairs
        of {owner}"), of the office's country, else the document's."""
        if normalise_name(m.text) != "ministry":
            return None
        before = [f for f in self.positions if isinstance(f.roles["holder"][0], Mention)
                  and f.roles["holder"][0].start < m.start
                  and isinstance(f.roles.get("role", [None])[0], str)]
        for f in sorted(before, key=lambda f: f.roles["holder"][0].start, reverse=True):
            words = normalise_name(f.roles["role"][0]).split(" ")
            if len(words) < 2 or words[-1] != "minister":
                continue
            body = self.rules.bodies.get(" ".join([*words[-3:-1], "ministry"])) or \
                self.rules.bodies.get(f"{words[-2]} ministry")
            org = (f.roles.get("organization") or [None])[0]
            place = self.gaz.country(org.text) if isinstance(org, Mention) else None
            country = place or self.dominant
            if body is None and words[-2] in position_words().portfolio_nouns \
                    and country is not None:
                # "Housing Minister X ... the ministry said": a portfolio the body list
                # lacks names the ministry as written ("Housing Ministry of X")
                return written_name(f"{words[-2]} ministry", country.name)
            if body is None or body.scope != "country":
                return None  # the last minister's portfolio has no ministry name
            return body.name.format(owner=country.name) if country is not None else None
        return None

    def link_short_forms(self) -> None:
        """"the Security Council" after "the UN Security Council", "the Permanent Council"
        after "the Permanent Council of the OAS": a name of two words or more that ends,
        or opens before "of", exactly one longer name of a body of the document is it.
        A name that ends a longer one after "of" ("the Organization of American States" of
        "the Permanent Council of the Organization of American States") is its short form
        only when the longer name came first: named before it, it is the owner; written
        inside the longer name's own words ("the internal affairs unit of the Zambia
        Police Service"), it is the owner too."""
        bodies = (EntityType.ORGANIZATION, EntityType.GOVERNMENT_BODY, EntityType.ARMED_FORCE)
        longs: dict[int, str] = {}
        first: dict[int, int] = {}  # cluster root -> index of its first mention
        spans: dict[int, list[tuple[int, int]]] = {}  # cluster root -> its mentions' spans
        for i, m in enumerate(self.mentions):
            first.setdefault(self.clusters.find(i), i)
            spans.setdefault(self.clusters.find(i), []).append((m.start, m.end))
            inf = self.info[i]
            if m.type in bodies and inf.named and m.antecedent is None:
                longs[self.clusters.find(i)] = normalise_name(self._root_info(i).name)
        for i, m in enumerate(self.mentions):
            text = normalise_name(m.text)
            if m.type not in bodies or len(text.split()) < 2 or m.antecedent is not None \
                    or not self.info[i].named or self.info[i].kb is not None:
                continue
            mine = self.clusters.find(i)
            roots = {r for r, name in longs.items() if r != mine and name != text and (
                name.endswith(" " + text) or name.startswith(text + " of "))
                and not (re.search(rf"\sof\s(?:the\s)?{re.escape(text)}$", name)
                         and (first[mine] < first[r] or any(
                             a <= c and d <= b and (a, b) != (c, d)
                             for a, b in spans[r] for c, d in spans[mine])))}
            if len(roots) == 1:
                self.clusters.union(i, roots.pop(), "short form of a longer name")

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
            if not roots and " " not in title:
                # "the Minister stressed" after "the Interior Minister, X": a bare head title
                # is the one holder of a title with that head word (never a vice-, deputy
                # or prime- title: "the President" is not the Vice President)
                roots = {self.clusters.find(j) for role, found in holders.items()
                         if _title_head(role) == title and not
                         _SUBORDINATE.intersection(_title_core(role).replace("-", " ")
                                                   .split(" "))
                         for j, c in found if code is None or c == code}
            if len(roots) == 1:
                self.clusters.union(i, roots.pop(), "title refers to its holder")

    def name_state_words(self) -> None:
        """"the Sultanate", "the Kingdom" written alone, capitalised: the country the text
        names in a formal name with that word ("the Kingdom of the Netherlands"), the one
        such country; else the story's country (``dominant``), as a state's own agency or
        a paper writes its country by the word of its formal name. Never a town or body."""
        countries = [(j, inf) for j, inf in enumerate(self.info) if inf is not None
                     and inf.place is not None and inf.type is EntityType.COUNTRY]
        for i, m in enumerate(self.mentions):
            word = normalise_name(m.text)
            if not _STATE_WORD.fullmatch(word) or \
                    not m.text.removeprefix("the ").removeprefix("The ")[:1].isupper():
                continue
            formal = re.compile(rf"(?:the )?{word} of ", re.I)
            named = {inf.key: inf for j, inf in countries if formal.match(self.mentions[j].text)}
            if not named and self.dominant is not None:
                named = {inf.key: inf for _j, inf in countries
                         if inf.place.geonames_id == self.dominant.geonames_id}
            if len(named) == 1:
                inf = next(iter(named.values()))
                self.info[i] = _Info(inf.key, inf.name, EntityType.COUNTRY, "state word",
                                     place=inf.place)

    def link_place_anaphors(self) -> None:
        """'the country' / 'the city' -> the nearest such place named before in the update."""
        nouns = {"country": EntityType.COUNTRY, "city": EntityType.CITY}
        dominant: list[int] | None = None  # the dominant country's mentions, then roots
        for i, m in enumerate(self.mentions):
            want = nouns.get(normalise_name(m.text))
            if want is None or self.info[i].named:
                continue
            # the nearest first: the scan stops there (a list of all of them grew with
            # the square of an update's length)
            before = next((j for j in range(i - 1, -1, -1) if self.mentions[j].unit == m.unit
                           and self._root_info(j).type is want and self._root_info(j).named),
                          None)
            if before is not None:
                self.clusters.union(i, self.clusters.find(before),
                                    f"anaphor: nearest {normalise_name(m.text)}")
            elif want is EntityType.COUNTRY and self.dominant is not None:
                if dominant is None:
                    dominant = [j for j, inf in enumerate(self.info) if inf.place is not None
                                and inf.place.geonames_id == self.dominant.geonames_id]
                roots = {self.clusters.find(j) for j in dominant}
                dominant = list(roots)  # roots only merge: theirs are the same roots
                if len(roots) == 1:
                    self.clusters.union(i, roots.pop(), "anaphor: dominant country")


# the words that open an office's remit: "Minister of Social Affairs", "Secretary for
# Health", "Public Prosecutor at the High Court" (the office's head word comes before)
_REMIT = re.compile(r"\s+(?:of|for|at|in|to)\s+")


def _title_core(role: str) -> str:
    """A folded office without its remit: "minister of social affairs" -> "minister"."""
    return _REMIT.split(role, maxsplit=1)[0]


def _title_head(role: str) -> str:
    """The head word of a folded office, the noun a bare title repeats when it points back
    to the holder: "interior minister", "minister of social affairs and humanitarian
    action" and "minister for health" all have "minister"."""
    return _title_core(role).split(" ")[-1]


def _unknown_place(m: Mention) -> bool:
    """A place the model tagged that no gazetteer knows (a person's given name taken for
    a town): a known place keeps its type even when a person shares the name, and so
    does a place kg's own rules found ("Bangladeshi" of "Bangladeshi Home Minister")."""
    return m.type.is_place and m.source.startswith("ner:") \
        and gazetteer().place_type(display_name(m.text)) is None


def _nearest_named(m: Mention, text: str, cands: set[int], head, last: dict[int, Mention]
                   ) -> set[int]:
    """Of several named bodies a description may point back to, the one it names by its
    own head ("the coalition" of "the X Coalition", not "the European Union"); else the one
    named in the description's sentence or the sentence right before it, after every other
    ("The opposition X Coalition said ... The alliance accused ..."). Several: none."""
    same = {r for r in cands if head(r) == text}
    if len(same) == 1:
        return same
    ranked = sorted((r for r in cands if r in last and last[r].start < m.start),
                    key=lambda r: last[r].start, reverse=True)
    if not ranked or (len(ranked) > 1 and
                      last[ranked[1]].sentence == last[ranked[0]].sentence):
        return cands
    near = last[ranked[0]]
    if near.sentence == m.sentence or 0 <= m.sentence[0] - near.sentence[1] <= 3:
        return {ranked[0]}
    return cands
