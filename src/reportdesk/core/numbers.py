"""Parsing and formatting of the figures clerks type or paste.

Two value types exist in the official tables: a *count* (件数, a whole number ≥ 0) and an
*amount* in 万元 (an exact decimal ≥ 0 with at most 4 decimal places).  Clerks type
full-width digits, thousands separators, stray spaces and the "no data" marks seen in
published reports ("/", "—", "无" …); all of those are understood here.  Anything else
raises :class:`ValueParseError` with a Chinese message that quotes the input.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from enum import StrEnum

log = logging.getLogger(__name__)

Value = int | Decimal | None

MAX_COUNT = 999_999_999
MAX_AMOUNT = Decimal("999999999.9999")
AMOUNT_PLACES = 4

#: Marks that mean "no data" in published reports; they are read as a blank cell.
BLANK_MARKS = frozenset({"", "/", "／", "-", "—", "——", "–", "－", "无", "空", "\\", "－－", "--"})

_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN = re.compile(r"^\d+(\.\d+)?$")
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
    """Full-width to ASCII, drop all white space (also inside: "1 234")."""
    text = unicodedata.normalize("NFKC", raw)
    return "".join(ch for ch in text if not ch.isspace())


def parse_value(raw: object, value_type: ValueType = ValueType.COUNT) -> Value:
    """Parse *raw* (text typed or pasted, or a value from a JSON file) into a figure.

    Returns ``None`` for a blank.  Raises :class:`ValueParseError` for anything that is
    not a valid figure of *value_type*.
    """
    if raw is None:
        return None
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
