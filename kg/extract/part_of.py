"""PartOf the text states beyond names nested in names (relations.py).

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
Words are data: kg/rules/events/relations.yaml (``part_of``).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.appositions import its_antecedent
from kg.extract.spans import mention_from_span
from kg.extract.speakers import described
from kg.extract.syntax import prep_objects
from kg.records import EntityType, Fact, Mention

BODIES = {EntityType.ORGANIZATION, EntityType.GOVERNMENT_BODY, EntityType.ARMED_FORCE,
          EntityType.MEDIA_ORGANIZATION, EntityType.GROUP}


def relation_fact(ctx, kind: str, roles: dict, tok: Token, rule: str, confidence: float) -> Fact:
    return Fact(kind=kind, category="relation", roles=roles, unit=ctx.unit.index,
                sentence=ctx.sentence(tok), rule=rule, confidence=confidence,
                trigger=None, reported=ctx.unit.stamp)


def named(ctx, tok: Token) -> Mention | None:
    """The name (not an event role's or a body description's mention) covering ``tok``."""
    m = ctx.cover.get(tok.i)
    return m if m is not None and not m.source.startswith(("rule:event-role", "rule:body")) \
        else None


def named_body(ctx, tok: Token) -> Mention | None:
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


def part_of_facts(ctx) -> list[Fact]:
    """PartOf relations one unit states by possessives, appositions and names."""
    spec = ctx.rules.relations["part_of"]
    organs = set(spec["organ_nouns"])
    controls = set(spec.get("control_verbs", ()))
    out: list[Fact] = []
    seen: set[tuple[int, int]] = set()

    def add(part: Mention | None, whole: Mention | None, tok: Token, rule: str) -> None:
        if part is None or whole is None or part == whole or part.type not in BODIES or \
                whole.type not in BODIES:
            return
        key = (part.start, whole.start)
        if key not in seen:
            seen.add(key)
            out.append(relation_fact(ctx, "PartOf", {"part": [part], "whole": [whole]}, tok,
                                     rule, 0.75))

    heads = set(spec["body_heads"])
    units = set(spec.get("unit_nouns", ()))
    organs_owned = set(spec.get("possessed_organs", ()))
    organs_of = set(spec.get("described_organs", ()))
    seated = set(spec.get("seated_organs", ()))
    outlets = set(spec.get("media_nouns", ()))
    for tok in ctx.tokens:
        lemma = tok.lemma_.lower()  # (read once: the tests below ask for it up to five times)
        if lemma in outlets and tok.pos_ == "NOUN":
            outlet, whole = _outlet_of(ctx, tok)
            add(outlet, whole, tok, "partof/outlet")
        if tok.lower_ in units or lemma in units:  # (the parser may tag it a verb)
            unit, whole = _unit_of_force(ctx, tok)
            add(unit, whole, tok, "partof/unit-of")
        if lemma in organs_owned and tok.pos_ == "NOUN" and \
                tok.dep_ not in ("compound", "appos"):  # "X, the party's youth wing": above
            part, whole = _organ_of_body(ctx, tok)
            add(part, whole, tok, "partof/possessive-organ")
        if lemma in seated and tok.pos_ == "NOUN" and tok.is_lower:
            part, whole = _seated_organ(ctx, tok)
            add(part, whole, tok, "partof/seated-organ")
        if lemma in organs_of and tok.tag_ == "NN" and tok.is_lower:
            part, whole = _organ_of_named(ctx, tok)
            add(part, whole, tok, "partof/organ-of-name")
        part = named(ctx, tok)
        if part is not None:
            _unit_of_body(ctx, tok, part, add, heads)
        # "NATO's Allied Joint Force Command", "its Permanent Council"
        if part is not None and tok.dep_ != "compound":
            for c in tok.children:
                if c.dep_ != "poss":
                    continue
                whole = its_antecedent(ctx, c) if c.lower_ == "its" else named_body(ctx, c)
                told = ctx.cover.get(c.i)  # "the army's": a description, not a name
                described_only = told is not None and told.source.startswith("rule:body")
                for p in [tok, *tok.conjuncts]:
                    part = named(ctx, p)
                    if described_only and (part is None or whole is None
                                           or part.type is not whole.type):
                        continue  # "the government's Telegram" is no part of it
                    add(part, whole, tok, "partof/possessive")
        # "X, an autonomous organ of the OAS", "X, the Awami League's student wing"
        if tok.dep_ == "appos" and lemma in organs:
            whole = next((named(ctx, o) for _p, o in prep_objects(tok, {"of"})
                          if named(ctx, o) is not None), None)
            if whole is None:
                poss = next((c for c in tok.children if c.dep_ == "poss"), None)
                whole = (its_antecedent(ctx, poss) if poss.lower_ == "its" else
                         named(ctx, poss)) if poss is not None else None
            if whole is None:  # "X, a force controlled by Y's defence ministry"
                whole = _controller(ctx, tok, controls)
            add(named(ctx, tok.head), whole, tok, "partof/apposition")
            for c in tok.children:  # "its own mission, SAMIM"
                if c.dep_ == "appos":
                    add(named(ctx, c), whole, tok, "partof/apposition")
        elif lemma in organs and tok.pos_ == "NOUN" and tok.dep_ != "compound":
            # the same apposition the parser hung elsewhere: "... the Bangladesh Chhatra
            # League (BCL), the Awami League's student wing, in ..."
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            first = tok.left_edge.i
            j = first - 2
            if poss is None or j < 0 or tok.doc[first - 1].text != ",":
                continue
            if tok.doc[j].text == ")" and j > 0:
                j -= 1
            whole = its_antecedent(ctx, poss) if poss.lower_ == "its" else named(ctx, poss)
            add(named(ctx, tok.doc[j]), whole, tok, "partof/apposition")
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
            named_body(ctx, poss)
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
            whole = named_body(ctx, doc[j - 1])
    else:
        return None, None
    if whole is None or whole.type is not EntityType.ARMED_FORCE:
        return None, None  # a party's or a company's "division" is no unit of a force
    own = named(ctx, noun)
    if own is not None and own.start <= ctx.unit.start + words[0].idx:
        return own, whole
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
        whole = named_body(ctx, doc[j - 1])
    if whole is None or whole.type not in BODIES:
        return None, None
    if named(ctx, noun) is not None:
        return None, None  # a name covers it: the possessive rule reads it
    return mention_from_span(words, ctx.unit, whole.type, "rule:organ-of"), whole


def _seated_organ(ctx, noun: Token) -> tuple[Mention | None, Mention | None]:
    """"the bloc's delegation to Zambia", "the Union's civilian observer
    mission in Latvia": a body's possessive, an organ noun that sits in a place
    (relations.yaml ``part_of.seated_organs``), "to"/"in" and a named place: the organ,
    minted as written from the owner to the place (typed as its owner), is its part."""
    doc = noun.doc
    j = noun.i - 1
    while j >= 0 and doc[j].pos_ in ("NOUN", "ADJ") and doc[j].is_lower and noun.i - j <= 3:
        j -= 1
    if j < 1 or doc[j].tag_ != "POS" or named(ctx, noun) is not None or \
            noun.i + 2 >= len(doc) or doc[noun.i + 1].lower_ not in ("to", "in"):
        return None, None
    whole = named(ctx, doc[j - 1])
    k = noun.i + 2 + (doc[noun.i + 2].lower_ == "the")
    place = named(ctx, doc[k]) if k < len(doc) else None
    if whole is None or whole.type not in BODIES or place is None or \
            not place.type.is_place or place.start != ctx.unit.start + doc[k].idx:
        return None, None
    first = ctx.char_span(whole.start, whole.end)
    last = ctx.char_span(place.start, place.end)
    if first is None or last is None or first.end != j:
        return None, None
    return mention_from_span(doc[first.start:last.end], ctx.unit, whole.type,
                             "rule:seated-organ"), whole


def _organ_of_named(ctx, noun: Token) -> tuple[Mention | None, Mention | None]:
    """"the internal affairs unit of the Border Police", "the foreign affairs committee
    of the Assembly": an organ described by lower-case words before its noun
    (relations.yaml ``part_of.described_organs``), then "of" and a named government body
    or force (not a company's or a hospital's department), is a part
    of that body; the organ is minted with the body's name ("... of the Border Police"),
    typed as its owner. A bare "the committee of X" says too little to be a body; "an
    elite unit of X" (an apposition) or "units of X" (some of its men) is none."""
    doc, j = noun.doc, noun.i - 1
    while j >= 0 and doc[j].pos_ in ("NOUN", "ADJ") and doc[j].is_lower and \
            noun.i - j <= 4:
        j -= 1
    if noun.i - j < 2 or j < 0 or doc[j].lower_ != "the" or named(ctx, noun) is not None or \
            any(ctx.cover.get(t.i) is not None for t in doc[j + 1:noun.i]):
        return None, None
    k = noun.i + 2
    if k >= len(doc) or doc[noun.i + 1].lower_ != "of":
        return None, None
    if doc[k].lower_ == "the" and k + 1 < len(doc):
        k += 1
    whole = named(ctx, doc[k])
    if whole is None or whole.type not in (EntityType.GOVERNMENT_BODY, EntityType.ARMED_FORCE) \
            or whole.start != ctx.unit.start + doc[k].idx:
        return None, None
    span = ctx.char_span(whole.start, whole.end)
    if span is None:
        return None, None
    return mention_from_span(doc[j + 1:span.end], ctx.unit, whole.type, "rule:organ-of"), whole


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
            whole = named_body(ctx, obj) if obj.dep_ == "pobj" else None
            if whole is not None and whole.start >= part.end:
                add(part, whole, tok, "partof/of-body")


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
                        return named_body(ctx, obj)
    return None


