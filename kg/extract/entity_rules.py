"""The entity rule files under ``kg/rules/entities/``, checked against a schema on load.

Every vocabulary the entity rules use (titles, demonyms, body phrases, type
heads, noise patterns, spelling variants) is data, so that a new article with
other names needs no code change. A malformed file stops the build with one
error that lists every bad entry by file and line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kg.errors import RuleError
from kg.records import EntityType
from kg.resources import rules_dir

_TYPES = {t.value for t in EntityType}
_CUES = {"of", "after", "before", "apposition", "such-as"}

# field -> (python type, required, allowed values or None)
_SCHEMAS: dict[str, dict[str, tuple[type, bool, frozenset[str] | None]]] = {
    "titles.jsonl": {
        "title": (str, True, None),
        "scope": (str, True, frozenset({"country", "place", "organization", "none",
                                        "honorific"})),
    },
    "demonyms.jsonl": {
        "country": (str, True, None),
        "demonyms": (list, True, None),
        # short names news uses for the country that GeoNames and ISO 3166 lack ("US",
        # "Britain"): the country wherever they stand
        "short_names": (list, False, None),
        # English writes the country's name with "the" in running text ("the Gambia",
        # "the Philippines", "the United Kingdom"): a body named "X of COUNTRY" is also
        # "X of the COUNTRY"
        "article": (bool, False, None),
    },
    "bodies.jsonl": {
        "phrases": (list, True, None),
        "type": (str, True, frozenset(_TYPES)),
        # "text": a descriptive body named as the text writes it ("the X provincial
        # administration", "the presidential press service"; the annotation guide's
        # descriptive entities), a place's name right before it included
        "scope": (str, True, frozenset({"country", "organization", "city", "text"})),
        "name": (str, True, None),
        "why": (str, True, None),
        # the phrase names a body only with its owner said ("the Ruritanian embassy"):
        # "the embassy" alone is a foreign country's, not the story's country's
        "owner_required": (bool, False, None),
        # the phrase names the body only in lower case: "the federal government" is the
        # country's government, "the Federal Government" a name as the text writes it
        "lower_case": (bool, False, None),
        # (scope "text") the phrase makes a mention only alone, right after "the" ("the
        # regional government"); "the X regional government" is the model's and the
        # role rules' to find
        "alone": (bool, False, None),
    },
    "heads.jsonl": {
        "head": (str, True, None),
        "type": (str, True, frozenset(_TYPES)),
        # a national institution: without a country in its name it belongs to the
        # document's dominant country ("National Guard" -> "National Guard of X")
        "national": (bool, False, None),
        # the word opens the name instead of ending it ("International Committee of ...",
        # "United Nations Office for ...": an international organisation's body)
        "opens": (bool, False, None),
        # the body is named with its seat: "the Ruritanian embassy in Zenda", "the UN
        # Mission in Ruritania", "the EU Delegation to Ruritania" (kg/extract/seats.py)
        "seated": (bool, False, None),
    },
    "descriptors.jsonl": {
        "phrases": (list, True, None),
        "type": (str, True, frozenset(_TYPES)),
        "why": (str, True, None),
    },
    "noise.jsonl": {
        "pattern": (str, True, None),
        "scope": (str, True, frozenset({"mention", "line"})),
        "why": (str, True, None),
    },
    "spelling.jsonl": {
        "british": (str, True, None),
        "american": (str, True, None),
    },
    "generic.jsonl": {
        "kind": (str, True, frozenset({"alone", "before", "after", "given"})),
        "words": (list, True, None),
        "why": (str, True, None),
    },
    "pronouns.jsonl": {
        "kind": (str, True, frozenset({"pronoun", "cue"})),
        "words": (list, True, None),
        "gender": (str, True, frozenset({"m", "f", "n"})),
        "types": (list, True, None),
        "why": (str, True, None),
    },
    "equivalents.jsonl": {
        "heads": (list, True, None),
        "after_country": (list, False, None),
        "levels": (list, False, None),
        "why": (str, True, None),
    },
    "compass.jsonl": {
        "kind": (str, True, frozenset({"direction", "adjective", "compound", "relative",
                                       "foreign"})),
        "words": (list, True, None),
        "english": (str, False, None),  # kind "foreign": the English word ("Nord" -> north)
        "why": (str, True, None),
    },
    "world_regions.jsonl": {
        "names": (list, False, None),
        # open waters: a name ending in one of these nouns ("the Caspian Sea") or opening
        # with it and "of" ("the Gulf of Aden")
        "waters": (list, False, None),
        "why": (str, True, None),
    },
    "territories.jsonl": {
        # ISO codes of the territories that are part of a sovereign state (ISO code)
        "sovereign": (str, True, None),
        "territories": (list, True, None),
        # false: held by the state without being part of it (it lies in no state)
        "part": (bool, False, None),
        "why": (str, True, None),
    },
    "kinds.jsonl": {
        # common nouns that say what kind of thing a name is ("the village of X",
        # "X province", "state broadcaster X"); see the file's header
        "nouns": (list, True, None),
        "type": (str, True, frozenset(_TYPES)),
        "cues": (list, True, None),
        # the type when the noun is followed by "of/in" a city ("the Mermoz district of Dakar")
        "in_city": (str, False, frozenset({"City", "Region", "Place"})),
        # the noun is part of the name ("Ibo island", "the Gazela bridge")
        "part_of_name": (bool, False, None),
        # a site or building: named after a town, it stands in that town ("the port of X")
        "sited": (bool, False, None),
        # a natural feature or highway: it may reach beyond any one town ("the Shire River")
        "wide": (bool, False, None),
        # a square or palace: often named after a person, an event or a far town
        "honorific": (bool, False, None),
        # a plural site noun whose "of" names the towns that hold the sites ("the prisons
        # of A and B": A and B are towns)
        "of_towns": (bool, False, None),
        # a site that usually stands outside the town it serves ("the X International
        # Airport", "the Y dam"): the dateline city is no guess for it
        "outlying": (bool, False, None),
        "why": (str, True, None),
    },
    "place_words.jsonl": {
        # words that decide whether a name the model took for a person or organisation is
        # written as a place (kg/extract/placed_names.py); see the file's header
        "kind": (str, True, frozenset({"argument_on", "target_on", "suffix", "prefix",
                                        "speaking"})),
        "words": (list, True, None),
        "type": (str, False, frozenset({"City", "Region", "Place"})),
        "why": (str, True, None),
    },
}


def _check_entry(name: str, entry: object) -> list[str]:
    schema = _SCHEMAS[name]
    if not isinstance(entry, dict):
        return ["an entry must be a JSON object"]
    problems = []
    for key, (kind, required, allowed) in schema.items():
        if key not in entry:
            if required:
                problems.append(f"missing field {key!r}")
            continue
        value = entry[key]
        if not isinstance(value, kind):
            problems.append(f"field {key!r} must be a {kind.__name__}")
        elif kind is list and (not value or not all(isinstance(v, str) and v for v in value)):
            problems.append(f"field {key!r} must be a non-empty list of strings")
        elif kind is str and not value.strip():
            problems.append(f"field {key!r} is empty")
        elif allowed is not None and value not in allowed:
            problems.append(f"field {key!r} is {value!r}; expected one of "
                            f"{', '.join(sorted(allowed))}")
    for key in entry:
        if key not in schema:
            problems.append(f"unknown field {key!r}")
    if name == "noise.jsonl" and isinstance(entry.get("pattern"), str):
        try:
            re.compile(entry["pattern"])
        except re.error as exc:
            problems.append(f"pattern does not compile: {exc}")
    if name == "pronouns.jsonl" and isinstance(entry.get("types"), list) \
            and not set(entry["types"]) <= _TYPES:
        problems.append("field 'types' holds an unknown entity type")
    if name == "kinds.jsonl" and isinstance(entry.get("cues"), list) \
            and not set(entry["cues"]) <= _CUES:
        problems.append(f"field 'cues' may hold only {', '.join(sorted(_CUES))}")
    if name == "bodies.jsonl" and isinstance(entry.get("name"), str) \
            and "{owner}" not in entry["name"] and entry.get("scope") != "text":
        problems.append("field 'name' must contain {owner}")
    if name == "bodies.jsonl" and entry.get("scope") == "text" and entry.get("name") != "{text}":
        problems.append("a body of scope 'text' is named as written: field 'name' is '{text}'")
    return problems


def load_rule_file(path: Path) -> list[dict]:
    """Entries of one JSONL rule file; raises RuleError listing every bad line."""
    entries, errors = _read_rule_file(path)
    if errors:
        raise _rule_error(errors)
    return entries


def _rule_error(errors: list[str]) -> RuleError:
    return RuleError(f"{len(errors)} bad entr{'y' if len(errors) == 1 else 'ies'} in "
                     "entity rules:\n" + "\n".join(errors),
                     hint="fix the entries listed; each line is one JSON object")


def _read_rule_file(path: Path) -> tuple[list[dict], list[str]]:
    name = path.name
    if name not in _SCHEMAS:
        raise RuleError(f"no schema for entity rule file {name!r}", path=path,
                        hint=f"expected one of {', '.join(sorted(_SCHEMAS))}")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise RuleError(f"cannot read rule file: {exc.strerror}", path=path) from exc
    entries, errors = [], []
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{path}:{lineno}: not valid JSON ({exc.msg})")
            continue
        problems = _check_entry(name, entry)
        if problems:
            errors.append(f"{path}:{lineno}: {'; '.join(problems)}")
        else:
            entries.append(entry)
    return entries, errors


@dataclass(frozen=True, slots=True)
class Body:
    """A common-noun phrase that names an institution of an owner (country, org, city)."""

    phrases: tuple[str, ...]
    type: EntityType
    scope: str
    name: str
    owner_required: bool = False
    lower_case: bool = False
    alone: bool = False

    def written_as_name(self, span) -> bool:
        """Whether a ``lower_case`` phrase is written in capitals, as a name ("the Federal
        Government"; a capital at the start of a sentence does not count)."""
        return self.lower_case and (any(t.is_title for t in span[1:]) or (
            span[0].is_title and not span[0].is_sent_start))


@dataclass(frozen=True, slots=True)
class KindNoun:
    """What a common noun says about the name it goes with: 'village' -> City."""

    type: EntityType
    cues: frozenset[str]
    in_city: EntityType | None = None
    part_of_name: bool = False
    sited: bool = False
    wide: bool = False
    honorific: bool = False
    of_towns: bool = False
    outlying: bool = False


@dataclass(slots=True)
class EntityRules:
    """Every entity vocabulary, ready for lookups (lower-cased keys)."""

    titles: dict[str, str] = field(default_factory=dict)  # lower title -> scope
    title_forms: dict[str, str] = field(default_factory=dict)  # lower title -> written form
    demonyms: dict[str, set[str]] = field(default_factory=dict)  # lower demonym -> ISO codes
    short_names: dict[str, str] = field(default_factory=dict)  # lower short name -> ISO code
    article_countries: frozenset[str] = frozenset()  # ISO codes of "the Gambia" and the like
    bodies: dict[str, Body] = field(default_factory=dict)  # lower phrase -> body
    heads: dict[str, EntityType] = field(default_factory=dict)
    national_heads: set[str] = field(default_factory=set)
    seated_heads: set[str] = field(default_factory=set)  # "embassy": named with its seat
    openers: dict[str, EntityType] = field(default_factory=dict)  # "international" -> Org
    descriptors: dict[str, EntityType] = field(default_factory=dict)
    noise_mention: list[re.Pattern[str]] = field(default_factory=list)
    noise_line: list[re.Pattern[str]] = field(default_factory=list)
    spelling: dict[str, str] = field(default_factory=dict)
    kind_nouns: dict[str, KindNoun] = field(default_factory=dict)  # lower noun -> kind
    equivalents: dict[str, frozenset[str]] = field(default_factory=dict)  # head -> its set
    # heads that name a set only after a country or demonym ("Chilean troops") -> the set
    after_country: dict[str, frozenset[str]] = field(default_factory=dict)
    # head -> the adjectives that name a tier below the country ("provincial government")
    levels: dict[str, frozenset[str]] = field(default_factory=dict)
    # pronoun -> (gender, the types it may refer to); gender cue word -> gender
    pronouns: dict[str, tuple[str, frozenset[EntityType]]] = field(default_factory=dict)
    gender_cues: dict[str, str] = field(default_factory=dict)
    # generic words: "alone" (no name by itself), "before"/"after" (no name next to them)
    generic: dict[str, set[str]] = field(default_factory=dict)
    # words that say which part of a place is meant ("northern", "Upper", "north central")
    compass: frozenset[str] = frozenset()
    # a compass word of another language in official unit names -> the English word news
    # uses ("Nord-Kivu" is North Kivu, "Semien Gondar" North Gondar)
    compass_english: dict[str, str] = field(default_factory=dict)
    # areas that span several countries ("the Middle East", "the Sahel")
    world_regions: frozenset[str] = frozenset()
    # nouns of open waters ("sea", "ocean", "gulf"), which lie in no country
    waters: frozenset[str] = frozenset()
    # ISO code of a territory that is part of a state -> the state's ISO code ("MQ" -> "FR")
    territory_states: dict[str, str] = field(default_factory=dict)
    # ISO codes of every territory listed, part of a state or not (typed Region)
    territories: frozenset[str] = frozenset()
    # heads whose "on X" is an argument, not a place ("called on X"); the endings of
    # one-word street and square names ("-straat", "-platz") -> their type
    argument_on: frozenset[str] = frozenset()
    target_on: frozenset[str] = frozenset()
    place_suffixes: dict[str, EntityType] = field(default_factory=dict)
    place_prefixes: dict[str, EntityType] = field(default_factory=dict)
    prefixed_speech: frozenset[str] = frozenset()

    def demonym_country(self, word: str) -> str | None:
        """The ISO code a demonym stands for, or None when unknown or ambiguous."""
        codes = self.demonyms.get(_fold(word))
        return next(iter(codes)) if codes and len(codes) == 1 else None

    def is_demonym(self, word: str) -> bool:
        return _fold(word) in self.demonyms


def _fold(text: str) -> str:
    return text.replace("’", "'").casefold().strip()


def load_entity_rules(directory: Path | None = None) -> EntityRules:
    """Load and validate every rule file in ``directory`` (default: the shipped rules)."""
    d = directory or rules_dir() / "entities"
    files: dict[str, list[dict]] = {}
    errors: list[str] = []
    for name in _SCHEMAS:
        entries, bad = _read_rule_file(d / name)
        files[name] = entries
        errors.extend(bad)
    if errors:
        raise _rule_error(errors)
    rules = EntityRules()
    for e in files["titles.jsonl"]:
        rules.titles[_fold(e["title"])] = e["scope"]
        rules.title_forms[_fold(e["title"])] = e["title"]
    rules.article_countries = frozenset(e["country"].upper() for e in files["demonyms.jsonl"]
                                        if e.get("article"))
    for e in files["demonyms.jsonl"]:
        for short in e.get("short_names", ()):
            rules.short_names[_fold(short)] = e["country"].upper()
        for dem in e["demonyms"]:
            rules.demonyms.setdefault(_fold(dem), set()).add(e["country"].upper())
            # plural people nouns ("Peruvians") are demonyms too
            if not dem.endswith(("s", "sh", "ch", "ese", "i")):
                rules.demonyms.setdefault(_fold(dem) + "s", set()).add(e["country"].upper())
    for e in files["bodies.jsonl"]:
        body = Body(tuple(e["phrases"]), EntityType(e["type"]), e["scope"], e["name"],
                    bool(e.get("owner_required")), bool(e.get("lower_case")),
                    bool(e.get("alone")))
        for p in e["phrases"]:
            rules.bodies[_fold(p)] = body
    for e in files["heads.jsonl"]:
        if e.get("opens"):
            rules.openers[_fold(e["head"])] = EntityType(e["type"])
            continue
        rules.heads[_fold(e["head"])] = EntityType(e["type"])
        if e.get("national"):
            rules.national_heads.add(_fold(e["head"]))
        if e.get("seated"):
            rules.seated_heads.add(_fold(e["head"]))
    for e in files["descriptors.jsonl"]:
        for p in e["phrases"]:
            rules.descriptors[_fold(p)] = EntityType(e["type"])
    for e in files["noise.jsonl"]:
        target = rules.noise_line if e["scope"] == "line" else rules.noise_mention
        target.append(re.compile(e["pattern"]))
    for e in files["spelling.jsonl"]:
        rules.spelling[_fold(e["british"])] = _fold(e["american"])
    for e in files["generic.jsonl"]:
        rules.generic.setdefault(e["kind"], set()).update(_fold(w) for w in e["words"])
    for e in files["pronouns.jsonl"]:
        for w in e["words"]:
            if e["kind"] == "pronoun":
                rules.pronouns[_fold(w)] = (e["gender"],
                                            frozenset(EntityType(t) for t in e["types"]))
            else:
                rules.gender_cues[_fold(w)] = e["gender"]
    for e in files["equivalents.jsonl"]:
        group = frozenset(_fold(h) for h in e["heads"])
        for h in group:
            rules.equivalents[h] = group
        for h in e.get("after_country", ()):
            rules.after_country[_fold(h)] = group
        if e.get("levels"):
            for h in group:
                rules.levels[h] = frozenset(_fold(w) for w in e["levels"])
    rules.compass = frozenset(_fold(w) for e in files["compass.jsonl"] for w in e["words"]
                              if e["kind"] != "foreign")
    rules.compass_english = {_fold(w): e["english"] for e in files["compass.jsonl"]
                             if e["kind"] == "foreign" for w in e["words"]}
    rules.world_regions = frozenset(_fold(n) for e in files["world_regions.jsonl"]
                                    for n in e.get("names", ()))
    rules.waters = frozenset(_fold(n) for e in files["world_regions.jsonl"]
                             for n in e.get("waters", ()))
    rules.territory_states = {t.upper(): e["sovereign"].upper()
                              for e in files["territories.jsonl"] for t in e["territories"]
                              if e.get("part", True)}
    rules.territories = frozenset(t.upper() for e in files["territories.jsonl"]
                                  for t in e["territories"])
    for e in files["kinds.jsonl"]:
        noun = KindNoun(EntityType(e["type"]), frozenset(e["cues"]),
                        EntityType(e["in_city"]) if e.get("in_city") else None,
                        bool(e.get("part_of_name")), bool(e.get("sited")),
                        bool(e.get("wide")), bool(e.get("honorific")),
                        bool(e.get("of_towns")), bool(e.get("outlying")))
        for n in e["nouns"]:
            rules.kind_nouns[_fold(n)] = noun
    rules.argument_on = frozenset(_fold(w) for e in files["place_words.jsonl"]
                                  if e["kind"] == "argument_on" for w in e["words"])
    rules.target_on = frozenset(_fold(w) for e in files["place_words.jsonl"]
                                if e["kind"] == "target_on" for w in e["words"])
    rules.place_suffixes = {_fold(w): EntityType(e.get("type", "Place"))
                            for e in files["place_words.jsonl"] if e["kind"] == "suffix"
                            for w in e["words"]}
    rules.place_prefixes = {_fold(w): EntityType(e.get("type", "Place"))
                            for e in files["place_words.jsonl"] if e["kind"] == "prefix"
                            for w in e["words"]}
    rules.prefixed_speech = frozenset(w for e in files["place_words.jsonl"]
                                      if e["kind"] == "speaking" for w in e["words"])
    return rules


@cache
def entity_rules() -> EntityRules:
    """The shipped rules, loaded once per process."""
    return load_entity_rules()
