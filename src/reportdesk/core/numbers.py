"""Parsing and formatting of the figures clerks type or paste.

Two value types exist in the official tables: a *count* (件数, a whole number ≥ 0) and an
*amount* in 万元 (an exact decimal ≥ 0 with at most 4 decimal places).  Clerks type
full-width digits, thousands separators, stray spaces and the "no data" marks seen in
published reports ("/", "—", "无" …); all of those are understood here.  Anything else
raises :class:`ValueParseError` with a Chinese message that quotes the input.

Only what a clerk means as a digit is folded: the full-width forms (``１２``, ``１，２３４``)
and the ideographic space.  Unicode compatibility folding (NFKC) is *not* used: it turns a
footnote mark or a superscript into a digit, so "2①" would read as 21 and "3¹" as 31.  A
figure followed by such a mark is refused by :func:`parse_value` with the reason;
:func:`parse_marked_value` lets an importer read the figure before the mark and say so.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from reportdesk.core.pattern_cache import compile_pattern

log = logging.getLogger(__name__)

Value = int | Decimal | None

MAX_COUNT = 999_999_999
MAX_AMOUNT = Decimal("999999999.9999")
AMOUNT_PLACES = 4

#: Marks that mean "no data" in published reports; they are read as a blank cell.
BLANK_MARKS = frozenset({"", "/", "／", "-", "—", "——", "–", "－", "无", "空", "\\", "－－", "--"})

_GROUPED = compile_pattern(r"^\d{1,3}(,\d{3})+(\.\d+)?$", re.ASCII)
_PLAIN = compile_pattern(r"^\d+(\.\d+)?$", re.ASCII)
#: Full-width ASCII (U+FF01…U+FF5E) to ASCII, the ideographic space to a space: nothing else.
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
#: Reference marks printed after a figure, besides the "other number" characters (①, ², ⑴ …).
_MARK_SYMBOLS = frozenset("*†‡※#")
_SUFFIXES = ("万元", "件", "个", "项", "条")


class ValueType(StrEnum):
    COUNT = "count"
    AMOUNT = "amount"


class ValueParseError(ValueError):
    """A typed or stored value is not a valid figure; ``message`` is for the user."""

    def __init__(self, message: str, raw: object) -> None:
        super().__init__(message)
        self.message = message
        self.raw = raw


def _quote(raw: object) -> str:
    text = str(raw)
    if len(text) > 30:
        text = text[:30] + "…"
    return f"“{text}”"


def normalise_text(raw: str) -> str:
    """Full-width to ASCII, drop all white space (also inside: "1 234"); nothing else is folded."""
    return "".join(ch for ch in raw.translate(_FOLD) if not ch.isspace())


def is_mark(ch: str) -> bool:
    """A footnote or reference mark: circled and parenthesised numbers, superscripts, *, †, ※ …

    Fractions (½) are "other numbers" too but not marks: "2½" is no figure with a footnote."""
    if ch in _MARK_SYMBOLS:
        return True
    return unicodedata.category(ch) == "No" and "FRACTION" not in unicodedata.name(ch, "")


def split_marked(raw: str) -> tuple[str, str] | None:
    """("2", "①") for "2①": the text before a run of trailing marks, and the marks; None when
    *raw* does not end in marks or has nothing before them."""
    text = normalise_text(raw)
    end = len(text)
    while end and is_mark(text[end - 1]):
        end -= 1
    if end == len(text) or not end:
        return None
    return text[:end], text[end:]


def numberish_text(raw: str) -> str:
    """*raw* folded and without trailing marks: how the importers tell a figure from a label."""
    marked = split_marked(raw)
    return marked[0] if marked is not None else normalise_text(raw)


def parse_marked_value(raw: str, value_type: ValueType = ValueType.COUNT) -> tuple[Value, str]:
    """An imported cell such as "2①": (2, "①").  Raises :class:`ValueParseError` when the text
    before the marks is not a figure, or when there is no mark at all and *raw* is no figure."""
    marked = split_marked(raw)
    if marked is None:
        return parse_value(raw, value_type), ""
    figure, marks = marked
    try:
        return parse_value(figure, value_type), marks
    except ValueParseError as exc:
        raise ValueParseError(exc.message.replace(_quote(figure), _quote(raw)), raw) from exc


def parse_value(raw: object, value_type: ValueType = ValueType.COUNT) -> Value:
    """Parse *raw* (text typed or pasted, or a value from a JSON file) into a figure.

    Returns ``None`` for a blank.  Raises :class:`ValueParseError` for anything that is
    not a valid figure of *value_type*.
    """
    if raw is None:
        return None
    if type(raw) is int and value_type is ValueType.COUNT and 0 <= raw <= MAX_COUNT:
        return raw  # a count from a JSON file: what the checks below give it back as
    if isinstance(raw, bool):
        raise ValueParseError(f"{_quote(raw)} 不是数字，请填写数字。", raw)
    if isinstance(raw, int):
        return _check_range(Decimal(raw), value_type, raw)
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise ValueParseError(f"{_quote(raw)} 不是有效的数字，请填写具体数字。", raw)
        return _check_range(Decimal(repr(raw)), value_type, raw)
    if isinstance(raw, Decimal):
        if not raw.is_finite():
            raise ValueParseError(f"{_quote(raw)} 不是有效的数字，请填写具体数字。", raw)
        return _check_range(raw, value_type, raw)
    if not isinstance(raw, str):
        raise ValueParseError(f"{_quote(raw)} 不是数字，请填写数字。", raw)

    stripped = raw.strip()
    if stripped in BLANK_MARKS:
        return None
    text = normalise_text(raw)
    if text in BLANK_MARKS:
        return None
    for suffix in _SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            if suffix == "万元" and value_type is ValueType.COUNT:
                break
            text = text[: -len(suffix)]
            break
    marks = "".join(dict.fromkeys(ch for ch in text if is_mark(ch)))
    if marks:
        raise ValueParseError(
            f"{_quote(raw)} 中的“{marks}”是脚注标记或上标，不是数字的一部分。请只填写数字"
            "（脚注请写在表格下方或正文中）。", raw)
    negative = text.startswith("-")
    body = text[1:] if negative or text.startswith("+") else text
    if _GROUPED.match(body):
        body = body.replace(",", "")
    if not _PLAIN.match(body):
        if re.fullmatch(r"[\d.,]*[eE][-+]?\d+", body):
            raise ValueParseError(f"{_quote(raw)} 是科学计数法，请直接填写数字。", raw)
        if "," in body:
            raise ValueParseError(f"{_quote(raw)} 的千位分隔符位置不对，请填写如 1,234 或 1234。", raw)
        raise ValueParseError(f"{_quote(raw)} 不是数字，请只填写数字（没有数据的格子填 0，不要留空或填“/”）。", raw)
    number = Decimal(body)
    if negative:
        number = -number
    return _check_range(number, value_type, raw)


def _check_range(number: Decimal, value_type: ValueType, raw: object) -> Value:
    if number < 0:
        raise ValueParseError(f"{_quote(raw)} 是负数，表中数字不能小于 0。", raw)
    if value_type is ValueType.COUNT:
        if number != number.to_integral_value():
            raise ValueParseError(f"{_quote(raw)} 不是整数，件数只能填写整数。", raw)
        if number > MAX_COUNT:
            raise ValueParseError(f"{_quote(raw)} 过大，件数不能超过 {MAX_COUNT}。", raw)
        return int(number)
    if number > MAX_AMOUNT:
        raise ValueParseError(f"{_quote(raw)} 过大，金额不能超过 {format_value(MAX_AMOUNT)} 万元。", raw)
    try:
        quantised = number.quantize(Decimal(1).scaleb(-AMOUNT_PLACES))
    except InvalidOperation as exc:  # pragma: no cover - guarded by MAX_AMOUNT
        raise ValueParseError(f"{_quote(raw)} 不是有效的金额。", raw) from exc
    if quantised != number:
        raise ValueParseError(
            f"{_quote(raw)} 的小数超过 {AMOUNT_PLACES} 位，金额（万元）最多保留 {AMOUNT_PLACES} 位小数。", raw
        )
    return _tidy(number)


def _tidy(number: Decimal) -> Decimal:
    """Drop trailing zeros but never use an exponent (Decimal('1E+1') → Decimal('10'))."""
    if number == number.to_integral_value():
        return Decimal(int(number))
    return number.normalize()


def format_value(value: Value) -> str:
    """How a figure is shown and exported: ``""`` for blank, no exponent, no trailing zeros."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(_tidy(value), "f")
    return str(value)


def to_json(value: Value) -> int | str | None:
    """Counts as JSON numbers; amounts as JSON numbers too when exact, else strings."""
    if value is None or isinstance(value, int):
        return value
    text = format_value(value)
    return int(text) if "." not in text else text
