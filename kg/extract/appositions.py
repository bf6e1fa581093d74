"""Positions that appositions state: "X, a spokesman for the ministry", "the head of Y, X".

- after the name: "Narine Hakobyan, a spokeswoman for the Armenian ministry", "Tatevik
  Harutyunyan, a researcher at the Caucasus Institute", "Name, the governor of X";
- before the name: "the head of the mission, Anita Larsen", "its chairman, X", "the
  society's secretary general, X", "the city's governor, X" (a title or rank may stand
  between the comma and the name: "the army commander, General X");
- "Laurence Brennan of the International Crisis Group": an office with no role said;
- "the two foreign ministers, A of Armenia and B of Azerbaijan": each named with its own.

The owner of the office is the object of "for", "of" or "at" (a named body, or a body
noun the fillers make a mention of), a possessive ("Kosovo's", "its" -> the body named
last, "the city's" -> the city named last), or a demonym ("the Iranian ambassador").
A national office with no owner said is left to kg/extract/positions.py
(national_owners). Words are data: kg/rules/events/relations.yaml (``position``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.apposed_roles import named_before as _named_before
from kg.extract.context import Fillers
from kg.extract.entity_rules import entity_rules
from kg.extract.entity_types import institution_site
from kg.extract.office_links import PERSONAL_RULE
from kg.extract.positions import NATIONAL_RULE, general_title, position_words
from kg.extract.spans import mention_from_span
from kg.extract.speakers import described
from kg.extract.syntax import prep_objects, text_of
from kg.records import EntityType, Fact, Mention, Unit
from kg.resolve.places import gazetteer

_OWNER_PREPS = ("for", "of", "at", "to", "with")
_PERSONAL_POSS = {"his", "her", "their", "my", "our", "your"}
# "health minister in the Government of National Unity": a body owns the office; "the
# prosecutor in the east", "a minister in Kenya" name no owner
_IN_OWNERS = {EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION, EntityType.GROUP}
_ROLE_DROP = {"det", "poss", "relcl", "acl", "appos", "punct", "advcl", "cc", "conj",
              "case"}


def apposition_positions(ctx) -> list[Fact]:
    """Positions the appositions of one unit state (one per holder and role)."""
    reader = _Reader(ctx)
    out: list[Fact] = []
    seen: set[tuple[int, str]] = set()

    def add(fact: Fact | None) -> None:
        if fact is None:
            return
        first = (fact.roles.get("holder") or fact.roles["member"])[0]
        key = (first.start, str(fact.roles.get("role", [fact.kind])[0]).lower())
        if key not in seen:
            seen.add(key)
            out.append(fact)

    for m in ctx.mentions:
        if m.type is not EntityType.PERSON or m.unit != ctx.unit.index:
            continue
        root = _root(ctx, m)
        if root is None or _placed(root, reader.anaphors):
            continue
        for app in root.children:  # "X, a spokesman for the ministry"
            if app.dep_ == "appos" and reader.role_noun(app):
                add(reader.position(m, app, name=root))
                # a second title: "X, Deputy Prime Minister and Minister of Foreign Affairs"
                for second in app.conjuncts:
                    if second.i > app.i and reader.role_noun(second) and \
                            ctx.cover.get(second.i) is None:
                        add(reader.position(m, second, name=root))
        add(reader.member_of(m, root))  # "X of the International Crisis Group"
    for tok in ctx.tokens:  # "the head of the mission, Anita Larsen"
        if not reader.role_noun(tok) or ctx.cover.get(tok.i) is not None or \
                tok.tag_ == "NNS":  # "the two foreign ministers, A of X and B of Y": below
            continue
        holder = reader.named_after(tok)
        if holder is not None:
            add(reader.position(holder, tok))
    return out


def _placed(root: Token, place_nouns: dict[str, str]) -> bool:
    """"In Huambo, the governor, X," / "the capital of North Kivu, the governor, X,": a
    name the text writes as a place (after "in", "at", "near", or as the of-object of a
    place noun) holds no office, whatever type the model gave it; the title's apposition
    is its holder."""
    if root.dep_ != "pobj":
        return False
    prep = root.head
    return prep.lower_ in ("in", "at", "near") or (
        prep.lower_ == "of" and prep.head.lemma_.lower() in place_nouns)


def _root(ctx, m: Mention) -> Token | None:
    span = ctx.char_span(m.start, m.end)
    return span.root if span is not None and len(span) else None


class _Reader:
    def __init__(self, ctx) -> None:
        self.ctx = ctx
        self.f = Fillers(ctx)
        self.w = position_words()
        spec = ctx.rules.relations["position"]
        self.heads = self.w.heads | set(spec["apposition_heads"])
        self.anaphors: dict[str, str] = ctx.rules.lists["place_anaphors"]
        self.office_places: dict[str, str] = spec.get("office_places", {})
        self.office_place_heads = set(spec.get("office_place_heads", ()))
        self.remits = set(spec.get("remit_heads", ()))
        self.professions = set(spec.get("profession_heads", ()))

    def role_noun(self, tok: Token) -> bool:
        if tok.lower_ == "general":  # "the party's secretary general, X": the parser's head
            return general_title(tok, self.w) and any(
                c.dep_ in ("compound", "npadvmod", "amod") and c.lower_ in self.w.general_after
                for c in tok.children)
        if tok.pos_ not in ("NOUN", "PROPN"):
            return False
        return tok.lemma_.lower() in self.heads or tok.lower_ in self.heads

    # --- who holds it -----------------------------------------------------------------------
    def named_after(self, head: Token) -> Mention | None:
        """The person named right after a role phrase and a comma ("the head of the mission,
        Anita Larsen"; a title or rank may come first: "the army commander, General X")."""
        ctx = self.ctx
        # the parser may hang the name on the object of the office ("the governor of the
        # region, X"); on one no mention covers ("the president of the departmental
        # council, X") only after a comma ("the coordinator of the opposition Unitary
        # Platform" names the body the noun describes)
        objs = [o for _p, o in prep_objects(head, {"of", "for", "at"})]
        doc = head.doc
        for c in [*head.children, *(c for o in objs for c in o.children)]:
            m = ctx.cover.get(c.i)
            if c.dep_ == "appos" and m is not None and m.type is EntityType.PERSON and (
                    c.head.i == head.i or ctx.cover.get(c.head.i) is not None or
                    (c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ",")):
                return m
        # (the parser may hang the comma after it on the role noun)
        end = max(x.i for x in head.subtree if not x.is_punct or x.i < head.i)
        if end + 2 >= len(doc) or doc[end + 1].text != ",":
            return None
        start = end + 2
        while start < min(end + 7, len(doc) - 1) and ctx.cover.get(start) is None and \
                (doc[start].is_title or doc[start].lower_.rstrip(".") in self.w.ranks) and \
                not doc[start].is_punct:
            start += 1  # "Kenyan police chief X", "Deputy Prime Minister X", "Lt Gen X"
        m = ctx.cover.get(start)
        if m is None or m.type is not EntityType.PERSON:
            return None
        after = start
        while after + 1 < len(doc) and ctx.cover.get(after + 1) is m:
            after += 1
        if after + 1 >= len(doc) or doc[after + 1].text in (",", ".", ")", ";"):
            return m
        if doc[after + 1].pos_ in ("VERB", "AUX", "ADP"):  # "its chairman, X said"
            return m
        return None

    # --- the office -------------------------------------------------------------------------
    def position(self, holder: Mention, role: Token, *, name: Token | None = None
                 ) -> Fact | None:
        if any(t.lower_.rstrip("-") in self.w.former for t in role.subtree
               if t.i < role.i or t.dep_ in ("amod", "compound")):
            return None  # "a former commerce minister": no office now
        owner, owner_toks = self.owner(role, name)
        if owner is None and (role.lemma_.lower() in self.professions
                              or role.lower_ in self.professions):
            return None  # "X, a 52-year-old economist": a profession held nowhere said
        cut = set(owner_toks)
        doc = role.doc
        if role.is_title and cut == {role.i + 1, role.i + 2} and doc[role.i + 1].lower_ == "of" \
                and doc[role.i + 2].is_title and owner is not None and not owner.type.is_place:
            # "the Head of Government, X", "X, Member of Parliament for Y": a bare body noun
            # after "of" names the office (and owns it); a place ("of Zambia") only owns it
            cut = set()
        for t in role.subtree:
            if t != role and t.dep_ in _ROLE_DROP and not _bracketed(t) and not _hyphen(t) \
                    and not (t.dep_ == "det" and t.head != role) \
                    and not _complement_join(t, role):  # "for the Dialogue"
                cut.update(x.i for x in t.subtree)
        words = [t for t in role.subtree if t.i not in cut]
        words = [t for t in _contiguous(role, words)
                 if not t.is_punct or _hyphen(t) or (t.text in "()" and _bracketed(t))]
        while words and words[0].dep_ == "det":
            words.pop(0)
        while words and words[-1].pos_ in ("ADP", "CCONJ", "DET"):
            words.pop()  # "spokeswoman for" when the owner was cut off
        text = text_of(words)
        if text.count("(") > text.count(")"):
            text += ")"
        if not text or (name is not None and any(t.i == name.i for t in words)):
            return None
        if _party_member(role, words, owner, self.w):
            # "X, a PNC member" / "X, a senior member of the Y Party": a member of a
            # party or group, no office (a council or parliament seat stays a Position)
            return Fact(kind="Membership", category="relation",
                        roles={"member": [holder], "group": [owner]}, unit=self.ctx.unit.index,
                        sentence=self.ctx.sentence(role), rule="membership/apposition",
                        confidence=0.8)
        roles: dict = {"holder": [holder], "role": [text]}
        rule = "position/apposition"
        if owner is not None:
            roles["organization"] = [owner]
        elif role.lemma_.lower() in self.w.national or role.lower_ in self.w.national:
            rule = NATIONAL_RULE
        elif any(c.dep_ == "poss" and c.lower_ in _PERSONAL_POSS for c in role.children):
            rule = PERSONAL_RULE  # "his deputy, X": kg/extract/office_links.py
        return Fact(kind="Position", category="relation", roles=roles, unit=self.ctx.unit.index,
                    sentence=self.ctx.sentence(role), rule=rule, confidence=0.8)

    def owner(self, role: Token, name: Token | None) -> tuple[Mention | None, set[int]]:
        """The body or place the office belongs to, and the tokens that name it: the object
        of "for"/"of"/"at", a possessive, a named or demonym modifier, then "to"/"with"
        ("Ecuador's ambassador to the UN" is Ecuador's). A place owns only a local or
        national office ("the police spokesperson for the Southern Region" is no region's)."""
        ctx = self.ctx
        lemma = role.lemma_.lower()
        places_ok = lemma in self.w.local or lemma in self.w.national
        objs = list(prep_objects(role, {"for", "of", "at", "in"}))
        if name is not None:  # the parser may hang "of X" on the name: "Name, the head of X"
            objs += [(p, o) for p, o in prep_objects(name, {"of", "for"}) if o.i > role.i]
        late = list(prep_objects(role, {"to", "with"}))
        # a possessive owns an office "for" a task or place: "the EU's special representative
        # for the Dialogue" is the EU's; "of" and "at" name the owner first
        fors = [(p, o) for p, o in objs if p == "for"]
        kids = list(role.children)
        if role.lower_ == "general":  # "the DF's secretary-general": "secretary" holds "'s"
            kids += [k for c in role.children if c.lower_ in self.w.general_after
                     for k in c.children]
        if lemma in self.remits:
            # "the UN Special Envoy for Yemen": the place after "for" is the envoy's remit,
            # not the office's owner (the UN is)
            objs = [(p, o) for p, o in objs if p != "for" or not self._place(o)]
            fors = [(p, o) for p, o in fors if not self._place(o)]
        if any(c.dep_ == "poss" for c in kids):
            objs = [(p, o) for p, o in objs if p != "for"]
            late = fors + late
        for stage in ("preps", "poss", "mods", "late"):
            if stage in ("preps", "late"):
                for prep, obj in (objs if stage == "preps" else late):
                    m = self._object_owner(obj)
                    if m is None and prep in ("of", "for") and obj.pos_ == "NOUN":
                        # "the head of internal audit of the Water Board", "officer for
                        # press relations at X": the office is "head of internal
                        # audit", its owner the object of the next "of" (or "at")
                        inner = [o for _p, o in prep_objects(
                            obj, {"of"} if prep == "of" else {"of", "at"})]
                        m = self._object_owner(inner[0]) if inner else None
                        if m is not None and not m.type.is_place:
                            return m, {x.i for x in inner[0].head.subtree}
                        m = None
                    if m is None or (m.type.is_place and not (places_ok or prep == "of")) \
                            or (prep == "in" and m.type not in _IN_OWNERS):
                        continue
                    return m, {x.i for x in obj.head.subtree}
            elif stage == "poss":
                for c in kids:
                    if c.dep_ == "poss":
                        m = self.possessor(c)
                        if m is not None:
                            return m, {x.i for x in c.subtree}
                        if c.lower_ in _PERSONAL_POSS:
                            # "His campaign director, X": an office of someone, no body
                            return None, {x.i for x in c.subtree}
            else:
                for c in role.children:
                    if c.dep_ not in ("amod", "compound", "nmod") or c.i > role.i:
                        continue
                    m = ctx.mention_of(c) or self._named_elsewhere(c)
                    if m is not None and m.type is not EntityType.PERSON:
                        return m, {x.i for x in c.subtree}
                    if _demonym(c.text):  # "the Iranian ambassador"
                        m = mention_from_span(c.doc[c.i:c.i + 1], ctx.unit, EntityType.COUNTRY,
                                              "rule:demonym")
                        return m, {c.i}
                    place = self._office_place(role, c)
                    if place is not None:  # "the village head, X": the village named
                        return place, set()  # the place word stays in the role
                    body = described(ctx.mentions, c.lemma_.lower(), ctx.unit.start + c.idx,
                                     ctx.sentence(c))
                    if body is not None:  # "the police spokesperson": the police named
                        return body, {c.i}
                    body = national_body(c.doc, ctx.unit, c)
                    if body is not None:  # "a government spokesman": the country's
                        return body, set()  # (the word stays in the role)
        return None, set()

    def _place(self, obj: Token) -> bool:
        m = self.ctx.mention_of(obj)
        return m is not None and m.type.is_place

    def _office_place(self, role: Token, mod: Token) -> Mention | None:
        """"the village head, X", "the provincial governor, Y": a place word right before a
        local office names its kind; the last place of that kind named before it in the
        sentence holds the office (none when the sentence names none)."""
        kind = self.office_places.get(mod.lower_) or self.office_places.get(mod.lemma_.lower())
        if kind is None or mod.i != role.i - 1 or not (
                role.lemma_.lower() in self.office_place_heads or
                role.lower_ in self.office_place_heads):
            return None
        m = self.ctx.places_before(mod.idx, EntityType(kind))
        sent = self.ctx.sentence(mod)
        return m if m is not None and sent[0] <= m.start else None

    def _object_owner(self, obj: Token) -> Mention | None:
        ctx = self.ctx
        m = ctx.mention_of(obj) or self._named_elsewhere(obj)
        if m is None and obj.pos_ == "NOUN":
            # "at the London-based consultancy Savanna Partners", "of the opposition Unitary
            # Platform": a common noun the body's name stands in apposition to
            m = next((n for c in obj.children if c.dep_ == "appos" and c.i > obj.i
                      and (n := ctx.mention_of(c)) is not None), None)
            nxt = obj.doc[obj.i + 1] if obj.i + 1 < len(obj.doc) else None
            if m is None and nxt is not None and nxt.dep_ != "prep" and \
                    (n := ctx.mention_of(nxt)) is not None and n.type in _ORG_BODIES and \
                    n.start == ctx.unit.start + nxt.idx:
                m = n  # the same when the parser hung the name elsewhere: "of the opposition
                # Basotho Democratic Front (BDF), as ..."
            if m is None:
                m = _named_before(ctx, obj)
        if m is None:
            m = described(ctx.mentions, obj.lemma_.lower(), ctx.unit.start + obj.idx,
                          ctx.sentence(obj)) if _definite(obj) else None
        if m is None:
            m = self.f.entity(obj) or self._proper_name(obj)
        return m if m is not None and m.type is not EntityType.PERSON else None

    def _proper_name(self, obj: Token) -> Mention | None:
        """"the Rector of the University of Belgrade": a capitalised name the model missed,
        made of the object and its "of" phrase ("University of Belgrade"), typed by its head
        word (an Organization when the head says nothing)."""
        if obj.pos_ != "PROPN" or not obj.is_title or obj.i in self.ctx.cover:
            return None
        words = [obj]
        for _p, inner in prep_objects(obj, {"of"}):
            tail = [t for t in inner.subtree if t.dep_ != "det"]
            if all(t.is_title or t.lower_ in ("of", "and") for t in tail):
                words = [obj, obj.doc[obj.i + 1], *tail]
        if len(words) < 2:
            return None
        from kg.extract.entity_types import head_type

        span = obj.doc[words[0].i:words[-1].i + 1]
        etype = head_type(span.text, entity_rules()) or EntityType.ORGANIZATION
        if etype.is_place or etype is EntityType.PERSON:
            return None
        return mention_from_span(span, self.ctx.unit, etype, "rule:title-owner")

    def _named_elsewhere(self, tok: Token) -> Mention | None:
        """"KFOR Commander": a name the unit uses elsewhere, where the model missed it here."""
        if tok.pos_ != "PROPN" and not tok.is_upper:
            return None
        etype = next((m.type for m in self.ctx.mentions if m.text == tok.text
                      and m.type is not EntityType.PERSON), None)
        if etype is None:
            return None
        return mention_from_span(tok.doc[tok.i:tok.i + 1], self.ctx.unit, etype,
                                 "rule:title-owner")

    def possessor(self, poss: Token) -> Mention | None:
        """"Kosovo's", "the society's", "the city's", "its" -> the body or place meant."""
        ctx = self.ctx
        m = ctx.mention_of(poss)
        if m is not None:  # a person's office is theirs ("the candidate's campaign
            return m       # coordinator, X"); "Vienotiba's president" whatever its type
        low = poss.lower_
        at = ctx.unit.start + poss.idx
        if low == "its":
            return its_antecedent(ctx, poss)
        if low == "whose":  # "the GCC, whose Secretary-General, X, said": the body before
            return _whose(ctx, poss)
        lemma = poss.lemma_.lower()
        if lemma in self.anaphors:  # "the city's governor": the city the sentence named
            m = ctx.places_before(poss.idx, EntityType(self.anaphors[lemma]))
            sent = ctx.sentence(poss)
            return m if m is not None and sent[0] <= m.start else None
        return described(ctx.mentions, lemma, at, ctx.sentence(poss), previous=True) or \
            _described_by_apposition(ctx, poss)

    # --- "X of the International Crisis Group" ---------------------------------------------
    def member_of(self, holder: Mention, name: Token) -> Fact | None:
        """"Laurence Brennan of the International Crisis Group": an office there, its role
        unsaid; "the two foreign ministers, A of Armenia and B of Azerbaijan": the role is
        the plural noun the names stand in apposition to."""
        ctx = self.ctx
        for _p, obj in prep_objects(name, {"of"}):
            org = ctx.mention_of(obj)
            if org is None and obj.pos_ == "PROPN" and gazetteer().country(obj.text):
                org = mention_from_span(obj.doc[obj.i:obj.i + 1], ctx.unit, EntityType.COUNTRY,
                                        "gazetteer:country")  # a country the model missed
            if org is None or org.type is EntityType.PERSON or obj.i < name.i:
                continue
            plural = _plural_role(name, self)
            if plural is None and org.type.is_place:
                return None  # "X of Kenya": a nationality, not an office
            if (plural is None or plural.split()[-1].lower() in self.w.national) and \
                    org.type in (EntityType.ORGANIZATION, EntityType.GROUP) and \
                    _party(org.text, self.w):
                # "X of the Union for Democracy": a member (relations.py); "two new
                # ministers, A of the Civic Alliance": a state office, not the party's
                return None
            roles: dict = {"holder": [holder], "organization": [org]}
            if plural is not None:
                roles["role"] = [plural]
            return Fact(kind="Position", category="relation", roles=roles,
                        unit=ctx.unit.index, sentence=ctx.sentence(name),
                        rule="position/of", confidence=0.7)
        return None


_ORG_BODIES = {EntityType.ORGANIZATION, EntityType.GOVERNMENT_BODY, EntityType.ARMED_FORCE,
               EntityType.GROUP}


def _whose(ctx, poss: Token) -> Mention | None:
    """The named body "whose" points back to: the head of the relative clause or the
    apposition "whose" opens ("the GCC, whose Secretary-General, X, said")."""
    x = poss.head
    while x.dep_ not in ("relcl", "appos") and x.head is not x:
        x = x.head
    m = ctx.mention_of(x.head) if x.dep_ in ("relcl", "appos") else None
    return m if m is not None and m.type in _ORG_BODIES else None


def _described_by_apposition(ctx, poss: Token) -> Mention | None:
    """"the alliance's secretary general" after "the ABC, the regional military
    alliance, ...": the named body the unit set the same noun in apposition to, last
    before the possessive (the name itself need not hold the noun)."""
    found = None
    for t in ctx.tokens:
        if t.i >= poss.i:
            break
        if t.lemma_.lower() == poss.lemma_.lower() and t.pos_ == "NOUN" and t.i != poss.i:
            m = apposed_name(ctx, t)
            if m is not None and m.type in _ORG_BODIES:
                found = m
    return found


def apposed_name(ctx, noun: Token) -> Mention | None:
    """The name a common-noun phrase stands in apposition to: its head on the parse, or by
    surface the name before the comma that opens the phrase, over a bracketed acronym
    ("the Atlantic Border Compact (ABC), the regional military alliance ...": the
    parser often hangs such a phrase on the verb)."""
    if noun.dep_ == "appos" and (m := ctx.mention_of(noun.head)) is not None:
        return m
    doc, first = noun.doc, noun.left_edge.i
    j = first - 2
    if j < 0 or doc[first - 1].text != ",":
        return None
    if doc[j].text == ")":
        k = j - 1
        while k > 0 and doc[k].text != "(" and j - k <= 4:
            k -= 1
        j = k - 1 if doc[k].text == "(" else j
    return ctx.mention_of(doc[j]) if j >= 0 else None


def _party_member(role: Token, words: list[Token], owner: Mention | None, w) -> bool:
    """A "member" apposition whose owner is an organisation or group and whose other words
    are adjectives ("senior", "founding"): a Membership, not a Position."""
    return role.lemma_.lower() in w.member_nouns and owner is not None and \
        owner.type in (EntityType.ORGANIZATION, EntityType.GROUP) and \
        all(t is role or t.pos_ == "ADJ" for t in words)


def _plural_role(name: Token, reader: _Reader) -> str | None:
    """The office of a list in apposition to a plural role: "the two foreign ministers, A of
    Armenia and B of Azerbaijan" -> "foreign minister"."""
    t = name
    while t.dep_ == "conj":
        t = t.head
    if t.dep_ != "appos" or not reader.role_noun(t.head) or t.head.tag_ != "NNS":
        return None
    head = t.head
    mods = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i]
    words = [x.text for m in mods for x in m.subtree] + [head.lemma_]
    return " ".join(words)


