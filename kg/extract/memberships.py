"""Membership and PartOf the text states beyond names nested in names (relations.py).

Membership (member, group):
- "Bolivia, which became a full member of Mercosur", "X is a member state of Y",
  "Y, of which A and B (both countries) are members",
  "X, a member of Y", "X joined the bloc" (the bloc named before);
- "council members China and Russia", "member states Chile and Peru": the names beside
  "members" belong to the group the noun or the sentence names;
- "Oumar Sangaré of the Union for the Republic" (a party), "the Alliance for Renewal,
  Mbengue's party": a person belongs to a party.

PartOf (part, whole):
- "NATO's Allied Joint Force Command", "the University of Belgrade's Faculty of Law
  and Faculty of Philosophy", "its Permanent Council" (its -> the body named before);
- "the IACHR, an autonomous organ of the OAS", "the BCL, the Awami League's student
  wing": an apposition that says what the body is a part of (also when the parser hung
  the organ noun elsewhere: the body before its comma and a possessive owner);
- "the Permanent Council of the Organization of American States": the organisation
  after "of" in a body's name (the text names it elsewhere too);
- "UN Security Council", "MDF Air Wing": a body named after an organisation the text
  names;
- "the Kano State Police Command of the Nigeria Police Force": a unit's name, "of" and
  another body.
Words are data: kg/rules/events/relations.yaml (``membership``, ``part_of``).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.appositions import its_antecedent
from kg.extract.context import counted_antecedents
from kg.extract.spans import mention_from_span
from kg.extract.speakers import described
from kg.extract.syntax import antecedent, prep_objects
from kg.records import EntityType, Fact, Mention

_BODIES = {EntityType.ORGANIZATION, EntityType.GOVERNMENT_BODY, EntityType.ARMED_FORCE,
           EntityType.MEDIA_ORGANIZATION, EntityType.GROUP}
# a bloc the model typed a place ("Mercosur"): only a country's membership makes it a body
_MISREAD_BODIES = {EntityType.CITY, EntityType.PLACE}
_MEMBERS = {EntityType.COUNTRY, EntityType.ORGANIZATION, EntityType.GOVERNMENT_BODY,
            EntityType.ARMED_FORCE, EntityType.GROUP}


def _fact(ctx, kind: str, roles: dict, tok: Token, rule: str, confidence: float) -> Fact:
    return Fact(kind=kind, category="relation", roles=roles, unit=ctx.unit.index,
                sentence=ctx.sentence(tok), rule=rule, confidence=confidence,
                trigger=None, reported=ctx.unit.stamp)


def _named(ctx, tok: Token) -> Mention | None:
    m = ctx.cover.get(tok.i)
    return m if m is not None and not m.source.startswith(("rule:event-role", "rule:body")) \
        else None


def membership_facts(ctx) -> list[Fact]:
    """Memberships one unit states."""
    spec = ctx.rules.relations["membership"]
    joins = set(spec["join_verbs"])
    founds = set(spec["found_verbs"])
    member_nouns = set(spec["member_nouns"])
    member_compounds = set(spec.get("member_compounds", ()))
    envoys = set(spec["envoy_nouns"])
    parties = set(ctx.rules.relations["position"]["party_heads"])
    pronoun_owners = set(spec.get("person_possessives", ()))
    out: list[Fact] = []
    seen: set[tuple[int, int]] = set()

    def add(member: Mention | None, group: Mention | None, tok: Token, rule: str) -> None:
        if member is None or group is None or member == group or \
                member.type not in _MEMBERS | {EntityType.PERSON}:
            return
        if group.type not in _BODIES and not (
                member.type is EntityType.COUNTRY and group.type in _MISREAD_BODIES
                and group.text.lower() != member.text.lower()):
            return  # a country is no member of a city: "member of Mercosur" read as a place
        key = (member.start, group.start)
        if key not in seen:
            seen.add(key)
            out.append(_fact(ctx, "Membership", {"member": [member], "group": [group]}, tok,
                             rule, 0.75))

    for tok in ctx.tokens:
        lemma = tok.lemma_.lower()
        if lemma in member_nouns and tok.pos_ == "NOUN" and tok.dep_ == "compound" and \
                tok.head.lemma_.lower() in member_compounds:
            tok = tok.head  # "a member state of the AU": the state is the member
        elif lemma in member_nouns and tok.pos_ == "NOUN" and tok.dep_ == "nsubj":
            # "its members include A, B and C", "the AU, whose members include A and B"
            for member, group in _members_include(ctx, tok):
                add(member, group, tok, "membership/members-include")
        if (lemma in member_nouns or tok.lemma_.lower() in member_compounds) and \
                tok.pos_ == "NOUN" and (lemma in member_nouns or any(
                    c.dep_ == "compound" and c.lemma_.lower() in member_nouns
                    for c in tok.children)):
            groups = [_named(ctx, o) for _p, o in prep_objects(tok, {"of"})]
            group = next((g for g in groups if g is not None), None)
            # "Bolivia, which became a full member of Mercosur", "X is a member of Y"
            if group is not None and tok.dep_ in ("attr", "oprd", "appos"):
                head = tok.head
                subj = next((c for c in head.children if c.dep_ == "nsubj"), None) \
                    if tok.dep_ != "appos" else head
                if subj is not None and subj.lower_ in ("which", "that", "who"):
                    subj = antecedent(head.head)
                if subj is not None:  # "Peru and Bolivia, both members of X": each
                    for x in [subj, *subj.conjuncts]:
                        add(_named(ctx, x), group, tok, "membership/member-of")
            # "the Andean Community, of which both countries are members"
            if group is None and tok.dep_ == "attr" and tok.head.dep_ == "relcl":
                verb = tok.head
                which = [o for _p, o in prep_objects(verb, {"of"}) + prep_objects(tok, {"of"})
                         if o.lower_ in ("which", "whom")]
                subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if which and subj is not None:
                    body = _named(ctx, verb.head)
                    named = [_named(ctx, x) for x in [subj, *subj.conjuncts]]
                    members = [m for m in named if m is not None] or \
                        counted_antecedents(ctx, subj)
                    for member in members:
                        add(member, body, tok, "membership/of-which")
            # "council members China and Russia", "member states Chile and Peru"
            if tok.tag_ == "NNS":
                names = [c for c in tok.children if c.dep_ == "appos"]
                names += [x for n in names for x in n.conjuncts]
                if names:
                    owner = group or next((_named(ctx, c) for c in tok.children
                                           if c.dep_ in ("compound", "poss")
                                           and _named(ctx, c) is not None), None)
                    for c in tok.children:  # "council members": the council named before
                        if owner is None and c.dep_ == "compound":
                            owner = described(ctx.mentions, c.lemma_.lower(),
                                              ctx.unit.start + c.idx, ctx.sentence(c))
                    for n in names:
                        add(_named(ctx, n), owner, tok, "membership/members-named")
        if lemma in envoys and tok.pos_ in ("NOUN", "PROPN"):
            # "the Permanent Representative of Jamaica to the OAS": Jamaica sits in the OAS
            ofs = [o for _p, o in prep_objects(tok, {"of"})]
            of = [_country(ctx, o, tok) for o in ofs]
            to = [_named(ctx, o) for _p, o in prep_objects(tok, {"to"})]
            for o in ofs:  # "to the OAS" hung on the verb or on the country by the parser
                nxt = o.right_edge.i + 1
                if nxt < len(tok.doc) and tok.doc[nxt].lower_ == "to":
                    to += [_named(ctx, g) for g in tok.doc[nxt].children if g.dep_ == "pobj"]
            for member in of:
                for group in to:
                    if member is not None and member.type is EntityType.COUNTRY:
                        add(member, group, tok, "membership/envoy-to")
        if lemma in founds and tok.pos_ == "VERB":
            # "Mali, Niger and Chad formed the X Alliance": each founder is a member
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            group = _named(ctx, obj) if obj is not None else None
            if subj is not None and group is not None:
                for member in _founders(ctx, subj):
                    add(member, group, tok, "membership/founded")
        if lemma in joins and tok.pos_ == "VERB":  # "Bolivia joined the bloc in 2024"
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if obj is not None and subj is not None:
                add(_named(ctx, subj), _named(ctx, obj), tok, "membership/joined")
        # a person of a party: "Oumar Sangaré of the Union for the Republic and Democracy"
        person = ctx.cover.get(tok.i)
        if person is not None and person.type is EntityType.PERSON and tok.dep_ != "compound":
            for _p, o in prep_objects(tok, {"of"}):
                party = _named(ctx, o)
                if party is not None and party.type in (EntityType.ORGANIZATION,
                                                         EntityType.GROUP) and \
                        set(party.text.lower().split()) & parties:
                    add(person, party, tok, "membership/of-party")
        # "its member states Peru and Chile", "the bloc's member countries A and B"
        if lemma in member_nouns and tok.i + 1 < len(tok.doc) and \
                tok.doc[tok.i + 1].lemma_.lower() in member_compounds | {"state"}:
            group = _owner_before(ctx, tok)
            for member in _names_after(ctx, tok.doc[tok.i + 1]):
                add(member, group, tok, "membership/member-states")
        # "her party, the Civic Union, said": the party of the person she points back to
        if lemma in parties and tok.pos_ == "NOUN" and tok.i > 0 and \
                tok.doc[tok.i - 1].lower_ in pronoun_owners:
            add(_person_before(ctx, tok.doc[tok.i - 1]), _named_after_comma(ctx, tok), tok,
                "membership/persons-party")
        # "the Alliance for Renewal (ARN), Mbengue's party"
        if lemma in parties and tok.pos_ == "NOUN":
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            person = ctx.cover.get(owner.i) if owner is not None else None
            first = min(x.i for x in tok.subtree)
            party = _named(ctx, tok.head) if tok.dep_ == "appos" else (
                _named(ctx, tok.doc[first - 2]) if first >= 2 and
                tok.doc[first - 1].text == "," else None)
            if person is not None and person.type is EntityType.PERSON:
                add(person, party, tok, "membership/persons-party")
    # "Ganbold's Mongolian People's Party": a named party a person's possessive owns
    for m in ctx.mentions:
        if m.type not in (EntityType.ORGANIZATION, EntityType.GROUP) or \
                not set(m.text.lower().split()) & parties:
            continue
        span = ctx.char_span(m.start, m.end)
        if span is None or span.start < 2 or span.doc[span.start - 1].tag_ != "POS":
            continue
        person = ctx.cover.get(span.start - 2)
        if person is not None and person.type is EntityType.PERSON:
            add(person, m, span.root, "membership/persons-named-party")
    return out


def _owner_before(ctx, tok: Token) -> Mention | None:
    """The body a word's possessive or name right before it names: "its member states"
    (its -> the body named before), "the bloc's", "EAC member states"."""
    if tok.i == 0:
        return None
    prev = tok.doc[tok.i - 1]
    if prev.lower_ == "its":
        return its_antecedent(ctx, prev)
    if prev.tag_ == "POS" and tok.i > 1:
        prev = tok.doc[tok.i - 2]
    m = _body(ctx, prev)
    return m if m is not None and m.type in _BODIES else None


def _names_after(ctx, tok: Token) -> list[Mention]:
    """The named list right after ``tok``: "A, B and C" (each a name, joined by commas
    and "and"); the parse of such lists after a noun is often wrong, so by surface."""
    doc, out, j = tok.doc, [], tok.i + 1
    while j < len(doc):
        m = _named(ctx, doc[j])
        if m is None or m in out:
            break
        out.append(m)
        j += 1
        while j < len(doc) and _named(ctx, doc[j]) is m:
            j += 1
        if j < len(doc) and doc[j].text == ",":
            j += 1
        if j < len(doc) and doc[j].lower_ == "and":
            j += 1
    return out


def _person_before(ctx, pron: Token) -> Mention | None:
    """The person "her"/"his" points back to: the last person named before it in its
    sentence, else in the sentence before."""
    sent = ctx.sent_of[pron.i]
    at = ctx.unit.start + pron.idx
    people = [m for m in ctx.mentions if m.type is EntityType.PERSON and m.end <= at and
              m.start >= ctx.unit.start + (sent.start_char if sent.start == 0 else
                                           ctx.sent_of[sent.start - 1].start_char)]
    return max(people, key=lambda m: m.start, default=None)


def _named_after_comma(ctx, tok: Token) -> Mention | None:
    """"her party, the Civic Union,": the name after the comma that follows ``tok``."""
    doc, j = tok.doc, tok.i + 1
    if j >= len(doc) or doc[j].text != ",":
        return None
    j += 1
    while j < len(doc) and doc[j].lower_ == "the":
        j += 1
    return _named(ctx, doc[j]) if j < len(doc) else None


def _founders(ctx, subj: Token) -> list[Mention]:
    """The named conjuncts of a subject ("Mali, Niger and Chad"), or those a counted
    description points back to ("the three states": kg/extract/context.py)."""
    named = [m for m in (_named(ctx, x) for x in [subj, *subj.conjuncts]) if m is not None]
    if len(named) >= 2:
        return named
    return [m for m in counted_antecedents(ctx, subj) if m.type is EntityType.COUNTRY]


def _members_include(ctx, members: Token) -> list[tuple[Mention | None, Mention | None]]:
    """(member, group) pairs of "its members include A, B and C", "X's members include A",
    "the bloc, whose members include A and B": the objects of "include" are members of
    the possessor."""
    verb = members.head
    if verb.lemma_.lower() not in ("include", "be") or verb.pos_ not in ("VERB", "AUX"):
        return []
    poss = next((c for c in members.children if c.dep_ == "poss"), None)
    if poss is None:
        return []
    if poss.lower_ == "whose" and verb.dep_ == "relcl":
        group = _named(ctx, verb.head)
    elif poss.lower_ == "its":
        from kg.extract.appositions import its_antecedent

        group = its_antecedent(ctx, poss)
    else:
        group = _named(ctx, poss)
    objs = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    named = [x for o in objs for x in (o, *o.conjuncts)]
    return [(_named(ctx, x), group) for x in named]


def _country(ctx, tok: Token, role: Token) -> Mention | None:
    """The country "of X" names, also when the model read "The Permanent Representative of
    Jamaica" as one organisation's name."""
    from kg.resolve.places import gazetteer

    m = _named(ctx, tok)
    if m is not None and ctx.cover.get(role.i) is not m:
        return m
    if tok.pos_ == "PROPN" and gazetteer().country(tok.text):
        return mention_from_span(tok.doc[tok.i:tok.i + 1], ctx.unit, EntityType.COUNTRY,
                                 "gazetteer:country")
    return None


