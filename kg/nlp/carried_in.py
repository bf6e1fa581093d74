"""Goods or people "flown in", "shipped in", "trucked in": the particle the parser reads as
a preposition.

The small model often takes the "in" of "flew in 12 tonnes of flour to X", "will fly in
blankets and water tanks", "flew in medical teams" for a preposition and the load for
its object, as if it were where the flight took place: the Movement then has the craft as
its theme and the load as a place, and the Aid no theme. After the parser, a verb of
conveying (event lexicon ``carried_in_verbs``) directly followed by "in" whose object is a
bare or counted noun phrase (no article or possessive, no name of a place or a time: "flew
in the morning", "flew in a helicopter", "flew in May" stay as they are) gets "in" as its
particle and that noun phrase as its direct object, with the list items the parser hung on
the verb made conjuncts of the object again.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

# what opens a phrase of place, time or manner after "in" ("in the morning", "in his
# plane", "in May"): not a load
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "his", "her",
                          "its", "their", "our", "my", "your", "which", "what", "whose",
                          "each", "every", "some", "any", "all", "both"})


def mend_carried_in(doc: Doc) -> None:
    """Make the load of "flew in N tonnes of X" the verb's object (module docstring)."""
    from kg.rules.loader import lexicon_words

    verbs = lexicon_words("carried_in_verbs")
    for v in doc:
        if v.tag_.startswith("VB") and v.lower_ in verbs and v.i + 2 < len(doc):
            _mend(doc, v, doc[v.i + 1], lexicon_words("carried_in_manners"))


def _mend(doc: Doc, v: Token, p: Token, manners: frozenset[str]) -> None:
    if p.lower_ != "in" or p.head != v or p.dep_ != "prep" or \
            any(c.dep_ == "dobj" for c in v.children):
        return
    load = next((c for c in p.children if c.dep_ == "pobj"), None)
    first = doc[p.i + 1]
    if load is None or first.lower_ in _DETERMINERS or first.tag_ in (
            "NNP", "NNPS", "PRP", "PRP$", "WDT") or not load.tag_.startswith("NN") or \
            load.tag_.startswith("NNP") or load.lower_ in manners or \
            load.lower_.removesuffix("s") in manners:
        return
    p.dep_ = "prt"
    load.head = v
    load.dep_ = "dobj"
    # "fly in blankets and water tanks": the items hung on the verb are the load's
    for c in list(v.children):
        if c.i > load.i and c.dep_ in ("conj", "cc") and (
                c.dep_ == "cc" or c.tag_.startswith("NN")) and \
                all(doc[i].dep_ in ("cc", "punct", "conj", "compound", "amod", "nummod")
                    or doc[i].head.i >= load.i for i in range(load.i + 1, c.i)):
            c.head = load
