"""Turn Ctrl-C and SIGTERM into one clear line and the conventional exit status.

Outputs are written to a temporary file and renamed (kg.store.write_atomic),
so an interrupted command leaves the previous file as it was; this module
only makes the interruption itself tidy: exit 130 for Ctrl-C, 143 for
SIGTERM, no traceback.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator

from kg.errors import Interrupted


class _Terminated(BaseException):
    """Raised from the SIGTERM handler; like KeyboardInterrupt, not an Exception."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _raise_terminated(signum, frame) -> None:
    raise _Terminated(signum)


@contextlib.contextmanager
def interruptible(what: str) -> Iterator[None]:
    """Run the block; on Ctrl-C or SIGTERM raise :class:`Interrupted` saying ``what``."""
    previous = None
    with contextlib.suppress(ValueError):  # not the main thread: keep the default
        previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    except KeyboardInterrupt:
        raise Interrupted(f"interrupted by Ctrl-C; {what}", signum=signal.SIGINT) from None
    except _Terminated as exc:
        raise Interrupted(f"stopped by signal SIGTERM; {what}", signum=exc.signum) from None
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
