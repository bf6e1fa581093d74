"""The theme behind an object: pronouns and partitives followed to their noun, a named
place kept whole, members drawn from a force, a title's named holder, and the noun phrase
without its article, count and clauses said in passing (mixed into the role reader through
kg/extract/role_fillers.py)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.context import Context, Fillers, described_person, named_holder, plural_antecedent
from kg.extract.syntax import np_tokens, prep_objects, pronoun_antecedent, text_of
from kg.records import EntityType, Mention


class ThemeFillers:
    """Fillers of the theme role; the agent-side helpers it calls (``_conjuncts``,
    ``through_prep``, ``_drawn_from``, ``_members_of``) are RoleFillers'."""

    ctx: Context
    f: Fillers
    lists: dict
    trigger: Token | None
    theme_heads: list[Token]
    person_theme: bool
    theme_creates: bool
    holder_role: str | None
    sent_from: list

    def _theme(self, head: Token, skip: set[int]):
        told = pronoun_antecedent(head) if head.pos_ == "PRON" else None
        if told is not None:  # "a driver, who was later freed": the driver
            return self._theme(told, set())
        people = plural_antecedent(self.ctx, head) if head.pos_ == "PRON" else None
        if people is not None:  # "they will be prosecuted": the officers named before
            return self._theme(people, set())
        if head.pos_ == "NUM" and (counted := _counted_before(head)) is not None:
            # "seven cargo vessels were waiting ... and two more had been diverted": the
            # vessels ("N more" says no noun: the counted noun before it in its sentence)
            return self._theme(counted, skip)
        if head.pos_ == "NUM" or head.lower_ in self.lists["partitive_heads"]:
            # "51 of its members were held": the members; "most of the detainees"
            for _, obj in prep_objects(head, {"of"}):
                told = pronoun_antecedent(obj) if obj.pos_ == "PRON" else None
                if told is not None:  # "400 residents, most of whom were moved to X"
                    return self._theme(told, set())
                if obj.pos_ == "PRON":  # "two of them, including X, were charged": X
                    named = [m for _p, o in prep_objects(head, {"include", "including"})
                             if (m := self.ctx.mention_of(o)) is not None and m.type.is_agent]
                    if named:
                        return named[0]
                    if obj.lower_ in ("them", "those"):  # "Nine of them": the people before
                        before = _plural_people(obj, set(self.lists["people"]))
                        if before is not None:
                            return self._theme(before, skip)
                    if head.pos_ != "NUM":
                        break  # "many of them owned by X": the phrase as the text says
                return self._theme(obj, skip)
        through = self.through_prep(head)
        if through and head.pos_ == "NOUN":  # "a total of 40 people", "access to X"
            for _, obj in prep_objects(head, {through}):
                self.theme_heads.append(head)  # "froze the assets of X": assets are frozen
                return self._theme(obj, skip)
        self.theme_heads.extend(self._conjuncts(head))
        m = self.ctx.mention_of(head)
        if m is not None and not m.type.is_place:
            return m
        if m is not None and _placed(head, self.ctx.char_span(m.start, m.end)):
            # "Ndola Airport in northern Zambia was closed", "seized X Airport, near Y":
            # a named place whose phrase only adds where it lies is that place (the
            # locative phrase is the event's location, read apart)
            return m
        if self._drawn_from(head):
            inner = self._members_of(head)  # "fighters of the X Front arrived": the Front
            if inner is not None and (inner.type is EntityType.ARMED_FORCE or not (
                    head.lemma_.lower() == "member" and any(
                        c.dep_ == "nummod" for c in head.children))):
                return inner  # (a count of a party's members, "four members of X": people)
        # (any title's head: "dismissed the Chief Executive Officer of X, Mr Y,")
        holder = named_holder(self.ctx, head, self.f.title_words)
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
        described = described_person(self.ctx, head)
        if described is not None:  # "appointed a former judge, Ana Reyes,": Ana Reyes
            return described
        lemma = head.lemma_.lower()
        if self.theme_creates and ((lemma in self.lists["forces"] and not self.person_theme)
                                   or lemma in self.f.body_heads):
            # (a person dismissed or appointed is no force: "the officer in charge was
            # suspended" stays text)
            # an office holder named by title ("the defence minister was dismissed"), a force
            # sent ("the peacekeeping battalion of the African Union")
            ent = self.f.entity(head, person=self.person_theme)
            if ent is not None:
                return ent
        text = text_of(self._bare(head, skip))
        echo = self._echoed_act(head) if text else None
        return echo or text or None

    def _echoed_act(self, head: Token) -> str | None:
        """A bare act noun approved or turned down that points back to the verb that told
        the act before it ("X offered two pumps, and the government accepted the offer",
        "flew 23 inmates to Y. [...] The transfer was authorised by Z"): the noun with what
        the nearest such verb took ("offer of two pumps", "transfer of 23 inmates to Y";
        lexicon `echoed_acts`, for the kinds of `echo_kinds`)."""
        verbs = self.lists["echoed_acts"].get(head.lemma_.lower())
        if not verbs or getattr(self, "kind", None) not in self.lists["echo_kinds"] or \
                head.pos_ != "NOUN" or any(c.dep_ in ("prep", "acl", "poss", "compound")
                                           for c in head.children):
            return None
        doc = head.doc
        for v in reversed(doc[:head.i]):  # the nearest telling before it
            if v.pos_ != "VERB" or v.lemma_.lower() not in verbs:
                continue
            obj = next((c for c in v.children if c.dep_ == "dobj"), None)
            if obj is None:
                return None
            own = {x.i for c in obj.children if c.i == head.i or c.is_ancestor(head)
                   for x in c.subtree}  # (", an offer Riga accepted": the noun itself)
            words = [x for x in np_tokens(obj, skip=own)
                     if not (x.dep_ == "det" and x.head == obj)]
            where = [x for _p, o in prep_objects(v, {"to"}) for x in [o.head, *np_tokens(o)]]
            return text_of([head]) + " of " + text_of(words + where)
        return None

    def _sent_thing(self, t: Token, subj: Token) -> Token:
        """"sent a detachment of 60 troops from its base in X, which arrived in Y", "pledged
        to send two aircraft loaded with relief supplies, which are expected to land at Z",
        "will send a mission, headed by A of the B, which will travel to C": a relative
        clause told after the object of a verb of sending (lexicon `sending_verbs`) is
        about the thing sent, where the parser hangs it on the last noun of a phrase
        (the object of a preposition); else ``subj`` as read."""
        clause = t
        while clause.dep_ == "xcomp" and clause.head != clause:
            clause = clause.head  # "which are expected to land"
        if clause.dep_ != "relcl" or clause.head.dep_ != "pobj" or not any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that")
                for c in clause.children):
            return subj
        noun = clause.head
        sending = set(self.lists["sending_verbs"])
        for up in noun.ancestors:
            if up.pos_ == "VERB" and up.lemma_.lower() in sending:
                obj = next((c for c in up.children if c.dep_ == "dobj" and c.i < noun.i),
                           None)
                if obj is None:
                    return subj
                # where it was sent from ("from its base in X"): the named place there
                told = {x.i for x in clause.subtree}
                self.sent_from = [m for _p, o in prep_objects(up, {"from"})
                                  for x in o.subtree if x.i not in told and
                                  (m := self.ctx.mention_of(x)) is not None and
                                  m.type.is_place][-1:]
                return obj
        return subj

    def _bare(self, head: Token, skip: set[int]) -> list[Token]:
        """The theme's noun phrase without its article or determiner and its count
        ("about 2,000 peacekeepers": peacekeepers; the count is the quantity)."""
        drop = set(skip)
        t = self.trigger
        if t is not None and head.is_ancestor(t):  # "the convoy, which gunmen ambushed"
            clause = _clause_of(t, head)
            if clause is not None:  # "1.5 million litres of diesel, which is expected to
                drop.update(x.i for x in clause.subtree)  # arrive": the clause alone
            else:
                drop.update(x.i for c in head.children if c == t or c.is_ancestor(t)
                            for x in c.subtree)
        doc = head.doc
        # a clause set off by a comma deeper in the phrase ("litres of diesel, which is
        # expected to arrive in X"): said in passing, as at the head
        for rel in head.subtree:
            if rel.dep_ == "relcl" and rel.head != head and rel.left_edge.i > 0 and \
                    doc[rel.left_edge.i - 1].text == ",":
                drop.update(x.i for x in rel.subtree)
        heads = self._conjuncts(head)
        # "two helicopters and about 150 soldiers": a list of counted things keeps each
        # count (one quantity cannot say them); a single count is the fact's quantity
        counted_list = len(heads) > 1 and any(
            c.dep_ == "nummod" and c.i < h.i for h in heads for c in h.children)
        for h in heads:
            for c in h.children:
                first = min(x.i for x in c.subtree)
                if (c.dep_ in ("det", "predet") and c.i < h.i and h is head) or \
                        (c.dep_ == "nummod" and c.i < h.i and not counted_list and
                         not self._vague_count(c)) or \
                        (c.dep_ in ("relcl", "appos") and first > 0 and
                         h.doc[first - 1].text == "," and (
                             c.dep_ == "relcl" or self.ctx.mention_of(c) is None)):
                    drop.update(x.i for x in c.subtree)  # ", which ...": said in passing
        # a restrictive relative clause says which ("people who were detained during X")
        kept = np_tokens(head, skip=drop, drop={"advcl", "parataxis"})
        return kept or np_tokens(head, skip=skip)

    def _vague_count(self, num: Token) -> bool:
        """"several hundred", "a few dozen": a count with no number in it, which gives the
        fact no quantity; the theme keeps it ("several hundred protesters")."""
        words = list(num.subtree)
        return not any(x.is_digit or (x.like_num and x.lower_ not in (
            "hundred", "thousand", "dozen")) for x in words) and \
            any(x.lower_ in self.lists["vague_counts"] for x in words)


