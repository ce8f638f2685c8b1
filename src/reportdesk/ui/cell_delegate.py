"""Drawing and editing one table cell.

The editor is a line edit.  Text that is not a valid figure is refused in place: the
editor stays open, turns red and shows the parser's reason; Enter/Tab only commit a
valid value.  A blank input cell is drawn with a faint "空" so that it never looks
like a 0.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from reportdesk.core.numbers import ValueParseError, parse_value
from reportdesk.ui.table_model import BLANK_ROLE, KIND_ROLE, PREVIOUS_ROLE, ReportTableModel

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex
_INVALID_STYLE = "QLineEdit { background: #fde2e1; border: 2px solid #c0392b; }"

# Keys that end an edit; the view then moves the cursor as for the same key outside an editor.
MOVE_KEYS = frozenset({
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
    Qt.Key.Key_Tab,
    Qt.Key.Key_Backtab,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
})


class CellDelegate(QStyledItemDelegate):
    sig_rejected = Signal(str)  # the parser's message for refused input
    sig_commit_move = Signal(int, bool)  # after a commit: the key (Qt.Key) and whether Shift was held

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._editor_index: dict[int, QPersistentModelIndex] = {}

    # --- painting ----------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        super().paint(painter, option, index)
        previous = index.data(PREVIOUS_ROLE)
        if index.data(BLANK_ROLE) and index.data(KIND_ROLE) == "input":
            painter.save()
            painter.setPen(QColor("#b9a66b"))
            painter.drawText(
                option.rect.adjusted(4, 0, -6, 0),
                int((Qt.AlignmentFlag.AlignRight if previous else Qt.AlignmentFlag.AlignHCenter)
                    | Qt.AlignmentFlag.AlignVCenter),
                self.tr("空"),
            )
            painter.restore()
        if previous:  # 显示上年数字: last year's figure, small and grey, in the top-left corner
            painter.save()
            font = QFont(option.font)
            font.setPointSizeF(max(option.font.pointSizeF() * 0.75, 6.0))
            painter.setFont(font)
            painter.setPen(QColor("#7b8494"))
            painter.drawText(
                option.rect.adjusted(3, 1, -3, -1),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                previous,
            )
            painter.restore()

    # --- editing -----------------------------------------------------------------------------

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setFrame(False)
        editor.textEdited.connect(lambda _text, e=editor: self._clear_invalid(e))
        editor.installEventFilter(self)
        key = id(editor)
        self._editor_index[key] = QPersistentModelIndex(index)
        editor.destroyed.connect(lambda _obj=None: self._editor_index.pop(key, None))
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        if not editor.text():
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: Any, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        if self.validate(editor, index) is not None:
            return
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def validate(self, editor: QLineEdit, index: _Index) -> str | None:
        """The reason the editor's text is refused, or None when it is a valid figure."""
        model = index.model()
        if not isinstance(model, ReportTableModel):
            return None
        d = model.cell_def(index)
        if d is None:
            return None
        try:
            parse_value(editor.text(), d.type)
        except ValueParseError as exc:
            return exc.message
        return None

    def _clear_invalid(self, editor: QLineEdit) -> None:
        if editor.styleSheet():
            editor.setStyleSheet("")
            QToolTip.hideText()

    def _refuse(self, editor: QLineEdit, message: str) -> None:
        editor.setStyleSheet(_INVALID_STYLE)
        editor.setToolTip(message)
        QToolTip.showText(editor.mapToGlobal(editor.rect().bottomLeft()), message, editor)
        self.sig_rejected.emit(message)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if isinstance(obj, QLineEdit) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = Qt.Key(event.key())
            if key == Qt.Key.Key_Escape:
                self.closeEditor.emit(obj, QAbstractItemDelegate.EndEditHint.RevertModelCache)
                return True
            if key in MOVE_KEYS:
                index = self._editor_index.get(id(obj))
                if index is None or not index.isValid():
                    return False
                message = self.validate(obj, index)
                if message is not None:
                    self._refuse(obj, message)
                    return True
                self.commitData.emit(obj)
                self.closeEditor.emit(obj, QAbstractItemDelegate.EndEditHint.NoHint)
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.sig_commit_move.emit(int(key), shift)
                return True
        if isinstance(obj, QLineEdit) and event.type() == QEvent.Type.FocusOut:
            index = self._editor_index.get(id(obj))
            if index is not None and index.isValid():
                message = self.validate(obj, index)
                if message is not None:
                    self.sig_rejected.emit(message)
        return super().eventFilter(obj, event)
