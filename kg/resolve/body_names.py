"""Names of institutions (split from kg/resolve/entities.py): the first pass's record of a
mention (``_Info``), the canonical name of a body phrase or national body
(``body_info``), and how the text names a ministry, kept beside the canonical name.

A ministry named by its function gets a canonical name for identity across documents
("the interior ministry" -> "Ministry of Internal Affairs of X", bodies.jsonl), but
the annotation guide names it as the text writes it, with its country ("Interior
Ministry of Peru"); both are labels of one entity. No vocabulary here: the words come
from the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.seats import is_seated
from kg.records import EntityType, Mention
from kg.resolve.kb import KbEntry
from kg.resolve.names import _is_acronym, display_name, normalise_name, spelling_key
from kg.resolve.places import Place

_SMALL = frozenset({"of", "and", "for", "the", "on", "in", "to"})


def written_name(core: str, country: str) -> str | None:
    """'defence ministry' of Brazil -> 'Defence Ministry of Brazil'; 'ministry of interior'
    -> 'Ministry of Interior of X'; "president's office" -> 'Office of the President of X'.
    Ministries and offices only: a force or a government keeps the canonical form the
    guide also uses ("Government of X")."""
    words = core.split()
    office = re.fullmatch(r"(?:the\s+)?(\w[\w ]*?)['’]s\s+office|office\s+of\s+the\s+(\w[\w ]*)",
                          core, re.IGNORECASE)
    if office is not None:  # "the president's office" -> "Office of the President of X"
        title = " ".join(w[:1].upper() + w[1:] for w in (office.group(1) or office.group(2))
                         .split())
        return f"Office of the {title} of {country}"
    if not words or "ministry" not in {w.lower() for w in words}:
        return None
    cased = " ".join(w if w.lower() in _SMALL else w[:1].upper() + w[1:] for w in words)
    return f"{cased} of {country}"


def article_forms(labels: set[str], countries: list[str]) -> set[str]:
    """"Government of the Gambia" beside "Government of Gambia": a label that ends in (or
    names before its seat, "... of X in Y") a country English writes with "the"
    (demonyms.jsonl ``article``) is also written with it, as the annotation guide's
    "X of COUNTRY" names are."""
    out = set()
    for label in labels:
        for name in countries:
            m = re.search(rf"\sof\s({re.escape(name)})(?:\s+(?:in|to)\s.*)?$", label)
            if m is not None:
                out.add(f"{label[:m.start(1)]}the {label[m.start(1):]}")
    return out - labels


def _country_body(core: str, rules) -> bool:
    """Whether ``core`` is a body phrase a country owns ("embassy", "foreign ministry")."""
    body = rules.bodies.get(spelling_key(core, rules)) or rules.bodies.get(normalise_name(core))
    return body is not None and body.scope == "country"


@dataclass(slots=True)
class _Info:
    """What the first pass learns about one mention."""

    key: str  # type-agnostic cluster key
    name: str  # canonical name proposed by this mention
    type: EntityType
    rule: str  # why it carries this key
    kb: KbEntry | None = None
    place: Place | None = None
    owner_pending: str | None = None  # body template waiting for an owner organisation
    named: bool = True  # False: a common noun or a bare title that needs an antecedent
    alias: str | None = None  # another label the mention gives ("X" of "X province")
    labels: tuple[str, ...] = ()  # more labels of the body (kg/resolve/tiers.py)


_SEAT = re.compile(r"^(.+?)\s+(in|to)\s+(?:the\s+)?(\S.*)$")


def body_info(self, m: Mention) -> _Info | None:
    """Canonical name of an institution: 'Peruvian military' -> 'Armed Forces of Peru'."""
    rules = self.rules
    text = display_name(m.text)
    if m.source == "rule:local-body":
        # "Riga cantonal police", "Police in Tartu" (kg/extract/name_shapes.py): a town's
        # own body, named as written, never the country's
        return _Info(f"name:{spelling_key(text, rules)}", text, m.type, "local body")
    seat, placed = "", None
    if (sm := _SEAT.match(text)) is not None:
        if is_seated(sm.group(1), rules):  # "the Ruritanian embassy in Zenda"
            text, seat = sm.group(1), f" {sm.group(2)} {sm.group(3)}"
        elif m.type is EntityType.GOVERNMENT_BODY and sm.group(2) == "in" and \
                (city := self.gaz.link(sm.group(3), EntityType.CITY,
                                       countries=self.doc_countries)) is not None:
            # "the Defence Ministry in Zenda": the ministry of Zenda's country
            text, placed = sm.group(1), self.gaz.by_code.get(city.country_code)
    low = normalise_name(text)
    for phrase, body in rules.bodies.items():  # a descriptive body, named as written
        if body.scope == "text" and (low == phrase or low.endswith(" " + phrase)):
            return _Info(f"name:{spelling_key(text, rules)}", text, body.type, "body phrase")
    core = text
    owner: Place | None = None
    words = core.split(" ")
    # a nationality adjective, of one to three words ("Sri Lankan", "Papua New Guinean"),
    # gives the body its country and is no part of its name
    lead, code = next(((n, c) for n in (3, 2, 1) if len(words) > n
                       and (c := rules.demonym_country(" ".join(words[:n])))), (0, None))
    if lead:
        owner = self.gaz.by_code.get(code)
        core = " ".join(words[lead:])
    elif (lead := next((n for n in (3, 2, 1) if len(words) > n
                        and " ".join(words[n:]).islower()
                        and self.country(" ".join(words[:n]))
                        and _country_body(" ".join(words[n:]), rules)), 0)):
        # a country's name in the nationality's place ("US embassy", "Qatar police"):
        # the same body as "the American embassy" (kg/extract/name_shapes.py
        # ``country_modifier``); in capitals ("Zambia Police") it is a name as written
        owner = self.country(" ".join(words[:lead]))
        core = " ".join(words[lead:])
    poss = re.match(r"^(.+?)'s\s+(.+)$", core)
    if poss and (self.country(poss.group(1)) or poss.group(1).lower() == "the country"):
        owner = self.country(poss.group(1)) or None
        core = poss.group(2)
    elif poss and poss.group(2).islower() and rules.bodies.get(spelling_key(poss.group(2), rules)):
        # "the Taliban's defence ministry": the group's own body, named as written
        return _Info(f"name:{spelling_key(text, rules)}", text, m.type, "body phrase")
    for of in re.finditer(r"\s+of\s+", core):
        country = self.country(core[of.end():])
        if country is not None:
            owner, core = country, core[:of.start()]
            break
    owner = owner or (self.country(self.owners[m]) if m in self.owners else None)
    folded = spelling_key(core, rules)
    body = rules.bodies.get(folded) or rules.bodies.get(normalise_name(core))
    if body is not None and body.lower_case and not core[1:].islower():
        body = None  # "the Federal Government": a name as written (bodies.jsonl lower_case)
    if body is None:
        # an organisation's body: "the X peacekeepers", "peacekeepers of the X"
        low = normalise_name(core)
        for phrase, candidate in rules.bodies.items():
            if candidate.scope == "organization" and (
                    low.endswith(" " + phrase) or low.startswith(phrase + " of ")):
                body = candidate
                break
    if body is not None and body.scope == "country":
        country = owner or placed or (None if body.owner_required else self.dominant)
        if country is None and body.lower_case:
            # "the federal government" of a story whose country is unclear: a description
            # no name backs, no entity of its own
            return _Info(f"name:{spelling_key(text, rules)}", text, body.type, "body phrase",
                         named=False)
        if country is None:
            return None
        name = body.name.format(owner=country.name) + seat
        return _Info(f"name:{spelling_key(name, rules)}", name, body.type, "body phrase",
                     alias=written_name(core, country.name))
    if body is not None and body.scope == "organization":
        return _Info(f"pending:{m.start}", core, body.type, "body phrase",
                     owner_pending=body.name)
    if body is not None and body.scope == "city":
        return _Info(f"pending-city:{m.start}", core, body.type, "body phrase",
                     owner_pending=body.name)
    # A named national body ("National Security Committee") takes its country.
    from kg.extract.entity_types import head_type  # (lazy, as in the resolver)

    htype = head_type(core, rules)
    head = re.split(r"\s+of\s+", normalise_name(core), maxsplit=1)[0].split(" ")[-1]
    words = re.findall(r"[\w'-]+", core)
    names_a_place = any(self.country(" ".join(words[k:k + n])) or rules.is_demonym(w)
                        for k, w in enumerate(words) for n in (1, 2, 3))
    lead = next((n for n in (3, 2, 1) if len(words) == n + 1
                 and self.country(" ".join(words[:n]))), None)
    if lead and normalise_name(words[-1]) == "government" \
            and m.type is EntityType.GOVERNMENT_BODY:
        # "the Solomon Islands Government" is the "Government of Solomon Islands"
        country = self.country(" ".join(words[:lead]))
        name = f"Government of {country.name}"
        return _Info(f"name:{spelling_key(name, rules)}", name, m.type, "national body")
    if head == "ministry" and " " in core \
            and core.islower() and (country := owner or placed or self.dominant) is not None:
        # "the education ministry" (kg/extract/portfolio_bodies.py): as written, with its
        # country ("Education Ministry of X")
        name = (written_name(core, country.name) or core) + seat
        return _Info(f"name:{spelling_key(name, rules)}", name, m.type, "national body")
    if htype in (EntityType.GOVERNMENT_BODY, EntityType.ARMED_FORCE) \
            and head in rules.national_heads and not names_a_place \
            and m.type in (EntityType.GOVERNMENT_BODY, EntityType.ARMED_FORCE) \
            and not _is_acronym(core) and core[:1].isupper() \
            and not _is_acronym(core.split(" ")[0]):  # "the UN Standby Force": the UN's
        country = owner or placed or self.dominant
        if country is not None:
            name = f"{display_name(core)} of {country.name}{seat}"
            return _Info(f"name:{spelling_key(name, rules)}", name, m.type,
                         "national body")
    return None
