"""Load the event rule files (kg/rules/events/*.yaml) and check them against a schema.

Every mapping read from YAML remembers the line it starts on, so one error can
list every bad entry as ``file:line: problem``. Rules are data: the engine in
kg/extract/ (triggers.py, arguments.py ...) holds no trigger words of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from kg.errors import RuleError
from kg.resources import rules_dir

LINE = "__line__"
_FACT_KINDS = {
    "Deployment", "Withdrawal", "Request", "Detention", "Arrest", "Neutralisation", "Seizure",
    "Protest", "Riot", "StateOfEmergency", "CounterTerrorismOperation", "Participation",
    "Protection", "Casualties", "Damage", "Attack", "Arson", "Meeting", "Statement",
    "Appointment", "Dismissal",
    # added for news beyond the seed (ontology/kg.ttl, docs/evaluation.md inventory)
    "PolicyMeasure", "Curfew", "Ban", "Closure", "Sanction", "CommunicationsShutdown", "Order",
    "Decision", "Approval", "Rejection", "Movement", "Investigation", "Charge", "Conviction",
    "Release", "Injury", "Agreement", "Election", "Resignation", "Clash", "Looting", "Coup",
    "Dissolution", "Evacuation", "Aid", "Accusation",
}
# Grammatical slots a type's `args` maps to roles (kg/extract/frames.py reads them):
# the subject, object, passive subject, by-phrase, possessor and compound modifier of a
# nominal trigger, a to-infinitive or that-clause complement, the object of a control
# verb ("ordered [troops] to shoot"), and the object of any preposition by its word.
_PREPS = {"to", "for", "of", "with", "on", "against", "into", "from", "over", "at", "in",
          "about", "between", "among", "as", "onto", "towards", "toward", "across", "near",
          "under", "after", "out", "through", "upon", "down",  # "voted down the bill"
          "before"}  # "testified before the committee"
_SLOTS = {"subject", "intransitive_subject", "object", "object_entity", "object_possessor",
          "object_owner",  # whose the object is: "froze Malian assets", "the country's"
          "object_place", "passive_subject", "by", "possessor", "compound", "complement",
          "controlled", "light_subject", "trigger",
          "recipient_subject",  # "X received a request / aid": the one it is given to
          "faced_subject",  # "X faces charges": the one the act is aimed at
          "phrase_object",  # phrase_object: "set fire to X"
          "conjoined_subject",  # a subject of two or more conjuncts ("A and B met")
          "object_people",  # an unnamed object that names people ("met the chiefs")
          # "ordered troops onto the streets": the object sent and where it is sent
          "directed_object", "direction",
          # "the cabinet, at its weekly session, approved X": the clause's subject
          "sitting_subject",
          # "scuffles broke out when X tried to ...": who acts at an event's onset
          "onset_actor",
          # "X congratulated Y in a phone call": the two sides of the call
          "call_party",
          "predicate"} | _PREPS  # the verb with its object and phrases ("remanded X until Y")
_ROLES = {"agent", "theme", "addressee", "participant", "location", "purpose", "requestedBy",
          "origin", "cause", "role", "quantity"}
_SHAPES_EXTRA = {"phrase", "cue", "according", "headline", "relation"}
_CONSTRAINTS = {"force", "person"}  # besides the name of a word list of lexicon.yaml

# field -> (type, required)
_TYPE_FILE = {"type": (str, True), "category": (str, True), "confidence": (float, True),
              "lexicon": (dict, True), "args": (dict, True), "patterns": (list, True),
              "theme_must_be": (str, False), "quantity_required": (bool, False),
              "theme_for": (dict, False), "lemma_args": (dict, False),
              "yields_to": (list, False), "kept_beside": (dict, False),
              "requires": (list, False),
              "intransitive_counted": (bool, False), "situation": (bool, False),
              "requires_framed": (bool, False), "theme_creates": (bool, False),
              "purpose_events": (list, False), "content": (bool, False),
              "extras": (list, False), "requires_named": (list, False)}
# readers of roles beyond the shared frame a type may ask for (kg/extract/type_roles.py)
_EXTRAS = {"cause", "office", "meeting", "owner_agent", "dispersed", "carried",
           "placed_theme", "named_act", "sent_agent"}
_PATTERN = {"id": (str, True), "example": (str, True), "shape": (str, False),
            "pattern": (list, False), "undated": (bool, False), "voice": (str, False),
            "negated": (bool, False), "any_theme": (bool, False), "counted": (bool, False),
            "theme_text": (str, False)}


# libyaml's C parser when PyYAML was built with it: the same nodes and marks as the pure
# Python one, about ten times faster (1.9 -> 0.16 s for the rule files).
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):
    """A safe loader whose mappings carry the line they start on."""


def _mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    data = loader.construct_mapping(node, deep=True)
    data[LINE] = node.start_mark.line + 1
    return data


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def read_yaml(path: Path) -> Any:
    """YAML with line numbers on every mapping; a syntax error is a RuleError."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.YAMLError as exc:
        raise RuleError(f"cannot parse rule file: {exc}", path=path,
                        hint="fix the YAML syntax") from exc


