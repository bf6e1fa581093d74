"""Entity mentions from a parsed unit, and the positions titles before names state.

Recognition is the statistical NER plus the rule layer in front of it (the
reference KB and the country gazetteer, see :mod:`kg.nlp.components`), then
general rules driven by the data files in ``kg/rules/entities/``:

* noise: stamps, credits, bylines and boilerplate give no entities;
* titles: "Nigerian President Amara Okafor" -> the person "Amara Okafor" (the title
  becomes a Position fact, :func:`title_positions`);
* demonyms alone ("Nigerian", "Peruvians") are not entities;
* types: place names via the gazetteer, organisation heads ("... Ministry",
  "... Guard"), media appositions ("X, a local TV channel");
* institution phrases ("the government", "the Peruvian military", "the X
  peacekeepers", "the mayoral office") and acronyms defined in text;
* the unit's dateline ("LAGOS") and agency ("Reuters").

Mentions in a Title Case headline found only by the statistical model carry the
source suffix ``:headline``; the resolver keeps them only when the body confirms them.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span

from kg.extract.acronyms import acronym_mentions
from kg.extract.datelines import byline_mentions, dateline_mentions
from kg.extract.entity_rules import EntityRules, entity_rules
from kg.extract.entity_types import place_type, span_type
from kg.extract.kind_cues import kind_cue_mentions
from kg.extract.name_spans import (
    after_title,
    complete_name,
    inside_title,
    split_title,
    trim_span,
    with_acronym_owner,
    with_owner,
)
from kg.extract.rule_mentions import (
    anaphor_mentions,
    body_mentions,
    media_appositions,
    missed_cities,
    surname_mentions,
)
from kg.extract.spans import HEADLINE, doc_text, in_ranges, mention_from_span
from kg.extract.spans import fold as _fold
from kg.records import EntityType, Fact, Mention, Unit

_TITLE_WINDOW = 80  # characters before a name searched for "[qualifier] Title "


# --- extraction -------------------------------------------------------------------------------
def _noise_ranges(doc: Doc, rules: EntityRules) -> list[tuple[int, int]]:
    """Local character ranges of lines that are noise (bylines, credits, boilerplate)."""
    out = []
    pos = 0
    for line in doc_text(doc).split("\n"):
        if line.strip() and any(p.search(line) for p in rules.noise_line):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _event_names(doc: Doc, rules: EntityRules) -> set[str]:
    """Names that follow a "before" word of generic.jsonl in the unit ("Typhoon Tagpi"): they
    name an event, here and wherever the name recurs."""
    out = set()
    for m in _before_regex().finditer(doc_text(doc)):
        out.add(m.group("name"))
    return out


@cache
def _before_regex() -> re.Pattern[str]:
    words = sorted(entity_rules().generic.get("before", ()), key=len, reverse=True)
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) or "(?!)"
    return re.compile(rf"\b(?i:{alts})\s+(?P<name>[A-Z][\w'’-]+)")


def _generic(span: Span, rules: EntityRules, events: set[str]) -> bool:
    """Whether the span is no name (kg/rules/entities/generic.jsonl): a generic word alone,
    a storm's or operation's name, a time zone; or a Title Case verb ("Agrees", "Will X")."""
    doc = span.doc
    text = _fold(span.text)
    if text in rules.generic.get("alone", ()) or any(t.text in events for t in span):
        return True
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and (prev.lower_ in rules.generic.get("before", ())
                             or (span.start > 1 and _fold(doc[span.start - 2:span.start].text)
                                 in rules.generic.get("before", ()))):
        return True
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ in rules.generic.get("after", ()):
        return True
    if span.text.lower().endswith(" time") and span.text.split()[-1] in ("Time", "time"):
        return True
    return span[0].tag_ in ("MD", "VBZ", "VBD") and span[0].pos_ in ("VERB", "AUX")


def _headline_range(unit: Unit) -> tuple[int, int] | None:
    if unit.headline is None:
        return None
    return unit.headline.start - unit.start, unit.headline.end - unit.start


def entity_mentions(doc: Doc, unit: Unit, *,
                    acronyms: dict[str, EntityType] | None = None) -> list[Mention]:
    """Mentions of the named entities in ``doc`` with kg types.

    ``acronyms`` carries the acronyms defined in earlier units of the document (a live
    page defines "(ECOWAS)" once and uses it in later updates); this unit's definitions
    are added to it.
    """
    rules = entity_rules()
    noise = _noise_ranges(doc, rules)
    events = _event_names(doc, rules)
    headline = _headline_range(unit)
    out: list[Mention] = []

    def add(span: Span, etype: EntityType, source: str) -> None:
        if in_ranges(noise, span.start_char, span.end_char) or _generic(span, rules, events):
            return
        if any(p.search(span.text) for p in rules.noise_mention):
            return
        if headline and (not source.startswith(("kb", "gazetteer", "rule"))
                         or source == "rule:title-name") \
                and headline[0] <= span.start_char < headline[1]:
            source += HEADLINE  # a Title Case guess ("President Reshuffles Cabinet")
        out.append(mention_from_span(span, unit, etype, source))

    for ent in doc.ents:
        etype = span_type(ent, ent.label_, rules)
        if etype is None:
            continue
        span = trim_span(ent)
        if span is None or not any(t.is_alpha for t in span):
            continue
        span = complete_name(span, person=ent.label_ == "PERSON")
        prev = doc[span.start - 1] if span.start > 0 else None
        if prev is not None and prev.is_title and not prev.is_sent_start and \
                rules.heads.get(prev.lower_) is EntityType.MEDIA_ORGANIZATION:
            # "Radio" + "Sol Mansi" (tagged a person): the broadcaster's whole name
            add(doc[span.start - 1:span.end], EntityType.MEDIA_ORGANIZATION, "rule:media-name")
            continue
        if ent.label_.startswith("KG_"):
            add(span, etype, "kb")
            continue
        if ent.kb_id_ == "gazetteer:country":
            add(span, EntityType.COUNTRY, "gazetteer:country")
            continue
        # A demonym alone, or a demonym before common nouns ("Peruvian city"), is no entity.
        if rules.is_demonym(span[0].text) and all(not t.is_title for t in span[1:]):
            continue
        if etype is not EntityType.PERSON and inside_title(span):
            continue  # "State" of "State Secretary Rosa Benitez"
        _qualifier, _title, name = split_title(span, rules)
        if name is not None:
            add(name, EntityType.PERSON, "rule:title-name")
            continue
        if etype is not EntityType.PERSON and after_title(span) \
                and place_type(span.text) is None:
            add(span, EntityType.PERSON, "rule:title-name")  # "President Amara Okafor" as GPE
            continue
        if etype in (EntityType.GOVERNMENT_BODY, EntityType.ARMED_FORCE):
            span = with_owner(span)
        if etype in (EntityType.ORGANIZATION, EntityType.GOVERNMENT_BODY,
                     EntityType.ARMED_FORCE) and " " in span.text:
            span = with_acronym_owner(span)
        add(span, etype, f"ner:{ent.label_}")

    out = kind_cue_mentions(doc, unit, out)
    out.extend(body_mentions(doc, unit, rules, out, noise))
    out.extend(anaphor_mentions(doc, unit, rules, out, noise))
    out = media_appositions(doc, unit, rules, out)
    out.extend(acronym_mentions(doc, unit, out, acronyms if acronyms is not None else {}))
    out.extend(surname_mentions(doc, unit, out))
    out.extend(missed_cities(doc, unit, out, noise))
    datelines = dateline_mentions(doc, unit) + byline_mentions(doc, unit)
    if datelines:
        out = [m for m in out if not any(m.start < d.end and d.start < m.end
                                         for d in datelines)]
    out.extend(datelines)
    return _dedupe(out)


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    """One mention per span; rule and KB mentions win over the model's."""
    rank = {"kb": 0, "rule": 1, "gazetteer": 2, "dateline": 3, "ner": 4}
    best: dict[tuple[int, int], Mention] = {}
    for m in mentions:
        old = best.get((m.start, m.end))
        if old is None or rank.get(m.source.split(":")[0], 9) < rank.get(
                old.source.split(":")[0], 9):
            best[(m.start, m.end)] = m
    return sorted(best.values(), key=lambda m: (m.start, m.end))


