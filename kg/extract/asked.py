"""What a request asks for, read on the parse (kg/extract/requests.py reads who asks
whom): the noun asked for with what it is for and a deadline the verb states, everything
a for-phrase asks for, and an infinitive the parser hung on a with-phrase."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import from_phrases, np_tokens, prep_objects, text_of


def hung_infinitive(verb: Token, obj: Token) -> tuple[Token | None, Token | None]:
    """"urged anyone with information on X to call a hotline": the parser hangs the
    infinitive of what is asked on the last noun of a with-phrase describing the one asked
    (attached to the object or to the verb); the infinitive is still what is asked, the
    with-phrase part of who is asked. Returns (infinitive, with-phrase)."""
    for p in [c for c in (*obj.children, *verb.children)
              if c.dep_ == "prep" and c.lower_ == "with" and c.i > obj.i]:
        for t in p.subtree:
            if t.dep_ in ("acl", "relcl") and t.pos_ == "VERB" and t.i > p.i and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in t.children):
                return t, p
    return None, None


def asked_for(verb: Token) -> str:
    """What a for-phrase asks for, all of it: a list of things ("asked X for boats, aircraft
    and engineers"), a second for-phrase ("for a helicopter and for engineers to inspect
    the harbours", which the parser may read as a for-to clause), and the infinitive of
    what they are for right after them ("for funds to cover the cost", "for boats to help
    reach families"). "" when the verb has no for-phrase."""
    fors = [o for _p, o in prep_objects(verb, {"for"})]
    if not fors:
        return ""
    parts = []
    for o in fors:  # ("for funds to cover the cost": the infinitive on the noun)
        said = [x for c in o.children if c.dep_ in ("relcl", "acl") and c.i > o.i and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for x in c.subtree]
        parts.append(" ".join(filter(None, [asked_text(verb, o, conjuncts=True),
                                            text_of([x for x in said if not x.is_punct])])))
    end = max(x.i for o in fors for x in o.subtree)
    doc = verb.doc
    for c in verb.children:  # "for helicopters, temporary bridges and pumps": the parser
        # makes the rest of the list a second object
        if c.dep_ == "dobj" and c.left_edge.i > end and doc[c.left_edge.i - 1].text == ",":
            parts.append(asked_text(verb, c, conjuncts=True))
            end = max(x.i for x in c.subtree)
    for c in verb.children:
        if c.dep_ != "advcl" or c.i < end or not any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            continue
        clause = sorted(c.subtree, key=lambda x: x.i)
        if any(m.dep_ == "mark" and m.lower_ == "for" and m.head == c for m in clause) and \
                clause[0].i in (end + 2, end + 3):  # "and for engineers to inspect X"
            parts.append(text_of([x for x in clause if not x.is_punct and not (
                x.head == c and x.dep_ == "mark")]))
            end = clause[-1].i
        elif clause[0].i == end + 1:  # "for boats to help reach families"
            parts[-1] += " " + text_of([x for x in clause if not x.is_punct])
            end = clause[-1].i
    return " and ".join(parts)


def asked_text(verb: Token, obj: Token, *, conjuncts: bool = False) -> str:
    """What is asked for, with what it is for and a deadline the verb states: "asked for
    help restoring order", "demanded a vote by the end of the year"."""
    # (the noun's own conjuncts are left out, not those inside its phrases: "help in
    # detecting and bringing down drones"; a for-phrase keeps its list of nouns)
    own = {x.i for c in obj.children if c.dep_ in ("conj", "cc") and not (
        conjuncts and (c.dep_ == "cc" or c.pos_ in ("NOUN", "PROPN"))) for x in c.subtree}
    # ("assistance from Latvia": the one asked, not what is asked)
    own |= {x.i for c in from_phrases(obj, False) for x in c.subtree}
    text = text_of([x for x in np_tokens(obj, drop={"relcl", "advcl", "parataxis", "appos"},
                                         skip=own)
                    if not (x.head == obj and (x.dep_ == "det" or x.tag_ == "PRP$"))])
    for prep, o in prep_objects(verb, {"by", "before", "within", "until"}):
        if o.ent_type_ in ("DATE", "TIME") or any(t.ent_type_ == "DATE" for t in o.subtree):
            text += f" {prep} " + text_of(list(o.subtree))
    return text
