"""Which matched triggers name an event at all (mixed into the role reader,
kg/extract/arguments.py): a gerund after "accused of" is not told, a conjoined participle
shares its verb's event, a resultative "left 19 inmates dead" is a toll, a nominal in
"lifted the curfew" or "called for talks" is undone or only asked for. Factuality is read
apart (kg/extract/factuality.py)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import is_passive, prep_objects, raised_subject
from kg.extract.triggers import Match


def _own_pattern(m: Match) -> bool:
    """Whether a pattern of the type's own matched (one that names the resultative state
    itself: "left 19 inmates dead" is a Casualties, not a departure)."""
    return any(p.id == m.pattern_id and p.shape is None for p in m.rules.patterns)


class Realis:
    """Whether a match names an event (mixed into the role reader)."""

    lists: dict
    trigger_kinds: set[tuple[int, str]]
    undoing: set[str]
    content: set[str]
    trigger: Token | None

    def realis(self, m: Match) -> bool:
        """Whether a match names an event at all (its factuality is read apart)."""
        t = m.trigger
        if self._named_offence(t) or self._police_raid(m) or self._thanked_for(m):
            return False
        if m.voice != "nominal":
            kind = m.rules.kind
            if t.lemma_.lower() in self.lists["passive_with_idioms"].get(kind, ()) and \
                    is_passive(t) and any(c.dep_ == "prep" and c.lower_ == "with"
                                          for c in t.children):
                return False  # "will be met with the full force of the law": a reaction
            places = self.lists["kept_out_places"].get(kind, ())
            if places and any(o.lemma_.lower() in places or o.lower_ in places
                              for _p, o in prep_objects(t, {"from"})):
                return False  # "were barred from several polling stations": kept out
            g = t
            while g.dep_ == "conj" and g.tag_ == "VBG" and g.head != g:
                g = g.head  # "accused X of arming Y and sending soldiers": the first gerund
            if g.tag_ == "VBG" and g.dep_ == "pcomp" and \
                    g.head.lower_ not in ("by", "after", "upon", "since") and \
                    not self._arrested_for(g):
                # "accused of killing": not told; "responded by arresting", "spoke to
                # reporters after visiting the site", "upon arriving in X": done
                return False
            if t.dep_ == "conj" and t.tag_ == "VBN" and not any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
                if (t.head.i, m.rules.kind) in self.trigger_kinds:
                    return False  # "was detained in May and has been held since": one event
                finite = any(c.dep_ in ("aux", "auxpass") for c in t.children)
                passive_head = any(c.dep_ in ("nsubjpass", "auxpass") for c in t.head.children) \
                    if finite else is_passive(t.head)
                if m.voice == "passive" and not passive_head and all(
                        p.shape == "verb-passive" for p in m.rules.patterns
                        if p.id in (m.pattern_id, *(a for a, _ in m.alternatives))):
                    # a conjoined participle shares the patient of a passive verb only
                    # ("was arrested and charged"), not of an active one ("the verdict has
                    # not entered into force and may be appealed"); one with its own
                    # auxiliary, only of a finite passive ("grenades thrown at them and
                    # were evacuated" is a misread coordination of the main verbs)
                    return False
            if t.dep_ in ("acl", "relcl") and t.head.lower_ in ("those", "them") and \
                    t.head.dep_ == "pobj" and t.head.head.lower_ == "among":
                return False  # "Among those detained were X": people of an event told before
            if m.rules.kind in self.lists["habitual_kinds"] and t.dep_ == "relcl" and \
                    t.tag_ in ("VBZ", "VBP") and \
                    not any(c.dep_ in ("aux", "auxpass") for c in t.children):
                return False  # "X, which supplies most of Y's fuel": trade, no delivery
            if raised_subject(t) is None and not m.alternatives and any(
                    p.id == m.pattern_id and p.shape == "verb-raised" for p in m.rules.patterns):
                return False  # a bare participle with no passive verb to borrow from
            if t.lemma_.lower() in self.lists["resultative_verbs"] and \
                    not _own_pattern(m) and (
                    any(c.dep_ in ("oprd", "ccomp", "xcomp", "acomp") or (
                        c.dep_ == "advcl" and c.lower_ in self.lists["result_states"])
                        for c in t.children)
                    or any(g.i > c.i and (g.pos_ == "ADJ" or g.tag_ == "VBN") and
                           g.dep_ in ("amod", "acomp", "acl")
                           for c in t.children if c.dep_ == "dobj" for g in c.children)
                    or any(c.dep_ == "dobj" and c.lemma_.lower() in self.lists["result_states"]
                           for c in t.children)
                    or (any(c.dep_ == "dobj" for c in t.children) and any(
                        o.lemma_.lower() in self.lists["result_states"]
                        for _p, o in prep_objects(t, {"in"})))):
                return False  # "riots left 19 inmates dead", "left X in control of Y"
        else:
            h = t.head
            if t.dep_ == "nsubjpass" and any(h.lemma_.lower() in verbs for verbs in
                                             self.lists["passive_with_idioms"].values()) \
                    and any(c.dep_ == "prep" and c.lower_ == "with" for c in h.children):
                return False  # "attacks on policemen will be met with the full force of
                # the law": a warning about any such act, none told
            mods = self.lists["not_modifiers"].get(m.rules.kind, ())
            if mods and any(x.lemma_.lower() in mods or x.lower_ in mods
                            for c in t.children
                            if c.dep_ in ("compound", "amod", "nmod", "prep")
                            for x in c.subtree):
                return False  # "a no-confidence vote", "a vote of censure": a motion
            manner = self.lists["manner_of"].get(m.rules.kind)
            if manner and t.lemma_.lower() in manner["nouns"] and t.dep_ == "pobj" and \
                    h.lower_ in ("in", "during") and \
                    h.head.lemma_.lower() in manner["verbs"]:
                return False  # "were picked up in separate raids": how they were arrested
            if t.lemma_.lower() in self.lists["tally_nouns"].get(m.rules.kind, ()) and \
                    any(c.dep_ == "nummod" for c in t.children):
                return False  # "passed by 70 votes to 45": a tally, no election
            if t.dep_ == "pobj" and h.lower_ == "of" and \
                    h.head.lemma_.lower() in self.lists["offence_nouns"]:
                return False  # "the crimes of armed uprising": an offence, no event
            if t.dep_ == "pobj" and h.lemma_.lower() in ("at", "upon") and \
                    t.lemma_.lower() in self.lists["request_nouns"]:
                return False
            if t.dep_ in ("dobj", "nsubjpass") and h.lemma_.lower() in self.undoing:
                return False  # "lifted the curfew", "violated the ban"
            if t.dep_ == "pobj" and h.lemma_.lower() == "without" and \
                    ({h.head.lemma_.lower(), "*"} &
                     set(self.lists["without_events"].get(m.rules.kind, ()))):
                return True  # "was released without charge": a charge not brought (negated)
            # "the union called a strike for Friday": held by who called it, on a day set
            called = h.lemma_.lower() in self.lists["calling_holds"].get(m.rules.kind, ()) \
                and any(o.ent_type_ == "DATE" for x in (t, h) for _p, o in prep_objects(x, {"for"}))
            if (t.dep_ == "dobj" and h.lemma_.lower() in self.content and not called) or (
                    t.dep_ == "pobj" and h.lemma_.lower() in ("for", "without") and
                    (h.lemma_.lower() == "without" or h.head.lemma_.lower() in self.content)):
                return False  # "ordered an inquiry", "called for talks", "without charge"
            if t.dep_ == "compound":
                return False
            if t.dep_ == "pobj" and h.lower_ == "in" and \
                    t.lemma_.lower() in self.lists["in_idioms"] and \
                    not any(c.dep_ in ("det", "nummod", "amod", "poss") for c in t.children):
                return False  # "the minister in charge of reforms": no charge
            # "the death toll in the protests": a reference back to events told before,
            # not a new one (nor one that takes the toll's figure)
            if t.dep_ == "pobj" and h.head.pos_ in ("NOUN", "PROPN") and \
                    any(c.dep_ == "det" and c.lower_ in ("the", "these", "those")
                        for c in t.children) and \
                    not any(c.dep_ in ("prep", "amod", "compound", "acl", "relcl")
                            for c in t.children):
                return False
        return True

    def _named_offence(self, t: Token) -> bool:
        """An event noun or gerund in the phrase that names what someone is charged with
        (and its conjuncts): "charged them with illegal assembly, rioting and assaulting
        public servants", "convicted of assault"; after the other charging words
        ("arrested/questioned for"), only a bare one ("arrested for rioting", not "for the
        killing of three people")."""
        g = t
        while g.dep_ == "conj" and g.head is not g:
            g = g.head
        words = self.lists["charging_words"]
        if g.tag_ == "VBG" and g.dep_ == "advcl" and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in g.children) and \
                g.head.lemma_.lower() in words and any(
                    c.dep_ == "prep" and c.lower_ in ("with", "of") for c in g.head.children):
            return True  # "charged them with illegal assembly, rioting and assaulting ..."
        if g.dep_ not in ("pobj", "pcomp") or g.head.lower_ not in ("with", "for", "of"):
            return False
        gov = g.head.head
        if gov.lemma_.lower() not in words and gov.lower_ not in words:
            return False
        if g.tag_ == "VBG" and self._arrested_for(g):
            return False  # "arrested six men for looting a pharmacy": the looting is told
        return gov.lemma_.lower() in self.lists["offence_naming_words"] or not any(
            c.dep_ in ("det", "poss", "nummod") for c in t.children)

    def _police_raid(self, m: Match) -> bool:
        """A raid of the police to search and arrest is no attack: "agents carried out 34
        raids and arrested 27 suspects", "police raided a farm and arrested seven",
        "police raids" (lexicon manner_of: the raid nouns, the arrest verbs beside them,
        the police words that do them)."""
        manner = self.lists["manner_of"].get(m.rules.kind)
        t = m.trigger
        if not manner or t.lemma_.lower() not in manner["nouns"]:
            return False
        agents = set(manner.get("agents", ()))
        if m.voice == "nominal":
            if any(c.dep_ == "compound" and c.lemma_.lower() in agents for c in t.children) \
                    or any(o.lemma_.lower() in agents for _p, o in prep_objects(t, {"by"})):
                return True
            clause = t.head if t.dep_ in ("dobj", "nsubj", "nsubjpass") and \
                t.head.pos_ == "VERB" else None
        else:
            clause = t
        if clause is None:
            return False
        near = [*clause.conjuncts, *(c for c in clause.children
                                     if c.dep_ in ("advcl", "xcomp", "conj"))]
        if any(v.lemma_.lower() in manner["verbs"] for v in near):
            return True
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in agents for c in clause.children)

    def _arrested_for(self, g: Token) -> bool:
        """The act people were arrested for, with what they did it to, is told: "arrested
        six men for looting a shop" (they looted it; lexicon `arrested_for_verbs`); "charged
        with looting", "arrested for looting" (no object) stay what they are accused of."""
        gov = g.head.head
        if g.head.lower_ == "of" and gov.dep_ == "acl" and \
                gov.lemma_.lower() in self.lists["suspected_of_words"]:
            # "arrested two men suspected of looting a shop": told, as claimed
            return any(c.dep_ == "dobj" for c in g.children)
        return g.head.lower_ == "for" and \
            gov.lemma_.lower() in self.lists["arrested_for_verbs"] and \
            any(c.dep_ == "dobj" for c in g.children)

    def _thanked_for(self, m: Match) -> bool:
        """Help named in thanks was told as given already: "expresses its appreciation to
        X for its swift assistance", "thanked Y for its support" (no new aid)."""
        t = m.trigger
        if m.voice != "nominal" or t.dep_ != "pobj" or t.head.lower_ != "for":
            return False
        gov = t.head.head
        words = self.lists["thanks_words"]
        return gov.lemma_.lower() in words or gov.lower_ in words
