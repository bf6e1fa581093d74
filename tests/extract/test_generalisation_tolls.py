"""Casualty, injury, detention and measure rules fixed against the dev split (issue 15),
each pinned on sentences written for the purpose with other names and countries."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def _count(fact):
    return [q.value for q in fact.roles.get("quantity", [])]


# --- a death or injury denied: a negated fact counting none -----------------------------
def test_no_one_killed_is_a_negated_casualty_of_none(nlp):
    r = run(nlp, "The interior ministry said that no civilians had been killed in Tarsa.")
    (deaths,) = facts_of(r, "Casualties")
    assert deaths.factuality == "negated"
    assert _count(deaths) == [0.0]


def test_no_injuries_reported_is_a_negated_injury(nlp):
    r = run(nlp, "Rangers cleared the bridge and no injuries were reported.")
    (injury,) = facts_of(r, "Injury")
    assert injury.factuality == "negated"


def test_nobody_died_is_a_negated_casualty(nlp):
    r = run(nlp, "A fire brigade spokesman in Osijek said nobody had died.")
    (deaths,) = facts_of(r, "Casualties")
    assert deaths.factuality == "negated"


def test_a_dead_hope_is_still_no_casualty(nlp):
    r = run(nlp, "The plan for a customs union did not die in Tallinn.")
    assert facts_of(r, "Casualties") == []


# --- "were reported killed", "were killed or wounded": the passive verb's subject ---------
def test_reported_killed_takes_the_reporting_verbs_subject(nlp):
    r = run(nlp, "Nine villagers were reported killed near Kindu on Sunday.")
    (deaths,) = facts_of(r, "Casualties")
    assert _count(deaths) == [9.0]


def test_killed_or_wounded_gives_both_facts(nlp):
    r = run(nlp, "No ranger was killed or wounded in the raid near Garoua.")
    (deaths,) = facts_of(r, "Casualties")
    (injury,) = facts_of(r, "Injury")
    assert deaths.factuality == injury.factuality == "negated"


def test_a_bare_number_after_and_is_the_count_of_the_wounded(nlp):
    r = run(nlp, "The clinic in Sokodé said four miners had died and 19 had been injured.")
    (injury,) = facts_of(r, "Injury")
    assert _count(injury) == [19.0]


# --- the figures of a toll -----------------------------------------------------------------
def test_injured_added_to_a_toll_with_with(nlp):
    r = run(nlp, "The civil protection agency put the death toll at 40, with 112 injured.")
    (injury,) = facts_of(r, "Injury")
    assert _count(injury) == [112.0]


def test_a_toll_placed_at_a_figure_takes_that_figure_not_a_share(nlp):
    r = run(nlp, "The relief office placed the death toll at 23, nine of them in Ruyigi.")
    (deaths,) = facts_of(r, "Casualties")
    assert _count(deaths) == [23.0]


# --- who killed: the attack that is the subject of the death ------------------------------
def test_attacks_by_a_group_give_the_deaths_their_agent(nlp):
    r = run(nlp, "Attacks by the Movement for Unity and Jihad (MUJAO) killed more than 900 "
                 "people in Burkina Faso last year.")
    (deaths,) = facts_of(r, "Casualties")
    assert names(r, deaths.roles.get("agent")) == {"Movement for Unity and Jihad"}


# --- closures told as a lasting state; lists of named things --------------------------------
def test_a_border_that_remains_closed_is_a_closure_now(nlp):
    r = run(nlp, "A junta spokesman said the borders of Niveria would remain closed until "
                 "further notice.")
    (closure,) = facts_of(r, "Closure")
    assert closure.factuality is None
    assert names(r, closure.roles.get("theme")) == {"borders of Niveria"}


def test_talks_closed_to_the_press_are_no_closure(nlp):
    r = run(nlp, "The talks in Arusha remain closed to the press.")
    assert facts_of(r, "Closure") == []


def test_two_named_airports_closed_are_two_themes(nlp):
    r = run(nlp, "Kasane Airport and Maun Airport were closed on Thursday.")
    (closure,) = facts_of(r, "Closure")
    assert names(r, closure.roles.get("theme")) == {"Kasane Airport", "Maun Airport"}


def test_a_list_of_goods_stays_one_theme(nlp):
    r = run(nlp, "The agency delivered flour, lentils and cooking oil to displaced families "
                 "in Kosti.")
    (aid,) = facts_of(r, "Aid")
    assert len(aid.roles.get("theme", [])) == 1


# --- aid: who receives it ------------------------------------------------------------------
def test_aid_sent_to_hospitals_names_them_as_addressee(nlp):
    r = run(nlp, "The Red Cross said it had sent medical supplies to hospitals in Kasai.")
    (aid,) = facts_of(r, "Aid")
    assert any("hospitals" in a for a in names(r, aid.roles.get("addressee")))


# --- no event: an idiom, a stance ----------------------------------------------------------
def test_the_minister_in_charge_of_reforms_is_no_charge(nlp):
    r = run(nlp, "The decree was read by Adama Keita, the minister in charge of political "
                 "reforms.")
    assert facts_of(r, "Charge") == []


def test_defending_a_crackdown_is_no_protection(nlp):
    r = run(nlp, "Prime Minister Juma Kalonzo defended the crackdown, saying the law would "
                 "protect national sovereignty.")
    assert facts_of(r, "Protection") == []


# --- measures imposed by someone, told after the noun; platforms blocked one by one ---------
def test_a_curfew_imposed_by_an_office_has_it_as_agent(nlp):
    r = run(nlp, "The curfew imposed by the Lusaka District Office on Monday evening shall "
                 "remain in force throughout the Lusaka Valley until Wednesday.")
    (curfew,) = facts_of(r, "Curfew")
    assert names(r, curfew.roles.get("agent")) == {"Lusaka District Office"}
    assert curfew.factuality is None  # in force now, whatever "shall remain" says


def test_a_shutdown_joined_to_a_curfew_shares_its_imposer(nlp):
    r = run(nlp, "A night-time curfew and an internet shutdown imposed by the Government of "
                 "Tamaria would stay in force for now, a spokesman said.")
    (shutdown,) = facts_of(r, "CommunicationsShutdown")
    assert names(r, shutdown.roles.get("agent")) == {"Government of Tamaria"}
    assert shutdown.factuality is None


def test_access_blocked_to_three_platforms_is_three_themes(nlp):
    r = run(nlp, "The regulator in Dushanbe blocked access to Facebook, WhatsApp and Telegram "
                 "for 15 hours.")
    (shutdown,) = facts_of(r, "CommunicationsShutdown")
    assert names(r, shutdown.roles.get("theme")) == {"Facebook", "WhatsApp", "Telegram"}
