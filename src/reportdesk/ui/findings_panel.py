"""The findings of the draft: errors first, then warnings, then accepted warnings (greyed, with
their reason); a click goes to the cells or the sentence, and a warning can be accepted with a
reason (接受此警告…) or the acceptance withdrawn (撤销接受)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reportdesk.app.session import Acceptance
from reportdesk.core.findings import Finding, FindingAction

log = logging.getLogger(__name__)

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
ACCEPTED_ROLE = Qt.ItemDataRole.UserRole + 2  # the reason (str) of a warning accepted and still valid
ACCEPTED_COLOUR = QColor("#8a8f98")

def reason_examples() -> tuple[str, ...]:
    """Typical reasons for accepting a warning (translated)."""
    return (
        QCoreApplication.translate("AcceptWarningDialog", "本单位无规章制定权，规章栏为上级文件转发数"),
        QCoreApplication.translate("AcceptWarningDialog", "本年确有文件到期失效，现行有效的文件因此减少"),
        QCoreApplication.translate("AcceptWarningDialog", "上年报告的结转数有误，本年已按实际更正"),
    )


class AcceptWarningDialog(QDialog):
    """Asks why a warning is accepted; OK only with a reason."""

    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        self.setWindowTitle(self.tr("接受警告"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        message = QLabel(finding.message, self)
        message.setWordWrap(True)
        layout.addWidget(message)
        layout.addWidget(QLabel(self.tr("请写明接受这条警告的理由（会保存在草稿中，并列入 Excel 的“校验结果”）："), self))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("例如：{0}").format(reason_examples()[0]))
        layout.addWidget(self.reason)
        examples = QLabel(self.tr("常见理由：") + "；".join(reason_examples()), self)
        examples.setWordWrap(True)
        examples.setStyleSheet("color: #666;")
        layout.addWidget(examples)
        from PySide6.QtWidgets import QDialogButtonBox  # built on first use, not at start-up

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("接受"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.ok_button.setEnabled(False)
        self.reason.textChanged.connect(lambda t: self.ok_button.setEnabled(bool(t.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def reason_text(self) -> str:
        return self.reason.text().strip()


class FindingsPanel(QWidget):
    sig_finding_activated = Signal(object)  # Finding
    sig_accept_requested = Signal(object)  # Finding (a warning)
    sig_withdraw_requested = Signal(str)  # Finding.key
    sig_action_requested = Signal(object)  # Finding with an action (将空白单元格填为 0)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemClicked.connect(self._on_item_activated)
        self.list.itemActivated.connect(self._on_item_activated)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.accept_button = QPushButton(self.tr("接受此警告…"), self)
        self.accept_button.setToolTip(self.tr("核实无误的警告可以写明理由后接受；错误不能接受，只能改正。"))
        self.withdraw_button = QPushButton(self.tr("撤销接受"), self)
        self.action_button = QPushButton(self.tr("将空白单元格填为 0"), self)
        self.action_button.setToolTip(self.tr("把这条提示列出的空白单元格都填为 0（可撤销）；有数字的格子请直接填写实际数字。"))
        self.accept_button.clicked.connect(self._on_accept_clicked)
        self.withdraw_button.clicked.connect(self._on_withdraw_clicked)
        self.action_button.clicked.connect(self._on_action_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.action_button)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.findings: list[Finding] = []
        self.acceptances: dict[str, Acceptance] = {}
        self._icons: dict[str, QIcon] = {}  # made when a first finding is shown (a draft without any needs none)
        self._update_buttons()

    def _icon(self, kind: str) -> QIcon:
        """The style's error or warning icon, or the warning greyed for an accepted one."""
        if not self._icons:
            from PySide6.QtWidgets import QStyle

            style = self.style()
            warning = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            self._icons = {"error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                           "warning": warning,
                           "accepted": QIcon(warning.pixmap(32, 32, QIcon.Mode.Disabled))}
        return self._icons[kind]

    def is_accepted(self, finding: Finding) -> bool:
        a = self.acceptances.get(finding.key)
        return a is not None and a.current and not finding.is_error

    def set_findings(self, findings: list[Finding], acceptances: dict[str, Acceptance] | None = None) -> None:
        acceptances = dict(acceptances or {})
        if findings == self.findings and acceptances == self.acceptances and self.summary.text():
            return  # unchanged and already shown (a clean draft still gets its "没有发现问题")
        self.findings = list(findings)
        self.acceptances = acceptances
        current = self.list.currentItem()
        current_key = current.data(FINDING_ROLE).key if current is not None else None
        self.list.setUpdatesEnabled(False)
        self.list.clear()
        ordered = [f for f in self.findings if not self.is_accepted(f)] + [
            f for f in self.findings if self.is_accepted(f)
        ]
        for f in ordered:
            self.list.addItem(self._item(f))
            if f.key == current_key:
                self.list.setCurrentRow(self.list.count() - 1)
        self.list.setUpdatesEnabled(True)
        errors, warnings = self.counts()
        accepted = self.accepted_count()
        if not self.findings:
            self.summary.setText(self.tr("没有发现问题。"))
        elif accepted:
            self.summary.setText(
                self.tr("{0} 个错误，{1} 个提示，{2} 个已接受").format(errors, warnings, accepted)
            )
        else:
            self.summary.setText(self.tr("{0} 个错误，{1} 个提示").format(errors, warnings))
        self._update_buttons()

    def _item(self, f: Finding) -> QListWidgetItem:
        tip = f.message + (f"\n{f.advice}" if f.advice else "")
        acceptance = self.acceptances.get(f.key)
        if self.is_accepted(f):
            assert acceptance is not None
            item = QListWidgetItem(self._icon("accepted"), self.tr("〔已接受〕{0}\n理由：{1}").format(f.message, acceptance.reason))
            item.setForeground(QBrush(ACCEPTED_COLOUR))
            item.setData(ACCEPTED_ROLE, acceptance.reason)
            tip += self.tr("\n已接受，理由：{0}\n（相关数字或文字改动后会重新打开）").format(acceptance.reason)
        else:
            text = f.message
            if acceptance is not None and not f.is_error:
                text += self.tr("\n（曾接受，理由：{0}；相关数字或文字已改动，请重新核对）").format(acceptance.reason)
            item = QListWidgetItem(self._icon("error" if f.is_error else "warning"), text)
        item.setToolTip(tip)
        item.setData(FINDING_ROLE, f)
        return item

    def counts(self) -> tuple[int, int]:
        """Errors, and the warnings not accepted."""
        errors = sum(1 for f in self.findings if f.is_error)
        return errors, len(self.findings) - errors - self.accepted_count()

    def accepted_count(self) -> int:
        return sum(1 for f in self.findings if self.is_accepted(f))

    def item_for(self, key: str) -> QListWidgetItem | None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(FINDING_ROLE).key == key:
                return item
        return None

    def current_finding(self) -> Finding | None:
        item = self.list.currentItem()
        return item.data(FINDING_ROLE) if item is not None else None

    def _update_buttons(self) -> None:
        f = self.current_finding()
        self.accept_button.setEnabled(f is not None and not f.is_error and not self.is_accepted(f))
        self.withdraw_button.setEnabled(f is not None and f.key in self.acceptances)
        self.action_button.setVisible(f is not None and f.action is FindingAction.FILL_BLANKS)

    def _on_action_clicked(self) -> None:
        f = self.current_finding()
        if f is not None and f.action:
            self.sig_action_requested.emit(f)

    def _on_accept_clicked(self) -> None:
        f = self.current_finding()
        if f is not None and not f.is_error:
            self.sig_accept_requested.emit(f)

    def _on_withdraw_clicked(self) -> None:
        f = self.current_finding()
        if f is not None:
            self.sig_withdraw_requested.emit(f.key)

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        finding = item.data(FINDING_ROLE)
        if finding is not None:
            self.sig_finding_activated.emit(finding)
