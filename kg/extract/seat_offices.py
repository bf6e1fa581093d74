"""Owners of offices held in one kind of body, when the title names no owner.

News names a town's mayor and a court's judge by the title alone once the story has named
the town or the court: "Mayor X said 400 people had registered" in a report about one
town, "the case was heard at the Y Magistrate's Court. Magistrate Z granted bail". The
office is then:

- a mayor's (relations.yaml ``position.town_offices``): the town the document names most,
  headline included, at least twice and more often than any other town ("X town" and "X"
  count as one): the town the story is about (a mayor of another town is named with it,
  "the mayor of W");
- a judge's or magistrate's (``position.court_offices``): the court (a body whose name
  holds a word of ``position.court_words``, capitalised) the text names nearest before the
  person within the same or the two sentences before, else the court named right after
  the name in its sentence ("Justice X of the Y High Court"), else the one court the
  document names most, headline included (at least twice, more often than any other).

- an office whose title's other words name a body of the document with the noun that
  office heads (``position.office_bodies``): "State Election Commissioner X" in a text that
  names "the Y State Election Commission", "Federal Councillor Z" and "the Federal
  Council", "Director General of Forests W" and "the General Directorate of
  Forests": that body, when exactly one is named so.
- an office whose body is named after the office itself, the title, its possessive and a
  body noun (kg/extract/titled_offices.py): "prosecutor X" or "Sheriff Y" in a text that
  names "the Z Prosecutor's Office" or "the W County Sheriff's Office": that body, the one
  so named nearest before the person, else the first after (one title is one office: a
  story names the prosecutor's office of the case it reports).

Only Positions with no owner read are touched: a title that names its owner ("Y Mayor X",
"the mayor of W, X") keeps it.
"""
from __future__ import annotations

from collections import Counter

from kg.extract.spans import HEADLINE, fold
from kg.records import EntityType, Fact, Mention
from kg.rules.loader import event_rules

_TOWNS = {EntityType.CITY}
_BODIES = {EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION, EntityType.ARMED_FORCE}
# the kind nouns a town's name may be written with ("X town", "X City")
_KINDS = frozenset({"town", "city", "village", "municipality"})


def _words() -> tuple[set[str], set[str], set[str]]:
    spec = event_rules().relations["position"]
    return (set(spec.get("town_offices", ())), set(spec.get("court_offices", ())),
            set(spec.get("court_words", ())))


def _office(role: str) -> str:
    """The head noun of a title ("incumbent mayor" -> mayor, "Chief Magistrate" ->
    magistrate); a title with an "of" phrase states its owner and gives none."""
    if " of " in role:
        return ""
    words = role.lower().split()
    return words[-1] if words else ""


def _name(m: Mention, kinds: set[str]) -> str:
    """The folded name without a kind noun after it ("X town" and "X" name one town)."""
    words = fold(m.text).split()
    return " ".join(words[:-1] if len(words) > 1 and words[-1] in kinds else words)


def _dominant(mentions: list[Mention], kinds: set[str] = frozenset()) -> Mention | None:
    """The mention of the name named most, at least twice and more than any other."""
    ranked = Counter(_name(m, kinds) for m in mentions).most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return next(m for m in mentions if _name(m, kinds) == ranked[0][0])


def _is_court(m: Mention, court_words: set[str]) -> bool:
    words = m.text.split()
    return m.type is EntityType.GOVERNMENT_BODY and len(words) > 1 and \
        any(w[:1].isupper() for w in words) and \
        bool({w.lower().strip("'’s") for w in words} & court_words)


def _title_body(role: str, bodies: list[Mention]) -> Mention | None:
    """The one body named with the noun ``role``'s office heads and every other word of
    ``role`` ("State Election Commissioner" -> "X State Election Commission")."""
    spec = event_rules().relations["position"]
    heads: dict[str, str] = spec.get("office_bodies", {})
    skip = set(spec.get("office_qualifiers", ()))
    words = fold(role).replace("-", " ").split()
    head = next((heads[w] for w in words if w in heads), None)
    rest = {w for w in words if w not in heads and w not in skip}
    if head is None or not rest:
        return None
    found = {fold(m.text): m for m in bodies
             if head in (ws := set(fold(m.text).replace("-", " ").split())) and rest <= ws}
    return next(iter(found.values())) if len(found) == 1 else None


def _titled_body(office: str, holder: Mention, bodies: list[Mention]) -> Mention | None:
    """The body named after the title ``office`` heads ("prosecutor" -> "the Z
    Prosecutor's Office") nearest before ``holder``, else the first after it."""
    if not office.isalpha():
        return None
    marks = (f"{office}'s", f"{office}s'")
    named = sorted((m for m in bodies if any(w in marks for w in fold(m.text).split()[:-1])),
                   key=lambda m: m.start)
    before = [m for m in named if m.start < holder.start]
    return before[-1] if before else (named[0] if named else None)


def seat_owners(facts: list[Fact], mentions: list[Mention],
                sentences: list[tuple[int, int]]) -> None:
    """Give a mayor, judge or magistrate whose title names no owner the town or court the
    document places the office in (module docstring)."""
    town_offices, court_offices, court_words = _words()
    todo, titled = [], []
    for f in facts:
        if f.kind != "Position" or f.roles.get("organization"):
            continue
        role = (f.roles.get("role") or [None])[0]
        holder = (f.roles.get("holder") or [None])[0]
        if isinstance(role, str) and isinstance(holder, Mention) and \
                _office(role) in town_offices | court_offices:
            todo.append((f, _office(role), holder))
        elif isinstance(role, str) and isinstance(holder, Mention):
            titled.append((f, role))
    if not todo and not titled:
        return
    named = [m for m in mentions if m.antecedent is None]
    town = _dominant([m for m in named if m.type in _TOWNS], _KINDS)
    court = _dominant([m for m in named if _is_court(m, court_words)])
    courts = sorted((m for m in named if not m.source.endswith(HEADLINE)
                     and _is_court(m, court_words)), key=lambda m: m.start)
    starts = sorted(a for a, _b in sentences)
    for f, office, holder in todo:
        owner = None
        if office in town_offices:
            owner = town
        else:
            k = max(0, sum(1 for a in starts if a <= holder.start) - 3)
            lo = starts[k] if starts else 0
            near = [m for m in courts if lo <= m.start < holder.start]
            # "Justice X of the Y High Court": the court named right after, in its sentence
            after = [m for m in courts if holder.end <= m.start < f.sentence[1]
                     and m.start - holder.end <= 12]
            owner = near[-1] if near else after[0] if after else court
        if owner is not None:
            f.roles["organization"] = [owner]
            f.rule += ":seat"
    bodies = [m for m in named if m.type in _BODIES and any(w[:1].isupper() for w in
                                                             m.text.split())]
    for f, role in titled:
        owner = _title_body(role, bodies)
        if owner is not None:
            f.roles["organization"] = [owner]
            f.rule += ":title-body"
            continue
        holder = f.roles["holder"][0]
        owner = _titled_body(_office(role), holder, bodies) if isinstance(holder, Mention) \
            else None
        if owner is not None:
            f.roles["organization"] = [owner]
            f.rule += ":titled-body"
