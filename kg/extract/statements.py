"""Statements: who said what, to whom, where and when; facts inside are attributed.

Cues are data (kg/rules/events/statements.yaml): verbs of saying with a
reported clause ("X said on Monday that ..."), inverted reports ("..., the
committee said"), "according to X", and headlines ending in ", X Says". The
speaker is a mention (a pronoun or "the release" points back to the update's
last speaker; "the committee" becomes a mention the entity resolver links).
One update quoting one speaker several times is one statement: the pieces are
merged, their quotes kept. Events whose trigger lies in a statement's content
are attributed to its speaker, and a passive security action without an agent
("were detained") gets the reporting body as its agent.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.records import EntityType, Fact, Mention, TimeExpr

_QUOTES = re.compile(r"“([^”]+)”|\"([^\"]+)\"")
_PRONOUNS = {"he", "she", "they", "it", "we"}
_SECURITY_ACTIONS = {"Detention", "Arrest", "Neutralisation", "Seizure"}
_REPORTERS = {EntityType.GOVERNMENT_BODY, EntityType.ARMED_FORCE}


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Unit-local (start, end) of quotation contents."""
    return [(m.start(1) if m.group(1) is not None else m.start(2),
             m.end(1) if m.group(1) is not None else m.end(2)) for m in _QUOTES.finditer(text)]


def _put(roles: dict, role: str, value) -> None:
    bucket = roles.setdefault(role, [])
    if value not in bucket:
        bucket.append(value)


def _text(tokens: list[Token]) -> str:
    from kg.extract.syntax import text_of

    return text_of(tokens)


