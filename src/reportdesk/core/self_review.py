"""SelfReviewMark state of a draft: accepted warnings, sections ticked as 已自查, and 标记为已完成.

Each mark is stored with a *fingerprint* of the content it vouches for (the values of a
warning's cells and its sentence, a section's figures or text, the whole report), so
that a later change shows: an accepted warning whose figures changed is open again, a
tick turns red, a sign-off is "changed since".  Fingerprints are short SHA-256 digests of
a canonical JSON form of that content.  Qt-free; :class:`reportdesk.app.session.Session`
stores the marks.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from datetime import datetime

from reportdesk.core.findings import Finding
from reportdesk.core.form import FormDef
from reportdesk.core.numbers import Value, format_value
from reportdesk.core.records import record
from reportdesk.core.report import EXTRA_TEXTS, Report

log = logging.getLogger(__name__)

try:  # the interpreter's own SHA-256: importing hashlib loads OpenSSL, ~3 ms of every start-up
    from _sha2 import sha256  # Python 3.12 and later
except ImportError:
    try:
        from _sha256 import sha256  # Python 3.11
    except ImportError:  # an interpreter built without them
        from hashlib import sha256

#: The review id of the 基本信息 step (metadata and the preamble); the others are section ids.
META_REVIEW = "meta"


@record
class Acceptance:
    """A warning the clerk accepted; ``current`` is False once its figures or text changed."""

    key: str
    reason: str
    current: bool = True


@record
class SelfReviewMark:
    """A section ticked 已自查, or the report marked 已完成: who, when, and still valid?"""

    by: str
    at: datetime
    current: bool = True

    @property
    def when(self) -> str:
        return self.at.strftime("%Y-%m-%d %H:%M")


def fingerprint(content: object) -> str:
    data = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return sha256(data.encode("utf-8")).hexdigest()[:16]


def finding_fingerprint(finding: Finding, values: Mapping[str, Value], texts: Mapping[str, str]) -> str:
    """What an accepted warning vouches for: its cells' values, and its sentence (or its section's text)."""
    content: dict[str, object] = {"cells": {c: format_value(values.get(c)) for c in finding.cells}}
    if finding.excerpt:
        content["excerpt"] = finding.excerpt
    elif finding.section:
        content["text"] = texts.get(finding.section, "")
    return fingerprint(content)


def acceptances(
    findings: list[Finding],
    reasons: Mapping[str, str],
    fingerprints: Mapping[str, str | None],
    values: Mapping[str, Value],
    texts: Mapping[str, str],
) -> dict[str, Acceptance]:
    """For each of *findings* that was accepted: its reason, and whether the acceptance still holds.

    *reasons* and *fingerprints* are keyed by ``Finding.key``.  An acceptance lapses
    (``current`` False) when a figure or the sentence the warning involves changed since
    it was accepted; it never holds for an error.
    """
    out: dict[str, Acceptance] = {}
    for f in findings:
        reason = reasons.get(f.key)
        if reason is None or f.key in out:
            continue
        stored = fingerprints.get(f.key)
        current = not f.is_error and (stored is None or stored == finding_fingerprint(f, values, texts))
        out[f.key] = Acceptance(f.key, reason, current)
    return out


def section_fingerprint(form: FormDef, section: str, report: Report, values: Mapping[str, Value]) -> str:
    """The content of one step: a table's figures, a section's text, or the metadata and preamble."""
    if section == META_REVIEW:
        return fingerprint({"agency": report.agency, "year": report.year, "power": report.rulemaking_power,
                            "meta": report.meta, **{k: report.texts.get(k, "") for k in EXTRA_TEXTS}})
    sec = form.section(section)
    content: dict[str, object] = {"text": report.texts.get(section, "")}
    if sec.table:
        content["cells"] = {c: format_value(values.get(c)) for c, d in form.cells.items()
                            if d.table == sec.table and not d.derived}
    return fingerprint(content)


def report_fingerprint(form: FormDef, report: Report, values: Mapping[str, Value]) -> str:
    """The whole report: every step's content."""
    return fingerprint([section_fingerprint(form, s, report, values)
                        for s in (META_REVIEW, *(sec.id for sec in form.sections))])


def self_review_ids(form: FormDef) -> tuple[str, ...]:
    """The steps that can be ticked 已自查."""
    return (META_REVIEW, *(s.id for s in form.sections))
