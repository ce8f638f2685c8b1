from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportdesk.core.numbers import ValueParseError, ValueType, format_value, parse_value, to_json

COUNT, AMOUNT = ValueType.COUNT, ValueType.AMOUNT


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12", 12),
        ("１２", 12),
        (" 7 ", 7),
        ("\u3000３\u3000", 3),
        ("1,234", 1234),
        ("1，234", 1234),
        ("1 234", 1234),
        ("12,345,678", 12345678),
        ("0", 0),
        ("5件", 5),
        ("+3", 3),
        (3, 3),
        (3.0, 3),
        ("", None),
        ("  ", None),
        ("/", None),
        ("／", None),
        ("-", None),
        ("—", None),
        ("无", None),
        (None, None),
    ],
)
def test_counts_clerks_type_are_understood(raw: object, expected: int | None) -> None:
    assert parse_value(raw, COUNT) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12.5", Decimal("12.5")),
        ("０.１２３４", Decimal("0.1234")),
        ("1,000.25", Decimal("1000.25")),
        ("3万元", Decimal(3)),
        ("0.50", Decimal("0.5")),
        (0.5, Decimal("0.5")),
        ("/", None),
    ],
)
def test_amounts_are_exact_decimals(raw: object, expected: Decimal | None) -> None:
    value = parse_value(raw, AMOUNT)
    assert value == expected
    assert not isinstance(value, float)


@pytest.mark.parametrize(
    ("raw", "kind", "words"),
    [
        ("-3", COUNT, "负数"),
        ("－3", COUNT, "负数"),
        (-1, COUNT, "负数"),
        ("1.5", COUNT, "不是整数"),
        (1.5, COUNT, "不是整数"),
        ("abc", COUNT, "不是数字"),
        ("三", COUNT, "不是数字"),
        ("1e9999", COUNT, "科学计数法"),
        (float("inf"), COUNT, "不是有效的数字"),
        (float("nan"), AMOUNT, "不是有效的数字"),
        (True, COUNT, "不是数字"),
        ([1], COUNT, "不是数字"),
        ("12,34", COUNT, "千位分隔符"),
        ("1.23456", AMOUNT, "4 位"),
        ("5万元", COUNT, "不是数字"),
        ("99999999999", COUNT, "过大"),
    ],
)
def test_bad_values_get_a_chinese_message_that_quotes_the_input(raw: object, kind: ValueType, words: str) -> None:
    with pytest.raises(ValueParseError) as info:
        parse_value(raw, kind)
    assert words in info.value.message
    assert "“" in info.value.message  # the input is quoted


@given(st.one_of(st.text(), st.integers(), st.floats(), st.booleans(), st.none(), st.decimals()))
def test_parser_never_raises_anything_but_its_own_error(raw: object) -> None:
    for kind in ValueType:
        try:
            value = parse_value(raw, kind)
        except ValueParseError as exc:
            assert exc.message
        else:
            assert value is None or value >= 0
            if kind is COUNT:
                assert value is None or isinstance(value, int)


@given(st.integers(min_value=0, max_value=999_999_999))
def test_counts_round_trip_through_their_display_form(n: int) -> None:
    assert parse_value(format_value(n), COUNT) == n
    assert parse_value(f"{n:,}", COUNT) == n


@given(st.decimals(min_value=0, max_value=10**8, places=4, allow_nan=False))
def test_amounts_round_trip_exactly(d: Decimal) -> None:
    value = parse_value(format_value(d), AMOUNT)
    assert value == d
    assert parse_value(to_json(value), AMOUNT) == d
    assert "E" not in format_value(value)


@given(st.one_of(st.integers(min_value=-10, max_value=10), st.integers(min_value=999_999_990, max_value=1_000_000_010),
                 st.integers()))
def test_a_count_from_json_is_read_as_its_decimal_and_text_forms_are(raw: int) -> None:
    """The shortcut for a plain int count gives what the full path gives (the value, or the same error)."""
    def outcome(value: object) -> object:
        try:
            result = parse_value(value, ValueType.COUNT)
        except ValueParseError as exc:
            return ("error", exc.message.replace(str(value), "N"))
        return (type(result), result)

    assert outcome(raw) == outcome(Decimal(raw)) == outcome(str(raw))
