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
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from kg.errors import InputError
from kg.ingest.encoding import BOMS, bomless_utf16, legacy_decode, refuse_pdf
from kg.ingest.html import html_to_text, looks_like_html
from kg.ingest.language import english_warning, refuse_unreadable_script
from kg.ingest.layout import (
    Kind,
    Line,
    byline_names,
    classify,
    find_dateline,
    is_headline,
    is_list_header,
    words,
)
from kg.ingest.pagedates import PageDate, text_year
from kg.records import SourceDocument, Span, Unit

STAMP = re.compile(r"^\s*(\d{1,2}):(\d{2})\s+(?:GMT|UTC)\s+(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
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


def decode(data: bytes, *, path: str, notes: list[str] | None = None) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16/32 with a BOM, or UTF-16 without one;
    other text (Windows-1252 and the like) as charset-normalizer detects it, with a note.

    A PDF, and anything undecodable, is refused with an :class:`InputError` naming the file.
    """
    if not data or data.isspace():
        raise InputError("empty file: there is no text to read", path=path)
    refuse_pdf(data, path=path)
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {codec.upper()} at byte {exc.start}",
                                 path=path) from exc
    head = data[:8192]
    if b"\x00" in head:
        codec = bomless_utf16(head)
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
        text = legacy_decode(data, notes=notes)
        if text is None:
            raise InputError(f"invalid UTF-8 at byte {exc.start}", path=path,
                             hint="re-encode the file as UTF-8") from exc
        return text


def parse_bytes(data: bytes, *, path: str, doc_id: str | None = None,
                published: date | None = None, part_chars: int | None = None):
    """Decode, turn HTML into text, and parse; ``sha256`` is of the bytes as given.

    A text longer than ``part_chars`` is not parsed here: it comes back as a
    :class:`~kg.ingest.parts.PartedDocument`, read part by part as it is built.
    """
    decoded: list[str] = []
    text = decode(data, path=path, notes=decoded)
    notes: list[str] = [f"{path}: {n}" for n in decoded]
    refuse_unreadable_script(text, path=path)
    html_title = None
    if looks_like_html(text, path=path):
        text, html_title = html_to_text(text, path=path)
        notes.append(f"{path}: HTML page; kg reads its extracted text "
                     f"({text.count(chr(10))} lines) and offsets refer to that text "
                     "(stored in nif:isString), not to the HTML")
    if part_chars and len(text) > part_chars:
        from kg.ingest.parts import PartedDocument

        parted = PartedDocument.of(text, data=data, part_chars=part_chars,
                                   doc_id=doc_id or doc_id_for(path), path=path,
                                   sha256=hashlib.sha256(data).hexdigest(),
                                   published=published, warnings=notes)
        n = len(parted.bounds())
        notes.append(f"{path}: {len(text):,} characters, built in {n} parts of at most "
                     f"{part_chars:,} characters, each read, parsed and resolved on its own "
                     "(names are not linked from one part to another; offsets still refer "
                     "to the whole text, and all parts share the document's graph)")
        return parted
    doc = parse_text(text, path=path, doc_id=doc_id, published=published)
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


def _local_date(d: PageDate | None, year: int | None = None) -> date | None:
    return d.date(year) if d is not None else None


def _stamp_of(line: Line, day: date | None) -> tuple[datetime | None, date | None]:
    """The UTC stamp and the local calendar day of a stamp line (time-only: on ``day``)."""
    if line.date is not None:
        return line.date.stamp(), line.date.date()
    if line.time is not None and day is not None:
        hour, minute, offset = line.time
        local = datetime(day.year, day.month, day.day, hour, minute)
        return (local - timedelta(hours=offset or 0)).replace(tzinfo=UTC), day
    return None, day


def _separators(lines: list[Line]) -> list[int]:
    """The stamp lines that start updates of a live page (none: not a live page).

    Stamps with a date win (time-only lines are then stray fragments, as in a
    widget of other stories); else times ("9:42 a.m. EDT", "Updated 11:20"), else
    relative stamps ("2 hours ago"). One such line alone is page furniture.
    """
    dated = [i for i, ln in enumerate(lines) if ln.kind is Kind.STAMP and ln.date is not None]
    timed = [i for i, ln in enumerate(lines) if ln.kind is Kind.STAMP and ln.time is not None]
    relative = [i for i, ln in enumerate(lines) if ln.kind is Kind.STAMP and ln.relative]
    legacy = [i for i in dated if STAMP.match(lines[i].text)]
    for group in (legacy, dated, timed, relative):
        if len(group) >= 2 or (group is legacy and group):
            return group
    return []


def _mark_lists(lines: list[Line], noise: set[int]) -> None:
    """A "Related"/"Most read" header and the headlines listed under it are clutter."""
    for i, ln in enumerate(lines):
        if ln.kind not in (Kind.HEADLINE, Kind.CLUTTER) or not is_list_header(ln.text):
            continue
        noise.add(i)
        taken = 0
        for j in range(i + 1, len(lines)):
            nxt = lines[j]
            if nxt.kind is Kind.BLANK:
                continue
            if nxt.kind is Kind.TEXT and (words(nxt.text) >= 12 or find_dateline(nxt.text)):
                break
            if nxt.kind in (Kind.STAMP, Kind.DATE, Kind.CLUTTER, Kind.CAPTION) or (
                    nxt.kind in (Kind.HEADLINE, Kind.TEXT) and words(nxt.text) <= 25):
                noise.add(j)
                taken += 1
                if taken >= 15:
                    break
                continue
            break


def _mark_captions(lines: list[Line], noise: set[int], keep: set[int]) -> None:
    """A credit line is clutter; so is the caption right above a credit standing alone."""
    for i, ln in enumerate(lines):
        if ln.kind is not Kind.CAPTION:
            continue
        noise.add(i)
        credit_only = words(ln.text) <= 8 or re.match(r"^(?:photo|image|picture|credit|"
                                                     r"caption)", ln.text, re.I)
        prev = next((j for j in range(i - 1, -1, -1) if lines[j].kind is not Kind.BLANK), None)
        if (credit_only and prev is not None and prev not in keep
                and lines[prev].kind in (Kind.TEXT, Kind.HEADLINE)
                and len(lines[prev].text) <= 250
                and len(re.findall(r"[.!?](?:\s|$)", lines[prev].text)) <= 1
                and not find_dateline(lines[prev].text)):
            noise.add(prev)


def _mark_menus(lines: list[Line], noise: set[int], before: int) -> None:
    """Runs of one- to three-word lines before the article (site menus) are clutter."""
    run: list[int] = []
    for i in range(before):
        ln = lines[i]
        if ln.kind is Kind.BLANK or i in noise:
            continue
        if ln.kind is Kind.HEADLINE and words(ln.text) <= 3:
            run.append(i)
            continue
        if len(run) >= 2:
            noise.update(run)
        run = []
    if len(run) >= 2:
        noise.update(run)


_LABELLED_TITLE = re.compile(r"^(?P<label>(?:explainer|analysis)\s*:)\s*\S", re.IGNORECASE)


def parse_text(text: str, *, path: str = "<text>", doc_id: str | None = None,
               published: date | None = None) -> SourceDocument:
    """Parse decoded text into a document with units (see module docstring).

    ``published`` (``kg build --published``) is the page date whatever the text says.
    """
    warnings: list[str] = []
    lines = [classify(Line(s, e, ln)) for s, e, ln in _lines(text)]
    doc = SourceDocument(doc_id=doc_id or doc_id_for(path), path=path, text=text,
                         sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                         warnings=warnings)
    mask = _Masker(text)
    content = [i for i, ln in enumerate(lines) if ln.kind is not Kind.BLANK]
    if not content:
        raise InputError("no text: the file holds only whitespace", path=path)
    first = lines[content[0]]
    if first.kind is Kind.CLUTTER and (label := _LABELLED_TITLE.match(first.text)):
        # "Explainer: Why X ...": a label opening the page's first line heads its own title
        # (further down, "Analysis: ..." is a link to another story); the label itself is
        # blanked, no name ("Explainer" read as a person)
        first.kind = Kind.HEADLINE
        mask.add(first.start, first.start + label.end("label"))
    stamps = _separators(lines)
    header_end = stamps[0] if stamps else len(lines)

    # Furniture anywhere: clutter, captions, release lines, bylines, lists.
    noise: set[int] = {i for i, ln in enumerate(lines)
                       if ln.kind in (Kind.CLUTTER, Kind.RELEASE, Kind.BYLINE)}
    _mark_lists(lines, noise)
    first_text = next((i for i in content if lines[i].kind is Kind.TEXT and i not in noise),
                      header_end)
    _mark_menus(lines, noise, min(first_text, header_end))

    # Page dates: "Published:", "Updated:", a date line in the header, a lone stamp line.
    labelled: PageDate | None = None  # "Published: ..." wins over a bare date line
    dated: PageDate | None = None
    place_line: Line | None = None  # "Naqoura, 10 October 2025": a release's place and date
    updated: PageDate | None = None
    for i in content:
        ln = lines[i]
        if ln.kind is Kind.PUBLISHED or (ln.kind is Kind.BYLINE and ln.date is not None):
            labelled = labelled or ln.date
        elif ln.kind is Kind.UPDATED:
            updated = updated or ln.date
        elif i < header_end and ln.told is not None:
            dated = dated or ln.told  # a place and date line, kept as text
            continue
        elif i < header_end and ln.kind in (Kind.DATE, Kind.STAMP) and i not in stamps \
                and ln.date is not None:
            if dated is None:
                dated = ln.date
                if ln.place is not None:
                    place_line = ln
            elif ln.kind is Kind.STAMP and updated is None:
                updated = ln.date
        else:
            continue
        noise.add(i)
    given = PageDate(published.year, published.month, published.day) if published else None
    published = given or labelled or dated  # type: ignore[assignment]
    year = next((d.year for d in (published, updated) if d is not None and d.year), None)
    if year is None:  # "TBILISI, May 14 (Reuters)": the year the story itself gives
        year = text_year("\n".join(lines[i].text for i in content
                                    if lines[i].kind is Kind.TEXT and i not in noise))
    if published is not None:
        doc.published = published.date(year)
        if doc.published is None:
            warnings.append(f"{path}: impossible page date {_line_of(lines, published)!r} "
                            "ignored")
    if updated is not None:
        doc.modified = updated.stamp(year)
    for i in content:
        if lines[i].kind is Kind.STAMP and i not in stamps:
            noise.add(i)  # stray times and "2 hours ago" in lists and widgets

    keep: set[int] = set()
    # Live pages: header lines repeated later are the live title and its copies.
    if stamps:
        later = Counter(ln.text.rstrip(".") for ln in lines[header_end:] if ln.text)
        header_counts = Counter(ln.text for ln in lines[:header_end] if ln.text)
        for i in range(header_end):
            ln = lines[i].text
            if ln and (header_counts[ln] > 1 or later[ln.rstrip(".")] > 0):
                if header_counts[ln] > 1 and doc.live_title is None:
                    doc.live_title = ln
                noise.add(i)
    header_lines = [i for i in content if i < header_end and i not in noise]
    title_idx = _title(lines, header_lines)
    if title_idx is not None:
        keep.add(title_idx)
        doc.title = lines[title_idx].text
    _mark_captions(lines, noise, keep)
    header_lines = [i for i in header_lines if i not in noise]

    # Units: the header (lead of a live page, or the whole article), then one per stamp.
    day = doc.published or (updated.date(year) if updated else None)
    if header_lines:
        kind = "lead" if stamps else "article"
        unit = Unit(index=0, kind=kind, start=lines[header_lines[0]].start,
                    end=lines[header_lines[-1]].end, text="",
                    stamp=_midnight(doc.published), anchor=doc.published)
        if title_idx is not None:
            unit.headline = Span(lines[title_idx].start, lines[title_idx].end, doc.title)
        _dateline(unit, lines, header_lines, mask, year)
        if unit.dateline is None and place_line is not None and place_line.place:
            a, b = place_line.place
            s = place_line.start
            unit.dateline = Span(s + a, s + b, place_line.text[a:b])
        if doc.published is None and unit.date_hint is not None:
            doc.published = unit.date_hint  # the page says no more than its dateline
        doc.units.append(unit)
    current_day = day
    for n, si in enumerate(stamps):
        stop = stamps[n + 1] if n + 1 < len(stamps) else len(lines)
        ln0 = lines[si]
        mask.add(ln0.start, ln0.end)
        for k in range(header_end if n == 0 else stamps[n - 1], si):
            if lines[k].kind is Kind.DATE and lines[k].date is not None:
                current_day = lines[k].date.date(year) or current_day  # a day header
        stamp, anchor = _stamp_of(ln0, current_day)
        if ln0.date is not None:
            if stamp is None:
                warnings.append(f"{path}: impossible update stamp {ln0.text!r}; the update "
                                "is kept without a time")
            else:
                current_day = anchor
        block = [i for i in range(si + 1, stop) if lines[i].kind is not Kind.BLANK]
        unit = Unit(index=len(doc.units), kind="update", start=ln0.end, end=ln0.end, text="",
                    stamp=stamp, anchor=anchor if stamp is not None or ln0.relative else None)
        if ln0.relative:
            unit.anchor = current_day
        body = [i for i in block if i not in noise]
        if block:
            unit.start = lines[block[0]].start
            unit.end = lines[block[-1]].end
        for i in block:
            if i in noise or lines[i].kind is Kind.DATE:
                mask.add(lines[i].start, lines[i].end)
        if body and is_headline(lines[body[0]].text) and lines[body[0]].kind is Kind.HEADLINE:
            unit.headline = Span(lines[body[0]].start, lines[body[0]].end, lines[body[0]].text)
        _dateline(unit, lines, [i for i in body if lines[i].kind is not Kind.DATE], mask, year)
        doc.units.append(unit)
    for i in noise:
        if i < header_end:
            mask.add(lines[i].start, lines[i].end)
    _bylines(doc, lines)
    _finish(doc, mask, path, warnings)
    return doc



def _line_of(lines: list[Line], d: PageDate) -> str:
    return next((ln.text for ln in lines if ln.date is d), "")


def _midnight(day: date | None) -> datetime | None:
    return datetime(day.year, day.month, day.day, tzinfo=UTC) if day else None


def _title(lines: list[Line], header: list[int]) -> int | None:
    """The headline line nearest above the first running text of the header."""
    best = None
    for i in header:
        ln = lines[i]
        if ln.kind is Kind.TEXT:
            break
        if ln.kind is Kind.HEADLINE and words(ln.text) >= 2 and not find_dateline(ln.text):
            best = i
    if best is None and header and lines[header[0]].kind is Kind.HEADLINE:
        best = header[0]
    return best


def _dateline(unit: Unit, lines: list[Line], body: list[int], mask: _Masker,
              year: int | None) -> None:
    """The dateline of the unit's first paragraph: place, agency and date, blanked."""
    for i in body:
        ln = lines[i]
        if unit.headline is not None and ln.start <= unit.headline.start:
            continue  # the title, and the headline lines and kickers above it
        if ln.kind is not Kind.TEXT and not (ln.kind is Kind.HEADLINE and words(ln.text) > 8):
            continue
        found = find_dateline(ln.text)
        if found is None:
            return
        s = ln.start
        a, b = found.place
        unit.dateline = Span(s + a, s + b, ln.text[a:b])
        if found.agency:
            a, b = found.agency
            unit.agency = Span(s + a, s + b, ln.text[a:b])
        mask.add(s, s + found.end)
        if found.date is not None:
            unit.date_hint = found.date.date(year)
            if unit.anchor is None and unit.date_hint is not None:
                unit.anchor = unit.date_hint
                unit.stamp = unit.stamp or _midnight(unit.date_hint)
        return


def _bylines(doc: SourceDocument, lines: list[Line]) -> None:
    """The names of each byline line, on the unit whose stretch holds the line."""
    for ln in lines:
        if ln.kind is not Kind.BYLINE:
            continue
        # the unit holding the line, else the last one starting before it (a trailing
        # "(Reporting by ...)" lies after the article's last line of text)
        unit = next((u for u in doc.units if u.start <= ln.start and ln.end <= u.end), None)
        unit = unit or next((u for u in reversed(doc.units) if u.start <= ln.start),
                            doc.units[0] if doc.units else None)
        if unit is None:
            continue
        for name in byline_names(ln.text):
            s, e = ln.start + name.start, ln.start + name.end
            unit.bylines.append((Span(s, e, doc.text[s:e]), name.kind))


def _finish(doc: SourceDocument, mask: _Masker, path: str, warnings: list[str]) -> None:
    text = doc.text
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
