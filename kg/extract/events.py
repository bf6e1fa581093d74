"""Event extraction: triggers from the rule files, roles from the dependency parse.

The trigger words and dependency shapes are data (kg/rules/events/*.yaml,
loaded by kg/rules/loader.py); this module turns a match into an n-ary
:class:`Fact`. Roles are read from the trigger's dependents according to the
voice: the subject of an active verb, the ``by`` phrase or the possessor of a
passive or nominal trigger is the agent; the object or passive subject is the
theme. Relative pronouns are replaced by their antecedent, climbing out of
"X of Y (Z), which ..." to X; participles and conjuncts without a subject
share their main verb's. Locations are place mentions only (or a definite
"the city"/"the country" that points back to the last such place); dates
resolve against the update stamp.

Statements (kg/extract/statements.py) and relations (kg/extract/relations.py)
run on the same parse; facts inside a statement are attributed to its speaker.
Duplicates inside an update are merged here; kg/extract/merge.py merges across
updates once entities are resolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from spacy.vocab import Vocab

from kg.extract.depmatch import AnchorMatcher
from kg.records import EntityType, Fact, Mention, Quantity, SourceDocument, Span, TimeExpr, Unit
from kg.resolve.dates import normalise_date
from kg.resolve.quantities import parse_quantity
from kg.rules.loader import EventRules, RuleSet, event_rules

RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}
_SUBJ = {"nsubj", "nsubjpass"}
_CLAUSE_DEPS = {"ROOT", "relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "pcomp",
                "parataxis"}
_NP_DROP = {"relcl", "advcl", "parataxis"}


# --- the parse around one unit ---------------------------------------------------------
@dataclass(slots=True)
class Context:
    """One parsed unit with its mentions, indexed by token."""

    document: SourceDocument
    unit: Unit
    doc: Doc
    mentions: list[Mention]
    rules: RuleSet
    created: dict[tuple[int, int], Mention] = field(default_factory=dict)
    cover: dict[int, Mention] = field(default_factory=dict)
    headline: tuple[int, int] | None = None
    text: str = ""
    tokens: list[Token] = field(default_factory=list)
    sent_of: dict[int, SpacySpan] = field(default_factory=dict)
    ents: list[SpacySpan] = field(default_factory=list)
    sent_offsets: dict[int, tuple[int, int]] = field(default_factory=dict)  # by first token

    def __post_init__(self) -> None:
        # spaCy rebuilds doc.text, doc.ents and token.sent on every access: read them once
        self.text = self.doc.text
        self.tokens = list(self.doc)
        for sent in self.doc.sents:
            for i in range(sent.start, sent.end):
                self.sent_of[i] = sent
        self.ents = list(self.doc.ents)
        for m in sorted(self.mentions, key=lambda m: m.end - m.start):
            span = self.char_span(m.start, m.end)
            if span is None:
                continue
            for t in span:
                self.cover[t.i] = m  # longest mention wins: sorted shortest first
        if self.unit.headline is not None:
            self.headline = (self.unit.headline.start - self.unit.start,
                             self.unit.headline.end - self.unit.start)

    @property
    def base(self) -> datetime | None:
        if self.unit.anchor is not None:  # the day as the page prints it
            a = self.unit.anchor
            return datetime(a.year, a.month, a.day)
        if self.unit.stamp is not None:
            return self.unit.stamp
        if self.document.published is not None:
            p = self.document.published
            return datetime(p.year, p.month, p.day)
        return None

    def char_span(self, start: int, end: int) -> SpacySpan | None:
        return self.doc.char_span(start - self.unit.start, end - self.unit.start,
                                  alignment_mode="expand")

    def sentence(self, tok: Token) -> tuple[int, int]:
        """Trimmed source offsets of the token's sentence (as kg/extract/document.py)."""
        sent = self.sent_of[tok.i]
        known = self.sent_offsets.get(sent.start)
        if known is None:
            text = sent.text
            lead = len(text) - len(text.lstrip())
            trail = len(text) - len(text.rstrip())
            known = self.sent_offsets[sent.start] = (self.unit.start + sent.start_char + lead,
                                                     self.unit.start + sent.end_char - trail)
        return known

    def in_headline(self, tok: Token) -> bool:
        return self.headline is not None and self.headline[0] <= tok.idx < self.headline[1]

    def span(self, tokens: list[Token]) -> Span:
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        return Span(self.unit.start + start, self.unit.start + end, self.text[start:end])

    def mention_of(self, tok: Token) -> Mention | None:
        return self.cover.get(tok.i) or self.created_at(tok)

    def created_at(self, tok: Token) -> Mention | None:
        for (s, e), m in self.created.items():
            if s <= tok.i < e:
                return m
        return None

    def create(self, tokens: list[Token], etype: EntityType, source: str) -> Mention:
        """A mention for a role filler the entity rules did not find ("the committee")."""
        key = (tokens[0].i, tokens[-1].i + 1)
        if key in self.created:
            return self.created[key]
        sp = self.span(tokens)
        m = Mention(start=sp.start, end=sp.end, text=sp.text, type=etype, unit=self.unit.index,
                    sentence=self.sentence(tokens[0]), source=source)
        self.created[key] = m
        return m

    def places_before(self, char: int, etype: EntityType) -> Mention | None:
        """The last place mention of ``etype`` before ``char`` (unit-local) in this unit."""
        best = None
        for m in self.mentions:
            if m.type is etype and m.end - self.unit.start <= char and (
                    best is None or m.start > best.start):
                best = m
        return best