def _clause_of(t: Token, head: Token) -> Token | None:
    """The relative or participle clause set off by a comma in ``head``'s phrase that holds
    the trigger ``t`` (the trigger itself or a verb above it), None when there is none."""
    x = t
    while x != head and x.head != x:
        if x.dep_ in ("relcl", "acl") and x.head != head:
            first = x.left_edge.i
            # set off by a comma: said in passing of the inner noun ("litres of diesel,
            # which is expected to arrive"); a restrictive clause ("a team of 30 officers
            # who departed X") tells which, and the phrase is read as before
            return x if first > 0 and t.doc[first - 1].text == "," else None
        x = x.head
    return None


def _placed(head: Token, span) -> bool:
    """Whether ``head`` names the place ``m`` and its phrase adds only where that place
    lies: a locative phrase ("in northern X", "near Y", "between A and B", "on the coast")
    or a clause set off by commas; an article. False for a bare name (kept as written)."""
    if span is None:
        return False
    doc = head.doc
    own = set(range(span.start, span.end))
    extra = [c for c in head.children if c.i not in own]
    if not extra:
        return False
    placed = False
    for c in extra:
        if c.dep_ in ("det", "punct"):
            continue
        if c.dep_ == "prep" and c.lower_ in _LIES_PREPS:
            placed = True
            continue
        first = min(x.i for x in c.subtree)
        if c.dep_ in ("relcl", "appos") and first > 0 and doc[first - 1].text == ",":
            continue
        return False
    return placed


