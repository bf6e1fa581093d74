"""Reader for plain-text news, including live-update pages.

A live page looks like::

    06.01.2022                      <- page date (day first)
    Protests in the capital         <- title
    On 2 January, ...               <- lead
    Live Updates: ...               <- repeated title lines (noise)
    05:01 GMT 10.01.2022            <- stamp: starts an update
    Headline without a full stop
    CITY (Agency) - body ...        <- optional dateline
    03:48 GMT / 13                  <- stray fragments (noise)

Every update becomes a :class:`~kg.records.Unit` whose ``text`` keeps the
source offsets: noise is blanked with spaces, never removed. LF, CRLF and a
lone CR all end a line; in unit texts the CR of a CRLF becomes a space and a
lone CR a line break, so the parser sees line breaks and lengths never change.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

from kg.errors import InputError
from kg.ingest.html import html_to_text, looks_like_html
from kg.ingest.language import english_warning
from kg.records import SourceDocument, Span, Unit

STAMP = re.compile(r"^\s*(\d{1,2}):(\d{2})\s+(?:GMT|UTC)\s+(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
PAGE_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
FRAGMENT = re.compile(r"^\s*(?:\d{1,2}:\d{2}\s*(?:GMT|UTC)?|\d{1,4})\s*$")
# "... - Sputnik International, 1920, 10.01.2022": a photo credit at the end of a caption.
CREDIT = re.compile(r"\s[-–—]\s[^,\n]{2,60},\s*\d{3,4},\s*\d{1,2}\.\d{1,2}\.\d{4}\s*$")
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'.\- ]{1,40}?)(?:,\s*[A-Z][A-Za-z.]+)?\s*"
    r"\((?P<agency>[A-Z][\w .&'-]{1,40})\)\s*[-–—]+\s*"
)
SENTENCE_END = ('.', '!', '?', '"', '”', '’', "'", ':')
# Runs the tokenizer must not see: spaCy strips prefixes and suffixes one at a time, so
# a long run of punctuation, symbols or emoji (or "'s's's…") costs time quadratic in its
# length (4,000 "$" take 25 s). No news text has a word of 100 characters or 33 marks in
# a row (separators, ASCII art, emoji walls, URLs with tracking), so they are blanked.
LONG_RUN = re.compile(r"\S{101,}|(?:[^\w\s]|_){33,}")

_DOC_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def doc_id_for(path: str) -> str:
    """A stable document id: the file name without extension, made IRI-safe."""
    stem = Path(path).name
    for suffix in (".txt", ".text", ".html", ".htm", ".md"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    cleaned = _DOC_ID_UNSAFE.sub("-", stem).strip("-.")
    return cleaned or "document"


def read_document(path: Path, *, doc_id: str | None = None) -> SourceDocument:
    """Read and parse one file; raises :class:`InputError` naming the file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path=path,
                         hint="check that it exists and is readable") from exc
    return parse_bytes(data, path=str(path), doc_id=doc_id)


