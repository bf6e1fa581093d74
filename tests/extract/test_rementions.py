"""One fact per real event (docs/evaluation.md, "Facts: which to annotate"): people named
by what happened to them are no new event, and one speaker of one update makes one
Statement once names are resolved. Sentences invented for the purpose."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, run


def test_those_detained_is_no_second_detention(nlp):
    r = run(nlp, "Police detained 40 people in Lusaka on Monday. Twelve of those detained "
                 "were charged with arson.")
    assert len(facts_of(r, "Detention")) == 1
    assert facts_of(r, "Charge")


def test_among_those_arrested_is_no_new_event(nlp):
    r = run(nlp, "Among those arrested in Porto-Novo was opposition leader Koffi Adjovi.")
    assert not facts_of(r, "Arrest")
    assert not facts_of(r, "Detention")


def test_a_headline_speaker_resolved_to_the_body_speaker_is_one_statement(nlp):
    r = run(nlp, "Fiji's armed forces said on Monday its patrol boats had fired on a "
                 "fishing vessel off Lautoka. The military added that no one was hurt.",
            headline="Fijian military confirms shots off Lautoka")
    statements = facts_of(r, "Statement")
    assert len(statements) == 1
    assert "no one was hurt" in statements[0].roles["gist"][0]
