"""Requests and accusations: who asks or accuses whom, of or for what.

The trigger engine (kg/extract/triggers.py, arguments.py) finds the verbs and nouns of
kg/rules/events/request.yaml and accusation.yaml; this module reads what the shared role
reader cannot tell apart for these types, on the parse:

- the addressee is the one asked, named or not: "asked Canberra for help" (a capital
  standing for its government), "urged both sides", "appealed to donors", "called on
  its supporters"; what is asked is the theme ("to release the detainees", "for help");
- the agent of a pronoun ("He also asked ...") or a title ("The President appeals ...")
  is the person meant (kg/extract/speakers.py);
- "asked not to be named" (a source's anonymity) and "called the protesters terrorists"
  (naming) are no requests;
- "at the request of X", "following a request by X", "at X's request": X asked the one
  who acts for what it does (a Request of its own);
- "accused X of Y", "blamed X for Y", "X is accused of Y": agent, theme and the cause.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.asked import asked_for, asked_text, hung_infinitive
from kg.extract.clause_time import alleged_date, days_apart
from kg.extract.context import counted_antecedents, plural_antecedent
from kg.extract.request_roles import (
    continued_report,
    joined_modifier,
    placed_people,
    widen_addressees,
)
from kg.extract.speakers import described, pronoun_antecedent
from kg.extract.syntax import (
    RELATIVE_PRONOUNS,
    from_phrases,
    is_passive,
    np_tokens,
    prep_objects,
    subject_of,
    text_of,
    to_infinitive,
)
from kg.records import EntityType, Fact, Mention

_NP_DROP = {"relcl", "advcl", "parataxis", "acl", "appos"}


def _text(tok: Token) -> str:
    return text_of([x for x in np_tokens(tok, drop=_NP_DROP | {"conj", "cc"})
                    if not (x.head == tok and x.dep_ == "det")])


class _Pronouns:
    """The statement reader's view pronoun_antecedent needs: the unit and no speakers."""

    def __init__(self, ctx) -> None:
        self.ctx = ctx
        self.found: list = []

    def last_speaker(self, before: int):
        del before
        return None


def refine_requests(events: list[Fact], ctx) -> list[Fact]:
    """Requests and accusations of one unit with their roles read again; nominal requests
    ("at the request of X") added."""
    from kg.extract.context import Fillers

    f = Fillers(ctx)
    out: list[Fact] = []
    for fact in events:
        if fact.kind not in ("Request", "Accusation") or fact.trigger is None:
            out.append(fact)
            continue
        span = ctx.char_span(fact.trigger.start, fact.trigger.end)
        verb = span.root if span is not None and len(span) else None
        if verb is None or verb.pos_ != "VERB":
            out.append(fact)
            continue
        if fact.kind == "Request" and not _request(fact, verb, ctx, f):
            continue
        extra = _gapped(fact, verb, ctx, f) if fact.kind == "Request" else []
        if fact.kind == "Accusation":
            out.extend(_accusation(fact, verb, ctx, f))
            continue
        out.append(fact)
        out.extend(extra)
    out.extend(_nominal_requests(ctx, f, out))
    widen_addressees(out, ctx, _NP_DROP)
    for fact in out:
        if fact.kind in ("Request", "Accusation") and fact.trigger is not None:
            _drop_covering(fact)
    head = ctx.headline
    out = [x for x in out if not (  # a headline request without its asker: the body tells it
        x.kind == "Request" and head is not None and not x.roles.get("agent") and
        x.trigger is not None and head[0] <= x.trigger.start - ctx.unit.start < head[1])]
    # "Pristina and Belgrade trade accusations": nobody and nothing said
    return [x for x in out if x.kind != "Accusation" or any(
        x.roles.get(r) for r in ("agent", "theme", "cause"))]


