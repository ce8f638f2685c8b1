"""Reading pasted blocks (Excel/WPS text, HTML tables) and aligning them by their labels."""

from __future__ import annotations

from reportdesk.core.catalog import DEFAULT_FORM_ID, get_form
from reportdesk.core.clipboard_table import TableLayout, align_block, parse_html, parse_tsv, read_clipboard


def test_tsv_as_excel_writes_it_on_windows() -> None:
    block = parse_tsv('a\t"商业\r\n企业"\t"say ""hi"""\r\n1\t\t2\r\n')
    assert block.rows == [["a", "商业\n企业", 'say "hi"'], ["1", "", "2"]]
    assert parse_tsv("5\t").rows == [["5", ""]]
    assert parse_tsv('"unterminated\t3').rows == [['"unterminated', "3"]]
    assert parse_tsv("").rows == []


def test_html_spans_breaks_and_entities() -> None:
    block = parse_html(
        "<style>td{}</style><table><tr><td rowspan=2>行<br>一</td><td colspan=2>A&nbsp;B</td></tr>"
        "<tr><td><p>x</p><p>y</p></td><td>3</td></tr><tr style='display:none'><td>9</td></tr></table>"
    )
    assert block is not None
    assert block.rows == [["行\n一", "A B"], ["", "x\ny", "3"], ["9"]]  # a hidden row is never dropped
    assert (1, 0) in block.covered and (0, 2) in block.covered
    assert block.filled(1, 0) == "行\n一" and block.filled(0, 2) == "A B"
    assert parse_html("<p>no table</p>") is None
    assert read_clipboard("1\t2", "<p>no table</p>").rows == [["1", "2"]]


def test_a_nested_layout_table_keeps_the_inner_cells() -> None:
    block = parse_html("<table><tr><td>nav<table><tr><td>规章</td><td>4</td></tr></table></td></tr></table>")
    assert block is not None
    assert ["规章", "4"] in block.rows


def test_alignment_by_row_label_and_unplaced_figures() -> None:
    form = get_form(DEFAULT_FORM_ID)
    layout = TableLayout(form.tables["proactive"])
    result = align_block(layout, parse_tsv("行政规范性文件\t1\t2\t3\t4\n"), 0, 0)
    assert [(p.cell_id, p.raw) for p in result.placements] == [
        ("proactive.normative_documents.issued", "1"), ("proactive.normative_documents.repealed", "2"),
        ("proactive.normative_documents.in_force", "3")]
    assert [(u.raw, u.reason) for u in result.unplaced] == [("4", "超出该行的格子")]


def test_huge_spans_and_blocks_are_bounded() -> None:
    block = parse_html("<table><tr><td rowspan=999999 colspan=999999>x</td></tr></table>")
    assert block is not None and block.n_rows <= 500
    assert len(block.covered) < 10_001
    big = parse_tsv("1\n" * 10_000)
    assert len(big.rows) == 500 and big.truncated
    assert not parse_tsv("1\n" * 500).truncated


def test_shared_headers_are_placed_by_the_order_around_them() -> None:
    form = get_form(DEFAULT_FORM_ID)
    layout = TableLayout(form.tables["appeals"])
    heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    text = ("\t".join([*heads, "未经复议直接起诉", "", "", "", "", "复议后起诉"]) + "\r\n"
            + "\t".join([""] * 5 + heads * 2) + "\r\n"
            + "\t".join(str(i) for i in range(1, 16)) + "\r\n")
    result = align_block(layout, parse_tsv(text), 3, 7)
    placed = {p.cell_id: p.raw for p in result.placements}
    assert placed["appeals.reconsideration.upheld"] == "1"
    assert placed["appeals.litigation_direct.upheld"] == "6"
    assert placed["appeals.litigation_after.pending"] == "14"
    assert result.unplaced == []


def test_a_header_shared_by_columns_with_nothing_around_is_not_guessed() -> None:
    form = get_form(DEFAULT_FORM_ID)
    layout = TableLayout(form.tables["appeals"])
    result = align_block(layout, parse_tsv("结果维持\r\n4\r\n"), 3, 10)
    # the header names three columns: the figure goes where it is pasted, not to a guessed group
    assert [(p.cell_id, p.raw) for p in result.placements] == [("appeals.litigation_after.upheld", "4")]


def test_a_zero_shown_as_a_dash_keeps_its_value_from_the_spreadsheet() -> None:
    """Excel's accounting format shows 0 as " - "; its HTML (x:num) and LibreOffice's (sdval) keep the 0."""
    html = ('<table><tr>'
            '<td class=xl65 x:num="0"><span style="mso-spacerun:yes">&nbsp;&nbsp;</span>- </td>'
            '<td x:num>5</td>'
            '<td sdval="0" sdnum="2052;0;#,##0;-">-</td>'
            '<td x:num="0"></td>'  # zeros hidden by the sheet's options
            '<td>-</td>'  # a dash typed as text: no value behind it
            '<td x:str>-</td>'
            '<td x:num="1234">1,234</td>'
            '</tr></table>')
    block = parse_html(html)
    assert block is not None
    assert block.rows == [["0", "5", "0", "0", "-", "-", "1,234"]]
