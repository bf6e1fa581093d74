"""Who was told: the hearer of a statement in the wordings of many outlets (round 23).

Invented sentences set in Zambia, Botswana, Jamaica, Latvia and Palau, with invented people.
"""

from __future__ import annotations

from event_helpers import facts_of, names, run


def _addressees(result) -> list[set[str]]:
    return [names(result, f.roles.get("addressee")) for f in facts_of(result, "Statement")]


def test_told_outlet_before_a_bare_clause_is_the_addressee(nlp):
    # "told X <clause>" without "that": the parser calls the hearer a dative
    r = run(nlp, "Residents of Mongu told the ZNBC many of them had been given two hours "
                 "to leave their homes.")
    assert any("ZNBC" in a for a in _addressees(r))


def test_told_paper_the_entity_readers_missed_keeps_its_name(nlp):
    r = run(nlp, 'Jamaican MP Alicia Brown has written to the minister. "Flooding in '
                 'Kingston was worse than expected," she told the Observer.')
    assert any("Observer" in a for a in _addressees(r))


def test_speaker_who_spoke_to_our_correspondent(nlp):
    r = run(nlp, "Farmers in Maun who spoke to our correspondent said the river had burst "
                 "its banks overnight.")
    assert any(any("correspondent" in x for x in a) for a in _addressees(r))


def test_speaker_speaking_to_journalists_in_apposition(nlp):
    r = run(nlp, "The Commissioner of Police, Mr Bwalya Chanda, speaking to journalists in "
                 "Lusaka on Tuesday, said three men were arrested.")
    assert any("journalists" in a for a in _addressees(r))


def test_source_contacted_by_this_newspaper(nlp):
    r = run(nlp, "At least 300 schools were closed in Koror, according to teachers "
                 "contacted by this newspaper.")
    assert any(any("newspaper" in x for x in a) for a in _addressees(r))


def test_relative_clause_of_another_act_names_no_hearer(nlp):
    # a clause on the speaker about something else says nothing of who heard it
    r = run(nlp, "Officials who travelled to Riga on Monday said the talks had stalled.")
    assert not any(_addressees(r))

