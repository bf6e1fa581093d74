"""Expand command-line inputs (files, directories, globs, ``-``) into sources."""

from __future__ import annotations

import glob
import sys
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError

TEXT_SUFFIXES = (".txt", ".text", ".html", ".htm")


@dataclass(frozen=True, slots=True)
class Source:
    """One input: a path, or stdin's bytes under the name ``stdin``."""

    name: str
    path: Path | None = None
    data: bytes | None = None

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        assert self.path is not None
        try:
            return self.path.read_bytes()
        except OSError as exc:
            if self.path.is_symlink() and not self.path.exists():
                raise InputError("cannot read file: it is a broken symbolic link", path=self.path,
                                 hint="fix or remove the link") from exc
            raise InputError(f"cannot read file: {exc.strerror or exc}", path=self.path,
                             hint="check that it exists and is readable") from exc


def expand_sources(inputs: list[str]) -> list[Source]:
    """Files as given; directories recursively for text/HTML files; globs; ``-`` for stdin.

    Raises :class:`InputError` for an input that matches nothing, so a typo is
    never silently an empty build.
    """
    out: list[Source] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            out.append(Source(name=str(path), path=path))

    for item in inputs:
        if item == "-":
            out.append(Source(name="stdin", data=sys.stdin.buffer.read()))
            continue
        path = Path(item)
        if path.is_dir():
            # Dangling links are kept so the build reports them instead of skipping silently.
            files = sorted(p for p in path.rglob("*")
                           if p.suffix.lower() in TEXT_SUFFIXES
                           and (p.is_file() or (p.is_symlink() and not p.exists())))
            if not files:
                raise InputError("the directory holds no text or HTML file", path=item,
                                 hint=f"kg reads files ending in {', '.join(TEXT_SUFFIXES)}")
            for p in files:
                add(p)
        elif path.exists() or path.is_symlink():
            add(path)
        elif any(ch in item for ch in "*?["):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise InputError("the pattern matches no file", path=item)
            for m in matches:
                if Path(m).is_file():
                    add(Path(m))
        else:
            raise InputError("no such file or directory", path=item)
    return out
