"""Which verbs are statement cues beyond the verbs of saying: naming a thing ("called the
reshuffle 'a change of faces'"), a source's document that shows a finding, an official
notice ("advises that"), turning down a claim, an appeal joined to a statement and a
figure given by a source; and the shape tests of a cue's content: a claim a relative
clause rebuts, a reported clause cut in two, a plan stated by a verb of intent, a
quotation that goes on after the attribution, a heading line.

A mixin of the statement reader (kg/extract/statements.py): it reads the reader's cue
lists (kg/rules/events/statements.yaml ``cues``).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import to_infinitive
from kg.ingest.layout import is_headline

# a line ending so is running text, not a heading (a quotation, a colon)
_LINE_ENDS = ('"', "”", "’", "'", ":", ";", ",")


class StatementCues:
    """Cue tests of the statement reader (mixed into it)."""

    naming: dict[str, set[str]]
    document_verbs: set[str]
    documents: set[str]
    that_verbs: set[str]
    claim_objects: set[str]
    claim_nouns: set[str]
    joined: set[str]
    cues: set[str]
    stances: set[str]
    figure_verbs: set[str]
    figure_nouns: set[str]
    count_verbs: set[str]
    publish_verbs: set[str]
    publications: set[str]
    quotes: list[tuple[int, int]]
    intentions: set[str]
    express_verbs: set[str]
    express_objects: set[str]
    rebuttal_verbs: set[str]
    reported_states: dict[str, set[str]]

    def _notice(self, verb: Token) -> bool:
        """"The Government of X advises that ...": a verb of official notice with a
        that-clause (not "advised residents to stay indoors")."""
        return verb.lemma_.lower() in self.that_verbs and any(
            c.dep_ == "ccomp" and c.i > verb.i and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            for c in verb.children)

    def _naming(self, verb: Token) -> bool:
        """"called the reshuffle 'a change of faces'", "dismissed the figure as 'pure
        invention'": a verb of naming or judging with what it calls the thing."""
        lemma = verb.lemma_.lower()
        if lemma in self.naming["predicate"] and any(c.dep_ == "oprd" for c in verb.children):
            return True
        if lemma not in self.naming["as"]:
            return False
        # "described the move as a takeover": the parser hangs "as" on the verb or on the
        # thing named (its direct object); either way the verb names it
        holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
        return any(c.dep_ == "prep" and c.lower_ == "as" for h in holders for c in h.children)

    def _document_report(self, verb: Token) -> bool:
        """"Assessments by the disaster office show that ...", "figures from the ministry
        indicate that ...": a document of a source reports by a verb of showing, with a
        reported clause (statements.yaml ``document_verbs``, ``documents``)."""
        if verb.lemma_.lower() not in self.document_verbs:
            return False
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return subj is not None and subj.lemma_.lower() in self.documents and \
            any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)

    def _reported_state(self, verb: Token) -> bool:
        """"the people reported missing", "two miners confirmed dead": a participle of
        reporting with a state of the one reported on right after it and no object of its
        own is a reduced passive, not a saying (statements.yaml ``reported_states``)."""
        spec = self.reported_states
        if verb.lemma_.lower() not in spec["verbs"] or verb.i + 1 >= len(verb.doc):
            return False
        nxt = verb.doc[verb.i + 1]
        return nxt.lower_ in spec["states"] and nxt.dep_ not in ("dobj", "amod", "compound") \
            and not any(c.dep_ == "dobj" for c in verb.children)

    def _claim_turned_down(self, verb: Token) -> bool:
        """"X rejected the accusations", "dismissed the allegations": turning down a claim
        is a denial, the speaker's stance (statements.yaml ``claim_objects``)."""
        if verb.lemma_.lower() not in self.claim_objects:
            return False
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        return obj is not None and obj.lemma_.lower() in self.claim_nouns

    def _joined(self, verb: Token) -> bool:
        """"said ... and urged X to Y": an appeal joined to a statement is part of what the
        speaker says (not to a passive "is expected to ... and has invited")."""
        if verb.lemma_.lower() in self.joined and self._says_next(verb):
            return True  # "accused X of Y and said Z", "urged X to Y but said Z"
        if verb.lemma_.lower() in self.joined and self._quoting(verb, skip="dobj"):
            # 'urged the authorities to "respect the right to assemble"' (not 'urged "all
            # Comorian actors" to exercise restraint': a quoted addressee is no saying)
            return True
        head = verb.head
        # "..., accusing its leaders of X": a participle after the statement's verb
        after = verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > head.i and \
            not any(c.dep_ == "mark" for c in verb.children)
        # ("accused X of 'Y' and called on Z to W": joined to an appeal or accusation
        # that is said by its quotation)
        said = head.lemma_.lower() in self.cues | self.stances or self._figure(head) or (
            head is not verb and head.lemma_.lower() in self.joined and
            self._quoting(head, skip="dobj"))
        return verb.lemma_.lower() in self.joined and (verb.dep_ == "conj" or after) and \
            said and \
            not any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children)

    def _says_next(self, verb: Token) -> bool:
        """"accused the government of X and said Y", "urged the union to Y but said Z": an
        appeal or accusation followed, in the same clause, by a verb of saying that shares
        its subject (a conjunct with no subject of its own) is said as well, as when the
        verb of saying comes first (not in the passive: "was asked ... and said")."""
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return False
        return any(c.dep_ == "conj" and c.i > verb.i and c.pos_ == "VERB" and
                   c.lemma_.lower() in self.cues and
                   not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                   for c in verb.children)

    def _quoting(self, verb: Token, skip: str = "") -> bool:
        """Whether the verb's own phrase (not a clause of another verb of saying) holds a
        direct quotation of some words: the speaker's words are quoted, so said; a
        quotation inside the verb's ``skip`` dependent (its object) does not count."""
        toks = [t for t in verb.subtree]
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        own = [(s, e) for s, e in self.quotes if start <= s and e <= end
               and e - s > 12]  # (a word or two in quotes may be a name or a term)
        for c in verb.children:
            if c.dep_ == skip:  # the object's own words, up to its head (not its phrases)
                sub = [t for t in c.subtree if t.i <= c.i]
                lo, hi = sub[0].idx - 1, c.idx + len(c) + 1
                own = [(s, e) for s, e in own if not (lo <= s and e <= hi)]
        if not own:
            return False
        # ('urged X to report what "the witnesses said"': a verb of saying inside
        # reports the quotation, not this one)
        return not any(t is not verb and t.pos_ == "VERB" and t.lemma_.lower() in self.cues
                       and any(t.idx < s for s, _e in own) for t in toks)

    def _figure(self, verb: Token) -> bool:
        """"put the death toll at 19", "raised the toll to 14": a figure given by a source;
        "counted more than 300 dead", "recorded 40 attacks": a count it gives
        (``count_verbs`` with a number in the object); "published provisional results
        giving ...": figures it publishes (``publish_verbs`` with a ``publications`` noun)."""
        lemma = verb.lemma_.lower()
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        # (not inside another source's report: "X said volunteers had counted 300 dead")
        own = not (verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in self.cues)
        if own and lemma in self.count_verbs and obj is not None and not obj.like_num and \
                any(x.like_num for x in obj.subtree):
            return True
        if own and lemma in self.publish_verbs and obj is not None and \
                obj.lemma_.lower() in self.publications:
            return True
        if lemma not in self.figure_verbs:
            return False
        if obj is not None and obj.lemma_.lower() in self.figure_nouns:
            return True
        return any(c.dep_ == "prep" and c.lower_ == "at" and any(
            o.like_num or any(x.like_num for x in o.subtree) for o in c.children)
                   for c in verb.children)

    @staticmethod
    def _split_clause(cue: Token, comp: Token) -> list[Token]:
        """"say the case rests on intercepted messages": the parser may cut the reported
        clause in two, hanging its subjectless tail on the cue as a second clause that
        follows the first without a gap."""
        out: list[Token] = []
        end = max(t.i for t in comp.subtree)
        for c in sorted(cue.children, key=lambda t: t.i):
            if c.dep_ != "ccomp" or c.i <= end:
                continue
            sub = list(c.subtree)
            if min(t.i for t in sub) != end + 1 or any(
                    g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children):
                break
            out += sub
            end = max(t.i for t in sub)
        return out

    def _reported_conjuncts(self, cue: Token, comp: Token, toks: list[Token]) -> list[Token]:
        """"said that Brussels was following events and expected no disruption", "said he
        condemned the rioting but understood the frustration", "told the meeting that X,
        but that police would not Y": the parser may hang the second half of the reported
        clause on the verb of saying as its conjunct; it is said too when it has no subject
        of its own or opens with "that" (a conjunct with its own subject and no "that" is
        the narrative going on: "said X, and police arrested Y"). A verb of saying there
        is a report of its own."""
        if comp.i < cue.i or not toks:
            return []
        end = max(t.i for t in toks)
        sent = cue.sent
        out: list[Token] = []
        for c in sorted(cue.children, key=lambda t: t.i):
            if c.dep_ != "conj" or c.i <= end or c.pos_ not in ("VERB", "AUX") or \
                    c.i >= sent.end or (c.lemma_.lower() in self.cues and any(
                        g.dep_ in ("ccomp", "xcomp") for g in c.children)):
                continue
            sub = [t for t in c.subtree if t.i > end]
            first = next((t for t in sub if not t.is_punct and t.dep_ != "cc"), None)
            own_subject = any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)
            if first is None or (own_subject and first.lower_ != "that"):
                break
            cc = [t for t in cue.children if t.dep_ == "cc" and end < t.i < first.i]
            out += cc[-1:] + [t for t in sub if t.i >= first.i and
                              not (t.lower_ == "that" and t is first)]
            end = max(t.i for t in sub)
        return out

    def _coordinated_reports(self, cue: Token, comp: Token, toks: list[Token]) -> list[Token]:
        """"A was closed, and B was suspended, the authority said", "Eight were charged, and a
        court ordered them held, a lawyer said": two clauses joined by "and"/"but" before an
        inverted cue are both reported. The parser hangs the second on the cue as a clause
        of its own (a second complement) or makes the cue a conjunct of the first (whose
        complement is then the second); either way the clause it left out is said too. A
        clause that is itself a report ("X said A, and B, Y said") is not."""
        if comp.i > cue.i or not toks:
            return []
        have = {t.i for t in toks}
        out: list[Token] = []
        for c in cue.children:  # a second complement, after the first and before the cue
            if c.dep_ == "ccomp" and c is not comp and comp.i < c.i < cue.i and \
                    not self._report_of_its_own(c) and any(
                        g.dep_ == "cc" and g.i < min(t.i for t in c.subtree)
                        for g in comp.children):
                out += [t for t in c.subtree if t.i not in have]
        head = cue.head
        if cue.dep_ == "conj" and head.i < comp.i and head.pos_ in ("VERB", "AUX") and \
                not self._report_of_its_own(head) and any(
                    g.dep_ == "cc" and head.i < g.i < comp.i for g in head.children):
            own = {t.i for t in cue.subtree}  # the first clause, the cue a conjunct of it
            out += [t for t in head.subtree if t.i not in own and t.i not in have]
        return out

    def _report_of_its_own(self, verb: Token) -> bool:
        """A verb of saying with its reported clause ("Police said 40 were held")."""
        return verb.lemma_.lower() in self.cues and any(
            g.dep_ in ("ccomp", "xcomp") for g in verb.children)

    def _intention(self, cue: Token) -> bool:
        """A verb of intent (statements.yaml ``intentions``) whose content is only an
        infinitive, or that is passive ("is expected to"): a plan, not a report."""
        if cue.lemma_.lower() not in self.intentions:
            return False
        if any(c.dep_ == "auxpass" for c in cue.children):
            return True
        comp = self.complement(cue)
        return comp is not None and comp.dep_ == "xcomp" and comp.i > cue.i and \
            to_infinitive(comp) and \
            not any(s <= cue.idx + len(cue.text) + 2 and e > cue.idx for s, e in self.quotes)

    def _continued_quote(self, cue: Token) -> tuple[int, int] | None:
        """A quotation that opens right after the cue's sentence, in the same paragraph,
        and closes the paragraph: the same speaker goes on ('"We were outgunned," the
        officer said. "Nobody came to help us."'); not one a later cue attributes."""
        sent = self.ctx.sent_of[cue.i]
        text = self.ctx.text
        end = sent.end_char
        for s, e in self.quotes:
            if s <= end:
                continue
            gap = text[end:s - 1]
            if gap.strip() or "\n" in gap:
                return None
            rest = text[e + 1:]
            nl = rest.find("\n")
            if (rest[:nl] if nl >= 0 else rest).strip():
                return None  # '"...," another speaker added': not this one's
            return (s, e)
        return None

    def _expressed(self, cue: Token) -> bool:
        """"expressed its deep sorrow", "extends his condolences": a light verb whose
        object is a feeling or courtesy said (statements.yaml ``expressed``)."""
        return cue.lemma_.lower() in self.express_verbs and any(
            c.dep_ == "dobj" and c.lemma_.lower() in self.express_objects
            for c in cue.children)

    def _heading_line(self, cue: Token) -> bool:
        """Whether the cue stands in a line of its own that reads as a heading (an update's
        title the page layout did not mark: "Monitor puts death toll at nine")."""
        text = self.ctx.text
        start = text.rfind("\n", 0, cue.idx) + 1
        end = text.find("\n", cue.idx)
        line = text[start:end if end >= 0 else len(text)].strip()
        return bool(line) and is_headline(line) and start > 0 and \
            not line.endswith(_LINE_ENDS)

    def _rebutted(self, cue: Token) -> list[Token] | None:
        """The claim a relative clause rejects: "[losses were higher], a claim X rejected",
        "[he had agreed to join], which both services denied"; None for any other use."""
        which = any(c.dep_ == "dobj" and c.lower_ in ("which", "that") for c in cue.children)
        noun = cue.head if cue.dep_ in ("relcl", "acl") and \
            cue.head.lemma_.lower() in self.claim_nouns and \
            not any(c.dep_ in ("dobj", "ccomp") for c in cue.children) else None
        if not which and noun is None:
            return None
        n = cue.head
        for _ in range(6):
            if n.pos_ in ("VERB", "AUX") and n.i != cue.i:
                break
            if n.head.i == n.i:
                return None
            n = n.head
        else:
            return None
        while n.dep_ in ("xcomp", "conj") and n.head.pos_ in ("VERB", "AUX"):
            n = n.head  # "had agreed [to join him]": the whole claim
        drop = {x.i for x in (noun or cue).subtree}
        toks = [x for x in n.subtree if x.i not in drop and not (
            x.dep_ == "mark" and x.head == n)]
        while toks and toks[-1].is_punct:
            toks.pop()
        return toks if len(toks) > 1 else None
