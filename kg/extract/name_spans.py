"""Where a name starts and ends: trimming, particles, and titles before names.

"the Southern Trade Council (Sotrac" -> "Southern Trade Council"; "Radio Programas del"
-> "Radio Programas del Peru"; "Nigerian President Amara Okafor" -> (Nigerian,
President, Amara Okafor).
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span

from kg.extract.entity_rules import EntityRules, entity_rules
from kg.extract.spans import doc_text
from kg.records import EntityType
from kg.resolve.places import gazetteer
from kg.rules.loader import event_rules

_DETERMINERS = {"the", "a", "an"}
_NAME_PARTICLES = {"del", "de", "da", "do", "dos", "das", "di", "la", "le", "of", "von", "van"}
# an organisation's name never ends in these: the model cut it ("Rally for" + "Mali")
_CUT_AFTER = {"of", "for"}
# body heads whose name may go on with "for" + its remit ("Office for X", "Ministry for Y")
_FOR_BODIES = {EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION}
_PLACE_LABELS = {"GPE", "LOC", "FAC", "NORP"}
# a name never ends in a locative preposition: the model ran on past it ("X Hospital in" +
# "Town"); "of"/"for" are left to complete_name (a name cut there goes on)
TRAILING_PREPS = {"in", "at", "on", "near", "from", "to", "into"}
# "St Mary's", "Saint John's": a place named after a church keeps the saint's "'s"
_SAINTS = {"st", "st.", "saint", "ste", "ste."}


def complete_name(span: Span, *, person: bool = False) -> Span:
    """"Radio Programas del" + "Peru": a name the model cut after a particle goes on to
    the capitalised word that follows it; "Croix" of "Croix-des-Bouquets" (or "Baptiste
    Dorvil" of "Jean-Baptiste Dorvil") takes the whole hyphenated word; a ``person``'s
    name goes on over the capitalised names that follow it ("Wilfredo Mamani" Ayala)."""
    doc, start, end = span.doc, span.start, span.end
    if span[-1].lower_ in _NAME_PARTICLES or span[-1].lower_ in _CUT_AFTER:
        # "Rally for" + "Mali", "Emergency Centre of" + "the University Clinical Centre
        # of Serbia": on over the capitalised words (and the particles between them)
        k = end + 1 if end < len(doc) and doc[end].lower_ == "the" \
            and span[-1].lower_ in _CUT_AFTER else end
        while k < len(doc) and doc[k].is_title and not doc[k].is_sent_start:
            k += 1
            end = k
            if k + 1 < len(doc) and doc[k].lower_ in _CUT_AFTER and doc[k + 1].is_title:
                k += 1
    elif not person and end + 2 < len(doc) and doc[end].lower_ == "for" and \
            entity_rules().heads.get(span[-1].lower_) in _FOR_BODIES:
        # "UN Office" + "for the Coordination of Humanitarian Affairs": a body's name the
        # model cut before "for" goes on over the capitalised words of its remit
        # (not a place: "Member of Parliament for the Kurunegala District")
        k = end + 2 if doc[end + 1].lower_ == "the" else end + 1
        while k < len(doc) and doc[k].is_title and not doc[k].is_sent_start \
                and doc[k].ent_type_ not in _PLACE_LABELS:
            k += 1
            end = k
            if k + 1 < len(doc) and doc[k].lower_ in ("of", "and") and doc[k + 1].is_title:
                k += 1
    if not person:
        end = _body_name_end(span, end)
        start = _joined_remit_start(span, start)
    if person and end < len(doc) and doc[end].pos_ == "PROPN" and _name_word(doc[end]) \
            and not doc[end].is_sent_start and span[-1].whitespace_ \
            and doc[end].ent_iob_ == "O" and not title_regex().match(doc[end:end + 3].text):
        # "Gen Marta" + "Ruiz-Solano": the whole name, up to another entity or a title
        stop = name_after(doc, end) or end
        k = end
        while k < stop and doc[k].ent_iob_ == "O":
            k += 1
        end = k
    if person and _given_name_before(doc, start, end):
        start -= 1  # "Tariqul" + "Islam Khan": the model's person began a word late
    if person and start > 0 and doc[start - 1].whitespace_ and \
            doc[start - 1].lower_ in entity_rules().generic.get("given", ()):
        start -= 1  # "Ma." + "Teresa Cruz": an abbreviated given name opens it
    # a hyphenated name goes on to its last capitalised part ("Croix-des-Bouquets", not
    # "EU-facilitated") and back to its first ("Jean-Baptiste", "al-Dulaimi")
    k = end
    while k + 1 < len(doc) and doc[k].text in ("-", "‐") and not doc[k - 1].whitespace_ \
            and not doc[k].whitespace_ and doc[k + 1].is_alpha:
        k += 2
        if doc[k - 1].text[:1].isupper():
            end = k
    k = start
    while k >= 2 and doc[k - 1].text in ("-", "‐") and not doc[k - 2].whitespace_ \
            and not doc[k - 1].whitespace_ and doc[k - 2].is_alpha:
        k -= 2
        if doc[k].text[:1].isupper() or doc[k].lower_ in _INNER:
            start = k
    return doc[start:end] if (start, end) != (span.start, span.end) else span


_BODY_TYPES = {EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION, EntityType.ARMED_FORCE}


def _joined_remit_start(span: Span, start: int) -> int:
    """"the Education" + "and Culture Committee": a body's name begun after a remit's first
    word and "and" goes back over them, after a determiner or a possessive."""
    doc = span.doc
    if start < 3 or doc[start - 1].lower_ != "and" or not doc[start - 2].is_title or \
            doc[start - 2].ent_iob_ != "O" or \
            entity_rules().heads.get(span[-1].lower_) not in _BODY_TYPES:
        return start
    before = doc[start - 3]
    return start - 2 if before.lower_ in _DETERMINERS or before.tag_ == "POS" else start


def _body_name_end(span: Span, end: int) -> int:
    """Where a body's name the model cut short ends:

    - "the Ministry of Energy" + "and Mines": a "<body> of X" name goes on over "and" and
      the capitalised words no entity holds, up to a lower-case word;
    - "the European Union Force" + "in Bosnia and Herzegovina (EUFOR)", "the United
      Socialist Party" + "of Venezuela (PSUV)": an acronym in brackets follows the whole
      name, so a name cut before "in/of <Place>" goes on to it;
    - "People's Alliance and Pramod Chand": a complete body name ("... Alliance") and a
      run of words with no body word after "and" are two names; the first ends at "and".
    - "the Office of the Prime" + "Minister": a "<body> of (the) ..." name the model cut
      inside a title (titles.jsonl) ends after the title.
    - "MINISTRY OF THE INTERIOR" + ", COMMUNITY DEVELOPMENT AND PUBLIC SECURITY": a
      ministry whose portfolios are listed with commas is one name: "<body> of X" goes on
      over ", Y and Z" when only capitalised words no entity holds and no body head follow
      up to "and" and the last portfolio (a list of bodies, "the Ministry of Health,
      Police and Army", has body heads and stays apart).
    """
    doc = span.doc
    heads = entity_rules().heads
    if (k := _portfolio_end(span, end, heads)) is not None:
        return k
    if end < len(doc) and end - span.start >= 3 and doc[end].is_title \
            and doc[end].ent_iob_ != "B" and heads.get(span[0].lower_) in _BODY_TYPES \
            and any(t.lower_ == "of" for t in doc[span.start:end]) \
            and f"{doc[end - 1].lower_} {doc[end].lower_}" in entity_rules().titles:
        return end + 1
    if end + 1 < len(doc) and doc[end].lower_ == "and" and \
            any(t.lower_ == "of" for t in doc[span.start:end]) and \
            heads.get(span[0].lower_) in _BODY_TYPES:
        k = end + 1
        while k < len(doc) and k - end <= 3 and doc[k].is_title and (
                doc[k].ent_iob_ == "O" or (  # "Marine" of "Ports and Marine" read as NORP
                    doc[k].ent_type_ == "NORP" and not entity_rules().is_demonym(doc[k].text))) \
                and not doc[k].is_sent_start and heads.get(doc[k].lower_) is None \
                and gazetteer().country(doc[k].text) is None:
            k += 1
        if k > end + 1 and (k >= len(doc) or not doc[k].is_title):
            return k
    if end + 2 < len(doc) and doc[end].lower_ in ("in", "of") and doc[end + 1].is_title:
        k = end + 1
        while k < len(doc) and k - end <= 6 and (
                doc[k].is_title or doc[k].lower_ in ("and", "of", "the")):
            k += 1
        if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 1].is_upper and \
                doc[k + 2].text == ")" and doc[k - 1].is_title:
            return k
    words = [t.lower_ for t in doc[span.start:end]]
    if "and" in words[1:-1]:
        cut = span.start + len(words) - 1 - words[::-1].index("and")
        before, after = doc[span.start:cut], doc[cut + 1:end]
        if heads.get(before[-1].lower_) in _BODY_TYPES and 2 <= len(after) <= 3 and \
                all(t.is_title and t.pos_ == "PROPN" and heads.get(t.lower_) is None
                    for t in after):
            return cut
    return end


def _portfolio_end(span: Span, end: int, heads) -> int | None:
    """Where ", Y and Z" after a "<body> of X" name ends, or None (see _body_name_end)."""
    doc = span.doc
    if not (end + 3 < len(doc) and doc[end].text == "," and heads.get(span[0].lower_)
            is EntityType.GOVERNMENT_BODY and any(t.lower_ == "of" for t in span)):
        return None
    k, seen_and = end + 1, False
    while k < len(doc) and k - end <= 10:
        t = doc[k]
        if t.lower_ == "and" and not seen_and and k > end + 1:
            seen_and = True
        elif not ((t.text == "," and not seen_and) or _portfolio_word(t, heads)):
            break
        k += 1
    if not seen_and or doc[k - 1].lower_ == "and" or not doc[k - 1].is_alpha:
        return None
    return k


def _portfolio_word(t, heads) -> bool:
    """A capitalised word of a portfolio: no place, no body or force head ("Police")."""
    return t.is_alpha and (t.is_title or t.is_upper) and t.ent_type_ not in _PLACE_LABELS \
        and heads.get(t.lower_) not in (EntityType.GOVERNMENT_BODY, EntityType.ARMED_FORCE) \
        and not t.is_sent_start


def _region_kind(word: str) -> bool:
    """Whether a word is the kind noun of a region ("county", "province", "region")."""
    noun = entity_rules().kind_nouns.get(word)
    return noun is not None and noun.type is EntityType.REGION


def trim_span(span: Span) -> Span | None:
    """Drop leading determiners/possessive endings and surrounding punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in _DETERMINERS or doc[start].is_punct
                           or doc[start].is_space):
        start += 1
    # "Tilak Perera - Minister of Power": a dash with blanks around it ends the name
    for k in range(start + 1, end):
        if doc[k].text in ("-", "–", "—") and doc[k - 1].whitespace_ and doc[k].whitespace_:
            end = k
            break
    # "sent 150 soldiers of the X Defence Forces to Y County": a unit the body was sent
    # to, named with its kind noun, is no part of the body's name
    for k in range(start + 1, end - 1):
        if doc[k].lower_ == "to" and _region_kind(doc[end - 1].lower_) and \
                all(t.text[:1].isupper() or t.text == "-" for t in doc[k + 1:end]):
            end = k
            break
    # "the Southern Trade Council (Sotrac": a bracket the name does not close ends the name
    opened = [t.i for t in doc[start:end] if t.text == "("]
    if opened and not any(t.text == ")" for t in doc[opened[-1]:end]):
        end = opened[-1]

    def closing(i: int) -> bool:  # ")" of a bracket opened inside the name stays
        return doc[i].text == ")" and any(t.text == "(" for t in doc[start:i])

    saint = end - start >= 3 and doc[start].lower_ in _SAINTS and \
        doc[end - 1].lower_ in {"'s", "’s"}  # "St Mary's", "St George's": the "'s" is named
    while end > start and not closing(end - 1) and not saint and (
            doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].tag_ == "POS"
            or doc[end - 1].lower_ in {"'s", "’s"}
            or (doc[end - 1].text in TRAILING_PREPS and end - 1 > start)):
        end -= 1
    return doc[start:end] if end > start else None


