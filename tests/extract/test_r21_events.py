"""Round 21, events: forces and help that move, on invented sentences.

- a deployment's second purpose joined to the first ("sent to help X and to guard Y") is a
  Protection as the first would be, its agent the named force (the one sent, else the
  force, not a state, sending an unnamed unit);
- a force sent with no place of its own is sent where its purpose acts ("to guard the
  depots in X": X; not "to clear the road to X");
- an arrival counts what it carries ("landed carrying six injured hikers": six) or what its
  group is made of ("a group of 120 firefighters landed": 120);
- a sum of money keeps its currency sign or code and its scale word ("$4 million": four
  million USD; "EUR 1.5 million": EUR).
"""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


# --- a second purpose joined to the first --------------------------------------------------
def test_second_purpose_is_a_protection_of_the_sending_force(nlp):
    r = run(nlp, "The Botswana Defence Force has sent 900 soldiers to Maun and Kasane to "
                 "help firefighters and to guard evacuated villages against looting.")
    (p,) = facts_of(r, "Protection")
    assert names(r, p.roles["agent"]) == {"Botswana Defence Force"}
    assert any("evacuated villages" in t for t in names(r, p.roles["theme"]))
    assert {"Maun", "Kasane"} <= names(r, p.roles.get("location"))


def test_second_purpose_of_a_passive_deployment_takes_the_named_unit(nlp):
    r = run(nlp, "About 250 officers of the Special Support Group were deployed to "
                 "Francistown to clear the main roads and to protect the water works.")
    (p,) = facts_of(r, "Protection")
    assert names(r, p.roles["agent"]) == {"Special Support Group"}
    assert "water works" in names(r, p.roles["theme"])


def test_second_purpose_hung_on_a_participle_is_still_a_purpose(nlp):
    r = run(nlp, "Minister Kelesitse Moatlhodi said about 400 officers of the Special "
                 "Support Group had been sent to seal off roads leading out of the town and "
                 "to guard the prison.")
    (p,) = facts_of(r, "Protection")
    assert names(r, p.roles["agent"]) == {"Special Support Group"}


def test_a_list_of_common_nouns_sent_is_one_guarding_force(nlp):
    r = run(nlp, "Soldiers and police were deployed to help with the evacuation and to "
                 "guard homes left empty in the villages of Kazungula and Sesheke.")
    (p,) = facts_of(r, "Protection")
    assert len(p.roles["agent"]) == 1
    assert not any(e.type.value == "ArmedForce" for e in r.entities)


def test_a_joined_clause_with_its_own_subject_is_no_purpose(nlp):
    r = run(nlp, "The Latvian army sent 200 soldiers to Daugavpils to clear roads, and "
                 "police guard the bridge.")
    for p in facts_of(r, "Protection"):
        assert "Latvian army" not in names(r, p.roles.get("agent"))


def test_a_state_sending_soldiers_guards_through_them(nlp):
    r = run(nlp, "Qatar deployed 300 soldiers to Doha port to clear the docks and to "
                 "secure the main supply road.")
    (p,) = facts_of(r, "Protection")
    assert "Qatar" not in names(r, p.roles.get("agent"))


# --- where a purpose acts -------------------------------------------------------------------
def test_deployment_is_where_its_purpose_guards(nlp):
    r = run(nlp, "The Zambia Army deployed 500 soldiers on Monday to guard fuel depots in "
                 "Ndola.")
    (d,) = facts_of(r, "Deployment")
    assert names(r, d.roles.get("location")) == {"Ndola"}


def test_places_of_a_place_noun_in_the_purpose(nlp):
    r = run(nlp, "Soldiers and police were deployed to help with the evacuation and to "
                 "guard homes left empty in the villages of Kazungula and Sesheke.")
    (d,) = facts_of(r, "Deployment")
    assert names(r, d.roles.get("location")) == {"Kazungula", "Sesheke"}


def test_end_of_a_road_to_clear_is_no_place_of_the_force(nlp):
    r = run(nlp, "The army deployed 200 soldiers to clear the road to Livingstone.")
    (d,) = facts_of(r, "Deployment")
    assert "Livingstone" not in names(r, d.roles.get("location"))


# --- counts of what arrives -------------------------------------------------------------
def test_craft_landing_counts_what_it_carries(nlp):
    r = run(nlp, "A second Jamaica Defence Force helicopter has landed in Kingston carrying "
                 "six injured hikers.")
    (mv,) = facts_of(r, "Movement")
    (q,) = mv.roles["quantity"]
    assert q.value == 6


def test_group_landing_counts_its_members(nlp):
    r = run(nlp, "On Saturday evening a group of 120 firefighters from Qatar's civil defence "
                 "landed at Hamad International Airport in Doha.")
    (mv,) = facts_of(r, "Movement")
    (q,) = mv.roles["quantity"]
    assert q.value == 120


def test_team_of_experts_has_no_count(nlp):
    r = run(nlp, "A team of experts from the Estonian Health Board arrived in Narva on "
                 "Tuesday.")
    for mv in facts_of(r, "Movement"):
        assert not mv.roles.get("quantity")


# --- sums of money -------------------------------------------------------------------------
def test_pledged_dollars_keep_their_currency(nlp):
    r = run(nlp, "Qatar has pledged $4 million to the relief effort, the foreign ministry "
                 "said.")
    (a,) = facts_of(r, "Aid")
    (q,) = a.roles["quantity"]
    assert (q.value, q.unit) == (4_000_000, "USD")


def test_currency_code_before_the_amount_is_its_unit(nlp):
    r = run(nlp, "The European Union has provided EUR 1.5 million in humanitarian assistance "
                 "to Vanuatu.")
    (a,) = facts_of(r, "Aid")
    (q,) = a.roles["quantity"]
    assert (q.value, q.unit) == (1_500_000, "EUR")


def test_a_plain_sum_after_its_sign(nlp):
    r = run(nlp, "Jamaica has pledged $250,000 in emergency funds, the embassy said.")
    (a,) = facts_of(r, "Aid")
    (q,) = a.roles["quantity"]
    assert (q.value, q.unit) == (250_000, "USD")
