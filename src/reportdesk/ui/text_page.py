"""A text section: a plain editor with the official sub-headings offered as a scaffold.

Guided writing: 插入数据段落 writes the standard sentences from the tables (in 一、总体情况
under （二）依申请公开), 插入前言 the preamble from the report's details; when a figure
changes after a data paragraph was inserted, a bar offers 更新数据段落.  Findings about
this text (a figure that contradicts the table, a wrong year …) are highlighted in the
editor; activating one selects its sentence and offers to show the table cell.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reportdesk.core.findings import Finding
from reportdesk.core.pattern_cache import compile_pattern
from reportdesk.core.text import paragraphs
from reportdesk.core.typed_text import clean_typed_text
from reportdesk.ui.controller import DraftController

log = logging.getLogger(__name__)

TEXT_COMMIT_MS = 300
ERROR_MARK = QColor("#fbd5d5")
WARNING_MARK = QColor("#ffe9c2")
ACTIVE_MARK = QColor("#f59e9e")

# Which sections offer 插入数据段落 (the others have no standard sentences of their own).
DATA_PARAGRAPH_SECTIONS = ("overview", "requests", "appeals")
# Which sections show last year's text beside the editor: the format asks in 五 how last
# year's problems were addressed.
PREVIOUS_TEXT_SECTIONS = ("problems",)


_SENTENCE_END = tuple("。！？；：”!?;:…")
_HEADING_START = compile_pattern(r"^\s*([一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\(\d+\)|\d+[.、．](?!\d))")


def broken_lines(text: str) -> list[int]:
    """Indexes of the line breaks that break a sentence (as text copied from a PDF has them).

    A break counts when the line before does not end a sentence (。！？；：” …) and the line
    after is neither empty nor a heading ("（二）", "2.", "三、"), and the line before is no
    short heading line of its own.
    """
    breaks = []
    offset = 0
    lines = text.split("\n")
    for i, line in enumerate(lines[:-1]):
        offset += len(line)
        after = lines[i + 1]
        heading_line = bool(_HEADING_START.match(line)) and len(line.strip()) <= 20
        if line.strip() and after.strip() and not line.rstrip().endswith(_SENTENCE_END) \
                and not heading_line and not _HEADING_START.match(after):
            breaks.append(offset)
        offset += 1
    return breaks


def join_broken_lines(text: str) -> tuple[str, int]:
    """*text* with the sentence-breaking line breaks removed; how many were joined."""
    breaks = broken_lines(text)
    out, last = [], 0
    for at in breaks:
        before, after = text[last:at].rstrip(), text[at + 1:].lstrip()
        out.append(before)
        if before[-1:].isascii() and before[-1:].isalnum() and after[:1].isascii() and after[:1].isalnum():
            out.append(" ")  # latin words keep a space
        last = at + 1
        while last < len(text) and text[last] in " \t\u3000":
            last += 1
    out.append(text[last:])
    return "".join(out), len(breaks)


def data_paragraph_place(text: str, heading: str, subheadings: tuple[str, ...]) -> tuple[int, bool]:
    """Where 插入数据段落 goes in 一、总体情况: right under *heading*; whether to add the heading.

    Without the heading, it is created where the official order puts it: before the first later
    sub-heading in the text, else at the end.
    """
    lines = text.split("\n")
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    later = subheadings[subheadings.index(heading) + 1:] if heading in subheadings else ()
    mine = next((i for i, line in enumerate(lines) if line.strip().startswith(heading)), None)
    if mine is not None:  # right under the heading, before the clerk's own sentences
        return (starts[mine + 1] if mine + 1 < len(starts) else len(text)), False
    nxt = next((i for i in range(len(lines))
                if any(lines[i].strip().startswith(h) for h in later)), None)
    if nxt is None:
        return len(text), mine is None
    at = starts[nxt]
    return at, mine is None


class TextEditor(QPlainTextEdit):
    """The section editor: says what was pasted, so that PDF line breaks can be offered to join.

    Pasted or dropped text is cleaned as it comes in (``clean_typed_text``: Word's manual line
    and page breaks become line breaks, cell marks, NULs, soft hyphens and zero-width spaces go),
    so the editor shows exactly what is saved and one undo takes the whole paste back.
    """

    sig_pasted = Signal(int, int)  # start and end (Qt positions) of the text just pasted
    sig_visible_removed = Signal(int)  # how many visible characters a paste lost (lone surrogates)

    def insertFromMimeData(self, source: QMimeData) -> None:
        start = self.textCursor().selectionStart()
        cleaned = clean_typed_text(source.text()) if source.hasText() else None
        if cleaned is not None and cleaned.text != source.text():
            self.textCursor().insertText(cleaned.text)  # one edit: one undo step, as a paste is
            self.ensureCursorVisible()
        else:
            super().insertFromMimeData(source)
        self.sig_pasted.emit(start, self.textCursor().position())
        if cleaned is not None and cleaned.changed_visibly:
            self.sig_visible_removed.emit(cleaned.visible)


def count_characters(text: str) -> int:
    """Characters as a Chinese word processor counts them: everything but white space."""
    return sum(1 for ch in text if not ch.isspace())


def qt_position(text: str, index: int) -> int:
    """A Python string index as a QTextDocument position (which counts UTF-16 code units)."""
    return len(text[:index].encode("utf-16-le")) // 2


class TextSectionPage(QWidget):
    sig_cells_requested = Signal(list)  # cell ids to show in their table
    sig_before_insert = Signal()  # lets the page around hand its own fields to the session first

    def __init__(
        self,
        controller: DraftController,
        key: str,
        heading: str,
        subheadings: tuple[str, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.key = key
        self.subheadings = subheadings
        self.active_finding: Finding | None = None
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>{heading}</h2>", self)
        layout.addWidget(title)
        bar = QHBoxLayout()
        self.scaffold_button = QPushButton(self.tr("插入官方小标题"), self)
        self.scaffold_button.setToolTip("\n".join(subheadings))
        self.scaffold_button.setVisible(bool(subheadings))
        self.scaffold_button.clicked.connect(self.insert_scaffold)
        self.data_button = QPushButton(self.tr("插入数据段落"), self)
        self.data_button.setToolTip(
            self.tr("按表格中的数字写出标准段落，插入到光标处；表格改动后可一键更新。")
            if key != "overview"
            else self.tr("按表格中的数字写出依申请公开和复议诉讼的标准段落，插入到“{0}”之下。").format(
                self._data_subheading())
        )
        self.data_button.setVisible(key in DATA_PARAGRAPH_SECTIONS)
        self.data_button.clicked.connect(self.insert_data_paragraph)
        self.preamble_button = QPushButton(self.tr("插入前言"), self)
        self.preamble_button.setToolTip(
            self.tr("按基本信息写出前言：编制依据、六个部分、统计期限、发布网站和联系方式。")
        )
        self.preamble_button.setVisible(key == "preamble")
        self.preamble_button.clicked.connect(self.insert_preamble)
        self.count_label = QLabel(self)
        bar.addWidget(self.scaffold_button)
        bar.addWidget(self.data_button)
        bar.addWidget(self.preamble_button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        layout.addLayout(bar)

        self.stale_bar = QFrame(self)
        self.stale_bar.setStyleSheet("QFrame { background: #fff4d6; border: 1px solid #f0c36d; }")
        stale_layout = QHBoxLayout(self.stale_bar)
        stale_layout.setContentsMargins(8, 4, 8, 4)
        self.stale_label = QLabel(self.stale_bar)
        self.stale_label.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("更新数据段落"), self.stale_bar)
        self.refresh_button.clicked.connect(self.refresh_data_paragraphs)
        stale_layout.addWidget(self.stale_label, 1)
        stale_layout.addWidget(self.refresh_button)
        self.stale_bar.setVisible(False)
        layout.addWidget(self.stale_bar)

        self.editor = TextEditor(self)
        self.editor.sig_pasted.connect(self._on_pasted)
        self.editor.sig_visible_removed.connect(self._on_visible_removed)
        self.editor.setPlainText(controller.session.report.texts.get(key, ""))
        if subheadings:
            self.editor.setPlaceholderText(
                self.tr("可点击“插入官方小标题”，按以下结构填写：\n") + "\n".join(subheadings)
            )
        font = self.editor.font()
        font.setPointSize(font.pointSize() + 2)
        self.editor.setFont(font)
        self.previous_box: QWidget | None = None
        self.previous_text: QPlainTextEdit | None = None
        if key in PREVIOUS_TEXT_SECTIONS:
            splitter = QSplitter(Qt.Orientation.Horizontal, self)
            splitter.addWidget(self.editor)
            box = self.previous_box = QWidget(splitter)
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            self.previous_title = QLabel(box)
            self.previous_title.setWordWrap(True)
            self.previous_title.setStyleSheet("color: #555;")
            self.previous_text = QPlainTextEdit(box)
            self.previous_text.setReadOnly(True)
            self.previous_text.setFont(font)
            self.previous_text.setStyleSheet("QPlainTextEdit { background: #f6f7f9; color: #333; }")
            box_layout.addWidget(self.previous_title)
            box_layout.addWidget(self.previous_text, 1)
            splitter.addWidget(box)
            splitter.setSizes([600, 400])
            layout.addWidget(splitter, 1)
            controller.sig_previous_changed.connect(self._show_previous_text)
            self._show_previous_text()
        else:
            layout.addWidget(self.editor, 1)

        self.join_bar = QFrame(self)
        self.join_bar.setStyleSheet("QFrame { background: #eef4ff; border: 1px solid #a9c1f5; }")
        join_layout = QHBoxLayout(self.join_bar)
        join_layout.setContentsMargins(8, 4, 8, 4)
        self.join_label = QLabel(self.join_bar)
        self.join_label.setWordWrap(True)
        self.join_button = QPushButton(self.tr("合并断行"), self.join_bar)
        self.join_button.clicked.connect(self.join_pasted_lines)
        join_dismiss = QPushButton(self.tr("保持原样"), self.join_bar)
        join_dismiss.clicked.connect(lambda: self.join_bar.setVisible(False))
        join_layout.addWidget(self.join_label, 1)
        join_layout.addWidget(self.join_button)
        join_layout.addWidget(join_dismiss)
        self.join_bar.setVisible(False)
        layout.addWidget(self.join_bar)
        self._pasted: tuple[int, int] | None = None

        self.note_bar = QFrame(self)
        note_layout = QHBoxLayout(self.note_bar)
        note_layout.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel(self.note_bar)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #b42318;")
        self.cell_button = QPushButton(self.tr("查看表格中的数字"), self.note_bar)
        self.cell_button.clicked.connect(self._on_cell_button)
        note_layout.addWidget(self.note, 1)
        note_layout.addWidget(self.cell_button)
        self.note_bar.setVisible(False)
        layout.addWidget(self.note_bar)

        self._commit_timer = QTimer(self)
        self._commit_timer.setSingleShot(True)
        self._commit_timer.setInterval(TEXT_COMMIT_MS)
        self._commit_timer.timeout.connect(self.commit)
        self.editor.textChanged.connect(self._on_text_changed)
        self._findings: list[Finding] = []
        controller.sig_findings_changed.connect(self._on_findings_changed)
        self._on_findings_changed(controller.findings)
        self._update_count()

    # --- last year's text ------------------------------------------------------------------------

    def _show_previous_text(self) -> None:
        """Last year's text of this section, read-only beside the editor (hidden when unknown)."""
        assert self.previous_box is not None and self.previous_text is not None
        previous = self.controller.previous
        text = previous.texts.get(self.key, "").strip() if previous is not None else ""
        self.previous_box.setVisible(previous is not None)
        if previous is None:
            return
        self.previous_title.setText(
            self.tr("<b>上年报告（{0}年）的本部分</b>（只读，供说明上年问题的改进情况）").format(previous.year or "")
        )
        self.previous_text.setPlainText(text)
        self.previous_text.setPlaceholderText(self.tr("上年报告中没有这一部分的文字。"))

    # --- typing -------------------------------------------------------------------------------

    def _on_text_changed(self) -> None:
        self._update_count()
        self._commit_timer.start()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("{0} 字").format(count_characters(self.editor.toPlainText())))

    def commit(self) -> None:
        """Hand the text to the session now (it is also committed 0.3 s after typing stops)."""
        self._commit_timer.stop()
        text = self.editor.toPlainText()
        if text != self.controller.session.report.texts.get(self.key, ""):
            self.controller.set_text(self.key, text)

    def reload(self) -> None:
        text = self.controller.session.report.texts.get(self.key, "")
        if text != self.editor.toPlainText():
            self.editor.setPlainText(text)

    # --- text pasted from a PDF ----------------------------------------------------------------

    def _pasted_text(self, start: int, end: int) -> str:
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText().replace("\u2029", "\n")

    def _on_pasted(self, start: int, end: int) -> None:
        count = len(broken_lines(self._pasted_text(start, end)))
        self._pasted = (start, end) if count else None
        if count:
            self.join_label.setText(
                self.tr("粘贴的文字中有 {0} 处句子中间断行（多见于从 PDF 复制）。合并后可撤销。").format(count)
            )
        self.join_bar.setVisible(bool(count))

    def _on_visible_removed(self, count: int) -> None:
        self.controller_message(
            self.tr("粘贴的文字中有 {0} 个残缺的字符（复制时被截断，显示为方框或问号），无法保存，已删除；"
                    "其余文字未改动。").format(count)
        )

    def join_pasted_lines(self) -> int:
        """Join the lines broken mid-sentence in the text just pasted: one undoable step."""
        self.join_bar.setVisible(False)
        if self._pasted is None:
            return 0
        start, end = self._pasted
        self._pasted = None
        joined, count = join_broken_lines(self._pasted_text(start, end))
        if count:
            cursor = QTextCursor(self.editor.document())
            cursor.beginEditBlock()
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(joined)
            cursor.endEditBlock()
            self.editor.setTextCursor(cursor)
            self.commit()
        return count

    # --- guided writing -------------------------------------------------------------------------

    def insert_scaffold(self) -> None:
        """Add the official sub-headings that are not in the text yet, each on its own line."""
        text = self.editor.toPlainText()
        missing = [h for h in self.subheadings if h not in text]
        if not missing:
            return
        cursor = self.editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        prefix = "" if not text or text.endswith("\n") else "\n"
        cursor.insertText(prefix + "\n\n".join(missing) + "\n")
        self.editor.setTextCursor(cursor)
        self.commit()

    def data_paragraph(self) -> str:
        values = self.controller.values
        if self.key == "requests":
            return paragraphs.requests_paragraph(values)
        if self.key == "appeals":
            return paragraphs.appeals_paragraph(values)
        return paragraphs.data_paragraph(values)

    def _data_subheading(self) -> str:
        """Where the data paragraph goes in this section (the form's ``data_subheading``; "" for none)."""
        form = self.controller.form
        return next((s.data_subheading for s in form.sections if s.id == self.key), "")

    def insert_data_paragraph(self) -> bool:
        """Insert the standard sentences for this section's figures; False when already there."""
        self.commit()
        paragraph = self.data_paragraph()
        text = self.editor.toPlainText()
        if all(p in text for p in paragraph.split("\n")):
            self.controller_message(self.tr("文中已有按当前数字写出的数据段落。"))
            return False
        cursor = self.editor.textCursor()
        heading = self._data_subheading()
        if heading:
            at, add_heading = data_paragraph_place(text, heading, self.subheadings)
            if add_heading:
                paragraph = heading + "\n" + paragraph
            cursor.setPosition(qt_position(text, at))
        elif text.strip() and cursor.position() == 0 and not cursor.hasSelection():
            cursor.movePosition(QTextCursor.MoveOperation.End)  # never before the first paragraph
        self._insert_block(cursor, paragraph)
        return True

    def insert_preamble(self) -> None:
        self.sig_before_insert.emit()
        self.commit()
        session = self.controller.session
        self._insert_block(self.editor.textCursor(), paragraphs.preamble(session.form, session.report))

    def _insert_block(self, cursor: QTextCursor, block: str) -> None:
        """Insert *block* as whole lines at *cursor* (breaking the line it is in, if any)."""
        text = ("" if cursor.atBlockStart() else "\n") + block + ("" if cursor.atBlockEnd() else "\n")
        cursor.insertText(text)
        self.editor.setTextCursor(cursor)
        self.commit()

    def controller_message(self, message: str) -> None:
        self.note.setText(message)
        self.note.setStyleSheet("color: #555;")
        self.cell_button.setVisible(False)
        self.note_bar.setVisible(True)

    def stale_paragraphs(self) -> list[paragraphs.StaleParagraph]:
        return paragraphs.stale_data_paragraphs(self.editor.toPlainText(), self.controller.values)

    def refresh_data_paragraphs(self) -> int:
        """Rewrite every inserted data paragraph with the current figures (one undoable edit)."""
        text = self.editor.toPlainText()
        new, count = paragraphs.refresh_data_paragraphs(text, self.controller.values)
        if count:
            cursor = self.editor.textCursor()
            cursor.beginEditBlock()
            for stale in reversed(paragraphs.stale_data_paragraphs(text, self.controller.values)):
                cursor.setPosition(qt_position(text, stale.span[0]))
                cursor.setPosition(qt_position(text, stale.span[1]), QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(stale.updated)
            cursor.endEditBlock()
            assert self.editor.toPlainText() == new
            self.commit()
        self._update_stale_bar()
        return count

    def _update_stale_bar(self) -> None:
        stale = self.stale_paragraphs() if self.key in DATA_PARAGRAPH_SECTIONS else []
        if stale:
            self.stale_label.setText(
                self.tr("表格中的数字已改动：文中有 {0} 段插入的数据段落与表格不一致。").format(len(stale))
            )
        self.stale_bar.setVisible(bool(stale))

    # --- findings in the text -------------------------------------------------------------------

    def _mine(self, findings: list[Finding]) -> list[Finding]:
        return [f for f in findings if f.section == self.key and (f.span is not None or f.excerpt)]

    def _on_findings_changed(self, findings: list[Finding]) -> None:
        self._findings = self._mine(findings)
        if self.active_finding is not None and self.active_finding.key not in {f.key for f in self._findings}:
            self.active_finding = None
            self.note_bar.setVisible(False)
        self._paint()
        self._update_stale_bar()

    def _range(self, finding: Finding) -> tuple[int, int] | None:
        """Where the finding's sentence is in the editor, as Qt positions."""
        text = self.editor.toPlainText()
        start = end = -1
        if finding.span is not None:
            start, end = finding.span
            if finding.excerpt and text[start:end] != finding.excerpt:
                start = -1
        if start < 0 and finding.excerpt:
            start = text.find(finding.excerpt)
            end = start + len(finding.excerpt)
        if start < 0 or end <= start:
            return None
        return qt_position(text, start), qt_position(text, end)

    def _paint(self) -> None:
        selections = []
        for f in self._findings:
            where = self._range(f)
            if where is None:
                continue
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setFont(self.editor.font())  # the marked sentence in the same type as the rest
            active = self.active_finding is not None and f.key == self.active_finding.key
            fmt.setBackground(ACTIVE_MARK if active else ERROR_MARK if f.is_error else WARNING_MARK)
            fmt.setToolTip(f.message)
            sel.format = fmt
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(where[0])
            cursor.setPosition(where[1], QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            selections.append(sel)
        self.editor.setExtraSelections(selections)

    def highlighted_ranges(self) -> list[tuple[int, int]]:
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in self.editor.extraSelections()]

    def active_range(self) -> tuple[int, int] | None:
        """Where the sentence of the finding being shown is marked (in the strong colour)."""
        for s in self.editor.extraSelections():
            if s.format.background().color() == ACTIVE_MARK:
                return s.cursor.selectionStart(), s.cursor.selectionEnd()
        return None

    def show_finding(self, finding: Finding) -> bool:
        """Select the finding's sentence, mark it, and say what is wrong; False when it is not in the text."""
        self.commit()
        where = self._range(finding)
        if where is None:
            return False
        self.active_finding = finding
        cursor = self.editor.textCursor()
        cursor.setPosition(where[0])  # the cursor at the sentence; the sentence itself marked in red
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()
        self.note.setText(finding.message)
        self.note.setStyleSheet("color: #b42318;" if finding.is_error else "color: #8a4b00;")
        self.cell_button.setVisible(bool(finding.cells))
        self.note_bar.setVisible(True)
        self._paint()
        return True

    def _on_cell_button(self) -> None:
        if self.active_finding is not None and self.active_finding.cells:
            self.sig_cells_requested.emit(list(self.active_finding.cells))
