"""Entity mentions from a parsed unit.

Recognition is the statistical NER plus the rule layer in front of it (the
reference KB and the country gazetteer, see :mod:`kg.nlp.components`), then
general rules driven by the data files in ``kg/rules/entities/``:

* noise: stamps, credits, bylines and boilerplate give no entities;
* titles: "Nigerian President Amara Okafor" -> the person "Amara Okafor" (the title
  becomes a Position fact, :func:`kg.extract.positions.title_positions`);
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
from kg.extract.alias_names import alias_names
from kg.extract.apposed_names import apposed_names
from kg.extract.craft_models import without_craft
from kg.extract.datelines import byline_mentions, dateline_mentions
from kg.extract.entity_rules import EntityRules, entity_rules
from kg.extract.entity_types import head_type, place_type, span_type
from kg.extract.kind_cues import kind_cue_mentions
from kg.extract.missed_names import missed_cities, surname_mentions
from kg.extract.name_gender import known_first_name
from kg.extract.name_shapes import (
    and_names,
    article_names,
    country_suffixes,
    headed_bodies,
    local_bodies,
    particle_names,
    route_ends,
)
from kg.extract.name_spans import (
    TRAILING_PREPS,
    after_title,
    complete_name,
    inside_title,
    name_after,
    office_span,
    possessive_parts,
    split_title,
    title_portfolio,
    title_qualifier,
    trim_span,
    with_acronym_owner,
    with_owner,
)
from kg.extract.person_names import person_ents, untagged_names
from kg.extract.place_contexts import context_places, described_places, elliptical_sites
from kg.extract.placed_names import placed_names
from kg.extract.portfolio_bodies import portfolio_mentions
from kg.extract.rule_mentions import (
    anaphor_mentions,
    appositive_descriptions,
    body_mentions,
    joined_names,
    media_appositions,
    office_mentions,
)
from kg.extract.seats import with_seats
from kg.extract.spans import HEADLINE, doc_text, in_ranges, mention_from_span
from kg.extract.spans import fold as _fold
from kg.nlp.lemmatizer import known_nouns
from kg.records import EntityType, Mention, Unit

# --- extraction -------------------------------------------------------------------------------
# one word with an apostrophe or okina inside: "Nuku'alofa", "Ha'apai", "Niu'ui"
_APOSTROPHE_WORD = re.compile(r"^[^\W\d_]+(?:['’ʻ‘][^\W\d_]+)+$")



# lower-case words inside place names ("Port of Spain", "Treinta y Tres", "Praia da Vitoria")
_CONNECTORS = frozenset({"of", "y", "e", "de", "da", "do", "dos", "das", "del", "di", "du",
                         "des", "la", "el", "al", "on", "upon", "sur"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _place_over_connector(span):
    """"Port" + "of Spain", "Treinta" + "y Tres": a place name the model cut at a
    lower-case connector, taken whole when the gazetteer knows the whole name as a town
    or region (not a country: "Republic of X"), else None."""
    doc, end = span.doc, span.end
    if end + 1 >= len(doc) or doc[end].lower_ not in _CONNECTORS or not doc[end].is_lower:
        return None
    stop = name_after(doc, end + 1, limit=3)
    if stop is None:
        return None
    whole = doc[span.start:stop]
    return whole if place_type(whole.text) in (EntityType.CITY, EntityType.REGION) else None


def _plural_noun_opening(span: Span) -> bool:
    """"Kindergartens remain open", "Taps have run dry": one capitalised word opening a
    sentence, whose singular ("kindergarten", "tap") is a common noun the lemmatizer knows
    and which is no known first name, is a plural common noun the model took for a person
    (a surname alone rarely opens a story's sentence in the plural shape of a noun)."""
    if len(span) != 1 or not span[0].is_sent_start or not span[0].is_title:
        return False
    low = span[0].lower_
    if len(low) < 4 or not low.endswith("s") or low.endswith("ss") \
            or known_first_name(span[0].text):
        return False
    nouns = known_nouns()
    singular = {low[:-1]}
    if low.endswith("es"):
        singular.add(low[:-2])
    if low.endswith("ies"):
        singular.add(low[:-3] + "y")
    return any(s in nouns for s in singular)


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

    absorbed = 0  # a name completed over the next entities ("Rally for" + "Mali") holds them
    joined = 0  # a place name joined over a lower-case connector holds its countries too
    for ent in person_ents(doc, rules):
        if ent.end <= absorbed and ent.kb_id_ != "gazetteer:country" \
                and not ent.label_.startswith("KG_"):
            continue  # (a country inside still counts for the document's country)
        etype = span_type(ent, ent.label_, rules)
        if etype is None:
            continue
        span = trim_span(ent)
        if span is None or not any(t.is_alpha or _APOSTROPHE_WORD.match(t.text) for t in span):
            continue  # no word ("2024", "U.N." alone); "Nuku'alofa" is one word, not is_alpha
        if span.end + 2 < ent.end and doc[span.end].lower_ == "to":
            # "the X Defence Forces to Y County" (trim_span cut the unit off): the unit
            add(doc[span.end + 1:ent.end], EntityType.REGION, "rule:kind-noun")
        if span.end == ent.end - 1 and span[-1].is_title and ent[-1].text in TRAILING_PREPS:
            # "Niu'ui Hospital in" lost its "in": the head of the trimmed name decides
            etype = span_type(span, ent.label_, rules) or etype
        span = complete_name(span, person=ent.label_ == "PERSON")
        if ent.label_ in _PLACE_LABELS and (whole := _place_over_connector(span)) is not None:
            # "Port" + "of" + "Spain", "Treinta" + "y" + "Tres": one town, no country inside
            add(whole, place_type(whole.text) or EntityType.CITY, "rule:place-connector")
            absorbed = joined = whole.end
            continue
        if ent.end <= joined:
            continue
        if ent.label_ != "PERSON":
            crafted, span = span, without_craft(span)  # "the X Air Force C-17": the force
            if span.end < crafted.end:
                etype = span_type(span, ent.label_, rules) or etype
        if span.end > ent.end:
            absorbed = span.end
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
        if etype is EntityType.PERSON and _plural_noun_opening(span):
            continue  # "Kindergartens remain open": a common noun, no person
        if etype is not EntityType.PERSON and inside_title(span):
            continue  # "State" of "State Secretary Rosa Benitez"
        if etype is not EntityType.PERSON and title_qualifier(span):
            continue  # "Cabinet" of "Chief Cabinet Secretary X": inside one title
        if etype is not EntityType.PERSON and title_portfolio(span):
            continue  # "Water Affairs" of "the Water Affairs Secretary said"
        if etype is not EntityType.PERSON and (parts := possessive_parts(span)):
            for part in parts:  # "the University of X's Faculty of Law": two bodies
                add(part, etype, f"ner:{ent.label_}")
            continue
        if etype is not EntityType.PERSON:
            office, body = office_span(span)
            if office:  # "the High Representative, Mr X": an office, no body
                if body is not None:  # "the Coordinator of the Union, X": the Union is
                    add(body, etype, f"ner:{ent.label_}")
                continue
        _qualifier, _title, name = split_title(span, rules)
        if name is not None and etype is not EntityType.PERSON and not any(
                t.is_lower and t.lower_ not in ("of", "the", "for", "and") for t in name) \
                and name[0].lower_ not in rules.titles \
                and head_type(name.text, rules) is not None:
            # "General Police Inspectorate", "General Council of Nauru": a body's name, no
            # rank and person
            name = None
        if name is not None:
            add(name, EntityType.PERSON, "rule:title-name")
            continue
        if etype is not EntityType.PERSON and after_title(span) \
                and place_type(span.text) is None and etype is not EntityType.PLACE:
            # (not "Sir X Y Street": a street named after a person is a place)
            add(span, EntityType.PERSON, "rule:title-name")  # "President Amara Okafor" as GPE
            continue
        if etype in (EntityType.GOVERNMENT_BODY, EntityType.ARMED_FORCE):
            span = with_owner(span)
        if etype in (EntityType.ORGANIZATION, EntityType.GOVERNMENT_BODY,
                     EntityType.ARMED_FORCE) and " " in span.text:
            span = with_acronym_owner(span)
        add(span, etype, f"ner:{ent.label_}")

    out.extend(untagged_names(doc, unit, rules, out))
    out = apposed_names(doc, unit, rules, out)
    out = joined_names(doc, unit, rules, out)
    out = and_names(doc, unit, rules, out)
    out = particle_names(doc, unit, out)
    out = headed_bodies(doc, unit, rules, out)
    out = local_bodies(doc, unit, out, noise)
    out = country_suffixes(doc, unit, rules, out)
    out = kind_cue_mentions(doc, unit, out)
    out.extend(body_mentions(doc, unit, rules, out, noise))
    out.extend(portfolio_mentions(doc, unit, rules, out, noise))
    out.extend(anaphor_mentions(doc, unit, rules, out, noise))
    out = media_appositions(doc, unit, rules, out)
    out = office_mentions(doc, unit, rules, out, noise)
    out.extend(acronym_mentions(doc, unit, out, acronyms if acronyms is not None else {}))
    out.extend(surname_mentions(doc, unit, out))
    out = placed_names(doc, unit, out, noise)
    out.extend(missed_cities(doc, unit, out, noise))
    out.extend(context_places(doc, unit, out, noise))
    out = described_places(doc, unit, out, noise)
    out = elliptical_sites(doc, unit, out, noise)
    out = with_seats(doc, unit, out, rules)
    out = appositive_descriptions(doc, unit, rules, out)
    out = article_names(doc, unit, out)
    out = route_ends(doc, unit, out)
    out = alias_names(doc, unit, out)
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
