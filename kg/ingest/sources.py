"""Expand command-line inputs (files, directories, globs, ``-``) into sources.

Only regular files are read: a FIFO would block forever and a device such as
``/dev/zero`` never ends, so both are refused by name before any byte is read,
and every read stops one byte past the size limit. In a folder, symbolic links
are followed only while they stay inside it (``follow_links`` lifts that); a
link loop is reported as a failed source, never a crash.
"""

from __future__ import annotations

import errno
import glob
import hashlib
import io
import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from kg.errors import InputError
from kg.limits import DEFAULT_MAX_BYTES, DEFAULT_STREAM_BYTES

if TYPE_CHECKING:
    from kg.ingest.spool import Spool

TEXT_SUFFIXES = (".txt", ".text", ".html", ".htm")
# JSON Lines news archives, one article per line (kg/ingest/archives.py)
ARCHIVE_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
# Files a folder may hold that look like articles kg does not read: named in a warning
# (data files such as .yaml gold annotations or .json are skipped without a word).
NOTED_SUFFIXES = frozenset({"", ".md", ".markdown", ".rst", ".pdf", ".doc", ".docx", ".rtf",
                            ".odt", ".xhtml", ".shtml", ".eml", ".mht", ".mhtml"})



def readable(name: str) -> bool:
    """Whether a folder's file is one kg reads: text, HTML or a JSON Lines archive."""
    lower = name.lower()
    return lower.endswith(TEXT_SUFFIXES) or lower.endswith(ARCHIVE_SUFFIXES)


_ID_UNSAFE = re.compile(r"[^\w.-]+")


