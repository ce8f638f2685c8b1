"""The parsed content of each form file, kept as JSON so that a start does not parse the TOML again.

Parsing the 2021 form's TOML (and importing ``tomllib``) is a visible part of opening a draft;
reading the same data back from JSON takes a tenth of it.  The copy is only ever a copy:

- it is used only when it holds exactly the text the form file holds now (the whole text is
  stored in it and compared), so an edited, replaced or reinstalled form file is parsed afresh;
- a checksum covers what it holds, so a damaged copy is never read as a form;
- a copy that cannot be read, is damaged, or comes from another format version is ignored and
  replaced; one that cannot be written (read-only or full disk) is simply not kept.

The file (``<cache>/forms/<name>-<hash of the path>.json``, :func:`reportdesk.places.cache_dir`)
has three lines: a header with the checksum, the form file's text as a JSON string, and the
parsed data.
"""

from __future__ import annotations

import json
import logging
import zlib
from pathlib import Path
from typing import Any

from reportdesk.core.cache_files import read_regular_file, write_whole
from reportdesk.places import cache_dir

log = logging.getLogger(__name__)

#: The layout of the cache file; a copy of another layout is not read.
FORMAT = 1
#: A copy larger than this is not read (a form file is at most 2 MB; its copy holds it twice).
MAX_COPY_BYTES = 8 * 1024 * 1024


def cache_file(form_file: Path) -> Path:
    """Where the parsed copy of *form_file* is kept (one per form file: the program's and the user's
    files of the same name do not share one)."""
    key = zlib.crc32(str(form_file.absolute()).encode("utf-8"))
    return cache_dir() / "forms" / f"{form_file.stem}-{key:08x}.json"


def load(form_file: Path, text: str) -> dict[str, Any] | None:
    """The data parsed from *text* when a sound copy made from exactly this text is kept, else None."""
    raw = read_regular_file(cache_file(form_file), MAX_COPY_BYTES)
    if raw is None:
        return None
    try:
        head, source, data = raw.split(b"\n", 2)
        header = json.loads(head)
        if (not isinstance(header, dict) or header.get("format") != FORMAT
                or header.get("checksum") != zlib.crc32(source + b"\n" + data)):
            return None
        if json.loads(source) != text:
            return None
        parsed = json.loads(data)
    except (ValueError, RecursionError):  # not three lines, not JSON: damaged
        return None
    return parsed if isinstance(parsed, dict) else None


def store(form_file: Path, text: str, data: dict[str, Any]) -> None:
    """Keep the parsed *data* of *text*; never fails (a copy that cannot be written is not kept)."""
    try:
        source = json.dumps(text, ensure_ascii=False).encode("utf-8")
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except (TypeError, ValueError):  # a value JSON cannot hold (a TOML date): parse it each time
        return
    header = json.dumps({"format": FORMAT, "checksum": zlib.crc32(source + b"\n" + body)}).encode("ascii")
    write_whole(cache_file(form_file), header + b"\n" + source + b"\n" + body)
