"""Membership and PartOf said by set phrases news writes around names, read by surface
(the parser hangs these appositions on the wrong word as often as not):

Membership (member, group):
- "Montenegro, a NATO member since 2017", "Latvia, an EU member state": a name, a comma
  and "a/an <group> member" (the group a named body); "Latvia and Estonia, both EU
  members": each name of the list before "both"/"all"; "A and B, fellow members with C of
  X", "between A and B as fellow Member States of X";
- "Lesotho was admitted to the SADC (as its newest member)": admission is joining;
- "the union, which counts Kenya among its members": "counts X among its members".
- "the Caribbean Community, of which both Guyana and Suriname are Member States".

PartOf (part, whole):
- "the Border Intelligence Unit, part of the Federal Police Service": "X, part of Y";
- "its own mission, ECOMIB", "the EU's training mission in Mali, EUTM Mali", "the UN
  refugee agency UNHCR": a body named right after an organ noun that its owner's
  possessive, "its" or its owner's name before it says whose organ it is.
Words are data: kg/rules/events/relations.yaml (``part_of.organ_nouns``,
``membership.member_nouns``, ``membership.admit_verbs``).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.appositions import its_antecedent
from kg.records import EntityType, Fact, Mention

_BODIES = {EntityType.ORGANIZATION, EntityType.GOVERNMENT_BODY, EntityType.ARMED_FORCE,
           EntityType.MEDIA_ORGANIZATION, EntityType.GROUP}
_MEMBERS = {EntityType.COUNTRY, EntityType.ORGANIZATION, EntityType.GOVERNMENT_BODY,
            EntityType.ARMED_FORCE, EntityType.GROUP, EntityType.MEDIA_ORGANIZATION}


def _fact(ctx, kind: str, roles: dict, tok: Token, rule: str) -> Fact:
    return Fact(kind=kind, category="relation", roles=roles, unit=ctx.unit.index,
                sentence=ctx.sentence(tok), rule=rule, confidence=0.7,
                trigger=None, reported=ctx.unit.stamp)


def _named(ctx, i: int) -> Mention | None:
    m = ctx.cover.get(i)
    return m if m is not None and not m.source.startswith(("rule:event-role", "rule:body")) \
        else None


def _ending(ctx, tok: Token) -> Mention | None:
    """A name that ends with ``tok``, also inside a longer description's span ("the UN"
    in "Peacekeepers of the UN mission")."""
    at = ctx.unit.start + tok.idx + len(tok)
    return next((m for m in ctx.mentions if m.end == at and m.start < at
                 and not m.source.startswith(("rule:event-role", "rule:body"))), None)


def _name_before(ctx, i: int) -> Mention | None:
    """The name that ends right before token ``i`` (a comma), over a bracketed acronym:
    "the Border Intelligence Unit (BIU), part of ..." -> the unit."""
    doc = ctx.tokens[0].doc
    j = i - 1
    if j >= 0 and doc[j].text == ")":
        k = j - 1
        while k >= 0 and doc[k].text != "(" and j - k <= 4:
            k -= 1
        j = k - 1 if k >= 0 and doc[k].text == "(" else j
    return _named(ctx, j) if j >= 0 else None


def _names_before(ctx, i: int) -> list[Mention]:
    """The names listed right before token ``i`` (a comma): "Latvia and Estonia, both
    ..." -> both, "A, B and C, all ..." -> the three."""
    doc = ctx.tokens[0].doc
    out: list[Mention] = []
    j = i
    while j > 0:
        m = _name_before(ctx, j)
        if m is None or m in out:
            break
        out.insert(0, m)
        k = next(t for t in range(j - 1, -1, -1) if ctx.cover.get(t) is m)
        while k > 0 and ctx.cover.get(k - 1) is m:
            k -= 1
        if k > 0 and doc[k - 1].lower_ == "the":
            k -= 1
        if k < 2 or doc[k - 1].text not in ("and", ","):
            break
        j = k - 2 if doc[k - 1].text == "and" and doc[k - 2].text == "," else k - 1
    return out


def _name_from(ctx, i: int) -> tuple[Mention | None, int]:
    """The name that starts at token ``i`` (after "the"), and the token after it."""
    doc = ctx.tokens[0].doc
    while i < len(doc) and doc[i].lower_ == "the":
        i += 1
    m = _named(ctx, i) if i < len(doc) else None
    if m is None:
        return None, i
    while i < len(doc) and ctx.cover.get(i) is m:
        i += 1
    return m, i


def _listed(ctx, i: int) -> tuple[list[Mention], int]:
    """The names listed from token ``i`` ("both A, B and C"), and the token after them."""
    doc = ctx.tokens[0].doc
    out: list[Mention] = []
    while i < len(doc):
        if doc[i].lower_ in ("both", "and", ",") or doc[i].text == ",":
            i += 1
            continue
        m, nxt = _name_from(ctx, i)
        if m is None:
            break
        out.append(m)
        i = nxt
    return out, i


