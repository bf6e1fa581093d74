"""Silences: a source that did not say anything is a negated Statement of that source.

The annotation guide's factuality rules make "X did not comment" a Statement of X that
did not take place (docs/evaluation.md, "Factuality"). News tells such a silence in a
few clause shapes, all of which name who kept silent (statements.yaml ``silence``):

- a verb of answering, negated: "X did not comment", "X has not (yet) commented on the
  report", "X did not (immediately) respond to a request for comment", "X has not
  replied", "a request X has so far not answered", "the office has not confirmed this";
- a refusal of one: "X declined to comment", "X refused to comment on the reports";
- an unreachable source: "X could not be reached for comment", "X was not available for
  comment", "X was unavailable for comment".

A silence only announced ("X said it would not comment", "will not comment") is left out,
and so is one whose subject names nobody who speaks. The silence of a speaker who also
speaks in the update is a fact of its own: it never merges with what the speaker said.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.records import Fact, Mention

_MODALS = {"will", "would", "shall", "'ll", "wo", "may", "might", "should", "must"}


class Silences:
    """Negated Statements of one update, read with the statement reader's speakers."""

    def __init__(self, st) -> None:
        self.st = st
        spec = st.ctx.rules.statements["cues"].get("silence", {})
        self.verbs = set(spec.get("verbs", ()))
        self.told = set(spec.get("told_verbs", ()))
        self.told_objects = set(spec.get("told_objects", ()))
        self.refusals = set(spec.get("refusals", ()))
        self.reach = set(spec.get("unreachable_verbs", ()))
        self.available = set(spec.get("unavailable", ()))
        self.for_nouns = set(spec.get("for_nouns", ()))

    def facts(self) -> list[Fact]:
        out: list[Fact] = []
        seen: set[str] = set()
        for tok in self.st.ctx.tokens:
            found = self._silence(tok)
            if found is None:
                continue
            subj, addressee = found
            speakers = self.st.speakers.of(subj)
            speaker = next((s for s in speakers if isinstance(s, Mention)), None) or \
                (speakers[0] if speakers else None)
            if speaker is None:
                continue
            key = speaker.text.lower() if isinstance(speaker, Mention) else str(speaker)
            if key in seen:
                continue
            seen.add(key)
            roles: dict[str, list] = {"speaker": [speaker], "cue": [tok.lemma_.lower()]}
            gist = _what(tok)
            if gist:
                roles["gist"] = [gist]
            if addressee is not None:
                roles["addressee"] = [addressee]
            ctx = self.st.ctx
            fact = Fact(kind="Statement", category="event", roles=roles, unit=ctx.unit.index,
                        sentence=ctx.sentence(tok), rule="statement/silence",
                        confidence=self.st.confidence, trigger=ctx.span([tok]),
                        reported=ctx.unit.stamp)
            fact.factuality = "negated"
            out.append(fact)
        return out

    # --- the shapes ---------------------------------------------------------------------
    def _silence(self, tok: Token) -> tuple[Token, object] | None:
        """(the subject that kept silent, the one not answered or None) for a silence
        told at ``tok``, else None."""
        if tok.pos_ not in ("VERB", "AUX", "ADJ"):
            return None
        lemma = tok.lemma_.lower()
        if (lemma in self.verbs or lemma in self.told) and _negated(tok) and not _announced(tok):
            if lemma in self.told and not self._told_nothing(tok):
                return None
            subj = _subject(tok)
            return (subj, self._addressee(tok)) if subj is not None else None
        if lemma in self.verbs and tok.dep_ == "xcomp" and \
                tok.head.lemma_.lower() in self.refusals and not _announced(tok.head) and \
                not _negated(tok.head):
            subj = _subject(tok.head)  # "declined to comment", "refused to respond"
            return (subj, self._addressee(tok)) if subj is not None else None
        head = tok.head if lemma in self.available and tok.dep_ == "acomp" else tok
        if (lemma in self.reach and _negated(tok) and any(
                c.dep_ == "nsubjpass" for c in tok.children)) or (
                lemma in self.available and (_negated(tok) or _negated(head))):
            # "could not be reached for comment", "was (not|un)available for comment"
            if not any(c.dep_ == "prep" and c.lower_ == "for" and any(
                    o.dep_ == "pobj" and o.lemma_.lower() in self.for_nouns
                    for o in c.children) for c in tok.children):
                return None
            subj = _subject(head)
            return (subj, None) if subj is not None else None
        return None

    def _told_nothing(self, tok: Token) -> bool:
        """"has not confirmed this/it/the report": a confirmation withheld of what was
        just told (not "did not confirm that two soldiers had died", a report itself)."""
        if any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
            return False
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        return not objs or all(o.lemma_.lower() in self.told_objects for o in objs)

    def _addressee(self, tok: Token) -> object:
        """"did not respond to TASS inquiries", "did not reply to questions from X": the
        named one whose question went unanswered."""
        for c in tok.children:
            if c.dep_ != "prep" or c.lower_ not in ("to", "from"):
                continue
            for o in c.children:
                if o.dep_ != "pobj":
                    continue
                for x in o.subtree:
                    m = self.st.ctx.mention_of(x)
                    if m is not None and m.type.is_agent:
                        return m
        return None


