"""Footnote marks and superscripts are never folded into a figure (issue 11, item 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportdesk.core.numbers import ValueParseError, ValueType, parse_marked_value, parse_value
from tests.documents.builders import Style, write_docx
from tests.factories import complete_report


@pytest.mark.parametrize("raw", ["2①", "3¹", "12³", "²", "²³", "7⑴", "5※", "8*", "4†"])
def test_a_mark_is_refused_with_the_reason(raw: str) -> None:
    with pytest.raises(ValueParseError) as info:
        parse_value(raw)
    assert "脚注标记或上标" in info.value.message and raw in info.value.message


@pytest.mark.parametrize("raw", ["٣", "𝟐", "2½", "₂"])
def test_other_unicode_digits_are_not_digits(raw: str) -> None:
    with pytest.raises(ValueParseError):
        parse_value(raw)


@pytest.mark.parametrize(("raw", "expected"), [("１２", 12), ("１，２３４", 1234), ("\u3000３\u3000", 3), ("／", None),
                                               ("－", None), ("1,234", 1234)])
def test_full_width_digits_and_no_data_marks_still_fold(raw: str, expected: int | None) -> None:
    assert parse_value(raw) == expected


@pytest.mark.parametrize(("raw", "value", "marks"), [("2①", 2, "①"), ("3¹", 3, "¹"), ("12³", 12, "³"),
                                                     ("１２③", 12, "③"), ("9", 9, "")])
def test_an_importer_reads_the_figure_before_the_mark(raw: str, value: int, marks: str) -> None:
    assert parse_marked_value(raw) == (value, marks)


@pytest.mark.parametrize("raw", ["²", "①", "a①", "1.5①"])
def test_nothing_before_the_mark_is_still_refused(raw: str) -> None:
    with pytest.raises(ValueParseError):
        parse_marked_value(raw, ValueType.COUNT)


def test_word_cell_with_a_footnote_mark_is_read_and_noted(tmp_path: Path) -> None:
    from reportdesk.documents.docx_reader import import_docx

    report = complete_report()
    marked = {"requests.granted.natural": "①", "requests.granted.research": "³"}
    style = Style(value=lambda cell_id, text: text + marked.get(cell_id, ""))
    result = import_docx(write_docx(tmp_path / "marked.docx", report, style))
    for cell_id, mark in marked.items():
        assert result.report.cells[cell_id] == report.cells[cell_id], cell_id  # never 21 or 123
        shown = f"{report.cells[cell_id]}{mark}"
        assert any(shown in note and "脚注标记" in note for note in result.summary.notes), result.summary.notes
    assert any("脚注标记" in line for line in result.summary.lines())
