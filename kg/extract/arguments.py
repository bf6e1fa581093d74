"""The role reader: the arguments of a matched trigger, from the dependency parse.

Roles are read from the trigger's dependents according to the voice: the subject
of an active verb, the ``by`` phrase or the possessor of a passive or nominal
trigger is the agent; the object or passive subject is the theme (the type file's
``args`` map slots to roles). Relative pronouns are replaced by their antecedent,
climbing out of "X of Y (Z), which ..." to X; participles and conjuncts without a
subject share their main verb's. Place, date and quantity come from
:class:`~kg.extract.circumstances.Circumstances`.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.extract.circumstances import Circumstances
from kg.extract.context import Context, Fillers, counted_antecedents, named_holder
from kg.extract.entity_rules import entity_rules
from kg.extract.factuality import NO_FACT, Factuality
from kg.extract.frames import frame_slots
from kg.extract.syntax import (
    is_passive,
    np_tokens,
    passive_subject,
    prep_objects,
    text_of,
)
from kg.extract.triggers import Match
from kg.extract.type_roles import TypeRoles
from kg.records import EntityType, Fact, Mention, Quantity


def _own_pattern(m: Match) -> bool:
    """Whether a pattern of the type's own matched (one that names the resultative state
    itself: "left 19 inmates dead" is a Casualties, not a departure)."""
    return any(p.id == m.pattern_id and p.shape is None for p in m.rules.patterns)


class Reader(TypeRoles, Circumstances):
    """Fills the roles of matched triggers."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.f = Fillers(ctx)
        lists = ctx.rules.lists
        self.lists = lists
        self.light = set(lists["light_verbs"])
        self.forces = set(lists["forces"])
        self.cue_verbs = set(ctx.rules.statements["cues"]["verbs"])
        self.factuality = Factuality(ctx)
        self.actors = set(lists["actor_nouns"])
        self.undoing = set(lists["undoing_verbs"])
        self.content = set(lists["content_heads"])
        self.titles = set(entity_rules().titles)
        self.trigger_tokens: dict[int, str] = {}
        self.first_person: bool | None = None
        # facts whose agent is "I" or "we": the speaker of the statement they are in
        self.speaker_agents: list[Fact] = []
        # (purpose event, trigger index of the event it is the purpose of)
        self.purposes: list[tuple[Fact, int]] = []
        self.purpose_of: Token | None = None
        self.trigger: Token | None = None
        # tokens of what a Request, Order or Accusation asks for, orders or alleges
        self.content_tokens: set[int] = set()
        self._sent_words: dict[int, tuple[list[Token], list[str], set[str]]] = {}
        self.person_theme = False
        self.theme_creates = True
        self.holder_role: str | None = None
        self.f_theme_mentions: list[Mention] = []

    # which triggers are real events
    def realis(self, m: Match) -> bool:
        """Whether a match names an event at all (its factuality is read apart)."""
        t = m.trigger
        if m.voice != "nominal":
            if t.tag_ == "VBG" and t.dep_ == "pcomp":
                return False
            if t.lemma_.lower() in self.lists["resultative_verbs"] and \
                    not _own_pattern(m) and (
                    any(c.dep_ in ("oprd", "ccomp", "xcomp", "acomp") or (
                        c.dep_ == "advcl" and c.lower_ in self.lists["result_states"])
                        for c in t.children)
                    or any(g.i > c.i and (g.pos_ == "ADJ" or g.tag_ == "VBN") and
                           g.dep_ in ("amod", "acomp", "acl")
                           for c in t.children if c.dep_ == "dobj" for g in c.children)
                    or any(c.dep_ == "dobj" and c.lemma_.lower() in self.lists["result_states"]
                           for c in t.children)
                    or (any(c.dep_ == "dobj" for c in t.children) and any(
                        o.lemma_.lower() in self.lists["result_states"]
                        for _p, o in prep_objects(t, {"in"})))):
                return False  # "riots left 19 inmates dead", "left X in control of Y"
        else:
            h = t.head
            if t.dep_ == "pobj" and h.lemma_.lower() in ("at", "upon") and \
                    t.lemma_.lower() in self.lists["request_nouns"]:
                return False
            if t.dep_ in ("dobj", "nsubjpass") and h.lemma_.lower() in self.undoing:
                return False  # "lifted the curfew", "violated the ban"
            if (t.dep_ == "dobj" and h.lemma_.lower() in self.content) or (
                    t.dep_ == "pobj" and h.lemma_.lower() in ("for", "without") and
                    (h.lemma_.lower() == "without" or h.head.lemma_.lower() in self.content)):
                return False  # "ordered an inquiry", "called for talks", "without charge"
            if t.dep_ == "compound":
                return False
            # "the death toll in the protests": a reference back to events told before,
            # not a new one (nor one that takes the toll's figure)
            if t.dep_ == "pobj" and h.head.pos_ in ("NOUN", "PROPN") and \
                    any(c.dep_ == "det" and c.lower_ in ("the", "these", "those")
                        for c in t.children) and \
                    not any(c.dep_ in ("prep", "amod", "compound", "acl", "relcl")
                            for c in t.children):
                return False
        return True

    def read(self, m: Match) -> Fact | None:
        ctx, t, rules = self.ctx, m.trigger, m.rules
        self.purpose_of = self._purpose_head(m)
        self.trigger = t
        if not self.realis(m):
            return None
        mode = self.factuality.of(t, nominal=m.voice == "nominal",
                                  purpose=self.purpose_of is not None)
        if mode == NO_FACT:
            return None
        roles: dict[str, list] = {}
        self.first_person: bool | None = False
        self.holder_role = None
        self.theme_heads: list[Token] = []
        lemma = t.lemma_.lower()
        args = {**rules.args, **rules.lemma_args.get(lemma, {})}
        voice = m.voice
        if voice != "nominal" and is_passive(t):
            voice = "passive"
        elif voice == "passive":
            voice = "active"
        if voice == "passive" and t.dep_ in ("acl", "relcl") and \
                any(c.dep_ == "dobj" for c in t.children):
            voice = "active"  # "a group killed 40 people" misparsed as a participle
        # a lemma several types share: its theme decides ("closed the border")
        need = rules.theme_must_be if voice == "nominal" else \
            rules.theme_for.get(lemma, rules.theme_must_be)
        self.person_theme = need == "person"
        self.kind = rules.kind
        self.abstract_object = False
        self.theme_creates = rules.theme_creates

        def put(role: str | None, value) -> None:
            if role and value is not None and value != "":
                bucket = roles.setdefault(role, [])
                if value not in bucket:
                    bucket.append(value)

        phrase = self._phrase(m)
        frame = frame_slots(t, voice, phrase, light_verbs=self.light,
                            with_complement="complement" in args,
                            object_preps={p for p, r in args.items() if r == "cause"})
        trig_ids = {x.i for x in t.subtree} if voice == "passive" else set()
        has_object = any(s in ("object", "controlled") for s, _ in frame.slots)
        for slot, tok in frame.slots:
            if slot == "subject" and self.purpose_of is not None:
                # "sent the X battalion to protect the port": the battalion protects it;
                # "UNMISS sent 250 peacekeepers to protect ...": a count names no one, the
                # force that sent them does
                patient = self._patient_of(self.purpose_of)
                if patient is not None and (self._agentish(patient) is not None or
                                            not any(c.dep_ == "nummod"
                                                    for c in patient.children)):
                    tok = patient
            if slot in ("subject", "by") and self._not_agent(tok, rules.kind):
                return None  # "since the cyclone struck": no attack
            if slot == "subject":
                if tok.lower_ in ("it", "they"):
                    tok = self._speaker_of(t) or tok  # "X said it had withdrawn": X
                if not has_object and "intransitive_subject" in args:
                    # "112 people have died", "the convoy arrived": the subject of an
                    # object-less verb is its patient (for a death, only people or a count:
                    # "hopes of a deal died" is no death)
                    if rules.intransitive_counted and not self._counted(tok):
                        return None
                    put(args["intransitive_subject"], self._theme(tok, set()))
                    continue
                heads = self._conjuncts(tok)
                if args.get("subject") == "theme":  # "came under fire": the target
                    for h in heads:
                        put("theme", self._theme(h, set()))
                    continue
                if len(heads) > 1 and "conjoined_subject" in args:
                    # "A and her counterpart B met": each one a participant, nobody host
                    for h in heads:
                        put(args["conjoined_subject"], self._agentish(h))
                    continue
                for h in heads:
                    put(args.get("subject"), self._agentish(h))
            elif slot in ("object", "controlled"):
                self._object(tok, slot, args, put)
            elif slot == "passive_subject":
                put(args.get("passive_subject"),
                    self._theme(tok, trig_ids if tok.i not in trig_ids else set()))
            elif slot == "by":
                for h in self._conjuncts(tok) if voice == "passive" else [tok]:
                    put(args.get("by"), self._agentish(h))
            elif slot == "possessor":
                put(args.get("possessor"), self.f.entity(tok) or None)
            elif slot == "compound":
                named = ctx.mention_of(tok)
                if named is not None and named.type.is_agent:
                    put(args.get("possessor") or "agent", named)
                elif args.get("compound"):
                    self._fill(args["compound"], tok, put)
            elif slot == "light_subject":  # "X declared a curfew", "X and Y signed a deal"
                self._fill(args.get("light_subject", "agent"), tok, put)
            elif slot == "trigger":  # "emergency aid": the noun names what is given
                if args.get("trigger"):
                    self.theme_heads.append(tok)
                    put(args["trigger"], text_of(sorted(
                        [tok, *(x for c in tok.children if c.dep_ in ("compound", "amod")
                                and c.i < tok.i for x in c.subtree)], key=lambda x: x.i)))
            elif slot == "complement":
                put(args.get("complement"), self._clause(tok))
            else:  # a preposition's object, or the object after a multi-word trigger
                role = args.get(slot)
                if role is not None:
                    self._fill(role, tok, put, prep=slot)
        if rules.kind == "Request" and frame.complement is not None and \
                frame.complement.lemma_.lower() in self.lists["anonymity_verbs"] and \
                is_passive(frame.complement):
            return None  # "who asked not to be named": a source's condition, no request
        if rules.content:  # what is asked for, ordered or alleged is no fact of its own
            for slot, tok in frame.slots:  # (not "the summit, which was proposed by X")
                if (slot == "complement" or args.get(slot) in ("theme", "cause")) and \
                        t.is_ancestor(tok):
                    self.content_tokens.update(x.i for x in tok.subtree)
        if rules.kind == "Participation":
            return self._participation(m, roles)
        if self.abstract_object or self._abstract_theme(rules.kind, roles):
            return None
        if not self._constraints(need, roles):
            return None
        # roles the sentence gives the trigger itself (a verb's place found further off
        # does not make "returning to normal" a movement)
        framed = set(roles) if voice != "nominal" and rules.requires_framed else None
        self._requested_by(t, put)
        taken = {s for s, r in args.items() if r not in (None, "location")}
        self._location(m, put, skip_preps=taken)
        self._date(m, put)
        self._quantity(m, roles, put)
        if frame.complement is None:
            self._purpose(t, put, rules.kind)
        if "cause" in rules.extras:
            self._cause(m, put)
        if "meeting" in rules.extras:
            self._meeting(m, put, roles)
        if "office" in rules.extras:
            self.f_theme_mentions = [v for v in roles.get("theme", []) if isinstance(v, Mention)]
            self._office(t, put, rules.kind)
        if rules.quantity_required and "quantity" not in roles:
            return None
        if rules.requires and not any(
                roles.get(r) and (framed is None or r in framed or r == "quantity")
                for r in rules.requires):
            return None  # '"We call on ..."' with nobody and nothing named
        if rules.requires_named and not any(
                _named(v) for r in rules.requires_named for v in roles.get(r, [])):
            return None  # "the troops will return to their barracks": nothing named moves
        if m.voice == "nominal" and not rules.situation and \
                any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in t.children) \
                and not any(roles.get(r) for r in ("agent", "theme", "quantity", "participant")):
            return None  # "marched against the arrests": events told before, no new one
        if "owner_agent" in rules.extras and not roles.get("agent"):
            self._owner_agent(roles)
        fact = self._fact(m, roles, m.rule_for(voice))
        fact.factuality = mode
        if self.first_person and not roles.get("agent"):
            self.speaker_agents.append(fact)
        if self.purpose_of is not None:
            self.purposes.append((fact, self.purpose_of.i))
        return fact

    def _purpose_head(self, m: Match) -> Token | None:
        """The trigger of the event whose purpose this one is, when its type makes such a
        purpose an event of its own ("deployed to guard the airport": a Protection)."""
        t = m.trigger
        if m.voice == "nominal" or t.dep_ not in ("advcl", "xcomp", "acl") or \
                not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            return None
        gov = t.head
        kind = self.trigger_tokens.get(gov.i)
        if kind is None or m.rules.kind not in self.ctx.rules.types[kind].purpose_events:
            return None
        return gov

    @staticmethod
    def _patient_of(verb: Token) -> Token | None:
        """What a verb acts on: its object, or the subject of its passive."""
        if is_passive(verb):
            return passive_subject(verb)
        return next((c for c in verb.children if c.dep_ == "dobj"), None)

    def _phrase(self, m: Match) -> list[Token]:
        """The trigger with the rest of a multi-word verb ("fire" of "set fire", "to the
        streets" of "take to the streets"): no role filler."""
        t = m.trigger
        tail = {w for v in m.rules.verbs if v.split()[0] == t.lemma_.lower()
                for w in v.split()[1:]}
        if not tail:
            return list(m.phrase)
        out = list(m.phrase)
        for c in t.children:
            if c.lemma_.lower() in tail and c.dep_ in ("dobj", "prt", "advmod"):
                out.append(c)
            elif c.dep_ == "prep" and c.lemma_.lower() in tail:
                objs = [o for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in tail]
                if objs:
                    out.extend([c, *objs])
        return out

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
        if ent is not None and ent.type.is_agent and "object_entity" in args:
            put(args["object_entity"], ent)
        elif ent is None and args.get("object_entity") == "participant" and \
                obj.lemma_.lower() in self.f.group_heads:
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
            put(args.get("object"), self._theme(obj, skip))
        else:  # "fled the city": the origin; "visited X": the place
            self._fill(args["object"], obj, put)

    def _fill(self, role: str, tok: Token, put, *, prep: str = "") -> None:
        """A role filler of the kind the role takes."""
        if role in ("addressee", "participant"):
            pair = counted_antecedents(self.ctx, tok)
            if pair:  # "urged both sides": the two named before
                for m in pair:
                    put(role, m)
                return
            for h in self._conjuncts(tok) if prep != "of" else [tok]:
                ent = self.f.entity(h, create=False)
                if ent is not None and (ent.type.is_agent or ent.type is EntityType.COUNTRY):
                    put(role, ent)
                elif ent is None and (h.lemma_.lower() in self.actors or
                                      h.lemma_.lower() in self.f.body_heads):
                    # "riot police", "both sides", "the crowd": as the text says (one
                    # conjunct: the others are participants of their own)
                    own = {x.i for c in h.children if c.dep_ in ("conj", "cc", "appos")
                           for x in c.subtree}
                    put(role, text_of(self._bare(h, own)))
        elif role == "agent":
            for h in self._conjuncts(tok):
                put(role, self._agentish(h))
        elif role in ("location", "origin"):  # a named place, else where as text
            for h in self._conjuncts(tok):
                if h.lemma_.lower() in self.lists["not_places"]:
                    continue  # "returned to work", "fled the fighting": no place
                named = self.ctx.mention_of(h)
                put(role, self.f.place(h) or (
                    text_of(self._bare(h, set()))
                    if h.pos_ in ("NOUN", "PROPN") and named is None else None))
        elif role in ("cause", "purpose", "role"):
            put(role, self._clause(tok))
        elif role == "requestedBy":
            put(role, self.f.entity(tok))
        elif role == "quantity":  # "sentenced to six years"
            q = self._count(tok)
            if q is not None and q.text:
                put(role, q)
        else:
            put(role, self._theme(tok, set()))

    @staticmethod
    def _clause(tok: Token) -> str:
        """The text of a noun phrase or clause without its article or "to"."""
        toks = [x for x in np_tokens(tok, drop={"relcl", "parataxis"})
                if not (x.head == tok and ((x.dep_ == "det" and tok.pos_ == "NOUN")
                                           or (x.dep_ in ("aux", "mark") and
                                               x.lower_ in ("to", "that"))))]
        return text_of(toks)

    def _counted(self, tok: Token) -> bool:
        who = self.ctx.mention_of(tok)
        return (who is not None and who.type is EntityType.PERSON) or \
            self._count(tok) is not None

    def _fact(self, m: Match, roles: dict, rule: str, confidence: float | None = None) -> Fact:
        ctx = self.ctx
        trig = ctx.span(m.phrase)
        return Fact(kind=m.rules.kind, category="event", roles=roles, unit=ctx.unit.index,
                    sentence=ctx.sentence(m.trigger), rule=rule,
                    confidence=confidence if confidence is not None else m.rules.confidence,
                    trigger=trig, reported=ctx.unit.stamp)

    def _conjuncts(self, head: Token) -> list[Token]:
        out = [head]
        for c in head.children:
            if c.dep_ == "conj":
                out.extend(self._conjuncts(c))
        for _prep, obj in prep_objects(head, {"with"}):  # "X, together with Y"
            if any(a.lower_ == "together" for a in head.children) or any(
                    a.lower_ == "together" for a in obj.head.children):
                out.extend(self._conjuncts(obj))
        return out

    def _agentish(self, head: Token):
        if head.lemma_.lower() in self.lists["count_nouns"] and head.pos_ == "NOUN":
            # "hundreds of protesters blocked the roads": the protesters
            for _prep, obj in prep_objects(head, {"of"}):
                return self._agentish(obj)
        if (head.lemma_.lower() in self.actors or head.lemma_.lower() in self.forces) and \
                head.pos_ == "NOUN" and self.trigger is not None and any(
                    c.dep_ == "poss" and c.lower_ in ("its", "their") for c in head.children):
            # "the group claimed its fighters had killed X", "the police said its officers
            # arrested 17": the speaker's people
            said = self._speaker_of(self.trigger)
            owner = self.ctx.mention_of(said) if said is not None else None
            if owner is not None and owner.type.is_agent:
                return owner
        m = self.f.entity(head)
        if m is None and head.pos_ == "NOUN":
            # "her counterpart Luis Vera", "the army chief, General X": the name in apposition
            weapon = head.lemma_.lower() in self.lists["weapon_heads"]
            for c in head.children:
                # "an army drone", "its artillery", "drones of the X Front": the owner acts
                owner = c.dep_ in ("compound", "poss", "nmod", "amod") and weapon
                named = self.ctx.mention_of(c) if c.dep_ == "appos" or owner else None
                if named is None and owner and c.dep_ == "poss" and \
                        c.lower_ in ("its", "their"):
                    # "the army said its warplanes had bombed X": the speaker's
                    said = self._speaker_of(self.trigger) if self.trigger is not None else None
                    if said is not None:
                        return self._agentish(said)
                elif named is None and owner and c.dep_ in ("compound", "poss") and \
                        c.pos_ == "NOUN":
                    # "army warplanes": the owner as the text says (a body noun read here
                    # creates no entity: which army is for the resolver to say elsewhere)
                    return self.f.entity(c, create=False) or text_of([c])
                if named is not None and (named.type.is_agent or (owner and
                                          named.type is EntityType.COUNTRY)):
                    return named
            if weapon:
                for _prep, obj in prep_objects(head, {"of"}):
                    return self._agentish(obj)
        if m is not None:  # a country or a capital may act ("Moscow said"): it stays a place
            return m if m.type.is_agent or m.type in (EntityType.COUNTRY, EntityType.CITY) \
                else None
        if head.lemma_.lower() in self.forces and head.pos_ == "NOUN" and any(
                c.dep_ == "compound" and c.lemma_.lower() in self.forces
                for c in head.children) and not any(c.dep_ in ("nummod", "det")
                                                    for c in head.children):
            return text_of(self._bare(head, set()))  # "army units were sent to guard ..."
        if head.lemma_.lower() in self.actors and head.pos_ == "NOUN":
            # "fighters of the X Front": the group; "gunmen", "protesters": their text
            for _prep, obj in prep_objects(head, {"of"}):
                inner = self.ctx.mention_of(obj) or self._named_group(obj)
                if inner is not None and inner.type.is_agent:
                    return inner
            return text_of(self._bare(head, set()))
        kind = self.f.body_heads.get(head.lemma_.lower())
        if kind is not None and kind != "Person" and head.pos_ == "NOUN" and any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
            return text_of(self._bare(head, set()))  # "a Dhaka court ordered": as told
        title = self._title_holder(head)
        if title is not None:
            return title
        if head.pos_ == "PROPN" and head.is_title:
            # a name the entity rules missed ("The United Nations urged"): its words (not
            # a title-case headline parsed as one long name)
            name = [x for x in head.subtree
                    if (x.i <= head.i and x.dep_ in ("compound", "flat")) or x.i == head.i]
            if name and len(name) <= 5 and all(x.pos_ == "PROPN" for x in name) and \
                    self.trigger not in name:
                return text_of(sorted(name, key=lambda x: x.i))
        if head.lower_ in ("i", "we") and self.first_person is not None:
            self.first_person = True  # "I urge everyone ...": the speaker of the quote
        return None

    def _not_agent(self, tok: Token, kind: str) -> bool:
        """Whether the one acting makes the trigger no event of the type (lexicon.yaml
        ``not_agents``): "the cyclone struck", "protesters blocked the road" (a blockade
        is how they protest); "hundreds of protesters" counts as protesters."""
        words = self.lists["not_agents"].get(kind, ())
        if not words:
            return False
        if tok.lemma_.lower() in self.lists["count_nouns"]:
            tok = next((o for _p, o in prep_objects(tok, {"of"})), tok)
        return tok.lemma_.lower() in words

    def _named_group(self, tok: Token) -> Mention | None:
        """"members of the Red Viper gang": the group a common noun is named by (a name
        before a group or force noun), when the name alone is the mention."""
        low = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or not (low in self.actors or low in self.forces):
            return None
        for c in tok.children:
            if c.dep_ == "compound" and c.i < tok.i:
                m = self.ctx.mention_of(c)
                if m is not None and m.type.is_agent:
                    return m
        return None

    def _title_holder(self, head: Token) -> Mention | None:
        """"The President has directed the army ...": a definite title alone stands for the
        one person the document gives that office; a Person mention of the title (the
        resolver's ``link_titles`` joins it to that holder, or leaves it out)."""
        if head.lemma_.lower() not in self.f.role_heads or \
                head.pos_ not in ("NOUN", "PROPN") or not any(
                    c.dep_ == "det" and c.lower_ == "the" for c in head.children) or \
                any(c.dep_ in ("prep", "appos", "poss") for c in head.children):
            return None  # "the head of the mission": whose head is for named_holder
        words = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i]
        toks = sorted([*(x for w in words for x in w.subtree), head], key=lambda x: x.i)
        if " ".join(x.lower_ for x in toks) not in self.titles:
            return None
        return self.ctx.create(toks, EntityType.PERSON, "rule:event-role")

    def _theme(self, head: Token, skip: set[int]):
        if head.pos_ == "NUM":  # "51 of its members were held": the members
            for _, obj in prep_objects(head, {"of"}):
                return self._theme(obj, skip)
        through = self.lists["through_nouns"].get(head.lemma_.lower())
        if through and head.pos_ == "NOUN":  # "a total of 40 people", "access to X"
            for _, obj in prep_objects(head, {through}):
                self.theme_heads.append(head)  # "froze the assets of X": assets are frozen
                return self._theme(obj, skip)
        self.theme_heads.extend(self._conjuncts(head))
        m = self.ctx.mention_of(head)
        if m is not None and not m.type.is_place:
            return m
        holder = named_holder(self.ctx, head, self.f.role_heads)
        if holder is not None:  # "dismissed the head of X, Colonel Y,": Y, in office as
            first = self.ctx.char_span(holder.start, holder.end)
            appos = {x.i for c in head.children if c.dep_ == "appos" for x in c.subtree}
            toks = []
            for x in head.subtree:
                if x.text == "," or x.i in appos or (first is not None and x.i >= first.start):
                    break
                if x.dep_ != "det" or x.head != head:
                    toks.append(x)
            self.holder_role = text_of(toks)  # "head of X"
            return holder
        if self.theme_creates and (head.lemma_.lower() in self.lists["forces"] or
                                   head.lemma_.lower() in self.f.body_heads):
            # an office holder named by title ("the defence minister was dismissed"), a force
            # sent ("the peacekeeping battalion of the African Union")
            ent = self.f.entity(head, person=self.person_theme)
            if ent is not None:
                return ent
        text = text_of(self._bare(head, skip))
        return text or None

    def _bare(self, head: Token, skip: set[int]) -> list[Token]:
        """The theme's noun phrase without its article or determiner and its count
        ("about 2,000 peacekeepers": peacekeepers; the count is the quantity)."""
        drop = set(skip)
        t = self.trigger
        if t is not None and head.is_ancestor(t):  # "the convoy, which gunmen ambushed"
            drop.update(x.i for c in head.children if c == t or c.is_ancestor(t)
                        for x in c.subtree)
        for h in self._conjuncts(head):
            for c in h.children:
                first = min(x.i for x in c.subtree)
                if (c.dep_ in ("det", "predet") and c.i < h.i and h is head) or \
                        (c.dep_ == "nummod" and c.i < h.i) or \
                        (c.dep_ in ("relcl", "appos") and first > 0 and
                         h.doc[first - 1].text == "," and (
                             c.dep_ == "relcl" or self.ctx.mention_of(c) is None)):
                    drop.update(x.i for x in c.subtree)  # ", which ...": said in passing
        # a restrictive relative clause says which ("people who were detained during X")
        kept = np_tokens(head, skip=drop, drop={"advcl", "parataxis"})
        return kept or np_tokens(head, skip=skip)

    def _speaker_of(self, t: Token) -> Token | None:
        """The subject of the verb of saying whose reported clause holds ``t``."""
        for a in t.ancestors:
            if a.lemma_.lower() in self.cue_verbs and a.pos_ == "VERB":
                s = next((c for c in a.children if c.dep_ == "nsubj"), None)
                if s is None and a.dep_ == "conj":  # "X accused Y ... and said its ..."
                    s = next((c for c in a.head.children if c.dep_ == "nsubj"), None)
                if s is not None and s.lower_ not in ("it", "they", "he", "she") and \
                        self.f.entity(s, create=False) is not None:
                    return s
                return None
        return None

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
        phrase says what kind ("a police team", "a team of 40 soldiers")."""
        lemma = _lemma_like(head)
        if lemma not in self.forces:
            return False
        if lemma not in self.lists["qualified_forces"]:
            return True
        words = {_lemma_like(w) for w in re.findall(r"[\w-]+", text.lower())}
        return bool(words & set(self.lists["force_qualifiers"])) or any(
            w in self.forces and w not in self.lists["qualified_forces"] for w in words)

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
                    if need == "force" and v.type is EntityType.ARMED_FORCE:
                        return True
                    if need == "person" and v.type is EntityType.PERSON:
                        return True
                elif need == "force" and isinstance(v, str) and any(
                        self._force_head(head, v) for head in _conjunct_heads(v)):
                    return True
            return False
        words = set(self.lists[need])
        types = {w[5:] for w in words if w.startswith("type:")}
        if any(isinstance(v, Mention) and v.type.value in types for v in themes):
            return True
        counted = "counted:PROPN" in words  # "19 Ugandans": a counted demonym
        return any(h.lemma_.lower() in words or h.lower_ in words or
                   f"ent:{h.ent_type_}" in words or (
                       counted and h.pos_ == "PROPN" and h.text.endswith("s") and
                       any(c.dep_ == "nummod" for c in h.children))
                   for h in self.theme_heads)



def _named(value) -> bool:
    """A count, or a mention that names something: not a description made for a role
    ("the troops") unless a name or demonym is in it ("the Kenyan troops")."""
    if isinstance(value, Quantity):
        return True
    return isinstance(value, Mention) and (
        value.source not in ("rule:event-role", "rule:anaphor") or any(
            w[:1].isupper() for w in value.text.split()))


def _conjunct_heads(text: str) -> list[str]:
    """Last word of each conjunct: "3,500 soldiers and 40 boats" -> soldiers, boats."""
    parts = re.split(r",|\band\b|\bor\b|\bas well as\b", text)
    return [p.split()[-1] for p in parts if p.split()]


def _lemma_like(word: str) -> str:
    w = word.lower()
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w

