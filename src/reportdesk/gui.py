"""The GUI entry point: ``reportdesk`` with no arguments, ``reportdesk open FILE``, ``reportdesk-gui``."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path

log = logging.getLogger(__name__)


def main(argv: Sequence[str] | None = None, draft: Path | None = None) -> int:
    """Start the desktop app, opening *draft* (or ``argv[0]``) when given."""
    if getattr(sys, "frozen", False):  # a frozen build: the import and 审阅 worker processes start here
        import multiprocessing

        multiprocessing.freeze_support()
    from reportdesk import startup_gc

    startup_gc.pause_collection()  # until the window is ready (reportdesk.startup_gc)
    args = list(sys.argv[1:] if argv is None else argv)
    if draft is None and args:
        draft = Path(args[0])
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        _import_before_qt(draft is not None)
        from reportdesk.ui.app import run

        return run(draft)
    finally:
        startup_gc.resume_collection()


def _import_before_qt(opening: bool) -> None:
    """Import the Qt-free modules the window is about to need before PySide6 is loaded.

    Once PySide6 is imported it reads the source of every module imported after it (looking for
    ``from __feature__ import``), which costs a file read per module; the domain, storage and
    application modules have no Qt in them, so they are imported first.  With a draft to open
    that is the session and everything under it; the start page needs only the drafts folder.
    """
    if opening:
        import reportdesk.app.previous_year
        import reportdesk.app.session
    import reportdesk.app.drafts  # noqa: F401


if __name__ == "__main__":
    sys.exit(main())
