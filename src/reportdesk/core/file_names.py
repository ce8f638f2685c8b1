"""File names made from agency names and years, valid on Windows and Linux alike.

Drafts and exports are named after the report (``某市某某局-2023.rdesk``,
``某市某某局2023年政府信息公开工作年度报告.docx``).  An agency's name may hold anything a
clerk typed or a file carried; :func:`safe_file_name` keeps the Chinese readable and
makes the name valid everywhere:

- the characters Windows forbids, ``\\ / : * ? " < > |``, become their full-width forms
  (``某局：办公室`` stays readable), control characters and invisible direction marks
  are dropped and runs of white space become one space;
- the reserved device names (CON, PRN, AUX, NUL, COM1–9, LPT1–9, also with superscript
  digits, with any extension and in any case) get an underscore (``CON_.rdesk``);
- trailing dots and spaces, which Windows drops silently, are removed (and leading dots,
  which hide a file on Linux);
- the name fits 255 characters (UTF-16) and 255 bytes (UTF-8, the Linux limit: 85
  Chinese characters), and with *folder* the whole path fits Windows' 260 characters.

Standard library only; nothing here touches the disk.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from pathlib import Path, PurePosixPath

from reportdesk.core.pattern_cache import compile_pattern

log = logging.getLogger(__name__)

#: Windows' forbidden characters and the full-width forms that stand for them.
WINDOWS_FORBIDDEN = '\\/:*?"<>|'
_FULL_WIDTH = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in WINDOWS_FORBIDDEN})
#: Device names Windows reserves whatever the extension ("NUL.txt" is the device NUL too).
RESERVED_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"{kind}{n}" for kind in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")}
)
#: MAX_PATH: a full path (with its terminating NUL) on Windows without long-path support.
MAX_PATH = 260
MAX_COMPONENT = 255  # characters (UTF-16 units) on NTFS, bytes on ext4
#: Room kept for "-NN" when a name is taken (see free_path).
UNIQUE_ROOM = 4
#: Room a draft's name keeps for the files beside it, whose names add to the draft's: the
#: journal ("-journal"), the lock (".lock") and, longest, the temporary under which a new
#: draft is built (".NAME.PID-xxxxxxxx.creating-journal", see reportdesk.storage.draft).
DRAFT_COMPANION_ROOM = len(".") + len(".4194304-0123abcd.creating-journal")
FALLBACK = "报告"

_INVISIBLE = compile_pattern("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]")
_SURROGATES = compile_pattern("[\ud800-\udfff]")


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _fits(name: str, limit: int, room: int) -> bool:
    """Whether *name* plus *room* more ASCII characters fits *limit* UTF-16 units and 255 bytes."""
    return _utf16_len(name) + room <= limit and len(name.encode("utf-8")) + room <= MAX_COMPONENT


def clean_part(text: str) -> str:
    """*text* with what cannot be in a file name replaced or removed (no length limit)."""
    text = unicodedata.normalize("NFC", _SURROGATES.sub("", str(text)))
    text = _INVISIBLE.sub("", text)
    out = []
    for ch in text:
        if ch.isspace():
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs"):
            continue  # controls and format marks; private-use and newer characters are kept (rare 汉字)
        else:
            out.append(ch)
    return re.sub(" +", " ", "".join(out).translate(_FULL_WIDTH)).strip()


def is_reserved(name: str) -> bool:
    """Whether Windows takes *name* for a device (the part before the first dot, any case)."""
    base = name.split(".", 1)[0].rstrip(" ")
    return base.upper() in RESERVED_NAMES


def name_limit(folder: str | None = None) -> int:
    """How long (UTF-16 units) a name in *folder* may be so that the path fits MAX_PATH."""
    if not folder:
        return MAX_COMPONENT
    room = MAX_PATH - 1 - _utf16_len(str(folder).rstrip("\\/")) - 1
    return max(1, min(MAX_COMPONENT, room))


def safe_file_name(stem: str, suffix: str = "", *, folder: str | None = None,
                   room: int = UNIQUE_ROOM, fallback: str = FALLBACK) -> str:
    """A valid file name from *stem* (any text) and *suffix* (such as ``".rdesk"``).

    *folder* (as a string or path) limits the name so that ``folder/name`` fits MAX_PATH;
    *room* characters are kept free for a "-2" added when the name is taken.
    """
    suffix = clean_part(suffix).replace(" ", "")
    if suffix and not suffix.startswith("."):
        suffix = "." + suffix
    base = clean_part(stem).strip(". ")  # a leading dot would hide the file on Linux
    if not base:
        base = fallback
    limit = name_limit(str(folder) if folder is not None else None)
    while base and not _fits(base + suffix, limit, room):
        base = base[:-1]
    base = base.rstrip(". ")
    if not base:
        log.warning("no room for a file name in %s", folder)
        base = fallback[:1]
    if is_reserved(base + suffix):
        first, dot, rest = base.partition(".")
        base = first.rstrip(" ") + "_" + dot + rest  # "NUL.txt" → "NUL_.txt": the device part changes
    return base + suffix


def draft_file_name(agency: str, year: int | str | None, *, folder: str | None = None) -> str:
    """``某市某某局-2023.rdesk``: the name of a new draft."""
    year_part = f"-{year}" if year not in (None, "") else ""
    agency_part = clean_part(agency).strip(". ") or FALLBACK
    return _with_tail(agency_part, year_part, ".rdesk", folder, room=UNIQUE_ROOM + DRAFT_COMPANION_ROOM)


def export_file_name(agency: str, year: int | str | None, suffix: str, *, folder: str | None = None) -> str:
    """``某市某某局2023年政府信息公开工作年度报告.docx``: the default name of an export (the report's own
    title, 年度 said once)."""
    agency_part = clean_part(agency).strip(". ") or "本单位"
    year_part = f"{year}年" if year not in (None, "") else ""
    return _with_tail(agency_part, f"{year_part}政府信息公开工作年度报告", suffix, folder, room=0)


def _with_tail(head: str, tail: str, suffix: str, folder: str | None, room: int = UNIQUE_ROOM) -> str:
    """*head* + *tail*, shortening the head (the agency) first so that the year stays visible."""
    tail = clean_part(tail)
    limit = name_limit(folder)
    while len(head) > 1 and not _fits(head + tail + suffix, limit, room):
        head = head[:-1]
    return safe_file_name(head.rstrip(". ") + tail, suffix, folder=folder, room=room)


def free_path(folder: Path, name: str) -> Path:
    """*folder*/*name* made safe (:func:`safe_file_name`), with "-2", "-3" … added to the stem when
    the name is taken; an existing file is never chosen."""
    folder = Path(folder)
    suffix = PurePosixPath(name).suffix
    safe = safe_file_name(name[: len(name) - len(suffix)], suffix, folder=str(folder))
    stem = safe[: len(safe) - len(suffix)]
    path, n = folder / safe, 2
    while path.exists() or path.is_symlink():
        candidate = folder / safe_file_name(f"{stem}-{n}", suffix, folder=str(folder), room=0)
        if candidate == path:  # no room left for the number: shorten the stem
            stem = stem[:-1] or "_"
            continue
        path, n = candidate, n + 1
    return path
