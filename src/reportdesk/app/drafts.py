"""Reading a draft without opening it for editing: its history, and which accepted warnings still hold.

``reportdesk export`` and ``reportdesk history`` use these on a draft that may be open elsewhere;
nothing is locked or written.  Whether an accepted warning (接受警告) still holds is domain logic
(:func:`reportdesk.core.self_review.acceptances`); the storage layer only reads what was stored.
"""

from __future__ import annotations

import logging
from pathlib import Path

from reportdesk.core.findings import Finding
from reportdesk.core.report import derive
from reportdesk.core.self_review import acceptances
from reportdesk.storage.codec import read_warning_marks
from reportdesk.storage.draft import Revision, read_history

log = logging.getLogger(__name__)

__all__ = ["Revision", "accepted_warnings", "read_history"]


def accepted_warnings(path: Path, findings: list[Finding]) -> dict[str, str]:
    """The warnings among *findings* that the clerk accepted in the draft at *path* and that still hold
    (nothing they involve changed since): ``Finding.key`` -> reason.  Raises ``ReportFileError``."""
    loaded, prints = read_warning_marks(path)
    values = derive(loaded.form, loaded.report.cells)
    found = acceptances(findings, loaded.warnings, prints, values, loaded.report.texts)
    return {key: a.reason for key, a in found.items() if a.current}
