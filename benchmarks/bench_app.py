"""Desktop app speed: start-up to the ready window, and a keystroke to the findings updated.

    python benchmarks/bench_app.py [--runs 5] [--edits 200]

1. Start-up: the ``reportdesk-gui`` entry point with REPORTDESK_EXIT_WHEN_READY=1 (the window shown,
   the event loop idle, then exit 0), against a bare PySide6 QMainWindow program measured
   the same way in the same run.  Targets: at most 2x the bare program, under 1 s.
   It also reports whether python-docx/openpyxl were imported (they must not be).
   ``reportdesk open DRAFT`` (a complete report, as a double-clicked draft opens) to the ready window,
   measured the same way beside the same bare program.  Target: at most 2x.  The sources are
   byte-compiled first (``compileall``), as an installed copy has them, and one unmeasured run of
   each program comes first: it warms the file cache and makes ReportDesk's ``cache/`` (the parsed
   form, the compiled text patterns), as every start after the first after installing finds it.
2. Keystroke commit: from the editor's Enter (the value written through Session.set_cells)
   to the findings panel updated, on a real draft, as a median over many edits.
   Target: under 16 ms (one frame at 60 Hz).  Measured twice: the draft on the disk, and on a
   RAM disk, so that a slow disk's fsync (the durable commit of every edit) shows apart from
   the app's own work.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    import resource  # POSIX: the children's CPU time
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

REPO = Path(__file__).resolve().parents[1]

BARE = """
import os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1400, 860); w.setWindowTitle("bare"); w.show()
def ready():
    import time
    print(f"ready at {time.time():.6f}", file=sys.stderr, flush=True)  # as REPORTDESK_EXIT_WHEN_READY does
    app.exit(0)
QTimer.singleShot(0, ready)
sys.exit(app.exec())
"""
APP = """
import sys
from reportdesk.gui import main  # the reportdesk-gui entry point (`reportdesk` without arguments is the same)
rc = main([])
if {"docx", "openpyxl"} & set(sys.modules):
    print("office libraries imported at start-up", file=sys.stderr)
    sys.exit(3)
sys.exit(rc)
"""


OPEN = """
import sys
from reportdesk.cli import main
sys.exit(main(["open", sys.argv[1]]))
"""


def _time(code: str, env: dict[str, str], runs: int, *args: str, cpu: list[float] | None = None,
          ready: list[float] | None = None) -> float:
    """Median wall time of *runs* runs, start to exit; each run's CPU time (user + system) is appended to
    *cpu* and its time from start to the ready window (the ``ready at`` line) to *ready*, when given
    (the CPU time is steadier than the wall time on a shared machine)."""
    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN) if resource else None
        start, wall_start = time.perf_counter(), time.time()
        result = subprocess.run(
            [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=False
        )
        times.append(time.perf_counter() - start)
        if resource and before is not None and cpu is not None:
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if result.returncode != 0:
            raise SystemExit(f"exit {result.returncode}: {result.stderr[-2000:]}")
        if ready is not None:
            stamps = [line.split()[-1] for line in result.stderr.splitlines() if line.startswith("ready at ")]
            if not stamps:
                raise SystemExit("the program did not say when it was ready: " + result.stderr[-2000:])
            ready.append(float(stamps[-1]) - wall_start)
    return statistics.median(times)


def _env(home: str) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "REPORTDESK_EXIT_WHEN_READY": "1",
        "REPORTDESK_HOME": home,
        "PYTHONPATH": str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""),
    }


def compile_sources() -> None:
    """Byte-compile the sources, as an installed copy has them (a first run would otherwise pay for it)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "src")], check=True,
                   capture_output=True)


def _interleaved(env: dict[str, str], runs: int, app_code: str, *args: str) -> dict[str, tuple[float, float]]:
    """(bare, app) medians of the wall time to exit, to the ready window and of the CPU time, runs
    interleaved so that noise on the shared machine hits both."""
    _time(BARE, env, 1)  # warm the file cache for both
    _time(app_code, env, 1, *args)
    walls: dict[str, list[float]] = {"bare": [], "app": []}
    readies: dict[str, list[float]] = {"bare": [], "app": []}
    cpus: dict[str, list[float]] = {"bare": [], "app": []}
    for _ in range(runs):
        for name, code, extra in (("bare", BARE, ()), ("app", app_code, args)):
            walls[name].append(_time(code, env, 1, *extra, cpu=cpus[name], ready=readies[name]))

    def median(values: list[float]) -> float:
        return statistics.median(values) if values else 0.0

    return {"wall": (median(walls["bare"]), median(walls["app"])),
            "ready": (median(readies["bare"]), median(readies["app"])),
            "cpu": (median(cpus["bare"]), median(cpus["app"]))}


def bench_startup(runs: int) -> dict[str, tuple[float, float]]:
    return _interleaved(_env(tempfile.mkdtemp(prefix="reportdesk-bench-")), runs, APP)


def complete_draft(home: str) -> Path:
    """A draft holding a complete report (every cell and text), as a clerk opens it in January."""
    sys.path[:0] = [str(REPO / "src"), str(REPO)]
    os.environ["REPORTDESK_HOME"] = home
    from tests.factories import complete_report

    from reportdesk.app.session import Session

    report = complete_report(year=2023)
    path = Path(home) / "complete.rdesk"
    Session.create(path, agency=report.agency, year=2023, source=report).close()
    return path


