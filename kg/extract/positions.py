"""Positions that titles before names state: "Interior Minister David Omondi".

The entity rules split the title off the person's name (kg/extract/name_spans.py);
kg/extract/title_positions.py reads the title on the parse and turns it into a Position
fact:

- the title is the run of words before the name that ends in an office noun
  ("Deputy Interior Minister", "police spokesman", "transitional President"); ranks and
  honorifics between it and the name are no office ("Army chief General X": "Army chief");
  a rank alone ("General X", "Col. Y") gives no Position, nor does a former office;
- its owner is what comes before the title: a named body or place ("Mercosur spokesman",
  "Surin governor"), a demonym before a national office ("Kenyan President" -> Kenya;
  "Kenyan police chief" names a nationality), a possessive ("Kosovo's
  Interior Minister X"), or a body noun inside it ("police spokesman" -> the police the
  unit named, or a body mention the resolver scopes by country);
- a national office with no owner stated ("President X") belongs to the country the
  sentence places it in (a city of that country named in it), else to the country the
  document is about (:func:`national_owners`, once the whole document is read).

Offices the text says a person left (dismissed, resigned, "former") are dropped by
:func:`current_positions`. The words are data: kg/rules/events/relations.yaml
(``position``).

The reading of titles on the parse (``title_positions``) is kg/extract/title_positions.py;
this module keeps the vocabulary, the helpers both use and the owners found once the whole
document is read.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from kg.extract.entity_rules import entity_rules
from kg.extract.left_office import removed, removed_patterns, resigned, resigned_patterns
from kg.extract.spans import HEADLINE, HOME_DESCRIPTION
from kg.records import EntityType, Fact, Mention
from kg.resolve.places import fold, gazetteer
from kg.rules.loader import event_rules

_WORD = re.compile(r"[A-Z][a-z]+")
NATIONAL_RULE = "position:title-name:national"


class _Words:
    """The position vocabulary of relations.yaml, as sets."""

    def __init__(self) -> None:
        spec = event_rules().relations["position"]
        self.heads = set(spec["title_heads"])
        self.ranks = set(spec["ranks"])
        self.national = set(spec["national"])
        self.local = set(spec["local"])
        self.regional = set(spec.get("regional", ()))
        self.former = set(spec["former"])
        self.links = set(spec["title_links"])
        self.portfolio_nouns = set(spec["portfolio_nouns"])
        self.portfolio_titles = set(spec["portfolio_titles"])
        self.unit_adjectives: dict[str, str] = dict(spec.get("unit_adjectives", {}))
        self.resign_verbs = list(spec["left_office"])
        self.resign_reported = list(spec.get("left_office_reported", ()))
        self.resign_announced = list(spec.get("resignation_verbs", ()))
        self.removal_verbs = list(spec["removed_from_office"])
        self.general_after = set(spec["general_after"])
        self.party_heads = set(spec["party_heads"])
        self.body_heads: dict[str, str] = event_rules().lists["body_heads"]
        self.descriptions = set(event_rules().statements["speakers"]["descriptions"])
        part_of = event_rules().relations["part_of"]
        self.body_words = set(part_of["whole_words"]) | set(part_of["body_heads"])
        self.spokespeople = set(spec.get("reporting_heads", ()))
        self.bench = set(spec.get("bench_titles", ()))
        self.member_nouns = set(event_rules().relations["membership"]["member_nouns"])


@cache
def position_words() -> _Words:
    return _Words()


def general_title(tok: Token, w: _Words) -> bool:
    """"General" ending a title: "secretary general", "Secretary-General" (the tokenizer
    splits the hyphen off), "Attorney General"."""
    if tok.lower_ != "general" or tok.i == 0:
        return False
    doc, i = tok.doc, tok.i
    if doc[i - 1].text in ("-", "‐") and i > 1 and not doc[i - 1].whitespace_:
        i -= 1
    return doc[i - 1].lower_ in w.general_after


# --- whole document ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class TextCues:
    """What two extractors read from a document's whole text rather than from its
    parsed updates: the demonyms it writes, ``(offset, country code)`` (for
    :func:`national_owners`), and the surnames of the people it says left office (for
    :func:`current_positions`). A long document built in parts computes them once over
    its whole text and hands them to every part (each part scanned the whole text
    again: 36 s a part for a 50 MB text, so hours in all)."""

    demonyms: tuple[tuple[int, str], ...]
    left: frozenset[str]


def text_cues(text: str) -> TextCues:
    """The :class:`TextCues` of ``text``."""
    rules, w = entity_rules(), position_words()
    demonyms = tuple((m.start(), code) for m in _WORD.finditer(text)
                     if (code := rules.demonym_country(m.group())) is not None)
    left = {_surname(n) for n in resigned(text, w)} | {_surname(n) for n in removed(text, w)}
    return TextCues(demonyms=demonyms, left=frozenset(left))


class TextCueReader:
    """The :class:`TextCues` of a text given piece by piece, in order (a long file read
    as a stream, kg/ingest/stream.py, never holds its whole text): :meth:`feed` each
    piece, the last with ``final``, then :meth:`cues`.

    Each pattern scans on from where it stopped, as ``finditer`` over the whole text
    would. A match is taken only once ``OVERLAP`` characters follow its start, and not
    while it runs to the end of what is held (it may go on in the next piece), so the
    cues are those of :func:`text_cues` unless one attempt of a pattern reads more than
    ``OVERLAP`` characters (a run of 10,000 characters of capitalised words, or of text
    without a full stop or semicolon after "dismissed ... including"), and at most
    ``HOLD`` characters are kept waiting for a match to end.
    """

    OVERLAP = 10_000
    HOLD = 4_000_000

    def __init__(self) -> None:
        rules, w = entity_rules(), position_words()
        self._demonym = rules.demonym_country
        self._demonyms: list[tuple[int, str]] = []
        self._left: set[str] = set()
        self._scans: list[list] = [[_WORD, None, 0]]
        self._scans += [[p, names, 0] for p, names in (*resigned_patterns(w),
                                                        *removed_patterns(w))]
        self._buf, self._base, self.fed = "", 0, 0

    def feed(self, piece: str, *, final: bool = False) -> None:
        self._buf += piece
        self.fed += len(piece)
        buf, base = self._buf, self._base
        end = base + len(buf)
        for scan in self._scans:
            pattern, names, at = scan
            limit = end if final else end - self.OVERLAP
            for m in pattern.finditer(buf, at - base):
                start = base + m.start()
                if start >= limit:
                    break
                if not final and m.end() == len(buf) and len(buf) < self.HOLD:
                    limit = start  # it may go on in the next piece: read it again then
                    break
                if names is None:
                    if (code := self._demonym(m.group())) is not None:
                        self._demonyms.append((start, code))
                else:
                    self._left.update(_surname(n) for n in names(m))
                at = base + m.end()
            scan[2] = max(at, limit)
        # keep one character before the earliest resumption: a ``\b`` looks behind
        keep = max(base, min(scan[2] for scan in self._scans) - 1)
        self._buf, self._base = buf[keep - base:], keep

    def cues(self) -> TextCues:
        return TextCues(demonyms=tuple(self._demonyms), left=frozenset(self._left))


def national_owners(facts: list[Fact], mentions: list[Mention], text: str = "",
                    units: list[tuple[int, int]] = (), *,
                    cues: TextCues | None = None, home: str | None = None) -> None:
    """A national office with no owner stated ("President X") belongs to the country whose
    city the sentence names ("In Belgrade, President X"), or the city its paragraph opens
    in ("In Belgrade, ... . Defence Minister Y said"); else, on a page of several
    updates, to the country its update names most; else to the country of the dateline
    ("BAGHDAD (INA) -") or of a release's letterhead (``home``, kg/extract/letterhead.py),
    else to the one the document names most. Countries are counted by
    their names, their cities and their demonyms; the most named must be named more often
    than any other (and, for a whole document, at least twice); else the office stays
    unowned. ``units`` are the (start, end) offsets of the document's updates; ``cues``
    the demonyms of the whole text, when they are computed already (else read from
    ``text``, of which only the length is used then)."""
    gaz = gazetteer()
    rules = entity_rules()
    named = {p.country_code for m in mentions if m.type is EntityType.COUNTRY
             and (p := gaz.country(m.text)) is not None}
    first: dict[str, Mention] = {}
    dateline = home
    located: list[tuple[int, str, Mention]] = []  # (offset, country, mention)
    for m in mentions:
        if m.source.endswith(HEADLINE):
            continue
        if m.source == "dateline" and dateline is None:
            country = gaz.country(m.text)
            codes = {p.country_code for p in gaz.cities_named(m.text)}
            dateline = country.country_code if country is not None else (
                codes.pop() if len(codes) == 1 else None)
        code = None
        if m.type is EntityType.COUNTRY or m.source == "rule:demonym":
            place = gaz.country(m.text) if m.source != "rule:demonym" else \
                gaz.by_code.get(rules.demonym_country(m.text) or "")
            code = place.country_code if place is not None else None
            if code is not None and m.source != "rule:demonym":
                first.setdefault(code, m)
        elif m.type in _PLACE_LIKE:  # a city the model typed a facility still counts
            code = _city_country(gaz, m.text, named)
        if code is not None:
            located.append((m.start, code, m))
    # "Georgian", "Ecuadorian": the country is named too
    located.extend((at, code, None) for at, code in (cues or text_cues(text)).demonyms)

    def most(lo: int, hi: int, least: int) -> str | None:
        ranked = Counter(c for at, c, _ in located if lo <= at < hi).most_common(2)
        if ranked and ranked[0][1] >= least and (len(ranked) == 1 or
                                                 ranked[0][1] > ranked[1][1]):
            return ranked[0][0]
        return None

    whole = most(0, len(text) + 1, 2)
    # "Government spokesman X" in a text that names no government: the country's office
    governed = not any(m.type in (EntityType.GOVERNMENT_BODY, EntityType.ARMED_FORCE,
                                  EntityType.GROUP)
                       and {"government", "junta"} & set(m.text.lower().split())
                       for m in mentions)

    def scene(at: int) -> str | None:
        """The country of the city a paragraph opens in ("In Belgrade, President X
        ordered ... Defence Minister Y said ..."): the later sentences of the paragraph
        are told there too."""
        lo = next((a for a, b in units if a <= at < b), 0)
        try:  # sliced, never indexed: a long document's part text (PartText)
            window = text[max(lo, at - 1500):at]
        except IndexError:
            return None
        start = at - len(window) + window.rfind("\n") + 1
        if not window[start - (at - len(window)):].startswith("In "):
            return None
        codes = {c for at_, c, m in located if at_ == start + 3 and m is not None
                 and m.type in _PLACE_LIKE and c in first}
        return codes.pop() if len(codes) == 1 else None

    def country(sentence: tuple[int, int], at: int) -> tuple[str, str | None]:
        here = {c for _, c, m in located if m is not None and m.type in _PLACE_LIKE
                and m.sentence == sentence and c in first}
        if len(here) > 1:  # "if Port Moresby asks, X said in Canberra": where one speaks
            here = {c for at_, c, m in located if m is not None and m.type in _PLACE_LIKE
                    and m.sentence == sentence and c in here
                    and text[max(0, at_ - 3):at_] in ("in ", "at ")}
        rule, code = ":city", (here.pop() if len(here) == 1 else None)
        if code is None:
            rule, code = ":paragraph", scene(at)
        if code is None and len(units) > 1:
            lo, hi = next(((a, b) for a, b in units if a <= at < b), (0, 0))
            rule, code = ":update", most(lo, hi, 1)
        if code is None and dateline is not None and any(c == dateline for _, c, _m in located):
            rule, code = ":dateline", dateline
        if code is None:
            rule, code = ":document", whole
        return rule, code

    regional = _RegionOwner(mentions)
    for f in facts:
        member = f.roles.get("member", [None])[0] if f.kind == "Membership" else None
        if isinstance(member, Mention) and member.source == HOME_DESCRIPTION:
            # "The country is a member of X" (kg/extract/memberships.py): the country of
            # the sentence's place, paragraph, update or document, as for a national office
            _rule, code = country(f.sentence, f.sentence[0])
            if code is not None and code in first:
                f.roles["member"] = [first[code]]
            continue
        if f.kind == "Election" and not f.roles.get("location"):
            # an election is a country's unless the text places it: "elections would be
            # held when security allows" in a text about Mali is Mali's
            _rule, code = country(f.sentence, f.sentence[0])
            if code is not None and code in first:
                f.roles["location"] = [first[code]]
            continue
        if f.kind == "Position" and not f.roles.get("organization") and \
                (owner := _unit_owner(f, mentions, text)) is not None:
            f.roles["organization"] = [owner]  # "the provincial governor, X"
            f.rule += ":unit"
            continue
        if f.kind == "Position" and not f.roles.get("organization") and \
                (stated := _country_in_title(f, text, first)) is not None:
            f.roles["organization"] = [stated]  # "the Prime Minister of Jamaica, X"
            f.rule += ":title"
            continue
        if f.kind == "Position" and not f.roles.get("organization") and \
                (region := regional(f)) is not None:
            f.roles["organization"] = [region]  # "Chief Minister X", "Premier Y"
            f.rule += ":region"
            continue
        if f.kind != "Position" or f.roles.get("organization") or (
                f.rule != NATIONAL_RULE and not (governed and _of_government(f))):
            continue
        holder = f.roles["holder"][0]
        rule, code = country(holder.sentence, holder.start)
        if code is not None and code in first:
            f.roles["organization"] = [first[code]]
            f.rule = NATIONAL_RULE + rule


# a title ending in the name of what it is of: "Prime Minister of Jamaica"
_OF_NAME = re.compile(r"\bof (?:the )?([A-Z][\w'’.-]*(?:\s+(?:and|of|the|[A-Z][\w'’.-]*))*)$")


def _country_in_title(f: Fact, text, first: dict[str, Mention]) -> Mention | None:
    """"The Prime Minister of Jamaica, X", "President of the Republic of Benin X": a
    national office whose title ends in a country's name is that country's, whatever
    country the page names most (the title's words keep the name, so it is minted here as
    the country's mention when the text has no other)."""
    role = (f.roles.get("role") or [None])[0]
    m = _OF_NAME.search(role) if isinstance(role, str) else None
    place = gazetteer().country(m.group(1)) if m is not None else None
    if place is None:
        return None
    holder = f.roles["holder"][0]
    lo, hi = holder.sentence
    try:  # sliced, never indexed: a long document's part text (PartText)
        at = text[lo:hi].find(m.group(1))
    except IndexError:
        at = -1
    if at < 0:
        return first.get(place.country_code)
    return Mention(lo + at, lo + at + len(m.group(1)), m.group(1), EntityType.COUNTRY,
                   holder.unit, holder.sentence, "rule:title-owner")


def _unit_owner(f: Fact, mentions: list[Mention], text) -> Mention | None:
    """The unit a level adjective before the office points to ("the provincial governor":
    the one region the document names as a province, "the province of Y", "Y province")."""
    role = f.roles.get("role", [None])[0]
    kind = position_words().unit_adjectives.get(role.split(" ")[0].lower()) \
        if isinstance(role, str) and role else None
    if kind is None:
        return None
    units: dict[str, Mention] = {}
    for m in mentions:
        if m.type is not EntityType.REGION or m.source.endswith(HEADLINE):
            continue
        name = m.text.lower()
        if text[m.end:m.end + len(kind) + 1].lower() == f" {kind}" or name.endswith(
                f" {kind}") or text[max(0, m.start - len(kind) - 4):m.start].lower() \
                == f"{kind} of ":
            units.setdefault(fold(name.removesuffix(f" {kind}")), m)
    return next(iter(units.values())) if len(units) == 1 else None


class _RegionOwner:
    """The owner of an office of a state or province (relations.yaml ``regional``: "Chief
    Minister X", "Premier Y", "the Chief Minister of Z, W") is a region, not the country a
    national office falls back to: the region its title ends in ("of Z"), else the one
    region whose name its adjective extends ("Luapulan Premier" -> Luapula), else the one
    region its sentence names, else the region the document names most (at least twice,
    and more often than any other). None when the title is no such office or no region is
    named so; the office then goes to the country as a national one."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.regions = [m for m in mentions if m.type is EntityType.REGION
                        and not m.source.endswith(HEADLINE)]
        ranked = Counter(fold(m.text) for m in self.regions).most_common(2)
        top = ranked[0][0] if ranked and ranked[0][1] >= 2 and (
            len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
        self.dominant = next((m for m in self.regions if fold(m.text) == top), None)

    def __call__(self, f: Fact) -> Mention | None:
        role = (f.roles.get("role") or [None])[0]
        holder = (f.roles.get("holder") or [None])[0]
        if not isinstance(role, str) or not isinstance(holder, Mention):
            return None
        title, _, of = role.partition(" of ")
        words = title.lower().replace("-", " ").split()
        at = next((k for k in range(len(words))
                   if " ".join(words[k:]) in position_words().regional), None)
        if at is None:
            return None
        here = [m for m in self.regions if m.sentence == holder.sentence]
        for m in sorted(self.regions, key=lambda m: m.sentence != holder.sentence):
            name = fold(m.text)
            if of and name == fold(of.removeprefix("the ")):
                return m  # "the Chief Minister of Luapula"
            if len(name) > 3 and any(w != name and w.startswith(name) for w in words):
                return m  # "Luapulan Premier X", "the Luapulan Premier": its adjective
        if of or any(w[:1].isupper() and w.lower() not in _QUALIFIERS
                     for w in title.replace("-", " ").split()[:at]):
            return None  # "Ruritanian Premier", "Premier of X": an owner stated, not known
        if len({fold(m.text) for m in here}) == 1:
            return here[0]  # "In Luapula, Chief Minister X said"
        return None if here else self.dominant


# words before an office that say no owner ("Deputy Chief Minister", "Acting Premier")
_QUALIFIERS = {"deputy", "acting", "vice", "interim", "first", "senior", "the"}


def _of_government(f: Fact) -> bool:
    """An office whose title says it is the government's ("Government spokesman")."""
    role = f.roles.get("role", [None])[0]
    return isinstance(role, str) and "government" in role.lower().split() and \
        isinstance(f.roles.get("holder", [None])[0], Mention)


_PLACE_LIKE = {EntityType.CITY, EntityType.PLACE}


def _city_country(gaz, name: str, named: set[str]) -> str | None:
    """The country of the city ``name`` ("Lima": the one in a country the document names);
    a spelling the gazetteer lists as another form ("Basra" for "Basrah") counts too."""
    codes = {p.country_code for p in gaz.cities_named(name) or gaz.city_candidates(name)}
    if len(codes) > 1:
        codes &= named
    return codes.pop() if len(codes) == 1 else None


def current_positions(facts: list[Fact], doc_text: str = "", *,
                      cues: TextCues | None = None) -> list[Fact]:
    """Drop the Position of a person the text says left that office: the theme of a
    Dismissal, or the subject of a resignation ("X resigned", "X stepped down");
    ``cues``: the whole text's, when computed already (else read from ``doc_text``)."""
    _office_roles(facts)
    left: set[str] = set()
    for f in facts:
        # "X has not resigned", "X could be dismissed", "X will step down": still in office
        if f.kind in ("Dismissal", "Resignation") and \
                f.factuality not in ("negated", "hypothetical", "future"):
            for v in f.roles.get("theme", []) + (f.roles.get("agent", []) if
                                                  f.kind == "Resignation" else []):
                if isinstance(v, Mention) and v.type is EntityType.PERSON:
                    left.add(_surname(v.text))
    left |= (cues or text_cues(doc_text)).left
    left.discard("")
    # "Prof. X, National Coordinator" on a signature line after "the National Coordinator
    # of the Union, X": the office said without its owner is the one said with it
    owned = {(_surname(h.text), str(f.roles.get("role", [""])[0]).lower()) for f in facts
             if f.kind == "Position" and f.roles.get("organization")
             and isinstance(h := f.roles.get("holder", [None])[0], Mention)}
    return [f for f in facts if not (
        f.kind == "Position" and isinstance(f.roles.get("holder", [None])[0], Mention)
        and (left & _words_of(f.roles["holder"][0].text) or (
            not f.roles.get("organization") and not f.roles.get("organizationText")
            and (_surname(f.roles["holder"][0].text), str(f.roles.get("role", [""])[0]).lower())
            in owned)))]


def _office_roles(facts: list[Fact]) -> None:
    """A dismissal, resignation or taking of office that names no office is of the one
    the text gives the person ("Prime Minister X resigned", "President Y ... since he
    took office"): the role of their Position, when they hold exactly one."""
    held: dict[str, set[str]] = {}
    for f in facts:
        holder = f.roles.get("holder", [None])[0] if f.kind == "Position" else None
        role = f.roles.get("role", [None])[0]
        if isinstance(holder, Mention) and isinstance(role, str):
            held.setdefault(_surname(holder.text), set()).add(role)
    for f in facts:
        if f.kind not in ("Dismissal", "Resignation", "Appointment", "Election") \
                or f.roles.get("role"):
            continue
        themes = [v for v in f.roles.get("theme", []) if isinstance(v, Mention)
                  and v.type is EntityType.PERSON]
        named = themes[0].antecedent or themes[0] if len(themes) == 1 else None
        if named is not None and len(roles := held.get(_surname(named.text), ())) == 1:
            f.roles["role"] = list(roles)


def _surname(name: str) -> str:
    return name.replace("’", "'").split()[-1].lower() if name.split() else ""


def _words_of(name: str) -> set[str]:
    """The words of a holder's name: "Saavedra" left office -> "Rodrigo Saavedra Quispe"."""
    return {w.lower() for w in name.replace("’", "'").split() if len(w) > 2}


def body_owners(facts: list[Fact], entities: list) -> None:
    """An office with no owner whose title holds a body noun ("army commander", "Government
    spokesman", "chief of army staff") belongs to the one body of the document the noun
    can name: of a type the noun names and whose name or alias holds one of its words
    (relations.yaml ``position.body_owners``); with several, the one named in the
    position's sentence. Runs once the mentions are resolved to entities, so a body named
    later in the text, or only by its full name, still owns the office."""
    spec = event_rules().relations["position"].get("body_owners", {})
    if not spec:
        return
    todo = [f for f in facts if f.kind == "Position" and "organization" not in f.roles
            and isinstance(f.roles.get("role", [None])[0], str)]
    if not todo:
        return
    types_of = {noun: {EntityType(t) for t in entry["types"]} for noun, entry in spec.items()}
    bodies = [(e, {fold(n) for n in (e.name, *e.aliases)}) for e in entities
              if e.mentions and e.type is not EntityType.PERSON]
    for f in todo:
        words = fold(f.roles["role"][0])
        padded = f" {words} "
        for noun, entry in spec.items():
            if f" {noun} " not in padded:
                continue
            found = [e for e, names in bodies if e.type in types_of[noun] and any(
                f" {w} " in f" {n} " for n in names for w in entry["words"])]
            if len(found) > 1:
                found = [e for e in found if any(m.sentence == f.sentence for m in e.mentions)]
            if len(found) == 1:
                e = found[0]
                holder = f.roles["holder"][0]
                at = holder.start if isinstance(holder, Mention) else 0
                f.roles["organization"] = [min(e.mentions, key=lambda m: abs(m.start - at))]
            break


_MINISTER_OF = re.compile(r"^(?:deputy |assistant |state )?minister (of|for) (?:the )?(.+)$")


def ministry_owners(facts: list[Fact], entities: list) -> None:
    """"Minister of the Interior X", "the Minister of Energy, Y": a minister whose title
    names the portfolio with "of"/"for" holds the office in the ministry of that name when
    the text names that ministry ("the Ministry of the Interior", "The Ministry of Energy
    wishes to inform"), of the minister's country when both are known; else the office
    stays the country's ("Interior Minister X", a title before the name, always does).
    Runs once the mentions are resolved to entities (the ministry may be named later)."""
    ministries = [e for e in entities if e.type is EntityType.GOVERNMENT_BODY and e.mentions]
    if not ministries:
        return
    for f in facts:
        role = f.roles.get("role", [None])[0] if f.kind == "Position" else None
        owner = f.roles.get("organization", [None])[0]
        if not isinstance(role, str) or (owner is not None and (
                not isinstance(owner, Mention) or owner.type not in (
                    EntityType.COUNTRY, EntityType.ORGANIZATION,
                    EntityType.GOVERNMENT_BODY))):
            continue  # an owner given as text ("the party") is left as it is
        m = _MINISTER_OF.match(fold(role))
        if m is None:
            continue
        wanted = {f"ministry {m.group(1)} {m.group(2)}", f"ministry {m.group(1)} the {m.group(2)}"}
        gaz = gazetteer()
        code = (p.country_code if owner is not None and owner.type is EntityType.COUNTRY
                and (p := gaz.country(owner.text)) is not None else None)
        found = []
        for e in ministries:
            names = [fold(n) for n in (e.name, *e.aliases)]
            if not any(n in wanted or any(n.startswith(w + " of ") for w in wanted)
                       for n in names):
                continue
            # of the minister's country: "Ministry of X of Benin" is no Latvian minister's
            of = e.name.rsplit(" of ", 1)[-1] if " of " in e.name else ""
            place = gaz.country(of) if of else None
            if code is None or place is None or place.country_code == code:
                found.append(e)
        if len(found) == 1:
            holder = f.roles["holder"][0]
            at = holder.start if isinstance(holder, Mention) else 0
            f.roles["organization"] = [min(found[0].mentions, key=lambda x: abs(x.start - at))]
