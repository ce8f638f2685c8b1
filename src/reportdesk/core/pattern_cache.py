"""The text checks' regular expressions, kept compiled between runs.

The first check of a report compiles some eighty long patterns (the vocabulary of the form, the
zero-statement and citation patterns): about 10 ms in Python's ``re`` parser and compiler, at every
start of the app.  What that work produces is a short list of numbers per pattern, which the
regular expression engine (``_sre``) turns into a pattern object in microseconds.  This module keeps
those numbers in ``<cache>/patterns.json`` (:func:`reportdesk.places.cache_dir`) and builds the
patterns from them on later runs.  The copy is only ever a copy:

- an entry is looked up by the exact pattern text and flags, so a changed pattern is compiled afresh;
- the file names the Python version and the engine's version; from another one it is not read;
- an entry is written only after the pattern built from it was found equal (same code, flags and
  pattern) to the one ``re.compile`` made, and a checksum covers the file, so a damaged copy is never
  used; the engine also checks the code it is given;
- anything unexpected (no such engine internals in another Python, an unreadable or unwritable file)
  means ``re.compile``, as without the cache.

Patterns new to the file are written when the program exits (or on :func:`save`); a batch check's worker
processes, which end without the exit handlers, write them after each file (a no-op once nothing is new).
"""

from __future__ import annotations

import atexit
import json
import logging
import re
import sys
import zlib
from typing import Any

from reportdesk.core.cache_files import read_regular_file, write_whole
from reportdesk.places import cache_dir

log = logging.getLogger(__name__)

#: The layout of the file; a file of another layout is not read.
FORMAT = 1
MAX_FILE_BYTES = 4 * 1024 * 1024
#: More entries than this (patterns of earlier versions, of many report years) and only this run's are
#: kept: the whole file is read at each start, and ~80 patterns make ~60 KB of it.
MAX_ENTRIES = 500

_Entry = list[Any]  # [flags, code, groups, groupindex, indexgroup], as _sre.compile takes them
_kept: dict[str, _Entry] | None = None  # read from the file on first use
_new: dict[str, tuple[str, int, re.Pattern[str]]] = {}  # compiled this run, not in the file
_used: set[str] = set()
_save_registered = False


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the kept copy when there is one."""
    key = f"{flags}:{pattern}"
    entry = _entries().get(key)
    if entry is not None:
        built = _build(pattern, entry)
        if built is not None:
            _used.add(key)
            return built
    compiled = re.compile(pattern, flags)
    if key not in _new:
        _new[key] = (pattern, flags, compiled)
        _register_save()
    return compiled


def save() -> None:
    """Write the patterns compiled this run to the file, with those kept before; never fails."""
    global _kept
    if not _new:
        return
    kept = dict(_entries())
    if len(kept) + len(_new) > MAX_ENTRIES:
        kept = {key: kept[key] for key in _used if key in kept}
    for key, (pattern, flags, compiled) in _new.items():
        entry = _entry(pattern, flags, compiled)
        if entry is not None:
            kept[key] = entry
    _new.clear()
    _kept = kept
    # ASCII escapes: a pattern may hold lone surrogates ("[\ud800-\udfff]"), which UTF-8 cannot encode
    body = json.dumps(kept, separators=(",", ":")).encode("ascii")
    header = json.dumps({"format": FORMAT, "engine": _engine(), "checksum": zlib.crc32(body)}).encode("ascii")
    write_whole(cache_dir() / "patterns.json", header + b"\n" + body)


def forget() -> None:
    """Start afresh, as a new run would (for tests)."""
    global _kept
    _kept = None
    _new.clear()
    _used.clear()


def _entries() -> dict[str, _Entry]:
    global _kept
    if _kept is None:
        _kept = _read()
    return _kept


def _read() -> dict[str, _Entry]:
    raw = read_regular_file(cache_dir() / "patterns.json", MAX_FILE_BYTES)
    if raw is None:
        return {}
    try:
        head, body = raw.split(b"\n", 1)
        header = json.loads(head)
        if (not isinstance(header, dict) or header.get("format") != FORMAT or header.get("engine") != _engine()
                or header.get("checksum") != zlib.crc32(body)):
            return {}
        entries = json.loads(body)
    except (ValueError, RecursionError):
        return {}
    return entries if isinstance(entries, dict) else {}


def _engine() -> list[object]:
    """What the kept code depends on: the interpreter and its regular expression engine."""
    try:
        import _sre

        return [sys.implementation.cache_tag, sys.version, _sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT,
                _sre.MAXGROUPS]
    except (ImportError, AttributeError):
        return [sys.implementation.cache_tag, sys.version]


def _build(pattern: str, entry: _Entry) -> re.Pattern[str] | None:
    try:
        import _sre

        final_flags, code, groups, groupindex, indexgroup = entry
        built = _sre.compile(pattern, final_flags, code, groups, groupindex, tuple(indexgroup))
    except Exception:  # another engine, a damaged entry: compile it as re does
        log.info("kept pattern not usable; compiling it afresh", exc_info=True)
        return None
    return built if isinstance(built, re.Pattern) else None


def _entry(pattern: str, flags: int, compiled: re.Pattern[str]) -> _Entry | None:
    """What ``re`` made of *pattern*, as _sre.compile takes it; None when it cannot be made here or
    the pattern built from it is not the one ``re.compile`` made."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        tree = _parser.parse(pattern, flags)
        code = _compiler._code(tree, flags)
        groupindex = dict(tree.state.groupdict)
        indexgroup: list[str | None] = [None] * tree.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry: _Entry = [flags | tree.state.flags, list(code), tree.state.groups - 1, groupindex, indexgroup]
    except Exception:  # another Python's internals: simply not kept
        log.info("pattern not kept", exc_info=True)
        return None
    built = _build(pattern, entry)
    if built is None or built != compiled or built.groupindex != compiled.groupindex:
        return None
    return entry


def save_quietly() -> None:
    """:func:`save`, logging instead of raising (at exit, and in a worker process after each file)."""
    try:
        save()
    except Exception:  # a copy not kept is no error, and an exit never shows a traceback
        log.info("patterns not kept", exc_info=True)


def _register_save() -> None:
    global _save_registered
    if not _save_registered:
        atexit.register(save_quietly)
        _save_registered = True
