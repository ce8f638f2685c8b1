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
        pyside_answer = 0 if feature._mod_uses_pyside(module) else -1  # what it computes when not told
        assert table[name] == pyside_answer == 0, name
