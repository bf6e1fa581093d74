"""Competency questions: the nine library queries on a tiny graph, and the row comparison."""

from __future__ import annotations

import pytest
from eval_builders import TinyDoc, gold_from, qty, when
from pyoxigraph import Store

from kg.errors import GoldError
from kg.evaluate.gold import Column, GoldQuestion, QuestionSpec, read_gold
from kg.evaluate.questions import _in_order, load_question_specs
from kg.evaluate.run import evaluate_store
from kg.query import find_query, rows, run_query

LINES = (
    "The Northern Alliance deployed peacekeepers to Syldavia on 3 March.",
    "Syldavia asked the ANS for help guarding key sites.",
    "The Syldavian Guard detained over 300 people in Klow on Tuesday.",
    "King Muskar, the monarch of Syldavia, spoke to Zyldav Press on Tuesday.",
    "Klow is a city in Syldavia; Borduria and Syldavia are members of the ANS.",
    "The Klow Rangers take part in the counter-terrorist operation.",
    "Protests broke out in Klow on 1 March.",
    "The Syldavian Guard said order was restored.",
)

ENTITIES = """
entities:
  - {name: Alliance of Northern States, type: Organization, aliases: [ANS]}
  - {name: Syldavian Guard, type: ArmedForce, aliases: [the Guard]}
  - {name: Syldavia, type: Country, aliases: []}
  - {name: Borduria, type: Country, aliases: []}
  - {name: Klow, type: City, aliases: []}
  - {name: Klow Rangers, type: ArmedForce, aliases: []}
  - {name: Muskar XII, type: Person, aliases: [King Muskar]}
  - {name: Zyldav Press, type: MediaOrganization, aliases: []}
"""


@pytest.fixture(scope="module")
def store() -> Store:
    d = TinyDoc(*LINES)
    # an entity whose preferred label is not a gold name; its alias is
    alliance = d.mention("Northern Alliance", "Organization", aliases=("ANS",))
    alliance_2 = d.mention("ANS", "Organization", name="Northern Alliance")
    alliance_4 = d.mention("ANS", "Organization", name="Northern Alliance", nth=1)
    syl = [d.mention("Syldavia", "Country", nth=n) for n in range(5)]
    guard = d.mention("Syldavian Guard", "ArmedForce", aliases=("the Guard",))
    guard_7 = d.mention("Syldavian Guard", "ArmedForce", nth=1)
    klow = [d.mention("Klow", "City", nth=n) for n in range(3)]
    king = d.mention("King Muskar", "Person", name="Muskar XII")
    press = d.mention("Zyldav Press", "MediaOrganization")
    bord = d.mention("Borduria", "Country")
    rangers = d.mention("Klow Rangers", "ArmedForce")
    d.fact("Deployment", 0, agent=alliance, theme="peacekeepers", location=syl[0],
           date=when("2022-03-03"))
    d.fact("Request", 1, agent=syl[1], addressee=alliance_2, theme="help",
           purpose="guarding key sites")
    d.fact("Detention", 2, agent=guard, quantity=qty(300, "over 300 people", "people", "over"),
           location=klow[0], date=when("2022-03-08"))
    d.fact("Detention", 2, agent="riot police", quantity=qty(40), location=klow[0])
    d.fact("Statement", 3, speaker=king, addressee=press, date=when("2022-03-08"),
           gist="spoke about the recovery")
    d.fact("Statement", 7, speaker=guard_7, quote="order was restored")
    d.fact("Position", 3, category="relation", holder=king, role="monarch",
           organization=syl[2])
    d.fact("Membership", 4, category="relation", member=bord, group=alliance_4)
    d.fact("Membership", 4, category="relation", member=syl[4], group=alliance_4)
    d.fact("LocatedIn", 4, category="relation", place=klow[1], container=syl[3])
    d.fact("Participation", 5, participant=rangers, eventType="CounterTerrorismOperation")
    d.fact("Protest", 6, location=klow[2], date=when("2022-03-01"))
    return d.store()


