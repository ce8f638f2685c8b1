"""The corpus of real published reports (tests/data/corpus) and how the text reader scores on it.

Each corpus file holds a report's prose as published, the table figures that could be read,
and the hand-verified truth for every figure-bearing sentence: the words, the cells they
speak of and the value, or ``about`` when they are not about a cell the text checks read.
Scoring never consults ReportDesk to decide what is true; it only compares the reader's
figures with the truth:

- a figure is **correct** when a truth entry overlapping it names the same cells (or the
  reader's equally valid alternative reading) and the same value;
- it is **misread** otherwise: another cell or value, a sentence that is not about a cell,
  or a number the truth does not list as a figure;
- a truth entry about a cell that no correct figure matches is **missed**.

**False errors** are text findings on a corpus report that are not among its real faults
(``expected_findings``): the report is checked with its visible table figures and, where the
table was not captured, with the hand-verified values standing in for the table.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportdesk.core.catalog import get_form
from reportdesk.core.findings import Finding
from reportdesk.core.report import Report, Totals, effective_cells
from reportdesk.core.text import DocumentStructure, check_text
from reportdesk.core.text.extract import TextFigure, extract

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"

#: Rules that need what a page excerpt does not have (the document's layout, section 六).
_NOT_JUDGED = {"headings", "missing_table", "label", "fee_statement"}


@dataclass(slots=True)
class Outcome:
    report: str
    figure: str  # the words the reader took, or the truth's words for a missed figure
    detail: str


@dataclass(slots=True)
class Score:
    reports: int = 0
    truths: int = 0  # figures a person reads (truth entries about a cell)
    correct: list[Outcome] = field(default_factory=list)
    misread: list[Outcome] = field(default_factory=list)
    missed: list[Outcome] = field(default_factory=list)
    false_errors: list[Outcome] = field(default_factory=list)
    faults_found: list[Outcome] = field(default_factory=list)
    faults_missed: list[Outcome] = field(default_factory=list)

    @property
    def recall(self) -> float:
        found = self.truths - len(self.missed)
        return found / self.truths if self.truths else 1.0


def load(directory: Path = CORPUS) -> Iterator[tuple[str, dict[str, Any]]]:
    for path in sorted(directory.glob("*.json")):
        yield path.stem, json.loads(path.read_text(encoding="utf-8"))


def _spans(data: dict[str, Any]) -> list[tuple[str, int, int, dict[str, Any]]]:
    spans = []
    for truth in data["truth"]:
        text = data["texts"][truth["section"]]
        start = text.index(truth["text"])
        spans.append((truth["section"], start, start + len(truth["text"]), truth))
    return spans


def _matches(fig: TextFigure, truth: dict[str, Any]) -> bool:
    if "cells" not in truth or truth["value"] != fig.value:
        return False
    readings = {frozenset(fig.quantity.cells)}
    if fig.quantity.alt_cells:
        readings.add(frozenset(fig.quantity.alt_cells))
    truths = {frozenset(truth["cells"])}
    if truth.get("alt_cells"):
        truths.add(frozenset(truth["alt_cells"]))
    return bool(readings & truths)


def table_for_check(data: dict[str, Any]) -> dict[str, int]:
    """The visible table figures, completed with the hand-verified values where the table is missing."""
    cells: dict[str, int] = {}
    for truth in data["truth"]:
        if "cells" not in truth:
            continue
        ids = truth["cells"]
        if any(c in cells or c in data["table"] for c in ids):
            continue
        cells[ids[0]] = truth["value"]
        for other in ids[1:]:
            cells[other] = 0
    cells.update(data["table"])
    return cells


def report_of(data: dict[str, Any]) -> Report:
    return Report(form_id=get_form().id, agency=data["agency"], year=data["year"], cells=table_for_check(data),
                  texts=dict(data["texts"]), totals=Totals.STATED)


def findings_of(data: dict[str, Any]) -> list[Finding]:
    report = report_of(data)
    form = get_form(report.form_id)
    structure = DocumentStructure(title=data["title"]) if data.get("title") else None
    found = check_text(form, report, effective_cells(form, report), structure)
    return [f for f in found if f.rule not in _NOT_JUDGED or (f.rule == "fee_statement" and "other" in data["texts"])]


def _is_expected(finding: Finding, expected: dict[str, str]) -> bool:
    words = expected["excerpt"]
    return finding.rule == expected["rule"] and (words in (finding.excerpt or "") or words in finding.message)


def score(directory: Path = CORPUS) -> Score:
    """Score the reader on every report of ``directory`` (the corpus, or a new held-out batch in the same shape)."""
    result = Score()
    for name, data in load(directory):
        result.reports += 1
        spans = _spans(data)
        matched: set[int] = set()
        for section, text in data["texts"].items():
            figures, _claims = extract(section, text, data["year"])
            for fig in figures:
                overlapping = [i for i, (sec, s, e, _) in enumerate(spans)
                               if sec == section and s < fig.span[1] and fig.span[0] < e]
                hits = [i for i in overlapping if _matches(fig, spans[i][3])]
                said = f"{fig.phrase} → {fig.quantity.name} = {fig.value}"
                if hits:
                    matched.update(hits)
                    result.correct.append(Outcome(name, fig.phrase, said))
                elif overlapping:
                    truths = "; ".join(spans[i][3].get("about") or f"{spans[i][3]['cells']} = {spans[i][3]['value']}"
                                       for i in overlapping)
                    result.misread.append(Outcome(name, fig.phrase, f"{said}; truth: {truths}"))
                else:
                    result.misread.append(Outcome(name, fig.phrase, f"{said}; truth lists no figure here"))
        for i, (_, _, _, truth) in enumerate(spans):
            if "cells" in truth:
                result.truths += 1
                if i not in matched:
                    result.missed.append(Outcome(name, truth["text"], f"{truth['cells']} = {truth['value']}"))
        expected = data.get("expected_findings", [])
        seen = [False] * len(expected)
        for finding in findings_of(data):
            hit = [k for k, e in enumerate(expected) if _is_expected(finding, e)]
            for k in hit:
                seen[k] = True
            if hit:
                result.faults_found.append(Outcome(name, finding.excerpt or "", f"[{finding.rule}] {finding.message}"))
            else:
                result.false_errors.append(Outcome(name, finding.excerpt or "", f"[{finding.rule}] {finding.message}"))
        for k, e in enumerate(expected):
            if not seen[k]:
                result.faults_missed.append(Outcome(name, e["excerpt"], f"[{e['rule']}] not found"))
    return result