def ctx_sent(ctx: Context, tok: Token) -> SpacySpan:
    return ctx.sent_of[tok.i]


# --- syntax helpers ----------------------------------------------------------------------
def clause_head(tok: Token) -> Token:
    """The head of the clause ``tok`` sits in."""
    while tok.dep_ not in _CLAUSE_DEPS and tok.head != tok:
        if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX"):
            return tok
        tok = tok.head
    return tok


def clause_chain(tok: Token) -> list[Token]:
    """Clause heads from ``tok``'s clause up to the root, stopping after a relative clause."""
    out = []
    c = clause_head(tok)
    while True:
        out.append(c)
        if c.dep_ in ("relcl", "ROOT", "ccomp", "parataxis") or c.head == c:
            return out
        c = clause_head(c.head)


def antecedent(head: Token) -> Token:
    """The noun a relative clause attached to ``head`` is about: "the X of Y (Z), which"."""
    h = head
    for _ in range(6):
        if h.dep_ in ("appos", "nmod") and h.head.pos_ in ("NOUN", "PROPN"):
            h = h.head
        elif h.dep_ == "pobj" and h.head.lemma_ == "of" and h.head.head.pos_ in ("NOUN", "PROPN"):
            h = h.head.head
        else:
            break
    return h


def subject_of(verb: Token) -> Token | None:
    """The subject, through relative pronouns and shared subjects of participles/conjuncts."""
    for c in verb.children:
        if c.dep_ in _SUBJ:
            if c.lemma_.lower() in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return antecedent(verb.head)
            return c
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head != verb \
            and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head)
    return None


def passive_subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "nsubjpass":
            if c.lemma_.lower() in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return antecedent(verb.head)
            return c
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":
        return antecedent(verb.head)
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        return passive_subject(verb.head)
    return None


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl") and not any(
        c.dep_ == "nsubj" for c in verb.children)


def prep_objects(tok: Token, preps: set[str] | None = None) -> list[tuple[str, Token]]:
    """(preposition, object) pairs under ``tok``; "in the wake of" style chains flattened."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") or (c.dep_ == "advmod" and c.pos_ == "ADP"):
            for o in c.children:
                if o.dep_ in ("pobj", "pcomp") and (preps is None or c.lemma_.lower() in preps):
                    out.append((c.lemma_.lower(), o))
            for o in c.children:  # "to and from X"
                if o.dep_ == "conj" and o.pos_ == "ADP":
                    out.extend((o.lemma_.lower(), p) for p in o.children if p.dep_ == "pobj")
    return out


def future_clause(verb: Token, aux: set[str], heads: set[str]) -> bool:
    """Whether ``verb``'s clause speaks of what is still to come ("will meet", "is expected
    to meet", "urged them to join"); ``aux`` and ``heads`` come from the lexicon."""
    v = verb
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in aux for c in v.children):
            return True
        if v.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children) \
                and v.head.lemma_.lower() in heads:
            return True
        if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX"):
            v = v.head
            continue
        break
    return False


def named_holder(ctx: Context, head: Token, role_heads: set[str]) -> Mention | None:
    """"the head of the mission, Anita Larsen," / "the president of Congress, Rosa Diaz":
    the person a role noun is followed by (an apposition, or the name right after the
    role's phrase and a comma, however the parser hung it)."""
    if head.lemma_.lower() not in role_heads or head.pos_ not in ("NOUN", "PROPN") or \
            ctx.cover.get(head.i) is not None:  # "Interior Minister" may be tagged PROPN
        return None
    # the parser may hang the name on the organisation: "the head of [the X, Name]"
    owners = [o for _p, o in prep_objects(head, {"of"})
              if ctx.cover.get(o.i) is not None and ctx.cover[o.i].type is not EntityType.PERSON]
    for c in [*head.children, *(c for o in owners for c in o.children)]:
        m = ctx.cover.get(c.i)
        if c.dep_ == "appos" and m is not None and m.type is EntityType.PERSON:
            return m
    end = max(x.i for x in head.subtree)
    doc = head.doc
    if end + 2 < len(doc) and doc[end + 1].text == ",":
        start = end + 2
        while start < min(end + 4, len(doc) - 1) and ctx.cover.get(start) is None and \
                doc[start].is_title:  # a rank or title before the name ("Colonel")
            start += 1
        m = ctx.cover.get(start)
        if m is not None and m.type is EntityType.PERSON:
            after = start
            while after + 1 < len(doc) and ctx.cover.get(after + 1) is m:
                after += 1
            if after + 1 >= len(doc) or doc[after + 1].text in (",", ".", ")"):
                return m
    return None


