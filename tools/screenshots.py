"""Screenshots of the desktop app for the README: start page, a table with a finding, the export page,
a text section with a text_number highlight, and the preview.

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

    def shot(name: str) -> None:
        app.processEvents()
        path = args.out / name
        # a 256-colour palette without dithering: UI colours stay flat, the files stay small
        image = window.grab().toImage().convertToFormat(
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
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
