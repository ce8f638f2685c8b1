"""Export a report, convert it to PDF with LibreOffice and render every page to PNG, to look at.

    PYTHONPATH=src python tools/render_pages.py [OUT_DIR] [--source FILE | --complete | --case NAME]
                                               [--appendix] [--fonts gb2312|windows] [-r 70]

With no source option it renders every case of tests/documents/print_cases.py (the sample,
7-digit figures, a 50-character agency name, 16 pages of text, all-blank tables), each
inline and with the appendix, all with the sign-off, into OUT_DIR (default build/pages).

Writes OUT_DIR/<name>.docx, .xlsx, their PDFs and OUT_DIR/<name>-docx-N.png, <name>-xlsx-N.png.
``--complete`` uses tests/factories.complete_report() (every cell filled); the default
source is the shipped sample report.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="导出报告并把 PDF 页面渲染为 PNG 图片，供人工查看。")
    parser.add_argument("out_dir", type=Path, nargs="?", default=ROOT / "build" / "pages")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--source", type=Path, help="报告文件")
    source.add_argument("--complete", action="store_true", help="使用测试用的完整报告")
    source.add_argument("--case", help="只渲染一个测试样例：sample、figures、agency、text、blank")
    parser.add_argument("--appendix", action="store_true", help="统计表放在附件中")
    parser.add_argument("--fonts", choices=("gb2312", "windows"), default="gb2312")
    parser.add_argument("-r", "--resolution", type=int, default=70, help="PNG 分辨率（dpi）")
    args = parser.parse_args(argv)

    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    from reportdesk.app.reading import read_report
    from reportdesk.core.checks import check_report
    from reportdesk.documents.export import export_report
    from reportdesk.documents.options import ExportOptions, FontSet
    from reportdesk.documents.pdf import convert_to_pdf

    if shutil.which("pdftoppm") is None:
        print("需要 pdftoppm（poppler-utils）。", file=sys.stderr)
        return 2
    from tests.documents.print_cases import CASES

    jobs: list[tuple[object, str, bool]] = []
    if args.complete:
        from tests.factories import complete_report

        jobs.append((complete_report(), "complete", args.appendix))
    elif args.source:
        jobs.append((read_report(args.source), args.source.stem, args.appendix))
    else:
        for case, build in CASES.items():
            if args.case and case != args.case:
                continue
            report = build()
            jobs += [(report, case, False), (report, case, True)]
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for report, name, appendix in jobs:
        render(report, name + ("-appendix" if appendix else ""), appendix, args, export_report, check_report,
               ExportOptions, FontSet, convert_to_pdf)
    return 0


def render(report, name, appendix, args, export_report, check_report, ExportOptions, FontSet,  # type: ignore[no-untyped-def]
           convert_to_pdf) -> None:
    docx_path, xlsx_path = args.out_dir / f"{name}.docx", args.out_dir / f"{name}.xlsx"
    options = ExportOptions(fonts=FontSet(args.fonts), appendix=appendix, sign_off=True)
    written = export_report(report, docx=docx_path, xlsx=xlsx_path, options=options, findings=check_report(report))
    del written
    from reportdesk.documents.options import FONT_SETS
    from reportdesk.documents.options import faces as font_faces

    faces = font_faces(FONT_SETS[options.fonts])
    for path, kind in ((docx_path, "docx"), (xlsx_path, "xlsx")):
        pdf = args.out_dir / f"{name}-{kind}.pdf"
        convert_to_pdf(path, pdf, fonts=faces)
        prefix = args.out_dir / f"{name}-{kind}"
        subprocess.run(["pdftoppm", "-r", str(args.resolution), "-png", str(pdf), str(prefix)], check=True)
    for png in sorted(args.out_dir.glob(f"{name}-*.png")):
        print(png)


if __name__ == "__main__":
    sys.exit(main())
