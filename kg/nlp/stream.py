"""The parse stream: every unit of every document through ``nlp.pipe`` in bounded
batches, handed back one document at a time.

Batches are bounded by count and by characters (spaCy's memory grows with the characters
of a batch); a long unit is parsed in pieces (kg/ingest/chunks.py) whose offsets still
refer to the whole text. kg/build.py and the worker processes of kg/build_jobs.py share it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import Protocol

from kg.ingest.chunks import split_unit
from kg.ingest.parts import DocumentPart
from kg.records import SourceDocument, Unit


class ParseOptions(Protocol):
    """The build options the parse stream reads (kg.build.BuildOptions has them)."""

    max_chars: int
    batch_size: int
    batch_chars: int


class Pieces:
    """One document's parsed pieces, pulled from the shared parse stream as extraction
    asks for them (so its spaCy docs are freed one by one). A second iteration (the
    extractor looks up the pipeline's KB on the docs) replays the first piece only."""

    def __init__(self, group: Iterator[tuple[Unit, object]]):
        self._group = group
        self._first: list[tuple[Unit, object]] = []

    def __iter__(self):
        if self._group is None:
            return iter(self._first)
        group, self._group = self._group, None
        return self._stream(group)

    def _stream(self, group):
        for item in group:
            if not self._first:
                self._first.append(item)
            yield item


def batches(items: Iterator[tuple[str, object]], *, size: int, chars: int
            ) -> Iterator[list[tuple[str, object]]]:
    """Group ``(text, context)`` pairs into lists of at most ``size`` items and about
    ``chars`` characters (a longer text is a batch of its own)."""
    batch: list[tuple[str, object]] = []
    total = 0
    for item in items:
        n = len(item[0])
        if batch and (len(batch) >= size or total + n > chars):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += n
    if batch:
        yield batch


def parse_stream(nlp, items: Iterator[tuple[str, object]], *, size: int, chars: int):
    """``nlp.pipe`` over ``items`` in bounded batches; yields ``(doc, context)``."""
    for batch in batches(items, size=size, chars=chars):
        yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))


def unit_pieces(documents: Iterator[SourceDocument], max_chars: int,
                warnings: Callable[[SourceDocument, str], None]
                ) -> Iterator[tuple[str, tuple[int, SourceDocument, Unit]]]:
    """Every unit of every document, long ones in pieces, as ``(text, (n, doc, unit))``;
    a document without units yields one empty placeholder (index -1)."""
    for n, doc in enumerate(documents):
        if not doc.units:
            yield "", (n, doc, Unit(index=-1, kind="empty", start=0, end=0, text=""))
        pieces = 0
        for unit in doc.units:
            for piece in split_unit(unit, max_chars):
                pieces += 1
                yield piece.text, (n, doc, piece)
        if pieces > len(doc.units) and not isinstance(doc, DocumentPart):
            warnings(doc, f"{doc.path}: {len(doc.text):,} characters; long updates are parsed "
                     f"in {pieces} pieces of at most {max_chars:,} characters (offsets still "
                     "refer to the whole text)")


def parsed_documents(nlp, documents: Iterator[SourceDocument], *, options: ParseOptions,
                     words: Callable[[SourceDocument, int], None],
                     warnings: Callable[[SourceDocument, str], None]):
    """``(document, pieces)`` for each document in order; ``pieces`` must be consumed
    before the next document is asked for."""
    max_chars = max(1, min(options.max_chars, nlp.max_length - 1))
    stream = parse_stream(nlp, unit_pieces(documents, max_chars, warnings),
                          size=options.batch_size, chars=options.batch_chars)
    for _, group in itertools.groupby(stream, key=lambda item: item[1][0]):
        first = next(group)
        document = first[1][1]
        yield document, Pieces(_counted(itertools.chain([first], group),  # noqa: B031 (once)
                                         document, words))


def _counted(items, document: SourceDocument, words: Callable[[SourceDocument, int], None]):
    """``(unit, doc)`` of the real pieces (not the placeholder), counting their words."""
    for spacy_doc, (_, _, unit) in items:
        if unit.index >= 0:
            words(document, count_words(spacy_doc))
            yield unit, spacy_doc



def count_words(doc) -> int:
    """Tokens that are neither space nor punctuation, counted in one array pass."""
    from spacy.attrs import IS_PUNCT, IS_SPACE

    if not len(doc):
        return 0
    return len(doc) - int(doc.to_array([IS_SPACE, IS_PUNCT]).any(axis=1).sum())
