"""The parse around one unit: its mentions indexed by token, and role fillers.

:class:`Context` holds one parsed unit with its entity mentions (read once: spaCy
rebuilds ``doc.text`` and ``doc.ents`` on every access); :class:`Fillers` turns
noun-phrase heads into role values (a mention, a mention created for a bare body
noun such as "the committee", or text). Events, statements and relations share both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kg.extract.entity_rules import entity_rules
from kg.extract.place_contexts import DESCRIBED_SOURCE
from kg.extract.spans import doc_text
from kg.extract.syntax import np_tokens, prep_objects, text_of
from kg.records import EntityType, Mention, SourceDocument, Span, Unit
from kg.rules.loader import RuleSet


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
        self.text = doc_text(self.doc)
        self.tokens = list(self.doc)
        for sent in self.doc.sents:
            for i in range(sent.start, sent.end):
                self.sent_of[i] = sent
        self.ents = list(self.doc.ents)
        # a descriptive place ("the parliament building in X") holds only its own words:
        # the place named inside it keeps its tokens (kg/extract/place_contexts.py); so
        # does a town's own body ("Police in X", "X cantonal police": name_shapes.py)
        for m in sorted(self.mentions, key=lambda m: (
                m.source not in (DESCRIBED_SOURCE, "rule:local-body"), m.end - m.start)):
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
        if self.document.modified is not None:  # only an "Updated: ..." line dates the page
            p = self.document.modified
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
            text = self.text[sent.start_char:sent.end_char]  # sent.text, without a join
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


_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNTED_HEADS = ("side", "country", "nation", "state", "neighbour", "neighbor", "party",
                  "government", "member", "capital", "body", "organisation", "organization",
                  "bloc")
_STATE_HEADS = ("country", "nation", "state", "government", "neighbour", "neighbor")
_STATE_KINDS = (EntityType.COUNTRY, EntityType.GOVERNMENT_BODY)


def counted_antecedents(ctx: Context, head: Token) -> list[Mention]:
    """"both sides", "the two countries", "the three states": the last list of that many
    named countries or bodies the unit gives before the description ("Armenia and
    Azerbaijan ... urged both sides"); nothing when no such list precedes."""
    if head.lemma_.lower() not in _COUNTED_HEADS or head.tag_ not in ("NNS", "NNPS"):
        return []
    count = next((_COUNTS[c.lower_] for c in head.children
                  if c.dep_ in ("nummod", "det", "predet") and c.lower_ in _COUNTS), None)
    if count is None and head.lemma_.lower() == "side" and any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        count = 2  # "the sides agreed to a ceasefire": the two sides of the conflict
    if count is None:
        return []
    # "both governments", "the two countries": states, not the two presidents named last
    kinds = _STATE_KINDS if head.lemma_.lower() in _STATE_HEADS else None
    for tok in reversed(ctx.tokens[:head.i]):
        if tok.dep_ == "conj" or len(tok.conjuncts) + 1 != count:
            continue
        named = [ctx.mention_of(x) for x in [tok, *tok.conjuncts]]
        if all(m is not None and (m.type.is_agent or m.type is EntityType.COUNTRY)
               and (kinds is None or m.type in kinds)
               and not (head.lemma_.lower() in ("side", "party") and
                        m.type is EntityType.PERSON)  # the sides are not two envoys
               for m in named) and len({m.text for m in named}) == count:
            return named
    return []


def named_holder(ctx: Context, head: Token, role_heads: set[str]) -> Mention | None:
    """"the head of the mission, Anita Larsen," / "the president of Congress, Rosa Diaz":
    the person a role noun is followed by (an apposition, or the name right after the
    role's phrase and a comma, however the parser hung it)."""
    if head.lemma_.lower() not in role_heads or head.pos_ not in ("NOUN", "PROPN") or \
            ctx.cover.get(head.i) is not None:  # "Interior Minister" may be tagged PROPN
        return None
    # the parser may hang the name on the organisation: "the head of [the X, Name]" (a
    # name of its own, even when the model took the place for a person: "the commander
    # of [Copperbelt, Commissioner Y]")
    objects = [o for _p, o in prep_objects(head, {"of"})]
    owners = [o for o in objects if ctx.cover.get(o.i) is not None]
    for c in [*head.children, *(c for o in owners for c in o.children)]:
        m = ctx.cover.get(c.i)
        if c.dep_ == "appos" and m is not None and m.type is EntityType.PERSON and \
                all(m is not ctx.cover.get(o.i) for o in owners):
            return m
    for o in objects:  # "the director of the prison service, [Name]," read as a conjunct
        for c in o.children:
            m = ctx.cover.get(c.i)
            first = min(x.i for x in c.subtree)
            if c.dep_ == "conj" and m is not None and m.type is EntityType.PERSON and \
                    first > 0 and head.doc[first - 1].text == "," and not any(
                        x.dep_ == "cc" for x in o.children):
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


def described_person(ctx: Context, head: Token) -> Mention | None:
    """"appointed a former judge, Ana Reyes, as ...", "arrested a journalist, Omar Said,":
    an indefinite description of a person followed by the name (an apposition, or the
    name after the comma however the parser hung it) is that person; so is a definite one
    with the name in apposition ("the driver, Omar Said, was arrested")."""
    if head.pos_ != "NOUN" or ctx.cover.get(head.i) is not None:
        return None
    dets = {c.lower_ for c in head.children if c.dep_ == "det"}
    if not dets & {"a", "an", "the"}:
        return None
    for c in head.children:
        m = ctx.cover.get(c.i)
        if c.dep_ == "appos" and m is not None and m.type is EntityType.PERSON:
            return m
    if not dets & {"a", "an"}:
        return None
    end = max(x.i for x in head.subtree)
    doc = head.doc
    if end + 2 < len(doc) and doc[end + 1].text == ",":
        m = ctx.cover.get(end + 2)
        if m is not None and m.type is EntityType.PERSON:
            after = end + 2
            while after + 1 < len(doc) and ctx.cover.get(after + 1) is m:
                after += 1
            if after + 1 >= len(doc) or doc[after + 1].text in (",", ".", ")"):
                return m
    return None



def _capitalised_head(head: Token) -> bool:
    """"the Ministry requested ...", "the Government appeals": a body head written with a
    capital after "the", alone (no name words before it), as official texts refer back to
    the body they named; the resolver links it to that body."""
    return head.pos_ == "PROPN" and head.is_title and any(
        c.dep_ == "det" and c.lower_ == "the" for c in head.children) and not any(
        c.dep_ in ("compound", "amod", "nmod", "poss", "appos") for c in head.children)


def _lower_proper(head: Token) -> bool:
    """"the state education department closed schools": a body noun in lower case that
    the tagger took for a name (NNP) after its lower-case modifiers is the common noun."""
    return head.pos_ == "PROPN" and head.is_lower and head.i > 0 and head.doc[head.i - 1].is_lower


def _capitalised_title(head: Token, ctx) -> bool:
    """"The Prime Minister said", "the Chief Minister told": a title of several words
    written with capitals after "the" and no name is a bare title, as "the prime minister"
    is (the resolver links it to the holder the text named); its words before the head
    are Title Case words no mention covers (a name would be one: "the Latvia Minister")."""
    if head.pos_ != "PROPN" or not head.is_title or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return False
    mods = [c for c in head.children if c.i < head.i and c.dep_ != "det"]
    return bool(mods) and all(
        c.dep_ in ("compound", "amod") and c.is_title and not list(c.children) and
        ctx.mention_of(c) is None for c in mods)


def _stray_adjective(mod: Token) -> Token:
    """"protests turned deadly and security forces detained ...": an adjective coordinated
    with a noun modifier belongs to the clause before (an adjective and a noun are not
    coordinated modifiers of one noun); the noun is the modifier."""
    if mod.dep_ == "amod" and mod.pos_ == "ADJ":
        noun = next((c for c in mod.children if c.dep_ == "conj" and c.pos_ == "NOUN"), None)
        if noun is not None:
            return noun
    return mod


_PLURAL_PRONOUNS = frozenset({"they", "them"})


def plural_antecedent(ctx: Context, pron: Token) -> Token | None:
    """"Kamdem told supporters ..., urging them", "Residents told AP ... They accused X":
    the people a plural pronoun that no entity was found for points back to: in reported
    speech the sayer ("police said they had arrested"); an object pronoun takes the
    nearest plural noun of people before it, in its sentence or the one before; a subject
    the subject of the nearest sentence before (up to two back) that has plural people as
    a subject, its main clause's first (a passive subject, when the sentence before has
    no such subject, the people it acted on). None when nothing fits."""
    if pron.lower_ not in _PLURAL_PRONOUNS or ctx.mention_of(pron) is not None:
        return None
    lists = ctx.rules.lists
    cues = ctx.rules.statements["cues"]["verbs"]
    collective = set(lists["forces"]) | {k for k, v in lists["body_heads"].items()
                                         if v != "Person"}
    for a in pron.ancestors if pron.dep_ in ("nsubj", "nsubjpass") else ():
        if a.pos_ == "VERB" and a.lemma_.lower() in cues:  # "police said they had": police
            s = next((c for c in a.children if c.dep_ == "nsubj"), None)
            if s is not None and s.pos_ in ("NOUN", "PROPN") and (
                    s.tag_ in ("NNS", "NNPS") or s.lemma_.lower() in collective):
                return s
            break
    people = set(lists["actor_nouns"]) | set(lists["plural_people"])

    def fits(t: Token) -> bool:
        return t.pos_ == "NOUN" and t.tag_ == "NNS" and t.lemma_.lower() in people

    sent = ctx.sent_of[pron.i]
    if pron.dep_ not in ("nsubj", "nsubjpass"):
        # "threatened to send troops ... The bloc never sent them": the troops
        first = ctx.sent_of[sent.start - 1].start if sent.start > 0 else sent.start
        for t in reversed(ctx.tokens[first:pron.i]):
            if fits(t):
                return t
        return None
    start = sent.start
    for n in range(2):
        if start == 0:
            return None
        prev = ctx.sent_of[start - 1]
        subjects = [t for t in prev if t.dep_ in ("nsubj", "nsubjpass") and fits(t)]
        main = [t for t in subjects if t.head.dep_ == "ROOT"]
        if main or subjects:
            return (main or subjects)[0]
        if n == 0 and pron.dep_ == "nsubjpass":
            # "X ordered the transfer of the 40 inmates ... They were taken to Y": a
            # passive "they" is acted on, as the people the sentence before acted on were
            # (when no people are its subject)
            # (a plural noun of people the parser may have read as a verb: "the 40
            # inmates the administration identified")
            acted_on = next((t for t in prev if t.lemma_.lower() in people and
                             t.lower_ != t.lemma_.lower() and t.lower_.endswith("s") and
                             t.dep_ not in ("nsubj", "nsubjpass") and
                             t.head.lower_ not in ("by", "with", "from")), None)
            if acted_on is not None:
                return acted_on
        start = prev.start
    return None


_SELF_NAMING = frozenset({"call", "name", "style", "dub", "describe", "brand"})
_REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself"})


def self_named(ctx: Context, head: Token) -> Mention | None:
    """"a group calling itself the X Brigade", "a movement that calls itself X": the body a
    description names by the name it gives itself."""
    if head.pos_ not in ("NOUN", "PRON"):
        return None
    for c in head.children:
        if c.dep_ not in ("acl", "relcl") or c.lemma_.lower() not in _SELF_NAMING or \
                not any(o.dep_ == "dobj" and o.lower_ in _REFLEXIVES for o in c.children):
            continue
        for o in c.children:
            if o.dep_ in ("oprd", "attr", "xcomp", "ccomp", "npadvmod", "dobj") and \
                    o.lower_ not in _REFLEXIVES:
                m = ctx.mention_of(o)
                if m is not None and m.type.is_agent:
                    return m
    return None


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
        # any title's head ("the Chief Executive Officer", "the interior minister")
        self.title_words = self.role_heads | set(ctx.rules.relations["position"]["title_heads"])
        self.forces = set(lists["forces"])
        self.plural_people = set(lists["plural_people"])

    def _force(self, head: Token) -> Mention | None:
        """"the peacekeeping battalion of the African Union": a force named by its owner."""
        det = [c for c in head.children if c.dep_ in ("det", "poss")]
        owner = [o for _, o in prep_objects(head, {"of"}) if self.ctx.mention_of(o) is not None
                 and self.ctx.mention_of(o).type.is_agent]
        # "the X peacekeepers", "Azerbaijani units" (a demonym, when no count makes them
        # people: "2,000 Russian personnel"): a name says whose
        counted = any(c.dep_ == "nummod" for c in head.children)
        named = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod", "poss")
                 and (self.ctx.mention_of(c) is not None or (
                     not counted and entity_rules().is_demonym(c.text)))]
        definite = det and det[0].lower_ in ("the", "this", "these", "those")
        if not (owner or named or (definite and not any(c.dep_ == "nummod"
                                                          for c in head.children))):
            return None
        mods = [_stray_adjective(c) for c in head.children
                if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < head.i
                and not c.is_punct]
        start = min([head.i, *(t.i for m in mods for t in m.subtree)])
        end = head.i + 1
        if owner:
            end = max(t.i for t in owner[0].subtree) + 1
        tokens = [t for t in head.doc[start:end] if not t.is_punct or start < t.i < end - 1]
        tokens = [t for t in tokens if not (t.dep_ == "case" and t.i == end - 1)]
        return self.ctx.create(tokens, EntityType.ARMED_FORCE, "rule:event-role")

    def entity(self, head: Token, *, create: bool = True, person: bool = False,
               seated: bool = False) -> Mention | None:
        """The mention ``head`` heads or stands for, creating one for a bare body noun
        (``seated``: one who acts, whose "in TOWN" tells the body apart)."""
        ctx = self.ctx
        m = ctx.mention_of(head)
        if m is not None:
            return m
        m = self_named(ctx, head)
        if m is not None:
            return m
        holder = named_holder(ctx, head, self.role_heads)
        if holder is not None:
            return holder
        if head.lemma_.lower() in self.forces and head.pos_ == "NOUN":
            # "KFOR troops", "UNMISS peacekeepers", "Rwanda's contingent": the named force
            for c in head.children:
                inner = ctx.mention_of(c) if c.dep_ in ("compound", "poss") else None
                if inner is not None and inner.type in (EntityType.ARMED_FORCE,
                                                        EntityType.ORGANIZATION):
                    return inner
            for _prep, obj in prep_objects(head, {"of"}):  # "soldiers of the X Defence Force"
                inner = ctx.mention_of(obj)
                if inner is not None and inner.type is EntityType.ARMED_FORCE:
                    return inner
        if head.pos_ == "NUM" and create:
            # "9 of the 16 members of parliament voted for": a majority of a body's
            # members acts as the body (a minority, or one member, does not)
            for _prep, obj in prep_objects(head, {"of"}):
                total = next((_count(c) for c in obj.children if c.dep_ == "nummod"), None)
                part = _count(head)
                if obj.lemma_.lower() == "member" and part is not None and \
                        total is not None and 2 * part > total:
                    for _p2, body in prep_objects(obj, {"of"}):
                        inner = ctx.mention_of(body) or (
                            self.entity(body) if self.body_heads.get(
                                body.lemma_.lower()) == "GovernmentBody" else None)
                        if inner is not None and inner.type.is_agent and \
                                inner.type is not EntityType.PERSON:
                            return inner
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
        if create and lemma in self.body_heads and (
                head.pos_ == "NOUN" or _capitalised_head(head) or _lower_proper(head) or (
                    self.body_heads[lemma] == "Person" and _capitalised_title(head, ctx))) \
                and (person or self.body_heads[lemma] != "Person"):
            det = [c for c in head.children if c.dep_ == "det"]
            if det and det[0].lower_ in ("a", "an", "another", "some", "any"):
                return None
            if any(c.dep_ == "nummod" for c in head.children):  # "2,000 soldiers": a count
                return None
            if not det and head.tag_ == "NNS" and lemma in self.plural_people and not any(
                    c.dep_ in ("compound", "amod", "poss") for c in head.children):
                return None  # "soldiers fired": people by role, not a named force
            mods = [_stray_adjective(c) for c in head.children
                    if c.dep_ in ("compound", "amod") and c.i < head.i and not c.is_punct]
            # "the UN human rights office", "the anti-terrorism prosecutor's office": an
            # owner's short name or a title before the body is part of what it is called
            mods += [c for c in head.children if c.i < head.i and (
                (c.dep_ == "nmod" and c.pos_ == "PROPN" and c.is_upper) or
                (c.dep_ == "poss" and c.pos_ == "NOUN" and ctx.mention_of(c) is None and
                 c.lemma_.lower() in self.role_heads))]
            mods += self._tier_place(head)
            start = min([head.i, *(t.i for m in mods for t in m.subtree
                                   if not (t.dep_ == "det" and t.head.dep_ == "poss"))])
            end = head.i + 1
            # "the regional government of Tartu": the place it governs is part of its name;
            # "the public prosecutor's office in Y", "a court in Z": a civil body told apart by
            # the town or region it sits in (a descriptive name, the place included; "police
            # in X" stays the force the resolver names)
            for prep, obj in prep_objects(head, {"of", "in"}):
                inner = ctx.mention_of(obj)
                if inner is not None and inner.type.is_place and (
                        obj.i == head.i + 2 if prep == "of" else
                        inner.type in (EntityType.CITY, EntityType.REGION) and
                        seated and self.body_heads[lemma] == "GovernmentBody" and
                        head.i + 2 < len(head.doc) and
                        ctx.mention_of(head.doc[head.i + 2]) is inner):
                    end = max(x.i for x in obj.subtree if ctx.mention_of(x) is inner) + 1
            tokens = [t for t in head.doc[start:end] if not t.is_punct]
            kind = EntityType(self.body_heads[lemma])
            if any(c.dep_ == "nmod" and (o := ctx.mention_of(c)) is not None and
                   o.type is EntityType.ORGANIZATION for c in mods):
                kind = EntityType.ORGANIZATION  # "the UN human rights office": the UN's
            return ctx.create(tokens, kind, "rule:event-role")
        return None

    def _tier_place(self, head: Token) -> list[Token]:
        """"the X municipal government", "the Y provincial government": the town or
        region named before a tier adjective (equivalents.jsonl ``levels``) is part of
        the body's name (the tier says the body is that place's, not the country's)."""
        levels = entity_rules().levels.get(head.lemma_.lower())
        prev = head.doc[head.i - 1] if head.i > 0 else None
        if not levels or prev is None or prev.lower_ not in levels or prev.head.i != head.i:
            return []
        out = []
        for c in head.children:
            m = self.ctx.mention_of(c) if c.dep_ in ("nmod", "compound") and \
                c.pos_ == "PROPN" and c.i < prev.i else None
            if m is not None and m.type in (EntityType.CITY, EntityType.REGION):
                out.append(c)
        return out

    def definite_body(self, head: Token) -> Mention | None:
        """"called on the authorities", "urged the government": a definite civil body noun
        asked or addressed is that body (the resolver names it: "Government of X"); "a
        committee", "lawmakers", a force or a person's title are not made one here."""
        low = head.lemma_.lower()
        if self.body_heads.get(low) != "GovernmentBody" or head.pos_ != "NOUN" or \
                not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None
        return self.entity(head)

    def place(self, tok: Token) -> Mention | None:
        """A place mention at ``tok``, or the place a definite "the city" points back to."""
        m = self.ctx.mention_of(tok)
        if m is not None and m.source == DESCRIBED_SOURCE:
            # an event's place is the named place of its locating phrase, as before the
            # descriptive place was minted ("clashes outside the X building in Y": Y)
            span = self.ctx.char_span(m.start, m.end)
            inner = [x for t in (span or []) if (x := self.ctx.cover.get(t.i)) is not m
                     and x is not None and x.type.is_place]
            return inner[-1] if inner else m
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


_NUMBER_WORDS = {w: n for n, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty"))}


def _count(tok: Token) -> int | None:
    """The value of a count written in digits or as a word up to twenty."""
    text = tok.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    return _NUMBER_WORDS.get(text)
