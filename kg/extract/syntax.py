"""Syntax helpers over the spaCy dependency parse, shared by events, statements and relations.

Clause heads and chains, subjects through relative pronouns and shared subjects,
voice, prepositional objects, and noun-phrase text without relative clauses.
"""

from __future__ import annotations

from spacy.tokens import Token

RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}
_SUBJ = {"nsubj", "nsubjpass"}
# prepositions that also open a clause: "after inmates set X on fire" read as "after
# [inmates [set X on fire]]" (a noun with a finite verb hung on it)
_CLAUSE_PREPS = {"after", "before", "until", "since", "as", "once"}
_CLAUSE_DEPS = {"ROOT", "relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "pcomp",
                "parataxis"}
_NP_DROP = {"relcl", "advcl", "parataxis"}


def clause_head(tok: Token) -> Token:
    """The head of the clause ``tok`` sits in."""
    while tok.dep_ not in _CLAUSE_DEPS and tok.head != tok:
        if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX"):
            return tok
        tok = tok.head
    return tok


def clause_chain(tok: Token) -> list[Token]:
    """Clause heads from ``tok``'s clause up to the root, stopping after a relative clause."""
    out = []
    c = clause_head(tok)
    while True:
        out.append(c)
        if c.dep_ in ("relcl", "ROOT", "ccomp", "parataxis") or c.head == c:
            return out
        c = clause_head(c.head)


def antecedent(head: Token, *, personal: bool = False) -> Token:
    """The noun a relative clause attached to ``head`` is about: "the X of Y (Z), which";
    for "who" (``personal``) also out of the name of a body in a person's apposition ("X, an
    analyst at the Y Centre, who urged ...": X)."""
    h = head
    for _ in range(6):
        if h.dep_ in ("appos", "nmod") and h.head.pos_ in ("NOUN", "PROPN"):
            h = h.head
        elif h.dep_ == "pobj" and h.head.dep_ == "prep" and (
                h.head.lemma_ == "of" or (personal and h.pos_ == "PROPN" and
                                          h.ent_type_ != "PERSON" and
                                          h.head.head.dep_ == "appos")) and \
                h.head.head.pos_ in ("NOUN", "PROPN"):
            h = h.head.head
        else:
            break
    return h


def pronoun_antecedent(pron: Token) -> Token | None:
    """The noun a pronoun that fills a role stands for, when the clause says it: a relative
    pronoun ("a driver, who was later freed": the driver), a partitive of one
    ("400 residents, most of whom were moved to X": the residents), or a partitive "of them"
    set off by a comma right after a plural noun ("30 trawlers, most of them from X,
    left port": the trawlers). None for any other word."""
    low = pron.lower_
    if low in RELATIVE_PRONOUNS and pron.tag_ in ("WP", "WDT"):
        for a in pron.ancestors:
            if a.dep_ == "relcl" and pron.dep_ == "pobj" and pron.head.lower_ == "of":
                return a.head  # "a total of 400 residents, most of whom": the residents
            if a.dep_ == "relcl":
                return antecedent(a.head, personal=_personal(pron))
            if a.dep_ == "ROOT":
                break
        return None
    if low in ("them", "those") and pron.dep_ == "pobj" and pron.head.lower_ == "of":
        part = pron.head.head  # "most of them"
        comma = part.left_edge.i - 1
        if any(c.dep_ == "conj" for c in part.children):
            return None  # "lost their stock, much of it ..., and 12 kiosks"
        if part.i < pron.i and comma >= 1 and pron.doc[comma].text == ",":
            before = pron.doc[comma - 1]
            if before.pos_ == "NOUN" and before.tag_ == "NNS":
                return before
    return None


def relative_inner(verb: Token) -> Token | None:
    """For a relative clause whose pronoun follows "X of Y" ("the verdict of the Court of
    Z which convicted ..."), Y: the nearer noun the pronoun may be about. None when the
    clause's subject is no relative pronoun or the pronoun does not follow an of-phrase."""
    while verb.dep_ == "conj" and not any(c.dep_ in _SUBJ for c in verb.children):
        verb = verb.head  # "which convicted X and sentenced him": the first verb's
    rel = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    if verb.dep_ != "relcl" or rel is None or rel.lemma_.lower() not in RELATIVE_PRONOUNS:
        return None
    if verb.head.dep_ == "pobj" and verb.head.head.lower_ == "of":
        return verb.head  # hung on Y itself (antecedent() climbs to X)
    for _prep, obj in prep_objects(verb.head, {"of"}):
        end = obj.right_edge.i
        gap = verb.doc[end + 1:rel.i]
        if all(x.is_punct for x in gap):
            return obj
    return None


