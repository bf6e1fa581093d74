"""Who fills a role: the agent behind a subject or by-phrase, conjuncts, members drawn
from a force and the speaker of a reported clause (mixed into the role reader,
kg/extract/arguments.py); the theme behind an object is kg/extract/theme_fillers.py's."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.context import (
    Context,
    Fillers,
    plural_antecedent,
)
from kg.extract.craft_models import is_craft_model
from kg.extract.hazards import hazard_antecedent
from kg.extract.syntax import (
    prep_objects,
    relative_inner,
    subject_of,
    text_of,
)
from kg.extract.theme_fillers import ThemeFillers
from kg.records import EntityType, Mention

# prepositions of place that follow an actor noun in the parse but say where it acted
_WHERE_PREPS = frozenset({"at", "in", "near", "outside", "inside", "around", "across"})


class RoleFillers(ThemeFillers):
    """Fillers of the agent and theme roles (mixed into the role reader; the theme's
    reading is :class:`~kg.extract.theme_fillers.ThemeFillers`)."""

    ctx: Context
    f: Fillers
    lists: dict
    forces: set[str]
    actors: set[str]
    cue_verbs: set[str]
    documents: set[str]
    titles: set[str]
    trigger: Token | None
    first_person: bool | None
    theme_heads: list[Token]
    person_theme: bool
    theme_creates: bool
    holder_role: str | None

    def _conjuncts(self, head: Token) -> list[Token]:
        out = [head]
        for c in head.children:
            if c.dep_ == "conj":
                out.extend(self._conjuncts(c))
            elif c.dep_ == "nmod" and c.i < head.i and c.pos_ in ("PROPN", "NOUN") and any(
                    g.dep_ == "cc" and g.lower_ == "and" for g in c.children) and any(
                    g.dep_ == "conj" and g.i < head.i for g in c.children):
                # "Ozols and Minister Kaja Tamm held", "Ozols and union leaders
                # agreed": the parser hangs the first of two names on the second as a
                # modifier, the second's own words as its conjunct; the two are the list
                out.insert(0, c)
        for _prep, obj in prep_objects(head, {"with"}):  # "X, together with Y"
            if any(a.lower_ == "together" for a in head.children) or any(
                    a.lower_ == "together" for a in obj.head.children):
                out.extend(self._conjuncts(obj))
        return out

    def _relative_agent(self, verb: Token, subject: Token) -> Token:
        """"the verdict of the Court, which convicted X": a relative clause hung on an
        act or document (no one acts) is about the body of its of-phrase, named right
        before the pronoun; any other subject is kept."""
        inner = relative_inner(verb)
        if inner is None or inner.i == subject.i:
            return subject
        low = subject.lemma_.lower()
        own = self.ctx.mention_of(subject)
        if (own is not None and (own.type.is_agent or own.type is EntityType.COUNTRY)) or \
                low in self.actors or low in self.forces or low in self.f.body_heads or \
                low in self.f.role_heads or subject.pos_ != "NOUN":
            return subject  # "the head of the mission, who said": the head
        named = self.ctx.mention_of(inner)
        if named is not None and named.type.is_agent:
            return inner
        return subject

    def _issuer(self, doc: Token) -> Token | None:
        """Who issued a document that acts in the text ("X signed a decree dissolving the
        parties", "an order issued by X banning rallies", "X's decree"): the signer, the
        by-phrase of its participle, or its possessor; None when the text does not say."""
        for c in doc.children:
            if c.dep_ == "poss":
                return c
            if c.dep_ == "acl" and c.tag_ == "VBN" and \
                    c.lemma_.lower() in self.lists["issuing_verbs"]:
                for _prep, obj in prep_objects(c, {"by"}):
                    return obj
        if doc.dep_ == "dobj" and doc.head.pos_ == "VERB":
            return subject_of(doc.head)
        if doc.dep_ == "nsubjpass":
            for _prep, obj in prep_objects(doc.head, {"by"}):
                return obj
        return None

    def _agentish(self, head: Token):
        people = plural_antecedent(self.ctx, head) if head.pos_ == "PRON" else None
        if people is not None:  # "They accused X": the residents named before
            return self._agentish(people)
        council = self._municipal_body(head)
        if council is not None:  # "The Town of X issued an order": the town's council
            return council
        if head.lemma_.lower() in self.lists["count_nouns"] and head.pos_ == "NOUN":
            # "hundreds of protesters blocked the roads": the protesters
            for _prep, obj in prep_objects(head, {"of"}):
                return self._agentish(obj)
        if (head.lemma_.lower() in self.actors or head.lemma_.lower() in self.forces) and \
                head.pos_ == "NOUN" and self.trigger is not None and any(
                    c.dep_ == "poss" and c.lower_ in ("its", "their") for c in head.children):
            # "the group claimed its fighters had killed X", "the police said its officers
            # arrested 17": the speaker's people
            said = self._speaker_of(self.trigger)
            owner = self.f.entity(said, create=False) if said is not None else None
            if owner is not None and owner.type.is_agent:
                return owner
        if head.pos_ == "NOUN" and self.ctx.mention_of(head) is None:
            # "the EU's special representative, Jean-Marc Delorme, held talks": the person
            # (the parser may hang the name on the noun of its of- or for-phrase: "the
            # EU's envoy for the Dialogue, X, held": a person is no dialogue)
            nouns = [head, *(o for _p, o in prep_objects(head, {"of", "for", "to"})
                             if self.ctx.mention_of(o) is None or
                             self.ctx.mention_of(o).type is not EntityType.PERSON)]
            for c in (c for n in nouns for c in n.children):
                named = self.ctx.mention_of(c) if c.dep_ == "appos" else None
                if named is not None and named.type is EntityType.PERSON:
                    return named
        nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
        if head.pos_ == "NOUN" and nxt is not None and head.lemma_.lower() in self.actors \
                and self.ctx.mention_of(head) is None and (
                    named := self.ctx.mention_of(nxt)) is not None and named.type.is_agent \
                and named.start == self.ctx.unit.start + nxt.idx:
            # "The opposition National Renewal Party (NRP) accused": the word that says
            # what a named body is, right before its name (the parser may make the two
            # subjects, or the name an apposition): the named body acts
            return named
        holder = self._appositive_holder(head)
        if holder is not None:
            return holder
        m = self.f.entity(head, seated=True)
        craft = m is None and head.pos_ in ("PROPN", "X") and is_craft_model(head)
        if m is None and (head.pos_ == "NOUN" or craft):
            # "her counterpart Luis Vera", "the army chief, General X": the name in apposition
            weapon = head.lemma_.lower() in self.lists["weapon_heads"] or craft
            for c in head.children:
                # "an army drone", "its artillery", "drones of the X Front": the owner acts
                owner = c.dep_ in ("compound", "poss", "nmod", "amod") and weapon
                named = self.ctx.mention_of(c) if c.dep_ == "appos" or owner else None
                if named is None and owner and c.dep_ == "poss" and \
                        c.lower_ in ("its", "their"):
                    # "the army said its warplanes had bombed X": the speaker's
                    said = self._speaker_of(self.trigger) if self.trigger is not None else None
                    if said is not None:
                        return self._agentish(said)
                elif named is None and owner and c.dep_ in ("compound", "poss") and \
                        c.pos_ == "NOUN" and (c.lemma_.lower() in self.forces or
                                              c.lemma_.lower() in self.f.body_heads):
                    # "army warplanes": the owner as the text says (a body noun read here
                    # creates no entity: which army is for the resolver to say elsewhere)
                    return self.f.entity(c, create=False) or text_of([c])
                if named is not None and (named.type.is_agent or (owner and
                                          named.type is EntityType.COUNTRY)):
                    return named
            if weapon:
                for _prep, obj in prep_objects(head, {"of"}):
                    return self._agentish(obj)
        if m is not None:  # a country or a capital may act ("Moscow said"): it stays a place
            return m if m.type.is_agent or m.type in (EntityType.COUNTRY, EntityType.CITY) \
                else None
        if self._drawn_from(head):  # "fighters of the X Front", "officers from the Y
            inner = self._members_of(head)  # Police": the group or force
            if inner is not None:
                return inner
        if head.lemma_.lower() in self.forces and head.pos_ == "NOUN" and any(
                c.dep_ == "compound" and c.lemma_.lower() in self.forces
                for c in head.children) and not any(c.dep_ in ("nummod", "det")
                                                    for c in head.children):
            return text_of(self._bare(head, set()))  # "army units were sent to guard ..."
        if head.lemma_.lower() in self.forces and head.tag_ == "NNS" and any(
                c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == head.i - 1
                for c in head.children) and not any(
                    c.dep_ in ("nummod", "det", "poss") for c in head.children):
            # "civil protection teams evacuated X", "rescue teams reached Y": a kind of
            # crew named by what it does acts, as the text says
            return text_of(self._bare(head, set()))
        if head.lemma_.lower() in self.actors and head.pos_ == "NOUN":
            # "gunmen", "protesters": their text
            # "arrested by gendarmes at the airport": where they acted is the event's place,
            # not part of who they are
            where = {x.i for c in head.children if c.dep_ == "prep" and c.i > head.i and
                     c.lower_ in _WHERE_PREPS and not self._seat(head, c) for x in c.subtree}
            return text_of(self._bare(head, where))
        kind = self.f.body_heads.get(head.lemma_.lower())
        if kind is not None and kind != "Person" and head.pos_ == "NOUN" and any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
            return text_of(self._bare(head, set()))  # "a Dhaka court ordered": as told
        title = self._title_holder(head) or self._office_phrase(head)
        if title is not None:
            return title
        if head.pos_ == "PROPN" and head.is_title:
            # a name the entity rules missed ("The United Nations urged"): its words (not
            # a title-case headline parsed as one long name)
            name = [x for x in head.subtree
                    if (x.i <= head.i and x.dep_ in ("compound", "flat")) or x.i == head.i]
            if name and len(name) <= 5 and all(x.pos_ == "PROPN" for x in name) and \
                    self.trigger not in name:
                return text_of(sorted(name, key=lambda x: x.i))
        if head.lower_ in ("i", "we") and self.first_person is not None:
            self.first_person = True  # "I urge everyone ...": the speaker of the quote
        return None

    def _municipal_body(self, head: Token) -> Mention | None:
        """"The Town of X issued an order", "the City of Y said": a capitalised town,
        city or county word with "of" and a named place acts as the local authority (a
        GovernmentBody named "Town of X"; lexicon.yaml ``municipal_heads``)."""
        if head.pos_ != "PROPN" or not head.is_title or \
                head.lower_ not in self.lists["municipal_heads"]:
            return None
        for _prep, obj in prep_objects(head, {"of"}):
            place = self.ctx.mention_of(obj)
            if place is not None and place.type.is_place:
                span = self.ctx.char_span(place.start, place.end)
                end = span.end if span is not None and span.start > head.i else None
            elif place is None and obj.pos_ == "PROPN" and obj.is_title:
                end = obj.i + 1  # a town the entity rules did not name ("Town of Rosetown")
            else:
                end = None
            if end is not None:
                return self.ctx.create(list(head.doc[head.i:end]),
                                       EntityType.GOVERNMENT_BODY, "rule:event-role")
        return None

    def _seat(self, head: Token, prep: Token) -> bool:
        """Whether ``prep`` says who the subject is by where they sit: "Prosecutors in X
        have opened", "Officials in Y said" (an "in" right after a subject before its verb,
        with a named place), unlike where people acted ("arrested by gendarmes at Z")."""
        verb = head.head
        obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
        if obj is not None and prep.lower_ == "at" and \
                any(o.i == obj.i for o in self._seat_of_office(head)):
            return True  # "the prosecutor at the X court": the court they sit at
        m = self.ctx.mention_of(obj) if obj is not None else None
        return prep.lower_ == "in" and prep.i == head.i + 1 and head.i < verb.i and \
            head.lemma_.lower() in self.lists["seated_nouns"] and \
            head.dep_ in ("nsubj", "nsubjpass") and m is not None and m.type.is_place

    def _appositive_holder(self, head: Token) -> Mention | None:
        """"the Inspector General of Police, Maria Okafor, banned ...": a title with the
        holder's name in apposition acts as that person, even when the model made the
        title a name of its own ("General of Police")."""
        if head.pos_ != "PROPN" or not (head.lower_ in self.titles or
                                        head.lemma_.lower() in self.f.role_heads):
            return None
        for c in head.children:
            named = self.ctx.mention_of(c) if c.dep_ == "appos" else None
            if named is not None and named.type is EntityType.PERSON and \
                    named is not self.ctx.mention_of(head):
                return named
        return None

    def _not_agent(self, tok: Token, kind: str) -> bool:
        """Whether the one acting makes the trigger no event of the type (lexicon.yaml
        ``not_agents``): "the cyclone struck", "protesters blocked the road" (a blockade
        is how they protest); "hundreds of protesters" counts as protesters; a relative
        pronoun or an "it" of the same sentence is what it stands for ("waves, which
        struck the shore", "the storm weakened as it moved inland")."""
        words = self.lists["not_agents"].get(kind, ())
        if not words:
            return False
        tok = hazard_antecedent(tok, self.cue_verbs)
        if tok.lemma_.lower() in self.lists["count_nouns"]:
            tok = next((o for _p, o in prep_objects(tok, {"of"})), tok)
        if tok.lemma_.lower() in words or any(
                x.dep_ == tok.dep_ == "nsubj" and x is not tok and x.lemma_.lower() in words
                for x in tok.head.children):  # "a magnitude 6.4 earthquake": two subjects
            return True
        # a hazard named or measured ("Hurricane Zelda", "Storm Orla", "a magnitude 6.9
        # earthquake" parsed with "magnitude" as its head, "tsunami waves"): the kind word
        # before a name, in apposition, or before a part of a hazard (lexicon hazard_parts)
        parts = self.lists["hazard_parts"]
        return any(c.lemma_.lower() in words and (
            c.dep_ == "appos" or (c.dep_ == "compound" and (
                tok.pos_ == "PROPN" or tok.lemma_.lower() in parts)))
            for c in tok.children)

    def _members_of(self, head: Token) -> Mention | None:
        """"fighters of the X Front", "X Front fighters", "officers of the Y unit": the
        group or force whose people they are. People or units drawn out of a named armed
        force act, or are sent, as that force: "officers from the X Police arrested",
        "sent 300 soldiers from the Y Guard", "ten companies of the Z Rifles were
        deployed", "rescue teams from the Civil Defence" (a force noun or a unit noun of
        lexicon ``unit_nouns`` before of/from; from a place, a country or a body that is
        no force they stay as the text says: "firefighters from Benin")."""
        low = head.lemma_.lower()
        actor = low in self.actors
        pairs = prep_objects(head, {"of", "from"})
        verb = head.head
        if head.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in \
                self.lists["sending_verbs"]:
            # "sent 120 officers from the X Guard to Y": the parser hangs the from-phrase
            # on the verb of sending (only a force there is whose people they are)
            pairs += [(p, o) for p, o in prep_objects(verb, {"from"})
                      if (m := self.ctx.mention_of(o)) is not None and
                      m.type is EntityType.ARMED_FORCE]
        for prep, obj in pairs:
            inner = self.ctx.mention_of(obj) or self._named_group(obj)
            if inner is None:
                continue
            if (actor and prep == "of" and inner.type.is_agent) or \
                    inner.type is EntityType.ARMED_FORCE:
                return inner
        return self._named_group(head) if actor else None

    def _drawn_from(self, head: Token) -> bool:
        """Whether ``head`` names people or units that may be drawn out of a force."""
        low = head.lemma_.lower()
        return head.pos_ == "NOUN" and (low in self.actors or low in self.forces or
                                        low in self.lists["unit_nouns"])

    def _named_group(self, tok: Token) -> Mention | None:
        """"members of the Red Viper gang": the group a common noun is named by (a name
        before a group or force noun), when the name alone is the mention."""
        low = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or not (low in self.actors or low in self.forces or
                                      low in self.lists["unit_nouns"]):
            return None
        # (an acronym before a force or unit noun may be parsed as an adjective: "ONIJ
        # agents"; "UCR supporters" are people of their own)
        deps = ("compound", "amod", "nmod") if low in self.forces or \
            low in self.lists["unit_nouns"] else ("compound",)
        for c in tok.children:
            if c.dep_ in deps and c.i < tok.i:
                m = self.ctx.mention_of(c)
                if m is not None and m.type.is_agent:
                    return m
        return None

    def _title_holder(self, head: Token) -> Mention | None:
        """"The President has directed the army ...": a definite title alone stands for the
        one person the document gives that office; a Person mention of the title (the
        resolver's ``link_titles`` joins it to that holder, or leaves it out)."""
        if head.lemma_.lower() not in self.f.role_heads or \
                head.pos_ not in ("NOUN", "PROPN") or not any(
                    c.dep_ == "det" and c.lower_ == "the" for c in head.children) or \
                any(c.dep_ in ("prep", "appos", "poss") for c in head.children):
            return None  # "the head of the mission": whose head is for named_holder
        words = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i]
        toks = sorted([*(x for w in words for x in w.subtree), head], key=lambda x: x.i)
        if " ".join(x.lower_ for x in toks) not in self.titles:
            return None
        return self.ctx.create(toks, EntityType.PERSON, "rule:event-role")

    def _office_phrase(self, head: Token) -> str | None:
        """"The governor of the Northern region banned ...", "an investigating judge
        ordered ...", "the Commissioner of Police has directed ...": one office named with
        its remit and no holder's name acts as the person who holds it, named as the text
        names the office (text: no person entity is made of an office alone)."""
        words = self.ctx.rules.relations["position"]["title_heads"]
        if head.lemma_.lower() not in words or head.pos_ not in ("NOUN", "PROPN") or \
                head.tag_ not in ("NN", "NNP") or not any(
                    c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in head.children) \
                or any(c.dep_ in ("poss", "appos", "nummod") for c in head.children):
            return None
        mods = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i]
        of = [o for _p, o in prep_objects(head, {"of"})]
        # "the public prosecutor at the court of first instance", "a judge in X": a legal
        # officer told apart by the court or town where they sit (lexicon seated_nouns)
        of += self._seat_of_office(head) if not of else []
        if not mods and not of:
            return None  # "the governor": a bare title is _title_holder's
        toks = [x for m in mods for x in m.subtree]
        for o in of[:1]:
            toks += [head.doc[o.head.i]] + [x for x in o.subtree if not any(
                a.dep_ in ("relcl", "appos", "acl") and a.i != o.i and
                (a == x or a.is_ancestor(x)) for a in o.subtree)]
        toks = sorted({*toks, head}, key=lambda x: x.i)
        if any(self.ctx.mention_of(x) is not None and
               self.ctx.mention_of(x).type is EntityType.PERSON for x in toks):
            return None
        while toks and (toks[-1].is_punct or toks[-1].dep_ == "det"):
            toks.pop()
        return text_of(toks)

    def _seat_of_office(self, head: Token) -> list[Token]:
        """The court or place a seated office is named by: "at the X court" (a body noun),
        "in Y" (a named place) right after the office."""
        if head.lemma_.lower() not in self.lists["seated_nouns"]:
            return []
        out = []
        for prep, o in prep_objects(head, {"at", "in"}):
            if o.head.i != head.i + 1:
                continue  # the phrase right after the office, not where it acted later
            m = self.ctx.mention_of(o)
            if (m is not None and m.type.is_place and prep == "in") or (
                    prep == "at" and self.f.body_heads.get(o.lemma_.lower()) is not None):
                out.append(o)
        return out

    def through_prep(self, head: Token) -> str | None:
        """The preposition whose object a theme headed by ``head`` names: "a total of 40
        people", "access to X" (lexicon ``through_nouns``); for a type that gives goods, a
        container's load ("a shipment of 60 generators": the generators; lexicon
        ``load_containers``)."""
        lemma = head.lemma_.lower()
        through = self.lists["through_nouns"].get(lemma)
        if through is None and lemma in self.lists["load_containers"].get(
                getattr(self, "kind", None), ()):
            through = "of"
        return through

    def _speaker_of(self, t: Token) -> Token | None:
        """The subject of the verb of saying whose reported clause holds ``t``."""
        for a in t.ancestors:
            if a.lemma_.lower() in self.cue_verbs and a.pos_ == "VERB":
                s = next((c for c in a.children if c.dep_ == "nsubj"), None)
                if s is None and a.dep_ in ("conj", "advcl"):
                    # "X accused Y ... and said its ...", "..., it said, adding that its men"
                    s = next((c for c in a.head.children if c.dep_ == "nsubj"), None)
                if s is not None and s.lower_ in ("it", "they") and \
                        self.ctx.mention_of(s) is not None:
                    return s  # a pronoun coreference resolved: the body it points back to
                if s is not None and s.lower_ not in ("it", "they", "he", "she") and \
                        self.f.entity(s, create=False) is not None:
                    return s
                return None
        return None