def part_of_facts(ctx) -> list[Fact]:
    """PartOf relations one unit states by possessives, appositions and names."""
    spec = ctx.rules.relations["part_of"]
    organs = set(spec["organ_nouns"])
    controls = set(spec.get("control_verbs", ()))
    out: list[Fact] = []
    seen: set[tuple[int, int]] = set()

    def add(part: Mention | None, whole: Mention | None, tok: Token, rule: str) -> None:
        if part is None or whole is None or part == whole or part.type not in _BODIES or \
                whole.type not in _BODIES:
            return
        key = (part.start, whole.start)
        if key not in seen:
            seen.add(key)
            out.append(_fact(ctx, "PartOf", {"part": [part], "whole": [whole]}, tok, rule, 0.75))

    heads = set(spec["body_heads"])
    units = set(spec.get("unit_nouns", ()))
    organs_owned = set(spec.get("possessed_organs", ()))
    outlets = set(spec.get("media_nouns", ()))
    for tok in ctx.tokens:
        if tok.lemma_.lower() in outlets and tok.pos_ == "NOUN":
            outlet, whole = _outlet_of(ctx, tok)
            add(outlet, whole, tok, "partof/outlet")
        if tok.lower_ in units or tok.lemma_.lower() in units:  # (the parser may tag it a verb)
            unit, whole = _unit_of_force(ctx, tok)
            add(unit, whole, tok, "partof/unit-of")
        if tok.lemma_.lower() in organs_owned and tok.pos_ == "NOUN" and \
                tok.dep_ not in ("compound", "appos"):  # "X, the party's youth wing": above
            part, whole = _organ_of_body(ctx, tok)
            add(part, whole, tok, "partof/possessive-organ")
        part = _named(ctx, tok)
        if part is not None:
            _unit_of_body(ctx, tok, part, add, heads)
        # "NATO's Allied Joint Force Command", "its Permanent Council"
        if part is not None and tok.dep_ != "compound":
            for c in tok.children:
                if c.dep_ != "poss":
                    continue
                whole = its_antecedent(ctx, c) if c.lower_ == "its" else _body(ctx, c)
                told = ctx.cover.get(c.i)  # "the army's": a description, not a name
                described_only = told is not None and told.source.startswith("rule:body")
                for p in [tok, *tok.conjuncts]:
                    part = _named(ctx, p)
                    if described_only and (part is None or whole is None
                                           or part.type is not whole.type):
                        continue  # "the government's Telegram" is no part of it
                    add(part, whole, tok, "partof/possessive")
        # "X, an autonomous organ of the OAS", "X, the Awami League's student wing"
        if tok.dep_ == "appos" and tok.lemma_.lower() in organs:
            whole = next((_named(ctx, o) for _p, o in prep_objects(tok, {"of"})
                          if _named(ctx, o) is not None), None)
            if whole is None:
                poss = next((c for c in tok.children if c.dep_ == "poss"), None)
                whole = (its_antecedent(ctx, poss) if poss.lower_ == "its" else
                         _named(ctx, poss)) if poss is not None else None
            if whole is None:  # "X, a force controlled by Y's defence ministry"
                whole = _controller(ctx, tok, controls)
            add(_named(ctx, tok.head), whole, tok, "partof/apposition")
            for c in tok.children:  # "its own mission, SAMIM"
                if c.dep_ == "appos":
                    add(_named(ctx, c), whole, tok, "partof/apposition")
        elif tok.lemma_.lower() in organs and tok.pos_ == "NOUN" and tok.dep_ != "compound":
            # the same apposition the parser hung elsewhere: "... the Bangladesh Chhatra
            # League (BCL), the Awami League's student wing, in ..."
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            first = tok.left_edge.i
            j = first - 2
            if poss is None or j < 0 or tok.doc[first - 1].text != ",":
                continue
            if tok.doc[j].text == ")" and j > 0:
                j -= 1
            whole = its_antecedent(ctx, poss) if poss.lower_ == "its" else _named(ctx, poss)
            add(_named(ctx, tok.doc[j]), whole, tok, "partof/apposition")
    _named_after_whole(ctx, add, spec)
    return out


