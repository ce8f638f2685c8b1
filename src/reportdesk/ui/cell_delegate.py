"""Drawing and editing one table cell.

The editor is a line edit.  Text that is not a valid figure is refused in place: the
editor stays open, turns red and shows the parser's reason; Enter/Tab only commit a
valid value.  A blank input cell is drawn with a faint "空" so that it never looks
like a 0.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QKeyEvent, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from reportdesk.core.numbers import ValueParseError, normalise_text, parse_value
from reportdesk.ui.table_model import BLANK_ROLE, KIND_ROLE, PREVIOUS_ROLE, ReportTableModel

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex
_INVALID_STYLE = "QLineEdit { background: #fde2e1; border: 2px solid #c0392b; }"
# White space inside a figure is read as a thousands separator only where it groups thousands.
_SPACED_THOUSANDS = re.compile(r"^\d{1,3}( \d{3})+(\.\d+)?$", re.ASCII)
_UNIT = re.compile(r"\s*(万元|件|个|项|条)$")

# Keys that end an edit; the view then moves the cursor as for the same key outside an editor.
MOVE_KEYS = frozenset({
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
    Qt.Key.Key_Tab,
    Qt.Key.Key_Backtab,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
})


def several_figures(text: str) -> str | None:
    """Why *text* is more than one figure for one cell (a tab, a line break, "12 5"), or None.

    The parser drops white space inside a figure ("1 234" is 1234), so "3⇥4" pasted into an
    open cell or "12 5" typed by mistake would become 34 or 125 without a word.
    """
    inner = text.strip()
    if any(ch in inner for ch in "\t\r\n"):
        return QCoreApplication.translate(
            "CellDelegate",
            "“{0}”是多个数字（含制表符或换行），一个格子只能填一个数字；整块数字请按 Esc 退出编辑后再按 Ctrl+V 粘贴。",
        ).format(" ".join(inner.split())[:24])
    folded = " ".join(inner.translate({0x3000: 0x20, 0xA0: 0x20, 0x202F: 0x20}).split())
    ascii_digits = "".join(chr(ord(ch) - 0xFEE0) if "０" <= ch <= "９" else ch for ch in folded)
    core = _UNIT.sub("", ascii_digits)
    if re.search(r"\d\s+\d", core) and not _SPACED_THOUSANDS.match(core):
        return QCoreApplication.translate(
            "CellDelegate",
            "“{0}”中间有空格，看不出是一个数字还是几个；一个格子只填一个数字，若是 {1} 请去掉空格。",
        ).format(folded, normalise_text(core))
    return None


class CellEditor(QLineEdit):
    """The line edit of a cell: a block of figures pasted into it goes to the grid, not into this one cell."""

    sig_block_paste = Signal(QLineEdit)

    def paste_clipboard(self) -> None:
        """编辑 › 粘贴 and Ctrl+V: one figure goes into the text; a block is pasted in the table from this cell."""
        mime = QGuiApplication.clipboard().mimeData()
        text = mime.text() if mime is not None and mime.hasText() else ""
        html = mime.html() if mime is not None and mime.hasHtml() else ""
        if any(ch in text.strip() for ch in "\t\r\n") or ("<td" in html.lower() and html.lower().count("<td") > 1):
            self.sig_block_paste.emit(self)
        elif text.strip():
            self.insert(text.strip())  # one Excel cell comes with a line end: not part of the figure


class CellDelegate(QStyledItemDelegate):
    sig_rejected = Signal(str)  # the parser's message for refused input
    sig_commit_move = Signal(int, bool)  # after a commit: the key (Qt.Key) and whether Shift was held
    sig_block_paste = Signal()  # a block was pasted into an open editor: the view pastes it in the grid

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
        editor = CellEditor(parent)
        editor.sig_block_paste.connect(self._paste_block)
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
        several = several_figures(editor.text())
        if several is not None:
            return several
        try:
            parse_value(editor.text(), d.type)
        except ValueParseError as exc:
            return exc.message
        return None

    def not_written(self, editor: QLineEdit) -> str | None:
        """The note for an editor closing with text that is not a figure (nothing is written), else None."""
        index = self._editor_index.get(id(editor))
        message = self.validate(editor, index) if index is not None and index.isValid() else None
        if index is None or message is None:
            return None
        model = index.model()
        d = model.cell_def(index) if isinstance(model, ReportTableModel) else None
        return self.tr("“{0}”没有改动（输入的内容没有写入）：{1}").format(d.label if d is not None else "", message)

    def _paste_block(self, editor: QLineEdit) -> None:
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)
        self.sig_block_paste.emit()

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
            if isinstance(obj, CellEditor) and event.matches(QKeySequence.StandardKey.Paste):
                obj.paste_clipboard()
                return True
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
                    # Stay open with the text and the reason (Qt would close the editor and drop what
                    # was typed): a click on the navigator or another pane must not lose it unseen.
                    obj.setStyleSheet(_INVALID_STYLE)
                    obj.setToolTip(message)
                    self.sig_rejected.emit(message)
                    return False
        return super().eventFilter(obj, event)
