"""Everything the user sees goes through Qt's translation: no Chinese literal in ui/ outside tr();
Qt's own dialogs speak Chinese in the Chinese UI; a worker thread's unexpected exception reaches the
crash handler and the user sees a translated message by its kind, never the exception's own text."""

from __future__ import annotations

import ast
import re
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from reportdesk.ui import crash, i18n
from reportdesk.ui.background import BackgroundCall
from reportdesk.ui.crash import CrashHandler, describe

UI = Path(__file__).resolve().parents[2] / "src" / "reportdesk" / "ui"
CJK = re.compile(r"[\u4e00-\u9fff]")
TRANSLATING = {"tr", "translate", "self_tr", "_tr"}
LOGGING = {"debug", "info", "warning", "error", "exception"}
#: (module, literal) pairs that are not user-facing text.
ALLOWED = {
    # patterns that recognise the (translated-at-source) import summary lines to colour them
    ("import_summary.py", None),
    # the units a typed figure may end with ("12 件"), stripped before the spaces inside it are judged
    ("cell_delegate.py", r"\s*(万元|件|个|项|条)$"),
    # the pattern that recognises a heading line ("一、", "（二）") in pasted text
    ("text_page.py", r"^\s*([一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\(\d+\)|\d+[.、．](?!\d))"),
}
#: Literals that are not text at all (font family names in the preview's style sheet).
NOT_TEXT = re.compile(r"font-family")
#: Font family names (Windows' Chinese names of its fonts), not text shown to the user.
FONT_NAMES = {"微软雅黑", "宋体"}


def untranslated(folder: Path) -> list[str]:
    found: list[str] = []
    for path in sorted(folder.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        docstrings = {
            id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef) and node.body
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str) and CJK.search(node.value)):
                continue
            if (id(node) in docstrings or (path.name, None) in ALLOWED or (path.name, node.value) in ALLOWED
                    or NOT_TEXT.search(node.value) or node.value in FONT_NAMES):
                continue
            up: ast.AST = node
            inside = False
            while up in parents and not inside:
                up = parents[up]
                if isinstance(up, ast.Call):
                    name = up.func.attr if isinstance(up.func, ast.Attribute) else getattr(up.func, "id", "")
                    inside = name in TRANSLATING | LOGGING
            if not inside:
                found.append(f"{path.name}:{node.lineno}: {node.value[:40]!r}")
    return found


def test_no_chinese_literal_bypasses_tr() -> None:
    assert untranslated(UI) == []


def test_the_scan_finds_a_literal(tmp_path: Path) -> None:
    (tmp_path / "page.py").write_text('label = "未开始"\nok = self.tr("已完成")\n', encoding="utf-8")
    assert untranslated(tmp_path) == ["page.py:1: '未开始'"]


def test_qt_own_dialogs_are_chinese_in_the_chinese_ui(qapp: QApplication) -> None:
    installed = i18n.install_translators(qapp, "zh_CN")
    try:
        assert any(t.filePath().endswith("qtbase_zh_CN.qm") for t in installed)
        look_in = QCoreApplication.translate("QFileDialog", "Look in:")
        assert look_in != "Look in:" and CJK.search(look_in)
        assert CJK.search(QCoreApplication.translate("QFileDialog", "Files of type:"))
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


@pytest.mark.parametrize(("exc", "said"), [
    (RuntimeError("boom: an English text"), "程序内部错误（RuntimeError）"),
    (MemoryError(), "内存不足"),
    (OSError(28, "No space left on device"), "系统错误 28"),
])
def test_describe_names_the_kind_not_the_text(exc: BaseException, said: str) -> None:
    text = describe(exc)
    assert said in text and "English" not in text and "No space" not in text


def test_an_exception_in_a_worker_thread_reaches_the_crash_handler(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[BaseException, bool]] = []
    handler = CrashHandler(lambda: None, show_dialog=False)
    original = CrashHandler.__call__

    def record(self, exc_type, exc, tb):  # type: ignore[no-untyped-def]
        seen.append((exc, threading.current_thread() is threading.main_thread()))
        original(self, exc_type, exc, tb)

    handler.install()
    try:
        CrashHandler.__call__ = record  # type: ignore[method-assign]

        def fail() -> object:
            raise RuntimeError("boom in a worker")

        task = BackgroundCall(fail)
        with qtbot.waitSignal(task.sig_failed) as failed:
            task.start()
        qtbot.waitUntil(lambda: bool(seen))
        task.wait()
        assert failed.args == ["程序内部错误（RuntimeError）。"]
        assert str(seen[0][0]) == "boom in a worker" and seen[0][1]  # handled in the GUI thread
        assert handler.last_log is not None and "boom in a worker" in handler.last_log.read_text(encoding="utf-8")

        seen.clear()
        thread = threading.Thread(target=lambda: 1 / 0)  # a plain thread: threading.excepthook
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: bool(seen))
        assert isinstance(seen[0][0], ZeroDivisionError) and seen[0][1]
    finally:
        CrashHandler.__call__ = original  # type: ignore[method-assign]
        handler.uninstall()
    assert crash._installed is None