def np_tokens(head: Token, *, drop: set[str] = _NP_DROP, skip: set[int] = frozenset()
              ) -> list[Token]:
    """The noun phrase of ``head`` without relative clauses and edge punctuation."""
    keep: list[Token] = []

    def walk(t: Token) -> None:
        keep.append(t)
        for c in t.children:
            if c.dep_ in drop or c.i in skip:
                continue
            walk(c)

    walk(head)
    keep.sort(key=lambda t: t.i)
    while keep and (keep[0].is_punct or keep[0].dep_ == "cc"):
        keep.pop(0)
    while keep and (keep[-1].is_punct or keep[-1].dep_ == "cc"):
        keep.pop()
    return keep


def text_of(tokens: list[Token]) -> str:
    out = ""
    for i, t in enumerate(tokens):
        out += t.text
        if i + 1 < len(tokens):
            nxt = tokens[i + 1]
            out += t.whitespace_ if nxt.i == t.i + 1 else " "
    return out.strip()


# --- fillers -----------------------------------------------------------------------------
class Fillers:
    """Turns noun-phrase heads into role values (mentions, created mentions or text)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        lists = ctx.rules.lists
        self.body_heads: dict[str, str] = lists["body_heads"]
        self.anaphors: dict[str, str] = lists["place_anaphors"]
        self.group_heads = set(ctx.rules.relations["membership"]["member_heads"])
        self.role_heads = set(ctx.rules.relations["position"]["role_heads"])
        self.forces = set(lists["forces"])

    def _force(self, head: Token) -> Mention | None:
        """"the peacekeeping battalion of the African Union": a force named by its owner."""
        det = [c for c in head.children if c.dep_ in ("det", "poss")]
        owner = [o for _, o in prep_objects(head, {"of"}) if self.ctx.mention_of(o) is not None
                 and self.ctx.mention_of(o).type.is_agent]
        named = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod", "poss")
                 and self.ctx.mention_of(c) is not None]
        definite = det and det[0].lower_ in ("the", "this", "these", "those")
        if not (owner or named or (definite and not any(c.dep_ == "nummod"
                                                          for c in head.children))):
            return None
        mods = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod", "poss")
                and c.i < head.i and not c.is_punct]
        start = min([head.i, *(t.i for m in mods for t in m.subtree)])
        end = head.i + 1
        if owner:
            end = max(t.i for t in owner[0].subtree) + 1
        tokens = [t for t in head.doc[start:end] if not t.is_punct or start < t.i < end - 1]
        tokens = [t for t in tokens if not (t.dep_ == "case" and t.i == end - 1)]
        return self.ctx.create(tokens, EntityType.ARMED_FORCE, "rule:event-role")

    def entity(self, head: Token, *, create: bool = True, person: bool = False
               ) -> Mention | None:
        """The mention ``head`` heads or stands for, creating one for a bare body noun."""
        ctx = self.ctx
        m = ctx.mention_of(head)
        if m is not None:
            return m
        holder = named_holder(ctx, head, self.role_heads)
        if holder is not None:
            return holder
        if head.lemma_.lower() in self.group_heads or head.lemma_.lower() in ("member",):
            for _prep, obj in prep_objects(head, {"of"}):
                inner = ctx.mention_of(obj)
                if inner is not None and inner.type.is_agent:
                    return inner
            for c in head.children:
                if c.dep_ in ("compound", "poss", "nmod"):
                    inner = ctx.mention_of(c)
                    if inner is not None and inner.type.is_agent:
                        return inner
        lemma = head.lemma_.lower()
        if create and lemma in self.forces and lemma not in self.body_heads and \
                head.pos_ == "NOUN":
            return self._force(head)
        if create and lemma in self.body_heads and head.pos_ == "NOUN" and (
                person or self.body_heads[lemma] != "Person"):
            det = [c for c in head.children if c.dep_ == "det"]
            if det and det[0].lower_ in ("a", "an", "another", "some", "any"):
                return None
            if any(c.dep_ == "nummod" for c in head.children):  # "2,000 soldiers": a count
                return None
            mods = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i
                    and not c.is_punct]
            start = min([head.i, *(t.i for m in mods for t in m.subtree)])
            end = head.i + 1
            # "the regional government of Cusco": the place it governs is part of its name
            for _prep, obj in prep_objects(head, {"of"}):
                inner = ctx.mention_of(obj)
                if inner is not None and inner.type.is_place and obj.i == head.i + 2:
                    end = max(x.i for x in obj.subtree if ctx.mention_of(x) is inner) + 1
            tokens = [t for t in head.doc[start:end] if not t.is_punct]
            return ctx.create(tokens, EntityType(self.body_heads[lemma]), "rule:event-role")
        return None

    def place(self, tok: Token) -> Mention | None:
        """A place mention at ``tok``, or the place a definite "the city" points back to."""
        m = self.ctx.mention_of(tok)
        if m is not None:
            return m if m.type.is_place else None
        lemma = tok.lemma_.lower()
        if lemma in self.anaphors:  # "the Arusha region": the place named before the noun
            for c in tok.children:
                inner = self.ctx.mention_of(c) if c.dep_ in ("compound", "amod", "nmod") \
                    else None
                if inner is not None and inner.type.is_place:
                    return inner
        if lemma in self.anaphors and any(c.lower_ in ("the", "this", "that") for c in
                                          tok.children if c.dep_ == "det"):
            for _, obj in prep_objects(tok, {"of"}):  # "the city of X": X is the place
                inner = self.ctx.mention_of(obj)
                if inner is not None and inner.type.is_place:
                    return inner
            return self.ctx.places_before(tok.idx, EntityType(self.anaphors[lemma]))
        return None

    def filler(self, head: Token, *, skip: set[int] = frozenset()):
        """A mention when the phrase names an entity, else its text."""
        m = self.entity(head)
        if m is not None:
            return m
        text = text_of(np_tokens(head, skip=skip))
        return text or None


# --- the engine ----------------------------------------------------------------------------
@dataclass(slots=True)
class Match:
    rules: EventRules
    pattern_id: str
    voice: str
    trigger: Token
    phrase: list[Token]
    alternatives: list[tuple[str, str]] = field(default_factory=list)  # (pattern id, voice)
    order: dict[str, int] = field(default_factory=dict)  # pattern id -> position in its file

    def rule_for(self, voice: str) -> str:
        """The id of the most specific matched pattern (latest in its file) with this voice."""
        found = [(self.order.get(pid, 0), pid) for pid, v in
                 [(self.pattern_id, self.voice), *self.alternatives] if v == voice]
        if found:
            return max(found)[1]
        return f"{self.pattern_id}+{voice}"


class Engine:
    """Matchers built once per vocabulary from the rule files."""

    def __init__(self, vocab: Vocab, rules: RuleSet) -> None:
        self.rules = rules
        self.dep = AnchorMatcher(vocab)
        # token-by-token lower-case phrases: a PhraseMatcher finds them in a fraction of
        # the time a token Matcher takes (the same matches)
        self.phrase = PhraseMatcher(vocab, attr="LOWER")
        self.by_key: dict[str, tuple[EventRules, str, str]] = {}
        self.tails: dict[str, dict[str, list[list[str]]]] = {}
        # one dependency pattern per shared shape (its lexicon the union of the types
        # using it), then the trigger's lemma picks the types: far fewer patterns to run
        self.by_shape: dict[str, list[tuple[EventRules, str, set[str]]]] = {}
        self.order: dict[str, int] = {}
        from spacy.lang.en import English

        tokenizer = English().tokenizer
        words_by_shape: dict[str, set[str]] = {}
        for t in rules.types.values():
            heads = sorted({v.split()[0] for v in t.verbs})
            tails: dict[str, list[list[str]]] = {}
            for v in t.verbs:
                words = v.split()
                tails.setdefault(words[0], []).append(words[1:])
            self.tails[t.kind] = tails
            for p in t.patterns:
                self.order[p.id] = len(self.order)
                if p.shape == "phrase":
                    pats = [Doc(vocab, words=[w.lower_ for w in tokenizer(phrase)])
                            for phrase in t.phrases]
                    if pats:
                        self.phrase.add(p.id, pats)
                        self.by_key[p.id] = (t, p.id, "nominal")
                    continue
                if p.shape is None:  # a pattern of its own
                    self.dep.add(p.id, [p.pattern])
                    self.by_key[p.id] = (t, p.id, "active")
                    continue
                voice = rules.shapes[p.shape]["voice"]
                words = set(t.nouns) if voice == "nominal" else set(heads)
                if not words:
                    continue
                self.by_key[p.id] = (t, p.id, voice)
                self.by_shape.setdefault(p.shape, []).append((t, p.id, words))
                words_by_shape.setdefault(p.shape, set()).update(words)
        for shape, words in words_by_shape.items():
            spec = rules.shapes[shape]
            table = {"$verbs": sorted(words), "$nouns": sorted(words)}
            self.dep.add(f"shape:{shape}", [_substitute(spec["pattern"], table)])

    def _candidates(self, key: str, trigger: Token) -> list[tuple[EventRules, str, str]]:
        if not key.startswith("shape:"):
            return [self.by_key[key]]
        lemma = trigger.lemma_.lower()
        return [self.by_key[pid] for _, pid, words in self.by_shape[key[6:]] if lemma in words]

    def matches(self, doc: Doc) -> list[Match]:
        found: dict[tuple[str, int], Match] = {}
        order = self.order
        for key, anchor in self.dep(doc):
            trigger = doc[anchor]
            for rules, pid, voice in self._candidates(key, trigger):
                # a shared shape matched a lexicon lemma: the rest of a multi-word verb
                # must be there too; a pattern of its own says all it needs
                if voice != "nominal" and key.startswith("shape:") and \
                        not self._tail_ok(rules, trigger):
                    continue
                k = (rules.kind, trigger.i)
                if k in found:
                    prior = found[k]
                    if pid == prior.pattern_id or any(a == pid for a, _ in prior.alternatives):
                        continue
                    if order[pid] < order[prior.pattern_id]:
                        found[k] = Match(rules, pid, voice, trigger, [trigger],
                                         [(prior.pattern_id, prior.voice), *prior.alternatives])
                    else:
                        prior.alternatives.append((pid, voice))
                else:
                    found[k] = Match(rules, pid, voice, trigger, [trigger])
        for match_id, start, end in self.phrase(doc):
            key = doc.vocab.strings[match_id]
            rules, pid, voice = self.by_key[key]
            span = doc[start:end]
            k = (rules.kind, span.root.i)
            if k not in found or len(found[k].phrase) < len(span):
                found[k] = Match(rules, pid, voice, span.root, list(span))
        # a token inside a longer phrase trigger is not a trigger of its own
        covered = {t.i: m for m in found.values() if len(m.phrase) > 1 for t in m.phrase}
        out = [m for m in found.values()
               if len(m.phrase) > 1 or m.trigger.i not in covered]
        for m in out:
            m.order = order
        return sorted(out, key=lambda m: m.trigger.i)

    def _tail_ok(self, rules: EventRules, trigger: Token) -> bool:
        tails = self.tails[rules.kind].get(trigger.lemma_.lower())
        if tails is None:
            return False
        if [] in tails:  # the one-word verb: nothing more to find
            return True
        near = {c.lemma_.lower() for c in trigger.children
                if c.dep_ in ("prt", "dobj", "prep", "advmod", "dative")}
        return any(all(w in near for w in tail) for tail in tails)


def _substitute(value, table: dict[str, list[str]]):
    if isinstance(value, str) and value in table:
        return list(table[value])
    if isinstance(value, dict):
        return {k: _substitute(v, table) for k, v in value.items()}
    if isinstance(value, list):
        return [_substitute(v, table) for v in value]
    return value


_ENGINES: dict[int, tuple[Vocab, Engine]] = {}


def engine_for(vocab: Vocab) -> Engine:
    """One engine per vocabulary (i.e. per loaded pipeline), built on first use."""
    key = id(vocab)
    known = _ENGINES.get(key)
    if known is None or known[0] is not vocab:  # ids of freed vocabularies are reused
        known = _ENGINES[key] = (vocab, Engine(vocab, event_rules()))
    return known[1]


# --- reading the roles of one match --------------------------------------------------------
class Reader:
    """Fills the roles of matched triggers."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.f = Fillers(ctx)
        lists = ctx.rules.lists
        self.lists = lists
        self.light = set(lists["light_verbs"])
        self.forces = set(lists["forces"])
        self.loc_preps = set(lists["locative_preps"])
        self.place_nouns = set(lists["place_nouns"]) | set(lists["place_anaphors"])
        self.cue_verbs = set(ctx.rules.statements["cues"]["verbs"])
        self.irrealis = set(lists["irrealis_heads"])
        self.actors = set(lists["actor_nouns"])
        self.dates = [e for e in ctx.ents if e.label_ in ("DATE", "TIME")]
        self.trigger_tokens: dict[int, str] = {}
        self._times: dict[tuple[str, bool], TimeExpr] = {}
        self._dates_read: list[tuple[SpacySpan, str, Token, TimeExpr]] | None = None
        self._sent_words: dict[int, tuple[list[Token], list[str], set[str]]] = {}
        self.future_aux = set(lists["future_auxiliaries"])
        self.future_heads = set(lists["future_heads"])
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

    def _location(self, m: Match, put) -> None:
        t = m.trigger
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
                if tok.dep_ == "pobj" and tok.head.lemma_.lower() in self.loc_preps and \
                        tok.head.lemma_.lower() != "of" and self.ctx.mention_of(tok) is not None \
                        and not self._origin(tok):
                    p = self.f.place(tok)
                    if p is not None:
                        found = [p]
                        break
        if not found and m.voice == "nominal":
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

    def _place_under(self, anchor: Token, trigger: Token) -> list[Mention]:
        """Place mentions reached from ``anchor`` by locative prepositions, in its own clause."""
        out: list[Mention] = []
        named: list[Mention] = []
        stack = [anchor]
        seen = set()
        home = clause_head(anchor) if anchor.pos_ not in ("VERB", "AUX") else anchor
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
                if c.dep_ == "pobj" and c.head.lemma_.lower() in self.loc_preps and (
                        c.head.lemma_.lower() != "of"
                        or c.head.head.lemma_.lower() in self.place_nouns) and \
                        not self._origin(c):
                    p = self.f.place(c)
                    if p is not None:
                        (named if self.ctx.mention_of(c) else out).append(p)
                stack.append(c)
        del home
        return named[:1] or out[:1]

    def _dated(self) -> list[tuple[SpacySpan, str, Token, TimeExpr]]:
        """The unit's normalisable dates with their preposition and clause, read once.

        None of it depends on the trigger, and a unit has many triggers.
        """
        if self._dates_read is None:
            skip = set(self.lists["date_skip_preps"])
            out = []
            for ent in self.dates:
                prep = ent.root.head.lemma_.lower() if ent.root.dep_ == "pobj" else ""
                if prep in skip or ent.text.lower().startswith(tuple(skip)):
                    continue
                c = clause_head(ent.root)
                time = self._normalised(ent.text, future=self._future(c))
                if time.value is not None:
                    out.append((ent, prep, c, time))
            self._dates_read = out
        return self._dates_read

    def _date(self, m: Match, put) -> None:
        t = m.trigger
        dated = self._dated()
        if not dated:
            return
        chain = clause_chain(t)
        ends = set(self.lists["date_end_preps"])
        best = None
        fallback = []
        for ent, prep, c, time in dated:
            if prep in ends:
                if c == chain[0]:
                    put("dateEnd", TimeExpr(ent.text, time.value, "day"))
                continue
            if c in chain:
                rank = chain.index(c)
                if best is None or rank < best[0]:
                    best = (rank, time)
            elif ctx_sent(self.ctx, ent.root) == ctx_sent(self.ctx, t) and \
                    c.lemma_.lower() not in self.cue_verbs and \
                    not self._inside_relcl(ent, t):
                fallback.append(time)
        if best is not None:
            put("date", best[1])
        elif len(fallback) == 1:
            put("date", fallback[0])

    @staticmethod
    def _inside_relcl(ent: SpacySpan, t: Token) -> bool:
        """Whether the date sits in a relative clause that does not hold the trigger."""
        # ``not a.is_ancestor(t)``: ``t not in a.subtree`` without walking the subtree
        return any(a.dep_ == "relcl" for a in [ent.root, *ent.root.ancestors]
                   if a.i != t.i and not a.is_ancestor(t))

    def _normalised(self, text: str, *, future: bool = False) -> TimeExpr:
        key = (text, future)
        if key not in self._times:
            self._times[key] = normalise_date(text, base=self.ctx.base, future=future)
        return self._times[key]

    def _future(self, verb: Token) -> bool:
        return future_clause(verb, self.future_aux, self.future_heads)

    def _quantity(self, m: Match, roles: dict, put) -> None:
        t = m.trigger
        candidates: list[Token] = []
        heads = []
        for c in t.children:
            if c.dep_ in ("nsubjpass", "dobj") or (c.dep_ == "nsubj" and (
                    m.rules.kind == "Protest" or ("intransitive_subject" in m.rules.args
                                                  and not any(d.dep_ == "dobj"
                                                              for d in t.children)))):
                heads.append(c)
        if is_passive(t) and t.dep_ in ("acl", "relcl"):
            heads.append(t.head)
        for _, obj in prep_objects(t, {"of"}) if m.voice == "nominal" else []:
            heads.append(obj)
        for h in heads:
            if h.lemma_.lower() in ("total", "number") and h.pos_ == "NOUN":
                for _, obj in prep_objects(h, {"of"}):
                    q = self._count(obj)
                    if q is not None:
                        start = min(x.i for x in h.subtree)
                        text = text_of(list(h.doc[start:obj.i + 1]))
                        qual = q.qualifier or ("exactly" if h.lemma_.lower() == "total" else None)
                        put("quantity", Quantity(text, q.value, q.unit, qual))
                        return
            candidates.append(h)
        if m.rules.kind in ("Deployment", "Withdrawal"):
            candidates += [o for _, o in prep_objects(t, {"at", "to", "in", "across", "on"})
                           if self.ctx.mention_of(o) is None]
        for h in candidates:
            q = self._count(h)
            if q is not None:
                put("quantity", q)
                return
        # "the number of people detained has reached N", "the death toll reached N"
        cur = t
        for _ in range(5):
            if cur.dep_ in ("nsubj", "nsubjpass") and cur.head.lemma_.lower() in \
                    self.lists["count_verbs"]:
                q = self._count_object(cur.head, t)
                if q is not None:
                    put("quantity", q)
                return
            if cur.head == cur:
                return
            cur = cur.head

    def _count(self, head: Token) -> Quantity | None:
        nums = [c for c in head.children if c.dep_ == "nummod" or (
            c.like_num and c.dep_ in ("amod", "quantmod", "compound") and c.i < head.i)]
        if not nums:
            return self._count_of(head)
        toks = sorted({x for n in nums for x in n.subtree}, key=lambda x: x.i)
        pre = [c for c in head.children if c.i < toks[0].i and c.lower_ in ("all", "only")]
        start = (pre[0].i if pre else toks[0].i)
        words = text_of(list(head.doc[start:toks[-1].i + 1]))
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
        objs = [c for c in verb.children if c.dep_ in ("dobj", "attr", "npadvmod")]
        objs += [o for _, o in prep_objects(verb, {"to", "at"})]
        for o in objs:
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


