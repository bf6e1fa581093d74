"""Causes of a protest told by a clause rather than a noun phrase (kg/extract/type_roles.py).

- A cause marker that opens a clause, not a noun phrase: "calling for the stolen funds to
  be returned", "demanding that the minister resign" (the clause is what is asked).
- An act noun whose to-infinitive the parser hangs on the verb instead of the noun:
  "protesting against the refusal of the chairman to table the motion" (the refusal is
  one to table it; lexicon.yaml ``infinitive_act_nouns``).
- A crowd's act told with what its actors said: "called a general strike for Friday,
  saying the measures would not protect wages" (what they said is why; lexicon.yaml
  ``cause_saying_verbs``).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import to_infinitive


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