class _Statements:
    def __init__(self, ctx) -> None:
        from kg.extract.context import Fillers

        self.ctx = ctx
        self.f = Fillers(ctx)
        spec = ctx.rules.statements
        self.cues = set(spec["cues"]["verbs"])
        self.addressee_object = set(spec["cues"]["addressee_object"])
        self.media = set(spec["media"])
        self.documents = set(spec["documents"])
        self.participles = set(spec["addressee_participles"])
        self.headline_cues = spec["headline_cues"]
        self.confidence = float(spec["confidence"])
        self.quotes = _quote_spans(ctx.text)
        self.dates = [e for e in ctx.ents if e.label_ == "DATE"]
        self.found: list[tuple[Fact, list[tuple[int, int]]]] = []
        lists = ctx.rules.lists
        self.skip_preps = set(lists["date_skip_preps"]) | set(lists["date_end_preps"])

    # speakers
    def last_speaker(self, before: int) -> Mention | None:
        prior = [f for f, _ in self.found if f.trigger and f.trigger.start < before]
        return prior[-1].roles["speaker"][0] if prior else None

    def speaker(self, tok: Token) -> Mention | None:
        ctx = self.ctx
        if tok.lower_ in _PRONOUNS:
            return self.last_speaker(ctx.unit.start + tok.idx) or next(
                (m for m in sorted(ctx.mentions, key=lambda m: -m.start)
                 if m.type is EntityType.PERSON and m.start < ctx.unit.start + tok.idx), None)
        for c in tok.children:  # "The mayor of X, Jane Doe, said": the named apposition
            named = ctx.cover.get(c.i)
            if c.dep_ == "appos" and named is not None and named.type is EntityType.PERSON:
                return named
        m = self.f.entity(tok, person=True)
        if m is not None and m.type.is_place:
            return None
        return m

    # content
    def content(self, cue: Token) -> tuple[list[tuple[int, int]], str | None, str | None]:
        """Ranges the statement covers (unit-local), its indirect gist and direct quote."""
        ranges: list[tuple[int, int]] = []
        gist = quote = None
        comp = self.complement(cue)
        if comp is not None:
            toks = [t for t in comp.subtree if not (t.dep_ == "mark" and t.head == comp)]
            toks = [t for t in toks if not t.is_punct or (toks[0].i < t.i < toks[-1].i)]
            if toks:
                ranges.append((toks[0].idx, toks[-1].idx + len(toks[-1])))
                gist = _text(toks)
        elif cue.dep_ == "ccomp" and cue.head.lemma_.lower() in self.cues:
            pass  # "X declared ..., Y said": the reported clause of Y's statement
        elif cue.dep_ in ("ccomp", "parataxis") and cue.head != cue:
            own = {t.i for t in cue.subtree}
            toks = [t for t in cue.head.subtree if t.i not in own and not t.is_punct]
            if toks:
                ranges.append((toks[0].idx, toks[-1].idx + len(toks[-1])))
                gist = _text(toks)
        sent_start = self.ctx.sent_of[cue.i].start_char
        for s, e in self.quotes:
            if sent_start - 1 <= e <= cue.idx:
                ranges.append((s, e))
                quote = self.ctx.text[s:e].strip().rstrip(",")
                break
        if quote is None:
            # 'X said: "..."' -- a quotation opening right after the cue
            after = cue.idx + len(cue.text)
            for s, e in self.quotes:
                if 0 < s - after <= 4 and not self.ctx.text[after:s - 1].strip(" :,"):
                    ranges.append((s, e))
                    quote = self.ctx.text[s:e].strip()
                    break
        return ranges, gist, quote

    def complement(self, cue: Token) -> Token | None:
        """The reported clause; not an inverted report of its own hung on the cue
        ("X declared an emergency, Interior Minister Y said": the parser may make
        "said" the complement of "declared")."""
        comp = next((c for c in cue.children if c.dep_ in ("ccomp", "xcomp")), None)
        if comp is not None and comp.i > cue.i and comp.lemma_.lower() in self.cues and \
                any(c.dep_ == "nsubj" for c in comp.children) and \
                not any(c.dep_ in ("ccomp", "xcomp") for c in comp.children):
            return None
        return comp

    def medium_and_addressee(self, cue: Token, skip: set[int], roles: dict) -> None:
        ctx = self.ctx
        for tok in cue.subtree:
            if tok.i in skip:
                continue
            if tok.dep_ == "dobj" and tok.head == cue and cue.lemma_ in self.addressee_object:
                m = self.f.entity(tok, create=False)
                if m is None:
                    # "told the state news agency ABI": the name next to the common noun
                    m = next((ctx.cover[c.i] for c in tok.children
                              if c.dep_ in ("appos", "compound", "npadvmod", "nmod")
                              and c.i in ctx.cover and ctx.cover[c.i].type.is_agent), None)
                if m is not None:
                    _put(roles, "addressee", m)
            if tok.dep_ == "pobj" and tok.head.lemma_.lower() in ("in", "on", "via", "through"):
                named = next((ctx.cover[x.i] for x in tok.subtree if x.i in ctx.cover and
                              ctx.cover[x.i].type is EntityType.MEDIA_ORGANIZATION), None)
                if named is not None:
                    _put(roles, "medium", named)
                elif tok.lemma_.lower() in self.media:
                    _put(roles, "medium", tok.lemma_.lower())
                    # "in an interview with X": the outlet
                    for c in tok.children:
                        if c.dep_ == "prep" and c.lower_ in ("with", "to"):
                            for o in c.children:
                                m = ctx.cover.get(o.i)
                                if m is not None and m.type in (
                                        EntityType.ORGANIZATION, EntityType.MEDIA_ORGANIZATION):
                                    _put(roles, "medium", m)
            if tok.lemma_.lower() in self.participles and tok.pos_ == "VERB":
                for c in tok.children:
                    if c.dep_ in ("prep", "dative") and c.lower_ == "to":
                        for o in c.children:
                            m = self.f.entity(o, create=False)
                            if m is not None and m.type.is_agent:
                                _put(roles, "addressee", m)

    def date(self, cue: Token, skip: set[int], *, fallback: bool = True) -> TimeExpr | None:
        from kg.extract.syntax import clause_head, future_clause
        from kg.resolve.dates import normalise_date

        aux = set(self.ctx.rules.lists["future_auxiliaries"])
        own, other = None, None
        for ent in self.dates:
            if self.ctx.sent_of[ent.root.i] != self.ctx.sent_of[cue.i]:
                continue
            if ent.root.i in skip and future_clause(clause_head(ent.root), aux, set()):
                continue  # "X will meet Y on Thursday, her office said": not when it was said
            t = normalise_date(ent.text, base=self.ctx.base)
            prep = ent.root.head.lemma_.lower() if ent.root.dep_ == "pobj" else ""
            if t.value is None or prep in self.skip_preps or \
                    ent.text.lower().startswith(tuple(self.skip_preps)):
                continue
            if any(s <= ent.start_char < e for s, e in self.quotes):
                continue
            if ent.root.i not in skip and clause_head(ent.root) == cue:
                own = own or t
            else:
                other = other or t
        return own or (other if fallback else None)

    def add(self, trigger: list[Token], speaker: Mention, roles: dict, ranges, rule: str,
            confidence: float | None = None) -> None:
        ctx = self.ctx
        roles = {"speaker": [speaker], **roles}
        fact = Fact(kind="Statement", category="event", roles=roles, unit=ctx.unit.index,
                    sentence=ctx.sentence(trigger[0]), rule=rule,
                    confidence=confidence or self.confidence, trigger=ctx.span(trigger),
                    reported=ctx.unit.stamp)
        self.found.append((fact, list(ranges)))

    def run(self) -> None:
        for tok in self.ctx.tokens:
            if tok.lemma_.lower() in self.cues and tok.pos_ == "VERB":
                self.cue(tok)
            elif tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
                self.according(tok)
        self.headline()

    def cue(self, cue: Token) -> None:
        if any(c.dep_ == "neg" for c in cue.children):
            return
        subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
        if subj is None and cue.i > 0:
            # "..., State Secretary X said": the parser may hang X elsewhere
            prev = cue.doc[cue.i - 1]
            m = self.ctx.cover.get(prev.i)
            if m is not None and m.type.is_agent:
                subj = prev
        if subj is None:
            return
        ranges, gist, quote = self.content(cue)
        if not ranges:
            return
        speaker = self.speaker(subj)
        if speaker is None:
            return
        roles: dict[str, list] = {"cue": [cue.lemma_.lower()]}
        skip: set[int] = set()
        comp = self.complement(cue)
        if comp is not None:
            skip = {t.i for t in comp.subtree}
        elif cue.dep_ in ("ccomp", "parataxis"):
            own = {t.i for t in cue.subtree}
            skip = {t.i for t in cue.head.subtree} - own
        self.medium_and_addressee(cue, skip, roles)
        if gist:
            roles["gist"] = [gist]
        if quote:
            roles["quote"] = [quote]
        when = self.date(cue, skip)
        if when is not None:
            roles["date"] = [when]
        shape = "inverted" if max(e for _, e in ranges) <= cue.idx else "said-that"
        if "addressee" in roles and cue.lemma_ in self.addressee_object:
            shape = "told"
        self.add([cue], speaker, roles, ranges, f"statement/{shape}")

    def according(self, tok: Token) -> None:
        ctx = self.ctx
        to = next(c for c in tok.children if c.lower_ == "to")
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None:
            return
        speaker = ctx.mention_of(obj)
        medium = None
        if speaker is None and obj.lemma_.lower() in self.documents:
            poss = next((c for c in obj.children if c.dep_ == "poss"), None)
            speaker = self.f.entity(poss) if poss is not None else \
                self.last_speaker(ctx.unit.start + tok.idx)
            medium = obj.lemma_.lower()
        if speaker is None or speaker.type.is_place:
            return
        own = {t.i for t in tok.subtree}
        toks = [t for t in ctx.sent_of[tok.i] if t.i not in own and not t.is_punct
                and not (t.dep_ == "appos" and t.head.i in own)]
        if not toks:
            return
        roles: dict[str, list] = {"cue": ["according to"], "gist": [_text(toks)]}
        if medium:
            roles["medium"] = [medium]
        when = self.date(tok, own, fallback=False)
        if when is not None:
            roles["date"] = [when]
        self.add([tok, to], speaker, roles, [(toks[0].idx, toks[-1].idx + len(toks[-1]))],
                 "statement/according-to")

    def headline(self) -> None:
        ctx = self.ctx
        if ctx.headline is None:
            return
        s, e = ctx.headline
        text = ctx.text[s:e]
        cues = "|".join(re.escape(c) for c in self.headline_cues)
        m = re.search(r",\s*(?P<speaker>[^,]+?)\s+(?P<cue>" + cues + r")\s*$", text, re.I)
        if not m:
            return
        span = ctx.doc.char_span(s + m.start("speaker"), s + m.end("speaker"),
                                 alignment_mode="expand")
        cue = ctx.doc.char_span(s + m.start("cue"), s + m.end("cue"), alignment_mode="expand")
        if span is None or cue is None:
            return
        speaker = next((ctx.cover[t.i] for t in span if t.i in ctx.cover), None)
        if speaker is None or speaker.type.is_place:
            heads = self.f.body_heads
            last = span[-1].lower_
            lemma = last[:-1] if last.endswith("s") and last[:-1] in heads else last
            if lemma not in heads:
                return
            speaker = ctx.create(list(span), EntityType(heads[lemma]), "rule:event-role")
        gist = text[:m.start()].strip().strip("‘’'\"")
        roles = {"cue": [m.group("cue").lower()], "gist": [gist]}
        self.add(list(cue), speaker, roles, [(s, s + m.start())], "statement/headline",
                 confidence=self.confidence * 0.9)


