"""Speed of the whole-document text rules over a whole report (target: median < 20 ms).

Printed beside two baselines measured in the same run: the table rules alone on the same
report, and a plain regex scan of the same text for numbers with a unit.

    PYTHONPATH=src python benchmarks/bench_text.py
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportdesk.app.reading import read_report
from reportdesk.core.catalog import get_form
from reportdesk.core.context import build_context
from reportdesk.core.report import Report, effective_cells
from reportdesk.core.rules import evaluate
from reportdesk.core.text import check_text
from reportdesk.core.text.paragraphs import data_paragraph, preamble

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "samples" / "sample-report-2022.json"
TARGET_MS = 20.0


def _median_ms(fn: Callable[[], object], repeat: int = 60) -> float:
    fn()  # warm up (compiled patterns, form cache)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _long_report() -> Report:
    """The sample report with its preamble and data paragraphs inserted (about 2,500 characters)."""
    report = read_report(SAMPLE)
    form = get_form()
    report.texts["preamble"] = preamble(form, report) + report.texts["preamble"]
    report.texts["overview"] += "\n" + data_paragraph(effective_cells(form, report))
    return report


def main() -> int:
    form = get_form()
    report = _long_report()
    cells = effective_cells(form, report)
    context = build_context(report)
    chars = sum(len(t) for t in report.texts.values())
    scan = re.compile(r"[0-9０-９一二三四五六七八九十百千两〇零]+\s*[件份条项个]")
    whole_text = "\n".join(report.texts.values())

    text_ms = _median_ms(lambda: check_text(form, report, cells))
    table_ms = _median_ms(lambda: evaluate(form, report, context))
    regex_ms = _median_ms(lambda: scan.findall(whole_text))

    print(f"report: {report.agency} {report.year}, {chars} characters of text")
    print(f"text rules (check_text)       median {text_ms:8.3f} ms   target < {TARGET_MS:.0f} ms")
    long = _long_report()
    long.texts = {k: "\n".join([t] * 4) for k, t in long.texts.items()}
    long_ms = _median_ms(lambda: check_text(form, long, cells), repeat=20)
    long_chars = sum(len(t) for t in long.texts.values())
    print(f"text rules, text x4 ({long_chars} chars) median {long_ms:8.3f} ms")
    print(f"baseline: table rules         median {table_ms:8.3f} ms")
    print(f"baseline: plain regex scan    median {regex_ms:8.3f} ms")
    print("PASS" if text_ms < TARGET_MS else "OVER TARGET")
    return 0 if text_ms < TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