def strip_lines(value: Any) -> Any:
    """The same data without the line markers (for spaCy patterns)."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k != LINE}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value


def _check_fields(entry: dict, schema: dict, where: str, errors: list[str]) -> None:
    for name, (kind, required) in schema.items():
        if name not in entry:
            if required:
                errors.append(f"{where}: missing field {name!r}")
            continue
        value = entry[name]
        ok = isinstance(value, kind) or (kind is float and isinstance(value, int))
        if not ok:
            errors.append(f"{where}: field {name!r} must be {kind.__name__}")
    for name in entry:
        if name != LINE and name not in schema:
            errors.append(f"{where}: unknown field {name!r}")


@dataclass(slots=True)
class Pattern:
    id: str
    example: str
    shape: str | None
    pattern: list | None
    line: int
    # the trigger's clause dates a later act, not the event ("declared X the winner on
    # Tuesday": the vote was earlier): no date is read for it
    undated: bool = False
    # a pattern of its own whose trigger is a noun ("its withdrawal from the bloc") reads
    # its roles as a nominalisation does (possessor, of-phrase, light verb); else active
    voice: str | None = None
    # the pattern names the state opposite to the event, which thus did not happen ("the
    # port remained open": a negated Closure)
    negated: bool = False
    # the pattern itself says the act is of its type, so the theme need not be of the kind
    # the trigger lemma asks for elsewhere (``theme_for``): "A and B agreed to set up a
    # committee" is an Agreement on setting it up, though "agree" alone needs an agreement
    # noun ("X agreed to send troops" is none)
    any_theme: bool = False
    # the trigger noun names the people the event befell, so its own count is the event's
    # quantity ("registered 2,300 evacuees": an evacuation of 2,300)
    counted: bool = False
    # the pattern says what is given in words the sentence need not use: money paid to the
    # bereaved or the hurt is a compensation payment, whatever the sum's words
    theme_text: str | None = None


@dataclass(slots=True)
class EventRules:
    """One event type's lexicon, argument map and patterns."""

    kind: str
    category: str
    confidence: float
    verbs: list[str]
    nouns: list[str]
    phrases: list[str]
    args: dict[str, str]
    patterns: list[Pattern]
    path: Path
    theme_must_be: str | None = None
    quantity_required: bool = False
    # trigger lemma -> the constraint its theme must meet ("close" a closable thing)
    theme_for: dict[str, str] = field(default_factory=dict)
    # trigger lemma -> slot -> role (None: the slot fills nothing): "blame X on Y"
    lemma_args: dict[str, dict[str, str | None]] = field(default_factory=dict)
    # types that win when they read a fact from the same trigger token
    yields_to: list[str] = field(default_factory=list)
    # trigger lemma -> types of ``yields_to`` this type stands beside on that lemma, both
    # kept: relief flown in is given and moved ("flew in 4 tonnes of maize to X")
    kept_beside: dict[str, list[str]] = field(default_factory=dict)
    # at least one of these roles must be filled (none: no requirement)
    requires: list[str] = field(default_factory=list)
    # a verb trigger's required role must come from its own phrase ("returned to X"), not
    # from a place found further off ("returning to normal ... in the city")
    requires_framed: bool = False
    # at least one of these roles must be an entity or a count (none: no requirement)
    requires_named: list[str] = field(default_factory=list)
    # a theme named by a force or body noun becomes an entity ("the battalion of the AU");
    # otherwise it stays text ("eleven soldiers were injured")
    theme_creates: bool = False
    # types an infinitive purpose of this event is an event of ("sent to guard": Protection)
    purpose_events: list[str] = field(default_factory=list)
    # its theme and cause are contents (what is asked for, ordered, alleged): an event
    # named there is no fact of its own (docs/evaluation.md)
    content: bool = False
    # the subject of an object-less verb counts only when it names people or a count
    intransitive_counted: bool = False
    # an ongoing situation: one event per document (Protest, StateOfEmergency ...)
    situation: bool = False
    extras: list[str] = field(default_factory=list)  # see _EXTRAS