def _unit(head: Token) -> str | None:
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = head.lemma_.lower()
    return lemma or None


def _conjunct_heads(text: str) -> list[str]:
    """Last word of each conjunct: "3,500 soldiers and 40 boats" -> soldiers, boats."""
    parts = re.split(r",|\band\b|\bor\b|\bas well as\b", text)
    return [p.split()[-1] for p in parts if p.split()]


def _lemma_like(word: str) -> str:
    w = word.lower()
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


# --- entry point ------------------------------------------------------------------------------
def extract_facts(document: SourceDocument, unit: Unit, doc: Doc,
                  mentions: list[Mention]) -> list[Fact]:
    """Facts found in one parsed unit; ``mentions`` are its entity mentions."""
    from kg.extract.relations import relation_facts
    from kg.extract.statements import attribute, statement_facts

    rules = event_rules()
    ctx = Context(document, unit, doc, mentions, rules)
    engine = engine_for(doc.vocab)
    reader = Reader(ctx)
    reader.extra = []
    _fix_capitalised_nouns(doc, rules)
    matches = engine.matches(doc)
    reader.trigger_tokens = {t.i: m.rules.kind for m in matches for t in m.phrase}
    events: list[Fact] = []
    for m in matches:
        fact = reader.read(m)
        if fact is not None:
            events.append(fact)
    events.extend(reader.extra)
    statements, spans = statement_facts(ctx)
    attribute(events, statements, spans)
    events = merge_in_unit(events, ctx)
    _successor_offices(events)
    _name_event_themes(events, engine, ctx)
    carry_locations(events)
    relations = relation_facts(ctx)
    facts = events + statements + relations
    return facts


