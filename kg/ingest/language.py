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


def _is_latin(ch: str) -> bool:
    # Basic Latin, Latin-1, Latin Extended-A/B and Latin Extended Additional.
    o = ord(ch)
    return o < 0x250 or 0x1E00 <= o < 0x1F00


def guess(text: str) -> LanguageGuess:
    sample = text[:SAMPLE_CHARS]
    letters = [ch for ch in sample if ch.isalpha()]
    latin = sum(1 for ch in letters if _is_latin(ch))
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


def _is_cjk(ch: str) -> bool:
    """Han, kana, Hangul and their punctuation: scripts written without spaces."""
    o = ord(ch)
    return (0x2E80 <= o < 0xA000 or 0xAC00 <= o < 0xD7B0 or 0xF900 <= o < 0xFB00
            or 0x20000 <= o < 0x2FA20)


def refuse_unreadable_script(text: str, *, path: str) -> None:
    """Refuse Chinese, Japanese or Korean text, naming the script, before it is parsed.

    The English model cannot read them at all, and since they are written without
    spaces the reader would otherwise blank them as "runs without spaces" (a wrong
    reason). Other non-English text is built, with the warning above.
    """
    sample = text[:SAMPLE_CHARS]
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < MIN_LETTERS:
        return
    cjk = sum(1 for ch in letters if _is_cjk(ch))
    if cjk / len(letters) >= MIN_LATIN_SHARE:
        raise InputError(f"the text is Chinese, Japanese or Korean ({cjk / len(letters):.0%} of "
                         "its letters are in those scripts); kg reads English news only",
                         path=path, hint="translate it to English first")
