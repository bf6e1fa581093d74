"""Roles a few event types read beyond the shared frame (kg/extract/frames.py).

A type file names the readers it uses (``extras``): ``cause`` (what a protest is
about: "over bus fares", lexicon.yaml ``cause_markers``), ``office`` (the post of an
appointment: "as defence minister"), ``meeting`` (the medium and "the leaders of A, B
and C"), ``placed_theme`` (the place phrase after a closed thing: "suspended all sailings
to X"), ``owner_agent`` (a force named after its organisation was sent by it) and
``participation`` (one fact per named participant). The purpose ("sent to protect the
port") and the requester ("at the request of X") are read for every type.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.cause_clauses import (
    act_infinitive,
    cause_after,
    marker_clause,
    said_cause,
    supported_cause,
)
from kg.extract.context import Context, Fillers, ctx_sent
from kg.extract.craft_models import is_craft_model
from kg.extract.meeting_chairs import chair_candidates, convened_body
from kg.extract.syntax import (
    antecedent,
    is_passive,
    np_tokens,
    passive_subject,
    prep_objects,
    subject_of,
    text_of,
)
from kg.extract.triggers import Match
from kg.extract.vacated_offices import vacated_office
from kg.records import EntityType, Fact, Mention


class TypeRoles:
    """Readers of type-specific roles (mixed into the role reader)."""

    ctx: Context
    f: Fillers
    lists: dict
    loc_preps: set[str]
    trigger_tokens: dict[int, str]
    extra: list[Fact]
    holder_role: str | None
    f_theme_mentions: list[Mention]
    _sent_words: dict[int, tuple[list[Token], list[str], set[str]]]

    def _owner_agent(self, roles: dict) -> None:
        """A force named after its organisation was sent by it ("the UN contingent"); a
        force one holds somewhere was sent by the holder ("X, which has 900 troops
        deployed in Y")."""
        t = getattr(self, "trigger", None)
        if t is not None and t.dep_ == "acl" and t.tag_ == "VBN" and \
                t.head.dep_ == "dobj" and \
                t.head.head.lemma_.lower() in self.lists["holding_verbs"]:
            holder = subject_of(t.head.head)
            who = self._agentish(holder) if holder is not None else None
            if who is not None:
                roles["agent"] = [who]
                return
        for h in getattr(self, "theme_heads", []):
            owner = self._possessor(h)
            if owner is not None:  # "X, whose last troops pulled out", "its troops withdrew"
                roles["agent"] = [owner]
                return
        for v in roles.get("theme", []):
            if not isinstance(v, Mention):
                continue
            inner = [m for m in self.ctx.mentions if m.type in (
                EntityType.ORGANIZATION, EntityType.COUNTRY, EntityType.GOVERNMENT_BODY)
                and v.start <= m.start and m.end <= v.end and m != v]
            if inner:
                roles["agent"] = [min(inner, key=lambda m: m.start)]
                return

    def _placed_theme(self, t: Token, roles: dict) -> None:
        """"suspended all sailings to X", "cancelled morning classes at all public
        schools", "halted production at the Y mine": what is closed is the thing where
        it is; the parser hangs the place phrase that follows the object on the verb, so
        the theme text takes it back (the place stays the location as well)."""
        themes = roles.get("theme", [])
        places = {*self.lists["closables"], *self.lists["place_nouns"]}

        def place(o: Token) -> bool:  # a name (the model may type a place as a person
            # here; resolution mends it), or a place or closable noun ("to" only a name:
            # "closed X to traffic")
            m = self.ctx.mention_of(o)
            return o.pos_ == "PROPN" or (m is not None and m.type.is_place) or (
                o.head.lower_ != "to" and o.pos_ == "NOUN" and o.lemma_.lower() in places)

        for h in getattr(self, "theme_heads", []):
            if h.head != t or h.dep_ not in ("dobj", "nsubjpass") or h.pos_ != "NOUN":
                continue  # (a name stays as written: "closed the X crossing to traffic")
            after = h.right_edge.i + 1
            prep = next((c for c in t.children if c.dep_ == "prep" and c.i == after and
                         c.lower_ in self.loc_preps and c.lower_ != "from" and
                         any(o.dep_ == "pobj" and place(o) for o in c.children)), None)
            if prep is None:
                continue
            for n, v in enumerate(themes):
                if isinstance(v, str) and v.split() and v.split()[-1] == h.text:
                    themes[n] = f"{v} {text_of(list(prep.subtree))}"
                    return

    def _possessor(self, head: Token):
        """Whose a noun is: "France's troops", "its troops" (the pronoun resolved to a
        body or country), "X, whose troops": the antecedent of the relative clause."""
        for c in head.children:
            if c.dep_ != "poss":
                continue
            if c.lower_ == "whose":
                rel = next((a for a in c.ancestors if a.dep_ == "relcl"), None)
                if rel is None:
                    return None
                return self._agentish(antecedent(rel.head))
            m = self.ctx.mention_of(c)
            if m is not None and (m.type.is_agent or m.type is EntityType.COUNTRY):
                return m
            t = getattr(self, "trigger", None)
            if m is None and c.lower_ in ("its", "their") and t is not None:
                said = self._speaker_of(t)  # "Kenya said its troops had withdrawn"
                return self._agentish(said) if said is not None else None
        return None

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

    def _carried(self, t: Token, roles: dict) -> None:
        """"a plane carrying 148 police officers landed in X", "the convoy arrived carrying
        flour": what the vehicle carries is what arrives (the vehicle is how)."""
        subj = subject_of(t)
        if not roles.get("agent"):
            # "arrived in X aboard a Royal Air Force transport aircraft": whose craft
            for _p, craft in prep_objects(t, {"aboard"}):
                owner = self._agentish(craft) if craft.lemma_.lower() in \
                    self.lists["vehicles"] or is_craft_model(craft) else None
                if isinstance(owner, Mention) and (owner.type.is_agent or
                                                   owner.type is EntityType.COUNTRY):
                    roles["agent"] = [owner]
        if subj is None or (subj.lemma_.lower() not in self.lists["vehicles"] and
                            not is_craft_model(subj)):
            return
        if not roles.get("agent"):
            # "a Royal Air Force C-17 carrying a rescue team landed", "two transport planes
            # of the X Air Force flew ...": whose craft it is moves them
            owner = self._agentish(subj)
            if isinstance(owner, Mention) and (owner.type.is_agent or
                                               owner.type is EntityType.COUNTRY):
                roles["agent"] = [owner]
        for v in (subj, t):
            for c in v.children:
                if c.dep_ in ("acl", "advcl") and c.lemma_.lower() in ("carry", "bring"):
                    obj = next((o for o in c.children if o.dep_ == "dobj"), None)
                    if obj is not None and any(x.lemma_.lower() in self.lists["relief"]
                                               for x in (obj, *obj.conjuncts)):
                        # "a cargo plane carrying 40 tonnes of food landed": the craft
                        # arrives (and its owner's force, "a X Air Force plane"); the
                        # goods are aid (aid.yaml aid/carried)
                        owner = roles.get("agent", [])
                        if owner and isinstance(owner[0], Mention) and \
                                owner[0].type is EntityType.ARMED_FORCE and \
                                owner[0] not in roles.get("theme", []):
                            roles.setdefault("theme", []).append(owner[0])
                        return
                    if obj is not None:
                        self.theme_heads.clear()
                        carried = self._theme(obj, set())
                        if carried is not None:
                            roles["theme"] = [carried]
                            q = self._count(obj)  # "carrying six injured trekkers": six
                            if q is not None:
                                roles["quantity"] = [q]
                            return

    def _without_patient(self, t: Token, kind: str, put) -> None:
        """"X was released without charge", "freed nine of them without charge": the
        charge not brought is against the one released (lexicon.yaml `without_events`)."""
        h = t.head
        if t.dep_ != "pobj" or h.lower_ != "without" or \
                h.head.lemma_.lower() not in self.lists["without_events"].get(kind, ()):
            return
        patient = next((c for c in h.head.children if c.dep_ == "nsubjpass"), None) or \
            next((c for c in h.head.children if c.dep_ == "dobj"), None)
        if patient is not None and (patient.pos_ == "NUM" or patient.lower_ in
                                    self.lists["partitive_heads"]) and \
                not any(c.dep_ == "prep" for c in patient.children) and not any(
                    c.lower_ in ("remaining", "other") for c in patient.children):
            return  # "Nine were released without charge": who they are is told before
            # ("the remaining five were freed without charge" names them: the rest)
        if patient is not None:
            for value in self._themes(patient, set()):
                put("theme", value)

    def _dispersed(self, t: Token, put) -> None:
        """"fired tear gas to disperse them": who force is used on is who it is to
        disperse (a pronoun: the crowd the sentence told of before, else the people of
        the sentence before: "Hundreds marched ... Police fired tear gas to disperse
        them"); also a verb of driving back that shares the subject ("used pepper spray
        to push back protesters", "responded with pepper spray and pushed the crowd
        back")."""
        verbs = self.lists["dispersal_verbs"]
        # (the parser may join a noun of the instrument list as a verb: "used a water
        # cannon and mounted police to disperse the group": the purpose clause hangs on
        # the verb joined to the trigger, which shares its subject)
        joined = [g for c in t.children if c.dep_ == "conj" and c.pos_ == "VERB" and
                  not any(a.dep_ in ("nsubj", "nsubjpass") for a in c.children)
                  for g in c.children if g.dep_ in ("advcl", "xcomp")]
        for c in [*t.children, *joined]:
            lemma = c.lemma_.lower()
            part = next((a.lower_ for a in c.children if a.dep_ == "prt" or (
                a.dep_ == "advmod" and a.lower_ in ("back", "away", "off"))), None)
            if part is not None:  # "to break up the crowd", "to chase away protesters"
                lemma += " " + part
            if lemma not in verbs:
                continue
            if c.dep_ == "conj":  # "responded with X and pushed the crowd back"
                if c.tag_ != "VBD" or any(a.dep_ in ("nsubj", "nsubjpass")
                                          for a in c.children):
                    continue
            elif c.dep_ not in ("advcl", "xcomp") or \
                    not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                continue
            obj = next((o for o in c.children if o.dep_ == "dobj"), None)
            if obj is not None and obj.pos_ == "PRON":  # the last people told before
                own = {x.i for a in t.children if a.dep_ in ("nsubj", "nsubjpass")
                       for x in a.subtree}
                crowd = set(self.lists["people"]) | set(self.lists["actor_nouns"])
                sent = ctx_sent(self.ctx, t)
                before = self.ctx.sent_of[sent.start - 1] if sent.start > 0 else sent
                obj = next((x for x in reversed([*before, *sent] if before != sent
                                                else list(sent))
                            if x.i < t.i and x.i not in own and x.pos_ == "NOUN" and
                            x.tag_ == "NNS" and (x.lemma_.lower() in crowd or (
                                x.dep_ == "pobj" and x.head.head.lemma_.lower() in
                                self.lists["count_nouns"]))), None)  # "hundreds of X"
            if obj is not None:
                put("theme", self._agentish(obj) or self._theme(obj, set()))
            return

    def _stated_reason(self, t: Token, put) -> None:
        """"suspended the bank's licence, saying the bank had failed to report transfers",
        "froze the assets, citing links to the junta": the reason the one acting gives in a
        participle after the act (lexicon.yaml ``reason_verbs``) is the act's cause."""
        for c in t.children:
            if c.dep_ != "advcl" or c.tag_ != "VBG" or c.i < t.i or \
                    c.lemma_.lower() not in self.lists["reason_verbs"] or \
                    t.doc[c.left_edge.i - 1].text != ",":
                continue
            what = [g for g in c.children if g.dep_ in ("ccomp", "dobj") and g.i > c.i]
            if what:
                put("cause", text_of([x for x in what[0].subtree if not x.is_punct and not (
                    x.dep_ == "mark" and x.head == what[0])]))
                return

    def _office(self, t: Token, put, kind: str = "") -> None:
        """The office of an appointment: "as defence minister", "appointed defence minister"."""
        heads = [c for c in t.children if c.dep_ in ("oprd", "attr") and c.pos_ == "NOUN"]
        heads += [o for _, o in prep_objects(t, {"as"})]
        if not heads and kind == "Appointment" and \
                t.lemma_.lower() in self.lists["office_moves"]:
            # "the petroleum portfolio went to X", "was moved to the post of Y": the office
            # is the verb's subject or where the one appointed goes ("the post of Y": Y)
            offices = self.lists["office_nouns"]
            heads = [o for o in [*(c for c in t.children if c.dep_ == "nsubj"),
                                 *(o for _, o in prep_objects(t, {"to"}))]
                     if o.lemma_.lower() in offices][:1]
            heads = [next((o for _, o in prep_objects(h, {"of"})), h)
                     if h.lemma_.lower() in ("post", "position", "office", "job") else h
                     for h in heads]
        if not heads and kind == "Appointment":
            # "named X to take on the health portfolio": what the one named takes on
            heads = [o for c in t.children if c.dep_ == "xcomp" and
                     c.lemma_.lower() in ("take", "assume") for o in c.children
                     if o.dep_ == "dobj" and o.lemma_.lower() in self.lists["office_nouns"]][:1]
        if not heads and kind == "Appointment":
            # "was appointed to lead the provincial command on an interim basis", "named X
            # to head the inquiry": the charge taken on is the office
            lead = next((c for c in t.children if c.dep_ in ("xcomp", "advcl") and
                         c.lemma_.lower() in self.lists["leading_verbs"] and any(
                             a.dep_ == "aux" and a.lower_ == "to" for a in c.children) and
                         any(o.dep_ == "dobj" for o in c.children)), None)
            if lead is not None:
                put("role", text_of([x for x in lead.subtree if not x.is_punct and not (
                    x.dep_ == "aux" and x.head == lead)]))
                return
        if not heads and kind == "Appointment":
            # "named X, commander of Y, as interim president": the parser hangs the "as"
            # phrase on the name or on the sentence's head; the first office after the verb
            heads = [o for x in t.sent if x.i > t.i and x.lower_ == "as" and x.dep_ == "prep"
                     for o in x.children if o.dep_ == "pobj"
                     and o.lemma_.lower() in self.f.role_heads][:1]
        for h in heads[:1]:
            toks = [x for x in np_tokens(h) if x.dep_ != "det" or x.head != h]
            # "named Minister X acting planning minister": the office after the name
            named = [x.i for x in toks if x.i < h.i and x.ent_type_ == "PERSON"]
            toks = [x for x in toks if not named or x.i > max(named)] or toks
            put("role", text_of(toks))
        if not heads and self.holder_role:
            put("role", self.holder_role)
        elif not heads and kind in ("Dismissal", "Resignation"):
            # "dismissed Finance Minister X", "Prime Minister X resigned": the office is
            # the title before the name
            for v in self.f_theme_mentions:
                span = self.ctx.char_span(v.start, v.end)
                if span is None:
                    continue
                k = span.start - 1
                while k >= 0 and span.doc[k].dep_ == "compound" and span.doc[k].is_title and \
                        k < span.doc[k].head.i < span.end:
                    k -= 1
                title = list(span.doc[k + 1:span.start])
                if title and title[-1].lemma_.lower() in self.f.title_words:
                    put("role", text_of(title))
                    return
            # the office named by the leaver's noun phrase, its apposition or relative
            # clause, or the clause the leaving ends (kg/extract/vacated_offices.py)
            for leaver in self._leavers(t):
                office = vacated_office(leaver, t, self.f.title_words, set(
                    self.lists["office_nouns"]))
                if office:
                    put("role", office)
                    return

    def _leavers(self, t: Token) -> list[Token]:
        """The heads of the noun phrases that name who leaves office by ``t``: its theme
        mentions, else its subject (the one dismissed: its passive subject or object),
        else the "of" phrase or owner of a noun ("the resignation of X", "X's dismissal")."""
        out = []
        for v in self.f_theme_mentions:
            span = self.ctx.char_span(v.start, v.end)
            if span is not None:
                out.append(span.root)
        if t.pos_ == "NOUN":
            out += [o for _, o in prep_objects(t, {"of"})]
            out += [c for c in t.children if c.dep_ == "poss"]
        elif is_passive(t):
            out.append(passive_subject(t))
        else:
            out += [c for c in t.children if c.dep_ == "dobj"]
            out.append(subject_of(t))
        return [x for x in out if x is not None]

    def _cause(self, m: Match, put) -> None:
        t = m.trigger
        span = ctx_sent(self.ctx, t)
        known = self._sent_words.get(span.start)
        if known is None:  # a sentence often holds several triggers
            sent = list(span)
            lows = [x.lower_ for x in sent]
            known = self._sent_words[span.start] = (sent, lows, set(lows))
        sent, lows, present = known
        # a support marker keeps its noun ("in support of X"); the nearest marker after the
        # trigger wins ("a protest, demanding action against X": the action demanded)
        kept = self.lists.get("cause_support_markers", [])
        found = []
        for marker in [*self.lists["cause_markers"], *kept]:
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
                if not objs and (said := marker_clause(last)):
                    found.append((i, marker, words, said))
                    break
                if objs:
                    found.append((i, marker, words, objs[0]))
                    break
        if found:
            _i, marker, words, obj = min(found, key=lambda f: f[0])
            if isinstance(obj, list):  # a clause ("calling for the funds to be returned")
                put("cause", text_of(obj))
                return
            # with its relative clause ("against firms that ignore the rules"; not "in support of")
            drop = {"advcl", "parataxis"} | ({"relcl"} if marker in kept else set())
            toks = [x for x in np_tokens(obj, drop=drop) if x.dep_ != "det" or x.head != obj]
            toks += act_infinitive(obj, toks, set(self.lists["infinitive_act_nouns"]))
            lead = " ".join(words[1:]) + " " if marker in kept else ""
            put("cause", lead + text_of(toks))
            return
        cause = cause_after(t, self.lists) or supported_cause(t, self.lists) or \
            text_of(said_cause(t, set(self.lists["cause_saying_verbs"])))
        if cause:
            put("cause", cause)

    def _meeting(self, m: Match, put, roles: dict) -> None:
        t = m.trigger
        brokered = False
        if m.voice == "nominal" and not roles.get("agent"):
            hosts, parties = self._meeting_hosts(t)
            brokered = bool(hosts and parties)
            for x in hosts:
                put("agent", x)
            for x in parties:
                put("participant", x)
        if len(m.phrase) > 1 or t.lemma_.lower() in ("videoconference",):
            put("medium", text_of(m.phrase))
        elif t.pos_ == "VERB":  # "spoke by telephone", "met via video link"
            media = self.ctx.rules.lists["meeting_media"]
            for _, obj in prep_objects(t, {"by", "via", "over"}):
                words = [x for x in obj.subtree if x.dep_ != "det"]
                if obj.lemma_.lower() in media or text_of(words).lower() in media:
                    put("medium", text_of(words))
                    break
        heads = set(self.ctx.rules.relations["membership"]["member_heads"])
        for tok in ctx_sent(self.ctx, t):
            if tok.lemma_.lower() in heads and tok.pos_ == "NOUN":
                for _, obj in prep_objects(tok, {"of"}):
                    members = [x for x in self._conjuncts(obj)]
                    ms = [self.ctx.mention_of(x) for x in members]
                    ms = [x for x in ms if x is not None and (
                        x.type.is_agent or x.type is EntityType.COUNTRY)]
                    if len(ms) >= 2:
                        for x in ms:
                            put("participant", x)
        if m.pattern_id == "meeting/convened-body":
            for body in (c for c in t.children if c.dep_ == "dobj"):
                named = self.ctx.mention_of(body)  # a name, else the body as told
                put("participant", named if named is not None and named.text[:1].isupper()
                    else convened_body(body))
        # the chair of a sitting holds it, and the body that sits takes part ("the Council,
        # chaired by X, met": kg/extract/meeting_chairs.py)
        chair = None if brokered else self._meeting_chair(t)
        if chair is not None:
            for x in roles.get("agent", []):
                if x is not chair:
                    put("participant", x)
            roles["agent"] = [chair]
        # who holds or convenes a meeting takes part in it ("X met Y", "X held talks with
        # Y", "A and B held a video call", "the council met"): the agent is a participant
        # too, so the parties of a meeting are its participants whoever the parser made
        # its subject (a host that brokers talks between parties is none of them)
        for x in [] if brokered else list(roles.get("agent", [])):
            put("participant", x)

    def _meeting_chair(self, t: Token) -> Mention | None:
        """The person the clause says chairs the meeting of ``t``, if any."""
        lists = self.ctx.rules.lists
        for tok in chair_candidates(t, set(lists["meeting_chairs"]),
                                    set(lists["meeting_chair_nouns"])):
            who = self._agentish(tok)
            if isinstance(who, Mention) and who.type is EntityType.PERSON:
                return who
        return None

    def _meeting_hosts(self, t: Token) -> tuple[list[Mention], list[Mention]]:
        """Who holds talks named by a noun, and who takes part: "talks hosted (brokered,
        chaired) by X" (X the host; the parties of the clause the talks are a circumstance
        of take part: "A and B signed a truce after talks brokered by X"); without a host,
        the subject of that clause holds them ("X dissolved parliament after a meeting
        with Y": X met Y)."""
        hosts_verbs = self.ctx.rules.lists["meeting_hosts"]
        hosts: list[Mention] = []
        for c in t.children:
            if c.dep_ == "acl" and c.lemma_.lower() in hosts_verbs:
                for by in (g for g in c.children if g.dep_ in ("agent", "prep")
                           and g.lower_ == "by"):
                    for obj in (o for o in by.children if o.dep_ == "pobj"):
                        hosts += [x for x in map(self.ctx.mention_of, self._conjuncts(obj))
                                  if x is not None and _actor(x)]
        head = t  # "after three weeks of talks": the talks stand for the phrase
        while head.dep_ == "pobj" and head.head.lower_ == "of" and \
                head.head.head.pos_ == "NOUN":
            head = head.head.head
        prep = head.head
        if head.dep_ != "pobj" or prep.dep_ != "prep" or \
                prep.lower_ not in self.ctx.rules.lists["meeting_circumstance"]:
            return hosts, []
        verb = prep.head
        if verb.pos_ != "VERB":
            return hosts, []
        if is_passive(verb):
            parties = [o for g in verb.children if g.dep_ == "agent"
                       for o in g.children if o.dep_ == "pobj"]
        else:
            subj = subject_of(verb)
            parties = [] if subj is None else [subj]
        found = [x for p in parties for x in map(self.ctx.mention_of, self._conjuncts(p))
                 if x is not None and _actor(x)]
        if hosts:
            return hosts, [x for x in found if x not in hosts]
        if not any(c.dep_ == "prep" and c.lower_ == "with" for c in t.children):
            return [], []  # "proposed at the next meeting": attending, not holding it
        return found[:1], []

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


def _actor(m: Mention) -> bool:
    """Who can hold or attend talks: a person, a body, a country or its capital."""
    return m.type.is_agent or m.type in (EntityType.COUNTRY, EntityType.CITY)