_SUCCESSOR = re.compile(r"^(?:(?:his|her|their|its)\s+)?(?:successor|replacement)$", re.I)


def _successor_offices(events: list[Fact]) -> None:
    """"dismissed Finance Minister X and appointed Y as her successor": Y's office is the
    one the dismissal of the same sentence names."""
    for f in events:
        if f.kind != "Appointment" or not any(
                isinstance(r, str) and _SUCCESSOR.match(r) for r in f.roles.get("role", [])):
            continue
        office = next((r for g in events if g.kind == "Dismissal" and g.sentence == f.sentence
                       for r in g.roles.get("role", []) if isinstance(r, str)), None)
        if office is not None:
            f.roles["role"] = [office]


def _fix_capitalised_nouns(doc: Doc, rules) -> None:
    """"Protests against ... began", "Police in X detained": the model may read a capitalised
    common noun at the start of a sentence (or after a headline line) as a proper noun with
    itself as lemma, so triggers and role rules miss it. Such a token, when it spells a
    trigger noun or a force, body or actor noun of the lexicon and no name follows it,
    becomes that common noun."""
    lists = rules.lists
    nouns = {n for t in rules.types.values() for n in t.nouns} | set(lists["forces"]) | \
        set(lists["body_heads"]) | set(lists["actor_nouns"])
    for tok in doc:
        if tok.pos_ != "PROPN" or not tok.is_title:
            continue
        if not (tok.is_sent_start or tok.i == 0 or doc[tok.i - 1].is_space):
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN" and doc[tok.i + 1].is_title:
            continue  # "Police Scotland", "Army Chief X": a name
        low = tok.lower_
        for cand in (low, low[:-1] if low.endswith("s") else None,
                     low[:-2] if low.endswith("es") else None):
            if cand and cand in nouns:
                tok.lemma_ = cand
                tok.pos_ = "NOUN"
                break