def _named_after_whole(ctx, add, spec) -> None:
    """"the Permanent Council of the Organization of American States", "UN Security
    Council": a body's name that holds the name of an organisation the text names."""
    known = {m.text.lower(): m.type for m in ctx.mentions
             if m.type in (EntityType.ORGANIZATION, EntityType.ARMED_FORCE,
                           EntityType.GOVERNMENT_BODY)
             and not m.source.startswith(("rule:event-role", "rule:body"))}
    heads = set(spec["body_heads"])
    prefix_heads = set(spec.get("prefix_heads", ()))
    whole_words = set(spec["whole_words"])
    # a body the statements or event roles named by its description: "the U.N. refugee
    # agency said" (only an organisation's acronym opening it says whose part it is)
    described = [m for m in ctx.created.values() if m.type in BODIES and " " in m.text
                 and not (ctx.headline and ctx.headline[0] <= m.start - ctx.unit.start
                          < ctx.headline[1])]  # a headline's words are clipped
    for outer in [*ctx.mentions, *described]:
        minted = outer.source.startswith("rule:")
        if outer.type not in BODIES or (minted and outer not in described) or \
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
        elif not minted and len(words) > 2 and _head_word(words[-1], prefix_heads):
            _body_prefix(ctx, outer, words, known, add)


def _body_prefix(ctx, outer: Mention, words: list[Token], known: dict, add) -> None:
    """"the National Assembly Budget Committee", "the House of Delegates Ethics
    Committee": a body's name that opens with the whole name of another body the text
    names on its own (two words or more), then the words of a unit ending in a body head,
    is a part of that body; so is a name that holds its owner's possessive ("the Saeima's
    Legal Affairs Committee" read as one name)."""
    if words[0].lower_ == "the":
        words = words[1:]
    text = words[0].doc.text
    for k in range(len(words) - 1, 1, -1):
        if words[k].lower_ in ("of", "and", "for", "on", "'") or (
                words[k].lower_ == "'s" and words[k].tag_ != "POS"):
            continue  # "Bank of ...": the prefix ends inside a longer phrase
        head = text[words[0].idx:words[k - 1].idx + len(words[k - 1])].lower()
        kind = known.get(head)
        if kind is None or head == outer.text.lower():
            continue
        inner = mention_from_span(words[0].doc[words[0].i:words[k - 1].i + 1], ctx.unit,
                                  kind, "rule:part-of-name")
        add(outer, inner, words[-1], "partof/body-prefix")
        return


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
