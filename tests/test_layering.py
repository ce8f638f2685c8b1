"""The layers hold: core imports no Qt and no office library; the CLI starts light."""

from __future__ import annotations

import json
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