def _what(tok: Token) -> str | None:
    """What the source did not speak to: "comment on the reports", "respond to questions
    about the incident" (the verb with its objects and phrases; none for a bare "did not
    comment" or "could not be reached")."""
    parts = [c for c in tok.children if c.dep_ in ("prep", "dobj", "dative")
             and not (c.dep_ == "prep" and c.lower_ == "for")]
    if not parts:
        return None
    words = sorted([tok, *(x for c in parts for x in c.subtree)], key=lambda x: x.i)
    return " ".join(x.text for x in words if x.dep_ != "punct")


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never")
               for c in tok.children) or (tok.lemma_.lower() == "unavailable")


def _announced(tok: Token) -> bool:
    """"will not comment", "said it would not comment": a silence still to come. A
    "would not" told by the narrator, in a clause of its own ("Police would not confirm the
    report", "the ministry wouldn't comment"), is a refusal that took place."""
    modals = [c for c in tok.children if c.dep_ == "aux" and c.lower_ in _MODALS]
    if modals and all(c.lower_ in ("would", "wo") for c in modals) and \
            tok.dep_ in ("ROOT", "conj") and tok.head.dep_ in ("ROOT", "conj") and \
            any(c.dep_ == "nsubj" for c in tok.children) and not any(
                c.dep_ == "mark" for c in tok.children):
        return False
    return bool(modals)


def _subject(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
        return None  # "a request the government has not answered": its own subject
    if tok.dep_ == "conj":
        return _subject(tok.head)
    return None



# what a source is asked by the press: "a request for comment", "TASS inquiries",
# "questions from reporters"
_QUERIES = {"request", "inquiry", "enquiry", "question", "query", "call", "message", "email"}
_ANSWERING = {"respond", "reply", "answer", "return"}


def press_queries(doc) -> set[int]:
    """Token indices of a press query a source was asked to answer ("did not respond to a
    request for comment", "did not reply to TASS inquiries", "in response to questions"):
    no Request or Investigation of their own, only the occasion of a statement."""
    out: set[int] = set()
    for t in doc:
        if t.lemma_.lower() not in _QUERIES or t.pos_ != "NOUN":
            continue
        head = t.head
        if head.dep_ == "prep" and head.lower_ == "to" and (
                head.head.lemma_.lower() in _ANSWERING or head.head.lower_ == "response"):
            out.add(t.i)
        elif t.lemma_.lower() == "request" and any(
                c.dep_ == "prep" and c.lower_ == "for" and any(
                    o.lemma_.lower() in ("comment", "interview", "reaction")
                    for o in c.children) for c in t.children):
            out.add(t.i)  # "a request for comment" anywhere
    return out
