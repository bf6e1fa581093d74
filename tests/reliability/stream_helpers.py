"""What the streamed-reading tests share: reading one source as a build does, under
tracemalloc, to see that a long input is never held as one string or bytes object."""

from __future__ import annotations

import tracemalloc

from kg.build import BuildReport, read_sources
from kg.ingest.parts import PartedDocument
from kg.ingest.sources import expand_sources


def traced_peak(arg: str, size: int, *, part_chars: int, **kw) -> int:
    """Peak bytes Python allocates to read the source ``arg`` of ``size`` bytes into a
    parted document (its text left on disk, its cues read)."""
    report = BuildReport()
    tracemalloc.start()
    try:
        (doc,) = read_sources(expand_sources([arg]), report, part_chars=part_chars, **kw)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(doc, PartedDocument) and doc.cues is not None, report.errors
    assert doc.chars >= size // 2 and doc.data is None
    return peak