def phrase_relations(ctx) -> list[Fact]:
    """The Membership and PartOf facts the set phrases above state in one unit."""
    rel = ctx.rules.relations
    member_nouns = set(rel["membership"]["member_nouns"])
    compounds = set(rel["membership"].get("member_compounds", ()))
    admits = set(rel["membership"].get("admit_verbs", ()))
    organs = set(rel["part_of"]["organ_nouns"])
    out: list[Fact] = []
    seen: set[tuple[str, int, int]] = set()

    def add(kind: str, a: Mention | None, b: Mention | None, tok: Token, rule: str) -> None:
        if a is None or b is None or a == b or b.type not in _BODIES or \
                a.type not in (_BODIES if kind == "PartOf" else _MEMBERS) or \
                a.text.islower() or b.text.islower():  # "the court, part of the ministry"
            return
        key = (kind, a.start, b.start)
        if key not in seen:
            seen.add(key)
            roles = {"part": [a], "whole": [b]} if kind == "PartOf" else \
                {"member": [a], "group": [b]}
            out.append(_fact(ctx, kind, roles, tok, rule))

    doc = ctx.tokens[0].doc if ctx.tokens else None
    for tok in ctx.tokens:
        i, low = tok.i, tok.lower_
        # "X, a NATO member since 2017", "Latvia, an EU member state"
        if low in ("a", "an") and i >= 1 and doc[i - 1].text == "," and i + 2 < len(doc):
            group, j = _name_from(ctx, i + 1)
            if group is not None and j < len(doc) and doc[j].lemma_.lower() in member_nouns:
                nxt = doc[j + 1] if j + 1 < len(doc) else None
                if nxt is None or nxt.lower_ != "of":  # "a member of": memberships.py
                    if nxt is not None and nxt.lemma_.lower() in compounds:
                        j += 1
                    add("Membership", _name_before(ctx, i - 1), group, doc[j],
                        "membership/a-group-member")
        # "Latvia and Estonia, both EU members", "A, B and C, all EU member states"
        if low in ("both", "all") and i >= 2 and doc[i - 1].text == "," and i + 2 < len(doc):
            group, j = _name_from(ctx, i + 1)
            if group is not None and j < len(doc) and doc[j].lemma_.lower() in member_nouns \
                    and doc[j].tag_ == "NNS" and (j + 1 >= len(doc) or doc[j + 1].lower_ != "of"):
                for member in _names_before(ctx, i - 1):
                    add("Membership", member, group, doc[j], "membership/all-group-members")
        # "A and B, fellow members with C of X", "between A and B as fellow Member States
        # of X": the names before (and the one after "with") are members of X
        if low == "fellow" and i >= 2 and doc[i - 1].lower_ in (",", "as"):
            _fellow_members(ctx, tok, member_nouns, compounds, add)
        # "X, part of Y" (not "part of the reason")
        if low == "part" and i >= 1 and doc[i - 1].text == "," and i + 2 < len(doc) and \
                doc[i + 1].lower_ == "of":
            whole, _j = _name_from(ctx, i + 2)
            add("PartOf", _name_before(ctx, i - 1), whole, tok, "partof/part-of")
        # "the Andean Community, of which both Peru and Bolivia are Member States" (the
        # parser reads capitalised "Member States" as a name: memberships.py misses it)
        if low == "which" and i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].text == ",":
            members, j = _listed(ctx, i + 1)
            if j + 1 < len(doc) and doc[j].lower_ in ("are", "were", "is", "was") and \
                    doc[j + 1].lemma_.lower() in member_nouns | {"members"}:
                for member in members:
                    add("Membership", member, _name_before(ctx, i - 2), tok,
                        "membership/of-which-named")
        # "Lesotho was admitted to the SADC"
        if tok.lemma_.lower() in admits and tok.tag_ == "VBN" and any(
                c.dep_ == "auxpass" for c in tok.children):
            subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            for p in tok.children:
                if p.dep_ == "prep" and p.lower_ in ("to", "into") and subj is not None:
                    for o in p.children:
                        if o.dep_ == "pobj":
                            for s in (subj, *subj.conjuncts):
                                add("Membership", _named(ctx, s.i), _named(ctx, o.i), tok,
                                    "membership/admitted")
        # "which counts Kenya among its members"
        if tok.lemma_.lower() == "count" and tok.pos_ == "VERB":
            _counts_among(ctx, tok, member_nouns, add)
        # "its own mission, ECOMIB", "the UN refugee agency UNHCR"
        if tok.lemma_.lower() in organs and tok.pos_ == "NOUN" and tok.is_lower:
            _named_organ(ctx, tok, add)
    return out


