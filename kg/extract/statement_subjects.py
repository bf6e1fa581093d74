"""Who speaks when a cue's parse does not say it plainly: the subject of a verb of saying,
a speaker apposed after an inverted report, a relative clause's antecedent, the subject
a conjoined or adverbial saying inherits, and the speaker of a reduced relative the
parser read as reported.

A mixin of the statement reader (kg/extract/statements.py): it uses the reader's cue
lists, speakers and context, and its ``reported_before``, ``complement`` and ``_figure``.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.speakers import inverted_speaker, speaker_phrase_start
from kg.extract.syntax import RELATIVE_PRONOUNS, antecedent, subject_of


class StatementSubjects:
    def _subject(self, cue: Token) -> Token | None:
        subjs = [c for c in cue.children if c.dep_ == "nsubj"]
        subj = subjs[-1] if len(subjs) > 1 and subjs[-1].i < cue.i and \
            _addressed(subjs[0]) else (subjs[0] if subjs else None)
        near = inverted_speaker(self.ctx, cue) if cue.tag_ != "VBG" else None
        if near is not None and subj is not None and (
                _apposed_to(near, subj) or self.speakers.named_as(subj) is not None):
            near = None  # "The party's candidate, Jan Novak, conceded": the subject itself
        if near is not None and (subj is None or (
                subj.i < near.i and subj.pos_ != "PRON" and self.ctx.mention_of(subj) is None
                and any(c.dep_ in ("ccomp", "parataxis") and c.i < cue.i
                        for c in cue.children))):
            end = speaker_phrase_start(cue, near)
            if self.reported_before(cue, end)[0]:
                self.report_end = end
                return near  # "..., its director, Dr X, told reporters": the parse lost X
        if subj is not None:
            if subj.lower_ in RELATIVE_PRONOUNS and cue.dep_ == "relcl":
                # "President X, who vowed on Wednesday to veto the law": a named speaker,
                # not background ("who had said") nor people by role ("men who said")
                if any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD"
                       for c in cue.children):
                    return None
                for ante in (cue.head, antecedent(cue.head)):
                    if self.ctx.mention_of(ante) is not None:
                        return ante
                head = cue.head
                if head.dep_ == "pobj" and head.head.lower_ == "to" and \
                        head.head.head.lower_ == "according":
                    return head  # "according to the diocese, which said ...": the source
                return None
            return subj
        head = cue.head
        if cue.dep_ in ("conj", "advcl", "xcomp") and head.pos_ in ("VERB", "AUX") and (
                cue.dep_ != "advcl" or cue.tag_ == "VBG") and (
                head.dep_ == "ROOT" or head.lemma_.lower() in self.cues | self.stances
                or self._figure(head)):  # "..., while X put the number at 9 and said ..."
            # "said ... and warned that", "..., adding that", "defended it, saying" (not a
            # verb of the reported clause: "said troops had shelled X and claimed that")
            inherited = subject_of(head)
            if inherited is not None and inherited.dep_ != "expl":
                return inherited
        if cue.i > 0:
            # "..., State Secretary X said": the parser may hang X elsewhere
            prev = cue.doc[cue.i - 1]
            m = self.ctx.cover.get(prev.i)
            if m is not None and m.type.is_agent:
                return prev
        return self._reduced_relative_subject(cue)

    def _reduced_relative_subject(self, cue: Token) -> Token | None:
        """"Relatives gathered outside the prison said that ...": the parser reads the
        speaker's reduced relative as a clause the cue reports; with the real report after
        the cue, that clause's subject is who speaks."""
        comp = self.complement(cue)
        if comp is None or comp.i < cue.i:
            return None
        for c in cue.children:
            if c.dep_ == "ccomp" and c.i < cue.i and c.tag_ in ("VBN", "VBD") and \
                    not any(g.dep_ in ("dobj", "ccomp", "xcomp") for g in c.children):
                return next((g for g in c.children if g.dep_ == "nsubj"), None)
        return None


def _apposed_to(tok: Token, head: Token) -> bool:
    """Whether ``tok`` is ``head`` or a name in apposition to it ("the candidate, Jan
    Novak": Novak; not a name inside a prepositional phrase of it)."""
    while tok != head:
        if tok.dep_ not in ("appos", "compound", "flat") or tok.head == tok:
            return False
        tok = tok.head
    return True


def _addressed(tok: Token) -> bool:
    """"Minister, the police said ...": a person addressed at the head of the sentence,
    set off by a comma and without an article, is no second subject of the verb (an
    apposed description, "the police chief, Jane Doe, said", has its article)."""
    edge = tok.right_edge
    return tok.left_edge.is_sent_start and edge.i + 1 < len(tok.doc) and \
        tok.doc[edge.i + 1].text == "," and \
        not any(c.dep_ in ("det", "poss") for c in tok.children)
