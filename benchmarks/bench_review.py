"""Benchmark: a reviewer's batch check of 200 .docx reports.

Prints reports per second for ``reportdesk check`` on a folder (all cores, rules
included) beside the baseline measured in the same run: loading the same files with
``docx.Document()`` one after another (no checking at all).
Targets: at least 20 reports per second, and at least 2× the baseline.

    PYTHONPATH=src python benchmarks/bench_review.py [N]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO)]

from tests.documents.builders import Style, write_docx  # noqa: E402
from tests.factories import complete_report  # noqa: E402

from reportdesk.app.batch import review_many  # noqa: E402
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


def main() -> None:
    import docx

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory() as tmp:
        files = make_reports(Path(tmp), n)

        start = time.perf_counter()
        for path in files:
            docx.Document(str(path))
        baseline = time.perf_counter() - start

        start = time.perf_counter()
        results = review_many(files)
        batch = time.perf_counter() - start

        start = time.perf_counter()
        review_many(files, jobs=1)
        single = time.perf_counter() - start

    unreadable = sum(not r.readable for r in results)
    with_errors = sum(r.errors > 0 for r in results)
    rate, base_rate, single_rate = n / batch, n / baseline, n / single
    print(f"{n} .docx reports ({unreadable} unreadable, {with_errors} with errors)")
    print(f"  batch check, all cores (read + rules):   {rate:7.1f} reports/s   ({batch:.2f} s)")
    print(f"  batch check, one process:                {single_rate:7.1f} reports/s   ({single:.2f} s)")
    print(f"  baseline docx.Document() one after another: {base_rate:7.1f} reports/s   ({baseline:.2f} s)")
    print(f"  speed-up over the baseline: {rate / base_rate:.1f}×   (targets: ≥ 20 reports/s and ≥ 2×)")
    ok = rate >= 20 and rate / base_rate >= 2
    print("  targets met" if ok else "  TARGETS NOT MET")


if __name__ == "__main__":
    main()
