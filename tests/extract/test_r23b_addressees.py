"""Round 23, second wave: addressees and requests of letters (kg/extract/letters.py)."""

from __future__ import annotations

from event_helpers import requests_of, run


def test_letter_asking_for_asks_the_one_written_to(nlp):
    r = run(nlp, "Foreign Minister Kalu Tembo said she had written to the president of the "
                 "African Union on Monday asking for an urgent summit on the crisis.")
    assert any("Kalu Tembo" in agent and "urgent summit on the crisis" in theme and addressee
               for addressee, theme, agent in requests_of(r))


def test_letter_requesting_a_deployment_keeps_the_deployment_as_theme(nlp):
    r = run(nlp, "The Minister of Health, Dr. Ines Kalnina, has written to the World Health "
                 "Organization in Geneva requesting the deployment of a team of twelve doctors "
                 "to support local hospitals.")
    assert any(addressee == {"World Health Organization"} and "Ines Kalnina" in agent and
               any(t.startswith("deployment of a team") for t in theme)
               for addressee, theme, agent in requests_of(r))


def test_letter_calling_on_another_asks_that_one_and_the_writer_asks(nlp):
    r = run(nlp, "Zambian MP Mwila Banda has written to the Finance Minister calling on the "
                 "Government to set up a relief fund for flooded farmers.")
    assert any(addressee == {"Government"} and agent == {"Mwila Banda"} and
               "set up a relief fund for flooded farmers" in theme
               for addressee, theme, agent in requests_of(r))
