"""One call run on a background thread, its result handed back to the GUI thread by a signal.

Used for work that may take a while or meet a hostile file (an import runs in a worker
process; this thread only waits for it), so that the window never freezes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

log = logging.getLogger(__name__)


class BackgroundCall(QThread):
    sig_done = Signal(object)  # what the call returned
    sig_failed = Signal(str)  # a message for the user

    def __init__(self, call: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._call = call

    def run(self) -> None:
        try:
            result = self._call()
        except Exception as exc:
            message = getattr(exc, "message", None)  # an expected error: its own Chinese message
            if not isinstance(message, str):
                # a bug: the crash handler saves the draft, writes the log and says so (in the GUI thread)
                from reportdesk.ui.crash import describe, report_crash

                report_crash(type(exc), exc, exc.__traceback__)
                message = describe(exc)
            self.sig_failed.emit(message)
            return
        self.sig_done.emit(result)
