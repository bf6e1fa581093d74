"""The English check: a warning naming the file for text the English model cannot read."""

from __future__ import annotations

import pytest

from kg.ingest.language import english_warning, function_words, guess
from kg.ingest.reader import parse_text

ENGLISH = (
    "Ruritanian President Olaf Brandt met Defence Minister Ilse Varga in Ostrava on Monday. "
    "Brandt said the army would deploy 300 troops to Kessel, Varn and Lorr by the end of "
    "the week. Varga told reporters that the situation in the north was under control and "
    "that the curfew would be lifted once the roads were open again."
)
SAMPLES = {
    "german": "Die Regierung hat am Montag angekündigt, dass die Truppen in der Hauptstadt "
              "bleiben werden. Nach Angaben des Ministeriums wurden mehr als hundert Menschen "
              "festgenommen, als Demonstranten vor dem Rathaus gegen die steigenden Preise "
              "protestierten. Der Präsident sagte, die Lage sei unter Kontrolle.",
    "french": "Le gouvernement a annoncé lundi que les troupes resteraient dans la capitale. "
              "Selon le ministère, plus de cent personnes ont été arrêtées lorsque des "
              "manifestants ont protesté devant la mairie contre la hausse des prix. Le "
              "président a déclaré que la situation était sous contrôle.",
    "spanish": "El gobierno anunció el lunes que las tropas permanecerían en la capital. Según "
               "el ministerio, más de cien personas fueron detenidas cuando los manifestantes "
               "protestaron frente al ayuntamiento contra el aumento de los precios.",
    "russian": "Правительство объявило в понедельник, что войска останутся в столице. По "
               "данным министерства, более ста человек были задержаны, когда демонстранты "
               "протестовали у здания мэрии против роста цен.",
    "chinese": "政府周一宣布，军队将留在首都。据该部称，当示威者在市政厅前抗议物价上涨时，"
               "一百多人被捕。总统说局势已得到控制。",
}


def test_english_news_is_not_flagged(seed_path):
    assert english_warning(ENGLISH, path="en.txt") is None
    assert english_warning(seed_path.read_text(encoding="utf-8"), path="seed") is None


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_other_languages_are_flagged_naming_the_file(language):
    doc = parse_text("Headline\n" + SAMPLES[language] + "\n", path=f"in/{language}.txt")
    flagged = [w for w in doc.warnings if "English" in w]
    assert len(flagged) == 1, doc.warnings
    assert flagged[0].startswith(f"in/{language}.txt: ")
    assert "the model is English" in flagged[0]


def test_short_text_is_not_judged():
    assert english_warning("Grève générale à Paris.", path="x") is None
    assert not guess("Ja.").judged


def test_function_word_list_is_well_formed():
    words = function_words()
    assert {"the", "of", "and", "said"} <= words
    assert all(w == w.lower() for w in words)


# --- the counts by character class equal the per-character definitions -----------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


def _latin_by_char(ch: str) -> bool:
    o = ord(ch)
    return o < 0x250 or 0x1E00 <= o < 0x1F00


def _cjk_by_char(ch: str) -> bool:
    o = ord(ch)
    return (0x2E80 <= o < 0xA000 or 0xAC00 <= o < 0xD7B0 or 0xF900 <= o < 0xFB00
            or 0x20000 <= o < 0x2FA20)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_class_counts_equal_the_character_tests(text):
    from kg.ingest.language import _CJK, _NOT_LATIN

    letters = "".join(filter(str.isalpha, text))
    assert len(letters) - len(_NOT_LATIN.findall(letters)) == sum(map(_latin_by_char, letters))
    assert len(_CJK.findall(letters)) == sum(map(_cjk_by_char, letters))
