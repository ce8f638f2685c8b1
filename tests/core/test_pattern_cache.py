"""The compiled text patterns kept between runs: used only when sound, and always the pattern re makes."""

from __future__ import annotations

import json
import os
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from reportdesk.core import pattern_cache
from reportdesk.core.pattern_cache import compile_pattern
from reportdesk.places import cache_dir

SAMPLES = [
    (r"(?P<issuer>国[^\s〔【]{1,9}?)\s*[〔【]\s*2021\s*[〕】]\s*30\s*号", 0),
    (r"(?:未|没有|无)(?:发生|出现)?(?:行政复议|行政诉讼)", 0),
    (r"^\d{1,3}(,\d{3})+$", re.ASCII),
    (r"report (?P<y>\d{4})", re.IGNORECASE),
    ("[\ud800-\udfff]", 0),  # lone surrogates in the pattern text: UTF-8 cannot hold them
]


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    pattern_cache.forget()
    yield
    pattern_cache.forget()


def kept_file() -> Path:
    return cache_dir() / "patterns.json"


def next_run() -> None:
    """What the next start of the program sees: the file, and nothing in memory."""
    pattern_cache.save()
    pattern_cache.forget()


def refuse_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("compiled afresh")

    monkeypatch.setattr(pattern_cache.re, "compile", refuse)


def test_a_pattern_compiled_once_is_built_from_the_file_next_time(monkeypatch: pytest.MonkeyPatch) -> None:
    made = [re.compile(p, f) for p, f in SAMPLES]
    assert [compile_pattern(p, f) for p, f in SAMPLES] == made
    next_run()
    assert kept_file().is_file()
    refuse_compiling(monkeypatch)
    built = [compile_pattern(p, f) for p, f in SAMPLES]
    assert built == made
    assert [b.groupindex for b in built] == [m.groupindex for m in made]
    text = "依据国务院办公厅政府信息公开办公室〔2021〕30号，本年未发生行政复议。1,234 REPORT 2023"
    for b, m in zip(built, made, strict=True):
        assert [x.span() for x in b.finditer(text)] == [x.span() for x in m.finditer(text)]


def drop_compiled() -> None:
    """Forget every text pattern compiled in memory, as a new process starts."""
    from reportdesk.core import text
    from reportdesk.core.text import lazy, rules, vocabulary

    text.forget_reading()
    for made in lazy._MADE:
        made._compiled = None
    vocabulary._CACHE.clear()
    rules._alternation.cache_clear()
    rules._citations.cache_clear()


def test_the_text_checks_find_the_same_with_the_kept_patterns() -> None:
    from reportdesk.core.checks import check_report
    from reportdesk.core.text import lazy
    from tests.factories import complete_report

    reports = [complete_report(seed) for seed in range(1, 4)]
    broken = complete_report(4)
    broken.texts["overview"] = "本年度未收到政府信息公开申请，共收到申请120件，依据国办公开办函〔2019〕60号编制。"
    reports.append(broken)
    drop_compiled()
    lazy.compile_all()
    first = [check_report(r) for r in reports]
    assert any(first)
    assert len(pattern_cache._new) > 60  # the vocabulary, the citations and the lazy patterns
    next_run()
    drop_compiled()
    assert [check_report(r) for r in reports] == first
    assert len(pattern_cache._used) > 60


def _rewrite(change: object) -> None:
    head, body = kept_file().read_bytes().split(b"\n", 1)
    header, entries = json.loads(head), json.loads(body)
    change(header, entries)  # type: ignore[operator]
    body = json.dumps(entries).encode()
    header["checksum"] = zlib.crc32(body)
    kept_file().write_bytes(json.dumps(header).encode() + b"\n" + body)


@pytest.mark.parametrize("damage", ["flipped byte", "truncated", "not json", "another engine", "garbage code",
                                    "wrong shape"])
def test_a_damaged_or_foreign_file_is_never_used(damage: str, monkeypatch: pytest.MonkeyPatch) -> None:
    pattern, flags = SAMPLES[0]
    compile_pattern(pattern, flags)
    next_run()
    raw = kept_file().read_bytes()
    if damage == "flipped byte":
        kept_file().write_bytes(raw[:-20] + bytes([raw[-20] ^ 1]) + raw[-19:])
    elif damage == "truncated":
        kept_file().write_bytes(raw[: len(raw) // 2])
    elif damage == "not json":
        kept_file().write_bytes(b"\x00\xff" * 100)
    elif damage == "another engine":
        _rewrite(lambda header, entries: header.update(engine=["cpython-99", "99.0"]))
    elif damage == "garbage code":  # the engine refuses code that is not a program
        _rewrite(lambda header, entries: [entry.__setitem__(1, [1, 2, 3, 4]) for entry in entries.values()])
    else:
        _rewrite(lambda header, entries: entries.update({key: "x" for key in entries}))
    compiled: list[object] = []
    real = re.compile
    monkeypatch.setattr(pattern_cache.re, "compile", lambda p, f=0: compiled.append(p) or real(p, f))
    assert compile_pattern(pattern, flags) == real(pattern, flags)
    assert compiled == [pattern]


def test_a_fifo_or_a_folder_in_its_place_is_ignored_and_an_unwritable_folder_is_not_an_error() -> None:
    pattern, flags = SAMPLES[1]
    cache_dir().mkdir(parents=True, exist_ok=True)
    if hasattr(os, "mkfifo"):
        os.mkfifo(kept_file())  # a plain read would wait for a writer for ever
        assert compile_pattern(pattern, flags) == re.compile(pattern, flags)
        os.unlink(kept_file())
        pattern_cache.forget()
    kept_file().mkdir()
    assert compile_pattern(pattern, flags) == re.compile(pattern, flags)
    pattern_cache.save()  # cannot replace a folder: not kept, and no error
    assert kept_file().is_dir()
    assert not [p for p in cache_dir().iterdir() if p.name.endswith(".tmp")]


def test_many_report_years_do_not_grow_the_file_without_end(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pattern_cache, "MAX_ENTRIES", 5)
    for year in range(2020, 2026):
        compile_pattern(f"{year}\\s*年")
    next_run()
    compile_pattern("2030\\s*年")
    compile_pattern("2020\\s*年")  # used this run
    next_run()
    entries = json.loads(kept_file().read_bytes().split(b"\n", 1)[1])
    assert sorted(entries) == ["0:2020\\s*年", "0:2030\\s*年"]


def test_keeping_the_patterns_at_exit_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(pattern_cache, "save", broken)
    pattern_cache.save_quietly()  # logged, not raised: an exit never shows a traceback
