"""The cyclic garbage collector during a build: what survives it is not scanned again.

Used by the one-process build (:func:`kg.build.build_into`) and by each worker of
``kg build --jobs N`` (kg/build_jobs.py), after every document.
"""

from __future__ import annotations

import gc


class SurvivorFreezer:
    """Keeps the cyclic collector from scanning the same long-lived objects again and again.

    Extraction fills tables as it goes (GeoNames units per country, caches): hundreds of
    thousands of small lists and sets that live as long as the process. The collector's
    full collection runs each time the old generation has grown by a quarter, and each
    time scans all of it: ten full collections, 0.47 s of CPU in a 100k-word build. Once
    a full collection has run, what survived it is moved to the permanent generation
    (``gc.freeze``) at the next document boundary, so later ones scan only what came
    since. At the boundary the document's own cycles are collected first (a young
    collection); only what a document left in the old generation after the full
    collection, a few hundred objects, may wait for the end of the build (``gc.unfreeze``
    in :func:`build_into`), when it is collected as usual. Used as a context manager;
    :meth:`boundary` after each document.

    Full collections are counted from ``gc.get_stats()`` at the boundary, not seen through
    a ``gc.callbacks`` hook: a signal handler that runs inside such a hook raises into the
    collector, which only prints the exception, so a SIGTERM or Ctrl-C landing during a
    collection was lost and the build ran on to the end.
    """

    def __init__(self) -> None:
        self.freezes = 0
        self._seen = _full_collections()

    @property
    def due(self) -> bool:
        """Whether a full collection ran since the last freeze (or since entering)."""
        return _full_collections() != self._seen

    def __enter__(self) -> SurvivorFreezer:
        self._seen = _full_collections()
        return self

    def __exit__(self, *exc) -> None:
        pass

    def boundary(self) -> None:
        """Between two documents: freeze the survivors of a full collection, if one ran."""
        if self.due:
            gc.collect(1)
            gc.freeze()
            self.freezes += 1
            self._seen = _full_collections()


def _full_collections() -> int:
    """How many full (generation 2) collections this process has run."""
    return gc.get_stats()[2]["collections"]