def _hyphen(tok: Token) -> bool:
    """A hyphen inside a name the tokenizer split ("Belgrade-Pristina")."""
    doc = tok.doc
    return tok.text in ("-", "–") and not tok.whitespace_ and 0 < tok.i < len(doc) - 1 and \
        not doc[tok.i - 1].whitespace_


def _complement_join(t: Token, role: Token) -> bool:
    """"and" and its capitalised second subject in a title's of/for complement ("the
    Minister of Maritime Affairs and Insular Policy, X"): part of the office, whereas "the
    minister of finance and his deputy" joins a second person."""
    if t.dep_ not in ("cc", "conj"):
        return False
    first = t.head
    if first.dep_ != "pobj" or first.head.lower_ not in ("of", "for") \
            or first.head.head != role or not role.is_title or not first.is_title:
        return False
    conj = t if t.dep_ == "conj" else next((c for c in first.children if c.dep_ == "conj"),
                                           None)
    return conj is not None and conj.is_title and conj.pos_ == "PROPN"


def _bracketed(tok: Token) -> bool:
    """Whether a token sits in brackets right after its head: "the governor (prefect)"."""
    doc = tok.doc
    lo = min(x.i for x in tok.subtree) if tok.text != ")" else tok.i
    hi = max(x.i for x in tok.subtree) if tok.text != "(" else tok.i
    if tok.text in "()":
        return True
    return lo > 0 and doc[lo - 1].text == "(" and hi + 1 < len(doc) and doc[hi + 1].text == ")"


