"""The ``reportdesk`` command line.  It never imports Qt or the office libraries up front.

Each sub-command lives in a module of :mod:`reportdesk.commands` with a ``register``
function that adds its parser and sets ``func``; the function returns the exit status.
"""

from __future__ import annotations

import logging
import os
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
    # The clerk reads the Chinese messages; the program's own (English) log lines go to stderr only
    # when asked for: REPORTDESK_LOG=warning|info|debug.
    level = os.environ.get("REPORTDESK_LOG", "error").upper()
    logging.basicConfig(level=getattr(logging, level, logging.ERROR), format="%(levelname)s %(name)s: %(message)s")
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
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return EXIT_OK
        status = int(args.func(args))
        sys.stdout.flush()
        return status
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `reportdesk check … | head`: the reader went away; that is no error
        _silence_stdout()
        return EXIT_FINDINGS
    except RecursionError:
        print("无法处理：文件的结构嵌套过深，不是有效的报告文件。", file=sys.stderr)
        return EXIT_USAGE
    except MemoryError:
        print("无法处理：内存不足（文件可能过大或被恶意构造）。", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # the last line of defence: never a traceback on a clerk's screen
        return _internal_error(exc)


EXIT_INTERNAL = 3


def _silence_stdout() -> None:
    """Point stdout at the null device, so that Python's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _internal_error(exc: BaseException) -> int:
    """Write the traceback to a log file and tell the user, in one Chinese line, where it is."""
    import traceback
    from datetime import datetime

    where = ""
    try:
        from reportdesk.places import ensure_log_dir

        log_file = ensure_log_dir() / f"reportdesk-cli-{datetime.now():%Y%m%d-%H%M%S}.log"
        log_file.write_text("".join(traceback.format_exception(exc)), encoding="utf-8", errors="replace")
        where = f"详细信息已写入日志 {log_file}，"
    except Exception:  # no log folder: the message below still goes out
        pass
    print(f"ReportDesk 内部错误（{type(exc).__name__}），操作未完成。{where}"
          "请把它发给技术支持。", file=sys.stderr)
    return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