def decode(data: bytes, *, path: str) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16/32 with a BOM, or UTF-16 without one.

    Anything else is refused with an :class:`InputError` naming the file.
    """
    if not data or data.isspace():
        raise InputError("empty file: there is no text to read", path=path)
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {codec.upper()} at byte {exc.start}",
                                 path=path) from exc
    head = data[:8192]
    if b"\x00" in head:
        codec = _bomless_utf16(head)
        if codec:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                pass
        raise InputError("binary file: it contains NUL bytes, not text", path=path,
                         hint="give kg plain-text or HTML news files")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid UTF-8 at byte {exc.start}", path=path,
                         hint="re-encode the file as UTF-8") from exc


def _bomless_utf16(head: bytes) -> str | None:
    """The UTF-16 codec when every other byte is NUL, as in ASCII text in UTF-16."""
    even, odd = head[0::2], head[1::2]
    if len(odd) < 8:
        return None
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def parse_bytes(data: bytes, *, path: str, doc_id: str | None = None) -> SourceDocument:
    """Decode, turn HTML into text, and parse; ``sha256`` is of the bytes as given."""
    text = decode(data, path=path)
    notes: list[str] = []
    html_title = None
    if looks_like_html(text, path=path):
        text, html_title = html_to_text(text, path=path)
        notes.append(f"{path}: HTML page; kg reads its extracted text "
                     f"({text.count(chr(10))} lines) and offsets refer to that text "
                     "(stored in nif:isString), not to the HTML")
    doc = parse_text(text, path=path, doc_id=doc_id)
    if doc.title is None and html_title:
        doc.title = html_title
    doc.warnings[:0] = notes
    doc.sha256 = hashlib.sha256(data).hexdigest()
    return doc


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, stripped line) for every line; LF, CRLF and a lone CR end a line."""
    out = []
    pos = 0
    for m in [*_LINE_BREAK.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        raw = text[pos:end]
        lead = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        out.append((pos + lead, pos + lead + len(stripped), stripped))
        if m is not None:
            pos = m.end()
    return out


def _parse_stamp(match: re.Match[str], *, path: str, warnings: list[str]) -> datetime | None:
    hh, mm, dd, mo, yy = (int(g) for g in match.groups())
    try:
        return datetime(yy, mo, dd, hh, mm, tzinfo=UTC)
    except ValueError:
        warnings.append(f"{path}: impossible update stamp {match.group(0).strip()!r}; "
                        "the update is kept without a time")
        return None


def _page_date(line: str) -> date | None:
    m = PAGE_DATE.match(line)
    if not m:
        return None
    try:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


_NOT_NEWLINE = re.compile(r"[^\n]")


class _Masker:
    """Collects noise ranges and builds unit texts with them blanked.

    Works on slices, never on per-character lists, so a 50 MB line costs
    about its own size in memory.
    """

    def __init__(self, text: str):
        self.text = text
        self.noise: list[tuple[int, int]] = []
        self._merged: list[tuple[int, int]] | None = None
        self._starts: list[int] = []

    def add(self, start: int, end: int) -> None:
        if end > start:
            self.noise.append((start, end))
            self._merged = None

    def _ranges(self) -> list[tuple[int, int]]:
        if self._merged is None:
            merged: list[tuple[int, int]] = []
            for a, b in sorted(self.noise):
                if merged and a <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(merged[-1][1], b))
                else:
                    merged.append((a, b))
            self._merged = merged
            self._starts = [a for a, _ in merged]
        return self._merged

    def unit_text(self, start: int, end: int) -> str:
        ranges = self._ranges()
        parts: list[str] = []
        pos = start
        i = max(0, bisect.bisect_right(self._starts, start) - 1)
        while i < len(ranges) and ranges[i][0] < end:
            a, b = max(ranges[i][0], pos), min(ranges[i][1], end)
            if b > a:
                parts.append(self.text[pos:a])
                parts.append(_NOT_NEWLINE.sub(" ", self.text[a:b]))
                pos = b
            i += 1
        parts.append(self.text[pos:end])
        # Same length as the source: CRLF's CR becomes a space, a lone CR a line break.
        return "".join(parts).replace("\r\n", " \n").replace("\r", "\n")


def _is_headline(line: str) -> bool:
    return 0 < len(line) <= 250 and not line.endswith(SENTENCE_END[:3])


