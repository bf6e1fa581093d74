"""Causes of a protest found outside its own cause marker's noun phrase
(kg/extract/type_roles.py reads the marker; these are its other sources).

- A cause marker that opens a clause, not a noun phrase: "calling for the stolen funds to
  be returned", "demanding that the minister resign" (the clause is what is asked).
- An act noun whose to-infinitive the parser hangs on the verb instead of the noun:
  "marching over the chairman's refusal to table the motion" (the refusal is
  one to table it; lexicon.yaml ``infinitive_act_nouns``).
- A crowd's act told with what its actors said: "announced a stoppage for Friday,
  saying the new levies left pensions behind" (what they said is why; lexicon.yaml
  ``cause_saying_verbs``).
- An event after "after"/"following" on the protest's own clause (``cause_after``), and a
  crowd of supporters protesting in support of whom they support (``supported_cause``).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import np_tokens, prep_objects, subject_of, text_of, to_infinitive


def marker_clause(last: Token) -> list[Token]:
    """The clause a cause marker's last word opens when it takes no noun: "for" marking
    "the funds to be returned", "demanding" with a that-clause. Its words after the
    marker, without the opening "that"."""
    clause = None
    if last.dep_ == "mark" and last.head.i > last.i and last.head.pos_ in ("VERB", "AUX"):
        clause = last.head
    else:
        clause = next((c for c in last.children if c.dep_ == "ccomp" and c.i > last.i), None)
    if clause is None:
        return []
    return [x for x in clause.subtree if x.i > last.i and
            not (x.dep_ == "mark" and x.head == clause)]


def act_infinitive(obj: Token, toks: list[Token], nouns: set[str]) -> list[Token]:
    """The to-infinitive right after the noun phrase of an act noun (``nouns``) that the
    parser hung on the clause above: the words to add to the cause."""
    if obj.lemma_.lower() not in nouns or not toks:
        return []
    end = toks[-1].i + 1
    doc = obj.doc
    if end + 1 >= len(doc) or doc[end].lower_ != "to":
        return []
    verb = doc[end].head
    if verb.pos_ != "VERB" or not to_infinitive(verb) or verb.dep_ not in ("advcl", "xcomp") \
            or verb.i in {t.i for t in toks}:
        return []
    return [x for x in verb.subtree if x.i >= end]


def said_cause(t: Token, verbs: set[str]) -> list[Token]:
    """"called a strike, saying the cuts would hurt wages": the clause said by the
    participle on the trigger's own clause (or on the verb whose object it is)."""
    heads = [t] if t.pos_ == "VERB" else [t.head] if t.dep_ in ("dobj", "nsubj") else []
    for h in heads:
        for c in h.children:
            if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > t.i and \
                    c.lemma_.lower() in verbs:
                said = next((x for x in c.children if x.dep_ == "ccomp"), None)
                if said is not None:
                    return [x for x in said.subtree
                            if not (x.dep_ == "mark" and x.head == said)]
    return []


def cause_after(t: Token, lists: dict) -> str | None:
    """"protests erupted after the disputed election", "riots following the verdict":
    "after"/"following" on the protest's own clause with an event, not a time
    (lexicon.yaml ``cause_after``, ``cause_after_not``)."""
    words = set(lists.get("cause_after", ()))
    times = set(lists.get("cause_after_not", ()))
    heads = {t, t.head} if t.pos_ == "NOUN" else {t}
    for h in heads:
        for prep in h.children:
            if prep.dep_ != "prep" or prep.lower_ not in words or prep.i < t.i:
                continue
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is None or obj.pos_ != "NOUN" or obj.ent_type_ in ("DATE", "TIME") or \
                    obj.lower_ in times or obj.lemma_.lower() in times:
                continue
            toks = [x for x in np_tokens(obj) if not (x.dep_ == "det" and x.head == obj)
                    and not (x.dep_ == "poss" and x.ent_type_ in ("DATE", "TIME"))
                    and x.tag_ != "POS"]
            toks = [x for x in toks if x.ent_type_ not in ("DATE", "TIME")] or toks
            return text_of(toks)
    return None

def supported_cause(t: Token, lists: dict) -> str | None:
    """"supporters of the council poured into the square", "Banda's supporters rallied": a
    crowd of supporters protests in support of whom they support."""
    nouns = set(lists.get("supporter_nouns", ()))
    verb = t if t.pos_ in ("VERB", "AUX") else t.head
    subj = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    if subj is None:
        return None
    for x in subj.subtree:
        if x.lemma_.lower() not in nouns or x.pos_ != "NOUN":
            continue
        whom = [o for _p, o in prep_objects(x, {"of"})] + \
            [c for c in x.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
        if whom:
            toks = [w for w in np_tokens(whom[0]) if w.tag_ != "POS"]
            return "support for " + text_of(toks)
    return None
