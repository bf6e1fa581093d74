"""Acronyms: which long names an acronym spells, and mentions of acronyms defined in text."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span

from kg.extract.entity_rules import entity_rules
from kg.extract.entity_types import head_type
from kg.extract.name_spans import trim_span
from kg.extract.spans import NAME_STOP, doc_text, mention_from_span
from kg.records import EntityType, Mention, Unit


def initials(text: str) -> set[str]:
    """Acronyms a long name may take: 'Pan-Andean Water Authority' -> {'PWA', 'PAWA'}."""
    words = [w for w in re.split(r"\s+", text.replace("’", "'")) if w]
    words = [re.sub(r"'s$", "", w) for w in words if w.lower() not in NAME_STOP]
    if len(words) < 2:
        return set()
    plain = "".join(w[0] for w in words if w[0].isalnum()).upper()
    split = "".join(p[0] for w in words for p in w.split("-") if p and p[0].isalnum()).upper()
    return {plain, split}


_KIND_WORDS = {"mission", "force", "forces", "operation", "programme", "program"}


def spells(acronym: str, name: str) -> bool:
    """Whether ``acronym`` abbreviates the long ``name``.

    Plain initials ('PWA', 'PAWA') always count. Beyond them an acronym may take the
    first letters of a word ('ECOWAS': Economic COmmunity of West African States) and
    the initial of a linking word ('UNMISS': ... Mission In South Sudan), but every
    other word gives at least its initial, in order.
    """
    if acronym in initials(name):
        return True
    words = [re.sub(r"'s$", "", w) for w in re.split(r"[\s-]+", name.replace("’", "'")) if w]
    words = [w for w in words if w[0].isalnum()]
    if len([w for w in words if w.lower() not in NAME_STOP]) < 2 or not 2 <= len(acronym) <= 10:
        return False
    target = acronym.upper()

    @cache
    def fit(wi: int, ai: int) -> bool:
        if wi == len(words):
            return ai == len(target)
        w = words[wi].upper()
        # a linking word, or a last word naming the kind ("Multinational Security
        # Support Mission (MSS)")
        linking = words[wi].lower() in NAME_STOP
        optional = linking or (wi == len(words) - 1 and words[wi].lower() in _KIND_WORDS)
        if optional and fit(wi + 1, ai):
            return True
        # a kind word left in may give its first letters too ("Kosovo FORce (KFOR)")
        longest = 1 if linking else min(len(w), 3)
        for k in range(1, longest + 1):
            if ai + k <= len(target) and w[:k] == target[ai:ai + k] and fit(wi + 1, ai + k):
                return True
        return False

    return fit(0, 0)


# all capitals ("(PAWA)") or one capitalised word ("(Ecowas)"); either must spell the name
_ACRONYM = re.compile(r"\(\s*([A-Z][A-Z0-9&-]{1,9}|[A-Z][a-z]{2,9})\s*\)")


def acronym_mentions(doc: Doc, unit: Unit, found: list[Mention],
                      defined: dict[str, EntityType]) -> list[Mention]:
    """'The Pan-Andean Water Authority (PAWA) ...; PAWA later': every use of a defined acronym.

    A use inside a longer name ("the PAWA Standby Force") is a mention too: the longer
    name is then part of (or sent by) the organisation the acronym names.
    """
    text = doc_text(doc)
    ends: dict[int, list[Mention]] = {}
    for m in found:
        if m.type.is_agent:
            ends.setdefault(m.end, []).append(m)
    out: list[Mention] = []
    at_definition: set[int] = set()  # where an acronym that spells no English name is defined
    for match in _ACRONYM.finditer(text):
        acronym = match.group(1)
        a = unit.start + match.start()
        named = [m for gap in range(5) for m in ends.get(a - gap, ())
                 if spells(acronym, m.text)]
        if named:
            m = named[0]
            if m.type is EntityType.PERSON and acronym.isupper():
                # "Samagi Jana Balawegaya (SJB)" tagged a person: people have no acronyms
                found[found.index(m)] = m = replace(m, type=EntityType.ORGANIZATION,
                                                    source="rule:acronym-name")
            defined.setdefault(acronym, m.type)
        else:
            m = next((m for m in ends.get(a - 1, ()) if _defines(acronym, m)), None)
            if m is not None:
                # "the Armed Defence Forces of Mozambique (FADM)": the acronym of the
                # name in its own language, in brackets right after the English name
                defined.setdefault(acronym, m.type)
                at_definition.add(unit.start + match.start(1))
                continue
            longer = _longer_name(doc, unit, found, match.start(), acronym) or \
                _spelled_name(doc, unit, found, match.start(), acronym)
            if longer is not None:
                out.append(longer)
                defined.setdefault(acronym, longer.type)
    if not defined:
        return out
    for acronym, etype in defined.items():
        for use in re.finditer(rf"\b{re.escape(acronym)}\b", text):
            s, e = unit.start + use.start(), unit.start + use.end()
            over = [m for m in found if m.start < e and s < m.end]
            # the model's guess of another type for the acronym itself ("(KP)" as a
            # place) gives way to the type of the name it was defined for
            guesses = [m for m in over if (m.start, m.end) == (s, e)
                       and m.source.startswith("ner:")
                       and (m.type is not etype or s in at_definition)]
            if any(m not in guesses and not (m.start <= s and e <= m.end
                                            and m.end - m.start > e - s and m.type is not etype)
                   for m in over):
                continue
            span = doc.char_span(use.start(), use.end())
            if span is not None:
                for m in guesses:
                    found.remove(m)
                source = "rule:acronym-defined" if s in at_definition else "rule:acronym"
                out.append(mention_from_span(span, unit, etype, source))
                named = _named_after(span, unit, found)
                if named is not None:
                    out.append(named)
    return out


_DEFINES = frozenset({EntityType.ORGANIZATION, EntityType.GOVERNMENT_BODY,
                      EntityType.ARMED_FORCE, EntityType.MEDIA_ORGANIZATION, EntityType.GROUP})


def _defines(acronym: str, name: Mention) -> bool:
    """An all-capitals acronym in brackets right after a body's name of two words or more
    is that body's acronym even when it spells another language's name ("(SNAI)")."""
    if not (acronym.isupper() and name.type in _DEFINES and len(name.text.split()) > 1):
        return False
    # "the Permanent Council of the Organization of American States (OAS)": the acronym
    # of the name inside
    tails = re.finditer(r"\b(?:of|for|in)\s+(?:the\s+)?", name.text)
    return not any(spells(acronym, name.text[t.end():]) for t in tails)


_NAME_TAIL = re.compile(r"\s+(?:in|of|for|on)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
                        r"\s*$")


def _longer_name(doc: Doc, unit: Unit, found: list[Mention], paren: int,
                 acronym: str) -> Mention | None:
    """"the United Nations Mission in Orania (UNMO)": the model stopped the name before
    "in Orania", but the acronym spells the whole; the short mention is dropped."""
    text = doc_text(doc)
    for m in found:
        s, e = m.start - unit.start, m.end - unit.start
        if not (m.type.is_agent and 0 < paren - e <= 60 and _NAME_TAIL.match(text, e, paren)):
            continue
        span = doc.char_span(s, paren, alignment_mode="contract")
        span = trim_span(span) if span is not None else None
        if span is None or not spells(acronym, span.text):
            continue
        found.remove(m)
        return mention_from_span(span, unit, m.type, "rule:acronym-name")
    return None


def _spelled_name(doc: Doc, unit: Unit, found: list[Mention], paren: int,
                  acronym: str) -> Mention | None:
    """"The Sahel People's Defence Forces (SPDF)" the model did not tag: the capitalised
    words before the acronym that it spells name an organisation (typed by its head)."""
    span = doc.char_span(0, paren, alignment_mode="contract")
    if span is None or not len(span):
        return None
    end = span.end
    while end > 0 and doc[end - 1].is_space:
        end -= 1
    start = end
    while start > 0 and (doc[start - 1].is_title or doc[start - 1].lower_ in NAME_STOP
                         or doc[start - 1].tag_ == "POS") and not doc[start - 1].is_sent_end:
        start -= 1
    for s in range(start, end - 1):
        if not doc[s].is_title or doc[s].lower_ in ("the",):
            continue
        name = doc[s:end]
        a, b = unit.start + name.start_char, unit.start + name.end_char
        if any(m.start < b and a < m.end for m in found):
            return None
        if spells(acronym, name.text):
            etype = head_type(name.text, entity_rules()) or EntityType.ORGANIZATION
            return mention_from_span(name, unit, etype, "rule:acronym-name")
    return None


_NAMED_AFTER = re.compile(r"(?:[ ]+[A-Z][\w'-]*){1,3}")


def _named_after(span: Span, unit: Unit, found: list[Mention]) -> Mention | None:
    """"the PAWA Standby Force": capitalised words after an organisation's acronym that end
    in a type head (kg/rules/entities/heads.jsonl) name a unit or body of its own."""
    m = _NAMED_AFTER.match(doc_text(span.doc), span.end_char)
    if m is None:
        return None
    rules = entity_rules()
    ends = [span.end_char + w.end() for w in re.finditer(r"\S+", m.group(0))]
    for end in ends:  # the shortest: "the PAWA Standby Force Guards ..." in a headline
        whole = span.doc.char_span(span.start_char, end)
        if whole is None:
            continue
        etype = head_type(whole.text, rules)
        if etype is None or etype is EntityType.MEDIA_ORGANIZATION:
            continue
        s, e = unit.start + whole.start_char, unit.start + whole.end_char
        if any(f.start <= s and e <= f.end and (f.start, f.end) != (s, e) for f in found):
            return None  # inside a longer name the model found
        return mention_from_span(whole, unit, etype, "rule:acronym-unit")
    return None
