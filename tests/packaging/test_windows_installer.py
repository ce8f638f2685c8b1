"""The Inno Setup script (packaging/windows/reportdesk.iss), which cannot be compiled here.

It is read as Inno Setup reads it (sections, ``Key: value; Key: "value"`` entries, ``#define``)
and checked against what can be known without Windows: every file and folder it names is in
the frozen build's layout (packaging/build.py ``layout("win32")``, derived from the PyInstaller
spec; test_frozen.py checks a real build against the same layout), the association matches the
Linux MIME entry, the uninstaller never deletes the drafts folder, and the version is the
package's.
"""

from __future__ import annotations

import importlib.util
import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path, PureWindowsPath

import pytest

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "packaging" / "windows" / "reportdesk.iss"
MIME = ROOT / "packaging" / "linux" / "org.reportdesk.ReportDesk.mime.xml"
DESKTOP = ROOT / "packaging" / "linux" / "org.reportdesk.ReportDesk.desktop"
#: Where the app keeps drafts and settings on Windows (platformdirs' user_data_dir, no author).
DRAFTS = r"{localappdata}\ReportDesk"


def _build_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("_reportdesk_build", ROOT / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _entry(line: str) -> dict[str, str]:
    """``Name: "a; b"; Flags: x y`` → {"Name": "a; b", "Flags": "x y"} ("" inside quotes is a quote)."""
    fields: dict[str, str] = {}
    for match in re.finditer(r'\s*(\w+)\s*:\s*("(?:[^"]|"")*"|[^;]*)\s*(?:;|$)', line):
        value = match.group(2).strip()
        if value.startswith('"'):
            value = value[1:-1].replace('""', '"')
        fields[match.group(1)] = value
    return fields


class Script:
    def __init__(self, text: str) -> None:
        self.defines: dict[str, str] = {}
        self.sections: dict[str, list[str]] = {}
        section = ""
        for raw in text.splitlines():
            line = raw.strip()
            if not line or line.startswith(";"):
                continue
            define = re.match(r'#define\s+(\w+)\s+"([^"]*)"', line)
            if define:
                self.defines.setdefault(define.group(1), define.group(2))
                continue
            if line.startswith("#"):
                continue
            header = re.fullmatch(r"\[(\w+)\]", line)
            if header:
                section = header.group(1)
                self.sections.setdefault(section, [])
                continue
            self.sections.setdefault(section, []).append(line)

    def expand(self, value: str) -> str:
        return re.sub(r"\{#(\w+)\}", lambda m: self.defines[m.group(1)], value)

    @property
    def setup(self) -> dict[str, str]:
        return {k.strip(): self.expand(v.strip()) for k, _, v in (line.partition("=") for line in self.sections["Setup"])}

    def entries(self, section: str) -> list[dict[str, str]]:
        return [{k: self.expand(v) for k, v in _entry(line).items()} for line in self.sections.get(section, [])]


@pytest.fixture(scope="module")
def script() -> Script:
    return Script(ISS.read_text(encoding="utf-8"))


def _in_app(value: str) -> list[str]:
    """The paths under {app} that *value* names (a command line may name one in quotes)."""
    return re.findall(r"\{app\}\\([^\"',]+)", value)


def test_the_version_is_the_packages(script: Script) -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert script.defines["AppVersion"] == version
    assert script.setup["AppVersion"] == version
    assert version in script.setup["OutputBaseFilename"]


def test_the_source_folder_is_where_build_py_puts_the_frozen_app(script: Script) -> None:
    build = _build_module()
    source = (ISS.parent / PureWindowsPath(script.defines["SourceDir"]).as_posix()).resolve()
    assert source == (ROOT / "dist" / build.APP_FOLDER).resolve()


def test_every_file_it_names_is_in_the_frozen_layout(script: Script) -> None:
    layout = _build_module().layout("win32")
    named: list[str] = []
    for section in ("Icons", "Run", "Registry"):
        for entry in script.entries(section):
            for key in ("Filename", "ValueData", "IconFilename", "WorkingDir"):
                named += _in_app(entry.get(key, ""))
    named += _in_app(script.setup["UninstallDisplayIcon"])
    source_dir = script.defines["SourceDir"]
    setup_icon = script.setup["SetupIconFile"]
    assert setup_icon.startswith(source_dir + "\\")
    named.append(setup_icon[len(source_dir) + 1:])
    assert {"reportdesk-gui.exe", "reportdesk.ico"} <= set(named)
    for name in named:
        top = PureWindowsPath(name).parts[0]
        assert layout.get(top) == ("file" if len(PureWindowsPath(name).parts) == 1 else "dir"), (name, layout)
    files = script.entries("Files")
    assert [f["Source"] for f in files] == [source_dir + "\\*"]  # the whole folder, as built
    assert {"recursesubdirs", "createallsubdirs"} <= set(files[0]["Flags"].split())
    assert files[0]["DestDir"] == "{app}"


def test_the_association_matches_the_linux_mime_entry(script: Script) -> None:
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(MIME).getroot().find("m:mime-type", ns)
    assert mime is not None
    mime_type = mime.get("type")
    glob = mime.find("m:glob", ns)
    assert glob is not None and glob.get("pattern", "").startswith("*.")
    extension = glob.get("pattern", "")[1:]
    comment = next(c.text for c in mime.findall("m:comment", ns)
                   if c.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh_CN")
    registry = script.entries("Registry")
    by_key = {(r["Subkey"], r["ValueName"]): r for r in registry}
    ext_key = f"Software\\Classes\\{extension}"
    prog_id = by_key[(ext_key, "")]["ValueData"]
    assert by_key[(ext_key, "Content Type")]["ValueData"] == mime_type
    assert by_key[(f"Software\\Classes\\{prog_id}", "")]["ValueData"] == comment
    command = by_key[(f"Software\\Classes\\{prog_id}\\shell\\open\\command", "")]["ValueData"]
    assert command == '"{app}\\reportdesk-gui.exe" "%1"'
    assert all(r["Root"] == "HKCU" for r in registry)  # per user, no administrator rights
    assert script.setup["PrivilegesRequired"] == "lowest" and script.setup["ChangesAssociations"] == "yes"
    desktop = DESKTOP.read_text(encoding="utf-8")
    assert f"MimeType={mime_type};" in desktop and "Exec=reportdesk-gui %f" in desktop


def test_the_uninstaller_never_deletes_the_drafts_folder(script: Script) -> None:
    assert "UninstallDelete" not in script.sections and "UninstallRun" not in script.sections
    assert "Code" not in script.sections  # no Pascal code that could delete anything
    assert "Dirs" not in script.sections
    app = PureWindowsPath(script.setup["DefaultDirName"])
    drafts = PureWindowsPath(DRAFTS)
    assert app != drafts and app not in drafts.parents  # the drafts are not inside {app}
    assert drafts not in app.parents  # nor {app} inside the drafts folder
    for entry in script.entries("Files") + script.entries("Icons"):
        assert "{localappdata}\\reportdesk\\" not in entry.get("DestDir", "").lower() + "\\"
    for entry in script.entries("Registry"):
        flags = entry.get("Flags", "").split()
        if "uninsdeletekey" in flags:  # only ReportDesk's own ProgID key is removed whole
            assert entry["Subkey"].startswith("Software\\Classes\\ReportDesk.")


def test_the_drafts_folder_the_installer_spares_is_the_one_the_app_uses(monkeypatch) -> None:
    """platformdirs' Windows rules, run here with the folder lookup stood in for."""
    import platformdirs.windows

    from reportdesk.places import APP_NAME

    local = "C:\\Users\\张三\\AppData\\Local"
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", lambda csidl: local)
    data = platformdirs.windows.Windows(APP_NAME, appauthor=False).user_data_dir
    assert PureWindowsPath(data) == PureWindowsPath(DRAFTS.replace("{localappdata}", local))
