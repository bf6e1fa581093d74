"""A release's own voice: what a body's press release states is the body's Statement.

A ministry's, a police command's or a party's release rarely says "the ministry said": it
opens with a letterhead naming its issuer ("REPUBLIC OF X / MINISTRY OF Y / Press Office")
and then states, paragraph by paragraph, what happened and what the body did. The whole
release is one Statement of that body (docs/evaluation.md: one Statement per speaker per
update, its gist summing up what was said). The issuer is the most specific line of the
letterhead (kg/extract/letterhead.py) that names a body by a head word of the rule data
(kg/rules/events/statements.yaml ``release_voice``): the last such line in capitals (a
line in small letters under them names the desk that sent it, "Office of the Minister"),
a press or communications office's line only when no other body's line stands there; and
when an opening sentence starts with the body the line names by the same head word ("The
Ministry of X informs ..."), that body as the release names it. The gist is the opening
sentence of each paragraph of the body, which in a release states the paragraph's point;
a paragraph that quotes someone is that person's Statement, not the body's. It has no
quote: the release is the body's text, but a quote literal is a quotation, and the whole
release as one would fill the graph with page-long literals (and match any phrase an
annotator quotes from it). It is dated on the release's day.

The body's other Statements in the release ("The Ministry regrets to confirm ...") are the
same saying and join this one after the merge (:func:`fold_issuer`).
"""

from __future__ import annotations

import re

from kg.extract.letterhead import letterhead_end
from kg.records import Entity, EntityType, Fact, Mention, TimeExpr, Unit
from kg.rules.loader import event_rules

_LINE_WORDS = 12  # a letterhead line naming a body is short
_PARAGRAPH_WORDS = 8  # a paragraph's opening sentence, not a heading or a sign-off
_QUOTES = ('"', "\u201c", "\u201d")
_BODIES = {EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION, EntityType.ARMED_FORCE,
           EntityType.GROUP}
_ORGANIZATIONS = {"party", "coalition", "alliance"}  # a party's release: an Organization
RULE = "statement/release-voice"


def _words(line: str) -> list[str]:
    return [w for w in re.split(r"[^\w'’&-]+", line.lower()) if w]


def _issuer_line(text: str, end: int) -> tuple[int, int, bool] | None:
    """(start, end, a press office's line) of the letterhead line naming the issuer."""
    spec = event_rules().statements["release_voice"]
    heads, press = set(spec["issuer_heads"]), set(spec["press_words"])
    best = mixed = fallback = None
    pos = 0
    for line in text[:end].split("\n"):
        start, pos = pos, pos + len(line) + 1
        body = line.strip()
        words = _words(body)
        if not words or len(words) > _LINE_WORDS or any(c.isdigit() for c in body) or (
                "," in body and not body.isupper()) or not heads & set(words):
            continue
        lead = start + line.index(body)
        if body.endswith(")") and " (" in body:  # "... SECURITY COMMAND (ABC)": the name
            body = body[:body.index(" (")]
        span = (lead, lead + len(body))
        if press & set(words):
            fallback = (*span, True)
        elif body.isupper():
            best = (*span, False)
        else:  # under a body's line in capitals, a line in small letters names its desk
            mixed = (*span, False)
    return best or mixed or fallback


def _issuer_mention(line: tuple[int, int, bool], text: str, units: list[Unit],
                    mentions: list[Mention]) -> Mention | None:
    start, end, press = line
    inside = [m for m in mentions if start <= m.start and m.end <= end and m.type in _BODIES]
    # the line's own name, or its tail after a parent's ("NATO - X FORCE"): that mention
    whole = min((m for m in inside if m.end == end and (
        m.start == start or text[start:m.start].rstrip()[-1:] in ("-", "\u2013", ":", ","))),
        key=lambda m: m.start, default=None)
    if whole is not None:
        return whole
    if press:  # "Cabinet Office - Press Unit": the body the line names
        return max(inside, key=lambda m: m.end - m.start) if inside else None
    unit = next((u for u in units if u.start <= start < u.end), None)
    if unit is None:
        return None
    words = set(_words(text[start:end]))
    kind = inside[0].type if inside else (
        EntityType.ORGANIZATION if words & _ORGANIZATIONS else EntityType.GOVERNMENT_BODY)
    return Mention(start=start, end=end, text=text[start:end], type=kind, unit=unit.index,
                   sentence=(start, end), source="rule:release-issuer")


