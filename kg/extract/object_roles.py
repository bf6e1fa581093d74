"""The direct object's roles, for the role reader (kg/extract/arguments.py).

Which role a verb's direct object fills depends on the type and on what the object
names: the one asked or ordered when a complement follows, an addressee or participant
when it names an actor, a place, the owner of what is acted on, else the theme; and a
to- or for-phrase the parser hangs on the object may name the one given to. A mixin of
:class:`~kg.extract.arguments.Reader`, which gives ``ctx``, ``f``, ``lists``, ``kind``
and the filler helpers (``_conjuncts``, ``_agentish``, ``_theme``, ``_themes``,
``_fill``).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.entity_rules import entity_rules
from kg.extract.syntax import np_tokens, text_of
from kg.records import EntityType


class ObjectRoles:
    """The direct object's roles (module doc)."""

    def _object(self, obj: Token, slot: str, args: dict, put) -> None:
        """The direct object: the one asked or ordered when a complement follows ("urged
        X to release"), an addressee or participant when it names an actor and the type
        says so, a place ("evacuated the town"), else what the event acts on."""
        ctx = self.ctx
        if slot == "controlled" and args.get("controlled"):
            for h in self._conjuncts(obj):
                put(args["controlled"], self._agentish(h) or self._theme(h, set()))
            return
        # "accused the rebels of shelling X": the of-phrase is the cause, not the theme
        skip: set[int] = {x.i for c in obj.children if c.dep_ == "prep" and
                          args.get(c.lower_) == "cause" for x in c.subtree}
        poss = [c for c in obj.children if c.dep_ in ("poss", "nmod")
                and ctx.mention_of(c) is not None]
        if poss and "object_possessor" in args:
            for p in poss:
                put(args["object_possessor"], ctx.mention_of(p))
                skip.update(x.i for x in p.subtree)
        if "object_owner" in args:  # "froze Malian state assets", "the country's assets"
            for c in [x for x in obj.subtree if x.i < obj.i and x.i not in skip and
                      x.dep_ in ("poss", "nmod", "amod", "compound")]:
                owner = ctx.mention_of(c) or (self.f.place(c) if c.dep_ == "poss" else None)
                if owner is None and c.dep_ == "amod" and \
                        entity_rules().demonym_country(c.text):
                    owner = ctx.create([c], EntityType.COUNTRY, "rule:demonym")
                if owner is not None and (owner.type.is_agent or owner.type is
                                          EntityType.COUNTRY or c.dep_ == "poss"):
                    put(args["object_owner"], owner)
                    skip.update(x.i for x in c.subtree)
        if "object_place" in args:
            place = self.f.place(obj)
            if place is not None and ctx.mention_of(obj) is place:
                put(args["object_place"], place)
                return
        if obj.lemma_.lower() in self.lists["not_themes"].get(self.kind, ()):
            self.abstract_object = True  # "met the demands": another sense of the verb
            return
        ent = self.f.entity(obj, create=False)
        if ent is None and "object_entity" in args and \
                self.f.body_heads.get(obj.lemma_.lower()) not in (None, "Person"):
            ent = self.f.entity(obj)  # "asked the national government to ..."
        if ent is None and "object_entity" in args:
            # "received the envoy, Deputy Minister X", "met the army commander, General X":
            # the one named beside the title
            # (the parser may hang the name on the title's of-phrase: "the envoy of Japan, X")
            # or read it as a second object after a comma ("received the envoy, X")
            named = [self.f.entity(c, create=False) for c in obj.subtree if c.dep_ == "appos"
                     and c.head.dep_ in ("dobj", "pobj", "conj")] + \
                [self.f.entity(c, create=False) for c in obj.head.children
                 if c.dep_ == "dobj" and c.i > obj.i + 1 and obj.doc[c.left_edge.i - 1].text == ","]
            ent = next((e for e in named if e is not None and e.type.is_agent), None)
        if ent is not None and ent.type.is_agent and "object_entity" in args:
            put(args["object_entity"], ent)
        elif ent is None and args.get("object_entity") == "participant" and \
                (obj.lemma_.lower() in self.f.group_heads or
                 obj.lower_ in self.lists["envoy_titles"]):
            # "summoned the Estonian ambassador": the diplomat, as the text says
            # "will meet representatives of the protesters": who they meet
            put("participant", text_of([x for x in np_tokens(obj)
                                        if x.dep_ != "det" or x.head != obj]))
        elif ent is None and "object_people" in args and obj.pos_ == "NOUN" and \
                obj.tag_ in ("NNS", "NNPS"):
            # "met the three service chiefs": the people met, as the text says
            own = skip | {x.i for c in obj.children if (c.dep_ == "det" or (
                c.dep_ == "prep" and c.lower_ != "of")) for x in c.subtree}
            put(args["object_people"], text_of(np_tokens(obj, skip=own)))
        elif args.get("object") in (None, "theme"):
            skip |= self._hung_recipient(obj, args, put)
            for value in self._themes(obj, skip):
                put(args.get("object"), value)
        else:  # "fled the city": the origin; "visited X": the place
            self._fill(args["object"], obj, put)

    def _hung_recipient(self, obj: Token, args: dict, put) -> set[int]:
        """"distributed 3,000 food boxes and 2,500 blankets to the affected families",
        "dispatched 60 trucks of food aid for 40,000 displaced persons": the parser may hang
        the one given to on the object's phrase; a to- or for-phrase there naming people
        (lexicon `people`) or a body or country is the addressee, not part
        of what is given. The tokens it takes."""
        taken: set[int] = set()
        if args.get("to") != "addressee" or any(
                c.dep_ in ("prep", "dative") and args.get(c.lower_) == "addressee"
                for c in obj.head.children if c.i > obj.i):
            return taken
        # (people only: "2.5 million euros for shelter and clean water" names what is given)
        words = set(self.lists["people"])
        clauses = {x.i for x in obj.subtree if x.dep_ in ("relcl", "acl") and x != obj
                   for x in x.subtree}
        for p in obj.subtree:
            if p.dep_ != "prep" or p.i in clauses or args.get(p.lower_) != "addressee":
                continue
            for o in p.children:
                m = self.ctx.mention_of(o)
                if o.dep_ == "pobj" and ((m is not None and (
                        m.type.is_agent or m.type is EntityType.COUNTRY)) or (
                        o.pos_ == "NOUN" and o.lemma_.lower() in words)):
                    self._fill("addressee", o, put)
                    taken.update(x.i for x in p.subtree)
        return taken
