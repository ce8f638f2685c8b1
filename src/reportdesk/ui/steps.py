"""The steps of the guided window and the state of each: computed from the draft, not stored."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from reportdesk.core.findings import Finding
from reportdesk.core.form import FormDef, SectionKind
from reportdesk.core.numbers import Value
from reportdesk.core.records import record
from reportdesk.core.report import META_FIELDS, Report

log = logging.getLogger(__name__)

META_STEP = "meta"
EXPORT_STEP = "export"


class StepState(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    ERRORS = "errors"
    WARNINGS = "warnings"
    COMPLETE = "complete"


def state_name(state: StepState) -> str:
    """The state as the navigator names it (translated)."""
    return {
        StepState.NOT_STARTED: QCoreApplication.translate("Steps", "未开始"),
        StepState.IN_PROGRESS: QCoreApplication.translate("Steps", "填写中"),
        StepState.ERRORS: QCoreApplication.translate("Steps", "有错误"),
        StepState.WARNINGS: QCoreApplication.translate("Steps", "有提示"),
        StepState.COMPLETE: QCoreApplication.translate("Steps", "已完成"),
    }[state]
STATE_COLOURS = {
    StepState.NOT_STARTED: "#b0b7c3",
    StepState.IN_PROGRESS: "#3b82f6",
    StepState.ERRORS: "#d93025",
    StepState.WARNINGS: "#f59e0b",
    StepState.COMPLETE: "#1e9e4a",
}


@record
class Step:
    id: str  # META_STEP, a section id, or EXPORT_STEP
    title: str


def steps(form: FormDef) -> list[Step]:
    return [
        Step(META_STEP, QCoreApplication.translate("Steps", "基本信息")),
        *(Step(s.id, s.heading) for s in form.sections),
        Step(EXPORT_STEP, QCoreApplication.translate("Steps", "检查与导出")),
    ]


def finding_section(form: FormDef, finding: Finding) -> str | None:
    if finding.section:
        return finding.section
    for cid in finding.cells:
        if cid in form.cells:
            return form.section_of_cell(cid).id
    return None


def _text_has_body(text: str, subheadings: tuple[str, ...]) -> bool:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return any(line not in subheadings for line in lines)


def step_state(
    form: FormDef, step: str, report: Report, values: Mapping[str, Value], findings: list[Finding]
) -> StepState:
    if step == META_STEP:
        filled = [bool(report.agency), bool(report.year), *(bool(report.meta.get(k)) for k in META_FIELDS)]
        if not any(filled[2:]) and not report.agency:
            return StepState.NOT_STARTED
        return StepState.COMPLETE if all(filled) else StepState.IN_PROGRESS
    if step == EXPORT_STEP:
        if any(f.is_error for f in findings):
            return StepState.ERRORS
        return StepState.WARNINGS if findings else StepState.COMPLETE
    section = form.section(step)
    mine = [f for f in findings if finding_section(form, f) == step]
    if section.kind is SectionKind.TEXT:
        text = report.texts.get(step, "")
        if not text.strip():
            return StepState.NOT_STARTED
        if any(f.is_error for f in mine):
            return StepState.ERRORS
        if not _text_has_body(text, section.subheadings):
            return StepState.IN_PROGRESS
        return StepState.WARNINGS if mine else StepState.COMPLETE
    inputs = [cid for cid, d in form.cells.items() if d.table == section.table and not d.derived]
    filled_cells = sum(1 for cid in inputs if values.get(cid) is not None)
    if filled_cells == 0:
        return StepState.NOT_STARTED
    if any(f.is_error for f in mine):
        return StepState.ERRORS
    if filled_cells < len(inputs):
        return StepState.IN_PROGRESS
    return StepState.WARNINGS if mine else StepState.COMPLETE


def step_reason(
    form: FormDef, step: str, report: Report, values: Mapping[str, Value], findings: list[Finding],
    state: StepState | None = None,
) -> str:
    """Why the step is in *state* (computed when not given), in a sentence (tooltip, line above the page)."""
    if state is None:
        state = step_state(form, step, report, values, findings)
    if step == META_STEP:
        missing = ([] if report.agency else [QCoreApplication.translate("StepReason", "单位名称")]) + ([] if report.year else [QCoreApplication.translate("StepReason", "报告年度")]) + [
            name for key, name in META_FIELDS.items() if not report.meta.get(key)]
        if not missing:
            return QCoreApplication.translate("StepReason", "基本信息已填写完整。")
        return QCoreApplication.translate("StepReason", "尚未填写：{0}。").format("、".join(missing))
    mine = findings if step == EXPORT_STEP else [f for f in findings if finding_section(form, f) == step]
    errors = sum(1 for f in mine if f.is_error)
    warnings = len(mine) - errors
    if step == EXPORT_STEP:
        if errors:
            return QCoreApplication.translate("StepReason", "全文还有 {0} 个错误、{1} 个提示。").format(errors, warnings)
        return QCoreApplication.translate("StepReason", "没有错误，还有 {0} 个提示，请逐条核对。").format(warnings) if warnings else QCoreApplication.translate("StepReason", "全部检查通过，可以导出。")
    section = form.section(step)
    if section.kind is SectionKind.TEXT:
        text = report.texts.get(step, "")
        if state is StepState.NOT_STARTED:
            return QCoreApplication.translate("StepReason", "本部分还没有文字。")
        if errors:
            return QCoreApplication.translate("StepReason", "本部分有 {0} 个错误，请按检查结果修改。").format(errors)
        if not _text_has_body(text, section.subheadings):
            return QCoreApplication.translate("StepReason", "只有小标题，还没有正文。")
        return QCoreApplication.translate("StepReason", "本部分有 {0} 个提示，请逐条核对。").format(warnings) if warnings else QCoreApplication.translate("StepReason", "本部分已填写，未发现问题。")
    inputs = [cid for cid, d in form.cells.items() if d.table == section.table and not d.derived]
    blank = sum(1 for cid in inputs if values.get(cid) is None)
    if state is StepState.NOT_STARTED:
        return QCoreApplication.translate("StepReason", "本表 {0} 个格子都还没有填写。").format(len(inputs))
    if errors:
        return QCoreApplication.translate("StepReason", "本表有 {0} 个错误，请按检查结果修改。").format(errors)
    if blank:
        return QCoreApplication.translate("StepReason", "还有 {0} 个空白格子（没有数据的格子填 0）。").format(blank)
    return QCoreApplication.translate("StepReason", "本表有 {0} 个提示，请逐条核对。").format(warnings) if warnings else QCoreApplication.translate("StepReason", "本表已填写完整，未发现问题。")
