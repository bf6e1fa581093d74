"""Force, relief and movement wordings of issue 15, round 10: scuffles that break out as a
side acts, looting told as what people were arrested for, the injured flown out, people
taken to a named hospital with burns, goods carried or a vessel escorted somewhere,
firefighting aircraft sent. Each pinned on an invented sentence, most beside one of the
same words in another sense that must give no event."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _count(fact) -> float | None:
    q = fact.roles.get("quantity") or []
    return q[0].value if q else None


# --- scuffles that break out when a side acts: a Clash ------------------------------------
def test_scuffles_breaking_out_when_demonstrators_push_are_a_clash(nlp):
    r = run(nlp, "Officers of the Zambia Police Service blocked the march in Lusaka, and "
                 "scuffles broke out when some demonstrators tried to push past.")
    (e,) = facts_of(r, "Clash")
    assert "demonstrators" in names(r, e.roles["participant"])


def test_scuffles_with_a_group_take_the_group_as_a_side(nlp):
    r = run(nlp, "Scuffles broke out near the gate in Tartu when a group of students tried to "
                 "push through the police line.")
    (e,) = facts_of(r, "Clash")
    assert any("students" in p for p in names(r, e.roles["participant"]))


def test_the_fighting_that_began_when_gunmen_attacked_is_no_new_clash(nlp):
    r = run(nlp, "The fighting began on Monday when fighters of a youth militia attacked an "
                 "army garrison in Kitwe.")
    assert not facts_of(r, "Clash")


# --- looting told as what people were arrested for -----------------------------------------
def test_arrested_for_looting_a_shop_is_a_looting_by_those_arrested(nlp):
    r = run(nlp, "Police say they have arrested four men for looting a supermarket in Kitwe "
                 "overnight.")
    (e,) = facts_of(r, "Looting")
    assert names(r, e.roles["agent"]) == {"men"}
    assert any("supermarket" in t for t in names(r, e.roles["theme"]))
    assert facts_of(r, "Arrest")


def test_detained_for_looting_a_pharmacy_is_a_looting(nlp):
    r = run(nlp, "Three youths were detained for looting a pharmacy in Tartu.")
    (e,) = facts_of(r, "Looting")
    assert names(r, e.roles["agent"]) == {"youths"}


def test_arrested_for_looting_with_nothing_looted_is_only_the_charge(nlp):
    r = run(nlp, "Police said 41 people had been arrested in Riga for looting and violence.")
    assert not facts_of(r, "Looting")


def test_charged_with_looting_a_warehouse_is_no_looting_told(nlp):
    r = run(nlp, "Twelve people were charged with looting a warehouse in Riga.")
    assert not facts_of(r, "Looting")


# --- the injured flown out: an Evacuation ---------------------------------------------------
def test_helicopters_flying_injured_people_out_is_an_evacuation(nlp):
    r = run(nlp, "Two Qatari Air Force helicopters landed at Lusaka this afternoon and began "
                 "flying injured people to Ndola.")
    (e,) = facts_of(r, "Evacuation")
    assert names(r, e.roles["theme"]) == {"injured people"}
    assert not any("injured people" in names(r, m.roles.get("theme"))
                   for m in facts_of(r, "Movement"))


def test_flying_police_officers_somewhere_stays_a_movement(nlp):
    r = run(nlp, "The air force flew 300 police officers to Kitwe.")
    assert not facts_of(r, "Evacuation")
    assert facts_of(r, "Movement")


# --- taken to a named hospital with burns: the hurt counted ---------------------------------
def test_taken_to_a_named_hospital_with_burns_counts_the_injured(nlp):
    r = run(nlp, "Nine people, among them two firefighters, had been taken to Ndola Central "
                 "Hospital with burns and breathing problems.")
    (e,) = facts_of(r, "Injury")
    assert _count(e) == 9
    assert facts_of(r, "Movement")


# --- goods carried, vessels escorted somewhere: a Movement ---------------------------------
def test_a_boat_carrying_water_to_a_town_is_a_movement(nlp):
    r = run(nlp, "The patrol boat ZNS Kafue is carrying water and generators to Chipata.")
    (e,) = facts_of(r, "Movement")
    assert names(r, e.roles["location"]) == {"Chipata"}
    assert any("generators" in t for t in names(r, e.roles["theme"]))


def test_a_trawler_escorted_to_a_port_is_a_movement(nlp):
    r = run(nlp, "The trawler was escorted to the port of Colonia on Monday.")
    (e,) = facts_of(r, "Movement")
    assert names(r, e.roles["theme"]) == {"trawler"}


def test_a_proposal_carried_to_a_summit_is_no_movement(nlp):
    r = run(nlp, "The ministers carried the proposal to the summit in Vaduz.")
    assert not facts_of(r, "Movement")


def test_placards_carried_on_a_march_are_no_movement_of_their_own(nlp):
    r = run(nlp, "Protesters carrying placards marched through Riga on Sunday.")
    assert not any(names(r, m.roles.get("theme")) == {"placards"}
                   for m in facts_of(r, "Movement"))


# --- firefighting aircraft sent by a state: a Deployment ------------------------------------
def test_water_bombing_planes_dispatched_are_a_deployment(nlp):
    r = run(nlp, "Benin dispatched two water-bombing planes to Lusaka on Monday.")
    (e,) = facts_of(r, "Deployment")
    assert names(r, e.roles["agent"]) == {"Benin"}
    assert _count(e) == 2


def test_trucks_sent_to_the_scene_are_no_deployment(nlp):
    r = run(nlp, "The council sent two trucks to the market in Riga on Monday.")
    assert not facts_of(r, "Deployment")


# --- land burned, counted by its area: a Damage, no Arson ------------------------------------
def test_hectares_of_forest_burned_are_a_damage_counted_in_hectares(nlp):
    r = run(nlp, "More than 2,000 hectares of forest and farmland have burned near Tartu.")
    (e,) = facts_of(r, "Damage")
    assert _count(e) == 2000
    assert not facts_of(r, "Arson")


def test_a_fire_that_burned_for_days_is_no_damage(nlp):
    r = run(nlp, "The fire has burned for three days near Riga.")
    assert not facts_of(r, "Damage")


# --- aircraft a state sends: a Deployment (future when promised) ---------------------------
def test_helicopters_a_country_promises_to_send_are_a_future_deployment(nlp):
    r = run(nlp, "Qatar has promised to send two helicopters to Lusaka by Tuesday.")
    (e,) = facts_of(r, "Deployment")
    assert names(r, e.roles["agent"]) == {"Qatar"}
    assert e.factuality == "future"


def test_aircraft_carrying_relief_are_aid_not_a_deployment(nlp):
    r = run(nlp, "The United Arab Emirates said it had sent two aircraft carrying 80 tonnes "
                 "of relief supplies to Kitwe.")
    assert not facts_of(r, "Deployment")


def test_a_helicopter_a_company_sends_is_no_deployment(nlp):
    r = run(nlp, "A private company sent a helicopter to Tartu.")
    assert not facts_of(r, "Deployment")
