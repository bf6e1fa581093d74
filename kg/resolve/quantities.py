"""Read counts and amounts: value, unit and qualifier.

"Over 5,000 people" -> 5000 person, "more than"; "$200 million" -> 200000000
USD; "at least one" -> 1, "at least"; "dozens of supermarkets" -> no value,
"dozens". The qualifier is normalised to a small set of phrases so that
queries can compare them. Number words ("twenty-five", "three hundred",
"two thousand") are read by text2num, the longest run of them that it accepts.
"""

from __future__ import annotations

import re

from text_to_num import text2num

from kg.records import Quantity

_QUALIFIERS = [
    (r"more than|over|above|in excess of|upwards of|greater than|exceeding", "more than"),
    (r"at least|no fewer than|no less than|a minimum of", "at least"),
    (r"less than|fewer than|under|below", "less than"),
    (r"at most|no more than|up to|a maximum of", "at most"),
    (
        r"about|around|approximately|roughly|some|an estimated|estimated|nearly|almost|"
        r"close to",
        "about",
    ),
    (r"all|exactly|precisely|a total of|total of", "exactly"),
]
_QUALIFIER_RE = re.compile(
    r"^(?P<q>" + "|".join(f"(?:{p})" for p, _ in _QUALIFIERS) + r")\s+", re.I
)
_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_WORDS.update(
    {
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "a hundred": 100,
        "hundred": 100,
        "a thousand": 1000,
        "a dozen": 12,
        "dozen": 12,
    }
)
_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "k": 1e3,
}
_VAGUE = {
    "dozens": "dozens",
    "hundreds": "hundreds",
    "thousands": "thousands",
    "millions": "millions",
    "several": "several",
    "scores": "scores",
    "a few": "a few",
    "many": "many",
}
_CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "tenge": "KZT",
    "yuan": "CNY",
}
# ISO 4217 codes written before an amount ("USD 1.5 million", "PLN 1 billion"): the unit
# is the code itself. The codes news writes most, not pycountry's whole ISO 4217 list:
# that list holds English words a headline writes in capitals before a number (ALL,
# TOP, CUP, SOS: "ALL 40 MINERS RESCUED")
CURRENCY_CODES = frozenset({"USD", "EUR", "GBP", "AUD", "CAD", "NZD", "CHF", "JPY", "CNY",
                            "INR", "PLN", "SEK", "NOK", "DKK", "ZAR", "BRL", "MXN", "KES",
                            "NGN", "RUB", "TRY", "SGD", "HKD", "KRW", "IDR", "PHP", "THB",
                            "MYR", "PKR", "EGP", "NAD", "BWP", "XOF", "XAF", "QAR", "AED",
                            "SAR", "JMD", "FJD", "CZK", "HUF", "RON", "UAH", "VND", "ZMW"})
_CODE = re.compile(r"\b(?P<code>[A-Z]{3})\s*$")
_NUMBER = re.compile(
    r"(?P<cur>us\$|\$|€|£|¥)?\s*(?P<num>\d+(?:[,\s]\d{3})*(?:\.\d+)?)\s*"
    r"(?P<scale>thousand|million|mln|billion|bn|trillion|m\b|k\b)?",
    re.I,
)


def _qualifier(text: str) -> tuple[str | None, str]:
    m = _QUALIFIER_RE.match(text)
    if not m:
        return None, text
    said = m.group("q").lower()
    for pattern, name in _QUALIFIERS:
        if re.fullmatch(pattern, said):
            return name, text[m.end() :]
    return None, text  # pragma: no cover - every alternative is listed above


def parse_quantity(text: str, *, unit: str | None = None) -> Quantity | None:
    """A quantity from a phrase such as "over 100", "$200 million" or "at least one".

    ``unit`` is what is counted (a noun lemma) when the caller knows it; a
    currency found in the text takes precedence. None when nothing countable.
    """
    clean = " ".join(text.split())
    qualifier, rest = _qualifier(clean)
    low = rest.lower()
    m = _NUMBER.search(rest)
    if m and m.group("num"):
        value = float(re.sub(r"[,\s]", "", m.group("num")))
        scale = (m.group("scale") or "").lower()
        value *= _SCALES.get(scale, 1.0)
        found_unit = unit
        cur = (m.group("cur") or "").lower()
        code = _CODE.search(rest[:m.start("num")])
        if cur:
            found_unit = _CURRENCIES[cur]
        elif code is not None and code.group("code") in CURRENCY_CODES:
            found_unit = code.group("code")
        else:
            after = low[m.end() :].split()
            if after and after[0] in _CURRENCIES:
                found_unit = _CURRENCIES[after[0]]
        return Quantity(text=clean, value=value, unit=found_unit, qualifier=qualifier)
    for vague, name in _VAGUE.items():
        if re.match(rf"{vague}\b", low):
            return Quantity(text=clean, value=None, unit=unit, qualifier=name)
    value = number_words(low)
    if value is not None:
        return Quantity(text=clean, value=float(value), unit=unit, qualifier=qualifier)
    for word in sorted(_WORDS, key=len, reverse=True):
        if re.match(rf"{word}\b", low):
            return Quantity(text=clean, value=float(_WORDS[word]), unit=unit, qualifier=qualifier)
    return None


_NUMBER_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def number_words(text: str) -> int | None:
    """The value of the number words ``text`` starts with ("twenty-five people" -> 25,
    "a hundred" -> 100), or None. The longest leading run text2num accepts wins."""
    tokens = []
    for m in _NUMBER_WORD.finditer(text):
        if text[tokens[-1][1] if tokens else 0:m.start()].strip(" ,"):
            break  # only spaces (or a comma) may separate the words of one number
        tokens.append((m.group(), m.end()))
        if len(tokens) >= 12:
            break
    words = [t for t, _ in tokens]
    if words and words[0] == "a" and len(words) > 1 and words[1] in ("hundred", "thousand",
                                                                     "million", "billion"):
        words[0] = "one"
    for n in range(len(words), 0, -1):
        if words[n - 1] == "and":
            continue
        try:
            return int(text2num(" ".join(words[:n]), "en"))
        except ValueError:
            continue
    return None
