"""Run every extractor over the parsed units of one document.

Order: entity mentions per unit -> facts per unit (which may add mentions of
their own, e.g. "the committee") -> resolution of every mention to canonical
entities across the whole document.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from kg.extract.containment import document_locations
from kg.extract.coref import pronoun_mentions
from kg.extract.entities import entity_mentions
from kg.extract.events import extract_facts
from kg.extract.fact_filter import fact_model
from kg.extract.home_country import home_country_mention
from kg.extract.islands import islands_as_regions
from kg.extract.letterhead import letterhead_country
from kg.extract.locations import unit_locations
from kg.extract.merge import merge_facts
from kg.extract.office_links import deputy_owners, rank_titles
from kg.extract.office_regions import region_owners
from kg.extract.positions import (
    body_owners,
    current_positions,
    ministry_owners,
    national_owners,
    text_cues,
)
from kg.extract.release_voice import fold_issuer, release_statement
from kg.extract.seat_offices import seat_owners
from kg.extract.spans import HOME_DESCRIPTION, doc_text, sentence_bounds
from kg.extract.stated_owners import stated_owners
from kg.extract.territories import territories_as_regions
from kg.extract.title_grammar import title_anaphors
from kg.extract.title_positions import title_positions
from kg.records import DocumentResult, Fact, Mention, SourceDocument, Unit
from kg.resolve.entities import resolve_entities


def prepare_extraction() -> None:
    """Load the rule files and gazetteers extraction reads, once per process.

    Called when a build loads its model: a bad rule file then fails before the first
    document, the first document does not pay for the loading, and the loaded tables
    are frozen with the model (``gc.freeze``) instead of being scanned by the collector
    for the rest of the build. dateparser stays lazy: few texts need it.
    """
    from kg.extract.entity_rules import entity_rules
    from kg.resolve.admin import admin_index
    from kg.resolve.places import gazetteer, warm_fold
    from kg.rules.loader import event_rules

    event_rules()
    fact_model()
    entity_rules()
    gazetteer()
    admin_index()
    warm_fold()


def sentences_of(unit: Unit, doc: Doc) -> list[tuple[int, int, int]]:
    """(unit, start, end) of every non-blank sentence, trimmed, in source offsets."""
    text = doc_text(doc)
    _, ranges = sentence_bounds(doc)  # computed once per Doc, shared with the extractors
    return [(unit.index, unit.start + a, unit.start + b) for a, b in ranges
            if text[a:b].strip()]


def fact_mentions(facts: list[Fact]) -> list[Mention]:
    """Mentions that facts refer to (roles and attributions)."""
    out = []
    for fact in facts:
        for values in fact.roles.values():
            out.extend(v for v in values if isinstance(v, Mention))
        if fact.attributed_to is not None:
            out.append(fact.attributed_to)
    return out


def _title_lines(text: str, sentences: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """Lines written in capitals ("STATEMENT ON THE ARREST OF ACTIVISTS FOLLOWING THE
    ADOPTION OF THE AMENDMENT"): a release's or a page's title, which tells in short
    what the body tells; its events join the body's like a headline's."""
    out = []
    for _u, s, e in sentences:
        line = text[s:e]
        if "\n" not in line.strip() and line.isupper() and len(line.split()) >= 4:
            out.append((s, e))
    return out


def extract_document(document: SourceDocument, parsed: Iterable[tuple[Unit, Doc]],
                     *, model: str = "", fact_threshold: float = 0.0) -> DocumentResult:
    """Mentions, entities and facts of one document (plain records, no RDF).

    Every fact gets the fact model's probability of being right (kg/extract/fact_filter.py:
    kg:confidence in the graph); ``fact_threshold``: facts with a lower one are dropped; 0
    (the default) keeps every fact."""
    mentions: list[Mention] = []
    facts: list[Fact] = []
    sentences: list[tuple[int, int, int]] = []
    located: list[Fact] = []  # LocatedIn facts the text states, merged apart
    acronyms: dict = {}  # defined in one update, used in the later ones
    history: list[Mention] = []  # earlier units' agents, for pronouns opening a unit
    holders: dict[str, Mention] = {}  # titles before names, for "the TITLE" later
    bounds: list[tuple[int, int]] = []  # the updates' offsets
    headlines: list[tuple[int, int]] = []  # the headlines' offsets
    kb = None
    # ``parsed`` may be a one-pass stream (the build frees each Doc once it is read):
    # everything needed after the loop is collected inside it
    units: list[Unit] = []
    owners: dict[Mention, str] = {}  # bodies whose sentence names their country
    for unit, doc in parsed:
        units.append(unit)
        bounds.append((unit.start, unit.end))
        if unit.headline is not None:
            headlines.append((unit.headline.start, unit.headline.end))
        if kb is None and Doc.has_extension("kg_kb") and doc._.kg_kb:
            kb = doc._.kg_kb
        sentences.extend(sentences_of(unit, doc))
        unit_mentions = entity_mentions(doc, unit, acronyms=acronyms)
        unit_mentions += pronoun_mentions(doc, unit, unit_mentions, history)
        unit_mentions, titled = title_anaphors(doc, unit, unit_mentions, holders)
        unit_mentions += titled
        mentions.extend(unit_mentions)
        owners.update(stated_owners(doc, unit, unit_mentions))
        facts.extend(extract_facts(document, unit, doc, unit_mentions))
        facts.extend(title_positions(doc, unit, unit_mentions, earlier=mentions))
        located.extend(unit_locations(doc, unit, unit_mentions))
    # read from the whole text: a part of a long document gets them computed once
    cues = getattr(document, "cues", None) or text_cues(document.text)
    deputy_owners(facts, [(a, b) for _u, a, b in sentences])
    facts = rank_titles(facts)
    home = letterhead_country(document.text, units, mentions)
    minted = home_country_mention(document.text, units, mentions, sentences, home=home)
    if minted is not None:  # the home country, named only in a letterhead or in names
        mentions.append(minted)
    national_owners(facts, mentions + fact_mentions(facts), document.text, bounds, cues=cues,
                    home=home)
    region_owners(facts, mentions)
    seat_owners(facts, mentions, [(a, b) for _u, a, b in sentences])
    facts = current_positions(facts, cues=cues)
    # "The country is a member of X" when no country of the story was found: no member
    facts = [f for f in facts if f.kind != "Membership" or not any(
        m.source == HOME_DESCRIPTION for m in f.roles["member"])]
    voice = release_statement(document.text, units, sentences, mentions)
    if voice is not None:  # a release's own voice: the issuer's Statement
        facts.append(voice)
    mentions.extend(fact_mentions(facts))
    mentions.extend(fact_mentions(located))
    entities, _ = resolve_entities(dict.fromkeys(mentions), kb=kb, positions=facts, home=home,
                                   owners=owners)
    body_owners(facts, entities)
    ministry_owners(facts, entities)
    titles = tuple(_title_lines(document.text, sentences))
    facts = merge_facts(facts, entities, headlines=tuple(headlines), titles=titles) + \
        document_locations(located, entities, text=document.text, home=home)
    facts = fold_issuer(facts, entities)
    territories_as_regions(entities)
    islands_as_regions(entities, document.text)
    facts = fact_model().keep(facts, document, threshold=fact_threshold)
    return DocumentResult(document=document, sentences=sentences, entities=entities,
                          facts=facts, model=model)
