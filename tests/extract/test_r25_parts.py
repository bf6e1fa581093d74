"""PartOf of committees, units, departments and delegations (kg/extract/part_of.py) and the
resolver keeping an owner written inside its part's name apart from it
(kg/resolve/links.py). Invented sentences, invented people."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _parts(r) -> set[tuple[str, str]]:
    out = set()
    for f in facts_of(r, "PartOf"):
        for p in names(r, f.roles.get("part")):
            for w in names(r, f.roles.get("whole")):
                out.add((p, w))
    return out


def test_an_organ_described_in_lower_case_of_a_named_force(nlp):
    r = run(nlp, "Investigators from the internal affairs unit of the Botswana Police Service "
                 "arrested two officers on Friday.")
    assert ("internal affairs unit of the Botswana Police Service",
            "Botswana Police Service") in _parts(r)


def test_an_organ_of_a_named_body_keeps_its_owner_named_again_apart(nlp):
    r = run(nlp, "Investigators from the internal affairs unit of the Botswana Police Service "
                 "arrested two officers on Friday. The Botswana Police Service said the two "
                 "men had been suspended.")
    assert ("internal affairs unit of the Botswana Police Service",
            "Botswana Police Service") in _parts(r)
    assert {e.name for e in r.entities} >= {
        "Botswana Police Service", "internal affairs unit of the Botswana Police Service"}


def test_a_prosecutors_department_is_part_of_the_prosecutors_office(nlp):
    r = run(nlp, "On Monday the special crimes department of the Riga District Prosecutor's "
                 "Office searched the office of Janis Berzins.")
    assert any(p.startswith("special crimes department of the Riga")
               and w == "Riga District Prosecutor's Office" for p, w in _parts(r))


def test_a_bare_organ_of_a_body_is_no_part(nlp):
    # "the committee of X" with no words of its own says too little to be a body
    r = run(nlp, "The committee of the National Assembly of Zambia met on Monday.")
    assert not any(p.lower().startswith("committee of") for p, _w in _parts(r))


def test_a_committee_named_after_its_chamber(nlp):
    r = run(nlp, "Lawmakers rejected the lighthouse bill at a full sitting of Palau's House "
                 "of Delegates on Thursday. The House of Delegates Ways and Means Committee "
                 "will take up a new draft in Koror next week.")
    assert ("House of Delegates Ways and Means Committee", "House of Delegates") in _parts(r)


def test_a_delegation_to_a_country_is_part_of_its_owner(nlp):
    r = run(nlp, "The European Union's trade delegation to Vietnam told journalists it would "
                 "watch the trial with care.")
    assert ("European Union's trade delegation to Vietnam", "European Union") in _parts(r)


def test_a_mission_in_a_country_is_part_of_its_owner(nlp):
    r = run(nlp, "Monitors from the European Union's civilian observer mission in Estonia "
                 "visited the border on Monday.")
    assert ("European Union's civilian observer mission in Estonia", "European Union") \
        in _parts(r)


def test_a_committee_name_cut_after_and_goes_back_over_its_remit(nlp):
    # the model may begin the name at "Human": the name is the whole remit
    r = run(nlp, "The Majlis's Education and Human Rights Committee will hold hearings on "
                 "the school bill next week, its chairman, Ali Al-Kuwari, said in Doha.")
    assert any("Education and Human Rights Committee" in e.name for e in r.entities)
    assert not any(e.name == "Human Rights Committee" for e in r.entities)


def test_a_party_office_in_a_town_is_no_part(nlp):
    # "the party's office in X" is a building, not an organ
    r = run(nlp, "The Botswana Democratic Party's office in Maun was torched by youths late "
                 "on Tuesday.")
    assert not any("office in Maun" in p for p, _w in _parts(r))


def test_an_apposed_unit_or_plural_units_are_no_organ_of_name(nlp):
    r = run(nlp, "On Sunday the emir moved additional units of the Qatar Emiri Guard into "
                 "the harbour.")
    assert not any(p.startswith("additional units") for p, _w in _parts(r))


def test_an_office_named_after_its_body_is_left_to_other_rules(nlp):
    # only a chamber's committees are read from a name that opens with the whole's name
    r = run(nlp, "The Bank of Botswana told reporters in Gaborone that the Bank of Botswana "
                 "Press Office would release the ruling on Thursday.")
    assert not any(w == "Bank of Botswana" and "Press Office" in p for p, w in _parts(r))
