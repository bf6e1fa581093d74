"""The wording news uses for force, injury, movement, capture by armed men and protest,
and the over-general triggers it must not fire on (issue 15, round 9), each pinned on an
invented sentence (people and places of no dev text), most with a sentence of the same
words in another sense that must give no event."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _count(fact) -> float | None:
    q = fact.roles.get("quantity") or []
    return q[0].value if q else None


# --- people carried to a named hospital: Movement ------------------------------------------
def test_taken_to_a_named_hospital_after_an_injury_is_a_movement(nlp):
    r = run(nlp, "A guard was shot in the arm and taken to the Sir Seretse Khama Memorial "
                 "Hospital.")
    (e,) = facts_of(r, "Movement")
    assert names(r, e.roles["location"]) == {"Sir Seretse Khama Memorial Hospital"}
    assert names(r, e.roles["theme"]) == {"guard"}


def test_the_injured_taken_to_a_named_hospital_move_there(nlp):
    r = run(nlp, "The injured were taken to Scottsdown Hospital in Francistown.")
    (e,) = facts_of(r, "Movement")
    assert "Scottsdown Hospital" in names(r, e.roles["location"])


def test_taken_to_a_hospital_in_a_town_is_a_movement(nlp):
    r = run(nlp, "One of the wounded was taken to a hospital in Lobatse with a leg wound.")
    (e,) = facts_of(r, "Movement")
    assert "Lobatse" in names(r, e.roles["location"])


def test_taken_to_hospital_unnamed_is_no_movement(nlp):
    r = run(nlp, "Two women were taken to hospital in Gaborone with head injuries.")
    assert not facts_of(r, "Movement")


# --- injuries told by the wound, the treatment or the count of the hurt --------------------
def test_treated_in_hospital_is_an_injury_counted(nlp):
    r = run(nlp, "Nine of the marchers were treated in hospital in Lusaka.")
    (e,) = facts_of(r, "Injury")
    assert _count(e) == 9


def test_treated_in_a_restaurant_is_no_injury(nlp):
    r = run(nlp, "Nine of the delegates were treated to dinner in a restaurant in Lusaka.")
    assert not facts_of(r, "Injury")


def test_a_counted_group_of_injured_people_flown_out_is_an_injury(nlp):
    r = run(nlp, "Army helicopters flew 22 injured people to Gaborone.")
    (e,) = facts_of(r, "Injury")
    assert _count(e) == 22


def test_an_uncounted_injured_man_is_no_new_injury(nlp):
    r = run(nlp, "The injured man told reporters in Gaborone that he had been shot at.")
    assert not facts_of(r, "Injury")


# --- killings told with the act of force ----------------------------------------------------
def test_returned_fire_killing_a_gunman_is_a_neutralisation(nlp):
    r = run(nlp, "Officers in Tartu returned fire, killing one gunman.")
    (e,) = facts_of(r, "Neutralisation")
    assert names(r, e.roles["agent"]) == {"Officers"}
    assert _count(e) == 1
    assert not facts_of(r, "Casualties")


def test_gunmen_killing_villagers_stay_casualties(nlp):
    r = run(nlp, "Gunmen stormed the village near Vaduz, killing three farmers.")
    assert not facts_of(r, "Neutralisation")
    assert facts_of(r, "Casualties")


def test_killing_a_bare_count_is_counted_casualties(nlp):
    r = run(nlp, "Gunmen attacked a bus in Montego Bay, killing six.")
    (e,) = facts_of(r, "Casualties")
    assert _count(e) == 6


def test_threw_petrol_bombs_at_a_patrol_is_an_attack(nlp):
    r = run(nlp, "Masked men threw petrol bombs and iron rods at a police patrol in "
                 "Francistown on Sunday.")
    (e,) = facts_of(r, "Attack")
    assert "police patrol" in " ".join(names(r, e.roles["theme"]))


def test_threw_a_party_is_no_attack(nlp):
    r = run(nlp, "The embassy of Qatar threw a party in Doha on Sunday.")
    assert not facts_of(r, "Attack")


def test_did_not_return_fire_is_no_movement(nlp):
    r = run(nlp, "The coast guard said its personnel did not return fire at any stage.")
    assert not facts_of(r, "Movement")


def test_returned_to_a_town_stays_a_movement(nlp):
    r = run(nlp, "About 300 displaced families returned to Lobatse on Monday.")
    assert facts_of(r, "Movement")


def test_without_loss_of_life_is_a_negated_casualties(nlp):
    r = run(nlp, '"The operation was completed without loss of life," the coast guard in '
                 'Koror said.')
    (e,) = facts_of(r, "Casualties")
    assert e.factuality == "negated"


def test_investigating_the_loss_of_life_is_no_casualties(nlp):
    r = run(nlp, "A committee was formed to investigate the loss of life and property "
                 "during the demonstrations in Riga.")
    assert not facts_of(r, "Casualties")


# --- capture by armed men ---------------------------------------------------------------
def test_boarded_by_gunmen_is_a_seizure(nlp):
    r = run(nlp, "The fishing vessel was boarded by gunmen off Koror on Friday.")
    (e,) = facts_of(r, "Seizure")
    assert names(r, e.roles["agent"]) == {"gunmen"}


def test_passengers_boarding_a_plane_is_no_seizure(nlp):
    r = run(nlp, "Passengers boarded the plane in Doha.")
    assert not facts_of(r, "Seizure")


def test_taken_from_his_home_by_gendarmes_is_a_detention(nlp):
    r = run(nlp, "The activist was taken from his home in Lobatse by hooded gendarmes.")
    (e,) = facts_of(r, "Detention")
    assert names(r, e.roles["agent"]) == {"hooded gendarmes"}


def test_taken_from_home_to_a_city_stays_one_movement(nlp):
    r = run(nlp, "Gendarmes took the activist from her home in Lobatse to Gaborone on "
                 "Wednesday.")
    assert facts_of(r, "Movement")
    assert not facts_of(r, "Detention")


# --- protest and riot wordings ------------------------------------------------------------
def test_gathered_demanding_is_a_protest(nlp):
    r = run(nlp, "About 60 women had gathered outside the town hall in Tartu demanding "
                 "that bread be sold at the old price.")
    (e,) = facts_of(r, "Protest")
    assert "Tartu" in names(r, e.roles["location"])


def test_gathered_holding_banners_is_a_protest(nlp):
    r = run(nlp, "Dozens of traders have gathered on the road outside the parliament "
                 "building in Riga, holding banners.")
    assert facts_of(r, "Protest")


def test_gathered_for_a_wedding_is_no_protest(nlp):
    r = run(nlp, "Hundreds of guests gathered in Tartu for the wedding on Saturday.")
    assert not facts_of(r, "Protest")


def test_barricades_of_burning_tyres_are_a_riot(nlp):
    r = run(nlp, "Youths in Montego Bay built barricades of stones and burning tyres on "
                 "Sunday.")
    assert facts_of(r, "Riot")


def test_building_a_school_is_no_riot(nlp):
    r = run(nlp, "Youths in Montego Bay built a school on Sunday.")
    assert not facts_of(r, "Riot")


# --- over-general triggers ----------------------------------------------------------------
def test_rejecting_a_charge_or_an_account_is_no_rejection(nlp):
    for text in ("Opposition leader Kofi Mensah accused the government of delaying the "
                 "evacuation, a charge the interior ministry rejected.",
                 "Latvia's Information Minister, Janis Berzins, has rejected Estonia's "
                 "account.",
                 "The minister in Gaborone rejected the criticism."):
        assert not facts_of(run(nlp, text), "Rejection"), text


def test_rejecting_a_decree_stays_a_rejection(nlp):
    r = run(nlp, "The Senate of Uruguay rejected the pensions decree on Monday.")
    assert facts_of(r, "Rejection")


def test_the_names_of_charges_are_no_riot_or_attack(nlp):
    r = run(nlp, "The prosecution charged them with illegal assembly, rioting and "
                 "assaulting public servants in Vaduz.")
    assert not facts_of(r, "Riot")
    assert not facts_of(r, "Attack")


def test_arrested_for_rioting_is_no_riot(nlp):
    r = run(nlp, "Police in Riga arrested 14 youths for rioting on Saturday.")
    assert not facts_of(r, "Riot")


def test_met_with_the_full_force_of_the_law_is_no_meeting_and_no_attack(nlp):
    r = run(nlp, "Attacks on the lives of policemen will be met with the full force of "
                 "the law, the minister in Doha said.")
    assert not facts_of(r, "Meeting")
    assert not facts_of(r, "Attack")


def test_met_with_a_minister_stays_a_meeting(nlp):
    r = run(nlp, "President Anna Ozola met with the foreign minister of Qatar in Riga on "
                 "Monday.")
    assert facts_of(r, "Meeting")


def test_barred_from_polling_stations_is_no_ban(nlp):
    r = run(nlp, "The mission said opposition representatives had been barred from "
                 "several polling stations in Koror.")
    assert not facts_of(r, "Ban")


def test_barred_from_the_election_stays_a_ban(nlp):
    r = run(nlp, "Analysts expect the Unity Party to be barred from the next election in "
                 "Palau.")
    assert facts_of(r, "Ban")


def test_raids_with_arrests_are_no_attack(nlp):
    r = run(nlp, "Detectives carried out 34 raids in Kingston on Tuesday and arrested 27 "
                 "suspects.")
    assert not facts_of(r, "Attack")
    assert facts_of(r, "Arrest")


def test_a_military_raid_that_kills_stays_an_attack(nlp):
    r = run(nlp, "Soldiers raided a rebel camp near Vaduz, killing 11 fighters.")
    assert facts_of(r, "Attack")


def test_appreciation_for_assistance_is_no_aid(nlp):
    r = run(nlp, "The Ministry expresses its sincere appreciation to the Government of "
                 "Qatar for its swift assistance.")
    assert not facts_of(r, "Aid")


def test_participants_blocking_a_highway_is_no_closure(nlp):
    r = run(nlp, "The participants blocked both lanes of the highway near Riga with "
                 "burning tyres.")
    assert not facts_of(r, "Closure")


def test_protesters_burning_tyres_is_no_riot_of_its_own(nlp):
    r = run(nlp, "Protesters burned tyres outside the town hall in Montego Bay on Sunday.")
    assert not facts_of(r, "Riot")


def test_demonstrators_who_had_gathered_are_a_protest(nlp):
    r = run(nlp, "Police used tear gas on Tuesday to disperse several hundred demonstrators "
                 "who had gathered outside the assembly building in Tartu.")
    (e,) = facts_of(r, "Protest")
    assert "Tartu" in names(r, e.roles["location"])


def test_relatives_who_had_gathered_for_a_funeral_are_no_protest(nlp):
    r = run(nlp, "Relatives who had gathered for the funeral in Tartu left on Tuesday.")
    assert not facts_of(r, "Protest")


def test_persons_who_sustained_injuries_are_counted(nlp):
    r = run(nlp, "Seventeen persons sustained injuries in Lobatse, among them eleven police "
                 "officers.")
    (e,) = facts_of(r, "Injury")
    assert _count(e) == 17


def test_a_count_taken_to_hospital_is_an_injury(nlp):
    r = run(nlp, "Nine people died and 37 were taken to hospital in Lusaka.")
    (e,) = facts_of(r, "Injury")
    assert _count(e) == 37
    assert not facts_of(r, "Movement")


def test_a_case_taken_to_court_is_no_injury(nlp):
    r = run(nlp, "Two cases were taken to court in Lusaka on Monday.")
    assert not facts_of(r, "Injury")


def test_questioned_over_a_told_attack_keeps_the_attack(nlp):
    r = run(nlp, "Two men were questioned for the attack on a police station in Riga.")
    assert facts_of(r, "Attack")


def test_one_taken_to_a_hospital_in_a_town_moves_and_adds_no_injury(nlp):
    r = run(nlp, "Two guards were wounded. One of them was taken to a hospital in Lobatse "
                 "with a leg wound.")
    assert facts_of(r, "Movement")
    assert len(facts_of(r, "Injury")) == 1