def _outlet_of(ctx, noun: Token) -> tuple[Mention | None, Mention | None]:
    """"its Al-Hadaf television", "their Radio Sahel station", "the party's Voice
    newspaper": a named outlet its owner's possessive gives (relations.yaml
    ``part_of.media_nouns``); "its"/"their" only for a body named in the same sentence."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    name = next((ctx.cover[c.i] for c in noun.children if c.dep_ in ("compound", "nmod")
                 and c.i < noun.i and c.i in ctx.cover), None)
    if poss is None or name is None or name.type is not EntityType.MEDIA_ORGANIZATION:
        return None, None
    if poss.lower_ in ("its", "their"):
        whole = its_antecedent(ctx, poss)
        if whole is not None and whole.start < ctx.sentence(noun)[0]:
            whole = None
    else:
        told = ctx.cover.get(poss.i)  # "the government's Telegram channel": a platform
        whole = None if told is None or told.source.startswith("rule:body") else \
            _body(ctx, poss)
    return name, whole


_UNIT_WORDS = {"PROPN", "ADJ", "NOUN", "NUM"}


def _unit_of_force(ctx, noun: Token) -> tuple[Mention | None, Mention | None]:
    """"its Condor special forces brigade", "the navy's 2nd Marine Division": a unit a
    possessive owns, named by a proper name or a number before its noun (relations.yaml
    ``part_of.unit_nouns``); the unit (minted when no name covers it) and its owner."""
    doc, j = noun.doc, noun.i - 1
    while j >= 0 and doc[j].pos_ in _UNIT_WORDS and doc[j].tag_ != "POS" and \
            noun.i - j <= 5:
        j -= 1
    words = doc[j + 1:noun.i + 1]
    if j < 1 or len(words) < 2 or not any(
            t.pos_ == "PROPN" or t.like_num or t.text[:1].isdigit() for t in words[:-1]):
        return None, None
    owner = doc[j]
    if owner.lower_ == "its":
        whole = its_antecedent(ctx, owner)
    elif owner.tag_ == "POS":
        told = ctx.cover.get(doc[j - 1].i)
        if told is not None and told.source.startswith("rule:body"):
            # "the army's": the army named before, else the description itself
            whole = described(ctx.mentions, doc[j - 1].lemma_.lower(),
                              ctx.unit.start + doc[j - 1].idx, ctx.sentence(noun)) or told
        else:
            whole = _body(ctx, doc[j - 1])
    else:
        return None, None
    if whole is None or whole.type is not EntityType.ARMED_FORCE:
        return None, None  # a party's or a company's "division" is no unit of a force
    named = _named(ctx, noun)
    if named is not None and named.start <= ctx.unit.start + words[0].idx:
        return named, whole
    return mention_from_span(words, ctx.unit, EntityType.ARMED_FORCE, "rule:unit-of"), whole


def _organ_of_body(ctx, noun: Token) -> tuple[Mention | None, Mention | None]:
    """"the police's internal affairs division", "the party's management board": an organ
    a body's possessive owns, described by lower-case words before its noun (relations.yaml
    ``part_of.possessed_organs``); the organ (minted, typed as its owner) and the owner.
    A bare "the party's board" says too little to be a body of its own."""
    doc, j = noun.doc, noun.i - 1
    while j >= 0 and doc[j].pos_ in ("NOUN", "ADJ") and doc[j].is_lower and \
            doc[j].tag_ != "POS" and noun.i - j <= 4:
        j -= 1
    words = doc[j + 1:noun.i + 1]
    if j < 1 or len(words) < 2 or doc[j].tag_ != "POS" or not noun.is_lower:
        return None, None
    first = doc[j - 1].left_edge.i
    if first >= 2 and doc[first - 1].text == "," and (
            ctx.cover.get(first - 2) is not None or doc[first - 2].text == ")"):
        return None, None  # "the BCL, the Awami League's student wing": the apposition's
    told = ctx.cover.get(doc[j - 1].i)
    if told is None or told.source.startswith("rule:body"):  # "the party's": the party named
        whole = described(ctx.mentions, doc[j - 1].lemma_.lower(),
                          ctx.unit.start + doc[j - 1].idx, ctx.sentence(noun)) or told
    else:
        whole = _body(ctx, doc[j - 1])
    if whole is None or whole.type not in _BODIES:
        return None, None
    named = _named(ctx, noun)
    if named is not None:
        return None, None  # a name covers it: the possessive rule reads it
    return mention_from_span(words, ctx.unit, whole.type, "rule:organ-of"), whole


def _unit_of_body(ctx, tok: Token, part: Mention, add, heads: set[str]) -> None:
    """"the Kano State Police Command of the Nigeria Police Force", "the Anti-Cybercrime
    Unit of the Command": a named unit (its name ends in a body head of relations.yaml
    ``part_of.body_heads``), then "of" and another body, is part of that body."""
    if tok.lemma_.lower() not in heads or ctx.unit.start + tok.idx + len(tok) != part.end:
        return  # the last word of the unit's name
    for p in tok.children:
        if p.dep_ != "prep" or p.lower_ != "of":
            continue
        for obj in p.children:
            whole = _body(ctx, obj) if obj.dep_ == "pobj" else None
            if whole is not None and whole.start >= part.end:
                add(part, whole, tok, "partof/of-body")


def _body(ctx, tok: Token) -> Mention | None:
    """A named body, or the named body a body phrase points back to ("the army's": the
    army the text named before; "Russia's defence ministry" is a name of its own)."""
    m = ctx.cover.get(tok.i)
    if m is None or m.source.startswith("rule:event-role"):
        return None
    if not m.source.startswith("rule:body") or tok.tag_ == "NNP" or any(
            c.dep_ == "poss" for c in tok.children):
        return m
    from kg.extract.speakers import _descriptions

    entry = _descriptions().get(tok.lemma_.lower())
    if entry is None:
        return None
    at, bare = ctx.unit.start + tok.idx, {tok.lower_, f"the {tok.lower_}"}
    named = [x for x in ctx.mentions if x.type in entry[0] and x.end <= at
             and not x.source.startswith("rule:event-role") and x.text.lower() not in bare]
    return max(named, key=lambda x: x.start) if named else None


def _controller(ctx, organ: Token, verbs: set[str]) -> Mention | None:
    """The body a participle of control names: "a force controlled by Y", "a unit run by
    Y", "an agency overseen by Y" (relations.yaml ``part_of.control_verbs``)."""
    for acl in organ.children:
        if acl.dep_ != "acl" or acl.tag_ != "VBN" or acl.lemma_.lower() not in verbs:
            continue
        for agent in acl.children:
            if agent.dep_ == "agent":
                for obj in agent.children:
                    if obj.dep_ == "pobj":  # a body phrase too: "Russia's defence ministry"
                        return _body(ctx, obj)
    return None


