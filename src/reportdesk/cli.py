"""The ``reportdesk`` command line.  It never imports Qt or the office libraries up front.

Each sub-command lives in a module of :mod:`reportdesk.commands` with a ``register``
function that adds its parser and sets ``func``; the function returns the exit status.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

log = logging.getLogger(__name__)

COMMAND_MODULES = (
    "reportdesk.commands.check",
    "reportdesk.commands.dump",
    "reportdesk.commands.drafts",
    "reportdesk.commands.export",
    "reportdesk.commands.forms",
    "reportdesk.commands.open",
)

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse, with its usage errors in Chinese and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}：参数错误：{message}\n")


class _VersionAction(argparse.Action):
    """``--version``: the version is read from the package metadata only when asked for."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="显示版本号并退出")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from reportdesk import __version__

        print(f"reportdesk {__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reportdesk",
        description="ReportDesk：政府信息公开工作年度报告的填报、检查与导出。",
    )
    parser.add_argument("--version", action=_VersionAction)
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):  # a frozen build: worker processes of `check` start here
        import multiprocessing

        multiprocessing.freeze_support()
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not (sys.argv[1:] if argv is None else argv):
        from reportdesk.gui import main as gui_main  # no arguments: start the desktop app, parse nothing

        return gui_main([])
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