@cache
def title_regex() -> re.Pattern[str]:
    titles = sorted(entity_rules().title_forms.values(), key=len, reverse=True)
    alts = "|".join(re.escape(t) for t in titles)
    return re.compile(rf"(?:{alts})(?=[\s,])", re.IGNORECASE)


def split_title(span: Span, rules: EntityRules) -> tuple[Span | None, str | None, Span | None]:
    """(qualifier, title, name) of '[Nigerian] President Amara Okafor', or Nones."""
    doc = span.doc
    start = span.start
    qualifier = None
    if rules.is_demonym(doc[start].text) or (gazetteer().country(doc[start].text)
                                             and start + 1 < span.end):
        qualifier = doc[start:start + 1]
        start += 1
    if start >= span.end:
        return None, None, None
    rest = doc[start:span.end]
    m = title_regex().match(rest.text)
    if not m:
        return None, None, None
    name = rest.char_span(m.end(), len(rest.text), alignment_mode="contract")
    if name is None:
        return None, None, None
    name = trim_span(name)
    # a string of honorifics ("Tan Sri", "Dato Seri Haji"): all of them
    # go, not only the first (titles.jsonl, scope honorific)
    while name is not None and len(name) > 2 and (h := title_regex().match(name.text)) \
            and rules.titles.get(h.group(0).replace("’", "'").casefold()) == "honorific":
        name = name.char_span(h.end(), len(name.text), alignment_mode="contract")
        name = trim_span(name) if name is not None else None
    if name is None or not name[0].is_title:
        return None, None, None
    return qualifier, m.group(0), name


