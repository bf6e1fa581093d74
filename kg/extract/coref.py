"""Pronouns resolved to the entity they point back to, by rules (docs/entities.md).

No learned coreference model installs offline here (spaCy's experimental coref and
the neural ones need downloads), so pronouns are resolved the way a careful reader of
news does, in this order:

1. reported speech: "the ministry said it would ...", "Okafor said he ..." -> the subject
   of the reporting verb whose clause holds the pronoun (rule ``coref:reported-subject``);
2. otherwise the nearest earlier mention that fits (rule ``coref:recency``): he/she ->
   a person (whose gender, when a title or a role before the name or an earlier pronoun
   tells it, agrees), preferring the subject of the nearest sentence that has one; it ->
   an organisation, body, force, medium, group or country in the same or the previous
   sentence; they -> a force or group with a plural head ("the rebels", "security forces").

A pronoun that nothing fits is left alone: no guess. Each resolved pronoun is a mention
(source ``coref:...``) with the type of its antecedent and ``antecedent`` set, so the event
and statement extractors can use it as a role filler ("He told reporters") and the
resolver merges it into the antecedent's entity; its text never becomes a label.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from spacy.tokens import Doc, Token

from kg.extract.entity_rules import EntityRules, entity_rules
from kg.extract.name_gender import name_genders
from kg.extract.spans import doc_text, mention_from_span, sentence_bounds
from kg.records import EntityType, Mention, Unit

_REPORTING = {"say", "add", "announce", "tell", "state", "claim", "insist", "warn", "deny",
              "confirm", "argue", "note", "explain", "promise", "pledge", "vow", "write",
              "report", "believe", "think", "hope", "fear", "admit", "accuse"}
_PLURAL_HEADS = {"forces", "troops", "rebels", "militants", "fighters", "peacekeepers",
                 "police", "gangs", "insurgents", "soldiers", "units", "guards"}
_PLEONASTIC_NEXT = {"is", "was", "'s", "’s", "seems", "seemed", "appears", "appeared",
                    "remains", "remained"}
_SENTENCES_BACK = 2
_NAMED = "\0name:"  # key prefix in ``known``: a gender the first name tells


@cache
def _pronoun_regex() -> re.Pattern[str]:
    """The pronouns of pronouns.jsonl, found in the unit's text (no loop over its tokens)."""
    words = sorted(entity_rules().pronouns, key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b", re.IGNORECASE)


def _gender(m: Mention, doc: Doc, unit: Unit, rules: EntityRules,
            known: dict[str, str]) -> str | None:
    """'m', 'f' or None from the first name (kg/extract/name_gender.py), an earlier
    pronoun, or a title or role right before the name."""
    named = known.get(_NAMED + m.text)
    if named is not None:
        return named
    if m.text in known:
        return known[m.text]
    if m.unit != unit.index:
        return None
    local = m.start - unit.start
    span = doc.char_span(local, m.end - unit.start, alignment_mode="expand")
    if span is None:
        return None
    for tok in doc[max(0, span.start - 3):span.start]:
        g = rules.gender_cues.get(tok.lower_)
        if g is not None and tok.lower_ not in ("his", "her"):
            return g
    return None


def _coargument_subject(tok: Token) -> set[int]:
    """The tokens of the subject of the verb an object pronoun is an argument of: "X
    accused him of ...", "Y called on her to resign", "Z urged it to ..." (a plain object
    pronoun never stands for its own clause's subject, which would be "himself"); a verb
    joined or controlled without a subject of its own takes the subject above it."""
    if tok.dep_ not in ("dobj", "dative", "pobj") or tok.lower_ in ("it", "its"):
        # ("it" as an object is left alone anyway: _pleonastic)
        return set()
    verb = tok.head
    if tok.dep_ == "pobj":
        if verb.dep_ != "prep":
            return set()
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    for _ in range(3):
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return {x.i for s in subj for x in s.subtree}
        if verb.dep_ not in ("conj", "xcomp", "advcl") or verb.head is verb:
            return set()
        verb = verb.head
    return set()


def _subject_of_reporting(tok: Token, by_token: dict[int, Mention]) -> Mention | None:
    """"The ministry said it would ...": the subject of the reporting verb above the
    pronoun's clause (not of the verb the pronoun is the object of: "X accused him")."""
    if (tok.dep_ in ("dobj", "dative") and tok.head.lemma_.lower() in _REPORTING) or (
            tok.dep_ == "pobj" and tok.head.dep_ == "prep" and
            tok.head.head.lemma_.lower() in _REPORTING):
        return None
    head = tok.head
    steps = 0
    while head is not None and steps < 4:
        if head.lemma_.lower() in _REPORTING:
            for c in head.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i and c.i < tok.i:
                    return by_token.get(c.i)
            return None
        if head.head is head:
            return None
        head, steps = head.head, steps + 1
    return None


def pronoun_mentions(doc: Doc, unit: Unit, mentions: list[Mention],
                     history: list[Mention]) -> list[Mention]:
    """Mentions for the pronouns of ``doc`` that an earlier mention of the unit (or of the
    document's earlier units, ``history``) explains; ``history`` grows with them."""
    rules = entity_rules()
    spans = []
    by_token: dict[int, Mention] = {}
    for m in sorted(mentions, key=lambda m: m.end - m.start):
        if m.type is EntityType.COUNTRY or m.type.is_agent:
            sp = doc.char_span(m.start - unit.start, m.end - unit.start,
                               alignment_mode="expand")
            if sp is not None:
                spans.append((sp, m))
                for t in sp:
                    by_token.setdefault(t.i, m)
    known: dict[str, str] = {_NAMED + n: g for n, g in name_genders(
        [m.text for m in history + mentions if m.type is EntityType.PERSON]).items()}
    out: list[Mention] = []
    sent_starts = sentence_bounds(doc)[0]
    for match in _pronoun_regex().finditer(doc_text(doc)):
        tok = doc.char_span(match.start(), match.end())
        if tok is None:
            continue
        tok = tok[0]
        entry = rules.pronouns.get(tok.lower_)
        if entry is None or tok.pos_ != "PRON" or tok.i in by_token or tok.tag_ == "PRP$" \
                or tok.dep_ == "poss":
            continue  # "her supporters": a possessive is not the person
        gender, types = entry
        if tok.lower_ == "it" and _pleonastic(tok):
            continue  # "it is unclear", "it was not known": no referent
        own = _coargument_subject(tok)
        ante, rule = _subject_of_reporting(tok, by_token), "coref:reported-subject"
        if ante is not None and not _fits(ante, gender, types, doc, unit, rules, known):
            ante = None
        if ante is None:
            usable = [(sp, m) for sp, m in spans if not own & {t.i for t in sp}]
            ante = _recent(tok, gender, types, usable, history, doc, unit, rules, known,
                           sent_starts)
            rule = "coref:recency"
        if ante is None:
            continue
        if gender in ("m", "f") and ante.text not in known:
            known[ante.text] = gender
        span = doc[tok.i:tok.i + 1]
        pm = mention_from_span(span, unit, ante.type, rule)
        pm = Mention(pm.start, pm.end, pm.text, pm.type, pm.unit, pm.sentence, pm.source,
                     antecedent=ante)
        out.append(pm)
    history.extend(m for m in mentions if m.type is EntityType.PERSON or m.type.is_agent)
    return out


def _pleonastic(tok: Token) -> bool:
    """"it is unclear whether", "it seems", "it was not known": an 'it' that refers to nothing."""
    doc = tok.doc
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return True  # objects and expletives ("make it clear"): left alone
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    after = doc[tok.i + 2] if tok.i + 2 < len(doc) else None
    if nxt is not None and nxt.lower_ in _PLEONASTIC_NEXT and after is not None and (
            after.pos_ in ("ADJ", "PART") or after.lower_ in ("unclear", "time", "possible",
                                                               "likely", "known", "too")):
        return True
    return nxt is not None and nxt.lemma_ in ("seem", "appear", "rain")


def _fits(m: Mention, gender: str, types: frozenset[EntityType], doc: Doc, unit: Unit,
          rules: EntityRules, known: dict[str, str]) -> bool:
    if m.type not in types:
        return False
    if m.type is EntityType.PERSON:
        g = _gender(m, doc, unit, rules, known)
        return g is None or g == gender
    return True


def _recent(tok: Token, gender: str, types: frozenset[EntityType], spans, history,
            doc: Doc, unit: Unit, rules: EntityRules, known: dict[str, str],
            sent_starts: list[int]) -> Mention | None:
    """The nearest fitting mention before the pronoun, the subject of a sentence first."""
    sent_i = max(i for i, s in enumerate(sent_starts) if s <= tok.i)
    first = sent_starts[max(0, sent_i - _SENTENCES_BACK)]
    plural = tok.lower_ in ("they", "them")
    before = [(sp, m) for sp, m in spans if first <= sp.start and sp.end <= tok.i
              and _fits(m, gender, types, doc, unit, rules, known)
              and (not plural or sp[-1].lower_ in _PLURAL_HEADS)]
    if tok.lower_ in ("it", "they", "them"):
        near = sent_starts[max(0, sent_i - 1)]
        before = [(sp, m) for sp, m in before if sp.start >= near]
    if before and _unnamed_patients(tok, doc, sent_starts[max(0, sent_i - 1)],
                                    sent_starts[sent_i]):
        return None
    if before:
        patient = _named_patient(tok, before, sent_starts[max(0, sent_i - 1)],
                                 sent_starts[sent_i])
        if patient is not None:
            return patient
        subjects = [(sp, m) for sp, m in before
                    if any(t.dep_ in ("nsubj", "nsubjpass") for t in sp)]
        pool = subjects or before
        return max(pool, key=lambda x: x[0].start)[1]
    if gender in ("m", "f") and sent_i == 0:
        earlier = [m for m in history if m.type is EntityType.PERSON
                   and _fits(m, gender, types, doc, unit, rules, known)]
        if earlier:
            return earlier[-1]
    if gender in ("m", "f") and tok.dep_ in ("nsubj", "nsubjpass"):
        main = _main_person(tok, spans, history)
        if main is not None and _fits(main, gender, types, doc, unit, rules, known):
            return main
    return None


def _main_person(tok: Token, spans, history: list[Mention]) -> Mention | None:
    """The person the story is about: named first (in the headline or the lead) and
    named more often than anyone else before the pronoun, a short form ("Ferro") counting
    with the full name it ends ("Tomas Ferro"). A profile or an obituary goes on saying
    "he" of its subject paragraphs after the name; a he/she subject with no person near
    it stands for them (none when two people are named equally often)."""
    people = [m for m in history if m.type is EntityType.PERSON] + [
        m for sp, m in sorted(spans, key=lambda x: x[0].start)
        if sp.end <= tok.i and m.type is EntityType.PERSON]
    if not people:
        return None
    full = sorted({m.text for m in people if len(m.text.split()) >= 2}, key=len,
                  reverse=True)

    def key(text: str) -> str:
        return next((f for f in full if f == text or f.endswith(" " + text)), text)

    counts = Counter(key(m.text) for m in people).most_common()
    top, n = counts[0]
    if top != key(people[0].text) or n < 2 or (len(counts) > 1 and counts[1][1] == n):
        return None
    return next(m for m in reversed(people) if key(m.text) == top)


def _unnamed_patients(tok: Token, doc: Doc, prev_start: int, own_start: int) -> bool:
    """"Police arrested 12 protesters in X. They were taken to Y": a passive "they" that
    opens its sentence stands for the people the sentence before acted on (the plural
    object of its main verb), not for its subject; when they are unnamed no mention
    explains it (kg/extract/context.py ``plural_antecedent`` reads them)."""
    if tok.dep_ != "nsubjpass" or tok.lower_ != "they" or tok.i != own_start:
        return False
    return any(t.dep_ == "dobj" and t.tag_ == "NNS" and t.head.dep_ == "ROOT"
               for t in doc[prev_start:own_start])


def _named_patient(tok: Token, before, prev_start: int, own_start: int) -> Mention | None:
    """"The president named X as the new minister. He will be sworn in on Friday": the
    subject of a passive clause that opens its sentence is the person the sentence before
    acted on (the object of its main verb), not that verb's subject; none when a person
    stands before the pronoun in its own sentence."""
    if tok.dep_ != "nsubjpass" or tok.lower_ not in ("he", "she") or any(
            sp.start >= own_start for sp, _m in before):
        return None
    for sp, m in sorted(before, key=lambda x: -x[0].start):
        if sp.start < prev_start or m.type is not EntityType.PERSON:
            continue
        root = sp.root
        verb = root.head
        if root.dep_ == "dobj" and verb.pos_ == "VERB" and verb.dep_ == "ROOT" and any(
                c.dep_ == "nsubj" for c in verb.children):
            return m
    return None
