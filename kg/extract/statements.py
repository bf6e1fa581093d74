"""Statements: who said what, to whom, where and when; facts inside are attributed.

Cues are data (kg/rules/events/statements.yaml): verbs of saying with a reported
clause ("X said on Monday that ..."), inverted reports ("..., the committee said"),
verbs that state a stance or a judgement by themselves ("condemned the coup", "denied
any role", "called the arrests 'a hunt'"), figures given by a source ("put the death
toll at 19"), "according to X", and headlines ending in ", X Says". Who speaks is read
by kg/extract/speakers.py (names, appositions, pronouns, descriptions, unnamed
spokespeople, people by role as text). One update quoting one speaker several times
is one statement: the pieces are merged into one gist, their quotes kept. Events whose
trigger lies in a statement's content are attributed to its speaker, and a passive
security action without an agent ("were detained") gets the reporting body as agent.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.extract.context import Fillers
from kg.extract.silences import Silences
from kg.extract.speakers import Speaker, Speakers
from kg.extract.statement_cues import StatementCues
from kg.extract.statement_roles import StatementRoles, balanced
from kg.extract.statement_sources import StatementSources
from kg.extract.statement_subjects import StatementSubjects
from kg.extract.syntax import text_of
from kg.records import EntityType, Fact, Mention, TimeExpr
from kg.rules.loader import event_rules

# a count in a gist, with the words that qualify it: "about 2,000", "at least 41"
_COUNT = re.compile(r"\b(?:(?:about|around|some|nearly|almost|over|more than|fewer than|"
                    r"less than|at least|up to|roughly|approximately)\s+)?\d[\d,.]*\b",
                    re.I)
_TRAILING_MARK = re.compile(r"[\s,;]*\b(?:while|whereas|and|but)$", re.I)
_QUOTES = re.compile(r"“([^”]+)”|\"([^\"]+)\"")
# a quotation right after these is a name, not words said: 'known as "Ti Makak"'
_NICKNAME = re.compile(r"\b(?:known as|nicknamed|dubbed|alias|called|named)\s*[“\"]$", re.I)
# auxiliaries of a saying still to come or only possible ("will report", "must confirm")
_NOT_YET = {"will", "shall", "'ll", "must", "should", "could", "may", "might", "ought"}
_SECURITY_ACTIONS = {"Detention", "Arrest", "Neutralisation", "Seizure"}
_REPORTERS = {EntityType.GOVERNMENT_BODY, EntityType.ARMED_FORCE}
# clause parts that are not what a stance verb states
_NOT_STANCE = {"nsubj", "nsubjpass", "aux", "auxpass", "neg", "punct", "cc", "conj", "mark",
               "advcl", "parataxis", "ccomp"}


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Unit-local (start, end) of quotation contents."""
    return [(m.start(1) if m.group(1) is not None else m.start(2),
             m.end(1) if m.group(1) is not None else m.end(2)) for m in _QUOTES.finditer(text)]


