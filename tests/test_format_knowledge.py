"""The official format lives only in forms/: no label of an installed form is spelled in src/.

Every string constant of the code (docstrings and comments aside, which may quote the format to
explain it) is searched for the labels of every shipped form: table titles, row, column, group and
subgroup labels, the texts of the official grids, section headings and sub-headings.  A label in
code is knowledge of one format that a new form file could not change.
"""

from __future__ import annotations

import ast
from pathlib import Path

from reportdesk.core.catalog import get_form
from reportdesk.core.form import FormDef

SRC = Path(__file__).resolve().parents[1] / "src" / "reportdesk"
MIN_LENGTH = 4  # "其他", "总计", "规章" are ordinary words in messages too

#: Modules allowed to spell labels, each with why.
ALLOWED: set[str] = set()  # none: the text reader's vocabulary is in the form too (text_terms, text_checks)


def official_labels(form: FormDef) -> set[str]:
    labels: set[str] = set()
    for table in form.tables.values():
        labels.add(table.title)
        for row in table.rows:
            labels |= {row.label, row.group or "", row.subgroup or "", row.item or ""}
        for column in table.columns:
            labels |= {column.label, column.group or ""}
        labels |= {g.text for g in table.grid}
    for section in form.sections:
        labels |= {section.heading, *section.subheadings}
    return {label for label in labels if len(label) >= MIN_LENGTH}


def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def labels_in_code(labels: set[str], root: Path = SRC) -> list[str]:
    hits: list[str] = []
    for path in sorted(root.rglob("*.py")):
        where = path.relative_to(root).as_posix()
        if any(where.startswith(allowed) for allowed in ALLOWED):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                hits += [f"{where}:{node.lineno}: {label}" for label in sorted(labels) if label in node.value]
    return hits


def test_no_official_label_outside_forms() -> None:
    from reportdesk.core.catalog import available_forms

    labels: set[str] = set()
    for entry in available_forms():
        if not entry.problem:
            labels |= official_labels(get_form(entry.id))
    assert len(labels) > 60
    assert labels_in_code(labels) == []


def test_the_grep_finds_a_label_in_code(tmp_path: Path) -> None:
    """The test can fail: a module spelling a label is found, one quoting it in its docstring is not."""
    (tmp_path / "spelled.py").write_text('"""Mentions （七）总计 to explain."""\nROWS = ("（七）总计",)\n',
                                         encoding="utf-8")
    assert labels_in_code({"（七）总计"}, tmp_path) == ["spelled.py:2: （七）总计"]
