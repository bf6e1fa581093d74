"""Triggers read in another sense (round 22): a verb or noun of an event type used in a
sense that tells no such event gives no fact of that type, while the event's own sense
still does. Invented sentences set in Latvia, Estonia, Botswana, Qatar, Palau and Nauru."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


# --- a movement verb whose goal or origin is a state ---------------------------------------
def test_flags_flying_at_half_mast_are_no_movement(nlp):
    r = run(nlp, "The president said the flags on public buildings in Riga would fly at "
                 "half-mast until Friday.")
    assert not facts_of(r, "Movement")


def test_a_train_leaving_the_track_is_no_movement(nlp):
    r = run(nlp, "The train, carrying grain from Tallinn toward Tartu, left the track at "
                 "about 4:50 a.m.")
    assert not facts_of(r, "Movement")


def test_a_city_brought_to_a_standstill_is_no_movement(nlp):
    r = run(nlp, "A taxi strike brought the centre of Gaborone to a standstill on Monday.")
    assert not facts_of(r, "Movement")


def test_a_missile_reaching_an_altitude_is_no_movement(nlp):
    r = run(nlp, "The Qatari defence ministry said the rocket reached an altitude of roughly "
                 "600 kilometres on a steep trajectory.")
    assert not facts_of(r, "Movement")


def test_people_leaving_a_city_still_move(nlp):
    r = run(nlp, "About 300 Latvian police officers left Riga on Monday and arrived in "
                 "Tallinn on Tuesday.")
    assert facts_of(r, "Movement")


# --- a figure given for a loss: the one who reckons it did not cause it --------------------
def test_losses_put_at_a_figure_have_no_agent(nlp):
    r = run(nlp, "Auditors in Tallinn put the losses to the state fund at about 23 million "
                 "euros.")
    for e in facts_of(r, "Damage"):
        assert not e.roles.get("agent")


def test_ministers_crossing_the_floor_are_no_movement(nlp):
    r = run(nlp, "The prime minister of Palau lost his majority after three of his ministers "
                 "crossed the floor.")
    assert not facts_of(r, "Movement")


def test_a_party_returning_to_power_is_no_movement(nlp):
    r = run(nlp, "The party returned to power in Riga in 2021, ending a decade in opposition.")
    assert not facts_of(r, "Movement")


def test_a_visit_to_a_command_post_is_still_a_movement(nlp):
    r = run(nlp, "Botswana's president, Mpho Kgosi, visited the command post in Maun on "
                 "Tuesday.")
    assert facts_of(r, "Movement")


def test_soldiers_crossing_a_border_still_move(nlp):
    r = run(nlp, "About 200 Estonian soldiers crossed the border into Latvia on Monday.")
    assert facts_of(r, "Movement")


# --- a phrase never ends inside a hyphenated word ------------------------------------------
def test_an_ordered_re_poll_keeps_its_prefix(nlp):
    r = run(nlp, "The commission is expected to order re-polling at thirty booths in Maun "
                 "next week.")
    (e,) = facts_of(r, "Order")
    assert names(r, e.roles["theme"]) == {"re-polling"}


def test_a_rejected_re_election_keeps_its_prefix(nlp):
    r = run(nlp, "Botswana: seven killed in Gaborone as opposition rejects Masire's "
                 "re-election, internet cut")
    (e,) = facts_of(r, "Rejection")
    assert names(r, e.roles["theme"]) == {"Masire's re-election"}
