"""The layers hold: core imports no Qt and no office library; the CLI starts light."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import reportdesk

HEAVY = ("PySide6", "docx", "openpyxl", "lxml", "pypdfium2", "pypdfium2_raw")


def modules_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def heavy(mods: set[str]) -> set[str]:
    return {m for m in mods if m.split(".")[0] in HEAVY}


def test_every_core_module_is_free_of_qt_and_office_libraries() -> None:
    core = Path(reportdesk.__file__).parent / "core"
    names = sorted(
        "reportdesk.core." + ".".join(p.relative_to(core).with_suffix("").parts)
        for p in core.rglob("*.py") if p.name != "__init__.py"
    )
    assert names
    mods = modules_after("\n".join(f"import {n}" for n in names))
    assert heavy(mods) == set()


@pytest.mark.parametrize(
    "code",
    [
        "from reportdesk.cli import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass",
        "from reportdesk.cli import main\nimport pathlib\nmain(['check', str(pathlib.Path({sample!r}))])",
    ],
)
def test_cli_starts_without_heavy_imports(code: str, sample_path: Path) -> None:
    mods = modules_after(code.format(sample=str(sample_path)))
    assert heavy(mods) == set()


ROOT = Path(__file__).resolve().parents[1]


def test_the_import_linter_contracts_hold() -> None:
    """core < storage | documents < app < ui | commands, and ui/commands reach storage and documents
    only through app ([tool.importlinter] in pyproject.toml)."""
    linter = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    if not Path(linter).exists():
        pytest.fail("import-linter is not installed; it comes with the test extras: pip install '.[test]'")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([linter, "--no-cache"], cwd=ROOT, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout and "3 kept" in done.stdout


def test_reportdesk_open_imports_only_what_the_path_needs(tmp_path: Path) -> None:
    """`reportdesk open DRAFT` (a complete report) to the ready window: no command-line parser, no batch
    checker or process pool, no office library, and none of the pages or panes that are not shown."""
    sys.path.insert(0, str(ROOT))
    from reportdesk.app.session import Session
    from tests.factories import complete_report

    report = complete_report(year=2023)
    draft = tmp_path / "complete.rdesk"
    Session.create(draft, agency=report.agency, year=2023, source=report).close()
    probe = ("import sys, json\nfrom reportdesk.cli import main\nrc = main(['open', sys.argv[1]])\n"
             "print(json.dumps([rc, sorted(sys.modules)]))")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REPORTDESK_EXIT_WHEN_READY": "1",
           "PYTHONPATH": str(ROOT / "src")}
    for _ in range(2):  # the second start reads the parsed form from its cache (no tomllib)
        done = subprocess.run([sys.executable, "-c", probe, str(draft)], capture_output=True, text=True, env=env,
                              check=True)
    rc, modules = json.loads(done.stdout.strip().splitlines()[-1])
    assert rc == 0
    ours = sorted(m for m in modules if m.startswith("reportdesk"))
    unwanted = {
        "reportdesk.commands", "reportdesk.app.batch", "reportdesk.app.importing", "reportdesk.app.exporting",
        "reportdesk.documents", "reportdesk.ui.preview", "reportdesk.ui.export_page", "reportdesk.ui.table_page",
        "reportdesk.ui.review_window", "reportdesk.core.table_import", "reportdesk.core.year_on_year",
    }
    assert [m for m in ours if any(m == u or m.startswith(u + ".") for u in unwanted)] == []
    # nor the standard modules that only other paths need (the lock's host name, a temporary name, the
    # comparison with last year's text)
    unused_stdlib = ("multiprocessing", "concurrent", "socket", "secrets", "difflib", "tomllib")
    assert [m for m in modules if m.split(".")[0] in (*HEAVY[1:], *unused_stdlib)] == []
    assert "reportdesk.ui.workspace" in ours and "reportdesk.core.checks" in ours  # the draft was shown, checked


def test_a_first_start_shows_the_start_page_without_the_domain(tmp_path: Path) -> None:
    """`reportdesk` with no draft yet: the start page needs neither the session, the storage codec, the form
    nor the rule engine (they come with the first draft opened or listed)."""
    probe = ("import sys, json\nfrom reportdesk.gui import main\nrc = main([])\n"
             "print(json.dumps([rc, sorted(sys.modules)]))")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REPORTDESK_EXIT_WHEN_READY": "1",
           "PYTHONPATH": str(ROOT / "src"), "REPORTDESK_HOME": str(tmp_path / "home")}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    rc, modules = json.loads(done.stdout.strip().splitlines()[-1])
    assert rc == 0
    assert "reportdesk.ui.start_page" in modules  # the start page was shown
    domain = ("reportdesk.app.session", "reportdesk.storage.codec", "reportdesk.storage.draft", "reportdesk.core.form",
              "reportdesk.core.report", "reportdesk.core.checks", "reportdesk.ui.meta_page", "sqlite3", "tomllib")
    assert [m for m in domain if m in modules] == []
    assert "ready at " in done.stderr
