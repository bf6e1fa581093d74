"""A letter's request: "X has written to the minister calling on the government to act",
"wrote to the council asking for a meeting", "has written to the agency requesting help".

The request participle hangs on the writing (advcl) or on the one written to (acl); the
writer asks, and the one written to is asked unless the participle names its own ("calling
on the government to ..."). Used by kg/extract/requests.py; the triggers are the
request/letter-* patterns of kg/rules/events/request.yaml.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.extract.syntax import prep_objects, text_of


def letter_of(verb: Token) -> Token | None:
    """The verb of writing a request participle hangs on: "has written to X, asking for
    Y" (on the writing), "wrote to X calling on Z to act" (on the one written to)."""
    if verb.tag_ != "VBG":
        return None
    if verb.dep_ == "advcl" and verb.head.lemma_.lower() == "write":
        return verb.head
    to = verb.head.head if verb.dep_ == "acl" and verb.head.dep_ == "pobj" else None
    if to is not None and to.lower_ == "to" and to.head.lemma_.lower() == "write":
        return to.head
    return None


def written_to(verb: Token, letter: Token, obj: Token | None, roles: dict,
               asked: Callable[[Token], list]) -> None:
    """The one written to is asked unless the participle names its own ("calling on the
    government"); the parser may take the requested thing for the one asked ("requesting
    the deployment of X to support Y", the infinitive hung on the verb): then the object
    with all that follows it is what is asked. ``asked`` reads the one asked from a token
    (requests.py)."""
    if any(c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon") for c in verb.children):
        return
    to = [o for _p, o in prep_objects(letter, {"to"})]
    who = [w for o in to[:1] for w in asked(o)]
    if not who:
        return
    roles["addressee"] = who
    if obj is not None:
        roles["theme"] = [text_of([t for t in verb.subtree if t.i > verb.i and
                                   not t.is_punct and not (t.dep_ == "det" and t.head == obj
                                                           and t.i == obj.left_edge.i)])]