class _Statements(StatementRoles, StatementCues, StatementSources, StatementSubjects):
    def __init__(self, ctx) -> None:
        self.ctx = ctx
        self.f = Fillers(ctx)
        self.report_end: int | None = None  # where an inverted report's speaker phrase starts
        spec = ctx.rules.statements
        cues = spec["cues"]
        self.cues = set(cues["verbs"])
        self.stances = set(cues["stances"])
        self.naming = {k: set(v) for k, v in cues["naming"].items()}
        self.figure_verbs = set(cues["figures"]["verbs"])
        self.figure_nouns = set(cues["figures"]["nouns"])
        self.restated = set(cues["figures"]["restated"])
        self.count_verbs = set(cues["figures"]["counts"])
        self.publish_verbs = set(cues["figures"]["publish"])
        self.publications = set(cues["figures"]["publications"])
        self.joined = set(cues["joined"])
        self.rebuttal_verbs = set(cues["rebuttal"]["verbs"])
        self.claim_nouns = set(cues["rebuttal"]["nouns"])
        self.claim_objects = set(cues.get("claim_objects", ()))
        self.document_verbs = set(cues.get("document_verbs", ()))
        self.that_verbs = set(cues.get("that_verbs", ()))
        self.reported_states = {k: set(v) for k, v in cues.get("reported_states", {}).items()}
        expressed = cues.get("expressed", {})
        self.express_verbs = set(expressed.get("verbs", ()))
        self.express_objects = set(expressed.get("objects", ()))
        self.addressee_object = set(cues["addressee_object"])
        self.intentions = set(cues.get("intentions", ()))
        self.learn_verbs = set(cues.get("learned", ()))
        self.addressing = set(cues["addressing"])
        self.reached_by = set(cues.get("reached_by", ()))
        self.media = set(spec["media"])
        self.documents = set(spec["documents"])
        self.participles = set(spec["addressee_participles"])
        self.headline_cues = spec["headline_cues"]
        self.confidence = float(spec["confidence"])
        self.quotes = _quote_spans(ctx.text)
        # ("said on Tuesday evening": spaCy calls a weekday with its part of day a TIME)
        self.dates = [e for e in ctx.ents if e.label_ in ("DATE", "TIME")]
        self.found: list[tuple[Fact, list[tuple[int, int]]]] = []
        lists = ctx.rules.lists
        self.skip_preps = set(lists["date_skip_preps"]) | set(lists["date_end_preps"])
        self.future_aux = set(lists["future_auxiliaries"])
        self.speakers = Speakers(self)

    # speakers
    def last_speaker(self, before: int) -> Speaker | None:
        prior = [f for f, _ in self.found if f.trigger and f.trigger.start < before]
        return prior[-1].roles["speaker"][0] if prior else None

    # content
    def content(self, cue: Token) -> tuple[list[tuple[int, int]], str | None, list[str]]:
        """Ranges the statement covers (unit-local), its indirect gist and direct quotes."""
        ranges: list[tuple[int, int]] = []
        gist = None
        comp = self.complement(cue)
        if comp is not None:
            lead = self._leading_date(cue, comp) | self._other_source(comp)
            toks = [t for t in comp.subtree if not (t.dep_ == "mark" and t.head == comp)
                    and t.i not in lead]
            toks += self._split_clause(cue, comp)
            toks += self._reported_conjuncts(cue, comp, toks)
            toks = sorted(toks + self._coordinated_reports(cue, comp, toks), key=lambda t: t.i)
            toks = [t for t in toks if not t.is_punct or (toks[0].i < t.i < toks[-1].i)]
            if toks:
                ranges.append((toks[0].idx, toks[-1].idx + len(toks[-1])))
                gist = text_of(toks)
        elif cue.dep_ == "ccomp" and cue.head.lemma_.lower() in self.cues:
            pass  # "X declared ..., Y said": the reported clause of Y's statement
        elif (cue.dep_ in ("ccomp", "parataxis") or self._inverted_conjunct(cue)) and \
                cue.head != cue:
            own = {t.i for t in cue.subtree}
            for c in cue.children:  # "... and a team, the bloc's secretary-general said"
                for a in c.children if c.dep_ == "nsubj" else ():
                    if a.dep_ == "appos" and a.i + 1 == cue.i:
                        own -= {t.i for t in c.subtree} - {t.i for t in a.subtree}
            toks = [t for t in cue.head.subtree if t.i not in own and not t.is_punct]
            if toks:
                ranges.append((toks[0].idx, toks[-1].idx + len(toks[-1])))
                gist = text_of(toks)
        if ranges and max(e for _, e in ranges) <= cue.idx:
            # '"...," he told officers, and the troops will return ...': the report goes on
            for c in cue.children:
                if c.dep_ == "conj" and c.i > cue.i and c.lemma_.lower() not in self.cues and \
                        any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                    more = [t for t in c.subtree if not t.is_punct and t.dep_ != "cc"]
                    if more:
                        ranges.append((more[0].idx, more[-1].idx + len(more[-1])))
                        gist = "; ".join(x for x in (gist, text_of(more)) if x)
        return ranges, gist, self.quotations(cue, ranges)

    @staticmethod
    def _leading_date(cue: Token, comp: Token) -> set[int]:
        """"said on Wednesday she would veto the bill": the parser hangs the day right
        after the verb of saying on the reported clause; it dates the saying."""
        first = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
        if first is None or first.dep_ != "prep" or first.lower_ not in ("on", "at") or \
                not comp.is_ancestor(first) or first.head.i <= first.i:
            return set()
        objs = [o for o in first.children if o.dep_ == "pobj"]
        if not objs or objs[0].ent_type_ not in ("DATE", "TIME"):
            return set()
        return {x.i for x in first.subtree}

    def _other_source(self, comp: Token) -> set[int]:
        """"said 640 were held, while the Legal Defence Centre put the number at 900": a
        clause of another source's report (its own subject and a verb of saying or a
        figure) hung on the reported clause is that source's statement, not this one's."""
        out: set[int] = set()
        for c in comp.children:
            if c.dep_ not in ("advcl", "conj") or c.i < comp.i:
                continue
            lemma = c.lemma_.lower()
            if (lemma in self.cues or self._figure(c)) and any(
                    g.dep_ == "nsubj" and g.pos_ != "PRON" for g in c.children):
                first = min(x.i for x in c.subtree)
                stop = first
                while stop > comp.i and comp.doc[stop - 1].is_punct:
                    stop -= 1
                out |= set(range(stop, max(x.i for x in c.subtree) + 1))
        return out

    def reported_before(self, cue: Token, end: int
                        ) -> tuple[list[tuple[int, int]], str | None, list[str]]:
        """An inverted report whose speaker the parse lost: what the sentence says before
        the speaker's phrase."""
        toks = [t for t in cue.doc[self.ctx.sent_of[cue.i].start:end]]
        while toks and toks[-1].is_punct:
            toks.pop()
        if len(toks) < 3 or not any(t.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in t.children) for t in toks):
            return [], None, []  # no clause: the speaker's own description
        ranges = [(toks[0].idx, toks[-1].idx + len(toks[-1]))]
        return ranges, text_of(toks), self.quotations(cue, ranges)

    def stance(self, cue: Token) -> tuple[list[tuple[int, int]], str | None, list[str]]:
        """"condemned the coup attempt", "denied any role": the verb phrase is the gist."""
        toks = [cue]
        naming = self.naming["predicate"] | self.naming["as"]
        for c in cue.children:
            if c.tag_ == "WRB" and c.i < cue.i:
                continue  # "..., when the commission published results": not said
            if c.dep_ not in _NOT_STANCE or (c.dep_ == "advcl" and any(
                    g.dep_ == "mark" for g in c.children)) or (  # "..., before the count ended"
                    c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > cue.i and
                    c.lemma_.lower() in naming):  # "rejected the charges, calling them ..."
                toks.extend(c.subtree)
        toks.sort(key=lambda t: t.i)
        while toks and toks[-1].is_punct:
            toks.pop()
        claim = self._rebutted(cue) if cue.lemma_.lower() in self.rebuttal_verbs else None
        if claim is not None:  # "which the ministry denied": what it denies
            toks = [t for t in toks if not (t.head == cue and t.dep_ == "dobj")]
        if len(toks) < 2 and claim is None:
            return [], None, []
        ranges = [(toks[0].idx, toks[-1].idx + len(toks[-1]))]
        if claim is not None and cue.head.lemma_.lower() in self.claim_nouns and \
                cue.dep_ in ("relcl", "acl"):  # "rejected the claim: ..."
            toks = [toks[0], cue.head, *toks[1:]]
        gist = text_of(toks) if claim is None else f"{text_of(toks)}: {text_of(claim)}"
        return ranges, gist, self.quotations(cue, ranges)

    def quotations(self, cue: Token, ranges: list[tuple[int, int]]) -> list[str]:
        """Direct quotes: one ending before the cue in its sentence, one opening right
        after it ('X said: "..."'), and any inside what the statement covers."""
        found: list[tuple[int, int]] = []
        sent_start = self.ctx.sent_of[cue.i].start_char
        for s, e in self.quotes:
            if sent_start - 1 <= e <= cue.idx:
                found.append((s, e))
                break
        after = cue.idx + len(cue.text)
        for s, e in self.quotes:
            if 0 < s - after <= 4 and not self.ctx.text[after:s - 1].strip(" :,"):
                found.append((s, e))
                break
        for s, e in self.quotes:
            if any(a <= s and e <= b + 1 for a, b in ranges) and (s, e) not in found:
                found.append((s, e))
        found = [(s, e) for s, e in found if not _NICKNAME.search(self.ctx.text[max(0, s - 16):s])]
        ranges.extend(r for r in found if r not in ranges)
        out = []
        for s, e in sorted(found):
            q = self.ctx.text[s:e].strip().rstrip(",")
            if q and q not in out:
                out.append(q)
        return out

    @staticmethod
    def _inverted_conjunct(cue: Token) -> bool:
        """"Police arrested 214 people ..., acting Commissioner X told reporters": the parser
        may join an inverted report to the clause it reports, after a comma."""
        return cue.dep_ == "conj" and cue.i > cue.head.i and \
            any(c.dep_ == "nsubj" for c in cue.children) and \
            not any(c.dep_ in ("ccomp", "xcomp") for c in cue.children) and \
            not any(c.dep_ == "cc" for c in cue.children) and (
                any(t.text == "," for t in cue.doc[cue.head.i:min(c.i for c in cue.subtree)])
                # "X pledged aid and a team, the bloc's secretary-general said": the
                # speaker taken for an apposition of the report's last noun
                or any(a.dep_ == "appos" and a.i + 1 == cue.i and
                       cue.doc[a.left_edge.i - 1].text == ","
                       for c in cue.children if c.dep_ == "nsubj" for a in c.children))

    def complement(self, cue: Token) -> Token | None:
        """The reported clause; not an inverted report of its own hung on the cue
        ("X declared an emergency, Interior Minister Y said": the parser may make
        "said" the complement of "declared")."""
        comps = [c for c in cue.children if c.dep_ in ("ccomp", "xcomp")]
        if not comps:  # "said earlier that ...": the parser may hang it on the adverb
            comps = [g for c in cue.children if c.dep_ == "advmod" and c.i == cue.i + 1
                     for g in c.children if g.dep_ == "ccomp" and any(
                         m.dep_ == "mark" and m.lower_ == "that" for m in g.children)]
        if not comps:  # "said in a statement that ...", "wrote in a post that ...": the
            # parser may hang the reported clause on the medium noun
            comps = [a for p in cue.children if p.dep_ == "prep" and p.i > cue.i
                     for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in self.media
                     for a in o.children if a.dep_ in ("acl", "relcl", "ccomp") and any(
                         m.dep_ == "mark" and m.lower_ == "that" for m in a.children)]
        # "A happened; Y said B": the clause after the cue, not one across a semicolon
        after = [c for c in comps if c.i > cue.i]
        comp = after[0] if after else (comps[0] if comps else None)
        if comp is not None and comp.pos_ in ("NOUN", "PROPN") and \
                cue.lemma_.lower() in ("declare", "proclaim"):
            return None  # "declared the valley a disaster area": a status given, no report
        if comp is not None and comp.i < cue.i and \
                any(t.text == ";" for t in cue.doc[comp.i:cue.i]):
            return None
        if comp is not None and comp.i > cue.i and comp.lemma_.lower() in self.cues and \
                any(c.dep_ == "nsubj" for c in comp.children) and \
                not any(c.dep_ in ("ccomp", "xcomp") for c in comp.children) and \
                any(t.text == "," for t in cue.doc[cue.i:comp.i]):
            # (an inverted report is set off by a comma; "said she would announce the
            # results" reports the announcement)
            return None
        if comp is not None and comp.i > cue.i:
            # "X said 23 were killed; the mission put the toll at 14": the parser may hang
            # the first clause on the second source's verb; X reports only the first
            semi = next((t for t in comp.children if t.text == ";" and t.i < comp.i), None)
            inner = [c for c in comp.children if c.dep_ == "ccomp" and cue.i < c.i and
                     semi is not None and c.i < semi.i]
            if inner and any(c.dep_ == "nsubj" and c.i > semi.i for c in comp.children) and \
                    (comp.lemma_.lower() in self.cues or self._figure(comp)):
                return inner[0]
        return comp

    def add(self, trigger: list[Token], speaker: Speaker, roles: dict, ranges, rule: str,
            confidence: float | None = None) -> None:
        ctx = self.ctx
        roles = {"speaker": [speaker], **{k: list(v) for k, v in roles.items()}}
        fact = Fact(kind="Statement", category="event", roles=roles, unit=ctx.unit.index,
                    sentence=ctx.sentence(trigger[0]), rule=rule,
                    confidence=confidence or self.confidence, trigger=ctx.span(trigger),
                    reported=ctx.unit.stamp)
        self.found.append((fact, list(ranges)))

    def run(self) -> None:
        for tok in self.ctx.tokens:
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and self._figure(tok):
                self.cue(tok, stance=True)  # "estimated it at 60,000": the figure is said
            elif tok.pos_ == "VERB" and lemma in self.rebuttal_verbs and \
                    self._rebutted(tok) is not None:
                self.cue(tok, stance=True)  # "..., a claim Dushanbe rejected"
            elif tok.pos_ == "VERB" and lemma in self.learn_verbs and self.learned(tok):
                pass  # "BelTA learned from the court's press service": the source speaks
            elif tok.pos_ == "VERB" and lemma in self.cues:
                self.cue(tok)
            elif tok.pos_ == "VERB" and self._document_report(tok):
                self.cue(tok, shape="document")  # "assessments by X show that ..."
            elif tok.pos_ == "VERB" and self._notice(tok):
                self.cue(tok, shape="notice")  # "The Government of X advises that ..."
            elif tok.pos_ == "VERB" and self._claim_turned_down(tok):
                self.cue(tok, stance=True)  # "rejected the accusations"
            elif tok.pos_ == "VERB" and (lemma in self.stances or self._naming(tok)
                                         or self._joined(tok) or self._expressed(tok)):
                self.cue(tok, stance=True)
            elif tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
                self.according(tok)
        self.headline()

    def _restated(self, cue: Token) -> str | None:
        """"117 prisoners escaped, police said; the ministry put the figure at 163": a
        second source's figure for what the sentence has just counted ("163 prisoners
        escaped"), when the figure is named only as such (lexicon `restated`)."""
        if not self._figure(cue):
            return None
        obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
        at = next((o for c in cue.children if c.dep_ == "prep" and c.lower_ == "at"
                   for o in c.children if o.dep_ == "pobj"), None)
        if obj is None or at is None or obj.lemma_.lower() not in self.restated or \
                any(c.dep_ == "prep" for c in obj.children):
            return None  # ("put the number of dead at 26" says what it counts)
        sent = self.ctx.sent_of[cue.i]
        before = [f for f, _r in self.found if f.trigger is not None and
                  sent.start_char <= f.trigger.start - self.ctx.unit.start < cue.idx]
        subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        own = min(x.i for x in subj.subtree)  # ", while a source put the figure at ...":
        mine = text_of(list(cue.doc[own:own + 3]))  # not part of the figure restated
        for fact in reversed(before):
            for g in fact.roles.get("gist", []):
                if mine in g:
                    g = _TRAILING_MARK.sub("", g[:g.index(mine)].rstrip(" ,;"))
                m = _COUNT.search(g)
                if m is not None:
                    figure = text_of(list(at.subtree)).strip('"“”')
                    return (g[:m.start()] + figure + g[m.end():]).strip()
        return None

    def cue(self, cue: Token, *, stance: bool = False, shape: str | None = None) -> None:
        if any(c.dep_ == "neg" for c in cue.children) or self._reported_state(cue):
            return
        if any(c.dep_ == "aux" and c.lower_ in _NOT_YET for c in cue.children):
            return  # "the committee will report within 45 days": nothing said yet
        self.report_end = None
        subj = self._subject(cue)
        if subj is None:
            return
        if subj.lower_ in ("nobody", "none", "noone") or any(
                c.dep_ == "det" and c.lower_ == "no" for c in subj.children):
            return  # "no other group claimed responsibility": nobody said it
        if not stance and self.report_end is not None and not any(
                c.i > cue.i for c in [self.complement(cue)] if c is not None):
            ranges, gist, quotes = self.reported_before(cue, self.report_end)
        elif not stance:
            if self._intention(cue):
                return  # "has promised to send troops": the plan is the event
            ranges, gist, quotes = self.content(cue)
            stance = not ranges and cue.lemma_.lower() in self.stances
        if stance:
            reporting = [c for c in cue.children if c.dep_ in ("ccomp", "parataxis")
                         and c.i > cue.i]
            if cue.dep_ in ("ccomp", "parataxis") and cue.head.i > cue.i and not any(
                    t.text == ";" for t in cue.doc[cue.i:cue.head.i]):
                # (not across a semicolon: "Police put the crowd at 9,000; organisers
                # estimated it at 20,000" are two sources)
                reporting.append(cue.head)
            if any(c.lemma_.lower() in self.cues and any(g.dep_ == "nsubj" for g in c.children)
                   for c in reporting):
                return  # "X accused Y of Z, spokeswoman W told reporters": W's statement
            ranges, gist, quotes = self.stance(cue)
            gist = self._restated(cue) or gist
        if not ranges:
            return
        more = self._continued_quote(cue)
        if more is not None and more not in ranges:
            # '"...," X said. "What else can we lose?"': the quotation that goes on
            text = self.ctx.text[more[0]:more[1]].strip()
            ranges.append(more)
            quotes = [*quotes, text]
            gist = f"{gist}; {text}" if gist else text
        speakers = self.speakers.of(subj)
        if not speakers and subj.i < cue.i and cue.i > 0:
            # "Posts and Telecommunications Minister X denied": the parser took a word of
            # the title for the subject; the person named right before the verb speaks
            m = self.ctx.cover.get(cue.i - 1)
            if m is not None and m.type is EntityType.PERSON and \
                    subj.is_ancestor(cue.doc[cue.i - 1]):
                speakers = [m]
        if self.ctx.in_headline(cue) or self._heading_line(cue):
            # a headline's speaker by role is told in the body
            speakers = [sp for sp in speakers if isinstance(sp, Mention)]
        if not speakers:
            return
        roles: dict[str, list] = {"cue": [cue.lemma_.lower()]}
        skip: set[int] = set()
        comp = None if stance else self.complement(cue)
        if stance:
            pass
        elif comp is not None:  # ("said on Wednesday she would ...": the saying's day)
            skip = {t.i for t in comp.subtree} - self._leading_date(cue, comp)
        elif cue.dep_ in ("ccomp", "parataxis") or self._inverted_conjunct(cue):
            own = {t.i for t in cue.subtree}
            skip = {t.i for t in cue.head.subtree} - own
        self.medium_and_addressee(cue, skip, roles)
        self.heard_by(subj, roles)
        if gist:
            roles["gist"] = [balanced(gist)]
        if quotes:
            roles["quote"] = quotes
        stamp = self.ctx.unit.stamp
        present = cue.tag_ in ("VBZ", "VBP") or (  # "wishes to state", "wants to inform"
            cue.dep_ == "xcomp" and cue.head.tag_ in ("VBZ", "VBP"))
        dated_present = present and stamp is not None and not self.ctx.in_headline(cue)
        # a date inside the reported clause dates what is reported; it stands in for the
        # day of saying only when nothing else gives that day (not a dated release's present)
        when = self.date(cue, skip, fallback=not dated_present)
        if when is None and dated_present:
            # "The Command wishes to state that ...", "the ministry condemns ...": said in
            # the present of a dated release or update, on its day
            # (a fallback: a day another telling of the statement gives wins)
            roles["present_day"] = [TimeExpr(text=cue.text, value=stamp.date().isoformat())]
        if when is not None:
            roles["date"] = [when]
        if stance:
            shape = "stance"
        elif shape is None:
            shape = "inverted" if max(e for _, e in ranges) <= cue.idx else "said-that"
        if "addressee" in roles and cue.lemma_ in self.addressee_object:
            shape = "told"
        for sp in speakers:
            self.add([cue], sp, roles, ranges, f"statement/{shape}")


