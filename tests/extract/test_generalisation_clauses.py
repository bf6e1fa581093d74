"""Events told in a second clause, a conjunct, a relative clause or a list item, and the
factuality of claimed, denied and foiled events: each rule pinned on invented sentences
(other names, other countries than the dev texts)."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _count(fact):
    return [q.value for q in fact.roles.get("quantity", [])]


# --- a conjoined participle shares the patient of the passive before it ----------------
def test_arrested_and_charged(nlp):
    r = run(nlp, "The journalist was arrested in Lusaka on Monday and charged with espionage.")
    (charge,) = facts_of(r, "Charge")
    assert names(r, charge.roles["theme"]) == {"journalist"}
    assert facts_of(r, "Arrest")


def test_taken_hostage_and_later_freed(nlp):
    r = run(nlp, "Three aid workers were taken hostage by gunmen near Kaya and later freed.")
    (release,) = facts_of(r, "Release")
    assert names(r, release.roles["theme"]) == {"aid workers"}
    assert "agent" not in release.roles  # the gunmen took them; who freed them is not said
    r = run(nlp, "Five health workers were taken hostage by militiamen overnight and were "
                 "freed after talks, the ministry said.")
    assert facts_of(r, "Release")


def test_one_detention_told_twice_is_one_fact(nlp):
    r = run(nlp, "The activist was detained by intelligence officers in Gulu in April and has "
                 "been held in a prison in Kampala since then.")
    assert len(facts_of(r, "Detention")) == 1


def test_a_participle_after_an_active_verb_takes_no_patient(nlp):
    r = run(nlp, "The ruling has not yet entered into force and may be appealed within a week.")
    assert not facts_of(r, "Request")


# --- a conjunct or second clause without the first one's trigger ---------------------------
def test_killed_and_left_injured(nlp):
    r = run(nlp, "The cyclone has claimed the lives of 14 people and left 35 others injured.")
    (injury,) = facts_of(r, "Injury")
    assert _count(injury) == [35]


def test_treated_for_injuries_in_a_second_clause(nlp):
    r = run(nlp, "The ministry has confirmed seven deaths, and the hospital in Lautoka has "
                 "treated 50 people for injuries.")
    (injury,) = facts_of(r, "Injury")
    assert _count(injury) == [50]
    assert facts_of(r, "Casualties")


def test_after_a_noun_and_a_finite_verb_is_a_clause(nlp):
    r = run(nlp, "The fire service said its crews had recovered 12 bodies from the wing after "
                 "inmates set mattresses on fire.")
    (arson,) = facts_of(r, "Arson")
    assert names(r, arson.roles["agent"]) == {"inmates"}
    # the same with "set" read as a participle with an object
    r = run(nlp, "The fire brigade said its crews had recovered 19 bodies, several of them "
                 "burned, from block 4 after inmates set mattresses on fire.")
    arson = [f for f in facts_of(r, "Arson") if f.roles.get("agent")]
    assert [names(r, f.roles["agent"]) for f in arson] == [{"inmates"}]


def test_a_relative_clause_in_an_accused_person_is_told_as_fact(nlp):
    r = run(nlp, "The minister accused Radu Ionescu, a banker who was sentenced in absentia to "
                 "nine years in prison for embezzlement in 2021, of funding the riots.")
    (conviction,) = facts_of(r, "Conviction")
    assert names(r, conviction.roles["theme"]) == {"Radu Ionescu"}
    assert facts_of(r, "Accusation")


# --- enumerated measures take the header's subject -----------------------------------------
def test_list_items_take_the_subject_of_their_header(nlp):
    r = run(nlp, "The Northern Regional Security Council has:\n"
                 "   a) imposed a curfew from 8 p.m. in Tamale and Bolgatanga;\n"
                 "   b) banned all public rallies in the region;\n"
                 "   c) closed the border crossing at Paga.\n")
    for kind in ("Curfew", "Ban", "Closure"):
        (fact,) = facts_of(r, kind)
        assert names(r, fact.roles["agent"]) == {"Northern Regional Security Council"}, kind


def test_a_sentence_without_subject_outside_a_list_takes_none(nlp):
    r = run(nlp, "The Northern Regional Security Council met on Monday:\n"
                 "Closed the border crossing at Paga.\n")
    for fact in facts_of(r, "Closure"):
        assert "agent" not in fact.roles


# --- factuality -----------------------------------------------------------------------------
def test_a_claim_followed_by_a_clause_after_a_semicolon_stays_claimed(nlp):
    r = run(nlp, "The militants claimed on their radio station to have killed 30 soldiers and "
                 "captured three trucks; neither claim could be verified.")
    assert [f.factuality for f in facts_of(r, "Casualties")] == ["claimed"]
    assert [f.factuality for f in facts_of(r, "Seizure")] == ["claimed"]


def test_what_denied_reports_say_is_claimed(nlp):
    r = run(nlp, "The army denied reports that its jets had bombed a village near Kindu, "
                 "killing six people.")
    assert [f.factuality for f in facts_of(r, "Attack")] == ["claimed"]
    assert [f.factuality for f in facts_of(r, "Casualties")] == ["claimed"]


def test_a_plan_in_the_past_perfect_is_hypothetical(nlp):
    r = run(nlp, "The officers had planned to attack the presidential palace and seize the "
                 "state broadcaster.")
    assert [f.factuality for f in facts_of(r, "Attack")] == ["hypothetical"]
    assert [f.factuality for f in facts_of(r, "Seizure")] == ["hypothetical"]
    r = run(nlp, "The government plans to deploy 500 police officers to the border.")
    assert [f.factuality for f in facts_of(r, "Deployment")] == ["future"]


def test_a_conjunct_clause_does_not_take_the_modal_of_the_first(nlp):
    r = run(nlp, "The minister said further arrests could follow, and that troops would be "
                 "deployed around the airport.")
    assert [f.factuality for f in facts_of(r, "Deployment")] == ["future"]


def test_deaths_not_yet_confirmed_are_claimed(nlp):
    r = run(nlp, "The Red Cross reported three further deaths in Kibuye which have not been "
                 "confirmed by the ministry.")
    assert [f.factuality for f in facts_of(r, "Casualties")] == ["claimed"]


def test_an_event_called_a_claim_that_was_denied_is_claimed(nlp):
    r = run(nlp, "Relatives said on social media that soldiers had fired on unarmed prisoners "
                 "during the operation, a claim the military rejected as false.")
    assert [f.factuality for f in facts_of(r, "Attack")] == ["claimed"]
    r = run(nlp, "Police arrested 40 protesters in Quito on Friday, a spokesman said.")
    assert [f.factuality for f in facts_of(r, "Arrest")] == [None]


def test_a_clause_after_two_days_after_read_as_a_phrase(nlp):
    # the parser hangs "left" on the main verb and "clashes" on "after": the injuries are
    # the clashes', two days before the main clause's Tuesday, not the police units'
    r = run(nlp, "Police special units took control of the town hall in Mitrovica early on "
                 "Tuesday, two days after violent clashes between protesters and peacekeepers "
                 "in nearby Zubin Potok left nine soldiers injured.")
    (injury,) = facts_of(r, "Injury")
    assert "agent" not in injury.roles
    assert [t.value for t in injury.roles["date"]] == ["2023-03-12"]


def test_an_attack_that_killed_people_hit_them(nlp):
    r = run(nlp, "Twelve villagers were killed by artillery fire in Goma on Monday.")
    (attack,) = facts_of(r, "Attack")
    assert names(r, attack.roles["theme"]) == {"villagers"}
    r = run(nlp, "The ministry rejected the allegation that 200 civilians were killed by air "
                 "strikes in Kalemie.")
    (attack,) = facts_of(r, "Attack")
    assert attack.factuality == "claimed"
    assert names(r, attack.roles["theme"]) == {"civilians"}
