"""An interruption that lands where Python cannot raise it is sent again, not lost.

A signal handler runs wherever the main thread is when the signal arrives. Inside a
``__del__`` (or a weakref callback, or a collector hook) its exception cannot propagate:
Python prints "Exception ignored in ..." and goes on. A fresh-clone CI run of the killed
build test saw exactly that: SIGTERM landed during a garbage collection and the build ran to
the end, wrote its output and exited 0.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

# The signal is sent from inside __del__ and handled there (the loop gives the interpreter
# a point to run the handler); the block then sleeps, where it can be raised.
SCRIPT = textwrap.dedent("""
    import os, signal, sys, time
    from kg.cli.interrupt import interruptible
    from kg.errors import Interrupted

    class Dropped:
        def __del__(self):
            os.kill(os.getpid(), signal.{sig})
            for _ in range(100_000):
                pass

    try:
        with interruptible("nothing was written"):
            Dropped()
            time.sleep(2)
            print("ran to the end")
    except Interrupted as exc:
        print(exc)
        sys.exit(3)
""")


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGINT"])
def test_a_signal_swallowed_inside_a_finaliser_still_stops_the_block(sig):
    run = subprocess.run([sys.executable, "-c", SCRIPT.format(sig=sig)], capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 3, (run.stdout, run.stderr)
    assert "ran to the end" not in run.stdout
    assert "Exception ignored" not in run.stderr
    what = "stopped by signal SIGTERM" if sig == "SIGTERM" else "interrupted by Ctrl-C"
    assert run.stdout.startswith(what)


def test_other_unraisable_exceptions_still_reach_the_previous_hook():
    script = textwrap.dedent("""
        from kg.cli.interrupt import interruptible

        class Broken:
            def __del__(self):
                raise ValueError("a finaliser bug")

        with interruptible("nothing"):
            Broken()
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 0
    assert "ValueError: a finaliser bug" in run.stderr


def test_the_previous_hook_is_back_after_the_block():
    from kg.cli.interrupt import interruptible

    before = sys.unraisablehook
    with interruptible("nothing"):
        assert sys.unraisablehook is not before
    assert sys.unraisablehook is before
