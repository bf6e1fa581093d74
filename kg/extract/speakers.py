"""Who speaks: the speaker a cue's subject names, as a mention or as text.

The words are data (kg/rules/events/statements.yaml, ``speakers``):

- a named mention speaks for itself (people, bodies, media; a country or a capital
  speaks for its government: "Kigali announced");
- "The mayor of X, Jane Doe, said": the named apposition of a role noun;
- "a police spokesman said", "a spokeswoman for the EEAS said": an unnamed spokesperson
  speaks for the body (docs/evaluation.md: the speaker is the body);
- "he said", "she told reporters": the person the pronoun points back to
  (:func:`pronoun_antecedent`, the one place to call a shared coreference resolver);
- "the agency said": the named body of that kind the unit mentioned last
  (:func:`description_antecedent`);
- "residents said", "two officials close to her told AFP": people named by role only
  are a text speaker;
- "the governments of A, B and C condemned": one speaker per named member.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Token

from kg.extract.entity_rules import entity_rules
from kg.extract.entity_types import institution_site
from kg.extract.official_speakers import OfficialSpeakers
from kg.extract.spans import sentence_bounds
from kg.extract.speaker_words import document_source, surname_like
from kg.extract.syntax import np_tokens, prep_objects, text_of
from kg.records import EntityType, Mention
from kg.rules.loader import event_rules

_PRONOUNS = {"he", "she", "they", "it", "we"}
_PERSONAL = {"he", "she"}
_PERSONAL_POSS = {"his", "her"}
_INDEFINITE = {"a", "an", "another", "one", "some", "two", "three", "several"}
_SUBJECTS = {"nsubj", "nsubjpass"}

Speaker = Mention | str


class Speakers(OfficialSpeakers):
    """Reads speakers for one unit; ``st`` is the statement reader (its context, fillers
    and the statements found so far)."""

    def __init__(self, st) -> None:
        self.st = st
        self.ctx = st.ctx
        spec = st.ctx.rules.statements["speakers"]
        self.spokespeople = set(spec["spokespeople"])
        self.officials = set(spec["officials"])
        self.people = set(spec["people"])
        self.people_in_plural = set(spec["people_in_plural"])
        self.bodies_as_text = set(spec["bodies_as_text"])
        self.narrators = set(spec["narrators"])
        self.press_offices = set(spec["press_offices"])
        self.groups_of = set(spec["groups_of"])
        self.descriptions = _descriptions()
        self.body_heads: dict[str, str] = st.ctx.rules.lists["body_heads"]
        self.documents = set(st.ctx.rules.statements["documents"])

    # --- entry point ----------------------------------------------------------------------
    def of(self, tok: Token) -> list[Speaker]:
        """The speakers the subject ``tok`` names (none when it names nobody who speaks)."""
        ctx = self.ctx
        low = tok.lower_
        if low in _PRONOUNS:
            m = pronoun_antecedent(self.st, tok)
            return [m] if m is not None else []
        for c in tok.children:
            if c.dep_ == "appos" and c.i + 1 == tok.head.i and c.i > tok.i and \
                    tok.doc[c.left_edge.i - 1].text == ",":
                # "X has pledged aid and a team of experts, the bloc's secretary-general
                # said": the parser makes the speaker an apposition of the report's last noun
                body = self._body_of_unnamed_officer(c)
                if body is not None:
                    return [body]
        named = ctx.mention_of(tok)
        if named is None:
            self_named = self.named_as(tok)
            if self_named is not None:  # "a student who gave her name only as X"
                return [self_named]
        if named is None or named.type is not EntityType.PERSON or \
                tok.lemma_.lower() in self.st.f.role_heads or \
                (tok.pos_ == "PROPN" and tok.lower_ in entity_rules().titles) or \
                (tok.pos_ == "PROPN" and _definite(tok) and named.text == tok.text):
            # "The Head of Mission, X,", "the Inspector General of Police, X," (the model
            # may take the title for a person of its own; a name takes no article, so a
            # capitalised "The Commissioner" it took for a person is a title too)
            for c in tok.children:  # "The mayor of X, Jane Doe, said": the named apposition
                m = ctx.cover.get(c.i)
                if c.dep_ == "appos" and m is not None and m.type is EntityType.PERSON:
                    return [m]
        if named is not None and _definite(tok) and \
                named.text.lower().removeprefix("the ") in self.descriptions:
            m = description_antecedent(self, tok)  # "the army" the entity rules found
            if m is not None:
                return [m]
        if named is not None and named.type is not EntityType.PERSON:
            person = self._named_person(named)
            if person is not None:  # "Somchai told reporters" after "governor Somchai X"
                return [person]
        if named is not None:
            if named.type.is_place and named.type not in (EntityType.COUNTRY, EntityType.CITY):
                return []
            return self._with_conjuncts(tok, named)
        lemma = tok.lemma_.lower()
        if lemma in self.narrators:
            return []  # "a Zyldav Press correspondent reported": the outlet's own narration
        if lemma in self.documents:  # "a statement by the army press office said"
            source = document_source(tok)
            if source is not None:
                return self.of(source)
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            if poss is not None:
                return self.of(poss)
        inner = self._named_inside(tok) or self._parent_of_office(tok)
        if inner is not None:
            return [inner]
        if lemma in self.groups_of and tok.tag_ in ("NNS", "NNPS"):
            members = self._members(tok)
            if members:
                return members
        if lemma in self.officials or lemma in self.spokespeople:
            person = self._apposed_person(tok)
            if person is not None:  # "a spokesman for the mission, Jan Novak, said"
                return [person]
        if lemma in self.officials:
            body = self._described_owner(tok)
            if body is not None:
                return [body]
        if lemma in self.spokespeople:
            body = self._body_of_spokesperson(tok)
            if body is not None:
                return [body]
        if lemma in self.officials or lemma in self.spokespeople:
            body = self._unnamed_body(tok)
            if body is not None:  # "an official of the regional disaster agency"
                return [body]
        if lemma in self.descriptions and _definite(tok):
            m = description_antecedent(self, tok)
            if m is not None:
                return [m]
        body = self._body_of_described_member(tok)
        if body is not None:  # "A Red Cross doctor said": the Red Cross
            return [body]
        country = self._country_of_unnamed_officer(tok)
        if country is not None:  # "New Zealand's foreign minister said": New Zealand
            return [country]
        body = self._body_of_unnamed_officer(tok)
        if body is not None:  # "the bloc's secretary-general said": the bloc
            return [body]
        m = self._body_phrase(tok) or self.st.f.entity(tok, person=True)
        if m is not None and m.source == "rule:event-role" and m.text == tok.text:
            poss = next((c for c in tok.children if c.dep_ == "poss" and c.i == tok.i - 1
                         and c.lower_ in ("his", "her", "its", "their")), None)
            if poss is not None:  # "his office said": whose office, as the text says
                body = self._officer_body(tok) if poss.lower_ in _PERSONAL_POSS else None
                m = body or self.ctx.create([poss, tok], m.type, m.source)
        if m is not None:
            return [] if m.type.is_place else [m]
        if (lemma in self.people or low in self.people or (
                lemma in self.people_in_plural and tok.tag_ == "NNS") or (
                lemma in self.bodies_as_text and tok.pos_ == "NOUN")) and \
                tok.pos_ in ("NOUN", "PROPN"):
            words = [x for x in np_tokens(tok, drop={"relcl", "advcl", "parataxis", "acl",
                                                      "appos"})
                     if not (x.dep_ == "det" and x.head == tok)]
            words = _reduced_relative_head(tok, words)
            text = text_of(words)
            return [text] if text else []
        return []

    # --- helpers ----------------------------------------------------------------------------
    def description_of(self, tok: Token) -> Mention | None:
        """The named body a definite description ("the bloc") points back to."""
        return description_antecedent(self, tok)

    def named_as(self, tok: Token) -> Mention | None:
        """"one of its organisers, a student who gave her name only as X", "a resident,
        identified only as X": the name a described speaker is given in a clause of their
        own description."""
        ctx = self.ctx
        for n in (tok, *[c for c in tok.children if c.dep_ == "appos"]):
            for clause in n.children:
                if clause.dep_ not in ("relcl", "acl"):
                    continue
                for v in clause.subtree:
                    if v.lemma_.lower() not in _NAMING or v.pos_ != "VERB":
                        continue
                    for p in v.children:
                        if p.dep_ != "prep" or p.lower_ != "as":
                            continue
                        for o in p.children:
                            if o.dep_ != "pobj":
                                continue
                            m = ctx.cover.get(o.i)
                            if m is not None:  # (whatever type the model gave the name)
                                return m
                            if o.pos_ == "PROPN":  # a given name the model did not take
                                name = [x for x in o.subtree if x.pos_ == "PROPN"]
                                return ctx.create(name, EntityType.PERSON, "rule:event-role")
        return None

    def _with_conjuncts(self, tok: Token, first: Mention) -> list[Speaker]:
        """"Mali and Niger said": each named conjunct speaks ("each other" makes none)."""
        out: list[Speaker] = [first]
        if tok.dep_ not in _SUBJECTS:
            return out
        for c in tok.conjuncts:  # the subject heads its list: these follow it
            m = self.ctx.mention_of(c)
            if m is not None and m not in out and (m.type.is_agent or m.type in (
                    EntityType.COUNTRY, EntityType.CITY)):
                out.append(m)
        return out

    def _members(self, tok: Token) -> list[Speaker]:
        """"the governments of Peru, Chile and Brazil": each named country or body."""
        out: list[Speaker] = []
        for _p, obj in prep_objects(tok, {"of"}):
            for x in [obj, *obj.conjuncts]:
                m = self.ctx.mention_of(x)
                if m is not None and m not in out and (m.type.is_agent or m.type in (
                        EntityType.COUNTRY, EntityType.CITY)):
                    out.append(m)
        return out if len(out) >= 2 else []

    def _named_person(self, named: Mention) -> Mention | None:
        """A one-word name the model typed as a place or body that is the first or last name
        of a person the unit named before ("Somchai" after "Somchai Rattanakul"); a name
        the gazetteer knows as a place stays a place."""
        from kg.resolve.places import gazetteer

        text = named.text
        if " " in text or gazetteer().place_type(text) is not None:
            return None
        for m in sorted(self.ctx.mentions, key=lambda m: -m.start):
            words = m.text.split()
            if m.type is EntityType.PERSON and m.end <= named.start and len(words) > 1 and \
                    text in (words[0], words[-1]):
                return m
        return None

    def _named_inside(self, tok: Token) -> Mention | None:
        """"the ISPR directorate", "the rights group RNDDH", "local radio station Radio Sol
        Mansi": a common noun with the name of a body beside it is that body."""
        lemma = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or lemma in self.spokespeople:
            return None
        if lemma in self.people:
            # "a Zyldav Press correspondent", "a bloc official": people by role; but "gas
            # system operator Kafgas", "the state operator Nordgas": a noun of what a body
            # does with the body's name right after it (no comma) is that body
            return next((m for c in tok.children if c.dep_ == "appos" and c.i > tok.i and
                         c.left_edge.i == tok.i + 1 and
                         (m := self.ctx.cover.get(c.i)) is not None and m.type.is_agent and
                         m.type is not EntityType.PERSON and not m.type.is_place), None)
        # the apposed name first: "the United Nations mission, MINUSCA, said" is MINUSCA
        for c in sorted(tok.children, key=lambda c: c.dep_ != "appos"):
            if c.dep_ not in ("compound", "appos", "nmod"):
                continue
            m = self.ctx.cover.get(c.i)
            if m is not None and m.type.is_agent and m.type is not EntityType.PERSON and (
                    c.dep_ == "appos" or c.i == tok.i - 1 or c.i > tok.i):
                return m
        return None

    def _parent_of_office(self, tok: Token) -> Mention | None:
        """"the Sudanese army press office", "the police media wing": a press office speaks
        for the body it belongs to, when that body was named ("the army" -> the army)."""
        if tok.lemma_.lower() not in self.press_offices or tok.pos_ != "NOUN":
            return None
        press = any(c.dep_ == "compound" and c.i < tok.i for c in tok.children)
        for _p, obj in prep_objects(tok, {"of"} if press else set()):
            # "the press service of the court" (not "the office of the UN coordinator")
            m = self.ctx.mention_of(obj)
            if m is not None and m.type.is_agent and m.type is not EntityType.PERSON:
                return m
        for c in tok.children:
            if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") and any(
                    p.dep_ == "compound" and p.lower_ == "press" for p in tok.children):
                # "the ministry's press service", "the office's press office": the body
                # named before (or named here) speaks through its press service (a "media
                # wing" may be a named service of its own: left to the other readers)
                m = self.ctx.mention_of(c)
                if m is None and _definite(c):
                    m = description_antecedent(self, c)
                if m is not None and m.type.is_agent and m.type is not EntityType.PERSON:
                    return m
            if c.dep_ != "compound" or c.i > tok.i:
                continue
            for t in c.subtree:
                m = described(self.ctx.mentions, t.lemma_.lower(), self.ctx.unit.start + t.idx,
                              self.ctx.sentence(t)) or self._reported_force(tok, t)
                if m is not None:
                    return m
        return None

    def _reported_force(self, tok: Token, word: Token) -> Mention | None:
        """"Kabwe police have detained 28 people, the town's police directorate said":
        the directorate of the police speaks for the police that is the subject of the
        clause it reports (a force the entity rules name only when an event reads it)."""
        if tok.dep_ != "nsubj" or word.lemma_.lower() not in self.descriptions:
            return None
        for c in tok.head.children:
            if c.dep_ not in ("ccomp", "parataxis") or c.i > tok.i:
                continue
            subj = next((x for x in c.children if x.dep_ == "nsubj"), None)
            if subj is None or subj.lemma_.lower() != word.lemma_.lower():
                continue
            m = self.ctx.mention_of(subj) or self.st.f.entity(subj)
            if m is not None and m.type.is_agent and m.type is not EntityType.PERSON:
                return m
        return None

    def _body_phrase(self, tok: Token) -> Mention | None:
        """"the office of the UN coordinator in Malawi", "the Guayas prosecutor's office":
        a body named by its head noun with its owner is named by the whole phrase."""
        lemma = tok.lemma_.lower()
        etype = self.body_heads.get(lemma)
        if etype is None and lemma in self.descriptions and any(
                c.dep_ == "poss" and (m := self.ctx.mention_of(c)) is not None and
                m.type.is_place for c in tok.children):
            # "China's embassy in Port Moresby": a country's body named by a description
            etype = sorted(t.value for t in self.descriptions[lemma][0])[0]
        if etype is None or etype == "Person" or tok.pos_ != "NOUN":
            return None
        if any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in tok.children):
            return None
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod")
                and c.i < tok.i and c.pos_ != "PRON"]
        owners = [o for _p, o in prep_objects(tok, {"of"}) if o.i > tok.i]
        if etype not in self.body_heads.values() or lemma not in self.body_heads:
            # a body named by a description noun and its country: "China's embassy in X"
            owners += [o for _p, o in prep_objects(tok, {"in"}) if o.i > tok.i
                       and self.ctx.mention_of(o) is not None]
        elif etype == "GovernmentBody":  # "the public prosecutor's office in Y said": the
            # town it sits in tells it apart ("police in X" stays the force)
            owners += [o for _p, o in prep_objects(tok, {"in"}) if o.head.i == tok.i + 1
                       and (m := self.ctx.mention_of(o)) is not None
                       and m.type in (EntityType.CITY, EntityType.REGION)]
        inside = [self.ctx.cover[t.i] for c in [*mods, *owners] for t in c.subtree
                  if t.i in self.ctx.cover]
        named = any(self.ctx.cover.get(t.i) is not None for c in mods for t in c.subtree)
        if not owners and not named and not any(c.dep_ == "poss" for c in mods):
            return None  # "the ministry": the fillers and the resolver read it
        start = min([tok.i, *(t.i for c in mods for t in c.subtree)])
        end = max([tok.i, *(t.i for o in owners for t in o.subtree
                           if t.dep_ not in ("relcl", "acl", "appos", "punct"))]) + 1
        words = [t for t in tok.doc[start:end] if not t.is_punct or t.tag_ == "POS"]
        while words and words[0].dep_ == "det":
            words.pop(0)
        if owners:
            inner = self.ctx.mention_of(owners[0])
            if inner is not None and inner.type is EntityType.PERSON:
                return None  # "the office of President X": left to the fillers
        kind = EntityType(etype)
        if kind is EntityType.GOVERNMENT_BODY and any(
                m.type is EntityType.ORGANIZATION for m in inside):
            kind = EntityType.ORGANIZATION  # "the UN human rights office": a UN body
        return self.ctx.create(words, kind, "rule:event-role")

    def _described_owner(self, tok: Token) -> Mention | None:
        """"a hospital official", "party officials": the body named before that the noun
        beside an unnamed official describes (statements.yaml ``descriptions``);
        "officials at the X Hospital", "sources in the Y ministry": the named body (not a
        person or a place) the unnamed officials work at."""
        for _p, obj in prep_objects(tok, {"at", "of", "from", "in", "with"}):
            m = self.ctx.mention_of(obj)
            if m is not None and ((m.type.is_agent and m.type is not EntityType.PERSON
                                  and not m.type.is_place) or institution_site(m.text)) \
                    and not m.source.startswith("rule:event-role"):
                return m  # "officials at Matanda hospital": the hospital speaks
        for c in tok.children:
            m = self.ctx.cover.get(c.i)
            if c.dep_ in ("compound", "nmod") and c.i == tok.i - 1 and m is not None and \
                    m.type.is_agent and m.type is not EntityType.PERSON and \
                    not m.type.is_place and m.end <= self.ctx.unit.start + tok.idx:
                return m  # "an AU official said", "a Hamas official told AFP": the body
            if c.dep_ in ("compound", "nmod", "amod") and c.i < tok.i and \
                    c.lemma_.lower() in self.descriptions and self.ctx.mention_of(c) is None:
                m = described(self.ctx.mentions, c.lemma_.lower(),
                              self.ctx.unit.start + tok.idx, self.ctx.sentence(tok))
                if m is not None:
                    return m
        return None


