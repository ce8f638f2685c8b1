"""Cleaning what a clerk typed or pasted: line breaks kept, invisible controls removed, nothing visible lost."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportdesk.core.interchange import text_problem
from reportdesk.core.typed_text import clean_typed_text


@pytest.mark.parametrize(("raw", "section", "one_line"), [
    ("甲\x0b乙", "甲\n乙", "甲 乙"),  # Word's manual line break
    ("甲\x0c乙", "甲\n乙", "甲 乙"),  # Word's page break
    ("甲\u2028乙\u2029丙", "甲\n乙\n丙", "甲 乙 丙"),  # Qt's separators (Shift+Enter)
    ("甲\r\n乙\r丙\x85丁", "甲\n乙\n丙\n丁", "甲 乙 丙 丁"),
    ("项目\t数量", "项目\t数量", "项目 数量"),  # a tab stays in a section text
    ("单元格\x07\x07", "单元格", "单元格"),  # Word's cell marks
    ("政府\u00ad信息\u200b公开\u200c\u200d\u2060\ufeff", "政府信息公开", "政府信息公开"),
    ("\x00\x01\x1f\x7f\x80\x9f内容", "内容", "内容"),  # C0 and C1 controls
    ("残缺\ud83d字符\udc00", "残缺字符", "残缺字符"),
    ("平常的文字，2023年。", "平常的文字，2023年。", "平常的文字，2023年。"),
    ("emoji 😀 ok", "emoji 😀 ok", "emoji 😀 ok"),  # a whole pair is a character, kept
])
def test_cleaning(raw: str, section: str, one_line: str) -> None:
    assert clean_typed_text(raw).text == section
    assert clean_typed_text(raw, single_line=True).text == one_line


def test_only_lone_surrogates_count_as_visible() -> None:
    assert clean_typed_text("甲\x07\u200b乙").visible == 0
    assert clean_typed_text("甲\x07\u200b乙").removed == 2
    assert clean_typed_text("甲\ud800乙\udfff").visible == 2


def _seen(text: str) -> str:
    """The characters a reader sees, in order."""
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf", "Cs"))


@given(st.text(alphabet=st.characters(codec=None, exclude_categories=())))
def test_whatever_is_pasted_the_result_passes_the_check_and_keeps_what_is_seen(raw: str) -> None:
    cleaned = clean_typed_text(raw)
    assert text_problem(cleaned.text) is None
    assert _seen(cleaned.text) == _seen(raw).replace("\ufffe", "").replace("\uffff", "")
    assert text_problem(clean_typed_text(raw, single_line=True).text) is None
    assert "\n" not in clean_typed_text(raw, single_line=True).text