def _paragraphs(text: str, begin: int, sentences: list[tuple[int, int, int]]
                ) -> list[tuple[int, int, int]]:
    """The opening sentence of each long paragraph after ``begin``, unquoted: a
    paragraph that quotes someone is theirs."""
    leads, done, quoting = [], set(), set()
    for u, s, e in sentences:
        line = text.rfind("\n", 0, s) + 1  # the paragraph (a line) the sentence is in
        sent = text[s:e]
        if s < begin or line in quoting:
            continue
        if any(q in sent for q in _QUOTES):
            quoting.add(line)
            continue
        if line in done:
            continue
        if len(sent.split()) < _PARAGRAPH_WORDS:  # "1." before the paragraph's sentence
            continue
        done.add(line)
        leads.append((u, s, e))
    return leads


def _joined(text: str, spans: list[tuple[int, int, int]], sep: str) -> str:
    return sep.join(re.sub(r"\s+", " ", text[s:e]).strip().rstrip(".") for _u, s, e in spans)


def _own_saying(text: str, line: tuple[int, int, bool], leads: list[tuple[int, int, int]],
                mentions: list[Mention]) -> Mention | None:
    """The body an opening sentence of the release starts with when it is the body of the
    letterhead's line ("MINISTRY OF WATER / ... / The Ministry of Water informs the
    public that ..."): the issuer as the release names itself in full."""
    words = [w for w in _words(text[line[0]:line[1]]) if w != "the"]
    for _u, s, e in leads[:2]:
        first = min((m for m in mentions if s <= m.start < e), key=lambda m: m.start,
                    default=None)
        if first is None or first.type not in _BODIES or \
                text[s:first.start].strip().lower() not in ("", "the"):
            continue
        named = [w for w in _words(first.text) if w != "the"]
        if named and words and named[0] == words[0]:  # "MINISTRY OF X" / "The Ministry of X"
            return first
    return None


def release_statement(text: str, units: list[Unit], sentences: list[tuple[int, int, int]],
                      mentions: list[Mention]) -> Fact | None:
    """The issuer's Statement of a release (its speaker a mention, perhaps a new one the
    caller adds to the document's mentions), else None. Its gist is the paragraphs'
    opening sentences (no quote: see the module docstring)."""
    if len(units) != 1:  # a release is one text, not a live page of updates
        return None
    end = letterhead_end(text, units)
    line = _issuer_line(text, end) if end else None
    if line is None:
        return None
    leads = _paragraphs(text, end, sentences)
    if len(leads) < 2:
        return None
    speaker = _own_saying(text, line, leads, mentions) or \
        _issuer_mention(line, text, units, mentions)
    if speaker is None:
        return None
    u, s, e = leads[0]
    roles: dict = {"speaker": [speaker], "gist": [_joined(text, leads, "; ")]}
    stamp = next((x.stamp for x in units if x.index == u), None)
    if stamp is not None:  # said on the release's day
        roles["date"] = [TimeExpr(text=text[line[0]:line[1]],
                                         value=stamp.date().isoformat())]
    return Fact(kind="Statement", category="event", roles=roles,
                unit=u, sentence=(s, e), rule=RULE, confidence=0.8)


def fold_issuer(facts: list[Fact], entities: list[Entity]) -> list[Fact]:
    """The issuer's other asserted Statements in its release join its release Statement:
    their gists after its own, their quotes, media and addressees pooled."""
    mine = next((f for f in facts if f.rule == RULE), None)
    if mine is None:
        return facts
    entity_of = {m: e.key for e in entities for m in e.mentions}
    key = entity_of.get(mine.roles["speaker"][0])
    out = []
    for f in facts:
        sp = f.roles.get("speaker") or []
        if f is not mine and f.kind == "Statement" and f.factuality is None and \
                len(sp) == 1 and key is not None and entity_of.get(sp[0]) == key:
            for role, values in f.roles.items():
                if role == "speaker":
                    continue
                bucket = mine.roles.setdefault(role, [])
                bucket.extend(v for v in values if v not in bucket)
            continue
        out.append(f)
    gists = [g for g in mine.roles.get("gist", []) if isinstance(g, str)]
    if len(gists) > 1:
        mine.roles["gist"] = ["; ".join(gists)]
    return out
