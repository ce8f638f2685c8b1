"""The ``reportdesk`` command line.  It never imports Qt or the office libraries up front.

Each sub-command lives in a module of :mod:`reportdesk.commands` with a ``register``
function that adds its parser and sets ``func``; the function returns the exit status.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command (built only when a command other than ``open DRAFT`` is given)."""
    from reportdesk.commands.parser import build_parser as build

    return build()


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):  # a frozen build: worker processes of `check` start here
        import multiprocessing

        multiprocessing.freeze_support()
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    given = list(sys.argv[1:] if argv is None else argv)
    if not given:
        from reportdesk.gui import main as gui_main  # no arguments: start the desktop app, parse nothing

        return gui_main([])
    if len(given) == 2 and given[0] == "open" and not given[1].startswith("-"):
        # `reportdesk open DRAFT` (a double-clicked draft): straight to the window, without building the
        # parser of every command (which imports the batch checker and its process pool).
        from pathlib import Path

        from reportdesk.gui import main as gui_main

        return gui_main([], draft=Path(given[1]))
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
