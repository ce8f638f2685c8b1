"""The JSON interchange format: how tests, scripts and other tools feed ReportDesk.

    {"format": "gov-info-disclosure-2021", "agency": "…", "year": 2023,
     "meta": {"contact_office": "…", …},
     "cells": {"requests.received.natural": 3, …},
     "texts": {"preamble": "…", "overview": "…", …}}

A missing or ``null`` cell is blank.  Totals are kept as stated in the file
(``"totals": "stated"``, the default) or computed from their parts (``"derived"``).
``"missing": ["appeals.reconsideration.upheld", …]`` lists the cells that were *not found*
in the document the data came from (not blank: never read), as a reader records them.
"""

from __future__ import annotations

import json
import logging
import re
import stat
import sys
from pathlib import Path
from typing import Any

from reportdesk.core.form import FormDef
from reportdesk.core.numbers import ValueParseError, parse_value, to_json
from reportdesk.core.pattern_cache import compile_pattern
from reportdesk.core.report import EXTRA_TEXTS, META_FIELDS, InvalidValue, Report, Totals, derive, effective_missing

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 10 * 1024 * 1024
YEAR_RANGE = range(2000, 2101)
#: The longest agency name accepted (real names are under 40 characters; Word's document
#: properties hold at most 255).
MAX_AGENCY_CHARS = 100
_YEAR_TEXT = compile_pattern(r"\d{4}", re.ASCII)
#: Characters a report's text cannot hold: C0 controls other than tab and line ends, the
#: non-characters XML refuses, and lone surrogates (which no file encoding can write).
_BAD_CHAR = compile_pattern("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


class ReportFileError(Exception):
    """A report file cannot be read at all; the message says why, in Chinese."""

    def __init__(self, message: str, code: str = "unreadable") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def read_json_file(path: Path, form_for: Any) -> Report:
    """Read an interchange file.  *form_for(form_id)* returns the form or raises LookupError."""
    require_regular_file(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ReportFileError(
            f"文件过大（{size / 1024 / 1024:.1f} MB），报告文件不应超过 {MAX_FILE_BYTES // 1024 // 1024} MB。", "too_large"
        )
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except OSError as exc:
        raise ReportFileError(f"无法读取文件：{exc.strerror or exc}", "io") from exc
    except UnicodeDecodeError as exc:
        raise ReportFileError("文件不是 UTF-8 编码的 JSON 文本，请用 ReportDesk 导出或另存为 UTF-8。", "encoding") from exc
    return report_from_json(parse_json(text), form_for)


def parse_json(text: str) -> Any:
    """*text* as JSON; every failure is a :class:`ReportFileError` with a Chinese reason."""
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise ReportFileError(f"JSON 格式错误：第 {exc.lineno} 行第 {exc.colno} 列，{_json_reason(exc.msg)}。", "json") from exc
    except RecursionError as exc:
        raise ReportFileError("JSON 格式错误：嵌套层数过多（对象或数组套了上千层），不是报告文件。", "json") from exc
    except _Constant as exc:
        raise ReportFileError(f"JSON 格式错误：{exc.args[0]}。", "json") from exc
    except ValueError as exc:  # int() of a number with thousands of digits
        limit = sys.get_int_max_str_digits()
        raise ReportFileError(f"JSON 格式错误：有一个数字超过 {limit} 位，不是有效的报告数字。", "json") from exc


class _Constant(ValueError):
    pass


def _reject_constant(name: str) -> Any:
    raise _Constant(f"不支持 {name}，请填写具体数字")


def require_regular_file(path: Path) -> None:
    """Refuse at once what is not a regular file (a FIFO would block a reader forever, a device
    read without end); follows a symbolic link to what it names."""
    try:
        mode = Path(path).stat().st_mode
    except FileNotFoundError as exc:
        raise ReportFileError("文件不存在。", "io") from exc
    except OSError as exc:
        raise ReportFileError(f"无法打开文件：{_os_reason(exc)}", "io") from exc
    if stat.S_ISDIR(mode):
        raise ReportFileError("这是一个文件夹，不是报告文件。", "io")
    if not stat.S_ISREG(mode):
        kind = "命名管道（FIFO）" if stat.S_ISFIFO(mode) else "设备或套接字" \
            if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode) else "特殊文件"
        raise ReportFileError(f"这是一个{kind}，不是普通文件，不能作为报告读取。", "io")


def _os_reason(exc: OSError) -> str:
    import errno

    if exc.errno == errno.ENAMETOOLONG:
        return "文件名过长"
    if isinstance(exc, PermissionError):
        return "没有读取权限"
    return exc.strerror or type(exc).__name__


def text_problem(text: str, *, max_chars: int | None = None) -> str | None:
    """Why *text* cannot be a report's agency, detail or section text (None when it can):
    a control character, a lone surrogate, or more than *max_chars* characters."""
    bad = _BAD_CHAR.search(text)
    if bad is not None:
        code = ord(bad.group())
        kind = "无法编码的残缺字符" if 0xD800 <= code <= 0xDFFF else "控制字符"
        return (f"第 {bad.start() + 1} 个字符是{kind}（U+{code:04X}），报告中不能含有这类字符。"
                "请删除它（多为从其他程序复制时带入）后重试")
    if max_chars is not None and len(text) > max_chars:
        return f"长达 {len(text)} 个字符，不能超过 {max_chars} 个字符"
    return None


def parse_year(value: Any) -> int | None:
    """A report year from a file or a form field: 2023, "2023" or "２０２３"; None when it is none."""
    if isinstance(value, str):
        text = value.strip().translate({c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)})
        if not _YEAR_TEXT.fullmatch(text):
            return None
        value = int(text)
    if isinstance(value, bool) or not isinstance(value, int) or value not in YEAR_RANGE:
        return None
    return value


