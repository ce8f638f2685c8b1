"""The desktop app (PySide6).  The only package that imports Qt."""

from __future__ import annotations

import os
import sys

import PySide6.QtCore  # noqa: F401  (loads PySide's import hook, which the next function informs)


def _tell_pyside_what_it_would_find() -> None:
    """Spare PySide6 reading the source of the modules it meets from now on (~8 ms of each start-up).

    After PySide6 is imported, its import hook reads the whole source of each module an import
    statement yields that it has not seen yet (the UI's modules, and ``typing``, ``datetime`` … as
    the UI imports from them), looking for the text "PySide6": a module that has it may switch
    PySide's features (``from __feature__ import snake_case``, which ReportDesk never does).  It
    records the answer in a table: 0 for "has it", -1 for "ignore".  The answer is known here
    without reading anything: every module of this package and ``reportdesk.gui`` have the text, no
    other ReportDesk module and no module of Python's own library has it, and a module without a
    source file (built in, compiled) counts as not having it.  tests/ui/test_pyside_features.py
    checks each answer written here against PySide's own.  Should a PySide release keep the table
    elsewhere, nothing is written and PySide reads the sources as before.
    """
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    try:
        files = [entry.name for entry in os.scandir(__path__[0])]
    except OSError:  # a frozen build keeps the modules in its archive, and PySide finds no source there
        files = []
    for name in files:
        if name.endswith(".py") and name != "__init__.py":
            table.setdefault(f"{__name__}.{name[:-3]}", 0)
    table.setdefault(__name__, 0)
    table.setdefault("reportdesk.gui", 0)
    standard_library = os.path.dirname(os.__file__)
    for name, module in list(sys.modules.items()):
        if name in table or name == "__main__":
            continue
        if name == "reportdesk" or name.startswith("reportdesk."):
            table[name] = -1
            continue
        file = getattr(module, "__file__", None)
        if file is None or (file.startswith(standard_library) and "site-packages" not in file
                            and "dist-packages" not in file):  # Debian's folder for installed packages
            table[name] = -1


_tell_pyside_what_it_would_find()
