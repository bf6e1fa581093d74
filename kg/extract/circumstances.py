"""Where, when and how many: the place, date and quantity of a matched event.

A mixin of the role reader (kg/extract/arguments.py): places are place mentions
reached by locative prepositions in the trigger's own clause (or a definite "the
city" pointing back); dates are the unit's date expressions in the trigger's clause
chain, resolved against the unit's anchor; quantities are counts of the patient
("40 protesters"), a "number of"/"total of" phrase, or the figure a count verb gives
("the death toll reached 164").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from kg.extract.antecedent_time import antecedent_date
from kg.extract.clause_time import (
    already_state,
    by_time_of_day,
    counted_before,
    day_count,
    day_follows,
    perfect_state,
    pointed_back,
    present_clause,
    shifted,
    with_day,
)
from kg.extract.context import Context, Fillers, ctx_sent
from kg.extract.counts import one_person
from kg.extract.purposes import purpose_places
from kg.extract.syntax import (
    clause_chain,
    clause_head,
    clause_prep,
    future_clause,
    is_passive,
    prep_objects,
    raised_subject,
    text_of,
)
from kg.extract.triggers import Match
from kg.records import Mention, Quantity, TimeExpr
from kg.resolve.dates import normalise_date, time_of_day_only
from kg.resolve.quantities import CURRENCY_CODES, parse_quantity

# the part of a day a date names: "late on Tuesday", "Sunday afternoon", "before dawn on Friday"
_PART_OF_DAY = re.compile(r"\b(?:early|late|before dawn|after dark|at dawn|at dusk|"
                          r"morning|afternoon|evening|night|midday|noon|in the|on the)\b",
                          re.IGNORECASE)


_ABOUT_PREPS = frozenset({"against", "over"})  # what a protest is about


_PATIENTS = ("nsubj", "nsubjpass", "dobj")


class Circumstances:
    """Location, date and quantity of a match (mixed into the role reader)."""

    ctx: Context
    f: Fillers
    lists: dict
    cue_verbs: set[str]
    light: set[str]

    def __init__(self, ctx: Context) -> None:
        lists = ctx.rules.lists
        self.loc_preps = set(lists["locative_preps"])
        self.place_nouns = set(lists["place_nouns"]) | set(lists["place_anaphors"])
        self.dates = [e for e in ctx.ents if e.label_ in ("DATE", "TIME")]
        self.dates += pointed_back(ctx.doc, lists["date_offsets"], self.dates)
        self._times: dict[tuple[str, bool], TimeExpr] = {}
        self._dates_read: list[tuple[SpacySpan, str, Token, TimeExpr]] | None = None
        self.future_aux = set(lists["future_auxiliaries"])
        self.future_heads = set(lists["future_heads"])
        self.future_past_aux = frozenset(lists.get("future_in_past_auxiliaries", ()))
        self._skip_preps: set[str] = set()
        self._trigger_ids: set[int] = set()

    def _location(self, m: Match, put, *, skip_preps: set[str] = frozenset()) -> None:
        """The place of the event; ``skip_preps`` on the trigger introduce other roles
        ("arrived from X": the origin)."""
        t = m.trigger
        self._skip_preps = skip_preps
        self._trigger_ids = {x.i for x in m.phrase}
        chain = clause_chain(t)
        anchors = [t] if m.voice == "nominal" else []
        anchors += chain
        found = None
        for anchor in anchors:
            found = self._place_under(anchor, t)
            if found:
                break
        if not found and m.voice != "nominal":
            # a place deeper inside the event's own phrase ("torched during protests in X"),
            # not inside its purpose ("deployed troops to clear the road to X")
            purpose = {x.i for c in t.children if c.dep_ in ("advcl", "xcomp", "acl")
                       and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                       for x in c.subtree}
            for tok in t.subtree:
                if tok.i in purpose:
                    continue
                if tok.dep_ == "pobj" and self._locative(tok) and \
                        tok.head.lemma_.lower() != "of" and self.ctx.mention_of(tok) is not None \
                        and not self._origin(tok) and not _destination(tok, t):
                    p = self.f.place(tok)
                    if p is not None:
                        found = [p]
                        break
        if not found and m.voice != "nominal" and \
                m.rules.kind in self.lists["purpose_place_kinds"]:
            found = purpose_places(t, set(self.lists["purpose_place_preps"]), self.f.place,
                                   self.ctx.mention_of, self.place_nouns)
        if not found and m.voice == "nominal" and not (
                t.dep_ == "dobj" and t.head.lemma_.lower() in self.light):
            # "Chile was hit by protests": the place is the verb's subject (not the subject
            # of "imposed" in "Washington imposed sanctions": that is the agent)
            verb = chain[0]
            for c in verb.children:
                if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c != t:
                    p = self.f.place(c)
                    if p is not None:
                        found = [p]
                        break
        if found:
            for p in found:
                put("location", p)

    def _origin(self, pobj: Token) -> bool:
        """"peacekeepers, most of them from India": where people come from, not where the
        event happens ("from" inside a noun phrase)."""
        prep = pobj.head
        return prep.lemma_.lower() == "from" and prep.head.pos_ not in ("VERB", "AUX") and \
            prep.head.lemma_.lower() not in self.place_nouns

    def _locative(self, pobj: Token) -> bool:
        """Whether the preposition over ``pobj`` says where (not a role of its own)."""
        prep = pobj.head
        lemma = prep.lemma_.lower()
        return lemma in self.loc_preps and not (
            lemma in self._skip_preps and prep.head.i in self._trigger_ids)

    def _place_under(self, anchor: Token, trigger: Token) -> list[Mention]:
        """Place mentions reached from ``anchor`` by locative prepositions, in its own clause."""
        out: list[Mention] = []
        named: list[Mention] = []
        also: list[Mention] = []
        stack = [anchor]
        seen = set()
        while stack:
            tok = stack.pop()
            for c in tok.children:
                if c.i in seen:
                    continue
                seen.add(c.i)
                if (c.dep_ in ("relcl", "ccomp", "parataxis", "advcl", "csubj") or (
                        c.dep_ in ("acl", "xcomp", "conj") and c.pos_ == "VERB")) and \
                        c != trigger and not (c.i <= trigger.i and trigger in c.subtree):
                    continue
                if c.dep_ == "poss":
                    continue
                if c.dep_ == "pobj" and self._locative(c) and (
                        c.head.lemma_.lower() != "of"
                        or c.head.head.lemma_.lower() in self.place_nouns) and \
                        not self._origin(c):
                    p = self.f.place(c)
                    if p is not None:
                        (named if self.ctx.mention_of(c) else out).append(p)
                        if self.ctx.mention_of(c) and len(named) == 1:
                            also = self._conjoined_places(c)  # "in A, B and C"
                stack.append(c)
        return [*named[:1], *also] if named else out[:1]

    def _conjoined_places(self, pobj: Token) -> list[Mention]:
        """The named places conjoined to a place ("protests in Dakar, Thiès and Kaolack")."""
        out = []
        for x in pobj.conjuncts:
            if x.i > pobj.i and self.ctx.mention_of(x) is not None:
                p = self.f.place(x)
                if p is not None and p not in out:
                    out.append(p)
        return out

    def _dated(self) -> list[tuple[SpacySpan, str, Token, TimeExpr]]:
        """The unit's normalisable dates with their preposition and clause, read once.

        None of it depends on the trigger, and a unit has many triggers.
        """
        if self._dates_read is None:
            skip, clock = set(self.lists["date_skip_preps"]), set(self.lists["times_of_day"])
            ends = set(self.lists["date_end_preps"])
            out = []
            last: TimeExpr | None = None  # the last date told, for "the same day"
            year: TimeExpr | None = None  # the last date of any precision ("a year later")
            covered = -1  # the end of a day part read with its day ("... of Thursday 26
            for ent in sorted(self.dates, key=lambda e: e.start):  # November"): no 2nd date
                if ent.start < covered:
                    continue
                prep = ent.root.head.lemma_.lower() if ent.root.dep_ == "pobj" else ""
                if prep == "on" and (by := by_time_of_day(ent.root.head)) in ends:
                    prep = by
                c = clause_head(ent.root)
                if prep in self.lists["date_start_preps"] and ent.root.head.head == c:
                    time = self._normalised(ent.text)
                    if time.value is not None:
                        out.append((ent, prep, c, time))
                    continue
                clocked = prep != "since" and time_of_day_only(ent.text) and not \
                    day_follows(ent)  # "before noon"; not "at 06:00 [on Monday]"
                if not clocked and (prep in skip or ent.text.lower().split()[0] in skip or
                                    self._under_skip(ent.root, c, skip, clock)):
                    continue  # "since June", "five coups since independence in 1960"
                if ent.root.dep_ == "poss" and self._under_skip(ent.root, c, _ABOUT_PREPS):
                    continue  # "protested over Sunday's vote": the vote's day, not theirs
                # an end ("until Monday") lies ahead of the event it ends
                told = with_day(ent)
                time = self._normalised(told.text, future=self._future(c) or prep in ends or (
                    prep == "for" and c.lemma_.lower() in self.lists["scheduling_verbs"]))
                if told.end > ent.end and time.value is not None:
                    covered = told.end
                if time.value is None and last is not None:
                    time = self._relative_to(ent.text, last, clocked and prep not in ends)
                if time.value is None and year is not None:
                    time = self._years_after(ent.text, year)
                if time.value is not None:
                    out.append((ent, prep, c, time))
                    if time.precision == "day":
                        last = time
                    year = time
            self._dates_read = out
        return self._dates_read

    @staticmethod
    def _under_skip(tok: Token, clause: Token, skip: set[str], clock=frozenset()) -> bool:
        """Whether a preposition of ``skip`` stands between a date and its clause (not one
        of a time of day ``clock`` on it: "before dawn on Friday" is within Friday)."""
        a = tok
        for _ in range(8):
            if a == clause or a.head == a:
                return False
            b, a = a, a.head
            if a.dep_ == "prep" and a.lemma_.lower() in skip and not (
                    b.dep_ == "pobj" and (b.lower_ in clock or b.ent_type_ == "TIME")):
                return True
        return False

    def _relative_to(self, text: str, last: TimeExpr, clock: bool = False) -> TimeExpr:
        """"the same day", "the next day", "two days later": counted from the date told
        before in the unit (lexicon.yaml `date_offsets`; not "30 hours later"); with
        ``clock``, a time of day alone ("at 4:21 p.m.", "shortly before noon") is on it."""
        if clock and time_of_day_only(text):
            return TimeExpr(text, last.value, "day")
        low = " ".join(text.lower().split())
        for phrase, days in self.lists["date_offsets"].items():
            if low == phrase or (low.endswith(" " + phrase) and not counted_before(low, phrase)):
                try:
                    day = date.fromisoformat(last.value) + timedelta(days=int(days))
                except (TypeError, ValueError):
                    break
                return TimeExpr(text, day.isoformat(), "day")
        return TimeExpr(text, None, "unresolved")

    def _years_after(self, text: str, before: TimeExpr) -> TimeExpr:
        """"two years later", "the following year": counted from the year told before in
        the unit (lexicon.yaml `year_offsets`)."""
        low = " ".join(text.lower().split())
        for phrase, years in self.lists["year_offsets"].items():
            if low == phrase or low.endswith(" " + phrase):
                head = str(before.value or "")[:4]
                if head.isdigit():
                    return TimeExpr(text, str(int(head) + int(years)), "year")
        return TimeExpr(text, None, "unresolved")

    def _date(self, m: Match, put) -> None:
        t = m.trigger
        dated = self._dated()
        chain = clause_chain(t)
        step = self._step(t, chain)
        ends = set(self.lists["date_end_preps"])
        starts = set(self.lists["date_start_preps"])
        best = None
        since = None
        fallback = []
        for ent, prep, c, time in dated:
            if prep in ends:
                if c == chain[0]:
                    put("dateEnd", TimeExpr(ent.text, time.value, "day"))
                continue
            if prep in starts:
                # on the event's verb, or on the infinitive of its purpose ("has deployed
                # troops to guard the port since June": the state of being deployed)
                if perfect_state(chain[0]) and (c == chain[0] or (
                        c.head == chain[0] and c.dep_ in ("xcomp", "advcl") and c.tag_ == "VB")):
                    since = time
                continue
            rank = _rank(c, chain)
            if rank != 0 and already_state(t):
                continue  # "the 1,100 troops already stationed": not the day of the clause
            if rank is not None:
                if step is not None and step[1] and rank >= step[0] \
                        and not step[2].is_ancestor(ent.root):
                    # "two days after clashes": the date of the clause above, stepped back
                    # (with no count the events share the day the text gives)
                    time = shifted(time, step[1])
                    if time is None:
                        continue
                if best is None or rank < best[0]:
                    best = (rank, time)
            elif step is None and ctx_sent(self.ctx, ent.root) == ctx_sent(self.ctx, t) \
                    and \
                    c.lemma_.lower() not in self.cue_verbs and \
                    not self._inside_relcl(ent, t):
                fallback.append(time)
        if best is not None:
            put("date", best[1])
        elif step is not None and step[1] and self.ctx.base is not None \
                and step[0] < len(chain) and present_clause(chain[step[0]]):
            # "police have used tear gas, two days after lawmakers passed a bill": the
            # present is the update's own day
            day = self.ctx.base.date() if hasattr(self.ctx.base, "date") else self.ctx.base
            put("date", shifted(TimeExpr("", day.isoformat(), "day"), step[1]))
        elif since is not None:
            put("date", since)
        elif (day := antecedent_date(chain, self.dates, self._normalised, dated)) is not None:
            put("date", day)  # "over Monday's fire, which killed eight": the fire's day
        elif len(fallback) == 1:
            put("date", fallback[0])

    def _step(self, t: Token, chain: list[Token]) -> tuple[int, int | None, Token] | None:
        """Whether "after"/"before" subordinates the event to a clause above it: the rank in
        ``chain`` of that clause, the signed days between them ("two days after": -2; no
        count: None) and the subordinating word."""
        steps = self.lists["date_step_preps"]
        tok = t
        for _ in range(6):  # "two days after violent clashes": the noun under the preposition
            if tok == chain[0] or tok.head == tok:
                break
            if tok.dep_ == "pobj" and tok.head.lower_ in steps:
                return 0, day_count(tok.head, steps[tok.head.lower_]), tok.head
            tok = tok.head
        for k, c in enumerate(chain[:-1]):  # "a day after the government asked for help"
            word = clause_prep(c)  # "two days after clashes left 11 injured", misread
            if word is not None and word.lower_ in steps:
                return k + 1, day_count(word, steps[word.lower_]), word
            for ch in c.children:
                word = ch if ch.dep_ == "mark" else next(
                    (g for g in ch.children if g.dep_ == "prep"), None) \
                    if ch.dep_ == "npadvmod" else None
                if word is not None and word.lower_ in steps:
                    return k + 1, day_count(c, steps[word.lower_]) or day_count(
                        word, steps[word.lower_]), c
        return None

    @staticmethod
    def _inside_relcl(ent: SpacySpan, t: Token) -> bool:
        """Whether the date sits in a relative clause that does not hold the trigger."""
        # ``not a.is_ancestor(t)``: ``t not in a.subtree`` without walking the subtree
        return any(a.dep_ == "relcl" for a in [ent.root, *ent.root.ancestors]
                   if a.i != t.i and not a.is_ancestor(t))

    def _normalised(self, text: str, *, future: bool = False) -> TimeExpr:
        key = (text, future)
        if key not in self._times:
            time = normalise_date(text, base=self.ctx.base, future=future)
            if time.value is None:  # "late on Tuesday", "Sunday afternoon": the day
                day = _PART_OF_DAY.sub(" ", text)
                if day.strip() and day.split() != text.split():
                    found = normalise_date(" ".join(day.split()), base=self.ctx.base,
                                           future=future)
                    if found.value is not None:
                        time = TimeExpr(text, found.value, found.precision, found.end)
            self._times[key] = time
        return self._times[key]

    def _future(self, verb: Token) -> bool:
        return future_clause(verb, self.future_aux, self.future_heads, self.future_past_aux)

    def _quantity(self, m: Match, roles: dict, put) -> None:
        t = m.trigger
        if roles.get("quantity"):
            return  # counted with its theme ("a plane carrying 148 officers")
        candidates: list[Token] = []
        heads = []
        # "10,000 people fled the town": a subject that is the patient carries the count
        subject_theme = m.rules.lemma_args.get(t.lemma_.lower(), {}).get("subject") == "theme"
        for c in t.children:
            if c.dep_ in ("nsubjpass", "dobj") or (c.dep_ == "nsubj" and (
                    m.rules.kind == "Protest" or subject_theme or (
                        "intransitive_subject" in m.rules.args
                        and not any(d.dep_ == "dobj" for d in t.children)))):
                heads.append(c)
        if is_passive(t) and t.dep_ in ("acl", "relcl"):
            heads.append(t.head)
        raised = raised_subject(t)
        if raised is not None:  # "ten people were reported killed"
            heads.append(raised)
        for _, obj in prep_objects(t, {"of"}) if m.voice == "nominal" else []:
            heads.append(obj)
        if m.voice == "nominal" and t.dep_ == "pobj" and t.head.lemma_.lower() in (
                "for", "with", "in") and t.head.head.pos_ == "VERB":
            # "14 people were treated for injuries", "3 million euros in aid": the count
            # goes with the verb's patient or the amount the noun qualifies
            v = t.head.head
            heads.extend(c for c in v.children if c.dep_ in ("nsubjpass", "dobj"))
        elif m.voice == "nominal" and t.dep_ == "pobj" and t.head.lemma_.lower() in (
                "for", "with") and t.head.head.dep_ in ("nsubjpass", "dobj"):
            # "has treated 60 people for injuries" with the phrase hung on the patient
            heads.append(t.head.head)
        if m.voice == "nominal" and t.dep_ == "dobj" and \
                t.head.lemma_.lower() in _SUFFERING:
            # "Seventeen persons sustained injuries": the count is who suffered them
            heads.extend(c for c in t.head.children if c.dep_ == "nsubj")
        if m.voice == "nominal" and t.dep_ == "pobj" and t.head.lemma_.lower() in (
                "in", "of") and t.head.head.pos_ in ("NOUN", "NUM"):
            heads.append(t.head.head)
        for h in heads:
            # "a total of 40"; deaths: "claimed the lives of 12 people" ("destroyed the
            # lives of millions" counts no damage)
            if h.pos_ == "NOUN" and (h.lemma_.lower() in ("total", "number") or (
                    h.lemma_.lower() == "life" and m.rules.kind == "Casualties")):
                for _, obj in prep_objects(h, {"of"}):
                    q = self._count(obj)
                    if q is not None:
                        start = min(x.i for x in h.subtree)
                        text = text_of(list(h.doc[start:obj.i + 1]))
                        qual = q.qualifier or ("exactly" if h.lemma_.lower() == "total" else None)
                        put("quantity", Quantity(text, q.value, q.unit, qual))
                        return
            candidates.append(h)
        if m.voice == "nominal" and (m.rules.quantity_required or m.rules.intransitive_counted
                                     or self._counted_noun(m)):
            candidates.append(t)  # a counted noun of a counted type: "38 deaths", "164 injuries"
        if m.rules.kind in ("Deployment", "Withdrawal"):
            candidates += [o for _, o in prep_objects(t, {"at", "to", "in", "across", "on"})
                           if self.ctx.mention_of(o) is None]
        for h in candidates:
            q = self._count(h)
            if q is None and h.lemma_.lower() in self.lists["group_heads"]:
                # "a group of 120 firefighters", "a shipment of 80 generators": the count of
                # what the group is made of
                q = next((c for _, o in prep_objects(h, {"of"}) for c in [self._count(o)]
                          if c is not None), None)
            if q is not None and q.text:
                put("quantity", q)
                return
        if m.rules.intransitive_counted:  # deaths and injuries
            counts = [q for c in t.children if c.dep_ in _PATIENTS
                      for q in [self._count(c)] if q is not None]
            if counts and any(c.dep_ == "prep" and c.lower_ == "among" for c in t.children):
                put("quantity", counts[0])  # "eleven people had died, among them a woman"
                return  # (the parser makes the woman the verb's object)
            for h in [] if counts else candidates:  # "a 62-year-old man has died": one
                q = one_person(h, self.lists["people"])
                if q is not None:
                    put("quantity", q)
                    return
        # "the number of people detained has reached N", "the death toll reached N";
        # a source's figure: "raised the death toll to N", "put the number of dead at N"
        cur = t
        for _ in range(5):
            if (cur.dep_ in ("nsubj", "nsubjpass") or (
                    cur.dep_ == "dobj" and m.voice == "nominal")) and \
                    cur.head.lemma_.lower() in self.lists["count_verbs"]:
                q = self._count_object(cur.head, t)
                if q is not None:
                    put("quantity", q)
                return
            if cur.head == cur:
                return
            cur = cur.head

    @staticmethod
    def _counted_noun(m: Match) -> bool:
        """Whether a pattern of ``m`` names the people counted by the trigger noun."""
        ids = {m.pattern_id, *(pid for pid, _v in m.alternatives)}
        return any(p.counted for p in m.rules.patterns if p.id in ids)

    def _count(self, head: Token) -> Quantity | None:
        nums = [c for c in head.children if c.dep_ == "nummod" or (
            c.like_num and c.dep_ in ("amod", "quantmod", "compound") and c.i < head.i)]
        # "$2 million", "USD 2 million", "$250,000 in funds": the currency hangs on the
        # number word beside the digits
        signs = [c for c in head.children if c.i < head.i and (
            c.tag_ == "$" or c.text in CURRENCY_CODES)]
        if not nums and signs and head.like_num:
            q = parse_quantity(text_of([*signs, head]), unit=None)
            if q is not None:
                return Quantity(text=text_of([*signs, head]), value=q.value, unit=q.unit,
                                qualifier=q.qualifier)
        if not nums:
            # "and 27 wounded"; a bare count as the object: "opened fire, killing six"
            # (not a year: "took office in 2019" is no object, "won 2019" no count)
            if head.pos_ == "NUM" and (head.dep_ in ("nsubj", "nsubjpass") or (
                    head.dep_ == "dobj" and not _year_like(head.text))) and \
                    not any(c.dep_ == "prep" for c in head.children):
                q = parse_quantity(head.text, unit=None)
                if q is not None:
                    return Quantity(text=head.text, value=q.value, qualifier=q.qualifier)
            return self._count_of(head)
        toks = sorted({x for n in [*nums, *signs] for x in n.subtree}, key=lambda x: x.i)
        pre = [c for c in head.children if c.i < toks[0].i and c.lower_ in ("all", "only")]
        start = (pre[0].i if pre else toks[0].i)
        # a sum's scale word is the head: "$2 million" is two million dollars
        end = head.i if head.like_num and head.pos_ == "NUM" else toks[-1].i
        words = text_of(list(head.doc[start:end + 1]))
        q = parse_quantity(words, unit=_unit(head))
        if q is None:
            return None
        return Quantity(text=text_of(list(head.doc[start:head.i + 1])), value=q.value,
                        unit=q.unit, qualifier=q.qualifier)

    def _count_of(self, head: Token) -> Quantity | None:
        """A count word heading its noun: "dozens of protesters", "hundreds of troops"."""
        if head.pos_ not in ("NUM", "NOUN"):
            return None
        objs = [o for _, o in prep_objects(head, {"of"})]
        q = parse_quantity(head.text, unit=None) if objs else None
        if q is None:
            return None
        return Quantity(text=text_of(list(head.doc[head.i:objs[0].i + 1])), value=q.value,
                        unit=_unit(objs[0]), qualifier=q.qualifier)

    def _count_object(self, verb: Token, trigger: Token) -> Quantity | None:
        # "placed the toll at 11, six of them in X": the figure after "at"/"to" first
        objs = [o for _, o in prep_objects(verb, {"to", "at"})]
        objs += [c for c in verb.children if c.dep_ in ("dobj", "attr")]
        objs += [c for c in verb.children if c.dep_ == "npadvmod"]
        for o in objs:
            if o.pos_ in ("NOUN", "ADJ") and any(c.dep_ == "nummod" for c in o.children):
                q = self._count(o)  # "to 14 dead, three of them children": the noun's own
                if q is not None:
                    return q
            if o.like_num or any(x.like_num for x in o.subtree):
                toks = [x for x in o.subtree]
                q = parse_quantity(text_of(toks), unit=None)
                if q is not None:
                    unit = q.unit
                    if unit is None and trigger.dep_ == "acl":
                        unit = _unit(trigger.head)
                    return Quantity(text=text_of(toks), value=q.value, unit=unit,
                                    qualifier=q.qualifier)
        return None


_SUFFERING = frozenset({"sustain", "suffer", "receive"})


def _year_like(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1800 <= int(text) <= 2100


_TOWARDS = frozenset({"to", "into", "towards", "toward"})
# verbs of carrying the hurt or the dead somewhere else ("taken to hospital in X")
_TAKEN = frozenset({"take", "rush", "fly", "airlift", "carry", "bring", "transfer", "move",
                    "evacuate", "admit", "transport", "send"})


def _destination(tok: Token, trigger: Token) -> bool:
    """Whether ``tok`` lies in where people were taken after the event told by another
    verb joined to it ("were injured and taken to the hospital in X": X is where they
    were treated, not where they were hurt)."""
    x, joined = tok, False
    while x.i != trigger.i and x.head.i != x.i:
        if x.dep_ == "conj" and x.pos_ == "VERB" and x.head.i == trigger.i and \
                x.lemma_.lower() in _TAKEN:
            joined = True
        x = x.head
    if not joined:
        return False
    x = tok.head
    while x.i != trigger.i and x.head.i != x.i:
        if x.dep_ == "prep" and x.lower_ in _TOWARDS:
            return True
        x = x.head
    return False


def _unit(head: Token) -> str | None:
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = head.lemma_.lower()
    return lemma or None


def _rank(c: Token, chain: list[Token]) -> float | None:
    """How far up the event's clause chain the clause of a date lies; a verb coordinated
    with the event's that has no subject of its own shares its date ("stormed and set
    fire to the building late on Tuesday"), after the event's own."""
    if c in chain:
        return chain.index(c)
    if c.dep_ == "conj" and c.head in chain and \
            not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children):
        return chain.index(c.head) + 0.5
    return None