@dataclass(frozen=True, slots=True)
class Source:
    """One input: a path, stdin (``-``), or given bytes.

    ``rel`` is the path relative to the command-line argument it came from (the file
    name for a file argument); the document id is made from it. ``problem`` is set for
    an entry that must not be read (a link loop, a link leaving the folder): reading it
    raises that error.
    """

    name: str
    path: Path | None = None
    data: bytes | None = None
    rel: str | None = None
    stdin: bool = False
    problem: str | None = None
    skip: bool = False  # the problem is a deliberate skip (a warning), not a failure

    @property
    def identity(self) -> str:
        """What tells two sources apart across builds: the resolved path, or ``-``."""
        if self.path is None:
            return "-"
        return os.path.realpath(self.path)

    def size(self) -> int | None:
        """The bytes the source holds, without reading it; None for standard input. A
        file that cannot be looked at counts as empty (reading it reports why)."""
        if self.data is not None:
            return len(self.data)
        if self.stdin or self.path is None:
            return None
        try:
            info = os.stat(self.path)
        except OSError:
            return 0
        return info.st_size if stat.S_ISREG(info.st_mode) else 0

    def regular_size(self, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> int | None:
        """The size of a regular file on disk, checked as :meth:`read` checks it, without
        reading it; None for anything else (read it)."""
        if self.problem is not None or self.data is not None or self.stdin \
                or self.path is None:
            return None
        try:
            info = os.stat(self.path)
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        _check_size(info.st_size, max_bytes, str(self.path))
        return info.st_size

    def read(self, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> bytes:
        """The source's bytes; refuses non-regular files and files over ``max_bytes``."""
        if self.problem is not None:
            raise InputError(self.problem, path=self.name)
        if self.data is not None:
            _check_size(len(self.data), max_bytes, self.name)
            return self.data
        if self.stdin:
            max_bytes = _stream_limit(max_bytes)
            data = sys.stdin.buffer.read(-1 if not max_bytes else max_bytes + 1)
            _check_size(len(data), max_bytes, self.name, stream=True)
            return data
        assert self.path is not None
        return _read_regular(self.path, max_bytes)

    def read_or_spool(self, *, max_bytes: int | None = DEFAULT_MAX_BYTES,
                      over: int) -> bytes | Spool:
        """Standard input's bytes as :meth:`read` gives them, or, when there are more
        than ``over``, a :class:`kg.ingest.spool.Spool`: a temporary file holding them,
        written as they come (the same limit, the same message)."""
        from kg.ingest.spool import read_or_spool

        assert self.stdin and self.problem is None and self.data is None
        return read_or_spool(sys.stdin.buffer, name=self.name, over=over,
                             max_bytes=_stream_limit(max_bytes), too_large=_check_size)

    def open(self) -> BinaryIO:
        """A binary stream over the source (a JSON Lines archive, read line by line)."""
        if self.problem is not None:
            raise InputError(self.problem, path=self.name)
        if self.data is not None:
            return io.BytesIO(self.data)
        if self.stdin or self.path is None:
            raise InputError("an archive cannot come from standard input", path=self.name,
                             hint="give the .jsonl file as an argument")
        try:
            info = os.stat(self.path)
            if not stat.S_ISREG(info.st_mode):
                raise InputError("cannot read the archive: it is not a regular file",
                                 path=self.path)
            return open(self.path, "rb")
        except OSError as exc:
            raise _os_error(self.path, exc) from exc


def _stream_limit(max_bytes: int | None) -> int:
    """The limit for a stream (0: none): without one asked for, a stream may never end,
    so it is read up to ``DEFAULT_STREAM_BYTES``."""
    return DEFAULT_STREAM_BYTES if max_bytes is None else max_bytes


def _check_size(size: int, max_bytes: int | None, name: str, *, stream: bool = False) -> None:
    """Refuse more than ``max_bytes``; a stream is read one byte past it, so its size is
    only known to be larger."""
    if max_bytes and size > max_bytes:
        what = f"over {_mb(max_bytes)}" if stream else f"{_mb(size)}"
        raise InputError(
            f"file too large: {what} (the limit is {_mb(max_bytes)} per document; a news "
            "article is under 0.1 MB)", path=name,
            hint="raise the limit with --max-size MB (0: no limit); a long document is "
                 "built in parts in bounded memory: see docs/reliability.md")


def _mb(size: int) -> str:
    return f"{size / 2**20:.1f} MB" if size >= 2**20 / 10 else f"{size:,} bytes"


def _read_regular(path: Path, max_bytes: int | None) -> bytes:
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _os_error(path, exc) from exc
    mode = info.st_mode
    if not stat.S_ISREG(mode):
        what = ("a directory" if stat.S_ISDIR(mode) else
                "a named pipe (FIFO): reading it would wait for a writer" if stat.S_ISFIFO(mode)
                else "a device, not a file" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
                else "a socket" if stat.S_ISSOCK(mode) else "not a regular file")
        raise InputError(f"cannot read file: it is {what}", path=path,
                         hint="kg reads regular files; pipe a stream into `kg build -`")
    _check_size(info.st_size, max_bytes, str(path))
    try:
        # O_NONBLOCK: if the path was swapped for a FIFO since the stat, open() still returns
        with open(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as fh:
            data = fh.read(max_bytes + 1 if max_bytes else -1)
    except OSError as exc:
        raise _os_error(path, exc) from exc
    _check_size(len(data), max_bytes, str(path), stream=True)  # it grew since the stat
    return data


def _os_error(path: Path, exc: OSError) -> InputError:
    if exc.errno == errno.ELOOP:
        return InputError("cannot read file: it is a symbolic link loop", path=path,
                          hint="fix or remove the link")
    if path.is_symlink() and not path.exists():
        return InputError("cannot read file: it is a broken symbolic link", path=path,
                          hint="fix or remove the link")
    return InputError(f"cannot read file: {exc.strerror or exc}", path=path,
                      hint="check that it exists and is readable")


class SourceList(list):
    """The expanded sources, with notes for the user (files a folder holds but kg skips)."""

    def __init__(self, *args):
        super().__init__(*args)
        self.warnings: list[str] = []


def document_id(rel: str, data: bytes | None = None, *, sha256: str | None = None) -> str:
    """A document id from the path relative to its argument: the extension dropped,
    folders joined with ``-``, letters of any script kept. Without a usable character,
    the first 12 hex digits of the content's SHA-256 (``data``) make it unique."""
    stem = rel.replace("\\", "/")
    for suffix in (*TEXT_SUFFIXES, ".md"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    cleaned = "-".join(p for p in (_ID_UNSAFE.sub("-", part).strip("-.")
                                   for part in stem.split("/")) if p)
    if cleaned:
        return cleaned
    if sha256 is not None:
        return "document-" + sha256[:12]
    if data is None:
        return "document"
    return "document-" + hashlib.sha256(data).hexdigest()[:12]


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _walk(folder: Path, *, follow_links: bool, out: SourceList) -> list[Source]:
    """Text files under ``folder``, sorted; links handled as the module docstring says."""
    root = os.path.realpath(folder)
    found: list[Source] = []
    other: list[str] = []
    visited = {root}
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as exc:
            found.append(Source(name=str(current), path=current, rel=_rel(current, folder),
                                problem=f"cannot read folder: {exc.strerror or exc}"))
            continue
        for entry in entries:
            path = Path(entry.path)
            rel = _rel(path, folder)
            link = entry.is_symlink()
            target = os.path.realpath(path) if link else None
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if link:
                try:
                    os.stat(path)
                except OSError as exc:
                    if exc.errno == errno.ELOOP:
                        found.append(Source(name=str(path), path=path, rel=rel,
                                            problem="cannot read: it is a symbolic link loop "
                                                    "(skipped; fix or remove the link)"))
                        continue
                    if readable(path.name):  # broken: reported at read
                        found.append(Source(name=str(path), path=path, rel=rel))
                    continue
                assert target is not None
                if not _inside(target, root) and not follow_links:
                    if is_dir or readable(path.name):
                        found.append(Source(
                            name=str(path), path=path, rel=rel, skip=True,
                            problem=f"not followed: a symbolic link to {target}, outside the "
                                    f"input folder {folder} (--follow-links follows it)"))
                    continue
            if is_dir:
                real = os.path.realpath(path)
                if real in visited or (link and _inside(real, root)):
                    continue  # already walked, or walked as a folder of its own
                visited.add(real)
                stack.append(path)
                continue
            if readable(path.name):
                found.append(Source(name=str(path), path=path, rel=rel))
            elif not entry.name.startswith(".") and path.suffix.lower() in NOTED_SUFFIXES:
                other.append(rel)
    if other:
        shown = ", ".join(sorted(other)[:5]) + (f" and {len(other) - 5} more"
                                               if len(other) > 5 else "")
        out.warnings.append(f"{folder}: {len(other)} file(s) skipped, kg reads only "
                            f"{', '.join(TEXT_SUFFIXES + ARCHIVE_SUFFIXES)} in a folder: "
                            f"{shown} (name them so, "
                            "or give them as arguments)")
    return sorted(found, key=lambda s: s.rel or "")


def _rel(path: Path, folder: Path) -> str:
    return path.relative_to(folder).as_posix()


def expand_sources(inputs: list[str], *, follow_links: bool = False) -> SourceList:
    """Files as given; directories recursively for text/HTML files; globs; ``-`` for stdin.

    Raises :class:`InputError` for an input that matches nothing, so a typo is
    never silently an empty build.
    """
    out = SourceList()
    seen: set[str] = set()

    def add(src: Source) -> None:
        key = os.path.realpath(src.path) if src.path is not None and src.problem is None \
            else src.name
        if key not in seen:
            seen.add(key)
            out.append(src)

    for item in inputs:
        if item == "-":
            if "stdin" not in seen:
                seen.add("stdin")
                out.append(Source(name="stdin", stdin=True, rel="stdin"))
            continue
        path = Path(item)
        if path.is_dir():
            files = _walk(path, follow_links=follow_links, out=out)
            if not any(s.problem is None or not s.skip for s in files):
                raise InputError("the directory holds no text or HTML file", path=item,
                                 hint="kg reads files ending in "
                                      f"{', '.join(TEXT_SUFFIXES + ARCHIVE_SUFFIXES)}")
            for src in files:
                add(src)
        elif path.exists() or path.is_symlink():
            add(Source(name=str(path), path=path, rel=path.name))
        elif any(ch in item for ch in "*?["):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise InputError("the pattern matches no file", path=item)
            for m in matches:
                if Path(m).is_file():
                    add(Source(name=m, path=Path(m), rel=Path(m).name))
        else:
            raise InputError("no such file or directory", path=item)
    return out
