"""Turn Ctrl-C and SIGTERM into one clear line and the conventional exit status.

Outputs are written to a temporary file and renamed (kg.store.write_atomic),
so an interrupted command leaves the previous file as it was; this module
only makes the interruption itself tidy: exit 130 for Ctrl-C, 143 for
SIGTERM, no traceback.
"""

from __future__ import annotations

import _thread
import contextlib
import os
import signal
import sys
import time
from collections.abc import Iterator

from kg.errors import Interrupted


class _Terminated(BaseException):
    """Raised from the SIGTERM handler; like KeyboardInterrupt, not an Exception."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _raise_terminated(signum, frame) -> None:
    raise _Terminated(signum)


def _send_later(signum: int) -> None:
    time.sleep(0.02)  # let the main thread leave the finaliser first
    os.kill(os.getpid(), signum)


def _redeliver(hook):
    """An unraisable-exception hook that sends a swallowed interruption again.

    A signal handler runs wherever the main thread is when the signal lands; inside a
    ``__del__``, a weakref callback or a collector hook the exception it raises cannot
    propagate and Python only prints it ("Exception ignored in ..."), so the command would
    run on as if never stopped. The signal is sent again instead, to be raised at the next
    point where it can propagate; anything else goes to the previous hook. It is sent from
    another thread a moment later: sent from here, ``os.kill`` would run the handler at
    once, inside this hook, where its exception is swallowed again (and so would waiting
    for a ``threading.Thread`` to start). Should it land in a finaliser again, it is sent
    again.
    """

    def unraisable(info) -> None:
        if isinstance(info.exc_value, _Terminated):
            signum = info.exc_value.signum
        elif isinstance(info.exc_value, KeyboardInterrupt):
            signum = signal.SIGINT
        else:
            hook(info)
            return
        _thread.start_new_thread(_send_later, (signum,))

    return unraisable


@contextlib.contextmanager
def interruptible(what: str) -> Iterator[None]:
    """Run the block; on Ctrl-C or SIGTERM raise :class:`Interrupted` saying ``what``."""
    previous = None
    with contextlib.suppress(ValueError):  # not the main thread: keep the default
        previous = signal.signal(signal.SIGTERM, _raise_terminated)
    hook = sys.unraisablehook
    sys.unraisablehook = _redeliver(hook)
    try:
        yield
    except KeyboardInterrupt:
        raise Interrupted(f"interrupted by Ctrl-C; {what}", signum=signal.SIGINT) from None
    except _Terminated as exc:
        raise Interrupted(f"stopped by signal SIGTERM; {what}", signum=exc.signum) from None
    finally:
        sys.unraisablehook = hook
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
