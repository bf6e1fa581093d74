"""Hand-built documents for ontology, validation and parser tests.

Records (kg/records.py) are mapped by the real mapper, so the graphs have the
shape the extractors produce. ``every_kind()`` has one fact of every event and
relation type in docs/design.md's roles table, with all the provenance a
build writes; ``nasty_labels()`` has entities whose names stress IRI minting
and serialisation. Names are invented (never the seed's).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from pyoxigraph import Store

from kg.rdf.iri import IriMinter
from kg.rdf.mapping import map_document
from kg.records import (
    DocumentResult,
    Entity,
    EntityType,
    Fact,
    Mention,
    Quantity,
    SourceDocument,
    Span,
    TimeExpr,
    Unit,
)

STAMP = datetime(2031, 3, 4, 9, 30, tzinfo=UTC)


class SampleDoc:
    """A one-update document whose lines are its sentences."""

    def __init__(self, *lines: str, doc_id: str = "sample"):
        self.doc_id = doc_id
        self.text = "\n".join(lines)
        self.sentences: list[tuple[int, int]] = []
        pos = 0
        for line in lines:
            self.sentences.append((pos, pos + len(line)))
            pos += len(line) + 1
        self.entities: dict[str, Entity] = {}
        self.facts: list[Fact] = []

    def _find(self, surface: str, line: int) -> tuple[int, int]:
        s, e = self.sentences[line]
        m = re.search(re.escape(surface), self.text[s:e])
        if m is None:
            raise ValueError(f"{surface!r} not in line {line}")
        return s + m.start(), s + m.end()

    def mention(self, surface: str, etype: str, line: int, *, name: str | None = None,
                **attrs) -> Mention:
        start, end = self._find(surface, line)
        t = EntityType(etype)
        m = Mention(start, end, surface, t, 0, self.sentences[line], "test:mention")
        name = name or surface
        key = f"{t.value}:{name}"
        entity = self.entities.get(key)
        if entity is None:
            entity = self.entities[key] = Entity(key=key, name=name, type=t, **attrs)
        entity.mentions.append(m)
        if surface != name:
            entity.aliases.add(surface)
            entity.merges.append((surface, "test-merge"))
        return m

    def fact(self, kind: str, line: int, trigger: str | None = None, *,
             category: str = "event", attributed_to: Mention | None = None, **roles) -> Fact:
        norm = {k: (v if isinstance(v, list) else [v]) for k, v in roles.items()}
        span = None
        if trigger:
            start, end = self._find(trigger, line)
            span = Span(start, end, trigger)
        fact = Fact(kind=kind, category=category, roles=norm, unit=0,
                    sentence=self.sentences[line], rule=f"test/{kind.lower()}",
                    confidence=0.75, trigger=span, reported=STAMP,
                    attributed_to=attributed_to)
        self.facts.append(fact)
        return fact

    def result(self) -> DocumentResult:
        unit = Unit(index=0, kind="update", start=0, end=len(self.text), text=self.text,
                    stamp=STAMP, headline=Span(0, 5, self.text[:5]))
        doc = SourceDocument(doc_id=self.doc_id, path=f"{self.doc_id}.txt", text=self.text,
                             sha256="ab" * 32, title="Sample news", published=date(2031, 3, 4),
                             live_title="Live: sample", units=[unit])
        return DocumentResult(document=doc, sentences=[(0, s, e) for s, e in self.sentences],
                              entities=list(self.entities.values()), facts=self.facts)

    def store(self, base: str | None = None) -> Store:
        store = Store()
        minter = IriMinter(base) if base else IriMinter()
        store.extend(map_document(self.result(), minter))
        return store


def every_kind() -> SampleDoc:
    """One conforming fact of every type in the design table."""
    d = SampleDoc(
        "The Orbis Alliance deployed the Northern Guard to Lake Ostrel at the request of "
        "the Ministry of Roads on 3 March to guard bridges with 12 trucks.",
        "The Northern Guard withdrew from Kell Province.",
        "The Ministry of Roads asked the Orbis Alliance for help guarding bridges.",
        "Police detained more than 40 people in Lake Ostrel, the ministry said.",
        "The Northern Guard arrested Tessa Marlowe.",
        "Troops neutralised 3 gunmen.",
        "The river cell seized Ostrel Harbour.",
        "Gunmen attacked Ostrel Harbour.",
        "Rioters set fire to the town hall in Lake Ostrel.",
        "Thousands protested in Kell Province over fuel prices.",
        "Riots broke out in Lake Ostrel on 2 March.",
        "The Ministry of Roads declared a state of emergency in Varnia until 20 March.",
        "The Northern Guard launched a counter-terrorism operation in Kell Province.",
        "The river cell took part in the operation.",
        "The Northern Guard is guarding Ostrel Harbour.",
        "Twelve people were killed in Lake Ostrel.",
        "Damage was estimated at 5 million dollars.",
        "Tessa Marlowe met the Orbis Alliance by video link.",
        '"We will restore order," Tessa Marlowe told the Daily Lantern.',
        "The Ministry of Roads appointed Tessa Marlowe as minister.",
        "The Ministry of Roads dismissed Tessa Marlowe.",
        "Minister Tessa Marlowe spoke.",
        "Varnia is a member of the Orbis Alliance.",
        "The Northern Guard is part of the Ministry of Roads.",
        "Lake Ostrel is in Kell Province.",
        # the classes added for news (issue 15)
        "Varnia imposed a curfew in Lake Ostrel.",
        "The Ministry of Roads capped fuel prices.",
        "The Ministry of Roads banned rallies in Lake Ostrel.",
        "The Northern Guard closed Ostrel Harbour.",
        "The Orbis Alliance froze the assets of the river cell.",
        "The Ministry of Roads cut mobile internet in Kell Province.",
        "The Ministry of Roads ordered the Northern Guard to clear the roads.",
        "The Orbis Alliance decided to extend the mission.",
        "The Orbis Alliance approved the budget.",
        "The Orbis Alliance rejected the plan.",
        "The Northern Guard flew 30 officers from Varnia to Lake Ostrel.",
        "Police opened an investigation into the fire.",
        "Prosecutors charged Tessa Marlowe with fraud.",
        "A court convicted Tessa Marlowe of fraud.",
        "The river cell released 4 hostages.",
        "Nine people were injured in Lake Ostrel.",
        "Varnia and the Orbis Alliance signed a treaty.",
        "Tessa Marlowe was elected president of Varnia.",
        "Tessa Marlowe resigned as minister.",
        "The Northern Guard clashed with the river cell in Kell Province.",
        "Rioters looted shops in Lake Ostrel.",
        "The Northern Guard seized power in Varnia.",
        "The Orbis Alliance dissolved the Ministry of Roads.",
        "The Northern Guard evacuated 200 people from Lake Ostrel.",
        "The Orbis Alliance sent 40 tonnes of food to Varnia.",
        "The Ministry of Roads accused the river cell of the attack.",
    )
    org = lambda line: d.mention("Orbis Alliance", "Organization", line)  # noqa: E731
    guard = lambda line: d.mention("Northern Guard", "ArmedForce", line)  # noqa: E731
    ministry = lambda line: d.mention("Ministry of Roads", "GovernmentBody", line)  # noqa: E731
    city = lambda line: d.mention("Lake Ostrel", "City", line, geonames_id=7000001,  # noqa: E731
                                  country_code="VR", lat=51.5, long=-0.25,
                                  same_as=["https://sws.geonames.org/7000001/"])
    region = lambda line: d.mention("Kell Province", "Region", line)  # noqa: E731
    person = lambda line: d.mention("Tessa Marlowe", "Person", line)  # noqa: E731
    cell = lambda line: d.mention("river cell", "Group", line)  # noqa: E731
    harbour = lambda line: d.mention("Ostrel Harbour", "Place", line)  # noqa: E731
    country = lambda line: d.mention("Varnia", "Country", line, country_code="VR")  # noqa: E731

    deployment = d.fact("Deployment", 0, "deployed", agent=org(0), theme=guard(0),
                        location=city(0),
           requestedBy=ministry(0), date=TimeExpr("on 3 March", "2031-03-03"),
           purpose="guard bridges", quantity=Quantity("12 trucks", 12.0, "truck"))
    d.fact("Withdrawal", 1, "withdrew", theme=guard(1), location=region(1))
    d.fact("Request", 2, "asked", agent=ministry(2), addressee=org(2), theme="help",
           purpose="guarding bridges")
    d.fact("Detention", 3, "detained", agent="Police", location=city(3),
           quantity=Quantity("more than 40 people", 40.0, "person", "more than"),
           attributed_to=d.mention("ministry", "GovernmentBody", 3, name="Ministry of Roads"))
    d.fact("Arrest", 4, "arrested", agent=guard(4), theme=person(4))
    d.fact("Neutralisation", 5, "neutralised", agent="Troops",
           quantity=Quantity("3 gunmen", 3.0, "gunman"))
    d.fact("Seizure", 6, "seized", agent=cell(6), theme=harbour(6))
    d.fact("Attack", 7, "attacked", agent="Gunmen", theme=harbour(7))
    d.fact("Arson", 8, "set fire", theme="the town hall", location=city(8))
    d.fact("Protest", 9, "protested", location=region(9), cause="fuel prices")
    d.fact("Riot", 10, "Riots", location=city(10),
           date=TimeExpr("on 2 March", "2031-03-02"))
    d.fact("StateOfEmergency", 11, "state of emergency", agent=ministry(11),
           location=country(11), date=TimeExpr("today", "2031-03-04"),
           dateEnd=TimeExpr("until 20 March", "2031-03-20"))
    d.fact("CounterTerrorismOperation", 12, "counter-terrorism operation", agent=guard(12),
           location=region(12))
    d.fact("Participation", 13, "took part", participant=cell(13),
           eventType="CounterTerrorismOperation")
    protection = d.fact("Protection", 14, "guarding", agent=guard(14), theme=harbour(14))
    deployment.links["purposeEvent"] = [protection]  # kg:purposeEvent
    d.fact("Casualties", 15, "killed", location=city(15),
           quantity=Quantity("Twelve people", 12.0, "person"))
    d.fact("Damage", 16, "Damage", quantity=Quantity("5 million dollars", 5e6, "USD"))
    d.fact("Meeting", 17, "met", agent=person(17), participant=org(17),
           medium="video link")
    d.fact("Statement", 18, "told", speaker=person(18),
           medium=d.mention("Daily Lantern", "MediaOrganization", 18),
           quote="We will restore order,", cue="told")
    d.fact("Appointment", 19, "appointed", agent=ministry(19), theme=person(19),
           role="minister")
    d.fact("Dismissal", 20, "dismissed", agent=ministry(20), theme=person(20))
    d.fact("Position", 21, category="relation", holder=person(21), role="Minister")
    d.fact("Membership", 22, category="relation", member=country(22), group=org(22))
    d.fact("PartOf", 23, category="relation", part=guard(23), whole=ministry(23))
    d.fact("LocatedIn", 24, category="relation", place=city(24), container=region(24))
    d.fact("Curfew", 25, "curfew", agent=country(25), location=city(25))
    d.fact("PolicyMeasure", 26, "capped", agent=ministry(26), theme="fuel prices")
    d.fact("Ban", 27, "banned", agent=ministry(27), theme="rallies", location=city(27))
    d.fact("Closure", 28, "closed", agent=guard(28), theme=harbour(28))
    d.fact("Sanction", 29, "froze", agent=org(29), theme=cell(29))
    d.fact("CommunicationsShutdown", 30, "cut", agent=ministry(30), theme="mobile internet",
           location=region(30))
    d.fact("Order", 31, "ordered", agent=ministry(31), addressee=guard(31),
           theme="clear the roads")
    d.fact("Decision", 32, "decided", agent=org(32), theme="extend the mission")
    d.fact("Approval", 33, "approved", agent=org(33), theme="the budget")
    d.fact("Rejection", 34, "rejected", agent=org(34), theme="the plan")
    d.fact("Movement", 35, "flew", agent=guard(35), theme="officers", origin=country(35),
           location=city(35), quantity=Quantity("30 officers", 30.0, "officer"))
    d.fact("Investigation", 36, "investigation", agent="Police", theme="the fire")
    d.fact("Charge", 37, "charged", agent="Prosecutors", theme=person(37), cause="fraud")
    d.fact("Conviction", 38, "convicted", agent="A court", theme=person(38), cause="fraud")
    d.fact("Release", 39, "released", agent=cell(39), theme="hostages",
           quantity=Quantity("4 hostages", 4.0, "hostage"))
    d.fact("Injury", 40, "injured", location=city(40),
           quantity=Quantity("Nine people", 9.0, "person"))
    d.fact("Agreement", 41, "signed", participant=[country(41), org(41)], theme="a treaty")
    d.fact("Election", 42, "elected", theme=person(42), role="president")
    d.fact("Resignation", 43, "resigned", theme=person(43), role="minister")
    d.fact("Clash", 44, "clashed", participant=[guard(44), cell(44)], location=region(44))
    d.fact("Looting", 45, "looted", agent="Rioters", theme="shops", location=city(45))
    d.fact("Coup", 46, "seized power", agent=guard(46), location=country(46))
    d.fact("Dissolution", 47, "dissolved", agent=org(47), theme=ministry(47))
    d.fact("Evacuation", 48, "evacuated", agent=guard(48), theme="people", location=city(48),
           quantity=Quantity("200 people", 200.0, "person"))
    d.fact("Aid", 49, "sent", agent=org(49), theme="food", addressee=country(49),
           quantity=Quantity("40 tonnes", 40.0, "tonne"))
    d.fact("Accusation", 50, "accused", agent=ministry(50), theme=cell(50), cause="the attack")
    return d


NASTY_NAMES = [
    'Café "Zürich" / Nord',
    "O'Neill & Sons <Holdings>",
    "Back\\slash {brace} |pipe| ^caret^ `tick`",
    "Percent %20 and #hash?query=1&x=2",
    "北京市 Δημοκρατία القاهرة",
    "Emoji Corps \U0001F680",
    "Tab\tand  double  space",
    "A" * 200,
]


def nasty_labels() -> SampleDoc:
    """Entities whose names stress IRI minting and every serialiser."""
    lines = [f"They met {name} yesterday." for name in NASTY_NAMES]
    d = SampleDoc(*lines, doc_id="nasty labels/ü \"x\"")
    for i, name in enumerate(NASTY_NAMES):
        m = d.mention(name, "Organization", i)
        d.fact("Meeting", i, "met", participant=m)
    return d
