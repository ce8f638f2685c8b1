"""基本信息: agency, year, contact details and the preamble."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from reportdesk.core.report import EXTRA_TEXTS, META_FIELDS
from reportdesk.ui.controller import DraftController
from reportdesk.ui.text_page import TextSectionPage
from reportdesk.ui.year_spin_box import YearSpinBox

log = logging.getLogger(__name__)


class MetaPage(QWidget):
    def __init__(self, controller: DraftController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        report = controller.session.report
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h2>基本信息</h2>"), self))
        form = QFormLayout()
        self.agency = QLineEdit(report.agency, self)
        self.agency.setPlaceholderText(self.tr("如：某市人力资源和社会保障局"))
        self.agency.editingFinished.connect(self._on_agency_edited)
        form.addRow(self.tr("单位名称"), self.agency)
        self.year = YearSpinBox(self)
        first = controller.form.valid_from_year  # the years the draft's form applies to
        self.year.setRange(min(first, report.year or first), max(controller.form.valid_to_year or 2100,
                                                                 report.year or first))
        self.year.setValue(report.year or first)
        self.year.editingFinished.connect(self._on_year_edited)
        form.addRow(self.tr("报告年度"), self.year)
        self.fields: dict[str, QLineEdit] = {}
        for key, name in META_FIELDS.items():
            edit = QLineEdit(report.meta.get(key, ""), self)
            edit.editingFinished.connect(lambda k=key, e=edit: self._on_field_edited(k, e))
            form.addRow(self.tr(name), edit)
            self.fields[key] = edit
        self.fields["publish_date"].setPlaceholderText(self.tr("如：2024年1月20日"))
        layout.addLayout(form)
        self.preamble = TextSectionPage(controller, "preamble", EXTRA_TEXTS["preamble"], parent=self)
        self.preamble.editor.setPlaceholderText(
            self.tr("报告开头的说明：编制依据、统计期限（自某年1月1日起至12月31日止）、发布网址、联系方式。")
        )
        self.preamble.sig_before_insert.connect(self._commit_fields)
        layout.addWidget(self.preamble, 1)

    def _on_agency_edited(self) -> None:
        name = self.agency.text().strip()
        if name and name != self.controller.session.report.agency:
            self.controller.set_meta(agency=name)

    def _on_year_edited(self) -> None:
        if self.year.value() != self.controller.session.report.year:
            self.controller.set_meta(year=self.year.value())

    def _on_field_edited(self, key: str, edit: QLineEdit) -> None:
        value = edit.text().strip()
        if value != self.controller.session.report.meta.get(key, ""):
            self.controller.set_meta(**{key: value})

    def commit(self) -> None:
        self._commit_fields()
        self.preamble.commit()

    def _commit_fields(self) -> None:
        self._on_agency_edited()
        self._on_year_edited()
        for key, edit in self.fields.items():
            self._on_field_edited(key, edit)
