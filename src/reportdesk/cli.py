"""The ``reportdesk`` command line.  It never imports Qt or the office libraries up front.

Each sub-command lives in a module of :mod:`reportdesk.commands` with a ``register``
function that adds its parser and sets ``func``; the function returns the exit status.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

log = logging.getLogger(__name__)

COMMAND_MODULES = (
    "reportdesk.commands.check",
    "reportdesk.commands.dump",
    "reportdesk.commands.drafts",
    "reportdesk.commands.export",
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
    # The clerk reads the Chinese messages; the program's own (English) log lines go to stderr only
    # when asked for: REPORTDESK_LOG=warning|info|debug.
    level = os.environ.get("REPORTDESK_LOG", "error").upper()
    logging.basicConfig(level=getattr(logging, level, logging.ERROR), format="%(levelname)s %(name)s: %(message)s")
    if not (sys.argv[1:] if argv is None else argv):
        from reportdesk.gui import main as gui_main  # no arguments: start the desktop app, parse nothing

        return gui_main([])
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
        from reportdesk.app.paths import ensure_log_dir

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
