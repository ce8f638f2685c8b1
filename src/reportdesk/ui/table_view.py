"""The grid that looks like the official table, with keyboard-first entry.

Spans come from the form's grid.  Header rows and label columns stay in place while
the body scrolls: three overlay views (top, left, corner) share the model and sit over
the frozen part of the main view, each scrolled in step with it.

Keys: typing starts editing; Enter commits and moves down, Tab right; Delete clears
the selected cells; Ctrl+C / Ctrl+V copy and paste tab-separated blocks (Excel, WPS).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from reportdesk.ui.cell_delegate import CellDelegate
from reportdesk.ui.paste import PastePlan, copy_block, plan_paste
from reportdesk.ui.table_model import ReportTableModel

log = logging.getLogger(__name__)

LABEL_COLUMN_WIDTH = 150
VALUE_COLUMN_WIDTH = 80
ROW_HEIGHT = 28


class ReportTableView(QTableView):
    sig_pasted = Signal(object)  # PastePlan
    sig_message = Signal(str)  # a short note for the user (refused input, nothing to paste ...)

    def __init__(self, model: ReportTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.table_model = model
        self.delegate = CellDelegate(self)
        self.setItemDelegate(self.delegate)
        self.delegate.sig_commit_move.connect(self._move_by)
        self.delegate.sig_rejected.connect(self.sig_message)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self._apply_layout(self)
        self._overlays: list[tuple[QTableView, bool, bool]] = []  # (view, follows x, follows y)
        self._frozen_rows = model.frozen_rows()
        self._frozen_cols = model.frozen_columns()
        if self._frozen_rows:
            self._overlays.append((self._make_overlay(), True, False))
        if self._frozen_cols:
            self._overlays.append((self._make_overlay(), False, True))
        if self._frozen_rows and self._frozen_cols:
            self._overlays.append((self._make_overlay(), False, False))
        self.horizontalScrollBar().valueChanged.connect(self._sync_overlays)
        self.verticalScrollBar().valueChanged.connect(self._sync_overlays)
        first = next((model.index_of(cid) for cid in model.input_cell_ids()), None)
        if first is not None and first.isValid():
            self.setCurrentIndex(first)

    # --- layout --------------------------------------------------------------------------

    def _apply_layout(self, view: QTableView) -> None:
        model = self.table_model
        for g in model.spans():
            view.setSpan(g.row, g.col, g.rowspan, g.colspan)
        label_cols = model.frozen_columns() or (0 if model.table.header_rows else 1)
        for c in range(model.columnCount()):
            view.setColumnWidth(c, LABEL_COLUMN_WIDTH if c < label_cols else VALUE_COLUMN_WIDTH)
        if model.table.id == "requests":  # the group columns of the official table are narrow
            view.setColumnWidth(0, 44)
            view.setColumnWidth(1, 72)
            view.setColumnWidth(2, 236)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        for g in model.table.grid:
            if g.role == "note" or (g.role == "head" and len(g.text) > 8 and g.rowspan == 1):
                view.setRowHeight(g.row, ROW_HEIGHT + 14)
        if model.table.id == "requests":
            view.setRowHeight(0, 36)
            view.setRowHeight(1, 30)
            view.setRowHeight(2, 30)

    def _make_overlay(self) -> QTableView:
        overlay = QTableView(self)
        overlay.setModel(self.table_model)
        overlay.setItemDelegate(CellDelegate(overlay))  # painting only: overlays never edit
        overlay.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        overlay.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        overlay.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        overlay.horizontalHeader().hide()
        overlay.verticalHeader().hide()
        overlay.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        overlay.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        overlay.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        overlay.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        overlay.setWordWrap(True)
        overlay.setFrameShape(QTableView.Shape.NoFrame)
        overlay.setStyleSheet("QTableView { border: none; }")
        self._apply_layout(overlay)
        self.viewport().stackUnder(overlay)
        overlay.show()
        return overlay

    def _frozen_size(self) -> tuple[int, int]:
        height = sum(self.rowHeight(r) for r in range(self._frozen_rows))
        width = sum(self.columnWidth(c) for c in range(self._frozen_cols))
        return width, height

    def _sync_overlays(self) -> None:
        width, height = self._frozen_size()
        x0, y0 = self.frameWidth(), self.frameWidth()
        vp = self.viewport().geometry()
        for overlay, follows_x, follows_y in self._overlays:
            if follows_x:  # the header rows
                overlay.setGeometry(x0, y0, vp.width(), height)
            elif follows_y:  # the label columns
                overlay.setGeometry(x0, y0, width, vp.height())
            else:  # the corner
                overlay.setGeometry(x0, y0, width, height)
            overlay.horizontalScrollBar().setValue(self.horizontalScrollBar().value() if follows_x else 0)
            overlay.verticalScrollBar().setValue(self.verticalScrollBar().value() if follows_y else 0)
            overlay.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._sync_overlays()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        if hasattr(self, "_overlays"):
            self._sync_overlays()

    def scrollTo(
        self,
        index: QModelIndex | QPersistentModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        """Keep the current cell out from under the frozen part."""
        super().scrollTo(index, hint)
        if not index.isValid() or not hasattr(self, "_overlays"):
            return
        width, height = self._frozen_size()
        rect = self.visualRect(index)
        if index.column() >= self._frozen_cols and rect.left() < width:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - (width - rect.left()))
        if index.row() >= self._frozen_rows and rect.top() < height:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() - (height - rect.top()))

    def total_width(self) -> int:
        return sum(self.columnWidth(c) for c in range(self.table_model.columnCount())) + 2 * self.frameWidth()

    def total_height(self) -> int:
        return sum(self.rowHeight(r) for r in range(self.table_model.rowCount())) + 2 * self.frameWidth()

    # --- keys ------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_clipboard()
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        key = event.key()
        plain = not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier & ~Qt.KeyboardModifier.ShiftModifier
        )
        if plain and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_selection()
            return
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._move_by(1, 0)
            return
        if plain and key == Qt.Key.Key_Tab:
            self._move_by(0, 1)
            return
        if key == Qt.Key.Key_Backtab:
            self._move_by(0, -1)
            return
        super().keyPressEvent(event)

    def _move_by(self, rows: int, cols: int) -> None:
        """Move to the next cell that holds a value (skipping labels), within the table."""
        index = self.currentIndex()
        model = self.table_model
        if not index.isValid():
            return
        g = model.grid_cell(index.row(), index.column())
        r, c = index.row(), index.column()
        if g is not None:
            r = g.row + g.rowspan - 1 if rows > 0 else g.row
            c = g.col + g.colspan - 1 if cols > 0 else g.col
        while True:
            r, c = r + rows, c + cols
            if not (0 <= r < model.rowCount() and 0 <= c < model.columnCount()):
                if cols and 0 <= r < model.rowCount():  # Tab at the end of a row: next row's first value
                    r, c = r + (1 if cols > 0 else -1), (-1 if cols > 0 else model.columnCount())
                    if not 0 <= r < model.rowCount():
                        return
                    continue
                return
            target = model.grid_cell(r, c)
            if target is not None and target.cell_id:
                self.setCurrentIndex(model.index(target.row, target.col))
                return

    # --- clipboard and bulk edits ----------------------------------------------------------

    def _selected_cell_ids(self) -> list[str]:
        ids = []
        for index in self.selectionModel().selectedIndexes() or [self.currentIndex()]:
            cid = self.table_model.cell_id(index)
            if cid and cid not in ids:
                ids.append(cid)
        return ids

    def clear_selection(self) -> None:
        model = self.table_model
        edits = {
            cid: None for cid in self._selected_cell_ids() if not model.controller.form.cells[cid].derived
        }
        if edits:
            model.controller.edit_cells(edits, text=self.tr("清除 {0} 个单元格").format(len(edits)))

    def paste_text(self, text: str) -> PastePlan:
        index = self.currentIndex()
        selected = self.selectionModel().selectedIndexes()
        if selected:
            index = min(selected, key=lambda i: (i.row(), i.column()))
        if not index.isValid():
            index = self.table_model.index(0, 0)
        plan = plan_paste(self.table_model, index.row(), index.column(), text)
        if plan.edits:
            self.table_model.controller.edit_cells(plan.edits, origin="pasted", text=self.tr("粘贴"))
        self.sig_pasted.emit(plan)
        return plan

    def paste_clipboard(self) -> PastePlan | None:
        text = QGuiApplication.clipboard().text()
        if not text:
            self.sig_message.emit(self.tr("剪贴板里没有可粘贴的文字。"))
            return None
        return self.paste_text(text)

    def copy_selection(self) -> str:
        ranges = list(self.selectionModel().selection())  # type: ignore[call-overload]  # iterable at run time
        if not ranges:
            index = self.currentIndex()
            top = bottom = index.row()
            left = right = index.column()
        else:
            top = min(r.top() for r in ranges)
            bottom = max(r.bottom() for r in ranges)
            left = min(r.left() for r in ranges)
            right = max(r.right() for r in ranges)
        text = copy_block(self.table_model, top, left, bottom, right)
        QGuiApplication.clipboard().setText(text)
        return text

    def select_cells(self, cell_ids: list[str]) -> None:
        """Select exactly these cells (those in this table) and show the first."""
        selection = QItemSelection()
        first = None
        for cid in cell_ids:
            index = self.table_model.index_of(cid)
            if index.isValid():
                selection.select(index, index)
                first = first or index
        if first is None:
            return
        self.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(first)
        self.setFocus()