def parse_text(text: str, *, path: str = "<text>", doc_id: str | None = None) -> SourceDocument:
    """Parse decoded text into a document with units (see module docstring)."""
    warnings: list[str] = []
    lines = _lines(text)
    doc = SourceDocument(doc_id=doc_id or doc_id_for(path), path=path, text=text,
                         sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                         warnings=warnings)
    mask = _Masker(text)
    stamps = [i for i, (_, _, ln) in enumerate(lines) if STAMP.match(ln)]
    content = [i for i, (_, _, ln) in enumerate(lines) if ln]
    if not content:
        raise InputError("no text: the file holds only whitespace", path=path)

    # Header: optional page date, then title, then lead.
    first = content[0]
    header_end = stamps[0] if stamps else len(lines)
    body_start = first
    if (published := _page_date(lines[first][2])) is not None:
        doc.published = published
        mask.add(lines[first][0], lines[first][1])
        body_start = first + 1
    elif PAGE_DATE.match(lines[first][2]):
        warnings.append(f"{path}: impossible page date {lines[first][2]!r} ignored")
        mask.add(lines[first][0], lines[first][1])
        body_start = first + 1

    later = Counter(ln.rstrip(".") for _, _, ln in lines[header_end:] if ln)
    header_counts = Counter(ln for _, _, ln in lines[body_start:header_end] if ln)
    header_lines = [i for i in range(body_start, header_end) if lines[i][2]]
    if stamps:
        for i in header_lines:
            ln = lines[i][2]
            if header_counts[ln] > 1 or later[ln.rstrip(".")] > 0:
                if header_counts[ln] > 1 and doc.live_title is None:
                    doc.live_title = ln
                mask.add(lines[i][0], lines[i][1])
    title_idx = next((i for i in header_lines if _is_headline(lines[i][2])), None)
    if title_idx is not None and (stamps or title_idx == header_lines[0]):
        doc.title = lines[title_idx][2]

    # Units.
    if header_lines:
        start = lines[header_lines[0]][0]
        end = lines[header_lines[-1]][1]
        kind = "lead" if stamps else "article"
        unit = Unit(index=0, kind=kind, start=start, end=end, text="",
                    stamp=(datetime(doc.published.year, doc.published.month, doc.published.day,
                                    tzinfo=UTC) if doc.published else None))
        if title_idx is not None and doc.title:
            s, e, ln = lines[title_idx]
            unit.headline = Span(s, e, ln)
        doc.units.append(unit)
    for n, si in enumerate(stamps):
        stop = stamps[n + 1] if n + 1 < len(stamps) else len(lines)
        s0, e0, ln0 = lines[si]
        mask.add(s0, e0)
        stamp = _parse_stamp(STAMP.match(ln0), path=path, warnings=warnings)  # type: ignore[arg-type]
        block = [i for i in range(si + 1, stop) if lines[i][2]]
        unit = Unit(index=len(doc.units), kind="update", start=e0, end=e0, text="", stamp=stamp)
        if block:
            unit.start = lines[block[0]][0]
            unit.end = lines[block[-1]][1]
        seen_headline = False
        for i in block:
            s, e, ln = lines[i]
            if FRAGMENT.match(ln) or STAMP.match(ln):
                mask.add(s, e)
                continue
            credit = CREDIT.search(ln)
            if credit:
                mask.add(s + credit.start(), e)
                continue
            if not seen_headline:
                seen_headline = True
                if _is_headline(ln):
                    unit.headline = Span(s, e, ln)
                    continue
            dl = DATELINE.match(ln)
            if dl and unit.dateline is None:
                unit.dateline = Span(s + dl.start("place"), s + dl.end("place"), dl.group("place"))
                unit.agency = Span(s + dl.start("agency"), s + dl.end("agency"), dl.group("agency"))
                mask.add(s, s + dl.end())
        doc.units.append(unit)

    long_runs = 0
    for m in LONG_RUN.finditer(text):
        mask.add(m.start(), m.end())
        long_runs += 1
    if long_runs:
        warnings.append(f"{path}: {long_runs} run(s) of over 100 characters without a space, "
                        "or of over 32 punctuation marks, left out of parsing")
    for unit in doc.units:
        unit.text = mask.unit_text(unit.start, unit.end)
    if not any(unit.text.strip() for unit in doc.units):
        raise InputError("no news text: the file holds only dates, stamps, page furniture or "
                         "runs of characters without spaces", path=path,
                         hint="is the download truncated?")
    if (warning := english_warning(text, path=path)) is not None:
        warnings.append(warning)
    return doc
