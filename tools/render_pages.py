"""Export a report, convert it to PDF with LibreOffice and render every page to PNG, to look at.

    PYTHONPATH=src python tools/render_pages.py OUT_DIR [--source FILE | --complete]
                                               [--appendix] [--fonts gb2312|windows] [-r 70]

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
SAMPLE = ROOT / "resources" / "samples" / "sample-report-2022.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="导出报告并把 PDF 页面渲染为 PNG 图片，供人工查看。")
    parser.add_argument("out_dir", type=Path)
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--source", type=Path, default=SAMPLE, help="报告文件（默认：示例报告）")
    source.add_argument("--complete", action="store_true", help="使用测试用的完整报告")
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
    if args.complete:
        from tests.factories import complete_report

        report, name = complete_report(), "complete"
    else:
        report, name = read_report(args.source), args.source.stem
    if args.appendix:
        name += "-appendix"
    args.out_dir.mkdir(parents=True, exist_ok=True)
    docx_path, xlsx_path = args.out_dir / f"{name}.docx", args.out_dir / f"{name}.xlsx"
    options = ExportOptions(fonts=FontSet(args.fonts), appendix=args.appendix, sign_off=True)
    export_report(report, docx=docx_path, xlsx=xlsx_path, options=options, findings=check_report(report))
    for path, kind in ((docx_path, "docx"), (xlsx_path, "xlsx")):
        pdf = args.out_dir / f"{name}-{kind}.pdf"
        convert_to_pdf(path, pdf)
        prefix = args.out_dir / f"{name}-{kind}"
        subprocess.run(["pdftoppm", "-r", str(args.resolution), "-png", str(pdf), str(prefix)], check=True)
    for png in sorted(args.out_dir.glob(f"{name}-*.png")):
        print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
