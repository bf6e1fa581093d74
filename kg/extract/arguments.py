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
from kg.extract.context import Context, Fillers, ctx_sent, named_holder
from kg.extract.syntax import (
    is_passive,
    np_tokens,
    passive_subject,
    prep_objects,
    subject_of,
    text_of,
)
from kg.extract.triggers import Match
from kg.records import EntityType, Fact, Mention
from kg.rules.loader import EventRules

_SITUATIONS = {"Protest", "Riot", "StateOfEmergency", "CounterTerrorismOperation"}


class Reader(Circumstances):
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
        self.irrealis = set(lists["irrealis_heads"])
        self.actors = set(lists["actor_nouns"])
        self.trigger_tokens: dict[int, str] = {}
        self._sent_words: dict[int, tuple[list[Token], list[str], set[str]]] = {}
        self.person_theme = False
        self.holder_role: str | None = None
        self.f_theme_mentions: list[Mention] = []

    # which triggers are real events
    def realis(self, m: Match) -> bool:
        t = m.trigger
        if m.voice != "nominal":
            if any(c.dep_ == "neg" for c in t.children):
                return False
            if t.tag_ == "VBG" and t.dep_ in ("acl", "pcomp"):
                return False
            v = t
            for _ in range(3):
                if any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
                    return False
                if v.dep_ == "conj" and v.head.pos_ == "VERB":
                    v = v.head
                    continue
                break
            if t.dep_ == "xcomp" and t.head.lemma_.lower() in self.irrealis:
                return False
            # "police would arrest them if they returned": a condition, not an event
            if any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might")
                   for c in t.children) and \
                    any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless")
                                                  for g in c.children) for c in t.children):
                return False
        else:
            h = t.head
            if t.dep_ == "pobj" and h.lemma_.lower() in ("at", "upon") and \
                    t.lemma_.lower() in self.lists["request_nouns"]:
                return False
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
        if not self.realis(m):
            return None
        roles: dict[str, list] = {}
        self.holder_role = None
        args = rules.args
        self.person_theme = rules.theme_must_be == "person"
        voice = m.voice
        if voice != "nominal" and is_passive(t):
            voice = "passive"
        elif voice == "passive":
            voice = "active"
        if voice == "passive" and t.dep_ in ("acl", "relcl") and \
                any(c.dep_ == "dobj" for c in t.children):
            voice = "active"  # "a group killed 40 people" misparsed as a participle

        def put(role: str | None, value) -> None:
            if role and value is not None and value != "":
                bucket = roles.setdefault(role, [])
                if value not in bucket:
                    bucket.append(value)

        # the rest of a multi-word trigger ("fire" of "set fire") is no role filler
        tail = {w for v in rules.verbs if v.split()[0] == t.lemma_.lower() for w in v.split()[1:]}
        phrase = [*m.phrase, *(c for c in t.children if c.lemma_.lower() in tail
                               and c.dep_ in ("dobj", "prt"))]
        skip_obj: set[int] = set()
        trig_ids = {x.i for x in t.subtree} if voice == "passive" else set()
        if voice == "active":
            subj = subject_of(t)
            if subj is not None and subj.lower_ in ("it", "they"):
                subj = self._speaker_of(t) or subj  # "X said it had withdrawn": X
            obj = next((c for c in t.children if c.dep_ == "dobj" and c not in phrase), None)
            if subj is not None and obj is None and "intransitive_subject" in args:
                # "112 people have died": the subject of an object-less verb is its patient,
                # when it is a person or a count of them ("hopes of a deal died" is no death)
                who = ctx.mention_of(subj)
                if (who is None or who.type is not EntityType.PERSON) and \
                        self._count(subj) is None:
                    return None
                put(args["intransitive_subject"], self._theme(subj, set()))
            elif subj is not None:
                for h in self._conjuncts(subj):
                    put(args.get("subject"), self._agentish(h))
            if obj is not None:
                poss = [c for c in obj.children if c.dep_ in ("poss", "nmod")
                        and ctx.mention_of(c) is not None]
                if poss and "object_possessor" in args:
                    for p in poss:
                        put(args["object_possessor"], ctx.mention_of(p))
                        skip_obj.update(x.i for x in p.subtree)
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
                else:
                    put(args.get("object"), self._theme(obj, skip_obj))
        elif voice == "passive":
            subj = passive_subject(t)
            if subj is not None:
                put(args.get("passive_subject"), self._theme(subj, trig_ids if subj.i not in
                                                             trig_ids else set()))
            for _prep, obj in prep_objects(t, {"by"}):
                for h in self._conjuncts(obj):
                    put(args.get("by"), self._agentish(h))
        else:  # nominal
            for c in t.children:
                if c.dep_ == "poss":
                    put(args.get("possessor"), self.f.entity(c) or None)
            for c in t.children:
                if c.dep_ == "compound" and ctx.mention_of(c) is not None \
                        and ctx.mention_of(c).type.is_agent:
                    put(args.get("possessor") or "agent", ctx.mention_of(c))
            if t.dep_ in ("dobj", "nsubjpass") and t.head.lemma_.lower() in self.light:
                subj = subject_of(t.head) if t.dep_ == "dobj" else None
                if subj is None:
                    for _prep, obj in prep_objects(t.head, {"by"}):
                        subj = obj
                if subj is not None:
                    put("agent", self._agentish(subj))
            for _prep, obj in prep_objects(t, {"by"}):
                put(args.get("by"), self._agentish(obj))
        phrase_preps = [("phrase_object", o) for x in phrase
                        for _p, o in prep_objects(x, {"to", "on"})] if len(phrase) > 1 else []
        for prep, obj in [*prep_objects(t, {"of", "for", "to", "with"}), *phrase_preps]:
            slot = args.get(prep)
            if slot is None or (prep == "of" and voice != "nominal"):
                continue
            if slot in ("addressee", "participant"):
                ent = self.f.entity(obj, create=False)
                if ent is not None and ent.type.is_agent:
                    put(slot, ent)
            else:
                put(slot, self._theme(obj, set()))
        if m.rules.kind == "Participation":
            return self._participation(m, roles)
        if self._abstract_theme(rules.kind, roles):
            return None
        if not self._constraints(rules, roles):
            return None
        self._requested_by(t, put)
        self._location(m, put)
        self._date(m, put)
        self._quantity(m, roles, put)
        self._purpose(t, put, rules.kind)
        if rules.kind == "Request" and roles.get("purpose"):
            # "asked X to extend the mandate", "urged his supporters to join a rally": X is
            # the one asked and what is asked for is the request's theme
            if roles.get("theme") and not roles.get("addressee") and \
                    any(c.dep_ == "dobj" for c in t.children):
                roles["addressee"] = roles.pop("theme")
            if "theme" not in roles:
                roles["theme"] = roles.pop("purpose")
        if rules.kind in ("Protest", "Riot"):
            self._cause(m, put)
        if rules.kind == "Meeting":
            self._meeting(m, put)
        if rules.kind in ("Appointment", "Dismissal"):
            self.f_theme_mentions = [v for v in roles.get("theme", []) if isinstance(v, Mention)]
            self._office(t, put, rules.kind)
        if rules.quantity_required and "quantity" not in roles:
            return None
        if rules.kind == "Request" and not any(roles.get(r) for r in (
                "agent", "addressee", "theme")):
            return None  # '"We call on ..."' with nobody and nothing named
        if m.voice == "nominal" and rules.kind not in _SITUATIONS and \
                any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in t.children) \
                and not any(roles.get(r) for r in ("agent", "theme", "quantity", "participant")):
            return None  # "marched against the arrests": events told before, no new one
        if rules.kind in ("Deployment", "Withdrawal") and not roles.get("agent"):
            self._owner_agent(roles)
        return self._fact(m, roles, m.rule_for(voice))

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
        m = self.f.entity(head)
        if m is not None:
            return m if m.type.is_agent or m.type is EntityType.COUNTRY else None
        if head.lemma_.lower() in self.actors and head.pos_ == "NOUN":
            # "fighters of the X Front": the group; "gunmen", "protesters": their text
            for _prep, obj in prep_objects(head, {"of"}):
                inner = self.ctx.mention_of(obj)
                if inner is not None and inner.type.is_agent:
                    return inner
            return text_of([x for x in np_tokens(head) if x.dep_ != "det" or x.head != head])
        return None

    def _theme(self, head: Token, skip: set[int]):
        if head.lemma_.lower() in ("total", "number", "group", "batch") and head.pos_ == "NOUN":
            for _, obj in prep_objects(head, {"of"}):
                return self._theme(obj, skip)
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
        if head.lemma_.lower() in self.lists["forces"] or head.lemma_.lower() in \
                self.f.body_heads:
            # an office holder named by title ("the defence minister was dismissed")
            ent = self.f.entity(head, person=self.person_theme)
            if ent is not None:
                return ent
        text = text_of(np_tokens(head, skip=skip))
        return text or None

    def _speaker_of(self, t: Token) -> Token | None:
        """The subject of the verb of saying whose reported clause holds ``t``."""
        for a in t.ancestors:
            if a.lemma_.lower() in self.cue_verbs and a.pos_ == "VERB":
                s = next((c for c in a.children if c.dep_ == "nsubj"), None)
                if s is not None and s.lower_ not in ("it", "they", "he", "she") and \
                        self.f.entity(s, create=False) is not None:
                    return s
                return None
        return None

    def _abstract_theme(self, kind: str, roles: dict) -> bool:
        """"the seizure of power", "defended the tax increases": no event of that type."""
        heads = set(self.lists["not_themes"].get(kind, ()))
        for v in roles.get("theme", []):
            if isinstance(v, str) and v.split() and _lemma_like(v.split()[-1]) in heads:
                return True
        return False

    def _constraints(self, rules: EventRules, roles: dict) -> bool:
        need = rules.theme_must_be
        if need is None:
            return True
        for v in roles.get("theme", []):
            if isinstance(v, Mention):
                if need == "force" and v.type is EntityType.ARMED_FORCE:
                    return True
                if need == "person" and v.type is EntityType.PERSON:
                    return True
            elif need == "force" and isinstance(v, str) and any(
                    _lemma_like(head) in self.forces for head in _conjunct_heads(v)):
                return True
        return False

    def _owner_agent(self, roles: dict) -> None:
        """A force named after its organisation was sent by it ("the UN contingent")."""
        for v in roles.get("theme", []):
            if not isinstance(v, Mention):
                continue
            inner = [m for m in self.ctx.mentions if m.type in (
                EntityType.ORGANIZATION, EntityType.COUNTRY, EntityType.GOVERNMENT_BODY)
                and v.start <= m.start and m.end <= v.end and m != v]
            if inner:
                roles["agent"] = [min(inner, key=lambda m: m.start)]
                return

    def _requested_by(self, t: Token, put) -> None:
        nouns = set(self.lists["request_nouns"])
        for _prep, obj in prep_objects(t, {"at", "upon", "on"}):
            if obj.lemma_.lower() not in nouns:
                continue
            for c in obj.children:
                if c.dep_ == "poss":
                    put("requestedBy", self.f.entity(c))
            for _, o in prep_objects(obj, {"of"}):
                put("requestedBy", self.f.entity(o))


    def _purpose(self, t: Token, put, kind: str) -> None:
        def infinitive(v: Token) -> bool:
            return v.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to"
                                            for c in v.children)
        cands = []
        for c in t.children:
            if c.dep_ in ("advcl", "xcomp", "acl") and infinitive(c):
                cands.append(c)
            if c.dep_ in ("dobj", "prep"):
                cands.extend(g for g in c.children if g.dep_ in ("acl", "advcl")
                             and infinitive(g))
        for v in cands:
            toks = [x for x in v.subtree if not any(
                a.dep_ == "advcl" and any(k.dep_ == "mark" for k in a.children)
                and x in a.subtree for a in v.children)]
            toks = [x for x in toks if not (x.dep_ == "aux" and x.lower_ == "to" and x.head == v)]
            put("purpose", text_of(toks))
            return
        if kind == "Deployment" and t.dep_ == "relcl":
            # "the force, which was deployed to X, is guarding Y": the main verb is its task
            main = t.head
            while main.dep_ != "nsubj" and main.head != main:
                main = main.head
            verb = main.head
            if main.dep_ == "nsubj" and verb.lemma_.lower() in self.lists["mission_verbs"]:
                toks = [verb] + [x for c in verb.children if c.dep_ in ("dobj", "prt")
                                 for x in c.subtree]
                put("purpose", text_of(sorted(toks, key=lambda x: x.i)))

    def _office(self, t: Token, put, kind: str = "") -> None:
        """The office of an appointment: "as defence minister", "appointed defence minister"."""
        heads = [c for c in t.children if c.dep_ in ("oprd", "attr") and c.pos_ == "NOUN"]
        heads += [o for _, o in prep_objects(t, {"as"})]
        for h in heads[:1]:
            put("role", text_of([x for x in np_tokens(h) if x.dep_ != "det" or x.head != h]))
        if not heads and self.holder_role:
            put("role", self.holder_role)
        elif not heads and kind == "Dismissal":
            # "dismissed Finance Minister X": the office is the title before the name
            for v in self.f_theme_mentions:
                span = self.ctx.char_span(v.start, v.end)
                if span is None:
                    continue
                k = span.start - 1
                while k >= 0 and span.doc[k].dep_ == "compound" and span.doc[k].is_title and \
                        k < span.doc[k].head.i < span.end:
                    k -= 1
                title = list(span.doc[k + 1:span.start])
                if title and title[-1].lemma_.lower() in self.f.role_heads:
                    put("role", text_of(title))
                    break

    def _cause(self, m: Match, put) -> None:
        t = m.trigger
        span = ctx_sent(self.ctx, t)
        known = self._sent_words.get(span.start)
        if known is None:  # a sentence often holds several triggers
            sent = list(span)
            lows = [x.lower_ for x in sent]
            known = self._sent_words[span.start] = (sent, lows, set(lows))
        sent, lows, present = known
        for marker in self.lists["cause_markers"]:
            words = marker.split()
            if words[0] not in present:
                continue
            for i in range(len(sent) - len(words) + 1):
                if sent[i].i <= t.i or lows[i:i + len(words)] != words:
                    continue
                last = sent[i + len(words) - 1]
                objs = [c for c in last.children if c.dep_ in ("pobj", "pcomp", "dobj")]
                if not objs and last.dep_ == "agent":
                    objs = [c for c in last.children]
                if objs:
                    toks = [x for x in np_tokens(objs[0]) if x.dep_ != "det" or x.head !=
                            objs[0]]
                    put("cause", text_of(toks))
                    return

    def _meeting(self, m: Match, put) -> None:
        t = m.trigger
        if len(m.phrase) > 1 or t.lemma_.lower() in ("videoconference",):
            put("medium", text_of(m.phrase))
        heads = set(self.ctx.rules.relations["membership"]["member_heads"])
        for tok in ctx_sent(self.ctx, t):
            if tok.lemma_.lower() in heads and tok.pos_ == "NOUN":
                for _, obj in prep_objects(tok, {"of"}):
                    members = [x for x in self._conjuncts(obj)]
                    ms = [self.ctx.mention_of(x) for x in members]
                    ms = [x for x in ms if x is not None and x.type in
                          (EntityType.COUNTRY, EntityType.PERSON, EntityType.ORGANIZATION)]
                    if len(ms) >= 2:
                        for x in ms:
                            put("participant", x)

    def _participation(self, m: Match, roles: dict) -> Fact | None:
        t = m.trigger
        kinds = self.trigger_tokens
        event_kind = None
        event_tok = None
        for tok in t.subtree:
            if tok.i in kinds and tok.i != t.i and kinds[tok.i] != "Participation":
                event_kind, event_tok = kinds[tok.i], tok
                break
        if event_kind is None:
            return None
        subj = subject_of(t) if not is_passive(t) else passive_subject(t)
        if subj is None:
            return None
        people: list[Mention] = []
        for tok in subj.subtree:
            if any(a.dep_ == "relcl" for a in tok.ancestors if a in subj.subtree) or \
                    tok.dep_ == "relcl":
                continue
            mm = self.ctx.cover.get(tok.i)  # named mentions only
            if mm is not None and mm.type.is_agent and mm not in people:
                people.append(mm)
        if not people:
            return None
        loc: list = []
        for _, obj in prep_objects(event_tok, self.loc_preps):
            p = self.f.place(obj)
            if p is not None:
                loc.append(p)
        out = []
        for p in people:
            r = {"participant": [p], "eventType": [event_kind]}
            if loc:
                r["location"] = loc[:1]
            out.append(self._fact(m, r, m.rule_for(m.voice if not is_passive(t)
                                                   else "passive")))
        self.extra.extend(out[1:])
        return out[0]

    extra: list[Fact]


def _conjunct_heads(text: str) -> list[str]:
    """Last word of each conjunct: "3,500 soldiers and 40 boats" -> soldiers, boats."""
    parts = re.split(r",|\band\b|\bor\b|\bas well as\b", text)
    return [p.split()[-1] for p in parts if p.split()]


def _lemma_like(word: str) -> str:
    w = word.lower()
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w