# --- merging inside an update -----------------------------------------------------------
_SITUATIONS = {"Protest", "Riot", "StateOfEmergency", "CounterTerrorismOperation"}
_LOCATED = {"Deployment", "Withdrawal", "Detention", "Arrest", "Neutralisation", "Seizure",
            "Attack", "Arson", "Protest", "Riot", "StateOfEmergency",
            "CounterTerrorismOperation", "Participation", "Protection", "Casualties", "Damage"}


def _key_values(values: list) -> set:
    out = set()
    for v in values:
        if isinstance(v, Mention):
            out.add(v.text.lower().removeprefix("the "))
        elif isinstance(v, (Quantity, TimeExpr)):
            out.add(v.value)
        else:
            out.add(str(v).lower())
    return out


def compatible(a: Fact, b: Fact, roles: tuple[str, ...]) -> bool:
    """Two facts of one kind that may be one event: no role they both fill disagrees.

    When both give a quantity, the quantity decides and the wording of the
    theme ("7,939 people" / "persons") does not.
    """
    if a.kind != b.kind:
        return False
    counted = bool(a.roles.get("quantity") and b.roles.get("quantity"))
    for r in roles:
        if r == "theme" and counted:
            continue
        va, vb = a.roles.get(r), b.roles.get(r)
        if va and vb and not (_key_values(va) & _key_values(vb)):
            return False
    return True


