"""Emitting signals from Python, with a guard against a PySide6 reference-count bug.

PySide6 6.12.0 on CPython 3.11 drops one reference to ``True`` on every
``SignalInstance.emit()`` made from Python (C++ emissions are not affected).  After a
few thousand edits the count reaches zero and the interpreter aborts with "Fatal
Python error: bool_dealloc".  Every emit in ``reportdesk.ui`` goes through :func:`emit`,
which measures the loss once at start and gives the reference back.  On a PySide6
without the bug the probe finds no loss and :func:`emit` is a plain emit.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

log = logging.getLogger(__name__)

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    sig_probe = Signal(object)


def _true_refs_lost_per_emit() -> int:
    probe = _Probe()
    rounds = 16
    before = sys.getrefcount(True)
    for _ in range(rounds):
        probe.sig_probe.emit(None)
    lost = before - sys.getrefcount(True)
    for _ in range(max(lost, 0)):
        _incref(True)
    return max(lost, 0) // rounds


LOST_PER_EMIT = _true_refs_lost_per_emit()
if LOST_PER_EMIT:
    log.info("PySide6 loses %d reference(s) to True per emit; compensating", LOST_PER_EMIT)


def emit(signal: SignalInstance, *args: Any) -> None:
    signal.emit(*args)
    for _ in range(LOST_PER_EMIT):
        _incref(True)
