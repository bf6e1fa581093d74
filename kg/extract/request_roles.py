"""Who asks and who is asked, where the parse misleads the request reader (requests.py).

- a backshifted conjunct of a reported clause keeps the clause's own subject as the asker;
- "urged the mayors and county governors": two role nouns the parser joined as a
  modifier and its head are both asked, as written;
- "urged villagers along the coast", "magistrates across the province": people or bodies by role
  picked out by where they are are asked with that phrase.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import is_passive, np_tokens, subject_of, text_of


def joined_modifier(tok: Token) -> str:
    """"urged the mayors and county governors to ...": the parser may read the first
    of two plural role nouns as a modifier of the second, the "and" inside it; the text of
    both (without the article), or "" when the noun has no such modifier."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NNS":
        return ""
    for c in tok.children:
        if c.dep_ in ("nmod", "compound") and c.tag_ == "NNS" and c.i < tok.i and any(
                x.dep_ == "cc" for x in c.children) and any(
                x.dep_ == "conj" and x.i < tok.i for x in c.children):
            return text_of([x for x in tok.doc[c.i:tok.i + 1]])
    return ""


_PLACING = {"across", "near", "along", "in", "throughout", "around", "on", "at", "inside",
            "outside", "beyond", "within"}


# ("in", "on", "at" only before a place: "supporters in a video message" are no place)
_AREAS = {"country", "city", "town", "region", "area", "district", "province", "state",
          "capital", "village", "county", "island", "coast", "border", "north", "south",
          "east", "west", "valley", "delta"}


def _placing(prep: Token, obj: Token) -> bool:
    return prep.lower_ not in ("in", "on", "at") or obj.ent_type_ in ("GPE", "LOC", "FAC") \
        or obj.lemma_.lower() in _AREAS


def placed_people(tok: Token, drop: set[str]) -> str:
    """"urged villagers along the coast to move inland", "urged magistrates across the
    province to keep sitting": people or bodies by role (a plural common noun, no article) picked
    out by where they are; the phrase is part of who is asked. "" otherwise."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NNS" or any(
            c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.children):
        return ""
    if any(c.dep_ == "prep" and c.lower_ in _PLACING and c.i > tok.i and any(
            o.dep_ == "pobj" and _placing(c, o) for o in c.children) for c in tok.children):
        return text_of(np_tokens(tok, drop=drop | {"conj", "cc"}))
    # (the parser may hang the phrase right after the object on the verb: only the
    # prepositions that cannot tell when or how)
    hung = next((c for c in tok.head.children if c.dep_ == "prep" and c.i == tok.i + 1 and
                 c.lower_ in _PLACING - {"in", "on", "at"} and any(
                     o.dep_ == "pobj" and not o.ent_type_ for o in c.children)), None) \
        if tok.dep_ == "dobj" else None
    if hung is None:
        return ""
    return text_of([*np_tokens(tok, drop=drop | {"conj", "cc"}), *np_tokens(hung)])


def continued_report(verb: Token, ctx) -> bool:
    """"X said the minister had met them and had asked the police to ...", "said the union
    had met and would ask the board to ...": a conjunct of a reported clause with a
    backshifted perfect or modal of its own, as the clause it is joined to, goes on
    reporting; the reported clause's subject asks, not the teller (requests.py
    _reported_conjunct hands the other conjuncts to the teller)."""
    return verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and \
        verb.head.head.lemma_.lower() in ctx.rules.statements["cues"]["verbs"] and \
        _backshifted(verb) and _backshifted(verb.head) and not is_passive(verb.head) and \
        not _own_side(subject_of(verb.head))


def _own_side(subj: Token | None) -> bool:
    """"she said her party would ... and would ask X": the teller's own side, whom the
    teller speaks for (the teller asks); also no subject at all."""
    return subj is None or subj.pos_ == "PRON" or any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in subj.children)


_BACKSHIFT = {"had", "'d", "would", "could", "might", "should"}


def _backshifted(verb: Token) -> bool:
    """A verb of reported speech put back a tense by its own auxiliary ("had asked",
    "would ask")."""
    return any(c.dep_ == "aux" and c.lower_ in _BACKSHIFT for c in verb.children)


def widen_addressees(facts: list, ctx, drop: set[str]) -> None:
    """The one asked or ordered, read by the shared role reader as the object's head alone
    ("ordered schools in the northern region to close": "schools"), widened as above when
    the verb's object is such a group; a named addressee stays."""
    for fact in facts:
        if fact.kind not in ("Request", "Order") or fact.trigger is None:
            continue
        who = fact.roles.get("addressee") or []
        if len(who) != 1 or not (isinstance(who[0], str) or who[0].source.startswith("rule:")):
            continue
        span = ctx.char_span(fact.trigger.start, fact.trigger.end)
        verb = span.root if span is not None and len(span) else None
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None) \
            if verb is not None and verb.pos_ == "VERB" else None
        if obj is None:
            continue
        wide = joined_modifier(obj) or placed_people(obj, drop)
        said = who[0] if isinstance(who[0], str) else who[0].text
        if wide and said in wide and said != wide:
            fact.roles["addressee"] = [wide]
