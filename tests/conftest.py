"""Shared test set-up: Qt runs offscreen, drafts and settings live in a temporary home."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "resources" / "samples" / "sample-report-2022.json"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the developer's real drafts or settings."""
    home = tmp_path_factory.mktemp("reportdesk-home")
    monkeypatch.setenv("REPORTDESK_HOME", str(home))


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE
