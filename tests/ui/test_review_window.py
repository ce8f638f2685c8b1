"""审阅: the reviewer's window on a folder of real (and hostile) files."""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from reportdesk.core.catalog import get_form
from reportdesk.core.report import derive
from reportdesk.ui.main_window import ReportWindow
from reportdesk.ui.review_window import ReviewWindow, chunk_size
from tests.documents.builders import Style, write_docx, write_xlsx
from tests.factories import complete_report


def _folder(root: Path) -> Path:
    folder = root / "收到的报告"
    (folder / "乡镇").mkdir(parents=True)
    good = complete_report(seed=1, agency="甲县某局", year=2023)
    bad = complete_report(seed=2, agency="乙县某局", year=2023)
    wrong = str(int(derive(get_form(), bad.cells)["requests.received.natural"]) + 2)
    write_docx(folder / "good.docx", good)
    write_docx(folder / "bad.docx", bad, Style(value=lambda c, s: wrong if c == "requests.received.natural" else s))
    write_xlsx(folder / "乡镇" / "excel.xlsx", good, sheets=1)
    (folder / "random.docx").write_bytes(bytes(range(256)) * 40)
    (folder / "empty.xlsx").write_bytes(b"")
    import docx

    no_tables = docx.Document()
    no_tables.add_paragraph("某县某局2023年政府信息公开工作年度报告")
    no_tables.save(str(folder / "no-tables.docx"))
    # a zip bomb: one part that inflates to 200 MB of zeros (written in pieces, so that this
    # process stays small: a child's peak memory includes its parent's on Linux)
    with zipfile.ZipFile(folder / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as part:
            zeros = bytes(1024 * 1024)
            for _ in range(200):
                part.write(zeros)
    (folder / "notes.txt").write_text("not a report")
    return folder


def _rows(win: ReviewWindow) -> dict[str, list[str]]:
    model = win.proxy
    return {
        model.index(r, 0).data(): [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    }


def test_review_a_folder(qtbot, window: ReportWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = _folder(tmp_path)
    review = window.show_review_window()
    assert review.isVisible() and not review.export_button.isEnabled()
    with qtbot.waitSignal(review.sig_run_finished, timeout=240000):
        assert review.add_paths([folder]) == 1
        assert review.running and review.stop_button.isEnabled()
    rows = _rows(review)
    assert set(rows) == {"good.docx", "bad.docx", "excel.xlsx", "random.docx", "empty.xlsx", "no-tables.docx",
                         "bomb.docx"}
    assert rows["good.docx"][1:6] == ["甲县某局", "2023", "是", "0", "0"]
    assert rows["bad.docx"][1:4] == ["乙县某局", "2023", "是"] and int(rows["bad.docx"][4]) >= 2
    for name in ("random.docx", "empty.xlsx", "bomb.docx"):
        assert rows[name][3] == "否" and rows[name][6], name  # unreadable, with the reason
    assert rows["no-tables.docx"][3] == "是" and int(rows["no-tables.docx"][4]) >= 1
    assert "读取" in rows["excel.xlsx"][6]
    assert review.progress.value() == review.progress.maximum() == 7
    assert "共 7 份报告" in review.status.text()

    # sorting by 错误 (descending): the report with the most errors comes first
    review.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    first = review.proxy.index(0, 0).data()
    counts = [int(review.proxy.index(r, 4).data() or -1) for r in range(review.proxy.rowCount())]
    assert counts == sorted(counts, reverse=True) and rows[first][4] == str(counts[0])

    # selecting a row lists that report's findings
    row = next(r for r in range(review.proxy.rowCount()) if review.proxy.index(r, 0).data() == "bad.docx")
    review.table.selectRow(row)
    texts = review.finding_texts()
    result = review.result_at(row)
    assert result is not None and Path(result.path).name == "bad.docx"
    assert len([t for t in texts if t.startswith("错误：")]) == result.errors
    assert any("自然人" in t for t in texts)
    assert "bad.docx" in review.details_title.text()
    row = next(r for r in range(review.proxy.rowCount()) if review.proxy.index(r, 0).data() == "random.docx")
    review.table.selectRow(row)
    assert review.finding_texts()[0].startswith("无法读取：")

    # the same folder again adds nothing; 导出汇总表 writes the check --summary workbook
    assert review.add_paths([folder]) == 0
    out = tmp_path / "汇总"
    assert review.export_summary(out)
    workbook = load_workbook(tmp_path / "汇总.xlsx")
    sheet = list(workbook["报告汇总"].iter_rows(values_only=True))
    assert sheet[0][:6] == ("文件", "单位", "年度", "能否读取", "错误", "警告")
    by_name = {Path(r[0]).name: r for r in sheet[1:]}
    assert set(by_name) == set(rows)
    assert by_name["good.docx"][1:6] == ("甲县某局", 2023, "是", 0, 0)
    assert by_name["bad.docx"][4] == int(rows["bad.docx"][4])
    assert "汇总.xlsx" in review.status.text()

    review.clear()
    assert review.proxy.rowCount() == 0 and not review.export_button.isEnabled()


def test_drop_files_and_stop(qtbot, window: ReportWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    review = window.show_review_window()
    review.jobs = 1  # one file per worker round: 停止 takes effect after the first chunk
    paths = [write_docx(tmp_path / f"r{i:02d}.docx", complete_report(seed=i, agency=f"第{i}局"))
             for i in range(12)]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(review, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(review.sig_run_finished, timeout=240000):
        QApplication.sendEvent(review, drop)
        assert review.running and review.worker is not None
        worker = review.worker
        # 停止 pressed while the first files are being checked (called in the worker's own
        # thread, so that the moment is certain)
        worker.sig_progress.connect(lambda done, _total: done and worker.stop(), Qt.ConnectionType.DirectConnection)
    assert "已停止" in review.status.text()
    done = review.proxy.rowCount()
    assert done == chunk_size(1) < len(paths)  # the files in hand were finished, the rest not started
    assert all(review.proxy.index(r, 3).data() == "是" for r in range(done))
    assert not review.stop_button.isEnabled() and review.export_button.isEnabled()
