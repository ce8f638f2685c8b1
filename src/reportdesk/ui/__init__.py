"""The desktop app (PySide6).  The only package that imports Qt."""

from __future__ import annotations

import os
import sys

import PySide6.QtCore  # noqa: F401  (loads PySide's import hook, which the next function informs)


def _tell_pyside_what_it_would_find() -> None:
    """Spare PySide6 reading the source of every UI module (~6 ms of each start-up).

    After PySide6 is imported it reads the whole source of each module imported next, looking for
    the text "PySide6": a module that has it may switch PySide's features (``from __feature__
    import snake_case``, which ReportDesk never does).  It records the answer in a table: 0 for
    "uses PySide6, no feature", -1 for "ignore".  Every module of this package uses PySide6
    (tests/ui/test_pyside_features.py checks that the answer written here is PySide's own), so the
    table gets 0 for each before they are imported.  Should a PySide release keep the table
    elsewhere, nothing is written and PySide reads the sources as before.
    """
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    try:
        files = [entry.name for entry in os.scandir(__path__[0])]
    except OSError:  # a frozen build keeps the modules in its archive, and PySide finds no source there
        return
    for name in files:
        if name.endswith(".py") and name != "__init__.py":
            table.setdefault(f"{__name__}.{name[:-3]}", 0)


_tell_pyside_what_it_would_find()
