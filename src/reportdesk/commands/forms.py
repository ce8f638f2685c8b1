"""``reportdesk forms [--json]``: the installed report formats (form packs) and the years they apply to."""

from __future__ import annotations

import argparse
import json
from typing import Any

from reportdesk.app.forms import FormListing, installed_forms


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "forms", help="列出已安装的报告格式", description=(
            "列出已安装的报告格式：编号、名称、依据、适用年度和来源。"
            "新的官方格式可放入用户数据文件夹下的 forms 文件夹（设置了 REPORTDESK_HOME 时为其中的 forms）。"))
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=run)


def _json(item: FormListing) -> dict[str, Any]:
    return {"id": item.id, "title": item.title, "basis": item.basis, "valid_from_year": item.valid_from_year,
            "valid_to_year": item.valid_to_year, "origin": item.origin, "path": str(item.path),
            "usable": not item.problem, "problem": item.problem or None}


def run(args: argparse.Namespace) -> int:
    listing = installed_forms()
    if args.json:
        print(json.dumps([_json(item) for item in listing], ensure_ascii=False, indent=1))
        return 0
    for item in listing:
        print(f"{item.id}  {item.title}  依据：{item.basis or '—'}  适用：{item.years}  来源：{item.origin}（{item.path}）")
        if item.problem:
            print(f"  未使用：{item.problem}")
    return 0 if listing and all(not item.problem for item in listing) else 1