def _key(m: Speaker) -> list[str]:
    text = m.text if isinstance(m, Mention) else m
    words = text.lower().replace("’", "'").split()
    return [w for w in words if w not in ("the", "his", "her", "its", "their")]


def _personal(m: Mention) -> bool:
    return m.text.lower().startswith(("his ", "her "))


def same_speaker(a: Speaker, b: Speaker, text: str = "") -> bool:
    """Whether two speakers of one update are one.

    Equal, or one's words within the other's ("Okafor" / "Amaka
    Okafor", "the ministry" / "the interior ministry"); or a description
    ("the Ghanaian president") whose head is the title written before the
    named one ("Ghanaian President A. B."). ``text`` is the document text.
    Speakers given as text (people by role) are one when their words are.
    """
    if a == b:
        return True
    ka, kb = _key(a), _key(b)
    if not ka or not kb:
        return False
    if isinstance(a, str) or isinstance(b, str):
        return ka == kb
    if ka != kb and _personal(a) != _personal(b):
        return False  # "his office" is the office of the person named, no other office
    if ka == kb or set(ka) <= set(kb) or set(kb) <= set(ka):
        return a.type.is_agent and b.type.is_agent
    created = [m for m in (a, b) if m.source == "rule:event-role"]
    if len(created) != 1 or a.type is not b.type:
        return False
    named = b if created[0] is a else a
    before = text[max(0, named.start - 60):named.start].lower().split()[-3:]
    return _key(created[0])[-1] in before


def statement_facts(ctx) -> tuple[list[Fact], list[tuple[int, int, Speaker, bool]]]:
    """Statements of one update, one per speaker, and the source ranges each covers
    (start, end, speaker, whether the range is a direct quotation)."""
    st = _Statements(ctx)
    st.run()
    silent = Silences(st).facts()  # "X did not comment": negated, never merged
    merged: list[tuple[Fact, list[tuple[int, int]]]] = []
    head = ctx.headline

    def in_head(f: Fact) -> bool:  # a headline's statement joins the body's telling
        return f.rule == "statement/headline" or (
            head is not None and f.trigger is not None and
            head[0] <= f.trigger.start - ctx.unit.start < head[1])

    order = sorted(st.found, key=lambda p: (in_head(p[0]), p[0].trigger.start))
    for fact, ranges in order:
        sp = fact.roles["speaker"][0]
        target = next((p for p in merged if same_speaker(p[0].roles["speaker"][0], sp,
                                                         ctx.document.text)), None)
        if target is None:
            merged.append((fact, ranges))
            continue
        into, into_ranges = target
        mine = into.roles["speaker"][0]
        if isinstance(mine, Mention) and isinstance(sp, Mention) and \
                mine.source == "rule:event-role" and sp.source != "rule:event-role":
            into.roles["speaker"] = [sp]
        for role, values in fact.roles.items():
            if role == "speaker":
                continue
            bucket = into.roles.setdefault(role, [])
            if role == "date" and bucket:
                continue
            bucket.extend(v for v in values if v not in bucket and not (
                role == "gist" and isinstance(v, str) and any(
                    isinstance(b, str) and v in b for b in bucket)))  # said twice over
        into_ranges.extend(ranges)
    spans = []
    facts = []
    for fact, ranges in merged:
        sp = fact.roles["speaker"][0]
        if isinstance(sp, Mention) and sp.type.is_place and fact.trigger is not None and \
                ctx.headline is not None and \
                ctx.headline[0] <= fact.trigger.start - ctx.unit.start < ctx.headline[1]:
            continue  # "Cambodia Says ...": the body tells who in Cambodia said it
        present = fact.roles.pop("present_day", [])
        if present and not fact.roles.get("date"):
            fact.roles["date"] = present[:1]
        gists = fact.roles.get("gist", [])
        if len(gists) > 1:  # one statement, one gist: its pieces in the order said
            fact.roles["gist"] = ["; ".join(gists)]
        facts.append(fact)
        sp = fact.roles["speaker"][0]
        quoted = {(a, b) for a, b in st.quotes}
        spans.extend((ctx.unit.start + s, ctx.unit.start + e, sp, (s, e) in quoted)
                     for s, e in ranges)
    return facts + silent, spans