def inside_title(span: Span) -> bool:
    """Whether the span is the start of a longer title phrase followed by a name
    ("Interior Minister Ana Ruiz", or with a comma: "Interior Minister, Ana Ruiz,")."""
    text = doc_text(span.doc)
    m = title_regex().match(text, span.start_char)
    if m is None or m.end() <= span.end_char:
        return False
    rest = text[m.end():m.end() + 8].lstrip().removeprefix(",").lstrip()
    return rest[:1].isupper()


def office_span(span: Span) -> tuple[bool, Span | None]:
    """"the National Coordinator of the Workers' Union, Prof. X", "the High Representative,
    Mr X": a span the model typed a body that is an office (its words before "of" end in an
    office noun) standing before a comma and a name. Returns (whether it is one, the body
    named after its "of [the]", if any) -- the office is no entity, its body is."""
    doc = span.doc
    of = next((t.i for t in span if t.lower_ == "of"), span.end)
    if of == span.start:
        return False, None
    last = doc[of - 1]
    words = _office_words()
    if not (last.lower_ in words or last.lemma_.lower() in words):
        return False, None
    if last.lower_.rstrip(".") in event_rules().relations["position"]["ranks"]:
        return False, None  # "General", "Inspector": a rank alone names no office here
    end = span.end
    if end < len(doc) and doc[end].text == "(":  # "(GWU)" after the body
        close = next((t.i for t in doc[end:end + 6] if t.text == ")"), None)
        end = close + 1 if close is not None else end
    k = end + 1
    while k < len(doc) and k - end < 6 and (doc[k].ent_type_ != "PERSON") and (
            doc[k].is_title or doc[k].text == "."):
        k += 1  # "Prof.", "Mr", "Major General" before the name
    named_after = end + 1 < len(doc) and doc[end].text == "," and k < len(doc) \
        and doc[k].ent_type_ == "PERSON"
    # a signature: "Prof. X, National Coordinator of the Union"
    named_before = span.start >= 2 and doc[span.start - 1].text == "," and \
        doc[span.start - 2].ent_type_ == "PERSON"
    # "decisions of the High Representative": an office alone, in title case, is no body
    alone = of == span.end and span.start >= 1 and doc[span.start - 1].lower_ == "the" \
        and all(t.is_title for t in span)
    if not (named_after or named_before or alone):
        return False, None
    # the body: after the first "of [the]" that a capitalised word follows ("chief of
    # general staff of the Armed Forces" -> "Armed Forces")
    for t in span[of - span.start:]:
        if t.lower_ != "of":
            continue
        body = t.i + 1 + (t.i + 1 < span.end and doc[t.i + 1].lower_ == "the")
        if body < span.end and doc[body].is_title:
            last = span[-1]
            if last.lower_ in words or last.lemma_.lower() in words:
                return True, None  # "Head of Mission and Force Commander": offices only
            return True, doc[body:span.end]
    return True, None


