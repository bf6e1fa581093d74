"""Entity types of model spans: gazetteer places, organisation heads, context."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span

from kg.extract.entity_rules import EntityRules, entity_rules
from kg.extract.positions import position_words
from kg.extract.spans import NAME_STOP, fold
from kg.records import EntityType
from kg.resolve.names import normalise_name
from kg.resolve.places import gazetteer

# spaCy labels that name entities kg models; the rest (dates, money, ...) are
# handled as values by the event extractors.
LABEL_TYPES = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORGANIZATION,
    "GPE": EntityType.PLACE,
    "LOC": EntityType.REGION,
    "FAC": EntityType.PLACE,
    "NORP": EntityType.PLACE,  # kept only when it is a country name the model mislabelled
}


_PREPS = re.compile(r"\s+(?:of|in|for|on)\s+")
_TRAILING_NUMBER = re.compile(r"(?:\s+[\d][\w./-]*)+$")
# sites that are also institutions: one that speaks ("the X Hospital said", "told
# Reuters", "reported nine injured") acts as a body, an Organization; elsewhere it is the
# building, a Place
_INSTITUTION_SITES = frozenset({"hospital", "clinic", "state house", "government house",
                                "school"})
_SPOKESPERSONS = frozenset({"spokesman", "spokeswoman", "spokesperson"})
_SPEECH_LEMMAS = frozenset({"say", "tell", "report", "confirm", "announce", "state", "add",
                            "record", "count", "put"})


def institution_site(text: str) -> bool:
    """Whether a place name ends in a site noun that is also an institution ("hospital",
    "State House": the presidency's seat and the presidency; the model's "... Hospital of
    X" counts by its head)."""
    words = fold(text).partition(" of ")[0].split()  # "Central Hospital of X": its head
    return bool(words) and (words[-1] in _INSTITUTION_SITES
                            or " ".join(words[-2:]) in _INSTITUTION_SITES)


def _speaks(span: Span) -> bool:
    """Whether the span is the subject of a verb of saying or reporting, or names the
    body of a spokesperson ("State House spokeswoman X")."""
    root = span.root
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in _SPEECH_LEMMAS:
        return True
    return root.dep_ in ("compound", "nmod") and root.head.lower_ in _SPOKESPERSONS


def head_type(text: str, rules: EntityRules) -> EntityType | None:
    """Type from the head of an organisation name: its last words ("Republic of Fiji
    Military Forces", "National Guard"), else the last words before its first preposition
    ("Ministry of Defence", "United Nations Interim Force in Lebanon"). A body whose name
    opens with an international word ("International Committee of ...", "European ...
    Service") is an organisation's, not a government's."""
    # (normalise_name drops a leading "the" and a possessive ending the model's span may
    # keep, "the Welfare Department's portal", which is no part of the name's head)
    folded = fold(normalise_name(text))
    # "Air Base 201", "Camp 7": a number after the head is part of the name
    folded = _TRAILING_NUMBER.sub("", folded) or folded
    found = None
    parts = _PREPS.split(folded, maxsplit=1)
    # "Government of Solomon Islands": a country's name after "of" is the owner, not the head
    whole = [] if len(parts) == 2 and gazetteer().country(parts[1]) is not None else [folded]
    # "House of Commons of Jamaica": a head with "of" in it ("house of commons"), then
    # the country that owns it
    head, of, owner = folded.rpartition(" of ")
    if of and whole and " of " in head and gazetteer().country(owner) is not None:
        words = head.split()
        found = next((rules.heads[k] for n in (4, 3) if len(words) >= n
                      and " of " in (k := " ".join(words[-n:])) and k in rules.heads), None)
        if found is not None:
            whole = []
    for part in (*whole, parts[0]) if found is None else ():
        words = part.split()
        for n in (4, 3, 2, 1):  # "house of representatives", "local government area"
            if len(words) >= n:
                found = rules.heads.get(" ".join(words[-n:]))
                if found is not None:
                    break
        if found is not None:
            break
    words = folded.split()
    opener = None
    if len(words) > 1:
        opener = rules.openers.get(" ".join(words[:2])) or rules.openers.get(words[0])
        if opener is None and words[0].startswith("pan-"):
            opener = EntityType.ORGANIZATION  # "Pan-Andean ...", "Pan-African ..."
    if opener is EntityType.PLACE:
        # "Plaza Murillo", "Camp Bondsteel", "Port of Spain" but not "Place of Safety Act"
        if found is None and len(words) <= 4:
            return opener
        opener = None
    if opener is not None and found in (None, EntityType.GOVERNMENT_BODY,
                                         EntityType.ORGANIZATION, EntityType.GROUP):
        return opener
    if found is not None:
        return found
    # "Radio Sol Mansi", "Television Nacional": a media word opens a broadcaster's name
    if len(words) > 1 and rules.heads.get(words[0]) is EntityType.MEDIA_ORGANIZATION:
        return EntityType.MEDIA_ORGANIZATION
    return None


# heads that are also surnames or given names: a two-word person name ending in one stays
# a person ("Mary Guard")
_NAME_LIKE_HEADS = {"guard", "guards", "press", "times", "news", "force", "league", "union",
                    "lake", "street", "road", "bridge", "church", "temple", "palace", "camp",
                    "market", "hospital", "island", "port", "base",
                    "command", "reserve", "corps", "court", "party"}


def place_type(text: str, *, strict: bool = False) -> EntityType | None:
    """Country, City or Region from the gazetteer.

    ``strict`` (for names the model called an organisation) accepts only countries and
    cities that are unique and large, so that a company named after a small town
    stays an organisation.
    """
    gaz = gazetteer()
    if gaz.country(text):
        return EntityType.COUNTRY
    if strict:
        found = gaz.cities_named(text)
        if len(found) == 1 and found[0].population >= 100_000:
            return EntityType.CITY
        return None
    return gaz.place_type(text)


@cache
def place_preps() -> frozenset[str]:
    """The event rules' locative prepositions but "of" ("the son of Jordan")."""
    from kg.rules.loader import event_rules

    return frozenset(event_rules().lists["locative_preps"]) - {"of"}


@cache
def person_nouns() -> frozenset[str]:
    """Nouns that only say a person: the last words of titles, gender cues ("son",
    "spokeswoman") and the person descriptors ("journalist", "leader")."""
    rules = entity_rules()
    words = {t.split()[-1] for t in rules.titles} | set(rules.gender_cues)
    words |= {p.split()[-1] for p, t in rules.descriptors.items() if t is EntityType.PERSON}
    return frozenset(words - {"state", "his", "her"})


def _person_context(span: Span, rules: EntityRules) -> bool:
    """A name the model called an organisation that its syntax says is a person: in
    apposition to a person noun or an office noun ("its spokesman, Jean-Luc Ndombe"; "the
    opposition leader, Kofi Mensah Boateng"; "the head of the Red Cross, X", which the
    parser may hang on the office's object: ``_office_of_before``), joined by "and" to a
    person ("Ana Petrova and Ivan Sokolov"), or given an alias ("Juan Pablo Ortiz, alias
    "El Toro"")."""
    words = [t for t in span if not t.is_punct]
    if not 2 <= len(words) <= 4 or not all(t.is_title for t in words):
        return False
    root, doc = span.root, span.doc
    if root.dep_ == "appos" and root.head.i < span.start and (
            root.head.lower_ in person_nouns() or (
                # after a comma: "the opposition Civic Front", "the consultancy Lagoon
                # Partners" name the body the noun describes
                span.start > 0 and doc[span.start - 1].text == "," and (
                    _office_noun(root.head) or _office_of_before(root.head)))):
        return True
    if any(t.ent_type_ == "PERSON" and not (span.start <= t.i < span.end)
           for t in (*root.conjuncts,)):
        return True
    nxt = [t for t in doc[span.end:span.end + 2] if not t.is_punct]
    return bool(nxt) and nxt[0].lower_ == "alias"


def _office_noun(tok) -> bool:
    """An office noun a title ends in (relations.yaml ``position.title_heads``)."""
    heads = position_words().heads
    return tok.pos_ in ("NOUN", "PROPN") and (tok.lemma_.lower() in heads
                                              or tok.lower_ in heads)


def _office_of_before(head) -> bool:
    """"the governor of Lusaka Province, Mwila Banda", "the head of the Red Cross, X", "the
    prefect for the region, X": the parser hangs the name after the comma on the object of
    "of"/"for", not on the office noun; a name in apposition to that object, with an
    office noun before the preposition, is the office's holder, a person (the office noun
    may carry a modifier: "the police commissioner for X", "the deputy head of X")."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ not in ("of", "for") or prep.dep_ != "prep":
        return False
    return prep.head.i < prep.i and _office_noun(prep.head)


def _named_state(span: Span) -> EntityType | None:
    """"Kano State", "Rivers State": a federal state's name, which the model calls an
    organisation ("Islamic State" is no region the gazetteer knows)."""
    if len(span) >= 2 and span[-1].lower_ == "state" and \
            gazetteer().regions_named(span[:-1].text):
        return EntityType.REGION
    return None


# labels the small model gives names of sites it does not know ("Toussaint Louverture
# International Airport" an event, "Air Base 101" a product, "the Independence Monument" a law)
_SITE_LABELS = frozenset({"EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})


def _site_name(span: Span, label: str, rules: EntityRules) -> EntityType | None:
    """A Title Case name the model called an event, product, work or law is a place when
    it ends in a place head ("... International Airport", "Independence Monument",
    "GT Road"; "Air Base 101": a number after the head is part of the name)."""
    if label not in _SITE_LABELS:
        return None
    words = [t for t in span if not t.like_num and not t.is_punct]
    while words and words[-1].text[:1].isdigit():
        words.pop()
    if not words or not words[-1].is_title:
        return None
    return EntityType.PLACE if head_type(" ".join(t.text for t in words),
                                          rules) is EntityType.PLACE else None


def span_type(span: Span, label: str, rules: EntityRules) -> EntityType | None:
    found = _span_type(span, label, rules)
    if found is EntityType.PLACE and ((institution_site(span.text) and _speaks(span))
                                      or _national(span.text)):
        return EntityType.ORGANIZATION
    return found


def _national(text: str) -> bool:
    """"National Hospital of Sri Lanka", "Central Hospital of X": an institution named
    for its country is the national body, not only its building."""
    head, sep, owner = fold(text).removeprefix("the ").partition(" of ")
    return bool(sep) and institution_site(head) and gazetteer().country(owner) is not None


# "who gave her name only as X", "identified only as X", "known as X": a person's name
_NAME_AS = frozenset({"name", "names", "identified", "known", "introduced", "nicknamed"})


def _named_as_person(span: Span) -> bool:
    """A name given as a person's ("a student who gave her name only as Mialy", "a man
    identified only as Tomas"), or a name in apposition to a person noun ("Jean Ravalo,
    director general of the utility"), that no gazetteer knows as a place."""
    doc = span.doc
    if span.start > 1 and doc[span.start - 1].lower_ == "as" and any(
            t.lower_ in _NAME_AS for t in doc[max(0, span.start - 4):span.start - 1]):
        return gazetteer().place_type(span.text) is None
    words = [t for t in span if not t.is_punct]
    if not 2 <= len(words) <= 4 or not all(t.is_title for t in words):
        return False
    nouns = person_nouns()
    return any(c.dep_ == "appos" and c.i >= span.end and c.lower_ in nouns
               for c in span.root.children) and gazetteer().place_type(span.text) is None


def _honorific_led(span: Span, rules: EntityRules) -> bool:
    """"H.E. Lars Dahl", "Mrs Ana Lopes": an honorific (titles.jsonl, scope honorific: not
    a rank) then only capitalised words, none a body's head, is a person's name whatever
    label the model gave it ("H.E. X" is often read as a work of art)."""
    for n in (2, 1):
        if len(span) <= n or rules.titles.get(
                span[:n].text.replace("’", "'").casefold()) != "honorific":
            continue
        rest = span[n:]
        return rest[0].text[:1].isupper() and all(
            t.is_title or t.is_punct or t.lower_ in NAME_STOP for t in rest) and \
            head_type(rest.text, rules) is None and gazetteer().place_type(rest.text) is None
    return False


def _region_acting(span: Span) -> EntityType | None:
    """A name the model called an organisation or a person that is exactly one country's
    state or province (ISO 3166-2, a US state) and no town: that region acting, as a
    country's or a large city's name is ("Luapula has sealed its border", "Copperbelt
    told the inquiry"). Not a name several countries' units share ("Eastern", "Centre"),
    nor one that may be cut from a longer name: right after "and" ("the Government of
    A and" + "B") or before more capitalised words ("X" + "Deputy Governor
    Y")."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in ("and", "&"):
        return None
    if span.end < len(doc) and doc[span.end].is_title:
        return None
    gaz = gazetteer()
    if gaz.cities_named(span.text) or len(gaz.regions_named(span.text)) != 1:
        return None
    return EntityType.REGION


def _span_type(span: Span, label: str, rules: EntityRules) -> EntityType | None:
    text = span.text
    if label != "PERSON" and _honorific_led(span, rules):
        return EntityType.PERSON
    if label in ("GPE", "FAC", "LOC") and _named_as_person(span):
        return EntityType.PERSON
    if label.startswith("KG_"):
        return EntityType(label[3:])
    if label == "NORP":
        return EntityType.COUNTRY if gazetteer().country(text) else None
    base = LABEL_TYPES.get(label)
    if base is None:
        return _site_name(span, label, rules)
    if base in (EntityType.ORGANIZATION, EntityType.PERSON) and len(span) <= 3 and \
            span.root.dep_ == "pobj" and span.root.head.lower_ in place_preps() and \
            head_type(text, rules) is None:
        # "Police in Gao", "the airport in Bissau": a known place after a locative
        # preposition is that place, whatever the model guessed
        found = place_type(text)
        if found is not None:
            return found
    if base is EntityType.ORGANIZATION:
        found = head_type(text, rules) or place_type(text, strict=True) or \
            _named_state(span) or _region_acting(span)
        if found is None and _person_context(span, rules):
            return EntityType.PERSON
        return found or base
    if base is EntityType.PERSON:
        # "Sahel People's Defence Forces" tagged a person: a long name ending in a body
        # head is that body ("Mary Guard" stays a person)
        found = head_type(text, rules)
        if found is not None and found is not EntityType.MEDIA_ORGANIZATION and (
                len(span) >= 3 or any(t.lower_ in NAME_STOP or t.tag_ == "POS" for t in span)
                or span[-1].lower_ not in _NAME_LIKE_HEADS):
            return found
        # "Baku told a different story", "the Prime Minister of Solomon Islands": a country
        # or a large city of that one name is that place (metonymy)
        # (a one-word "person" may be a surname or given name a province shares: only a
        # name of two words or more is read as the region)
        return place_type(text, strict=True) or (
            _region_acting(span) if len(span) > 1 else None) or base
    if label == "FAC" and head_type(text, rules) is EntityType.ARMED_FORCE:
        # "Royal Solomon Islands Police Force" tagged a facility: a force is no building
        # (a "Presidential Secretariat" may be)
        return EntityType.ARMED_FORCE
    if label == "GPE" or label == "LOC":
        ht = head_type(text, rules)
        if ht is EntityType.PLACE:
            return ht  # "Freedom Square", "Shire River", "Dhaka Cantonment"
        found = place_type(text)
        if found is not None:
            return found
        if ht is not None and ht is not EntityType.PLACE:
            return ht
        if text.isupper() and span.root.dep_ == "compound" and \
                span.root.head.pos_ == "NOUN":
            # "KPLC offices", "a GWCL billing office": an acronym no gazetteer knows
            # before a common noun is the body that owns it, not a place
            return EntityType.ORGANIZATION
        # a GPE the gazetteer does not know is most often a village or a small town
        return EntityType.CITY if label == "GPE" and not text.isupper() else base
    return base