def _named_after_whole(ctx, add, spec) -> None:
    """"the Permanent Council of the Organization of American States", "UN Security
    Council": a body's name that holds the name of an organisation the text names."""
    known = {m.text.lower(): m.type for m in ctx.mentions
             if m.type in (EntityType.ORGANIZATION, EntityType.ARMED_FORCE,
                           EntityType.GOVERNMENT_BODY)
             and not m.source.startswith(("rule:event-role", "rule:body"))}
    heads = set(spec["body_heads"])
    whole_words = set(spec["whole_words"])
    # a body the statements or event roles named by its description: "the U.N. refugee
    # agency said" (only an organisation's acronym opening it says whose part it is)
    described = [m for m in ctx.created.values() if m.type in _BODIES and " " in m.text
                 and not (ctx.headline and ctx.headline[0] <= m.start - ctx.unit.start
                          < ctx.headline[1])]  # a headline's words are clipped
    for outer in [*ctx.mentions, *described]:
        minted = outer.source.startswith("rule:")
        if outer.type not in _BODIES or (minted and outer not in described) or \
                " " not in outer.text or outer.source.endswith(":headline"):
            continue
        span = ctx.char_span(outer.start, outer.end)
        if span is None:
            continue
        words = [t for t in span]
        # "... of the Y": Y a name the unit uses on its own
        for k, t in enumerate(words):
            if minted or t.lower_ != "of" or k == 0:
                continue
            rest = words[k + 1:]
            while rest and rest[0].lower_ == "the":
                rest = rest[1:]
            text = " ".join(x.text for x in rest).lower()
            if rest and text in known and _head_word(words[k - 1], heads) and (
                    _org_name(" ".join(x.text for x in rest), whole_words)):
                inner = mention_from_span(span.doc[rest[0].i:rest[-1].i + 1], ctx.unit,
                                          known[text], "rule:part-of-name")
                add(outer, inner, span.root, "partof/of-name")
        # "UN Security Council": a first word that names an organisation of the unit, or
        # an acronym an organisation's name opens with ("U.N. refugee agency":
        # kg/rules/entities/heads.jsonl ``opens``)
        first = words[0]
        kind = (None if minted else known.get(first.lower_)) or _opening_acronym(first)
        if kind is not None and first.lower_ not in known and not _alone(first):
            kind = None  # "UN" only inside names: no entity of its own to be part of
        if kind is not None and len(words) > 1 and _head_word(words[-1], heads) and \
                not _head_word(first, heads):  # "Department of X Services": its own head
            inner = mention_from_span(span.doc[first.i:first.i + 1], ctx.unit,
                                      kind, "rule:part-of-name")
            add(outer, inner, span.root, "partof/prefix")