def absorb(into: Fact, other: Fact) -> None:
    """Union of roles (first value of single-valued dates kept)."""
    for role, values in other.roles.items():
        bucket = into.roles.setdefault(role, [])
        if role in ("date", "dateEnd") and bucket:
            continue
        have = _key_values(bucket)
        for v in values:
            k = _key_values([v])
            if not (k & have):
                bucket.append(v)
                have |= k
    into.confidence = max(into.confidence, other.confidence)


def merge_in_unit(events: list[Fact], ctx: Context) -> list[Fact]:
    """One fact per event of an update: a headline repeats the body, and so do quotes.

    Facts of one kind whose shared roles agree (theme, quantity, agent, location)
    are merged into the first body fact; a headline fact whose event the body
    also reports is dropped into it.
    """
    def in_head(f: Fact) -> bool:
        h = ctx.headline
        return h is not None and f.trigger is not None and \
            h[0] <= f.trigger.start - ctx.unit.start < h[1]

    ordered = sorted(events, key=lambda f: (in_head(f), f.trigger.start if f.trigger else 0))
    out: list[Fact] = []
    for f in ordered:
        if f.kind == "Participation":
            out.append(f)
            continue
        keys = ("quantity", "theme", "agent", "location", "participant") if f.kind not in (
            "Meeting",) else ("date",)
        target = next((g for g in out if compatible(g, f, keys) and (
            f.roles.get("quantity") or f.roles.get("theme") or f.kind in (
                "Meeting", "Protest", "Riot", "StateOfEmergency",
                "CounterTerrorismOperation", "Casualties", "Damage")
            or in_head(f))), None)
        if target is not None:
            absorb(target, f)
        else:
            out.append(f)
    return sorted(out, key=lambda f: f.trigger.start if f.trigger else 0)


