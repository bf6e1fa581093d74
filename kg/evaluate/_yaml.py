"""Read YAML data files node by node so every error names its line.

PyYAML's composed node tree keeps a start mark on every node; walking it
(instead of the plain loaded objects) lets a schema check say "line 42:
unknown role 'agnet'" rather than just "invalid file".
"""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kg.errors import KgError

Scalar = str | int | float | bool | None

# libyaml's C parser when PyYAML has it: the same nodes and marks (a plain scalar's
# style is '' instead of None, which nothing here reads), about eight times faster:
# 187 dev gold files 15.1 -> 1.9 s.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class NodeReader:
    """Schema helpers bound to one file and one error class."""

    def __init__(self, path: Path | str, error: type[KgError]):
        self.path = Path(path)
        self.error = error

    def load(self, text: str | None = None) -> Node | None:
        """Compose the file (or ``text``) into a node tree; syntax errors carry their line."""
        if text is None:
            try:
                text = self.path.read_text(encoding="utf-8")
            except OSError as exc:
                raise self.error(f"cannot read: {exc.strerror or exc}", path=self.path,
                                 hint="check the path") from exc
            except UnicodeDecodeError as exc:
                raise self.error(f"not UTF-8 text: {exc}", path=self.path) from exc
        try:
            return yaml.compose(text, Loader=_SafeLoader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            where = f"line {mark.line + 1}: " if mark is not None else ""
            problem = exc.problem or exc.context or "invalid YAML"
            raise self.error(f"{where}YAML syntax error: {problem}", path=self.path,
                             hint="fix the YAML syntax") from exc
        except yaml.YAMLError as exc:
            raise self.error(f"YAML error: {exc}", path=self.path) from exc

    def fail(self, node: Node | None, message: str, hint: str | None = None) -> KgError:
        where = f"line {line_of(node)}: " if node is not None else ""
        return self.error(f"{where}{message}", path=self.path, hint=hint)

    def mapping(self, node: Node, what: str) -> dict[str, Node]:
        """A mapping with string keys, in file order; duplicate keys are an error."""
        if not isinstance(node, MappingNode):
            raise self.fail(node, f"{what} must be a mapping (key: value)")
        out: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = self.scalar(key_node, f"a key of {what}")
            if not isinstance(key, str):
                key = str(key).lower() if isinstance(key, bool) else str(key)
            if key in out:
                raise self.fail(key_node, f"duplicate key {key!r} in {what}")
            out[key] = value_node
        return out

    def keys(self, node: Node, what: str, *, required: tuple[str, ...] = (),
             optional: tuple[str, ...] = ()) -> dict[str, Node]:
        """A mapping whose keys are checked against the required and optional ones."""
        items = self.mapping(node, what)
        for name in required:
            if name not in items:
                raise self.fail(node, f"{what} lacks {name!r}")
        allowed = set(required) | set(optional)
        for name, value in items.items():
            if name not in allowed:
                raise self.fail(value, f"unknown key {name!r} in {what}",
                                hint=f"allowed: {', '.join(sorted(allowed))}")
        return items

    def sequence(self, node: Node, what: str) -> list[Node]:
        if not isinstance(node, SequenceNode):
            raise self.fail(node, f"{what} must be a list")
        return list(node.value)

    def scalar(self, node: Node, what: str) -> Scalar:
        """A scalar as Python value; timestamps stay ISO strings."""
        if not isinstance(node, ScalarNode):
            raise self.fail(node, f"{what} must be a single value, not a "
                                  f"{'list' if isinstance(node, SequenceNode) else 'mapping'}")
        tag, value = node.tag, node.value
        if tag.endswith(":null"):
            return None
        if tag.endswith(":bool"):
            return value.lower() in ("true", "yes", "on", "y")
        if tag.endswith(":int"):
            digits = value.replace("_", "")
            try:
                return int(digits, 0)
            except ValueError:
                pass
            try:
                return int(digits)
            except ValueError as exc:  # e.g. "!!int entities": an explicit tag on a word
                raise self.fail(node, f"{what}: not an integer: {value!r}") from exc
        if tag.endswith(":float"):
            special = {".inf": "inf", "+.inf": "inf", "-.inf": "-inf", ".nan": "nan"}
            try:
                return float(special.get(value.lower(), value.replace("_", "")))
            except ValueError as exc:
                raise self.fail(node, f"{what}: not a number: {value!r}") from exc
        return value

    def string(self, node: Node, what: str, *, allow_empty: bool = False) -> str:
        value = self.scalar(node, what)
        if isinstance(value, bool) or value is None:
            raise self.fail(node, f"{what} must be text, got {node.value!r}",
                            hint="quote it if it is meant as text")
        text = str(value)
        if not allow_empty and not text.strip():
            raise self.fail(node, f"{what} must not be empty")
        return text

    def number(self, node: Node, what: str) -> float:
        value = self.scalar(node, what)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(node, f"{what} must be a number, got {node.value!r}")
        return float(value)

    def boolean(self, node: Node, what: str) -> bool:
        value = self.scalar(node, what)
        if not isinstance(value, bool):
            raise self.fail(node, f"{what} must be true or false, got {node.value!r}")
        return value

    def strings(self, node: Node, what: str) -> list[str]:
        return [self.string(n, f"an item of {what}") for n in self.sequence(node, what)]


def line_of(node: Node) -> int:
    """1-based line where ``node`` starts."""
    return node.start_mark.line + 1
