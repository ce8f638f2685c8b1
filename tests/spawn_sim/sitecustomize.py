"""Simulate Windows' process model on Linux, for the second run of the worker tests in CI.

Put this folder first on ``PYTHONPATH`` (so that every interpreter, the workers included,
imports it at start-up) and the interpreter behaves as Windows does for ReportDesk's
worker processes:

- ``multiprocessing`` starts workers with ``spawn`` (fresh interpreters, no state
  inherited from the parent): ``REPORTDESK_START_METHOD=spawn`` unless already set;
- ``signal.setitimer``, ``signal.alarm`` and ``SIGALRM`` do not exist (no per-file alarm
  inside a worker);
- ``import resource`` fails (no ``RLIMIT_AS`` memory cap).

What is left to hold the bounds is what holds on Windows: the parent killing a worker that
overruns its time, and the parent watching a worker's memory (a job object on Windows).
"""

import os
import signal
import sys

os.environ.setdefault("REPORTDESK_START_METHOD", "spawn")
os.environ["REPORTDESK_SPAWN_SIM"] = "1"
for _name in ("setitimer", "getitimer", "alarm", "SIGALRM", "ITIMER_REAL", "ITIMER_VIRTUAL", "ITIMER_PROF"):
    if hasattr(signal, _name):
        delattr(signal, _name)
sys.modules["resource"] = None  # type: ignore[assignment]  # import resource → ImportError