# --- positions from titles -----------------------------------------------------------------
def title_positions(doc: Doc, unit: Unit, mentions: list[Mention]) -> list[Fact]:
    """Position facts from a title before a name: 'White House spokeswoman Jane Doe'.

    The holder is the person mention; the organisation is what precedes the title
    (a demonym -> its country, a named organisation), or, for a national title with
    no country stated ('State Secretary X'), the country the unit mentions most.
    """
    rules = entity_rules()
    suffix = _title_suffix_regex()
    facts: list[Fact] = []
    by_end = {m.end: m for m in mentions if m.type is not EntityType.PERSON}
    countries = [m for m in mentions if m.type is EntityType.COUNTRY]
    for person in mentions:
        if person.type is not EntityType.PERSON or person.unit != unit.index \
                or person.source.endswith(HEADLINE):
            continue  # a headline guess may be dropped by the resolver
        local = person.start - unit.start
        window = max(0, local - _TITLE_WINDOW)
        before = doc_text(doc)[window:local]
        match = suffix.search(before)
        if match is None:
            continue
        scope = _title_scope(match.group(1), rules)
        title = match.group(1)
        if not any(c.isupper() for c in title) and scope == "country":
            continue  # "the president Amara Okafor" with a lower-case title is rare; skip
        org, rule, confidence = None, "position:title-name", 0.9
        pre_end = match.start(1)
        pre = before[:pre_end].rstrip()
        qual = re.search(r"([A-Z][\w’'-]*)$", pre)
        if qual:
            word = qual.group(1)
            end_abs = unit.start + window + len(pre)
            if end_abs in by_end and by_end[end_abs].type is not EntityType.PERSON:
                org = by_end[end_abs]
            elif rules.demonym_country(word):
                span = doc.char_span(window + qual.start(1), window + len(pre))
                if span is not None:
                    org = mention_from_span(span, unit, EntityType.COUNTRY, "rule:demonym")
        if org is None and scope == "country":
            org = _unit_country(countries, person)
            rule, confidence = "position:title-name:unit-country", 0.6
        roles: dict = {"holder": [person], "role": [_title_case(title, rules)]}
        if org is not None:
            roles["organization"] = [org]
        sent = person.sentence
        facts.append(Fact(kind="Position", category="relation", roles=roles, unit=unit.index,
                          sentence=sent, rule=rule, confidence=confidence))
    return facts