def _relative_of(verb: Token) -> Token | None:
    """The relative clause a conjoined verb continues ("which X leads and which accuses")."""
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
        if verb.dep_ == "relcl":
            return verb
    return None


def _personal(rel: Token) -> bool:
    return rel.lower_ in ("who", "whom")


def stray_apposition(subj: Token) -> Token | None:
    """"According to the government spokesperson, X, the cabinet decided ...": the parser
    reads the name apposed to the fronted source as a second subject of the verb. Returns
    the source noun (the object of the fronted phrase that ends right before the name's
    comma) when ``subj`` is such a name: set off by commas, with the verb's real subject
    after it."""
    verb = subj.head
    if subj.dep_ != "nsubj" or subj.pos_ != "PROPN" or subj.i > verb.i:
        return None
    left = subj.left_edge.i
    right = max(x.i for x in subj.subtree if not x.is_punct)
    doc = subj.doc
    if left < 2 or doc[left - 1].text != "," or right + 1 >= len(doc) or \
            doc[right + 1].text != ",":
        return None
    if not any(c.dep_ in _SUBJ and right < c.i < verb.i for c in verb.children):
        return None
    for c in verb.children:
        if c.dep_ == "prep" and c.i < left and c.right_edge.i == left - 2:
            objs = [o for p in [c, *c.children] for o in p.children if o.dep_ == "pobj"]
            if objs and objs[-1].pos_ in ("NOUN", "PROPN"):
                return objs[-1]
    return None


_SUSPECTED = frozenset({"suspect"})  # "men suspected of looting X" (lexicon suspected_of_words)


def subject_of(verb: Token) -> Token | None:
    """The subject, through relative pronouns and shared subjects of participles/conjuncts;
    the noun an -ing participle modifies ("soldiers guarding the compound")."""
    for c in verb.children:
        if c.dep_ in _SUBJ:
            if stray_apposition(c) is not None:
                continue  # "According to the spokesperson, X, the cabinet decided": not X
            if c.lemma_.lower() in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return antecedent(verb.head, personal=_personal(c))
            rel = _relative_of(verb)
            if c.lemma_.lower() in RELATIVE_PRONOUNS and rel is not None:
                # "the RJP, which X leads and which accuses Y": the second pronoun too
                return antecedent(rel.head, personal=_personal(c))
            return c
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        return antecedent(verb.head)
    if verb.pos_ == "ADJ" and verb.dep_ == "acomp" and verb.head.lemma_ == "be":
        return subject_of(verb.head)  # "40 engineers are due from X": the copula's subject
    if detached_predicate(verb):
        return verb.head  # "X, who lives in exile, called on ...": X
    if verb.dep_ == "xcomp" and verb.head.pos_ == "VERB":
        # object control: "urged both sides to meet", "ordered the troops to withdraw"
        obj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return obj
    if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ == "NOUN" and \
            any(c.dep_ == "oprd" and c.pos_ == "PROPN" for c in verb.children):
        return verb.head  # a verbless "the junta named X as ...": the model's misreading
    if verb.dep_ == "acl" and verb.head.dep_ == "pobj" and \
            verb.head.head.lower_ in _CLAUSE_PREPS and (
                verb.tag_ in ("VBD", "VBP", "VBZ") or (
                    verb.tag_ == "VBN" and any(c.dep_ == "dobj" for c in verb.children))):
        return verb.head  # "after inmates set mattresses on fire", misread as a phrase
    prep = clause_prep(verb)
    if prep is not None:
        return next((c for c in prep.children if c.dep_ == "pobj"), None)
    if verb.dep_ == "pcomp" and verb.head.lower_ in ("by", "after", "upon") and \
            verb.head.head.pos_ == "VERB":
        # "the council responded by appointing X", "spoke after visiting the site"
        return subject_of(verb.head.head)
    if verb.dep_ == "pcomp" and verb.head.lower_ == "of" and verb.head.head.dep_ == "acl" and \
            verb.head.head.lemma_.lower() in _SUSPECTED:
        return verb.head.head.head  # "two men suspected of looting a shop": the men
    if verb.dep_ == "pcomp" and verb.head.lower_ == "for" and verb.head.head.pos_ == "VERB":
        # "arrested six men for looting X", "were detained for attacking Y": who is taken
        # in did it (the verb's object, or its passive subject)
        gov = verb.head.head
        return next((c for c in gov.children if c.dep_ in ("dobj", "nsubjpass")), None)
    main = _main_after_report(verb)
    if main is not None:
        return subject_of(main)
    head = verb.head
    if verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ") and head.dep_ == "xcomp" and \
            head.tag_ == "VB" and head.head.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        # "X called on Y to appear before the committee and accused Z of ...": a finite
        # verb joined to an infinitive is not what Y is to do; X, the main verb's subject
        return subject_of(head.head)
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head != verb \
            and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head)
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp" and \
            verb.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head.head)  # "X is due / likely / ready to hold a session"
    if verb.dep_ == "ROOT":
        return _swallowed_subject(verb)
    return None