def carry_locations(events: list[Fact]) -> None:
    """An event without a place happened where the update's previous event did.

    Only when both come from the same source (the same speaker, or both the
    reporter's own words): a minister's nationwide figure does not inherit the
    city of the police operation reported before it.
    """
    last: dict = {}
    by_kind = {f.kind: f.roles["location"] for f in events if f.roles.get("location")}
    for f in events:
        if f.kind == "Participation" and not f.roles.get("location"):
            kind = next((str(v) for v in f.roles.get("eventType", [])), "")
            if kind in by_kind:
                f.roles["location"] = list(by_kind[kind])
    for f in sorted(events, key=lambda f: f.trigger.start if f.trigger else 0):
        if f.kind not in _LOCATED:
            continue
        source = f.attributed_to.text.lower() if f.attributed_to is not None else None
        if f.roles.get("location"):
            if f.kind not in _SITUATIONS:
                last[source] = f.roles["location"]
        elif last.get(source):
            f.roles["location"] = list(last[source])
            f.confidence = round(f.confidence * 0.9, 3)


def _name_event_themes(events: list[Fact], engine: Engine, ctx: Context) -> None:
    """A theme that is an event of the update ("the summit") takes that event's description."""
    nouns = {w: k for k, t in engine.rules.types.items() for w in [*t.nouns, *t.phrases]}
    for f in events:
        themes = f.roles.get("theme", [])
        for n, v in enumerate(themes):
            if not isinstance(v, str) or not v.split():
                continue
            kind = nouns.get(v.split()[-1].lower())
            target = next((g for g in events if g.kind == kind and g is not f), None)
            if target is None:
                continue
            who = next((x.text for x in target.roles.get("agent", []) if isinstance(x, Mention)),
                       "")
            what = next((str(x) for x in target.roles.get("medium", [])), None) or \
                (target.trigger.text if target.trigger else v)
            themes[n] = f"{who} {what}".strip()
