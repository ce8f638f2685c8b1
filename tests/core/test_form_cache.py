"""The parsed copy of a form file (reportdesk.core.form_cache): used only when it was made from exactly
the file's text and is undamaged; anything else is ignored, parsed afresh and written again."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from reportdesk.core import catalog, form_cache
from reportdesk.places import cache_dir, forms_dir

FORM = forms_dir() / "gov-info-disclosure-2021.toml"


@pytest.fixture
def form_file(tmp_path: Path) -> Path:
    copy = tmp_path / "forms" / FORM.name
    copy.parent.mkdir()
    copy.write_text(FORM.read_text(encoding="utf-8"), encoding="utf-8")
    return copy


def _no_toml(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str) -> object:
        raise AssertionError("the TOML was parsed although a sound copy is kept")

    monkeypatch.setattr(tomllib, "loads", refuse)


def test_the_copy_holds_exactly_what_tomllib_reads(form_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = form_file.read_text(encoding="utf-8")
    expected = tomllib.loads(text)
    assert form_cache.load(form_file, text) is None  # nothing kept yet
    form_cache.store(form_file, text, expected)
    assert form_cache.cache_file(form_file).is_relative_to(cache_dir())
    _no_toml(monkeypatch)
    assert form_cache.load(form_file, text) == expected


def test_a_changed_form_file_is_parsed_afresh(form_file: Path) -> None:
    text = form_file.read_text(encoding="utf-8")
    form_cache.store(form_file, text, tomllib.loads(text))
    edited = text.replace("本年新收政府信息公开申请数量", "本年新收政府信息公开申请数量（改）", 1)
    assert edited != text
    assert form_cache.load(form_file, edited) is None


def test_the_program_and_the_user_copies_of_one_name_do_not_share(form_file: Path) -> None:
    assert form_cache.cache_file(form_file) != form_cache.cache_file(FORM)


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty", "other_format", "two_lines"])
def test_a_damaged_copy_is_never_read(form_file: Path, damage: str) -> None:
    text = form_file.read_text(encoding="utf-8")
    form_cache.store(form_file, text, tomllib.loads(text))
    copy = form_cache.cache_file(form_file)
    raw = copy.read_bytes()
    if damage == "truncate":
        raw = raw[: len(raw) // 2]
    elif damage == "flip":  # a digit of the parsed data changed: still valid JSON, caught by the checksum
        head, source, data = raw.split(b"\n", 2)
        data = data.replace(b'"valid_from_year":2021', b'"valid_from_year":2031', 1)
        assert data != raw.split(b"\n", 2)[2]
        raw = b"\n".join((head, source, data))
    elif damage == "garbage":
        raw = os.urandom(4096)
    elif damage == "empty":
        raw = b""
    elif damage == "other_format":
        raw = raw.replace(b'"format": 1', b'"format": 99', 1)
    else:
        raw = b"\n".join(raw.split(b"\n")[:2])
    copy.write_bytes(raw)
    assert form_cache.load(form_file, text) is None


def test_a_fifo_or_a_folder_in_its_place_is_ignored_without_blocking(form_file: Path) -> None:
    text = form_file.read_text(encoding="utf-8")
    copy = form_cache.cache_file(form_file)
    copy.parent.mkdir(parents=True, exist_ok=True)
    if hasattr(os, "mkfifo"):
        os.mkfifo(copy)  # a plain read would wait for a writer for ever
        assert form_cache.load(form_file, text) is None
        copy.unlink()
    copy.mkdir()
    assert form_cache.load(form_file, text) is None
    form_cache.store(form_file, text, tomllib.loads(text))  # cannot replace a folder: not kept, no error
    assert copy.is_dir()


def test_an_unwritable_cache_folder_is_not_an_error(form_file: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "home"
    blocked.mkdir()
    (blocked / "cache").write_text("a file where the folder should be")
    monkeypatch.setenv("REPORTDESK_HOME", str(blocked))
    text = form_file.read_text(encoding="utf-8")
    form_cache.store(form_file, text, tomllib.loads(text))
    assert form_cache.load(form_file, text) is None
    assert [p.name for p in blocked.iterdir()] == ["cache"]  # no temporary file left behind


def test_the_catalog_reads_the_copy_on_the_next_start(monkeypatch: pytest.MonkeyPatch) -> None:
    catalog._parsed.cache_clear()
    catalog._load.cache_clear()
    first = catalog.get_form()
    catalog._parsed.cache_clear()
    catalog._load.cache_clear()
    _no_toml(monkeypatch)  # as a new process: the parsed form comes from the copy
    again = catalog.get_form()
    assert again == first and again is not first
    catalog._parsed.cache_clear()
    catalog._load.cache_clear()
