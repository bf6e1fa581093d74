"""kg:labelKey: every skos label of a node in lower case, exactly as SPARQL's LCASE gives it
(issue 19: the library queries find a name by this key instead of scanning every label)."""

from __future__ import annotations

from pyoxigraph import Store
from rdf_samples import SampleDoc, nasty_labels
from test_linked_data import offices

from kg.rdf.vocab import KG
from kg.validate import validate_store

# What the mapping must give, written as a graph's own derivation (docs/store.md gives it to
# add keys to a graph built before them).
DERIVE = """
PREFIX kg: <https://w3id.org/kg-news/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
INSERT { GRAPH ?g { ?s kg:labelKey ?key } }
WHERE { GRAPH ?g { ?s skos:prefLabel|skos:altLabel ?l } BIND(LCASE(STR(?l)) AS ?key) }
"""


def names() -> SampleDoc:
    d = SampleDoc("ODYSSEUS and ΟΔΥΣΣΕΥΣ met.", "Odysseus and odysseus left.",
                  "They met in İzmir and IZMIR.", "Straße officials met.",
                  "The VARNHOLM council met in Varnholm.", doc_id="names")
    d.mention("ODYSSEUS", "Person", 0)
    d.mention("Odysseus", "Person", 1, name="ODYSSEUS")
    d.mention("odysseus", "Person", 1, name="ODYSSEUS")
    d.mention("ΟΔΥΣΣΕΥΣ", "Person", 0)
    d.mention("İzmir", "City", 2)
    d.mention("IZMIR", "City", 2, name="İzmir")
    d.mention("Straße", "Organization", 3)
    d.mention("Varnholm", "City", 4)
    d.mention("VARNHOLM", "City", 4, name="Varnholm")
    return d


def test_every_label_has_its_key_as_sparql_lcase_gives_it():
    store = Store()
    # entities with labels that differ in case (one key), in other scripts, and the
    # org:Role and org:Post of positions
    for doc in (names(), nasty_labels(), offices()):
        store.extend(doc.store())
    keys = set(store.quads_for_pattern(None, KG.labelKey, None, None))
    assert {q.object.value for q in keys} >= {"odysseus", "οδυσσευς", "i̇zmir", "izmir",
                                               "straße", "varnholm", "president",
                                               "president of norland"}
    for quad in keys:
        store.remove(quad)
    store.update(DERIVE)
    assert set(store.quads_for_pattern(None, KG.labelKey, None, None)) == keys


def test_keys_are_valid():
    for doc in (names(), offices()):
        assert validate_store(doc.store()).findings == []
