"""The UI package tells PySide's feature table what PySide would have found by reading each module."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import reportdesk.ui


def test_each_ui_module_is_entered_with_the_answer_pyside_would_give() -> None:
    feature = sys.modules["shibokensupport.feature"]
    table = feature.pyside_feature_dict
    names = [f"reportdesk.ui.{info.name}" for info in pkgutil.iter_modules(reportdesk.ui.__path__)]
    assert len(names) > 20
    for name in names:
        module = importlib.import_module(name)
        assert table[name] == 0 == (0 if feature._mod_uses_pyside(module) else -1), name


def test_every_answer_written_for_the_other_modules_is_pysides_own() -> None:
    import reportdesk.app.session  # the modules a draft's window has loaded
    import reportdesk.ui.main_window  # noqa: F401

    feature = sys.modules["shibokensupport.feature"]
    table = feature.pyside_feature_dict
    checked = 0
    for name, module in list(sys.modules.items()):
        if name in table and name != "__main__" and not name.startswith(("PySide6", "shiboken")):
            assert table[name] == (0 if feature._mod_uses_pyside(module) else -1), name
            checked += 1
    assert checked > 100


def test_no_other_reportdesk_module_mentions_pyside() -> None:
    """What the package's answer of -1 for every other ReportDesk module rests on (the Qt-free layers
    never import Qt, and their text does not name it either)."""
    from pathlib import Path

    root = Path(reportdesk.ui.__file__).parents[1]
    naming = [p.relative_to(root).as_posix() for p in root.rglob("*.py")
              if "PySide6" in p.read_text(encoding="utf-8") and p.parent.name != "ui"]
    assert naming == ["gui.py"]