def _shown(raw: Any) -> str:
    """A JSON value as quoted in a message: shortened, and never failing on deep nesting."""
    try:
        return shorten(json.dumps(raw, ensure_ascii=False), 60)
    except (RecursionError, ValueError):
        return "（嵌套过深的值）"


def shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + f"…（共 {len(text)} 个字符）"


def _json_reason(msg: str) -> str:
    reasons = {
        "Expecting value": "此处缺少值",
        "Expecting property name enclosed in double quotes": "键名必须用英文双引号括起来",
        "Expecting ',' delimiter": "缺少逗号",
        "Expecting ':' delimiter": "缺少冒号",
        "Extra data": "数据结束后还有多余内容",
        "Unterminated string starting at": "字符串没有结束引号",
    }
    return reasons.get(msg, msg)


def report_from_json(data: Any, form_for: Any) -> Report:
    if not isinstance(data, dict):
        kind = {list: "数组", str: "字符串", int: "数字", float: "数字", bool: "布尔值"}.get(type(data), "空值")
        raise ReportFileError(f"文件的最外层应是一个 JSON 对象 {{…}}，却是{kind}。", "structure")
    form_id = data.get("format")
    if not isinstance(form_id, str) or not form_id:
        raise ReportFileError("缺少 \"format\"（报告格式，如 \"gov-info-disclosure-2021\"）。", "structure")
    try:
        form: FormDef = form_for(form_id)
    except LookupError as exc:
        raise ReportFileError(str(exc.args[0]) if exc.args else f"未知的报告格式“{shorten(form_id)}”",
                              "format") from exc
    except (OSError, ValueError) as exc:  # a name no file system can hold (too long, NUL …)
        raise ReportFileError(f"未知的报告格式“{shorten(form_id)}”。", "format") from exc

    agency = data.get("agency", "")
    if agency is None:
        agency = ""
    if not isinstance(agency, str):
        raise ReportFileError("\"agency\"（填报单位）应是文字。", "structure")
    problem = text_problem(agency.strip(), max_chars=MAX_AGENCY_CHARS)
    if problem:
        raise ReportFileError(f"\"agency\"（填报单位）{problem}。", "structure")
    raw_year = data.get("year")
    year = parse_year(raw_year)
    if raw_year is not None and year is None:
        shown = _shown(raw_year)
        raise ReportFileError(f"\"year\"（报告年度）应是 2000 至 2100 之间的整数，却是 {shown}。", "structure")
    power = data.get("rulemaking_power")
    if power is not None and not isinstance(power, bool):
        raise ReportFileError("\"rulemaking_power\"（是否有规章制定权）应是 true、false 或 null。", "structure")
    totals_raw = data.get("totals", Totals.STATED.value)
    try:
        totals = Totals(totals_raw)
    except ValueError as exc:
        raise ReportFileError("\"totals\" 只能是 \"stated\"（按文件中的合计）或 \"derived\"（由各项计算）。", "structure") from exc

    meta = _string_map(data.get("meta", {}), "meta", set(META_FIELDS))
    texts = _string_map(data.get("texts", {}), "texts", {s.id for s in form.sections} | set(EXTRA_TEXTS))
    raw_cells = data.get("cells", {})
    if raw_cells is None:
        raw_cells = {}
    if not isinstance(raw_cells, dict):
        raise ReportFileError("\"cells\" 应是一个对象，键为单元格编号。", "structure")
    unknown = [k for k in raw_cells if k not in form.cells]
    if unknown:
        shown = "、".join(shorten(repr(k)[1:-1]) for k in unknown[:5]) + ("等" if len(unknown) > 5 else "")
        raise ReportFileError(f"有 {len(unknown)} 个未知的单元格编号：{shown}。请使用 README 中列出的编号。", "cell")

    report = Report(form_id=form.id, agency=agency.strip(), year=year, rulemaking_power=power,
                    meta=meta, texts=texts, totals=totals)
    for cell_id, raw in raw_cells.items():
        try:
            report.cells[cell_id] = parse_value(raw, form.cells[cell_id].type)
        except ValueParseError as exc:
            report.invalid[cell_id] = InvalidValue(_shown(raw), exc.message)
    report.missing = _missing_cells(data.get("missing"), form, report)
    return report


