"""Who was told and who was asked (round 23): the hearer of a statement in the wordings of
many outlets, and the one asked by "called on" when the parser reads "on" as a particle.

Invented sentences set in Zambia, Botswana, Jamaica, Latvia, Palau and Qatar, with invented
people.
"""

from __future__ import annotations

from event_helpers import facts_of, names, run


def _addressees(result) -> list[set[str]]:
    return [names(result, f.roles.get("addressee")) for f in facts_of(result, "Statement")]


def test_told_outlet_before_a_bare_clause_is_the_addressee(nlp):
    # "told X <clause>" without "that": the parser calls the hearer a dative
    r = run(nlp, "Traders in Mongu told the ZNBC most of the market stalls had been washed "
                 "away.")
    assert any("ZNBC" in a for a in _addressees(r))


def test_told_paper_the_entity_readers_missed_keeps_its_name(nlp):
    r = run(nlp, 'Jamaican MP Alicia Brown has written to the minister. "Flooding in '
                 'Kingston was worse than expected," she told the Observer.')
    assert any("Observer" in a for a in _addressees(r))


def test_speaker_who_spoke_to_the_paper(nlp):
    r = run(nlp, "Farmers in Maun who spoke to the Herald said the river had burst its banks "
                 "overnight.")
    assert any(any("Herald" in x for x in a) for a in _addressees(r))


def test_speaker_talking_to_reporters_in_apposition(nlp):
    r = run(nlp, "The district commissioner, Ms Chanda Phiri, talking to reporters in "
                 "Lusaka, said the bridge would reopen next week.")
    assert any("reporters" in a for a in _addressees(r))


def test_source_reached_by_this_paper(nlp):
    r = run(nlp, "The clinic in Koror ran out of vaccines last week, according to nurses "
                 "reached by this paper.")
    assert any(any("paper" in x for x in a) for a in _addressees(r))


def test_relative_clause_of_another_act_names_no_hearer(nlp):
    # a clause on the speaker about something else says nothing of who heard it
    r = run(nlp, "Officials who travelled to Riga on Monday said the talks had stalled.")
    assert not any(_addressees(r))


def _requests(result) -> list[tuple[set[str], set[str], set[str]]]:
    return [(names(result, f.roles.get("agent")), names(result, f.roles.get("addressee")),
             names(result, f.roles.get("theme"))) for f in facts_of(result, "Request")]


def test_called_on_read_as_a_particle_still_asks_its_object(nlp):
    r = run(nlp, "The Governor of Chobe, Thabo Molefe, thanked the rangers for their work, and "
                 "called on farmers to report any stray cattle to the police.")
    assert any("farmers" in who and any(t.startswith("report any stray cattle")
                                        for t in what) for _a, who, what in _requests(r))


def test_honorific_subject_asks_through_the_apposed_name(nlp):
    r = run(nlp, "His Excellency Sheikh Nasser bin Faleh al Marri, Governor of Al Wakrah, "
                 "thanked the rangers for their work, and called on farmers to report any "
                 "stray cattle.")
    assert any("Nasser bin Faleh al Marri" in agent and "farmers" in who
               for agent, who, _w in _requests(r))
