"""Factuality of events (kg/extract/factuality.py, kg/rules/events/factuality.yaml): the
cues of the annotation guide on sentences written for the purpose, and the mapping to
kg:factuality."""

from __future__ import annotations

import pytest

from kg.rdf.iri import IriMinter
from kg.rdf.mapping import map_document
from kg.rdf.vocab import KG
from tests.extract.event_helpers import facts_of, run

CASES = [
    ("Zambia did not send troops to Malawi.", "Deployment", "negated"),
    ("No one was arrested in Lusaka on Monday.", "Arrest", "negated"),
    ("The army denied that its soldiers had fired on protesters in Kasama.", "Attack",
     "negated"),
    ("Nairobi said it will not send more officers until the fund is replenished.",
     "Deployment", "negated"),
    ("No decision has been taken on deploying the new contingent outside the capital.",
     "Decision", "negated"),
    ("The EU leaders will meet on Monday to discuss the crisis.", "Meeting", "future"),
    ("Ghana plans to withdraw its troops from Mali next year.", "Withdrawal", "future"),
    ("Japan pledged $5 million in aid to Tonga.", "Aid", "future"),
    ("The minister said Zambia would send 200 police officers to Lusaka.", "Deployment",
     "future"),
    ("The planned withdrawal of French troops from Niger was postponed.", "Withdrawal",
     "future"),
    ("The government may send 500 more soldiers to Gulu if the rains continue.",
     "Deployment", "hypothetical"),
    ("The rebels threatened to attack the airport in Goma.", "Attack", "hypothetical"),
    ("President Ana Mota has not ruled out asking foreign governments for troops.",
     "Request", "hypothetical"),
    ("Police allegedly beat protesters in Harare on Friday.", "Attack", "claimed"),
    ("Rebels said they had shot down a helicopter near Goma, a claim that could not be "
     "independently verified.", "Attack", "claimed"),
    ("Police arrested 40 protesters in Lusaka on Monday.", "Arrest", None),
    ("The officer was suspended pending an investigation into the shooting in Suva.",
     "Investigation", "future"),
    ("The opposition in Lome called for protests on Friday if Kossi Agbeko is not released.",
     "Request", None),
]


@pytest.mark.parametrize(("sentence", "kind", "value"), CASES,
                         ids=[f"{c[1]}-{c[2]}" for c in CASES])
def test_cues_give_the_factuality(nlp, sentence, kind, value):
    found = facts_of(run(nlp, sentence), kind)
    assert found, f"no {kind}"
    assert found[0].factuality == value


@pytest.mark.parametrize("sentence", [
    "Sending troops to Malawi would be a mistake.",
    "Who ordered the raid in Kumasi?",
    "The UN urged the junta to release the detained lawmakers.",
    "The opposition in Lome called for protests on Friday if Kossi Agbeko is not released.",
])
def test_opinions_questions_and_contents_are_no_facts(nlp, sentence):
    r = run(nlp, sentence)
    assert not [f for f in r.facts if f.kind in ("Deployment", "Attack", "Release")]


def test_a_promise_and_the_deed_are_two_facts(nlp):
    r = run(nlp, "The EU will send 50 observers to Tirana. It sent 20 observers to Tirana "
                 "last year.")
    deployments = facts_of(r, "Deployment")
    assert sorted(str(d.factuality) for d in deployments) == ["None", "future"]


def test_factuality_is_in_the_graph(nlp):
    r = run(nlp, "The rebels threatened to attack the airport in Goma.")
    quads = map_document(r, IriMinter())
    values = {q.object.value for q in quads if q.predicate == KG.factuality}
    assert values == {"hypothetical"}
