"""Core speed figures, each printed beside a baseline measured in the same run.

    python benchmarks/bench_core.py

Targets (issue "Core"): a full evaluation of all rules on a complete report < 1 ms median;
``reportdesk check`` of 500 JSON reports < 5 ms a report beyond process start-up;
``--version`` and ``check`` import neither PySide6, docx nor openpyxl.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.factories import PARTS, RESULT_ROWS, complete_report  # noqa: E402

from reportdesk.core.catalog import get_form  # noqa: E402
from reportdesk.core.context import build_context  # noqa: E402
from reportdesk.core.interchange import report_to_json  # noqa: E402
from reportdesk.core.report import derive  # noqa: E402
from reportdesk.core.rules import evaluate  # noqa: E402


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def hand_written_balance(cells: dict) -> bool:
    """Baseline: the four table-3 rules written directly in Python, no engine."""
    ok = True
    for c in [*PARTS, "total"]:
        handled = sum(cells.get(f"requests.{r}.{c}") or 0 for r in RESULT_ROWS)
        ok &= (cells.get(f"requests.received.{c}") or 0) + (cells.get(f"requests.carried_over.{c}") or 0) == handled + (
            cells.get(f"requests.carried_forward.{c}") or 0)
    return ok


def run(args: list[str]) -> float:
    env = {"PYTHONPATH": str(ROOT / "src")}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "reportdesk", *args], capture_output=True, env=env, check=False)
    return time.perf_counter() - start


def main() -> None:
    form = get_form()
    report = complete_report()
    context = build_context(report)
    evaluate(form, report, context)
    engine = median_ms(lambda: evaluate(form, report, context), 2000)
    derived = derive(form, report.cells)
    baseline = median_ms(lambda: hand_written_balance(derived), 2000)
    print(f"rule evaluation, complete report: {engine:.3f} ms median (target < 1 ms); "
          f"baseline, 4 rules hand-written in Python: {baseline:.3f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i in range(500):
            path = Path(tmp) / f"r{i}.json"
            path.write_text(json.dumps(report_to_json(form, complete_report(seed=i)), ensure_ascii=False))
            files.append(str(path))
        start_up = statistics.median(run(["--version"]) for _ in range(5))
        check_all = statistics.median(run(["check", *files]) for _ in range(3))
        per_report = (check_all - start_up) / 500 * 1000
        print(f"reportdesk check of 500 JSON reports: {check_all:.2f} s; process start (--version): "
              f"{start_up:.3f} s; {per_report:.2f} ms a report beyond start-up (target < 5 ms)")

    probe = ("import sys, json; from reportdesk.cli import main\n"
             "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
             "print(json.dumps([m for m in sys.modules if m.split('.')[0] in ('PySide6','docx','openpyxl')]))")
    for args in (["--version"], ["check", str(ROOT / "resources/samples/sample-report-2022.json")]):
        done = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True,
                              env={"PYTHONPATH": str(ROOT / "src")}, check=False)
        heavy = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"reportdesk {args[0]}: heavy modules imported: {heavy or 'none'}")


if __name__ == "__main__":
    main()
