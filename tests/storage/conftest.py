"""Drafts for the storage tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from reportdesk.app.session import Session
from tests.factories import complete_report


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def full_draft(tmp_path: Path) -> Path:
    """A closed draft of a complete report with a short history."""
    path = tmp_path / "full.rdesk"
    with Session.create(path, agency="某市某某局", year=2023, source=complete_report()) as s:
        s.set_cells({"requests.granted.natural": 11, "requests.granted.research": 12})
        s.set_text("overview", "本年度主动公开政府信息。")
        s.accept_warning("carry_over|requests.carried_over.natural|requests", "上年数字有误")
    return path