def _main_after_report(verb: Token) -> Token | None:
    """"The governor ordered the app blocked, saying it had been used to organise the
    riots, and extended the curfew": after a participle of saying and its reported clause,
    the parser joins the last verb to the reported clause's verb. A past-tense verb after
    ", and" whose reported clause is told in another tense (a perfect, a passive, a modal)
    continues the main clause: the main verb, whose subject it shares."""
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or verb.i < 2:
        return None
    doc = verb.doc
    cc = verb.i - 1 if doc[verb.i - 1].dep_ == "cc" else verb.i - 2
    if cc < 1 or doc[cc].dep_ != "cc" or doc[cc - 1].text != ",":
        return None
    head = verb.head
    said = head.head
    if head.dep_ != "ccomp" or said.dep_ != "advcl" or said.tag_ != "VBG" or \
            said.i > head.i or said.head.tag_ != "VBD" or said.head.i > said.i:
        return None
    if head.tag_ == "VBD" and not any(c.dep_ in ("aux", "auxpass") for c in head.children):
        return None  # "saying the force lost control and named ...": either reading
    return said.head


def detached_predicate(verb: Token) -> bool:
    """"Karim Diallo, who says he won, called on his supporters to march": after a
    relative clause or an apposition set off by commas the model often reads the main
    verb as a participle hung on the subject (the sentence's root). With no other verb
    to be the predicate, a verb in the past or present tense (or a participle with an
    object or a clause and no by-agent) right after the closing comma is the predicate
    and the noun its subject, not what it acts on."""
    head = verb.head
    if verb.dep_ != "acl" or head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN") or \
            verb.i < 2 or verb.doc[verb.i - 1].text != "," or verb.i < head.i:
        return False
    if not any(c.dep_ in ("relcl", "appos") and head.i < c.i < verb.i and
               max(x.i for x in c.subtree) == verb.i - 2 for c in head.children):
        return False
    if verb.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    return verb.tag_ == "VBN" and not any(
        c.dep_ in ("auxpass", "agent") or (c.dep_ == "prep" and c.lower_ == "by")
        for c in verb.children) and any(
        c.dep_ in ("dobj", "ccomp", "xcomp") or (c.dep_ == "prep" and c.i == verb.i + 1 and
                                                  c.lower_ == "on")
        for c in verb.children)


def clause_prep(verb: Token) -> Token | None:
    """The "after"/"before" of a subordinate clause the parser read as a phrase with a
    subjectless finite verb beside it: "took X on Tuesday, two days after clashes in Y
    left 11 soldiers injured" (the verb hangs on the main verb, its subject on "after")."""
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBD", "VBP", "VBZ") or any(
            c.dep_ in _SUBJ or c.dep_ == "mark" for c in verb.children):
        return None
    for c in verb.head.children:
        if c.dep_ == "prep" and c.lower_ in _CLAUSE_PREPS and c.i < verb.i and \
                c.right_edge.i == verb.i - 1 and any(g.dep_ == "pobj" for g in c.children):
            return c
    return None


