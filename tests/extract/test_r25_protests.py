"""Round 25, protests and strikes in institutional news: a cause told by a clause ("calling
for the funds to be returned", "demanding that the minister resign"), an act noun whose
infinitive the parser hangs on the verb ("against the refusal of the chairman to table
it"), and a strike called for a day by those who hold it ("called a general strike
for Friday, saying ...")."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def test_cause_is_the_clause_a_calling_for_opens(nlp):
    r = run(nlp, "Some sixty Kanye stallholders picketed the district council offices in "
                 "Gaborone early on Monday, waving banners and calling for the missing "
                 "levies to be paid back to the market.")
    [protest] = facts_of(r, "Protest")
    [cause] = names(r, protest.roles.get("cause"))
    assert cause.startswith("the missing levies to be paid back")


def test_cause_is_the_that_clause_demanded(nlp):
    r = run(nlp, "Hundreds of nurses marched in Tartu on Friday, demanding that the health "
                 "minister resign.")
    [protest] = facts_of(r, "Protest")
    [cause] = names(r, protest.roles.get("cause"))
    assert cause == "the health minister resign"


def test_refusal_keeps_its_infinitive(nlp):
    r = run(nlp, "The opposition staged a walkout in the assembly in Porto-Novo on Tuesday, "
                 "protesting against the repeated refusal of Speaker Koffi Adjovi to send the "
                 "bill to a select committee.")
    [protest] = facts_of(r, "Protest")
    [cause] = names(r, protest.roles.get("cause"))
    assert cause.startswith("repeated refusal of Speaker Koffi Adjovi to send the bill")


def test_strike_called_for_a_day_is_to_come_with_what_was_said(nlp):
    r = run(nlp, "The public servants' union of Botswana called a one-day national strike "
                 "in Gaborone for Thursday, saying the wage offer ignored inflation.")
    [protest] = facts_of(r, "Protest")
    assert protest.factuality == "future"
    [cause] = names(r, protest.roles.get("cause"))
    assert cause == "the wage offer ignored inflation"


def test_called_off_or_undated_call_is_no_strike(nlp):
    r = run(nlp, "The Kingston bus drivers' union vowed that it will never call off its "
                 "stoppage.")
    assert not [f for f in facts_of(r, "Protest") if f.factuality in (None, "asserted")]
    r = run(nlp, "A residents' group has called a fresh march in Kanye to demand that the "
                 "quarry licence be revoked.")
    assert not facts_of(r, "Protest")

