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
    "Appointment", "Dismissal", "Accusation",
}
_SLOTS = {"subject", "intransitive_subject", "object", "object_entity", "object_possessor",
          "passive_subject", "by", "possessor", "to", "for", "of", "with",
          "phrase_object"}  # "set fire to X": the object after a multi-word trigger
_ROLES = {"agent", "theme", "addressee", "participant", "location", "purpose", "requestedBy"}
_SHAPES_EXTRA = {"phrase", "cue", "according", "headline", "relation"}
_CONSTRAINTS = {"force", "person"}

# field -> (type, required)
_TYPE_FILE = {"type": (str, True), "category": (str, True), "confidence": (float, True),
              "lexicon": (dict, True), "args": (dict, True), "patterns": (list, True),
              "theme_must_be": (str, False), "quantity_required": (bool, False)}
_PATTERN = {"id": (str, True), "example": (str, True), "shape": (str, False),
            "pattern": (list, False)}


class _LineLoader(yaml.SafeLoader):
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


@dataclass(slots=True)
class RuleSet:
    """Everything under kg/rules/events/."""

    types: dict[str, EventRules]
    shapes: dict[str, dict]
    lists: dict[str, Any]
    statements: dict[str, Any]
    relations: dict[str, Any]
    files: list[Path] = field(default_factory=list)

    def lemma_type(self) -> dict[str, str]:
        """Trigger lemma (verbs and nouns, first word of phrases) -> event type."""
        out: dict[str, str] = {}
        for t in self.types.values():
            for w in [*t.nouns, *t.verbs, *(p.split()[-1] for p in t.phrases)]:
                out.setdefault(w.split()[0] if " " in w and w not in t.phrases else w, t.kind)
        return out


def _load_type(path: Path, shapes: dict, errors: list[str]) -> EventRules | None:
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
    for slot, role in args.items():
        if slot == LINE:
            continue
        if slot not in _SLOTS:
            errors.append(f"{path}:{args[LINE]}: unknown argument slot {slot!r}")
        if role not in _ROLES:
            errors.append(f"{path}:{args[LINE]}: unknown role {role!r} for slot {slot!r}")
    if data.get("theme_must_be") not in (None, *_CONSTRAINTS):
        errors.append(f"{where}: theme_must_be must be one of {sorted(_CONSTRAINTS)}")
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
        patterns.append(Pattern(p["id"], p["example"], shape,
                                strip_lines(p.get("pattern")), p[LINE]))
    return EventRules(
        kind=data["type"], category=data["category"], confidence=float(data["confidence"]),
        verbs=list(lex.get("verbs", [])), nouns=list(lex.get("nouns", [])),
        phrases=list(lex.get("phrases", [])), args=strip_lines(args), patterns=patterns,
        path=path, theme_must_be=data.get("theme_must_be"),
        quantity_required=bool(data.get("quantity_required", False)))


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
        if not spec["pattern"] or spec["pattern"][0].get("RIGHT_ID") != "trigger":
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


def load_rules(directory: Path | None = None) -> RuleSet:
    """Read and check every rule file; one RuleError lists all problems."""
    directory = directory or rules_dir() / "events"
    errors: list[str] = []
    shapes = _load_shapes(directory / "shapes.yaml", errors)
    lexicon = read_yaml(directory / "lexicon.yaml")
    _need(lexicon, ["lists"], directory / "lexicon.yaml", errors)
    statements = read_yaml(directory / "statements.yaml")
    _need(statements, ["cues", "media", "documents", "headline_cues", "patterns",
                       "addressee_participles", "speakers"], directory / "statements.yaml", errors)
    relations = read_yaml(directory / "relations.yaml")
    _need(relations, ["membership", "position", "part_of", "patterns"],
          directory / "relations.yaml", errors)
    for extra, data in ((directory / "statements.yaml", statements),
                        (directory / "relations.yaml", relations)):
        for p in (data or {}).get("patterns", []) if isinstance(data, dict) else []:
            n = len(errors)
            _check_fields(p, _PATTERN, f"{extra}:{p.get(LINE, 1)}", errors)
            if len(errors) == n and p.get("shape") not in _SHAPES_EXTRA:
                errors.append(f"{extra}:{p[LINE]}: unknown shape {p.get('shape')!r}")
    types: dict[str, EventRules] = {}
    files = [directory / n for n in ("shapes.yaml", "lexicon.yaml", "statements.yaml",
                                     "relations.yaml")]
    for path in sorted(directory.glob("*.yaml")):
        if path in files:
            continue
        files.append(path)
        rules = _load_type(path, shapes, errors)
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
                   files=files)


@cache
def event_rules() -> RuleSet:
    """The shipped rules, loaded once per process."""
    return load_rules()