def possessive_parts(span: Span) -> list[Span]:
    """"the University of Lagos's Faculty of Law and Faculty of Arts" read as one name: the
    owner's name and the names of its parts ("X's" then capitalised names, several when
    "and" repeats the part's first word). Empty when the span holds no such possessive."""
    doc = span.doc
    poss = next((t.i for t in span[1:-1] if t.tag_ == "POS"), None)
    if poss is None or not doc[poss + 1].is_title or doc[span.start].ent_type_ == "PERSON":
        return []
    if doc[poss - 1].lower_ in _office_words():
        return []  # "the Force Commander's Reserve": an office owns it, one name
    head = entity_rules().heads
    bodies = set(event_rules().relations["part_of"]["whole_words"])
    if not any(head.get(t.lower_) is not None or t.lower_ in bodies
               for t in doc[span.start:poss]) and not doc[poss - 1].is_upper:
        return []  # "Ali's Restaurant": no body's name on either side
    out, start = [doc[span.start:poss]], poss + 1
    for t in doc[poss + 2:span.end]:
        if t.lower_ == "and" and t.i + 1 < span.end and doc[t.i + 1].text == doc[poss + 1].text:
            out.append(doc[start:t.i])
            start = t.i + 1
    out.append(doc[start:span.end])
    return [p for p in out if len(p)]


