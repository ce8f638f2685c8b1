"""Every UI string is translated: the .ts files are complete and current with the source."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.translations_tool import load as load_translations_tool

tool = load_translations_tool()


@pytest.mark.parametrize("language", tool.LANGUAGES)
def test_committed_ts_has_no_unfinished_or_obsolete_entries(language: str) -> None:
    ts = tool.ts_path(language)
    assert ts.is_file(), f"{ts} is missing: run python tools/translations.py update"
    problems = tool.problems(ts)
    assert not problems, "\n".join(map(str, problems)) + "\n-> translate them (tools/translations.py)"


def test_ts_files_are_current_with_the_ui_source(tmp_path: Path) -> None:
    """Re-extracting the UI strings changes nothing: no new string is left untranslated, none vanished."""
    for language in tool.LANGUAGES:
        shutil.copyfile(tool.ts_path(language), tmp_path / tool.ts_path(language).name)
    tool.update(ts_dir=tmp_path)
    problems = [p for language in tool.LANGUAGES for p in tool.problems(tmp_path / f"reportdesk_{language}.ts")]
    assert not problems, ("UI strings changed since the .ts files were updated; run "
                          "`python tools/translations.py update` and translate:\n" + "\n".join(map(str, problems)))
    messages = tool.problems  # the check itself must see an unfinished entry
    broken = tmp_path / "reportdesk_en.ts"
    broken.write_text(broken.read_text(encoding="utf-8").replace("<translation>&amp;File</translation>",
                                                                 '<translation type="unfinished"></translation>'),
                      encoding="utf-8")
    assert [p.source for p in messages(broken)] == ["文件(&F)"]


def test_english_is_really_english() -> None:
    """Not an identity copy: every English entry differs from its Chinese source (bar format-only ones)."""
    import xml.etree.ElementTree as ET

    untranslated = []
    for message in ET.parse(tool.ts_path("en")).getroot().iter("message"):
        source, translation = message.findtext("source") or "", message.findtext("translation") or ""
        has_cjk = any("\u4e00" <= ch <= "\u9fff" for ch in source)
        if has_cjk and translation == source:
            untranslated.append(source)
    assert not untranslated, untranslated


def test_compile_gives_a_qm_per_language(tmp_path: Path) -> None:
    written = tool.compile_all(tmp_path)
    assert sorted(p.name for p in written) == ["reportdesk_en.qm", "reportdesk_zh_CN.qm"]
    for qm in written:
        assert qm.read_bytes()[:16] == bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")  # Qt's .qm magic