def ask(store, tmp_path, question: str) -> dict:
    gold = gold_from(tmp_path, ENTITIES + "questions:\n" + question)
    ev = evaluate_store(store, gold)
    (result,) = ev.questions
    return result.as_json()


def test_who_deployed_what_where(store, tmp_path):
    res = ask(store, tmp_path, """
  - ask: deployments
    answer: [[Alliance of Northern States, peacekeepers, Syldavia]]
    query: who-deployed-what-where
    columns: [{column: agent, kind: entity}, {column: force, kind: entity},
              {column: place, kind: entity}]
""")
    assert res["status"] == "answered" and res["extra"] == []


def test_null_in_gold_matches_only_an_unbound_cell(store, tmp_path):
    res = ask(store, tmp_path, """
  - ask: deployments without agent
    answer: [[null, peacekeepers, Syldavia]]
    query: who-deployed-what-where
    columns: [{column: agent, kind: entity}, {column: force, kind: entity},
              {column: place, kind: entity}]
""")
    assert res["status"] == "incomplete"
    assert res["extra"] == [["Northern Alliance", "peacekeepers", "Syldavia"]]


def test_requests_filtered_by_addressee_alias(store, tmp_path):
    q = """
  - ask: requests
    answer: [[Syldavia, help guarding key sites]]
    query: requests
    params: {addressee: %s}
    columns: [{column: agent, kind: entity}, {column: what, kind: text}]
"""
    assert ask(store, tmp_path, q % "ans")["status"] == "answered"
    res = ask(store, tmp_path, q % "Zyldav Press")
    assert res["status"] == "incomplete" and res["found"] == 0


def test_detentions(store, tmp_path):
    res = ask(store, tmp_path, """
  - ask: detentions
    answer: [[Syldavian Guard, 300, Klow], [riot police, 40, Klow]]
    query: detentions
    columns: [{column: agent, kind: entity}, {column: count, kind: number},
              {column: place, kind: entity}]
""")
    assert res["status"] == "answered"


def test_members_of(store, tmp_path):
    q = """
  - ask: members
    answer: [[Borduria], [Syldavia]]
    query: members-of
    params: {organization: %s}
    columns: [{column: member, kind: entity}]
"""
    assert ask(store, tmp_path, q % "ANS")["status"] == "answered"
    assert ask(store, tmp_path, q % "Klow")["found"] == 0


def test_offices_held(store, tmp_path):
    res = ask(store, tmp_path, """
  - ask: offices
    answer: [[Muskar XII, monarch, Syldavia]]
    query: offices-held
    columns: [{column: person, kind: entity}, {column: role, kind: text},
              {column: of, kind: entity}]
""")
    assert res["status"] == "answered"


def test_operation_participants(store, tmp_path):
    q = """
  - ask: participants
    answer: [[Klow Rangers]]
    query: operation-participants
    params: {operationType: %s}
    columns: [{column: participant, kind: entity}]
"""
    assert ask(store, tmp_path, q % "counterterrorismoperation")["status"] == "answered"
    assert ask(store, tmp_path, q % "Protest")["found"] == 0


def test_entity_actions_by_alias_with_unbound_theme(store, tmp_path):
    res = ask(store, tmp_path, """
  - ask: what did the Guard do in Klow
    answer: [[Detention, 300, null]]
    query: entity-actions
    params: {agent: the guard, place: Klow}
    columns: [{column: type, kind: type}, {column: count, kind: number},
              {column: theme, kind: text}]
""")
    assert res["status"] == "answered" and res["extra"] == []


def test_statements_on_a_day_leave_out_undated_ones(store, tmp_path):
    q = """
  - ask: statements
    answer: [[Muskar XII]]
    query: statements
    %s
    columns: [{column: who, kind: entity}]
"""
    res = ask(store, tmp_path, q % "params: {date: 2022-03-08}")
    assert res["status"] == "answered" and res["extra"] == []
    res = ask(store, tmp_path, q % "params: {speaker: King Muskar}")
    assert res["status"] == "answered" and res["extra"] == []
    res = ask(store, tmp_path, q % "")
    assert res["extra"] == [["Syldavian Guard"]]