_NAMING = {"give", "identify", "name", "introduce"}


def _reduced_relative_head(tok: Token, words: list[Token]) -> list[Token]:
    """"a step analysts say he is reluctant to take", "a move critics say will fail": the
    singular noun before the plural speaker heads a relative clause the speaker's verb
    opens; the speaker is the plural noun alone."""
    if tok.tag_ not in ("NNS", "NNPS"):
        return words
    for c in tok.children:
        if c.dep_ == "compound" and c.tag_ == "NN" and c.i < tok.i and any(
                d.dep_ == "det" and d.lower_ in ("a", "an") for d in tok.children):
            return [x for x in words if x.i > c.i]
    return words


def _definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)


def pronoun_antecedent(st, tok: Token) -> Mention | None:
    """The speaker "he"/"she" (or "they"/"it") points back to.

    A conservative rule of its own until the shared in-document coreference lands:
    "he"/"she" is the last person who was the subject of a main clause (or spoke) in the
    pronoun's sentence or the two before it, else of any clause there, else the last
    person the unit names; "they"/"it"/"we" is the last speaker of the unit.
    """
    ctx = st.ctx
    at = ctx.unit.start + tok.idx
    if tok.lower_ not in _PERSONAL:
        return st.last_speaker(at)
    people = [m for m in ctx.mentions if m.type is EntityType.PERSON and m.end <= at
              and not (ctx.headline and ctx.headline[0] <= m.start - ctx.unit.start
                       < ctx.headline[1])]
    # who spoke counts in the sentence of the verb of saying ("Lomani, speaking to
    # reporters, said ..." where the short name re-mentions a person named earlier)
    spoke = set()
    for f, _ in st.found:
        m = f.roles["speaker"][0]
        if not (f.trigger and f.trigger.start < at and isinstance(m, Mention)):
            continue
        if m.type is EntityType.PERSON or surname_like(m):
            # "Lomani, speaking to reporters, said": a surname the model typed as a body
            # (the resolver links it to the person named in full before)
            spoke.add((f.trigger.start, m))
    _starts, ranges = sentence_bounds(ctx.doc)  # computed once per Doc
    sents = sorted(((ctx.unit.start + a, ctx.unit.start + b) for a, b in ranges),
                   key=lambda s: -s[0])
    sents = [s for s in sents if s[0] <= at][:3]  # the pronoun's sentence and two before
    for lo, hi in sents:
        main, other = [], []
        for m in people:
            if not lo <= m.start < hi:
                continue
            span = ctx.char_span(m.start, m.end)
            if span is None or not len(span):
                continue
            root = span.root
            if root.dep_ == "appos":
                root = root.head
            if root.dep_ in _SUBJECTS:
                head = root.head
                top = head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT")
                (main if top else other).append(m)
        main += [m for start, m in spoke if lo <= start < hi]
        for group in (main, other):
            if group:
                return max(group, key=lambda m: m.start)
    return max(people, key=lambda m: m.start, default=None)


