"""What a plan noun's infinitive names is done by the one who has, announces or owns the
plan, and "no plans to X" says X will not happen (round 19, kg/extract/planners.py,
kg/extract/factuality.py; lexicon ``plan_nouns``/``plan_verbs``): "X had no plans to close
the border" is a negated Closure by X; "X announced plans to send troops" a future
Deployment by X; "X's plan to withdraw" X's. Someone else's plan ("welcomed the plan to
X") names no doer. Invented sentences set in Latvia, Estonia, Benin, Botswana, Qatar and
Jamaica."""

from __future__ import annotations

from tests.extract.event_helpers import facts_of, names, run


def test_no_plans_to_send_troops(nlp):
    r = run(nlp, "Latvia had no plans to send troops across the border, its defence "
                 "ministry said.")
    (d,) = facts_of(r, "Deployment")
    assert d.factuality == "negated"
    assert names(r, d.roles.get("agent")) == {"Latvia"}


def test_no_plans_to_ban_a_party_reported(nlp):
    r = run(nlp, "The Government of Benin had no plans to ban the opposition party, the "
                 "minister said.")
    (b,) = facts_of(r, "Ban")
    assert b.factuality == "negated"
    assert names(r, b.roles.get("agent")) == {"Government of Benin"}


def test_no_plans_to_evacuate_nationals(nlp):
    r = run(nlp, "Qatar has no plans to evacuate its 300 nationals in Jamaica.")
    (e,) = facts_of(r, "Evacuation")
    assert e.factuality == "negated"
    assert names(r, e.roles.get("agent")) == {"Qatar"}


def test_announced_plans_to_send_troops(nlp):
    r = run(nlp, "Estonia announced plans to send 200 troops to Latvia.")
    (d,) = facts_of(r, "Deployment")
    assert d.factuality == "future"
    assert names(r, d.roles.get("agent")) == {"Estonia"}


def test_a_possessed_plan(nlp):
    r = run(nlp, "Botswana's plan to close the border with Zambia drew criticism.")
    (c,) = facts_of(r, "Closure")
    assert c.factuality == "future"
    assert names(r, c.roles.get("agent")) == {"Botswana"}


def test_someone_elses_plan_names_no_doer(nlp):
    r = run(nlp, "Estonia welcomed the plan to send troops to Latvia.")
    for d in facts_of(r, "Deployment"):
        assert "Estonia" not in names(r, d.roles.get("agent"))
