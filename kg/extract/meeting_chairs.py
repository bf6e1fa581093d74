"""Who chairs a meeting, and which body a convener calls together (read by
kg/extract/type_roles.py, Meeting).

The chair of a sitting holds it: "the Council, chaired by X, held a meeting", "the Council
met ..., chaired by X", "the Council, meeting ... under the chairmanship of X, adopted ...",
"held a meeting ... under his chairmanship", "a meeting chaired by X was held". The chair
is named by the by-phrase of a chairing participle (lexicon ``meeting_chairs``) hung on the
meeting's trigger, on the verb of its clause or on that verb's subject (the body that
sits), or by the owner of a chairing noun (``meeting_chair_nouns``) after "under" in that
clause. Only candidate tokens are found here; who they name is the role reader's to say.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import prep_objects, subject_of, text_of


def clause_verb(t: Token) -> Token | None:
    """The verb whose clause a meeting trigger belongs to: the trigger itself when it is a
    verb ("met", "meeting on Friday"), else the verb of which it is the subject or object
    ("held a meeting", "a meeting ... was held") or whose prepositional phrase it is ("At a
    meeting ..., the cabinet approved")."""
    if t.pos_ in ("VERB", "AUX"):
        return t
    if t.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and t.head.pos_ in ("VERB", "AUX"):
        return t.head
    if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.pos_ in ("VERB", "AUX"):
        return t.head.head
    return None


def chair_candidates(t: Token, verbs: set[str], nouns: set[str]) -> list[Token]:
    """Tokens that may name who chairs the meeting of trigger ``t``, nearest first."""
    verb = clause_verb(t)
    anchors = [t]
    if verb is not None:
        if verb is not t:
            anchors.append(verb)
        subj = subject_of(verb)
        if subj is not None:
            anchors.append(subj)
    out: list[Token] = []
    for a in anchors:
        for c in a.children:
            if c.dep_ in ("acl", "advcl") and c.lemma_.lower() in verbs:
                out.extend(o for p, o in prep_objects(c, {"by"}) if p == "by")
    scope = verb if verb is not None else t
    for x in scope.subtree:
        if x.lemma_.lower() in nouns and x.pos_ == "NOUN" and x.head.lower_ == "under":
            out.extend(c for c in x.children if c.dep_ == "poss")
            out.extend(o for _p, o in prep_objects(x, {"of"}))
    return out


def convened_body(body: Token) -> str:
    """The body a person convenes, as the text names it ("convened the government's
    security council in X": "government's security council"): the noun with its
    modifiers, possessor and of-phrase, without its article."""
    keep = [x for x in body.subtree if x.i <= body.i and x.dep_ not in ("punct",)]
    for c in body.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            keep.extend(c.subtree)
    keep.sort(key=lambda x: x.i)
    while keep and keep[0].dep_ == "det":
        keep.pop(0)
    return text_of(keep)
