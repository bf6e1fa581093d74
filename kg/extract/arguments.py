"""The role reader: the arguments of a matched trigger, from the dependency parse.

Roles are read from the trigger's dependents according to the voice: the subject
of an active verb, the ``by`` phrase or the possessor of a passive or nominal
trigger is the agent; the object or passive subject is the theme (the type file's
``args`` map slots to roles). Relative pronouns are replaced by their antecedent,
climbing out of "X of Y (Z), which ..." to X (to Y when X cannot act: "the verdict of the
Court, which convicted"); participles and conjuncts without a subject share their main
verb's. Whether a match names an event at all is :class:`~kg.extract.realis.Realis`;
place, date and quantity come from :class:`~kg.extract.circumstances.Circumstances`,
fillers from :class:`~kg.extract.role_fillers.RoleFillers`, the theme checks from
:class:`~kg.extract.theme_checks.ThemeChecks`, the direct object's roles from
:class:`~kg.extract.object_roles.ObjectRoles`.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.circumstances import Circumstances
from kg.extract.context import Context, Fillers, counted_antecedents
from kg.extract.counts import one_person
from kg.extract.entity_rules import entity_rules
from kg.extract.factuality import (
    NO_FACT,
    Factuality,
    absent_act,
    dated_ahead,
    opposite_state,
)
from kg.extract.frames import frame_slots, light_verb, sitting_subject, small_clause_object
from kg.extract.object_roles import ObjectRoles
from kg.extract.planners import planner
from kg.extract.purposes import purpose_agent, purpose_clause
from kg.extract.realis import Realis
from kg.extract.role_fillers import RoleFillers
from kg.extract.senders import senders
from kg.extract.syntax import (
    is_passive,
    np_tokens,
    passive_subject,
    prep_objects,
    text_of,
)
from kg.extract.theme_checks import ThemeChecks, past_adverbial, split_list
from kg.extract.theme_fillers import described_people, named_act
from kg.extract.triggers import Match
from kg.extract.type_roles import TypeRoles
from kg.records import EntityType, Fact, Mention, Quantity

# what a verb's own phrase holds when the act itself is a role ("remanded X until Y")
_PREDICATE_DEPS = ("dobj", "prt", "prep", "dative", "oprd", "acomp")


class Reader(Realis, ObjectRoles, RoleFillers, ThemeChecks, TypeRoles, Circumstances):
    """Fills the roles of matched triggers."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.f = Fillers(ctx)
        lists = ctx.rules.lists
        self.lists = lists
        self.light = set(lists["light_verbs"])
        self.onset = set(lists["onset_verbs"])
        self.forces = set(lists["forces"])
        self.cue_verbs = set(ctx.rules.statements["cues"]["verbs"])
        self.factuality = Factuality(ctx)
        self.actors = set(lists["actor_nouns"])
        self.undoing = set(lists["undoing_verbs"])
        self.content = set(lists["content_heads"])
        self.documents = set(lists["issued_documents"])
        self.order_nouns = set(lists["order_nouns"])
        self.titles = set(entity_rules().titles)
        self.trigger_tokens: dict[int, str] = {}
        self.trigger_kinds: set[tuple[int, str]] = set()  # (token index, type) of triggers
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
    def read(self, m: Match) -> Fact | None:
        ctx, t, rules = self.ctx, m.trigger, m.rules
        self.purpose_of = self._purpose_head(m)
        self.trigger = t
        if not self.realis(m):
            return None
        mode = opposite_state(m, self.factuality.of(t, nominal=m.voice == "nominal",
                                                    purpose=self.purpose_of is not None or
                                                    rules.kind in self.lists["purpose_acts"]))
        if mode == NO_FACT:
            return None
        states = self.lists["continuing_states"]
        noun = t.head if t.dep_ == "conj" else t  # "a curfew and a shutdown ... would stay"
        if mode in ("future", "hypothetical") and (t.lemma_.lower() in states or (
                m.voice == "nominal" and noun.dep_ == "nsubj" and
                noun.head.lemma_.lower() in states)):
            mode = None  # "the borders would remain closed", "the curfew will stay": now
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
        if voice == "passive" and t.dep_ in ("acl", "relcl") and (
                any(c.dep_ == "dobj" for c in t.children) or
                (t.dep_ == "acl" and t.head.dep_ == "ROOT" and t.head.pos_ == "NOUN" and
                 any(c.dep_ == "oprd" and c.pos_ == "PROPN" for c in t.children))):
            voice = "active"  # "a group killed 40 people" misparsed as a participle
        # a lemma several types share: its theme decides ("closed the border")
        need = rules.theme_must_be if voice == "nominal" else \
            rules.theme_for.get(lemma, rules.theme_must_be)
        matched = {m.pattern_id, *(pid for pid, _v in m.alternatives)}
        if any(p.any_theme for p in rules.patterns if p.id in matched):
            need = None  # the pattern says what sort of act it is (kg/rules/loader.py)
        self.person_theme = need == "person"
        self.kind = rules.kind
        self.abstract_object = False
        self.theme_creates = rules.theme_creates

        def put(role: str | None, value) -> None:
            if role and value is not None and value != "":
                bucket = roles.setdefault(role, [])
                if value not in bucket:
                    bucket.append(value)

        if voice == "nominal" and lemma in self.lists["light_only_nouns"].get(rules.kind, ()) \
                and light_verb(t, self.light) is None and sitting_subject(t) is None:
            # "following the session": only "held/chaired a session" or "at its weekly
            # session" (the sitting of the clause's subject) tells one
            return None
        phrase = self._phrase(m)
        frame = frame_slots(t, voice, phrase, light_verbs=self.light,
                            with_complement="complement" in args,
                            object_preps={p for p, r in args.items() if r == "cause"},
                            order_nouns=self.order_nouns,
                            directed="directed_object" in args,
                            sitting="sitting_subject" in args,
                            participle_light="meeting" not in rules.extras,
                            onset_verbs=self.onset, small_clause_verbs=self.content)
        if voice == "active" and not any(s == "subject" for s, _ in frame.slots):
            # "X had no plans to close the border": X would close it
            frame.add("subject", planner(t, set(self.lists["plan_nouns"]),
                                         set(self.lists["plan_verbs"])))
        trig_ids = {x.i for x in t.subtree} if voice == "passive" else set()
        has_object = any(s in ("object", "controlled", "directed_object")
                         for s, _ in frame.slots)
        for slot, tok in frame.slots:
            if slot == "subject":
                tok = self._relative_agent(t, tok)
            if slot == "subject" and self.purpose_of is not None:
                tok = purpose_agent(self.purpose_of, self._agentish) or tok
            if slot == "subject" and tok.pos_ == "NOUN" and \
                    tok.lemma_.lower() in self.documents:
                tok = self._issuer(tok)  # "signed a decree dissolving X": the signer
                if tok is None:
                    continue
            if slot in ("subject", "by") and self._not_agent(tok, rules.kind):
                return None  # "since the cyclone struck": no attack
            if slot == "subject":
                if tok.lower_ in ("it", "they"):
                    tok = self._speaker_of(t) or tok  # "X said it had withdrawn": X
                if not has_object and args.get("intransitive_subject"):
                    # "112 people have died", "the convoy arrived": the subject of an
                    # object-less verb is its patient (for a death, only people or a count:
                    # "hopes of a deal died" is no death)
                    if rules.intransitive_counted and not self._counted(tok) and \
                            self._zero(tok) is None:
                        return None
                    self.sent_from = []
                    put(args["intransitive_subject"], self._theme(self._sent_thing(t, tok),
                                                                  set()))
                    for place in self.sent_from:
                        if args.get("from") == "origin":
                            put("origin", place)
                    continue
                heads = self._conjuncts(tok)
                if self.purpose_of is not None and all(
                        h.pos_ == "NOUN" and ctx.mention_of(h) is None for h in heads):
                    heads = heads[:1]  # "soldiers and police were sent to guard X": the
                    # list of common nouns is one force, as the deployment's theme is
                if args.get("subject") == "theme":  # "came under fire": the target
                    self.sent_from = []
                    for h in heads:  # ("sent X to A, which reached B": X)
                        put("theme", self._theme(self._sent_thing(t, h), set()))
                    for place in self.sent_from:
                        if args.get("from") == "origin":
                            put("origin", place)
                    continue
                if len(heads) > 1 and "conjoined_subject" in args:
                    # "A and her counterpart B met": each one a participant, nobody host
                    for h in heads:
                        put(args["conjoined_subject"], self._agentish(h))
                    continue
                pair = counted_antecedents(ctx, tok) \
                    if args.get("subject") in ("participant", "agent") else []
                for h in pair or heads:  # "the sides agreed", "the two bodies urged": the
                    # two named before
                    put(args.get("subject"), h if pair else self._agentish(h))
            elif slot in ("object", "controlled"):
                self._object(tok, slot, args, put)
            elif slot == "passive_subject":
                for value in self._themes(tok, trig_ids if tok.i not in trig_ids else set()):
                    if rules.kind == "Ban" and isinstance(value, str):
                        value = self._barred_activity(t, value)
                    put(args.get("passive_subject"), value)
            elif slot == "by":
                for h in self._conjuncts(tok) if voice == "passive" else [tok]:
                    put(args.get("by"), self._agentish(h))
            elif slot == "possessor":
                owner = self.f.entity(tok) or None
                if args.get("possessor") == "location" and not (
                        isinstance(owner, Mention) and owner.type.is_place):
                    owner = None  # "Egypt's uprising": a place; "the union's strike": no
                put(args.get("possessor"), owner)
            elif slot == "compound":
                named = ctx.mention_of(tok)
                if named is not None and named.type.is_agent:
                    put(args.get("possessor") or "agent", named)
                elif args.get("compound") == "participant" and named is None and \
                        self.f.body_heads.get(tok.lemma_.lower()) == "GovernmentBody" and \
                        tok.pos_ == "NOUN" and tok.tag_ != "NNS":
                    # "an emergency cabinet meeting", "a council meeting": the body's own
                    # sitting, which it holds and attends (the resolver names the body; the
                    # noun alone: "emergency" of "an emergency cabinet meeting" is the
                    # meeting's, whatever the parser hangs it on)
                    body = ctx.created_at(tok) or ctx.create(
                        [tok], EntityType.GOVERNMENT_BODY, "rule:event-role")
                    put("participant", body)
                    put("agent", body)
                elif args.get("compound"):
                    self._fill(args["compound"], tok, put)
            elif slot == "faced_subject":  # "X faces charges": only a role the type names
                if args.get(slot):
                    self._fill(args[slot], tok, put)
            elif slot in ("light_subject", "recipient_subject"):  # "X declared a curfew"
                if slot == "light_subject" and self._not_agent(tok, rules.kind):
                    return None  # "the court held a hearing": no meeting
                if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.documents:
                    tok = self._issuer(tok)  # "X signed a decree declaring a curfew": X
                    if tok is None:
                        continue
                self._fill(args.get(slot, args.get("light_subject", "agent")), tok, put)
            elif slot == "trigger":  # "emergency aid": the noun names what is given
                if args.get("trigger"):
                    self.theme_heads.append(tok)
                    put(args["trigger"], text_of(sorted(
                        [tok, *(x for c in tok.children if c.dep_ in ("compound", "amod")
                                and c.i < tok.i for x in c.subtree)], key=lambda x: x.i)))
            elif slot == "complement":
                put(args.get("complement"), self._clause(tok, small_clause_object(t, tok)))
            elif slot == "directed_object":  # "ordered soldiers onto the streets": a
                for h in self._conjuncts(tok):  # named one, else as the text says
                    named = self.ctx.mention_of(h)
                    put(args[slot], named if named is not None and named.type.is_agent
                        else self._theme(h, set()))
            elif slot == "direction":  # the phrase with its preposition: "out of Niger"
                put(args.get("direction"), text_of(list(tok.subtree)))
            else:  # a preposition's object, or the object after a multi-word trigger
                role = args.get(slot)
                if role is not None:
                    self._fill(role, tok, put, prep=slot)
        if not roles.get("cause") and "cause" in args.values():
            self._nested_cause(t, args, put)
        if not roles.get("cause") and rules.kind in self.lists["reason_kinds"]:
            self._stated_reason(t, put)  # "suspended X's licence, saying it had failed to"
        if rules.kind == "Request" and frame.complement is not None and \
                frame.complement.lemma_.lower() in self.lists["anonymity_verbs"] and \
                is_passive(frame.complement):
            return None  # "who asked not to be named": a source's condition, no request
        if rules.content:  # what is asked for, ordered or alleged is no fact of its own
            for slot, tok in frame.slots:  # (not "the summit, which was proposed by X")
                if (slot == "complement" or args.get(slot) in ("theme", "cause")) and \
                        t.is_ancestor(tok):
                    # a relative clause in it is told as a fact ("accused X, a businessman
                    # who was sentenced to 12 years, of financing ..."): not content
                    told = {x.i for r in tok.subtree if r.dep_ == "relcl" and r != tok
                            for x in r.subtree}
                    self.content_tokens.update(x.i for x in tok.subtree if x.i not in told)
        if args.get("predicate") and voice == "active":
            # "remanded him until June 3", "would rule by decree": the act as told
            put(args["predicate"], text_of(sorted(
                [t, *(x for c in t.children if c.dep_ in _PREDICATE_DEPS for x in c.subtree)],
                key=lambda x: x.i)))
        if "carried" in rules.extras:
            self._carried(t, roles)
        if voice == "nominal" and not roles.get("theme"):
            self._without_patient(t, rules.kind, put)
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
        if not any(p.undated for p in rules.patterns if p.id == m.pattern_id):
            self._date(m, put)
        self._quantity(m, roles, put)
        if frame.complement is None:
            self._purpose(t, put, rules.kind)
        if "dispersed" in rules.extras and not roles.get("theme"):
            self._dispersed(t, put)
        if "cause" in rules.extras:
            self._cause(m, put)
            if not roles.get("cause") and roles.get("purpose"):
                # "took to the streets to demand X": what a protest is about
                roles["cause"] = roles.pop("purpose")
        if "meeting" in rules.extras:
            self._meeting(m, put, roles)
        if "office" in rules.extras:
            self.f_theme_mentions = [v for v in roles.get("theme", []) if isinstance(v, Mention)]
            self._office(t, put, rules.kind)
        if mode == "negated" and "quantity" not in roles and (
                rules.quantity_required or rules.intransitive_counted):
            # "no civilians were killed", "no injuries were reported": a count of none
            put("quantity", self._zero_count(t, m.voice == "nominal"))
        if rules.quantity_required and "quantity" not in roles:
            return None
        if rules.requires and not absent_act(t, mode, self.light) and not any(
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
        if "named_act" in rules.extras and m.voice == "nominal" and not roles.get("theme") \
                and t.head.lemma_.lower() not in rules.verbs:  # ("signed a treaty": the verb's)
            # (after the checks: the noun alone makes no fact of its type)
            put("theme", named_act(t))  # "a 1975 treaty between A and B": the treaty
        if "placed_theme" in rules.extras:
            self._placed_theme(t, roles)
        if "owner_agent" in rules.extras and not roles.get("agent"):
            self._owner_agent(roles)
        if "sent_agent" in rules.extras and not roles.get("agent"):
            for who in senders(t, set(self.lists["sending_verbs"])):
                put("agent", self._agentish(who))  # "planes sent by X landed"
        fact = self._fact(m, roles, m.rule_for(voice))
        if mode is None and rules.kind in self.lists["scheduled_kinds"] and \
                dated_ahead(roles, ctx.base):
            mode = "future"  # dated after the day it is told
        fact.factuality = mode
        if self.first_person and not roles.get("agent"):
            self.speaker_agents.append(fact)
        if self.purpose_of is not None:
            self.purposes.append((fact, self.purpose_of.i))
        return fact

    def _nested_cause(self, t: Token, args: dict, put) -> None:
        """"charged on Friday in two new cases over the violence", "an investigation into
        the guards and into officials for alleged bribery": the cause hangs on the phrase
        a preposition of the trigger opens (the type's own cause prepositions)."""
        preps = {w for w, r in args.items() if r == "cause"} & {"over", "for"}
        heads = [t, t.head] if t.dep_ == "dobj" and t.pos_ == "NOUN" else [t]  # "opened
        # an investigation into X": the parser may hang the phrase on the light verb
        for head in heads:
            for _p, obj in prep_objects(head, {"in", "into", "against"}):
                for p in obj.subtree:
                    if p.dep_ != "prep" or p.lower_ not in preps or p.i < obj.i:
                        continue
                    inner = next((o for o in p.children if o.dep_ == "pobj"), None)
                    if inner is None:
                        continue
                    # a restrictive relative clause says which ("the violence that
                    # followed his arrest"); one after a comma is said in passing
                    words = [x for x in inner.subtree if not x.is_punct and not any(
                        r.dep_ == "relcl" and r.left_edge.i > 0 and
                        r.doc[r.left_edge.i - 1].text == "," and x in r.subtree
                        for r in inner.children)]
                    put("cause", text_of(words))
                    return

    def _purpose_head(self, m: Match) -> Token | None:
        """The trigger of the event whose purpose this one is, when its type makes such a
        purpose an event of its own ("deployed to guard the airport": a Protection)."""
        if m.voice == "nominal":
            return None
        gov = purpose_clause(m.trigger)
        if gov is None:
            return None
        kind = self.trigger_tokens.get(gov.i)
        if kind is None or m.rules.kind not in self.ctx.rules.types[kind].purpose_events:
            return None
        return gov

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

    def _themes(self, head: Token, skip: set[int]) -> list:
        """One theme per conjunct when a list names things ("closed Tuguegarao Airport and
        Cauayan Airport", "to guard the port of X and Y airport"); a list of common nouns
        ("flour, lentils and cooking oil") stays one theme."""
        through = self.through_prep(head)
        if through and head.pos_ == "NOUN":  # "blocked access to X, Y and Z"
            for _, obj in prep_objects(head, {through}):
                self.theme_heads.append(head)
                return self._themes(obj, skip)
        head = past_adverbial(head)
        split = split_list(head)
        if split is not None:  # "a pistol, three grenades and X were seized" (parse split)
            return [split]
        heads = self._conjuncts(head)
        if people := described_people(self.ctx, head):
            return people  # "the men, A and B, were charged": A and B
        if len(heads) < 2 or head.pos_ == "NUM" or not any(
                h.pos_ == "PROPN" or self.ctx.mention_of(h) is not None for h in heads):
            return [self._theme(head, skip)]
        out = []
        creates = self.theme_creates
        for n, h in enumerate(heads):
            own = skip | {x.i for c in h.children if c.dep_ in ("conj", "cc")
                          for x in c.subtree}
            own |= {c.i for c in h.children if c.dep_ == "punct"}
            self.theme_creates = creates and n == 0  # no new entity made for the rest
            out.append(self._theme(h, own))
        self.theme_creates = creates
        return out

    def _fill(self, role: str, tok: Token, put, *, prep: str = "") -> None:
        """A role filler of the kind the role takes."""
        if role == "addressee" and self.kind == "Aid" and prep == "for" and \
                tok.pos_ == "NOUN" and self.ctx.mention_of(tok) is None and \
                tok.lemma_.lower() not in self.lists["recipients"] and \
                tok.lemma_.lower() not in self.lists["people"] and self.trigger is not None \
                and any(c.dep_ in ("dobj", "nsubjpass") and c.ent_type_ == "MONEY"
                        for c in self.trigger.children):
            # "would provide $500,000 for emergency water supplies": what the money is
            # for is what is given, not who
            put("theme", text_of(self._bare(tok, set())))
            return
        if role in ("addressee", "participant"):
            pair = counted_antecedents(self.ctx, tok)
            if pair:  # "urged both sides": the two named before
                for m in pair:
                    put(role, m)
                return
            for h in self._conjuncts(tok) if prep != "of" else [tok]:
                ent = self.f.entity(h, create=False) or self.f.definite_body(h)
                if ent is not None and h.tag_ == "NNS" and self.ctx.mention_of(h) is None:
                    ent = None  # "EU foreign ministers": the people, not their bloc
                named = self._named_in(h) if ent is None else []
                if named:  # "her counterpart, Sunil Rao", "creditors, including Japan"
                    for x in named:
                        put(role, x)
                elif ent is not None and (ent.type.is_agent or
                                          ent.type is EntityType.COUNTRY):
                    put(role, ent)
                elif ent is None and (h.lemma_.lower() in self.actors or
                                      h.lemma_.lower() in self.f.body_heads or
                                      (self.kind == "Aid" and (
                                          h.lemma_.lower() in self.lists["recipients"] or
                                          h.lemma_.lower() in self.lists["people"]))):
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
                if self.kind == "Movement" and h.lemma_.lower() in self.lists["still_states"]:
                    self.abstract_object = True  # "came to a halt": no journey
                    return
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

    def _named_in(self, h: Token) -> list:
        """The named actors an unnamed noun stands for: its apposition ("her Indian
        counterpart, Sunil Rao") or the names it includes ("its creditors, including
        Japan and China")."""
        heads = [c for c in h.children if c.dep_ == "appos"]
        heads += [o for c in h.children if c.dep_ == "prep" and c.lower_ == "including"
                  for o in c.children if o.dep_ == "pobj"]
        out = []
        for x in heads:
            for y in self._conjuncts(x):
                m = self.ctx.mention_of(y)
                if m is not None and (m.type.is_agent or m.type is EntityType.COUNTRY):
                    out.append(m)
        return out

    @staticmethod
    def _clause(tok: Token, subject: Token | None = None) -> str:
        """The text of a noun phrase or clause without its article or "to"; with
        ``subject``, that noun phrase leads it ("ordered [them] held": "them held")."""
        toks = [x for x in np_tokens(tok, drop={"relcl", "parataxis"})
                if not (x.head == tok and ((x.dep_ == "det" and tok.pos_ == "NOUN")
                                           or (x.dep_ in ("aux", "mark") and
                                               x.lower_ in ("to", "that"))))]
        if subject is not None:
            toks = [x for x in np_tokens(subject) if not (x.dep_ == "det" and
                                                          x.head == subject)] + toks
        return text_of(toks)

    def _zero(self, tok: Token) -> Quantity | None:
        """A patient that counts nobody: "no one", "nobody", "no civilians"."""
        neg = self.factuality
        if tok.lower_ in neg.neg_pronouns or (
                tok.lower_ == "one" and any(c.lower_ == "no" for c in tok.children)):
            return Quantity(text=text_of(list(tok.subtree)), value=0.0)
        if any(c.dep_ == "det" and c.lower_ in neg.neg_dets for c in tok.children):
            start = min(x.i for x in tok.subtree)
            return Quantity(text=text_of(list(tok.doc[start:tok.i + 1])), value=0.0)
        return None

    def _zero_count(self, t: Token, nominal: bool) -> Quantity:
        """The count of a negated death or injury: its patient's "no", else none."""
        verb = t
        while verb.dep_ == "conj" and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            verb = verb.head  # "no soldier was killed or injured"
        patients = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        raised = None if nominal else passive_subject(verb)
        for c in ([t] if nominal else []) + patients + ([raised] if raised else []):
            q = self._zero(c)
            if q is not None:
                return q
        return Quantity(text="none", value=0.0)

    def _counted(self, tok: Token) -> bool:
        who = self.ctx.mention_of(tok)
        return (who is not None and who.type is EntityType.PERSON) or \
            self._count(tok) is not None or \
            one_person(tok, self.lists["people"]) is not None

    def _fact(self, m: Match, roles: dict, rule: str, confidence: float | None = None) -> Fact:
        ctx = self.ctx
        trig = ctx.span(m.phrase)
        return Fact(kind=m.rules.kind, category="event", roles=roles, unit=ctx.unit.index,
                    sentence=ctx.sentence(m.trigger), rule=rule,
                    confidence=confidence if confidence is not None else m.rules.confidence,
                    trigger=trig, reported=ctx.unit.stamp)


def _named(value) -> bool:
    """A count, or a mention that names something: not a description made for a role
    ("the troops") unless a name or demonym is in it ("the Kenyan troops")."""
    if isinstance(value, Quantity):
        return True
    return isinstance(value, Mention) and (
        value.source not in ("rule:event-role", "rule:anaphor") or any(
            w[:1].isupper() for w in value.text.split()))

