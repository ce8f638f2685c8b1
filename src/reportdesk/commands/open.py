"""``reportdesk open FILE``: open a draft in the desktop app."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def register(sub: Any) -> None:
    parser = sub.add_parser("open", help="在桌面程序中打开报告草稿", description="在桌面程序中打开报告草稿。")
    parser.add_argument("file", type=Path, help="草稿文件")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from reportdesk.gui import main

    return main([], draft=args.file)
