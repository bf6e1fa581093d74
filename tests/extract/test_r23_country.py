"""The story's country, on invented local stories: a country named only where one event
happened abroad does not become the country of a local paper whose town is written
mostly inside the names of its council, port and police; "the Republic" written alone is
the country named with that word, else the story's country."""

from __future__ import annotations

from kg.records import EntityType, Mention
from kg.resolve.entities import resolve_entities
from kg.resolve.kb import KnowledgeBase
from tests.extract.event_helpers import located_pairs, run

_LOCAL_STORY = (
    "A man has been arrested in Latvia over the cyber attack that shut Pärnu City "
    "Council's computers and closed the Port of Pärnu for two days. Officers of "
    "Latvia's State Police detained the 31-year-old in Riga on Monday, in an operation "
    "with Pärnu Police. He will be handed over next week, the police said. Hackers left "
    "a ransom note on the screens at City Hall on Thursday, and the Government has "
    "promised help. Councillor Mart Kivisild said businesses in Pärnu lost thousands of "
    "euros.")


def test_a_local_storys_sites_are_not_put_in_the_country_of_its_one_foreign_event(nlp):
    r = run(nlp, _LOCAL_STORY)
    pairs = located_pairs(r)
    assert ("City Hall", "Latvia") not in pairs
    assert ("Riga", "Latvia") in pairs


def test_a_local_storys_national_bodies_do_not_take_the_foreign_country(nlp):
    r = run(nlp, _LOCAL_STORY)
    named = {e.name for e in r.entities}
    assert "Government of Latvia" not in named
    assert "Pärnu Police of Latvia" not in named


def _mention(text: str, start: int, etype: EntityType, source: str = "ner:GPE") -> Mention:
    return Mention(start=start, end=start + len(text), text=text, type=etype, unit=0,
                   sentence=(0, 1000), source=source)


def _entity_of(entities, text: str):
    return next(e for e in entities if any(m.text == text for m in e.mentions))


def test_the_state_word_alone_is_the_storys_country():
    # an agency writes its own country as "the Republic" once it has named it
    ms = [_mention("Botswana", 0, EntityType.COUNTRY, "gazetteer:country"),
          _mention("Maun", 40, EntityType.CITY),
          _mention("Botswana", 90, EntityType.COUNTRY, "gazetteer:country"),
          _mention("Republic", 140, EntityType.ORGANIZATION, "ner:ORG")]
    entities, _ = resolve_entities(ms, kb=KnowledgeBase())
    country = _entity_of(entities, "Republic")
    assert country.name == "Botswana"
    assert country.type is EntityType.COUNTRY


def test_the_state_word_is_the_country_named_with_it_not_the_storys():
    # "the Republic of Botswana ... the Republic's pilots" in a story about Zambia
    ms = [_mention("Zambia", 0, EntityType.COUNTRY, "gazetteer:country"),
          _mention("Livingstone", 30, EntityType.CITY),
          _mention("Zambia", 60, EntityType.COUNTRY, "gazetteer:country"),
          _mention("Republic of Botswana", 100, EntityType.COUNTRY, "gazetteer:country"),
          _mention("Zambia", 150, EntityType.COUNTRY, "gazetteer:country"),
          _mention("Republic", 200, EntityType.CITY)]
    entities, _ = resolve_entities(ms, kb=KnowledgeBase())
    assert _entity_of(entities, "Republic").name == "Botswana"


def test_a_lower_case_state_word_is_left_alone():
    ms = [_mention("Botswana", 0, EntityType.COUNTRY, "gazetteer:country"),
          _mention("Botswana", 90, EntityType.COUNTRY, "gazetteer:country"),
          _mention("republic", 140, EntityType.ORGANIZATION, "ner:ORG")]
    entities, _ = resolve_entities(ms, kb=KnowledgeBase())
    assert _entity_of(entities, "republic").name != "Botswana"