def _fellow_members(ctx, fellow: Token, member_nouns: set[str], compounds: set[str],
                    add) -> None:
    """"Nauru and Tonga, fellow members with Palau of the X", "solidarity between A and B
    as fellow Member States of X" (by surface: the parser hangs "of X" on the name after
    "with", or reads "Member States" as a name)."""
    doc = fellow.doc
    k = fellow.i + 1
    if k >= len(doc) or doc[k].lemma_.lower() not in member_nouns:
        return
    noun = doc[k]
    k += 1
    if k < len(doc) and doc[k].lemma_.lower() in compounds | {"states"}:
        noun, k = doc[k], k + 1
    if noun.lower_ not in ("members", "states", "countries", "nations"):
        return  # "a fellow member": memberships.py reads "X, a member of Y"
    members = _names_before(ctx, fellow.i - 1)
    if k + 1 < len(doc) and doc[k].lower_ == "with":
        also, k = _name_from(ctx, k + 1)
        members += [also] if also is not None else []
    if k + 1 >= len(doc) or doc[k].lower_ != "of" or len(members) < 2:
        return
    group, _j = _name_from(ctx, k + 1)
    for member in members:
        add("Membership", member, group, noun, "membership/fellow-members")


def _counts_among(ctx, verb: Token, member_nouns: set[str], add) -> None:
    """"the union, which counts Kenya among its members": the objects of "count" with
    "among its members" are members of what "which"/"its" points to."""
    among = next((p for p in verb.children if p.dep_ == "prep" and p.lower_ == "among"), None)
    if among is None:  # the parser may hang "among" on the object
        among = next((p for o in verb.children if o.dep_ == "dobj" for p in o.children
                      if p.dep_ == "prep" and p.lower_ == "among"), None)
    nouns = [o for o in among.children if o.dep_ == "pobj"] if among is not None else []
    if not nouns or nouns[0].lemma_.lower() not in member_nouns:
        return
    poss = next((c for c in nouns[0].children if c.dep_ == "poss"), None)
    if poss is None or poss.lower_ != "its":
        return
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    group = _named(ctx, verb.head.i) if subj is not None and subj.lower_ in ("which", "that") \
        and verb.dep_ == "relcl" else its_antecedent(ctx, poss)
    for o in verb.children:
        if o.dep_ == "dobj":
            for x in (o, *o.conjuncts):
                add("Membership", _named(ctx, x.i), group, verb, "membership/counts-among")


def _named_organ(ctx, noun: Token, add) -> None:
    """"its own mission, ECOMIB", "the EU's training mission in Mali, EUTM Mali", "the UN
    refugee agency UNHCR": the owner before lower-case words and the organ noun (a
    possessive, "its", or a name used as a modifier); the name after it (a comma, or
    none, and optionally "in <place>" between) is the part."""
    doc = noun.doc
    j = noun.i - 1
    while j >= 0 and doc[j].is_lower and doc[j].pos_ in ("NOUN", "ADJ") and noun.i - j <= 4:
        j -= 1
    if j < 0:
        return
    if doc[j].lower_ == "its":
        whole = its_antecedent(ctx, doc[j])
    elif doc[j].tag_ == "POS" and j >= 1:
        whole = _ending(ctx, doc[j - 1])
    else:
        whole = _ending(ctx, doc[j])
        # a name as a modifier: "the UN refugee agency", not "Kenya said its agency"
        if whole is None or whole.start > ctx.unit.start + doc[j].idx or j < 1 or \
                doc[max(0, j - len(whole.text.split()))].lower_ != "the":
            return
    k = noun.i + 1
    if k + 1 < len(doc) and doc[k].lower_ == "in" and _named(ctx, k + 1) is not None:
        place = ctx.cover[k + 1]
        while k + 1 < len(doc) and ctx.cover.get(k + 1) is place:
            k += 1
        k += 1
    comma = k < len(doc) and doc[k].text == ","
    if comma:
        k += 1
    if k + 1 < len(doc) and doc[k].lower_ == "known" and doc[k + 1].lower_ == "as":
        k += 2
    if k + 1 < len(doc) and doc[k].lower_ == "the":
        k += 1
    part = _named(ctx, k) if k < len(doc) else None
    if part is None or part.start != ctx.unit.start + doc[k].idx:
        return
    end = k
    while end + 1 < len(doc) and ctx.cover.get(end + 1) is part:
        end += 1
    after = doc[end + 1] if end + 1 < len(doc) else None
    if after is not None and (after.lower_ in ("and", "or") or after.pos_ == "PROPN"):
        return  # a list of names ("its partners, Kenya and Chad"), not the organ's name
    if comma and after is not None and after.pos_ in ("VERB", "AUX"):
        return  # "by the gendarmerie's research section, the party said": a new clause
    add("PartOf", part, whole, noun, "partof/named-organ")