def _head_word(tok: Token, heads: set[str]) -> bool:
    """A body head, singular or plural ("Reserve Forces", "Liaison Teams": the model keeps
    a proper noun's plural as its lemma)."""
    low = tok.lower_
    return tok.lemma_.lower() in heads or low in heads or (
        low.endswith("s") and low[:-1] in heads)


def _alone(tok: Token) -> bool:
    """Whether the text also uses ``tok``'s word on its own ("The U.N. has had
    peacekeepers"), not only to open longer names."""
    return any(t.text == tok.text and t.dep_ != "compound" and t.i != tok.i
               for t in tok.doc)


def _opening_acronym(tok: Token) -> EntityType | None:
    """An organisation's acronym that opens the names of its bodies ("UN", "U.N."), from
    the entity rules' openers; not a country's ("U.S.": no opener)."""
    from kg.extract.entity_rules import entity_rules

    text = tok.text.replace(".", "")
    if len(text) < 2 or not text.isupper():
        return None
    kind = entity_rules().openers.get(text.lower())
    return kind if kind is EntityType.ORGANIZATION else None


def _org_name(text: str, words: set[str]) -> bool:
    """Whether a name reads as an organisation's (a word of its name says so, or it is an
    acronym): "Organization of American States", "NATO"; not a topic ("Disaster
    Management Affairs")."""
    return text.isupper() or bool(set(text.lower().split()) & words)
