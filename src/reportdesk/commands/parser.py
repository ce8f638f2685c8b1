"""The parser of the ``reportdesk`` command line: every command's module registers its sub-parser.

Help and usage errors are in Chinese, argparse's own strings too ("usage:", "show this help message
and exit", "the following arguments are required" …): argparse looks them up through gettext, and
:func:`_install_chinese` answers those look-ups from :data:`ARGPARSE_ZH`.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

log = logging.getLogger(__name__)

COMMAND_MODULES = (
    "reportdesk.commands.check",
    "reportdesk.commands.dump",
    "reportdesk.commands.drafts",
    "reportdesk.commands.export",
    "reportdesk.commands.forms",
    "reportdesk.commands.open",
)

EXIT_USAGE = 2

#: argparse's own messages (Python 3.11), in Chinese.
ARGPARSE_ZH: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示帮助信息并退出",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项：%(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "expected one argument": "需要一个参数",
    "expected at most one argument": "最多需要一个参数",
    "expected at least one argument": "至少需要一个参数",
    "ambiguous option: %(option)s could match %(matches)s": "有歧义的选项：%(option)s 可能是 %(matches)s",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "必须给出参数 %s 之一",
    "ignored explicit argument %r": "忽略了显式参数 %r",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s：参数错误：%(message)s\n",
}
_PLURALS = {"expected %s argument": "需要 %s 个参数"}


def _install_chinese() -> None:
    """Answer argparse's gettext look-ups in Chinese (for this process: it is the CLI's)."""
    argparse._ = lambda text: ARGPARSE_ZH.get(text, text)  # type: ignore[attr-defined]
    argparse.ngettext = lambda one, many, n: _PLURALS.get(one, one if n == 1 else many)  # type: ignore[attr-defined]


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
    """The parser of every command."""
    _install_chinese()
    parser = _Parser(
        prog="reportdesk",
        description="ReportDesk：政府信息公开工作年度报告的填报、检查与导出。",
    )
    parser.add_argument("--version", action=_VersionAction)
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


