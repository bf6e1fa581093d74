"""The reference knowledge base: SKOS entries in Turtle (``ontology/kb/*.ttl`` and ``--kb``).

Each entry is a subject with exactly one ``skos:prefLabel``, any number of
``skos:altLabel``, exactly one kg entity class (``a kg:ArmedForce``) and
optional ``owl:sameAs`` links. The KB only helps: it feeds the rule layer in
front of the statistical NER and gives matching mentions a canonical name, a
type and links. Entities the model finds need no entry.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kg.errors import RuleError
from kg.records import EntityType
from kg.resources import ontology_dir

KG_NS = "https://w3id.org/kg-news/ns#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass(frozen=True, slots=True)
class KbEntry:
    iri: str
    label: str
    type: EntityType
    alt_labels: tuple[str, ...] = ()
    same_as: tuple[str, ...] = ()
    source: str = ""

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.alt_labels)


def fold_label(text: str) -> str:
    """Case, quotes and spacing folded: how labels are matched."""
    s = unicodedata.normalize("NFC", text).replace("’", "'").replace("‘", "'")
    return " ".join(s.casefold().split())


@dataclass(slots=True)
class KnowledgeBase:
    entries: list[KbEntry] = field(default_factory=list)
    by_label: dict[str, list[KbEntry]] = field(default_factory=dict)
    files: tuple[str, ...] = ()

    def add(self, entry: KbEntry) -> None:
        self.entries.append(entry)
        for label in entry.labels:
            bucket = self.by_label.setdefault(fold_label(label), [])
            if entry not in bucket:
                bucket.append(entry)

    def lookup(self, text: str) -> KbEntry | None:
        """The one entry with this label; None when there is none or several."""
        found = self.by_label.get(fold_label(text), [])
        return found[0] if len(found) == 1 else None


def parse_kb_file(path: Path) -> list[KbEntry]:
    """Entries of one Turtle file; raises RuleError listing every malformed entry."""
    import rdflib

    g = rdflib.Graph()
    try:
        g.parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise RuleError(f"cannot parse knowledge-base file: {exc}", path=path,
                        hint="it must be Turtle with skos:prefLabel and a kg: class") from exc
    except Exception as exc:  # rdflib raises its own parser exceptions
        if type(exc).__module__.startswith("rdflib"):
            raise RuleError(f"cannot parse knowledge-base file: {exc}", path=path,
                            hint="it must be Turtle with skos:prefLabel and a kg: class"
                            ) from exc
        raise
    pref = rdflib.URIRef(SKOS_NS + "prefLabel")
    alt = rdflib.URIRef(SKOS_NS + "altLabel")
    types = {t.value for t in EntityType}
    entries, errors = [], []
    for subject in sorted(set(g.subjects(pref, None)), key=str):
        labels = [str(o) for o in g.objects(subject, pref)]
        classes = [str(o)[len(KG_NS):] for o in g.objects(subject, rdflib.RDF.type)
                   if str(o).startswith(KG_NS) and str(o)[len(KG_NS):] in types]
        problems = []
        if len(set(labels)) != 1:
            problems.append(f"needs exactly one skos:prefLabel, has {len(set(labels))}")
        if len(set(classes)) != 1:
            problems.append("needs exactly one kg entity class (one of "
                            f"{', '.join(sorted(types))}), has {len(set(classes))}")
        if problems:
            errors.append(f"{path}: <{subject}>: {'; '.join(problems)}")
            continue
        entries.append(KbEntry(
            iri=str(subject), label=labels[0], type=EntityType(classes[0]),
            alt_labels=tuple(sorted({str(o) for o in g.objects(subject, alt)})),
            same_as=tuple(sorted(str(o) for o in g.objects(subject, rdflib.OWL.sameAs))),
            source=str(path)))
    if errors:
        raise RuleError("malformed knowledge-base entries:\n" + "\n".join(errors),
                        hint="give every entry one skos:prefLabel and one kg: class")
    if not entries:
        raise RuleError("no knowledge-base entries (subjects with skos:prefLabel)", path=path)
    return entries


def default_kb_files() -> tuple[Path, ...]:
    kb_dir = ontology_dir() / "kb"
    return tuple(sorted(kb_dir.glob("*.ttl"))) if kb_dir.is_dir() else ()


@cache
def _load(files: tuple[str, ...]) -> KnowledgeBase:
    kb = KnowledgeBase(files=files)
    for name in files:
        path = Path(name)
        if not path.is_file():
            raise RuleError("knowledge-base file not found", path=path,
                            hint="pass an existing Turtle file to --kb")
        for entry in parse_kb_file(path):
            kb.add(entry)
    return kb


def load_kb(extra: Iterable[str | Path] = (), *, defaults: bool = True) -> KnowledgeBase:
    """The shipped KB plus ``extra`` user files, parsed once per process."""
    files = [str(p) for p in default_kb_files()] if defaults else []
    files += [str(Path(p).resolve()) for p in extra]
    return _load(tuple(dict.fromkeys(files)))
