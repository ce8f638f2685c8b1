"""Export speed: a complete report to .docx and .xlsx, against python-docx and openpyxl saving a
plain 30 × 9 table, measured in the same run.  Target (issue #4): the two exports together take
at most 2× what the two libraries need for the plain table.  Each format is shown too; the
.xlsx alone is several times its baseline because the workbook has five sheets, styles, merges
and validations against one bare sheet, and openpyxl's save costs about 3 ms a sheet.

    PYTHONPATH=src python benchmarks/bench_export.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

TARGET = 2.0


def best_of(repeat: int, fn: Callable[[], None]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import docx
    import openpyxl
    from tests.factories import complete_report

    from reportdesk.core.checks import check_report
    from reportdesk.documents.excel_writer import write_xlsx
    from reportdesk.documents.word_writer import write_docx

    report = complete_report()
    findings = check_report(report)
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)

        def plain_docx() -> None:
            document = docx.Document()
            table = document.add_table(rows=30, cols=9)
            table.style = "Table Grid"
            for r, row in enumerate(table.rows):
                for c, cell in enumerate(row.cells):
                    cell.text = str(r * 9 + c)
            document.save(str(folder / "plain.docx"))

        def plain_xlsx() -> None:
            workbook = openpyxl.Workbook()
            sheet = workbook.active
            for r in range(1, 31):
                for c in range(1, 10):
                    sheet.cell(row=r, column=c, value=r * 9 + c)
            workbook.save(folder / "plain.xlsx")

        best_of(1, plain_docx)  # warm up imports and caches
        best_of(1, lambda: write_docx(report, folder / "r.docx"))
        rows = [
            ("docx", best_of(args.repeat, lambda: write_docx(report, folder / "r.docx")),
             best_of(args.repeat, plain_docx)),
            ("xlsx", best_of(args.repeat, lambda: write_xlsx(report, folder / "r.xlsx", findings)),
             best_of(args.repeat, plain_xlsx)),
        ]
    print(f"{'export':<8}{'ReportDesk':>14}{'baseline 30×9':>16}{'ratio':>8}  target ≤ {TARGET}×")
    for name, ours, base in rows:
        print(f"{name:<8}{ours * 1000:>12.1f}ms{base * 1000:>14.1f}ms{ours / base:>7.2f}×")
    ours = sum(r[1] for r in rows)
    base = sum(r[2] for r in rows)
    ratio = ours / base
    verdict = "ok" if ratio <= TARGET else "SLOW"
    print(f"{'both':<8}{ours * 1000:>12.1f}ms{base * 1000:>14.1f}ms{ratio:>7.2f}×  {verdict} (target)")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
