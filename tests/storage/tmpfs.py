"""A small tmpfs for real full-disk tests; the test is skipped where mounting is not permitted."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def small_tmpfs(parent: Path, size: str) -> Iterator[Path]:
    """Mount a tmpfs of *size* (``64k``) under *parent*; skip the test when that is not allowed."""
    if not sys.platform.startswith("linux") or shutil.which("mount") is None:
        pytest.skip("tmpfs needs Linux and mount")
    point = parent / f"tmpfs-{size}"
    point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=1777", "tmpfs", str(point)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        point.rmdir()
        pytest.skip(f"mount is not permitted here: {done.stderr.strip()}")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)
        with contextlib.suppress(OSError):
            os.rmdir(point)


def fill(folder: Path, leave: int = 0) -> None:
    """Fill the file system of *folder* up, leaving about *leave* bytes."""
    free = shutil.disk_usage(folder).free
    with open(folder / "filler", "wb") as f, contextlib.suppress(OSError):
        f.write(b"\0" * max(free - leave, 0))
