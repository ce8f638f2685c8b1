"""Where drafts live by default, and the list of recent drafts for the start page."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from datetime import datetime
from pathlib import Path

from reportdesk.core.records import record
from reportdesk.places import user_home
from reportdesk.storage.errors import DraftError

log = logging.getLogger(__name__)

RECENT_FILE = "recent.json"
MAX_RECENT = 30


def drafts_home() -> Path:
    """Where drafts go by default: the user's data folder (:func:`reportdesk.places.user_home`)."""
    return user_home()


@record
class RecentDraft:
    path: Path
    agency: str
    year: int | None
    modified: datetime
    completeness: float  # 0..1: filled input cells and section texts over all of them
    error: str | None = None  # why it cannot be read (damaged, newer version …), None when fine
    completed: str | None = None  # "张三 2024-01-20 10:31" when marked 已完成 (标记为已完成)


def _recent_file() -> Path:
    return drafts_home() / RECENT_FILE


def _load_recent_paths() -> list[Path]:
    try:
        data = json.loads(_recent_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(data, list):
        return []
    return [Path(p) for p in data if isinstance(p, str)]


def remember_draft(path: Path) -> None:
    """Put *path* at the top of the recent list (best effort: never fails an edit)."""
    path = Path(path).resolve()
    paths = [path, *(p for p in _load_recent_paths() if p != path)][:MAX_RECENT]
    target = _recent_file()
    tmp: Path | None = None
    try:
        # mkstemp: O_EXCL | O_NOFOLLOW, so a planted link is never written through
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        tmp = Path(name)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(json.dumps([str(p) for p in paths], ensure_ascii=False, indent=1))
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        log.warning("could not update the recent drafts list %s: %s", target, exc)
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()


def recent_drafts() -> list[RecentDraft]:
    """Drafts opened recently and those in :func:`drafts_home`, newest first; missing files are left out."""
    paths: dict[Path, None] = {}
    for candidate in _load_recent_paths() + sorted(drafts_home().glob("*.rdesk")):
        path = candidate.resolve()
        if path.is_file():
            paths.setdefault(path)
    if not paths:  # a first start: the codec and the domain under it are not needed yet
        return []
    from reportdesk.storage.codec import SIGNOFF_KEY, decode, self_review_marks
    from reportdesk.storage.draft import read_state

    result: list[RecentDraft] = []
    for path in paths:
        modified = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
        try:
            state = read_state(path)[0]
            loaded = decode(state, path.name)
        except DraftError as exc:
            result.append(RecentDraft(path, "", None, modified, 0.0, exc.message))
            continue
        form, report = loaded.form, loaded.report
        total = len(form.input_cells) + len(form.text_sections)
        filled = sum(1 for c in form.input_cells if report.cells.get(c) is not None)
        filled += sum(1 for s in form.text_sections if report.texts.get(s.id, "").strip())
        signoff = self_review_marks(state.meta).get(SIGNOFF_KEY)
        completed = f"{signoff.get('by', '')} {signoff.get('at', '')[:16].replace('T', ' ')}" if signoff else None
        result.append(RecentDraft(path, report.agency, report.year, modified, filled / total if total else 0.0,
                                  completed=completed))
    result.sort(key=lambda d: d.modified, reverse=True)
    return result
