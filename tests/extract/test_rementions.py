"""One fact per real event (docs/evaluation.md, "Facts: which to annotate"): a headline's
speaker and the body's speaker of one update make one Statement once names are resolved.
Sentences invented for the purpose."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, run


def test_a_headline_speaker_resolved_to_the_body_speaker_is_one_statement(nlp):
    r = run(nlp, "Fiji's armed forces said on Monday its patrol boats had fired on a "
                 "fishing vessel off Lautoka.",
            headline="Fijian military confirms shots off Lautoka")
    statements = facts_of(r, "Statement")
    assert len(statements) == 1
    assert "fishing vessel" in statements[0].roles["gist"][0]
