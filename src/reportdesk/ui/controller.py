"""The open draft as the widgets see it: one Session, its undo stack, findings and autosave.

Widgets never call the session directly for cell edits: they go through
:meth:`DraftController.edit_cells`, which pushes one :class:`EditCellsCommand` on the
undo stack.  Every change is announced with ``sig_changed`` (the session's ``Changes``)
and followed by fresh findings (``sig_findings_changed``), so that views refresh only
what changed.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from reportdesk.app.session import Acceptance, Changes, DraftError, EditError, IncompleteError, Session
from reportdesk.core.findings import Finding, sort_findings
from reportdesk.core.form import FormDef
from reportdesk.core.numbers import Value
from reportdesk.core.report import Report, effective_cells

log = logging.getLogger(__name__)

AUTOSAVE_MS = 1000


class EditCellsCommand(QUndoCommand):
    """One undoable step over ``Session.set_cells`` (a typed value, a paste, a fill)."""

    def __init__(
        self, controller: DraftController, edits: Mapping[str, Value], origin: str, text: str
    ) -> None:
        super().__init__(text)
        self._controller = controller
        self._new = dict(edits)
        self._origin = origin
        values = controller.values
        self._old = {cid: values.get(cid) for cid in self._new}
        self._old_origin = {cid: controller.session.origin(cid) for cid in self._new}

    @property
    def cell_ids(self) -> list[str]:
        """The cells this step changes (what undo and redo show before acting)."""
        return list(self._new)

    def redo(self) -> None:
        if not self._controller.apply_cells(self._new, origin=self._origin, description=self.text()):
            self.setObsolete(True)

    def undo(self) -> None:
        by_origin: dict[str, dict[str, Value]] = {}
        for cid, value in self._old.items():
            by_origin.setdefault(self._old_origin.get(cid) or "typed", {})[cid] = value
        for origin, edits in by_origin.items():
            self._controller.apply_cells(edits, origin=origin, description=QCoreApplication.translate("DraftController", "撤销：{0}").format(self.text()))


class DraftController(QObject):
    sig_changed = Signal(object)  # Changes
    sig_findings_changed = Signal(list)  # list[Finding], errors first
    sig_saved = Signal(object)  # datetime
    sig_error = Signal(str)  # a message for the user
    sig_previous_changed = Signal()  # last year's report set or removed, or 显示上年数字 toggled

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.undo_stack = QUndoStack(self)
        self.values: dict[str, Value] = session.values()
        self.findings: list[Finding] = sort_findings(session.findings())
        self.acceptances: dict[str, Acceptance] = session.acceptances(self.findings)
        self.previous_values: dict[str, Value] = self._previous_values()
        self.show_previous = True  # 显示上年数字: last year's figure drawn in each cell
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)
        self._timer.start()

    @property
    def form(self) -> FormDef:
        return self.session.form

    # --- edits -------------------------------------------------------------------------

    def edit_cells(self, edits: Mapping[str, Value], *, origin: str = "typed", text: str = "") -> bool:
        """Push one undoable edit; False when nothing changes (or it was refused)."""
        if self._closed:  # an editor committing while the window closes: the draft is already closed
            log.warning("edit after the draft was closed ignored: %s", sorted(edits))
            return False
        edits = {
            cid: v
            for cid, v in edits.items()
            if self.values.get(cid) != v or type(self.values.get(cid)) is not type(v)
        }
        if not edits:
            return False
        if not text:
            if len(edits) == 1:
                cid = next(iter(edits))
                text = self.tr("修改“{0}”").format(self.form.cells[cid].label)
            else:
                text = self.tr("修改 {0} 个单元格").format(len(edits))
        tables = list(dict.fromkeys(self.form.tables[self.form.cells[c].table].short_name for c in edits))
        where = "、".join(t for t in tables if t)
        if where and not text.startswith(where):
            text = f"{where}：{text}"
        before = self.undo_stack.count()
        self.undo_stack.push(EditCellsCommand(self, edits, origin, text))
        return self.undo_stack.count() > before

    def apply_cells(self, edits: Mapping[str, Value], *, origin: str, description: str) -> bool:
        try:
            changes = self.session.set_cells(edits, origin=origin, description=description)
        except (DraftError, EditError) as exc:
            log.warning("edit refused: %s", exc.message)
            self.sig_error.emit(exc.message)
            return False
        self._announce(changes)
        return True

    def set_text(self, key: str, text: str) -> None:
        try:
            changes = self.session.set_text(key, text, typed=True)  # the clerk's: cleaned, not refused
        except (DraftError, EditError) as exc:
            self.sig_error.emit(exc.message)
            return
        self._announce(changes)

    def set_meta(self, **fields: object) -> None:
        try:
            changes = self.session.set_meta(typed=True, **fields)
        except (DraftError, EditError) as exc:
            self.sig_error.emit(exc.message)
            return
        self._announce(changes)

    # --- last year's report ------------------------------------------------------------

    @property
    def previous(self) -> Report | None:
        return self.session.previous

    def _previous_values(self) -> dict[str, Value]:
        previous = self.session.previous
        if previous is None:
            return {}
        try:
            from reportdesk.core.catalog import get_form

            return effective_cells(get_form(previous.form_id), previous)
        except Exception:  # an unknown form in an old draft: no figures beside, never a crash
            log.exception("cannot read last year's figures")
            return {}

    def set_previous(self, previous: Report | None) -> int:
        """Attach (or remove) last year's report and carry its 结转下年度 into blank 上年结转 cells.

        The carry is one undoable step (origin "carried"); returns how many cells it filled.
        """
        try:
            self.session.set_previous(previous)
        except DraftError as exc:
            self.sig_error.emit(exc.message)
            return 0
        self.previous_values = self._previous_values()
        self.sig_previous_changed.emit()
        carried = self.carry_edits()
        if carried:
            self.edit_cells(carried, origin="carried", text=self.tr("从上年报告结转 {0} 个数字").format(len(carried)))
        else:
            self.refresh_findings()
        return len(carried)

    def carry_edits(self) -> dict[str, Value]:
        """Blank cells that last year's report fills by the form's carry-over rule (上年结转 ← 结转下年度)."""
        from reportdesk.core.equations import carry_edits

        return carry_edits(self.form, self.values, self.previous_values)

    def set_show_previous(self, shown: bool) -> None:
        if shown != self.show_previous:
            self.show_previous = shown
            self.sig_previous_changed.emit()

    # --- review: accepted warnings, 已自查, 已完成 ---------------------------------------------

    def accepted(self) -> dict[str, str]:
        """Finding key -> reason, for the acceptances that still hold."""
        return {k: a.reason for k, a in self.acceptances.items() if a.current}

    def accept_warning(self, finding: Finding, reason: str) -> bool:
        return self._self_review_edit(lambda: self.session.accept_finding(finding, reason))

    def withdraw_warning(self, key: str) -> bool:
        return self._self_review_edit(lambda: self.session.withdraw_warning(key))

    def set_self_reviewed(self, step: str, by: str | None) -> bool:
        return self._self_review_edit(lambda: self.session.set_section_self_reviewed(step, by))

    def mark_complete(self, by: str) -> list[Finding]:
        """Re-run every check and record the sign-off; returns the errors that prevent it (none: done)."""
        try:
            changes = self.session.mark_complete(by)
        except IncompleteError as exc:
            self.refresh_findings()
            return exc.errors
        except (DraftError, EditError) as exc:
            self.sig_error.emit(exc.message)
            return []
        self._announce(changes)
        if changes.empty:
            self.refresh_findings()
        return []

    def _self_review_edit(self, edit: object) -> bool:
        try:
            changes = edit()  # type: ignore[operator]
        except (DraftError, EditError) as exc:
            self.sig_error.emit(exc.message)
            return False
        self._announce(changes)
        return not changes.empty

    def _announce(self, changes: Changes) -> None:
        for cid, (_old, new) in changes.cells.items():
            self.values[cid] = new
        if changes.empty:
            return
        self.sig_changed.emit(changes)
        self.refresh_findings()
        if changes.revision is not None and self.session.last_saved is not None:
            self.sig_saved.emit(self.session.last_saved)

    def refresh_findings(self) -> None:
        self.findings = sort_findings(self.session.findings())
        self.acceptances = self.session.acceptances(self.findings)
        self.sig_findings_changed.emit(self.findings)

    # --- saving ------------------------------------------------------------------------

    def flush(self) -> None:
        if self._closed or not self.session.pending:
            return
        try:
            self.session.flush()
        except DraftError as exc:
            self.sig_error.emit(exc.message)
            return
        self.sig_saved.emit(self.session.last_saved or datetime.now())

    def close(self) -> None:
        if self._closed:
            return
        self._timer.stop()
        try:
            self.session.close()
        except DraftError as exc:
            self.sig_error.emit(exc.message)
        self._closed = True