@dataclass(slots=True)
class RuleSet:
    """Everything under kg/rules/events/."""

    types: dict[str, EventRules]
    shapes: dict[str, dict]
    lists: dict[str, Any]
    statements: dict[str, Any]
    relations: dict[str, Any]
    files: list[Path] = field(default_factory=list)
    factuality: dict[str, Any] = field(default_factory=dict)  # factuality.yaml

    @property
    def situations(self) -> frozenset[str]:
        """Types whose facts are one ongoing situation per document (``situation: true``)."""
        return frozenset(k for k, t in self.types.items() if t.situation)

    def lemma_type(self) -> dict[str, str]:
        """Trigger lemma (verbs and nouns, first word of phrases) -> event type."""
        out: dict[str, str] = {}
        for t in self.types.values():
            for w in [*t.nouns, *t.verbs, *(p.split()[-1] for p in t.phrases)]:
                out.setdefault(w.split()[0] if " " in w and w not in t.phrases else w, t.kind)
        return out


def _check_args(args: dict, where: str, errors: list[str], *, nullable: bool = False) -> None:
    for slot, role in args.items():
        if slot == LINE:
            continue
        if isinstance(slot, bool):  # YAML 1.1 reads a bare `on:` as true
            errors.append(f"{where}: argument slot {slot!r}: quote the key (\"on\")")
        elif slot not in _SLOTS:
            errors.append(f"{where}: unknown argument slot {slot!r}")
        if role not in _ROLES and not (nullable and role is None):
            errors.append(f"{where}: unknown role {role!r} for slot {slot!r}")


