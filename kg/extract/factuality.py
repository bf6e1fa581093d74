"""How the text presents an event: asserted, negated, future, hypothetical or claimed.

After FactBank and NewsReader: the value comes from cues on the trigger and on the verbs
it hangs from, read up the clause chain (kg/rules/events/factuality.yaml lists them):

- negated: "not"/"never" on the trigger or a verb it passes through ("did not send",
  "will not attack"), "no"/"no one" on the noun or its patient ("no decision was taken",
  "no one was arrested"), "without", and clauses under deny/refuse/fail;
- future: will/shall, "is to", heads such as plan/expect/pledge/decide ("plans to
  withdraw"), "would" under a verb of saying ("said it would send"), nouns modified by
  "planned", "upcoming";
- hypothetical: may/could/would/should, conditions ("if the rains continue"), heads such
  as threaten/consider/propose, "a proposed ceasefire";
- claimed: claim/allege, "allegedly", and a sentence that says the claim could not be
  verified.

Negation wins over the rest (a negative promise is negated), hypothetical over future,
and any of them over claimed. A question or an opinion ("sending troops would be a
mistake") states no fact: :data:`NO_FACT`. So do what a verb of ordering or asking
governs ("urged them to release": the release is the request's theme) and an infinitive
purpose ("deployed to clear the road": the deployment's purpose text), unless the caller
says the purpose is an event of its own.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.extract.context import Context
from kg.extract.syntax import raised_subject, to_infinitive

NO_FACT = "no-fact"
# "..., a claim Reuters could not independently verify": the unverified phrase hangs on the
# clause its claim noun follows (read by the claim-noun cue), not on the whole sentence
_CLAIM_APPOSED = re.compile(r",\s+(?:a|an|the)\s+(?:claim|figure|report|account|number|"
                            r"assertion|allegation)\s+(?:that\s+|which\s+)?[\w'’. -]{0,40}$")
# "further arrests are not ruled out": a negated hedge leaves the event open
_HEDGES = {"rule", "exclude", "preclude"}
_DEFINITE = {"the", "that", "this", "these", "those"}
_RANK = {"negated": 4, "hypothetical": 3, "future": 2, "claimed": 1}
_CLAUSES = ("xcomp", "ccomp", "advcl", "conj", "acl", "relcl", "csubj", "pcomp")


class Factuality:
    """Reads the factuality of triggers of one unit (cue lists from factuality.yaml)."""

    def __init__(self, ctx: Context) -> None:
        spec = ctx.rules.factuality
        self.ctx = ctx
        neg, fut, hyp, cla = (spec["negation"], spec["future"], spec["hypothetical"],
                              spec["claimed"])
        self.neg_adverbs = set(neg["adverbs"])
        self.neg_dets = set(neg["determiners"])
        self.neg_pronouns = set(neg["pronouns"])
        self.neg_preps = set(neg["prepositions"])
        self.neg_heads = set(neg["heads"])
        self.prior_preps = set(spec.get("prior_prepositions", ()))
        self.circumstance = set(spec.get("circumstance_prepositions", ()))
        self.fut_aux = set(fut["auxiliaries"])
        self.fut_heads = set(fut["heads"])
        self.fut_obligations = set(fut.get("obligations", ()))
        self.fut_mods = set(fut["modifiers"])
        self.fut_triggers = set(fut["triggers"])
        self.fut_preps = set(fut.get("prepositions", ()))
        self.hyp_aux = set(hyp["auxiliaries"])
        self.hyp_heads = set(hyp["heads"])
        self.hyp_obligations = set(hyp.get("obligations", ()))
        self.hyp_mods = set(hyp["modifiers"])
        self.hyp_triggers = set(hyp.get("triggers", ()))
        self.markers = set(hyp["markers"])
        self.hedges = set(hyp["negated_hedges"])
        self.claim_heads = set(cla["heads"])
        self.suspected_of = set(cla.get("suspected_of", ()))
        self.claim_adverbs = set(cla["adverbs"])
        self.claim_mods = set(cla["modifiers"])
        self.claim_phrases = [p.lower() for p in cla["phrases"]]
        self.claim_nouns = set(cla["nouns"])
        self.unconfirmed = set(cla["unconfirmed_by"])
        self.unrealised = set(hyp["past_perfect_heads"])
        self.unaccepted = {k: set(v) for k, v in hyp.get("unaccepted", {}).items()}
        self.reported = set(spec["reported_future"])
        self.transparent = set(spec["transparent"])
        frames = spec.get("report_frames", {})
        self.frame_heads = set(frames.get("heads", ()))
        self.frame_infinitives = set(frames.get("infinitives", ()))
        self.opinions = set(spec["opinion_heads"])
        lists = ctx.rules.lists
        self.content = set(lists["content_heads"])
        self.light = set(lists["light_verbs"])
        self._sentences: dict[int, tuple[bool, int | None]] = {}

    # --- the sentence -------------------------------------------------------------------
    def _sentence(self, t: Token) -> tuple[bool, int | None]:
        """(is a question, the token index from which its claims are unverified, or
        None) for ``t``'s sentence: its start, or for a phrase set off after a claim noun
        ("..., a claim Reuters could not verify") the last verb of saying before it (the
        clause that verb reports is the claim)."""
        sent = self.ctx.sent_of[t.i]
        known = self._sentences.get(sent.start)
        if known is None:
            raw = self.ctx.text[sent.start_char:sent.end_char]  # sent.text, without a join
            text = raw.strip()
            low = raw.lower()
            since = None
            for p in self.claim_phrases:
                if p not in low:
                    continue
                at = low.index(p)
                if not _CLAIM_APPOSED.search(low[:at]):
                    since = sent.start
                    break
                end = sent.start_char + at
                saying = [x.i for x in sent if x.idx < end and x.pos_ == "VERB" and
                          x.lemma_.lower() in self.reported]
                since = saying[-1] if saying else sent.start
                break
            known = self._sentences[sent.start] = (
                text.endswith("?") and not text.endswith('?"'), since)
        return known

    # --- the value ----------------------------------------------------------------------
    def of(self, t: Token, *, nominal: bool, purpose: bool = False) -> str | None:
        """The factuality of the event ``t`` triggers: None (asserted), a value, or
        :data:`NO_FACT`. ``purpose``: ``t`` is a purpose that is an event of its own."""
        question, since = self._sentence(t)
        unverified = since is not None and t.i >= since
        if question:
            return NO_FACT
        found: set[str] = set()
        if nominal:
            verb = self._noun(t, found)
            if verb is NO_FACT:
                return NO_FACT
            if verb is not None and t.dep_ == "dobj" and t.head is verb:
                # "planned a rally", "threatened a strike", "proposed a ceasefire"
                self._head_mode(verb.lemma_.lower(), found)
        else:
            verb = t
            if t.lemma_.lower() in self.hyp_triggers:
                found.add("hypothetical")  # "faces up to 15 years in prison"
        if verb is not None and nominal and self._shielded(t):
            # "was not affected by the strike", "no shots were fired during the protest":
            # the clause's negation does not reach an event told as its circumstance
            own = set(found)
            if self._chain(verb, found, purpose=purpose) is NO_FACT:
                return NO_FACT
            if "negated" not in own:
                found.discard("negated")
        elif verb is not None and self._chain(verb, found, purpose=purpose) is NO_FACT:
            return NO_FACT
        if unverified:
            found.add("claimed")
        if not found:
            return None
        return max(found, key=lambda v: _RANK[v])

    def _noun(self, t: Token, found: set[str]) -> Token | str | None:
        """Cues on a noun trigger; the verb whose factuality it shares (or None)."""
        if any(c.dep_ == "det" and c.lower_ in self.neg_dets for c in t.children):
            found.add("negated")
        while t.dep_ == "conj" and t.head != t:  # "prepare actions and attacks"
            t = t.head
        for c in t.children:
            low = c.lower_
            if c.dep_ == "det" and low in self.neg_dets:
                found.add("negated")
            elif c.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod") or c.dep_ == "det":
                lemma = c.lemma_.lower()
                if low in self.fut_mods or lemma in self.fut_mods:
                    found.add("future")
                elif low in self.hyp_mods or lemma in self.hyp_mods:
                    found.add("hypothetical")
                elif low in self.claim_mods:
                    found.add("claimed")
        if any(c.dep_ == "relcl" and c.lemma_.lower() in self.unconfirmed and
               any(g.dep_ == "neg" for g in c.children) for c in t.children):
            found.add("claimed")  # "four deaths which have not been confirmed"
        if self._opinion(t):
            return NO_FACT
        head = t.head
        if t.dep_ == "pobj":
            prep = head
            if prep.lower_ in self.neg_preps:
                found.add("negated")
                return None
            if prep.lower_ in self.fut_preps and not any(
                    c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an")
                    for c in t.children):
                found.add("future")  # "suspended pending an inquiry"
                return None
            if prep.lower_ in self.prior_preps:
                return None  # "following a request from X": it happened before
            head = prep.head
            # "the number of arrests reached 87": the verb of the noun it qualifies
            if head.pos_ in ("NOUN", "PROPN", "NUM") and head.dep_ in (
                    "dobj", "nsubj", "nsubjpass"):
                head = head.head
        elif t.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "oprd"):
            pass
        else:
            return None
        return head if head.pos_ in ("VERB", "AUX") else None

    def _shielded(self, t: Token) -> bool:
        """A noun event in a circumstance phrase of its clause (factuality.yaml
        ``circumstance_prepositions``), or the by-agent of a passive ("was not affected
        by the strike"): presupposed, whatever the clause says of its own event."""
        while t.dep_ == "conj" and t.head != t:
            t = t.head
        if t.dep_ != "pobj":
            return False
        prep = t.head
        if prep.lower_ in self.circumstance:
            return True
        return prep.lower_ == "by" and (prep.dep_ == "agent" or any(
            c.dep_ == "auxpass" for c in prep.head.children))

    def _opinion(self, t: Token) -> bool:
        """"Sending troops would be a mistake": the event is the subject of a judgement."""
        if t.dep_ not in ("nsubj", "csubj", "nsubjpass"):
            return False
        verb = t.head
        if verb.lemma_.lower() != "be":
            return False
        return any(c.dep_ in ("attr", "acomp") and c.lemma_.lower() in self.opinions
                   for c in verb.children)

    def _chain(self, t: Token, found: set[str], *, purpose: bool) -> str | None:
        """Cues on ``t`` and the verbs above it, as far as they pass factuality down."""
        v = t
        reported = False
        # the verb whose subject is the trigger's patient: the trigger's own, or the one
        # above a subjectless conjunct or raised participle ("no one was reported killed")
        patient_level = True
        own = True
        for depth in range(8):
            if own:
                self._own(v, found, first=depth == 0, patient=patient_level,
                          reported=reported)
            # a conjunct with a subject of its own is a clause of its own: the cues on
            # the verb before it are not its ("detentions could follow, and police
            # would be deployed"); what governs both still does
            own = not (v.dep_ == "conj" and (any(c.dep_ in ("nsubj", "nsubjpass")
                                                 for c in v.children) or _finite_apart(v)))
            patient_level = patient_level and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in v.children) and (
                v.dep_ == "conj" or raised_subject(v) is not None)
            if v.tag_ == "VBG" and v.dep_ in ("csubj", "nsubj") and self._opinion(v):
                return NO_FACT
            dep, head = v.dep_, v.head
            if head == v or dep not in _CLAUSES:
                return None
            lemma = head.lemma_.lower()
            infinitive = to_infinitive(v)
            if dep == "conj" and _joined_to_infinitive(v):
                # "called on X to appear ... and accused Y of Z": the finite verb is the
                # main clause's second act, not part of what X is asked to do
                v, own = head.head, True
                continue
            if dep == "conj":
                v = head
                continue
            if dep == "ccomp" and head.i > v.i and any(
                    x.lower_ == ";" for x in v.doc[v.i:head.i] if x.head == head):
                return None  # "X claimed ...; neither claim could be verified": two clauses
            if dep in ("relcl", "acl"):
                if lemma in self.claim_nouns and head.pos_ == "NOUN" and any(
                        c.dep_ == "mark" and c.lower_ == "that" for c in v.children):
                    # "denied reports that aircraft had bombed X", "rejects the allegation
                    # that 300 civilians were killed": what a report or allegation says
                    found.add("claimed")
                    return None
                # "plans to hold", "a decision to send"; "a call to release", "measures to
                # detain", "the right to protest": what a noun calls for is no fact
                if infinitive and not self._head_mode(lemma, found):
                    return NO_FACT
                if infinitive and head.pos_ == "NOUN" and any(
                        c.dep_ == "det" and c.lower_ in self.neg_dets for c in head.children):
                    found.add("negated")  # "had no plans to close the border": it will not
                return None
            if dep == "advcl":
                marks = {c.lower_ for c in v.children if c.dep_ == "mark"}
                if marks & self.markers and self._asks_on_condition(head, v):
                    return NO_FACT  # "called for protests if X is not released"
                if marks & self.markers:
                    # "if the rains continue, ... may send"; a negation inside the
                    # condition is part of it ("if no candidate wins a majority"): the
                    # event is open, not denied
                    found.discard("negated")
                    found.add("hypothetical")
                    return None
                if infinitive and not purpose:
                    return NO_FACT  # "deployed troops to clear the road": a purpose
                if infinitive or (v.tag_ == "VBG" and not marks):
                    # a purpose that is an event, or what the event did ("bombed a
                    # village, killing four"): as true as its event
                    v = head
                    continue
                return None
            if dep == "pcomp":
                if head.lower_ == "of" and head.head.lemma_.lower() in self.suspected_of:
                    found.add("claimed")  # "men suspected of looting a shop"
                return None
            # xcomp, ccomp, csubj: the verb above governs this clause
            phrasal = " ".join([lemma, *(c.lower_ for c in head.children if c.dep_ == "prt")])
            if (phrasal in self.hedges or lemma in self.hedges) and any(
                    c.dep_ == "neg" for c in head.children):
                found.add("hypothetical")  # "has not ruled out asking": it may yet
                return None
            if lemma in self.content and (infinitive or dep == "xcomp"):
                return NO_FACT  # "urged X to release": what is asked for
            if infinitive and lemma in self.frame_heads and \
                    v.lemma_.lower() in self.frame_infinitives:
                pass  # "regrets to report that ...", "wishes to inform the public that"
            elif lemma in self.claim_heads:
                found.add("claimed")
            elif lemma in self.unrealised and infinitive and head.tag_ == "VBN" and any(
                    c.dep_ == "aux" and c.lower_ == "had" for c in head.children):
                found.add("hypothetical")  # "had planned to attack X": a plan that failed
            elif self._head_mode(lemma, found):
                pass
            elif infinitive and lemma in self.fut_obligations:
                found.add("future")  # "has to be ratified"
            elif infinitive and lemma in self.hyp_obligations:
                found.add("hypothetical")  # "needs to be approved"
            elif head.pos_ == "AUX" or lemma == "be":
                if infinitive:  # "is to be sworn in", "are to meet"
                    found.add("future")
            elif lemma not in self.transparent and infinitive:
                return NO_FACT  # "allows the police to arrest": not said to happen
            reported = reported or lemma in self.reported
            v = head
        return None

    def _head_mode(self, lemma: str, found: set[str]) -> bool:
        if lemma in self.neg_heads:
            found.add("negated")
        elif lemma in self.hyp_heads:
            found.add("hypothetical")
        elif lemma in self.fut_heads:
            found.add("future")
        else:
            return False
        return True

    def _own(self, v: Token, found: set[str], *, first: bool, patient: bool,
             reported: bool) -> None:
        """Cues that sit on one verb: negation, auxiliaries, adverbs, conditions."""
        would = False
        for c in v.children:
            low = c.lower_
            if c.dep_ == "neg" or (c.dep_ == "advmod" and low in self.neg_adverbs):
                found.add("negated")
            elif c.dep_ in ("aux", "auxpass"):
                if low in self.fut_aux:
                    found.add("future")
                elif low == "would":
                    would = True
                elif low in self.hyp_aux:
                    found.add("hypothetical")
            elif c.dep_ == "advmod" and low in self.claim_adverbs:
                found.add("claimed")
            elif (c.dep_ in ("npadvmod", "appos") or (c.dep_ == "dobj" and _after_comma(c))) \
                    and c.i > v.i and c.lemma_.lower() in self.claim_nouns:
                # "... had fired on prisoners, a claim the army denied" (the parser may make
                # the claim noun the object of the verb that reports the clause)
                found.add("claimed")
            elif c.dep_ in ("npadvmod", "appos", "dobj") and c.i > v.i and \
                    self._not_taken_up(c):
                found.add("hypothetical")  # "offered $2 million, an offer X has not accepted"
            elif c.dep_ == "conj" and c.i > v.i and self._offer_not_taken_up(v, c):
                found.add("hypothetical")  # "offered to send X, but Y has not accepted"
            elif c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in self.markers
                                           for g in c.children):
                if not (first and self._asks_on_condition(v, c)):
                    found.add("hypothetical")  # "police would arrest them if they returned"
            elif patient and c.dep_ in ("nsubj", "nsubjpass", "dobj") and (
                    low in self.neg_pronouns or any(
                        g.dep_ == "det" and g.lower_ in self.neg_dets for g in c.children)):
                found.add("negated")  # "no one was arrested", "no representative was invited"
        if would:
            found.add("future" if reported or self._reported(v) else "hypothetical")
        if first and v.lemma_.lower() in self.fut_triggers:
            found.add("future")  # "pledged $2 million"

    def _asks_on_condition(self, verb: Token, clause: Token) -> bool:
        """"called for protests if X is not released", "urged them to leave unless ...": a
        condition after a verb of asking or ordering bounds what is asked, not the asking
        (which happened); the condition's own event is no fact. A condition before the
        verb ("if the talks fail, the union will call a strike") bounds the act itself."""
        return verb.lemma_.lower() in self.content and clause.i > verb.i

    def _not_taken_up(self, noun: Token) -> bool:
        """"an offer the government has not accepted": an offer noun whose relative clause
        says, negated, that it was taken up (factuality.yaml ``unaccepted``)."""
        if noun.lemma_.lower() not in self.unaccepted.get("nouns", ()):
            return False
        return any(r.dep_ in ("relcl", "acl") and
                   r.lemma_.lower() in self.unaccepted.get("verbs", ()) and
                   any(g.dep_ == "neg" for g in r.children) for r in noun.children)

    def _offer_not_taken_up(self, v: Token, other: Token) -> bool:
        """"X offered to send a team, but the government has not (yet) accepted": a verb of
        offering joined to a negated clause of taking the offer up (factuality.yaml
        ``unaccepted``: the nouns as verbs, the verbs of taking up)."""
        return v.lemma_.lower() in self.unaccepted.get("nouns", ()) and \
            other.lemma_.lower() in self.unaccepted.get("verbs", ()) and \
            any(g.dep_ == "neg" for g in other.children)

    def _reported(self, v: Token) -> bool:
        """Whether ``v``'s clause is the content of a verb of saying ("said it would")."""
        c = v
        for _ in range(3):
            if c.dep_ in ("ccomp", "xcomp") and c.head.lemma_.lower() in self.reported:
                return True
            if c.dep_ == "conj" and c.head.lemma_.lower() in self.reported and any(
                    g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
                return True  # "said X could follow, and that police would be deployed"
            if c.dep_ in ("acl", "relcl") and c.head.dep_ == "pobj" and \
                    c.head.head.head.lemma_.lower() in self.reported and any(
                    g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
                return True  # "said in a statement that they would be charged"
            if c.dep_ != "conj" or c.head == c:
                return False
            c = c.head
        return False


def _after_comma(noun: Token) -> bool:
    """Whether the noun's phrase opens right after a comma (set off like an apposition)."""
    first = min(x.i for x in noun.subtree)
    return first > 0 and noun.doc[first - 1].text == ","


def _joined_to_infinitive(v: Token) -> bool:
    """A past or present finite verb conjoined to a to-infinitive that is a verb's
    complement ("urged X to resign and accused him of ..."): a clause of the main verb."""
    head = v.head
    return v.dep_ == "conj" and v.tag_ in ("VBD", "VBZ") and head.dep_ == "xcomp" and \
        head.tag_ == "VB" and head.head.pos_ in ("VERB", "AUX") and \
        to_infinitive(head)


def _finite_apart(v: Token) -> bool:
    """A conjoined verb phrase in a tense of its own is out of the scope of the modal or
    negation on the verb before it: "said it would challenge the result and urged
    supporters ...", "will not interfere and called on all sides ...", "will not free
    them and has asked ..." (not "would be arrested and charged", "will meet and talk")."""
    head = v.head
    if not any(c.dep_ in ("aux", "neg") and c.lower_ != "to" for c in head.children):
        return False
    if v.tag_ in ("VBD", "VBZ", "VBP") and head.tag_ in ("VB", "VBG"):
        return True
    if v.tag_ in ("VBD", "VBZ", "VBP") and head.tag_ == "VBN" and any(
            c.dep_ in ("aux", "auxpass") for c in head.children):
        # "was not affected and remained open", "has not been charged and remains in
        # custody": a finite verb after a participle with its own auxiliary
        return True
    return any(c.dep_ == "aux" and c.lower_ != "to" for c in v.children)



def absent_act(t: Token, mode: str | None, light: set[str] = frozenset()) -> bool:
    """An act the text says did not take place at all, told by a determiner on its noun
    or by the negated light verb that carries it: "No arrests were made", "no shots had
    been fired", "police made no arrests", "has not received a request", "did not impose
    a curfew", "none of the demands": a negated fact of its own even when it names no one
    (the guide's factuality: "no one was arrested" is negated), so the type's usual need
    of a theme or agent does not apply. ``light``: the light verbs (lexicon.yaml)."""
    if mode != "negated" or t.pos_ != "NOUN":
        return False
    noun = t.head if t.dep_ == "conj" and t.head.pos_ == "NOUN" else t
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return True
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in light and \
            noun.head.lemma_.lower() not in _HEDGES and not any(
                c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE)
                for c in noun.children) and \
            any(c.dep_ == "neg" for c in noun.head.children):
        return True  # the light verb of the act negated: "has not received a request",
        # "an order has not been issued", "did not make any arrests" (not "would not
        # reverse its decision": the decision was taken; "that vote was never held" points
        # back to an act told before, whose own telling says what became of it)
    # "none of the shots" ("released without charge" names its theme by the release:
    # lexicon.yaml `without_events`; a bare "without charge" is no fact of its own)
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
        noun.head.head.lower_ == "none"


def opposite_state(m, mode: str | None) -> str | None:
    """The factuality of a match whose pattern names the state opposite to its event
    ("the port remained open", "the airport stays open": no Closure took place): negated
    when that state is told as a fact; a state only planned, possible or itself denied
    ("will remain open", "did not stay open") is no fact."""
    if not any(p.id == m.pattern_id and p.negated for p in m.rules.patterns):
        return mode
    return "negated" if mode in (None, "claimed") else NO_FACT


def dated_ahead(roles: dict, base) -> bool:
    """Whether an event told with no cue of its own is dated after the day of its report
    ("has called an extraordinary session for Friday 12 December", "schools in the capital
    will remain closed on Thursday", a stamp of Tuesday): what has not happened yet by the
    day it is told is to come (``future``). Only a day the text gives counts; an end date
    ("until Friday") does not."""
    if base is None:
        return False
    day = base.date() if hasattr(base, "date") else base
    for t in roles.get("date", []):
        value = getattr(t, "value", None)
        if getattr(t, "precision", None) == "day" and value and len(value) == 10 and \
                value > day.isoformat():
            return True
    return False