_LIES_PREPS = frozenset({"in", "near", "outside", "between", "on", "along", "off", "at"})


def _plural_people(pron: Token, people: set[str]) -> Token | None:
    """The plural noun a partitive "of them" points back to, when it names people: the
    nearest plural noun before it in its sentence or the one before ("23 people were held
    ... Nine of them"; "shops were stripped, many of them owned by X": shops, no people)."""
    start = pron.sent.start
    if start > 0:
        start = pron.doc[start - 1].sent.start
    for tok in reversed(pron.doc[start:pron.i]):
        if tok.tag_ in ("NNS", "NNPS") and tok.pos_ == "NOUN":
            return tok if tok.lemma_.lower() in people else None
    return None


def _counted_before(num: Token) -> Token | None:
    """The plural noun an elliptical "N more" counts: the nearest counted plural noun
    before it in its sentence ("seven vessels ... and two more")."""
    if not any(c.dep_ == "amod" and c.lower_ == "more" for c in num.children) or \
            any(c.dep_ == "prep" and c.lower_ == "of" for c in num.children):
        return None
    for tok in reversed(num.doc[num.sent.start:num.i]):
        if tok.tag_ in ("NNS", "NNPS") and tok.pos_ == "NOUN" and \
                any(c.dep_ == "nummod" for c in tok.children):
            return tok
    return None


def named_act(t: Token) -> str:
    """What a noun trigger itself names, as the text words it: "a 1975 treaty between A
    and B" (the treaty), "the March 2019 peace deal" (the peace deal), "under fishing
    agreements with X", "a six-month bilateral ceasefire": the noun with the words before it
    that say which kind it is (compounds and adjectives), without a date, a year or a
    count, which are the fact's own roles."""
    words = [t, *(x for c in t.children if c.dep_ in ("compound", "amod", "nmod")
                  and c.i < t.i for x in c.subtree)]
    kept = [x for x in words if x.ent_type_ not in ("DATE", "TIME", "CARDINAL")
            and x.pos_ != "NUM" and not x.is_punct and x.tag_ != "POS"]
    return text_of(sorted(kept, key=lambda x: x.i))


def described_people(ctx: Context, head: Token) -> list[Mention]:
    """"The men, A of X and B of Y, were charged": a plural description of people with
    their names in apposition is those people (two or more, every one a named person)."""
    if head.pos_ != "NOUN" or head.tag_ != "NNS" or ctx.cover.get(head.i) is not None:
        return []
    for c in head.children:
        if c.dep_ != "appos":
            continue
        names = [c, *[x for x in c.subtree if x.dep_ == "conj" and x.head.i in (
            c.i, *[y.i for y in c.subtree if y.dep_ in ("pobj", "conj")])]]
        found = [ctx.cover.get(x.i) for x in names]
        if len(found) >= 2 and all(m is not None and m.type is EntityType.PERSON
                                   for m in found):
            return [m for n, m in enumerate(found) if m not in found[:n]]
    return []