@cache
def title_end_regex() -> re.Pattern[str] | None:
    """Reversed titles, to test cheaply whether a text ends with one (None: no shortcut)."""
    titles = sorted(entity_rules().title_forms.values(), key=len, reverse=True)
    if any(t != t.rstrip() for t in titles):
        return None
    return re.compile("|".join(re.escape(t[::-1]) for t in titles), re.IGNORECASE)


def after_title(span: Span) -> bool:
    """Whether a capitalised title ends right before the span ('... President ' + span)."""
    before = doc_text(span.doc)[max(0, span.start_char - 40):span.start_char]
    # a title that ends right before the span ends where the text does, blanks aside:
    # one anchored match on the reversed text rules out almost every span
    ends_with = title_end_regex()
    if ends_with is not None and not ends_with.match(before.rstrip()[::-1]):
        return False
    for m in title_regex().finditer(before + " "):
        if m.group(0)[:1].isupper() and not before[m.end():].strip():
            return True
    return False


def title_qualifier(span: Span) -> bool:
    """Whether a word the model tagged between two title words is a qualifier of one
    longer title: "Chief Cabinet Secretary X", "Deputy Defence Minister X" -- the span
    follows a title, is followed right away by a capitalised office noun (relations.yaml
    ``position``) and that by a capitalised word (the holder's name). It is no body and
    no person: the title runs over it."""
    doc = span.doc
    k = span.end
    if len(span) > 2 or k + 1 >= len(doc):
        return False
    head, name = doc[k], doc[k + 1]
    words = _office_words()
    return head.is_title and head.is_alpha and (
        head.lower_ in words or head.lemma_.lower() in words) and \
        name.is_alpha and name.text[:1].isupper() and after_title(span)


# unit nouns that end a body's own name even before an office noun ("the Home Office
# Minister" is the minister of a body)
_UNIT_HEADS = frozenset({"office", "ministry", "department", "agency", "service", "council",
                         "committee", "commission", "authority", "bureau", "board"})


def title_portfolio(span: Span) -> bool:
    """Whether a span the model typed a body is the portfolio of an unnamed office holder's
    title: "the Water Affairs Secretary said", "asked the Cabinet Secretary to review"
    -- after "the", right before a capitalised office noun (relations.yaml ``position``)
    that ends the phrase (no name follows; a name is inside_title's case). The title is
    a role, the span no body. A span in capitals ("the EU Commissioner for X") or ending
    in a unit noun ("the Home Office Minister") names its body and stays."""
    doc = span.doc
    k = span.end
    if span.start == 0 or doc[span.start - 1].lower_ != "the" or k >= len(doc) or \
            len(span) > 3:
        return False
    head, words = doc[k], _office_words()
    if not (head.is_title and head.is_alpha and (
            head.lower_ in words or head.lemma_.lower() in words)):
        return False
    if k + 1 < len(doc) and doc[k + 1].is_alpha and doc[k + 1].text[:1].isupper():
        return False
    return all(t.is_title and t.is_alpha for t in span) and \
        span[-1].lower_ not in _UNIT_HEADS


