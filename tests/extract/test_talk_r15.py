"""Communication shapes of round 15, read from the errors of the moved texts and checked on
dev:

- a bare title ("the minister said", "the secretary urged") points back to the one holder
  of an office with that head word, also when the office was given with its remit ("the
  Minister of Social Affairs and Humanitarian Action, X", "X, the Secretary for Health"):
  the head word of an office is the word before its remit (kg/resolve/links.py
  ``_title_head``);
- "the federal government", "the central government", "the national government" are the
  country's government, as "the government" is (kg/rules/entities/bodies.jsonl).

Sentences invented, set in Zambia, Benin, Palau, Nauru, Qatar, Latvia, Estonia, Jamaica,
Botswana and Vietnam.
"""

from __future__ import annotations

import pytest

from tests.extract.event_helpers import facts_of, names, run


def _role(result, kind, role):
    return [names(result, f.roles.get(role)) for f in facts_of(result, kind)]


# --- a bare title points back to the holder of an office given with its remit -------------
@pytest.mark.parametrize(("text", "kind", "role", "holder"), [
    # inverted saying
    ("The Minister of Social Welfare and Humanitarian Action, Mwila Chanda, travelled to "
     "Kasama on Wednesday. \"No family will be left behind,\" the minister said.",
     "Statement", "speaker", "Mwila Chanda"),
    # saying with a that-clause
    ("Andris Kalnins, the Minister for Regional Development, visited Jelgava on Monday. The "
     "minister said that 40 houses had been flooded.", "Statement", "speaker",
     "Andris Kalnins"),
    # an order
    ("The Minister of Home Affairs and Internal Security, Kabo Mosweu, visited Maun on "
     "Friday. The minister ordered the police to reopen the road.", "Order", "agent",
     "Kabo Mosweu"),
    # an accusation
    ("The Minister of Fisheries and Marine Resources, Ngiraked Remengesau, spoke in Koror "
     "on Tuesday. The minister accused foreign trawlers of fishing in the reserve.",
     "Accusation", "agent", "Ngiraked Remengesau"),
])
def test_bare_title_points_back_to_the_holder_of_an_office_with_a_remit(
        nlp, text, kind, role, holder):
    found = _role(run(nlp, text), kind, role)
    assert any(holder in r for r in found), found


def test_bare_title_of_two_holders_points_to_neither(nlp):
    # two ministers with a remit each: "the minister" could be either
    found = _role(run(nlp, "The Minister of Health, Kadri Tamm, and the Minister of "
                           "Education, Liis Kask, visited Tartu on Monday. The minister said "
                           "that 40 houses had been flooded."), "Statement", "speaker")
    assert not any({"Kadri Tamm", "Liis Kask"} & r for r in found), found


def test_deputy_title_is_not_the_minister(nlp):
    found = _role(run(nlp, "The Deputy Minister of Health, Liis Kask, visited Tartu on "
                           "Monday. The minister said that 40 houses had been flooded."),
                  "Statement", "speaker")
    assert not any("Liis Kask" in r for r in found), found


# --- the federal, central or national government is the country's government -------------
@pytest.mark.parametrize(("text", "kind", "role"), [
    # accusation: its target
    ("Unions in Francistown, Botswana, held a rally on Monday. The union accused the "
     "federal government of tearing up the right to strike.", "Accusation", "theme"),
    # request: its addressee
    ("Floods hit Maun in northern Botswana on Monday. The Ngamiland district council asked "
     "the central government to send water tankers.", "Request", "addressee"),
    # saying: its speaker
    ("Floods hit Maun in northern Botswana on Monday. The national government said 40 "
     "houses had been flooded.", "Statement", "speaker"),
    # an order by it, with the country as its owner
    ("Dockers in Francistown went on strike last week. Botswana's federal government on "
     "Friday ordered the closure of the ports.", "Order", "agent"),
])
def test_federal_central_or_national_government_is_the_countrys(nlp, text, kind, role):
    text = "GABORONE, Botswana (AP) - " + text  # the story's country, twice
    found = _role(run(nlp, text), kind, role)
    assert any("Government of Botswana" in r for r in found), found


def test_capitalised_federal_government_is_a_name_as_written(nlp):
    result = run(nlp, "Floods hit Maun in northern Botswana on Monday. The Ngamiland "
                      "council informed the Federal Government on Tuesday that the "
                      "situation was grave.")
    found = _role(result, "Statement", "addressee")
    assert not any("Government of Botswana" in r for r in found), found


def test_federal_government_before_a_noun_is_no_body(nlp):
    result = run(nlp, "Floods hit Maun in northern Botswana on Monday. Federal government "
                      "employees will work from home on Tuesday, the ministry said.")
    assert not any(e.name == "Government of Botswana" for e in result.entities), \
        [e.name for e in result.entities]


def test_federal_government_of_no_clear_country_is_no_entity(nlp):
    # two countries named once each: whose government is meant is unclear, and a
    # description no name backs makes no entity (as before these phrases were read)
    result = run(nlp, "Officials from Qatar and Latvia met in Doha on Monday. The union "
                      "accused the federal government of ignoring the courts.")
    assert not any("government" in e.name.lower() for e in result.entities), \
        [e.name for e in result.entities]
