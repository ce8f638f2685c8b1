"""The grid that looks like the official table, with keyboard-first entry.

Spans come from the form's grid.  Header rows and label columns stay in place while
the body scrolls: three overlay views (top, left, corner) share the model and sit over
the frozen part of the main view, each scrolled in step with it.

Keys: typing starts editing; Enter commits and moves down, Tab right; Delete clears
the selected cells; Ctrl+C / Ctrl+V copy and paste tab-separated blocks (Excel, WPS).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFontMetrics,
    QGuiApplication,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QTableView,
    QWidget,
)

from reportdesk.core.form import GridCell
from reportdesk.ui.cell_delegate import CellDelegate
from reportdesk.ui.paste import PastePlan, check_totals, copy_block, plan_fill, plan_paste, single_figure
from reportdesk.ui.table_model import ReportTableModel

log = logging.getLogger(__name__)

LABEL_COLUMN_WIDTH = 150
VALUE_COLUMN_WIDTH = 80
MIN_VALUE_WIDTH = 48  # "12,345" in the table font, with the "空" mark and last year's figure
MIN_LABEL_WIDTH = 26  # one character: a group label then reads top to bottom
MIN_VIEW_HEIGHT = 260
ROW_HEIGHT = 26


class ReportTableView(QTableView):
    sig_pasted = Signal(object)  # PastePlan
    sig_message = Signal(str)  # a short note for the user (refused input, nothing to paste ...)

    def __init__(self, model: ReportTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.table_model = model
        self.delegate = CellDelegate(self)
        self.setItemDelegate(self.delegate)
        self._tab_anchor: int | None = None  # the column where a run of Tabs started
        self._collapsed: list[int] = []  # rows folded away to show a finding's cells together
        self._navigating = False
        self.delegate.sig_commit_move.connect(self.navigate_key)
        self.delegate.sig_rejected.connect(self.sig_message)
        self.delegate.sig_block_paste.connect(self.paste_clipboard)
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
        self.setMaximumHeight(self.total_height() + 2)
        self.setMinimumHeight(min(self.total_height() + 2, MIN_VIEW_HEIGHT))
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

    def _natural_widths(self) -> list[int]:
        model = self.table_model
        label_cols = model.frozen_columns() or (0 if model.table.header_rows else 1)
        widths = [LABEL_COLUMN_WIDTH if c < label_cols else VALUE_COLUMN_WIDTH for c in range(model.columnCount())]
        if model.table.id == "requests":  # the group columns of the official table are narrow
            widths[:3] = [44, 72, 236]
        return widths

    def _apply_layout(self, view: QTableView) -> None:
        model = self.table_model
        for g in model.spans():
            view.setSpan(g.row, g.col, g.rowspan, g.colspan)
        widths = getattr(self, "_widths", None) or self._natural_widths()
        for c, width in enumerate(widths):
            view.setColumnWidth(c, width)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        for r, height in enumerate(getattr(self, "_heights", None) or self._row_heights(widths)):
            view.setRowHeight(r, height)

    def _row_heights(self, widths: list[int]) -> list[int]:
        """Compact rows, tall enough for the wrapped labels and headers at these column widths."""
        model = self.table_model
        heights = [ROW_HEIGHT] * model.rowCount()
        plain = self.fontMetrics()
        bold_font = self.font()
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        tall = sorted((g for g in model.table.grid if g.cell_id is None and g.text), key=lambda g: g.rowspan)
        for g in tall:
            metrics = bold if g.role in ("head", "item", "group") else plain
            width = max(sum(widths[g.col:g.col + g.colspan]) - 10, 12)
            needed = metrics.boundingRect(QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), g.text).height() + 8
            rows = range(g.row, g.row + g.rowspan)
            have = sum(heights[r] for r in rows)
            if needed > have:
                heights[g.row + g.rowspan - 1] += needed - have
        return heights

    def fit_to_width(self, available: int) -> None:
        """Narrow the columns (labels wrap) so that every column fits *available* pixels, if it can."""
        natural = self._natural_widths()
        model = self.table_model
        label_cols = {c for c in range(model.columnCount())
                      if not any(g.cell_id and g.col <= c < g.col + g.colspan for g in model.table.grid)}
        widths = list(natural)
        excess = sum(widths) - available
        values = [c for c in range(len(widths)) if c not in label_cols]
        if excess > 0 and values:
            each = min(-(-excess // len(values)), max(VALUE_COLUMN_WIDTH - MIN_VALUE_WIDTH, 0))
            for c in values:
                widths[c] = max(widths[c] - each, MIN_VALUE_WIDTH)
            excess = sum(widths) - available
        labels = sorted(label_cols)
        if excess > 0 and labels:
            room = sum(max(widths[c] - max(int(natural[c] * 0.45), MIN_LABEL_WIDTH), 0) for c in labels)
            if room:
                share = min(excess / room, 1.0)
                for c in labels:
                    widths[c] -= int(max(widths[c] - max(int(natural[c] * 0.45), MIN_LABEL_WIDTH), 0) * share + 0.999)
        if widths == getattr(self, "_widths", None):
            return
        self._widths = widths
        self._heights = self._row_heights(widths)
        self._apply_layout(self)
        for overlay, _x, _y in getattr(self, "_overlays", []):
            self._apply_layout(overlay)
        self.setMaximumHeight(self.total_height() + 2)
        self.setMinimumHeight(min(self.total_height() + 2, MIN_VIEW_HEIGHT))
        self._sync_overlays()

    def _fit(self) -> None:
        frame = 2 * self.frameWidth()
        bar = self.verticalScrollBar().sizeHint().width() if self.total_height() > self.height() else 0
        self.fit_to_width(self.width() - frame - bar)

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
        if hasattr(self, "_overlays"):
            self._fit()
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

    def event(self, event: QEvent) -> bool:
        """Tab and Shift+Tab move between input cells; Qt would move the focus out of the grid."""
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not (
                event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
            ):
                self.keyPressEvent(event)
                return True
        return super().event(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Never let Tab take the focus out of the grid (keys reach here through other paths too)."""
        self.navigate_key(int(Qt.Key.Key_Tab if next else Qt.Key.Key_Backtab), False)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.restore_rows()
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_clipboard()
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        plain = not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier & ~Qt.KeyboardModifier.ShiftModifier
        )
        if plain and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_selection()
            return
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.navigate_key(int(key), shift)
            return
        if key == Qt.Key.Key_Backtab:
            self.navigate_key(int(key), True)
            return
        text = event.text()
        if plain and text and text.isprintable() and not text.isspace():
            index = self.currentIndex()
            if not self.table_model.is_input(index):
                self.sig_message.emit(self._cannot_type_here(index))
                event.accept()
                return
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        """Text from an input method (full-width digits, a Chinese IME) starts editing like a key does.

        Qt opens the editor for a committed string but does not hand the string to it: the
        figure typed would be lost.
        """
        self.restore_rows()
        commit = event.commitString()
        if commit and not event.preeditString() and self.state() != QAbstractItemView.State.EditingState:
            index = self.currentIndex()
            if not self.table_model.is_input(index):
                self.sig_message.emit(self._cannot_type_here(index))
                event.accept()
                return
            if self.edit(index, QAbstractItemView.EditTrigger.AnyKeyPressed, event):
                editor = self.indexWidget(index) or QApplication.focusWidget()
                if isinstance(editor, QLineEdit) and editor is not self:
                    editor.selectAll()
                    editor.insert(commit)
                event.accept()
                return
        super().inputMethodEvent(event)

    def _cannot_type_here(self, index: QModelIndex) -> str:
        d = self.table_model.cell_def(index)
        if d is not None and d.derived:
            return self.tr("“{0}”是自动计算的合计，不能直接填写；输入没有写入。").format(d.label)
        return self.tr("这里是标签或表头，不能填写；输入没有写入。请用方向键或鼠标选一个白色的格子。")

    def navigate_key(self, key: int, shift: bool) -> None:
        """Enter/Tab (with or without Shift), from the grid or an editor that just committed.

        Tab, Tab, Enter returns to the column where the Tabs started (as in Excel).
        """
        moves = {
            int(Qt.Key.Key_Return): (-1, 0) if shift else (1, 0),
            int(Qt.Key.Key_Enter): (-1, 0) if shift else (1, 0),
            int(Qt.Key.Key_Tab): (0, -1) if shift else (0, 1),
            int(Qt.Key.Key_Backtab): (0, -1),
            int(Qt.Key.Key_Up): (-1, 0),
            int(Qt.Key.Key_Down): (1, 0),
        }
        rows, cols = moves.get(key, (0, 0))
        index = self.currentIndex()
        if key in (int(Qt.Key.Key_Tab), int(Qt.Key.Key_Backtab)):
            anchor = self._tab_anchor if self._tab_anchor is not None else (index.column() if index.isValid() else None)
            row = index.row()
            self._move_by(rows, cols)
            # a Tab that wrapped to another row starts afresh (Excel's Tab never wraps)
            self._tab_anchor = anchor if self.currentIndex().row() == row else None
            return
        if key in (int(Qt.Key.Key_Return), int(Qt.Key.Key_Enter)) and self._tab_anchor is not None:
            anchor, self._tab_anchor = self._tab_anchor, None
            if self._move_to_column(rows, anchor):
                return
        self._move_by(rows, cols)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """An editor closing with text that is not a figure (a click on another cell) says nothing was written."""
        if hint != QAbstractItemDelegate.EndEditHint.RevertModelCache and isinstance(editor, QLineEdit):
            note = self.delegate.not_written(editor)
            if note is not None:
                self.sig_message.emit(note)
        super().closeEditor(editor, hint)

    def _land(self, target: QModelIndex) -> None:
        self._navigating = True
        try:
            self.selectionModel().setCurrentIndex(target, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.scrollTo(target)
        finally:
            self._navigating = False

    def currentChanged(self, current: QModelIndex | QPersistentModelIndex,
                       previous: QModelIndex | QPersistentModelIndex) -> None:
        super().currentChanged(current, previous)
        if not getattr(self, "_navigating", False):
            self._tab_anchor = None

    def _is_target(self, r: int, c: int) -> GridCell | None:
        g = self.table_model.grid_cell(r, c)
        if g is None or not g.cell_id or self.table_model.controller.form.cells[g.cell_id].derived:
            return None
        return g

    def _move_to_column(self, rows: int, column: int) -> bool:
        """Down (or up) to the next row with an input cell in *column*."""
        index = self.currentIndex()
        model = self.table_model
        g = model.grid_cell(index.row(), index.column()) if index.isValid() else None
        r = (g.row + g.rowspan - 1 if rows > 0 else g.row) if g else index.row()
        while 0 <= r + rows < model.rowCount():
            r += rows
            target = self._is_target(r, column)
            if target is not None:
                self._land(model.index(target.row, target.col))
                return True
        return False

    def _move_by(self, rows: int, cols: int) -> None:
        """Move to the next input cell (skipping labels, headers and totals), within the table."""
        index = self.currentIndex()
        model = self.table_model
        if not index.isValid():
            self._land_first()
            return
        g = model.grid_cell(index.row(), index.column())
        r, c = index.row(), index.column()
        if g is not None:
            r = g.row + g.rowspan - 1 if rows > 0 else g.row
            c = g.col + g.colspan - 1 if cols > 0 else g.col
        if rows:  # Enter and the vertical arrows keep to the column
            if not self._move_to_column(rows, c if rows > 0 else index.column()):
                self.sig_message.emit(
                    self.tr("已是本表最后一行可填写的格子。") if rows > 0 else self.tr("已是本表第一行可填写的格子。")
                )
            return
        while True:
            r, c = r + rows, c + cols
            if not (0 <= r < model.rowCount() and 0 <= c < model.columnCount()):
                if cols and 0 <= r < model.rowCount():  # Tab at the end of a row: next row's first value
                    r, c = r + (1 if cols > 0 else -1), (-1 if cols > 0 else model.columnCount())
                    if not 0 <= r < model.rowCount():
                        break
                    continue
                break
            target = self._is_target(r, c)
            if target is not None:
                self._land(model.index(target.row, target.col))
                return
        self.sig_message.emit(
            self.tr("已是本表最后一个可填写的格子。") if cols > 0 else self.tr("已是本表第一个可填写的格子。")
        )

    def _input_positions(self) -> list[tuple[int, int]]:
        return sorted(
            (g.row, g.col) for g in self.table_model.table.grid if self._is_target(g.row, g.col) is not None
        )

    def _land_first(self) -> None:
        positions = self._input_positions()
        if positions:
            self._land(self.table_model.index(*positions[0]))

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Arrows, Home/End, Ctrl+Home/End and PgUp/PgDn land on input cells only."""
        action = QAbstractItemView.CursorAction
        index = self.currentIndex()
        model = self.table_model
        positions = self._input_positions()
        if not positions:
            return index
        if not index.isValid():
            return model.index(*positions[0])
        g = model.grid_cell(index.row(), index.column())
        top, left = (g.row, g.col) if g else (index.row(), index.column())
        bottom = g.row + g.rowspan - 1 if g else top
        right = g.col + g.colspan - 1 if g else left
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        if cursorAction == action.MoveHome and ctrl:
            return model.index(*positions[0])
        if cursorAction == action.MoveEnd and ctrl:
            return model.index(*positions[-1])
        if cursorAction in (action.MoveHome, action.MoveEnd):
            row = [p for p in positions if top <= p[0] <= bottom]
            if row:
                return model.index(*(row[0] if cursorAction == action.MoveHome else row[-1]))
            return index
        steps = {
            action.MoveUp: (-1, 0), action.MoveDown: (1, 0), action.MoveLeft: (0, -1), action.MoveRight: (0, 1),
            action.MovePrevious: (0, -1), action.MoveNext: (0, 1),
        }
        if cursorAction in (action.MovePageUp, action.MovePageDown):
            visible = max(self.viewport().height() // max(ROW_HEIGHT, 1) - 1, 1)
            down = cursorAction == action.MovePageDown
            candidates = [p for p in positions if (p[0] > bottom if down else p[0] < top) and
                          self._covers(p, index.column())]
            if not candidates:
                return index
            candidates.sort(key=lambda p: abs(p[0] - top))
            return model.index(*candidates[min(visible, len(candidates)) - 1])
        if cursorAction not in steps:
            return index
        dr, dc = steps[cursorAction]
        r, c = (bottom if dr > 0 else top), (right if dc > 0 else left)
        if dr:
            c = index.column()
        else:
            r = index.row()
        while 0 <= r + dr < model.rowCount() and 0 <= c + dc < model.columnCount():
            r, c = r + dr, c + dc
            target = self._is_target(r, c)
            if target is not None:
                return model.index(target.row, target.col)
        return index

    def selectionCommand(
        self, index: QModelIndex | QPersistentModelIndex, event: QEvent | None = None
    ) -> QItemSelectionModel.SelectionFlag:
        """Ctrl+Home/End select the cell they land on (Qt would leave the old selection shown)."""
        if isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Home, Qt.Key.Key_End) \
                and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            return QItemSelectionModel.SelectionFlag.ClearAndSelect
        return super().selectionCommand(index, event)

    def _covers(self, position: tuple[int, int], column: int) -> bool:
        g = self.table_model.grid_cell(*position)
        return g is not None and g.col <= column < g.col + g.colspan

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click on a row label selects the row's input cells (as a row header does in Excel)."""
        if self.restore_rows():
            event.accept()  # the click brings the rows back; the next one selects
            return
        index = self.indexAt(event.position().toPoint())
        g = self.table_model.grid_cell(index.row(), index.column()) if index.isValid() else None
        if g is not None and g.cell_id is None and event.button() == Qt.MouseButton.LeftButton:
            if g.role in ("label", "group") and g.row >= self.table_model.frozen_rows():
                self.select_rows(g.row, g.row + g.rowspan - 1)
            else:
                self.sig_message.emit(self.tr("表头不能填写。请点击白色的格子。"))
            self.setFocus()
            event.accept()
            return
        super().mousePressEvent(event)

    def select_rows(self, first: int, last: int) -> None:
        """Select every input cell in grid rows *first*..*last*; the first becomes the current cell."""
        cells = [p for p in self._input_positions() if first <= p[0] <= last]
        if not cells:
            return
        selection = QItemSelection()
        for r, c in cells:
            index = self.table_model.index(r, c)
            selection.select(index, index)
        self._land(self.table_model.index(*cells[0]))
        self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

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
        elif self._selected_cell_ids():
            self.sig_message.emit(self.tr("选中的是自动计算的合计，不能清除；请选中要清除的数字。"))

    def paste_text(self, text: str, html: str = "") -> PastePlan:
        index = self.currentIndex()
        selected = self.selectionModel().selectedIndexes()
        if selected:
            index = min(selected, key=lambda i: (i.row(), i.column()))
        if not index.isValid():
            index = self.table_model.index(0, 0)
        targets = self._selected_cell_ids() if len(selected) > 1 else []
        single = single_figure(text, html) if len(targets) > 1 else None
        if single is not None:  # one copied figure on a selection of cells fills them all, as in Excel
            plan = plan_fill(self.table_model, targets, single)
        else:
            plan = plan_paste(self.table_model, index.row(), index.column(), text, html)
        if plan.edits:
            self.table_model.controller.edit_cells(plan.edits, origin="pasted", text=self.tr("粘贴"))
        check_totals(self.table_model, plan)
        self.sig_pasted.emit(plan)
        return plan

    def paste_clipboard(self) -> PastePlan | None:
        mime = QGuiApplication.clipboard().mimeData()
        text = mime.text() if mime is not None and mime.hasText() else ""
        html = mime.html() if mime is not None and mime.hasHtml() else ""
        if not text.strip() and not html.strip():
            self.sig_message.emit(self.tr("剪贴板里没有可粘贴的文字。"))
            return None
        return self.paste_text(text, html)

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
        """Select exactly these cells (those in this table) and scroll so that as many as fit show, all if they can."""
        selection = QItemSelection()
        indexes = []
        for cid in cell_ids:
            index = self.table_model.index_of(cid)
            if index.isValid():
                selection.select(index, index)
                indexes.append(index)
        if not indexes:
            return
        first = min(indexes, key=lambda i: (i.row(), i.column()))
        last = max(indexes, key=lambda i: (i.row(), i.column()))
        right = max(indexes, key=lambda i: i.column())
        self.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.restore_rows()
        for index in (last, right, first):  # the far cells first, then back to the first one
            self.scrollTo(index)
        if not all(self.cell_visible(c) for c in cell_ids if self.table_model.index_of(c).isValid()):
            self._collapse_rows_between(indexes)
        self.setFocus()

    def _collapse_rows_between(self, indexes: list[QModelIndex]) -> None:
        """Too far apart to show at once: fold away the rows between them until the next key or click."""
        involved = set()
        for index in indexes:
            g = self.table_model.grid_cell(index.row(), index.column())
            involved |= set(range(g.row, g.row + g.rowspan)) if g is not None else {index.row()}
        top, bottom = min(involved), max(involved)
        rows = [r for r in range(max(top, self._frozen_rows), bottom + 1) if r not in involved]
        if not rows:
            return
        for view in [self, *(overlay for overlay, _x, _y in self._overlays)]:
            for r in rows:
                view.setRowHidden(r, True)
        self._collapsed = rows
        self.setMaximumHeight(self.total_height() + 2)
        first = min(indexes, key=lambda i: (i.row(), i.column()))
        self.scrollTo(first)
        self._sync_overlays()
        self.sig_message.emit(
            self.tr("为同时显示涉及的全部格子，暂时收起了中间 {0} 行；按任意键或点击表格即恢复。").format(len(rows))
        )

    def restore_rows(self) -> bool:
        """Show the rows folded away for a finding; True when there were any."""
        rows = getattr(self, "_collapsed", [])
        if not rows:
            return False
        for view in [self, *(overlay for overlay, _x, _y in self._overlays)]:
            for r in rows:
                view.setRowHidden(r, False)
        self._collapsed = []
        self.setMaximumHeight(self.total_height() + 2)
        self._sync_overlays()
        self.scrollTo(self.currentIndex())
        self.sig_message.emit("")
        return True

    def cell_visible(self, cell_id: str) -> bool:
        """Whether the cell is wholly inside the viewport and not under the frozen headers."""
        index = self.table_model.index_of(cell_id)
        rect = self.visualRect(index)
        width, height = self._frozen_size()
        area = self.viewport().rect()
        return rect.isValid() and area.contains(rect) and rect.top() >= height - 1 and \
            (rect.left() >= width - 1 or index.column() < self._frozen_cols)