@cache
def _office_words() -> frozenset[str]:
    """Office nouns and ranks of relations.yaml (``position``): "Speaker", "Secretary"."""
    spec = event_rules().relations["position"]
    return frozenset(w for key in ("title_heads", "ranks", "national", "local")
                     for w in spec[key] if " " not in w)


def _given_name_before(doc, start: int, end: int) -> bool:
    """Whether the word right before a person's name is the start of it: a capitalised
    proper noun outside any entity that opens a capitalised run (not the last word of a
    long title), not a title, rank or honorific ("President", "Gen."), a demonym or a
    place, in a sentence that is not a title-case headline."""
    if start == 0:
        return False
    prev = doc[start - 1]
    if prev.pos_ != "PROPN" or not prev.is_title or not prev.is_alpha or \
            prev.ent_iob_ != "O" or not prev.whitespace_ or len(prev) < 3:
        return False
    if start >= 2 and doc[start - 2].is_title and doc[start - 2].is_alpha:
        return False  # inside a capitalised run: "Minister for Water Resources" + name
    if start >= 2 and doc[start - 2].lower_ == "the":
        return False  # "Minister of the Interior" + name: no given name after "the"
    if start >= 3 and doc[start - 2].lower_ in ("for", "of") and \
            prev.lower_ in event_rules().relations["position"]["portfolio_nouns"]:
        return False  # "State Secretary for Digitalisation" + name: the portfolio
    if start >= 3 and doc[start - 2].lower_ in ("for", "of", "and", "&"):
        from kg.extract.title_grammar import title_at

        rules = entity_rules()
        if any((p := title_at(doc, h, rules)) is not None and p.name is not None
               and p.name[0] == start for h in range(max(0, start - 10), start - 2)):
            return False  # "Director General of Customs" + name: the title's complement
    rules = entity_rules()
    if prev.lower_ in _office_words() or prev.lemma_.lower() in _office_words() or \
            rules.title_forms.get(prev.lower_) is not None or rules.is_demonym(prev.text) or \
            after_title(doc[start:end]) or title_regex().match(prev.text + " "):
        return False
    gaz = gazetteer()
    if gaz.country(prev.text) is not None or gaz.city_candidates(prev.text):
        return False
    sent = prev.sent
    words = [t for t in sent if t.is_alpha]
    return sum(t.is_title for t in words) * 2 <= len(words)  # no headline

# lower-case words that may sit inside a place or person name ("Mocímboa da Praia",
# "Croix-des-Bouquets", "Casa Grande del Pueblo")
_INNER = {"da", "de", "do", "dos", "das", "del", "della", "di", "des", "du", "la", "le", "el",
          "al", "van", "von", "der", "den", "bin", "ibn", "y", "e"}


def _name_word(tok) -> bool:
    """A capitalised word that may be part of a name (not "In" or "The" opening a sentence)."""
    return tok.text[:1].isupper() and (tok.is_alpha or "-" in tok.text or "'" in tok.text) \
        and not (tok.is_stop and tok.pos_ not in ("PROPN", "NOUN"))


def _joined(doc, i: int) -> bool:
    """Whether token ``i`` is glued to the one before it ("Croix" "-" "des")."""
    return i > 0 and not doc[i - 1].whitespace_


