"""A statistical table of the form as a Qt model: the official grid, spans and all.

The model is built from ``TableDef.grid``: every drawn cell is a :class:`GridCell`
placed at its row/column, with its span.  Label and header cells are read-only text;
value cells show the draft's values; derived totals are read-only.  Edits are not
written here: ``setData`` parses the text and hands the value to the controller, which
makes it one undoable step.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from reportdesk.core.findings import Finding
from reportdesk.core.form import CellDef, GridCell, TableDef
from reportdesk.core.numbers import ValueParseError, format_value, parse_value
from reportdesk.ui.controller import DraftController

log = logging.getLogger(__name__)

#: Extra data roles the delegate and the views read.
CELL_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # "input", "derived", "label", "head", ...
BLANK_ROLE = Qt.ItemDataRole.UserRole + 3  # 1 for an input/derived cell without a value, else 0
# (ints, not bools: PySide6 6.12 on Python 3.11 loses a reference to True/False on every
# bool that goes through a QVariant from data(), and the interpreter aborts at exit.)
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 4  # "error", "warning" or None
PREVIOUS_ROLE = Qt.ItemDataRole.UserRole + 5  # last year's figure as text, when 显示上年数字 is on
ORIGIN_ROLE = Qt.ItemDataRole.UserRole + 6  # "typed", "pasted", "imported", "carried" or None

_LABEL_BG = QColor("#f3f4f6")
_HEAD_BG = QColor("#e8ecf2")
_DERIVED_BG = QColor("#eef2f7")
_BLANK_BG = QColor("#fffbea")
_ERROR_BG = QColor("#fbd5d5")
_WARNING_BG = QColor("#ffe9c2")
_CARRIED_BG = QColor("#e7f0fd")
_CARRIED_FG = QColor("#1d4ed8")

#: Findings that need no tint: a blank cell already looks blank.
UNTINTED_RULES = frozenset({"blank"})

_Index = QModelIndex | QPersistentModelIndex


class ReportTableModel(QAbstractTableModel):
    def __init__(self, controller: DraftController, table: TableDef, parent: Any = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.table = table
        self._cells: dict[str, CellDef] = {
            cid: d for cid, d in controller.form.cells.items() if d.table == table.id
        }
        self._anchor: dict[tuple[int, int], GridCell] = {}  # every covered position -> its cell
        self._position: dict[str, tuple[int, int]] = {}  # cell id -> top-left
        for g in table.grid:
            for r in range(g.row, g.row + g.rowspan):
                for c in range(g.col, g.col + g.colspan):
                    self._anchor[(r, c)] = g
            if g.cell_id:
                self._position[g.cell_id] = (g.row, g.col)
        self._help = self._row_help(table)
        self.table_cell_ids = frozenset(self._position)
        self._notes: dict[str, list[Finding]] = {}
        self.last_error = ""
        controller.sig_changed.connect(self._on_controller_changed)
        controller.sig_findings_changed.connect(self._on_findings_changed)
        controller.sig_previous_changed.connect(self._on_previous_changed)
        self._on_findings_changed(controller.findings)

    @staticmethod
    def _row_help(table: TableDef) -> dict[tuple[int, int], str]:
        """Tooltips for the row-label cells: the label cell of a grid row names the row of its values."""
        by_label = {r.label: r for r in table.rows}
        result: dict[tuple[int, int], str] = {}
        for g in table.grid:
            row = by_label.get(g.text) if g.cell_id is None and g.role == "label" else None
            if row is not None and row.help:
                result[(g.row, g.col)] = f"{row.label}\n{row.help}"
        return result

    # --- geometry ------------------------------------------------------------------------

    def spans(self) -> Iterable[GridCell]:
        return (g for g in self.table.grid if g.rowspan > 1 or g.colspan > 1)

    def grid_cell(self, row: int, col: int) -> GridCell | None:
        return self._anchor.get((row, col))

    def index_of(self, cell_id: str) -> QModelIndex:
        pos = self._position.get(cell_id)
        return self.index(*pos) if pos else QModelIndex()

    def cell_id(self, index: _Index) -> str | None:
        g = self._anchor.get((index.row(), index.column())) if index.isValid() else None
        return g.cell_id if g else None

    def cell_def(self, index: _Index) -> CellDef | None:
        cid = self.cell_id(index)
        return self._cells.get(cid) if cid else None

    def is_input(self, index: _Index) -> bool:
        d = self.cell_def(index)
        return d is not None and not d.derived

    def input_cell_ids(self) -> list[str]:
        return [cid for cid, d in self._cells.items() if not d.derived]

    def frozen_rows(self) -> int:
        return self.table.header_rows

    def frozen_columns(self) -> int:
        """Label columns that can stay in place: no span crosses out of them below the header."""
        body = [g for g in self.table.grid if g.row >= self.table.header_rows]
        value_cols = [g.col for g in body if g.cell_id]
        if not value_cols:
            return 0
        n = min(value_cols)
        if any(g.col < n < g.col + g.colspan for g in self.table.grid):
            return 0
        return n

    # --- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.table.n_rows

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.table.n_cols

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        d = self.cell_def(index)
        if d is None:
            return Qt.ItemFlag.ItemIsEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not d.derived:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        g = self._anchor.get((index.row(), index.column()))
        if g is None or (g.row, g.col) != (index.row(), index.column()):
            return None
        if g.cell_id is None:
            return self._label_data(g, role)
        return self._value_data(g.cell_id, role)

    def _label_data(self, g: GridCell, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return g.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._help.get((g.row, g.col)) or (g.text if len(g.text) > 12 else None)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_LABEL_BG if g.role == "label" else _HEAD_BG)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if g.role == "label":
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and g.role in ("head", "item", "group"):
            font = QFont()
            font.setBold(True)
            return font
        if role == KIND_ROLE:
            return g.role
        return None

    def _value_data(self, cid: str, role: int) -> Any:
        d = self._cells[cid]
        value = self.controller.values.get(cid)
        if role == Qt.ItemDataRole.DisplayRole:
            return format_value(value)
        if role == Qt.ItemDataRole.EditRole:
            return format_value(value)
        if role == CELL_ID_ROLE:
            return cid
        if role == KIND_ROLE:
            return "derived" if d.derived else "input"
        if role == BLANK_ROLE:
            return 1 if value is None else 0
        if role == SEVERITY_ROLE:
            return self._severity(cid)
        if role == ORIGIN_ROLE:
            return self.controller.session.origin(cid) if value is not None else None
        if role == PREVIOUS_ROLE:
            return self._previous_text(cid)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            severity = self._severity(cid)
            if severity == "error":
                return QBrush(_ERROR_BG)
            if severity == "warning":
                return QBrush(_WARNING_BG)
            if d.derived:
                return QBrush(_DERIVED_BG)
            if value is None:
                return QBrush(_BLANK_BG)
            if self.controller.session.origin(cid) == "carried":
                return QBrush(_CARRIED_BG)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and value is not None \
                and self.controller.session.origin(cid) == "carried":
            return QBrush(_CARRIED_FG)
        if role == Qt.ItemDataRole.FontRole and d.derived:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [d.label]
            if d.derived:
                lines.append(self.tr("自动计算，不能直接填写。"))
            elif value is None:
                lines.append(self.tr("空白（没有数据请填 0）"))
            origin = self.controller.session.origin(cid) if value is not None else None
            if origin == "carried":
                lines.append(self.tr("从上年报告的“结转下年度继续办理”结转而来（改动后即为本年填写）。"))
            elif origin == "imported":
                lines.append(self.tr("从文件导入。"))
            if self.controller.previous is not None:
                lines.append(self.tr("上年：{0}").format(format_value(self.controller.previous_values.get(cid))
                                                      or self.tr("空白")))
            lines += [(self.tr("错误：{0}") if f.is_error else self.tr("提示：{0}")).format(f.message)
                      for f in self._notes.get(cid, ())]
            return "\n".join(lines)
        return None

    def _previous_text(self, cid: str) -> str | None:
        """Last year's figure to draw in the cell: None when hidden or last year's report is unknown."""
        if not self.controller.show_previous or self.controller.previous is None:
            return None
        return format_value(self.controller.previous_values.get(cid)) or "—"

    def _severity(self, cid: str) -> str | None:
        notes = [f for f in self._notes.get(cid, ()) if f.rule not in UNTINTED_RULES]
        if not notes:
            return None
        return "error" if any(f.is_error for f in notes) else "warning"

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.is_input(index):
            return False
        d = self.cell_def(index)
        assert d is not None
        try:
            parsed = parse_value(value, d.type)
        except ValueParseError as exc:
            self.last_error = exc.message
            return False
        self.last_error = ""
        self.controller.edit_cells({d.id: parsed})
        return True

    # --- refresh -----------------------------------------------------------------------------

    def _on_controller_changed(self, changes: Any) -> None:
        for cid in changes.cells:
            index = self.index_of(cid)
            if index.isValid():
                self.dataChanged.emit(index, index)

    def _on_previous_changed(self) -> None:
        if self.table.n_rows and self.table.n_cols:
            self.dataChanged.emit(self.index(0, 0), self.index(self.table.n_rows - 1, self.table.n_cols - 1))

    def _on_findings_changed(self, findings: list[Finding]) -> None:
        old = self._notes
        notes: dict[str, list[Finding]] = {}
        for f in findings:
            for cid in f.cells:
                if cid in self._cells:
                    notes.setdefault(cid, []).append(f)
        self._notes = notes
        for cid in set(old) | set(notes):
            if old.get(cid) != notes.get(cid):
                index = self.index_of(cid)
                self.dataChanged.emit(index, index)