def test_timeline_follows_located_in_and_date_order(store, tmp_path):
    res = ask(store, tmp_path, """
  - ask: timeline
    answer: [[Protest, 2022-03-01], [Deployment, 2022-03-03], [Detention, 2022-03-08]]
    query: timeline
    params: {place: Syldavia}
    ordered_by: date
    columns: [{column: type, kind: type}, {column: date, kind: date}]
""")
    assert res["status"] == "answered" and res["extra"] == []


def test_order_check():
    spec = QuestionSpec("timeline", {}, [Column("type", "type"), Column("date", "date")],
                        ordered_by="date")
    q = GoldQuestion("t", [["A", "2022-01-01"], ["B", "2022-01-02"], ["C", "2022-01-02"]], 1)
    assert _in_order(q, spec, {0: 0, 1: 1, 2: 2})
    assert _in_order(q, spec, {0: 0, 1: 2, 2: 1})       # equal dates: any order
    assert not _in_order(q, spec, {0: 2, 1: 0, 2: 1})


def test_unmapped_question_counts_as_unanswered(store, tmp_path):
    res = ask(store, tmp_path, """
  - ask: a question nobody mapped to a query
    answer: [[Syldavia]]
""")
    assert res["status"] == "unmapped" and res["query"] is None


def test_unknown_result_column_is_an_error(store, tmp_path):
    from kg.errors import GoldError

    with pytest.raises(GoldError, match=r"gold.yaml: line \d+: query 'detentions' has no "
                                         "column 'nope'"):
        ask(store, tmp_path, """
  - ask: bad column
    answer: [[Syldavia]]
    query: detentions
    columns: [{column: nope, kind: entity}]
""")


def test_question_map_fits_the_query_library(gold_path):
    """Every mapped question names a library query, its parameters and real columns."""
    specs = load_question_specs()
    empty = Store()
    for ask_text, spec in specs.items():
        query = find_query(spec.query)
        assert set(spec.params) <= {p.name for p in query.params}, ask_text
        header, _ = rows(run_query(empty, query, spec.params))
        assert {c.column for c in spec.columns} <= set(header), ask_text
    gold = read_gold(gold_path)
    assert all(q.ask in specs for q in gold.questions)


def test_a_list_in_an_answer_cell_matches_the_joined_values_of_a_role(tmp_path):
    """One detention in two towns comes back as one row with "Klow; Szohod" (the listings
    aggregate a multi-valued role): the gold writes the cell as a list, matched one to one
    in any order; a single value, a shorter or a longer list does not match."""
    d = TinyDoc("Riot police detained 12 people in Klow and Szohod on Friday.")
    klow, szohod = d.mention("Klow", "City"), d.mention("Szohod", "City")
    d.fact("Detention", 0, agent="riot police", quantity=qty(12), location=[klow, szohod])
    store = d.store()
    entities = ENTITIES + "  - {name: Szohod, type: City, aliases: []}\n"

    def status(cell: str) -> str:
        gold = gold_from(tmp_path, entities + f"""questions:
  - ask: detentions
    answer: [[riot police, 12, {cell}]]
    query: detentions
    columns: [{{column: agent, kind: entity}}, {{column: count, kind: number}},
              {{column: place, kind: entity}}]
""")
        (result,) = evaluate_store(store, gold).questions
        return result.status

    assert status("[Szohod, Klow]") == "answered"
    assert status("[Klow, Szohod]") == "answered"
    assert status("Klow") == "incomplete"
    assert status("[Klow, Szohod, Syldavia]") == "incomplete"
    assert status("[Klow, Klow]") == "incomplete"


def test_a_list_cell_needs_two_values(tmp_path):
    with pytest.raises(GoldError, match="two or more values"):
        gold_from(tmp_path, ENTITIES + """questions:
  - ask: detentions
    answer: [[riot police, 12, [Klow]]]
    query: detentions
    columns: [{column: agent, kind: entity}, {column: count, kind: number},
              {column: place, kind: entity}]
""")