def name_before(doc, end: int, *, limit: int = 6) -> int | None:
    """Start of the capitalised name ending at token ``end`` (exclusive), or None.

    Inner particles and hyphenated parts count ("Mocímboa da Praia", "Croix-des-Bouquets");
    the name may not begin with a particle.
    """
    i = end
    while i > 0 and end - i < limit:
        tok = doc[i - 1]
        if _name_word(tok) or (tok.text == "-" and _joined(doc, i - 1) and _joined(doc, i)) \
                or (tok.lower_ in _INNER and i < end):
            i -= 1
            continue
        if i < end and _joined(doc, i) and tok.is_alpha:  # "Croix-des": the part before a hyphen
            i -= 1
            continue
        if tok.is_digit and len(tok.text) <= 3 and i >= 2 and _name_word(doc[i - 2]) \
                and not doc[i - 2].is_sent_start:
            i -= 1  # "Seke 2", "Renovacion 1": a number after a name word is part of it
            continue
        break
    while i < end and ((doc[i].lower_ in _INNER and doc[i].is_lower and not (
            i + 1 < end and doc[i + 1].text == "-" and _joined(doc, i + 1)))
            or doc[i].text == "-"):
        i += 1  # a particle opens no name, but "al-Thawra" keeps its glued "al-"
    return i if i < end else None


# abbreviated words that open place and saint names ("St. John", "Mt. Hagen", "Ste. Marie")
_NAME_ABBREVIATIONS = {"St.", "Ste.", "Mt.", "Ft.", "Pt."}


def _abbreviated(doc, i: int) -> bool:
    """Whether token ``i`` is "St." (or "Mt."...) opening a name the next word goes on."""
    return doc[i].text in _NAME_ABBREVIATIONS and i + 1 < len(doc) and _name_word(doc[i + 1])


def name_after(doc, start: int, *, limit: int = 6) -> int | None:
    """End (exclusive) of the capitalised name starting at token ``start``, or None."""
    if start >= len(doc) or not (_name_word(doc[start]) or _abbreviated(doc, start)):
        return None
    i = start + 1
    while i < len(doc) and i - start < limit:
        tok = doc[i]
        if (_name_word(tok) or tok.is_digit or _abbreviated(doc, i)) and not tok.is_sent_start:
            i += 1  # "Article 19", "Resolution 1244"
        elif tok.text == "-" and _joined(doc, i) and i + 1 < len(doc) and _joined(doc, i + 1):
            i += 2  # "Croix" "-" "des": the part after the hyphen, whatever its case
        elif tok.lower_ in _INNER and i + 1 < len(doc) and _name_word(doc[i + 1]):
            i += 2
        else:
            break
    return i


def with_owner(span: Span) -> Span:
    """"Armenia's" + "Defence Ministry": a national body named after its country's
    possessive takes the country into its mention, so that two countries' defence
    ministries stay two entities. "The Sultan's" + "Armed Forces": a ruler's title no
    entity holds, after "the", is part of the force's name ("the King's Guard"); so is an
    organisation's name before a body named in lower case ("the Front's defence ministry")."""
    doc, start = span.doc, span.start
    if start < 2 or doc[start - 1].tag_ != "POS":
        return span
    for k in (3, 2, 1):
        if start - 1 - k >= 0 and gazetteer().country(doc[start - 1 - k:start - 1].text):
            return doc[start - 1 - k:span.end]
    owner = doc[start - 2]
    if owner.ent_type_ == "ORG" and not span[0].is_title:
        # "the Patriotic Front's" + "defence ministry": an organisation's own body
        first = next(e for e in doc.ents if e.start <= owner.i < e.end)
        return doc[first.start + (doc[first.start].lower_ == "the"):span.end]
    ruler = owner
    if start >= 3 and doc[start - 3].lower_ == "the" and ruler.is_title \
            and ruler.ent_iob_ == "O" and ruler.pos_ in ("PROPN", "NOUN"):
        return doc[start - 2:span.end]
    return span


def with_acronym_owner(span: Span) -> Span:
    """"the UN" + "Security Council", "the AU" + "Peace and Security Council": an
    organisation's acronym right before a body's name belongs to the name."""
    doc, start = span.doc, span.start
    if start < 1:
        return span
    prev = doc[start - 1]
    if prev.is_upper and prev.is_alpha and 2 <= len(prev.text) <= 6 and prev.whitespace_ \
            and not gazetteer().country(prev.text) and not prev.is_sent_start \
            and prev.ent_iob_ in ("O", ""):
        return doc[start - 1:span.end]
    return span