def description_antecedent(sp: Speakers, tok: Token) -> Mention | None:
    """"the agency said", "the mission said": see :func:`described`."""
    ctx = sp.ctx
    return described(ctx.mentions, tok.lemma_.lower(), ctx.unit.start + tok.idx,
                     ctx.sentence(tok))


@cache
def _descriptions() -> dict[str, tuple[frozenset[EntityType], tuple[str, ...]]]:
    spec = event_rules().statements["speakers"]["descriptions"]
    return {noun: (frozenset(EntityType(t) for t in d["types"]), tuple(d.get("words", [noun])))
            for noun, d in spec.items()}


_CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december", "today", "yesterday", "tonight"}


def described(mentions: list[Mention], noun: str, at: int,
              sentence: tuple[int, int], *, previous: bool = False) -> Mention | None:
    """The named entity a definite description ("the agency", "the army") points back to:
    of a type the noun can name (kg/rules/events/statements.yaml, ``descriptions``), named
    before ``at``; the last whose name holds the noun's words (one that holds them before
    any "of" and not before "for" first: not a body named by its task or a part of the
    one meant), else the last named in the same ``sentence``; none when neither (left to
    the resolver), or, when ``previous``, the first named in the sentence right before
    (a possessive description of its subject: "the company's head of operations")."""
    entry = _descriptions().get(noun)
    if entry is None:
        return None
    types, words = entry

    def named_so(m: Mention) -> bool:
        low = m.text.lower()
        return any(w in low for w in words)

    # "a hospital official" -> the hospital named before, a site that is an institution
    cands = [m for m in mentions if (m.type in types or (institution_site(m.text)
                                     and named_so(m))) and m.end <= at
             and not m.source.startswith(("rule:event-role", "rule:body"))
             and m.text.lower() not in _CALENDAR]  # "on Monday" read as a name
    if not cands:
        return None

    def headed_so(m: Mention) -> bool:
        # "the authority", "the military": a name that holds the words before any "of"
        # and not before "for" ("the Y Ports Authority", "Armed Forces of Z") before one
        # that names a body by its task ("the Authority for Human Resources") or a part
        # of the body meant ("Joint Command of the Defence Force")
        core = re.split(r"\s+of\s+", m.text.lower(), maxsplit=1)[0]
        return any(re.search(rf"\b{re.escape(w)}\b(?!\s+for\s)", core) for w in words)

    def rank(m: Mention) -> tuple[bool, bool, bool, int]:
        so = named_so(m)
        return (so, so and headed_so(m), sentence[0] <= m.start < sentence[1], m.start)

    best = max(cands, key=rank)
    if not named_so(best) and not (sentence[0] <= best.start < sentence[1]):
        # ``previous``: "ESB Networks said ... . The company's head of operations, X":
        # the first body of that kind the sentence right before named (its subject)
        before = [m for m in cands if m.sentence[1] <= sentence[0]] if previous else []
        last = max((m.sentence for m in before), default=None)
        if last is None or sentence[0] - last[1] > 2:
            return None
        return min((m for m in before if m.sentence == last), key=lambda m: m.start)
    return best


