"""Speed of the whole-document text rules over a whole report (target: median < 20 ms),
and their growth with the length of the text (target: at most linear).

Printed beside two baselines measured in the same run: the table rules alone on the same
report, and a plain regex scan of the same text for numbers with a unit.  The growth is
measured on texts of 30,000 and 300,000 characters of several shapes (one endless sentence
of "共受理…12件，" clauses, the sample report repeated, short sentences with years and
quotations, headings, appeal clauses): ten times the text may cost at most about ten times
the time — at most 15×, or at most 1.5 times the growth of the plain regex scan of the same
texts in the same run (a linear baseline: on a busy shared machine it too grows by more
than 10×).  The quadratic rules this replaces took 80× and more.

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
from reportdesk.core.report import Report, Totals, effective_cells
from reportdesk.core.rules import evaluate
from reportdesk.core.text import check_text
from reportdesk.core.text.paragraphs import data_paragraph, preamble

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "samples" / "sample-report-2022.json"
TARGET_MS = 20.0
GROWTH_BOUND = 15.0  # time(300,000 chars) / time(30,000 chars); linear is 10
BASELINE_FACTOR = 1.5  # or: growth at most 1.5 × the regex scan's growth in the same run
SHAPES = {
    "one sentence of clauses": "共受理政府信息公开申请12件，",
    "short sentences": "2021年《关于“某某”的通知》共收到申请3件。",
    "headings": "（二）依申请公开\n",
    "appeal clauses": "因政府信息公开被行政复议1件，为其他结果，未被纠错，",
}


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


def _growth(form, shape: str) -> tuple[float, float, float, float]:  # type: ignore[no-untyped-def]
    """(seconds at 30,000 chars, at 300,000 chars, regex scan at 30,000, at 300,000) for one text shape.

    The two sizes are run in turn, five times each, and the fastest run of each counts, so that
    a burst of other work on the machine does not fall on one size only.
    """
    scan = re.compile(r"[0-9０-９一二三四五六七八九十百千两〇零]+\s*[件份条项个]")
    runs: list[Callable[[], object]] = []
    for n in (30_000, 300_000):
        text = (shape * (n // len(shape) + 1))[:n]
        report = Report(form_id=form.id, agency="某县某某局", year=2022, cells={}, texts={"overview": text},
                        totals=Totals.STATED)
        cells = effective_cells(form, report)
        runs.append(lambda report=report, cells=cells: check_text(form, report, cells))
    for n in (30_000, 300_000):
        text = (shape * (n // len(shape) + 1))[:n]
        runs.append(lambda text=text: scan.findall(text))
    best = [float("inf")] * len(runs)
    for _ in range(5):
        for i, fn in enumerate(runs):
            start = time.perf_counter()
            fn()
            best[i] = min(best[i], time.perf_counter() - start)
    return best[0], best[1], best[2], best[3]


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
    sample_shape = "\n".join(_long_report().texts.values()) + "\n"
    linear = True
    print(f"growth, 30,000 → 300,000 characters (linear = 10×; bound {GROWTH_BOUND:.0f}× "
          f"or {BASELINE_FACTOR}× the baseline's growth):")
    for name, shape in {**SHAPES, "the sample report repeated": sample_shape}.items():
        small, large, scan_small, scan_large = _growth(form, shape)
        growth = large / small
        linear = linear and (growth <= GROWTH_BOUND or growth <= BASELINE_FACTOR * scan_large / scan_small)
        print(f"  {name:28s} {small * 1000:8.1f} ms → {large * 1000:9.1f} ms  ({growth:4.1f}×)   "
              f"baseline regex scan {scan_small * 1000:6.2f} ms → {scan_large * 1000:7.2f} ms "
              f"({scan_large / scan_small:4.1f}×)")
    ok = text_ms < TARGET_MS and linear
    print("PASS" if ok else "OVER TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
