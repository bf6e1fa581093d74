"""Who sent what arrives: the agent of a movement told after its sending.

News tells an arrival after the sending, in one sentence: "three planes sent by X landed
at Y airport" (a participle with its doer on the mover), "X has sent six pumps, which
arrived in Y on Tuesday" or "X and Z flew in rescue teams, which landed at Y" (a
relative clause on the object of the sending verb). The one who sent the craft, goods or
people moved them: the sender is the Movement's agent (type extra ``sent_agent``, verbs of
lexicon.yaml ``sending_verbs``).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import RELATIVE_PRONOUNS, antecedent, subject_of


def _with_conjuncts(tok: Token) -> list[Token]:
    return [tok, *tok.conjuncts]


def senders(trigger: Token, sending: set[str]) -> list[Token]:
    """The tokens that name who sent the mover of ``trigger`` (none when not told)."""
    subj = next((c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return []
    if subj.lemma_.lower() in RELATIVE_PRONOUNS and trigger.dep_ == "relcl":
        # "X has sent six pumps, which arrived in Y": the sending verb's subject
        sent = antecedent(trigger.head)  # ("a team of engineers, who arrived")
        verb = sent.head if sent.dep_ == "dobj" else None
        if verb is None or verb.lemma_.lower() not in sending:
            return []
        who = subject_of(verb)
        return _with_conjuncts(who) if who is not None else []
    for acl in subj.children:  # "three planes sent by X landed at Y"
        if acl.dep_ == "acl" and acl.tag_ == "VBN" and acl.lemma_.lower() in sending:
            for by in acl.children:
                if by.dep_ == "agent":
                    return [x for o in by.children if o.dep_ == "pobj"
                            for x in _with_conjuncts(o)]
    return []