def _infinitive(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and to_infinitive(tok)


def _gapped(fact: Fact, verb: Token, ctx, f) -> list[Fact]:
    """"calls on the Government to lift the ban and on the regulator to withdraw its
    decision": a second addressee with its own request, the verb left out (gapping); the
    parser hangs it inside the first request. Two Requests, one per addressee."""
    from dataclasses import replace

    first = next((c for c in verb.children if c.dep_ == "prep" and
                  c.lower_ in ("on", "upon", "to")), None)
    if first is None or not fact.roles.get("addressee"):
        return []
    first_to = next((t for t in verb.subtree if t.i > first.i and _infinitive(t)), None)
    if first_to is None:
        return []
    second = next((t for t in verb.subtree if t.i > first_to.i and t.dep_ == "conj" and
                   t.lower_ == first.lower_), None)
    if second is None:
        return []
    who_tok = next((c for c in second.children if c.dep_ == "pobj"), None)
    asked = next((t for t in verb.subtree if who_tok is not None and t.i > who_tok.i and
                  _infinitive(t)), None)
    if who_tok is None or asked is None:
        return []
    who = _addressee(who_tok, ctx, f)
    if not who:
        return []
    cut = second.i
    while cut > first_to.i and verb.doc[cut - 1].dep_ in ("cc", "punct"):
        cut -= 1
    own = [t for t in verb.doc[first_to.i:cut] if not t.is_punct and not (
        t.dep_ == "aux" and t.lower_ == "to" and t.head == first_to)]
    later = [t for t in asked.subtree if not t.is_punct and not (
        t.dep_ == "aux" and t.lower_ == "to" and t.head == asked)]
    if not own or not later:
        return []
    fact.roles["theme"] = [text_of(own)]
    roles = {k: list(v) for k, v in fact.roles.items()}
    roles["addressee"] = who
    roles["theme"] = [text_of(later)]
    return [replace(fact, roles=roles, rule=fact.rule + "+gapped", links={})]


def _drop_covering(fact: Fact) -> None:
    """A filler whose span holds the trigger itself is a bad name span ("UN Calls for
    Release of Detained Lawmakers" read as one organisation): no filler."""
    for role in ("agent", "addressee", "theme"):
        kept = [v for v in fact.roles.get(role, []) if not (
            isinstance(v, Mention) and v.start <= fact.trigger.start < v.end)]
        if kept:
            fact.roles[role] = kept
        else:
            fact.roles.pop(role, None)


# --- verbs of asking -------------------------------------------------------------------------
def _request(fact: Fact, verb: Token, ctx, f) -> bool:
    """Fix the roles of a verbal Request; False when it is none."""
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if xcomp is None and obj is not None:  # "asked the UN secretary-general to present"
        xcomp = next((c for c in obj.children if c.dep_ in ("xcomp", "acl", "relcl")
                      and to_infinitive(c)), None)
    hung = None
    if xcomp is None and obj is not None:
        xcomp, hung = hung_infinitive(verb, obj)
    if hung is None and xcomp is not None and obj is not None:
        # "urged residents with boats to help": the with-phrase says who is asked
        hung = next((c for c in (*obj.children, *verb.children) if c.dep_ == "prep" and
                     c.lower_ == "with" and obj.i < c.i < xcomp.i), None)
    if xcomp is not None and any(c.dep_ == "neg" for c in xcomp.children) and \
            xcomp.lemma_.lower() in ("name", "identify"):
        return False  # "asked not to be named"
    if any(c.dep_ == "oprd" for c in verb.children):
        return False  # "called the protesters terrorists": naming, no request
    if verb.lemma_.lower() == "call" and not any(
            c.i == verb.i + 1 and c.lower_ in ("on", "upon", "for") for c in verb.children):
        return False  # "called the strikers vandals on Monday": "on" is no particle here
    if verb.lemma_.lower() == "seek" and (
            obj is None or obj.lemma_.lower() not in ctx.rules.lists["sought_requests"]):
        return False  # "seek a third term", "sought to calm", "seek damages from X"
    roles = fact.roles
    roles.pop("purpose", None)
    if is_passive(verb):  # "No representative of X was invited to the talks"
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        who = _addressee(subj, ctx, f) if subj is not None else []
        if subj is not None and who == [_text(subj)]:
            who = [_picked_out(subj)]
        if subj is not None and _asked_from(verb, None, ctx, f):
            # "assistance was requested from X": the subject is what is asked
            who = []
            roles["theme"] = [asked_text(verb, subj)]
        if who:
            roles["addressee"] = who
            roles.pop("agent", None)
            roles.pop("theme", None)
        for _p, o in prep_objects(verb, {"to"}):
            roles.setdefault("theme", []).append(_text(o))
        for _p, o in prep_objects(verb, {"by"}):
            agent = ctx.mention_of(o) or f.entity(o)
            if agent is not None:
                roles["agent"] = [agent]
    if obj is not None and (xcomp is not None or prep_objects(verb, {"for"})):
        # "asked Canberra for help", "urged both sides to show restraint": the one asked
        who = _addressee(obj, ctx, f)
        if hung is not None:  # "anyone with information on X": the one asked as written
            who = [text_of([t for t in (*obj.subtree, *hung.subtree)
                            if t.i < xcomp.i and not (t.dep_ == "aux" and t.head == xcomp)
                            and not (t.dep_ == "det" and t.head == obj)])]
        if who:
            roles["addressee"] = who
    giver = _asked_from(verb, obj, ctx, f)
    if giver and not roles.get("addressee"):
        roles["addressee"] = giver
    # ("called on farmers to report": the parser may take "on" for a particle that
    # still governs the one asked)
    held = [(c.lower_, o) for c in verb.children if c.dep_ == "prt" and
            c.lower_ in ("on", "upon") for o in c.children if o.dep_ == "pobj"]
    for prep, o in prep_objects(verb, {"to", "on", "upon"}) + held:
        if prep in ("on", "upon") and (verb.lemma_.lower() != "call" or
                                       o.head.i != verb.i + 1):
            continue  # "called on its supporters", not "called for a rally on Friday"
        who = _addressee(o, ctx, f)  # "appealed to donors", "called on its supporters"
        # "appeals to the private sector and the churches": the parser may join the second
        # to the verb
        who += [w for c in verb.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")
                for w in _addressee(c, ctx, f)]
        if who and not roles.get("addressee"):
            roles["addressee"] = who
    that = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    subj = next((c for c in that.children if c.dep_ == "nsubj"), None) if that is not None \
        else None
    if that is not None and subj is None and any(c.dep_ == "mark" for c in that.children):
        # "demanded that Armenia remove X": the subjunctive verb read as a noun, its
        # subject as a compound
        subj = next((c for c in that.children if c.dep_ == "compound" and c.i < that.i and
                     c.pos_ == "PROPN"), None)
    if xcomp is None and subj is not None and subj.pos_ in ("PROPN", "NOUN"):
        # "demanded that Armenia remove X": the one asked, and what it is to do
        who = [w for w in _addressee(subj, ctx, f) if isinstance(w, Mention)]
        if who:
            roles["addressee"] = who
            own = {x.i for x in subj.subtree}
            roles["theme"] = [text_of([t for t in that.subtree if t.i not in own and not (
                t.is_punct or (t.dep_ == "mark" and t.head == that))])]
            xcomp = None
    asked = roles.get("addressee", [])
    theme = []
    if that is not None and roles.get("theme") and asked and subj is not None:
        theme = list(roles["theme"])
    elif xcomp is not None:  # "to release the detainees": what is asked, without the "to"
        # (a finite verb joined to the infinitive is the asker's next act, not asked: "called
        # on the minister to appear before the committee and accused the government of X")
        told = {x.i for c in xcomp.children if c.dep_ == "conj" and c.tag_ in ("VBD", "VBZ")
                for x in c.subtree}
        told |= {c.i for c in xcomp.children if c.dep_ == "cc" and told and c.i < min(told)}
        theme = [text_of([t for t in xcomp.subtree if not t.is_punct and t.i not in told
                          and not (t.dep_ == "aux" and t.lower_ == "to" and t.head == xcomp)])]
    else:
        wanted = asked_for(verb)
        if wanted:
            theme = [wanted]
        if not theme and obj is not None and obj.lower_ in RELATIVE_PRONOUNS and \
                verb.dep_ == "relcl":  # "the aid that X requested from Y": the aid
            theme = [_text(verb.head)]
        if not theme and obj is not None and (not asked or giver):
            theme = [asked_text(verb, obj)]
        if not theme and that is not None and verb.lemma_.lower() != "call":
            # "demanded that the bill be withdrawn": what is to happen
            theme = [text_of([t for t in that.subtree if not (
                t.is_punct or (t.dep_ == "mark" and t.head == that))])]
        if not theme and verb.dep_ == "relcl":  # "a rally the party had called for"
            theme = [_text(verb.head)]
    if theme:
        roles["theme"] = theme
    else:
        roles["theme"] = [v for v in roles.get("theme", []) if not any(
            _same(v, a, ctx) for a in [x for x in (obj,) if x is not None])]
    if not roles.get("date"):
        when = days_apart(verb, ctx)
        if when is not None:
            roles["date"] = [when]
    agent = None if is_passive(verb) else _agent(verb, ctx, f)
    if continued_report(verb, ctx):  # the reported clause's subject asks, not the teller
        roles.pop("agent", None)
    if agent is not None and (not roles.get("agent") or
                              _reported_conjunct(verb, ctx) or _unnamed(roles["agent"]) or (
                                  isinstance(agent, Mention) and  # a name for a word
                                  all(isinstance(v, str) for v in roles["agent"]))):
        roles["agent"] = [agent]
    return bool(roles.get("agent") or roles.get("addressee") or roles.get("theme"))


def _asked_from(verb: Token, obj: Token | None, ctx, f) -> list:
    """The one asked when the request names it as the giver: "requested assistance from
    Latvia", "sought support from the regional agency", "demanded a ransom from
    the owner", "help was requested from the Governments of X and Y" (the verb or its
    object carries the from-phrase). Only a named body, person or country: "a shipment of
    diesel from the port city" says where the thing comes from."""
    if verb.lemma_.lower() not in ctx.rules.lists["asked_from_verbs"]:
        return []
    heads = [verb] + ([obj] if obj is not None else [])
    if is_passive(verb):
        heads += [c for c in verb.children if c.dep_ == "nsubjpass"]
    out: list = []
    for h in heads:
        for c in from_phrases(h, h is verb):
            for o in c.children:
                if o.dep_ != "pobj":
                    continue
                if o.lemma_.lower() in ctx.rules.lists["asked_from_governments"] and \
                        o.tag_ == "NNS":
                    # "the Governments of Latvia and Estonia": the countries
                    o = next((x for _p, x in prep_objects(o, {"of"})), o)
                out += [w for w in _addressee(o, ctx, f) if isinstance(w, Mention) and (
                    w.type.is_agent or w.type == EntityType.COUNTRY) and w not in out]
    return out


def _same(value, tok: Token, ctx) -> bool:
    if isinstance(value, Mention):
        return ctx.mention_of(tok) == value
    return isinstance(value, str) and value == _text(tok)


def _addressee(tok: Token, ctx, f) -> list:
    """The one asked, with its conjuncts: a named body, person, country or capital, a body
    noun ("the authorities": the body, for the resolver to name), or people by role as
    text ("both sides", "its supporters", "donors")."""
    counted = counted_antecedents(ctx, tok)  # "urged both sides": the two named before
    if counted:
        return list(counted)
    out: list = []
    for t in [tok, *tok.conjuncts]:
        m = ctx.mention_of(t) or f.entity(t, create=False) or _title(t, f) or \
            f.definite_body(t)
        joined = joined_modifier(t) or placed_people(t, _NP_DROP)
        if joined and (m is None or m.source.startswith("rule:")):
            # "the ministers and state governors": both, as written; "villagers along
            # the coast": the people with the phrase placing them
            out.append(joined)
            continue
        if m is not None and (m.type.is_agent or m.type in (EntityType.COUNTRY,
                                                            EntityType.CITY)):
            out.append(m)
        elif (people := plural_antecedent(ctx, t) if t.pos_ == "PRON" else None) is not None:
            out.append(_text(people))  # "told supporters ..., urging them": the supporters
        elif t.pos_ in ("NOUN", "PROPN", "PRON") and t.lower_ not in ("it", "them", "this"):
            text = _text(t)
            if text and t.pos_ != "PRON":
                out.append(text)
    return out


def _picked_out(subj: Token) -> str:
    """People asked in a passive request, as written with the clause that picks them out:
    "residents living along the river are urged to move", "travellers who have booked
    flights are asked to check": a participle or relative clause on the subject says
    which people are asked (an apposition or a comma clause is left out)."""
    commas = [t for t in subj.subtree if t.text in (",", "(", "—", "–") and t.i > subj.i]
    stop = commas[0].i if commas else None
    keep = [t for t in np_tokens(subj, drop={"advcl", "parataxis", "appos"})
            if (stop is None or t.i < stop) and not (t.head == subj and t.dep_ == "det")]
    return text_of(keep) or _text(subj)


def _unnamed(values: list) -> bool:
    """Fillers that are only a description ("the army") a named antecedent may replace."""
    return all(isinstance(v, Mention) and v.source.startswith(("rule:body", "rule:event-role"))
               for v in values)


def _title(tok: Token, f) -> Mention | None:
    """"the president": a mention of the office holder (the resolver links a title to the
    person it was written before); bodies and groups without a name stay text."""
    if f.body_heads.get(tok.lemma_.lower()) != "Person":
        return None
    return f.entity(tok, person=True)


def _reported_conjunct(verb: Token, ctx) -> bool:
    """"X said the army wanted ... and demanded Y": the parser joined X's demand to the
    reported clause; X demands. Not when both conjuncts are backshifted, each with its
    own perfect or modal ("X said the minister had met them and had asked the police to
    ...", "said the union had met and would ask the board to ..."): the second
    goes on reporting, and the reported clause's subject asks."""
    return verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and \
        verb.head.head.lemma_.lower() in ctx.rules.statements["cues"]["verbs"] and \
        not continued_report(verb, ctx)


def _agent(verb: Token, ctx, f):
    """The one who asks: the subject, a pronoun's antecedent, a title's holder ("The
    President appeals": the resolver links the title to its holder), or people by role
    as text ("Organisers have called for", "thousands of demonstrators ..., demanding")."""
    subj = subject_of(verb)
    if _reported_conjunct(verb, ctx):
        # "X said the charge was fabricated and called on ...": the parser joined the
        # appeal to the reported clause; the one who asks is the one who said it
        subj = subject_of(verb.head.head)
    if subj is None:
        return None
    if subj.lower_ in ("he", "she"):
        return pronoun_antecedent(_Pronouns(ctx), subj)
    if subj.lemma_.lower() in _COUNTS:  # "thousands of demonstrators"
        subj = next((o for _p, o in prep_objects(subj, {"of"})), subj)
    m = ctx.mention_of(subj)
    if (m is None or m.source.startswith("rule:")) and any(
            c.dep_ == "det" and c.lower_ == "the" for c in subj.children):
        # "the army accused ...": the army the unit named ("the Sudanese Armed Forces")
        m = described(ctx.mentions, subj.lemma_.lower(), ctx.unit.start + subj.idx,
                      ctx.sentence(subj)) or m
    m = m or f.entity(subj, create=False) or _title(subj, f)
    if m is None:  # "His Excellency Sheikh X, Governor of Y, called on": the apposed name
        m = next((n for c in subj.children if c.dep_ == "appos" and (
            n := ctx.mention_of(c)) is not None and n.type is EntityType.PERSON), None)
    if m is None and subj.lemma_.lower() in f.role_heads and subj.pos_ == "PROPN" and \
            any(c.dep_ == "det" for c in subj.children):
        m = ctx.create([subj], EntityType.PERSON, "rule:event-role")  # "The President"
    if m is not None and (m.type.is_agent or m.type in (EntityType.COUNTRY, EntityType.CITY)):
        return m
    if m is None and _people(subj, ctx):
        return _text(subj)
    return None


_COUNTS = {"thousand", "hundred", "dozen", "million", "group", "crowd", "number", "score"}


def _people(tok: Token, ctx) -> bool:
    """People named by role or deed: the statement rules' people and the actor nouns."""
    lemma = tok.lemma_.lower()
    return tok.pos_ in ("NOUN", "PROPN") and (
        lemma in ctx.rules.statements["speakers"]["people"] or
        lemma in ctx.rules.lists["actor_nouns"] or tok.lower_ in ctx.rules.lists["actor_nouns"])


# --- "at the request of X" -----------------------------------------------------------------
def _nominal_requests(ctx, f, events: list[Fact]) -> list[Fact]:
    """"held an emergency meeting at the request of Cambodia", "following a request by the
    KFOR Commander, the command authorised the deployment", "at X's request": X asked the
    subject of the clause (the addressee) for what it does (the theme)."""
    nouns = set(ctx.rules.lists["request_nouns"])
    told = {fact.trigger.start: fact for fact in events
            if fact.kind == "Request" and fact.trigger is not None}
    out = []
    for tok in ctx.tokens:
        if tok.lemma_.lower() not in nouns or tok.pos_ != "NOUN" or tok.dep_ != "pobj":
            continue
        prep = tok.head
        if prep.lower_ not in ("at", "upon", "after", "following", "on") and not (
                prep.lower_ == "to" and prep.head.lower_ in ("response", "reply")):
            continue
        asker = None
        for c in tok.children:
            if c.dep_ == "poss":
                asker = ctx.mention_of(c) or f.entity(c)
        for_objs = [o for _p, o in prep_objects(tok, {"for"})]
        for _p, o in [*prep_objects(tok, {"of", "by", "from"}),
                      *(x for fo in for_objs for x in prep_objects(fo, {"from", "by"}))]:
            asker = asker or ctx.mention_of(o) or f.entity(o, person=True)
        if asker is None or (asker.type is EntityType.PERSON and
                             asker.source == "rule:event-role"):
            continue
        verb = prep.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head
        if verb.dep_ in ("relcl", "acl"):
            continue  # "the force, which was deployed in 2022 at the government's request"
        roles: dict[str, list] = {"agent": [asker]}
        subj = subject_of(verb)
        if subj is not None:
            who = ctx.mention_of(subj) or f.entity(subj)
            if who is not None and who != asker:
                roles["addressee"] = [who]
        asked = [text_of([t for t in np_tokens(o, drop=_NP_DROP | {"prep"})
                          if not (t.dep_ == "det" and t.head == o)]) for o in for_objs]
        if asked:  # "a request for assistance from X"
            roles["theme"] = asked
        elif verb.pos_ in ("VERB", "AUX"):  # "held an emergency meeting", "meeting in session"
            skip = {x.i for x in prep.subtree} | {x.i for c in verb.children if c.dep_ in (
                "nsubj", "nsubjpass", "aux", "auxpass", "advcl", "punct", "cc", "conj", "ccomp",
                "advmod", "mark") for x in c.subtree}
            words = [t for t in verb.subtree if t.i not in skip and t.ent_type_ not in
                     ("DATE", "TIME")]
            if words and words[0].lower_ in RELATIVE_PRONOUNS:
                words = words[1:]
            bare = [t.i for t in words] == [verb.i]
            if bare and verb.lemma_.lower() == "be":
                continue  # "we are here at the request of X": nothing done is told
            passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if bare and passive:  # "the session had been called at X's request"
                words = [*(t for t in np_tokens(passive[0], drop=_NP_DROP | {"prep"})
                           if not (t.dep_ == "det" and t.head == passive[0])), verb]
            roles["theme"] = [text_of(words)] if words else [verb.lemma_]
        known = told.get(ctx.unit.start + tok.idx)
        if known is not None:  # the engine read the noun: give it these roles
            for role, values in roles.items():
                known.roles[role] = values
            continue
        trigger = [tok]
        out.append(Fact(kind="Request", category="event", roles=roles, unit=ctx.unit.index,
                        sentence=ctx.sentence(tok), rule="request/at-the-request-of",
                        confidence=0.7, trigger=ctx.span(trigger), reported=ctx.unit.stamp))
    return out


# --- accusations -----------------------------------------------------------------------------
def _accusation(fact: Fact, verb: Token, ctx, f) -> list[Fact]:
    """"accused X of Y" (cause Y), "blamed X for Y", "blamed Y on X", "X is accused of Y";
    "A and B accused each other of Y" is one accusation each way. [] when it is none."""
    roles = fact.roles
    roles.pop("purpose", None)
    blame = verb.lemma_.lower() == "blame"
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    preps = prep_objects(verb, {"of", "for"})
    if not preps and obj is not None:  # "accusing its leaders of training militias"
        preps = [(p, o) for p, o in prep_objects(obj, {"of"})]
        if preps:
            cut = {x.i for _p, o in preps for x in o.head.subtree}
            roles["theme"] = [ctx.mention_of(obj) or text_of(
                [x for x in np_tokens(obj, drop=_NP_DROP) if x.i not in cut and not (
                    x.head == obj and (x.dep_ == "det" or x.tag_ == "PRP$"))])]
    for prep, o in preps:
        if prep == "for" and not blame:
            continue
        cause = text_of([t for t in o.subtree if not t.is_punct])
        if cause:
            roles["cause"] = [cause.strip('"“”')]
        break
    if blame and not roles.get("cause"):
        on = [o for _p, o in prep_objects(verb, {"on"})]
        target = ctx.mention_of(on[0]) or f.entity(on[0]) if on else None
        if target is None and on and _people(on[0], ctx):
            target = _text(on[0])
        if target is None:
            return []  # "blamed the slow arrival of aid", "blamed on a payroll error": no one
        roles["theme"] = [target]
        if obj is not None:
            roles["cause"] = [_text(obj)]
    alleged_date(fact, verb, preps, ctx)
    agent = _agent(verb, ctx, f)
    if agent is not None and (not roles.get("agent") or _reported_conjunct(verb, ctx)
                              or _unnamed(roles["agent"])):
        roles["agent"] = [agent]
    if roles.get("theme"):
        roles["theme"] = [_same_force(v, ctx) if isinstance(v, Mention) else v.strip('"“”')
                          for v in roles["theme"]]
    if not (roles.get("theme") or roles.get("cause")):
        return []
    themes = [v for v in roles.get("theme", []) if isinstance(v, str)]
    agents = [a for a in roles.get("agent", []) if isinstance(a, Mention)]
    if themes and themes[0].lower() in ("each other", "one another", "other", "another") \
            and len(agents) == 2:  # ("each" may be read as the determiner, dropped)
        out = []
        for a, b in (agents, agents[::-1]):
            copy = Fact(kind=fact.kind, category=fact.category,
                        roles={**roles, "agent": [a], "theme": [b]}, unit=fact.unit,
                        sentence=fact.sentence, rule=fact.rule + "+reciprocal",
                        confidence=fact.confidence, trigger=fact.trigger,
                        reported=fact.reported)
            out.append(copy)
        return out
    return [fact]


def _same_force(m: Mention, ctx) -> Mention:
    """"accused Armenian forces" after "Armenian troops had shelled": an unnamed force of
    one country told twice is one force; the mention made first stands for both."""
    if m.source != "rule:event-role" or m.type is not EntityType.ARMED_FORCE:
        return m
    words = m.text.split()
    if len(words) != 2:
        return m
    forces = set(ctx.rules.lists["forces"])
    if words[1].lower().rstrip("s") not in forces and words[1].lower() not in forces:
        return m
    for other in ctx.created.values():
        ow = other.text.split()
        if other is not m and other.type is EntityType.ARMED_FORCE and len(ow) == 2 and \
                ow[0] == words[0] and other.start < m.start and (
                    ow[1].lower().rstrip("s") in forces or ow[1].lower() in forces):
            return other
    return m
