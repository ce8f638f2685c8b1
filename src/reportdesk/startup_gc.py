"""The cyclic garbage collector around start-up.

Starting the app creates several hundred thousand long-lived objects (the form definition, the
rules, the compiled text patterns, Qt's enums, the widgets) and almost no garbage.  Python's
collector nevertheless runs every few hundred allocations and, as the objects age, walks all of
them again: about a tenth of the start-up time, for nothing.  So the collector is paused while
the app starts; once the window is ready, what exists is moved out of its reach (``gc.freeze``)
and it runs again for what is made from then on, which also keeps its later passes short while
the clerk types.  When the first draft is closed the frozen objects are handed back
(:func:`release_start_up_objects`), so that a closed draft's widgets can be collected like any
other garbage.

Only the standard library: the GUI entry point calls it before anything else is imported.
"""

from __future__ import annotations

import gc
import os

_state = {"paused": False, "frozen": False, "fork_hook": False}


def pause_collection() -> None:
    """Pause the collector for the start-up (a no-op when it is already off: a test, an embedding).

    A worker process forked meanwhile (an import started from the command line) collects as usual.
    """
    if gc.isenabled():
        gc.disable()
        _state["paused"] = True
        if hasattr(os, "register_at_fork") and not _state["fork_hook"]:
            os.register_at_fork(after_in_child=resume_collection)
            _state["fork_hook"] = True


def start_up_done() -> None:
    """The window is ready: keep what start-up made out of later collections, and collect again."""
    if not _state["paused"]:
        return
    _state["paused"] = False
    gc.freeze()
    _state["frozen"] = True
    gc.enable()


def release_start_up_objects() -> None:
    """Make the objects kept at start-up collectable again (the draft they belonged to is closed)."""
    if _state["frozen"]:
        _state["frozen"] = False
        gc.unfreeze()


def resume_collection() -> None:
    """Start-up ended without a ready window (an error): collect again, freezing nothing."""
    if _state["paused"]:
        _state["paused"] = False
        gc.enable()
