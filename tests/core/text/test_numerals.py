from __future__ import annotations

import pytest

from reportdesk.core.text.numerals import find_counts, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("23", 23), ("２３", 23), ("1,517", 1517), ("二十三", 23), ("两", 2), ("〇", 0), ("零", 0),
        ("十", 10), ("十五", 15), ("一百零五", 105), ("三百", 300), ("一千二百三十四", 1234),
        ("一万二千", 12000), ("二〇二二", 2022),
    ],
)
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "二十x", "1.5"])
def test_parse_number_rejects_non_numbers(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("收到申请二十三件", [(23, False)]),
        ("收到申请两件", [(2, False)]),
        ("收到申请１２件", [(12, False)]),
        ("收到申请 0 件", [(0, False)]),
        ("共收到8份申请", [(8, False)]),
        ("二十余件", [(20, True)]),
        ("近百件", [(100, True)]),
        ("10件左右", [(10, True)]),
        ("第一件申请", []),
        ("每一件申请都按时答复", []),
        ("政策解读率达100%", []),
    ],
)
def test_find_counts(text: str, expected: list[tuple[int, bool]]) -> None:
    assert [(v, approx) for v, _, _, approx in find_counts(text)] == expected
