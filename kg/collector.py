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
    in :func:`build_into`), when it is collected as usual. Used as a context manager
    (the collector callback is removed on exit); :meth:`boundary` after each document.
    """

    def __init__(self) -> None:
        self.due = False
        self.freezes = 0

    def _collected(self, phase: str, info: dict) -> None:
        if phase == "stop" and info["generation"] == 2:
            self.due = True

    def __enter__(self) -> SurvivorFreezer:
        gc.callbacks.append(self._collected)
        return self

    def __exit__(self, *exc) -> None:
        gc.callbacks.remove(self._collected)

    def boundary(self) -> None:
        """Between two documents: freeze the survivors of a full collection, if one ran."""
        if self.due:
            self.due = False
            gc.collect(1)
            gc.freeze()
            self.freezes += 1
