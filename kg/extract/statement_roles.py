"""Statement roles read around a cue: to whom ("told reporters"), through what medium
("in a statement", "on state television", "wrote on X") and when it was said.

A mixin of the statement reader (kg/extract/statements.py): it reads the reader's cue
lists (kg/rules/events/statements.yaml) and its context.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import clause_head, future_clause, np_tokens, text_of
from kg.records import EntityType, TimeExpr

_MEDIUM_PREPS = ("in", "on", "via", "through", "by")
_PLATFORMS = {EntityType.MEDIA_ORGANIZATION, EntityType.ORGANIZATION}


def _put(roles: dict, role: str, value) -> None:
    bucket = roles.setdefault(role, [])
    if value not in bucket:
        bucket.append(value)


def _np_text(tok: Token) -> str:
    """A noun phrase without its article and clauses: "reporters", "state television"."""
    return text_of([x for x in np_tokens(tok, drop={"relcl", "advcl", "parataxis", "acl",
                                                     "appos", "prep"})
                    if not (x.dep_ in ("det", "poss") and x.head == tok)])


def balanced(text: str) -> str:
    """A gist cut inside a quotation loses the quotation marks it no longer closes."""
    if text.count('"') % 2:
        text = text.replace('"', "")
    if text.count("“") != text.count("”"):
        text = text.replace("“", "").replace("”", "")
    return text.strip()


class StatementRoles:
    """Addressee, medium and date of a statement (mixed into the statement reader)."""

    def medium_and_addressee(self, cue: Token, skip: set[int], roles: dict) -> None:
        ctx = self.ctx
        for tok in cue.subtree:
            if tok.i in skip:
                continue
            if tok.dep_ in ("dobj", "dative") and tok.head == cue and \
                    cue.lemma_ in self.addressee_object and \
                    (tok.dep_ == "dobj" or tok.pos_ in ("PROPN", "NOUN")):
                # ("told the agency many had fled": the parser calls the hearer a dative
                # when a bare clause follows)
                self._addressee(tok, roles, any_noun=cue.lemma_ in ("tell", "inform"))
            if tok.dep_ == "advcl" and tok.head == cue and tok.lemma_.lower() in self.addressing:
                # "Speaking to reporters, X said", "Addressing the council, X stated"
                for c in tok.children:
                    if c.dep_ == "dobj":
                        self._addressee(c, roles, any_noun=True)
                    elif c.dep_ in ("prep", "dative") and c.lower_ == "to":
                        for o in c.children:
                            if o.dep_ == "pobj":
                                self._addressee(o, roles, any_noun=True)
            if tok.dep_ == "pobj" and tok.head.lemma_.lower() in _MEDIUM_PREPS:
                self._medium(tok, roles)
            if tok.lemma_.lower() in self.participles and tok.pos_ == "VERB":
                for c in tok.children:
                    if c.dep_ in ("prep", "dative") and c.lower_ == "to":
                        for o in c.children:
                            m = self.f.entity(o, create=False)
                            if m is not None and m.type.is_agent:
                                _put(roles, "addressee", m)
        del ctx

    def heard_by(self, subj: Token, roles: dict) -> None:
        """"Traders who spoke to the Herald said", "the minister, talking to the press,
        said", "nurses reached by this paper said", "according to
        farmers interviewed by X": the one the speaker's own clause names as hearing or
        reaching the speaker is the addressee (statements.yaml ``addressing``,
        ``reached_by``)."""
        if "addressee" in roles:
            return
        for c in subj.children:
            if c.dep_ not in ("relcl", "acl") or c.pos_ != "VERB":
                continue
            lemma = c.lemma_.lower()
            for p in c.children:
                told_to = lemma in self.addressing and p.dep_ in ("prep", "dative") and \
                    p.lower_ == "to"
                if told_to or (lemma in self.reached_by and p.dep_ == "agent"):
                    for o in p.children:
                        if o.dep_ == "pobj":
                            self._addressee(o, roles, any_noun=True)
                elif lemma in ("tell", "address", "brief") and p.dep_ == "dobj" and \
                        c.dep_ == "relcl" and p.tag_ not in ("WP", "WDT"):
                    self._addressee(p, roles, any_noun=True)

    def _addressee(self, tok: Token, roles: dict, *, any_noun: bool) -> None:
        """"told Reuters", "told the state news agency ABI", "told reporters"."""
        ctx = self.ctx
        m = self.f.entity(tok, create=False)
        if m is None:
            # "told the state news agency ABI": the name next to the common noun
            m = next((ctx.cover[c.i] for c in tok.children
                      if c.dep_ in ("appos", "compound", "npadvmod", "nmod")
                      and c.i in ctx.cover and ctx.cover[c.i].type.is_agent), None)
        if m is not None:
            if m.type.is_agent or m.type is EntityType.COUNTRY:
                _put(roles, "addressee", m)
            return
        if tok.pos_ == "PROPN" and any_noun and tok.text[:1].isupper() and \
                tok.ent_type_ not in ("DATE", "TIME"):
            # "told the Gazette", "she told the Sentinel": a paper or station the entity
            # readers did not name keeps its name as written
            text = _np_text(tok)
            if text:
                _put(roles, "addressee", text)
            return
        if tok.pos_ == "NOUN" and (any_noun or tok.lemma_.lower() in
                                   self.speakers.people):
            text = _np_text(tok)
            if text:
                _put(roles, "addressee", text)

    def _medium(self, tok: Token, roles: dict) -> None:
        """"in a statement", "on state television", "on X", "by phone", "via Telegram"."""
        ctx = self.ctx
        prep = tok.head.lemma_.lower()
        named = [ctx.cover[x.i] for x in tok.subtree if x.i in ctx.cover]
        named = [m for m in dict.fromkeys(named) if m.type in _PLATFORMS]
        lemma = tok.lemma_.lower()
        if lemma in self.media or tok.lower_ in self.media:
            if prep == "by" and named:
                return  # "a statement carried by X" is read at X
            _put(roles, "medium", _np_text(tok) or lemma)
            for m in named:
                _put(roles, "medium", m)
            for c in tok.children:  # "on its X account", "its Telegram channel": the platform
                if c.dep_ == "compound" and c.i not in ctx.cover and c.text[:1].isupper():
                    _put(roles, "medium", c.text)
            # "in an interview with X": the outlet
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("with", "to"):
                    for o in c.children:
                        m = ctx.cover.get(o.i)
                        if m is not None and m.type in _PLATFORMS:
                            _put(roles, "medium", m)
            return
        if prep == "by":
            return
        own = ctx.cover.get(tok.i)
        if own is not None and own.type is EntityType.MEDIA_ORGANIZATION:
            _put(roles, "medium", own)
        elif own is None and tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN") and \
                prep in ("on", "via") and tok.ent_type_ not in ("DATE", "TIME") and \
                not any(c.dep_ in ("det", "compound") for c in tok.children):
            _put(roles, "medium", tok.text.rstrip(".,;:"))  # "wrote on X", "on Telegram"

    def date(self, cue: Token, skip: set[int], *, fallback: bool = True) -> TimeExpr | None:
        from kg.resolve.dates import normalise_date

        own, other = None, None
        for ent in self.dates:
            if self.ctx.sent_of[ent.root.i] != self.ctx.sent_of[cue.i]:
                continue
            if ent.root.i in skip and future_clause(clause_head(ent.root), self.future_aux,
                                                    set()):
                continue  # "X will meet Y on Thursday, her office said": not when it was said
            t = normalise_date(ent.text, base=self.ctx.base)
            prep = ent.root.head.lemma_.lower() if ent.root.dep_ == "pobj" else ""
            # a date that opens with a skipped preposition ("since June", "until Friday"),
            # as a whole word: "today", "tonight" and "tomorrow" open with "to" unskipped
            if t.value is None or prep in self.skip_preps or \
                    ent.text.lower().split()[0] in self.skip_preps:
                continue
            if any(s <= ent.start_char < e for s, e in self.quotes):
                continue
            if ent.root.i not in skip and clause_head(ent.root) == cue:
                own = own or t
            else:
                other = other or t
        return own or (other if fallback else None)

