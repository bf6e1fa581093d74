"""Round 19 (communication, offices): offices of a state or province, and bodies named
after a word that says what they are, pinned on sentences written for the purpose."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _owners(r, holder: str) -> set[str]:
    return {o for f in facts_of(r, "Position") if names(r, f.roles["holder"]) == {holder}
            for o in names(r, f.roles.get("organization"))}


# --- an office of a state or province belongs to the region, not the country ---------------
def test_a_premier_with_no_owner_is_the_premier_of_the_region_the_text_is_about(nlp):
    r = run(nlp, "Floods cut roads across Copperbelt Province on Monday. Schools in "
                 "Copperbelt Province stayed shut in Zambia. Premier Mwila Banda declared "
                 "a state of emergency.")
    assert _owners(r, "Mwila Banda") == {"Copperbelt Province"}


def test_a_chief_minister_in_a_sentence_naming_one_region_is_its_chief_minister(nlp):
    r = run(nlp, "Benin's health ministry said the outbreak was contained. In Borgou, "
                 "Chief Minister Sika Dossou ordered schools closed.")
    assert _owners(r, "Sika Dossou") == {"Borgou"}


def test_a_premier_whose_title_says_his_region_by_its_adjective_is_its_premier(nlp):
    r = run(nlp, "Floods hit the department of Borgou in Benin on Monday. Borgou closed its "
                 "schools. The Borgouan Premier, Sika Dossou, asked Cotonou for help.")
    assert _owners(r, "Sika Dossou") == {"Borgou"}


def test_a_chief_minister_chairing_a_meeting_in_a_passive_is_the_regions(nlp):
    r = run(nlp, "Cholera spread in Luapula Province this week, and Luapula Province closed "
                 "its markets. At a meeting chaired by Chief Minister Mwila Banda, the "
                 "cabinet approved funds for Zambia's health workers.")
    assert _owners(r, "Mwila Banda") == {"Luapula Province"}


def test_a_premier_with_no_region_named_stays_the_countrys(nlp):
    r = run(nlp, "In Riga, Premier Lukas Ozols said Latvia would send aid.")
    assert _owners(r, "Lukas Ozols") == {"Latvia"}


def test_a_national_minister_is_not_moved_to_the_region(nlp):
    r = run(nlp, "Floods cut roads across Copperbelt Province on Monday. Schools in "
                 "Copperbelt Province stayed shut. In Lusaka, Interior Minister Mwila Banda "
                 "said Zambia would send troops.")
    assert "Copperbelt Province" not in _owners(r, "Mwila Banda")


# --- "the opposition X": the word says what the named body is; the body acts ---------------
def test_the_opposition_party_named_after_the_word_is_an_organisation_that_accuses(nlp):
    r = run(nlp, "The opposition Zambian Green Alliance accused the government of hiding "
                 "the cost of the bridge.")
    (acc,) = facts_of(r, "Accusation")
    assert names(r, acc.roles["agent"]) == {"Zambian Green Alliance"}
    assert any(e.name == "Zambian Green Alliance" and e.type.value == "Organization"
               for e in r.entities)


def test_the_opposition_bloc_with_its_acronym_asks_and_accuses(nlp):
    r = run(nlp, "The opposition Botswana People's Front (BPF) accused the state utility of "
                 "hiding the fault and demanded a judicial inquiry.")
    assert {a for f in facts_of(r, "Request") for a in names(r, f.roles.get("agent"))} \
        == {"Botswana People's Front"}
    assert "opposition" not in {a for f in r.facts for a in names(r, f.roles.get("agent"))}


def test_the_opposition_named_in_one_word_calls_on_a_minister(nlp):
    r = run(nlp, "The opposition Conservatives called on Minister Ieva Ozola to explain to "
                 "parliament why the Riga bridge had not been repaired.")
    (req,) = facts_of(r, "Request")
    assert names(r, req.roles["agent"]) == {"Conservatives"}


def test_the_opposition_alone_stays_as_the_text_says(nlp):
    r = run(nlp, "The opposition accused the government of rigging the vote in Benin.")
    (acc,) = facts_of(r, "Accusation")
    assert names(r, acc.roles["agent"]) == {"opposition"}


# --- "prosecutors in X", "the prosecutor's office in Y": the place tells the body apart ----
def test_prosecutors_in_a_town_open_an_investigation_as_prosecutors_in_that_town(nlp):
    r = run(nlp, "Prosecutors in Francistown have opened an investigation into the fire.")
    (inv,) = facts_of(r, "Investigation")
    assert names(r, inv.roles["agent"]) == {"Prosecutors in Francistown"}
    assert names(r, inv.roles["location"]) == {"Francistown"}


def test_the_prosecutors_office_in_a_town_speaks_with_its_town(nlp):
    r = run(nlp, "The public prosecutor's office in Porto-Novo said the driver had been "
                 "questioned.")
    (st,) = facts_of(r, "Statement")
    assert names(r, st.roles["speaker"]) == {"public prosecutor's office in Porto-Novo"}


def test_a_court_in_a_town_orders_as_the_court_in_that_town(nlp):
    r = run(nlp, "The district court in Daugavpils ordered the two men held for 13 days.")
    (order,) = facts_of(r, "Order")
    assert names(r, order.roles["agent"]) == {"district court in Daugavpils"}


def test_people_who_acted_somewhere_keep_the_place_as_the_events(nlp):
    r = run(nlp, "Two men were arrested by gendarmes in Parakou on Sunday.")
    (arrest,) = facts_of(r, "Arrest")
    assert names(r, arrest.roles["agent"]) == {"gendarmes"}


# --- a count of a body's members is people, not the body -----------------------------------
def test_counted_members_of_a_party_detained_are_the_people(nlp):
    r = run(nlp, "Police detained four senior members of the Botswana Congress Party in "
                 "Gaborone on Friday.")
    (det,) = facts_of(r, "Detention")
    (theme,) = names(r, det.roles["theme"])
    assert theme.startswith("senior members of the Botswana Congress Party")


def test_fighters_of_a_named_front_still_act_as_the_front(nlp):
    r = run(nlp, "Fighters of the Qatar Liberation Front attacked a convoy near Doha.")
    (attack,) = facts_of(r, "Attack")
    assert names(r, attack.roles["agent"]) == {"Qatar Liberation Front"}


def test_counted_members_of_a_force_sent_are_the_force(nlp):
    r = run(nlp, "The government will deploy around 300 members of the Botswana Defence "
                 "Force to guard the border posts.")
    (dep,) = facts_of(r, "Deployment")
    assert names(r, dep.roles["theme"]) == {"Botswana Defence Force"}


def test_prosecutors_in_a_town_in_a_relative_clause_keep_their_town(nlp):
    r = run(nlp, "Prosecutors in Francistown, who opened an investigation into the fire, said "
                 "the cause was unclear.")
    (inv,) = facts_of(r, "Investigation")
    assert names(r, inv.roles["agent"]) == {"Prosecutors in Francistown"}


def test_the_opposition_party_accusing_in_the_passive_is_the_agent(nlp):
    r = run(nlp, "The government was accused by the opposition Botswana People's Front of "
                 "hiding the cost of the bridge.")
    (acc,) = facts_of(r, "Accusation")
    assert names(r, acc.roles["agent"]) == {"Botswana People's Front"}


def test_a_premier_whose_adjective_names_an_unknown_region_gets_no_other_region(nlp):
    r = run(nlp, "Floods hit Harju County in Estonia. Harju County closed its schools. The "
                 "Saaremaan Premier, Liis Tamm, visited Harju County on Monday.")
    assert "Harju County" not in _owners(r, "Liis Tamm")


def test_an_office_set_on_fire_in_a_town_is_no_body_named_with_its_town(nlp):
    r = run(nlp, "Protesters set fire to the ruling party's office in Gaborone on Tuesday.")
    assert not [e for e in r.entities if e.name.endswith("office in Gaborone")]


def test_officials_in_a_town_say_as_officials_in_that_town(nlp):
    r = run(nlp, "Officials in Francistown have closed the river crossing to all boats.")
    (closure,) = facts_of(r, "Closure")
    assert names(r, closure.roles["agent"]) == {"Officials in Francistown"}