def bench_open(runs: int) -> dict[str, tuple[float, float]]:
    """``reportdesk open DRAFT`` beside the bare window program (see :func:`_interleaved`)."""
    home = tempfile.mkdtemp(prefix="reportdesk-bench-")
    draft = complete_draft(home)
    return _interleaved(_env(home), runs, OPEN, str(draft))


def _figures(what: str, measured: dict[str, tuple[float, float]], extra_target: str = "") -> str:
    (bare_ready, ready), (bare_wall, wall), (bare_cpu, cpu) = measured["ready"], measured["wall"], measured["cpu"]
    ratio = ready / bare_ready
    in_cpu = f"; CPU time {cpu * 1000:.0f} ms beside {bare_cpu * 1000:.0f} ms ({cpu / bare_cpu:.2f}x)" if bare_cpu else ""
    ok = ratio <= 2 and (not extra_target or ready < 1)
    return (f"{what}: {ready * 1000:.0f} ms to the ready window beside the bare PySide6 QMainWindow's "
            f"{bare_ready * 1000:.0f} ms (ratio {ratio:.2f}; start to exit {wall * 1000:.0f} ms beside "
            f"{bare_wall * 1000:.0f} ms, {wall / bare_wall:.2f}x{in_cpu}; target <= 2.00{extra_target}) "
            f"[{'ok' if ok else 'MISSED'}]")


def bench_keystroke(edits: int, home: str | None = None) -> tuple[float, float, float]:
    """Median ms: Enter to findings shown; the rule engine alone; Session.set_cells (the durable write).

    The keys go to the focused widget of the real window: a click on the cell, the digits, Enter.
    *home* is where the draft lives (a temporary folder on the disk when not given).
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["REPORTDESK_HOME"] = tempfile.mkdtemp(prefix="reportdesk-bench-", dir=home)
    sys.path.insert(0, str(REPO / "src"))
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit

    app = QApplication.instance() or QApplication([])
    from reportdesk.ui.main_window import ReportWindow

    window = ReportWindow()
    window.resize(1400, 860)
    window.show()
    window.activateWindow()
    assert window.open_sample()
    assert window.workspace is not None and window.controller is not None
    window.workspace.go_to_step("requests")
    page = window.workspace.page("requests")
    app.processEvents()
    cells = [
        f"requests.{r}.{c}"
        for r in ("received", "granted", "carried_forward")
        for c in ("natural", "commercial", "research")
    ]
    seen: list[float] = []
    panel_updated = []
    window.controller.sig_findings_changed.connect(lambda _f: panel_updated.append(time.perf_counter()))
    compute = []
    storage: list[float] = []
    session = window.controller.session
    set_cells = session.set_cells

    def timed_set_cells(*a, **k):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        try:
            return set_cells(*a, **k)
        finally:
            storage.append((time.perf_counter() - t) * 1000)

    session.set_cells = timed_set_cells  # type: ignore[method-assign]
    for i in range(edits):
        cid = cells[i % len(cells)]
        page.view.setCurrentIndex(page.model.index_of(cid))  # type: ignore[attr-defined]
        page.view.setFocus()  # type: ignore[attr-defined]
        text = str(i + 1)  # always a new value, so the edit is never a no-op
        QTest.keyClick(page.view, text[0])  # type: ignore[attr-defined]
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit), editor
        if len(text) > 1:
            QTest.keyClicks(editor, text[1:])
        panel_updated.clear()
        start = time.perf_counter()
        QTest.keyClick(editor, Qt.Key.Key_Return)
        # the panel is refreshed synchronously in the slot; the stamp is taken after it
        assert panel_updated, "findings were not updated"
        seen.append((time.perf_counter() - start) * 1000)
        t0 = time.perf_counter()
        window.controller.session.findings()
        compute.append((time.perf_counter() - t0) * 1000)
    window.close()
    return statistics.median(seen), statistics.median(compute), statistics.median(storage)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--edits", type=int, default=200)
    args = parser.parse_args()
    compile_sources()
    print(_figures("start-up", bench_startup(args.runs), " and < 1000 ms") + "; no docx/openpyxl imported")
    print(_figures("reportdesk open DRAFT (a complete report)", bench_open(args.runs)))
    homes = [("the drafts folder on disk", None)]
    if Path("/dev/shm").is_dir():  # the same without the disk: what the app itself costs
        homes.append(("a RAM disk (/dev/shm)", "/dev/shm"))
    for where, home in homes:
        keystroke, compute, storage = bench_keystroke(args.edits, home)
        print(
            f"keystroke commit -> findings panel updated, draft on {where}: median {keystroke:.1f} ms over "
            f"{args.edits} edits (baselines: the rule engine alone {compute:.1f} ms, Session.set_cells's durable "
            f"SQLite commit (two fsyncs) {storage:.1f} ms, so the UI's own share is "
            f"{keystroke - storage - compute:.1f} ms; target < 16 ms) [{'ok' if keystroke < 16 else 'MISSED'}]"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