def _missing_cells(value: Any, form: FormDef, report: Report) -> set[str]:
    """The ``missing`` list: cells not found in the document (distinct from blank)."""
    if value is None:
        return set()
    if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
        raise ReportFileError("\"missing\"（未找到的单元格）应是单元格编号的数组，如 [\"appeals.reconsideration.upheld\"]。",
                              "structure")
    unknown = [c for c in value if c not in form.cells]
    if unknown:
        shown = "、".join(unknown[:5]) + ("等" if len(unknown) > 5 else "")
        raise ReportFileError(f"\"missing\" 中有 {len(unknown)} 个未知的单元格编号：{shown}。请使用 README 中列出的编号。",
                              "cell")
    both = [c for c in value if report.cells.get(c) is not None or c in report.invalid]
    if both:
        shown = "、".join(form.cells[c].label for c in both[:3]) + ("等" if len(both) > 3 else "")
        raise ReportFileError(f"有 {len(both)} 个单元格既在 \"cells\" 中有值，又列在 \"missing\"（未找到）中：{shown}。"
                              "请只保留其中一处。", "cell")
    return set(value)


def _string_map(value: Any, name: str, allowed: set[str]) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ReportFileError(f"\"{name}\" 应是一个对象。", "structure")
    result: dict[str, str] = {}
    for key, text in value.items():
        if key not in allowed:
            raise ReportFileError(f"\"{name}\" 中有未知的项“{shorten(repr(key)[1:-1])}”，可用的项：{'、'.join(sorted(allowed))}。", "structure")
        if text is None:
            continue
        if not isinstance(text, str):
            raise ReportFileError(f"\"{name}.{key}\" 应是文字。", "structure")
        problem = text_problem(text)
        if problem:
            raise ReportFileError(f"\"{name}.{key}\" {problem}。", "structure")
        result[key] = text
    return result


def report_to_json(form: FormDef, report: Report, *, include_derived: bool = True) -> dict[str, Any]:
    """The report as interchange data; totals derived from their parts when the report is a draft."""
    cells = derive(form, report.cells) if (include_derived and report.totals is Totals.DERIVED) else report.cells
    # a total derived from a part that was not found is not known either
    unknown = effective_missing(form, report) if include_derived else set(report.missing)
    cells = {cid: (None if cid in unknown else v) for cid, v in cells.items()}
    data: dict[str, Any] = {
        "format": form.id,
        "agency": report.agency,
        "year": report.year,
    }
    if report.rulemaking_power is not None:
        data["rulemaking_power"] = report.rulemaking_power
    if report.meta:
        data["meta"] = {k: report.meta[k] for k in META_FIELDS if k in report.meta}
    data["totals"] = str(Totals.STATED if include_derived else report.totals)
    data["cells"] = {cid: to_json(cells.get(cid)) for cid in form.cells if cells.get(cid) is not None}
    if report.invalid:
        data["invalid_cells"] = {cid: bad.raw for cid, bad in report.invalid.items()}
    missing = [cid for cid in form.cells if cid in unknown and cells.get(cid) is None]
    if missing:
        data["missing"] = missing
    order = [*EXTRA_TEXTS, *(s.id for s in form.sections)]
    data["texts"] = {k: report.texts[k] for k in order if report.texts.get(k)}
    return data


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
