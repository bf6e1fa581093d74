"""Trigger words and shapes added for unseen news (issue 15, trigger coverage), each pinned
on invented sentences with other names than the dev texts', with a false sense beside it."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def test_leaving_an_organisation_is_a_decision(nlp):
    r = run(nlp, "Nicaragua left the Organization of American States in 2021.")
    (d,) = facts_of(r, "Decision")
    assert names(r, d.roles["agent"]) == {"Nicaragua"}
    r = run(nlp, "The junta pulled the country out of the regional bloc in 2023.")
    assert facts_of(r, "Decision")
    r = run(nlp, "The new government in Lima withdrew from the trade pact in March.")
    assert facts_of(r, "Decision")
    # leaving a place or a party is no decision of this kind; troops withdrawing withdraw
    assert not facts_of(run(nlp, "The minister left the capital on Monday."), "Decision")
    r = run(nlp, "French troops withdrew from the base in Gao.")
    assert not facts_of(r, "Decision") and facts_of(r, "Withdrawal")


def test_weapons_found_in_a_search_are_seized(nlp):
    r = run(nlp, "Police recovered 40 rifles and 3,000 rounds of ammunition in Mombasa.")
    (s,) = facts_of(r, "Seizure")
    assert s.roles["quantity"][0].value == 40
    assert facts_of(run(nlp, "Guards found 9 pistols and a grenade in the cells at Kolda."),
                    "Seizure")
    # bodies recovered, findings of an inquiry: nothing taken
    assert not facts_of(run(nlp, "Firefighters recovered 12 bodies from the river in Beira."),
                        "Seizure")
    assert not facts_of(run(nlp, "Investigators found that the fire started in a heater."),
                        "Seizure")


def test_people_captured_are_detained(nlp):
    r = run(nlp, "Troops killed 30 militants near Gao and captured 25 others.")
    assert facts_of(r, "Detention") and not facts_of(r, "Seizure")
    r = run(nlp, "The rebels captured the town of Kindia after two days of fighting.")
    assert facts_of(r, "Seizure") and not facts_of(r, "Detention")


def test_taking_shelter_is_a_movement(nlp):
    r = run(nlp, "About 400 families sought refuge in schools in Kasese on Monday.")
    (m,) = facts_of(r, "Movement")
    assert m.roles["quantity"][0].value == 400


def test_claimed_lives_are_casualties(nlp):
    r = run(nlp, "The storm has claimed the lives of 12 people in Tonga.")
    (c,) = facts_of(r, "Casualties")
    assert c.roles["quantity"][0].value == 12
    assert not c.roles.get("theme")  # the storm did not die


def test_counted_buildings_that_collapse_are_damage(nlp):
    r = run(nlp, "Twelve houses collapsed in the village of Tala.")
    (d,) = facts_of(r, "Damage")
    assert d.roles["quantity"][0].value == 12
    assert not facts_of(run(nlp, "Talks between the two parties collapsed in Geneva."),
                        "Damage")


def test_refusing_bail_is_a_rejection(nlp):
    r = run(nlp, "A court in Nairobi refused bail to the opposition leader Peter Otieno on "
                 "Monday.")
    (rej,) = facts_of(r, "Rejection")
    assert names(r, rej.roles["theme"]) == {"Peter Otieno"}
    r = run(nlp, "A court in Lusaka refused to release the activist Mary Banda on bail.")
    assert facts_of(r, "Rejection")


def test_voting_down_is_a_rejection_and_a_tally_no_election(nlp):
    r = run(nlp, "Lawmakers in Lima voted down the budget bill by 70 votes to 45.")
    assert facts_of(r, "Rejection") and not facts_of(r, "Election")
    r = run(nlp, "The bill was passed by 61 votes to 20 in Riga.")
    assert not facts_of(r, "Election")


def test_a_winning_margin_is_an_election(nlp):
    r = run(nlp, "Ana Ruiz won by more than 4,000 votes in the mayoral race in Cusco.")
    (e,) = facts_of(r, "Election")
    assert names(r, e.roles["theme"]) == {"Ana Ruiz"}
    assert not facts_of(run(nlp, "The bill won approval by 70 votes to 45 in Lima."), "Election")


def test_a_regulator_suspending_a_broadcaster_is_a_sanction(nlp):
    r = run(nlp, "The media regulator in Accra suspended two private broadcasters for a month.")
    assert facts_of(r, "Sanction") and not facts_of(r, "Closure")


def test_reimposed_sanctions_have_their_agent(nlp):
    r = run(nlp, "The European Union reimposed sanctions on six officials in Minsk.")
    (s,) = facts_of(r, "Sanction")
    assert s.roles.get("agent")


def test_an_offence_named_is_no_event(nlp):
    r = run(nlp, "Prosecutors opened an investigation into the crimes of armed rebellion "
                 "and protest.")
    assert not facts_of(r, "Protest")


def test_annulled_results_are_a_decision(nlp):
    r = run(nlp, "The electoral court annulled the ballots of 30 polling stations in Oruro.")
    (d,) = facts_of(r, "Decision")
    assert "ballots" in d.roles["theme"][0]
    r = run(nlp, "The results of 30 polling stations in Oruro were annulled by the court.")
    assert facts_of(r, "Decision")
    # a measure lifted in the passive tells no decision of its own
    assert not facts_of(run(nlp, "The curfew in Kandy will be lifted on Wednesday."), "Decision")


def test_ruling_by_decree_is_a_decision(nlp):
    r = run(nlp, "The president of Peru said he would govern by decree until the elections.")
    (d,) = facts_of(r, "Decision")
    assert d.roles["theme"][0].startswith("govern by decree")


def test_a_remand_is_an_order_of_the_court(nlp):
    r = run(nlp, "The magistrate remanded the three suspects in custody until May 2.")
    (o,) = facts_of(r, "Order")
    assert o.roles["theme"][0].startswith("remanded the three suspects in custody")


def test_a_plot_to_overthrow_is_a_hypothetical_coup(nlp):
    r = run(nlp, "Officers plotted to overthrow President Amadou Sall in Dakar.")
    (c,) = facts_of(r, "Coup")
    assert c.factuality == "hypothetical"


def test_people_moved_to_evacuation_centres_are_evacuated(nlp):
    r = run(nlp, "About 900 residents of Ormoc were moved to evacuation centres by the army.")
    assert facts_of(r, "Evacuation") and not facts_of(r, "Movement")
    r = run(nlp, "The battalion moved to a base camp near Ormoc.")
    assert not facts_of(r, "Evacuation")


def test_a_place_that_owns_a_protest_is_its_location(nlp):
    r = run(nlp, "Chile's protests over bus fares spread to Valparaiso in October.")
    (p,) = facts_of(r, "Protest")
    assert "Chile" in names(r, p.roles["location"])
    r = run(nlp, "The union's strike over wages in Lagos entered its third day.")
    (p,) = facts_of(r, "Protest")
    assert names(r, p.roles["location"]) == {"Lagos"}


def test_an_event_after_which_others_happened_takes_no_stray_date(nlp):
    r = run(nlp, "Farmers marched through Quito for a week after the congress passed the water "
                 "law, and in May 2019 thousands of them blocked the main roads.")
    (a,) = facts_of(r, "Approval")
    assert not a.roles.get("date")  # May 2019 is the blockade's
