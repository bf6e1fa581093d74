"""Positions that titles before names state: "Interior Minister David Omondi" (split from
kg/extract/positions.py, which keeps the vocabulary and the owners found once the whole
document is read; the module docstring there describes the rules).

The title is the run of words before the name that ends in an office noun; its owner is
what comes before the title (a named body or place, a demonym before a national office, a
possessive, a body noun inside it) or, for "TITLE of COUNTRY NAME" ("President of Zambia
Joseph Banda"), the country the title names.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.entity_rules import entity_rules
from kg.extract.office_links import reporting_body
from kg.extract.positions import NATIONAL_RULE, _Words, general_title, position_words
from kg.extract.spans import HEADLINE, mention_from_span, sentence_of
from kg.records import EntityType, Fact, Mention, Unit
from kg.resolve.places import gazetteer


def _rank(tok: Token, w: _Words) -> bool:
    low = tok.lower_.rstrip(".")
    return low in w.ranks or (len(tok.text) <= 2 and tok.text[:1].isupper()
                              and tok.text.endswith("."))  # an initial


def _head(tok: Token, w: _Words) -> bool:
    return tok.lemma_.lower() in w.heads or tok.lower_ in w.heads or general_title(tok, w) \
        or _bench(tok, w)


def _bench(tok: Token, w: _Words) -> bool:
    """"Justice X", "Chief Justice Y", "the bench of Justice Z": a judge's title,
    capitalised, unless a capitalised office links to it ("Minister of Justice X" is a
    minister's)."""
    doc, i = tok.doc, tok.i
    return tok.lower_ in w.bench and tok.is_title and not (
        i > 1 and doc[i - 1].lower_ in ("of", "for") and doc[i - 2].is_title)


def _text(tokens: list[Token]) -> str:
    out = ""
    for n, t in enumerate(tokens):
        out += t.text + (t.whitespace_ if n + 1 < len(tokens) else "")
    return out.strip()

_MAX_TITLE = 7  # words of a title before a name
_STOP_POS = {"DET", "PRON", "VERB", "AUX", "NUM", "PUNCT", "SCONJ", "CCONJ", "ADP", "PART"}


def title_positions(doc: Doc, unit: Unit, mentions: list[Mention], *,
                    earlier: list[Mention] = ()) -> list[Fact]:
    """Position facts from a title before a name: 'White House spokeswoman Jane Doe'.

    ``mentions`` are the unit's; ``earlier`` the document's before it (an owner named by a
    body noun, "police spokesman X", may be the police an earlier update named)."""
    w = position_words()
    rules = entity_rules()
    cover: dict[int, Mention] = {}
    for m in sorted(mentions, key=lambda m: m.end - m.start):
        if m.unit != unit.index:
            continue
        span = doc.char_span(m.start - unit.start, m.end - unit.start, alignment_mode="expand")
        if span is not None:
            for t in span:
                cover[t.i] = m  # longest wins
    known = [*earlier, *mentions]
    elsewhere = {m.text: m.type for m in known if m.type is not EntityType.PERSON
                 and " " not in m.text and (not m.source.startswith("rule:")
                                            or m.source.startswith("rule:acronym"))}
    # names of several words ("Dhi Qar Governor X"): any place or body the document names
    elsewhere.update({m.text: m.type for m in known if " " in m.text and m.type in _OWNERS
                      and not m.source.endswith(HEADLINE)})
    facts: list[Fact] = []
    for person in mentions:
        if person.type is not EntityType.PERSON or person.unit != unit.index \
                or person.source.endswith(HEADLINE):
            continue  # a headline guess may be dropped by the resolver
        span = doc.char_span(person.start - unit.start, person.end - unit.start,
                             alignment_mode="expand")
        if span is None:
            continue
        found = _title_before(doc, unit, span.start, w, cover, elsewhere, rules)
        if found is None:
            counterpart = _counterpart(doc, unit, span.start, facts, person, rules, w)
            if counterpart is not None:
                facts.append(counterpart)
            continue
        titles = [found]
        first = _conjoined_title(doc, unit, found[0], w, cover, elsewhere, rules)
        if first is not None:  # "Deputy Prime Minister and Foreign Minister X": both
            titles.append(first)
        for role_toks, owner in titles:
            head = next(t for t in reversed(role_toks) if _head(t, w))
            roles: dict = {"holder": [person], "role": [_text(role_toks)]}
            rule = "position:title-name"
            national = _national(role_toks, head, w, rules)
            if owner is not None and owner.source == "rule:demonym" and not national:
                owner = None  # "Kenyan police chief": the nationality, not the owner
            if owner is None and not national:  # "Government Minister": no owner
                owner = reporting_body(role_toks, head, cover, w.spokespeople) or \
                    _body_owner(doc, unit, role_toks, [*earlier, *mentions], w)
            elif owner is None and _body_word(role_toks, head):
                # "association president X", "party president Y": the body named before
                owner = _body_owner(doc, unit, role_toks, [*earlier, *mentions], w)
            if owner is not None:
                roles["organization"] = [owner]
            elif national:
                rule = NATIONAL_RULE  # the country is found once the document is read
            facts.append(Fact(kind="Position", category="relation", roles=roles,
                              unit=unit.index, sentence=person.sentence, rule=rule,
                              confidence=0.9 if owner is not None else 0.7))
    return facts


def _body_word(role: list[Token], head: Token) -> bool:
    """A national office noun after a lower-case body noun ("association president",
    "union president"): an office of that body, not of the country ("government" is left
    to the country: kg/extract/positions.py)."""
    return len(role) == 2 and role[1] is head and role[0].is_lower and \
        role[0].pos_ in ("NOUN", "PROPN") and role[0].lower_ != "government"


_OWNING = {EntityType.GOVERNMENT_BODY, EntityType.ARMED_FORCE, EntityType.ORGANIZATION,
           EntityType.COUNTRY, EntityType.REGION, EntityType.CITY}


def _conjoined_title(doc: Doc, unit: Unit, role: list[Token], w: _Words,
                     cover: dict[int, Mention], elsewhere: dict[str, EntityType], rules
                     ) -> tuple[list[Token], Mention | None] | None:
    """The first of two titles joined by "and" before one name: "Deputy Prime Minister and
    Foreign Minister X" ("Deputy Prime Minister"); "Deputy Chairman of the Cabinet of
    Ministers and Foreign Minister X" ("Deputy Chairman of the Cabinet of Ministers", owned
    by the body it names). A name before the "and" ("Ana Lopes and Interior Minister X")
    is another person, no title."""
    j = role[0].i - 1
    if j < 2 or doc[j].lower_ != "and":
        return None
    if j - 1 not in cover:
        return _title_before(doc, unit, j, w, cover, elsewhere, rules) \
            if _head(doc[j - 1], w) else None
    body = cover[j - 1]
    if body.type not in _OWNING:
        return None
    k = j - 1
    while k > 0 and cover.get(k - 1) is body:
        k -= 1
    of = k - 1 if doc[k - 1].lower_ != "the" else k - 2
    if of < 1 or doc[of].lower_ != "of" or not _head(doc[of - 1], w):
        return None
    found = _title_before(doc, unit, of, w, cover, elsewhere, rules)
    if found is None:
        return None
    first, owner = found
    return [*first, *doc[of:j]], owner or body


def _counterpart(doc: Doc, unit: Unit, name_start: int, facts: list[Fact],
                 person: Mention, rules, w: _Words) -> Fact | None:
    """"Foreign Minister A and her Kenyan counterpart B": B holds the same national office
    in the country the demonym names (the office of the last titled person before B in
    the sentence)."""
    if name_start < 2 or doc[name_start - 1].lower_ not in ("counterpart", "counterparts"):
        return None
    demonym = doc[name_start - 2]
    if not rules.demonym_country(demonym.text):
        return None
    before = [f for f in facts if f.sentence == person.sentence
              and f.roles["holder"][0].end <= person.start]
    if not before:
        return None
    role = before[-1].roles["role"][0]
    words = role.lower().split()
    if not words or not (words[-1] in w.national or " ".join(words[-2:]) in w.national):
        return None
    owner = mention_from_span(doc[demonym.i:demonym.i + 1], unit, EntityType.COUNTRY,
                              "rule:demonym")
    return Fact(kind="Position", category="relation",
                roles={"holder": [person], "role": [role], "organization": [owner]},
                unit=unit.index, sentence=person.sentence, rule="position:counterpart",
                confidence=0.8)


def _title_before(doc: Doc, unit: Unit, name_start: int, w: _Words,
                  cover: dict[int, Mention], elsewhere: dict[str, EntityType],
                  rules) -> tuple[list[Token], Mention | None] | None:
    """(the title's words, the owner named before them) of the name at ``name_start``."""
    i = name_start - 1
    sent_start = doc[name_start].sent.start
    while i >= sent_start and _rank(doc[i], w) and i not in cover and not \
            general_title(doc[i], w):
        i -= 1  # "Army chief General X", "Police spokesman Senior Superintendent X"
    if i >= sent_start and i in cover:
        return _title_of_place(doc, unit, i, w, cover, elsewhere, rules)
    if i < sent_start:
        return None
    tail: list[Token] = []
    if not _head(doc[i], w):
        # "State Minister for Posts and Telecommunications X": the office noun before a
        # linking word, the rest of the title after it
        k = i
        while k > sent_start and i - k < 10 and (doc[k].is_title or doc[k].lower_ in w.links
                                                  or (doc[k].lower_ == "the" and k < i)) \
                and k not in cover:  # "Minister of the Interior X"
            if doc[k].lower_ in w.links and _head(doc[k - 1], w) and doc[i].is_title:
                tail = list(doc[k:i + 1])
                i = k - 1
                break
            k -= 1
        else:
            return None
        if not tail:
            return None
    role = [doc[i]]
    owner: Mention | None = None
    portfolio = False  # the title holds a portfolio the model read as a body
    j = i - 1
    while j >= sent_start and len(role) < _MAX_TITLE:
        t = doc[j]
        if j in cover and cover[j].type is not EntityType.PERSON:
            if _portfolio(cover[j].text, w) or _named_portfolio(cover[j], role, w):
                # "Oil and Gas Minister X", "Home Affairs Minister X": the title's words
                k = j
                while k >= sent_start and cover.get(k) is cover[j]:
                    k -= 1
                role[:0] = list(doc[k + 1:j + 1])
                portfolio = True
                j = k
                continue
            owner = cover[j]
            break  # a person "named" inside a title ("Bangladeshi Home") is the model's slip
        named = elsewhere.get(t.text) if t.pos_ == "PROPN" or t.is_upper else None
        if named is not None:  # "Mercosur spokesman X": a name the unit uses elsewhere
            owner = mention_from_span(doc[j:j + 1], unit, named, "rule:title-owner")
            break
        if t.tag_ == "POS":  # "Kosovo's Interior Minister X"
            # a person's office is theirs ("the candidate's campaign coordinator, X"), and
            # "Vienotiba's president, X" is the group's, whatever type the model gave it
            owner = cover.get(j - 1)
            break
        if rules.demonym_country(t.text):
            owner = mention_from_span(doc[j:j + 1], unit, EntityType.COUNTRY, "rule:demonym")
            break
        if t.is_upper and t.is_alpha and 2 <= len(t.text) <= 8 and t.i + 1 < len(doc) and \
                doc[t.i + 1].is_lower and gazetteer().country(t.text) is None:
            # "ARN secretary general X": an acronym before a lower-case title is its body's
            # (linked to the body's full name where the text defines it)
            owner = mention_from_span(doc[j:j + 1], unit, EntityType.ORGANIZATION,
                                      "rule:title-owner")
            break
        if t.lower_ == "its" and t.dep_ == "poss":  # "the RSF ... its political adviser X"
            from kg.extract.appositions import its_antecedent_in

            owner = its_antecedent_in(doc, unit, t, cover)
            break
        if t.text == ")" and j - 3 >= sent_start and doc[j - 2].text == "(" and \
                doc[j - 1].is_upper and (m := cover.get(j - 3)) is not None and \
                m.type is not EntityType.PERSON:
            owner = m  # "House of Representatives (DPR) Speaker X": the body before the bracket
            break
        if t.text in ("-", "‐") and j > sent_start and not t.whitespace_ and \
                not doc[j - 1].whitespace_ and doc[j - 1].is_alpha:
            role.insert(0, t)  # "Secretary-General": a title the tokenizer split
            j -= 1
            continue
        if t.lower_ == "and" and j - 1 >= sent_start and doc[j - 1].is_title and \
                role[0].is_title and not _head(role[0], w) and (
                    j - 1 not in cover or _portfolio(cover[j - 1].text, w)) and (
                    j - 1 == sent_start or not doc[j - 2].is_title):
            # "Oil and Gas Minister X": a portfolio of two subjects (one word before "and":
            # "Ana Lopes and Interior Minister X" is two people)
            role.insert(0, t)
            j -= 1
            continue
        if (t.pos_ in _STOP_POS and not (t.pos_ == "VERB" and t.dep_ == "amod")) or \
                t.is_punct or not t.is_alpha:
            break
        role.insert(0, t)
        if t.is_sent_start:
            break
        j -= 1
    if owner is None and len(role) > 1 and not portfolio:
        # "Dhi Qar Governor X": a name before the title
        owner, role = _named_owner(doc, unit, role, elsewhere, w)
    if any(t.lower_ in w.former for t in role) or any(
            doc[k].lower_.rstrip("-") in w.former for k in range(max(sent_start, j - 1), j + 1)):
        return None  # "former army chief X": no office now
    return role + tail, owner


def _title_of_place(doc: Doc, unit: Unit, i: int, w: _Words, cover: dict[int, Mention],
                    elsewhere: dict[str, EntityType], rules
                    ) -> tuple[list[Token], Mention | None] | None:
    """"President of Zambia Joseph Banda": a title, "of" and the place it names right
    before the name; the place owns the office. ("Russian Ambassador to Benin X" is left
    alone: its demonym owner, counted as a mention of its country, tipped a dev text's
    home country and lost its national bodies.)"""
    place = cover[i]
    k = i
    while k > 0 and cover.get(k - 1) is place:
        k -= 1
    if k < 2 or doc[k - 1].lower_ != "of" or doc[k - 1].is_sent_start \
            or not _head(doc[k - 2], w):
        return None
    if place.type not in (EntityType.COUNTRY, EntityType.REGION, EntityType.CITY):
        return None
    found = _title_before(doc, unit, k - 1, w, cover, elsewhere, rules)
    if found is None:
        return None
    role, owner = found
    return role, owner or place


def _portfolio(name: str, w: _Words) -> bool:
    """A portfolio the model read as a body's name: "Petroleum and Mineral Resources",
    "Posts and Telecommunications" (two subjects joined by "and", no word of a body's
    name, not an acronym): part of the title before a name, not its owner."""
    words = name.lower().split()
    return "and" in words[1:-1] and not name.isupper() and not set(words) & w.body_words


def _named_portfolio(m: Mention, role: list[Token], w: _Words) -> bool:
    """"Home Affairs Minister X", "National Security Minister X": two or three capitalised
    words ending in a portfolio noun, right before a minister's (secretary's,
    commissioner's) title, that the model read as a body. No word of a body's name, no
    place, no acronym: the subject the minister holds, part of the title."""
    words = m.text.split()
    if not 2 <= len(words) <= 3 or not all(t.isalpha() and t.istitle() for t in words):
        return False
    if role[-1].lower_ not in w.portfolio_titles or words[-1].lower() not in w.portfolio_nouns:
        return False
    if m.type not in (EntityType.ORGANIZATION, EntityType.GOVERNMENT_BODY):
        return False
    return not {t.lower() for t in words} & w.body_words and gazetteer().country(words[0]) is None


_OWNERS = {EntityType.CITY, EntityType.REGION, EntityType.COUNTRY, EntityType.PLACE,
           EntityType.ORGANIZATION, EntityType.GOVERNMENT_BODY, EntityType.ARMED_FORCE,
           EntityType.GROUP}


def _named_owner(doc: Doc, unit: Unit, role: list[Token], names: dict[str, EntityType],
                 w: _Words) -> tuple[Mention | None, list[Token]]:
    """The longest run of proper nouns opening a title that the document names as a place
    or body owns the office: "Dhi Qar Governor X", "Red Crescent chairman Y"."""
    k = 0
    while k < len(role) - 1 and role[k].pos_ == "PROPN" and not _head(role[k], w):
        k += 1
    local = role[-1].lower_ in w.local or role[-1].lemma_.lower() in w.local
    national = role[-1].lower_ in w.national or role[-1].lemma_.lower() in w.national
    for n in range(k, 0, -1):
        etype = names.get(_text(role[:n])) if n > 1 else None
        if etype is None and national and gazetteer().country(_text(role[:n])) is not None:
            etype = EntityType.COUNTRY  # "Latvia Prime Minister X": that country's
        if etype is None and local:  # "Cagayan Governor X": a local office's place
            etype = _place_of_office(_text(role[:n]), role[-1].lower_)
        if etype is not None:
            span = doc[role[0].i:role[n - 1].i + 1]
            return mention_from_span(span, unit, etype, "rule:title-owner"), role[n:]
    return None, role


def _place_of_office(name: str, office: str) -> EntityType | None:
    """Region or City when the gazetteer knows ``name``: a mayor's a city first, a
    governor's a region first ("Surin governor": the province)."""
    gaz = gazetteer()
    region, city = bool(gaz.regions_named(name)), bool(gaz.city_candidates(name))
    if office == "mayor" and city:
        return EntityType.CITY
    return EntityType.REGION if region else EntityType.CITY if city else None


def _national(role: list[Token], head: Token, w: _Words, rules) -> bool:
    """An office of a country: its head noun ("President", "Minister"), or a title the entity
    rules list as a country's ("State Secretary") that the role ends in."""
    if head.lower_ in w.national or head.lemma_.lower() in w.national:
        return True
    words = [t.lower_ for t in role]
    return any(rules.titles.get(" ".join(words[k:])) == "country" for k in range(len(words)))


def _body_owner(doc: Doc, unit: Unit, role: list[Token], mentions: list[Mention],
                w: _Words) -> Mention | None:
    """"police spokesman", "ministry spokeswoman": the body noun inside the title owns the
    office, when it points back to a named body of that kind (else the owner is unsaid)."""
    from kg.extract.speakers import described

    for t in role[:-1]:
        lemma = t.lemma_.lower()
        etype = w.body_heads.get(lemma)
        if (etype is None or etype == "Person") and lemma not in w.descriptions:
            continue
        at = unit.start + t.idx
        return described(mentions, lemma, at, sentence_of(doc[t.i:t.i + 1], unit))
    return None

