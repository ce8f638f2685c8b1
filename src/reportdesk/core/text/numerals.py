"""Numbers as report prose writes them: 23, ２３, 二十三, 两, 〇/零, 1,517.

Only whole numbers are read; a number that is approximate in the text ("二十余件",
"近百件", "10件左右") is marked as such so that no check relies on it.
"""

from __future__ import annotations

import logging

from reportdesk.core.text.lazy import lazy

log = logging.getLogger(__name__)

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_FULL_WIDTH = str.maketrans("０１２３４５６７８９，", "0123456789,")

_WORD_BEFORE = frozenset("第每同单唯逐任统划专")
CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万"

#: A count as written: ASCII or full-width digits (with thousands commas) or Chinese numerals.
NUMBER = rf"(?:[0-9０-９]{{1,3}}(?:[,，][0-9０-９]{{3}})+|[0-9０-９]+|[{CHINESE_NUMERAL_CHARS}]+)"

#: Units that count applications or cases in report prose.
COUNT_UNITS = "件次|件|份|条|项|个|起|宗|例"

_COUNT = lazy(
    rf"(?P<before>近|约|逾|超过|大约|将近|不足|不到)?\s*(?P<num>{NUMBER})\s*(?P<approx>余|多)?\s*(?P<unit>{COUNT_UNITS})"
    rf"(?P<after>左右|以上|以下|上下)?"
)


def parse_chinese_number(text: str) -> int | None:
    """二十三 → 23, 两 → 2, 一百零五 → 105, 三〇五 → 305 (digit by digit), 十 → 10."""
    if not text or any(ch not in CHINESE_NUMERAL_CHARS for ch in text):
        return None
    if not any(ch in _SMALL_UNITS or ch == "万" for ch in text):
        # written digit by digit: "二〇二二", "三〇五"
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total = 0
    section = 0
    number = 0
    for ch in text:
        if ch in _DIGITS:
            number = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (number or 1) * _SMALL_UNITS[ch]
            number = 0
        elif ch == "万":
            total += (section + number) * 10000
            section = 0
            number = 0
    return total + section + number


def parse_number(text: str) -> int | None:
    """A whole number written in digits (ASCII or full-width, with commas) or Chinese numerals."""
    plain = text.translate(_FULL_WIDTH).replace(",", "").strip()
    if plain.isdigit():
        return int(plain)
    return parse_chinese_number(plain)


def find_counts(text: str) -> list[tuple[int, int, int, bool]]:
    """Every count with a unit in *text*: (value, start, end, approximate).

    A Chinese numeral is not taken when it is part of a word ("第一件", "每一件").
    """
    found: list[tuple[int, int, int, bool]] = []
    for m in _COUNT.finditer(text):
        num = m.group("num")
        value = parse_number(num)
        if value is None:
            continue
        if num[0] in CHINESE_NUMERAL_CHARS and m.start("num") > 0 and text[m.start("num") - 1] in _WORD_BEFORE:
            continue  # "第一件", "每一件", "同一件": not a count
        approximate = bool(m.group("before") or m.group("approx") or m.group("after"))
        found.append((value, m.start("num"), m.end(), approximate))
    return found