def _title_form(key: str) -> str:
    """A title key as a regex: spaces stand for any run of blanks."""
    return re.escape(key).replace(r"\ ", r"\s+")


@cache
def _title_suffix_regex() -> re.Pattern[str]:
    """One regex for 'a title, then only spaces, at the end of the text'.

    Every match ends at the same place, so the leftmost one is the longest title:
    one search instead of one per title and name.
    """
    forms = [_title_form(key) for key, scope in entity_rules().titles.items()
             if scope != "honorific"]
    return re.compile(rf"(?:^|(?<=\W))({'|'.join(forms) or '(?!)'})\s+$", re.IGNORECASE)


def _title_scope(written: str, rules: EntityRules) -> str:
    """The scope of the (non-honorific) title key that ``written`` spells."""
    scope = rules.titles.get(_fold(written))
    if scope is not None and scope != "honorific":
        return scope
    for key, scope in rules.titles.items():  # a case-folding corner: match as the search did
        if scope != "honorific" and re.fullmatch(_title_form(key), written, re.IGNORECASE):
            return scope
    raise AssertionError(f"no title key spells {written!r}")


def _title_case(title: str, rules: EntityRules) -> str:
    return rules.title_forms.get(_fold(title), title)


def _unit_country(countries: list[Mention], person: Mention) -> Mention | None:
    """The country the unit names most (ties: none); its mention nearest the person."""
    if not countries:
        return None
    counts: dict[str, int] = {}
    for m in countries:
        counts[_fold(m.text)] = counts.get(_fold(m.text), 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    top = [m for m in countries if _fold(m.text) == ranked[0][0]]
    return min(top, key=lambda m: abs(m.start - person.start))