def _load_type(path: Path, shapes: dict, errors: list[str], lists: dict
               ) -> EventRules | None:
    data = read_yaml(path)
    if not isinstance(data, dict):
        errors.append(f"{path}:1: a type file must be a mapping")
        return None
    where = f"{path}:{data.get(LINE, 1)}"
    before = len(errors)
    _check_fields(data, _TYPE_FILE, where, errors)
    if len(errors) > before:
        return None
    if data["type"] not in _FACT_KINDS:
        errors.append(f"{where}: unknown event type {data['type']!r}")
    if data["category"] != "event":
        errors.append(f"{where}: category must be 'event'")
    if not 0 < float(data["confidence"]) <= 1:
        errors.append(f"{where}: confidence must be in (0, 1]")
    lex = data["lexicon"]
    for key in lex:
        if key != LINE and key not in {"verbs", "nouns", "phrases"}:
            errors.append(f"{path}:{lex[LINE]}: unknown lexicon list {key!r}")
        elif key != LINE and not (isinstance(lex[key], list)
                                  and all(isinstance(w, str) and w for w in lex[key])):
            errors.append(f"{path}:{lex[LINE]}: lexicon {key!r} must be a list of words")
    args = data["args"]
    _check_args(args, f"{path}:{args[LINE]}", errors)
    constraints = [data.get("theme_must_be"), *(v for k, v in (data.get("theme_for") or {}).items()
                                                 if k != LINE)]
    for need in constraints:
        if need is not None and need not in _CONSTRAINTS and \
                not isinstance(lists.get(need), list):
            errors.append(f"{where}: theme constraint {need!r} is neither one of "
                          f"{sorted(_CONSTRAINTS)} nor a word list of lexicon.yaml")
    for lemma, over in (data.get("lemma_args") or {}).items():
        if lemma == LINE:
            continue
        if not isinstance(over, dict):
            errors.append(f"{where}: lemma_args of {lemma!r} must map slots to roles")
            continue
        _check_args(over, f"{path}:{over.get(LINE, data[LINE])}", errors, nullable=True)
    for extra in data.get("extras") or []:
        if extra not in _EXTRAS:
            errors.append(f"{where}: unknown extra reader {extra!r} (known: {sorted(_EXTRAS)})")
    for field_name in ("yields_to", "purpose_events"):
        for kind in data.get(field_name) or []:
            if kind not in _FACT_KINDS:
                errors.append(f"{where}: {field_name} names unknown type {kind!r}")
    for name in ("requires", "requires_named"):
        for role in data.get(name) or []:
            if role not in _ROLES and role not in ("quantity", "date", "dateEnd"):
                errors.append(f"{where}: {name} names unknown role {role!r}")
    patterns = []
    for p in data["patterns"]:
        if not isinstance(p, dict):
            errors.append(f"{where}: each pattern must be a mapping")
            continue
        pw = f"{path}:{p[LINE]}"
        n = len(errors)
        _check_fields(p, _PATTERN, pw, errors)
        if len(errors) > n:
            continue
        if ("shape" in p) == ("pattern" in p):
            errors.append(f"{pw}: give exactly one of 'shape' or 'pattern'")
            continue
        shape = p.get("shape")
        if shape is not None and shape not in shapes and shape not in _SHAPES_EXTRA:
            errors.append(f"{pw}: unknown shape {shape!r}")
            continue
        if p.get("voice") not in (None, "active", "passive", "nominal") or (
                "voice" in p and shape is not None):
            errors.append(f"{pw}: voice (a pattern of its own only) must be active, "
                          "passive or nominal")
            continue
        patterns.append(Pattern(p["id"], p["example"], shape,
                                strip_lines(p.get("pattern")), p[LINE],
                                bool(p.get("undated", False)), p.get("voice"),
                                bool(p.get("negated", False)),
                                bool(p.get("any_theme", False)),
                                bool(p.get("counted", False)), p.get("theme_text")))
    return EventRules(
        kind=data["type"], category=data["category"], confidence=float(data["confidence"]),
        verbs=list(lex.get("verbs", [])), nouns=list(lex.get("nouns", [])),
        phrases=list(lex.get("phrases", [])), args=strip_lines(args), patterns=patterns,
        path=path, theme_must_be=data.get("theme_must_be"),
        quantity_required=bool(data.get("quantity_required", False)),
        theme_for=strip_lines(data.get("theme_for") or {}),
        lemma_args=strip_lines(data.get("lemma_args") or {}),
        yields_to=list(data.get("yields_to") or []),
        kept_beside={k: list(v) for k, v in strip_lines(data.get("kept_beside") or {}).items()},
        requires=list(data.get("requires") or []),
        intransitive_counted=bool(data.get("intransitive_counted", False)),
        situation=bool(data.get("situation", False)),
        requires_framed=bool(data.get("requires_framed", False)),
        requires_named=list(data.get("requires_named") or []),
        theme_creates=bool(data.get("theme_creates", False)),
        purpose_events=list(data.get("purpose_events") or []),
        content=bool(data.get("content", False)),
        extras=list(data.get("extras") or []))


def _load_shapes(path: Path, errors: list[str]) -> dict[str, dict]:
    data = read_yaml(path)
    shapes = data.get("shapes") if isinstance(data, dict) else None
    if not isinstance(shapes, dict):
        errors.append(f"{path}:1: expected a mapping 'shapes'")
        return {}
    out = {}
    for name, spec in shapes.items():
        if name == LINE:
            continue
        where = f"{path}:{spec.get(LINE, 1) if isinstance(spec, dict) else 1}"
        if not isinstance(spec, dict) or not isinstance(spec.get("pattern"), list):
            errors.append(f"{where}: shape {name!r} needs a 'pattern' list")
            continue
        if spec.get("voice") not in {"active", "passive", "nominal"}:
            errors.append(f"{where}: shape {name!r}: voice must be active, passive or nominal")
            continue
        alternatives = spec.get("also", [])
        if not isinstance(alternatives, list) or not all(
                isinstance(a, list) and a for a in alternatives):
            errors.append(f"{where}: shape {name!r}: 'also' must be a list of patterns")
            continue
        if any(not pat or pat[0].get("RIGHT_ID") != "trigger"
               for pat in [spec["pattern"], *alternatives]):
            errors.append(f"{where}: shape {name!r}: the first node must be 'trigger'")
            continue
        out[name] = strip_lines(spec)
    return out


def _need(data: Any, keys: list[str], path: Path, errors: list[str]) -> None:
    if not isinstance(data, dict):
        errors.append(f"{path}:1: expected a mapping")
        return
    for k in keys:
        if k not in data:
            errors.append(f"{path}:{data.get(LINE, 1)}: missing {k!r}")


