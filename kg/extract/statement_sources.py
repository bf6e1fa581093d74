"""Statements without a verb of saying by their speaker: "according to X" and a headline
ending in ", X Says" (mixed into the statement reader, kg/extract/statements.py)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.extract.speaker_words import document_source
from kg.extract.speakers import Speaker
from kg.extract.statement_roles import balanced
from kg.extract.syntax import text_of
from kg.records import EntityType, Mention


class StatementSources:
    """The according-to and headline readers of the statement reader."""

    def according(self, tok: Token) -> None:
        ctx = self.ctx
        to = next(c for c in tok.children if c.lower_ == "to")
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None:
            return
        speakers: list[Speaker] = []
        medium = None
        named = ctx.mention_of(obj)
        if named is None and obj.lemma_.lower() in self.documents and \
                document_source(obj) is not None:
            # "according to a tally by the bar association", "according to a provisional
            # toll established by the national police"
            speakers = self.speakers.of(obj)
        elif named is None and obj.lemma_.lower() in self.documents:
            poss = next((c for c in obj.children if c.dep_ == "poss"), None)
            first = self.f.entity(poss) if poss is not None else \
                self.last_speaker(ctx.unit.start + tok.idx)
            speakers = [first] if first is not None else []
            medium = obj.lemma_.lower()
        else:
            speakers = self.speakers.of(obj)
        # "According to the government spokesperson, X, the cabinet decided": the source's
        # apposed name speaks (the parser often hangs it anywhere: a second subject of the
        # reported verb, a prepositional object): the person named between the commas
        name = _apposed_name(ctx, obj)
        if name is not None:
            speakers = [name[0]]
        if not speakers:
            return
        own = {t.i for t in tok.subtree}
        if name is not None:
            own |= set(name[1])
        sent = ctx.sent_of[tok.i]
        # "According to X, A; Y said B": X vouches for its own clause only
        semis = [t.i for t in sent if t.text == ";"]
        lo = max((i for i in semis if i < tok.i), default=-1)
        hi = min((i for i in semis if i > tok.i), default=len(ctx.doc))
        toks = [t for t in sent if t.i not in own and not t.is_punct and lo < t.i < hi
                and not (t.dep_ == "appos" and t.head.i in own)]
        if not toks:
            return
        roles: dict[str, list] = {"cue": ["according to"], "gist": [balanced(text_of(toks))]}
        if medium:
            roles["medium"] = [medium]
        self.heard_by(obj, roles)
        when = self.date(tok, own, fallback=False)
        if when is not None:
            roles["date"] = [when]
        self._add_sourced([tok, to], speakers, roles, toks, "statement/according-to")

    def _add_sourced(self, trigger: list[Token], speakers, roles: dict, toks: list[Token],
                     rule: str) -> None:
        """One statement per speaker of what ``toks`` say, with the quotations inside them."""
        ranges = [(toks[0].idx, toks[-1].idx + len(toks[-1]))]
        quotes = self.quotations(trigger[0], ranges)
        if quotes:
            roles["quote"] = quotes
        for sp in speakers:
            self.add(trigger, sp, roles, ranges, rule)

    def learned(self, tok: Token) -> bool:
        """"The court sentenced X to 11 years, BelTA learned from the press service of
        the Supreme Court", "Reuters learned from two sources that ...": the source speaks,
        the one who learns is its addressee (statements.yaml ``learned``)."""
        ctx = self.ctx
        source = next((o for p in tok.children if p.dep_ == "prep" and p.lower_ == "from"
                       for o in p.children if o.dep_ == "pobj"), None)
        comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if source is None or subj is None:
            return False
        speakers = self.speakers.of(source)
        if not speakers:
            return False
        if comp is not None:
            toks = [t for t in comp.subtree if not (t.dep_ == "mark" and t.head == comp)]
        else:  # "A happened, BelTA learned from X": what the sentence says before
            sent = ctx.sent_of[tok.i]
            first = min(t.i for t in subj.subtree)
            if tok.dep_ != "ROOT" or first == 0 or ctx.doc[first - 1].text != ",":
                return False  # ("he had learned of his dismissal from social media")
            toks = [t for t in sent if t.i < first - 1]
            if not any(t.pos_ in ("VERB", "AUX") for t in toks) or len(toks) < 3:
                return False
        while toks and toks[-1].is_punct:
            toks.pop()
        if not toks:
            return False
        roles: dict[str, list] = {"cue": [tok.lemma_.lower()], "gist": [balanced(text_of(toks))]}
        learner = ctx.mention_of(subj)
        if learner is not None and learner.type.is_agent:
            roles["addressee"] = [learner]
        self._add_sourced([tok], speakers, roles, toks, "statement/learned")
        return True

    def headline(self) -> None:
        ctx = self.ctx
        if ctx.headline is None:
            return
        s, e = ctx.headline
        text = ctx.text[s:e]
        cues = "|".join(re.escape(c) for c in self.headline_cues)
        m = re.search(r",\s*(?P<speaker>[^,]+?)\s+(?P<cue>" + cues + r")\s*$", text, re.I)
        if not m:
            return
        span = ctx.doc.char_span(s + m.start("speaker"), s + m.end("speaker"),
                                 alignment_mode="expand")
        cue = ctx.doc.char_span(s + m.start("cue"), s + m.end("cue"), alignment_mode="expand")
        if span is None or cue is None:
            return
        speaker = next((ctx.cover[t.i] for t in span if t.i in ctx.cover), None)
        if speaker is None or speaker.type.is_place:
            heads = self.f.body_heads
            last = span[-1].lower_
            lemma = last[:-1] if last.endswith("s") and last[:-1] in heads else last
            if lemma not in heads:
                return
            speaker = ctx.create(list(span), EntityType(heads[lemma]), "rule:event-role")
        gist = text[:m.start()].strip().strip("‘’'\"")
        roles = {"cue": [m.group("cue").lower()], "gist": [gist]}
        self.add(list(cue), speaker, roles, [(s, s + m.start())], "statement/headline",
                 confidence=self.confidence * 0.9)


def _apposed_name(ctx, obj: Token) -> tuple[Mention, range] | None:
    """The person named between commas right after the source noun ``obj`` of "according
    to" (a common noun: "the government spokesperson, X,"), with the token range of the
    name and its commas."""
    doc = obj.doc
    if obj.pos_ != "NOUN" or obj.i + 2 >= len(doc) or doc[obj.i + 1].text != ",":
        return None
    m = ctx.cover.get(obj.i + 2)
    if m is None or m.type is not EntityType.PERSON:
        return None
    span = ctx.char_span(m.start, m.end)
    if span is None or span.start != obj.i + 2 or span.end >= len(doc) or \
            doc[span.end].text != ",":
        return None
    return m, range(obj.i + 1, span.end + 1)