def attribute(events: list[Fact], statements: list[Fact],
              spans: list[tuple[int, int, Speaker, bool]]) -> None:
    """Facts inside a statement's content belong to its (named) speaker."""
    del statements
    for f in events:
        if f.trigger is None:
            continue
        inside = [(e - s, sp, q) for s, e, sp, q in spans if s <= f.trigger.start < e
                  and isinstance(sp, Mention)]
        if not inside:
            continue
        _, speaker, _q = min(inside, key=lambda p: p[0])
        quoted = any(q for _n, sp, q in inside if sp == speaker)
        f.attributed_to = speaker
        if f.kind in ("Request", "Accusation") and not f.roles.get("agent") and quoted:
            # '"I urge everyone to step back," X said': the one who asks is the speaker
            f.roles["agent"] = [speaker]
            f.rule += "+speaker-agent"
        agent = f.roles.get("agent") or []
        if f.kind in _SECURITY_ACTIONS and len(agent) == 1 and isinstance(agent[0], str) \
                and speaker.type is EntityType.ARMED_FORCE and f.factuality is None and \
                _force_members(agent[0]):
            # "Police said officers detained 14 people": the force acts through its
            # officers (a ministry's "officers seized" may be another body's; a plot "a
            # group of officers had planned" is no act of the force that reports it)
            f.roles["agent"] = [speaker]
            f.rule += "+reporter-agent"
        if f.kind in _SECURITY_ACTIONS and not f.roles.get("agent") and \
                speaker.type in _REPORTERS:
            f.roles["agent"] = [speaker]
            f.rule += "+reporter-agent"
            f.confidence = round(f.confidence * 0.85, 3)


def _force_members(text: str) -> bool:
    """"officers", "agents": members of a force named by what they are
    (kg/rules/events/statements.yaml ``speakers.force_members``), no one named."""
    words = text.lower().split()
    if len(words) != 1:
        return False  # "police officers", "a group of officers": said of others
    members = event_rules().statements["speakers"]["force_members"]
    return words[0] in members or words[0].removesuffix("s") in members