_SPEAKER_PHRASE = {"NOUN", "PROPN", "DET", "ADP", "ADJ", "PRON", "NUM", "CCONJ", "PUNCT", "PART"}


def inverted_speaker(ctx, cue: Token) -> Token | None:
    """The person named in the comma-bounded phrase right before an inverted cue: "...,
    its chairman, Jan Novak, said", "..., Jan Novak, the district administrator, told
    Lusa". In long sentences the parser often hangs such a speaker off the reported
    clause; a name there, with no verb between it and the cue, is who speaks."""
    doc = cue.doc
    if cue.i < 2 or doc[cue.i - 1].text != ",":
        return None
    start = ctx.sent_of[cue.i].start
    commas = 0
    for j in range(cue.i - 2, max(start, cue.i - 18) - 1, -1):
        t = doc[j]
        if t.pos_ not in _SPEAKER_PHRASE:
            return None  # a verb: the reported clause, not the speaker's phrase
        if t.text == ",":
            commas += 1
            if commas > 1:
                return None
            continue
        m = ctx.cover.get(j)
        if m is not None and m.type is EntityType.PERSON:
            return t
    return None


_ROLE_PHRASE = {"NOUN", "PROPN", "DET", "ADJ", "PRON", "ADP"}


def speaker_phrase_start(cue: Token, speaker: Token) -> int:
    """Where the phrase of an inverted speaker begins (its opening comma): after "...,
    its chairman, Jan Novak, said" the report ends before "its chairman"."""
    doc = cue.doc
    j = speaker.i
    while j > 0 and doc[j - 1].text != ",":
        j -= 1
    k = j - 2  # a role phrase before it: ", the district administrator, Jan Novak,"
    while k > 0 and doc[k].text != "," and doc[k].pos_ in _ROLE_PHRASE and j - k < 6:
        k -= 1
    if k > 0 and doc[k].text == "," and any(doc[x].pos_ == "NOUN" for x in range(k, j)):
        return k
    return max(j - 1, 0)
