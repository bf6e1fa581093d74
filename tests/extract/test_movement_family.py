"""Movement of people, goods and craft, craft sent as a force, and equipment lent as aid,
each as a family of wordings in several clause shapes (issue 15, round 12). Invented
sentences set in Latvia, Estonia, Benin, Botswana, Qatar and Jamaica; each family has a
sentence of the same words in another sense that must give no fact."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _count(fact) -> float | None:
    q = fact.roles.get("quantity") or []
    return q[0].value if q else None


# --- warships and state craft sent: Deployment ---------------------------------------------
def test_corvettes_sent_by_a_navy_are_a_deployment(nlp):
    r = run(nlp, "The Latvian Navy has sent two corvettes and a helicopter unit to the Gulf "
                 "of Riga.")
    (e,) = facts_of(r, "Deployment")
    assert names(r, e.roles["agent"]) == {"Navy of Latvia"}
    assert "Gulf of Riga" in names(r, e.roles["location"])
    assert _count(e) == 2


def test_minesweepers_sent_in_the_passive_are_a_deployment(nlp):
    r = run(nlp, "Three minesweepers were sent to the Gulf of Riga on Monday.")
    (e,) = facts_of(r, "Deployment")
    assert names(r, e.roles["theme"]) == {"minesweepers"}
    assert _count(e) == 3


def test_frigates_in_a_relative_clause_are_a_deployment(nlp):
    r = run(nlp, "Two frigates, which were deployed to the Gulf of Riga last week, returned "
                 "to port.")
    (e,) = facts_of(r, "Deployment")
    assert names(r, e.roles["theme"]) == {"frigates"}


def test_a_cutter_dispatched_by_a_state_is_a_deployment(nlp):
    r = run(nlp, "Benin dispatched a coast guard cutter to Cotonou.")
    (e,) = facts_of(r, "Deployment")
    assert names(r, e.roles["agent"]) == {"Benin"}
    assert names(r, e.roles["location"]) == {"Cotonou"}


def test_ships_a_state_would_send_are_a_future_deployment(nlp):
    r = run(nlp, "Estonia would send three additional ships to the Baltic Sea.")
    (e,) = facts_of(r, "Deployment")
    assert names(r, e.roles["agent"]) == {"Estonia"}
    assert _count(e) == 3
    assert e.factuality is not None


def test_rescue_boats_sent_with_firefighters_are_a_deployment(nlp):
    r = run(nlp, "Latvia is sending four rescue boats and 30 firefighters to Tartu.")
    (e,) = facts_of(r, "Deployment")
    assert names(r, e.roles["agent"]) == {"Latvia"}


def test_a_ship_carrying_wheat_is_aid_not_a_deployment(nlp):
    r = run(nlp, "Qatar sent a ship carrying 2,000 tonnes of wheat to Cotonou.")
    assert not facts_of(r, "Deployment")
    assert facts_of(r, "Aid")


def test_a_vessel_sent_by_a_company_is_no_deployment(nlp):
    r = run(nlp, "The ferry company sent a vessel to Riga.")
    assert not facts_of(r, "Deployment")


# --- equipment lent or placed at another's disposal: Aid -----------------------------------
def test_a_ship_lent_to_a_state_is_aid(nlp):
    r = run(nlp, "Estonia has lent Latvia a cable repair ship.")
    (e,) = facts_of(r, "Aid")
    assert names(r, e.roles["agent"]) == {"Estonia"}
    assert names(r, e.roles["addressee"]) == {"Latvia"}
    assert names(r, e.roles["theme"]) == {"cable repair ship"}


def test_boats_lent_in_a_relative_clause_are_aid(nlp):
    r = run(nlp, "Estonia, which has lent Latvia two patrol boats, said the work would take a "
                 "week.")
    (e,) = facts_of(r, "Aid")
    assert names(r, e.roles["agent"]) == {"Estonia"}
    assert names(r, e.roles["addressee"]) == {"Latvia"}


def test_money_lent_to_a_state_is_aid(nlp):
    r = run(nlp, "Qatar has lent Jamaica 690 million dollars since 2021.")
    (e,) = facts_of(r, "Aid")
    assert names(r, e.roles["addressee"]) == {"Jamaica"}
    assert _count(e) == 690_000_000


def test_a_helicopter_placed_at_the_disposal_of_authorities_is_aid(nlp):
    r = run(nlp, "Estonia has placed a helicopter at the disposal of the Latvian authorities.")
    (e,) = facts_of(r, "Aid")
    assert names(r, e.roles["agent"]) == {"Estonia"}
    assert names(r, e.roles["theme"]) == {"helicopter"}
    assert e.roles.get("addressee")


def test_helicopters_placed_at_the_disposal_in_the_passive_are_aid(nlp):
    r = run(nlp, "Two helicopters were placed at the disposal of the Botswana authorities by "
                 "Qatar.")
    (e,) = facts_of(r, "Aid")
    assert names(r, e.roles["agent"]) == {"Qatar"}
    assert _count(e) == 2


def test_aircraft_put_at_a_government_s_disposal_is_aid(nlp):
    r = run(nlp, "Qatar put its aircraft at the disposal of the Botswana government.")
    (e,) = facts_of(r, "Aid")
    assert names(r, e.roles["agent"]) == {"Qatar"}


def test_suspects_placed_at_the_disposal_of_a_prosecutor_are_no_aid(nlp):
    r = run(nlp, "They have been placed at the disposal of the Public Prosecutor's Office.")
    assert not facts_of(r, "Aid")


# --- people taken somewhere, told by a pronoun or a quantifier -----------------------------
def test_they_were_taken_to_a_town_is_a_movement(nlp):
    r = run(nlp, "They were taken to Riga on Monday.")
    (e,) = facts_of(r, "Movement")
    assert names(r, e.roles["location"]) == {"Riga"}


def test_taken_to_the_prisons_of_two_towns_moves_to_both(nlp):
    r = run(nlp, "They were taken to the prisons of Tartu and Viljandi under police escort "
                 "before noon.")
    (e,) = facts_of(r, "Movement")
    assert {"Tartu", "Viljandi"} <= names(r, e.roles["location"])


def test_the_towns_of_the_prisons_of_are_cities(nlp):
    r = run(nlp, "The detainees were taken to the prisons of Tartu and Viljandi on Monday.")
    assert {(e.name, e.type.value) for e in r.entities} >= {("Tartu", "City"),
                                                            ("Viljandi", "City")}


def test_most_taken_to_a_centre_at_named_showgrounds_is_a_movement(nlp):
    r = run(nlp, "Most have been taken to the relief centre at the Palapye showgrounds.")
    (e,) = facts_of(r, "Movement")
    assert "Palapye showgrounds" in names(r, e.roles["location"])


def test_many_taken_to_a_school_in_a_town_is_a_movement(nlp):
    r = run(nlp, "Many were taken to a school in Tartu.")
    (e,) = facts_of(r, "Movement")
    assert "Tartu" in names(r, e.roles["location"])


def test_a_case_taken_to_a_court_is_no_movement(nlp):
    r = run(nlp, "The police took the case to the Supreme Court of Latvia.")
    assert not facts_of(r, "Movement")


# --- craft and goods diverted ---------------------------------------------------------------
def test_ships_diverted_to_a_country_are_a_movement(nlp):
    r = run(nlp, "At least seven cargo vessels were waiting at anchor off Cotonou on Friday and "
                 "two more had been diverted to Jamaica, the port authority said.")
    (e,) = facts_of(r, "Movement")
    assert names(r, e.roles["location"]) == {"Jamaica"}
    assert _count(e) == 2


def test_a_flight_diverted_in_the_active_is_a_movement(nlp):
    r = run(nlp, "The airline diverted the flight to Tallinn.")
    (e,) = facts_of(r, "Movement")
    assert names(r, e.roles["location"]) == {"Tallinn"}


def test_diverted_traffic_with_no_destination_is_no_movement(nlp):
    r = run(nlp, "Traffic is being diverted.")
    assert not facts_of(r, "Movement")


def test_goods_diverted_to_people_are_no_movement(nlp):
    r = run(nlp, "Opposition lawmakers claimed that relief maize had been diverted to ruling "
                 "party supporters in Lobatse.")
    assert not facts_of(r, "Movement")


# --- a passive "they" after a sentence that acted on people --------------------------------
def test_they_taken_after_a_transfer_ordered_are_the_people_transferred(nlp):
    r = run(nlp, "Federal police officers ended the standoff on Sunday. On Monday the justice "
                 "minister ordered the transfer of the 40 inmates the administration "
                 "identified as ringleaders. They were taken to the prisons of Tartu and "
                 "Viljandi before noon.")
    moves = [f for f in facts_of(r, "Movement") if "Tartu" in names(r, f.roles["location"])]
    (e,) = moves
    assert any("inmates" in t for t in names(r, e.roles["theme"]))


def test_they_taken_after_an_arrest_are_the_people_arrested(nlp):
    r = run(nlp, "Police arrested 12 protesters in Riga on Monday. They were taken to a police "
                 "station in Jelgava.")
    (e,) = facts_of(r, "Movement")
    assert names(r, e.roles["theme"]) == {"protesters"}


def test_a_warship_whose_phrase_runs_on_is_a_deployment(nlp):
    r = run(nlp, "The Latvian navy has also dispatched a minehunter to the area.")
    (e,) = facts_of(r, "Deployment")
    assert any("minehunter" in t for t in names(r, e.roles["theme"]))


def test_a_patrol_vessel_named_by_its_kind_is_a_deployment(nlp):
    r = run(nlp, "The Estonian Navy is sending the patrol vessel Admiral Pitka to join the "
                 "search.")
    (e,) = facts_of(r, "Deployment")
    assert names(r, e.roles["agent"]) == {"Navy of Estonia"}


def test_a_person_named_after_a_title_is_no_deployed_craft(nlp):
    r = run(nlp, "The Estonian Navy is sending Admiral Kalle Tamm to the talks in Riga.")
    assert not facts_of(r, "Deployment")


def test_a_cargo_vessel_a_company_sends_is_no_deployment(nlp):
    r = run(nlp, "The company sent the cargo vessel Baltic Star to Riga.")
    assert not facts_of(r, "Deployment")


# --- a craft that lands carrying relief: the craft moves, the relief is aid -----------------
def test_a_force_s_cargo_plane_landing_with_food_moves_and_brings_aid(nlp):
    r = run(nlp, "A Qatari Air Force cargo plane carrying 40 tonnes of food, water and tents "
                 "also touched down at Gaborone airport, Qatar's embassy said.")
    (move,) = facts_of(r, "Movement")
    assert "Air Force of Qatar" in names(r, move.roles["theme"])
    (aid,) = facts_of(r, "Aid")
    assert names(r, aid.roles["agent"]) == {"Air Force of Qatar"}
    assert any("food" in t for t in names(r, aid.roles["theme"]))


def test_a_craft_that_landed_carrying_kits_brings_aid(nlp):
    r = run(nlp, "A Royal Jordanian Air Force C-130J Hercules landed at Riga airport at 10:15 "
                 "a.m. today carrying water containers, tarpaulins and hygiene kits.")
    (move,) = facts_of(r, "Movement")
    assert any("Hercules" in t for t in names(r, move.roles["theme"]))
    (aid,) = facts_of(r, "Aid")
    assert names(r, aid.roles["agent"]) == {"Royal Jordanian Air Force"}


def test_a_truck_carrying_soldiers_moves_the_soldiers_and_is_no_aid(nlp):
    r = run(nlp, "A truck carrying three soldiers arrived in Tartu.")
    (move,) = facts_of(r, "Movement")
    assert names(r, move.roles["theme"]) == {"soldiers"}
    assert not facts_of(r, "Aid")


def test_a_convoy_with_no_owner_named_before_it_gives_no_aid(nlp):
    r = run(nlp, "The first convoy of 22 trucks reached Tartu on Wednesday carrying around 400 "
                 "tonnes of flour.")
    assert not facts_of(r, "Aid")


def test_money_lent_since_a_year_is_dated_by_that_year(nlp):
    r = run(nlp, "The fund, which has lent Jamaica 690 million dollars since 2021, said the "
                 "levy was needed.")
    (e,) = facts_of(r, "Aid")
    assert [d.value[:4] for d in e.roles.get("date", [])] == ["2021"]
