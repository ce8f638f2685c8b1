"""What a check finds: a rule that does not hold, with the cells and the arithmetic.

The message is one sentence a clerk can act on: what is wrong, where, with the numbers,
and what to do; it reads the same in the app, the CLI and both workbooks.  The rule id
stays a separate field and never appears in the sentence.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from reportdesk.core.form import Severity
from reportdesk.core.records import record


class FindingAction(StrEnum):
    """A fix the app can apply in one step from the findings panel."""

    NONE = ""
    FILL_BLANKS = "fill_blanks"  # 将空白单元格填为 0 (the cells of the finding)


@record
class Finding:
    rule: str
    severity: Severity
    message: str
    cells: tuple[str, ...] = ()
    advice: str = ""
    section: str | None = None  # the section a user is taken to
    excerpt: str | None = None  # for text rules: the sentence concerned
    span: tuple[int, int] | None = None  # for text rules: where the excerpt is in texts[section]
    action: FindingAction = FindingAction.NONE

    @property
    def key(self) -> str:
        """Identifies "the same finding" across edits (used when a warning is accepted)."""
        return f"{self.rule}|{','.join(self.cells)}|{self.section or ''}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "cells": list(self.cells),
        }
        if self.advice:
            data["advice"] = self.advice
        if self.section:
            data["section"] = self.section
        if self.excerpt:
            data["excerpt"] = self.excerpt
        if self.span is not None:
            data["span"] = list(self.span)
        if self.action:
            data["action"] = str(self.action)
        return data


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Errors first, each group in the order the rules were found."""
    return sorted(findings, key=lambda f: 0 if f.is_error else 1)
