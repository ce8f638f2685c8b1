"""Wheel build hook: compile the UI translations (.ts -> .qm) into reportdesk/_data/resources/translations/.

.qm files are generated and never committed.  Compiling them here, once, when the wheel is built, means
every installed copy (pip, the frozen app, a distribution package) ships them without needing Qt's
tools at run time; a source checkout compiles them with ``python tools/translations.py compile``.
Needs PySide6-Essentials in the build environment (it is in [build-system] requires).
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class TranslationsBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads resources/ from the source tree
        root = Path(self.root)
        spec = importlib.util.spec_from_file_location("_reportdesk_translations", root / "tools" / "translations.py")
        assert spec is not None and spec.loader is not None
        tool = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = tool  # dataclasses look their module up there
        spec.loader.exec_module(tool)
        self._out = tempfile.TemporaryDirectory(prefix="reportdesk-qm-")
        for qm in tool.compile_all(Path(self._out.name), ts_dir=root / "resources" / "translations"):
            build_data["force_include"][str(qm)] = f"reportdesk/_data/resources/translations/{qm.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        out = getattr(self, "_out", None)
        if out is not None:
            out.cleanup()
