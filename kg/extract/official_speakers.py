"""Speakers named by an office (a mixin of kg.extract.speakers.Speakers): a named
spokesperson or officer in apposition, the body an unnamed spokesperson or official speaks
for, the country of an officer the text never names, and the body of a described officer's
office ("his office says")."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import np_tokens, prep_objects, text_of
from kg.records import EntityType, Mention
from kg.resolve.places import gazetteer

_TITLE_TAILS = {"general", "executive"}  # "secretary-general", "chief executive"
_OPERATORS = {"company", "firm", "operator"}  # who runs a named site
_MEMBER_BODIES = {EntityType.ORGANIZATION, EntityType.GOVERNMENT_BODY, EntityType.ARMED_FORCE,
                  EntityType.MEDIA_ORGANIZATION, EntityType.GROUP}


def _a_place(name: str) -> bool:
    gaz = gazetteer()
    return bool(gaz.country(name) or gaz.city_candidates(name) or gaz.regions_named(name))


class OfficialSpeakers:
    """Needs ``ctx``, ``st``, ``description_of`` and the word sets of
    :class:`kg.extract.speakers.Speakers`."""

    def _country_of_unnamed_officer(self, tok: Token) -> Mention | None:
        """"New Zealand's foreign minister said": an officer the text never names, of a
        country named as the possessor of the title, speaks for that country (as an
        unnamed spokesperson speaks for the body); none when a person was introduced
        with the title before ("Foreign Minister X") or is named beside it."""
        if tok.pos_ not in ("NOUN", "PROPN") or \
                tok.lemma_.lower() not in self.st.f.role_heads:
            return None
        poss = next((c for c in tok.children if c.dep_ == "poss" and c.i < tok.i), None)
        m = self.ctx.mention_of(poss) if poss is not None else None
        if m is None or m.type is not EntityType.COUNTRY:
            return None
        return None if self._officer_named(tok, poss) else m

    def _body_of_unnamed_officer(self, tok: Token) -> Mention | None:
        """"the bloc's secretary-general said", "the company's chief executive told
        reporters", "SADC's director said": an officer the text never names, of a body
        named as the possessor of the title (by name, or by a description of a body
        named before), speaks for that body, as an unnamed spokesperson does; none when
        a name is apposed or a person was introduced with the title before."""
        if tok.pos_ not in ("NOUN", "PROPN") or not self._officer_title(tok):
            return None
        poss = next((c for c in tok.children if c.dep_ == "poss" and c.i < tok.i), None)
        if poss is None or poss.pos_ not in ("NOUN", "PROPN"):
            return None
        m = self.ctx.mention_of(poss)
        if m is None and poss.pos_ == "NOUN" and any(
                c.dep_ == "det" and c.lower_ == "the" for c in poss.children):
            m = self.description_of(poss)  # "the bloc's": the bloc named before
        if m is None or not m.type.is_agent or m.type is EntityType.PERSON or \
                m.type.is_place:
            return None
        return None if self._officer_named(tok, poss) else m

    def _officer_named(self, tok: Token, poss: Token) -> bool:
        """Whether the officer of title ``tok`` (owned by ``poss``) has a name: one apposed
        ("Latvia's Information Minister, X,") or a person introduced with the title
        before ("Information Minister X said ... the minister's ...")."""
        if any(c.dep_ == "appos" for c in tok.children) or (
                tok.i + 2 < len(tok.doc) and tok.doc[tok.i + 1].text == "," and
                self.ctx.cover.get(tok.i + 2) is not None):
            return True
        title = text_of([t for t in tok.subtree if poss.i < t.i <= tok.i
                         and t.dep_ != "case"]).lower().replace(" - ", "-")
        at = self.ctx.unit.start + tok.idx
        text = self.ctx.document.text
        return any(p.type is EntityType.PERSON and p.start < at and
                   title in text[max(0, p.start - 40):p.end].lower()
                   for p in self.ctx.mentions)

    def _officer_title(self, tok: Token) -> bool:
        """A title head ("director", "chairman"), or the last word of a compound title
        whose first word is one ("secretary-general", "chief executive")."""
        role_heads = self.st.f.role_heads
        if tok.lemma_.lower() in role_heads:
            return True
        return tok.lower_ in _TITLE_TAILS and any(
            c.dep_ == "compound" and c.i < tok.i and c.lemma_.lower() in role_heads
            for c in tok.children)

    def _officer_body(self, tok: Token) -> Mention | None:
        """"The AU Commission chairperson has spoken with X ..., his office says": the
        office of an officer described by a title and a named body (the subject of the
        sentence, no name given) is that body."""
        sent = self.ctx.sent_of[tok.i]
        for t in sent:
            if t.i >= tok.i or t.dep_ != "nsubj" or t.pos_ != "NOUN" or \
                    t.lemma_.lower() not in self.st.f.role_heads or \
                    self.ctx.mention_of(t) is not None:
                continue
            for c in t.children:
                m = self.ctx.cover.get(c.i)
                if c.dep_ in ("compound", "poss") and c.i < t.i and m is not None and \
                        m.type.is_agent and m.type is not EntityType.PERSON and \
                        not m.type.is_place:
                    return m
        return None

    def _apposed_person(self, tok: Token) -> Mention | None:
        """"a spokesman for the mission, Jan Novak, said": the parser hangs the name on
        the body; the named spokesperson speaks, not the body."""
        for _p, obj in prep_objects(tok, {"for", "of", "at"}):
            for c in obj.children:
                m = self.ctx.cover.get(c.i)
                if c.dep_ == "appos" and c.i > obj.i and m is not None and \
                        m.type is EntityType.PERSON:
                    return m
        return None

    def _unnamed_body(self, tok: Token) -> str | None:
        """"an official of the local disaster agency", "a spokesman for the regional
        police command": an unnamed official of an unnamed body speaks for that body,
        given as text (docs/evaluation.md: a spokesperson without a name speaks for the
        body)."""
        for _p, obj in prep_objects(tok, {"of", "for", "at", "from"}):
            if self.ctx.mention_of(obj) is not None or obj.pos_ != "NOUN":
                continue
            lemma = obj.lemma_.lower()
            if lemma in self.body_heads or lemma in self.descriptions or \
                    lemma in self.bodies_as_text:
                words = [x for x in np_tokens(obj, drop={"relcl", "acl", "appos", "prep"})
                         if not (x.dep_ in ("det", "poss") and x.head == obj)]
                text = text_of(words)
                if text:
                    return text
        return None

    def _body_of_described_member(self, tok: Token) -> Mention | None:
        """"A Red Cross doctor said", "two Amnesty researchers told reporters": people the
        text never names, described by what they do after a named body, speak for that
        body, as an unnamed spokesperson or official does (any person noun: the lemma
        lists of officials and spokespeople are only the commonest). Needs an indefinite
        or counted phrase ("the Red Cross doctor" may be a person named before)."""
        if tok.pos_ != "NOUN" or not any(
                (c.dep_ == "det" and c.lower_ in ("a", "an", "another", "one")) or
                c.dep_ == "nummod" for c in tok.children if c.i < tok.i):
            return None
        for c in tok.children:
            if c.dep_ not in ("compound", "nmod") or c.i > tok.i or c.pos_ != "PROPN":
                continue
            m = self.ctx.mention_of(c)
            if m is not None and m.type in _MEMBER_BODIES and not _a_place(m.text):
                return m  # ("a Tartu resident": a town the model took for a body)
        return None

    def _body_of_spokesperson(self, tok: Token) -> Mention | None:
        """"a police spokesman", "a spokeswoman for the ministry", "the army's spokesman":
        the body an unnamed spokesperson speaks for."""
        ctx = self.ctx
        for _p, obj in prep_objects(tok, {"for", "of", "at"}):
            m = self._operator_of_site(tok, obj) or self.st.f.entity(obj)
            if m is not None and m.type.is_agent and m.type is not EntityType.PERSON:
                return m
            if m is not None and m.type is EntityType.PLACE:
                return m
        for c in tok.children:
            if c.dep_ not in ("compound", "poss", "nmod", "amod") or c.i > tok.i:
                continue
            m = ctx.mention_of(c)
            if m is not None and m.type.is_agent and m.type is not EntityType.PERSON:
                return m
            lemma = c.lemma_.lower()
            etype = self.body_heads.get(lemma)
            if etype is not None and etype != "Person" and c.pos_ == "NOUN":
                return ctx.create([c], EntityType(etype), "rule:event-role")
        return self._reported_body(tok)

    def _operator_of_site(self, tok: Token, obj: Token) -> Mention | None:
        """"The X spa was closed and its guests evacuated, a spokeswoman for the company
        said": "the company" (a description no body named before fits) is the operator
        of the named site the reported clause is about; the site speaks for it (an
        unnamed operator is no entity). A company named before is that company."""
        if obj.lemma_.lower() not in _OPERATORS or self.ctx.mention_of(obj) is not None \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in obj.children):
            return None
        m = self.description_of(obj)
        if m is not None:
            return m
        if tok.dep_ != "nsubj":
            return None
        # the first subject of the report before the cue that names a site (the parser
        # may hang the cue on the report's first verb: "X was closed and ..., a
        # spokeswoman for the company said")
        for t in self.ctx.sent_of[tok.i]:
            if t.i >= tok.i:
                break
            if t.dep_ not in ("nsubj", "nsubjpass") or t.pos_ not in ("NOUN", "PROPN"):
                continue
            site = self.ctx.mention_of(t) or next(
                (m for c in t.children if c.dep_ == "compound" and c.i < t.i
                 and (m := self.ctx.mention_of(c)) is not None), None)
            if site is None and t.pos_ == "NOUN":
                # "The Silver Birch spa": a name the model took for no entity here
                name = [c for c in t.children if c.dep_ == "compound" and c.i < t.i]
                name = [x for c in name for x in c.subtree if x.pos_ == "PROPN"]
                if name and all(x.is_title for x in name):
                    site = self.ctx.create(name, EntityType.PLACE, "rule:event-role")
            if site is not None and site.type in (EntityType.PLACE, EntityType.ORGANIZATION):
                return site
        return None

    def _reported_body(self, tok: Token) -> Mention | None:
        """"The Pacific Islands Forum urged all sides to show restraint, a spokesperson told
        journalists": an unnamed spokesperson of nobody named, after the clause they
        report, speaks for the body (or country) that is the subject of that clause."""
        if tok.dep_ != "nsubj" or not any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                          for c in tok.children):
            return None
        for c in tok.head.children:
            if c.dep_ not in ("ccomp", "parataxis") or c.i > tok.i:
                continue
            subj = next((x for x in c.children if x.dep_ == "nsubj"), None)
            m = self.ctx.mention_of(subj) if subj is not None else None
            if m is not None and m.type is not EntityType.PERSON and (
                    (m.type.is_agent and not m.type.is_place) or
                    m.type is EntityType.COUNTRY):
                return m
        return None
