"""Benchmark: a reviewer's batch check of 200 .docx reports, and reading a 7-page PDF report.

Prints reports per second for ``reportdesk check`` on a folder (all cores, rules
included) beside the baseline measured in the same run: loading the same files with
``docx.Document()`` one after another (no checking at all).  The sources are compiled to
bytecode first, as an installed user has them.
Targets: at least 20 reports per second, and at least 3× the baseline.

Then a report typed in a clerk's layout (A4, 仿宋 三号, long paragraphs: 7 pages) is
converted once by LibreOffice to PDF, and reading the PDF is timed beside reading the
same report as .docx (median of several runs).  Target: the PDF under 1 s.

    PYTHONPATH=src python benchmarks/bench_review.py [N] [--runs K] [--no-pdf]
"""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO)]

from tests.documents.builders import Style, write_docx  # noqa: E402
from tests.factories import complete_report  # noqa: E402

from reportdesk.app.batch import FileResult, review_many  # noqa: E402
from reportdesk.documents.word_writer import build_document  # noqa: E402


def make_reports(folder: Path, n: int) -> list[Path]:
    """Half exported by ReportDesk (with embedded data), half typed by hand (split tables, appendix)."""
    files = []
    styles = [Style(), Style(split_requests_after=9), Style(appendix=True)]
    for i in range(n):
        report = complete_report(seed=i, agency=f"某市第{i}局", year=2023)
        path = folder / f"report-{i:03d}.docx"
        if i % 2:
            build_document(report).save(str(path))
        else:
            write_docx(path, report, styles[i % 3])
        files.append(path)
    return files


def seven_page_report(folder: Path) -> tuple[Path, Path] | None:
    """The same report as .docx and (converted by LibreOffice) as a PDF of about 7 pages."""
    from tests.documents.corpus import LONG_PARAGRAPH, convert_all, soffice

    if soffice() is None:
        return None
    report = complete_report(seed=5, agency="某市某某局", year=2023)
    extra = {s: [LONG_PARAGRAPH] * 2 for s in ("overview", "proactive", "problems")}
    style = Style(word_like=True, split_requests_after=9, extra_paragraphs=extra)
    source = write_docx(folder / "seven-pages.docx", report, style)
    convert_all([source], "pdf", folder)
    return source, folder / "seven-pages.pdf"


def _median_time(func: object, path: Path, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func(path)  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def bench_pdf() -> None:
    import pypdfium2

    from reportdesk.documents.docx_reader import import_docx
    from reportdesk.documents.pdf_reader import import_pdf

    with tempfile.TemporaryDirectory() as tmp:
        made = seven_page_report(Path(tmp))
        if made is None:
            print("PDF: LibreOffice not installed, skipped")
            return
        word, pdf = made
        pages = len(pypdfium2.PdfDocument(str(pdf)))
        import_pdf(pdf)  # imports and label indexes, as in a running app
        pdf_time, word_time = _median_time(import_pdf, pdf), _median_time(import_docx, word)
        same = import_pdf(pdf).report.cells == import_docx(word).report.cells
    print(f"a {pages}-page PDF report (cells {'identical' if same else 'DIFFERENT'} to the .docx)")
    print(f"  reading the PDF:              {pdf_time * 1000:7.1f} ms (median)")
    print(f"  reading the same report .docx: {word_time * 1000:7.1f} ms (median)")
    print("  target met (< 1 s)" if pdf_time < 1 and same else "  TARGET NOT MET")


def _rates(files: list[Path]) -> tuple[float, float, float, list[FileResult]]:
    """Reports per second: docx.Document() one after another, the batch check on all cores, in one worker."""
    import docx

    n = len(files)
    # Each figure starts from a collected heap: python-docx leaves its documents as cyclic garbage
    # (about 30 ms to collect for 200 files), which the batch's own collections would otherwise pay.
    gc.collect()
    start = time.perf_counter()
    for path in files:
        docx.Document(str(path))
    baseline = time.perf_counter() - start

    gc.collect()
    start = time.perf_counter()
    results = review_many(files)
    batch = time.perf_counter() - start

    gc.collect()
    start = time.perf_counter()
    review_many(files, jobs=1)
    single = time.perf_counter() - start
    return n / baseline, n / batch, n / single, list(results)


def _span(values: list[float], fmt: str = "{:.1f}") -> str:
    low, high = min(values), max(values)
    return fmt.format(low) if len(values) == 1 or fmt.format(low) == fmt.format(high) else \
        f"{fmt.format(low)}–{fmt.format(high)}"


def main() -> None:
    import argparse
    import compileall
    import os

    import docx  # noqa: F401  (imported before the clock starts, like the reportdesk modules)

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", nargs="?", type=int, default=200, help="reports in the batch (200)")
    parser.add_argument("--runs", type=int, default=1, help="measure this many times, print the range")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF figure (LibreOffice)")
    args = parser.parse_args()
    compileall.compile_dir(str(REPO / "src"), quiet=1)
    n = args.n
    runs: list[tuple[float, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        files = make_reports(Path(tmp), n)
        for _ in range(max(1, args.runs)):
            base_rate, rate, single_rate, results = _rates(files)
            runs.append((base_rate, rate, single_rate))

    unreadable = sum(not r.readable for r in results)
    with_errors = sum(r.errors > 0 for r in results)
    base = [r[0] for r in runs]
    pool = [r[1] for r in runs]
    one = [r[2] for r in runs]
    speed = [r[1] / r[0] for r in runs]
    speed_one = [r[2] / r[0] for r in runs]
    print(f"{n} .docx reports ({unreadable} unreadable, {with_errors} with errors); {len(runs)} run(s), "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    print(f"  batch check, all cores (read + rules):      {_span(pool):>13} reports/s")
    print(f"  batch check, one worker process:            {_span(one):>13} reports/s")
    print(f"  baseline docx.Document() one after another: {_span(base):>13} reports/s")
    print(f"  speed-up over the baseline (same run): {_span(speed)}× all cores, {_span(speed_one)}× one process"
          "   (targets: ≥ 20 reports/s and ≥ 3×)")
    ok = min(pool) >= 20 and min(speed) >= 3
    print("  targets met" if ok else "  TARGETS NOT MET")
    if not args.no_pdf:
        bench_pdf()


if __name__ == "__main__":
    main()
