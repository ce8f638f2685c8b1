"""The code stays clean: ruff over the sources and tests, mypy over all of src/ (configured in pyproject.toml)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_is_clean() -> None:
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if not Path(ruff).exists():
        pytest.fail("ruff is not installed; it comes with the test extras: pip install '.[test]'")
    done = subprocess.run([ruff, "check", "src", "tests", "benchmarks", "tools", "packaging"], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_on_all_of_src() -> None:
    mypy = shutil.which("mypy") or str(Path(sys.executable).with_name("mypy"))
    if not Path(mypy).exists():
        pytest.fail("mypy is not installed; it comes with the test extras: pip install '.[test]'")
    done = subprocess.run([mypy, "src"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
