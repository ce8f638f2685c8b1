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
    args = list(sys.argv[1:] if argv is None else argv)
    if draft is None and args:
        draft = Path(args[0])
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from reportdesk.ui.app import run

    return run(draft)


if __name__ == "__main__":
    sys.exit(main())