def _contiguous(role: Token, words: list[Token]) -> list[Token]:
    """The run of ``words`` around the role noun (what a prepositional owner cut off)."""
    ids = sorted(t.i for t in words)
    if role.i not in ids:
        return words
    k = ids.index(role.i)
    lo = hi = k
    while lo > 0 and ids[lo - 1] == ids[lo] - 1:
        lo -= 1
    while hi + 1 < len(ids) and ids[hi + 1] == ids[hi] + 1:
        hi += 1
    keep = set(ids[lo:hi + 1])
    return [t for t in sorted(words, key=lambda t: t.i) if t.i in keep]


def _demonym(word: str) -> str | None:
    return entity_rules().demonym_country(word)


def _party(name: str, w) -> bool:
    low = name.lower().split()
    return any(h in low for h in w.party_heads)


def its_antecedent(ctx, tok: Token) -> Mention | None:
    """What "its" points back to (a rule of its own until the shared coreference lands):
    the subject of its clause when that names a body or country ("Bolivia ... is
    represented by its foreign minister"), else the last body named before it in the
    sentence, else the first one (the topic) of the sentence before."""
    clause = tok
    while clause.dep_ not in ("ROOT", "relcl", "ccomp", "advcl", "conj") and clause.head != clause:
        clause = clause.head
    for c in clause.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i:
            m = ctx.mention_of(c)
            if m is not None and m.type is not EntityType.PERSON and (
                    m.type.is_agent or m.type is EntityType.COUNTRY):
                return m
    # a hospital has its director too: a site that is an institution (entity_types.py)
    bodies = [m for m in ctx.mentions if (m.type.is_agent or institution_site(m.text))
              and m.type is not EntityType.PERSON and m.end <= ctx.unit.start + tok.idx]
    sent = ctx.sentence(tok)
    here = [m for m in bodies if m.start >= sent[0]]
    if here:
        return max(here, key=lambda m: m.start)
    before = [m for m in bodies if m.start < sent[0]]
    if not before:
        return None
    last_sent = max(m.sentence for m in before)
    return min((m for m in before if m.sentence == last_sent), key=lambda m: m.start)


def _definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)


def its_antecedent_in(doc, unit, tok: Token, cover: dict[int, Mention]) -> Mention | None:
    """:func:`its_antecedent` for a parse without a Context (titles before names)."""
    clause = tok
    while clause.dep_ not in ("ROOT", "relcl", "ccomp", "advcl", "conj") and clause.head != clause:
        clause = clause.head
    for c in clause.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i:
            m = cover.get(c.i)
            if m is not None and m.type is not EntityType.PERSON and (
                    m.type.is_agent or m.type is EntityType.COUNTRY):
                return m
    return None


def national_body(doc: Doc, unit: Unit, tok: Token) -> Mention | None:
    """"Government spokesman X", "a government spokeswoman, X" in a text that names no
    government: the office is the country's government's, a body the resolver names
    ("Government of X"; kg/rules/entities/bodies.jsonl, a country's government body)."""
    body = entity_rules().bodies.get(tok.lemma_.lower())
    if body is None or body.scope != "country" or body.owner_required \
            or body.type is not EntityType.GOVERNMENT_BODY:
        return None
    return mention_from_span(doc[tok.i:tok.i + 1], unit, EntityType.GOVERNMENT_BODY,
                             "rule:body")