def _key(m: Mention) -> list[str]:
    words = m.text.lower().replace("’", "'").split()
    return [w for w in words if w not in ("the", "his", "her", "its", "their")]


def same_speaker(a: Mention, b: Mention, text: str = "") -> bool:
    """Whether two speakers of one update are one.

    Equal, or one's words within the other's ("Okafor" / "Amaka
    Okafor", "the ministry" / "the interior ministry"); or a description
    ("the Ghanaian president") whose head is the title written before the
    named one ("Ghanaian President A. B."). ``text`` is the document text.
    """
    if a == b:
        return True
    ka, kb = _key(a), _key(b)
    if not ka or not kb:
        return False
    if ka == kb or set(ka) <= set(kb) or set(kb) <= set(ka):
        return a.type.is_agent and b.type.is_agent
    created = [m for m in (a, b) if m.source == "rule:event-role"]
    if len(created) != 1 or a.type is not b.type:
        return False
    named = b if created[0] is a else a
    before = text[max(0, named.start - 60):named.start].lower().split()[-3:]
    return _key(created[0])[-1] in before


def statement_facts(ctx) -> tuple[list[Fact], list[tuple[int, int, Mention]]]:
    """Statements of one update, one per speaker, and the source ranges each covers."""
    st = _Statements(ctx)
    st.run()
    merged: list[tuple[Fact, list[tuple[int, int]]]] = []
    order = sorted(st.found, key=lambda p: (p[0].rule == "statement/headline",
                                            p[0].trigger.start))
    for fact, ranges in order:
        sp = fact.roles["speaker"][0]
        target = next((p for p in merged if same_speaker(p[0].roles["speaker"][0], sp,
                                                         ctx.document.text)), None)
        if target is None:
            merged.append((fact, ranges))
            continue
        into, into_ranges = target
        mine = into.roles["speaker"][0]
        if mine.source == "rule:event-role" and sp.source != "rule:event-role":
            into.roles["speaker"] = [sp]
        for role, values in fact.roles.items():
            if role == "speaker":
                continue
            bucket = into.roles.setdefault(role, [])
            if role == "date" and bucket:
                continue
            bucket.extend(v for v in values if v not in bucket)
        into_ranges.extend(ranges)
    spans = []
    facts = []
    for fact, ranges in merged:
        facts.append(fact)
        sp = fact.roles["speaker"][0]
        spans.extend((ctx.unit.start + s, ctx.unit.start + e, sp) for s, e in ranges)
    return facts, spans


def attribute(events: list[Fact], statements: list[Fact],
              spans: list[tuple[int, int, Mention]]) -> None:
    """Facts inside a statement's content belong to its speaker."""
    del statements
    for f in events:
        if f.trigger is None:
            continue
        inside = [(e - s, sp) for s, e, sp in spans if s <= f.trigger.start < e]
        if not inside:
            continue
        speaker = min(inside, key=lambda p: p[0])[1]
        f.attributed_to = speaker
        if f.kind in _SECURITY_ACTIONS and not f.roles.get("agent") and \
                speaker.type in _REPORTERS:
            f.roles["agent"] = [speaker]
            f.rule += "+reporter-agent"
            f.confidence = round(f.confidence * 0.85, 3)
