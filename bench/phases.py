"""One phase of a long document's build, alone, for its peak RSS (issue 17).

    python bench/phases.py read FILE            # read as kg build reads it now (a stream)
    python bench/phases.py read FILE --whole    # read whole, as kg read it before
    python bench/phases.py read - < FILE        # standard input, as `kg build -` reads it
    python bench/phases.py read - --whole < FILE  # standard input read whole (before)
    python bench/phases.py read FILE.jsonl      # one long archive record (its text spooled)
    python bench/phases.py store FILE           # store the whole text as kg stores it now
    python bench/phases.py store FILE --literal # store it as one literal (before)

``read``: what ``kg build`` does with a long file before the first part is parsed:
:func:`kg.build.read_sources` (hash, decode, cut into parts, read the whole text's
``TextCues``), without parsing anything. ``--whole`` makes every file small enough to be
read whole (``kg.ingest.stream.STREAM_BYTES``), so the text is decoded as one string and
its cues read from it (``text_cues``), as kg did before the streamed reader. ``-`` reads
standard input as ``kg build -`` does: over ``STREAM_BYTES`` spooled to a temporary file
and read as a stream (kg/ingest/spool.py), or read whole with ``--whole`` (and by kg
before the spool); ``--max-size MB`` as kg build's (its default caps standard input at
256 MiB: give ``--max-size 0`` for more). A ``.jsonl`` file of one record is read as
``kg build FILE.jsonl`` reads it: a line over ``kg.ingest.archives.RECORD_BYTES`` read as
a stream, its text spooled (kg/ingest/jsonstream.py), or read whole with ``--whole``.

``store``: the whole text stored into a fresh on-disk store (the file cut into parts by
the streamed reader without its cues), as the build stores it with its parts: a text
over ``kg.rdf.mapping.TEXT_LITERAL_CHARS`` as one ``kg:TextPiece`` per part, each added
with ``Store.extend``; ``--literal``: one ``nif:isString`` literal streamed
through the bulk loader (``kg.store.bulk_add_text``), as before.

Run by bench/bigfiles.py ``--phase`` in a child process whose peak RSS it reads from
``os.wait4``; prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path


def read(path: Path, *, whole: bool, max_bytes: int | None = None) -> dict:
    from kg.build import BuildReport, read_sources
    from kg.extract.positions import text_cues
    from kg.ingest import stream
    from kg.ingest.parts import DEFAULT_PART_CHARS, PartedDocument
    from kg.ingest.sources import expand_sources

    if whole:
        stream.STREAM_BYTES = 2**62
        try:
            from kg.ingest import archives

            archives.RECORD_BYTES = 2**62  # a long record's line read whole, as before
        except ImportError:
            pass
    report = BuildReport()
    (doc,) = read_sources(expand_sources([str(path)]), report, part_chars=DEFAULT_PART_CHARS,
                          max_bytes=max_bytes)
    assert isinstance(doc, PartedDocument), report.errors
    if doc.cues is None:  # read whole: the build read its cues from the string
        text = doc.text if doc.text is not None else doc.data.decode()
        doc.cues = text_cues(text)
        del text
    return {"chars": doc.chars, "parts": len(doc.spans), "demonyms": len(doc.cues.demonyms)}


def store(path: Path, *, literal: bool) -> dict:
    from pyoxigraph import NamedNode

    from kg.ingest import stream
    from kg.ingest.parts import DEFAULT_PART_CHARS, file_sha256
    from kg.rdf.iri import IriMinter
    from kg.rdf.mapping import text_piece_quads
    from kg.rdf.vocab import NIF
    from kg.store import FlushingWriter, add_quads, bulk_add_text, open_store

    # the parts' bounds, without reading the cues (the read phase measures that)
    doc = stream.read_parted(path, path=str(path), doc_id="big", part_chars=DEFAULT_PART_CHARS,
                             sha256=file_sha256(path))
    minter = IriMinter()
    node, graph = minter.document(doc.doc_id), minter.graph(doc.doc_id)
    folder = tempfile.mkdtemp(dir=path.parent)
    try:
        st = open_store(Path(folder))
        writer = FlushingWriter(st)  # as the build's: by quads and by text characters
        if literal:
            bulk_add_text(st, node, NIF.isString, doc.text_chunks(), NamedNode(graph.value))
        else:  # each part's text as its piece, as the build stores it with the part
            for start, end, lo, hi in doc.spans:
                writer.wrote(add_quads(st, text_piece_quads(
                    minter, doc.doc_id, start, end, doc._decoded(lo, hi))), chars=end - start)
        writer.flush()
        quads = len(st)
        del st, writer  # closed before its folder is removed
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {"chars": doc.chars, "parts": len(doc.spans), "quads": quads}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("phase", choices=["read", "store"])
    ap.add_argument("file", type=Path, help="the input; read: - for standard input")
    ap.add_argument("--whole", action="store_true", help="read: the text as one string")
    ap.add_argument("--literal", action="store_true", help="store: as one literal")
    ap.add_argument("--max-size", type=float, default=None, metavar="MB",
                    help="read: as kg build's (0: no limit)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    max_bytes = None if args.max_size is None else int(args.max_size * 2**20)
    out = (read(args.file, whole=args.whole, max_bytes=max_bytes) if args.phase == "read"
           else store(args.file, literal=args.literal))
    out["seconds"] = round(time.perf_counter() - t0, 1)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