def _swallowed_subject(verb: Token) -> Token | None:
    """"In Goma, the provincial capital, the military governor, Lt. Gen. X, imposed a
    curfew": after a fronted place phrase the parser hangs the subject (and its name) on
    the place as appositions and leaves the verb without one. The subject is the last
    apposition of the fronted phrase that ends right before the verb (",", then the verb);
    its head noun, when the name is the apposition of a title ("the governor, X")."""
    fronted = [c for c in verb.children if c.dep_ == "prep" and c.i < verb.i
               and c.i == c.sent.start]
    if not fronted or verb.i < 2 or verb.doc[verb.i - 1].text != ",":
        return None
    last = None
    for t in fronted[0].subtree:
        if t.dep_ == "appos" and t.pos_ in ("NOUN", "PROPN") and \
                max(x.i for x in t.subtree) == verb.i - 2:
            last = t
    if last is None:
        return None
    if last.head.dep_ == "appos" and last.head.pos_ == "NOUN":
        return last.head  # "the governor, X": the title, whose apposition names the holder
    return last


def passive_subject(verb: Token) -> Token | None:
    elided = _elliptical_passive(verb)
    if elided is not None:
        return elided
    for c in verb.children:
        if c.dep_ == "nsubjpass":
            if c.lemma_.lower() in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return antecedent(verb.head, personal=_personal(c))
            return c
    for aux in verb.children:  # "troops remain deployed": the subject hung on the auxiliary
        if aux.dep_ == "auxpass":
            subj = next((c for c in aux.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lemma_.lower() not in RELATIVE_PRONOUNS:
                return subj
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN" and not detached_predicate(verb):
        return antecedent(verb.head)
    if verb.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in verb.children):
        # "the treaty has to be ratified", "is expected to be signed": the verb above's
        subj = next((c for c in verb.head.children  # subject is the patient
                     if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lemma_.lower() in RELATIVE_PRONOUNS:
            return antecedent(verb.head.head) if verb.head.dep_ == "relcl" else None
        return subj
    raised = raised_subject(verb)
    if raised is not None:
        return raised
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        return passive_subject(verb.head)
    return None


def _elliptical_passive(verb: Token) -> Token | None:
    """"four were killed and seven wounded": the subject of a bare participle joined to a
    passive verb (the parser reads it as an active subject)."""
    if verb.tag_ != "VBN" or verb.dep_ != "conj" or any(
            c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children):
        return None
    head = verb.head
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def raised_subject(verb: Token) -> Token | None:
    """The patient a bare participle borrows from the passive verb it hangs from: "ten
    people were reported killed", "no one was killed or wounded"."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("xcomp", "oprd", "conj") or any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj")
            for c in verb.children):
        return None
    head = verb.head
    if verb.dep_ == "conj" and head.tag_ != "VBN":
        return None
    subject = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    if subject is None and verb.dep_ == "conj" and head.dep_ in ("xcomp", "oprd"):
        return raised_subject(head)  # "were reported killed or injured"
    return subject


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    if raised_subject(verb) is not None:
        return True
    if _elliptical_passive(verb) is not None:
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl") and not any(
        c.dep_ == "nsubj" for c in verb.children) and not detached_predicate(verb)


def _for_ones_part(obj: Token) -> bool:
    """"The governor, for his part, appealed ...", "on their part": a discourse phrase,
    never an argument of the verb ("jailed for his part in the coup" keeps its "in")."""
    return obj.lower_ == "part" and any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children) and not any(
        c.dep_ == "prep" for c in obj.children)


def prep_objects(tok: Token, preps: set[str] | None = None) -> list[tuple[str, Token]]:
    """(preposition, object) pairs under ``tok``; "in the wake of" style chains flattened."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") or (c.dep_ == "advmod" and c.pos_ == "ADP"):
            for o in c.children:
                if o.dep_ in ("pobj", "pcomp") and (preps is None or c.lemma_.lower() in preps) \
                        and not _for_ones_part(o):
                    out.append((c.lemma_.lower(), o))
            for o in c.children:  # "to and from X"
                if o.dep_ == "conj" and o.pos_ == "ADP":
                    out.extend((o.lemma_.lower(), p) for p in o.children if p.dep_ == "pobj")
    return out


def future_clause(verb: Token, aux: set[str], heads: set[str],
                  past_aux: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether ``verb``'s clause speaks of what is still to come ("will meet", "is expected
    to meet", "urged them to join"); ``aux`` and ``heads`` come from the lexicon.

    ``past_aux`` ("would") counts only in a clause reported by a past-tense verb: "she
    said he would travel on Sunday" is the future seen from the report (future in the
    past), while a bare "would" is a condition ("troops would leave if ...")."""
    v = verb
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in aux for c in v.children):
            return True
        if past_aux and v.dep_ == "ccomp" and v.head.tag_ == "VBD" and any(
                c.dep_ == "aux" and c.lower_ in past_aux for c in v.children):
            return True
        if v.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children) \
                and (v.head.lemma_.lower() in heads or (
                    v.head.lemma_ == "be" and v.head.pos_ == "AUX")):
            return True  # "is expected to meet"; "the cabinet is to review X on Monday"
        if v.lemma_ == "be" and any(c.dep_ == "acomp" and c.lemma_.lower() in heads
                                    for c in v.children):
            return True  # "40 engineers are due from X on Thursday": the coming Thursday
        if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX"):
            v = v.head
            continue
        break
    return False


def np_tokens(head: Token, *, drop: set[str] = _NP_DROP, skip: set[int] = frozenset()
              ) -> list[Token]:
    """The noun phrase of ``head`` without relative clauses and edge punctuation."""
    keep: list[Token] = []

    def walk(t: Token) -> None:
        keep.append(t)
        for c in t.children:
            if c.dep_ in drop or c.i in skip:
                continue
            walk(c)

    walk(head)
    keep.sort(key=lambda t: t.i)
    while keep and (keep[0].is_punct or keep[0].dep_ == "cc"):
        keep.pop(0)
    while keep and (keep[-1].is_punct or keep[-1].dep_ == "cc"):
        keep.pop()
    return keep


def to_infinitive(verb: Token) -> bool:
    """Whether a verb is a to-infinitive ("to guard")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def text_of(tokens: list[Token]) -> str:
    tokens = whole_words(tokens)
    out = ""
    for i, t in enumerate(tokens):
        out += t.text
        if i + 1 < len(tokens):
            nxt = tokens[i + 1]
            out += t.whitespace_ if nxt.i == t.i + 1 else " "
    return out.strip()


_HYPHENS = ("-", "\u2010", "\u2011")


def whole_words(tokens: list[Token]) -> list[Token]:
    """``tokens`` grown at either edge over a word the tokenizer split at a hyphen ("re" of
    "re-polling", "polling" of "re-polling", "Mid" of "Mid-May"): the parser may give each
    piece a relation of its own, but a phrase never ends inside a written word."""
    if not tokens:
        return tokens
    doc = tokens[0].doc
    first, last = tokens[0].i, tokens[-1].i
    lo, hi = first, last
    while lo >= 2 and doc[lo - 1].text in _HYPHENS and not doc[lo - 1].whitespace_ and \
            not doc[lo - 2].whitespace_ and doc[lo - 2].is_alpha:
        lo -= 2
    while hi + 2 < len(doc) and doc[hi + 1].text in _HYPHENS and not doc[hi].whitespace_ \
            and not doc[hi + 1].whitespace_ and doc[hi + 2].is_alpha:
        hi += 2
    if lo == first and hi == last:
        return tokens
    return [*doc[lo:first], *tokens, *doc[last + 1:hi + 1]]


def from_phrases(head: Token, on_verb: bool) -> list[Token]:
    """The from-phrases of a verb, or of a noun and its of-phrases and numbers ("a ransom
    of $2 million from X": the parser hangs the phrase on the number)."""
    if on_verb:
        return [c for c in head.children if c.dep_ == "prep" and c.lower_ == "from"]
    out = []
    for t in head.subtree:
        if t.dep_ != "prep" or t.lower_ != "from" or t.i < head.i:
            continue
        up = t.head
        while up != head and (up.dep_ in ("pobj", "nummod", "quantmod", "compound") or (
                up.dep_ == "prep" and up.lower_ == "of")):
            up = up.head
        if up == head:
            out.append(t)
    return out
