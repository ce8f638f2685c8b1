"""Salvage what can still be read from a damaged draft into a new file.

The damaged file is never written: it is copied (with its journal, if a crash left
one) into a private folder and read from there.  Each table is read row by row; when
a scan breaks off at a damaged page, the rows are looked up one by one by rowid, which
reaches every row whose own page is intact.  The current values are then completed
from the revision history (``changes``), which is a second, independent copy of
every value ever saved.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import stat
import tempfile
from pathlib import Path

from reportdesk.core.records import record
from reportdesk.storage.draft import (
    CELL,
    META,
    TEXT,
    WARNING,
    Change,
    DraftFile,
    DraftState,
    replay,
    snapshot_source,
)
from reportdesk.storage.errors import DraftError, os_reason, sqlite_reason
from reportdesk.storage.schema import APPLICATION_ID, SQLITE_MAGIC

log = logging.getLogger(__name__)

_MAX_PROBE = 200_000
_MAX_MISSES = 2_000


@record
class RecoveryResult:
    path: Path
    cells: int
    texts: int
    meta: int
    warnings: int
    revisions_read: int
    complete: bool  # every table could be read to its end

    @property
    def summary(self) -> str:
        state = "全部内容均已读出" if self.complete else "部分内容已损坏，未能读出"
        return (f"已恢复到“{self.path}”：{self.cells} 个数字、{self.texts} 段文字、{self.meta} 项报告信息、"
                f"{self.warnings} 条已接受的警告（参考了 {self.revisions_read} 条修改记录）。{state}。"
                "请打开新文件核对内容。")


def _rows(db: sqlite3.Connection, table: str, columns: str) -> tuple[list[tuple], bool]:
    """All readable rows of *table*; the flag says whether the table was read without error."""
    rows: list[tuple] = []
    try:
        for row in db.execute(f"SELECT rowid, {columns} FROM {table}"):
            rows.append(row)
        return [r[1:] for r in rows], True
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            raise
        log.warning("scan of %s broke off after %d rows: %s", table, len(rows), exc)
    except sqlite3.DatabaseError as exc:
        log.warning("scan of %s broke off after %d rows: %s", table, len(rows), exc)
    found = {r[0]: r[1:] for r in rows}
    misses = 0
    rowid = 0
    while rowid < _MAX_PROBE and misses < _MAX_MISSES:
        rowid += 1
        if rowid in found:
            continue
        try:
            row = db.execute(f"SELECT {columns} FROM {table} WHERE rowid = ?", (rowid,)).fetchone()
        except sqlite3.DatabaseError:
            row = None
        if row is None:
            misses += 1
            continue
        misses = 0
        found[rowid] = row
    return [found[k] for k in sorted(found)], False


def _changes(db: sqlite3.Connection) -> tuple[list[tuple], bool]:
    """(kind, key, new, new_origin) of every readable change, in revision order."""
    rows: list[tuple] = []
    try:
        for row in db.execute("SELECT revision, seq, kind, key, new, new_origin FROM changes ORDER BY revision, seq"):
            rows.append(row)
        return [r[2:] for r in rows], True
    except sqlite3.DatabaseError as exc:
        log.warning("history scan broke off after %d rows: %s", len(rows), exc)
    # WITHOUT ROWID: probe revision by revision.
    found = list(rows)
    last = rows[-1][0] if rows else 0
    misses = 0
    revision = last
    while misses < _MAX_MISSES and revision < _MAX_PROBE:
        revision += 1
        try:
            got = db.execute("SELECT revision, seq, kind, key, new, new_origin FROM changes WHERE revision = ? "
                             "ORDER BY seq", (revision,)).fetchall()
        except sqlite3.DatabaseError:
            got = []
        if got:
            misses = 0
            found.extend(got)
        else:
            misses += 1
    return [r[2:] for r in found], False


def _fit_header(copy: Path) -> None:
    """Make the copy's header agree with its length, so that SQLite reads a truncated file up to its end."""
    data = bytearray(copy.read_bytes())
    if len(data) < 100:
        return
    page_size = int.from_bytes(data[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return
    if len(data) % page_size:
        data.extend(bytes(page_size - len(data) % page_size))
    data[28:32] = (len(data) // page_size).to_bytes(4, "big")
    copy.write_bytes(bytes(data))


def salvage(path: Path) -> tuple[DraftState, int, bool]:
    """Read what can be read from the draft at *path* (never writing to it)."""
    path = Path(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise DraftError(f"“{path.name}”不是普通文件（是文件夹、命名管道或设备），无法从中恢复。原文件未作改动。",
                             "not_a_draft")
        with path.open("rb") as f:
            head = f.read(100)
    except OSError as exc:
        raise DraftError(f"无法读取 {path}：{os_reason(exc)}", "io") from exc
    if not head.startswith(SQLITE_MAGIC):
        raise DraftError(
            "这个文件里没有可以恢复的草稿内容（文件为空，或不是 SQLite 数据库）。原文件未作改动。", "damaged")
    if len(head) >= 72 and int.from_bytes(head[68:72], "big") not in (APPLICATION_ID, 0):
        raise DraftError("这是其他程序的 SQLite 数据库，不是 ReportDesk 草稿，无法从中恢复。原文件未作改动。", "not_a_draft")
    ours = len(head) >= 72 and int.from_bytes(head[68:72], "big") == APPLICATION_ID
    with tempfile.TemporaryDirectory(prefix="reportdesk-recover-") as tmpdir:
        # A consistent copy; with the journal rolled back only when that gives a sound file
        # (a journal left beside a backup copied over the draft belongs to another file).
        copy = snapshot_source(path, Path(tmpdir))
        _fit_header(copy)
        try:
            db = sqlite3.connect(copy, isolation_level=None)
        except sqlite3.DatabaseError as exc:
            raise DraftError(f"这个文件已严重损坏，没有可以恢复的内容（{sqlite_reason(exc)}）。原文件未作改动。", "damaged") from exc
        try:
            with contextlib.suppress(sqlite3.DatabaseError):
                db.execute("PRAGMA writable_schema = OFF")
            state = DraftState()
            complete = True
            tables = (
                ("draft_info", "key, value"), ("meta", "key, value"), ("cells", "cell_id, value, origin"),
                ("texts", "key, text"), ("accepted_warnings", "key, reason"), ("previous_report", "json"),
            )
            read: dict[str, list[tuple]] = {}
            try:
                names = {r[0] for r in db.execute("SELECT name FROM sqlite_schema")}
            except sqlite3.DatabaseError:
                names = None
            if names is not None and not names & {"cells", "changes", "meta", "texts"}:
                if ours:
                    raise DraftError("这个草稿已损坏（可能只剩文件开头的一小段），其中没有能读出的内容。原文件未作改动；"
                                     "请查找该草稿的其他副本。", "damaged")
                raise DraftError("这是其他程序的 SQLite 数据库，不是 ReportDesk 草稿，无法从中恢复。原文件未作改动。",
                                 "not_a_draft")
            for table, columns in tables:
                try:
                    read[table], ok = _rows(db, table, columns)
                except sqlite3.DatabaseError as exc:
                    log.warning("table %s unreadable: %s", table, exc)
                    read[table], ok = [], False
                complete = complete and ok
            try:
                history, ok = _changes(db)
            except sqlite3.DatabaseError:
                history, ok = [], False
            complete = complete and ok
        finally:
            db.close()
    state.info = {k: v for k, v in read["draft_info"] if isinstance(k, str) and isinstance(v, str)}
    replayed = replay(history)
    state.meta = {k: v for (kind, k), (v, _o) in replayed.items() if kind == META}
    state.cells = {k: (v, o or "typed") for (kind, k), (v, o) in replayed.items() if kind == CELL}
    state.texts = {k: v for (kind, k), (v, _o) in replayed.items() if kind == TEXT}
    state.warnings = {k: v for (kind, k), (v, _o) in replayed.items() if kind == WARNING}
    # The current-state tables win over the history where both were read.
    state.meta.update({k: v for k, v in read["meta"] if isinstance(v, str)})
    state.cells.update({k: (v, o) for k, v, o in read["cells"] if isinstance(v, str)})
    state.texts.update({k: v for k, v in read["texts"] if isinstance(v, str)})
    state.warnings.update({k: v for k, v in read["accepted_warnings"] if isinstance(v, str)})
    if read["previous_report"]:
        state.previous_json = read["previous_report"][0][0]
    return state, len(history), complete


def recover(source: Path, target: Path) -> RecoveryResult:
    """Write what can be read from *source* into a new draft *target* (which must not exist)."""
    from reportdesk.core.catalog import DEFAULT_FORM_ID, UnknownFormError, get_form

    state, revisions, complete = salvage(source)
    if not (state.cells or state.texts or state.meta or state.warnings):
        raise DraftError("这个草稿已损坏，其中没有能读出的内容。原文件未作改动。", "damaged")
    form_id = state.info.get("form_id") or DEFAULT_FORM_ID
    try:
        form = get_form(form_id)
    except UnknownFormError as exc:
        raise DraftError(f"无法恢复：{exc.args[0]}。请安装这一报告格式（reportdesk forms 列出已安装的格式）后再试。"
                         "原文件未作改动。", "future_version") from exc
    except (LookupError, OSError, ValueError) as exc:
        shown = form_id if len(form_id) <= 40 else form_id[:40] + "…"
        raise DraftError(f"这个草稿使用的报告格式“{shown}”不被本程序支持，无法恢复。原文件未作改动；"
                         "请用支持该格式的 ReportDesk 版本恢复。", "future_version") from exc
    info = {"form_id": form.id, "form_version": state.info.get("form_version", str(form.version)),
            "recovered_from": str(Path(source).resolve())}
    changes = [Change(META, k, None, v) for k, v in sorted(state.meta.items())]
    changes += [Change(CELL, k, None, v, None, o if o in ("typed", "pasted", "imported", "carried") else "typed")
                for k, (v, o) in sorted(state.cells.items()) if k in form.cells and form.cells[k].input]
    changes += [Change(TEXT, k, None, v) for k, v in sorted(state.texts.items()) if v]
    changes += [Change(WARNING, k, None, v) for k, v in sorted(state.warnings.items())]
    file = DraftFile.create(Path(target), info=info, changes=changes,
                            description=f"从损坏的草稿“{Path(source).name}”恢复", previous_json=state.previous_json)
    file.close()
    return RecoveryResult(Path(target), len(state.cells), len(state.texts), len(state.meta), len(state.warnings),
                          revisions, complete)
