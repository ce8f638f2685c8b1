"""Drafts outside an editing session: where they live, the recent ones, a draft's history, and which
accepted warnings still hold.  Light to import (the start page needs it before any draft is open).

``reportdesk export`` and ``reportdesk history`` use these on a draft that may be open elsewhere;
nothing is locked or written.  Whether an accepted warning (接受警告) still holds is domain logic
(:func:`reportdesk.core.self_review.acceptances`); the storage layer only reads what was stored.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from reportdesk.storage.errors import DraftError
from reportdesk.storage.home import RecentDraft, drafts_home, recent_drafts

if TYPE_CHECKING:
    from reportdesk.core.findings import Finding
    from reportdesk.storage.draft import Revision

log = logging.getLogger(__name__)

__all__ = ["DraftError", "RecentDraft", "accepted_warnings", "drafts_home", "read_history", "recent_drafts"]


def read_history(path: Path) -> list[Revision]:
    """The revisions of the draft at *path*, without locking it (raises :class:`DraftError`)."""
    from reportdesk.storage.draft import read_history as read

    return read(path)


def accepted_warnings(path: Path, findings: list[Finding]) -> dict[str, str]:
    """The warnings among *findings* that the clerk accepted in the draft at *path* and that still hold
    (nothing they involve changed since): ``Finding.key`` -> reason.  Raises ``ReportFileError``."""
    from reportdesk.core.report import derive
    from reportdesk.core.self_review import acceptances
    from reportdesk.storage.codec import read_warning_marks

    loaded, prints = read_warning_marks(path)
    values = derive(loaded.form, loaded.report.cells)
    found = acceptances(findings, loaded.warnings, prints, values, loaded.report.texts)
    return {key: a.reason for key, a in found.items() if a.current}
