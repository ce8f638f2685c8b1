"""The list of steps on the left, each with its state, and the overall progress."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QProgressBar, QVBoxLayout, QWidget

from reportdesk.core.self_review import SelfReviewMark
from reportdesk.ui.steps import STATE_COLOURS, Step, StepState, state_name

log = logging.getLogger(__name__)

STEP_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_ROLE = Qt.ItemDataRole.UserRole + 2
SELF_REVIEW_ROLE = Qt.ItemDataRole.UserRole + 3  # "ok" (已自查), "stale" (changed since), or None
TITLE_ROLE = Qt.ItemDataRole.UserRole + 4
STALE_COLOUR = QColor("#c62828")


def _dot(colour: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 12, 12)
    painter.end()
    return QIcon(pixmap)


class SectionNavigator(QWidget):
    sig_step_selected = Signal(str)

    def __init__(self, steps: list[Step], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.list.setIconSize(QSize(14, 14))
        self.list.setSpacing(2)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)  # the fill never hides the count: it is in the label above
        self.progress.setMaximumHeight(8)
        self.progress_label = QLabel(self)
        self._icons = {state: _dot(colour) for state, colour in STATE_COLOURS.items()}
        for step in steps:
            item = QListWidgetItem(step.title)
            item.setData(STEP_ROLE, step.id)
            item.setData(TITLE_ROLE, step.title)
            self.list.addItem(item)
        self.progress.setRange(0, len(steps) - 1)
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.completion = QLabel(self)
        self.completion.setWordWrap(True)
        self.completion.setVisible(False)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.completion)
        self.setMinimumWidth(170)

    def step_ids(self) -> list[str]:
        return [self.list.item(i).data(STEP_ROLE) for i in range(self.list.count())]

    def current_step(self) -> str:
        item = self.list.currentItem()
        return item.data(STEP_ROLE) if item else ""

    def select_step(self, step: str) -> None:
        ids = self.step_ids()
        if step in ids and self.current_step() != step:
            self.list.setCurrentRow(ids.index(step))

    def state(self, step: str) -> StepState:
        return StepState(self.list.item(self.step_ids().index(step)).data(STATE_ROLE))

    def set_states(self, states: dict[str, StepState], reasons: dict[str, str] | None = None) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            state = states.get(item.data(STEP_ROLE), StepState.NOT_STARTED)
            if item.data(STATE_ROLE) != state:
                item.setData(STATE_ROLE, state)
                item.setIcon(self._icons[state])
            reason = (reasons or {}).get(item.data(STEP_ROLE), "")
            item.setToolTip(self.tr("状态：{0}").format(state_name(state)) + (f"\n{reason}" if reason else ""))
        done = sum(1 for step, state in states.items() if step != "export" and state is StepState.COMPLETE)
        self.progress.setValue(done)
        self.progress_label.setText(self.tr("完成 {0} / {1} 步").format(done, self.progress.maximum()))

    def self_review_mark(self, step: str) -> str | None:
        return self.list.item(self.step_ids().index(step)).data(SELF_REVIEW_ROLE)

    def set_self_reviews(self, reviews: dict[str, SelfReviewMark]) -> None:
        """Show each step's 已自查 tick: ✓ in the list, red ✗ when the step changed after the tick."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            review = reviews.get(item.data(STEP_ROLE))
            mark = None if review is None else "ok" if review.current else "stale"
            if item.data(SELF_REVIEW_ROLE) == mark:
                continue
            item.setData(SELF_REVIEW_ROLE, mark)
            title = item.data(TITLE_ROLE)
            if review is None:
                item.setText(title)
                item.setData(Qt.ItemDataRole.ForegroundRole, None)
            elif review.current:
                item.setText(title + self.tr("  ✓已自查"))
                item.setData(Qt.ItemDataRole.ForegroundRole, None)
            else:
                item.setText(title + self.tr("  ✗自查后有改动"))
                item.setForeground(QBrush(STALE_COLOUR))

    def set_completion(self, review: SelfReviewMark | None) -> None:
        """已完成: who and when, or that the report changed after it was marked."""
        if review is None:
            self.completion.setVisible(False)
            return
        if review.current:
            self.completion.setText(self.tr("已完成：{0}，{1}").format(review.by, review.when))
            self.completion.setStyleSheet("color: #1e7d32; font-weight: bold;")
        else:
            self.completion.setText(
                self.tr("{0} 于 {1} 标记为已完成，之后又有修改，请重新检查并标记。").format(review.by, review.when)
            )
            self.completion.setStyleSheet("color: #c62828;")
        self.completion.setVisible(True)

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.sig_step_selected.emit(current.data(STEP_ROLE))
