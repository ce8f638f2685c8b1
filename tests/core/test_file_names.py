"""File names from agency names and years, checked against Windows' rules on every platform.

The rules are restated here independently of the implementation: Microsoft's "Naming
Files, Paths, and Namespaces" (forbidden characters, reserved device names with any
extension, no trailing dot or space, 255 per component, MAX_PATH 260), with
``PureWindowsPath`` to see how Windows would split the path.
"""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdesk.core.file_names import draft_file_name, export_file_name, free_path, safe_file_name

RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in "123456789¹²³"), *(f"LPT{i}" for i in "123456789¹²³")}


def windows_problem(name: str, folder: str = "") -> str | None:
    """Why Windows would refuse (or silently change) *name*; None when it is fine."""
    if not name:
        return "empty"
    if any(c in name for c in '\\/:*?"<>|') or any(ord(c) < 32 for c in name):
        return "forbidden character"
    if PureWindowsPath(name).name != name or PureWindowsPath(name).drive:
        return "not a single component"
    if name.split(".")[0].rstrip(" ").upper() in RESERVED:
        return "reserved device name"
    if PureWindowsPath(name).is_reserved():
        return "reserved (pathlib)"
    if name.endswith((".", " ")):
        return "trailing dot or space"
    if len(name.encode("utf-16-le")) // 2 > 255:
        return "component over 255"
    if folder and len(str(PureWindowsPath(folder) / name)) >= 260:
        return "path over MAX_PATH"
    return None


def linux_problem(name: str) -> str | None:
    if "/" in name or "\0" in name or name in (".", ".."):
        return "forbidden"
    try:
        encoded = name.encode("utf-8")
    except UnicodeEncodeError:
        return "not encodable"
    return "over 255 bytes" if len(encoded) > 255 else None


@pytest.mark.parametrize("agency, expected", [
    ("某市某某局", "某市某某局-2023.rdesk"),
    ("某市/某某局", "某市／某某局-2023.rdesk"),
    ('某局:办公室*?"<>|\\', "某局：办公室＊？＂＜＞｜＼-2023.rdesk"),
    ("  某市\t某某局\n ", "某市 某某局-2023.rdesk"),
    ("某局\x00\x1b\u202e", "某局-2023.rdesk"),
    ("", "报告-2023.rdesk"),
    ("...", "报告-2023.rdesk"),
])
def test_draft_names_keep_the_chinese_readable(agency: str, expected: str) -> None:
    name = draft_file_name(agency, 2023)
    assert name == expected
    assert windows_problem(name) is None and linux_problem(name) is None


@pytest.mark.parametrize("stem", [*sorted(RESERVED), "con", "Nul", "com1", "lpt9", "CON ", "aux.tar", "NUL.txt"])
@pytest.mark.parametrize("suffix", ["", ".rdesk", ".docx"])
def test_reserved_device_names_are_never_produced(stem: str, suffix: str) -> None:
    name = safe_file_name(stem, suffix)
    assert windows_problem(name) is None, name
    assert name.upper().startswith(stem.strip().split(".")[0].upper())  # still recognisable


@pytest.mark.parametrize("stem", ["报告.", "报告 ", "报告. . ", "报告…。"])
def test_trailing_dots_and_spaces(stem: str) -> None:
    assert windows_problem(safe_file_name(stem)) is None
    assert windows_problem(safe_file_name(stem, ".xlsx")) is None
    assert safe_file_name("报告…。", ".xlsx") == "报告…。.xlsx"  # not dots: kept


def test_long_agencies_keep_the_year_and_fit_every_limit() -> None:
    agency = "某省某市某县某某某某某某某某局" * 30
    name = draft_file_name(agency, 2023)
    assert name.endswith("-2023.rdesk") and name.startswith("某省某市")
    assert windows_problem(name) is None and linux_problem(name) is None
    export = export_file_name(agency, 2023, ".docx")
    assert export.endswith("2023年政府信息公开工作年度报告.docx")
    assert windows_problem(export) is None and linux_problem(export) is None


def test_paths_fit_max_path_in_a_deep_folder() -> None:
    folder = "C:\\Users\\某某某\\Documents\\" + "\\".join(["很长的文件夹名称"] * 20)
    assert len(folder) < 250
    for name in (draft_file_name("某市某某局" * 10, 2023, folder=folder),
                 export_file_name("某市某某局" * 10, 2023, ".xlsx", folder=folder)):
        assert windows_problem(name, folder) is None, (len(folder), name)
        assert name.endswith((".rdesk", ".xlsx"))


@settings(max_examples=300, deadline=None)
@given(agency=st.text(max_size=400), year=st.one_of(st.none(), st.integers(0, 99999)),
       suffix=st.sampled_from([".rdesk", ".docx", ".xlsx", ".pdf", ""]))
def test_any_agency_gives_a_name_valid_on_windows_and_linux(agency: str, year: int | None, suffix: str) -> None:
    for name in (draft_file_name(agency, year), export_file_name(agency, year, suffix or ".docx"),
                 safe_file_name(agency, suffix)):
        assert windows_problem(name) is None, (agency, name)
        assert linux_problem(name) is None, (agency, name)


@given(agency=st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=60))
def test_a_chinese_name_is_kept_as_it_is(agency: str) -> None:
    assert draft_file_name(agency, 2024) == f"{agency}-2024.rdesk"


def test_free_path_never_takes_an_existing_name_and_stays_valid(tmp_path: Path) -> None:
    first = free_path(tmp_path, draft_file_name("某局", 2023))
    assert first.name == "某局-2023.rdesk"
    first.write_text("x")
    (tmp_path / "某局-2023-2.rdesk").symlink_to(tmp_path / "nowhere")  # a dangling link is taken too
    assert free_path(tmp_path, "某局-2023.rdesk").name == "某局-2023-3.rdesk"
    assert free_path(tmp_path, "CON.rdesk").name == "CON_.rdesk"
    long = draft_file_name("局" * 200, 2023)
    taken = free_path(tmp_path, long)
    taken.write_text("x")
    second = free_path(tmp_path, long)
    assert second != taken and second.name.endswith("-2.rdesk")
    assert linux_problem(second.name) is None and windows_problem(second.name) is None