def _check_body_owners(relations: Any, path: Path, errors: list[str]) -> None:
    """relations.yaml ``position.body_owners``: noun -> {types: [entity types], words}."""
    from kg.records import EntityType

    spec = relations.get("position", {}) if isinstance(relations, dict) else {}
    owners = spec.get("body_owners", {}) if isinstance(spec, dict) else {}
    if not isinstance(owners, dict):
        errors.append(f"{path}:{spec.get(LINE, 1)}: body_owners must be a mapping")
        return
    known = {t.value for t in EntityType}
    for noun, entry in owners.items():
        if noun == LINE:
            continue
        line = entry.get(LINE, spec.get(LINE, 1)) if isinstance(entry, dict) else 1
        if not isinstance(entry, dict) or not entry.get("types") or not entry.get("words"):
            errors.append(f"{path}:{line}: body_owners {noun!r} needs types and words")
            continue
        bad = [t for t in entry["types"] if t not in known]
        if bad:
            errors.append(f"{path}:{line}: body_owners {noun!r}: unknown type(s) {bad}")


def load_rules(directory: Path | None = None) -> RuleSet:
    """Read and check every rule file; one RuleError lists all problems."""
    directory = directory or rules_dir() / "events"
    errors: list[str] = []
    shapes = _load_shapes(directory / "shapes.yaml", errors)
    lexicon = read_yaml(directory / "lexicon.yaml")
    _need(lexicon, ["lists"], directory / "lexicon.yaml", errors)
    statements = read_yaml(directory / "statements.yaml")
    _need(statements, ["cues", "media", "documents", "headline_cues", "patterns",
                       "addressee_participles", "speakers", "release_voice"],
          directory / "statements.yaml", errors)
    relations = read_yaml(directory / "relations.yaml")
    factuality = read_yaml(directory / "factuality.yaml")
    _need(factuality, ["negation", "future", "hypothetical", "claimed", "reported_future",
                       "transparent", "opinion_heads"], directory / "factuality.yaml", errors)
    _need(relations, ["membership", "position", "part_of", "patterns"],
          directory / "relations.yaml", errors)
    _check_body_owners(relations, directory / "relations.yaml", errors)
    for extra, data in ((directory / "statements.yaml", statements),
                        (directory / "relations.yaml", relations)):
        for p in (data or {}).get("patterns", []) if isinstance(data, dict) else []:
            n = len(errors)
            _check_fields(p, _PATTERN, f"{extra}:{p.get(LINE, 1)}", errors)
            if len(errors) == n and p.get("shape") not in _SHAPES_EXTRA:
                errors.append(f"{extra}:{p[LINE]}: unknown shape {p.get('shape')!r}")
    lists = lexicon.get("lists", {}) if isinstance(lexicon, dict) else {}
    types: dict[str, EventRules] = {}
    files = [directory / n for n in ("shapes.yaml", "lexicon.yaml", "statements.yaml",
                                     "relations.yaml", "factuality.yaml")]
    for path in sorted(directory.glob("*.yaml")):
        if path in files:
            continue
        files.append(path)
        rules = _load_type(path, shapes, errors, lists)
        if rules is None:
            continue
        if rules.kind in types:
            errors.append(f"{path}:1: type {rules.kind} already defined in "
                          f"{types[rules.kind].path.name}")
        types[rules.kind] = rules
    ids: dict[str, str] = {}
    for t in types.values():
        for p in t.patterns:
            if p.id in ids:
                errors.append(f"{t.path}:{p.line}: pattern id {p.id!r} used twice")
            ids[p.id] = str(t.path)
    if errors:
        raise RuleError("invalid event rules:\n  " + "\n  ".join(errors),
                        hint="fix the entries listed (file:line)", path=directory)
    return RuleSet(types=types, shapes=shapes, lists=strip_lines(lexicon["lists"]),
                   statements=strip_lines(statements), relations=strip_lines(relations),
                   files=files, factuality=strip_lines(factuality))


@cache
def event_rules() -> RuleSet:
    """The shipped rules, loaded once per process."""
    return load_rules()


@cache
def lexicon_words(name: str) -> frozenset[str]:
    """An event lexicon list (kg/rules/events/lexicon.yaml ``lists``), lower-cased, for the
    word tests of the parse mends and entity rules: read from the rule set the build loads
    and checks anyway, once per list."""
    return frozenset(w.lower() for w in event_rules().lists.get(name, ()))
