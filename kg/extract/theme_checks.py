"""Whether a role's fillers make a fact of the type: the theme of the kind the type
needs (a force, a person, a word list) and not an abstract sense of the trigger ("the
seizure of power") (mixed into the role reader, kg/extract/arguments.py)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.extract.syntax import text_of
from kg.records import EntityType, Mention


class ThemeChecks:
    """Checks of the theme a type needs (mixed into the role reader)."""

    def _barred_activity(self, verb: Token, theme: str) -> str:
        """"motorcycle taxis are prohibited from operating between 18:00 and 06:00 in X":
        what is banned is the activity of the subject (its places left to the location)."""
        for p in verb.children:
            if p.dep_ != "prep" or p.lower_ != "from":
                continue
            for g in p.children:
                if g.dep_ == "pcomp" and g.tag_ == "VBG":
                    places = {x.i for c in g.children if c.dep_ == "prep" for o in c.children
                              if _place_word(self.ctx, o) for x in c.subtree}
                    words = [x for x in g.subtree if x.i not in places and not x.is_punct]
                    return f"{theme} {text_of(words)}"
        return theme

    lists: dict
    forces: set[str]
    theme_heads: list[Token]

    def _abstract_theme(self, kind: str, roles: dict) -> bool:
        """"the seizure of power", "defended the tax increases": no event of that type."""
        heads = set(self.lists["not_themes"].get(kind, ()))
        for v in [*roles.get("theme", []), *roles.get("participant", [])]:
            if isinstance(v, str) and v.split() and _lemma_like(v.split()[-1]) in heads:
                return True
        # the theme's own head ("prisoners who escaped in May"), not a noun read through
        # ("control" of "seized control of the port")
        through = self.lists["through_nouns"]
        return any(h.lemma_.lower() in heads and h.lemma_.lower() not in through
                   for h in self.theme_heads if h.pos_ == "NOUN")

    def _force_head(self, head: str, text: str) -> bool:
        """Whether a theme's head word names a force: a team or a mission only when its
        phrase says what kind ("a police team", "a team of 40 soldiers"); an emergency
        crew is sent as a force is ("deployed 300 rescuers", "search and rescue teams were
        deployed": lexicon `crews`, or a `crew_heads` word with a `crew_qualifiers` word)."""
        lemma = _lemma_like(head)
        words = {_lemma_like(w) for w in re.findall(r"[\w-]+", text.lower())}
        if lemma in self.lists["crews"] or (
                lemma in self.lists["crew_heads"] and (
                    words & set(self.lists["crew_qualifiers"]) or
                    words & set(self.lists["crews"]))):
            return True
        if lemma not in self.forces:
            return False
        if lemma not in self.lists["qualified_forces"]:
            return True
        return bool(words & set(self.lists["force_qualifiers"])) or any(
            w in self.forces and w not in self.lists["qualified_forces"] for w in words)

    def _equipment(self, text: str) -> bool:
        """Whether a theme is a force's equipment, sent or stationed as a force is:
        "armoured vehicles were deployed", "stationed two patrol boats at X", "special
        forces vehicles were stationed around the square" (a vehicle or craft whose phrase
        says whose or what kind it is, or put in place by a verb of stationing: "sent two
        trucks to the scene" is no deployment); a warship is one by itself ("sent two
        corvettes")."""
        equipment = set(self.lists["deployable_equipment"])
        warships = set(self.lists["warships"])
        qualifiers = {*self.lists["force_qualifiers"], *self.lists["equipment_qualifiers"],
                      *self.forces}
        trigger = getattr(self, "trigger", None)
        stationing = trigger is not None and \
            trigger.lemma_.lower() in self.lists["stationing_verbs"]
        for part in re.split(r",|\band\b|\bor\b|\bas well as\b", text):
            words = [_lemma_like(w) for w in re.findall(r"[\w-]+", part.lower())]
            if words and words[-1] in warships:
                return True
            if words and words[-1] in equipment and (
                    stationing or any(w in qualifiers for w in words[:-1])):
                return True
        return False

    def _named_craft(self) -> bool:
        """"sent the patrol vessel X", "the frigate X": a craft named after its kind is
        a force's equipment as the kind is (the name itself says nothing)."""
        craft = {*self.lists["deployable_equipment"], *self.lists["warships"]}
        for h in self.theme_heads:
            mods = [c for c in h.lefts if c.dep_ in ("compound", "amod", "nmod")]
            if h.pos_ == "NOUN" and h.lemma_.lower() in craft and any(
                    c.dep_ == "appos" and c.pos_ == "PROPN" for c in h.children):
                kinds = [h]  # "the patrol vessel, X" (the name in apposition)
            elif h.pos_ == "PROPN":
                kinds = [c for c in mods if c.lemma_.lower() in craft]
            else:
                continue
            if kinds and self._equipment(h.doc[(mods or kinds)[0].i:kinds[-1].i + 1].text):
                return True
        return False

    def _state_craft(self, text: str, roles: dict) -> bool:
        """Aircraft a state or a force sends are deployed as a force is: "Jordan has
        promised to send two helicopters", "the army sent a plane" (lexicon `state_craft`;
        not when they carry a load: "sent two aircraft carrying relief" is aid)."""
        agents = roles.get("agent", [])
        if not any(isinstance(a, Mention) and a.type in (EntityType.COUNTRY,
                                                         EntityType.ARMED_FORCE)
                   for a in agents):
            return False
        if self._cargo(self.theme_heads):
            return False
        craft = set(self.lists["state_craft"])
        words = [_lemma_like(w) for w in re.findall(r"[\w-]+", text.lower())]
        if words and words[-1] in craft:
            return True
        # the parsed head and its conjuncts: "sent two corvettes to the Gulf" (the place
        # hangs on the noun), "sent two corvettes and a helicopter unit"
        heads = [h for h in self.theme_heads if h.text in text.split()]
        heads += [c for h in heads for c in h.conjuncts]
        return any(h.lemma_.lower() in craft or _lemma_like(h.text) in craft for h in heads)

    def _constraints(self, need: str | None, roles: dict) -> bool:
        """Whether the theme is of the kind the type (or its trigger lemma) needs: a force,
        a person, or a head word of a lexicon.yaml list (``type:Place`` there: any
        mention of that entity type)."""
        if need is None:
            return True
        themes = roles.get("theme", [])
        if need in ("force", "person"):
            for v in themes:
                if isinstance(v, Mention):
                    if need == "force" and (v.type is EntityType.ARMED_FORCE or
                                            self._named_craft()):
                        return True
                    if need == "person" and v.type is EntityType.PERSON:
                        # "the portfolio was assigned to X": the office is no theme
                        offices = set(self.lists["office_nouns"])
                        roles["theme"] = [x for x in themes if not (
                            isinstance(x, str) and x.split() and
                            _lemma_like(x.split()[-1]) in offices)]
                        return True
                elif need == "force" and isinstance(v, str) and any(
                        self._force_head(head, v) for head in [
                            *_conjunct_heads(v), *(h.lemma_ for h in self.theme_heads
                                                   if h.text in v.split())]):
                    return True  # (the parsed head: "troops in the north" ends in a place)
                elif need == "force" and isinstance(v, str) and (
                        self._equipment(v) or self._state_craft(v, roles) or
                        self._named_craft() or any(
                            h.lemma_.lower() in self.lists["warships"]
                            for h in self.theme_heads if h.text in v.split())):
                    return True  # (the parsed head: "a minehunter to the area")
            if need == "force" and any(
                    _lemma_like(h.text) in self.lists["crews"] for h in self.theme_heads):
                return True  # "firefighters and officers of X were deployed" (X the filler)
            holders = [h for h in self.theme_heads
                       if h.lemma_.lower() in self.lists["office_holders"].get(self.kind, ())
                       and any(c.dep_ in ("det", "poss") for c in h.children) and not any(
                           x.pos_ == "PROPN" for x in self._bare(h, set()))]
            if need == "person" and holders and not any(
                    isinstance(v, Mention) and v.type is not EntityType.ARMED_FORCE
                    for v in themes):
                # "the officer in charge was suspended": a person named by post, as text
                # (not the force another type's reading made of "officer")
                roles["theme"] = [text_of(self._bare(h, set())) for h in holders]
                return True
            return False
        transport = self._transport_service()
        if transport and need in ("closables", "networks", "bodies", "sanctionables"):
            return need == "closables"  # "suspended all rail services": a Closure
        words = set(self.lists[need])
        for w in [w for w in words if w.startswith("list:")]:  # a list that takes another's
            words |= set(self.lists[w[5:]])
        types = {w[5:] for w in words if w.startswith("type:")}
        if any(isinstance(v, Mention) and v.type.value in types for v in themes):
            return True
        counted = "counted:PROPN" in words  # "19 Ugandans": a counted demonym
        # "the state of emergency", "three days of mourning": the of-phrase names it
        kinds = self.lists["of_kind_heads"]
        partitive = self.lists["partitive_heads"]
        heads = [*self.theme_heads, *(
            c for h in self.theme_heads if (h.pos_ == "NOUN" and h.lemma_.lower() in kinds)
            or h.pos_ == "NUM" or h.lower_ in partitive
            for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
            for c in p.children if c.dep_ == "pobj")]
        cargo = self._cargo(self.theme_heads)
        if cargo and all(c.lemma_.lower() in words for c in cargo):
            heads += cargo  # (all of the load: "equipment and armoured vehicles" is none)
        # "the third, an architect, was released": the apposition names the head
        heads += [c for h in self.theme_heads for c in h.children if c.dep_ == "appos"]
        if "people" in words and any(
                (h.lower_ in _COUNTED_REST or (h.pos_ == "NUM" and any(
                    c.lower_ in ("the", "remaining", "other") for c in h.children))) and
                h.dep_ in ("nsubj", "nsubjpass", "dobj") and not any(
                    c.dep_ == "prep" for c in h.children) for h in self.theme_heads):
            return True  # "the remaining five were freed", "the third was released": the
            # rest of the people counted before (not a bare "Nine were released")
        if "people" in words and any(  # "Nine of them were released": people counted
                h.pos_ == "PRON" and h.lower_ in ("them", "us") and h.head.lower_ == "of" and
                (h.head.head.pos_ == "NUM" or h.head.head.lower_ in partitive)
                for h in heads):
            return True
        return any(h.lemma_.lower() in words or h.lower_ in words or
                   f"ent:{h.ent_type_}" in words or (
                       counted and h.pos_ == "PROPN" and h.text.endswith("s") and
                       any(c.dep_ == "nummod" for c in h.children))
                   for h in heads)



    def _transport_service(self) -> bool:
        """Whether the theme is a transport service: "all rail services between A and B",
        "services on the X line", "service on all four of its lines" (lexicon
        `transport_service_heads` with a `transport_words` word in the head's phrase)."""
        heads = set(self.lists["transport_service_heads"])
        transport = set(self.lists["transport_words"])
        service = [h for h in self.theme_heads if h.lemma_.lower() in heads]
        # (the parser may hang "on its lines" on the verb: read its on-phrase too)
        trigger = getattr(self, "trigger", None)
        on = [p for p in trigger.children if p.dep_ == "prep" and p.lower_ == "on"] \
            if trigger is not None and service else []
        return bool(service) and any(
            x.lemma_.lower() in transport for h in [*self.theme_heads, *on]
            for x in h.subtree if x not in service)

    def _cargo(self, heads: list[Token]) -> list[Token]:
        """What a vehicle of the theme carries: "dispatched 20 trucks carrying flour and
        tents", "sent 12 trucks of food", "a plane loaded with medicine" (the goods, not
        the vehicle, say whether it is aid)."""
        vehicles = set(self.lists["vehicles"])
        out = []
        for h in heads:
            if h.pos_ != "NOUN" or h.lemma_.lower() not in vehicles:
                continue
            for c in h.children:
                if c.dep_ == "acl" and c.lemma_.lower() in self.lists["carrying_verbs"]:
                    out += [o for o in c.children if o.dep_ == "dobj"]
                    out += [o for p in c.children if p.dep_ == "prep" and p.lower_ == "with"
                            for o in p.children if o.dep_ == "pobj"]
                elif c.dep_ == "prep" and c.lower_ in ("of", "with"):
                    out += [o for o in c.children if o.dep_ == "pobj"]
        return [*out, *(x for o in out for x in o.conjuncts)]


_COUNTED_REST = {"first", "second", "third", "fourth", "fifth", "last", "rest", "remainder",
                 "others"}


def _conjunct_heads(text: str) -> list[str]:
    """Last word of each conjunct: "3,500 soldiers and 40 boats" -> soldiers, boats."""
    parts = re.split(r",|\band\b|\bor\b|\bas well as\b", text)
    return [p.split()[-1] for p in parts if p.split()]


def _lemma_like(word: str) -> str:
    w = word.lower()
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w

def split_list(head: Token) -> str | None:
    """"a pistol, three grenades and a quantity of ammunition were seized": the parser may
    give the verb one subject (or object) per item of a list of common nouns; the list,
    from the first item to the end of the last, is one theme as the text writes it (the
    counts kept). None when ``head`` has no sibling of its relation after it, or when an
    item is a name (then each is a theme of its own)."""
    if head.dep_ not in ("nsubjpass", "dobj"):
        return None
    sibs = [c for c in head.head.children if c.dep_ == head.dep_ and c.i > head.i]
    if not sibs:
        return None
    items = [head, *sibs]
    doc = head.doc
    end = max(x.i for x in sibs[-1].subtree
              if x.dep_ not in ("relcl", "acl", "appos", "punct") or x.head != sibs[-1])
    start = min(x.i for x in head.subtree)
    words = [t for t in doc[start:end + 1]]
    if any(t.pos_ in ("VERB", "AUX") for t in words) or any(
            t.pos_ == "PROPN" for h in items for t in h.subtree):
        return None
    between = {t.text for t in doc[head.i + 1:sibs[0].i]} if sibs else set()
    if "," not in between:
        return None
    while words and (words[0].dep_ == "det" or words[0].is_punct):
        words.pop(0)
    return text_of(words) or None


_UNTIL = {"until", "till", "pending"}
# nouns of an administrative area ("in the communes of X and Y"): a place, not the activity
_PLACE_NOUNS = {"commune", "district", "province", "region", "area", "city", "town",
                "village", "county", "municipality", "zone", "neighbourhood", "neighborhood"}


def past_adverbial(head: Token) -> Token:
    """"Until further notice, motorcycle taxis and bicycle taxis are prohibited": the
    parser may take the adverbial's noun ("notice", "orders") for the subject and join the
    real subject to it; the theme is the first conjunct after it."""
    doc = head.doc
    if head.pos_ != "NOUN" or not any(doc[j].lower_ in _UNTIL
                                      for j in range(max(head.i - 2, 0), head.i)):
        return head
    after = [c for c in head.children if c.dep_ == "conj" and c.i > head.i]
    return after[0] if after else head


def _place_word(ctx, tok: Token) -> bool:
    m = ctx.mention_of(tok)
    return (m is not None and m.type.is_place) or tok.lemma_.lower() in _PLACE_NOUNS
