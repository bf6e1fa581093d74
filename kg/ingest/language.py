"""A cheap check that a text is English, so kg can warn before the English model
quietly finds nothing in, say, a German or Russian article.

Two measures over the first part of the text: the share of letters that are
Latin (Russian, Arabic or Chinese text fails it), and the share of words that
are English function words from ``kg/rules/ingest/english-function-words.txt``
(German, French or Spanish text fails it). Too short a text is not judged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.errors import InputError, RuleError
from kg.resources import rules_dir

SAMPLE_CHARS = 200_000
MIN_LETTERS = 40
MIN_WORDS = 30
MIN_LATIN_SHARE = 0.5
MIN_FUNCTION_SHARE = 0.12

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_ENTRY = re.compile(r"^[a-z]+(?:'[a-z]+)?$")


@cache
def function_words() -> frozenset[str]:
    """The English function-word list, checked: one lowercase word per line."""
    path = rules_dir() / "ingest" / "english-function-words.txt"
    words: set[str] = set()
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if not _ENTRY.match(line) or line in words:
            raise RuleError(f"line {lineno}: {line!r} is not a new lowercase word", path=path,
                            hint="one lowercase English word per line, no repeats")
        words.add(line)
    if len(words) < 50:
        raise RuleError("too few function words to judge a language", path=path)
    return frozenset(words)


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    letters: int
    latin_share: float
    words: int
    function_share: float

    @property
    def judged(self) -> bool:
        return self.letters >= MIN_LETTERS

    @property
    def english(self) -> bool:
        if not self.judged:
            return True
        if self.latin_share < MIN_LATIN_SHARE:
            return False
        return self.words < MIN_WORDS or self.function_share >= MIN_FUNCTION_SHARE


# Latin letters (Basic Latin, Latin-1, Latin Extended-A/B, Latin Extended Additional) and
# the scripts written without spaces (Han, kana, Hangul and their punctuation), as
# character classes: counted by the regex engine, not a Python loop over every character.
_NOT_LATIN = re.compile("[^\u0000-\u024f\u1e00-\u1eff]")
_CJK = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002fa1f]")


def guess(text: str) -> LanguageGuess:
    sample = text[:SAMPLE_CHARS]
    letters = "".join(filter(str.isalpha, sample))
    latin = len(letters) - len(_NOT_LATIN.findall(letters))
    words = [w.replace("’", "'").lower() for w in _WORD.findall(sample)]
    known = function_words()
    hits = sum(1 for w in words if w in known)
    return LanguageGuess(
        letters=len(letters),
        latin_share=latin / len(letters) if letters else 1.0,
        words=len(words),
        function_share=hits / len(words) if words else 0.0,
    )


def english_warning(text: str, *, path: str) -> str | None:
    """A warning naming ``path`` when the text does not look English, else None."""
    g = guess(text)
    if g.english:
        return None
    if g.latin_share < MIN_LATIN_SHARE:
        why = f"only {g.latin_share:.0%} of its letters are Latin"
    else:
        why = f"only {g.function_share:.0%} of its words are common English words"
    return (f"{path}: the text does not look like English ({why}); the model is English, "
            "so expect few entities and facts")


def refuse_unreadable_script(text: str, *, path: str) -> None:
    """Refuse Chinese, Japanese or Korean text, naming the script, before it is parsed.

    The English model cannot read them at all, and since they are written without
    spaces the reader would otherwise blank them as "runs without spaces" (a wrong
    reason). Other non-English text is built, with the warning above.
    """
    sample = text[:SAMPLE_CHARS]
    letters = "".join(filter(str.isalpha, sample))
    if len(letters) < MIN_LETTERS:
        return
    cjk = len(_CJK.findall(letters))
    if cjk / len(letters) >= MIN_LATIN_SHARE:
        raise InputError(f"the text is Chinese, Japanese or Korean ({cjk / len(letters):.0%} of "
                         "its letters are in those scripts); kg reads English news only",
                         path=path, hint="translate it to English first")
