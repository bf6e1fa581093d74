"""Enumerated measures take the subject of the line that introduces them.

Official statements list what a body decided under one header: "The Command Post has:
a) imposed a curfew ...; b) prohibited gatherings ...; c) closed the road ...". Each
item is a clause without a subject; its agent is the subject of the header, the last
sentence before the items that ends with a colon. The header may be a bare noun phrase
("In view of the foregoing, the Union:\n- demands ...;\n- calls on ..."): the body it
names is then the subject of every item.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from kg.records import Fact

_MARKER = re.compile(r"^(\(?[a-z]\)|\(?[ivx]{1,4}\)|\(?\d{1,2}[.)]|[a-z][.)]|[-•*–—])$")
_BARE_MARKER = re.compile(r"^([a-z]|[ivx]{1,4}|\d{1,2})$")


def _item_start(sent: Span) -> bool:
    """Whether the sentence opens with a list marker ("a)", "(ii)", "3.", "-", "•")."""
    words = [t for t in sent if not t.is_space]
    if not words:
        return False
    first = words[0].lower_
    if _MARKER.match(first):
        return True
    return len(words) > 1 and bool(_BARE_MARKER.match(first)) and words[1].text in (")", ".")


def _leading_verb(root: Token) -> bool:
    """A root the tagger took for a noun although it opens the item as its verb
    ("- demands that the law be repealed": no determiner, right after the marker)."""
    if root.pos_ != "NOUN" or root.tag_ != "NNS" or any(
            c.dep_ in ("det", "poss", "amod", "compound") for c in root.children):
        return False
    before = [t for t in root.sent if t.i < root.i and not t.is_space]
    return 0 < len(before) <= 2 and all(t.is_punct or _BARE_MARKER.match(t.lower_)
                                        for t in before)


def _header_subject(sent: Span) -> Token | None:
    """The subject of the header sentence that introduces the list ``sent`` belongs to."""
    doc = sent.doc
    cur = sent
    for _ in range(12):  # at most a dozen items back
        if cur.start == 0:
            return None
        prev = doc[cur.start - 1].sent
        if _item_start(prev):
            cur = prev
            continue
        words = [t for t in prev if not t.is_space]
        if not words or words[-1].text != ":":
            return None
        root = prev.root
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is None and root.pos_ in ("PROPN", "NOUN") and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
            return root  # "the Union:" -- a verbless header naming the body
        return subj
    return None


def item_agent_token(trigger: Token) -> Token | None:
    """The header's subject, when ``trigger`` is the verb of a subjectless list item or
    the object of that verb ("a) imposed a curfew")."""
    sent = trigger.sent
    root = sent.root
    if not (trigger == root or trigger.head == root):
        return None
    if root.pos_ != "VERB" and not _leading_verb(root):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in root.children):
        return None
    if not _item_start(sent):
        return None
    return _header_subject(sent)


def inherit_item_agents(read: list[tuple[Fact, int]], kept: set[int], doc, agentish,
                        agent_kinds: set[str]) -> None:
    """List items without an agent take the header's subject (``agentish`` turns a token
    into the role filler the reader would give a subject)."""
    for fact, i in read:
        if id(fact) not in kept or fact.roles.get("agent") or fact.kind not in agent_kinds:
            continue
        subj = item_agent_token(doc[i])
        if subj is None:
            continue
        value = agentish(subj)
        if value is not None:
            fact.roles["agent"] = [value]
