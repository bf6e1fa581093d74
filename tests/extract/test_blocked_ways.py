"""A way blocked or blockaded is no Closure (round 17, kg/rules/events/closure.yaml): a
road, port or bridge blocked is obstructed by whoever blocks it (a crowd's blockade is
its protest), not closed by whoever runs it; the closing verbs stay closures and a
network blocked stays a communications shutdown. Each in several clause shapes (active,
passive, relative clause, nominalisation, headline, negated). Invented sentences set in
Palau, Qatar, Latvia, Estonia, Jamaica, Botswana and Vietnam."""

from __future__ import annotations

import pytest

from tests.extract.event_helpers import facts_of, run

BLOCKED = [
    "Fishing boats blockaded the port of Koror on Wednesday.",                # active
    "The port of Koror was blockaded by trawlers on Wednesday.",             # passive
    "Truckers, who blocked the border crossing at Narva for two days, went home.",  # rel.
    "The blockade of the harbour in Riga entered its third day on Friday.",  # nominal
    "Truckers block border crossing into Estonia",                           # headline
    "Since Monday the strike has been accompanied by road blockades across Jamaica.",
    '"Those who block the roads are hurting their own neighbours," the mayor of '
    'Francistown said.',
    "Police blocked the roads into Gaborone on Friday.",
]


@pytest.mark.parametrize("text", BLOCKED)
def test_a_way_blocked_is_no_closure(nlp, text):
    assert not facts_of(run(nlp, text), "Closure")


def test_a_port_closed_by_its_authority_stays_a_closure(nlp):
    assert facts_of(run(nlp, "The port authority closed the port of Koror on Wednesday."),
                    "Closure")


def test_a_bridge_shut_in_the_passive_stays_a_closure(nlp):
    assert facts_of(run(nlp, "The Nhat Tan bridge in Hanoi was shut to traffic on Monday."),
                    "Closure")


def test_a_network_blocked_stays_a_shutdown(nlp):
    r = run(nlp, "Qatar blocked access to Telegram on Tuesday.")
    assert facts_of(r, "CommunicationsShutdown")
    assert not facts_of(r, "Closure")
