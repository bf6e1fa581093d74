"""Who would do what a plan noun's infinitive names (read by kg/extract/arguments.py).

"X had no plans to close the border", "X announced plans to send troops", "X's plan to
withdraw": the infinitive hangs on the noun, so the parser gives it no subject; the one
who has, announces or owns the plan is its doer (lexicon ``plan_nouns``: the nouns;
``plan_verbs``: the verbs by which one has, makes known or drops a plan of one's own;
"welcomed the plan to X" is someone else's plan and names no doer).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import subject_of, to_infinitive


def planner(t: Token, nouns: set[str], verbs: set[str]) -> Token | None:
    """The one whose plan the infinitive ``t`` carries out, or None."""
    noun = t.head
    if t.dep_ != "acl" or noun.pos_ != "NOUN" or noun.lemma_.lower() not in nouns or \
            not to_infinitive(t):
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    verb = noun.head
    if noun.dep_ == "dobj" and verb.pos_ in ("VERB", "AUX") and \
            verb.lemma_.lower() in verbs:
        return subject_of(verb)
    return None
