"""The wording news uses for court procedure, goods sent as aid, past events named by
their date, and "defend" said of views (issue 15, round 7), each pinned on an invented
sentence (people and places of no dev text), with a sentence of the same words in
another sense that must give no event."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


# --- court procedure: remand, arraignment -----------------------------------------
def test_remanded_in_custody_is_a_detention_by_the_court(nlp):
    r = run(nlp, "The remaining four were remanded in custody until 25 June by the "
                 "Francistown Magistrates Court.")
    (e,) = facts_of(r, "Detention")
    assert names(r, e.roles["agent"]) == {"Francistown Magistrates Court"}


def test_remanded_with_custody_on_the_object_is_a_detention(nlp):
    r = run(nlp, "A magistrate in Gaborone remanded the three suspects in custody until "
                 "4 May.")
    (e,) = facts_of(r, "Detention")
    assert "suspects" in " ".join(names(r, e.roles["theme"]))


def test_remanded_until_a_date_stays_an_order_only(nlp):
    r = run(nlp, "Chief Magistrate Ana Tuilagi remanded him until October 28.")
    assert not facts_of(r, "Detention")


def test_arraigned_is_a_charge_with_its_charges_as_cause(nlp):
    r = run(nlp, "Forty of the suspects have been arraigned before the Chief Magistrate "
                 "Court in Lome on charges of arson and theft.")
    (e,) = facts_of(r, "Charge")
    assert "suspects" in " ".join(names(r, e.roles["theme"]))
    assert any("arson" in str(c) for c in e.roles["cause"])


def test_expected_to_be_arraigned_is_a_future_charge(nlp):
    r = run(nlp, "Twelve others are expected to be arraigned in Suva on Friday.")
    (e,) = facts_of(r, "Charge")
    assert e.factuality == "future"


# --- goods sent: a vehicle is judged by its load ----------------------------------------
def test_trucks_carrying_relief_dispatched_are_aid(nlp):
    r = run(nlp, "Qatar dispatched 15 trucks carrying flour, tents and blankets to the "
                 "region, the Qatari Foreign Ministry said.")
    (e,) = facts_of(r, "Aid")
    assert names(r, e.roles["agent"]) == {"Qatar"}
    assert "flour" in " ".join(names(r, e.roles["theme"]))


def test_a_plane_loaded_with_medicine_is_aid(nlp):
    r = run(nlp, "Latvia sent a plane loaded with medicine to Suva on Monday.")
    assert facts_of(r, "Aid")


def test_a_plane_carrying_armoured_vehicles_is_no_aid(nlp):
    r = run(nlp, "Fiji will also send a second aircraft carrying communications equipment "
                 "and armoured vehicles to Honiara on Tuesday.")
    assert not facts_of(r, "Aid")


def test_trucks_sent_with_no_load_are_no_aid(nlp):
    r = run(nlp, "Police in Lome sent two trucks to the scene.")
    assert not facts_of(r, "Aid")


# --- "defend": a place or people, not a view --------------------------------------------
def test_defended_a_handling_is_no_protection(nlp):
    r = run(nlp, "Ana Tuilagi, who had defended the police's handling of the protests on "
                 "Saturday, resigned in Apia.")
    assert not facts_of(r, "Protection")


def test_defending_figures_or_an_agreement_is_no_protection(nlp):
    for text in ("They want ministers to defend the debt figures in public in Suva.",
                 "She defended the agreement as legal in a letter posted in Riga.",
                 "The minister had defended the subsidy cuts in public in Tallinn."):
        assert not facts_of(run(nlp, text), "Protection"), text


def test_troops_sent_to_defend_the_capital_protect_it(nlp):
    r = run(nlp, "Benin sent troops to defend the capital.")
    (e,) = facts_of(r, "Protection")
    assert "capital" in " ".join(names(r, e.roles["theme"]))



# --- an election swept ------------------------------------------------------------------
def test_swept_the_elections_is_an_election_won(nlp):
    r = run(nlp, "The Palau Unity Party swept the parliamentary elections in March.")
    (e,) = facts_of(r, "Election")
    assert names(r, e.roles["theme"]) == {"Palau Unity Party"}
