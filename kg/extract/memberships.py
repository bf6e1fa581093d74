"""Membership the text states beyond names nested in names (relations.py).

Membership (member, group):
- "Bolivia, which became a full member of Mercosur", "X is a member state of Y",
  "X, a member of A and of B" (every group), "The country is a member of Y" (the country
  the story is about), "the X party, to which Ozols belongs",
  "Y, of which A and B (both countries) are members",
  "X, a member of Y", "X joined the bloc" (the bloc named before);
- "council members China and Russia", "member states Chile and Peru": the names beside
  "members" belong to the group the noun or the sentence names;
- "Oumar Sangaré of the Union for the Republic" (a party), "the Alliance for Renewal,
  Mbengue's party": a person belongs to a party.

Words are data: kg/rules/events/relations.yaml (``membership``). PartOf: part_of.py.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.appositions import apposed_name, its_antecedent
from kg.extract.context import counted_antecedents
from kg.extract.part_of import BODIES as _BODIES
from kg.extract.part_of import named, named_body, relation_fact
from kg.extract.spans import HOME_DESCRIPTION, mention_from_span
from kg.extract.speakers import described
from kg.extract.syntax import antecedent, prep_objects
from kg.records import EntityType, Fact, Mention

# a bloc the model typed a place ("Mercosur"): only a country's membership makes it a body
_MISREAD_BODIES = {EntityType.CITY, EntityType.PLACE}
_MEMBERS = {EntityType.COUNTRY, EntityType.ORGANIZATION, EntityType.GOVERNMENT_BODY,
            EntityType.ARMED_FORCE, EntityType.GROUP}
_fact = relation_fact
_named = named


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
    homes = set(spec.get("country_descriptions", ()))
    belongs = set(spec.get("belong_verbs", ()))
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
            # "Bolivia, which became a full member of Mercosur", "X is a member of Y",
            # "X is one of the 15 member states of Y" (the "one" stands for the member)
            anchor = _one_of(tok)
            if group is not None and anchor.dep_ == "pobj" and anchor.head.lower_ == "as" \
                    and anchor.head.head.pos_ in ("VERB", "AUX"):
                # "As a member of the X, Nauru has asked ...", "Palau, as a founding member
                # of X, voted ...": the subject of the clause "as" hangs on
                verb = anchor.head.head
                subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")),
                            None)
                for x in [subj, *subj.conjuncts] if subj is not None else []:
                    add(home_description(ctx, x, homes) or _named(ctx, x), group, tok,
                        "membership/as-member")
            if group is not None and anchor.dep_ in ("attr", "oprd", "appos"):
                head = anchor.head
                subj = next((c for c in head.children if c.dep_ == "nsubj"), None) \
                    if anchor.dep_ != "appos" else head
                if subj is not None and subj.lower_ in ("which", "that", "who"):
                    subj = antecedent(head.head)
                if subj is not None and anchor.dep_ == "appos" and subj.dep_ == "pobj" \
                        and subj.head.lower_ == "of" and ctx.cover.get(subj.i) is None \
                        and home_description(ctx, subj.head.head, homes) is not None:
                    subj = subj.head.head  # "the archipelago of 870,000 people, a member of"
                if subj is not None:  # "Peru and Bolivia, both members of X": each
                    # "a member of A and B", "a member of A (AB) and of B": every group
                    for g in [group, *more_groups(ctx, group)]:
                        for x in [subj, *subj.conjuncts]:
                            add(home_description(ctx, x, homes) or _named(ctx, x), g, tok,
                                "membership/member-of")
            # "the Andean Community, of which both countries are members"
            if group is None and tok.dep_ == "attr" and tok.head.dep_ == "relcl":
                verb = tok.head
                which = of_which(verb, tok)
                subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if which and subj is not None:
                    body = _named(ctx, verb.head)
                    if body is None and verb.head.pos_ == "NOUN":
                        # "the ABC, the military alliance of which X is a member"
                        body = apposed_name(ctx, verb.head)
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
        if lemma in belongs and tok.pos_ == "VERB":
            # "the X party, to which Ozols belongs", "Ozols belongs to the X party"
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            for _p, o in prep_objects(tok, {"to"}):
                body = o if o.lower_ not in ("which", "whom") else (
                    antecedent(tok.head) if tok.dep_ == "relcl" else None)
                if subj is not None and body is not None:
                    for x in [subj, *subj.conjuncts]:
                        add(_named(ctx, x), _named(ctx, body), tok, "membership/belongs-to")
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


def home_description(ctx, tok: Token, heads: set[str]) -> Mention | None:
    """"The country is a member of X", "The archipelago, a member of X": a description of
    a country with "the" and no name (relations.yaml ``membership.country_descriptions``)
    stands for the country the story is about; the mention is a placeholder that
    :func:`kg.extract.positions.national_owners` replaces by that country's first mention,
    once the whole document is read (the fact is dropped when no country is found)."""
    if tok.lemma_.lower() not in heads or tok.pos_ != "NOUN" or tok.tag_ != "NN":
        return None
    # the model may tag the whole description a place ("The Indian Ocean archipelago")
    covering = ctx.cover.get(tok.i)
    if covering is not None and not (tok.is_lower and
                                     covering.end == ctx.unit.start + tok.idx + len(tok)):
        return None  # a name ("the Republic of X"), not a description ending in its noun
    det = next((c for c in tok.children if c.dep_ == "det"), None)
    if det is None or det.lower_ != "the" or any(c.dep_ == "poss" for c in tok.children):
        return None  # "its country", "Kenya's country": no description of the story's
    return mention_from_span(tok.doc[det.i:tok.i + 1], ctx.unit, EntityType.COUNTRY,
                             HOME_DESCRIPTION)


_LIST_END = {",", ".", ";", ":", ")", "since"}


def more_groups(ctx, group: Mention) -> list[Mention]:
    """The bodies coordinated after the first group of "a member of A and B", "a member
    of A (AB) and of B (BB)", "of A, B and C" (the parser hangs the second on the verb or
    on the member noun as often as on the first group, so read by surface). The list must
    end the phrase (a comma, a full stop, "since"): in "a member of A and the government
    said", the government is no group."""
    doc = ctx.doc
    at = [i for i, m in ctx.cover.items() if m is group]
    if not at:
        return []
    out: list[Mention] = []
    j = _past_bracket(doc, max(at) + 1)
    while j < len(doc) and doc[j].text in (",", "and"):
        k = j
        while k < len(doc) and (doc[k].text in (",", "and") or doc[k].lower_ in ("of", "the")):
            k += 1
        m = _named(ctx, doc[k]) if k < len(doc) else None
        if m is None or m in out or m is group or m.type not in _BODIES | _MISREAD_BODIES:
            break
        end = k
        while end + 1 < len(doc) and ctx.cover.get(end + 1) is m:
            end += 1
        j = _past_bracket(doc, end + 1)
        if j < len(doc) and doc[j].text not in _LIST_END and doc[j].lower_ not in _LIST_END \
                and doc[j].text != "and":
            break
        out.append(m)
    return out


def _past_bracket(doc, j: int) -> int:
    """The token after a bracketed acronym that starts at ``j`` ("(ECOWAS)") or the closing
    bracket at ``j``, else ``j``."""
    if j < len(doc) and doc[j].text == ")":  # the group was the acronym in brackets
        return j + 1
    if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")":
        return j + 3
    return j


def of_which(verb: Token, noun: Token) -> list[Token]:
    """The "which"/"whom" of "of which" in "..., of which X is a member": "of" hung on the
    verb or the noun as a preposition, or as a bare "dep" of the verb (the parser does so
    after a bracketed acronym and a comma)."""
    out = [o for _p, o in prep_objects(verb, {"of"}) + prep_objects(noun, {"of"})
           if o.lower_ in ("which", "whom")]
    return out + [o for p in verb.children if p.dep_ == "dep" and p.lower_ == "of"
                  for o in p.children if o.lower_ in ("which", "whom")]


def _one_of(noun: Token) -> Token:
    """The "one" a member noun is counted in ("X is one of the 15 member states of Y",
    "X, one of the members of Y"), which then stands for the member; else the noun."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ == "one":
        return prep.head
    return noun


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
    m = named_body(ctx, prev)
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
