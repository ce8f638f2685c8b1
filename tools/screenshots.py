"""Screenshots of the desktop app for the README: start page, a table with a finding, the export page,
a text section with a text_number highlight, the preview, a table with last year's figures, section 五
beside last year's, the year-on-year dialog and the 审阅 window; and every table page, a text page
and the export page on the laptop screens 1366×768 and 1280×720 (window maximised, taskbar visible).

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py [--out docs/images]

Runs the real window offscreen on a throw-away drafts home (the sample report opened as a
draft, one figure changed so that the balance check fails) and saves small PNGs with
QWidget.grab().  Needs a CJK font (Debian: fonts-noto-cjk).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SIZE = (1280, 800)
#: Laptop screens: the window maximised with a 40 px taskbar visible (1366×768 → 1366×728 …).
LAPTOPS = {"1366x768": (1366, 728), "1280x720": (1280, 680)}
LAPTOP_PAGES = ("proactive", "requests", "appeals", "overview", "export")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "images")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp(prefix="reportdesk-shots-")
    os.environ["REPORTDESK_HOME"] = home
    sys.path.insert(0, str(REPO / "src"))

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont, QImage
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    app.setFont(QFont("Noto Sans CJK SC", 9))
    from reportdesk.ui.main_window import ReportWindow

    args.out.mkdir(parents=True, exist_ok=True)
    window = ReportWindow()
    window.resize(*SIZE)
    window.show()

    def shot(name: str, widget=None) -> None:  # type: ignore[no-untyped-def]
        app.processEvents()
        path = args.out / name
        # a 256-colour palette without dithering: UI colours stay flat, the files stay small
        image = (widget or window).grab().toImage().convertToFormat(
            QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.AvoidDither
        )
        image.save(str(path), "PNG", 0)  # 0: the strongest compression
        print(path)

    # the start page, with two drafts in the list
    assert window.create_draft("某县农业农村局", 2023)
    window.close_draft()
    assert window.open_sample()
    window.close_draft()
    shot("start-page.png")

    # the applications table with a balance error selected from the findings panel
    window.open_draft(sorted(Path(home).glob("*2022*.rdesk"))[0])
    assert window.controller is not None and window.workspace is not None
    window.controller.edit_cells({"requests.received.natural": 25})
    finding = next(f for f in window.controller.findings if f.rule == "balance")
    window.workspace.show_finding(finding)
    shot("table-with-finding.png")

    window.workspace.go_to_step("export")
    shot("export-page.png")

    # a text section whose figure contradicts the table: the sentence and the cell are marked
    window.controller.edit_cells({"requests.received.natural": 0})  # as published
    from reportdesk.ui.text_page import TextSectionPage

    window.workspace.go_to_step("overview")
    page = window.workspace.page("overview")
    assert isinstance(page, TextSectionPage)
    page.editor.setPlainText(
        "（一）主动公开\n本年度通过门户网站主动公开政府信息356条。\n（二）依申请公开\n"
        "本年度共收到政府信息公开申请2件，均已按期答复。\n（三）政府信息管理\n（四）政府信息公开平台建设\n（五）监督保障"
    )
    page.commit()
    finding = next(f for f in window.controller.findings if f.rule == "text_number")
    window.workspace.show_finding(finding)
    shot("text-with-finding.png")

    # the preview beside the text, scrolled to the applications table
    window.workspace.set_preview_visible(True)
    window.workspace.preview.rebuild()
    app.processEvents()
    window.workspace.preview.scrollToAnchor("requests")
    shot("preview.png")
    window.workspace.set_preview_visible(False)
    window.close_draft()

    # every table page, a text page and the export page on the two common laptop screens
    laptop_shots(window, shot, app, Path(home))

    # 基于上年报告新建: the sample (2022) as last year's report of a 2023 draft
    last_year_shots(window, shot, Path(home))

    # 审阅: a folder of exported reports, one changed by hand, one broken
    review = review_shot(window, Path(home), app)
    shot("review-window.png", review)
    review.close()
    window.close()
    return 0


def laptop_shots(window, shot, app, home: Path) -> None:  # type: ignore[no-untyped-def]
    """docs/images/laptop-<screen>-<page>.png; says (and fails) when a table needs horizontal scrolling."""
    from reportdesk.ui.table_page import TableSectionPage

    assert window.open_draft(sorted(home.glob("*2022*.rdesk"))[0])
    window.controller.edit_cells({"requests.received.research": 4, "requests.carried_over.research": 0})
    for screen, size in LAPTOPS.items():
        window.resize(*size)
        for step in LAPTOP_PAGES:
            window.workspace.go_to_step(step)
            app.processEvents()
            page = window.workspace.page(step)
            if isinstance(page, TableSectionPage):
                bar = page.view.horizontalScrollBar()
                if bar.maximum() > 0:
                    raise SystemExit(f"{screen} {step}: the table scrolls sideways by {bar.maximum()} px")
            shot(f"laptop-{screen}-{step}.png")
        # a balance finding: its cells (rows 一、二 and （七）、四) shown together, the rows between folded away
        finding = next(f for f in window.controller.findings if f.rule == "balance")
        window.workspace.show_finding(finding)
        shot(f"laptop-{screen}-finding.png")
        window.workspace.page("requests").view.restore_rows()
    window.resize(*SIZE)
    window.controller.undo_stack.undo()
    window.close_draft()


def last_year_shots(window, shot, home: Path) -> None:  # type: ignore[no-untyped-def]
    import copy
    from decimal import Decimal

    from reportdesk.core.catalog import get_form, resources_dir
    from reportdesk.core.interchange import read_json_file

    last = read_json_file(resources_dir() / "samples" / "sample-report-2022.json", get_form)
    this = copy.deepcopy(last)
    this.year = 2023
    for cid, value in list(this.cells.items()):
        if cid.startswith("requests.carried_over."):
            del this.cells[cid]  # carried from last year's 结转下年度
        elif isinstance(value, int) and cid.startswith("proactive.") and value:
            this.cells[cid] = value * 2 + 10  # large swings for 同比变化
        elif isinstance(value, Decimal):
            this.cells[cid] = value + Decimal("2.5")
    for cid in ("requests.received.natural", "requests.granted.natural"):  # both sides: the balance holds
        this.cells[cid] = (this.cells.get(cid) or 0) + 13
    this.texts["problems"] = "（一）存在的主要问题\n\n（二）改进情况\n"
    assert window.create_draft(last.agency, 2023, source=this, previous=last)
    window.statusBar().clearMessage()
    window.workspace.go_to_step("requests")
    shot("table-with-last-year.png")
    window.workspace.go_to_step("problems")
    shot("problems-beside-last-year.png")
    dialog = window.show_year_on_year()
    dialog.resize(900, 420)
    shot("year-on-year.png", dialog)
    dialog.close()
    window.close_draft()


def review_shot(window, home: Path, app):  # type: ignore[no-untyped-def]
    import copy

    from PySide6.QtCore import Qt

    from reportdesk.core.catalog import get_form, resources_dir
    from reportdesk.core.interchange import read_json_file
    from reportdesk.documents.export import export_report

    folder = home / "收到的报告"
    folder.mkdir()
    sample = read_json_file(resources_dir() / "samples" / "sample-report-2022.json", get_form)
    agencies = ["某市人力资源和社会保障局", "某市交通运输局", "某区人民政府", "某县农业农村局", "某街道办事处"]
    for i, agency in enumerate(agencies):
        report = copy.deepcopy(sample)
        report.agency = agency
        if i == 1:
            report.cells["requests.received.natural"] = (report.cells.get("requests.received.natural") or 0) + 3
        if i == 3:
            report.texts.pop("problems", None)
        export_report(report, docx=folder / f"{agency}2022年度报告.docx")
    (folder / "某镇人民政府2022年度报告.docx").write_bytes(b"PK\x03\x04 damaged in transit")
    review = window.show_review_window()
    review.resize(1180, 640)
    done = []
    review.sig_run_finished.connect(lambda: done.append(True))
    review.add_paths([folder])
    while not done:
        app.processEvents()
        app.thread().msleep(20)  # a tool, not a test: poll until the background check is done
    review.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    review.table.selectRow(0)
    app.processEvents()
    return review


if __name__ == "__main__":
    sys.exit(main())
