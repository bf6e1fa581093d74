"""What a pronoun subject stands for when deciding whether a natural hazard, not an
actor, strikes or moves (kg/extract/role_fillers.py ``_not_agent``)."""

from __future__ import annotations

from spacy.tokens import Token


def hazard_antecedent(tok: Token, cue_verbs: set[str]) -> Token:
    """What a subject pronoun stands for, read only to tell a hazard from an actor: the
    noun a relative pronoun's clause hangs on ("tsunami waves, which struck X"), or for
    "it" the nearest earlier subject noun of its sentence that is no reporter ("the storm
    crossed the coast, X said, before weakening as it moved inland"); any other word is
    itself."""
    low = tok.lower_
    if low in ("which", "that") and tok.head.dep_ == "relcl":
        return tok.head.head
    if low == "it":
        for x in reversed(list(tok.sent)[:tok.i - tok.sent.start]):
            if x.dep_ in ("nsubj", "nsubjpass") and x.pos_ in ("NOUN", "PROPN") and \
                    x.head.lemma_.lower() not in cue_verbs:
                return x
    return tok
