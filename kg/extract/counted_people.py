"""Counts that point back to the people named before them.

News names the people a story is about and then counts them: "A and B were detained.
The state attorney began looking into the pair", "the trio were charged", "both men
appeared in court", "all three walked free on bail", "barred both from travel". A
definite count ("the"/"all"/"both" before a number word up to twenty, or a collective
noun that counts people: lexicon ``people_counts``), alone or before a noun of people,
left as the text of an event's agent, theme, addressee or participant stands for the N
people named just before it. They are read from the nearest sentences: the words of the
count's own sentence before it, then up to two sentences back, adding each sentence's
named people until there are exactly N of them (a short form joins the full name it is
part of); one sentence too many (more than N people) and the count is left as text. A
person who only reports ("X said", "said X") is no one counted, nor is one of the
sentence's people after the count ("the case against both men, Tanoli said"), nor one
who fills another role of the same event ("Judge X sentenced the pair"). Bare pronouns
are left to the pronoun rules (kg/extract/coref.py, context.py ``plural_antecedent``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.context import Context
from kg.records import EntityType, Fact, Mention
from kg.resolve.quantities import number_words

_ROLES = ("agent", "theme", "addressee", "participant")
_SENTENCES_BACK = 2


def role_texts(facts: list[Fact], unit: int, roles: tuple[str, ...], *,
               events_only: bool = False) -> Iterator[tuple[Fact, str, list, int, str]]:
    """Each role value left as text in this unit's facts, as (fact, role, values, index,
    text); once the caller replaces a role's values, the rest of that role is skipped.
    Shared by the pointers back to people (here) and to bodies (described_groups.py)."""
    for f in facts:
        if f.unit != unit or (events_only and f.category != "event"):
            continue
        for role in roles:
            values = f.roles.get(role) or []
            for k, v in enumerate(values):
                if isinstance(v, str):
                    yield f, role, values, k, v
                    if f.roles.get(role) is not values:
                        break


def point_back_counts(facts: list[Fact], ctx: Context) -> None:
    """Replace a definite count of people left as role text by the people it counts."""
    sents = None
    for f, role, values, k, v in role_texts(facts, ctx.unit.index, _ROLES, events_only=True):
        found = _pointer(v, f, ctx)
        if found is None:
            continue
        head, n = found
        if sents is None:
            sents = list(ctx.doc.sents)
        others = {id(x) for r, xs in f.roles.items() for x in xs
                  if isinstance(x, Mention) and r != role}
        people = _people_before(ctx, head, n, others, sents)
        if people:
            f.roles[role] = [*values[:k], *people, *values[k + 1:]]


def _pointer(value: str, f: Fact, ctx: Context) -> tuple[Token, int] | None:
    """The head token of a definite count of people whose text ``value`` is (the count
    may have been left out of it: "both men" read as "men") in the fact's sentence, and
    the number it counts; None when the value is no such count."""
    lists = ctx.rules.lists
    counts: dict[str, int] = lists["people_counts"]
    marks = set(lists["count_pointers"])
    words = value.casefold().split()
    if not words or len(words) > 3:
        return None
    local = (f.sentence[0] - ctx.unit.start, f.sentence[1] - ctx.unit.start)
    text = ctx.text[local[0]:local[1]]
    body = r"\s+".join(map(re.escape, words))
    for match in re.finditer(rf"(?<![\w-]){body}(?![\w-])", text, re.IGNORECASE):
        span = ctx.doc.char_span(local[0] + match.start(), local[0] + match.end(),
                                 alignment_mode="expand")
        if span is None or not len(span):
            continue
        head = span[-1]
        phrase = [t.lower_ for t in ctx.doc[min(head.left_edge.i, span.start):head.i + 1]]
        n = _counted(phrase, counts, marks)
        if n is None or ctx.mention_of(head) is not None:
            continue
        if phrase[-1] not in counts and _number(phrase[-1]) is None and \
                not _people_noun(head, ctx):
            continue  # "both sides", "the two countries": not people
        if head.i + 1 < len(ctx.doc) and ctx.doc[head.i + 1].lower_ == "of":
            continue  # "two of the ...": a part, said by what follows
        return head, n
    return None


def _number(word: str) -> int | None:
    """A number word from "two" to "twenty" (the people a definite count can point back
    to), read by the quantity reader; None for anything else."""
    n = number_words(word) if word.isalpha() else None
    return n if n is not None and 2 <= n <= 20 else None


def _counted(phrase: list[str], counts: dict[str, int], marks: set[str]) -> int | None:
    """How many a phrase "[the|all] COUNT [NOUN]" counts ("the pair", "both men", "all
    three", "the six"), when a pointer word makes it definite; None otherwise."""
    if len(phrase) > 3:
        return None
    for k, w in enumerate(phrase):
        n = counts.get(w) or _number(w)
        if n is None:
            continue
        if len(phrase) - k > 2:
            return None
        if w == "both" and k == 0:
            return n
        if k == 1 and phrase[0] in marks and phrase[0] != "both":
            return n  # "the pair", "all three", "the two men" ("a pair" is no pointer)
        return None
    return None


def _people_noun(head: Token, ctx: Context) -> bool:
    lists = ctx.rules.lists
    lemma = head.lemma_.lower()
    return head.tag_ in ("NNS", "NNPS", "NN") and (
        lemma in lists["people"] or lemma in lists["counted_people_heads"] or
        head.lower_ in lists["counted_people_heads"])


def _people_before(ctx: Context, head: Token, n: int, others: set[int],
                   sents: list) -> list[Mention] | None:
    """The ``n`` people named in the sentences before ``head`` (its own first)."""
    own = ctx.sent_of[head.i]
    people = [m for m in ctx.mentions if m.type is EntityType.PERSON and m.antecedent is None]
    spans = []
    for m in people:
        sp = ctx.char_span(m.start, m.end)
        if sp is not None and len(sp):
            spans.append((sp, m))
    later = [_words(m) for sp, m in spans if own.start <= sp.start < own.end and
             sp.start > head.i]
    cues = set(ctx.rules.statements["cues"]["verbs"])
    at = next(i for i, s in enumerate(sents) if s.start == own.start)
    groups: list[tuple[set[str], Mention]] = []
    for s in reversed(sents[max(0, at - _SENTENCES_BACK):at + 1]):
        for sp, m in sorted(spans, key=lambda x: -x[0].start):
            if not (s.start <= sp.start < s.end) or (s.start == own.start and sp.end > head.i) or \
                    id(m) in others or _reporter(sp.root, cues):
                continue
            w = _words(m)
            if any(w <= x or x <= w for x in later):
                continue
            same = next((g for g in groups if w <= g[0] or g[0] <= w), None)
            if same is None:
                groups.append((w, m))
            elif len(w) > len(same[0]):
                groups[groups.index(same)] = (w, m)
        if len(groups) == n:
            break
        if len(groups) > n:
            return None
    if len(groups) != n:
        return None
    return [m for _w, m in sorted(groups, key=lambda g: g[1].start)]


def _words(m: Mention) -> set[str]:
    return {w.casefold().strip(".,") for w in m.text.split()
            if w.casefold().strip(".") not in ("mr", "ms", "mrs", "dr")}


def _reporter(tok: Token, cues: set[str]) -> bool:
    """The subject of a reporting verb ("X said", "said the spokesman, X")."""
    for _ in range(3):
        if tok.dep_ in ("appos", "compound", "flat") and tok.head is not tok:
            tok = tok.head
            continue
        break
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in cues
